"""Every error is JSON {"error": "what is wrong and what to do"}; bad input is never a 500."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from extractor.errors import InputError
from extractor.store import QueryError

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def _json(status: int, message: str, headers: dict | None = None, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def _where(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
    # Inputs are not echoed back: they can be megabytes of HTML.
    details = [{"field": _where(e.get("loc", ())), "problem": e.get("msg", "")} for e in exc.errors()]
    summary = "; ".join(f"{d['field']}: {d['problem']}" for d in details[:5])
    return _json(422, f"invalid request ({summary}); see the OpenAPI document at /docs", details=details)


async def _input_error(request: Request, exc: InputError) -> JSONResponse:
    # A page that cannot be fetched is a bad URL (400); text that yields no article is 422.
    status = 400 if exc.stage == "fetch" else 422
    message = f"{exc.stage}: {exc.problem}" + (f". {exc.hint}" if exc.hint else "")
    return _json(status, message, stage=exc.stage)


# FastAPI's answer when the body cannot even be read as JSON text (in practice: not UTF-8).
_UNPARSABLE_BODY = "There was an error parsing the body"


def _allowed(request: Request) -> str:
    """Every method some route takes on this path: Starlette's 405 names only the first route's,
    and GET /documents and POST /documents are two routes. Each method is tried on the routes."""
    from starlette.routing import Match

    return ", ".join(m for m in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                     if any(route.matches({**request.scope, "method": m})[0] == Match.FULL
                            for route in request.app.router.routes))


async def _http(request: Request, exc: HTTPException) -> JSONResponse:
    if exc.status_code == 405:
        return _json(405, "method not allowed on this path", headers={"Allow": _allowed(request)})
    if exc.status_code == 400 and exc.detail == _UNPARSABLE_BODY:
        return _json(422, "invalid request (body: not JSON text in UTF-8); send the JSON body encoded as "
                          "UTF-8 (Content-Type: application/json); see the OpenAPI document at /docs")
    messages = {404: "no such endpoint; see /docs for the list", 405: "method not allowed on this path"}
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail not in (
        "Not Found", "Method Not Allowed") else messages.get(exc.status_code, str(exc.detail))
    return _json(exc.status_code, detail, headers=getattr(exc, "headers", None))


async def _query_error(_: Request, exc: QueryError) -> JSONResponse:
    return _json(422, str(exc))


async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
    return _json(exc.status, exc.message, exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path)
    return _json(500, "internal error; the server logged it. Please report the request that caused it.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
