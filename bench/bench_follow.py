"""Benchmark `follow`: one round over a local feed of N items (default 200), host delay 0: items/s.

    .venv/bin/python bench/bench_follow.py [--items 200] [--db URL]

The site is the follow tests' fixture (tests/test_follow_support.py) on 127.0.0.1: a feed, its
robots.txt and N synthetic district press releases. The pipeline is loaded before the clock
starts, so the figure is the round itself: reading the feed, fetching every item through the
polite client (robots check, per-host gate, SSRF rules off for loopback), extraction and
storage. A second round shows what an unchanged feed costs (304, no item fetched).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_follow_support import Site, rss  # noqa: E402

from extractor.follow import Follower, FollowSettings  # noqa: E402
from extractor.pipeline import get_nlp  # noqa: E402
from extractor.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    args = parser.parse_args()
    get_nlp()
    with tempfile.TemporaryDirectory() as tmp, Site() as site:
        seeds = range(50_000, 50_000 + args.items)
        site.articles(seeds)
        site.page("/feed.xml", rss(site, seeds), "application/rss+xml")
        db = args.db or f"sqlite:///{Path(tmp) / 'follow.db'}"
        with open_store(db) as store, Follower(store, FollowSettings(host_delay=0.0, allow_private=True)) as f:
            rounds = []
            for _ in range(2):
                started = time.perf_counter()
                summary = f.run_round([site.url("/feed.xml")])
                rounds.append((time.perf_counter() - started, summary))
    (wall, first), (again, second) = rounds
    print(f"{args.items} items, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"round 1: {first.line()}")
    print(f"         {wall:.1f} s, {first.stored / wall:.1f} items/s")
    print(f"round 2 (feed unchanged, 304): {second.line()}; {again * 1000:.0f} ms")


if __name__ == "__main__":
    main()
