"""Benchmark the Hindi NER model: words/s on one core vs tokenisation only, and dev P/R/F1.

Usage: python bench/bench_ner.py [--model models/hi/ner] [--data DIR] [--repeat N] [--json]

Speed: the dev sentences joined into ~100-word texts, run through `spacy.blank("hi")`
(tokeniser only), through the hi_ner pipeline stage (tokeniser + model, numpy matmul; the
number the 10,000 words/s floor is about) and through plain `spacy.load` (thinc's BLIS gemm),
on one CPU core with one BLAS thread; best of --repeat passes.
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


def stage_pipeline(model_path: Path):
    """spacy.blank("hi") + the hi_ner stage: what extractor's pipeline runs for NER."""
    import extractor.pipeline  # noqa: F401  (registers hi_ner)

    nlp = spacy.blank("hi")
    stage = nlp.add_pipe("hi_ner", config={"model_path": str(model_path)})
    if not stage.available:
        raise SystemExit(f"no model at {model_path}: run `python -m extractor train-ner`")
    return nlp


def words_per_second(nlp, texts: list[str], repeat: int) -> tuple[dict, int]:
    """Best of `repeat` passes, per wall-clock second and per CPU second of this process.

    On a shared machine the wall clock also counts time other processes held our core; CPU
    time counts only our own work on it, so it is the steadier measure of one core's speed.
    """
    list(nlp.pipe(texts[:20]))  # warm-up: lazy allocations, caches
    best, n_words = {"wall": 0.0, "cpu": 0.0}, 0
    for _ in range(repeat):
        wall, cpu, n_words = time.perf_counter(), time.process_time(), 0
        for doc in nlp.pipe(texts, batch_size=64):
            n_words += sum(not t.is_space for t in doc)
        best["wall"] = max(best["wall"], n_words / (time.perf_counter() - wall))
        best["cpu"] = max(best["cpu"], n_words / (time.process_time() - cpu))
    return best, n_words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "hi" / "ner")
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
    tok, n_words = words_per_second(spacy.blank("hi"), texts, args.repeat)
    plain, _ = words_per_second(nlp, texts, args.repeat)
    stage, _ = words_per_second(stage_pipeline(args.model), texts, args.repeat)
    scores = score(nlp, sentences)
    speed = {"tokenizer_wps": tok, "ner_wps": stage, "plain_spacy_load_wps": plain,
             "ratio": {k: tok[k] / stage[k] for k in tok}}
    speed = {k: {c: round(v, 1 if k == "ratio" else None) for c, v in d.items()} for k, d in speed.items()}
    result = {"model": str(args.model), "words": n_words, **speed, "dev": scores}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"model {args.model}  ({n_words} words, best of {args.repeat}, one core)")
    print(f"{'words/s':<20} {'per CPU-s':>10} {'per wall-s':>11}")
    for label, key in (("tokenisation only", "tokenizer_wps"), ("NER (hi_ner stage)", "ner_wps"),
                       ("NER (spacy.load)", "plain_spacy_load_wps")):
        print(f"{label:<20} {speed[key]['cpu']:>10,} {speed[key]['wall']:>11,}")
    print(f"{'ratio tok/NER':<20} {speed['ratio']['cpu']:>10} {speed['ratio']['wall']:>11}")
    print("NER (hi_ner stage) = tokeniser + model with numpy matmul, as the pipeline runs it;\n"
          "NER (spacy.load) = the same model with thinc's default BLIS gemm.")
    print(f"\ndev, {len(sentences)} sentences on gold tokens, exact span and label:")
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
