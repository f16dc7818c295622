"""Batch runs at scale: all cores or a Dask cluster, resumable, with near-duplicate clustering.

    from extractor.batch import run_batch
    summary = run_batch(["corpus/"], out="runs/2024-06", workers=4)

The CLI (`python -m extractor batch`) is a thin layer over `run_batch`.
"""
from .errors import BatchUsageError
from .runner import run_batch
from .summary import Summary

__all__ = ["BatchUsageError", "Summary", "run_batch"]
