"""The FastAPI application: `create_app(db_url)` opens the store and mounts every route module;
`app_from_environment` is the factory each `serve --workers N` process calls."""
from __future__ import annotations

import gc
import math
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi_offline import FastAPIOffline

from extractor import __version__
from extractor.settings import Settings, get_settings
from extractor.store import open_store

from . import errors, ui
from .cache import ResponseCache
from .deps import refuse_nul
from .lanes import Lanes
from .limits import BodyLimit
from .routes import action_points, documents, entities, extract, health, search, sources

DESCRIPTION = """Information extraction from Hindi news and press releases, and the knowledge
store built from it. Records follow record/1. Writes need an `X-API-Key` header (one of
`EXTRACTOR_API_KEYS`); reads are open unless `EXTRACTOR_READ_AUTH=1`. Lists are paginated:
pass the response's `next_cursor` as `cursor`. Errors are `{"error": "..."}`. A web view for
people (programmes, action points, documents with their evidence highlighted) is at `/ui/`."""
# The security scheme FastAPI names after the APIKeyHeader of the write operations.
SCHEME = "APIKeyHeader"
OPEN = {"/health"}  # answers without a key even with EXTRACTOR_READ_AUTH=1 (no require_read)


def create_app(db_url: str | None = None, settings: Settings | None = None, workers: int = 1,
               create: bool = True) -> FastAPI:
    """An app on the database at db_url (else EXTRACTOR_DB, else sqlite:///extractor.db), as one
    of `workers` processes (which share EXTRACTOR_DB_POOL_SIZE PostgreSQL connections);
    create=False refuses a missing SQLite file (InputError) instead of starting an empty store."""
    settings = settings or get_settings()
    store = open_store(db_url or settings.db, create=create,
                       pool_size=math.ceil(settings.db_pool_size / workers))
    lanes = Lanes(settings.api_large_chars, settings.api_large_timeout)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        # What start-up built (routes, models, the store, the pipeline's imports) lives as long as
        # the process: out of the collector's view, a full collection under load walks only what
        # requests made, which shortens the pauses that make the slowest answers slow.
        gc.collect()
        gc.freeze()
        yield
        gc.unfreeze()
        lanes.close()
        store.close()

    # /docs and /redoc load Swagger UI and ReDoc from files installed with fastapi-offline, not
    # from a CDN: the pages work on a machine without internet.
    app = FastAPIOffline(title="Hindi news extractor", version=__version__, description=DESCRIPTION,
                         lifespan=lifespan, dependencies=[Depends(refuse_nul)])
    app.state.store, app.state.settings, app.state.lanes = store, settings, lanes
    app.state.cache = {"hits": 0, "misses": 0}
    errors.install(app)
    if settings.api_cache_entries:
        app.add_middleware(ResponseCache, store=store, max_entries=settings.api_cache_entries,
                           keyed_by_api_key=settings.read_auth, stats=app.state.cache)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    for module in (health, extract, documents, entities, action_points, search, sources):
        app.include_router(module.router)
    ui.install(app)
    if settings.read_auth:
        _declare_read_auth(app)
    return app


def app_from_environment() -> FastAPI:
    """For uvicorn's workers (`serve` sets EXTRACTOR_DB and EXTRACTOR_API_WORKERS for them)."""
    settings = get_settings()
    return create_app(settings.db, settings, workers=settings.api_workers or 1)


def _declare_read_auth(app: FastAPI) -> None:
    """With EXTRACTOR_READ_AUTH=1 every operation but the health check needs the key (writes
    declare it already, through their APIKeyHeader): say so in the schema."""
    plain = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = plain()
            for path, operations in schema["paths"].items():
                for operation in operations.values():
                    if path not in OPEN and "security" not in operation:
                        operation["security"] = [{SCHEME: []}]
                        operation.setdefault("responses", {}).update(
                            {"401": {"description": "no X-API-Key"}, "403": {"description": "wrong key"}})
        return app.openapi_schema

    app.openapi = openapi
