"""Fetching against a real local HTTP server: pages, refusals, limits, retries, User-Agent."""
from __future__ import annotations

import time

import pytest

from extractor.acquire.clean import clean
from extractor.acquire.fetch import fetch_url
from extractor.errors import InputError


def fetch_error(url: str) -> InputError:
    with pytest.raises(InputError) as info:
        fetch_url(url)
    assert info.value.source == url and info.value.stage in ("fetch", "decode")
    assert info.value.hint
    return info.value


def test_fetch_a_page(page_server):
    raw = fetch_url(page_server.url("/news_article.html"))
    assert raw.html.startswith("<!DOCTYPE html>") and raw.text is None
    assert raw.url == page_server.url("/news_article.html")
    assert raw.fetched_at.endswith("+00:00")
    document = clean(raw)
    assert document.source["url"] == raw.url and document.source["fetched_at"] == raw.fetched_at
    assert document.published == "2025-04-12"


def test_user_agent_names_the_project(page_server):
    fetch_url(page_server.url("/news_article.html"))
    [(path, headers)] = page_server.requests
    assert path == "/news_article.html"
    assert "hindi-news-extractor" in headers["User-Agent"]


def test_only_the_url_asked_for_is_requested(page_server):
    fetch_url(page_server.url("/news_article.html"))
    assert [path for path, _ in page_server.requests] == ["/news_article.html"]  # no robots.txt, no assets


def test_redirect_is_followed_and_the_final_url_kept(page_server):
    raw = fetch_url(page_server.url("/moved"))
    assert raw.url == page_server.url("/news_article.html")


def test_plain_text_url(page_server):
    raw = fetch_url(page_server.url("/plain.txt"))
    assert raw.html is None and "मिशन शक्ति" in raw.text


@pytest.mark.parametrize("path, ctype", [("/report.pdf", "application/pdf"), ("/photo.png", "image/png")])
def test_non_html_url_is_refused(page_server, path, ctype):
    error = fetch_error(page_server.url(path))
    assert f"serves {ctype}, not an HTML page" in error.problem


def test_404_is_reported_without_retrying(page_server):
    error = fetch_error(page_server.url("/no-such-article.html"))
    assert "HTTP 404" in error.problem
    assert len(page_server.requests) == 1


def test_unreachable_url(closed_port_url, fast_retries):
    started = time.monotonic()
    error = fetch_error(closed_port_url)
    assert "failed after 2 attempts" in error.problem
    assert "connection" in error.hint
    assert time.monotonic() - started < 5


def test_oversized_page_is_refused(page_server, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MAX_PAGE_BYTES", "2000")
    error = fetch_error(page_server.url("/news_article.html"))
    assert "over the 2,000-byte limit" in error.problem
    assert "EXTRACTOR_MAX_PAGE_BYTES" in error.hint


def test_oversized_page_without_content_length_is_cut_off(page_server, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MAX_PAGE_BYTES", "50000")
    assert "exceeds the 50,000-byte limit" in fetch_error(page_server.url("/big-chunked")).problem


def test_retry_with_backoff_after_a_503(page_server, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_FETCH_BACKOFF", "0.2")
    started = time.monotonic()
    raw = fetch_url(page_server.url("/flaky"))
    assert raw.html and "सीतापुर" in raw.html
    assert [path for path, _ in page_server.requests] == ["/flaky", "/flaky"]
    assert time.monotonic() - started >= 0.2  # it waited before trying again


def test_server_that_stays_down(page_server, fast_retries):
    error = fetch_error(page_server.url("/always-503"))
    assert "failed after 2 attempts (last: HTTP 503)" in error.problem
    assert len(page_server.requests) == 2


def test_timeout(page_server, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_FETCH_TIMEOUT", "0.2")
    monkeypatch.setenv("EXTRACTOR_FETCH_RETRIES", "1")
    assert "failed after 1 attempts" in fetch_error(page_server.url("/slow")).problem


def test_declared_charset_is_used_when_the_bytes_are_not_utf8(page_server):
    raw = fetch_url(page_server.url("/latin1"))
    assert "The café committee" in raw.html


@pytest.mark.parametrize("url", ["ftp://example.org/a.html", "file:///etc/hostname", "www.example.org/a"])
def test_only_http_urls(url):
    assert "only http(s)" in fetch_error(url).problem


def test_malformed_url_is_an_error_not_a_crash():
    assert fetch_error("http://[::1/broken").problem


def test_a_bad_setting_names_the_variable(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_FETCH_RETRIES", "three")
    with pytest.raises(ValueError, match="EXTRACTOR_FETCH_RETRIES='three'"):
        fetch_url("http://127.0.0.1:9/")
