"""The Dask worker plugin of a LocalCluster this driver started: its workers die with it."""
from __future__ import annotations

import os

from distributed import WorkerPlugin

from .process import prepare_worker


class DieWithDriver(WorkerPlugin):
    """Runs in every worker process, those running now and those started later."""

    name = "extractor-die-with-driver"

    def __init__(self, driver_pid: int) -> None:
        self.driver_pid = driver_pid

    def setup(self, worker) -> None:
        # The driver hosts the nannies, so it is the parent of a local worker process; a worker
        # with another parent is no child of this run's and keeps its own life.
        if os.getppid() == self.driver_pid:
            prepare_worker(self.driver_pid)
