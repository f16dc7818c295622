"""The local pool's start method: workers forked from a fork server that built the pipeline once.

Spawned workers each start an interpreter, import spaCy and build the pipeline (about 2 s, on
every core at once, before the first document). A fork server does that once (`warm.py`) and
forks ready workers; started as the command starts, it builds while the driver is still
importing its own modules. Never forked from the driver itself: it may hold threads (tqdm,
sqlite) that fork would copy mid-state; the server holds none. Where the platform has no fork
server (Windows), workers are spawned.

Imports nothing heavy: the command calls `start_server` before it loads the runner.
"""
from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import BaseContext

WARM_LANGUAGE = "EXTRACTOR_WARM_LANGUAGE"  # read by warm.py in the server: "" = the default pack


def pool_context(language: str | None = None) -> BaseContext:
    """The context for the pool's processes (the same server for every pool of this process)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    os.environ.setdefault(WARM_LANGUAGE, language or "")  # the server inherits it when it starts
    context.set_forkserver_preload([f"{__package__}.warm"])
    return context


def start_server(language: str | None = None) -> None:
    """Start the fork server now (it warms up in the background); a no-op without one."""
    if pool_context(language).get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
