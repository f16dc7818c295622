"""GET /health: the server answers and its database is reachable."""
from __future__ import annotations

from fastapi import APIRouter, Depends

from extractor.store import Store

from ..deps import get_store
from ..schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Liveness and database check")
def health(store: Store = Depends(get_store)) -> dict:
    return {"status": "ok", "database": store.dialect, **store.stats()}
