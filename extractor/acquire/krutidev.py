"""Legacy Hindi typed in the Kruti Dev font: Latin letters and symbols that the font draws as
Devanagari glyphs ("ftyk dysDVj" shows as जिला कलेक्टर). District offices' Word files and
PDFs still carry it; as text it is gibberish until converted to Unicode.

Conversion is indic_transliteration's Kruti Dev converter (the IIIT Hyderabad table, with its
reordering of the short i matra and the reph). Detection converts a sample and asks whether the
result reads as Hindi: most of its words are everyday Hindi words of the pack (Kruti Dev Hindi
converts to 60-90 % of them), several different ones. English converted the same way gives
nonsense words (an English "us" becomes ने, one word among many), so English prose is not
taken for Kruti Dev. Conversion works on text,
never on HTML markup: run it on what was extracted from a page.
"""
from __future__ import annotations

import re
import string

from indic_transliteration.font_converter.krutidev2unicode import kru2uni

from ..packs import LanguagePack, get_pack

_SAMPLE_CHARS = 4000  # enough words to judge by; a long document is not converted twice
_MIN_LETTERS = 20
_MAX_DEVANAGARI_SHARE = 0.05  # text already in Unicode Devanagari is not Kruti Dev
# Converted Kruti Dev is mostly everyday Hindi words; converted English almost never is one.
_MIN_KNOWN_SHARE, _MIN_DISTINCT = 0.4, 3
# Stripped from the ends of a word: ASCII punctuation, the dandas, curly quotes.
_PUNCTUATION = string.punctuation + "\u0964\u0965\u2018\u2019\u201c\u201d"
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+\b")  # District, Lucknow, PRESS


def krutidev_to_unicode(text: str) -> str:
    """Kruti Dev text as Unicode Devanagari (every Latin letter is taken as a Kruti Dev glyph)."""
    return kru2uni(text.encode("utf-8")).decode("utf-8")


def _known_hindi(converted: str, pack: LanguagePack) -> tuple[list[str], int]:
    """(the words of converted text that are everyday Hindi words, the number of its words).
    Words are whitespace-separated, so code and URLs count as few words, none of them Hindi."""
    everyday, function_words = pack.wordlist("everyday_words"), pack.wordlist("stopwords_hi")
    words = [w for w in (t.strip(_PUNCTUATION) for t in converted.split()) if w]
    return [w for w in words if w in everyday or w in function_words], len(words)


def looks_like_krutidev(text: str, pack: LanguagePack | None = None) -> bool:
    """True when `text` is Hindi typed in Kruti Dev; False for English, Unicode Hindi, or too
    little text to tell."""
    sample = text[:_SAMPLE_CHARS].rsplit(None, 1)[0] if len(text) > _SAMPLE_CHARS else text
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return False
    if sum("\u0900" <= c <= "\u097f" for c in letters) > _MAX_DEVANAGARI_SHARE * len(letters):
        return False
    known, words = _known_hindi(krutidev_to_unicode(sample), pack or get_pack("hi"))
    return len(set(known)) >= _MIN_DISTINCT and len(known) >= _MIN_KNOWN_SHARE * words


def convert_if_krutidev(text: str, pack: LanguagePack | None = None) -> tuple[str, dict | None]:
    """(text, evidence): a Kruti Dev document converted line by line, with evidence for
    `language_evidence`; anything else unchanged, with None.

    Lines that read as English are kept as they are (a letterhead, an address, a scheme's
    English name): more English function words than the conversion gives Hindi words, or no
    Hindi word at all and capitalised words."""
    pack = pack or get_pack("hi")
    if not looks_like_krutidev(text, pack):
        return text, None
    english = pack.wordlist("stopwords_en")
    lines, converted, kept = [], 0, 0
    for line in text.split("\n"):
        unicode_line = krutidev_to_unicode(line)
        hindi = len(_known_hindi(unicode_line, pack)[0])
        english_hits = sum(w.lower() in english for w in _LATIN_WORD.findall(line))
        if english_hits > hindi or (not hindi and len(_CAPITALISED.findall(line)) >= 2):
            lines.append(line)
            kept += 1
        else:
            lines.append(unicode_line)
            converted += bool(line.strip())
    return "\n".join(lines), {"legacy_encoding": "krutidev", "lines_converted": converted, "lines_kept": kept}
