"""`train-ner`: rebuild models/hi/ner from the HiNER and IL-NER CoNLL files (fixed seed, CPU, under 30 min)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..ner_training import BuildOptions


def register(sub) -> None:
    d = BuildOptions()
    p = sub.add_parser(
        "train-ner", help="rebuild the Hindi NER model (PER, LOC, ORG) in models/hi/ner",
        description="Convert each corpus's train.conll to DocBins (gold tokens plus copies "
                    "re-tokenised by spacy.blank('hi')), pretrain the tok2vec on all the training "
                    "text, train with a fixed seed, add the place/ministry gazetteer, score every "
                    "corpus's dev.conll and write the model with meta.json and README.md. "
                    "Intermediate files go to build/ner/corpus and build/ner/output.")
    p.add_argument("--data", type=Path, action="append", default=None, metavar="DIR",
                   help="folder with train.conll and dev.conll, repeatable (default: "
                        + ", ".join(str(path) for path in d.data_dirs) + ")")
    p.add_argument("--places", type=Path, default=d.places_dir,
                   help="folder with the india-places CSVs (gazetteer)")
    p.add_argument("--no-gazetteer", action="store_true", help="ship the statistical model alone")
    p.add_argument("--no-lexicon-ruler", action="store_true",
                   help="leave out the gap-filling ORG ruler of the project's body lexicons")
    p.add_argument("--backend", choices=("spacy", "stanza"), default=d.backend,
                   help="spacy (default): models/hi/ner; stanza (the optional extra): "
                        "models/hi/ner-stanza, a Stanza BiLSTM-CRF on the same data")
    p.add_argument("--stanza-arg", action="append", default=[], metavar="ARG",
                   help="pass ARG on to Stanza's trainer, e.g. --stanza-arg=--hidden_dim=128 "
                        "(repeatable)")
    p.add_argument("--config", type=Path, default=d.config)
    p.add_argument("--output", type=Path, default=None,
                   help="model folder (default: models/hi/ner, or models/hi/ner-stanza)")
    p.add_argument("--work-dir", type=Path, default=d.work_dir,
                   help="pretraining and training checkpoints (default build/ner/output)")
    p.add_argument("--pretrain-epochs", type=int, default=d.pretrain_epochs,
                   help="0 skips pretraining")
    p.add_argument("--init-tok2vec", type=Path, default=None, metavar="MODEL_BIN",
                   help="reuse the weights of an earlier pretraining (same tok2vec and raw text), "
                        "e.g. build/ner/output/pretrain/model7.bin, instead of pretraining")
    p.add_argument("--oversample", type=int, default=d.oversample,
                   help="training sentences with a PER or ORG entity appear this many times")
    p.add_argument("--replace-mentions", action="store_true",
                   help="give the repeated sentences other PER/ORG mentions (mention replacement)")
    p.add_argument("--repeat-corpus", action="append", default=[], metavar="NAME=N",
                   help="weight a corpus: the training part of data folder NAME appears N times "
                        "(repeatable; default il-ner-hindi=2, IL-NER twice; il-ner-hindi=1 for none)")
    p.add_argument("--valid-size", action="append", default=[], metavar="NAME=N",
                   help="sentences of data folder NAME held out for the validation split that picks "
                        "the checkpoint (default 500 each), e.g. il-ner-hindi=800 (repeatable)")
    p.add_argument("--max-steps", type=int, default=None,
                   help="override training.max_steps (stanza: its steps, default 2500)")
    p.add_argument("--seed", type=int, default=d.seed)
    p.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                   help="override a config value, e.g. --set training.dropout=0.3 (repeatable)")
    p.set_defaults(func=run)


def parse_overrides(items: list[str]) -> dict:
    """`a.b=1` -> {"a.b": 1}; values are JSON when they parse as JSON, else strings."""
    import json

    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise SystemExit(f"error: --set {item!r}: expected SECTION.KEY=VALUE")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def parse_counts(items: list[str], option: str) -> dict[str, int]:
    """`name=2` -> {"name": 2}."""
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name or not value.isdigit():
            raise SystemExit(f"error: {option} {item!r}: expected NAME=N (a data folder's name, a count)")
        out[name] = int(value)
    return out


def run(args) -> int:
    from ..ner_training import build, default_output

    data_dirs = tuple(args.data or BuildOptions().data_dirs)
    needed = [(d / "train.conll", "--data") for d in data_dirs] + [(args.config, "--config")]
    for path, what in needed:
        if not path.exists():
            print(f"error: {path} not found; pass {what}", file=sys.stderr)
            return 2
    output = args.output or default_output(args.backend)
    opts = BuildOptions(data_dirs=data_dirs, places_dir=None if args.no_gazetteer else args.places,
                        lexicon_dir=None if args.no_lexicon_ruler or args.no_gazetteer else BuildOptions().lexicon_dir,
                        config=args.config, output=output, work_dir=args.work_dir,
                        pretrain_epochs=args.pretrain_epochs, init_tok2vec=args.init_tok2vec,
                        max_steps=args.max_steps,
                        seed=args.seed, oversample=args.oversample,
                        replace_mentions=args.replace_mentions,
                        corpus_repeat=parse_counts(args.repeat_corpus, "--repeat-corpus")
                        if args.repeat_corpus else BuildOptions().corpus_repeat,
                        valid_sizes=parse_counts(args.valid_size, "--valid-size"),
                        overrides=parse_overrides(args.set),
                        backend=args.backend, stanza_args=tuple(args.stanza_arg))
    for corpus, s in build(opts).items():
        print(f"wrote {output}: {corpus} dev micro F1 {s['micro']['f']:.3f} (PER "
              f"{s['PER']['f']:.3f}, LOC {s['LOC']['f']:.3f}, ORG {s['ORG']['f']:.3f})")
    return 0
