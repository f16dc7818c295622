"""Batch worker processes: one BLAS thread each, and none left alive after `kill -9` of the driver."""
from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil
import pytest

from extractor.batch.job import init_worker
from extractor.batch.process import THREAD_LIMITS, prepare_worker
from test_batch_corpus import article

ROOT = Path(__file__).resolve().parent.parent


def _numeric_threads() -> tuple[dict, list[dict]]:
    """In the worker: its thread variables and the pools numpy's libraries report."""
    import numpy  # noqa: F401  (loads OpenBLAS)
    from threadpoolctl import threadpool_info

    return {k: os.environ.get(k) for k in THREAD_LIMITS}, threadpool_info()


def test_a_pool_worker_runs_one_blas_thread():
    env = {k: os.environ.pop(k) for k in THREAD_LIMITS if k in os.environ}  # as a user's shell has it
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker,
                                 initargs=(os.getpid(),)) as pool:
            variables, pools = pool.submit(_numeric_threads).result(timeout=120)
    finally:
        os.environ.update(env)
    assert set(variables.values()) == {"1"}
    assert pools and all(p["num_threads"] == 1 for p in pools), pools


def test_a_users_thread_setting_wins(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=prepare_worker,
                             initargs=(os.getpid(),)) as pool:
        variables, _ = pool.submit(_numeric_threads).result(timeout=60)
    assert variables["OPENBLAS_NUM_THREADS"] == "2" and variables["OMP_NUM_THREADS"] == "1"


def _workers(driver: psutil.Process) -> list[psutil.Process]:
    try:
        return [p for p in driver.children(recursive=True) if "python" in p.name().lower()]
    except psutil.NoSuchProcess:
        return []


def _alive(procs: list[psutil.Process]) -> list[psutil.Process]:
    return [p for p in procs if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


@pytest.mark.parametrize("engine", ["local", pytest.param("dask", marks=pytest.mark.slow)])
def test_no_worker_outlives_a_killed_driver(tmp_path, engine):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1000):  # far more than the workers finish before the kill
        (corpus / f"doc_{i:03d}.txt").write_text(article(500 + i), encoding="utf-8")
    # Its own session, so the driver's death does not take the test's process group with it,
    # and stdout to a file: no pipe whose closing would end the workers for us.
    with (tmp_path / "log").open("w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "extractor", "batch", str(corpus), "--out", str(tmp_path / "out"),
                                 "--workers", "2", "--engine", engine], cwd=ROOT, stdout=log, stderr=log,
                                start_new_session=True)
    driver, workers = psutil.Process(proc.pid), []
    try:
        # Killed mid-run: once the first records are written, every worker is set up and busy.
        records, deadline = tmp_path / "out" / "records.jsonl", time.monotonic() + 180
        while not (records.exists() and records.stat().st_size) and time.monotonic() < deadline \
                and proc.poll() is None:
            time.sleep(0.1)
        workers = _workers(driver)
        assert len(workers) >= 2 and proc.poll() is None, (tmp_path / "log").read_text()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        time.sleep(5)
        assert _alive(workers) == [], f"alive after kill -9 of the driver: {[p.pid for p in _alive(workers)]}"
    finally:  # a failed run leaves nothing behind either
        if proc.poll() is None:
            proc.kill()
        for p in _alive(workers):
            p.kill()


def _origin() -> dict:
    """In the worker: who forked it, and whether it started with the pipeline built."""
    import sys as worker_sys

    import psutil as worker_psutil

    parent = worker_psutil.Process(os.getppid())
    return {"parent": parent.pid, "grandparent": parent.ppid(),
            "warm": "extractor.batch.warm" in worker_sys.modules}


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here")
def test_pool_workers_fork_from_the_warm_server():
    from extractor.batch.pool import pool_context

    with ProcessPoolExecutor(2, mp_context=pool_context(), initializer=init_worker,
                             initargs=(os.getpid(),)) as pool:
        origins = [pool.submit(_origin).result(timeout=120) for _ in range(2)]
    # forked by the server (this process's child) after it built the pipeline, not spawned by us
    assert all(o["parent"] != os.getpid() and o["grandparent"] == os.getpid() and o["warm"] for o in origins), origins


@pytest.mark.parametrize("driver, code", [("os.getppid()", 0), ("2 ** 22 + 7", 1)])
def test_a_worker_whose_driver_is_gone_exits(driver, code):
    # 2**22 + 7 is above Linux's largest pid: a driver that is not this process's parent or grandparent
    run = subprocess.run([sys.executable, "-c", "import os; from extractor.batch.process import pool_parent; "
                          f"pool_parent({driver})"], cwd=ROOT, timeout=60)
    assert run.returncode == code
