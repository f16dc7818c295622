"""A local web site for the follow tests (127.0.0.1 only): feeds, sitemaps, robots.txt, article
pages, and a log of every request with its arrival time. Also used by bench/bench_follow.py.

Routes are set per test: `site.page(path, body, ...)` serves fixed bytes (with an ETag, so a
conditional GET gets 304 when nothing changed), `site.route(path, fn)` calls fn(site, handler)
for answers that change from request to request.
"""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from xml.sax.saxutils import escape

from test_batch_corpus import press_release

IST = timezone(timedelta(hours=5, minutes=30))


@dataclass
class Hit:
    path: str
    at: float  # time.monotonic() on arrival
    headers: dict
    status: int = 0


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server_version = "follow-site/1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        site: Site = self.server.site
        hit = Hit(self.path, time.monotonic(), dict(self.headers))
        with site.lock:
            site.hits.append(hit)
            route = site.routes.get(self.path)
        answer = route(site, self) if callable(route) else route
        if answer is None:
            answer = Answer(404, b"not found", "text/plain")
        etag = answer.headers.get("ETag")
        if etag and self.headers.get("If-None-Match") == etag:
            answer = Answer(304, b"", answer.ctype, {"ETag": etag})
        hit.status = answer.status
        self.send_response(answer.status)
        if answer.status != 304:
            self.send_header("Content-Type", answer.ctype)
            self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if answer.status != 304:
            self.wfile.write(answer.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that stopped reading (size cap) leaves a broken pipe: expected


class Site:
    """A web server on a free port of 127.0.0.1, in a thread."""

    def __init__(self):
        self.routes: dict[str, Answer | Callable] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.site = self
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def page(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8", **headers) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Answer(200, data, ctype, {"ETag": '"' + hashlib.sha1(data).hexdigest()[:12] + '"',
                                                      **headers})

    def route(self, path: str, answer: Callable) -> None:
        self.routes[path] = answer

    def paths(self, prefix: str = "/") -> list[str]:
        with self.lock:
            return [h.path for h in self.hits if h.path.startswith(prefix)]

    def articles(self, seeds, prefix: str = "/news/") -> list[str]:
        """Article pages for these seeds at prefix<seed>.html; returns their paths."""
        paths = []
        for seed in seeds:
            path = f"{prefix}{seed}.html"
            self.page(path, article_html(seed))
            paths.append(path)
        return paths


def article_html(seed: int) -> str:
    headline, body = press_release(seed)
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html lang=\"hi\"><head><meta charset=\"utf-8\"><title>{escape(headline)}</title>"
            f"</head><body><nav><a href=\"/\">मुखपृष्ठ</a></nav><article><h1>{escape(headline)}</h1>"
            f"{paragraphs}</article><footer>सर्वाधिकार सुरक्षित</footer></body></html>")


def published(seed: int) -> datetime:
    """Release time of item `seed`: 00:30 IST, so its UTC date is the day before."""
    return datetime(2024, 5, 1, 0, 30, tzinfo=IST) + timedelta(days=seed % 28)


def rss(site: Site, seeds, prefix: str = "/news/", title: str = "जिला सूचना कार्यालय") -> str:
    items = "".join(
        f"<item><title>खबर संख्या {seed}</title><link>{site.url(f'{prefix}{seed}.html')}</link>"
        f"<guid isPermaLink=\"false\">release-{seed}</guid><pubDate>{format_datetime(published(seed))}</pubDate>"
        "</item>" for seed in seeds)
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{title}</title>"
            f"<link>{site.url('/')}</link><description>प्रेस विज्ञप्तियां</description>{items}</channel></rss>")


def news_sitemap(site: Site, seeds, prefix: str = "/news/", name: str = "सूचना विभाग") -> str:
    urls = "".join(
        f"<url><loc>{site.url(f'{prefix}{seed}.html')}</loc><news:news><news:publication>"
        f"<news:name>{name}</news:name><news:language>hi</news:language></news:publication>"
        f"<news:publication_date>{published(seed).isoformat()}</news:publication_date>"
        f"<news:title>समाचार {seed}</news:title></news:news></url>" for seed in seeds)
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            f"xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">{urls}</urlset>")


def sitemap_index(site: Site, children: dict[str, str]) -> str:
    """children: path -> lastmod."""
    entries = "".join(f"<sitemap><loc>{site.url(path)}</loc><lastmod>{lastmod}</lastmod></sitemap>"
                      for path, lastmod in children.items())
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sitemapindex "
            f"xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{entries}</sitemapindex>")
