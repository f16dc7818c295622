"""The HTTP API against a real uvicorn server, on SQLite and on PostgreSQL."""
from __future__ import annotations

import uuid

import pytest

from extractor.kinds import KINDS
from test_api_support import KEYS, REPO, LiveServer, article_html, database
from test_store_queries import place_doc, programme_docs
from test_store_support import ENGINES

SAMPLE = (REPO / "corpus" / "samples" / "press_release_collector_meeting.txt").read_text(encoding="utf-8")
RECORD_LISTS = tuple(kind.key for kind in KINDS)


@pytest.fixture(scope="module", params=ENGINES)
def server(request, tmp_path_factory):
    with database(request.param, tmp_path_factory.mktemp("api")) as url, \
            LiveServer(url, api_keys=",".join(KEYS)) as live:
        live.engine = request.param
        yield live


@pytest.fixture(scope="module")
def seeded(server):
    """Hand-built records stored directly, so list endpoints have entities to return."""
    docs = programme_docs() + [
        place_doc("ज़ाकिर हुसैन", "बिलासपुर", "यूनिसेफ", "2024-01-15"),
        place_doc("Zakir Hussain", "रायपुर", "यूनिसेफ", "2024-06-20"),
        place_doc("अंकिता शर्मा", "बिलासपुर", "दुर्ग पुलिस", "2024-07-02")]
    for d in docs:
        server.store.ingest(d.record)
    return docs


def unique_text() -> tuple[str, str]:
    token = "tok" + uuid.uuid4().hex[:10]
    return token, f"{SAMPLE}\nसंदर्भ संख्या {token} दर्ज की गई।"


def test_health_names_the_database(server):
    with server.client() as c:
        r = c.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["database"] == {"sqlite": "sqlite", "postgres": "postgresql"}[server.engine]


def test_extract_returns_record_1_and_stores_nothing(server):
    token, text = unique_text()
    with server.client() as c:
        r = c.post("/extract", json={"text": text, "published": "2024-04-03", "title": "कलेक्टर की बैठक"})
        assert r.status_code == 200, r.text
        record = r.json()
        assert c.get(f"/documents/{record['doc_id']}").status_code == 404
    assert record["schema"] == "record/1" and token in record["text"]
    assert record["published"] == "2024-04-03" and record["title"] == "कलेक्टर की बैठक"
    for kind in RECORD_LISTS:
        for item in record[kind]:
            start, end = item["span"]
            assert 0 <= start < end <= len(record["text"])


def test_money_comes_back_from_extract_and_stored_documents(server):
    text = f"योजना पर 182 करोड़ रुपये खर्च होंगे। संदर्भ {uuid.uuid4().hex[:10]}"
    with server.client(**{"X-API-Key": KEYS[1]}) as c:
        extracted = c.post("/extract", json={"text": text}).json()
        doc_id = c.post("/documents", json={"text": text}).json()["doc_id"]
        stored = c.get(f"/documents/{doc_id}").json()
    assert [(m["text"], m["amount"], m["currency"]) for m in extracted["money"]] == [
        ("182 करोड़ रुपये", 1820000000, "INR")]
    assert stored["money"] == extracted["money"]


def test_extract_reads_english_and_takes_a_language(server):
    text = ("Posted On: 03 JUN 2020 4:20PM by PIB Delhi\nThe Minister reviewed the works in Bihar today "
            "and released Rs. 50 crore for them.")
    with server.client() as c:
        english = c.post("/extract", json={"text": text})
        as_hindi = c.post("/extract", json={"text": text, "language": "hi"})
        unknown = c.post("/extract", json={"text": text, "language": "xx"})
    assert english.status_code == 200 and english.json()["language"] == "en"
    assert [p["name"] for p in english.json()["places"]] == ["Bihar"]
    assert english.json()["published"] == "2020-06-03"
    assert as_hindi.status_code == 200 and as_hindi.json()["language"] == "hi"
    assert as_hindi.json()["models_hash"] != english.json()["models_hash"]
    assert unknown.status_code == 422 and "no language pack 'xx'" in unknown.text


def test_extract_from_html(server):
    with server.client() as c:
        r = c.post("/extract", json={"html": article_html().decode()})
    assert r.status_code == 200, r.text
    assert "मुख्य पृष्ठ" not in r.json()["text"] and len(r.json()["text"]) > 200


def test_post_documents_is_201_then_200_and_searchable(server):
    token, text = unique_text()
    with server.client(**{"X-API-Key": KEYS[1]}) as c:
        first = c.post("/documents", json={"text": text, "published": "2024-04-03"})
        second = c.post("/documents", json={"text": text, "published": "2024-04-03"})
        doc_id = first.json()["doc_id"]
        stored = c.get(f"/documents/{doc_id}")
        hits = c.get("/search", params={"q": token})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["created"] is True and second.json()["created"] is False
    assert first.headers["location"] == f"/documents/{doc_id}" == second.headers["location"]
    assert stored.status_code == 200 and stored.json()["text"] == first.json()["record"]["text"]
    assert [h["doc_id"] for h in hits.json()["items"]] == [doc_id]
    assert token in hits.json()["items"][0]["snippet"]


def test_officials_by_latin_or_devanagari_name_with_their_documents(server, seeded):
    with server.client() as c:
        latin = c.get("/officials", params={"q": "zakir"}).json()["items"]
        hindi = c.get("/officials", params={"q": "जाकिर हुसैन"}).json()["items"]
        in_raipur = c.get("/officials", params={"q": "zakir", "place": "Raipur"}).json()["items"]
    assert [e["id"] for e in latin] == [e["id"] for e in hindi] and len(latin) == 1
    assert latin[0]["document_count"] == 2
    assert {d["doc_id"] for d in latin[0]["documents"]} == {seeded[3].record["doc_id"], seeded[4].record["doc_id"]}
    assert [d["doc_id"] for d in in_raipur[0]["documents"]] == [seeded[4].record["doc_id"]]


def test_list_filters_by_date_and_agency(server, seeded):
    with server.client() as c:
        r = c.get("/officials", params={"agency": "यूनिसेफ", "from": "2024-06-01", "to": "2024-06-30"})
    assert r.status_code == 200
    assert [e["name"] for e in r.json()["items"]] == ["ज़ाकिर हुसैन"]


def test_pages_follow_next_cursor_to_the_end(server, seeded):
    with server.client() as c:
        whole = c.get("/places", params={"limit": 200}).json()
        ids, cursor = [], None
        while True:
            page = c.get("/places", params={"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
            ids += [e["id"] for e in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
    assert whole["next_cursor"] is None
    assert ids == [e["id"] for e in whole["items"]] and len(ids) >= 3


def test_programme_timeline_and_action_points(server, seeded):
    with server.client() as c:
        [programme] = c.get("/programmes", params={"q": "मिशन शक्ति"}).json()["items"]
        timeline = c.get(f"/programmes/{programme['id']}/timeline").json()
        due = c.get("/action-points", params={"due_before": "2024-09-01", "owner": "aanganbadi"}).json()
        evidence = c.get(f"/entities/{programme['id']}").json()["evidence"]
    dates = [e["date"] for e in timeline["items"]]
    assert dates == sorted(dates) and len(dates) == 3
    assert timeline["programme"]["name"] == "मिशन शक्ति अभियान"
    assert {e["document"]["doc_id"] for e in timeline["items"]} == {seeded[0].record["doc_id"],
                                                                    seeded[1].record["doc_id"]}
    assert [a["deadline"] for a in due["items"]] == ["2024-08-15"]
    assert {e["surface"] for e in evidence} == {"मिशन शक्ति अभियान", "Mission Shakti Abhiyan"}


@pytest.mark.parametrize("path, status", [
    ("/documents/nope", 404), ("/no-such-endpoint", 404), ("/programmes/99999999/timeline", 404),
    ("/entities/99999999", 404), ("/officials?limit=0", 422), ("/officials?cursor=garbage", 422),
    ("/officials?from=yesterday", 422), ("/search", 422), ("/search?q=%3F%21", 422),
    ("/action-points?due_before=2024-13-01", 422), ("/entities/2147483648", 422),
    ("/programmes/18446744073709551616/timeline", 422), ("/entities/0", 422)])
def test_bad_reads_are_json_4xx(server, path, status):
    with server.client() as c:
        r = c.get(path)
    assert r.status_code == status
    assert isinstance(r.json()["error"], str) and len(r.json()["error"]) > 10


def test_openapi_documents_endpoints_auth_and_examples(server):
    with server.client() as c:
        spec = c.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/extract", "/documents", "/documents/{doc_id}", "/officials", "/agencies", "/programmes",
            "/places", "/programmes/{programme_id}/timeline", "/action-points", "/search", "/health"} <= paths
    assert spec["components"]["securitySchemes"]["APIKeyHeader"]["name"] == "X-API-Key"
    assert spec["components"]["schemas"]["ExtractRequest"]["examples"]
    params = {p["name"] for p in spec["paths"]["/officials"]["get"]["parameters"]}
    assert {"q", "from", "to", "place", "agency", "limit", "cursor"} <= params
