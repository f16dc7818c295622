"""The English gold of corpus/eval-en is consistent with its texts: what it asks an extractor to
find is really in the English release, so a miss is the extractor's and not the gold's."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EVAL_EN = REPO / "corpus" / "eval-en"
TEXTS, GOLD = EVAL_EN / "texts", EVAL_EN / "gold"
HINDI_GOLD = REPO.parent / "shared" / "eval" / "dev-pr" / "gold"  # beside a worktree only
FIELDS = ("officials", "agencies", "programmes", "places", "dates", "statements")
NAMED = ("officials", "agencies", "programmes", "places")
DATE_VALUE = re.compile(r"[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?")

GOLD_FILES = sorted(GOLD.glob("*.gold.json"))
# The sets written for this project as test material (tests/test_eval_en_fresh.py) are held to
# the same checks of gold against text.
WRITTEN = [REPO / "corpus" / name for name in ("eval-en-fresh", "eval-en-unseen", "eval-en-fresh2")]
ALL_GOLD = GOLD_FILES + sorted(p for folder in WRITTEN for p in (folder / "gold").glob("*.gold.json"))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def occurs(phrase: str, text: str) -> bool:
    """`phrase` in `text` as whole words (so "India" is not found in "Indian"), ignoring case and
    line breaks."""
    return re.search(r"(?<!\w)" + re.escape(norm(phrase)) + r"(?!\w)", text) is not None


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def text_of(path: Path, gold: dict) -> str:
    """The normalised text a gold file (`path`) annotates: its set's texts/ folder."""
    return norm((path.parent.parent / "texts" / gold["file"]).read_text(encoding="utf-8"))


def sources() -> dict[str, dict]:
    with (EVAL_EN / "SOURCES.tsv").open(encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def test_gold_and_texts_pair_one_to_one():
    texts = {p.name for p in TEXTS.glob("*.txt")}
    golds = {p.name.removesuffix(".gold.json") + ".txt" for p in GOLD_FILES}
    assert len(texts) == 23
    assert golds == texts
    assert set(sources()) == texts


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.name)
def test_gold_file_is_well_formed(path):
    gold = load(path)
    assert gold["file"] == path.name.removesuffix(".gold.json") + ".txt"
    assert (path.parent.parent / "texts" / gold["file"]).is_file()
    check_gold_shape(gold)


def check_gold_shape(gold: dict) -> None:
    """Every field present; names non-empty strings; designations and statement kinds valid."""
    assert set(FIELDS) <= set(gold)
    for field in NAMED:
        for item in gold[field]:
            assert item["name"] and all(isinstance(n, str) and n.strip() for n in item["name"]), item
            assert isinstance(item.get("optional", False), bool)
    for item in gold["officials"]:
        assert item["designation"] is None or (item["designation"] and all(item["designation"])), item
    for item in gold["statements"]:
        assert item["kind"] in ("decision", "action_point"), item


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_published_is_the_release_date(path):
    gold = load(path)
    row = sources()[gold["file"]]
    assert gold["published"] == row["pub_date"]
    posted = re.search(r"^Posted On: (\d{2} [A-Z]{3} \d{4})", (TEXTS / gold["file"]).read_text(encoding="utf-8"), re.M)
    assert posted, "the English text has lost its Posted On line"
    assert dt.datetime.strptime(posted.group(1), "%d %b %Y").date().isoformat() == gold["published"]


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.name)
def test_every_required_name_is_in_the_text(path):
    gold = load(path)
    text = text_of(path, gold)
    missing = [(field, item["name"]) for field in NAMED for item in gold[field]
               if not item.get("optional") and not any(occurs(n, text) for n in item["name"])]
    assert not missing


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.name)
def test_names_are_listed_as_written_first(path):
    """CONVENTIONS: the spelling as written first, then variants; holds for optional items too."""
    gold = load(path)
    text = text_of(path, gold)
    assert not [item["name"] for field in NAMED for item in gold[field] if not occurs(item["name"][0], text)]


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.name)
def test_designations_are_as_the_text_gives_them(path):
    gold = load(path)
    text = text_of(path, gold)
    assert not [item for item in gold["officials"]
                if item["designation"] and not any(occurs(d, text) for d in item["designation"])]


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.name)
def test_every_statement_is_copied_from_the_text(path):
    gold = load(path)
    text = text_of(path, gold)
    assert not [s["text"] for s in gold["statements"] if norm(s["text"]) not in text]


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.name)
def test_dates_are_valid_iso_values_each_once(path):
    values = [d["value"] for d in load(path)["dates"]]
    assert len(values) == len(set(values)), "the scorer keeps one prediction per value: list each once"
    for value in values:
        assert DATE_VALUE.fullmatch(value), value
        if "X" not in value:  # a real calendar day, month or year
            parts = [int(p) for p in value.split("-")]
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@pytest.mark.skipif(not HINDI_GOLD.is_dir(), reason="no ../shared/eval beside the checkout: the Hindi gold is not shipped")
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_hindi_counterpart_has_the_same_release_date(path):
    gold = load(path)
    hindi = load(HINDI_GOLD / path.name)
    assert hindi["published"] == gold["published"]
