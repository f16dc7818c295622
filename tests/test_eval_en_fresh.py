"""The fresh English test set (corpus/eval-en-fresh: passages written for this project, never
used for tuning) is consistent with its texts, by the same checks as the dev gold: a miss is the
extractor's and not the gold's."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from test_eval_en import DATE_VALUE, FIELDS, NAMED, norm, occurs

FRESH = Path(__file__).resolve().parent.parent / "corpus" / "eval-en-fresh"
TEXTS, GOLD = FRESH / "texts", FRESH / "gold"
GOLD_FILES = sorted(GOLD.glob("*.gold.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def text_of(gold: dict) -> str:
    return norm((TEXTS / gold["file"]).read_text(encoding="utf-8"))


def test_gold_and_texts_pair_one_to_one():
    texts = {p.name for p in TEXTS.glob("*.txt")}
    assert 20 <= len(texts) <= 30
    assert {p.name.removesuffix(".gold.json") + ".txt" for p in GOLD_FILES} == texts


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_well_formed(path):
    gold = load(path)
    assert gold["file"] == path.name.removesuffix(".gold.json") + ".txt"
    assert set(FIELDS) <= set(gold)
    for item in gold["officials"]:
        assert item["designation"] is None or all(item["designation"]), item
    assert all(s["kind"] in ("decision", "action_point") for s in gold["statements"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_names_and_designations_are_in_the_text(path):
    gold = load(path)
    text = text_of(gold)
    assert not [item["name"] for field in NAMED for item in gold[field] if not occurs(item["name"][0], text)]
    assert not [item for item in gold["officials"]
                if item["designation"] and not any(occurs(d, text) for d in item["designation"])]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_statements_are_copied_and_dates_valid(path):
    gold = load(path)
    text = text_of(gold)
    assert not [s["text"] for s in gold["statements"] if norm(s["text"]) not in text]
    values = [d["value"] for d in gold["dates"]]
    assert len(values) == len(set(values))
    for value in values:
        assert DATE_VALUE.fullmatch(value), value
        if "X" not in value:
            parts = [int(p) for p in value.split("-")]
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
