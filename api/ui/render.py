"""Templates, the /ui read check (the API's own, answered as an HTML page) and page rendering."""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from extractor.kinds import KINDS
from extractor.settings import Settings
from extractor.store import QueryError

from ..deps import get_settings, require_read
from ..errors import ApiError

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
KIND_LABELS = {"places": "Place", "dates": "Date", "officials": "Official", "agencies": "Agency",
               "programmes": "Programme", "money": "Money", "decisions": "Decision",
               "action_points": "Action point", "name": "Name (inside an official)"}
assert set(KIND_LABELS) == {k.key for k in KINDS} | {"name"}, "every record kind needs a label"


class UiError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def ui_read(request: Request, settings: Settings = Depends(get_settings)) -> None:
    """The API's read check (EXTRACTOR_READ_AUTH, X-API-Key), failing as a page, not JSON."""
    request.state.started = time.perf_counter()
    try:
        require_read(request, settings)
    except ApiError as exc:
        raise UiError(exc.status, exc.message, exc.headers) from None


def query(fn, *args, **kwargs):
    """A store call whose bad parameters (QueryError) become a 422 page naming them."""
    try:
        return fn(*args, **kwargs)
    except QueryError as exc:
        raise UiError(422, str(exc)) from None


def with_params(request: Request, **changes) -> str:
    """This page's URL with some query parameters changed (None drops one): pagination links."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = v
    return request.url.path + ("?" + urlencode(params) if params else "")


def page(request: Request, template: str, status: int = 200, headers: dict | None = None, **context) -> HTMLResponse:
    response = templates.TemplateResponse(request, template, {
        "kind_labels": KIND_LABELS, "with_params": lambda **c: with_params(request, **c), **context},
        status_code=status, headers=headers)
    started = getattr(request.state, "started", None)
    if started is not None:  # what bench/bench_ui.py reads: time spent in the app, queries and template
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


async def _ui_error(request: Request, exc: UiError) -> HTMLResponse:
    return page(request, "error.html", status=exc.status, headers=exc.headers, message=exc.message,
                status_code=exc.status)


def install_errors(app: FastAPI) -> None:
    app.add_exception_handler(UiError, _ui_error)
