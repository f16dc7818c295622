"""A batch run killed with SIGKILL mid-way and restarted ends with exactly an uninterrupted run's output."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch import run_batch
from test_batch_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
# Loaded by every Python process of the killed run (driver and spawned workers) through
# PYTHONPATH: slows document loading so the kill lands mid-run on a fast machine.
SLOWDOWN = """
import os, time
if os.environ.get("BATCH_TEST_DELAY"):
    import extractor.batch.work as work
    _load = work.load
    def slow_load(task):
        time.sleep(float(os.environ["BATCH_TEST_DELAY"]))
        return _load(task)
    work.load = slow_load
"""


def _count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _start(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extractor", "batch", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own process group: kill workers too


@pytest.mark.slow
def test_kill_9_and_resume_gives_the_uninterrupted_output(tmp_path):
    corpus, out, hook = tmp_path / "corpus", tmp_path / "out", tmp_path / "hook"
    write_corpus(corpus, n=40)
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SLOWDOWN)
    args = [str(corpus), "--out", str(out), "--workers", "2", "--batch-size", "2", "--commit-every", "0"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), str(ROOT)]), "BATCH_TEST_DELAY": "0.15"}

    run = _start(args, env)
    deadline = time.monotonic() + 120
    while _count_lines(out / "records.jsonl") < 8:  # some documents done: now pull the plug
        assert run.poll() is None, f"the run ended before it could be killed: {run.stderr.read()}"
        assert time.monotonic() < deadline, "no output after 120 s"
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL
    assert not (out / "manifest.json").exists()
    killed_at = _count_lines(out / "records.jsonl")

    env.pop("BATCH_TEST_DELAY")
    resumed = subprocess.run([sys.executable, "-m", "extractor", "batch", *args], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 1, resumed.stderr  # the corpus holds two bad documents
    done_before = int(resumed.stderr.split("already done")[1].split()[0])
    assert 0 < done_before < 40, resumed.stderr

    reference = tmp_path / "reference"
    run_batch([str(corpus)], reference, workers=1)
    for name in ("records.jsonl", "errors.jsonl", "duplicates.jsonl", "manifest.json"):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), f"{name} differs"
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == len({r["doc_id"] for r in records}) == 38 >= killed_at
