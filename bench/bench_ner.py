"""Benchmark the Hindi NER model: words/s on one core vs tokenisation only, and dev P/R/F1.

Usage: python bench/bench_ner.py [--backend spacy|stanza] [--model DIR] [--data DIR ...]
                                 [--repeat N] [--json]

Speed: the first dev set's sentences joined into ~100-word texts, run through
`spacy.blank("hi")` (tokeniser only), through the hi_ner pipeline stage (tokeniser + model,
numpy matmul; the number the 15,000 words/s floor is about) and, for spaCy, through plain
`spacy.load` (thinc's BLIS gemm), on one CPU core with one BLAS (and torch) thread, with
OPENBLAS_NUM_THREADS=1; best of --repeat passes.
Quality: each dev sentence of every --data folder (default HiNER and IL-NER) alone on its
gold tokens, entity-level exact span+label.
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

DEFAULT_DATA = [ROOT.parent / "shared/data/hindi-ner", ROOT.parent / "shared/data/il-ner-hindi"]
MODEL_DIRS = {"spacy": ROOT / "models" / "hi" / "ner", "stanza": ROOT / "models" / "hi" / "ner-stanza"}


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


def stage_pipeline(model_path: Path, backend: str):
    """spacy.blank("hi") + the hi_ner stage: what extractor's pipeline runs for NER."""
    import extractor.pipeline  # noqa: F401  (registers hi_ner)

    nlp = spacy.blank("hi")
    stage = nlp.add_pipe("hi_ner", config={"model_path": str(model_path), "backend": backend})
    if not stage.available:
        raise SystemExit(f"no usable {backend} model at {model_path}: run "
                         f"`python -m extractor train-ner --backend {backend}`")
    return nlp


def dev_scores(model_path: Path, backend: str, sentences) -> dict:
    if backend == "stanza":
        from extractor import ner_stanza

        return ner_stanza.score(ner_stanza.load_pipeline(model_path), sentences)
    return score(spacy.load(model_path), sentences)


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
    parser.add_argument("--backend", choices=sorted(MODEL_DIRS), default="spacy")
    parser.add_argument("--model", type=Path, default=None, help="default: the backend's model in models/hi")
    parser.add_argument("--data", type=Path, action="append", default=None,
                        help="folder with dev.conll, repeatable (default: HiNER and IL-NER)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = parser.parse_args(argv)
    model = args.model or MODEL_DIRS[args.backend]
    data_dirs = args.data or DEFAULT_DATA
    for data_dir in data_dirs:
        if not (data_dir / "dev.conll").exists():
            print(f"{data_dir / 'dev.conll'} not found: pass --data DIR with a dev.conll", file=sys.stderr)
            return 2
    pin_to_one_core()
    if args.backend == "stanza":
        import torch

        torch.set_num_threads(1)
    devs = {d.name: read_conll(d / "dev.conll") for d in data_dirs}
    texts = make_texts(next(iter(devs.values())))
    tok, n_words = words_per_second(spacy.blank("hi"), texts, args.repeat)
    stage, _ = words_per_second(stage_pipeline(model, args.backend), texts, args.repeat)
    speed = {"tokenizer_wps": tok, "ner_wps": stage}
    if args.backend == "spacy":
        speed["plain_spacy_load_wps"] = words_per_second(spacy.load(model), texts, args.repeat)[0]
    speed["ratio"] = {k: tok[k] / stage[k] for k in tok}
    speed = {k: {c: round(v, 1 if k == "ratio" else None) for c, v in d.items()} for k, d in speed.items()}
    scores = {name: dev_scores(model, args.backend, sents) for name, sents in devs.items()}
    result = {"model": str(model), "backend": args.backend, "words": n_words, **speed,
              "size_mb": round(sum(f.stat().st_size for f in model.rglob("*") if f.is_file()) / 1e6, 1),
              "dev": scores}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"model {model} ({args.backend}, {result['size_mb']} MB; {n_words} words, best of "
          f"{args.repeat}, one core)")
    print(f"{'words/s':<20} {'per CPU-s':>10} {'per wall-s':>11}")
    for label, key in (("tokenisation only", "tokenizer_wps"), ("NER (hi_ner stage)", "ner_wps"),
                       ("NER (spacy.load)", "plain_spacy_load_wps")):
        if key in speed:
            print(f"{label:<20} {speed[key]['cpu']:>10,} {speed[key]['wall']:>11,}")
    print(f"{'ratio tok/NER':<20} {speed['ratio']['cpu']:>10} {speed['ratio']['wall']:>11}")
    if args.backend == "spacy":
        print("NER (hi_ner stage) = tokeniser + model with numpy matmul, as the pipeline runs it;\n"
              "NER (spacy.load) = the same model with thinc's default BLIS gemm.")
    for name, sents in devs.items():
        print(f"\n{name} dev, {len(sents)} sentences on gold tokens, exact span and label:")
        print(format_scores(scores[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
