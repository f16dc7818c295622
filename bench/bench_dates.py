"""Benchmark the dates stage against dateparser's search_dates: accuracy and documents/s.

    .venv/bin/python bench/bench_dates.py [--dev DIR] [--rounds N]

Documents: the dev texts in DIR (gold "dates" in their *.gold.json) and corpus/samples/*.txt
(gold in bench/dates_gold.json). Both systems read the same cleaned text (extractor.acquire.clean,
as `extract` does); cleaning is not timed. Accuracy is precision/recall/F1 over (document, value)
pairs as shared/eval/score.py counts dates: null values dropped, values deduplicated per
document, X in gold matches any digit, greedy one-to-one matching, optional gold items free.

Our side is the dates stage alone: the hi_dates component of the configured pipeline on a
tokenised Doc (the row "hi_dates+tok" adds tokenisation and hi_sentences, for the record).
The baseline is `dateparser.search.search_dates(text, languages=["hi"])`, its datetimes made
comparable the fair way (dateparser fills what the text leaves out with today's date):
- a match without any digit ("कल", "अब", "शनिवार को") is relative: dropped, as ours are null
  without a publication date;
- a match whose only number is a 4-digit year is a year ("2019 में" -> "2019"), or a month and
  year when a month name (models/hi/lexicons/months.tsv) is in it ("अगस्त 2024" -> "2024-08");
- otherwise YYYY-MM-DD, with XXXX when the match has no 4-digit year (no invented years).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402
from thinc.api import Config  # noqa: E402

from extractor.acquire.clean import clean  # noqa: E402
from extractor.document import RawDocument  # noqa: E402
from extractor.pipeline import build_nlp, config_path  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"  # shared/ beside the checkout; --dev for another


def load_documents(dev: Path) -> list[tuple[str, str, list[dict]]]:
    """(name, cleaned text, gold date items) for every benchmark document."""
    docs = []
    for gold_file in sorted(dev.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        docs.append((gold["file"], dev / gold["file"], gold.get("dates", [])))
    samples = json.loads((ROOT / "bench" / "dates_gold.json").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "corpus" / "samples").glob("*.txt")):
        if path.name in samples:
            docs.append((path.name, path, [{"value": v} for v in samples[path.name]]))
    return [(name, clean(RawDocument(name=name, text=path.read_text(encoding="utf-8"))).text, gold)
            for name, path, gold in docs]


def dates_nlp():
    names = Config().from_disk(config_path())["nlp"]["pipeline"]
    return build_nlp(exclude=tuple(n for n in names if n not in ("hi_sentences", "hi_dates")))


def ours(nlp, doc) -> list[str | None]:
    """The dates stage on a tokenised document (the Doc is re-annotated from scratch)."""
    doc = nlp.get_pipe("hi_dates")(doc)
    return [s._.dates["value"] for s in doc.spans["dates"]]


def baseline(text: str, month_names: re.Pattern) -> list[str | None]:
    found = search_dates(text, languages=["hi"]) or []
    return [_baseline_value(sub, dt, month_names) for sub, dt in found]


def _baseline_value(substring: str, dt, month_names: re.Pattern) -> str | None:
    numbers = re.findall(r"\d+", substring)  # \d reads Devanagari digits too
    if not numbers:
        return None
    if len(numbers) == 1 and len(numbers[0]) == 4:
        return f"{dt.year:04d}-{dt.month:02d}" if month_names.search(substring) else f"{dt.year:04d}"
    year = f"{dt.year:04d}" if any(len(n) == 4 for n in numbers) else "XXXX"
    return f"{year}-{dt.month:02d}-{dt.day:02d}"


def date_match(gold: str, pred: str) -> bool:
    return len(gold) == len(pred) and all(g == "X" or g == p for g, p in zip(gold, pred))


def count(gold: list[dict], predicted: list[str | None]) -> tuple[int, int, int]:
    """(tp, fp, fn) for one document, as shared/eval/score.py counts dates."""
    preds = list(dict.fromkeys(v for v in predicted if v))
    used_p, tp, fn = set(), 0, 0
    for g in gold:
        hit = next((i for i, p in enumerate(preds)
                    if i not in used_p and date_match(g["value"], p)), None)
        if hit is not None:
            used_p.add(hit)
        if not g.get("optional"):
            tp, fn = (tp + 1, fn) if hit is not None else (tp, fn + 1)
    return tp, len(preds) - len(used_p), fn


def accuracy(run, docs) -> dict:
    tp = fp = fn = 0
    for _, text, gold in docs:
        a, b, c = count(gold, run(text))
        tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "P": p, "R": r,
            "F1": 2 * p * r / (p + r) if p + r else 0.0}


def throughput(runs: dict, docs, rounds: int) -> dict[str, float]:
    """Documents/s of each system, best of `rounds` interleaved passes.

    The machine is shared: interleaving puts both systems under the same load, and the best
    pass is the least disturbed one (as timeit does).
    """
    best = {name: float("inf") for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            for _, text, _ in docs:
                run(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: len(docs) / seconds for name, seconds in best.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="folder of *.txt + *.gold.json")
    ap.add_argument("--rounds", type=int, default=15, help="timed passes over the documents")
    args = ap.parse_args()
    if not args.dev.is_dir():
        print(f"note: no dev set at {args.dev} (give --dev DIR); measuring the corpus samples only",
              file=sys.stderr)
    docs = load_documents(args.dev)
    nlp = dates_nlp()
    months = re.compile("|".join(map(re.escape, nlp.get_pipe("hi_dates").lex.months)))
    tokenised = {text: nlp.make_doc(text) for _, text, _ in docs}
    runs = {
        "hi_dates": lambda text: ours(nlp, tokenised[text]),
        "dateparser": lambda text: baseline(text, months),
        # for the record: tokenisation + hi_sentences + hi_dates, as `extract` runs them
        "hi_dates+tok": lambda text: ours(nlp, nlp.get_pipe("hi_sentences")(nlp.make_doc(text))),
    }
    for run in runs.values():  # warm-up: lazy imports, language data, compiled patterns
        run(docs[0][1])
    scores = {name: accuracy(runs[name], docs) for name in ("hi_dates", "dateparser")}
    speed = throughput(runs, docs, args.rounds)
    print(f"{len(docs)} documents, {sum(len(g) for _, _, g in docs)} gold dates, "
          f"best of {args.rounds} interleaved timing rounds")
    print(f"{'system':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'docs/s':>9}")
    for name, docs_per_s in speed.items():
        r = scores.get(name) or scores["hi_dates"]
        print(f"{name:<14} {r['P']:6.3f} {r['R']:6.3f} {r['F1']:6.3f} {r['tp']:4d} {r['fp']:4d} "
              f"{r['fn']:4d} {docs_per_s:9.1f}")
    for name in ("hi_dates", "hi_dates+tok"):
        print(f"speed ratio {name} / dateparser: {speed[name] / speed['dateparser']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
