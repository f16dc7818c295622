"""Long documents: the NER runs in paragraph parts with spans mapped back, and a text over spaCy's
1,000,000 characters is processed without costing the other inputs of its run."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.document import Document, RawDocument
from extractor.errors import InputError
from extractor.extract import extract_documents
from extractor.pipeline import build_nlp, get_nlp
from extractor.pipeline.parts import PART_TOKENS, batches, parts

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "corpus" / "samples").glob("*.txt"))
PARAGRAPHS = [p.strip() for f in SAMPLES for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]


def repeated(chars: int) -> str:
    """Real paragraphs (corpus/samples) in turn until the text has `chars` characters."""
    out, size, i = [], 0, 0
    while size < chars:
        out.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        size += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_parts_end_at_paragraphs_and_cover_the_document(nlp):
    doc = nlp.make_doc(repeated(60_000))
    assert len(doc) > 3 * PART_TOKENS
    cuts = parts(doc, PART_TOKENS)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))  # contiguous, in order
    assert all(0 < end - start <= PART_TOKENS for start, end in cuts)
    assert all("\n" in doc[start - 1].text + doc[start - 1].whitespace_ for start, _ in cuts[1:])
    assert parts(nlp.make_doc(PARAGRAPHS[0])) == [(0, len(nlp.make_doc(PARAGRAPHS[0])))]


def test_a_paragraph_longer_than_a_part_is_cut_at_sentences_then_at_the_limit(nlp):
    sentence = PARAGRAPHS[1].split("।")[0] + "।"
    doc = nlp(" ".join([sentence] * 200))  # one line: no paragraph boundary at all
    cuts = parts(doc, 300)
    assert all(doc[start].is_sent_start for start, _ in cuts)
    words = nlp.make_doc(" ".join(["शब्द"] * 1000))
    assert parts(words, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_batches_keep_each_group_within_the_budget():
    assert list(batches([3, 3, 3, 9, 1], 6)) == [[0, 1], [2], [3], [4]]


def test_ner_spans_of_a_long_document_are_those_of_its_parts(nlp):
    """Every part is predicted as its own text would be, and its entities land on the same words."""
    doc = nlp(repeated(30_000))
    cuts = parts(doc)
    assert len(cuts) > 2
    found = {(s.start_char, s.end_char, s.label_) for s in doc.spans["ner"]}
    expected = set()
    for start, end in cuts:
        piece = doc[start:end]
        alone = nlp(piece.text)
        expected |= {(piece.start_char + s.start_char, piece.start_char + s.end_char, s.label_)
                     for s in alone.spans["ner"]}
    assert found and found == expected


def test_officials_at_the_end_of_a_long_document_are_found_where_they_are(nlp):
    short = SAMPLES[1].read_text(encoding="utf-8")
    [alone] = extract_documents([RawDocument(name="short", text=short)], nlp=nlp)
    padding = repeated(200_000)
    [long] = extract_documents([RawDocument(name="long", text=padding + "\n\n" + short)], nlp=nlp)
    offset = long["text"].index(alone["text"])
    spans = {o["name"]: o["name_span"] for o in long["officials"]}
    for official in alone["officials"]:
        start, end = official["name_span"]
        assert official["name"] in spans
        assert long["text"][start + offset:end + offset] == official["name"]


def test_a_text_over_the_pipeline_limit_is_one_error_and_the_others_come_out():
    nlp = build_nlp()
    nlp.max_length = 5_000  # as a smaller EXTRACTOR_MAX_INPUT_BYTES would make it
    good = SAMPLES[0].read_text(encoding="utf-8")
    items = [RawDocument(name="a.txt", text=good, path="a.txt"), RawDocument(name="big.txt", text=repeated(6_000),
                                                                             path="big.txt"),
             RawDocument(name="c.txt", text=good + "\nसमाप्त।", path="c.txt")]
    first, error, last = extract_documents(items, nlp=nlp)
    assert first["officials"] and last["officials"]
    assert isinstance(error, InputError) and error.stage == "pipeline" and error.source == "big.txt"
    assert "characters" in error.problem and "\n" not in str(error) and error.hint


def test_every_text_the_input_limit_lets_through_fits_the_pipeline(monkeypatch):
    from extractor.settings import get_settings

    assert build_nlp().max_length >= get_settings().max_input_bytes >= 2 * 1_000_000
    monkeypatch.setenv("EXTRACTOR_MAX_INPUT_BYTES", "50000000")
    assert build_nlp().max_length == 50_000_000


# -- over 1,000,000 characters, between good inputs, through every entry point -----------------

HUGE_CHARS = 1_200_000  # spaCy's max_length is 1,000,000; cleaning joins blank lines (-10%)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("huge")
    huge = repeated(HUGE_CHARS)
    assert len(huge) > 1_000_000
    paths = [folder / "a_good.txt", folder / "b_huge.txt", folder / "c_good.txt"]
    paths[0].write_text(SAMPLES[0].read_text(encoding="utf-8"), encoding="utf-8")
    paths[1].write_text(huge, encoding="utf-8")
    paths[2].write_text(SAMPLES[1].read_text(encoding="utf-8"), encoding="utf-8")
    return paths


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)


@pytest.mark.slow
def test_extract_gives_every_record_with_a_huge_input_among_them(inputs):
    run = cli("extract", *map(str, inputs))
    assert run.returncode == 0, run.stderr[-2000:]
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == [p.name for p in inputs]
    huge = records[1]
    assert len(huge["text"]) > 1_000_000 and huge["officials"] and huge["places"]
    # Mentions late in the text are mapped back onto the words they name.
    last = max(huge["places"], key=lambda p: p["mentions"][-1][0])
    start, end = last["mentions"][-1]
    assert start > 900_000 and huge["text"][start:end] == last["name"]


@pytest.mark.slow
def test_ner_command_reads_a_huge_text(inputs):
    run = cli("ner", "--format", "jsonl", str(inputs[1]))
    assert run.returncode == 0, run.stderr[-2000:]
    spans = [json.loads(line) for line in run.stdout.splitlines()]
    text = inputs[1].read_text(encoding="utf-8")
    assert spans and max(s["start"] for s in spans) > 1_000_000
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)


@pytest.mark.slow
def test_ingest_stores_every_input_with_a_huge_one_among_them(inputs, tmp_path):
    from extractor.store import open_store

    url = f"sqlite:///{tmp_path / 'store.db'}"
    run = cli("ingest", "--no-progress", "--db", url, *map(str, inputs))
    assert run.returncode == 0, run.stderr[-2000:]
    assert "ingested 3 new" in run.stderr
    with open_store(url) as store:
        assert store.stats()["documents"] == 3


@pytest.mark.slow
def test_batch_writes_every_record_with_a_huge_input_among_them(inputs, tmp_path):
    run = cli("batch", *map(str, inputs), "--out", str(tmp_path / "out"), "--workers", "1")
    assert run.returncode == 0, run.stderr[-2000:]
    records = [json.loads(line) for line in (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["source"]["path"]).name for r in records) == [p.name for p in inputs]
    assert (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8") == ""


@pytest.mark.slow
def test_post_extract_answers_a_huge_text_with_its_record(inputs, tmp_path):
    from test_api_support import LiveServer

    with LiveServer(f"sqlite:///{tmp_path / 'api.db'}") as live, live.client() as client:
        client.timeout = 900
        huge = inputs[1].read_text(encoding="utf-8")
        answer = client.post("/extract", json={"text": huge})
        assert answer.status_code == 200, answer.text[:500]
        assert len(answer.json()["text"]) > 1_000_000 and answer.json()["officials"]
        small = client.post("/extract", json={"text": inputs[0].read_text(encoding="utf-8")})
        assert small.status_code == 200 and small.json()["officials"]
