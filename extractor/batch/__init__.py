"""Batch runs at scale: all cores or a Dask cluster, resumable, with near-duplicate clustering.

    from extractor.batch import run_batch
    summary = run_batch(["corpus/"], out="runs/2024-06", workers=4)

The CLI (`python -m extractor batch`) is a thin layer over `run_batch`.
"""
from .errors import BatchUsageError
from .summary import Summary

__all__ = ["BatchUsageError", "Summary", "run_batch"]


def __getattr__(name: str):
    # The runner (tqdm, MinHash LSH, numpy) on first use: a worker process unpickling
    # extractor.batch.job must reach its thread limits before numpy loads.
    if name == "run_batch":
        from .runner import run_batch

        return run_batch
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
