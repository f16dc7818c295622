"""Store queries: the programme timeline, list filters and pagination, action points, search."""
from __future__ import annotations

import pytest

from extractor.store import QueryError
from test_store_support import Doc, db_url, pg_module_url, store  # noqa: F401 - fixtures


def programme_docs() -> list[Doc]:
    """Mission Shakti in two documents (two spellings, two scripts), and another programme."""
    march = Doc("मिशन शक्ति अभियान की बैठक में निर्णय लिया गया कि हेल्पलाइन चौबीस घंटे चलेगी।",
                "30 सितम्बर तक सभी थानों में महिला डेस्क बनाई जाएगी।", published="2024-03-01")
    march.add("programmes", "मिशन शक्ति अभियान", kind="campaign")
    march.add("decisions", "निर्णय लिया गया कि हेल्पलाइन चौबीस घंटे चलेगी", by=None)
    march.add("action_points", "30 सितम्बर तक सभी थानों में महिला डेस्क बनाई जाएगी", owner="थाना प्रभारी",
              deadline="2024-09-30")
    may = Doc("Mission Shakti Abhiyan के तहत 1 जून को कार्यशाला करने का निर्णय हुआ।", published="2024-05-10")
    may.add("programmes", "Mission Shakti Abhiyan", kind="campaign")
    may.add("dates", "1 जून", value="2024-06-01", role="event")
    may.add("decisions", "1 जून को कार्यशाला करने का निर्णय हुआ", by="जिलाधिकारी")
    other = Doc("पोषण अभियान में 15 अगस्त तक सर्वे पूरा किया जाएगा।", published="2024-04-01")
    other.add("programmes", "पोषण अभियान", kind="campaign")
    other.add("action_points", "15 अगस्त तक सर्वे पूरा किया जाएगा", owner="आंगनबाड़ी", deadline="2024-08-15")
    return [march, may, other]


def test_timeline_orders_one_programmes_statements_across_documents(store):
    for d in programme_docs():
        store.ingest(d.record)
    programmes = {p["name"]: p for p in store.list_entities("programmes").items}
    assert set(programmes) == {"मिशन शक्ति अभियान", "पोषण अभियान"}  # two spellings, one entity
    page = store.programme_timeline(programmes["मिशन शक्ति अभियान"]["id"])
    got = [(e["date"], e["date_source"], e["kind"]) for e in page.items]
    assert got == [("2024-03-01", "document date", "decision"),
                   ("2024-06-01", "date in the same sentence", "decision"),
                   ("2024-09-30", "deadline", "action_point")]
    assert {e["document"]["published"] for e in page.items} == {"2024-03-01", "2024-05-10"}
    assert all("सर्वे" not in e["text"] for e in page.items)  # the other programme's action point
    assert store.programme_timeline(10_000) is None


def test_timeline_pages_with_cursor(store):
    for d in programme_docs():
        store.ingest(d.record)
    pid = store.list_entities("programmes", q="mission shakti").items[0]["id"]
    first = store.programme_timeline(pid, limit=2)
    second = store.programme_timeline(pid, limit=2, cursor=first.next_cursor)
    assert len(first.items) == 2 and len(second.items) == 1 and second.next_cursor is None
    whole = store.programme_timeline(pid, limit=10).items
    assert [e["mention_id"] for e in first.items + second.items] == [e["mention_id"] for e in whole]


def place_doc(official: str, place: str, agency: str, published: str) -> Doc:
    d = Doc(f"{place} में {agency} के अधिकारी {official} ने निरीक्षण किया।", published=published)
    return d.add("places", place).add("agencies", agency).add("officials", official)


@pytest.fixture
def city_store(store):
    for n, (official, place, agency, published) in enumerate([
        ("संजीव शुक्ला", "बिलासपुर", "बिलासपुर पुलिस", "2024-01-15"),
        ("Sanjeev Shukla", "रायपुर", "यूनिसेफ", "2024-06-20"),
        ("अंकिता शर्मा", "बिलासपुर", "यूनिसेफ", "2024-07-02"),
        ("रवि वर्मा", "दुर्ग", "दुर्ग पुलिस", "2023-12-31"),
    ]):
        store.ingest(place_doc(official, place, agency, published).record)
    return store


def names(page) -> set[str]:
    return {e["name"] for e in page.items}


@pytest.mark.parametrize("q", ["shukla", "Sanjeev", "शुक्ला", "संजीव शुक्\u200dला", "SANJIV"])
def test_official_found_by_name_in_either_script(city_store, q):
    page = city_store.list_entities("officials", q=q)
    assert names(page) == {"संजीव शुक्ला"}
    assert page.items[0]["document_count"] == 2


def test_list_filters_by_date_place_and_agency(city_store):
    assert names(city_store.list_entities("officials", date_from="2024-06-01")) == {"संजीव शुक्ला", "अंकिता शर्मा"}
    assert names(city_store.list_entities("officials", date_to="2024-01")) == {"संजीव शुक्ला", "रवि वर्मा"}
    in_bilaspur = city_store.list_entities("officials", place="Bilaspur")
    assert names(in_bilaspur) == {"संजीव शुक्ला", "अंकिता शर्मा"}
    shukla = next(e for e in in_bilaspur.items if e["name"] == "संजीव शुक्ला")
    assert shukla["document_count"] == 1  # only the Bilaspur document is listed under the filter
    assert names(city_store.list_entities("officials", agency="यूनिसेफ", date_to="2024-06-30")) == {"संजीव शुक्ला"}
    assert names(city_store.list_entities("places", agency="दुर्ग पुलिस")) == {"दुर्ग"}


def test_pagination_walks_every_entity_once(city_store):
    seen, cursor = [], None
    while True:
        page = city_store.list_entities("officials", limit=1, cursor=cursor)
        seen += [e["id"] for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 3


@pytest.mark.parametrize("bad", [{"cursor": "not-a-cursor"}, {"limit": 0}, {"limit": 500},
                                 {"date_from": "yesterday"}, {"date_to": "2024-13-99x"}])
def test_bad_list_parameters_raise_query_error(city_store, bad):
    with pytest.raises(QueryError):
        city_store.list_entities("officials", **bad)


def test_action_points_filter_by_deadline_and_owner(store):
    for d in programme_docs():
        store.ingest(d.record)
    assert {a["deadline"] for a in store.action_points().items} == {"2024-09-30", "2024-08-15"}
    assert [a["deadline"] for a in store.action_points(due_before="2024-09-01").items] == ["2024-08-15"]
    assert store.action_points(due_before="2024-08-15").items == []  # strictly before
    [mine] = store.action_points(owner="thana prabhari").items
    assert mine["owner"] == "थाना प्रभारी" and mine["document"]["published"] == "2024-03-01"


def test_search_finds_words_in_either_order_and_survives_query_syntax(store):
    docs = programme_docs()
    for d in docs:
        store.ingest(d.record)
    hits = store.search("महिला हेल्पलाइन").items
    assert [h["doc_id"] for h in hits] == [docs[0].record["doc_id"]]
    assert "[" in hits[0]["snippet"]
    assert store.search("हेल्पलाइन पोषण").items == []  # every word must occur
    for nasty in ['"हेल्पलाइन', 'NEAR(a b)', "a OR b*", "-x", "'; DROP TABLE documents; --", "title:x"]:
        store.search(nasty)  # answered, not an SQL error
    assert len(store.search('"हेल्पलाइन*').items) == 1
    for empty in ("?!", '"'):
        with pytest.raises(QueryError):
            store.search(empty)


def test_search_pages_by_keyset_cover_every_hit_once(store):
    # Same word, texts of different lengths: ties and distinct scores both occur.
    for n in range(7):
        store.ingest(Doc("समीक्षा बैठक हुई। " + "अन्य बातें। " * (n % 3) + f"क्रमांक {n}।").record)
    whole = [h["doc_id"] for h in store.search("समीक्षा", limit=50).items]
    paged, cursor = [], None
    while True:
        page = store.search("समीक्षा", limit=2, cursor=cursor)
        paged += [h["doc_id"] for h in page.items]
        if not (cursor := page.next_cursor):
            break
    assert len(whole) == 7 and paged == whole


def test_timeline_pages_run_from_dated_into_undated_entries(store):
    undated = Doc("मिशन शक्ति अभियान में जागरूकता बढ़ाने का निर्णय हुआ।", published=None)  # no date anywhere
    undated.add("programmes", "मिशन शक्ति अभियान", kind="campaign")
    undated.add("decisions", "जागरूकता बढ़ाने का निर्णय हुआ", by=None)
    for d in programme_docs() + [undated]:
        store.ingest(d.record)
    pid = store.list_entities("programmes", q="mission shakti").items[0]["id"]
    whole = store.programme_timeline(pid, include_undated=True, limit=10).items
    paged, cursor = [], None
    while True:
        page = store.programme_timeline(pid, include_undated=True, limit=1, cursor=cursor)
        paged += page.items
        if not (cursor := page.next_cursor):
            break
    assert len(whole) == 4 and whole[-1]["date"] is None, [(e["date"], e["text"]) for e in whole]
    assert [e["mention_id"] for e in paged] == [e["mention_id"] for e in whole]


def test_cursors_beyond_the_column_range_are_refused_not_crashed(store):
    from extractor.store.pages import encode_cursor
    for position in ({"after": 2**31}, {"after": 2**64}, {"after": -1}, {"after": True}, {"after": 1, "x": 2}, [1]):
        with pytest.raises(QueryError):
            store.list_entities("officials", cursor=encode_cursor(position))
    assert store.list_entities("officials", cursor=encode_cursor({"after": 2**31 - 1})).items == []
    assert store.search("बैठक", cursor=encode_cursor({"score": 1e308, "id": 2**31 - 1})).items == []


def test_every_write_transaction_raises_the_store_version(store):
    before = store.version()
    doc = programme_docs()[0]
    store.ingest(doc.record)
    after_one = store.version()
    store.ingest(doc.record)  # already stored: still a write transaction
    assert before < after_one <= store.version()
    with pytest.raises(RuntimeError):
        with store.write():
            raise RuntimeError("rolled back")
    assert store.version() == store.version()  # a rolled-back write raises nothing
