"""What a source lists: RSS/Atom entries (feedparser), sitemap URLs (news sitemaps with their
publication dates, sitemap indexes), or the feeds an HTML page links to (trafilatura).

The bytes decide what a source is, not its URL or Content-Type, which publishers get wrong.
"""
from __future__ import annotations

import logging
import re
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit
from xml.sax import SAXParseException

import feedparser
from lxml import etree
from trafilatura.feeds import FeedParameters, determine_feed

from ..errors import InputError

log = logging.getLogger(__name__)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=", re.I)
_MAX_FEEDS_PER_PAGE = 10
_MARKS = (("sitemap", b"<urlset"), ("sitemap", b"<sitemapindex"), ("feed", b"<rss"), ("feed", b"<feed"),
          ("feed", b"<rdf:rdf"), ("page", b"<html"), ("page", b"<!doctype html"))
_XML = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                       remove_pis=True, huge_tree=False)


class ListingError(InputError):
    """A source could not be read as a feed, sitemap or page with feeds."""

    def __init__(self, source: str, problem: str, hint: str = ""):
        super().__init__(source, "follow", problem, hint)


@dataclass(frozen=True)
class Entry:
    """One item a source lists; `published` is YYYY-MM-DD in the publisher's own time zone."""

    url: str  # canonical (canonical_url)
    guid: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Child:
    """A source found in a source: a feed a page links to, a sitemap an index lists."""

    url: str
    lastmod: str | None = None


@dataclass
class Listing:
    kind: str  # feed | sitemap | sitemap_index | page
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)


def canonical_url(url: str, base: str | None = None) -> str | None:
    """The URL as items are known by: absolute, scheme and host lower-case, no default port, no
    fragment, no tracking parameters. None for anything but http(s)."""
    if not url.strip():
        return None
    try:
        parts = urlsplit(urljoin(base, url.strip()) if base else url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def iso_date(value: str | None, parsed=None) -> str | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, sitemaps) to YYYY-MM-DD, keeping the date as written:
    converting to UTC would move an Indian 1 a.m. release to the day before."""
    value = (value or "").strip()
    if value:
        for read in (parsedate_to_datetime, lambda v: datetime.fromisoformat(v.replace("Z", "+00:00"))):
            try:
                return read(value).date().isoformat()
            except (TypeError, ValueError, IndexError):
                continue
    if parsed:  # feedparser's own reading (struct_time, UTC) of a form neither of us knows
        return date(*parsed[:3]).isoformat()
    return None


def _gunzip(data: bytes, url: str, cap: int) -> bytes:
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflate.decompress(data, cap + 1)
    except zlib.error as exc:
        raise ListingError(url, f"the gzip file is damaged ({exc})") from None
    if len(out) > cap:
        raise ListingError(url, f"unpacks to more than the {cap:,}-byte limit",
                           "EXTRACTOR_MAX_PAGE_BYTES raises the limit.")
    return out


def _sniff(data: bytes, content_type: str) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    found = sorted((pos, kind) for kind, mark in _MARKS if (pos := head.find(mark)) >= 0)
    if found:  # the first root-like tag wins: a feed may quote <html> inside its items
        return found[0][1]
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines() if line.strip()]
    if content_type == "text/plain" and lines and all(canonical_url(line) for line in lines):
        return "text_sitemap"
    return "feed"  # let feedparser say what is wrong with it


def parse_listing(data: bytes, url: str, content_type: str = "", cap: int = 5_000_000) -> Listing:
    """Read a source's bytes (already within the size cap) as whatever they turn out to be."""
    if data[:2] == b"\x1f\x8b":  # sitemap.xml.gz served as a file rather than Content-Encoding
        data = _gunzip(data, url, cap)
    kind = _sniff(data, content_type)
    if kind == "sitemap":
        return _sitemap(data, url)
    if kind == "text_sitemap":
        return Listing("sitemap", entries=[Entry(u) for line in data.decode("utf-8", "replace").splitlines()
                                           if (u := canonical_url(line))])
    if kind == "page":
        return _page(data, url)
    return _feed(data, url, content_type)


def _feed(data: bytes, url: str, content_type: str) -> Listing:
    parsed = feedparser.parse(data, response_headers={"content-location": url,
                                                      "content-type": content_type or "application/xml"})
    if not parsed.get("version"):
        why = parsed.get("bozo_exception")
        raise ListingError(url, "this is not an RSS or Atom feed, a sitemap or an HTML page"
                           + (f" ({why})" if why else ""),
                           "Check that the URL serves the feed itself (open it in a browser).")
    meta = parsed.feed
    publisher = meta.get("publisher") or meta.get("title")
    entries = []
    for item in parsed.entries:
        guid = (item.get("id") or "").strip() or None
        link = canonical_url(item.get("link") or guid or "", url)
        if link is None:
            continue  # an entry with no web page to fetch
        entries.append(Entry(link, guid, (item.get("title") or "").strip() or None,
                             iso_date(item.get("published") or item.get("updated"),
                                      item.get("published_parsed") or item.get("updated_parsed")),
                             publisher))
    broken = parsed.get("bozo_exception")
    if isinstance(broken, SAXParseException):  # not well-formed: a truncated or damaged file
        if not entries:
            raise ListingError(url, f"the feed is not well-formed XML ({broken}) and no item could be read",
                               "The publisher's feed is damaged; it is read again next round.")
        log.warning("%s: the feed is not well-formed (%s); reading the %d items feedparser found",
                    url, broken, len(entries))
    return Listing("feed", meta.get("title"), entries)


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child_text(element, *path: str) -> str | None:
    """Text of the first descendant along `path` by local names (any namespace)."""
    for name in path:
        element = next((c for c in element if _local(c) == name), None)
        if element is None:
            return None
    return (element.text or "").strip() or None


def _sitemap(data: bytes, url: str) -> Listing:
    try:
        root = etree.fromstring(data, parser=_XML)
    except etree.XMLSyntaxError as exc:
        raise ListingError(url, f"the sitemap is not well-formed XML ({exc})",
                           "Check that the URL serves the sitemap itself.") from None
    if _local(root) == "sitemapindex":
        children = [Child(u, _child_text(s, "lastmod")) for s in root if _local(s) == "sitemap"
                    if (u := canonical_url(_child_text(s, "loc") or "", url))]
        return Listing("sitemap_index", children=children)
    entries = []
    for node in root:
        if _local(node) != "url" or not (link := canonical_url(_child_text(node, "loc") or "", url)):
            continue
        entries.append(Entry(link, None, _child_text(node, "news", "title"),
                             iso_date(_child_text(node, "news", "publication_date")),
                             _child_text(node, "news", "publication", "name")))
    return Listing("sitemap", entries=entries)


def _page(data: bytes, url: str) -> Listing:
    html = data.decode("utf-8", "replace")  # the link elements are ASCII whatever the charset
    feeds = determine_feed(html, FeedParameters(url, urlsplit(url).hostname or "", url))
    children = [Child(u) for f in feeds[:_MAX_FEEDS_PER_PAGE] if (u := canonical_url(f))]
    if not children:
        raise ListingError(url, "this is an HTML page that links to no RSS or Atom feed "
                           '(no <link rel="alternate">)', "Give the URL of the feed or sitemap itself.")
    title = re.search(r"<title[^>]*>([^<]*)</title>", html, re.I)
    return Listing("page", title.group(1).strip() or None if title else None, children=children)
