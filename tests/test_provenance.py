"""Provenance: records carry extractor_version and models_hash; batch runs and the store keep
them; `reextract` brings stored documents up to new models (SQLite file and PostgreSQL)."""
from __future__ import annotations

import json
import shutil
from importlib.metadata import version

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select

from extractor.batch import BatchUsageError, run_batch, work
from extractor.batch.journal import Journal
from extractor.cli import main
from extractor.document import RawDocument
from extractor.extract import extract_documents
from extractor.packs import get_pack
from extractor.pipeline import build_nlp, get_nlp
from extractor.provenance import pack_hash
from extractor.store import open_store
from extractor.store.engine import MIGRATIONS, make_engine
from extractor.store.schema import documents, mentions
from test_batch_corpus import article
from test_store_support import db_url, pg_module_url  # noqa: F401 - fixtures

# A town the installed gazetteer lacks: NER finds it, the changed pack's gazetteer row adds its
# kind and state. The other document reads the same with both packs.
CHANGED = "झुमरीतलैया शहर में जिला कलेक्टर ने बैठक ली और अधिकारियों को निर्देश दिए।"
SAME = "रायपुर में पुलिस अधीक्षक ने सड़क सुरक्षा अभियान की समीक्षा की।"
PLACE_ROW = "झुमरीतलैया\tझुमरीतलैया\tJhumri Telaiya\tcity\tJharkhand\t\tmanual\tprimary\n"


@pytest.fixture(scope="module")
def installed_hash() -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("EXTRACTOR_MODELS", raising=False)
        return get_pack().digest()


@pytest.fixture(scope="module")
def changed_models(tmp_path_factory, installed_hash):
    """A models folder: the installed Hindi pack plus one gazetteer line."""
    root = tmp_path_factory.mktemp("models")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("EXTRACTOR_MODELS", raising=False)
        shutil.copytree(get_pack().root, root / "hi")
    with open(root / "hi" / "lexicons" / "places.tsv", "a", encoding="utf-8") as fh:
        fh.write(PLACE_ROW)
    return root


@pytest.fixture(scope="module")
def old_records():
    """The two documents extracted with the installed models."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("EXTRACTOR_MODELS", raising=False)
        nlp = build_nlp()
        return list(extract_documents([RawDocument(name=n, text=t) for n, t in (("changed", CHANGED),
                                                                               ("same", SAME))], nlp=nlp))


@pytest.fixture
def fresh_pipelines():
    """A test that changes EXTRACTOR_MODELS must not leave its pipeline to the next test."""
    get_nlp.cache_clear()
    yield
    get_nlp.cache_clear()


def test_records_carry_the_package_version_and_the_pack_digest(old_records, installed_hash):
    for record in old_records:
        assert list(record)[-2:] == ["extractor_version", "models_hash"]
        assert record["extractor_version"] == version("hindi-news-extractor")
        assert record["models_hash"] == installed_hash


def test_a_pipeline_without_some_stages_has_a_hash_of_its_own(installed_hash, monkeypatch):
    monkeypatch.delenv("EXTRACTOR_MODELS", raising=False)
    [record] = extract_documents([RawDocument(name="same", text=SAME)], nlp=build_nlp(exclude=("hi_ner",)))
    assert record["models_hash"] not in (installed_hash, None)


def test_changing_one_lexicon_line_changes_the_hash(changed_models, installed_hash):
    assert pack_hash(get_pack("hi", changed_models)) != installed_hash


# --- batch runs ------------------------------------------------------------------------------


def _interrupt_after(monkeypatch, done: int) -> None:
    load, calls = work.load, []

    def load_then_stop(task):
        calls.append(task)
        if len(calls) > done:
            raise KeyboardInterrupt
        return load(task)

    monkeypatch.setattr(work, "load", load_then_stop)


def test_batch_resume_with_other_models_is_refused_unless_allowed(tmp_path, monkeypatch, capsys, changed_models,
                                                                 installed_hash, fresh_pipelines):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"{i}.txt").write_text(article(300 + i), encoding="utf-8")
    options = dict(workers=1, batch_size=1, commit_every=0)
    monkeypatch.delenv("EXTRACTOR_MODELS", raising=False)
    with monkeypatch.context() as mp:
        _interrupt_after(mp, 2)
        with pytest.raises(KeyboardInterrupt):
            run_batch([str(corpus)], out, **options)

    monkeypatch.setenv("EXTRACTOR_MODELS", str(changed_models))
    get_nlp.cache_clear()
    capsys.readouterr()
    assert main(["batch", str(corpus), "--out", str(out), "--workers", "1", "--batch-size", "1"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("error: batch: ")
    assert installed_hash[:12] in error and "--allow-mixed-models" in error and "new --out" in error
    assert not (out / "manifest.json").exists()

    new_hash = pack_hash(get_pack("hi", changed_models))
    summary = run_batch([str(corpus)], out, allow_mixed_models=True, **options)
    assert summary.already_done == 2 and summary.totals["processed"] == 4
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["models_hash"] == new_hash and manifest["extractor_version"] == version("hindi-news-extractor")
    assert [(m["from_input"], m["models_hash"]) for m in manifest["models"]] == [(0, installed_hash), (2, new_hash)]
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["models_hash"] for r in records] == [installed_hash] * 2 + [new_hash] * 2


def test_journal_refuses_records_of_other_models_and_journals_without_models(tmp_path):
    ours = {"extractor_version": "0.1.0", "models_hash": "a" * 64}
    theirs = {"extractor_version": "0.1.0", "models_hash": "b" * 64}
    journal = Journal(tmp_path, {"inputs": ["x"]}, models=ours)
    journal.note_models(0, "first.txt", ours)
    with pytest.raises(BatchUsageError, match=r"input second.txt was extracted with models bbbbbbbbbbbb"):
        journal.note_models(1, "second.txt", theirs)  # a worker with other models than the driver
    journal.state.pop("models")  # as a journal written before runs recorded their models
    journal.commit(1, "", journal.state["counts"])
    journal.close()
    with pytest.raises(BatchUsageError, match="models of unknown hash"):
        Journal(tmp_path, {"inputs": ["x"]}, models=ours)
    journal = Journal(tmp_path, {"inputs": ["x"]}, models=ours, allow_mixed_models=True)
    journal.note_models(1, "second.txt", ours)
    assert [m["from_input"] for m in journal.state["models"]] == [0, 1]
    journal.close()


# --- the store and reextract -------------------------------------------------------------------


def _columns(store) -> dict[str, tuple]:
    with store.read() as conn:
        return {r.doc_id: (r.models_hash, r.extractor_version) for r in conn.execute(
            select(documents.c.doc_id, documents.c.models_hash, documents.c.extractor_version))}


def _mentions(store) -> list[tuple]:
    with store.read() as conn:
        return [tuple(r) for r in conn.execute(select(mentions.c.id, mentions.c.doc_id, mentions.c.kind,
                                                      mentions.c.fields).order_by(mentions.c.id))]


def _reextract(capsys, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["reextract", "--no-progress", *args])
    return code, capsys.readouterr().err


def test_reextract_replaces_documents_made_with_other_models(db_url, old_records, changed_models, installed_hash,
                                                             monkeypatch, capsys):
    changed, same = (r["doc_id"] for r in old_records)
    with open_store(db_url) as store:
        for record in old_records:
            store.ingest(record)
        version_now = version("hindi-news-extractor")
        assert _columns(store) == {changed: (installed_hash, version_now), same: (installed_hash, version_now)}
        place = store.get_document(changed)["places"][0]
        assert place["name"] == "झुमरीतलैया" and place["state"] is None
        before = _mentions(store)

    monkeypatch.setenv("EXTRACTOR_MODELS", str(changed_models))
    new_hash = pack_hash(get_pack("hi", changed_models))
    code, plan = _reextract(capsys, "--db", db_url, "--dry-run")
    assert code == 0 and f"would re-extract       2 with models {installed_hash[:12]}" in plan
    with open_store(db_url) as store:
        assert {h for h, _ in _columns(store).values()} == {installed_hash}  # a dry run changes nothing

    code, report = _reextract(capsys, "--db", db_url)
    assert code == 0 and "1 changed, 1 unchanged" in report, report
    with open_store(db_url) as store:
        assert _columns(store) == {changed: (new_hash, version_now), same: (new_hash, version_now)}
        record = store.get_document(changed)
        assert record["doc_id"] == changed and record["models_hash"] == new_hash
        place = record["places"][0]
        assert (place["state"], place["kind"], place["source"]) == ("Jharkhand", "city", "gazetteer")
        after = _mentions(store)
        assert [m for m in after if m[1] == same] == [m for m in before if m[1] == same]  # kept as they were
        [stored_place] = [m for m in after if m[1] == changed and m[2] == "places"]
        assert stored_place[3]["state"] == "Jharkhand"
        assert store.list_entities("places", q="झुमरीतलैया").items

    code, report = _reextract(capsys, "--db", db_url)
    assert code == 0 and "nothing to do: all 2 documents" in report, report
    with open_store(db_url) as store:
        assert _mentions(store) == after


def _alembic(url: str, action, revision: str) -> None:
    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        config.attributes["connection"] = conn
        action(config, revision)
    engine.dispose()


def test_documents_stored_before_provenance_are_reextracted(db_url, old_records, installed_hash,
                                                            monkeypatch, capsys):
    """0003 adds null provenance columns to documents stored before it (and is undone by its
    downgrade); reextract fills them."""
    monkeypatch.delenv("EXTRACTOR_MODELS", raising=False)
    with open_store(db_url) as store:
        for record in old_records:
            store.ingest(record)
    _alembic(db_url, command.downgrade, "0002")
    with open_store(db_url) as store:  # migrates to head again
        assert set(_columns(store).values()) == {(None, None)}
        assert store.search("झुमरीतलैया").items  # full-text search survived both migrations

    code, plan = _reextract(capsys, "--db", db_url, "--dry-run")
    assert "would re-extract       2 with no models hash (stored before it was recorded)" in plan
    code, report = _reextract(capsys, "--db", db_url)
    assert code == 0 and "0 changed, 2 unchanged" in report, report
    with open_store(db_url) as store:
        assert {h for h, _ in _columns(store).values()} == {installed_hash}
