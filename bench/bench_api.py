"""Benchmark the knowledge store and API: bulk ingest rate, then latency and throughput under load.

    .venv/bin/python bench/bench_api.py --clients 50       # 10,000 documents, SQLite and PostgreSQL
    .venv/bin/python bench/bench_api.py --docs 200 --requests 40   # smoke test

For each engine: generate N synthetic record/1 documents (realistic shape: 6-10 sentences,
officials written with varying honorifics, nukta, nasal spellings and Latin transliterations,
agencies with canonical forms, places, programmes, dates, decisions and action points), ingest
them with Store.ingest_many, then for each server setup start `python -m extractor serve` in
its own process and load each endpoint from --clients concurrent connections: with `wrk` (a
C load generator in its own process, Debian's package `wrk`; the default when it is on PATH)
for --seconds per endpoint, cycling through 1,000 request paths drawn as below, or with
--load httpx, --requests requests from --clients Python client threads (which share the GIL
and the 2 cores, so their own waiting is counted in the latency). The setups, on the same database in the same run:
  served   --workers N (default: cores) with the response cache: how the API is served now
  uncached --workers N with EXTRACTOR_API_CACHE_ENTRIES=0: every request reaches the database
  single   --workers 1, no cache: one process as before issue 17 (the store queries are today's)
Prints p50/p99 latency (ms) and requests/s per endpoint, per engine and setup, side by side,
and ingest documents per second.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import shutil
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import httpx
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from extractor.kinds import BY_KEY, KINDS  # noqa: E402
from extractor.store import open_store  # noqa: E402

PG_URL = os.environ.get("EXTRACTOR_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
GIVEN = [("संजीव", "Sanjeev"), ("अरविंद", "Arvind"), ("ज़ाकिर", "Zakir"), ("हिमांशु", "Himanshu"),
         ("रमेश", "Ramesh"), ("सुनीता", "Sunita"), ("अंकिता", "Ankita"), ("विवेक", "Vivek"),
         ("नीरज", "Neeraj"), ("प्रियंका", "Priyanka"), ("राजेंद्र", "Rajendra"), ("कैलाश", "Kailash"),
         ("दीपक", "Deepak"), ("पूजा", "Pooja"), ("अमित", "Amit"), ("मनोज", "Manoj")]
FAMILY = [("शुक्ला", "Shukla"), ("शर्मा", "Sharma"), ("त्रिपाठी", "Tripathi"), ("सिंह", "Singh"),
          ("वर्मा", "Verma"), ("मिश्रा", "Mishra"), ("यादव", "Yadav"), ("चौधरी", "Chaudhary"),
          ("पांडेय", "Pandey"), ("श्रीवास्तव", "Srivastava"), ("हुसैन", "Hussain"), ("गुप्ता", "Gupta")]
VARIANTS = {"ज़": "ज", "ं": "ँ", "अरविंद": "अरविन्द", "हिमांशु": "हिमाँशु"}
POSTS = ["पुलिस अधीक्षक", "जिलाधिकारी", "पुलिस महानिरीक्षक", "मुख्य चिकित्सा अधिकारी", "उप जिलाधिकारी",
         "अपर पुलिस अधीक्षक", "जिला कार्यक्रम अधिकारी", "अधिशासी अभियंता"]
AGENCIES = [("यूनिसेफ", "UNICEF"), ("बाल कल्याण समिति", None), ("चाइल्ड लाइन 1098", "Childline 1098"),
            ("सिंचाई विभाग", None), ("स्वास्थ्य विभाग", None), ("एनडीआरएफ", "NDRF"), ("महिला आयोग", None)]
PLACES = ["बिलासपुर", "रायपुर", "दुर्ग", "गोरखपुर", "लखनऊ", "वाराणसी", "पटना", "भोपाल", "इंदौर", "जयपुर",
          "कानपुर", "प्रयागराज", "रांची", "देहरादून", "गुवाहाटी", "अजमेर"]
PROGRAMMES = ["मिशन शक्ति", "ऑपरेशन मुस्कान", "पोषण अभियान", "बेटी बचाओ बेटी पढ़ाओ", "स्वच्छ भारत मिशन",
              "हम होंगे कामयाब", "नो चाइल्ड लेबर अभियान", "सृजन"]
FILLER = ["बैठक में सभी विभागों के अधिकारी उपस्थित रहे।", "जागरूकता रैली निकाली गई और लोगों को जानकारी दी गई।",
          "हेल्पलाइन नंबर का प्रचार किया जाएगा।", "शिकायतों के निस्तारण की समीक्षा की गई।",
          "ग्रामीण क्षेत्रों में शिविर लगाए गए।", "स्कूलों में कार्यशालाएँ आयोजित की गईं।"]
MONTHS = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितम्बर", "अक्टूबर", "नवंबर", "दिसंबर"]


def spelling(rng: random.Random, given: tuple, family: tuple) -> str:
    if rng.random() < 0.15:
        return f"{given[1]} {family[1]}"
    name = f"{given[0]} {family[0]}"
    for a, b in VARIANTS.items():
        if a in name and rng.random() < 0.4:
            name = name.replace(a, b)
    return name


class Builder:
    """Appends sentences to a record and records items with spans into its text."""

    def __init__(self, doc_id: str, published: str, title: str):
        self.text, self.sentences = "", []
        self.record = {"schema": "record/1", "doc_id": doc_id, "language": "hi", "title": title,
                       "published": published, "source": {"path": None, "url": None, "publisher": "बेंच समाचार",
                                                          "fetched_at": None},
                       **{kind.key: [] for kind in KINDS}}

    def sentence(self, s: str, *items: tuple) -> None:
        start = len(self.text) + (1 if self.text else 0)
        self.text += (" " if self.text else "") + s
        self.sentences.append([start, start + len(s)])
        for kind, quote_, fields in items:
            at = start + s.index(quote_)
            key = BY_KEY[kind].surface
            self.record[kind].append({key: quote_, **fields, "span": [at, at + len(quote_)],
                                      "sentence": len(self.sentences) - 1})

    def done(self) -> dict:
        self.record.update(text=self.text, sentences=self.sentences)
        return self.record


def synthetic_record(rng: random.Random, n: int) -> dict:
    day = rng.randrange(1, 29)
    month = rng.randrange(1, 13)
    published = f"{rng.choice((2023, 2024, 2025))}-{month:02d}-{day:02d}"
    place, programme = rng.choice(PLACES), rng.choice(PROGRAMMES)
    agency, canonical = rng.choice(AGENCIES)
    b = Builder(uuid.UUID(int=rng.getrandbits(128)).hex[:16], published, f"{place}: {programme} की समीक्षा #{n}")
    b.sentence(f"{place}। {programme} के तहत {agency} के साथ समीक्षा बैठक हुई।",
               ("places", place, {}), ("programmes", programme, {"kind": "campaign"}),
               ("agencies", agency, {"canonical": canonical}))
    for _ in range(rng.randrange(1, 4)):
        post, name = rng.choice(POSTS), spelling(rng, rng.choice(GIVEN), rng.choice(FAMILY))
        honorific = rng.choice(["डॉ.", "श्री", None, None])
        b.sentence(f"{post} {honorific or ''} {name} ने कार्यक्रम की जानकारी दी।".replace("  ", " "),
                   ("officials", name, {"honorific": honorific, "designation": post, "agency": agency}))
    due_day, due_month = rng.randrange(1, 29), rng.randrange(1, 13)
    due = f"{due_day} {MONTHS[due_month - 1]}"
    action = f"{due} तक सभी थानों में डेस्क बनाई जाएगी"
    b.sentence(f"{rng.choice(POSTS)} ने निर्देश दिए कि {action}।",
               ("decisions", f"निर्देश दिए कि {action}", {"by": rng.choice(POSTS)}),
               ("action_points", action, {"owner": "थाना प्रभारी", "deadline": f"{published[:4]}-{due_month:02d}-{due_day:02d}"}),
               ("dates", due, {"value": f"{published[:4]}-{due_month:02d}-{due_day:02d}", "role": "deadline"}))
    for _ in range(rng.randrange(3, 7)):
        b.sentence(rng.choice(FILLER))
    return b.done()


def pg_schema_url() -> tuple[str, str]:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return schema, f"{PG_URL}?options={quote(f'-csearch_path={schema}')}"


def drop_schema(schema: str) -> None:
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def ingest(url: str, docs: int, seed: int) -> float:
    rng = random.Random(seed)
    store = open_store(url)
    start = time.perf_counter()
    summary = store.ingest_many((synthetic_record(rng, n) for n in range(docs)), batch_size=200)
    elapsed = time.perf_counter() - start
    store.close()
    assert summary.new == docs and not summary.failed, summary
    return docs / elapsed


SETUPS = {"served": (None, True), "uncached": (None, False), "single": (1, False)}  # workers, cache


def start_server(url: str, workers: int | None, cache: bool) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "EXTRACTOR_API_CACHE_ENTRIES": "2048" if cache else "0"}
    command = [sys.executable, "-m", "extractor", "serve", "--db", url, "--port", str(port)]
    proc = subprocess.Popen(command + (["--workers", str(workers)] if workers else []), cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    stop_server(proc)
    raise RuntimeError("the API server did not start")


def stop_server(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)  # uvicorn's supervisor and its workers
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


def endpoints(base: str, rng: random.Random) -> dict:
    with httpx.Client(base_url=base) as c:
        programme = c.get("/programmes", params={"q": "मिशन शक्ति"}).json()["items"][0]["id"]
    return {
        "/officials": lambda: ("/officials", {}),
        "/officials?q=": lambda: ("/officials", {"q": rng.choice(GIVEN + FAMILY)[rng.randrange(2)]}),
        "/officials?from&to&place": lambda: ("/officials", {"from": "2024-01", "to": "2024-06",
                                                             "place": rng.choice(PLACES)}),
        "/agencies": lambda: ("/agencies", {}),
        "/programmes": lambda: ("/programmes", {}),
        "/places?q=": lambda: ("/places", {"q": rng.choice(PLACES)}),
        "/programmes/{id}/timeline": lambda: (f"/programmes/{programme}/timeline", {"limit": 50}),
        "/action-points?due_before&owner": lambda: ("/action-points", {"due_before": "2024-06-01",
                                                                       "owner": "थाना प्रभारी"}),
        "/search?q=": lambda: ("/search", {"q": rng.choice(FILLER).split()[rng.randrange(3)]}),
    }


def measure(base: str, make, requests: int, concurrency: int) -> tuple[float, float, float]:
    """(p50 ms, p99 ms, requests per second) of `requests` requests from `concurrency` clients."""
    latencies, lock, failures = [], threading.Lock(), []
    per_thread = max(1, requests // concurrency)

    def worker():
        with httpx.Client(base_url=base, timeout=60) as c:
            for _ in range(per_thread):
                path, params = make()
                t = time.perf_counter()
                r = c.get(path, params=params)
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    latencies.append(dt)
                    if r.status_code != 200:
                        failures.append((path, r.status_code, r.text[:200]))

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    if failures:
        raise RuntimeError(f"requests failed: {failures[:3]}")
    latencies.sort()
    return (statistics.median(latencies), latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
            len(latencies) / elapsed)


# wrk's Lua side: cycle through the request paths in WRK_PATHS, print the latency percentiles
# (microseconds), the number of requests and the errors (non-2xx/3xx statuses, sockets).
WRK_SCRIPT = """
local paths, n = {}, 0
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\\n", latency:percentile(50), latency:percentile(99),
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def measure_wrk(base: str, make, seconds: float, concurrency: int, tmp: Path) -> tuple[float, float, float]:
    """(p50 ms, p99 ms, requests per second) from `wrk` with `concurrency` connections."""
    paths = []
    for _ in range(1000):
        path, params = make()
        paths.append(str(httpx.URL(path, params=params)))
    (tmp / "paths.txt").write_text("\n".join(paths) + "\n", encoding="utf-8")
    (tmp / "cycle.lua").write_text(WRK_SCRIPT, encoding="utf-8")
    command = ["wrk", "-t", "2", "-c", str(concurrency), "-d", f"{max(1, round(seconds))}s", "--timeout", "30s",
               "-s", str(tmp / "cycle.lua"), base]
    out = subprocess.run(command, env={**os.environ, "WRK_PATHS": str(tmp / "paths.txt")},
                         capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    p50, p99, count, duration, errors = map(int, line.split()[1:])
    if errors:
        raise RuntimeError(f"wrk: {errors} of {count} requests failed on {paths[0]}:\n{out}")
    return p50 / 1000, p99 / 1000, count / (duration / 1e6)


def run_engine(engine: str, args, tmp: Path) -> dict:
    schema = None
    url = f"sqlite:///{tmp / 'bench.db'}" if engine == "sqlite" else None
    if engine == "postgres":
        schema, url = pg_schema_url()
    try:
        result = {"ingest": ingest(url, args.docs, args.seed)}
        for setup in args.setups:
            proc, base = start_server(url, *SETUPS[setup])
            try:
                rng = random.Random(args.seed)  # the same requests for every setup
                for name, make in endpoints(base, rng).items():
                    if args.load == "wrk":
                        measure_wrk(base, make, 1, args.clients, tmp)  # warm-up
                        result[(setup, name)] = measure_wrk(base, make, args.seconds, args.clients, tmp)
                    else:
                        measure(base, make, args.clients, args.clients)  # warm-up
                        result[(setup, name)] = measure(base, make, args.requests, args.clients)
            finally:
                stop_server(proc)
        return result
    finally:
        if schema and not args.keep:
            drop_schema(schema)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--load", choices=("wrk", "httpx"), default="wrk" if shutil.which("wrk") else "httpx",
                        help="load generator (default wrk when installed)")
    parser.add_argument("--seconds", type=int, default=5, help="wrk: seconds per endpoint")
    parser.add_argument("--requests", type=int, default=1000, help="httpx: requests per endpoint")
    parser.add_argument("--clients", "--concurrency", type=int, default=50, help="concurrent clients")
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--setups", default=",".join(SETUPS), help="server setups to compare (see above)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL bench schema")
    args = parser.parse_args()
    args.setups = args.setups.split(",")
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        results = {e: run_engine(e, args, Path(tmp)) for e in engines}
    load = (f"wrk, {args.seconds:g} s per endpoint" if args.load == "wrk"
            else f"httpx threads, {args.requests} requests per endpoint")
    print(f"\n{args.docs:,} documents; {load}, {args.clients} concurrent "
          f"clients; served/uncached: --workers {os.cpu_count()}, single: --workers 1; {os.cpu_count()} CPU cores "
          "shared by clients, server and database")
    columns = [(e, s) for e in engines for s in args.setups]
    names = [k[1] for k in results[engines[0]] if k != "ingest" and k[0] == args.setups[0]]
    for title, index, fmt in (("p50 ms", 0, "{:>18.1f}"), ("p99 ms", 1, "{:>18.1f}"), ("requests/s", 2, "{:>18.0f}")):
        print(f"\n{title:36}" + "".join(f"{e[:6] + ' ' + s:>18}" for e, s in columns))
        for name in names:
            print(f"{name:36}" + "".join(fmt.format(results[e][(s, name)][index]) for e, s in columns))
    print(f"\n{'ingest (documents/s, bulk)':36}" + "".join(f"{results[e]['ingest']:>18.0f}" for e in engines))


if __name__ == "__main__":
    main()
