"""Shared dependencies: the store, the settings, and API-key checks for writes (and reads)."""
from __future__ import annotations

import hmac

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from extractor.settings import Settings
from extractor.store import Store

from .errors import ApiError

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="One of the keys in EXTRACTOR_API_KEYS.")


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def _check_key(key: str | None, settings: Settings, what: str) -> None:
    if not settings.keys:
        raise ApiError(403, f"{what} is disabled: this server has no keys configured; "
                            "the operator must set EXTRACTOR_API_KEYS")
    if not key:
        raise ApiError(401, f"{what} needs an API key: send it in the X-API-Key header",
                       headers={"WWW-Authenticate": 'APIKey header="X-API-Key"'})
    if not any(hmac.compare_digest(key.encode(), k.encode()) for k in settings.keys):
        raise ApiError(403, "the X-API-Key is not one of the keys this server accepts; "
                            "ask the operator for a key listed in EXTRACTOR_API_KEYS")


def require_write(key: str | None = Depends(api_key_header),
                  settings: Settings = Depends(get_settings)) -> None:
    """Writes always need a key."""
    _check_key(key, settings, "writing to the store")


def require_read(request: Request, settings: Settings = Depends(get_settings)) -> None:
    """Reads need a key only when EXTRACTOR_READ_AUTH=1. The header is read here rather than
    declared, so the schema asks for a key only where one is needed (main.py adds it to the read
    operations when read auth is on)."""
    if settings.read_auth:
        _check_key(request.headers.get("X-API-Key"), settings, "reading (EXTRACTOR_READ_AUTH is on)")


def refuse_nul(request: Request) -> None:
    """NUL in a query or path value is refused on every engine (PostgreSQL cannot compare text
    with it; SQLite would just find nothing), before any route reads it."""
    values = [*request.query_params.multi_items(), *request.path_params.items()]
    for name, value in values:
        if isinstance(value, str) and "\x00" in value:
            raise ApiError(422, f"{name}: NUL characters (%00) are not allowed in a request value; "
                                "remove them and send the request again")
