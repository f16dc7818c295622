"""What every worker process does first, on any engine: one thread per numeric library, and
no life after its driver.

Each worker is one process running one pipeline; a second BLAS or OpenMP thread per process only
spins against the other workers (2 workers on 2 cores: 1.20x one worker with OpenBLAS's default,
1.70x with one thread). A worker whose driver was killed (`kill -9`, OOM killer) must not live
on holding its pipeline's memory: on Linux the kernel kills it (PR_SET_PDEATHSIG), elsewhere a
thread watching the parent ends it within a second.

Nothing here imports numpy: the environment must be set before numpy loads its libraries.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time

log = logging.getLogger(__name__)

# Read by OpenBLAS, MKL, OpenMP (and BLIS, numexpr) when they load.
THREAD_LIMITS = {"OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
                 "BLIS_NUM_THREADS": "1", "NUMEXPR_NUM_THREADS": "1", "VECLIB_MAXIMUM_THREADS": "1"}
PR_SET_PDEATHSIG = 1
WATCH_EVERY = 1.0  # seconds between two looks at the parent, where the kernel cannot do it


_limited = False


def limit_threads() -> None:
    """One thread per numeric library in this process (once); a user's explicit setting wins."""
    global _limited
    if _limited:
        return
    for name, value in THREAD_LIMITS.items():
        os.environ.setdefault(name, value)
    if "numpy" in sys.modules:  # loaded already (a Dask worker, an imported plugin): limit it live
        from threadpoolctl import threadpool_limits

        threadpool_limits(int(os.environ["OPENBLAS_NUM_THREADS"]))
    _limited = True


def die_with_parent(parent_pid: int) -> None:
    """End this process when `parent_pid` (the driver that started it) is gone."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
                log.warning("prctl(PR_SET_PDEATHSIG) failed (errno %d): watching the parent instead",
                            ctypes.get_errno())
        except OSError as exc:
            log.warning("no prctl (%s): watching the parent instead", exc)
    if os.getppid() != parent_pid:  # the driver died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="parent-watch", daemon=True).start()


def _watch(parent_pid: int) -> None:
    # The parent died when this process was handed to another (init or a subreaper).
    while os.getppid() == parent_pid:
        time.sleep(WATCH_EVERY)
    os._exit(1)


def pool_parent(driver_pid: int) -> int:
    """The process a pool worker must die with: the driver, or the fork server the driver started
    (then the worker's parent, whose own parent is the driver); exits if neither is alive."""
    parent = os.getppid()
    if parent == driver_pid:
        return parent
    import psutil

    try:
        if psutil.Process(parent).ppid() == driver_pid:
            return parent
    except psutil.Error:
        pass
    os._exit(1)  # the driver is gone already: this worker was handed to init or a subreaper


def prepare_worker(parent_pid: int) -> None:
    """Both, in the order that matters: the watch first (building a pipeline takes seconds)."""
    die_with_parent(parent_pid)
    limit_threads()
