"""Rebuild the Hindi NER model: HiNER + IL-NER CoNLL -> DocBin -> pretrain -> train -> models/hi/ner."""
from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .packs import get_pack
from .settings import PACKAGE_ROOT

log = logging.getLogger(__name__)

TRAINING_DIR = get_pack("hi").root / "training"
DEFAULT_CONFIG = TRAINING_DIR / "hi_ner.cfg"
# Intermediate files go under the current folder, never into the installed package.
WORK_DIR = Path("build") / "ner"
SHARED_DATA = PACKAGE_ROOT.parent / "shared" / "data"
# Encyclopaedic sentences (HiNER) and government prose (IL-NER), trained on together.
DEFAULT_DATA = (SHARED_DATA / "hindi-ner", SHARED_DATA / "il-ner-hindi")
DEFAULT_PLACES = SHARED_DATA / "india-places"
DEFAULT_LEXICONS = get_pack("hi").root / "lexicons"


@dataclass
class BuildOptions:
    data_dirs: tuple[Path, ...] = DEFAULT_DATA
    places_dir: Path | None = DEFAULT_PLACES
    lexicon_dir: Path | None = DEFAULT_LEXICONS  # the gap-filling ORG ruler of public bodies; None: none
    config: Path = DEFAULT_CONFIG
    output: Path = get_pack("hi").root / "ner"
    corpus_dir: Path = WORK_DIR / "corpus"
    work_dir: Path = WORK_DIR / "output"
    pretrain_epochs: int = 8
    init_tok2vec: Path | None = None  # weights of an earlier pretraining: skips pretraining
    max_steps: int | None = None  # None: the config's value
    seed: int = 0
    oversample: int = 2  # training sentences with PER/ORG appear this many times (tried 1, 2, 3)
    replace_mentions: bool = False  # ... their copies with other names (tried: no gain)
    corpus_repeat: dict = field(default_factory=lambda: {"il-ner-hindi": 2})  # {folder name: n}: that corpus's training part n times
    valid_sizes: dict = field(default_factory=dict)  # {folder name: n}: validation sentences taken from it (default 500)
    overrides: dict = field(default_factory=dict)  # config values, e.g. {"training.dropout": 0.3}
    backend: str = "spacy"  # or "stanza" (the optional extra); then max_steps are Stanza's
    stanza_args: tuple[str, ...] = ()  # extra arguments of Stanza's trainer, e.g. ("--hidden_dim", "128")


def use_numpy_matmul() -> None:
    """Train with numpy's OpenBLAS matmul instead of thinc's bundled BLIS (~2x faster on this
    machine's CPU for our small matrices); the weights are the same kind either way."""
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


def _overrides(opts: BuildOptions) -> dict:
    out = {"paths.train": str(opts.corpus_dir / "train.spacy"),
           "paths.dev": str(opts.corpus_dir / "valid.spacy"),
           "paths.raw_text": str(opts.corpus_dir / "raw.jsonl"),
           "system.seed": opts.seed}
    if opts.max_steps is not None:
        out["training.max_steps"] = opts.max_steps
    return {**out, **opts.overrides}


def pretrain(opts: BuildOptions) -> Path | None:
    """`spacy pretrain` the tok2vec on all the training sentences' raw text (characters objective)."""
    if opts.pretrain_epochs <= 0:
        return None
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    out_dir = opts.work_dir / "pretrain"
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    overrides = {**_overrides(opts), "pretraining.max_epochs": opts.pretrain_epochs}
    config = load_config(opts.config, overrides=overrides, interpolate=False).interpolate()
    spacy_pretrain(config, out_dir, silent=False)
    weights = out_dir / f"model{opts.pretrain_epochs - 1}.bin"
    if not weights.exists():
        raise FileNotFoundError(f"pretraining wrote no {weights}; see the log above")
    return weights


def train(opts: BuildOptions, init_tok2vec: Path | None) -> Path:
    """`spacy train` with a fixed seed; returns the best checkpoint (scored on the valid split)."""
    from spacy.cli.train import train as spacy_train

    out_dir = opts.work_dir / "train"
    shutil.rmtree(out_dir, ignore_errors=True)
    overrides = _overrides(opts)
    if init_tok2vec is not None:
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    spacy_train(opts.config, out_dir, use_gpu=-1, overrides=overrides)
    return out_dir / "model-best"


STANZA_STEPS = 2500  # about 25 minutes on this machine's shared CPU


def default_output(backend: str) -> Path:
    from .pipeline.ner import MODEL_DIRS

    return get_pack("hi").root / MODEL_DIRS[backend]


def build(opts: BuildOptions) -> dict[str, dict]:
    """The whole rebuild; returns the shipped model's dev scores, by corpus folder name."""
    from .ner_data import write_corpus  # spaCy: only when training, not to build the CLI's parser
    from .ner_package import package

    if opts.backend == "stanza":
        return build_stanza(opts)

    use_numpy_matmul()
    started = time.monotonic()
    counts = write_corpus(list(opts.data_dirs), opts.corpus_dir, seed=opts.seed,
                          oversample=opts.oversample, replace_mentions=opts.replace_mentions,
                          corpus_repeat=opts.corpus_repeat, valid_sizes=opts.valid_sizes)
    log.warning("corpus: %s docs (gold + re-tokenised; raw: sentences) in %s", counts,
                opts.corpus_dir)
    weights = opts.init_tok2vec or pretrain(opts)
    best = train(opts, weights)
    scores = package(best, opts.output, list(opts.data_dirs), opts.places_dir,
                     build_seconds=time.monotonic() - started, lexicon_dir=opts.lexicon_dir)
    return scores


def build_stanza(opts: BuildOptions) -> dict[str, dict]:
    """Train, install and score a Stanza model on the same split as the spaCy backend."""
    from . import ner_stanza
    from .ner_package import corpus_credit, model_licence

    if not ner_stanza.available():
        raise SystemExit(f"error: stanza is not installed; {ner_stanza.STANZA_HINT}")
    started = time.monotonic()
    corpus_dir = opts.corpus_dir.parent / "stanza-corpus"
    counts = ner_stanza.write_corpus(list(opts.data_dirs), corpus_dir, seed=opts.seed,
                                     oversample=opts.oversample)
    log.warning("stanza corpus: %s sentences in %s", counts, corpus_dir)
    steps = opts.max_steps or STANZA_STEPS
    best = ner_stanza.train(corpus_dir, opts.work_dir / "stanza", steps, opts.seed,
                            extra_args=opts.stanza_args)
    ner_stanza.install(best, opts.output)
    scores = ner_stanza.dev_scores(ner_stanza.load_pipeline(opts.output), list(opts.data_dirs))
    sources = [corpus_credit(Path(d).name) for d in opts.data_dirs]
    ner_stanza.write_meta(opts.output, scores, sources, model_licence(sources),
                          time.monotonic() - started, steps)
    return scores
