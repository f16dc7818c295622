"""The follower's memory, in the store's database: sources, every item seen, the retry schedule.

Whatever must survive a kill is written in the same transaction as the thing it depends on:
a source's new ETag together with the items its listing added (a kill in between would make
the next read answer 304 and lose them), and an item's "stored" together with its document.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterable

from sqlalchemy import Connection, func, select, update

from ..errors import InputError
from ..store import Page, Store
from ..store.dialect import insert_ignore
from ..store.follow_schema import follow_items, follow_sources
from ..store.ingest import ingest_record
from ..store.pages import check_limit, decode_cursor, page_of
from .listing import Entry, Listing
from .polite import origin_of
from .settings import FollowSettings

DUE = ("pending", "failed")
_CHUNK = 500  # values per IN (...) list


def now() -> datetime:
    return datetime.now(timezone.utc)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def item_key(entry: Entry, source_url: str) -> str:
    """GUIDs are unique only within a publisher's feeds, so they count per host; items with no
    GUID are known by their canonical URL."""
    if entry.guid:
        return _digest(f"guid {origin_of(source_url)} {entry.guid}")
    return _digest(f"url {entry.url}")


@dataclass
class Source:
    id: int
    url: str
    parent_id: int | None = None
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    lastmod: str | None = None
    last_status: str | None = None
    listed_lastmod: str | None = None  # what the parent index says now (saved once read)


@dataclass
class Item:
    id: int
    source_id: int
    url: str
    title: str | None
    published: str | None
    publisher: str | None
    attempts: int


def _chunks(values: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


class FollowState:
    def __init__(self, store: Store):
        self.store = store

    # --- sources --------------------------------------------------------------------------

    def register(self, urls: list[str], parent_id: int | None = None) -> list[Source]:
        """The sources for `urls`, added if new, in the order given."""
        if not urls:
            return []
        with self.store.write() as conn:
            conn.execute(insert_ignore(conn, follow_sources, ["url"]),
                         [{"url": u, "parent_id": parent_id, "added_at": now()} for u in dict.fromkeys(urls)])
            rows = {}
            for chunk in _chunks(list(dict.fromkeys(urls))):
                rows.update((r.url, r) for r in conn.execute(
                    select(follow_sources).where(follow_sources.c.url.in_(chunk))))
        return [self._source(rows[u]) for u in urls]

    @staticmethod
    def _source(row) -> Source:
        return Source(row.id, row.url, row.parent_id, row.kind, row.etag, row.last_modified, row.lastmod,
                      row.last_status)

    def children(self, source_id: int) -> list[Source]:
        with self.store.read() as conn:
            return [self._source(r) for r in conn.execute(
                select(follow_sources).where(follow_sources.c.parent_id == source_id).order_by(follow_sources.c.id))]

    def family(self, source_ids: Iterable[int]) -> set[int]:
        """The sources and every source found in them, at any depth."""
        found, level = set(source_ids), list(source_ids)
        with self.store.read() as conn:
            while level:
                below = []
                for chunk in _chunks(level):
                    below += conn.execute(select(follow_sources.c.id)
                                          .where(follow_sources.c.parent_id.in_(chunk))).scalars().all()
                level = [i for i in below if i not in found]
                found.update(level)
        return found

    def _finish_read(self, conn: Connection, source: Source, status: str, **values) -> None:
        conn.execute(update(follow_sources).where(follow_sources.c.id == source.id)
                     .values(last_round_at=now(), last_status=status, **values))

    def record_error(self, source: Source, error: InputError) -> None:
        with self.store.write() as conn:
            self._finish_read(conn, source, "error", last_error=str(error))

    def record_unchanged(self, source: Source) -> None:
        with self.store.write() as conn:
            self._finish_read(conn, source, "unchanged", last_error=None)

    def record_listing(self, source: Source, listing: Listing, etag: str | None,
                       last_modified: str | None) -> tuple[int, int]:
        """Save what the source listed and its validators in one transaction; return the
        number of new items and of items already known under another GUID or source."""
        with self.store.write() as conn:
            new, duplicates = self._add_items(conn, source, listing.entries)
            self._finish_read(conn, source, "ok", last_error=None, kind=listing.kind, title=listing.title,
                              etag=etag, last_modified=last_modified,
                              lastmod=source.listed_lastmod or source.lastmod)
        return new, duplicates

    def _add_items(self, conn: Connection, source: Source, entries: list[Entry]) -> tuple[int, int]:
        keyed = {item_key(e, source.url): e for e in entries}
        url_keys = {_digest(e.url) for e in keyed.values()}
        known, known_urls = set(), set()
        for chunk in _chunks(list(keyed)):
            known.update(conn.execute(select(follow_items.c.key).where(follow_items.c.key.in_(chunk))).scalars())
        for chunk in _chunks(list(url_keys)):
            known_urls.update(conn.execute(select(follow_items.c.url_key)
                                           .where(follow_items.c.url_key.in_(chunk))).scalars())
        rows, when = [], now()
        for key, entry in keyed.items():
            if key in known:
                continue
            url_key = _digest(entry.url)
            # The same page under a new GUID, or listed by the feed and the sitemap: fetched once.
            status = "duplicate" if url_key in known_urls else "pending"
            known_urls.add(url_key)
            rows.append({"source_id": source.id, "key": key, "url_key": url_key, "url": entry.url,
                         "guid": entry.guid, "title": entry.title, "published": entry.published,
                         "publisher": entry.publisher, "status": status, "attempts": 0,
                         "next_attempt_at": when if status == "pending" else None,
                         "first_seen_at": when, "updated_at": when})
        if rows:
            conn.execute(insert_ignore(conn, follow_items, ["key"]), rows)
        new = sum(r["status"] == "pending" for r in rows)
        return new, len(rows) - new

    def save_counts(self, counts: dict[int, dict]) -> None:
        with self.store.write() as conn:
            for source_id, value in counts.items():
                conn.execute(update(follow_sources).where(follow_sources.c.id == source_id)
                             .values(last_counts=value))

    # --- items ----------------------------------------------------------------------------

    def due_items(self, source_ids: Iterable[int]) -> list[Item]:
        """Items of these sources to fetch now: new ones, and failed ones whose retry time came."""
        ids, items = list(source_ids), []
        with self.store.read() as conn:
            for chunk in _chunks(ids):
                items += [Item(r.id, r.source_id, r.url, r.title, r.published, r.publisher, r.attempts)
                          for r in conn.execute(
                              select(follow_items).where(follow_items.c.status.in_(DUE),
                                                         follow_items.c.next_attempt_at <= now(),
                                                         follow_items.c.source_id.in_(chunk)))]
        return sorted(items, key=lambda item: item.id)

    def store_record(self, item: Item, record: dict) -> tuple[str, bool]:
        """Store the document and mark the item stored, atomically."""
        with self.store.write() as conn:
            doc_id, new = ingest_record(conn, record)
            self._set(conn, item, status="stored" if new else "existing", doc_id=doc_id,
                      attempts=item.attempts + 1, next_attempt_at=None, last_error=None)
        return doc_id, new

    def item_failed(self, item: Item, error: InputError, settings: FollowSettings) -> str:
        """Schedule the next try (retry_base, doubling) or give up; return the new status."""
        attempts = item.attempts + 1
        if attempts >= settings.max_attempts:
            status, when = "gave_up", None
        else:
            status, when = "failed", now() + timedelta(seconds=settings.retry_base * 2 ** (attempts - 1))
        with self.store.write() as conn:
            self._set(conn, item, status=status, attempts=attempts, next_attempt_at=when, last_error=str(error))
        return status

    def item_deferred(self, item: Item, until: datetime, reason: str) -> None:
        """The host was not ready: try again then, without counting an attempt."""
        with self.store.write() as conn:
            self._set(conn, item, next_attempt_at=until, last_error=reason)

    @staticmethod
    def _set(conn: Connection, item: Item, **values) -> None:
        conn.execute(update(follow_items).where(follow_items.c.id == item.id).values(updated_at=now(), **values))

    # --- reading back (GET /sources) ------------------------------------------------------

    def list_sources(self, limit: int = 100, cursor: str | None = None) -> Page:
        """Every source with its last round and its items by status, in the order added."""
        limit, after = check_limit(limit), decode_cursor(cursor, "id")
        with self.store.read() as conn:
            rows = conn.execute(select(follow_sources).where(follow_sources.c.id > after)
                                .order_by(follow_sources.c.id).limit(limit + 1)).all()
            ids = [r.id for r in rows[:limit]]
            statuses: dict[int, dict[str, int]] = {i: {} for i in ids}
            if ids:
                for source_id, status, count in conn.execute(
                        select(follow_items.c.source_id, follow_items.c.status, func.count())
                        .where(follow_items.c.source_id.in_(ids))
                        .group_by(follow_items.c.source_id, follow_items.c.status)):
                    statuses[source_id][status] = count
        items = [{"id": r.id, "url": r.url, "parent_id": r.parent_id, "kind": r.kind, "title": r.title,
                  "added_at": _utc(r.added_at), "last_round": {
                      "at": _utc(r.last_round_at), "status": r.last_status, "error": r.last_error,
                      "counts": r.last_counts} if r.last_round_at else None,
                  "items": statuses.get(r.id, {})} for r in rows]
        return page_of(items, limit, lambda item: {"id": item["id"]})


def _utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every one of ours is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value
