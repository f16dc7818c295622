"""GET /documents against a real uvicorn server on SQLite and PostgreSQL: filters, keyset
pagination, errors, and its OpenAPI description."""
from __future__ import annotations

import functools

import pytest

from test_api_support import LiveServer, database
from test_store_support import ENGINES, Doc
from test_ui_support import real_records

PARAMS = {"q", "from", "to", "publisher", "language", "programme", "agency", "limit", "cursor"}


@functools.lru_cache(maxsize=1)
def english_record() -> dict:
    d = Doc("The Ministry of Rural Development reviewed the road programme in Delhi.", published="2024-11-05",
            title="Road programme reviewed")
    d.record.update(language="en", source={"path": None, "url": "https://example.org/en/1", "publisher": "PIB English",
                                           "fetched_at": None})
    return d.record


@pytest.fixture(scope="module", params=ENGINES)
def server(request, tmp_path_factory):
    with database(request.param, tmp_path_factory.mktemp("docs")) as url, LiveServer(url) as live:
        for record in (*real_records(), english_record()):
            live.store.ingest(record)
        yield live


def records() -> list[dict]:
    return [*real_records(), english_record()]


def ids(server, **params) -> list[str]:
    with server.client() as c:
        r = c.get("/documents", params=params)
    assert r.status_code == 200, r.text
    return [d["doc_id"] for d in r.json()["items"]]


def test_all_documents_newest_first_and_pages_walk_them_once(server):
    everything = ids(server)
    assert set(everything) == {r["doc_id"] for r in records()}
    dated = [d for d in everything if next(r for r in records() if r["doc_id"] == d)["published"]]
    published = [next(r for r in records() if r["doc_id"] == d)["published"] for d in dated]
    assert published == sorted(published, reverse=True) and everything[:len(dated)] == dated  # undated last
    walked, cursor = [], None
    with server.client() as c:
        while True:
            body = c.get("/documents", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
            assert len(body["items"]) <= 2
            walked += [d["doc_id"] for d in body["items"]]
            cursor = body["next_cursor"]
            if not cursor:
                break
    assert walked == everything


@pytest.fixture(params=[500, 0], ids=["lookup", "walk"])
def member_rule(request, monkeypatch):
    """Both ways SQLite may apply a set filter (keyset.member_of): look the members up, or walk."""
    from extractor.store import keyset

    monkeypatch.setattr(keyset, "MANY", request.param)


def test_filters_by_words_dates_publisher_and_language(server, member_rule):
    rs = records()
    vatsalya = next(r for r in rs if any(p.get("canonical") == "Mission Vatsalya" for p in r["programmes"]))
    assert ids(server, q=vatsalya["programmes"][0]["name"]) == [vatsalya["doc_id"]]
    assert set(ids(server, **{"from": "2025-04"})) == {r["doc_id"] for r in rs if (r["published"] or "") >= "2025-04"}
    assert set(ids(server, to="2025-04")) == {r["doc_id"] for r in rs if r["published"] and r["published"] <= "2025-04-31"}
    pib = {r["doc_id"] for r in rs if (r["source"] or {}).get("publisher") == "Press Information Bureau"}
    assert len(pib) == 2 and set(ids(server, publisher="press information bureau")) == pib
    assert ids(server, language="en") == [english_record()["doc_id"]]
    assert english_record()["doc_id"] not in ids(server, language="hi")


def test_filters_by_programme_and_agency_name_either_script_or_id(server, member_rule):
    rs = records()
    vatsalya = next(r for r in rs if any(p.get("canonical") == "Mission Vatsalya" for p in r["programmes"]))
    assert ids(server, programme="Mission Vatsalya") == [vatsalya["doc_id"]]  # the canonical, Latin script
    with server.client() as c:
        pid = c.get("/programmes", params={"q": "Mission Vatsalya"}).json()["items"][0]["id"]
    assert ids(server, programme=str(pid)) == [vatsalya["doc_id"]]
    ministry = next(r for r in rs if r["published"] == "2025-02-07")["agencies"][0]["name"]
    assert ids(server, agency=ministry) == [r["doc_id"] for r in rs if any(a["name"] == ministry for a in r["agencies"])]
    assert ids(server, agency="no such agency anywhere") == []


def test_bad_filters_are_422_with_what_to_send(server):
    with server.client() as c:
        bad_date = c.get("/documents", params={"from": "April"})
        bad_cursor = c.get("/documents", params={"cursor": "garbage"})
        no_words = c.get("/documents", params={"q": "!!!"})
    assert bad_date.status_code == 422 and "from must be a date like 2024-04-03" in bad_date.json()["error"]
    assert bad_cursor.status_code == 422 and "next_cursor" in bad_cursor.json()["error"]
    assert no_words.status_code == 422 and "at least one word" in no_words.json()["error"]


def test_openapi_documents_the_list(server):
    with server.client() as c:
        spec = c.get("/openapi.json").json()
    op = spec["paths"]["/documents"]["get"]
    assert {p["name"] for p in op["parameters"]} == PARAMS
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/DocumentPage")
    assert "post" in spec["paths"]["/documents"]  # storing documents is still there
    assert not any(path.startswith("/ui") for path in spec["paths"])  # pages are not API endpoints


def test_pages_escape_stored_text_and_answer_bad_requests_as_pages(tmp_path):
    hostile = Doc("<script>alert(1)</script> बिलासपुर में बैठक हुई।", title="<img src=x onerror=alert(1)>")
    hostile.add("places", "बिलासपुर")
    hostile.record["source"]["url"] = "javascript:alert(1)"
    with LiveServer(f"sqlite:///{tmp_path / 'x.db'}") as live, live.client() as c:
        live.store.ingest(hostile.record)
        page = c.get(f"/ui/documents/{hostile.record['doc_id']}").text
        listing = c.get("/ui/documents").text
        missing = c.get("/ui/documents/no-such-doc")
        bad_date = c.get("/ui/action-points", params={"due_after": "next week"})
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page + listing and "href=\"javascript:" not in page
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no stored document" in missing.text
    assert bad_date.status_code == 422 and "due_after must be a date like 2024-04-03" in bad_date.text


def test_the_list_needs_a_key_when_reads_do(tmp_path):
    with LiveServer(f"sqlite:///{tmp_path / 'auth.db'}", api_keys="k-0123456789abcdef", read_auth=True) as live:
        live.store.ingest(english_record())
        with live.client() as c:
            anonymous, wrong = c.get("/documents"), c.get("/documents", headers={"X-API-Key": "nope"})
            allowed = c.get("/documents", headers={"X-API-Key": "k-0123456789abcdef"})
    assert anonymous.status_code == 401 and "X-API-Key" in anonymous.json()["error"]
    assert wrong.status_code == 403
    assert allowed.status_code == 200 and [d["doc_id"] for d in allowed.json()["items"]] == [english_record()["doc_id"]]
