"""The unit of work a worker runs, importable without spaCy so the driver starts fast.

A process pool or Dask worker unpickles `run_chunk` by name; the heavy modules (spaCy, the
pipeline) are imported there, on first use, not in the driver that only enumerates and writes.
"""
from __future__ import annotations

import signal
from dataclasses import dataclass

from .process import limit_threads, pool_parent, prepare_worker

NUM_PERM = 128  # MinHash permutations (dedup); here so that a worker imports no numpy before its limits


@dataclass(frozen=True)
class Options:
    batch_size: int = 32  # documents per nlp.pipe batch
    num_perm: int = NUM_PERM
    language: str | None = None  # read every document as this language (default: detected)


def run_chunk(tasks: list, options: Options) -> list[dict]:
    limit_threads()  # in a worker process; on someone else's Dask cluster the env comes too late
    from .work import process_chunk

    return process_chunk(tasks, options)


def init_worker(driver_pid: int) -> None:
    """Pool initializer: die with the driver, one BLAS thread; Ctrl-C is the driver's to handle;
    build the pipeline before work arrives (forked from the warm fork server: built already)."""
    prepare_worker(pool_parent(driver_pid))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..pipeline import get_nlp

    get_nlp()
