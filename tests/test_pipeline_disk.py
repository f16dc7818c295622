"""The pipeline behaves like a spaCy pipeline: saved with nlp.to_disk, loaded with plain
spacy.load in a fresh process, it gives the same records; a saved stage reads its own files."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.pipeline import build_nlp

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "corpus" / "samples").glob("*.txt"))

# Records of the sample documents from the pipeline at argv[1], loaded by spacy.load alone.
RECORDS = """
import json, sys, spacy
from extractor.extract import extract_documents
from extractor.acquire.sources import read_file
nlp = spacy.load(sys.argv[1])
for record in extract_documents([read_file(__import__("pathlib").Path(p)) for p in sys.argv[2:]], nlp=nlp):
    print(json.dumps(record, ensure_ascii=False))
"""


def _records_from(path: Path, inputs=SAMPLES) -> list[dict]:
    run = subprocess.run([sys.executable, "-c", RECORDS, str(path), *map(str, inputs)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pipeline")
    build_nlp().to_disk(path)
    return path


def test_analyze_pipes_finds_no_problems():
    analysis = build_nlp().analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    assigned = {a for meta in analysis["summary"].values() for a in meta["assigns"]}
    assert {"span._.officials", "span._.agencies", "span._.statements"} <= assigned


@pytest.mark.slow
def test_saved_pipeline_gives_the_same_records_in_a_fresh_process(saved):
    from extractor.extract import extract_documents
    from extractor.acquire.sources import read_file

    here = list(extract_documents([read_file(p) for p in SAMPLES], nlp=build_nlp()))
    there = _records_from(saved)
    assert there == here
    assert (saved / "hi_officials" / "lexicons" / "designations.tsv").exists()
    assert (saved / "hi_ner" / "model" / "meta.json").exists()


@pytest.mark.slow
def test_a_saved_stage_reads_its_own_files(saved, tmp_path):
    """An edit to the saved copy of a lexicon reaches the loaded pipeline: the data is the
    saved stage's, not the installed pack's."""
    import shutil

    copy = tmp_path / "pipeline"
    shutil.copytree(saved, copy)
    table = copy / "hi_officials" / "lexicons" / "services.tsv"
    lines = table.read_text(encoding="utf-8").splitlines()
    header = next(i for i, l in enumerate(lines) if l and not l.startswith("#"))
    kept = [l for l in lines[header + 1:] if not l.startswith("आईपीएस\t")]
    assert len(kept) < len(lines) - header - 1  # the row for IPS was there
    table.write_text("\n".join(lines[:header + 1] + kept) + "\n", encoding="utf-8")
    text = tmp_path / "news.txt"
    text.write_text("रायपुर। एसएसपी रजनेश सिंह, आईपीएस ने सोमवार को थाना प्रभारियों की बैठक ली।\n",
                    encoding="utf-8")

    def services(pipeline):
        return [o.get("service") for r in _records_from(pipeline, [text]) for o in r["officials"]]
    assert services(saved) == ["IPS"]
    assert services(copy) == [None]
