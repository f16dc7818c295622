"""RawDocument -> Document: main text from HTML, boilerplate lines dropped, Hindi normalised.

A `Cleaner` reads one language pack: its boilerplate and related-links patterns, credits, wire
agencies, sentence marks and sign-off words. The module functions use the Hindi pack unless
given another.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

from ..document import Document, RawDocument
from ..errors import InputError
from ..packs import LanguagePack, available_languages, get_pack
from .krutidev import convert_if_krutidev, looks_like_krutidev
from .language import detect_language
from .webpage import extract_page, parse_date, stamped_date, visible_text

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Invisible characters that carry nothing; ZWJ/ZWNJ stay (they change how Devanagari renders).
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u00ad\u2060\ufffe"), None)
# Control characters become spaces so that the words on either side stay apart; the ones
# str.splitlines() treats as line ends (\v from Word's manual break, \f, \x1c-\x1e, NEL) stay.
_CONTROLS = {c: " " for c in [*range(0x00, 0x09), *range(0x0e, 0x1c), 0x1f, 0x7f,
                               *range(0x80, 0x85), *range(0x86, 0xa0)]} | {0x200b: " "}
# The normaliser "corrects" every colon after a Devanagari letter into a visarga, which is
# right for OCR output and wrong for news datelines ("गुवाहाटी, 2 अगस्त:"); shield colons.
_COLON_SHIELD = "\ue000"
_TRANSLATED = re.compile("[" + re.escape("".join(map(chr, (*_INVISIBLE, *_CONTROLS)))) + "]")
# An article body has sentences: lines that end like one (a full stop, "?", "!", or a closing
# quote or bracket after one) and have a few words.
_SENTENCE_CLOSERS = ('"', "”", "'", "’", ")")
_MIN_BODY_WORDS = 20
# Under a related-links heading, a headline is a short line that does not end like a sentence.
_HEADLINE_MAX_WORDS = 25
_RELATED_MAX_LINES = 12
_MASTHEAD_MAX_LINES = 3  # a state release prints its government, its office and "Press Note"
_CLOSERS = "\"”’')]» "
_SIGNOFF_LINES = 3
_CLEAR_ENGLISH = 0.15  # share of English function words above which a text is English, not Kruti Dev


@lru_cache(maxsize=None)
def _indic_normaliser(lang: str):
    return IndicNormalizerFactory().get_normalizer(lang)


def normalise_text(text: str) -> str:
    """NFC, invisible characters out, spaces collapsed inside lines, at most one blank line.

    Line breaks are kept where they are (a paragraph stays a paragraph) and every run of
    spaces, tabs or control characters becomes one space, so no two words are ever joined.
    """
    text = unicodedata.normalize("NFC", text)
    if _TRANSLATED.search(text):  # str.translate with a dict is slow: only when there is work
        text = text.translate(_INVISIBLE).translate(_CONTROLS)
    out: list[str] = []
    for line in text.splitlines():
        line = _SPACES.sub(" ", line).strip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def doc_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Cleaner:
    """Cleaning as one language pack says: what is boilerplate, how a sentence ends, what a wire
    sign-off looks like (models/<lang>/lexicons/ and words/clean.tsv)."""

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.boilerplate = pack.patterns("boilerplate")
        # The issuing office above a release's headline (English PIB); packs without the list
        # have none.
        self.mastheads = pack.patterns("mastheads") if pack.has("lexicons", "mastheads.txt") else ()
        # Kruti Dev is a Hindi font: only a pack with Hindi word lists can tell and convert it.
        self.reads_krutidev = pack.has("lexicons", "everyday_words.txt")
        self.related_headings = pack.patterns("related_headings")
        self.trailing_credits = pack.patterns("trailing_credits")
        self.normalised_languages = frozenset(pack.words("clean", "normalised_languages"))
        stops, closing = pack.role("sentence_end"), pack.words("clean", "closing_marks")
        self.full_stops = (*stops, ".")
        self.terminal_marks = (*stops, ".", *closing)
        self.sentence_ends = (*self.terminal_marks, "?", "!", *_SENTENCE_CLOSERS)
        stop = re.escape("".join(stops))
        ends = stop + r".!?"
        # The last sentence end of a line and what follows it (a credit, or an unfinished sentence).
        self.last_end = re.compile(rf"[{ends}][\"”’')]*\s*(?=[^{ends}]*[{stop}.]?\s*$)")
        # Short lines after a sign-off: more editors' names or initials ("नरेश").
        not_names = "|".join(pack.words("clean", "signoff_not_names"))
        self.signoff_tail = re.compile(rf"(?:(?!(?:{not_names})(?:\s|$))[^\s\d{ends}:|,;]{{1,20}}\s*){{1,3}}")
        # The last line of a wire story: the agency, then the desk editors ("भाषा अमित नरेश",
        # "(वार्ता) राम"); lexicons/wire_agencies.txt.
        agencies = "|".join(sorted(map(re.escape, pack.wordlist("wire_agencies")), key=len, reverse=True))
        self.signoff = re.compile(
            rf"[(\-–—]?\s*({agencies})\s*\)?\s*(?:\s{self.signoff_tail.pattern})?\s*[.{stop}]?", re.IGNORECASE)

    def is_boilerplate(self, line: str) -> bool:
        """True when the whole line matches a pattern in lexicons/boilerplate.txt."""
        line = unicodedata.normalize("NFC", line).strip()
        return bool(line) and any(p.fullmatch(line) for p in self.boilerplate)

    def normalise(self, text: str) -> str:
        """indic-nlp-library's normaliser for the pack's language, with colons kept as colons."""
        shielded = text.replace(":", _COLON_SHIELD)
        text = _indic_normaliser(self.pack.lang).normalize(shielded).replace(_COLON_SHIELD, ":")
        # It writes "—" as " - "; collapse the doubled spaces that leaves next to spaced dashes.
        return normalise_text(text)

    def is_related_heading(self, line: str) -> bool:
        """A related-links heading alone on its line (lexicons/related_headings.txt)."""
        line = unicodedata.normalize("NFC", line).strip()
        return bool(line) and any(p.fullmatch(line) for p in self.related_headings)

    def _is_headline_like(self, line: str) -> bool:
        """Short and not ending like a sentence: a linked headline, not article body."""
        line = line.strip()
        return (0 < len(line.split()) <= _HEADLINE_MAX_WORDS
                and not line.rstrip(_CLOSERS).endswith(self.terminal_marks))

    def strip_trailing_credit(self, line: str) -> str:
        """The line without a photo or outlet credit after its last sentence
        ("... देते डीएम। जागरण" -> "... देते डीएम।"); lexicons/trailing_credits.txt."""
        match = self.last_end.search(line)
        if match is None:
            return line
        tail = unicodedata.normalize("NFC", line[match.end():]).strip()
        if tail and any(p.fullmatch(tail) for p in self.trailing_credits):
            return line[:match.end()].rstrip()
        return line

    def drop_signoff(self, lines: list[str]) -> list[str]:
        """The lines without a wire sign-off among the last few: a line that is the agency and a
        few names, and only short name lines after it. A body line is never one (it has more words
        or a postposition)."""
        tail = [i for i, line in enumerate(lines) if line.strip()][-_SIGNOFF_LINES:]
        for n, i in enumerate(tail):
            line = unicodedata.normalize("NFC", lines[i]).strip()
            names = (unicodedata.normalize("NFC", lines[j]).strip() for j in tail[n + 1:])
            if self.signoff.fullmatch(line) and all(self.signoff_tail.fullmatch(name) for name in names):
                return lines[:i]
        return lines

    def drop_boilerplate(self, text: str) -> tuple[str, list[str]]:
        """Return the text without boilerplate lines, and the lines dropped (for audit).

        Whole lines go when they match boilerplate.txt; under a bare related-links heading the
        headline lines go too, up to a blank line or the next sentence; a credit after a line's
        last sentence is cut from it (the cut credit is listed as dropped).
        """
        kept, dropped = [], []
        related = 0  # headline lines still allowed under a related-links heading
        lines = text.split("\n")
        for _ in range(self._masthead_lines(lines)):
            dropped.append(lines.pop(0))
        for line in lines:
            if not line.strip():
                related = 0
                kept.append(line)
            elif self.is_related_heading(line):
                related = _RELATED_MAX_LINES
                dropped.append(line)
            elif self.is_boilerplate(line):
                dropped.append(line)
            elif related and self._is_headline_like(line):
                related -= 1
                dropped.append(line)
            else:
                related = 0
                stripped = self.strip_trailing_credit(line)
                if stripped != line:
                    dropped.append(line[len(stripped):].strip())
                kept.append(stripped)
        signed = self.drop_signoff(kept)
        dropped.extend(line for line in kept[len(signed):] if line.strip())
        return normalise_text("\n".join(signed)), dropped

    def _masthead_lines(self, lines: list[str]) -> int:
        """How many first lines name the issuing office (up to three: "Government of X" /
        "Directorate of Information and Public Relations" / "Press Note"), when a publication
        stamp follows within three lines of them ("Ministry of Tourism" / headline / "Posted On")."""
        if not self.mastheads or not lines:
            return 0
        n = 0
        while n < min(len(lines), _MASTHEAD_MAX_LINES) and any(
                p.fullmatch(unicodedata.normalize("NFC", lines[n]).strip()) for p in self.mastheads):
            n += 1
        stamps = self.pack.patterns("published_stamps")
        return n if n and any(p.search(line.strip()) for line in lines[n:n + 3] for p in stamps) else 0

    def has_article_body(self, text: str) -> bool:
        """Enough sentence-like lines to be an article, not a menu, a headline list or a form."""
        words = 0
        for line in text.splitlines():
            line = line.strip()
            if line.endswith(self.sentence_ends) and len(line.split()) >= 5 and not self.is_boilerplate(line):
                words += len(line.split())
        return words >= _MIN_BODY_WORDS

    def _from_html(self, raw: RawDocument) -> tuple[str, dict]:
        try:
            page = extract_page(raw.html, raw.url, accept=self.has_article_body, pack=self.pack)
        except Exception as exc:  # lxml raises many types on markup it cannot parse
            raise InputError(raw.name, "clean", f"the HTML could not be parsed ({exc.__class__.__name__})",
                             "Check that the file is an HTML page, not a fragment or another format.") from None
        if not page.text:
            raise InputError(raw.name, "clean", "no article body found in the HTML",
                             "This looks like an index, login or empty page; give the article's own URL or its text.")
        body = normalise_text(page.text)
        title = normalise_text(page.title) if page.title else None
        # The headline is part of the article (a .txt input starts with it too), so spans can
        # point into it; trafilatura returns it apart from the body.
        if title and not body.startswith(title):
            body = f"{title}\n\n{body}"
        return body, {"title": title, "published": page.published, "publisher": page.publisher}

    def _guess_title(self, text: str) -> str | None:
        first = text.split("\n", 1)[0].strip()
        # A headline is short and is not a sentence that ends with a full stop.
        if first and len(first) <= 200 and not first.endswith(self.full_stops):
            return first
        return None

    def _given_published(self, raw: RawDocument) -> str | None:
        given = raw.meta.get("published")
        if not given:
            return None
        value = parse_date(str(given), self.pack)
        if value is None:
            raise InputError(raw.name, "clean", f"the given published date {given!r} does not read as a date",
                             "Give `published` as YYYY-MM-DD (an ISO timestamp is fine too).")
        return value

    def clean(self, raw: RawDocument) -> Document:
        """Turn what a source gave into clean text; given metadata wins over what is guessed."""
        published = self._given_published(raw)
        if raw.html is not None:
            body, found = self._from_html(raw)
        else:
            body = normalise_text(raw.text or "")
            found = {"published": stamped_date(body, self.pack)}
        # before the patterns, which read Unicode
        body, legacy = convert_if_krutidev(body, self.pack) if self.reads_krutidev else (body, None)
        text, _ = self.drop_boilerplate(body)
        if not text:
            raise InputError(raw.name, "clean", "no text left after removing boilerplate",
                             "The input holds only navigation, captions or bylines; check it is an article.")
        language, evidence = detect_language(text, self.pack)
        if legacy:
            evidence = {**evidence, **legacy}
        normalise = language in self.normalised_languages
        if normalise:
            text = self.normalise(text)
        title = raw.meta.get("title") or found.get("title")
        title = normalise_text(str(title)) if title else self._guess_title(text)
        if title and normalise:
            title = self.normalise(title)
        return Document(
            doc_id=doc_id_for(text), text=text, language=language, title=title,
            published=published or found.get("published"),
            source={"path": raw.meta.get("path") or raw.path, "url": raw.url,
                    "publisher": raw.meta.get("publisher") or found.get("publisher"),
                    "fetched_at": raw.fetched_at},
            given_id=raw.meta.get("id"), language_evidence=evidence, warnings=list(raw.warnings))


@lru_cache(maxsize=None)
def cleaner(pack: LanguagePack) -> Cleaner:
    """One Cleaner per pack (its regexes are built once)."""
    return Cleaner(pack)


def clean(raw: RawDocument, pack: LanguagePack | None = None) -> Document:
    return cleaner(pack or get_pack()).clean(raw)


def detected_language(raw: RawDocument, default: LanguagePack | None = None) -> str:
    """The language of what a source gave, before cleaning: script and stop-word evidence
    (language.detect_language) over its text, or over an HTML page's visible text. Kruti Dev
    Hindi is Latin letters, so it is recognised first (with the default pack's words)."""
    text = normalise_text(raw.text if raw.html is None else visible_text(raw.html))
    default = default or get_pack()
    code, evidence = detect_language(text, default)
    # English prose is a quarter function words; Kruti Dev Hindi has next to none of them, so
    # clear English needs no (costly) trial conversion.
    if code == "en" and evidence["stopword_hits"]["en"] >= _CLEAR_ENGLISH * evidence["words"]:
        return code
    return default.lang if looks_like_krutidev(text, default) else code


def clean_in_language(raw: RawDocument, language: str | None = None,
                      packs: dict[str, LanguagePack] | None = None) -> Document:
    """Clean `raw` with its own language's pack: `language` when given (`--language`), else
    the language detected on its text; one without a pack is cleaned with the default pack.

    When the clean text reads as another language that has a pack (a Hindi page whose menus
    are English), it is cleaned again with that pack, so a document is always cleaned, and
    then extracted, as the language its clean text is in. `packs` (language -> pack, the
    default pack first) saves looking them up for every document."""
    packs = packs or language_packs()
    default = next(iter(packs))
    lang = language or detected_language(raw, packs[default])
    used = lang if lang in packs else default
    document = clean(raw, packs[used])
    if language:
        if document.language != language:
            document.language_evidence = {**document.language_evidence, "given": language,
                                          "detected": document.language}
            document.language = language
    elif document.language in packs and document.language != used:
        document = clean(raw, packs[document.language])
    return document


def language_packs() -> dict[str, LanguagePack]:
    """Every language's pack under models_root(), the default (Hindi) pack first."""
    default = get_pack()
    others = (get_pack(lang, default.root.parent) for lang in available_languages(default.root.parent))
    return {default.lang: default, **{p.lang: p for p in others if p.lang != default.lang}}


def is_boilerplate(line: str, pack: LanguagePack | None = None) -> bool:
    return cleaner(pack or get_pack()).is_boilerplate(line)


def drop_boilerplate(text: str, pack: LanguagePack | None = None) -> tuple[str, list[str]]:
    return cleaner(pack or get_pack()).drop_boilerplate(text)


def normalise_hindi(text: str, pack: LanguagePack | None = None) -> str:
    return cleaner(pack or get_pack()).normalise(text)
