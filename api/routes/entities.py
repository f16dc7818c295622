"""GET /officials, /agencies, /programmes, /places; GET /entities/{id}; GET /programmes/{id}/timeline."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from extractor.kinds import ENTITY_KINDS
from extractor.store import Store

from .. import params
from ..deps import get_store, require_read
from ..errors import ApiError
from ..schemas import EntityDetail, EntityPage, Error, TimelinePage

router = APIRouter(dependencies=[Depends(require_read)], responses={422: {"model": Error}})


def _list_endpoint(plural: str):
    def list_entities(
        q: str | None = Query(None, max_length=200, description="name in Devanagari or Latin script, "
                              "any spelling (e.g. संजीव शुक्ला, Sanjeev Shukla, shukla)"),
        date_from: str | None = params.date("mentioned on or after", alias="from"),
        date_to: str | None = params.date("mentioned on or before", alias="to", example="2024-12"),
        place: str | None = Query(None, max_length=200, description="only documents that also mention this place"),
        agency: str | None = Query(None, max_length=200, description="only documents that also mention this agency"),
        limit: int = Query(50, ge=1, le=200), cursor: str | None = params.cursor(),
        store: Store = Depends(get_store),
    ) -> dict:
        page = store.list_entities(plural, q=q, date_from=date_from, date_to=date_to, place=place,
                                   agency=agency, limit=limit, cursor=cursor)
        return {"items": page.items, "next_cursor": page.next_cursor}

    list_entities.__doc__ = (f"Canonical {plural}: every spelling and script of one {ENTITY_KINDS[plural]} "
                             "is one entry, with the documents (within the filters) that mention it. A "
                             "document's date is its publication date, else its first event date.")
    return list_entities


for _plural in ENTITY_KINDS:
    router.add_api_route(f"/{_plural}", _list_endpoint(_plural), methods=["GET"], response_model=EntityPage,
                         tags=[_plural], summary=f"List {_plural}")


@router.get("/entities/{entity_id}", response_model=EntityDetail, tags=["entities"],
            responses={404: {"model": Error}}, summary="One entity with its merge evidence")
def get_entity(entity_id: int = params.entity_id(), store: Store = Depends(get_store)) -> dict:
    entity = store.get_entity(entity_id)
    if entity is None:
        raise ApiError(404, f"no entity {entity_id}; ids come from the list endpoints")
    return entity


@router.get("/programmes/{programme_id}/timeline", response_model=TimelinePage, tags=["programmes"],
            responses={404: {"model": Error}}, summary="A programme's decisions and action points over time")
def timeline(programme_id: int = params.entity_id("programme"),
             include_undated: bool = Query(False, description="also entries with no date"),
             limit: int = Query(100, ge=1, le=200), cursor: str | None = params.cursor(),
             store: Store = Depends(get_store)) -> dict:
    """Decisions and action points linked to the programme (same sentence, or the only programme
    of their document), across documents, in date order: the deadline, else a date in the same
    sentence, else the document's date."""
    page = store.programme_timeline(programme_id, include_undated=include_undated, limit=limit, cursor=cursor)
    if page is None:
        raise ApiError(404, f"no programme {programme_id}; ids come from GET /programmes")
    entity = store.get_entity(programme_id)
    return {"programme": {"id": programme_id, "name": entity["name"]}, "items": page.items,
            "next_cursor": page.next_cursor}
