"""The two values that flow between fetch, clean and the pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """What a source gave us: html or text, where it came from, and metadata the user supplied."""

    name: str  # how errors and logs refer to this input (path, URL or dump:line)
    html: str | None = None
    text: str | None = None
    path: str | None = None
    url: str | None = None
    fetched_at: str | None = None
    meta: dict = field(default_factory=dict)  # given id, title, published, publisher
    warnings: list[str] = field(default_factory=list)  # one line each, `INPUT: STAGE: what. What to do.`


@dataclass
class Document:
    """Clean text ready for the pipeline; every span of the record points into `text`."""

    doc_id: str
    text: str
    language: str
    title: str | None = None
    published: str | None = None
    source: dict = field(default_factory=dict)
    given_id: str | None = None
    language_evidence: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # carried into the record's `warnings`
