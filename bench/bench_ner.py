"""Benchmark the Hindi NER model: words/s on one core vs tokenisation only, and dev P/R/F1.

Usage: python bench/bench_ner.py [--model models/hi_ner] [--data DIR] [--repeat N] [--json]

Speed: the dev sentences joined into ~100-word texts, run through `spacy.blank("hi")`
(tokeniser only) and through the NER model, on CPU core 0 with one BLAS thread.
Quality: each dev sentence alone on its gold (HiNER) tokens, entity-level exact span+label.
"""
from __future__ import annotations

import os

# One thread everywhere: the floor is per core, and BLAS must not borrow the other one.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from extractor.ner_data import format_scores, read_conll, score  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("HINDI_NER_DATA", ROOT.parent / "shared/data/hindi-ner"))


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def make_texts(sentences, words_per_text: int = 100) -> list[str]:
    """Join sentences into news-sized paragraphs so per-call overhead does not dominate."""
    texts, current = [], []
    for sent in sentences:
        current.extend(sent.words)
        if len(current) >= words_per_text:
            texts.append(" ".join(current))
            current = []
    if current:
        texts.append(" ".join(current))
    return texts


def words_per_second(nlp, texts: list[str], repeat: int) -> tuple[float, int]:
    """Best of `repeat` passes (the machine is shared; the best pass is the least disturbed)."""
    list(nlp.pipe(texts[:20]))  # warm-up: lazy allocations, caches
    best, n_words = 0.0, 0
    for _ in range(repeat):
        start, n_words = time.perf_counter(), 0
        for doc in nlp.pipe(texts, batch_size=64):
            n_words += sum(not t.is_space for t in doc)
        best = max(best, n_words / (time.perf_counter() - start))
    return best, n_words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "hi_ner")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with dev.conll")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = parser.parse_args(argv)
    dev_path = args.data / "dev.conll"
    if not dev_path.exists():
        print(f"{dev_path} not found: pass --data DIR with HiNER dev.conll", file=sys.stderr)
        return 2
    pin_to_one_core()
    sentences = read_conll(dev_path)
    nlp = spacy.load(args.model)
    texts = make_texts(sentences)
    tok_wps, n_words = words_per_second(spacy.blank("hi"), texts, args.repeat)
    ner_wps, _ = words_per_second(nlp, texts, args.repeat)
    scores = score(nlp, sentences)
    result = {"model": str(args.model), "words": n_words, "tokenizer_wps": round(tok_wps),
              "ner_wps": round(ner_wps), "ratio": round(tok_wps / ner_wps, 1), "dev": scores}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"model {args.model}  ({n_words} words, best of {args.repeat}, one core)")
    print(f"tokenisation only : {tok_wps:>10,.0f} words/s")
    print(f"NER pipeline      : {ner_wps:>10,.0f} words/s")
    print(f"ratio             : {tok_wps / ner_wps:>10.1f}x slower than tokenising")
    print(f"\ndev, {len(sentences)} sentences on gold tokens, exact span and label:")
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
