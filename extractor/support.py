"""Which documents the installed language packs can read. A document in a language without a
pack gets a record that says so and holds no items, rather than what another language's rules
make of it (English run through Hindi rules gave the official "held a review meeting on")."""
from __future__ import annotations

from .document import Document
from .packs import available_languages

_NAMES = {"en": "English", "hi": "Hindi", "mr": "Marathi"}


def _name(document: Document) -> str:
    source = document.source or {}
    return source.get("path") or source.get("url") or document.given_id or document.doc_id


def _main_script(document: Document) -> str | None:
    shares = {k: v for k, v in (document.language_evidence or {}).items()
              if k in ("devanagari", "latin", "other") and isinstance(v, (int, float))}
    return max(shares, key=shares.get) if shares else None


def unsupported_language(document: Document, have: tuple[str, ...] | None = None) -> str | None:
    """The warning for a document no installed pack reads, or None when one does.

    Devanagari text the detector could not name (a headline, a list of names: too few function
    words to tell) is read as before, by the pipeline given; any other unnamed text is refused."""
    have = available_languages() if have is None else have  # given per run: listing packs costs
    language = document.language
    if language in have or (language == "other" and _main_script(document) == "devanagari"):
        return None
    installed = ", ".join(have) or "none"
    if language == "other":
        script = _main_script(document)
        what = f"the language could not be recognised (mostly {script} script)" if script else \
            "the language could not be recognised (no letters)"
        hint = ("Give text in a language that has a pack. Hindi typed in a legacy font (Kruti Dev) is "
                "converted when there is enough of it; convert shorter texts to Unicode first.")
    else:
        what = f"{_NAMES.get(language, 'language')} ({language!r}) is not supported"
        hint = f"Give text in a language that has a pack, or add a pack for {language!r} under models/."
    return (f"{_name(document)}: language: {what}: no language pack for it (installed: {installed}); "
            f"nothing was extracted. {hint}")
