"""Named entities (PER, LOC, ORG) from the trained NER model, into doc.spans["ner"].

Two backends write the same spans: "spacy" (models/<lang>/ner, the default) and "stanza"
(models/<lang>/ner-stanza, needs the optional `stanza` extra)."""
from __future__ import annotations

import logging
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

from ..packs import get_pack
from .lexmatch import token_texts
from .parts import batches, parts

log = logging.getLogger(__name__)

SPANS_KEY = "ner"
REBUILD_HINT = "rebuild it with `python -m extractor train-ner`"
# Backend name -> the model's folder in the language pack.
MODEL_DIRS = {"spacy": "ner", "stanza": "ner-stanza"}
# Tokens given to the model at once: its memory grows with them (a 70k-token document in one
# piece took 1 GB; 4,000 at a time take ~60 MB), and ten news articles make about this many.
BATCH_TOKENS = 4_000


@Language.factory("hi_ner", assigns=["doc.spans"],
                  default_config={"model_path": None, "backend": "spacy"})
def make_ner(nlp: Language, name: str, model_path: str | None, backend: str):
    if backend not in MODEL_DIRS:
        raise ValueError(f"hi_ner: unknown backend {backend!r}; use one of {sorted(MODEL_DIRS)}")
    path = Path(model_path) if model_path else get_pack(nlp.lang).root / MODEL_DIRS[backend]
    return StanzaNER(path) if backend == "stanza" else HindiNER(path)


def load_model(path: Path) -> Language | None:
    """The trained pipeline at `path`, or None with one warning saying what is missing."""
    if not (path / "meta.json").exists():
        log.warning("NER model not found at %s (no meta.json): doc.spans['ner'] will be empty; "
                    "%s", path, REBUILD_HINT)
        return None
    try:
        return use_numpy_matmul(_load_with_rulers(path))
    except Exception as exc:  # a broken or half-written model must not stop the pipeline
        log.warning("NER model at %s failed to load (%s: %s): doc.spans['ner'] will be empty; "
                    "%s", path, type(exc).__name__, exc, REBUILD_HINT)
        return None


def _load_with_rulers(path: Path) -> Language:
    """spacy.load(path), with its entity rulers' patterns read by the tokenizer alone.

    Loading a ruler runs its phrase patterns (the gazetteer: thousands) through every component
    before it, the tok2vec and NER included, which took most of the model's load time; an ORTH
    or LOWER pattern needs only tokens. The rulers are left out of the load, then put back in
    their places with the same config and patterns."""
    config = spacy.util.load_config(path / "config.cfg")
    order = list(config["nlp"]["pipeline"])
    rulers = [name for name in order if config["components"][name].get("factory") == "entity_ruler"
              and config["components"][name].get("phrase_matcher_attr") in (None, "ORTH", "LOWER")]
    model = spacy.load(path, exclude=rulers)
    for name in rulers:
        settings = {k: v for k, v in config["components"][name].items() if k != "factory"}
        following = next((n for n in order[order.index(name) + 1:] if n in model.pipe_names), None)
        ruler = model.add_pipe("entity_ruler", name=name, config=settings,
                               **({"before": following} if following else {}))
        with model.select_pipes(enable=[]):
            ruler.from_disk(path / name)
    return model


def use_numpy_matmul(model: Language) -> Language:
    """Run the model's matrix products through numpy (OpenBLAS) instead of thinc's BLIS.

    Same weights, same results up to float rounding, about twice the words per second on our
    CPUs; only this model's layers change, other pipelines keep their ops.
    """
    ops = NumpyOps(use_blis=False)
    for _, proc in model.pipeline:
        if hasattr(proc, "model") and hasattr(proc.model, "walk"):
            for node in proc.model.walk():
                node.ops = ops
    return model


class HindiNER:
    """Runs the model's own components on a copy of our tokens and copies the entities back.

    The model's vocab is separate from the pipeline's, so the tokens are rebuilt there; the
    entities come back as token spans (same tokens, same indices) under doc.spans["ner"].
    doc.ents is left alone: later stages own it. A long document goes to the model in parts
    that end at paragraphs (pipeline.parts), at most BATCH_TOKENS tokens at a time, so memory
    stays bounded whatever its length.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.model = load_model(path)

    @property
    def available(self) -> bool:
        return self.model is not None

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = self._find([doc])[0] if self.model else []
        return doc

    def pipe(self, docs, batch_size: int = 128):
        if self.model is None:
            for doc in docs:
                doc.spans[SPANS_KEY] = []
                yield doc
            return
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._pipe_batch(batch)
                batch = []
        yield from self._pipe_batch(batch)

    def _pipe_batch(self, docs: list[Doc]):
        for doc, spans in zip(docs, self._find(docs)):
            doc.spans[SPANS_KEY] = spans
            yield doc

    def _find(self, docs: list[Doc]) -> list[list[Span]]:
        """The entities of each doc, predicted part by part."""
        pieces = [(doc, start, end) for doc in docs for start, end in parts(doc)]
        found: dict[int, list[Span]] = {id(doc): [] for doc in docs}
        for group in batches([end - start for _, start, end in pieces], BATCH_TOKENS):
            chosen = [pieces[k] for k in group]
            for (doc, start, _), twin in zip(chosen, self._predict(chosen)):
                # Same words and spaces, so token indices agree once shifted by the part's start.
                found[id(doc)].extend(Span(doc, start + ent.start, start + ent.end, label=ent.label_)
                                      for ent in twin.ents)
        return [found[id(doc)] for doc in docs]

    def _predict(self, pieces: list[tuple[Doc, int, int]]) -> list[Doc]:
        twins = [Doc(self.model.vocab, words=token_texts(doc)[s:e], spaces=_spaces(doc)[s:e])
                 for doc, s, e in pieces]
        for _, proc in self.model.pipeline:
            twins = list(proc.pipe(twins)) if hasattr(proc, "pipe") else [proc(d) for d in twins]
        return twins

    def to_disk(self, path, *, exclude=()) -> None:
        """The model travels with the pipeline (nothing is written when there is none)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.model is not None:
            self.model.to_disk(path / "model")

    def from_disk(self, path, *, exclude=()):
        saved = Path(path) / "model"
        self.path, self.model = saved, (load_model(saved) if saved.exists() else None)
        return self


def _spaces(doc: Doc) -> list[bool]:
    """Whether each token is followed by a space, read once per Doc."""
    cached = doc.user_data.get("spaces")
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data["spaces"] = [bool(t.whitespace_) for t in doc]
    return cached


class StanzaNER:
    """The Stanza backend: the same doc.spans["ner"] from a Stanza model on our tokens.

    Each sentence (doc.sents when a sentence stage ran, else the whole doc) goes to Stanza
    pre-split, whitespace tokens left out; the entities come back as token indices."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.model = self._load(path)

    @staticmethod
    def _load(path: Path):
        from .. import ner_stanza

        if not ner_stanza.available():
            log.warning("stanza is not installed: doc.spans['ner'] will be empty; %s",
                        ner_stanza.STANZA_HINT)
            return None
        if not ner_stanza.model_file(path).exists():
            log.warning("Stanza NER model not found at %s: doc.spans['ner'] will be empty; "
                        "rebuild it with `python -m extractor train-ner --backend stanza`", path)
            return None
        try:
            return ner_stanza.load_pipeline(path)
        except Exception as exc:  # a broken model must not stop the pipeline
            log.warning("Stanza NER model at %s failed to load (%s: %s): doc.spans['ner'] will "
                        "be empty", path, type(exc).__name__, exc)
            return None

    @property
    def available(self) -> bool:
        return self.model is not None

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 128):
        from ..ner_stanza import predict_spans

        for doc in docs:
            if self.model is None:
                doc.spans[SPANS_KEY] = []
                yield doc
                continue
            parts = [[t.i for t in sent if not t.is_space] for sent in self._sentences(doc)]
            parts = [p for p in parts if p]
            found = predict_spans(self.model, [[doc[i].text for i in p] for p in parts])
            doc.spans[SPANS_KEY] = [Span(doc, p[s], p[e - 1] + 1, label=label)
                                    for p, spans in zip(parts, found) for s, e, label in sorted(spans)]
            yield doc

    @staticmethod
    def _sentences(doc: Doc):
        return list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
