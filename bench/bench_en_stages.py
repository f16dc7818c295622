"""Speed of the English rule stages (en_programmes, en_agencies, en_officials, en_statements)
against spaCy's blank "en" tokeniser + sentencizer, and whether they stay linear in length.

    python bench/bench_en_stages.py [--repeat 5] [FILES...]

Default documents: ../shared/eval/dev-pr/texts_en/*.txt when present, else a release written
from a few generic sentences. Reports articles/s and words/s of the baseline and of the
stages, their ratio, and the stages' time per word on documents made 1x, 4x and 16x longer by
repeating them (a linear stage keeps the same time per word).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from en_stages import STAGES, english  # noqa: E402

GENERIC = ("Union Minister of Home Affairs Shri Vikram Sethi chaired a meeting with the National Disaster "
           "Management Authority (NDMA) in New Delhi today. The Ministry of Jal Shakti has approved the "
           "Annual Action Plan under the Jal Jeevan Mission. NDMA has directed all States to submit their "
           "plans by 30 June 2021. Dr. Rajesh Kumar, IAS, Secretary, Department of Pharmaceuticals, said "
           "that the Pradhan Mantri Bhartiya Janaushadhi Kendras are functional.\n")


LENGTH_DOCS = 4  # documents joined into the one repeated for the length test


def default_texts() -> list[str]:
    files = sorted((ROOT.parent / "shared" / "eval" / "dev-pr" / "texts_en").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files] or [GENERIC * 4]


def rate(nlp, texts: list[str], repeat: int) -> float:
    """Seconds per pass over `texts`, best of `repeat` passes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            nlp(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [f.read_text(encoding="utf-8") for f in args.files] or default_texts()
    base = english(())
    full = english(STAGES)
    base.max_length = full.max_length = 10 ** 8  # rule stages only: long documents are fine
    words = sum(len(base.make_doc(t)) for t in texts)
    t_base, t_full = rate(base, texts, args.repeat), rate(full, texts, args.repeat)
    print(f"{len(texts)} documents, {words} tokens")
    for name, seconds in (("blank en + sentencizer", t_base), ("+ en_* stages", t_full)):
        print(f"{name:<24} {len(texts) / seconds:8.1f} articles/s {words / seconds:10.0f} tokens/s")
    print(f"stages cost {t_full / t_base:.2f}x the baseline")
    joined = "\n".join(texts[:LENGTH_DOCS])
    per_word = []
    for factor in (1, 4, 16):
        text = "\n".join([joined] * factor)
        n = len(base.make_doc(text))
        seconds = rate(full, [text], args.repeat) - rate(base, [text], args.repeat)
        per_word.append(seconds / n)
        print(f"x{factor:<3} {n:8d} tokens  stages {seconds * 1e6 / n:7.2f} us/token")
    print(f"time per token x16 / x1: {per_word[-1] / per_word[0]:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
