"""Inputs a fuzzer found: NUL characters, empty fields, bodies that are not UTF-8; real uvicorn
servers on SQLite and PostgreSQL, since NUL broke only PostgreSQL."""
from __future__ import annotations

import json

import pytest

from test_api_support import KEYS, LiveServer, database
from test_store_support import ENGINES

TEXT = "बिलासपुर। पुलिस महानिरीक्षक डॉ. संजीव शुक्ला ने 30 सितम्बर तक अभियान चलाने के निर्देश दिए।"
NUL = "\x00"


@pytest.fixture(scope="module", params=ENGINES)
def server(request, tmp_path_factory):
    with database(request.param, tmp_path_factory.mktemp("edges")) as url, \
            LiveServer(url, api_keys=",".join(KEYS)) as live:
        with live.client(**{"X-API-Key": KEYS[0]}) as c:  # something to find, so queries run
            assert c.post("/documents", json={"text": TEXT}).status_code in (200, 201)
        yield live


@pytest.mark.parametrize("path, params", [
    ("/officials", {"q": f"संजीव{NUL}"}), ("/places", {"place": f"बिलासपुर{NUL}"}),
    ("/officials", {"agency": f"{NUL}पुलिस"}), ("/programmes", {"q": NUL}),
    ("/action-points", {"owner": f"a{NUL}b"}), ("/search", {"q": f"अभियान {NUL}"}),
    ("/officials", {"cursor": f"x{NUL}"}), ("/documents/ab%00cd", {}),
])
def test_nul_in_a_query_or_path_value_is_422_on_both_engines(server, path, params):
    with server.client() as c:
        r = c.get(path, params=params)
        assert r.status_code == 422, r.text
        assert "NUL" in r.json()["error"]
        assert c.get("/health").status_code == 200  # and the server is fine afterwards


@pytest.mark.parametrize("field", ["publisher", "title"])
def test_nul_in_stored_metadata_is_422_and_stores_nothing(server, field):
    body = {"text": TEXT + f" ({field})", field: f"दैनिक{NUL}समाचार"}
    with server.client(**{"X-API-Key": KEYS[0]}) as c:
        r = c.post("/documents", json=body)
        assert r.status_code == 422, r.text
        assert "NUL" in r.json()["error"] and field in r.json()["error"]
        doc_id = c.post("/extract", json={"text": body["text"]}).json()["doc_id"]
        assert c.get(f"/documents/{doc_id}").status_code == 404


def test_nul_in_the_text_is_cleaned_away_and_the_document_stored(server):
    with server.client(**{"X-API-Key": KEYS[0]}) as c:
        r = c.post("/documents", json={"text": TEXT.replace("ने", f"ने{NUL}") + " (nul text)"})
        assert r.status_code == 201, r.text
        stored = c.get(f"/documents/{r.json()['doc_id']}").json()
        assert NUL not in stored["text"] and "संजीव शुक्ला" in stored["text"]


def test_an_empty_html_field_is_absent(server):
    with server.client() as c:
        r = c.post("/extract", json={"html": "", "text": TEXT})
        assert r.status_code == 200, r.text
        assert r.json()["text"] == TEXT
        assert [p["name"] for p in r.json()["places"]] == ["बिलासपुर"]
        only_empty = c.post("/extract", json={"html": "", "text": ""})
        assert only_empty.status_code == 422 and "exactly one" in only_empty.json()["error"]


@pytest.mark.parametrize("body", [json.dumps({"text": "café समाचार"}, ensure_ascii=False).encode("latin-1", "replace"),
                                  '{"text": "समाचार"}'.encode("utf-8")[:-4] + b'\xff"}'])
def test_a_body_that_is_not_utf8_is_422_saying_what_to_do(server, body):
    with server.client() as c:
        r = c.post("/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "UTF-8" in r.json()["error"]


# Marathi: Devanagari like Hindi, but no pack reads it yet.
MARATHI = ("जिल्हाधिकाऱ्यांनी आज सर्व विभागांची आढावा बैठक घेतली आणि सर्वेक्षण ३० सप्टेंबरपर्यंत पूर्ण "
           "करण्याचे निर्देश दिले. या बैठकीत आहे त्या कामांचा आढावा घेण्यात आला.")


def test_a_language_without_a_pack_is_answered_with_a_record_that_says_so(server):
    with server.client() as c:
        r = c.post("/extract", json={"text": MARATHI})
    assert r.status_code == 200, r.text
    record = r.json()
    assert record["language"] == "mr" and record["language_supported"] is False
    assert record["officials"] == [] and record["dates"] == [] and record["text"] == MARATHI
    assert "Marathi ('mr') is not supported" in record["warnings"][0]


def test_a_wrong_method_lists_every_method_of_the_path(server):
    with server.client() as c:
        r = c.request("PATCH", "/documents")
    assert r.status_code == 405
    assert set(r.headers["allow"].split(", ")) >= {"GET", "POST"}
