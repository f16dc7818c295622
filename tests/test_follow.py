"""`extractor follow` against local sites (127.0.0.1 only): new items only, politely, resumably."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from extractor.follow import Follower, FollowSettings
from extractor.store import open_store
from extractor.store.follow_schema import follow_items, follow_sources
from test_follow_support import Answer, Site, article_html, news_sitemap, published, rss, sitemap_index
from test_store_support import db_url, pg_module_url  # noqa: F401 - fixtures: SQLite file, PostgreSQL schema

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def quick_fetch(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_FETCH_RETRIES", "2")
    monkeypatch.setenv("EXTRACTOR_FETCH_BACKOFF", "0.01")
    monkeypatch.setenv("EXTRACTOR_FETCH_TIMEOUT", "5")


@pytest.fixture
def site():
    with Site() as s:
        yield s


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'follow.db'}"


def settings(**overrides) -> FollowSettings:
    """No pause between requests unless a test asks; loopback allowed (the test sites)."""
    return FollowSettings(**{"host_delay": 0.0, "allow_private": True, **overrides})


def follow(db: str, sources: list[str], **overrides):
    with open_store(db) as store, Follower(store, settings(**overrides)) as follower:
        return follower.run_round(sources)


def items(db: str) -> list[dict]:
    with open_store(db) as store, store.read() as conn:
        return [dict(r._mapping) for r in conn.execute(select(follow_items).order_by(follow_items.c.id))]


def documents(db: str) -> list[dict]:
    with open_store(db) as store, store.read() as conn:
        from extractor.store.schema import documents as table
        return [dict(r._mapping) for r in conn.execute(select(table))]


def gaps(hits) -> list[float]:
    return [b.at - a.at for a, b in zip(hits, hits[1:])]


# --- new items only ---------------------------------------------------------------------

def test_feed_and_sitemap_store_20_then_exactly_the_3_new(site, db_url):
    site.articles(range(23))
    site.page("/feed.xml", rss(site, range(12)), "application/rss+xml")
    site.page("/news-sitemap.xml", news_sitemap(site, range(8, 20)), "application/xml")
    sources = [site.url("/feed.xml"), site.url("/news-sitemap.xml")]

    first = follow(db_url, sources)
    assert (first.sources, first.sources_failed, first.new, first.stored, first.failed) == (2, 0, 20, 20, 0)
    assert len(documents(db_url)) == 20
    assert sorted(site.paths("/news/")) == sorted(f"/news/{i}.html" for i in range(20))  # each page once
    statuses = [i["status"] for i in items(db_url)]
    assert statuses.count("stored") == 20 and statuses.count("duplicate") == 4  # 8..11 listed twice

    site.page("/feed.xml", rss(site, [*range(12), 20, 21, 22]), "application/rss+xml")  # 3 new items
    fetched_before = len(site.paths("/news/"))
    second = follow(db_url, sources)
    assert (second.new, second.stored, second.failed) == (3, 3, 0)
    assert len(documents(db_url)) == 23
    assert sorted(site.paths("/news/")[fetched_before:]) == sorted(f"/news/{i}.html" for i in range(20, 23))


def test_feed_metadata_is_given_metadata_for_the_record(site, sqlite_url):
    site.articles([3])
    site.page("/feed.xml", rss(site, [3]), "application/rss+xml")
    follow(sqlite_url, [site.url("/feed.xml")])
    (doc,) = documents(sqlite_url)
    assert doc["title"] == "खबर संख्या 3"
    # 00:30 in India is the day before in UTC: the date stays the publisher's own.
    assert doc["published"] == published(3).date().isoformat() == "2024-05-04"
    assert doc["publisher"] == "जिला सूचना कार्यालय" and doc["source_url"] == site.url("/news/3.html")


def test_news_sitemap_dates_titles_and_publisher(site, sqlite_url):
    site.articles([5])
    site.page("/sitemap.xml", news_sitemap(site, [5]), "application/xml")
    follow(sqlite_url, [site.url("/sitemap.xml")])
    (doc,) = documents(sqlite_url)
    assert (doc["title"], doc["published"], doc["publisher"]) == ("समाचार 5", "2024-05-06", "सूचना विभाग")


def test_page_leads_to_its_feed(site, sqlite_url):
    site.articles(range(2))
    site.page("/feed.xml", rss(site, range(2)), "application/rss+xml")
    site.page("/", '<html><head><title>Home</title><link rel="alternate" type="application/rss+xml" '
                   'href="/feed.xml"></head><body><p>welcome</p></body></html>')
    summary = follow(sqlite_url, [site.url("/")])
    assert (summary.sources, summary.stored) == (2, 2)
    with open_store(sqlite_url) as store, store.read() as conn:
        kinds = {r.url: (r.kind, r.parent_id) for r in conn.execute(select(follow_sources))}
    assert kinds == {site.url("/"): ("page", None), site.url("/feed.xml"): ("feed", 1)}


def test_sitemap_index_reads_only_the_sitemaps_that_changed(site, sqlite_url):
    site.articles(range(4))
    site.page("/a.xml", news_sitemap(site, range(2)), "application/xml")
    site.page("/b.xml", news_sitemap(site, range(2, 4)), "application/xml")
    lastmods = {"/a.xml": "2024-05-01", "/b.xml": "2024-05-02"}
    site.page("/index.xml", sitemap_index(site, lastmods), "application/xml")
    assert follow(sqlite_url, [site.url("/index.xml")]).stored == 4

    site.page("/index.xml", sitemap_index(site, {**lastmods, "/b.xml": "2024-05-03"}), "application/xml")
    site.hits.clear()
    follow(sqlite_url, [site.url("/index.xml")])
    assert site.paths() == ["/robots.txt", "/index.xml", "/b.xml"]  # a.xml unchanged: not even asked


# --- restart ------------------------------------------------------------------------------

def test_kill_9_mid_round_then_restart_loses_and_duplicates_nothing(site, tmp_path):
    db = tmp_path / "killed.db"
    site.articles(range(20))
    site.page("/feed.xml", rss(site, range(20)), "application/rss+xml")
    env = {**os.environ, "EXTRACTOR_ALLOW_PRIVATE_URLS": "1", "EXTRACTOR_HOST_DELAY": "0.3",
           "EXTRACTOR_FETCH_RETRIES": "1"}
    command = [sys.executable, "-m", "extractor", "follow", site.url("/feed.xml"), "--db", f"sqlite:///{db}",
               "--once", "--no-progress"]

    def stored() -> set[str]:
        try:
            with sqlite3.connect(db) as conn:
                return {u for (u,) in conn.execute("SELECT url FROM follow_items WHERE status = 'stored'")}
        except sqlite3.Error:  # not created yet
            return set()

    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(stored()) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = stored()
    assert 3 <= len(done_before) < 20, "the kill should land mid-round"
    fetched_before = len(site.paths("/news/"))

    rerun = follow(f"sqlite:///{db}", [site.url("/feed.xml")])  # the restart (in this process: faster)
    assert rerun.failed == 0 and rerun.stored + len(done_before) == 20
    refetched = site.paths("/news/")[fetched_before:]
    assert not {site.url(p) for p in refetched} & done_before  # nothing stored is fetched again
    rows = items(f"sqlite:///{db}")
    assert [r["status"] for r in rows] == ["stored"] * 20
    assert len({r["doc_id"] for r in rows}) == 20 and len(documents(f"sqlite:///{db}")) == 20


# --- politeness ---------------------------------------------------------------------------

def test_robots_wildcards_are_obeyed_and_crawl_delay_kept(site, sqlite_url):
    allowed = site.articles(range(3), prefix="/news/")
    site.articles([7], prefix="/private/")
    site.page("/news/8.pdf", article_html(8))
    site.page("/robots.txt", "User-agent: *\nDisallow: /private*\nDisallow: /*.pdf$\nCrawl-delay: 0.4\n",
              "text/plain")
    feed = rss(site, range(3)).replace("</channel>", "".join(
        f"<item><title>x</title><link>{site.url(p)}</link></item>" for p in ("/private/7.html", "/news/8.pdf"))
        + "</channel>")
    site.page("/feed.xml", feed, "application/rss+xml")
    summary = follow(sqlite_url, [site.url("/feed.xml")], host_delay=0.1)

    assert summary.stored == 3 and summary.failed == 2
    assert sorted(site.paths()) == sorted(["/robots.txt", "/feed.xml", *allowed])
    assert all("robots.txt disallows" in str(e) for e in summary.errors)
    assert min(gaps(site.hits)) >= 0.4 - 0.01  # Crawl-delay, longer than the host delay


def test_host_delay_between_requests_and_hosts_in_parallel(sqlite_url):
    with Site() as one, Site() as two:
        for s, seeds in ((one, range(3)), (two, range(10, 13))):
            s.articles(seeds)
            s.page("/feed.xml", rss(s, seeds), "application/rss+xml")
        started = time.monotonic()
        summary = follow(sqlite_url, [one.url("/feed.xml"), two.url("/feed.xml")], host_delay=0.3)
        took = time.monotonic() - started
    assert summary.stored == 6
    for s in (one, two):
        assert len(s.hits) == 5 and min(gaps(s.hits)) >= 0.3 - 0.01  # robots, feed, 3 pages
    # Two hosts at the same time: well under the 2 x 4 pauses one after the other would take.
    assert min(one.hits[0].at, two.hits[0].at) + 1.8 > max(one.hits[-1].at, two.hits[-1].at)
    assert took < 30


def test_429_retry_after_is_honoured(site, sqlite_url):
    site.articles(range(3))
    site.page("/feed.xml", rss(site, range(3)), "application/rss+xml")
    page = site.routes["/news/1.html"]
    answers = iter([Answer(429, b"slow down", "text/plain", {"Retry-After": "1"})])
    site.route("/news/1.html", lambda s, h: next(answers, page))
    summary = follow(sqlite_url, [site.url("/feed.xml")])
    assert summary.stored == 3
    limited = next(i for i, h in enumerate(site.hits) if h.status == 429)
    assert site.hits[limited + 1].at - site.hits[limited].at >= 1.0 - 0.01
    assert site.hits[limited + 1].path == "/news/1.html"  # asked again, after the pause


def test_a_long_retry_after_defers_the_host_to_a_later_round(site, sqlite_url):
    site.articles(range(3))
    site.page("/feed.xml", rss(site, range(3)), "application/rss+xml")
    site.route("/news/0.html", lambda s, h: Answer(503, b"maintenance", "text/plain", {"Retry-After": "120"}))
    summary = follow(sqlite_url, [site.url("/feed.xml")], max_wait=1.0)
    assert (summary.stored, summary.deferred) == (0, 3) and summary.failed == 0
    assert site.paths("/news/") == ["/news/0.html"]  # nothing more until the pause is over
    later = datetime.now(timezone.utc) + timedelta(seconds=100)
    rows = items(sqlite_url)
    assert all(r["status"] == "pending" and r["attempts"] == 0 for r in rows)
    assert all(r["next_attempt_at"].replace(tzinfo=timezone.utc) > later for r in rows)


def test_304_on_an_unchanged_feed_costs_no_item_fetch(site, sqlite_url):
    site.articles(range(2))
    site.page("/feed.xml", rss(site, range(2)), "application/rss+xml", **{"Last-Modified": "Wed, 01 May 2024 10:00:00 GMT"})
    assert follow(sqlite_url, [site.url("/feed.xml")]).stored == 2
    site.hits.clear()
    summary = follow(sqlite_url, [site.url("/feed.xml")])
    assert summary.new == 0 and site.paths() == ["/robots.txt", "/feed.xml"]
    feed_hit = site.hits[-1]
    assert feed_hit.status == 304 and feed_hit.headers["If-None-Match"] == site.routes["/feed.xml"].headers["ETag"]
    assert feed_hit.headers["If-Modified-Since"] == "Wed, 01 May 2024 10:00:00 GMT"


def test_loopback_is_refused_unless_allowed(site, sqlite_url):
    site.page("/feed.xml", rss(site, []), "application/rss+xml")
    summary = follow(sqlite_url, [site.url("/feed.xml")], allow_private=False)
    assert summary.sources_failed == 1 and "loopback" in str(summary.errors[0])
    assert site.hits == []


# --- failures -----------------------------------------------------------------------------

def test_bad_sources_each_give_a_clear_error_and_the_others_go_on(site, sqlite_url, monkeypatch,
                                                                  closed_port_url):
    monkeypatch.setenv("EXTRACTOR_MAX_PAGE_BYTES", "40000")
    site.articles(range(2))
    site.page("/good.xml", rss(site, range(2)), "application/rss+xml")
    site.page("/broken.xml", "<rss version='2.0'><channel><item><title>half", "application/rss+xml")
    site.page("/html.xml", "<html><head><title>News</title></head><body><p>latest</p></body></html>",
              "application/rss+xml")
    site.page("/huge.xml", rss(site, range(2000)), "application/rss+xml")
    unreachable = closed_port_url.replace("/news_article.html", "/feed.xml")
    bad = {site.url("/broken.xml"): "not well-formed XML", site.url("/html.xml"): "links to no RSS or Atom feed",
           site.url("/huge.xml"): "over the 40,000-byte limit", unreachable: "robots.txt cannot be read"}
    summary = follow(sqlite_url, [*bad, site.url("/good.xml")])

    assert (summary.sources, summary.sources_failed, summary.stored) == (5, 4, 2)
    errors = {e.source: str(e) for e in summary.errors}
    for url, problem in bad.items():
        assert problem in errors[url], errors[url]
    with open_store(sqlite_url) as store:
        shown = {s["url"]: s["last_round"] for s in store_sources(store)}
    assert shown[site.url("/good.xml")]["status"] == "ok"
    assert all(shown[url]["status"] == "error" and problem in shown[url]["error"] for url, problem in bad.items())


def store_sources(store) -> list[dict]:
    from extractor.follow.state import FollowState
    return FollowState(store).list_sources().items


def test_a_failed_item_is_retried_with_backoff_then_given_up(site, sqlite_url):
    site.page("/feed.xml", rss(site, [1]), "application/rss+xml")  # its page is missing: 404
    first = follow(sqlite_url, [site.url("/feed.xml")], retry_base=60.0, max_attempts=2)
    (row,) = items(sqlite_url)
    assert first.failed == 1 and (row["status"], row["attempts"]) == ("failed", 1)
    assert "HTTP 404" in row["last_error"]
    wait = row["next_attempt_at"].replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)
    assert timedelta(seconds=50) < wait <= timedelta(seconds=60)

    assert follow(sqlite_url, [site.url("/feed.xml")]).failed == 0  # not due yet: not asked
    assert site.paths("/news/") == ["/news/1.html"]
    with open_store(sqlite_url) as store, store.write() as conn:
        conn.execute(follow_items.update().values(next_attempt_at=datetime.now(timezone.utc)))
    site.page("/news/1.html", article_html(1))
    follow(sqlite_url, [site.url("/feed.xml")], max_attempts=2)
    (row,) = items(sqlite_url)
    assert row["status"] == "stored" and row["attempts"] == 2


def test_cli_reads_a_sources_file_and_reports_the_round(site, tmp_path, monkeypatch, capsys):
    from extractor.cli import main

    site.articles(range(2))
    site.page("/feed.xml", rss(site, range(2)), "application/rss+xml")
    listing = tmp_path / "district.sources"
    listing.write_text(f"# the district office\n{site.url('/feed.xml')}\n\n", encoding="utf-8")
    monkeypatch.setenv("EXTRACTOR_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setenv("EXTRACTOR_HOST_DELAY", "0")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["follow", str(listing), "--db", db, "--once", "--no-progress"]) == 0
    assert "round 1: 1 sources read (0 failed), 2 new items, 2 stored" in capsys.readouterr().err
    assert main(["follow", str(tmp_path / "missing.sources"), "--db", db]) == 2


def test_get_sources_shows_each_sources_last_round(site, sqlite_url, closed_port_url):
    from test_api_support import LiveServer

    site.articles(range(2))
    site.page("/feed.xml", rss(site, range(2)), "application/rss+xml")
    follow(sqlite_url, [site.url("/feed.xml"), closed_port_url])
    with LiveServer(sqlite_url) as live, live.client() as client:
        body = client.get("/sources").json()
        first = client.get("/sources", params={"limit": 1}).json()
        bad_cursor = client.get("/sources", params={"cursor": "nonsense"})
    good, bad = body["items"]
    assert good["url"] == site.url("/feed.xml") and good["kind"] == "feed" and body["next_cursor"] is None
    assert good["last_round"]["status"] == "ok" and good["items"] == {"stored": 2}
    assert good["last_round"]["counts"] == {"listed": 2, "new": 2, "duplicates": 0, "stored": 2, "existing": 0,
                                            "failed": 0, "deferred": 0}
    assert bad["kind"] is None and bad["last_round"]["status"] == "error"
    assert "robots.txt cannot be read" in bad["last_round"]["error"]
    assert [s["id"] for s in first["items"]] == [good["id"]] and first["next_cursor"]
    assert bad_cursor.status_code == 422 and "cursor" in bad_cursor.json()["error"]
