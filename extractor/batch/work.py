"""What a worker does with one chunk of tasks: load, clean, extract, sign; the same on every engine.

`process_chunk` is a plain picklable function, so a local process pool and a Dask cluster run
the very same code; each worker process builds the spaCy pipeline once (`get_nlp` is cached
per process) and reuses it for every chunk it is given.
"""
from __future__ import annotations

import json
import logging
import threading

from ..errors import InputError
from ..extract import extract_documents
from ..packs import available_languages, get_pack
from ..pipeline import get_nlp
from ..provenance import KEYS as PROVENANCE
from .dedup import signature
from .inputs import Task, load
from .job import Options

log = logging.getLogger(__name__)
# A Dask worker may run several tasks in threads; one pipeline per process is not shared.
_PIPELINE_LOCK = threading.Lock()
# spaCy's StringStore keeps every new string it meets (numbers, names): about 1.3 strings per
# news document. A fresh pipeline every so many documents keeps a worker's memory flat over
# millions of documents, at the cost of one pipeline build (~1-2 s). nlp.memory_zone() would
# do it without a rebuild but is only safe when every component cooperates with it.
RECYCLE_AFTER = 100_000
_done_by_this_pipeline = 0


def _recycle_pipeline(count: int) -> None:
    global _done_by_this_pipeline
    _done_by_this_pipeline += count
    if _done_by_this_pipeline >= RECYCLE_AFTER:
        log.info("rebuilding the pipeline after %d documents (frees its string store)", _done_by_this_pipeline)
        get_nlp.cache_clear()
        _done_by_this_pipeline = 0


def _extract(items: list, batch_size: int, language: str | None = None) -> list:
    _recycle_pipeline(len(items))
    try:  # each document by its language's pipeline (get_nlp keeps one per language)
        return list(extract_documents(items, batch_size=batch_size, language=language))
    except Exception:  # a component crashed inside nlp.pipe: find the document, spare the others
        log.exception("a batch of %d documents failed; retrying them one by one", len(items))
        return [_extract_one(item, language) for item in items]


def _extract_one(item, language: str | None = None):
    try:
        return next(extract_documents([item], language=language))
    except Exception as exc:
        name = item.source if isinstance(item, InputError) else item.name
        return InputError(name, "pipeline", f"internal error: {exc!r}",
                          "Please report this with the input document.")


def _outcome(task: Task, result, options: Options) -> dict:
    if isinstance(result, InputError):
        error = result.as_dict()
        return {"seq": task.seq, "key": task.key, "error": error}
    # words are split as the record's language writes them
    pack = get_pack(result["language"] if result["language"] in available_languages() else get_pack().lang)
    return {"seq": task.seq, "key": task.key, "doc_id": result["doc_id"],
            "models": {k: result[k] for k in PROVENANCE},
            "line": json.dumps(result, ensure_ascii=False),  # serialised here, off the driver
            "sig": signature(result["text"], result.get("title"), options.num_perm, pack=pack)}


def process_chunk(tasks: list[Task], options: Options = Options()) -> list[dict]:
    """One outcome per task, in task order: {seq, key, doc_id, line, sig} or {seq, key, error}."""
    items = [load(task) for task in tasks]
    with _PIPELINE_LOCK:
        results = _extract(items, options.batch_size, options.language)
    return [_outcome(task, result, options) for task, result in zip(tasks, results)]
