"""`train-ner`: rebuild models/hi_ner from the HiNER CoNLL files (fixed seed, CPU, under 10 min)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..ner_training import BuildOptions


def register(sub) -> None:
    d = BuildOptions()
    p = sub.add_parser(
        "train-ner", help="rebuild the Hindi NER model (PER, LOC, ORG) in models/hi_ner",
        description="Convert HiNER train.conll to DocBins (gold tokens plus copies re-tokenised by "
                    "spacy.blank('hi')), pretrain the tok2vec on the training text, train with a "
                    "fixed seed, add the place/ministry gazetteer, score dev.conll and write the "
                    "model with meta.json and README.md. Intermediate files go to build/ner/corpus "
                    "and build/ner/output.")
    p.add_argument("--data", type=Path, default=d.data_dir, help="folder with train.conll, dev.conll")
    p.add_argument("--places", type=Path, default=d.places_dir,
                   help="folder with the india-places CSVs (gazetteer)")
    p.add_argument("--no-gazetteer", action="store_true", help="ship the statistical model alone")
    p.add_argument("--config", type=Path, default=d.config)
    p.add_argument("--output", type=Path, default=d.output)
    p.add_argument("--work-dir", type=Path, default=d.work_dir,
                   help="pretraining and training checkpoints (default build/ner/output)")
    p.add_argument("--pretrain-epochs", type=int, default=d.pretrain_epochs,
                   help="0 skips pretraining")
    p.add_argument("--oversample", type=int, default=d.oversample,
                   help="training sentences with a PER or ORG entity appear this many times")
    p.add_argument("--replace-mentions", action="store_true",
                   help="give the repeated sentences other PER/ORG mentions (mention replacement)")
    p.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
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


def run(args) -> int:
    from ..ner_training import build

    for path, what in ((args.data / "train.conll", "--data"), (args.config, "--config")):
        if not path.exists():
            print(f"error: {path} not found; pass {what}", file=sys.stderr)
            return 2
    opts = BuildOptions(data_dir=args.data, places_dir=None if args.no_gazetteer else args.places,
                        config=args.config, output=args.output, work_dir=args.work_dir,
                        pretrain_epochs=args.pretrain_epochs, max_steps=args.max_steps,
                        seed=args.seed, oversample=args.oversample,
                        replace_mentions=args.replace_mentions, overrides=parse_overrides(args.set))
    scores = build(opts)
    print(f"wrote {args.output}: dev micro F1 {scores['micro']['f']:.3f} "
          f"(PER {scores['PER']['f']:.3f}, LOC {scores['LOC']['f']:.3f}, ORG {scores['ORG']['f']:.3f})")
    return 0
