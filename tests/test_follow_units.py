"""The follower's parts without a network: listings, URL identity, dates, pauses, arguments."""
from __future__ import annotations

import argparse
import gzip
import threading
import time
from datetime import datetime, timezone

import pytest

from extractor.commands.follow import expand_sources, interval
from extractor.errors import InputError
from extractor.follow.listing import ListingError, canonical_url, iso_date, parse_listing
from extractor.follow.polite import HostDeferred, HostGate, origin_of, retry_after
from extractor.follow.state import item_key
from extractor.follow.listing import Entry

BASE = "https://news.example.org/feeds/hindi.xml"


@pytest.mark.parametrize("url, canonical", [
    ("HTTPS://News.Example.ORG:443/a/b.html#top", "https://news.example.org/a/b.html"),
    ("http://example.org:8080", "http://example.org:8080/"),
    ("https://example.org/a?id=7&utm_source=feed&utm_medium=rss", "https://example.org/a?id=7"),
    ("/releases/12.html", "https://news.example.org/releases/12.html"),  # relative to BASE
    ("mailto:office@example.org", None),
    ("", None),
    ("http://[::1]:8000/x", "http://[::1]:8000/x"),
])
def test_canonical_url(url, canonical):
    assert canonical_url(url, BASE) == canonical


def test_guids_count_per_host_and_urls_identify_items_without_one():
    one, two = Entry("https://a.example/1", guid="42"), Entry("https://a.example/other", guid="42")
    assert item_key(one, "https://a.example/feed") == item_key(two, "https://a.example/rss")
    assert item_key(one, "https://a.example/feed") != item_key(one, "https://b.example/feed")
    assert item_key(Entry("https://a.example/1"), "https://x.example/s.xml") == \
        item_key(Entry("https://a.example/1"), "https://y.example/s.xml")


@pytest.mark.parametrize("raw, expected", [
    ("Sat, 04 May 2024 00:30:00 +0530", "2024-05-04"),  # UTC would say 3 May
    ("2024-05-04T00:30:00+05:30", "2024-05-04"),
    ("2024-05-04T18:00:00Z", "2024-05-04"),
    ("2024-05-04", "2024-05-04"),
    ("sometime in May", None),
])
def test_iso_date_keeps_the_publishers_date(raw, expected):
    assert iso_date(raw) == expected


def test_retry_after_in_seconds_or_as_a_date():
    now = datetime(2024, 5, 4, 10, 0, 0, tzinfo=timezone.utc)
    assert retry_after("120") == 120.0
    assert retry_after("Sat, 04 May 2024 10:01:30 GMT", now) == 90.0
    assert retry_after("Sat, 04 May 2024 09:00:00 GMT", now) == 0.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_origin_is_scheme_host_and_port():
    assert origin_of("https://Example.org/a") == "https://example.org:443"
    assert origin_of("http://127.0.0.1:8000/x?y") == "http://127.0.0.1:8000"


# --- listings -----------------------------------------------------------------------------

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Press Information Bureau</title>
<entry><id>tag:pib.example,2024:release-1</id><title>First release</title>
<link rel="alternate" href="https://pib.example/release/1?utm_campaign=x"/><published>2024-05-02T09:00:00+05:30</published></entry>
<entry><id>tag:pib.example,2024:release-2</id><title>No page</title></entry>
</feed>"""


def test_atom_entries_with_guid_title_and_date():
    listing = parse_listing(ATOM, "https://pib.example/atom.xml", "application/atom+xml")
    assert listing.kind == "feed" and listing.title == "Press Information Bureau"
    (entry,) = [e for e in listing.entries if e.title == "First release"]
    assert entry.url == "https://pib.example/release/1" and entry.guid == "tag:pib.example,2024:release-1"
    assert (entry.published, entry.publisher) == ("2024-05-02", "Press Information Bureau")


def test_a_plain_sitemap_a_gzipped_one_and_a_text_one():
    xml = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           b"<url><loc>https://example.org/a.html</loc><lastmod>2024-05-01</lastmod></url>"
           b"<url><loc>https://example.org/b.html</loc></url></urlset>")
    for data in (xml, gzip.compress(xml)):
        listing = parse_listing(data, "https://example.org/sitemap.xml", "application/xml")
        assert listing.kind == "sitemap"
        assert [e.url for e in listing.entries] == ["https://example.org/a.html", "https://example.org/b.html"]
        assert listing.entries[0].published is None  # lastmod is a change date, not a publication date
    text = parse_listing(b"https://example.org/a.html\nhttps://example.org/c.html\n", "https://example.org/s.txt",
                         "text/plain")
    assert [e.url for e in text.entries] == ["https://example.org/a.html", "https://example.org/c.html"]


def test_a_gzip_bomb_is_stopped_at_the_cap():
    with pytest.raises(ListingError, match="more than the 1,000-byte limit"):
        parse_listing(gzip.compress(b"<urlset>" + b" " * 100_000), "https://example.org/s.xml.gz", cap=1000)


def test_a_sitemap_that_is_not_xml_and_xml_entities_that_are_not_expanded():
    with pytest.raises(ListingError, match="not well-formed XML"):
        parse_listing(b"<urlset><url><loc>https://example.org/a</loc></url", "https://example.org/s.xml")
    evil = (b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<urlset><url><loc>https://example.org/&x;</loc></url></urlset>")
    listing = parse_listing(evil, "https://example.org/s.xml")
    assert all("root" not in e.url for e in listing.entries)


def test_a_feed_that_quotes_html_is_still_a_feed():
    data = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</title>'
            b"<link>https://example.org/1</link><description>&lt;html&gt;&lt;p&gt;x</description></item>"
            b"</channel></rss>")
    assert parse_listing(data, "https://example.org/rss").kind == "feed"


def test_pages_lead_to_feeds_or_say_they_do_not():
    html = (b'<html><head><title>District news</title><link rel="alternate" type="application/rss+xml" '
            b'href="/rss/hindi.xml"></head><body></body></html>')
    listing = parse_listing(html, "https://example.org/news/", "text/html")
    assert listing.kind == "page" and [c.url for c in listing.children] == ["https://example.org/rss/hindi.xml"]
    with pytest.raises(ListingError, match="links to no RSS or Atom feed"):
        parse_listing(b"<!DOCTYPE html><html><body><p>hello</p></body></html>", "https://example.org/")


def test_bytes_that_are_nothing_we_know():
    with pytest.raises(ListingError, match="not an RSS or Atom feed, a sitemap or an HTML page"):
        parse_listing(b"\x00\x01 binary", "https://example.org/feed")


# --- the per-host gate --------------------------------------------------------------------

def test_gate_keeps_one_request_at_a_time_and_the_pause_between():
    gate, spans = HostGate(delay=0.1, max_wait=5), []

    def request():
        leave = gate.enter("http://h:80")
        start = time.monotonic()
        time.sleep(0.02)
        spans.append((start, time.monotonic()))
        leave()

    threads = [threading.Thread(target=request) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    spans.sort()
    assert all(b[0] - a[1] >= 0.1 - 0.005 for a, b in zip(spans, spans[1:]))


def test_gate_defers_a_host_that_asks_for_too_long_a_pause():
    gate = HostGate(delay=0.0, max_wait=0.5)
    gate.enter("http://h:80")()
    gate.hold_off("http://h:80", 30)
    with pytest.raises(HostDeferred, match="pause of 30 s") as caught:
        gate.enter("http://h:80")
    assert caught.value.until == pytest.approx(time.time() + 30, abs=1)
    gate.enter("http://other:80")()  # other hosts are not held up
    gate.slow_down("http://other:80", 0.2)
    started = time.monotonic()
    gate.enter("http://other:80")()
    assert time.monotonic() - started >= 0.19


# --- arguments ----------------------------------------------------------------------------

def test_sources_files_and_intervals(tmp_path):
    listing = tmp_path / "up.sources"
    listing.write_text("# state offices\nhttps://a.example/feed.xml\n\n  https://b.example/sitemap.xml#news\n"
                       "https://a.example/feed.xml\n", encoding="utf-8")
    assert expand_sources([str(listing), "https://c.example/rss"]) == [
        "https://a.example/feed.xml", "https://b.example/sitemap.xml#news", "https://c.example/rss"]
    (tmp_path / "bad.sources").write_text("feed.xml\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.sources:1"):
        expand_sources([str(tmp_path / "bad.sources")])
    assert [interval(v) for v in ("90s", "30m", "2h", "1d", "0.5m")] == [90, 1800, 7200, 86400, 30]
    for bad in ("30", "m", "-5m", "0s"):
        with pytest.raises(argparse.ArgumentTypeError):
            interval(bad)
