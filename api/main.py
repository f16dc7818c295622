"""The FastAPI application: `create_app(db_url)` opens the store and mounts every route module."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi_offline import FastAPIOffline

from extractor import __version__
from extractor.settings import Settings, get_settings
from extractor.store import open_store

from . import errors
from .deps import refuse_nul
from .limits import BodyLimit
from .routes import action_points, documents, entities, extract, health, search, sources

DESCRIPTION = """Information extraction from Hindi news and press releases, and the knowledge
store built from it. Records follow record/1. Writes need an `X-API-Key` header (one of
`EXTRACTOR_API_KEYS`); reads are open unless `EXTRACTOR_READ_AUTH=1`. Lists are paginated:
pass the response's `next_cursor` as `cursor`. Errors are `{"error": "..."}`."""


def create_app(db_url: str | None = None, settings: Settings | None = None, create: bool = True) -> FastAPI:
    """An app on the database at db_url (else EXTRACTOR_DB, else sqlite:///extractor.db);
    create=False refuses a missing SQLite file (InputError) instead of starting an empty store."""
    settings = settings or get_settings()
    store = open_store(db_url or settings.db, create=create)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        store.close()

    # /docs and /redoc load Swagger UI and ReDoc from files installed with fastapi-offline, not
    # from a CDN: the pages work on a machine without internet.
    app = FastAPIOffline(title="Hindi news extractor", version=__version__, description=DESCRIPTION,
                         lifespan=lifespan, dependencies=[Depends(refuse_nul)])
    app.state.store, app.state.settings = store, settings
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    for module in (health, extract, documents, entities, action_points, search, sources):
        app.include_router(module.router)
    return app
