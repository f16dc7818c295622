"""Download pages: timeouts, a size cap, retries with backoff, and only the URLs asked for."""
from __future__ import annotations

import logging
import time
from datetime import datetime, timezone

import httpx

from .decode import decode_bytes
from .document import RawDocument
from .errors import InputError
from .settings import get_settings

log = logging.getLogger(__name__)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
_RETRY_STATUS = {429, 500, 502, 503, 504}


def _read_capped(response: httpx.Response, url: str, cap: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise InputError(url, "fetch", f"page is {int(declared):,} bytes, over the {cap:,}-byte limit",
                         "Raise EXTRACTOR_MAX_PAGE_BYTES if this page really is an article.")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise InputError(url, "fetch", f"page exceeds the {cap:,}-byte limit",
                             "Raise EXTRACTOR_MAX_PAGE_BYTES if this page really is an article.")
        chunks.append(chunk)
    return b"".join(chunks)


def _attempt(client: httpx.Client, url: str, cap: int) -> tuple[bytes, str, str]:
    with client.stream("GET", url) as response:
        if response.status_code in _RETRY_STATUS:
            raise httpx.HTTPStatusError(f"HTTP {response.status_code}", request=response.request,
                                        response=response)
        if response.status_code >= 400:
            raise InputError(url, "fetch", f"the server answered HTTP {response.status_code}",
                             "Check the URL in a browser; the page may have moved or need a login.")
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in _HTML_TYPES:
            raise InputError(url, "fetch", f"the URL serves {ctype}, not an HTML page",
                             "Give the URL of the article page, or download and convert the file first.")
        return _read_capped(response, url, cap), ctype, str(response.url)


def fetch_url(url: str, client: httpx.Client | None = None) -> RawDocument:
    """Fetch one URL; raise InputError with the reason when it cannot be had."""
    settings = get_settings()
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(url, "fetch", "only http(s) URLs can be fetched", "Give a URL starting with https://.")
    own = client is None
    client = client or make_client()
    try:
        last_error = ""
        for attempt in range(max(1, settings.fetch_retries)):
            if attempt:
                time.sleep(settings.fetch_backoff * 2 ** (attempt - 1))
            try:
                data, ctype, final_url = _attempt(client, url, settings.max_page_bytes)
                break
            except (httpx.TransportError, httpx.HTTPStatusError) as exc:
                last_error = str(exc) or exc.__class__.__name__
                log.info("fetch %s: attempt %d failed: %s", url, attempt + 1, last_error)
        else:
            raise InputError(url, "fetch", f"unreachable after {settings.fetch_retries} attempts ({last_error})",
                             "Check the address and your connection, then run again.")
    finally:
        if own:
            client.close()
    text, _ = decode_bytes(data, url)
    fetched_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if ctype == "text/plain":
        return RawDocument(name=url, text=text, url=final_url, fetched_at=fetched_at)
    return RawDocument(name=url, html=text, url=final_url, fetched_at=fetched_at)


def make_client() -> httpx.Client:
    settings = get_settings()
    return httpx.Client(timeout=settings.fetch_timeout, follow_redirects=True, max_redirects=5,
                        headers={"User-Agent": settings.user_agent})
