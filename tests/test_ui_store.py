"""The web view's queries (store/due.py, store/browse.py) on both engines, and the highlighter."""
from __future__ import annotations

import re
from datetime import date

import pytest
from markupsafe import Markup

from api.ui.highlight import Item, highlight, record_items, snippet
from extractor.store import QueryError, browse, due
from test_store_support import db_url, pg_module_url, store  # noqa: F401 - fixtures
from test_ui_support import due_soon_record, real_records


@pytest.fixture
def filled(store):
    for record in real_records():
        store.ingest(record)
    return store


def action_points() -> list[dict]:
    return [a for r in real_records() for a in r["action_points"]]


def deadlines(page) -> list[str | None]:
    return [a["deadline"] for a in page.items]


def test_action_points_soonest_first_undated_last_and_pages_keep_that_order(filled):
    with filled.read() as conn:
        first = due.due_action_points(conn, limit=200)
        walked, cursor = [], None
        while True:
            page = due.due_action_points(conn, limit=3, cursor=cursor)
            walked += [a["id"] for a in page.items]
            if not (cursor := page.next_cursor):
                break
    dated = sorted(a["deadline"] for a in action_points() if a["deadline"])
    assert deadlines(first) == dated + [None] * (len(action_points()) - len(dated))
    assert walked == [a["id"] for a in first.items]


def test_one_programmes_window_reads_the_same_as_the_general_path(filled):
    with filled.read() as conn:
        programmes = [p["id"] for p in browse.active_programmes(conn, limit=50)]
        compared = 0
        for pid in programmes:
            for window in ({"overdue_on": date.today().isoformat()}, {"due_after": "2025-01-01", "due_before": "2025-07-01"}):
                fast = due.due_action_points(conn, programme=str(pid), limit=200, **window).items
                linked = {e["mention_id"] for e in filled.programme_timeline(pid, include_undated=True, limit=200).items}
                general = [a for a in due.due_action_points(conn, limit=200, **window).items if a["id"] in linked]
                assert fast == general, (pid, window)
                compared += len(fast)
                walked, cursor = [], None
                while True:
                    page = due.due_action_points(conn, programme=str(pid), limit=1, cursor=cursor, **window)
                    walked += page.items
                    if not (cursor := page.next_cursor):
                        break
                assert walked == fast
    assert compared  # the data has linked action points in these windows


def test_deadline_window_and_overdue(filled):
    today = date.today().isoformat()
    with filled.read() as conn:
        window = due.due_action_points(conn, due_after="2025-04-01", due_before="2025-07-01")
        overdue = due.due_action_points(conn, overdue_on=today)
        soon = due.count_due(conn, today, "9999-12-31")
    assert deadlines(window) == sorted(a["deadline"] for a in action_points()
                                       if a["deadline"] and "2025-04-01" <= a["deadline"] < "2025-07-01")
    assert deadlines(overdue) == sorted(a["deadline"] for a in action_points() if a["deadline"] and a["deadline"] < today)
    assert soon == 1 and due_soon_record()["action_points"][0]["deadline"] >= today


@pytest.mark.parametrize("many", [5000, 0], ids=["few-linked", "many-linked"])
def test_owner_agency_and_programme_filters(filled, monkeypatch, many):
    monkeypatch.setattr(due, "MANY_LINKED", many)  # 0: SQLite checks each action point's own relation
    with filled.read() as conn:
        by_owner = due.due_action_points(conn, owner="थाना प्रभारी")
        programmes = {p["name"]: p["id"] for p in browse.active_programmes(conn, limit=50)}
        road = programmes["PM Gram Sadak Yojana"]  # the only programme of its document: owns its statements
        by_programme = due.due_action_points(conn, programme=str(road))
        by_programme_name = due.due_action_points(conn, programme="प्रधानमंत्री ग्राम सड़क योजना")
        irrigation = due.due_action_points(conn, agency="सिंचाई विभाग")
    assert [a["owner"] for a in by_owner.items] == ["सभी थाना प्रभारियों"]
    timeline = filled.programme_timeline(road, include_undated=True)
    linked = sorted(e["mention_id"] for e in timeline.items if e["kind"] == "action_point")
    assert linked and sorted(a["id"] for a in by_programme.items) == linked
    assert [a["id"] for a in by_programme_name.items] == [a["id"] for a in by_programme.items]
    flood = next(r for r in real_records() if any(a["name"] == "सिंचाई विभाग" for a in r["agencies"]))
    assert {a["document"]["doc_id"] for a in irrigation.items} == {flood["doc_id"]}
    assert len(irrigation.items) == len(flood["action_points"])  # owned by it, or in a document naming it


def test_bad_dates_and_cursors_are_query_errors(filled):
    with filled.read() as conn:
        with pytest.raises(QueryError, match="due_after must be a date"):
            due.due_action_points(conn, due_after="soon")
        with pytest.raises(QueryError, match="next_cursor"):
            browse.list_documents(conn, cursor="eyJwIjoxfQ")


def test_entity_pages_data(filled):
    with filled.read() as conn:
        top = browse.active_programmes(conn, limit=50)
        found = browse.find_entities(conn, "vatsalya")
        reasons = browse.merge_reasons(conn, found[0]["id"])
        docs = browse.entity_documents(conn, found[0]["id"])
    assert [p["document_count"] for p in top] == sorted((p["document_count"] for p in top), reverse=True)
    assert found[0]["name"] == "Mission Vatsalya" and found[0]["kind"] == "programme"
    record = next(r for r in real_records() if any(p.get("canonical") == "Mission Vatsalya" for p in r["programmes"]))
    spellings = [p["name"] for p in record["programmes"] if p.get("canonical") == "Mission Vatsalya"]
    assert {r["surface"] for r in reasons} == set(spellings)
    assert sum(r["mentions"] for r in reasons) == len(spellings)
    assert all(r["doc_id"] == record["doc_id"] and r["rule"] for r in reasons)
    assert [d["doc_id"] for d in docs] == [record["doc_id"]]


# --- the highlighter -------------------------------------------------------------------------

def pieces(html: Markup, ref: str) -> str:
    """The text of an item: its pieces' text joined (tags stripped), as the browser test reads it."""
    out, depth, capture = [], 0, []
    for token in re.findall(r"<[^>]+>|[^<]+", str(html)):
        if token.startswith("</"):
            depth -= 1
            capture.pop()
        elif token.startswith("<"):
            depth += 1
            items = re.search(r'data-items="([^"]*)"', token)
            capture.append(bool(items and ref in items.group(1).split()))
        elif any(capture):
            out.append(token)
    return Markup("".join(out)).unescape()


def test_nested_crossing_and_shared_spans_stay_well_formed():
    text = "AB <x> CD EF GH"
    items = [Item("decisions", 0, 0, 15, {"text": text}), Item("action_points", 0, 0, 15, {"text": text}),
             Item("officials", 0, 3, 9, {"name": "CD", "name_span": [7, 9]}),
             Item("places", 0, 7, 12, {"name": "CD EF"})]  # crosses the official's end
    html = highlight(text, items)
    assert "<x>" not in html and "&lt;x&gt;" in html
    assert html.count('data-items="decisions-0 action_points-0"') == 1  # one band for both
    assert pieces(html, "officials-0") == "<x> CD" and pieces(html, "officials-0.name") == "CD"
    assert pieces(html, "places-0") == "CD EF" and html.count("data-items=\"places-0\"") == 2  # reopened once
    assert pieces(html, "decisions-0") == text
    opened = len(re.findall(r"<(mark|span) ", html))
    assert opened == len(re.findall(r"</(mark|span)>", html))
    assert html.count('tabindex="0"') == 3  # one stop per element; the name is reached through its official


@pytest.mark.parametrize("record", real_records(), ids=lambda r: r["doc_id"])
def test_every_real_item_reads_back_as_its_span(record):
    items = record_items(record)
    html = highlight(record["text"], items)
    assert Markup(re.sub(r"<[^>]+>", "", str(html))).unescape() == record["text"]
    for item in items:
        assert pieces(html, item.ref) == record["text"][item.start:item.end] or item.kind == "name"


def test_snippet_marks_every_word_near_the_first_match():
    text = "आरम्भ " * 40 + "बाल श्रम के विरुद्ध अभियान में बाल संरक्षण" + " अंत" * 40
    parts = snippet(text, ["बाल", "अभियान"], around=60)
    assert [p for p, hit in parts if hit] == ["बाल", "अभियान", "बाल"]
    assert parts[0] == ("…", False) and parts[-1][0].endswith("…")
    assert "".join(p for p, _ in parts).strip("…") in text
    assert snippet("कुछ नहीं", ["बाल"]) == [("कुछ नहीं", False)]


def test_dated_timeline_is_the_programme_timeline_without_undated_entries(filled):
    with filled.read() as conn:
        programmes = [p["id"] for p in browse.active_programmes(conn, limit=50)]
        for pid in programmes:
            full = filled.programme_timeline(pid, include_undated=False, limit=200).items
            walked, cursor = [], None
            while True:
                page = browse.dated_timeline(conn, pid, limit=2, cursor=cursor)
                walked += page.items
                if not (cursor := page.next_cursor):
                    break
            assert walked == full, pid
    assert any(filled.programme_timeline(pid, limit=200).items for pid in programmes)  # something was compared


def test_programme_bodies_are_the_agencies_and_officials_of_its_documents(filled):
    from sqlalchemy import select

    from extractor.store.schema import mentions

    road = next(r for r in real_records() if r["published"] == "2025-02-07")
    with filled.read() as conn:
        pid = next(p["id"] for p in browse.active_programmes(conn, limit=50) if p["name"] == "PM Gram Sadak Yojana")
        bodies = browse.programme_bodies(conn, pid)
        stored = {kind: set(conn.execute(select(mentions.c.entity_id).where(
            mentions.c.doc_id == road["doc_id"], mentions.c.kind == kind, mentions.c.entity_id.is_not(None))).scalars())
            for kind in ("agencies", "officials")}
        assert browse.programme_bodies(conn, 10_000) == {"run_by": [], "agency": [], "official": []}
    assert {a["id"] for a in bodies["agency"]} == stored["agencies"] and stored["officials"]
    assert {o["id"] for o in bodies["official"]} == stored["officials"]
    assert bodies["run_by"] and {a["id"] for a in bodies["run_by"]} <= stored["agencies"]  # named in its sentence
    assert all(b["document_count"] == 1 for group in bodies.values() for b in group)
