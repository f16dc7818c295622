"""Long documents: time per word and peak memory of one extraction, short vs long, on one core.

    .venv/bin/python bench/bench_long.py [--sizes 350000,1050000] [--short-words 300] [--repeat 20]

Each measurement runs in its own process (so its peak RSS is that document's): the pipeline is
built and warmed on a small text, then the document goes through `extract_documents` (clean,
every stage, the record). The texts are real paragraphs (corpus/samples, plus the shared dev
texts when present) taken in turn until the size is reached; the short document is the first
--short-words words of the same stream, extracted --repeat times. Reported: words, seconds,
microseconds per word, its ratio to the short document's, and the process's peak RSS.
Floors (issue 17): a 350k-character document within 1.5x the short document's time per word,
peak RSS <= 700 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"


def paragraphs() -> list[str]:
    files = sorted((ROOT / "corpus" / "samples").glob("*.txt")) + sorted(DEV.glob("*.txt"))
    return [p.strip() for f in files for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]


def text_of(chars: int | None = None, words: int | None = None) -> str:
    paras, out, size, count, i = paragraphs(), [], 0, 0, 0
    while (chars is not None and size < chars) or (words is not None and count < words):
        para = paras[i % len(paras)]
        if words is not None and count + len(para.split()) > words:
            para = " ".join(para.split()[:words - count])
        out.append(para)
        size, count, i = size + len(para) + 2, count + len(para.split()), i + 1
    return "\n\n".join(out)


def child(kind: str, size: int, repeat: int) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    from extractor.document import RawDocument
    from extractor.extract import extract_documents
    from extractor.pipeline import get_nlp

    nlp = get_nlp()
    text = text_of(words=size) if kind == "words" else text_of(chars=size)
    run = lambda: list(extract_documents([RawDocument(name="bench", text=text)], nlp=nlp))  # noqa: E731
    list(extract_documents([RawDocument(name="warm", text=text_of(words=300))], nlp=nlp))
    times = 1 if kind == "chars" else repeat
    start = time.perf_counter()
    for _ in range(times):
        [record] = run()
    seconds = (time.perf_counter() - start) / times
    assert isinstance(record, dict), record
    return {"chars": len(text), "words": len(text.split()), "seconds": seconds,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "officials": len(record["officials"]), "places": len(record["places"])}


def measure(kind: str, size: int, repeat: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(size), "--repeat", str(repeat)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="350000,1050000", help="long documents, in characters")
    ap.add_argument("--short-words", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=20, help="passes over the short document")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.repeat)))
        return
    rows = [("short", measure("words", args.short_words, args.repeat))]
    rows += [(f"{int(s) // 1000}k chars", measure("chars", int(s), 1)) for s in args.sizes.split(",")]
    base = rows[0][1]["seconds"] / rows[0][1]["words"]
    print(f"one core; load average {os.getloadavg()[0]:.1f} at the end")
    print(f"{'document':<12} {'chars':>10} {'words':>8} {'seconds':>8} {'us/word':>8} {'vs short':>9} "
          f"{'peak RSS MB':>12} {'officials':>9} {'places':>7}")
    for name, r in rows:
        per = r["seconds"] / r["words"]
        print(f"{name:<12} {r['chars']:>10,} {r['words']:>8,} {r['seconds']:>8.2f} {per * 1e6:>8.1f} "
              f"{per / base:>8.2f}x {r['rss_mb']:>12.0f} {r['officials']:>9} {r['places']:>7}")


if __name__ == "__main__":
    main()
