"""One round of following: read every source, fetch what is new, extract it, store it.

Sources and items are fetched on a few threads, one host per thread at a time (the polite
transport keeps each host to one request at a time anyway); extraction and every database
write happen on the calling thread, a chunk of fetched documents at a time.
"""
from __future__ import annotations

import logging
import queue
import sys
import threading
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import httpx
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from ..document import RawDocument
from ..errors import InputError
from ..extract import extract_documents
from ..acquire.fetch import _RETRY_STATUS, _read_capped, fetch_url
from ..settings import get_settings
from ..store import Store
from ..store.store import ANALYZE_AFTER
from .listing import Listing, ListingError, parse_listing
from .polite import HostDeferred, origin_of, polite_client
from .settings import FollowSettings
from .state import FollowState, Item, Source

log = logging.getLogger(__name__)
_CHUNK = 16  # fetched documents per extraction call: nlp.pipe costs ~0.3 s a call on top of the documents
_ITEM_FIELDS = ("title", "published", "publisher")
# A source's last round, as GET /sources shows it.
COUNTS = ("listed", "new", "duplicates", "stored", "existing", "failed", "deferred")


@dataclass
class RoundSummary:
    sources: int = 0
    sources_failed: int = 0
    new: int = 0
    stored: int = 0
    existing: int = 0
    failed: int = 0
    deferred: int = 0
    errors: list[InputError] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.sources} sources read ({self.sources_failed} failed), {self.new} new items, "
                f"{self.stored} stored, {self.existing} already stored, {self.failed} failed, "
                f"{self.deferred} deferred")


@dataclass
class _Reading:
    """What reading a source gave: a listing, 304 Not Modified, or the error."""

    listing: Listing | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: InputError | None = None

    @property
    def unchanged(self) -> bool:
        return self.listing is None and self.error is None


def _deferral_error(url: str, exc: HostDeferred) -> InputError:
    return InputError(url, "follow", f"not read this round: {exc.reason}", "It is read again next round.")


class Follower:
    """Follows sources into `store`; keep one across rounds (it remembers robots.txt and delays)."""

    def __init__(self, store: Store, settings: FollowSettings | None = None, progress: bool = False,
                 report: Callable[[InputError], None] | None = None):
        self.settings = settings or FollowSettings()
        self.state = FollowState(store)
        self.store = store
        self.progress = progress
        self.report = report or (lambda error: log.warning("%s", error))
        self.stop = threading.Event()
        self.polite = polite_client(self.settings, self.stop)

    def close(self) -> None:
        self.stop.set()
        self.polite.close()

    def __enter__(self) -> "Follower":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def run_round(self, urls: list[str]) -> RoundSummary:
        summary, counts = RoundSummary(), defaultdict(Counter)
        self.stop.clear()
        try:
            read = self._read_sources(self.state.register(urls), summary, counts)
            # Items of sources not read this round (an index that failed) are still retried.
            self._fetch_items(self.state.due_items(self.state.family(read)), summary, counts)
        finally:
            self.state.save_counts({k: {name: v[name] for name in COUNTS} for k, v in counts.items()})
        if summary.stored >= ANALYZE_AFTER:
            self.store.optimize()
        return summary

    def _fail(self, error: InputError, summary: RoundSummary) -> None:
        summary.errors.append(error)
        self.report(error)

    # --- sources --------------------------------------------------------------------------

    def _read_sources(self, roots: list[Source], summary: RoundSummary, counts) -> set[int]:
        """Read the sources, then the feeds their pages link to and the sitemaps their indexes
        list; return the ids of all of them (their items are the ones due this round)."""
        seen: set[int] = set()
        todo = roots
        with ThreadPoolExecutor(self.settings.workers) as pool:
            try:
                while todo := [s for s in todo if s.id not in seen]:
                    seen.update(s.id for s in todo)
                    futures = {pool.submit(self._read, s): s for s in todo}
                    todo = []
                    for future in as_completed(futures):
                        todo += self._apply(futures[future], future.result(), summary, counts)
            except BaseException:
                self.stop.set()  # before the pool waits for its threads: they give up at once
                raise
        return seen

    def _read(self, source: Source) -> _Reading:
        headers = {}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        try:
            response = self._get(source.url, headers)
            if response is None:
                return _Reading()
            data, response_headers, final_url = response
            ctype = response_headers.get("content-type", "").split(";")[0].strip().lower()
            listing = parse_listing(data, final_url, ctype, get_settings().max_page_bytes)
            return _Reading(listing, response_headers.get("etag"), response_headers.get("last-modified"))
        except HostDeferred as exc:
            return _Reading(error=_deferral_error(source.url, exc))
        except InputError as exc:  # named after the source even when robots.txt or a redirect failed
            return _Reading(error=exc if exc.source == source.url else ListingError(source.url, exc.problem, exc.hint))
        except Exception as exc:  # noqa: BLE001 - a bug or odd input must not end the round
            log.exception("reading %s", source.url)
            return _Reading(error=ListingError(source.url, f"internal error: {exc!r}",
                                               "Please report this with the source URL."))

    def _get(self, url: str, headers: dict) -> tuple[bytes, httpx.Headers, str] | None:
        """The source's bytes, or None for 304 Not Modified; retried like fetch_url (the
        transport keeps the pauses the host asks for)."""
        settings = get_settings()
        attempts, last = max(1, settings.fetch_retries), ""
        for attempt in range(attempts):
            if attempt and self.stop.wait(settings.fetch_backoff * 2 ** (attempt - 1)):
                break
            try:
                with self.polite.client.stream("GET", url, headers=headers) as response:
                    if response.status_code == 304:
                        return None
                    if response.status_code in _RETRY_STATUS:
                        last = f"HTTP {response.status_code}"
                        continue
                    if response.status_code >= 400:
                        raise ListingError(url, f"the server answered HTTP {response.status_code}",
                                           "Check the URL in a browser; the feed may have moved.")
                    try:
                        data = _read_capped(response, url, settings.max_page_bytes)
                    except InputError as exc:
                        raise ListingError(url, exc.problem, "A feed or sitemap this large is unusual; "
                                           "EXTRACTOR_MAX_PAGE_BYTES raises the limit.") from None
                    return data, response.headers, str(response.url)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                last = f"{exc.__class__.__name__}: {exc}"
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise ListingError(url, f"the request failed ({exc.__class__.__name__}: {exc})",
                                   "Check the URL.") from None
        raise ListingError(url, f"cannot be read: failed after {attempts} attempts (last: {last})",
                           "Check the address, or wait: it is tried again next round; "
                           "EXTRACTOR_FETCH_RETRIES sets the number of attempts.")

    def _apply(self, source: Source, reading: _Reading, summary: RoundSummary, counts) -> list[Source]:
        """Save one reading; return the sources found in it that are to be read next."""
        summary.sources += 1
        counts[source.id].update()  # a source read with nothing new still reports its round
        if reading.error is not None:
            summary.sources_failed += 1
            self.state.record_error(source, reading.error)
            self._fail(reading.error, summary)
            # A page's feeds may well work when the page does not; an index's sitemaps are
            # read only when the index says they changed.
            return self.state.children(source.id) if source.kind == "page" else []
        if reading.unchanged:
            log.info("%s: not modified", source.url)
            self.state.record_unchanged(source)
            return self.state.children(source.id) if source.kind == "page" else []
        listing = reading.listing
        new, duplicates = self.state.record_listing(source, listing, reading.etag, reading.last_modified)
        log.info("%s: %s, %d listed, %d new", source.url, listing.kind, len(listing.entries), new)
        summary.new += new
        counts[source.id].update(listed=len(listing.entries), new=new, duplicates=duplicates)
        if not listing.children:
            return []
        children = self.state.register([c.url for c in listing.children], parent_id=source.id)
        if listing.kind != "sitemap_index":
            return children
        changed = []
        for child, listed in zip(children, listing.children):
            child.listed_lastmod = listed.lastmod
            if not (listed.lastmod and listed.lastmod == child.lastmod and child.last_status in ("ok", "unchanged")):
                changed.append(child)
        changed.sort(key=lambda c: c.listed_lastmod or "", reverse=True)
        return changed[:self.settings.max_children]

    # --- items ----------------------------------------------------------------------------

    def _fetch(self, item: Item) -> RawDocument | InputError | HostDeferred:
        if self.stop.is_set():
            return HostDeferred(origin_of(item.url), 0.0, "stopping")
        try:
            raw = fetch_url(item.url, client=self.polite.client)
        except HostDeferred as exc:
            return exc
        except InputError as exc:  # named after the item even when robots.txt or a redirect failed
            return exc if exc.source == item.url else InputError(item.url, exc.stage, exc.problem, exc.hint)
        except Exception as exc:  # noqa: BLE001 - reported on the item, the round goes on
            log.exception("fetching %s", item.url)
            return InputError(item.url, "fetch", f"internal error: {exc!r}", "Please report this with the URL.")
        # The feed's metadata is given metadata, as in a JSONL dump: it wins over the page's.
        raw.meta = {k: getattr(item, k) for k in _ITEM_FIELDS if getattr(item, k)}
        return raw

    def _fetch_items(self, items: list[Item], summary: RoundSummary, counts) -> None:
        by_host: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            by_host[origin_of(item.url)].append(item)
        done: queue.Queue = queue.Queue()

        def work(host_items: list[Item]) -> None:
            for item in host_items:
                done.put((item, self._fetch(item)))

        with tqdm(total=len(items), desc="follow", unit="item", disable=not self.progress,
                  file=sys.stderr) as bar, ThreadPoolExecutor(max(1, min(self.settings.workers, len(by_host)))) as pool:
            try:
                for host_items in by_host.values():
                    pool.submit(work, host_items)
                left = len(items)
                while left:
                    chunk = [done.get()]
                    while len(chunk) < _CHUNK and not done.empty():
                        chunk.append(done.get())
                    left -= len(chunk)
                    self._settle(chunk, summary, counts, bar)
            except BaseException:
                self.stop.set()  # before the pool waits for its threads: they drop their hosts
                raise

    def _settle(self, chunk: list[tuple[Item, object]], summary: RoundSummary, counts, bar) -> None:
        """Extract and store a chunk of fetched items; record each failure and deferral."""
        fetched = [(item, raw) for item, raw in chunk if isinstance(raw, RawDocument)]
        for item, outcome in chunk:
            if isinstance(outcome, HostDeferred):
                until = datetime.fromtimestamp(outcome.until, timezone.utc)
                self.state.item_deferred(item, until, outcome.reason)
                summary.deferred += 1
                counts[item.source_id]["deferred"] += 1
            elif isinstance(outcome, InputError):
                self._item_failed(item, outcome, summary, counts)
        records = extract_documents([raw for _, raw in fetched], batch_size=_CHUNK) if fetched else []
        for (item, _), result in zip(fetched, records, strict=True):
            if isinstance(result, InputError):
                self._item_failed(item, result, summary, counts)
                continue
            try:
                _, new = self.state.store_record(item, result)
            except (InputError, SQLAlchemyError) as exc:
                error = exc if isinstance(exc, InputError) else InputError(
                    item.url, "store", repr(exc), "Check the database is reachable and writable.")
                self._item_failed(item, error, summary, counts)
                continue
            what = "stored" if new else "existing"
            setattr(summary, what, getattr(summary, what) + 1)
            counts[item.source_id][what] += 1
        bar.update(len(chunk))
        bar.set_postfix(stored=summary.stored, failed=summary.failed, refresh=False)

    def _item_failed(self, item: Item, error: InputError, summary: RoundSummary, counts) -> None:
        status = self.state.item_failed(item, error, self.settings)
        summary.failed += 1
        counts[item.source_id]["failed"] += 1
        self._fail(error if status == "failed" else InputError(
            error.source, error.stage, f"{error.problem} (gave up after {self.settings.max_attempts} attempts)",
            error.hint), summary)
