"""Request and response bodies of the API (separate from the store's tables), with examples."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from extractor.kinds import ENTITY_KINDS, KINDS, STATEMENT_KINDS

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_DATE_OR_BLANK = r"^(\s*|\d{4}(-\d{2}(-\d{2})?)?)$"  # a blank field counts as absent
_EXAMPLE_ITEMS = {
    "places": [{"name": "बिलासपुर", "span": [0, 8], "sentence": 0}],
    "dates": [{"text": "30 सितम्बर", "value": "2024-09-30", "role": "deadline", "span": [48, 58], "sentence": 1}],
    "officials": [{"name": "संजीव शुक्ला", "honorific": "डॉ.", "designation": "पुलिस महानिरीक्षक",
                   "service": None, "jurisdiction": None, "agency": None, "span": [33, 45], "sentence": 1}],
    "action_points": [{"text": "30 सितम्बर तक अभियान चलाने के निर्देश दिए", "owner": None,
                       "deadline": "2024-09-30", "span": [48, 89], "sentence": 1}],
}
_EXTRACT_EXAMPLES = [
    {"text": "बिलासपुर। पुलिस महानिरीक्षक डॉ. संजीव शुक्ला ने 30 सितम्बर तक अभियान चलाने के निर्देश दिए।",
     "title": "बाल श्रम के विरुद्ध अभियान", "published": "2024-04-03"},
    {"url": "https://example.org/news/article-123.html"}]
EXAMPLE_RECORD = {
    "schema": "record/1", "doc_id": "1c5a2f6909f46975",
    "source": {"path": None, "url": None, "publisher": "दैनिक समाचार", "fetched_at": None},
    "language": "hi", "title": "बाल श्रम के विरुद्ध अभियान", "published": "2024-04-03",
    "text": "बिलासपुर। पुलिस महानिरीक्षक डॉ. संजीव शुक्ला ने 30 सितम्बर तक अभियान चलाने के निर्देश दिए।",
    **{kind.key: _EXAMPLE_ITEMS.get(kind.key, []) for kind in KINDS},
    "sentences": [[0, 9], [10, 90]],
}


_SOURCES = ("text", "html", "url")


def _extract_schema(schema: dict) -> None:
    """The body in JSON Schema: exactly one of text, html, url holds a non-blank string."""
    schema["oneOf"] = [{"required": [k], "properties": {k: {"type": "string", "pattern": r"\S"}}}
                       for k in _SOURCES]
    schema["examples"] = _EXTRACT_EXAMPLES


class ExtractRequest(BaseModel):
    """Exactly one of text, html, url (an empty or blank field counts as absent); metadata you
    give wins over what is guessed."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_extract_schema)

    text: str | None = Field(None, description="plain article text")
    html: str | None = Field(None, description="an article page's HTML")
    url: str | None = Field(None, description="a public http(s) URL to fetch", max_length=2048)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=_DATE_OR_BLANK, description="YYYY-MM-DD; the reference "
                                  "date for relative dates (empty or blank: absent)")
    publisher: str | None = Field(None, max_length=500)
    language: str | None = Field(None, max_length=8, description="read the document as this language "
                                 "(one with a language pack: hi, en); default: detected from its text")

    @field_validator("language")
    @classmethod
    def known_language(cls, value: str | None) -> str | None:
        from extractor.packs import available_languages

        if value is not None and value not in available_languages():
            raise ValueError(f"no language pack {value!r}; give one of {', '.join(available_languages())}, "
                             "or leave language out to have it detected")
        return value

    @field_validator("text", "html", "url", "title", "published", "publisher", mode="before")
    @classmethod
    def empty_is_absent(cls, value):
        """`"html": ""` means no HTML: an empty (or blank) field counts as not given."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("url", "title", "published", "publisher")
    @classmethod
    def no_nul(cls, value: str | None) -> str | None:
        # Metadata is stored as given, and PostgreSQL cannot store NUL; text and html are
        # cleaned (control characters become spaces), so they may carry one.
        if value is not None and "\x00" in value:
            raise ValueError("NUL characters (\\u0000) are not allowed; remove them")
        return value

    @property
    def given(self) -> str:
        """Which of text, html, url this request gives (the validator made sure of one)."""
        return next(k for k in _SOURCES if (getattr(self, k) or "").strip())

    @model_validator(mode="after")
    def one_source(self) -> "ExtractRequest":
        given = [k for k in _SOURCES if (getattr(self, k) or "").strip()]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url, not blank" +
                             (f" (got {', '.join(given)})" if given else ""))
        return self


class Record(BaseModel):
    """record/1 (docs/record-format.md); more fields may appear."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [EXAMPLE_RECORD]})
    schema_: str = Field(alias="schema")
    doc_id: str
    text: str


class StoredDocument(BaseModel):
    doc_id: str
    created: bool = Field(description="true when this request stored it (201), false when it was there (200)")
    record: dict[str, Any]


class DocRef(BaseModel):
    doc_id: str
    title: str | None = None
    published: str | None = None
    date: str | None = Field(None, description="the date the document speaks for: published, "
                             "else its first event date")


class SharedEntity(BaseModel):
    id: int
    kind: str
    name: str


class DocumentVersion(BaseModel):
    doc_id: str
    language: str | None
    title: str | None = None
    published: str | None = None
    score: float = Field(description="Jaccard index of the entities the two documents mention")
    days_apart: int
    shared: list[SharedEntity] = Field(description="the entities both mention: the evidence of the link")


class DocumentVersions(BaseModel):
    doc_id: str
    versions: list[DocumentVersion] = Field(description="the same release in other languages, as "
                                            "`python -m extractor pair` linked it")


class Entity(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 7, "kind": "official", "name": "संजीव शुक्ला", "key": "snjiv sukl", "attrs": None,
        "document_count": 2, "documents": [{"doc_id": "1c5a2f6909f46975", "title": "बाल श्रम के विरुद्ध अभियान",
                                            "published": "2024-04-03", "date": "2024-04-03"}]}]})
    id: int
    kind: Literal[tuple(ENTITY_KINDS.values())]
    name: str = Field(description="display name: the record's canonical form, else the first spelling seen")
    key: str = Field(description="script- and spelling-insensitive key that joined the spellings")
    attrs: dict[str, Any] | None = None
    document_count: int = Field(description="documents (within the filters) that mention it")
    documents: list[DocRef] = Field(description="the newest of those documents, at most 5")


class Page(BaseModel):
    next_cursor: str | None = Field(None, description="pass as `cursor` for the next page; null on the last")


class EntityPage(Page):
    items: list[Entity]


class EntityDetail(BaseModel):
    id: int
    kind: str
    name: str
    key: str
    attrs: dict[str, Any] | None = None
    evidence: list[dict[str, Any]] = Field(description="merge evidence: each spelling, the key it "
                                           "matched, the rule (new, key, canonical, translated, lexicon) and why")


class TimelineEntry(BaseModel):
    date: str | None
    date_source: str | None = Field(None, description="deadline, date in the same sentence, or document date")
    kind: Literal[tuple(k.singular for k in STATEMENT_KINDS)]
    text: str | None
    by: str | None = None
    owner: str | None = None
    deadline: str | None = None
    link: str | None = Field(None, description="why it belongs to the programme")
    mention_id: int
    span: list[int] | None = None
    sentence: int | None = None
    document: DocRef


class TimelinePage(Page):
    programme: dict[str, Any]
    items: list[TimelineEntry]


class ActionPoint(BaseModel):
    id: int
    text: str | None
    owner: str | None
    deadline: str | None
    owner_entity: dict[str, Any] | None = Field(None, description="the official or agency the owner resolved to")
    span: list[int] | None = None
    sentence: int | None = None
    document: DocRef


class ActionPointPage(Page):
    items: list[ActionPoint]


class SearchHit(BaseModel):
    doc_id: str
    title: str | None
    published: str | None
    snippet: str | None = Field(None, description="text around the matches, matches in [brackets]")
    score: float


class SearchPage(Page):
    items: list[SearchHit]


class Health(BaseModel):
    status: Literal["ok"]
    database: str
    documents: int
    entities: int


class Error(BaseModel):
    error: str = Field(examples=["the X-API-Key is not one of the keys this server accepts; ..."])


class DocumentSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "doc_id": "1c5a2f6909f46975", "title": "बाल श्रम के विरुद्ध अभियान", "published": "2024-04-03",
        "language": "hi", "publisher": "दैनिक समाचार", "url": None}]})
    doc_id: str
    title: str | None = None
    published: str | None = None
    language: str | None = None
    publisher: str | None = None
    url: str | None = Field(None, description="where it was fetched from, if it was")


class DocumentPage(Page):
    items: list[DocumentSummary]
