"""tools/crosslang_report.py on hand-made records: the share of shared items on one entity, the
misses, and whether the release was paired (score.py's matching decides what is shared)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from test_store_crosslang import english_release, hindi_release, other_english_release
from test_store_support import db_url, pg_module_url, store  # noqa: F401 - fixtures

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "tools"))
import crosslang_report as report_tool  # noqa: E402 - tools/ is not a package

GOLD = {"agencies": [
    {"name": ["जल शक्ति मंत्रालय", "Ministry of Jal Shakti"]},
    {"name": ["ग्रामीण विकास विभाग", "Department of Rural Development"]},
    {"name": ["केंद्रीय भूजल बोर्ड", "Central Ground Water Board", "CGWB"]},
    {"name": ["नीति आयोग", "NITI Aayog"]},  # named by the Hindi record only: not shared
], "programmes": [
    {"name": ["जल जीवन मिशन", "Jal Jeevan Mission"]},
    {"name": ["राष्ट्रीय स्वास्थ्य मिशन", "National Health Mission"], "optional": True},
]}


@pytest.fixture(scope="module")
def scorer():
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"{SHARED}/eval/score.py is not there (a clone has no ../shared)")
    return report_tool.load_scorer(SHARED)


def release_pair():
    hi, en = hindi_release(), english_release()
    hi.sentences.append("केंद्रीय भूजल बोर्ड तथा नीति आयोग ने सहयोग दिया।")
    en.sentences.append("The Central Ground Water Board supported it.")
    for doc in (hi, en):
        doc.text = " ".join(doc.sentences)
        doc.record["text"] = doc.text
        start = sum(len(s) + 1 for s in doc.sentences[:-1])
        doc.record["sentences"].append([start, start + len(doc.sentences[-1])])
    hi.add("agencies", "केंद्रीय भूजल बोर्ड", canonical=None)  # no lexicon row, भूजल in no table: a miss
    hi.add("agencies", "नीति आयोग", canonical="NITI Aayog")
    en.add("agencies", "Central Ground Water Board", canonical=None)
    return hi, en


def test_report_counts_shared_items_on_one_entity_and_lists_the_misses(store, scorer):
    hi, en = release_pair()
    releases = [report_tool.Release("pib_x.txt", GOLD, hi.record, en.record)]
    other = other_english_release()
    store.ingest(other.record)  # a release of the same day in English only: must not be paired
    result = report_tool.evaluate(store, scorer, releases).as_dict()
    # Shared: the ministry, the department, the board, both missions (NITI Aayog is Hindi only).
    assert result["shared_items"] == 5
    assert result["same_entity"] == 4 and result["share"] == 0.8
    assert [(m["field"], m["hindi"], m["english"]) for m in result["misses"]] == [
        ("agencies", "केंद्रीय भूजल बोर्ड", "Central Ground Water Board")]
    assert result["pair"] == {"linked": ["pib_x.txt"], "not_linked": [], "other_links": []}


def test_report_prints_the_figure_and_the_floor(store, scorer, capsys):
    hi, en = release_pair()
    report = report_tool.evaluate(store, scorer, [report_tool.Release("pib_x.txt", GOLD, hi.record, en.record)])
    report_tool.print_report(report)
    out = capsys.readouterr().out
    assert "resolved to the same entity: 4 (80.0%; the issue's floor is 80%)" in out
    assert "miss pib_x.txt agencies" in out and "pair linked 1 of 1 releases" in out


def test_missing_shared_folder_is_one_clear_error(tmp_path):
    with pytest.raises(SystemExit, match="no score.py there. Pass --shared"):
        report_tool.load_scorer(tmp_path)


def hand_made_english_pib_015(shared: Path) -> dict:
    """The English original of dev release pib_015, as record/1 written by hand from its text."""
    text = (shared / "eval" / "dev-pr" / "texts_en" / "pib_015.txt").read_text(encoding="utf-8")

    def item(name: str, **fields) -> dict:
        start = text.index(name)
        return {"name": name, **fields, "span": [start, start + len(name)]}

    return {
        "schema": "record/1", "doc_id": "handmade-en-pib015", "language": "en", "published": "2020-06-03",
        "title": "Puducherry plans to provide tap connections to all rural households in 2020-21", "text": text,
        "source": {"path": "texts_en/pib_015.txt", "url": None, "publisher": "PIB", "fetched_at": None},
        "places": [item("Puducherry", state="Puducherry", district=None, country="India")],
        "dates": [], "money": [], "decisions": [], "action_points": [],
        "officials": [item("Narendra Modi", honorific="Shri", designation="Prime Minister", service=None,
                           jurisdiction=None, agency=None)],
        "agencies": [item("Ministry of Jal Shakti", canonical="Ministry of Jal Shakti"),
                     item("National Jal Jeevan Mission", canonical=None),
                     item("Government of India", canonical=None)],
        "programmes": [item("Jal Jeevan Mission", kind="mission"), item("Annual Action Plan", kind=None),
                       item("Functional Household Tap Connection", kind=None),
                       item("Sansad Adarsh Gramin Yojna", kind="scheme")],
    }


@pytest.mark.slow
def test_report_takes_hand_made_english_records(scorer, tmp_path, capsys):
    import json

    path = tmp_path / "en.jsonl"
    path.write_text(json.dumps(hand_made_english_pib_015(SHARED), ensure_ascii=False) + "\n", encoding="utf-8")
    assert report_tool.main(["--shared", str(SHARED), "--en-records", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "pib_015.txt" in result["pair"]["linked"]
    # The English record given is the one used. The Hindi release calls the programme "National
    # Jal Jeevan Mission", the English one does not; the English lexicon's row "National Jal Jeevan
    # Mission = Jal Jeevan Mission" joins them (the store finds it by key): no miss is left.
    misses = [(m["field"], m["hindi"], m["english"]) for m in result["misses"] if m["release"] == "pib_015.txt"]
    assert misses == []
