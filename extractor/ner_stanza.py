"""The Stanza backend of the Hindi NER model: training, offline loading, prediction on tokens.

Stanza (BiLSTM-CRF over word and character embeddings, PyTorch) is the optional `stanza`
extra. It is trained with `--no_pretrain`: the word embeddings are learnt from the training
vocabulary, since no word vectors can be downloaded here. The model folder holds
`resources.json` (the minimum `stanza.Pipeline` reads), `hi/ner/<name>.pt`, `meta.json` and
`README.md`, and loads offline: `download_method=None`, `tokenize_pretokenized=True`.
"""
from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from .ner_data import (LABELS, Sentence, gold_spans, oversampled, read_conll, score_spans,
                       split_validation, training_sentences)

log = logging.getLogger(__name__)

LANG = "hi"
PACKAGE = "hi_ner"  # the .pt file's name under hi/ner/
STANZA_HINT = "install the extra: pip install -e '.[stanza]'"


def available() -> bool:
    try:
        import stanza  # noqa: F401
    except ImportError:
        return False
    return True


def model_file(model_dir: Path) -> Path:
    return Path(model_dir) / LANG / "ner" / f"{PACKAGE}.pt"


def write_json(sentences: list[Sentence], path: Path) -> None:
    """Stanza's NER training format: a list of sentences, each a list of {text, ner} tokens."""
    data = [[{"text": w, "ner": t} for w, t in zip(s.words, s.tags)] for s in sentences]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_corpus(data_dirs: list[Path], corpus_dir: Path, valid_size: int = 500, seed: int = 0,
                 oversample: int = 1) -> dict:
    """The same train/validation split as the spaCy backend's, as Stanza JSON (gold tokens)."""
    train, valid = [], []
    for data_dir in data_dirs:
        part_train, part_valid = split_validation(training_sentences(data_dir), valid_size, seed)
        train += oversampled(part_train, oversample, seed)
        valid += part_valid
    corpus_dir.mkdir(parents=True, exist_ok=True)
    write_json(train, corpus_dir / "train.json")
    write_json(valid, corpus_dir / "valid.json")
    return {"train": len(train), "valid": len(valid)}


def train(corpus_dir: Path, save_dir: Path, max_steps: int, seed: int,
          eval_interval: int = 250, extra_args: tuple[str, ...] = ()) -> Path:
    """Stanza's own NER trainer on the JSON files; returns the best checkpoint (on valid)."""
    from stanza.models import ner_tagger

    shutil.rmtree(save_dir, ignore_errors=True)
    save_dir.mkdir(parents=True)
    ner_tagger.main(["--mode", "train", "--shorthand", f"{LANG}_ner", "--no_pretrain",
                     "--train_file", str(corpus_dir / "train.json"),
                     "--eval_file", str(corpus_dir / "valid.json"),
                     "--save_dir", str(save_dir), "--save_name", f"{PACKAGE}.pt",
                     "--max_steps", str(max_steps), "--eval_interval", str(eval_interval),
                     "--seed", str(seed), "--cpu", *extra_args])
    return save_dir / f"{PACKAGE}.pt"


def install(checkpoint: Path, model_dir: Path) -> None:
    """A loadable model folder: the checkpoint where the Pipeline looks, and resources.json."""
    shutil.rmtree(model_dir, ignore_errors=True)
    model_file(model_dir).parent.mkdir(parents=True)
    shutil.copyfile(checkpoint, model_file(model_dir))
    # The least stanza.Pipeline needs to know the language; the model path is passed directly.
    resources = {LANG: {"lang_name": "Hindi", "default_processors": {}}}
    (Path(model_dir) / "resources.json").write_text(json.dumps(resources), encoding="utf-8")


def load_pipeline(model_dir: Path):
    """stanza.Pipeline on pre-split tokens, offline, CPU."""
    import stanza

    return stanza.Pipeline(LANG, dir=str(model_dir), processors="tokenize,ner",
                           tokenize_pretokenized=True, download_method=None, use_gpu=False,
                           ner_model_path=str(model_file(model_dir)), logging_level="WARN")


def bio(tag: str) -> str:
    """Stanza's BIOES tag as IOB2 (S- begins, E- continues)."""
    return {"S-": "B-", "E-": "I-"}.get(tag[:2], tag[:2]) + tag[2:] if tag != "O" else tag


def predict_spans(pipeline, sentences: list[list[str]]) -> list[set[tuple[int, int, str]]]:
    """(start, end, label) token spans for each pre-split sentence."""
    if not sentences:
        return []
    doc = pipeline(sentences)
    return [gold_spans([bio(t.ner) for t in sent.tokens]) for sent in doc.sentences]


def score(pipeline, sentences: list[Sentence]) -> dict:
    """The spaCy backend's scores (exact span and label, gold tokens) for a Stanza model."""
    return score_spans(predict_spans(pipeline, [s.words for s in sentences]), sentences)


def dev_scores(pipeline, data_dirs: list[Path]) -> dict[str, dict]:
    return {Path(d).name: score(pipeline, read_conll(Path(d) / "dev.conll")) for d in data_dirs}


def write_meta(model_dir: Path, scores: dict[str, dict], sources: list[dict], licence: str,
               build_seconds: float, steps: int) -> None:
    meta = {"lang": LANG, "name": "hi_ner_stanza", "backend": "stanza", "license": licence,
            "labels": list(LABELS), "sources": sources, "max_steps": steps,
            "model_file": str(model_file(Path(".")).as_posix()),
            "dev_scores": {"what": "each corpus's dev.conll on its gold tokens; entity-level "
                                   "exact span and label", **scores},
            "build_seconds": round(build_seconds)}
    (Path(model_dir) / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1),
                                               encoding="utf-8")
