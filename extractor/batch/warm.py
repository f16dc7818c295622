"""Imported once by the local pool's fork server, before it forks any worker.

Every worker would otherwise start a fresh interpreter, import spaCy and build the pipeline
itself (about 2 s each, on every core at once); forked from a server that did it once, a worker
starts with the pipeline built. The server is started by the driver, so it is the driver's
child: it dies with it (PR_SET_PDEATHSIG), and so do the workers it forked (theirs is set in
`init_worker`). The thread limits go first: numpy must load with them.
"""
from __future__ import annotations

import gc
import logging
import os

from .pool import WARM_LANGUAGE
from .process import die_with_parent, limit_threads

die_with_parent(os.getppid())
limit_threads()
try:
    from . import work  # noqa: F401  what run_chunk imports (MinHash: datasketch, scipy: 0.3 s)
    from ..pipeline import get_nlp

    get_nlp(os.environ.get(WARM_LANGUAGE) or "hi")  # "hi": the default pack, as get_nlp()
except Exception:  # noqa: BLE001  a worker builds its own pipeline, and reports what is wrong
    logging.getLogger(__name__).exception("fork server: building the pipeline failed; workers build their own")
# The built pipeline goes to the permanent generation: the collector in a forked worker then never
# writes to its objects' headers, so their pages stay shared instead of being copied page by page.
gc.freeze()
