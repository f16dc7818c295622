"""POST /extract: record/1 for one document given as text, HTML or a public URL; nothing is stored."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from extractor.acquire.urlguard import fetch_public
from extractor.document import RawDocument
from extractor.settings import Settings

from ..deps import get_settings, require_read
from ..schemas import Error, ExtractRequest, Record

router = APIRouter(tags=["extract"])
ERRORS = {400: {"model": Error, "description": "the URL is refused or cannot be fetched"},
          413: {"model": Error, "description": "body over EXTRACTOR_API_MAX_BODY_BYTES"},
          422: {"model": Error, "description": "invalid body, or no article text in it"},
          503: {"model": Error, "description": "a large document (over EXTRACTOR_API_LARGE_CHARS) "
                "arrived while another was being extracted, or took over EXTRACTOR_API_LARGE_TIMEOUT "
                "seconds; see Retry-After"}}


def run_extraction(body: ExtractRequest, request: Request, settings: Settings) -> dict:
    """The one place the API turns a request into a record (POST /extract and POST /documents)."""
    meta = {k: v for k, v in (("title", body.title), ("published", body.published),
                              ("publisher", body.publisher)) if v}
    if body.given == "url":
        raw = fetch_public(body.url, allow_private=settings.allow_private_urls)
        raw.meta = {**raw.meta, **meta}
    else:
        raw = RawDocument(name="<text>", text=body.text if body.given == "text" else None,
                          html=body.html if body.given == "html" else None, meta=meta)
    return request.app.state.lanes.extract(raw, body.language)


@router.post("/extract", response_model=Record, responses=ERRORS, dependencies=[Depends(require_read)],
             summary="Extract record/1 from one document (nothing stored)")
def extract(body: ExtractRequest, request: Request, settings: Settings = Depends(get_settings)) -> dict:
    """Give exactly one of `text`, `html` or `url` (an empty or blank one counts as not given).
    URLs must be public http(s) addresses: private, loopback and link-local hosts are refused
    (also after redirects). Inputs over EXTRACTOR_API_LARGE_CHARS characters are extracted one at
    a time in a process of their own, so small ones are never held up behind them."""
    return run_extraction(body, request, settings)
