"""What the cross-language parts cost: ingest with the bilingual key against ingest without it
(the baseline, in the same run), and `pair` over the stored documents.

    python bench/bench_crosslang.py [--docs 2000] [--db-dir DIR]

Records are made from the Hindi lexicons' bodies and schemes (both scripts), ten names each,
half of them Hindi and half English, over 200 days; each run ingests them into a fresh SQLite
file (two runs each way, alternated; the figures are their means).
Ratios, not seconds, are the figure to compare between machines.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.packs import get_pack  # noqa: E402
from extractor.store import open_store, resolve  # noqa: E402


def records(n: int, seed: int = 13) -> list[dict]:
    rng = random.Random(seed)
    pack = get_pack("hi")
    names = {table: [r["surface"] for r in pack.table(t)] + [r["canonical"] for r in pack.table(t)]
             for table, t in (("agencies", "agencies"), ("programmes", "programmes"), ("ministries", "ministries"))}
    out = []
    for i in range(n):
        chosen = {"agencies": rng.sample(names["agencies"] + names["ministries"], 6),
                  "programmes": rng.sample(names["programmes"], 4)}
        text = " ".join(chosen["agencies"] + chosen["programmes"])
        record = {"schema": "record/1", "doc_id": f"bench{i:08d}", "language": "hi" if i % 2 else "en",
                  "published": f"2020-{1 + (i // 2) % 12:02d}-{1 + (i // 24) % 28:02d}", "text": text,
                  "source": {}, "places": [], "dates": [], "officials": [], "money": [], "decisions": [],
                  "action_points": []}
        record["agencies"] = [{"name": n, "canonical": None} for n in chosen["agencies"]]
        record["programmes"] = [{"name": n, "kind": None} for n in chosen["programmes"]]
        out.append(record)
    return out


def ingest_seconds(recs: list[dict], url: str, translated: bool) -> float:
    saved = resolve._TRANSLATED
    resolve._TRANSLATED = saved if translated else ()
    try:
        with open_store(url) as store:
            start = time.perf_counter()
            store.ingest_many(recs)
            return time.perf_counter() - start
    finally:
        resolve._TRANSLATED = saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--db-dir", type=Path)
    args = parser.parse_args()
    recs = records(args.docs)
    with tempfile.TemporaryDirectory(dir=args.db_dir) as tmp:
        # Alternated, two rounds each, so that neither side always runs on a warmer machine.
        base = with_key = 0.0
        for round_ in range(2):
            base += ingest_seconds(recs, f"sqlite:///{tmp}/base{round_}.db", translated=False) / 2
            with_key += ingest_seconds(recs, f"sqlite:///{tmp}/bilingual{round_}.db", translated=True) / 2
        with open_store(f"sqlite:///{tmp}/bilingual0.db") as store:
            start = time.perf_counter()
            links = store.pair()
            pair = time.perf_counter() - start
    print(f"ingest {args.docs} records: without the bilingual key {base:.2f} s, with it {with_key:.2f} s "
          f"(ratio {with_key / base:.2f})")
    print(f"pair over {args.docs} documents: {pair:.2f} s ({pair / base:.2f} of the baseline ingest), "
          f"{len(links)} links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
