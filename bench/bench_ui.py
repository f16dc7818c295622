"""Benchmark the /ui pages (and GET /documents) on a store of 10,000 documents, SQLite and PostgreSQL.

    .venv/bin/python bench/bench_ui.py                              # 10,000 documents, both engines
    .venv/bin/python bench/bench_ui.py --docs 300 --requests 40     # smoke test

The documents are real records, extracted from the repository's own inputs (corpus/samples and
the saved pages in tests/pages), replicated with new doc_ids and with every full date of the
record (publication, event dates, deadlines) moved by one random number of days, so lists,
windows and "overdue" see a spread of dates. For each engine the store is filled with
Store.ingest_many, `python -m extractor serve` runs in its own process, and --concurrency client
threads send --requests requests per page. Printed per page: p50/p95 of the server's own time
(the Server-Timing header every /ui page sends: queries plus template) and of the round trip
seen by the client, in ms; /health, run the same way, is the baseline that shows how loaded the
machine was. Floor: p95 server time <= 300 ms for every page.
"""
from __future__ import annotations

import argparse
import copy
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]
from bench_api import drop_schema, pg_schema_url, start_server  # noqa: E402
from extractor.acquire.sources import iter_inputs  # noqa: E402
from extractor.extract import extract_documents  # noqa: E402
from extractor.store import open_store  # noqa: E402

INPUTS = [*sorted((REPO / "corpus" / "samples").glob("*.txt")),
          *(REPO / "tests" / "pages" / n for n in ("news_article.html", "pib_hindi_release.html", "pib_press_release.html"))]
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FLOOR_MS = 300.0


def real_records() -> list[dict]:
    records = [r for r in extract_documents(iter_inputs([str(p) for p in INPUTS])) if isinstance(r, dict)]
    assert len(records) == len(INPUTS), "every input must extract"
    return records


def _shift(value, days: int):
    if isinstance(value, str) and FULL_DATE.match(value):
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    return value


def replicate(record: dict, rng: random.Random, n: int) -> dict:
    """A copy with a new doc_id and every full date moved by the same number of days."""
    out = copy.deepcopy(record)
    days = rng.randrange(-900, 90)
    out["doc_id"] = uuid.UUID(int=rng.getrandbits(128)).hex[:16]
    out["published"] = _shift(out.get("published") or "2025-06-01", days)
    out["title"] = f"{record.get('title') or ''} #{n}"
    for key in ("dates", "action_points"):
        for item in out.get(key) or []:
            for field in ("value", "deadline"):
                if field in item:
                    item[field] = _shift(item[field], days)
    return out


def ingest(url: str, base: list[dict], docs: int, seed: int) -> float:
    rng = random.Random(seed)
    store = open_store(url)
    start = time.perf_counter()
    summary = store.ingest_many((replicate(base[n % len(base)], rng, n) for n in range(docs)), batch_size=200)
    elapsed = time.perf_counter() - start
    store.close()
    assert summary.new == docs and not summary.failed, summary
    return docs / elapsed


def pages(base_url: str, rng: random.Random) -> dict:
    with httpx.Client(base_url=base_url, timeout=60) as c:
        programmes = c.get("/programmes", params={"limit": 20}).json()["items"]
        doc_ids = [d["doc_id"] for d in c.get("/documents", params={"limit": 200}).json()["items"]]
        officials = [e["id"] for e in c.get("/officials", params={"limit": 50}).json()["items"]]
    pids = [p["id"] for p in programmes]
    words = ["समीक्षा", "जागरूकता", "बैठक", "निर्देश", "योजना"]
    return {
        "/health (baseline: one tiny query)": lambda: ("/health", {}),
        "/ui/": lambda: ("/ui/", {}),
        "/ui/programmes": lambda: ("/ui/programmes", {}),
        "/ui/programmes/{id}": lambda: (f"/ui/programmes/{rng.choice(pids)}", {}),
        "/ui/action-points": lambda: ("/ui/action-points", {}),
        "/ui/action-points?overdue&programme": lambda: ("/ui/action-points", {"overdue": "true",
                                                                              "programme": str(rng.choice(pids))}),
        "/ui/action-points?due_after&due_before": lambda: ("/ui/action-points", {"due_after": "2025-01-01",
                                                                                 "due_before": "2025-04-01"}),
        "/ui/documents": lambda: ("/ui/documents", {}),
        "/ui/documents?q&from": lambda: ("/ui/documents", {"q": rng.choice(words), "from": "2025-01"}),
        "/ui/documents?programme": lambda: ("/ui/documents", {"programme": str(rng.choice(pids))}),
        "/ui/documents/{id}": lambda: (f"/ui/documents/{rng.choice(doc_ids)}", {}),
        "/ui/entities/{id}": lambda: (f"/ui/entities/{rng.choice(officials + pids)}", {}),
        "/ui/search?q=": lambda: ("/ui/search", {"q": rng.choice(words + ["Mission", "शर्मा"])}),
        "/documents (JSON)?agency": lambda: ("/documents", {"agency": "मंत्रालय"}),
    }


def measure(base_url: str, make, requests: int, concurrency: int) -> dict:
    server, client, lock, failures = [], [], threading.Lock(), []
    per_thread = max(1, requests // concurrency)

    def worker():
        with httpx.Client(base_url=base_url, timeout=120) as c:
            for _ in range(per_thread):
                path, params = make()
                t = time.perf_counter()
                r = c.get(path, params=params)
                dt = (time.perf_counter() - t) * 1000
                timing = re.search(r"app;dur=([\d.]+)", r.headers.get("server-timing", ""))
                with lock:
                    client.append(dt)
                    if timing:
                        server.append(float(timing.group(1)))
                    if r.status_code != 200:
                        failures.append((path, params, r.status_code, r.text[:200]))

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise RuntimeError(f"requests failed: {failures[:3]}")
    return {"server": _p50_p95(server), "client": _p50_p95(client)}


def _p50_p95(values: list[float]) -> tuple[float, float] | None:
    if not values:
        return None
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, int(len(values) * 0.95))]


def run_engine(engine: str, args, base: list[dict], tmp: Path) -> dict:
    schema, url = None, f"sqlite:///{tmp / 'bench_ui.db'}"
    if engine == "postgres":
        schema, url = pg_schema_url()
    try:
        result = {"ingest": ingest(url, base, args.docs, args.seed)}
        proc, base_url = start_server(url, workers=None, cache=False)  # server time of the page itself, not of the cache
        try:
            rng = random.Random(args.seed)
            for name, make in pages(base_url, rng).items():
                measure(base_url, make, args.concurrency, args.concurrency)  # warm-up
                result[name] = measure(base_url, make, args.requests, args.concurrency)
        finally:
            proc.terminate()
            proc.wait(10)
        return result
    finally:
        if schema and not args.keep:
            drop_schema(schema)


def _cell(pair) -> str:
    return f"{pair[0]:9.1f}{pair[1]:9.1f}" if pair else f"{'-':>9}{'-':>9}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL bench schema")
    args = parser.parse_args()
    engines = args.engines.split(",")
    base = real_records()
    with tempfile.TemporaryDirectory() as tmp:
        results = {e: run_engine(e, args, base, Path(tmp)) for e in engines}
    print(f"\n{args.docs:,} documents (replicated from {len(base)} real records); {args.requests} requests per page "
          f"from {args.concurrency} concurrent clients; `serve` defaults (a worker per core), response cache off; {os.cpu_count()} CPU cores "
          "shared by all")
    head = "".join(f"{e + ' server p50/p95':>18}{e + ' client p50/p95':>18}" for e in engines)
    print(f"{'page':40}{head}   (ms)")
    worst = 0.0
    for name in [k for k in results[engines[0]] if k != "ingest"]:
        row = ""
        for e in engines:
            r = results[e][name]
            row += _cell(r["server"]) + _cell(r["client"])
            worst = max(worst, r["server"][1] if r["server"] else 0.0)
        print(f"{name:40}{row}")
    print(f"{'ingest (documents/s, bulk)':40}" + "".join(f"{results[e]['ingest']:36.0f}" for e in engines))
    print(f"worst page p95 server time {worst:.1f} ms: {'within' if worst <= FLOOR_MS else 'OVER'} the "
          f"{FLOOR_MS:.0f} ms floor")


if __name__ == "__main__":
    main()
