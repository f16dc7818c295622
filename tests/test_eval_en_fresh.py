"""The test sets written for this project (English: corpus/eval-en-fresh, 23 passages, scored
once before any fix; corpus/eval-en-unseen: 8 more, written after the fixes and never tuned on)
hold what their READMEs say. Their gold is checked against their texts with the dev gold's
checks (tests/test_eval_en.py: names as written, designations present, statements verbatim,
valid dates), so a miss is the extractor's and not the gold's."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SETS = {"eval-en-fresh": (20, 30), "eval-en-unseen": (5, 30), "eval-en-fresh2": (14, 30),  # folder: how many texts
        "eval-hi-fresh": (16, 30), "eval-hi-unseen": (5, 30), "eval-hi-fresh2": (14, 30)}  # (Hindi: tests/test_eval_hi_fresh.py)


@pytest.mark.parametrize("name", SETS)
def test_gold_and_texts_pair_one_to_one(name):
    texts = {p.name for p in (CORPUS / name / "texts").glob("*.txt")}
    low, high = SETS[name]
    assert low <= len(texts) <= high
    assert {p.name.removesuffix(".gold.json") + ".txt" for p in (CORPUS / name / "gold").glob("*.gold.json")} == texts


@pytest.mark.parametrize("name", SETS)
def test_readme_says_the_texts_are_written_test_material(name):
    readme = (CORPUS / name / "README.md").read_text(encoding="utf-8")
    assert "written for this project as test" in readme and "CC0" in readme
