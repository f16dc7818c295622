"""Each command imports what it uses: `extract` of a file loads no store, batch or export
libraries, and the batch driver holds no pipeline (its workers do)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_batch_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "samples" / "press_release_collector_meeting.txt"
# What other commands need: the store (SQLAlchemy, alembic), export (pandas, pyarrow), batch
# (MinHash: datasketch, scipy; dask), the API; and for a text file, the HTML extractor.
NOT_FOR_EXTRACT = {"scipy", "pandas", "pyarrow", "alembic", "sqlalchemy", "dask", "distributed",
                   "datasketch", "fastapi", "uvicorn", "psycopg", "trafilatura",
                   # spaCy's own command line, which spacy/__init__ would import (extractor._spacy_import)
                   "typer", "weasel", "requests", "httpx"}


def imported(stderr: str) -> set[str]:
    """Top-level packages named in `python -X importtime` output."""
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            names.add(name.split(".")[0])
    return names


def test_extract_of_one_file_imports_only_what_it_uses():
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "extractor", "extract", str(SAMPLE)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout)["officials"]  # it did extract
    loaded = imported(run.stderr)
    assert "spacy" in loaded and "extractor" in loaded  # the output is what the check reads
    assert loaded & NOT_FOR_EXTRACT == set()


def test_spacy_without_its_cli_still_has_it_when_asked():
    script = ("import sys, extractor, spacy; before = 'spacy.cli' in sys.modules; "
              "from spacy.cli.train import train; from spacy.cli import setup_cli; "
              "print(before, callable(train), callable(setup_cli), 'spacy.cli.info' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["False", "True", "True", "True"]


def test_the_batch_driver_holds_no_pipeline(tmp_path):
    (tmp_path / "in").mkdir()
    write_corpus(tmp_path / "in", n=6)
    script = ("import json, sys; from extractor.cli import main; "
              f"main(['batch', {str(tmp_path / 'in')!r}, '--out', {str(tmp_path / 'out')!r}, '--workers', '2']); "
              "print(json.dumps(sorted(m for m in sys.modules if '.' not in m)))")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert len((tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()) >= 4  # the workers did
    driver = set(json.loads(run.stdout.strip().splitlines()[-1]))
    assert driver & {"spacy", "thinc", "torch", "trafilatura", "pandas", "sqlalchemy", "alembic", "fastapi"} == set()


def test_export_formats_named_in_the_cli_are_the_stores():
    from extractor.commands.export import ANNOTATION_FORMATS, FORMATS
    from extractor.store.annotations import FORMATS as STORE_ANNOTATION_FORMATS
    from extractor.store.export import FORMATS as STORE_FORMATS

    assert tuple(FORMATS) == tuple(STORE_FORMATS)
    assert tuple(ANNOTATION_FORMATS) == tuple(STORE_ANNOTATION_FORMATS)


@pytest.mark.parametrize("command", ["fetch", "clean", "ner", "train-ner", "ingest", "reextract", "export",
                                     "serve", "follow", "batch"])
def test_every_command_still_has_its_help(command):
    from extractor.cli import build_parser

    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([command, "--help"])
    assert done.value.code == 0


def test_the_pair_command_names_the_store_defaults():
    from extractor.commands.pair import MIN_SCORE, MIN_SHARED
    from extractor.store import versions

    assert (MIN_SCORE, MIN_SHARED) == (versions.MIN_SCORE, versions.MIN_SHARED)
