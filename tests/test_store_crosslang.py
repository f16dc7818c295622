"""One release in Hindi and English: its bodies, schemes, people and places resolve to shared
entities with their merge evidence, and `pair` links the two documents as versions.

The English record is written by hand from docs/record-format.md, as the English pipeline
gives it: names as printed, `canonical` only where the lexicon knows the body.
"""
from __future__ import annotations

import pytest

from extractor.cli import main
from test_api_support import LiveServer
from test_store_support import Doc, db_url, pg_module_url, store  # noqa: F401 - fixtures

DAY = "2020-07-14"


def hindi_release(published: str = DAY) -> Doc:
    d = Doc("जल शक्ति मंत्रालय के पेयजल एवं स्वच्छता विभाग ने आज जल जीवन मिशन की प्रगति की समीक्षा की।",
            "केंद्रीय मंत्री श्री गजेंद्र सिंह शेखावत ने राजस्थान को 31 मार्च 2021 तक सभी ग्रामीण घरों में नल "
            "कनेक्शन देने का निर्देश दिया।",
            "बैठक में ग्रामीण विकास विभाग और राष्ट्रीय स्वास्थ्य मिशन के अधिकारी भी उपस्थित थे।",
            published=published, title="जल जीवन मिशन की समीक्षा")
    d.add("agencies", "जल शक्ति मंत्रालय", canonical="Ministry of Jal Shakti")
    d.add("agencies", "पेयजल एवं स्वच्छता विभाग", canonical=None)
    d.add("agencies", "ग्रामीण विकास विभाग", canonical=None)
    d.add("programmes", "जल जीवन मिशन", kind="mission")
    d.add("programmes", "राष्ट्रीय स्वास्थ्य मिशन", kind="mission")
    d.add("officials", "गजेंद्र सिंह शेखावत", honorific="श्री", designation="केंद्रीय मंत्री", service=None,
          jurisdiction=None, agency="जल शक्ति मंत्रालय")
    return d.add("places", "राजस्थान", state="राजस्थान", district=None, country="भारत")


def english_release(published: str = DAY) -> Doc:
    d = Doc("The Department of Drinking Water and Sanitation, Ministry of Jal Shakti, today reviewed the "
            "progress of the Jal Jeevan Mission.",
            "Union Minister Shri Gajendra Singh Shekhawat directed Rajasthan to provide tap connections to all "
            "rural households by 31 March 2021.",
            "Officials of the Department of Rural Development and the National Health Mission also attended.",
            published=published, title="Jal Jeevan Mission reviewed")
    d.record["language"] = "en"
    d.add("agencies", "Department of Drinking Water and Sanitation", canonical=None)
    d.add("agencies", "Ministry of Jal Shakti", canonical="Ministry of Jal Shakti")
    d.add("agencies", "Department of Rural Development", canonical=None)
    d.add("programmes", "Jal Jeevan Mission", kind="mission")
    d.add("programmes", "National Health Mission", kind="mission")
    d.add("officials", "Gajendra Singh Shekhawat", honorific="Shri", designation="Union Minister", service=None,
          jurisdiction=None, agency="Ministry of Jal Shakti")
    return d.add("places", "Rajasthan", state="Rajasthan", district=None, country="India")


def other_english_release(published: str = DAY) -> Doc:
    """Another release of the same day: nothing in common with the Jal Jeevan one."""
    d = Doc("The Ministry of Civil Aviation launched the Krishi UDAN scheme at Guwahati.",
            "Shri Hardeep Singh Puri said cargo flights will start by 15 August 2020.",
            published=published)
    d.record["language"] = "en"
    d.add("agencies", "Ministry of Civil Aviation", canonical="Ministry of Civil Aviation")
    d.add("programmes", "Krishi UDAN", kind="scheme")
    d.add("officials", "Hardeep Singh Puri", honorific="Shri", designation=None, service=None,
          jurisdiction=None, agency=None)
    return d.add("places", "Guwahati", state="Assam", district=None, country="India")


def entity_of(store, doc: Doc, list_name: str, name: str) -> int:
    from sqlalchemy import select

    from extractor.store.schema import mentions

    with store.read() as conn:
        return conn.execute(select(mentions.c.entity_id).where(
            mentions.c.doc_id == doc.record["doc_id"], mentions.c.kind == list_name,
            mentions.c.surface == name)).scalar_one()


# (list, Hindi name, English name, the rule that joined the English mention). The Hindi bodies
# without canonical bring the keys of the lexicon's canonical (lexicon.py), so the English names
# meet them by name key; the same names meet by bilingual key too (test_store_bilingual.py).
SHARED = [
    ("agencies", "जल शक्ति मंत्रालय", "Ministry of Jal Shakti", "canonical"),
    ("agencies", "पेयजल एवं स्वच्छता विभाग", "Department of Drinking Water and Sanitation", "key"),
    ("agencies", "ग्रामीण विकास विभाग", "Department of Rural Development", "key"),
    ("programmes", "जल जीवन मिशन", "Jal Jeevan Mission", "key"),
    ("programmes", "राष्ट्रीय स्वास्थ्य मिशन", "National Health Mission", "key"),
    ("officials", "गजेंद्र सिंह शेखावत", "Gajendra Singh Shekhawat", "key"),
    ("places", "राजस्थान", "Rajasthan", "key"),
]


def test_hindi_and_english_versions_resolve_to_shared_entities_with_evidence(store):
    hi, en = hindi_release(), english_release()
    store.ingest(hi.record)
    store.ingest(en.record)
    for list_name, hindi, english, rule in SHARED:
        entity_id = entity_of(store, hi, list_name, hindi)
        assert entity_of(store, en, list_name, english) == entity_id, (hindi, english)
        evidence = {e["surface"]: e for e in store.get_entity(entity_id)["evidence"]}
        assert evidence[hindi]["rule"] == "new"
        assert evidence[english]["rule"] == rule, evidence[english]
        assert repr(english) in evidence[english]["detail"]
    # Seven shared entities: nothing merged beyond them, nothing left apart.
    assert store.stats()["entities"] == len(SHARED)


def test_different_bodies_with_similar_words_stay_apart(store):
    hi, en = hindi_release(), english_release()
    near = Doc("The Ministry of Rural Development and the Department of Health Research met the "
               "Department of Drinking Water on the Rural Health Mission.", published=DAY)
    near.record["language"] = "en"
    for name in ("Ministry of Rural Development", "Department of Health Research", "Department of Drinking Water"):
        near.add("agencies", name, canonical=None)
    near.add("programmes", "Rural Health Mission", kind="mission")
    for doc in (hi, en, near):
        store.ingest(doc.record)
    apart = [("agencies", "Ministry of Rural Development", "ग्रामीण विकास विभाग"),  # ministry is not department
             ("agencies", "Department of Health Research", "ग्रामीण विकास विभाग"),
             ("agencies", "Department of Drinking Water", "पेयजल एवं स्वच्छता विभाग"),  # a subject fewer
             ("programmes", "Rural Health Mission", "राष्ट्रीय स्वास्थ्य मिशन")]
    for list_name, english, hindi in apart:
        assert entity_of(store, near, list_name, english) != entity_of(store, hi, list_name, hindi), english


def test_pair_links_the_two_versions_and_the_api_shows_them(store, db_url):
    hi, en, other = hindi_release(), english_release(), other_english_release()
    for doc in (hi, en, other):
        store.ingest(doc.record)
    links = store.pair()
    assert [(l.doc_a, l.doc_b) for l in links] == [tuple(sorted((hi.record["doc_id"], en.record["doc_id"])))]
    assert links[0].score == 1.0 and len(links[0].shared) == len(SHARED)
    versions = store.document_versions(hi.record["doc_id"])
    assert [v["doc_id"] for v in versions] == [en.record["doc_id"]]
    assert {e["name"] for e in versions[0]["shared"]} >= {"Ministry of Jal Shakti", "जल जीवन मिशन"}
    assert store.document_versions(other.record["doc_id"]) == []
    assert store.document_versions("not-stored") is None
    with LiveServer(db_url) as live, live.client() as c:
        body = c.get(f"/documents/{en.record['doc_id']}/versions").json()
        assert [v["doc_id"] for v in body["versions"]] == [hi.record["doc_id"]]
        assert body["versions"][0]["language"] == "hi" and body["versions"][0]["days_apart"] == 0
        assert c.get("/documents/nope/versions").status_code == 404


@pytest.mark.parametrize("english, why", [
    (lambda: english_release("2020-07-16"), "published two days later"),
    (lambda: other_english_release(), "no shared entities"),
])
def test_pair_does_not_link(store, english, why):
    store.ingest(hindi_release().record)
    store.ingest(english().record)
    assert store.pair() == [], why


def test_a_day_apart_is_linked_and_each_document_gets_one_version(store):
    hi, late = hindi_release(), english_release("2020-07-15")
    partial = english_release()  # the same day but with only some of the entities
    for name in ("Department of Rural Development", "National Health Mission", "Rajasthan"):
        for list_name in ("agencies", "programmes", "places"):
            partial.record[list_name] = [i for i in partial.record[list_name] if i.get("name") != name]
    partial.record["text"] += " "  # another doc_id, another document
    partial.record["doc_id"] = partial.record["doc_id"][::-1]
    for doc in (hi, late, partial):
        store.ingest(doc.record)
    links = store.pair()
    assert len(links) == 1 and {links[0].doc_a, links[0].doc_b} == {hi.record["doc_id"], late.record["doc_id"]}
    assert links[0].days_apart == 1


def test_pair_command_dry_run_stores_nothing_and_run_stores(store, db_url, capsys):
    hi, en = hindi_release(), english_release()
    store.ingest(hi.record)
    store.ingest(en.record)
    assert main(["pair", "--db", db_url, "--dry-run"]) == 0
    assert "would link 1 document pairs" in capsys.readouterr().err
    assert store.document_versions(hi.record["doc_id"]) == []
    assert main(["pair", "--db", db_url, "--min-score", "0.5"]) == 0
    out = capsys.readouterr()
    assert hi.record["doc_id"] in out.out and "linked 1 document pairs" in out.err
    assert len(store.document_versions(hi.record["doc_id"])) == 1
    assert main(["pair", "--db", db_url]) == 0  # a re-run replaces the links, it does not add
    assert len(store.document_versions(hi.record["doc_id"])) == 1


def test_an_english_query_finds_the_hindi_entity_by_its_bilingual_key(store):
    store.ingest(hindi_release().record)
    found = store.list_entities("agencies", q="Department of Rural Development").items
    assert [e["name"] for e in found] == ["ग्रामीण विकास विभाग"]
    assert store.list_entities("agencies", q="Ministry of Rural Development").items == []
    found = store.list_entities("programmes", q="National Health Mission").items
    assert [e["name"] for e in found] == ["राष्ट्रीय स्वास्थ्य मिशन"]


@pytest.mark.parametrize("args, message", [
    (["--min-score", "1.5"], "a score is between 0 and 1"),
    (["--min-shared", "0"], "at least one shared entity makes"),
])
def test_pair_refuses_bad_thresholds(args, message, capsys):
    with pytest.raises(SystemExit):
        main(["pair", *args])
    assert message in capsys.readouterr().err


def _foreign_release(language: str) -> Doc:
    """A release about a foreign government, in Hindi or English, with no canonical names."""
    if language == "hi":
        d = Doc("जॉर्जिया सरकार और भारत ने एम डी विश्वविद्यालय में सहयोग पर चर्चा की।", published=DAY)
        d.add("agencies", "जॉर्जिया सरकार", canonical=None)
        d.add("agencies", "एम डी विश्वविद्यालय", canonical=None)
        return d.add("places", "भारत", state=None, district=None, country="भारत")
    d = Doc("The Georgian Government and India discussed cooperation at M.D University.", published=DAY)
    d.record["language"] = "en"
    d.add("agencies", "Georgian Government", canonical=None)
    d.add("agencies", "M.D University", canonical=None)
    return d.add("places", "India", state=None, district=None, country="India")


def ingest_both(store, make, first: str) -> dict[str, Doc]:
    """The Hindi and English versions made by `make`, ingested `first` first."""
    docs = {lang: make(lang) for lang in ("hi", "en")}
    for lang in (first, "en" if first == "hi" else "hi"):
        store.ingest(docs[lang].record)
    return docs


@pytest.mark.parametrize("first", ["hi", "en"])
def test_countries_and_letter_acronyms_join_in_either_ingest_order(store, first):
    docs = ingest_both(store, _foreign_release, first)
    for list_name, hindi, english in [("agencies", "जॉर्जिया सरकार", "Georgian Government"),
                                      ("agencies", "एम डी विश्वविद्यालय", "M.D University"),
                                      ("places", "भारत", "India")]:
        assert entity_of(store, docs["hi"], list_name, hindi) == entity_of(store, docs["en"], list_name, english)
    assert store.stats()["entities"] == 3


def _port_release(language: str) -> Doc:
    """A release naming renamed ports and a portal; the Hindi names are spellings no stage knows."""
    if language == "hi":
        d = Doc("एन्नौर बंदरगाह, तूतीकोरिन बंदरगाह और चैंम्पियन्स पोर्टल की समीक्षा की गई।", published=DAY)
        d.add("agencies", "एन्नौर बंदरगाह", canonical=None)
        d.add("agencies", "तूतीकोरिन बंदरगाह", canonical="V.O. Chidambaranar Port")
        return d.add("programmes", "चैंम्पियन्स पोर्टल", kind="portal")
    # An English mention without canonical, its Hindi one with: they meet in either order.
    d = Doc("Ennore Port Limited, Tuticorin Port and the CHAMPIONS portal were reviewed.", published=DAY)
    d.record["language"] = "en"
    d.add("agencies", "Ennore Port Limited", canonical="Kamarajar Port")
    d.add("agencies", "Tuticorin Port", canonical=None)
    return d.add("programmes", "CHAMPIONS", kind="portal", canonical="CHAMPIONS")


@pytest.mark.parametrize("first", ["hi", "en"])
def test_a_mention_without_canonical_gets_the_lexicons_in_either_ingest_order(store, first):
    docs = ingest_both(store, _port_release, first)
    for list_name, hindi, english in [("agencies", "एन्नौर बंदरगाह", "Ennore Port Limited"),
                                      ("programmes", "चैंम्पियन्स पोर्टल", "CHAMPIONS"),
                                      ("agencies", "तूतीकोरिन बंदरगाह", "Tuticorin Port")]:
        entity_id = entity_of(store, docs["hi"], list_name, hindi)
        assert entity_of(store, docs["en"], list_name, english) == entity_id, (hindi, english)
        rules = {e["surface"]: e["rule"] for e in store.get_entity(entity_id)["evidence"]}
        if hindi != "तूतीकोरिन बंदरगाह":  # the Hindi mentions without canonical
            assert rules[hindi] == ("new" if first == "hi" else "lexicon"), rules
    assert store.stats()["entities"] == 3


def test_a_mention_whose_keys_name_two_entities_says_so_in_its_evidence(store):
    """Order dependence left: a mention bridging two entities joins the first its keys find; the
    evidence names the other so the split can be audited (the store merges nothing silently)."""
    first = Doc("The Ministry of Jal Shakti met.", published=DAY)
    first.record["language"] = "en"
    first.add("agencies", "Ministry of Jal Shakti", canonical=None)
    second = Doc("The Water Board met.", published=DAY)
    second.record["language"] = "en"
    second.add("agencies", "Water Board", canonical=None)
    bridge = Doc("जल शक्ति मंत्रालय की बैठक हुई।", published=DAY)
    bridge.add("agencies", "जल शक्ति मंत्रालय", canonical="Water Board")  # a wrong canonical: a bridge
    for doc in (first, second, bridge):
        store.ingest(doc.record)
    board, ministry = (entity_of(store, d, "agencies", n) for d, n in
                       ((second, "Water Board"), (first, "Ministry of Jal Shakti")))
    assert board != ministry and entity_of(store, bridge, "agencies", "जल शक्ति मंत्रालय") == board
    [evidence] = [e for e in store.get_entity(board)["evidence"] if e["surface"] == "जल शक्ति मंत्रालय"]
    assert f"belongs to entity {ministry} 'Ministry of Jal Shakti'" in evidence["detail"], evidence
