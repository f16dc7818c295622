"""GET /sources: what `extractor follow` reads, and how each source's last round went."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from extractor.follow.state import FollowState
from extractor.store import Store

from .. import params
from ..deps import get_store, require_read
from ..schemas import Error, Page

router = APIRouter(tags=["sources"], dependencies=[Depends(require_read)])


class LastRound(BaseModel):
    at: datetime
    status: Literal["ok", "unchanged", "error"] = Field(description="unchanged: the server answered "
                                                        "304 Not Modified")
    error: str | None = None
    counts: dict[str, int] | None = Field(None, description="listed, new, duplicates, stored, existing "
                                          "(text stored already), failed, deferred (host not ready)")


class FollowedSource(BaseModel):
    model_config = {"json_schema_extra": {"examples": [{
        "id": 1, "url": "https://example.org/press/feed.xml", "parent_id": None, "kind": "feed",
        "title": "Press releases", "added_at": "2026-12-01T06:00:00Z",
        "last_round": {"at": "2026-12-02T06:00:00Z", "status": "ok", "error": None,
                       "counts": {"listed": 20, "new": 3, "duplicates": 0, "stored": 3, "existing": 0,
                                  "failed": 0, "deferred": 0}},
        "items": {"stored": 120, "failed": 1}}]}}

    id: int
    url: str
    parent_id: int | None = Field(None, description="the page or sitemap index it was found in")
    kind: Literal["feed", "sitemap", "sitemap_index", "page"] | None = Field(
        None, description="null until the source was first read")
    title: str | None = None
    added_at: datetime
    last_round: LastRound | None = None
    items: dict[str, int] = Field(description="its items by status: pending, stored, existing, failed, "
                                  "gave_up, duplicate")


class SourcePage(Page):
    items: list[FollowedSource]


@router.get("/sources", response_model=SourcePage, responses={422: {"model": Error}},
            summary="Followed sources and their last round")
def sources(limit: int = Query(100, ge=1, le=200), cursor: str | None = params.cursor(),
            store: Store = Depends(get_store)) -> dict:
    page = FollowState(store).list_sources(limit=limit, cursor=cursor)
    return {"items": page.items, "next_cursor": page.next_cursor}
