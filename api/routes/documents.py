"""POST /documents (extract and store), GET /documents (list with filters), GET /documents/{doc_id}
and its /versions."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from extractor.settings import Settings
from extractor.store import Store, browse

from ..deps import get_settings, get_store, require_read, require_write
from ..errors import ApiError
from ..schemas import DocumentPage, DocumentVersions, Error, ExtractRequest, Record, StoredDocument
from .extract import ERRORS, run_extraction

router = APIRouter(tags=["documents"])
AUTH = {401: {"model": Error, "description": "no X-API-Key"}, 403: {"model": Error, "description": "wrong key"}}


@router.post("/documents", response_model=StoredDocument, status_code=201, dependencies=[Depends(require_write)],
             responses={**ERRORS, **AUTH, 200: {"model": StoredDocument, "description": "already stored"}},
             summary="Extract one document and store it")
def store_document(body: ExtractRequest, request: Request, response: Response,
                   store: Store = Depends(get_store), settings: Settings = Depends(get_settings)) -> dict:
    """201 when the document is new, 200 when a document with the same cleaned text (same
    doc_id) is already stored; either way the stored id and the record come back."""
    record = run_extraction(body, request, settings)
    doc_id, created = store.ingest(record)
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"/documents/{doc_id}"
    return {"doc_id": doc_id, "created": created, "record": record if created else store.get_document(doc_id)}


@router.get("/documents/{doc_id}", response_model=Record, dependencies=[Depends(require_read)],
            responses={404: {"model": Error}}, summary="A stored record")
def get_document(doc_id: str = Path(max_length=64, examples=["1c5a2f6909f46975"]),
                 store: Store = Depends(get_store)) -> dict:
    record = store.get_document(doc_id)
    if record is None:
        raise ApiError(404, f"no stored document {doc_id!r}; ids come from POST /documents or /search")
    return record


@router.get("/documents/{doc_id}/versions", response_model=DocumentVersions, dependencies=[Depends(require_read)],
            responses={404: {"model": Error}}, summary="The same release in other languages")
def get_versions(doc_id: str = Path(max_length=64, examples=["1c5a2f6909f46975"]),
                 store: Store = Depends(get_store)) -> dict:
    """The documents `python -m extractor pair` linked to this one: published at most a day
    apart, in another language, sharing entities (the shared ones are listed)."""
    found = store.document_versions(doc_id)
    if found is None:
        raise ApiError(404, f"no stored document {doc_id!r}; ids come from POST /documents or /search")
    return {"doc_id": doc_id, "versions": found}


@router.get("/documents", response_model=DocumentPage, dependencies=[Depends(require_read)],
            responses={422: {"model": Error}}, summary="Stored documents, newest first, with filters")
def list_documents(
    q: str | None = Query(None, max_length=500, description="every word must occur in the title or text "
                          "(as GET /search matches)", examples=["बाल श्रम"]),
    date_from: str | None = Query(None, alias="from", description="published on or after (YYYY[-MM[-DD]])",
                                  examples=["2024-01-01"]),
    date_to: str | None = Query(None, alias="to", description="published on or before; 2024-04 means to "
                                "the end of April", examples=["2024-12"]),
    publisher: str | None = Query(None, max_length=500, description="publisher as stored (any letter case)"),
    language: str | None = Query(None, max_length=8, description="the record's language code", examples=["hi"]),
    programme: str | None = Query(None, max_length=200, description="documents mentioning this programme: "
                                  "its id, or a name in either script"),
    agency: str | None = Query(None, max_length=200, description="documents mentioning this agency: its id, "
                               "or a name in either script"),
    limit: int = Query(50, ge=1, le=200), cursor: str | None = Query(None, max_length=200),
    store: Store = Depends(get_store),
) -> dict:
    """Ordered by publication date, newest first (undated documents last), then by storage
    order. Pass `next_cursor` as `cursor` for the next page."""
    with store.read() as conn:
        page = browse.list_documents(conn, q=q, date_from=date_from, date_to=date_to, publisher=publisher,
                                     language=language, programme=programme, agency=agency, limit=limit,
                                     cursor=cursor)
    return {"items": page.items, "next_cursor": page.next_cursor}
