"""The library entry point: inputs in, record/1 dicts out (CLI, API and batch all call this)."""
from __future__ import annotations

import logging
from typing import Iterable, Iterator, Union

from spacy.language import Language

from .acquire.clean import clean
from .document import Document, RawDocument
from .errors import InputError
from .packs import LanguagePack, get_pack
from .pipeline import get_nlp
from .record import build_record

log = logging.getLogger(__name__)
Result = Union[dict, InputError]


def _clean_all(items: Iterable[RawDocument | InputError], pack: LanguagePack) -> Iterator[Document | InputError]:
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield clean(item, pack)
        except InputError as exc:
            yield exc


def extract_documents(items: Iterable[RawDocument | InputError], nlp: Language | None = None,
                      batch_size: int = 32) -> Iterator[Result]:
    """Yield one record (or the InputError for that input) per item, in input order."""
    nlp = nlp or get_nlp()
    cleaned = _clean_all(items, get_pack(nlp.lang))  # cleaned as the pipeline's language reads

    def docs():
        for item in cleaned:
            doc = nlp.make_doc("" if isinstance(item, InputError) else item.text)
            if not isinstance(item, InputError):
                doc._.published = item.published
            yield doc, item

    failures: list[InputError] = []

    def on_error(stage, _proc, failed_docs, exc):  # spaCy drops the doc; we report it
        for failed in failed_docs:
            item = getattr(failed, "_context", None)
            name = item.source.get("path") or item.source.get("url") or item.doc_id if item else "?"
            log.error("%s: %s failed: %r", name, stage, exc)
            failures.append(InputError(name, stage, f"internal error: {exc!r}",
                                       "Please report this with the input document."))

    nlp.set_error_handler(on_error)
    for doc, item in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        while failures:
            yield failures.pop(0)
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield build_record(item, doc)
        except Exception as exc:  # a bug must name the document, not kill the batch
            log.exception("record for %s failed", item.source.get("path") or item.doc_id)
            yield InputError(item.source.get("path") or item.doc_id, "record", f"internal error: {exc!r}",
                             "Please report this with the input document.")
    yield from failures


def extract_text(text: str, *, title: str | None = None, published: str | None = None,
                 path: str | None = None, url: str | None = None, publisher: str | None = None,
                 html: str | None = None, nlp: Language | None = None) -> dict:
    """Extract one document given as text or HTML; raise InputError when it cannot be processed."""
    meta = {k: v for k, v in {"title": title, "published": published, "path": path,
                              "publisher": publisher}.items() if v}
    raw = RawDocument(name=path or url or "<text>", text=None if html else text, html=html,
                      path=path, url=url, meta=meta)
    result = next(extract_documents([raw], nlp=nlp))
    if isinstance(result, InputError):
        raise result
    return result
