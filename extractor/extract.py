"""The library entry point: inputs in, record/1 dicts out (CLI, API and batch all call this).

Every record is stamped with its provenance (extractor.provenance): `extractor_version` and
`models_hash`, after the record/1 fields."""
from __future__ import annotations

import logging
from dataclasses import replace
from itertools import tee
from typing import Callable, Iterable, Iterator, Union

from spacy.language import Language

from .acquire.clean import clean, clean_in_language, language_packs
from .document import Document, RawDocument
from .errors import InputError
from .packs import LanguagePack, get_pack
from .pipeline import get_nlp
from .provenance import of_pipeline
from .record import build_record
from .support import unsupported_language

log = logging.getLogger(__name__)
Result = Union[dict, InputError]


def _clean_all(items: Iterable[RawDocument | Document | InputError], pack: LanguagePack | None,
               language: str | None) -> Iterator[Document | InputError]:
    """Clean documents: with `pack`, all as that pack reads; else each in its own language."""
    packs = None if pack else language_packs()
    for item in items:
        if isinstance(item, InputError):
            yield item
        elif isinstance(item, Document):  # a Document is clean already
            if language and item.language != language:
                item = replace(item, language=language, language_evidence={
                    **item.language_evidence, "given": language, "detected": item.language})
            yield item
        else:
            try:
                yield clean(item, pack) if pack else clean_in_language(item, language, packs)
            except InputError as exc:
                yield exc


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_documents(items: Iterable[RawDocument | Document | InputError], nlp: Language | None = None,
                      batch_size: int = 32, language: str | None = None, exclude: tuple[str, ...] = (),
                      nlp_for: Callable[[str], Language] | None = None) -> Iterator[Result]:
    """Yield one record (or the InputError for that input) per item, in input order.

    Each document is cleaned and extracted by its own language's pack and pipeline (detected on
    its text; `language` overrides), pipelines from `nlp_for(lang)` (default: the process's
    `get_nlp(lang, exclude)`). A given `nlp` reads every document as its language instead.
    A document in a language without a pack gets a record saying so, with no items
    (extractor.support)."""
    packs = tuple(language_packs())
    default = packs[0]

    def pipeline(lang: str) -> Language:
        if nlp is not None:
            return nlp
        lang = lang if lang in packs else default
        return nlp_for(lang) if nlp_for else get_nlp(lang, tuple(exclude))

    cleaned = _clean_all(items, get_pack(nlp.lang) if nlp is not None else None, language)
    for chunk in _chunks(cleaned, batch_size):
        results: dict[int, Result] = {}
        by_lang: dict[str, list[int]] = {}
        for i, item in enumerate(chunk):
            if isinstance(item, InputError):
                results[i] = item
            elif why := unsupported_language(item, packs):
                results[i] = _unsupported(nlp or pipeline(default), item, why)
            else:
                by_lang.setdefault(item.language, []).append(i)
        for lang, indices in by_lang.items():
            results.update(_run(pipeline(lang), [(i, chunk[i]) for i in indices], batch_size))
        for i in range(len(chunk)):
            yield results[i]


def _unsupported(nlp: Language, item: Document, why: str) -> dict:
    """A record that says why no pack reads the document, with its text and no items."""
    log.info(why)  # the record carries it; the CLI prints it
    return {**build_record(item, nlp.make_doc(item.text), unsupported=why), **of_pipeline(nlp)}


def _run(nlp: Language, items: list[tuple[int, Document]], batch_size: int) -> dict[int, Result]:
    """Records (or InputErrors) of clean documents by their index, from one pipeline."""
    provenance = of_pipeline(nlp)
    out: dict[int, Result] = {}

    def docs():
        for i, item in items:
            if len(item.text) > nlp.max_length:  # refused alone, not the rest of the run
                out[i] = _too_long(item, nlp.max_length)
                continue
            doc = nlp.make_doc(item.text)
            doc._.published = item.published
            yield doc, (i, item)

    def on_error(stage, _proc, failed_docs, exc):  # spaCy drops the doc; we report it
        for failed in failed_docs:
            i, item = getattr(failed, "_context", None) or (None, None)
            name = _name(item) if item else "?"
            log.error("%s: %s failed: %r", name, stage, exc)
            if i is not None:
                out[i] = InputError(name, stage, f"internal error: {exc!r}",
                                    "Please report this with the input document.")

    nlp.set_error_handler(on_error)
    for doc, (i, item) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        try:
            out[i] = {**build_record(item, doc), **provenance}
        except Exception as exc:  # a bug must name the document, not kill the batch
            log.exception("record for %s failed", _name(item))
            out[i] = InputError(_name(item), "record", f"internal error: {exc!r}",
                                "Please report this with the input document.")
    return out


# Keys a fresh extraction writes when they apply: an old record's are not carried over.
_DECIDED_AFRESH = ("warnings", "language_supported")


def _too_long(item: Document, limit: int) -> InputError:
    return InputError(_name(item), "pipeline", f"the text has {len(item.text):,} characters, more than the "
                      f"{limit:,} one document may have (EXTRACTOR_MAX_INPUT_BYTES)",
                      "Split it into several documents, or raise EXTRACTOR_MAX_INPUT_BYTES.")


def _name(item: Document) -> str:
    return item.source.get("path") or item.source.get("url") or item.doc_id


def _stored_document(record: dict) -> Document:
    """The Document clean() made for a stored record: its text (hence its doc_id), title, date,
    source and language as they were; only the pipeline runs again."""
    warnings = list(record.get("warnings") or [])
    if record.get("language_supported") is False:
        warnings = warnings[:-1]  # the "not supported" one, last: it is decided afresh
    return Document(doc_id=record["doc_id"], text=record["text"], language=record.get("language"),
                    title=record.get("title"), published=record.get("published"),
                    source=dict(record.get("source") or {}), given_id=record.get("id"),
                    language_evidence=record.get("language_evidence") or {}, warnings=warnings)


def reextract_records(records: Iterable[dict], nlp: Language | None = None, batch_size: int = 32,
                      language: str | None = None,
                      nlp_for: Callable[[str], Language] | None = None) -> Iterator[Result]:
    """Run stored records through the pipeline again: one fresh record (or InputError) each, in
    order, with the same doc_id. Keys the pipeline does not write (a batch run's duplicate_of,
    cluster, similarity) are carried over."""
    records, stored = tee(records)
    fresh = extract_documents(map(_stored_document, records), nlp=nlp, batch_size=batch_size,
                              language=language, nlp_for=nlp_for)
    for old, new in zip(stored, fresh):
        kept = {k: v for k, v in old.items() if k not in new and k not in _DECIDED_AFRESH}
        yield new if isinstance(new, InputError) else {**new, **kept}


def extract_text(text: str, *, title: str | None = None, published: str | None = None,
                 path: str | None = None, url: str | None = None, publisher: str | None = None,
                 html: str | None = None, nlp: Language | None = None, language: str | None = None) -> dict:
    """Extract one document given as text or HTML; raise InputError when it cannot be processed."""
    meta = {k: v for k, v in {"title": title, "published": published, "path": path,
                              "publisher": publisher}.items() if v}
    raw = RawDocument(name=path or url or "<text>", text=None if html else text, html=html,
                      path=path, url=url, meta=meta)
    result = next(extract_documents([raw], nlp=nlp, language=language))
    if isinstance(result, InputError):
        raise result
    return result
