"""Where chunks run: in this process, in a local process pool, or on a Dask cluster.

Every engine takes an iterator of chunks and yields each chunk's outcomes in chunk order, with
a bounded number of chunks in flight or waiting to be written; so memory stays flat whatever
the input size, and the driver's writing, resume and de-duplication logic is shared.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from concurrent.futures import wait as wait_futures
from typing import Callable, Iterable, Iterator

from .errors import BatchUsageError
from .inputs import Task, localise
from .job import Options, init_worker, run_chunk
from .pool import pool_context
from .process import THREAD_LIMITS

log = logging.getLogger(__name__)
Chunk = list[Task]


def ordered_window(chunks: Iterable[Chunk], submit: Callable, wait_some: Callable,
                   result: Callable, limit: int) -> Iterator[list[dict]]:
    """Keep at most `limit` chunks submitted or finished-but-unwritten; yield results in order."""
    pending: dict = {}  # future -> chunk index
    ready: dict[int, list[dict]] = {}
    source, exhausted, following = enumerate(chunks), False, 0
    while True:
        while not exhausted and len(pending) + len(ready) < limit:
            try:
                index, chunk = next(source)
            except StopIteration:
                exhausted = True
                break
            pending[submit(chunk)] = index
        if following in ready:
            yield ready.pop(following)
            following += 1
            continue
        if not pending:
            return
        for future in wait_some(list(pending)):
            ready[pending.pop(future)] = result(future)


def run_inline(chunks: Iterable[Chunk], options: Options) -> Iterator[list[dict]]:
    # Not run_chunk: this is the caller's own process, whose thread settings are the caller's.
    from .work import process_chunk

    for chunk in chunks:
        yield process_chunk(chunk, options)


def run_pool(chunks: Iterable[Chunk], options: Options, workers: int) -> Iterator[list[dict]]:
    pool = ProcessPoolExecutor(workers, mp_context=pool_context(options.language),
                               initializer=init_worker, initargs=(os.getpid(),))
    try:
        yield from ordered_window(
            chunks, submit=lambda chunk: pool.submit(run_chunk, chunk, options),
            wait_some=lambda fs: wait_futures(fs, return_when=FIRST_COMPLETED).done,
            result=lambda f: f.result(), limit=2 * workers + 1)
    except BrokenProcessPool:
        raise RuntimeError("a worker process died (out of memory, or killed); finished documents "
                           "are saved, rerun to resume, with fewer --workers if memory is short") from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _connect(scheduler: str | None, workers: int):
    from distributed import Client, LocalCluster

    if not log.isEnabledFor(logging.INFO):  # a line per worker start and stop is noise without -v
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise BatchUsageError(f"cannot reach the Dask scheduler at {scheduler} ({exc})",
                                  "Check the address (tcp://HOST:PORT) and that the scheduler runs.")
    # Without --scheduler: a cluster on this machine, one single-threaded process per worker,
    # with our thread limits in its environment before it starts and dying with this driver.
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, env={**THREAD_LIMITS, **_user_limits()})
    client = Client(cluster)
    from .dask_worker import DieWithDriver

    client.register_plugin(DieWithDriver(os.getpid()))
    return client, cluster


def _user_limits() -> dict[str, str]:
    """Limits the user set explicitly win over ours, as in the local pool."""
    return {k: os.environ[k] for k in THREAD_LIMITS if os.environ.get(k)}


def run_dask(chunks: Iterable[Chunk], options: Options, workers: int,
             scheduler: str | None) -> Iterator[list[dict]]:
    from distributed import wait as dask_wait

    client, cluster = _connect(scheduler, workers)
    try:
        threads = sum(client.nthreads().values()) or workers
        log.info("dask: %s, %d worker threads", client.scheduler.address, threads)
        yield from ordered_window(
            ([localise(task) for task in chunk] for chunk in chunks),
            submit=lambda chunk: client.submit(run_chunk, chunk, options, pure=False),
            wait_some=lambda fs: dask_wait(fs, return_when="FIRST_COMPLETED").done,
            result=lambda f: f.result(), limit=2 * threads + 1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_chunks(chunks: Iterable[Chunk], options: Options, engine: str, workers: int,
               scheduler: str | None) -> Iterator[list[dict]]:
    if engine == "dask":
        return run_dask(chunks, options, workers, scheduler)
    if workers <= 1:
        return run_inline(chunks, options)  # no pool: one pipeline, in this process
    return run_pool(chunks, options, workers)
