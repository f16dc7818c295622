"""RawDocument -> Document: main text from HTML, boilerplate lines dropped, Hindi normalised."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache

import trafilatura
from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

from .document import Document, RawDocument
from .errors import InputError
from .language import detect_language
from .lexicon import load_patterns

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\u00ad\u2060"), None)
# The normaliser "corrects" every colon after a Devanagari letter into a visarga, which is
# right for OCR output and wrong for news datelines ("गुवाहाटी, 2 अगस्त:"); shield colons.
_COLON_SHIELD = "\ue000"


@lru_cache(maxsize=1)
def _hindi_normaliser():
    return IndicNormalizerFactory().get_normalizer("hi")


def is_boilerplate(line: str) -> bool:
    return any(p.fullmatch(line) for p in load_patterns("boilerplate"))


def normalise_text(text: str) -> str:
    """NFC, invisible characters out, spaces collapsed inside lines, at most one blank line."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def normalise_hindi(text: str) -> str:
    shielded = text.replace(":", _COLON_SHIELD)
    text = _hindi_normaliser().normalize(shielded).replace(_COLON_SHIELD, ":")
    return unicodedata.normalize("NFC", text)


def drop_boilerplate(text: str) -> tuple[str, list[str]]:
    """Return the text without boilerplate lines, and the lines dropped (for audit)."""
    kept, dropped = [], []
    for line in text.split("\n"):
        (dropped if line and is_boilerplate(line) else kept).append(line)
    return normalise_text("\n".join(kept)), dropped


def _from_html(raw: RawDocument) -> tuple[str, dict]:
    try:
        result = trafilatura.extract(raw.html, url=raw.url, output_format="json", with_metadata=True,
                                     include_comments=False, include_tables=True, favor_precision=True)
    except Exception as exc:  # lxml raises many types on broken markup
        raise InputError(raw.name, "clean", f"the HTML could not be parsed ({exc.__class__.__name__})",
                         "Check that the file is an HTML page, not a fragment or another format.")
    if not result:
        raise InputError(raw.name, "clean", "no article body found in the HTML",
                         "This looks like an index, login or empty page; give the article's own URL or its text.")
    data = json.loads(result)
    return data.get("text") or "", {"title": data.get("title"), "published": data.get("date"),
                                    "publisher": data.get("sitename") or data.get("hostname")}


def _guess_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    # A headline is short and is not a sentence that ends with a danda.
    if first and len(first) <= 200 and not first.endswith(("।", ".")):
        return first
    return None


def doc_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean(raw: RawDocument) -> Document:
    """Turn what a source gave into clean text; given metadata wins over what is guessed."""
    found: dict = {}
    if raw.html is not None:
        body, found = _from_html(raw)
    else:
        body = raw.text or ""
    text, _ = drop_boilerplate(normalise_text(body))
    if not text:
        raise InputError(raw.name, "clean", "no text left after removing boilerplate",
                         "The input holds only navigation, captions or bylines; check it is an article.")
    language, evidence = detect_language(text)
    if language in ("hi", "mr"):
        text = normalise_hindi(text)
    meta = raw.meta
    title = meta.get("title") or found.get("title")
    title = normalise_text(title) if title else _guess_title(text)
    return Document(
        doc_id=doc_id_for(text), text=text, language=language, title=title,
        published=meta.get("published") or found.get("published"),
        source={"path": meta.get("path") or raw.path, "url": raw.url,
                "publisher": meta.get("publisher") or found.get("publisher"),
                "fetched_at": raw.fetched_at},
        given_id=meta.get("id"), language_evidence=evidence)
