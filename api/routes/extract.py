"""POST /extract: record/1 for one document given as text, HTML or a public URL; nothing is stored."""
from __future__ import annotations

import threading

from fastapi import APIRouter, Depends

from extractor.errors import InputError
from extractor.extract import extract_documents, extract_text
from extractor.settings import Settings

from ..deps import get_settings, require_read
from ..schemas import Error, ExtractRequest, Record
from extractor.acquire.urlguard import fetch_public

router = APIRouter(tags=["extract"])
# One document at a time through the shared spaCy pipeline: it is not documented as thread-safe,
# and with few cores parallel extraction would only add contention.
_PIPELINE = threading.Lock()
ERRORS = {400: {"model": Error, "description": "the URL is refused or cannot be fetched"},
          413: {"model": Error, "description": "body over EXTRACTOR_API_MAX_BODY_BYTES"},
          422: {"model": Error, "description": "invalid body, or no article text in it"}}


def run_extraction(body: ExtractRequest, settings: Settings) -> dict:
    """The one place the API turns a request into a record (POST /extract and POST /documents)."""
    meta = {k: v for k, v in (("title", body.title), ("published", body.published),
                              ("publisher", body.publisher)) if v}
    if body.url:
        raw = fetch_public(body.url, allow_private=settings.allow_private_urls)
        raw.meta = {**raw.meta, **meta}
        with _PIPELINE:
            result = next(extract_documents([raw], language=body.language))
        if isinstance(result, InputError):
            raise result
        return result
    with _PIPELINE:
        return extract_text(body.text or "", html=body.html, path=None, language=body.language, **meta)


@router.post("/extract", response_model=Record, responses=ERRORS, dependencies=[Depends(require_read)],
             summary="Extract record/1 from one document (nothing stored)")
def extract(body: ExtractRequest, settings: Settings = Depends(get_settings)) -> dict:
    """Give exactly one of `text`, `html` or `url`. URLs must be public http(s) addresses:
    private, loopback and link-local hosts are refused (also after redirects)."""
    return run_extraction(body, settings)
