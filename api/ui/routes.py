"""GET /ui/...: overview, programmes, action points, documents with highlighted evidence, entities, search.

Every page reads through the store functions the JSON API uses (or store/browse.py and
store/due.py beside them) and needs what the API's reads need (EXTRACTOR_READ_AUTH).
"""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.responses import FileResponse, RedirectResponse

from extractor.kinds import KINDS
from extractor.store import Store
from extractor.store import browse, due, queries, search as full_text

from ..deps import get_store
from .highlight import details, highlight, record_items, snippet
from .render import HERE, UiError, install_errors, page, query, ui_read

router = APIRouter(prefix="/ui", dependencies=[Depends(ui_read)], include_in_schema=False)
PAGE = 50
TIMELINE_PAGE = 50
SOON_DAYS = 30


def text_query():
    """A fresh Query per parameter: FastAPI binds one FieldInfo to one parameter."""
    return Query(None, max_length=200)


def today() -> date:
    return date.today()


def _shown(count: int) -> str:
    return f"{due.COUNT_CAP:,}+" if count > due.COUNT_CAP else f"{count:,}"


@router.get("")
def root() -> RedirectResponse:
    return RedirectResponse("/ui/", status_code=307)


@router.get("/static/ui.css")
def stylesheet() -> FileResponse:
    return FileResponse(HERE / "static" / "ui.css", media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/")
def overview(request: Request, store: Store = Depends(get_store)):
    now = today()
    soon = (now + timedelta(days=SOON_DAYS)).isoformat()
    with store.read() as conn:
        recent = browse.list_documents(conn, limit=10).items
        programmes = browse.active_programmes(conn, limit=10)
        due_soon = due.due_action_points(conn, due_after=now.isoformat(), due_before=soon, limit=10).items
        overdue = due.due_action_points(conn, overdue_on=now.isoformat(), limit=10).items
        counts = {name: _shown(due.count_due(conn, *window))
                  for name, window in (("soon", (now.isoformat(), soon)), ("overdue", (None, now.isoformat())))}
    return page(request, "overview.html", nav="overview", recent=recent, programmes=programmes, due_soon=due_soon,
                overdue=overdue, counts=counts, today=now.isoformat(), soon=soon)


@router.get("/programmes")
def programmes(request: Request, q: str | None = text_query(), date_from: str | None = Query(None, alias="from"),
               date_to: str | None = Query(None, alias="to"), agency: str | None = text_query(),
               cursor: str | None = Query(None, max_length=200), store: Store = Depends(get_store)):
    result = query(store.list_entities, "programmes", q=q or None, date_from=date_from or None,
                   date_to=date_to or None, agency=agency or None, limit=PAGE, cursor=cursor or None)
    return page(request, "programmes.html", nav="programmes", result=result,
                filters={"q": q, "from": date_from, "to": date_to, "agency": agency})


@router.get("/programmes/{programme_id}")
def programme(request: Request, programme_id: int, cursor: str | None = Query(None, max_length=200),
              store: Store = Depends(get_store)):
    with store.read() as conn:
        entity = queries.get_entity(conn, programme_id)  # without its merge evidence: the entity page has that
        if entity is None or entity["kind"] != "programme":
            raise UiError(404, f"no programme {programme_id}; pick one from the programmes list")
        # Dated entries only: an undated one has no place on a timeline (its document still lists it).
        timeline = query(browse.dated_timeline, conn, programme_id, limit=TIMELINE_PAGE, cursor=cursor or None)
        named = browse.programme_bodies(conn, programme_id)
        docs = browse.entity_documents(conn, programme_id, limit=20)
    return page(request, "programme.html", nav="programmes", entity=entity, timeline=timeline, agencies=named["run_by"],
                also=named["agency"], officials=named["official"], docs=docs, within=browse.CO_MENTION_DOCS)


@router.get("/action-points")
def action_points(request: Request, owner: str | None = text_query(), agency: str | None = text_query(),
                  programme: str | None = text_query(), due_after: str | None = Query(None, max_length=10),
                  due_before: str | None = Query(None, max_length=10), overdue: bool = False,
                  cursor: str | None = Query(None, max_length=200), store: Store = Depends(get_store)):
    now = today().isoformat()
    with store.read() as conn:
        result = query(due.due_action_points, conn, owner=owner or None, agency=agency or None,
                       programme=programme or None, due_after=due_after or None, due_before=due_before or None,
                       overdue_on=now if overdue else None, limit=PAGE, cursor=cursor or None)
    return page(request, "action_points.html", nav="action-points", result=result, today=now,
                filters={"owner": owner, "agency": agency, "programme": programme, "due_after": due_after,
                         "due_before": due_before, "overdue": overdue})


@router.get("/documents")
def documents(request: Request, q: str | None = Query(None, max_length=500),
              date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
              publisher: str | None = text_query(), language: str | None = Query(None, max_length=8),
              programme: str | None = text_query(), agency: str | None = text_query(),
              cursor: str | None = Query(None, max_length=200), store: Store = Depends(get_store)):
    filters = {"q": q, "from": date_from, "to": date_to, "publisher": publisher, "language": language,
               "programme": programme, "agency": agency}
    with store.read() as conn:
        result = query(browse.list_documents, conn, q=q or None, date_from=date_from or None,
                       date_to=date_to or None, publisher=publisher or None, language=language or None,
                       programme=programme or None, agency=agency or None, limit=PAGE, cursor=cursor or None)
        counts = browse.mention_counts(conn, [d["doc_id"] for d in result.items])
    return page(request, "documents.html", nav="documents", result=result, counts=counts, filters=filters)


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: str = Path(max_length=64), store: Store = Depends(get_store)):
    with store.read() as conn:
        record = queries.get_document(conn, doc_id)
        if record is None:
            raise UiError(404, f"no stored document {doc_id!r}; find one from the documents list or the search box")
        stored = browse.document_mentions(conn, doc_id)
    items = record_items(record, stored)
    counts = Counter(i.kind for i in items)
    if any(i.kind == "officials" and i.fields.get("name_span") for i in items):
        counts["name"] = sum(1 for i in items if i.kind == "officials" and i.fields.get("name_span"))
    panel = {kind.key: [i for i in items if i.kind == kind.key] for kind in KINDS}
    return page(request, "document.html", nav="documents", record=record, body=highlight(record["text"], items),
                counts=counts, panel=panel, details=details,
                surface={k.key: k.surface for k in KINDS}, lang=record.get("language") or "hi")


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: int, store: Store = Depends(get_store)):
    with store.read() as conn:
        found = queries.get_entity(conn, entity_id)
        if found is None:
            raise UiError(404, f"no entity {entity_id}; entities are linked from documents, programmes and search")
        reasons = browse.merge_reasons(conn, entity_id)
        docs = browse.entity_documents(conn, entity_id)
    return page(request, "entity.html", nav=None, entity=found, reasons=reasons, docs=docs)


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=500), cursor: str | None = Query(None, max_length=200),
           store: Store = Depends(get_store)):
    """Names of any kind, and documents holding every word, newest first (the documents list's
    full-text filter: no relevance ranking, which on PostgreSQL scored every match of a common
    word, 200 ms at 10,000 documents)."""
    hits, found, snippets = None, [], {}
    if q.strip():
        with store.read() as conn:
            hits = query(browse.list_documents, conn, q=q, limit=20, cursor=cursor or None)
            found = browse.find_entities(conn, q.strip())
            texts = browse.document_texts(conn, [h["doc_id"] for h in hits.items])
        words = full_text.query_words(q)
        snippets = {doc_id: snippet(text, words) for doc_id, text in texts.items()}
    return page(request, "search.html", nav=None, q=q, hits=hits, found=found, snippets=snippets)


def install(app: FastAPI) -> None:
    install_errors(app)
    app.include_router(router)
