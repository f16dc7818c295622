"""Throughput of the full extraction pipeline vs tokenisation-only spaCy, on one core.

    python bench/bench_pipeline.py [--repeat 20] [--language hi|en] [FILES...]

Default documents: Hindi, corpus/samples/*.txt plus ../shared/eval/dev/*.txt when present;
English (`--language en`), ../shared/eval/dev-pr/texts_en/*.txt (the English PIB originals).
Reports articles/s and words/s for `spacy.blank(lang)` (tokeniser only), the pipeline
without the NER stage (`extract --no-ner`), the full pipeline (models/pipeline.cfg) and
clean+pipeline+record (what `extract` does) with and without NER, and the ratios: the last
line is the `--no-ner` speed-up that README.md and `extract --help` state.
"""
from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from extractor.batch.process import limit_threads

limit_threads()  # one core means one BLAS thread too (a second one only spins), set before numpy loads

import spacy  # noqa: E402

from extractor.document import RawDocument
from extractor.extract import extract_documents
from extractor.pipeline import build_nlp

ROOT = Path(__file__).resolve().parent.parent


def default_files(language: str = "hi") -> list[Path]:
    if language == "en":
        return sorted((ROOT.parent / "shared" / "eval" / "dev-pr" / "texts_en").glob("*.txt"))
    files = sorted((ROOT / "corpus" / "samples").glob("*.txt"))
    return files + sorted((ROOT.parent / "shared" / "eval" / "dev").glob("*.txt"))


def timed(fn, repeat: int) -> tuple[float, float]:
    """(wall seconds per run, CPU seconds of the best run): on a shared machine wall-clock time
    measures the other processes too (the --no-ner ratio read 1.6x to 4.6x at load 8 on 2 cores),
    so the ratios are taken in CPU time."""
    fn()  # warm-up: lexicon caches, matcher tables
    wall, best = time.perf_counter(), float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return (time.perf_counter() - wall) / repeat, best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--language", default="hi", help="the language pack whose pipeline to time")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    files = args.files or default_files(args.language)
    if not files:
        raise SystemExit(f"bench_pipeline: no {args.language} documents found; give FILES")
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    lang = args.language
    blank, nlp, rules = spacy.blank(lang), build_nlp(lang), build_nlp(lang, exclude=("hi_ner",))
    raws = lambda: [RawDocument(name=str(f), text=t, path=str(f)) for f, t in zip(files, texts)]
    runs = {
        "tokeniser only (spacy.blank)": timed(lambda: list(blank.pipe(texts)), args.repeat),
        "rules only, no NER (nlp.pipe)": timed(lambda: list(rules.pipe(texts)), args.repeat),
        "full pipeline (nlp.pipe)": timed(lambda: list(nlp.pipe(texts)), args.repeat),
        "clean + pipeline + record": timed(lambda: list(extract_documents(raws(), nlp=nlp)), args.repeat),
        "the same, no NER (--no-ner)": timed(lambda: list(extract_documents(raws(), nlp=rules)), args.repeat),
        # what `extract` does now: detect, clean with the language's pack, its pipeline
        "routed (detect + clean + ...)": timed(lambda: list(extract_documents(raws())), args.repeat),
    }
    base, base_cpu = runs["tokeniser only (spacy.blank)"]
    print(f"{len(texts)} documents, {words} words, mean {words // len(texts)} words/document, "
          f"{args.repeat} repeats, one core; stages: {', '.join(nlp.pipe_names)}")
    print(f"{'run':<32} {'articles/s':>11} {'words/s':>10} {'time vs tokeniser':>18} "
          f"{'articles/CPU-s':>15} {'CPU vs tokeniser':>17}")
    for name, (seconds, cpu) in runs.items():
        print(f"{name:<32} {len(texts) / seconds:>11.1f} {words / seconds:>10.0f} {seconds / base:>17.1f}x "
              f"{len(texts) / cpu:>15.1f} {cpu / base_cpu:>16.1f}x")
    speed_up = runs["clean + pipeline + record"][1] / runs["the same, no NER (--no-ner)"][1]
    print(f"extract --no-ner is {speed_up:.1f}x faster than extract (CPU per document, start-up aside)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
