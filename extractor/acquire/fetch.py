"""Download pages: timeouts, a size cap, retries with backoff, and only the URLs asked for."""
from __future__ import annotations

import logging
import time
from datetime import datetime, timezone

import httpx

from ..document import RawDocument
from ..errors import InputError
from ..settings import get_settings
from .decode import declared_charset, decode_with_warnings

log = logging.getLogger(__name__)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "")  # no Content-Type at all: the bytes decide (decode refuses binary)
_RETRY_STATUS = {429, 500, 502, 503, 504}
_TOO_LARGE_HINT = "Raise EXTRACTOR_MAX_PAGE_BYTES if this page really is an article."


class _Retry(Exception):
    """A failure that may pass: a timeout, a dropped connection, a 5xx or 429 answer."""


def _read_capped(response: httpx.Response, url: str, cap: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise InputError(url, "fetch", f"page is {int(declared):,} bytes, over the {cap:,}-byte limit",
                         _TOO_LARGE_HINT)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:  # servers may omit or understate Content-Length: count what arrives
            raise InputError(url, "fetch", f"page exceeds the {cap:,}-byte limit", _TOO_LARGE_HINT)
        chunks.append(chunk)
    return b"".join(chunks)


def _attempt(client: httpx.Client, url: str, cap: int) -> tuple[bytes, httpx.Headers, str]:
    with client.stream("GET", url) as response:
        if response.status_code in _RETRY_STATUS:
            raise _Retry(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise InputError(url, "fetch", f"the server answered HTTP {response.status_code}",
                             "Check the URL in a browser; the page may have moved or need a login.")
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in _HTML_TYPES + _TEXT_TYPES:
            raise InputError(url, "fetch", f"the URL serves {ctype}, not an HTML page",
                             "Give the URL of the article page, or download and convert the file first.")
        return _read_capped(response, url, cap), response.headers, str(response.url)


def _with_retries(client: httpx.Client, url: str) -> tuple[bytes, httpx.Headers, str]:
    settings = get_settings()
    attempts = max(1, settings.fetch_retries)
    last_error = ""
    for attempt in range(attempts):
        if attempt:
            time.sleep(settings.fetch_backoff * 2 ** (attempt - 1))
        try:
            return _attempt(client, url, settings.max_page_bytes)
        except (_Retry, httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            last_error = str(exc) or exc.__class__.__name__
            log.info("fetch %s: attempt %d of %d failed: %s", url, attempt + 1, attempts, last_error)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # bad URL, redirect loop: no retry helps
            raise InputError(url, "fetch", f"the request failed ({exc.__class__.__name__}: {exc})",
                             "Check the URL.") from None
    raise InputError(url, "fetch", f"failed after {attempts} attempts (last: {last_error})",
                     "Check the address and your connection, or try again later; "
                     "EXTRACTOR_FETCH_RETRIES sets the number of attempts.")


def _decode(data: bytes, headers: httpx.Headers, url: str) -> tuple[str, list[str]]:
    """(text, warnings): UTF-8, UTF-16 and ISCII by their bytes first; then the charset the
    server declared."""
    try:
        text, _, warnings = decode_with_warnings(data, url, declared_charset(data))
        return text, warnings
    except InputError:
        charset = httpx.Response(200, headers=headers).charset_encoding
        if not charset:
            raise
        try:
            return data.decode(charset), []
        except (LookupError, UnicodeDecodeError):
            raise InputError(url, "decode", f"the page is neither UTF-8 nor the {charset} it declares",
                             "Save the page from a browser and give the file instead.") from None


def fetch_url(url: str, client: httpx.Client | None = None) -> RawDocument:
    """Fetch one URL; raise InputError with the reason when it cannot be had."""
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(url, "fetch", "only http(s) URLs can be fetched", "Give a URL starting with https://.")
    own = client is None
    client = client or make_client()
    try:
        data, headers, final_url = _with_retries(client, url)
    finally:
        if own:
            client.close()
    text, warnings = _decode(data, headers, url)
    fetched_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    ctype = headers.get("content-type", "").split(";")[0].strip().lower()
    looks_html = text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    if ctype == "text/plain" or (not ctype and not looks_html):
        return RawDocument(name=url, text=text, url=final_url, fetched_at=fetched_at, warnings=warnings)
    return RawDocument(name=url, html=text, url=final_url, fetched_at=fetched_at, warnings=warnings)


def make_client() -> httpx.Client:
    """One client per batch: connection reuse, the project's User-Agent, bounded redirects."""
    settings = get_settings()
    return httpx.Client(timeout=settings.fetch_timeout, follow_redirects=True, max_redirects=5,
                        headers={"User-Agent": settings.user_agent})
