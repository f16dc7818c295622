"""Helpers for the API tests: a real uvicorn server in a thread, and a small local web site."""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import uvicorn

from api.main import create_app
from extractor.settings import Settings
from test_store_support import fresh_pg_schema

REPO = Path(__file__).resolve().parent.parent
KEYS = ("key-one-0123456789", "key-two-9876543210")
BODY_LIMIT = 64_000


class LiveServer:
    """uvicorn serving create_app(db_url, settings) on a free port of 127.0.0.1."""

    def __init__(self, db_url: str, **settings):
        self.app = create_app(db_url, Settings(**settings))
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, log_level="warning", lifespan="on", timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def store(self):
        return self.app.state.store

    def client(self, **headers) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@contextlib.contextmanager
def database(engine: str, tmp_dir: Path):
    """A fresh database URL on `engine` for one module's servers."""
    if engine == "sqlite":
        yield f"sqlite:///{tmp_dir / 'api.db'}"
    else:
        with fresh_pg_schema("t_api") as url:
            yield url


def article_html(title: str = "बाल श्रम के विरुद्ध अभियान") -> bytes:
    text = (REPO / "corpus" / "samples" / "news_women_safety_campaign.txt").read_text(encoding="utf-8")
    paras = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return (f"<!doctype html><html lang='hi'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav>मुख्य पृष्ठ</nav><article><h1>{title}</h1>{paras}</article></body></html>").encode()


class _Site(BaseHTTPRequestHandler):
    """/article, /redirect?to=URL; every request path is recorded in server.paths."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.paths.append((self.path, self.headers.get("Host")))
        if self.path.startswith("/redirect?to="):
            self.send_response(302)
            self.send_header("Location", self.path.split("=", 1)[1])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = article_html() if self.path == "/article" else b"not here"
        self.send_response(200 if self.path == "/article" else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def local_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.paths = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
