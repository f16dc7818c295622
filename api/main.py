"""The FastAPI application: `create_app(db_url)` opens the store and mounts every route module."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from extractor import __version__
from extractor.settings import Settings, get_settings
from extractor.store import open_store

from . import errors, ui
from .limits import BodyLimit
from .routes import action_points, documents, entities, extract, health, search, sources

DESCRIPTION = """Information extraction from Hindi news and press releases, and the knowledge
store built from it. Records follow record/1. Writes need an `X-API-Key` header (one of
`EXTRACTOR_API_KEYS`); reads are open unless `EXTRACTOR_READ_AUTH=1`. Lists are paginated:
pass the response's `next_cursor` as `cursor`. Errors are `{"error": "..."}`. A web view for
people (programmes, action points, documents with their evidence highlighted) is at `/ui/`."""


def create_app(db_url: str | None = None, settings: Settings | None = None) -> FastAPI:
    """An app on the database at db_url (else EXTRACTOR_DB, else sqlite:///extractor.db)."""
    settings = settings or get_settings()
    store = open_store(db_url or settings.db)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        store.close()

    app = FastAPI(title="Hindi news extractor", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.store, app.state.settings = store, settings
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    for module in (health, extract, documents, entities, action_points, search, sources):
        app.include_router(module.router)
    ui.install(app)
    return app
