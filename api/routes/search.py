"""GET /search: full-text search over stored documents."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from extractor.store import Store
from extractor.store.search import WORD_PATTERN

from .. import params
from ..deps import get_store, require_read
from ..schemas import Error, SearchPage

router = APIRouter(tags=["search"], dependencies=[Depends(require_read)])


@router.get("/search", response_model=SearchPage, responses={422: {"model": Error}},
            summary="Documents containing every word of q")
def search(q: str = Query(..., min_length=1, max_length=500, pattern=WORD_PATTERN, examples=["बाल श्रम"],
                         description="words to find (at least one letter or digit)"),
           limit: int = Query(20, ge=1, le=200), cursor: str | None = params.cursor(),
           store: Store = Depends(get_store)) -> dict:
    """Whole words, every word required, best matches first (BM25 on SQLite, ts_rank on
    PostgreSQL), with a snippet around the matches."""
    page = store.search(q, limit=limit, cursor=cursor)
    return {"items": page.items, "next_cursor": page.next_cursor}
