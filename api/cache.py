"""A response cache for the read endpoints, valid until the store changes.

Every write transaction raises the store version (Store.write), in the same transaction, so a
response computed while the version was V is right for as long as the version is V, in every
worker process: each request reads the version (one indexed row) and serves the cached bytes of
the same path, query and version. Only 200 answers to GET are kept, LRU, per process."""
from __future__ import annotations

import asyncio
from collections import OrderedDict
from threading import Lock

from anyio import to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from extractor.store import Store

# Not cached: the health check must reach the database, and the docs are static already.
_UNCACHED = ("/health", "/docs", "/redoc", "/openapi.json")
_MAX_BODY = 1_000_000  # a bigger answer (a long record) is not worth a cache slot


class VersionReader:
    """Store.version() for many concurrent requests at the cost of few reads: requests that
    arrive while a read runs wait for the next one, which starts after they arrived, so each
    gets a version at least as new as every write committed before it came in."""

    def __init__(self, store: Store):
        self.store = store
        self._waiting: asyncio.Future | None = None
        self._reading = False

    async def current(self) -> int:
        if self._waiting is None:
            self._waiting = asyncio.get_running_loop().create_future()
        waiting = self._waiting
        if not self._reading:
            self._reading = True
            asyncio.get_running_loop().create_task(self._read_while_asked())
        return await waiting

    async def _read_while_asked(self) -> None:
        try:
            while self._waiting is not None:
                batch, self._waiting = self._waiting, None  # later arrivals wait for the next read
                try:
                    batch.set_result(await to_thread.run_sync(self.store.version))
                except Exception as exc:  # noqa: BLE001 - every waiting request gets the error
                    batch.set_exception(exc)
        finally:
            self._reading = False


class ResponseCache:
    """Pure ASGI middleware in front of the app's GET routes."""

    def __init__(self, app: ASGIApp, store: Store, max_entries: int, keyed_by_api_key: bool, stats: dict):
        self.app, self.store, self.max_entries = app, store, max_entries
        self.stats = stats  # hits and misses, shown to whoever holds the dict (app.state.cache)
        # With EXTRACTOR_READ_AUTH=1 a cached answer is only for the key that got it.
        self.keyed_by_api_key = keyed_by_api_key
        self._entries: OrderedDict[tuple, tuple[list, bytes]] = OrderedDict()
        self._lock = Lock()
        self._version: int | None = None
        self._versions = VersionReader(store)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(_UNCACHED):
            await self.app(scope, receive, send)
            return
        version = await self._versions.current()
        key = (version, scope["path"], scope["query_string"],
               dict(scope["headers"]).get(b"x-api-key") if self.keyed_by_api_key else None)
        cached = self._get(key)
        if cached is not None:
            headers, body = cached
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._recorder(key, send))

    def _recorder(self, key: tuple, send: Send):
        start: dict = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    if len(body) <= _MAX_BODY:
                        self._put(key, list(start.get("headers", [])), body)
            await send(message)

        return record

    def _get(self, key: tuple):
        with self._lock:
            if key[0] != self._version:  # the store changed: nothing kept can be served again
                self._entries.clear()
                self._version = key[0]
            entry = self._entries.get(key)
            self.stats["misses" if entry is None else "hits"] += 1
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def _put(self, key: tuple, headers: list, body: bytes) -> None:
        with self._lock:
            if key[0] != self._version:  # computed before a change seen since
                return
            self._entries[key] = (headers, body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
