"""Benchmark batch runs: documents/s on 1 worker, all cores and a Dask LocalCluster, peak memory.

    .venv/bin/python bench/bench_batch.py [--docs 1000] [--corpus DIR] [--workers N] [--no-dask] [--blas-threads 2]
    .venv/bin/python bench/bench_batch.py --docs 60      # smoke run

Each configuration is the real command (`python -m extractor batch DIR --out ...`) in its own
process, on the same corpus, so start-up (imports, pipeline build, worker spawn, cluster start)
is included; "first record" shows that fixed cost and "steady docs/s" the rate after it.
Memory is the resident set of the command and all its descendants (workers, the pool's fork
server, Dask nannies), summed and sampled every 0.1 s with psutil; "max proc" is the largest
single process; "PSS" counts a page shared by several processes (workers forked from one
server) once, split between them, so it is the memory the run really holds (sampled every
second). CPU s is
user+system time of the command and every descendant, the last value psutil saw of each
(up to 0.1 s short per process; RUSAGE_CHILDREN would miss the workers, which the fork server,
not the command, waits for); docs per CPU-second shows the cost of parallelism independently of how busy the
machine is.

The corpus (unless --corpus is given): corpus/samples and the shared dev texts once each, the
rest synthetic district press releases (tests/test_batch_corpus.py), every 25th a wire copy of
an earlier one, so near-duplicate detection does its normal amount of work.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_batch_corpus import article, wire_copies  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev"


def make_corpus(folder: Path, n: int) -> int:
    real = sorted((ROOT / "corpus" / "samples").glob("*.txt")) + sorted(DEV.glob("*.txt"))
    for i, path in enumerate(real[:n]):
        shutil.copy(path, folder / f"real_{i:02d}.txt")
    for i in range(max(0, n - len(real))):
        text = wire_copies(i - 10)[1 + i % 2] if i % 25 == 24 else article(10_000 + i)
        (folder / f"doc_{i:05d}.txt").write_text(text, encoding="utf-8")
    return n


def _tree_sample(proc: psutil.Process, cpu: dict[int, float], with_pss: bool) -> tuple[int, int, int]:
    """RSS summed, the largest RSS, PSS summed (0 unless `with_pss`); updates each process's CPU
    seconds in `cpu`."""
    total = biggest = pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            with p.oneshot():
                rss, times = p.memory_info().rss, p.cpu_times()
                if with_pss:  # reads smaps: costly, so once a second (the run competes for the CPU)
                    pss += getattr(p.memory_full_info(), "pss", rss)  # no PSS off Linux: RSS
        except psutil.Error:
            continue
        cpu[p.pid] = times.user + times.system
        total, biggest = total + rss, max(biggest, rss)
    return total, biggest, pss


def run_config(corpus: Path, out: Path, extra: list[str], env: dict | None = None) -> dict:
    """Run the command once; wall time, time to the first record, peak memory."""
    cmd = [sys.executable, "-m", "extractor", "batch", str(corpus), "--out", str(out), "--no-progress", *extra]
    start = time.monotonic()
    proc = psutil.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                        env={**os.environ, **(env or {})})
    first = None
    peak_total = peak_one = peak_pss = 0
    cpu: dict[int, float] = {}
    records = out / "records.jsonl"
    samples = 0
    while proc.poll() is None:
        total, one, pss = _tree_sample(proc, cpu, with_pss=samples % 10 == 0)
        samples += 1
        peak_total, peak_one, peak_pss = max(peak_total, total), max(peak_one, one), max(peak_pss, pss)
        if first is None and records.exists() and records.stat().st_size:
            first = time.monotonic() - start
        time.sleep(0.1)
    wall = time.monotonic() - start
    err = proc.stderr.read()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return {"wall": wall, "first": first or wall, "cpu": sum(cpu.values()), "peak_total": peak_total,
            "peak_one": peak_one, "peak_pss": peak_pss, "records": sum(1 for _ in records.open(encoding="utf-8"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents to generate (default 1000)")
    parser.add_argument("--corpus", type=Path, help="use this folder instead of generating one")
    parser.add_argument("--workers", type=int, default=os.cpu_count(), help="'all cores' (default: cpu_count)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    parser.add_argument("--blas-threads", type=int, default=0, metavar="N",
                        help="also run all cores with N BLAS/OpenMP threads per worker (the workers' own "
                             "limit is 1; N = the core count is what numpy does by itself)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        tmp = Path(tmp)
        corpus = args.corpus
        if corpus is None:
            corpus = tmp / "corpus"
            corpus.mkdir()
            make_corpus(corpus, args.docs)
        n = sum(1 for p in corpus.rglob("*") if p.is_file())
        configs = [("1 worker", ["--workers", "1"], {}),
                   (f"all cores ({args.workers})", ["--workers", str(args.workers)], {})]
        if not args.no_dask:
            configs.append((f"dask LocalCluster ({args.workers})",
                            ["--engine", "dask", "--workers", str(args.workers)], {}))
        if args.blas_threads:
            threads = {k: str(args.blas_threads) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
            configs.append((f"all cores, {args.blas_threads} BLAS thr.", ["--workers", str(args.workers)], threads))
        results = {}
        for name, extra, env in configs:
            results[name] = run_config(corpus, tmp / f"out{len(results)}", [*extra, "--batch-size", str(args.batch_size)],
                                       env)
            print(f"  done: {name}", file=sys.stderr)
        print_table(n, results)


def print_table(n: int, results: dict) -> None:
    mb = 1024 * 1024
    print(f"\n{n} documents, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end\n")
    print(f"| {'configuration':<26} | wall s | first record s | docs/s | steady docs/s | CPU s | docs/CPU-s "
          "| peak RSS MB (max proc) | peak PSS MB |")
    print(f"|{'-' * 28}|--------|----------------|--------|---------------|-------|------------|------------------------|-------------|")
    rates = {}
    for name, r in results.items():
        rates[name] = n / r["wall"]
        steady = (n - 1) / max(r["wall"] - r["first"], 1e-9)
        print(f"| {name:<26} | {r['wall']:6.1f} | {r['first']:14.1f} | {rates[name]:6.1f} | {steady:13.1f} "
              f"| {r['cpu']:5.0f} | {n / r['cpu']:10.1f} | {r['peak_total'] / mb:8.0f} ({r['peak_one'] / mb:4.0f})          | {r['peak_pss'] / mb:11.0f} |")
    names = list(results)
    print(f"\nscaling, all cores / 1 worker: {rates[names[1]] / rates[names[0]]:.2f}x (docs/s, start-up included)")
    for name in names[2:]:
        print(f"{name} / 1 worker: {rates[name] / rates[names[0]]:.2f}x")
    counts = {r["records"] for r in results.values()}
    print(f"records written: {', '.join(map(str, sorted(counts)))} (one value: every engine wrote the same count)")


if __name__ == "__main__":
    main()
