"""Shared pytest fixtures; each section belongs to the stage whose tests use it."""
from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Acquisition (fetch, decode, clean, sources, CLI): saved pages and a real local web server.
# ---------------------------------------------------------------------------------------
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "pages"
REPO = Path(__file__).parent.parent
# Bytes of a real PNG header: what an image URL serves.
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(200)
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(100)


class _PagesHandler(SimpleHTTPRequestHandler):
    """Serves tests/pages, plus routes that misbehave the way real servers do."""

    server_version = "pages/1"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def log_message(self, *args):  # keep pytest output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        state = self.server.state
        state["requests"].append((self.path, dict(self.headers)))
        route = _ROUTES.get(self.path.split("?")[0])
        if route is None:
            return super().do_GET()
        return route(self, state)


def _flaky(handler, state):
    """503 on the first request, the article afterwards."""
    state["flaky"] += 1
    if state["flaky"] == 1:
        return handler._send(503, b"try again", "text/plain")
    return handler._send(200, (PAGES / "news_article.html").read_bytes(), "text/html; charset=utf-8")


def _slow(handler, state):
    time.sleep(1.0)
    return handler._send(200, (PAGES / "news_article.html").read_bytes(), "text/html")


def _chunked_big(handler, state):
    """A large page that does not declare its length: only counting the bytes catches it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    handler.close_connection = True
    handler.wfile.write(b"<html><body>" + b"<p>\xe0\xa4\x95</p>" * 20000 + b"</body></html>")


def _latin1_page(handler, state):
    body = ("<html><head><title>Caf\u00e9 report</title></head><body><article><p>The caf\u00e9 "
            "committee met on Monday and decided that the r\u00e9sum\u00e9 of every applicant "
            "will be checked by the district office before the end of the month.</p></article>"
            "</body></html>").encode("cp1252")
    return handler._send(200, body, "text/html; charset=windows-1252")


_ROUTES = {
    "/flaky": _flaky,
    "/slow": _slow,
    "/big-chunked": _chunked_big,
    "/latin1": _latin1_page,
    "/always-503": lambda h, s: h._send(503, b"down", "text/plain"),
    "/report.pdf": lambda h, s: h._send(200, PDF_BYTES, "application/pdf"),
    "/photo.png": lambda h, s: h._send(200, PNG_BYTES, "image/png"),
    "/plain.txt": lambda h, s: h._send(
        200, (REPO / "corpus/samples/news_women_safety_campaign.txt").read_bytes(), "text/plain; charset=utf-8"),
    "/moved": lambda h, s: (h.send_response(301), h.send_header("Location", "/news_article.html"),
                            h.send_header("Content-Length", "0"), h.end_headers()),
}


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (timeout, size cap) leaves a broken pipe: expected here


@pytest.fixture(scope="session")
def _pages_http_server():
    server = _QuietServer(("127.0.0.1", 0), _PagesHandler)
    server.state = {"requests": [], "flaky": 0}
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def page_server(_pages_http_server):
    """A real HTTP server on 127.0.0.1 (free port) in a thread; `.url(path)`, `.requests`.

    One server per session; each test starts with no recorded requests.
    """
    state = _pages_http_server.state
    state["requests"].clear()
    state["flaky"] = 0

    class Handle:
        requests = state["requests"]

        @staticmethod
        def url(path: str) -> str:
            return f"http://127.0.0.1:{_pages_http_server.server_address[1]}{path}"

    return Handle


@pytest.fixture
def closed_port_url():
    """A URL on a port nothing listens on (bound, then released)."""
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/news_article.html"


@pytest.fixture
def fast_retries(monkeypatch):
    """Two attempts, 10 ms apart: failure tests stay fast (settings read the env per call)."""
    monkeypatch.setenv("EXTRACTOR_FETCH_RETRIES", "2")
    monkeypatch.setenv("EXTRACTOR_FETCH_BACKOFF", "0.01")
    monkeypatch.setenv("EXTRACTOR_FETCH_TIMEOUT", "5")
