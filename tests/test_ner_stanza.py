"""The Stanza backend of the hi_ner stage: a tiny model trained here for real, loaded offline
(skipped without the `stanza` extra)."""
from __future__ import annotations

import logging

import pytest
import spacy

_PEOPLE = ["राकेश कुमार", "अनीता शर्मा", "सुनील वर्मा", "प्रिया सिंह", "मोहन लाल", "कविता देवी"]
_PLACES = ["लखनऊ", "पटना", "भोपाल", "जयपुर", "रांची", "देहरादून"]
_BODIES = ["रेल मंत्रालय", "नीति आयोग", "भारतीय रेल", "कृषि मंत्रालय", "चुनाव आयोग", "गृह मंत्रालय"]
_TEMPLATES = ["{per} ने {loc} में {org} की बैठक ली ।", "{org} के अधिकारी {per} {loc} पहुंचे ।",
              "{loc} में {org} ने {per} को सम्मानित किया ।"]


def _tagged(text: str, fills: dict[str, str]):
    """A template filled in, as (words, IOB2 tags)."""
    words, tags = [], []
    for piece in text.split():
        key = piece[1:-1] if piece.startswith("{") else None
        if key is None:
            words.append(piece)
            tags.append("O")
            continue
        name = fills[key].split()
        words += name
        tags += [f"B-{key.upper()}"] + [f"I-{key.upper()}"] * (len(name) - 1)
    return words, tags


def _tiny_corpus(n: int):
    import itertools

    from extractor.ner_data import Sentence

    combos = itertools.product(_TEMPLATES, _PEOPLE, _PLACES, _BODIES)
    return [Sentence(*_tagged(t, {"per": per, "loc": loc, "org": org}))
            for t, per, loc, org in itertools.islice(combos, n)]


@pytest.fixture(scope="module")
def tiny_stanza_model(tmp_path_factory):
    pytest.importorskip("stanza")
    from extractor import ner_stanza

    work = tmp_path_factory.mktemp("stanza")
    sentences = _tiny_corpus(300)
    ner_stanza.write_json(sentences[:260], work / "train.json")
    ner_stanza.write_json(sentences[260:], work / "valid.json")
    small = ("--hidden_dim", "32", "--char_hidden_dim", "16", "--word_emb_dim", "32",
             "--char_emb_dim", "16", "--batch_size", "16", "--optim", "adam", "--lr", "0.01")
    best = ner_stanza.train(work, work / "save", max_steps=60, seed=0, eval_interval=30,
                            extra_args=small)
    ner_stanza.install(best, work / "model")
    return work / "model"


@pytest.mark.slow
def test_stanza_model_trains_and_loads_offline(tiny_stanza_model, monkeypatch):
    import stanza.resources.common as resources

    from extractor import ner_stanza

    def no_network(*args, **kwargs):
        raise AssertionError("the Stanza backend must load without downloading")

    monkeypatch.setattr(resources, "download_resources_json", no_network)
    monkeypatch.setattr(resources, "download_models", no_network)
    pipeline = ner_stanza.load_pipeline(tiny_stanza_model)
    scores = ner_stanza.score(pipeline, _tiny_corpus(300)[260:])
    assert scores["micro"]["f"] > 0.5, scores


@pytest.mark.slow
def test_stanza_backend_stage_writes_ner_spans(tiny_stanza_model):
    nlp = spacy.blank("hi")
    import extractor.pipeline  # noqa: F401  (registers the hi_ner factory)
    stage = nlp.add_pipe("hi_ner", config={"backend": "stanza", "model_path": str(tiny_stanza_model)})
    assert stage.available
    text = "सुनील वर्मा ने  पटना में नीति आयोग की बैठक ली ।"  # two spaces: a whitespace token
    doc = nlp(text)
    found = {(s.text, s.label_) for s in doc.spans["ner"]}
    assert found and {label for _, label in found} <= {"PER", "LOC", "ORG"}
    assert all(doc.text[s.start_char:s.end_char] == s.text for s in doc.spans["ner"])
    assert doc.ents == ()
    piped = [{(s.text, s.label_) for s in d.spans["ner"]} for d in nlp.pipe([text, text])]
    assert piped == [found, found]


def test_stanza_backend_without_model_warns_and_leaves_spans_empty(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="extractor.pipeline.ner"):
        nlp = spacy.blank("hi")
        import extractor.pipeline  # noqa: F401
        nlp.add_pipe("hi_ner", config={"backend": "stanza", "model_path": str(tmp_path)})
        doc = nlp("लखनऊ में बैठक हुई।")
    assert list(doc.spans["ner"]) == []
    assert len([r for r in caplog.records if r.name == "extractor.pipeline.ner"]) == 1
