"""GET /action-points: what someone is to do, by deadline and owner, across documents."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from extractor.store import Store

from .. import params
from ..deps import get_store, require_read
from ..schemas import ActionPointPage, Error

router = APIRouter(tags=["action points"], dependencies=[Depends(require_read)])


@router.get("/action-points", response_model=ActionPointPage, responses={422: {"model": Error}},
            summary="Action points, filtered by deadline and owner")
def action_points(
    due_before: str | None = params.date("deadline strictly before this date; action points without a "
                                         "known deadline are left out", example="2024-10-01"),
    owner: str | None = Query(None, max_length=200, description="owner as written or the official/agency it "
                              "resolved to, either script"),
    limit: int = Query(50, ge=1, le=200), cursor: str | None = params.cursor(),
    store: Store = Depends(get_store),
) -> dict:
    page = store.action_points(due_before=due_before, owner=owner, limit=limit, cursor=cursor)
    return {"items": page.items, "next_cursor": page.next_cursor}
