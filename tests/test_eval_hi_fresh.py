"""The Hindi test sets written for this project (corpus/eval-hi-fresh: 16 passages, scored once
before any fix; corpus/eval-hi-unseen: 6 more, written after the fixes and never tuned on;
corpus/eval-hi-fresh2: 15 AIR, newspaper and PIB-2020 passages, scored once before its fixes) hold
what their READMEs say (pairing and README: tests/test_eval_en_fresh.py), and their gold is consistent with their texts (the checks of
tests/test_eval_en.py with Devanagari word boundaries): names and designations as written,
statements copied verbatim, valid dates listed once. A miss is then the extractor's."""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from test_eval_en import check_gold_shape

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SETS = {"eval-hi-fresh": (16, 30), "eval-hi-unseen": (5, 30), "eval-hi-fresh2": (14, 30)}  # folder: how many texts it holds
FIELDS = ("officials", "agencies", "programmes", "places", "dates", "statements")
NAMED = ("officials", "agencies", "programmes", "places")
DATE_VALUE = re.compile(r"[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?")
WORD = r"\w\u0900-\u097F"  # matras and viramas are not \w: a Hindi word goes on through them

GOLD = sorted(p for name in SETS if (CORPUS / name).is_dir() for p in (CORPUS / name / "gold").glob("*.gold.json"))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def occurs(phrase: str, text: str) -> bool:
    """`phrase` in `text` as whole words ("भारत" is not found in "भारतीय")."""
    return re.search(rf"(?<![{WORD}]){re.escape(norm(phrase))}(?![{WORD}])", text) is not None


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def text_of(path: Path, gold: dict) -> str:
    return norm((path.parent.parent / "texts" / gold["file"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SETS)
def test_passages_are_short_news_items(name):
    for path in (CORPUS / name / "texts").glob("*.txt"):
        words = len(path.read_text(encoding="utf-8").split())
        assert 120 <= words <= 400, (path.name, words)


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_gold_file_is_well_formed(path):
    gold = load(path)
    assert gold["file"] == path.name.removesuffix(".gold.json") + ".txt"
    assert gold["published"] is None or dt.date.fromisoformat(gold["published"])
    check_gold_shape(gold)


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_names_are_listed_as_written_first(path):
    """CONVENTIONS: the spelling as written first, then variants; holds for optional items too."""
    gold = load(path)
    text = text_of(path, gold)
    assert not [item["name"] for field in NAMED for item in gold[field] if not occurs(item["name"][0], text)]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_designations_are_as_the_text_gives_them(path):
    gold = load(path)
    text = text_of(path, gold)
    assert not [item for item in gold["officials"]
                if item["designation"] and not any(occurs(d, text) for d in item["designation"])]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_statement_is_copied_from_the_text(path):
    gold = load(path)
    text = text_of(path, gold)
    assert not [s["text"] for s in gold["statements"] if norm(s["text"]) not in text]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_dates_are_valid_iso_values_each_once(path):
    values = [d["value"] for d in load(path)["dates"]]
    assert len(values) == len(set(values)), "the scorer keeps one prediction per value: list each once"
    for value in values:
        assert DATE_VALUE.fullmatch(value), value
        if "X" not in value:
            parts = [int(p) for p in value.split("-")]
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_a_stamped_release_date_is_the_gold_published(path):
    """Where the passage prints a publication stamp, the gold's `published` is that date."""
    gold = load(path)
    text = (path.parent.parent / "texts" / gold["file"]).read_text(encoding="utf-8")
    stamped = re.search(r"^(प्रविष्टि तिथि|प्रकाशन तिथि|प्रकाशित|Publish Date)\s*:", text, re.M) or "| प्रकाशित:" in text
    assert bool(stamped) == (gold["published"] is not None)
