"""The library entry point: inputs in, record/1 dicts out (CLI, API and batch all call this).

Every record is stamped with its provenance (extractor.provenance): `extractor_version` and
`models_hash`, after the record/1 fields."""
from __future__ import annotations

import logging
from itertools import tee
from typing import Iterable, Iterator, Union

from spacy.language import Language

from .acquire.clean import clean
from .document import Document, RawDocument
from .errors import InputError
from .packs import LanguagePack, get_pack
from .pipeline import get_nlp
from .provenance import of_pipeline
from .record import build_record

log = logging.getLogger(__name__)
Result = Union[dict, InputError]


def _clean_all(items: Iterable[RawDocument | Document | InputError], pack: LanguagePack) -> Iterator[Document | InputError]:
    for item in items:
        if isinstance(item, (InputError, Document)):  # a Document is clean already
            yield item
            continue
        try:
            yield clean(item, pack)
        except InputError as exc:
            yield exc


def extract_documents(items: Iterable[RawDocument | Document | InputError], nlp: Language | None = None,
                      batch_size: int = 32) -> Iterator[Result]:
    """Yield one record (or the InputError for that input) per item, in input order."""
    nlp = nlp or get_nlp()
    provenance = of_pipeline(nlp)
    cleaned = _clean_all(items, get_pack(nlp.lang))  # cleaned as the pipeline's language reads

    def docs():
        for item in cleaned:
            if not isinstance(item, InputError) and len(item.text) > nlp.max_length:
                item = _too_long(item, nlp.max_length)
            doc = nlp.make_doc("" if isinstance(item, InputError) else item.text)
            if not isinstance(item, InputError):
                doc._.published = item.published
            yield doc, item

    failures: list[InputError] = []

    def on_error(stage, _proc, failed_docs, exc):  # spaCy drops the doc; we report it
        for failed in failed_docs:
            item = getattr(failed, "_context", None)
            name = _name(item) if item else "?"
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
            yield {**build_record(item, doc), **provenance}
        except Exception as exc:  # a bug must name the document, not kill the batch
            log.exception("record for %s failed", item.source.get("path") or item.doc_id)
            yield InputError(item.source.get("path") or item.doc_id, "record", f"internal error: {exc!r}",
                             "Please report this with the input document.")
    yield from failures


def _too_long(item: Document, limit: int) -> InputError:
    return InputError(_name(item), "pipeline", f"the text has {len(item.text):,} characters, more than the "
                      f"{limit:,} one document may have (EXTRACTOR_MAX_INPUT_BYTES)",
                      "Split it into several documents, or raise EXTRACTOR_MAX_INPUT_BYTES.")


def _name(item: Document) -> str:
    return item.source.get("path") or item.source.get("url") or item.doc_id


def _stored_document(record: dict) -> Document:
    """The Document clean() made for a stored record: its text (hence its doc_id), title, date,
    source and language as they were; only the pipeline runs again."""
    return Document(doc_id=record["doc_id"], text=record["text"], language=record.get("language"),
                    title=record.get("title"), published=record.get("published"),
                    source=dict(record.get("source") or {}), given_id=record.get("id"),
                    language_evidence=record.get("language_evidence") or {})


def reextract_records(records: Iterable[dict], nlp: Language | None = None,
                      batch_size: int = 32) -> Iterator[Result]:
    """Run stored records through the pipeline again: one fresh record (or InputError) each, in
    order, with the same doc_id. Keys the pipeline does not write (a batch run's duplicate_of,
    cluster, similarity) are carried over."""
    records, stored = tee(records)
    fresh = extract_documents(map(_stored_document, records), nlp=nlp, batch_size=batch_size)
    for old, new in zip(stored, fresh):
        yield new if isinstance(new, InputError) else {**new, **{k: v for k, v in old.items() if k not in new}}


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
