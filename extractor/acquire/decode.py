"""Bytes to text: UTF-8 first, then the encodings Indian text files still arrive in."""
from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError

# ISCII-91 (IS 13194:1991), Devanagari plane: byte -> character. Government offices still
# export ISCII from old desktop software; Python has no codec for it. Checked against ICU's
# ucnvisci.cpp toUnicodeTable. 0xD9 (INV, the invisible consonant) only carries a following
# matra, so it maps to nothing visible.
ISCII_TO_UNICODE = {
    0xA1: "\u0901", 0xA2: "\u0902", 0xA3: "\u0903", 0xA4: "अ", 0xA5: "आ", 0xA6: "इ", 0xA7: "ई",
    0xA8: "उ", 0xA9: "ऊ", 0xAA: "ऋ", 0xAB: "ऎ", 0xAC: "ए", 0xAD: "ऐ", 0xAE: "ऍ", 0xAF: "ऒ",
    0xB0: "ओ", 0xB1: "औ", 0xB2: "ऑ", 0xB3: "क", 0xB4: "ख", 0xB5: "ग", 0xB6: "घ", 0xB7: "ङ",
    0xB8: "च", 0xB9: "छ", 0xBA: "ज", 0xBB: "झ", 0xBC: "ञ", 0xBD: "ट", 0xBE: "ठ", 0xBF: "ड",
    0xC0: "ढ", 0xC1: "ण", 0xC2: "त", 0xC3: "थ", 0xC4: "द", 0xC5: "ध", 0xC6: "न", 0xC7: "ऩ",
    0xC8: "प", 0xC9: "फ", 0xCA: "ब", 0xCB: "भ", 0xCC: "म", 0xCD: "य", 0xCE: "य़", 0xCF: "र",
    0xD0: "ऱ", 0xD1: "ल", 0xD2: "ळ", 0xD3: "ऴ", 0xD4: "व", 0xD5: "श", 0xD6: "ष", 0xD7: "स",
    0xD8: "ह", 0xD9: "\u200d", 0xDA: "ा", 0xDB: "ि", 0xDC: "ी", 0xDD: "ु", 0xDE: "ू", 0xDF: "ृ",
    0xE0: "ॆ", 0xE1: "े", 0xE2: "ै", 0xE3: "ॅ", 0xE4: "ॊ", 0xE5: "ो", 0xE6: "ौ", 0xE7: "ॉ",
    0xE8: "्", 0xE9: "़", 0xEA: "।",
    **{0xF1 + i: chr(0x0966 + i) for i in range(10)},
}
# Two-byte sequences the standard gives their own meaning (a nukta or second byte after a
# letter that has no nukta form). Consonant + nukta needs no entry: NFC composes it.
ISCII_PAIRS = {
    b"\xa1\xe9": "ॐ", b"\xa6\xe9": "ऌ", b"\xa7\xe9": "ॡ", b"\xaa\xe9": "ॠ", b"\xdb\xe9": "ॢ",
    b"\xdc\xe9": "ॣ", b"\xdf\xe9": "ॄ", b"\xea\xe9": "ऽ", b"\xea\xea": "॥",
    b"\xe8\xe8": "\u094d\u200c", b"\xe8\xe9": "\u094d\u200d",  # explicit and soft halant
}
_ATR, _EXT = 0xEF, 0xF0  # attribute (script/font switch) and extension codes: 2 bytes each
_TEXT_CONTROLS = set("\t\n\r\f\v")
_JOINERS = set("\u200c\u200d\ufeff\u00ad")  # format characters real text carries


def _decode_iscii(data: bytes) -> str | None:
    out, i = [], 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
        elif data[i:i + 2] in ISCII_PAIRS:
            out.append(ISCII_PAIRS[data[i:i + 2]])
            i += 1
        elif byte == _ATR:
            i += 1  # the next byte picks a script or display mode; Devanagari is assumed
        elif byte == _EXT:
            return None  # Vedic extensions: not news text, and not worth a guess
        elif byte in ISCII_TO_UNICODE:
            out.append(ISCII_TO_UNICODE[byte])
        else:
            return None
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def _devanagari_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0900" <= c <= "\u097f" for c in letters) / len(letters)


def _is_printable(text: str) -> bool:
    """Text has few control characters; decoded binary data has many."""
    printable = sum(c.isprintable() or c in _TEXT_CONTROLS or c in _JOINERS for c in text)
    return bool(text) and printable / len(text) > 0.97


def _in_known_scripts(text: str) -> bool:
    """Letters in Latin, Arabic or Indic scripts: random bytes read as UTF-16 land mostly in CJK."""
    letters = [c for c in text if c.isalpha()]
    known = sum(c < "\u0250" or "\u0600" <= c <= "\u06ff" or "\u0900" <= c <= "\u0dff"
                for c in letters)
    return not letters or known / len(letters) > 0.9


def _guess_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: ASCII spaces and digits leave NULs; the decoded text must read."""
    if len(data) % 2 or b"\x00" not in data[:4096]:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _is_printable(text) and _in_known_scripts(text):
            return text, enc
    return None


def _binary_error(source: str) -> InputError:
    return InputError(source, "decode", "this is a binary file, not text or HTML",
                      "Convert it to text first (PDF: pdftotext; Word: save as .txt).")


def _from_bom(data: bytes, source: str) -> tuple[str, str] | None:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(source, "decode", f"starts with a {enc} byte-order mark but is not "
                                 f"valid {enc} (bad bytes at offset {exc.start})",
                                 "Re-save the file as UTF-8.") from None
    return None


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding used); raise InputError naming the input when nothing fits."""
    found = _from_bom(data, source) or _guess_utf16(data)
    if found is None:
        if b"\x00" in data[:4096]:
            raise _binary_error(source)  # NULs that are not UTF-16: PNG, PDF, ZIP, Office ...
        try:
            found = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            found = _decode_legacy(data, source, exc.start)
    text, enc = found
    if not text.strip():
        raise InputError(source, "decode", "the input is empty", "Give a file with article text in it.")
    if not _is_printable(text[:20000]):
        raise _binary_error(source)
    return text, enc


def _decode_legacy(data: bytes, source: str, first_bad: int) -> tuple[str, str]:
    text = _decode_iscii(data)
    if text is not None and _devanagari_share(text) > 0.5:
        return text, "iscii-91"
    raise InputError(
        source, "decode",
        f"not valid UTF-8 (first bad byte at offset {first_bad}) and not UTF-16 or ISCII-91 Hindi",
        "Re-save the file as UTF-8 (e.g. `iconv -f SOURCE_ENCODING -t UTF-8`). Font-encoded "
        "Hindi (Kruti Dev, Chanakya) must be converted to Unicode first.")
