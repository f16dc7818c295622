"""Training data for the Hindi NER model: per-corpus weighting and validation sizes."""
from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import DocBin  # noqa: E402

from extractor.ner_data import write_corpus  # noqa: E402


def _corpus(folder: Path, n: int, word: str) -> Path:
    folder.mkdir(parents=True)
    sentences = [f"{word}\tB-ORG\nने\tO\nबैठक{i}\tO\n" for i in range(n)]
    (folder / "train.conll").write_text("\n".join(sentences), encoding="utf-8")
    return folder


def _count(path: Path) -> int:
    return len(DocBin().from_disk(path))


def test_corpus_repeat_weights_one_corpus_and_valid_sizes_per_corpus(tmp_path):
    a = _corpus(tmp_path / "hindi-ner", 10, "नीति")
    b = _corpus(tmp_path / "il-ner-hindi", 10, "आयोग")
    out = tmp_path / "corpus"
    counts = write_corpus([a, b], out, valid_size=2, corpus_repeat={"il-ner-hindi": 3},
                          valid_sizes={"il-ner-hindi": 4})
    # hindi-ner: 10 - 2 = 8 training sentences once; il-ner-hindi: 10 - 4 = 6, three times.
    assert counts["train"] == _count(out / "train.spacy") == 8 + 18
    assert counts["valid"] == _count(out / "valid.spacy") == 2 + 4
    assert counts["raw"] == 20  # pretraining text: every sentence once, whatever the weights


def test_defaults_keep_each_corpus_once(tmp_path):
    a = _corpus(tmp_path / "hindi-ner", 6, "नीति")
    counts = write_corpus([a], tmp_path / "corpus", valid_size=1)
    assert counts == {"train": 5, "valid": 1, "raw": 6}


def test_lexicon_ruler_leaves_out_names_the_training_text_uses_otherwise(tmp_path):
    from extractor.ner_package import add_lexicon_ruler

    lex = tmp_path / "lexicons"
    lex.mkdir()
    (lex / "agencies.tsv").write_text("# test\nsurface\tcanonical\tkind\nनाबार्ड\tNABARD\tbank\n"
                                      "एसडीआरएफ\tSDRF\tforce\n", encoding="utf-8")
    (lex / "ministries.tsv").write_text("surface\tcanonical\tkind\nरेल मंत्रालय\tRailways\tministry\n",
                                        encoding="utf-8")
    train = tmp_path / "train.conll"  # एसडीआरएफ twice as a plain word ("the fund"), once as ORG
    train.write_text("एसडीआरएफ\tO\nआवंटन\tO\n\nएसडीआरएफ\tO\nराशि\tO\n\nएसडीआरएफ\tB-ORG\nने\tO\n",
                     encoding="utf-8")
    nlp = spacy.blank("hi")
    nlp.add_pipe("entity_ruler", name="ner", config={"overwrite_ents": False})
    nlp.get_pipe("ner").add_patterns([{"label": "PER", "pattern": "रेल"}])  # stands in for the model
    assert add_lexicon_ruler(nlp, lex, [train]) == 2
    assert nlp.pipe_names == ["ner", "lexicon"]
    doc = nlp("नाबार्ड और एसडीआरएफ ने रेल मंत्रालय को लिखा")
    # gap-filling only: the earlier "रेल" PER stays, so रेल मंत्रालय is not added over it
    assert {(e.text, e.label_) for e in doc.ents} == {("नाबार्ड", "ORG"), ("रेल", "PER")}
