"""Knowledge store: idempotent, atomic ingest; canonical entities across documents; relations."""
from __future__ import annotations

import copy
import threading

import pytest

from extractor.errors import InputError
from extractor.store import open_store
from extractor.store import ingest as ingest_module
from test_store_support import Doc, counts, db_url, pg_module_url, store  # noqa: F401 - fixtures

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def official_doc(name: str, honorific: str | None = None, published: str = "2024-04-03") -> Doc:
    writing = f"{honorific} {name}" if honorific else name
    d = Doc(f"बिलासपुर में पुलिस महानिरीक्षक {writing} ने बैठक ली।", "बाल श्रम रोकने के निर्देश दिए गए।",
            published=published)
    d.add("places", "बिलासपुर")
    return d.add("officials", name, honorific=honorific, designation="पुलिस महानिरीक्षक", service="IPS",
                 jurisdiction=None, agency=None)


def test_ingest_twice_stores_one_document(store):
    doc = official_doc("संजीव शुक्ला", "डॉ.")
    first = store.ingest(doc.record)
    before = counts(store)
    second = store.ingest(copy.deepcopy(doc.record))
    assert first == (doc.record["doc_id"], True)
    assert second == (doc.record["doc_id"], False)
    assert counts(store) == before
    assert before["documents"] == 1 and before["mentions"] == 2
    assert store.has_document(doc.record["doc_id"]) and not store.has_document("not-there")


def test_failure_mid_ingest_leaves_no_partial_rows(store, monkeypatch):
    doc = official_doc("संजीव शुक्ला").add("decisions", "बाल श्रम रोकने के निर्देश दिए गए", by="संजीव शुक्ला")

    def explode(self):  # after document, entities, aliases, mentions and evidence are written
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module.RelationBuilder, "build", explode)
    with pytest.raises(RuntimeError):
        store.ingest(doc.record)
    assert set(counts(store).values()) == {0}
    assert not store.has_document(doc.record["doc_id"])
    monkeypatch.undo()
    assert store.ingest(doc.record) == (doc.record["doc_id"], True)  # the re-run resumes
    assert counts(store)["relations"] > 0


def test_invalid_record_is_refused_by_name_and_nothing_is_stored(store):
    doc = official_doc("संजीव शुक्ला")
    doc.record["officials"][0]["span"] = ["a", 3]
    with pytest.raises(InputError, match=doc.record["doc_id"]) as info:
        store.ingest(doc.record)
    assert "officials[0].span" in str(info.value)
    with pytest.raises(InputError, match="doc_id"):
        store.ingest({"text": "x"})
    assert set(counts(store).values()) == {0}


@pytest.mark.parametrize("variants", [
    [("संजीव शुक्ला", "डॉ."), ("Sanjeev Shukla", None), ("श्री संजीव शुक्ला", None)],  # honorific, script
    [("ज़ाकिर हुसैन", None), ("जाकिर हुसैन", None)],  # nukta
    [("अरविन्द कुमार", None), ("अरविंद कुमार", None), ("Arvind Kumar", "Dr.")],  # halant+nasal / anusvara
    [("हिमाँशु सिंह", None), ("हिमांशु सिंह", None)],  # chandrabindu / anusvara
])
def test_spellings_of_one_official_become_one_entity(store, variants):
    for name, honorific in variants:
        store.ingest(official_doc(name, honorific).record)
    page = store.list_entities("officials")
    assert len(page.items) == 1, [e["name"] for e in page.items]
    entity = page.items[0]
    assert entity["document_count"] == len(variants)
    evidence = store.get_entity(entity["id"])["evidence"]
    assert sorted(e["surface"] for e in evidence) == sorted(n for n, _ in variants)
    assert [e["rule"] for e in evidence].count("new") == 1
    assert all(e["rule"] == "key" for e in evidence if e["rule"] != "new")


def test_different_people_stay_apart(store):
    for name in ("राजेंद्र सिंह", "राजेंद्र सिन्हा", "संजीव शुक्ला", "संजय शुक्ला"):
        store.ingest(official_doc(name).record)
    assert len(store.list_entities("officials").items) == 4


def test_agency_in_hindi_and_english_is_one_entity(store):
    a = Doc("यूनिसेफ के सहयोग से कार्यक्रम हुआ।").add("agencies", "यूनिसेफ", canonical="UNICEF")
    b = Doc("UNICEF ने रिपोर्ट जारी की।").add("agencies", "UNICEF", canonical=None)
    c = Doc("बैठक में यूनिसेफ के प्रतिनिधि थे।").add("agencies", "यूनिसेफ", canonical=None)  # alias learned
    d = Doc("संयुक्त राष्ट्र बाल कोष की टीम आई।").add("agencies", "संयुक्त राष्ट्र बाल कोष", canonical="UNICEF")
    for doc in (a, b, c, d):
        store.ingest(doc.record)
    [agency] = store.list_entities("agencies").items
    assert agency["name"] == "UNICEF" and agency["document_count"] == 4
    rules = sorted(e["rule"] for e in store.get_entity(agency["id"])["evidence"])
    assert rules == ["canonical", "key", "key", "new"]


def test_concurrent_ingests_of_shared_entities_make_each_entity_once(db_url):
    """Four writers, documents naming the same five officials in different orders."""
    people = ["संजीव शुक्ला", "अंकिता शर्मा", "रवि वर्मा", "नीरज सिंह", "पूजा यादव"]
    docs = []
    for n in range(12):
        order = people[n % 5:] + people[:n % 5]
        d = Doc(*[f"{p} ने {n} बैठक ली।" for p in order], published=f"2024-04-{n + 1:02d}")
        for p in order:
            d.add("officials", p)
        docs.append(d)
    stores = [open_store(db_url) for _ in range(4)]
    errors = []

    def work(s, batch):
        try:
            for d in batch:
                s.ingest(d.record)
        except Exception as exc:  # noqa: BLE001 - surfaced by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, docs[i::4])) for i, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    officials = stores[0].list_entities("officials").items
    assert sorted(o["name"] for o in officials) == sorted(people)
    assert {o["document_count"] for o in officials} == {12}
    for s in stores:
        s.close()


def test_official_designation_agency_and_statement_owners_are_related(store):
    d = Doc("पुलिस अधीक्षक रजनेश सिंह ने बिलासपुर पुलिस की बैठक ली।",
            "एसपी ने निर्देश दिया कि 30 सितम्बर तक अभियान चलेगा।")
    d.add("officials", "रजनेश सिंह", designation="पुलिस अधीक्षक", agency="बिलासपुर पुलिस")
    d.add("agencies", "बिलासपुर पुलिस")
    d.add("decisions", "निर्देश दिया कि 30 सितम्बर तक अभियान चलेगा", by="Rajnesh Singh")
    d.add("action_points", "30 सितम्बर तक अभियान चलेगा", owner="पुलिस अधीक्षक", deadline="2024-09-30")
    store.ingest(d.record)
    [official] = store.list_entities("officials").items
    [agency] = store.list_entities("agencies").items
    with store.read() as conn:
        from sqlalchemy import text
        rel = {r.kind: r for r in conn.execute(text("SELECT * FROM relations"))}
    assert rel["holds_designation"].subject_id == official["id"]
    assert rel["holds_designation"].object_id == agency["id"]
    assert rel["holds_designation"].value == "पुलिस अधीक्षक"
    assert rel["decided_by"].subject_id == official["id"]  # Latin "by" resolved to the Hindi name
    assert rel["owned_by"].subject_id == official["id"]  # owner named by designation
    assert rel["due_on"].date == "2024-09-30"
