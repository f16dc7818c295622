"""Bytes to text: UTF-8 first, then the encodings Indian text files still arrive in."""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from ..errors import InputError

log = logging.getLogger(__name__)

# ISCII-91 (IS 13194:1991), Devanagari plane: the code point of every byte from 0xA1 to 0xEA,
# in byte order, as ICU's ucnvisci.cpp toUnicodeTable lists them (a character-encoding table,
# the same for every language written in Devanagari). Government offices still export ISCII
# from old desktop software; Python has no codec for it. 0xD9 (INV, the invisible consonant)
# only carries a following matra, so it maps to nothing visible; U+095F is kept NFC (य + nukta),
# as the decoded text is.
_ISCII_CODE_POINTS = (
    0x0901, 0x0902, 0x0903, 0x0905, 0x0906, 0x0907, 0x0908, 0x0909,  # A1-A8
    0x090A, 0x090B, 0x090E, 0x090F, 0x0910, 0x090D, 0x0912,  # A9-AF
    0x0913, 0x0914, 0x0911, 0x0915, 0x0916, 0x0917, 0x0918, 0x0919,  # B0-B7
    0x091A, 0x091B, 0x091C, 0x091D, 0x091E, 0x091F, 0x0920, 0x0921,  # B8-BF
    0x0922, 0x0923, 0x0924, 0x0925, 0x0926, 0x0927, 0x0928, 0x0929,  # C0-C7
    0x092A, 0x092B, 0x092C, 0x092D, 0x092E, 0x092F, 0x095F, 0x0930,  # C8-CF
    0x0931, 0x0932, 0x0933, 0x0934, 0x0935, 0x0936, 0x0937, 0x0938,  # D0-D7
    0x0939, 0x200D, 0x093E, 0x093F, 0x0940, 0x0941, 0x0942, 0x0943,  # D8-DF
    0x0946, 0x0947, 0x0948, 0x0945, 0x094A, 0x094B, 0x094C, 0x0949,  # E0-E7
    0x094D, 0x093C, 0x0964,  # E8-EA
)
ISCII_TO_UNICODE = {
    **{0xA1 + i: unicodedata.normalize("NFC", chr(cp)) for i, cp in enumerate(_ISCII_CODE_POINTS)},
    **{0xF1 + i: chr(0x0966 + i) for i in range(10)},  # digits
}
# Two-byte sequences the standard gives their own meaning (a nukta or second byte after a
# letter that has no nukta form). Consonant + nukta needs no entry: NFC composes it.
ISCII_PAIRS = {
    b"\xa1\xe9": "\u0950", b"\xa6\xe9": "\u090c", b"\xa7\xe9": "\u0961", b"\xaa\xe9": "\u0960",  # ॐ ऌ ॡ ॠ
    b"\xdb\xe9": "\u0962", b"\xdc\xe9": "\u0963", b"\xdf\xe9": "\u0944",  # ॢ ॣ ॄ
    b"\xea\xe9": "\u093d", b"\xea\xea": "\u0965",  # ऽ ॥
    b"\xe8\xe8": "\u094d\u200c", b"\xe8\xe9": "\u094d\u200d",  # explicit and soft halant
}
_ATR, _EXT = 0xEF, 0xF0  # attribute (script/font switch) and extension codes: 2 bytes each
_TEXT_CONTROLS = set("\t\n\r\f\v")
_REPLACEMENT = "\ufffd"
_MIN_VALID_PER_BAD = 20  # valid non-ASCII characters per bad byte for "a few bad bytes"
# A few stray control characters (a NUL, an ESC) are damage in a text, not a binary file.
_MAX_STRAY_CONTROLS = 8
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


def _is_printable(text: str, stray: int = 0) -> bool:
    """Text has few control characters (a share, or up to `stray` of them); decoded binary
    data has many."""
    printable = sum(c.isprintable() or c in _TEXT_CONTROLS or c in _JOINERS for c in text)
    return bool(text) and (printable / len(text) > 0.97 or len(text) - printable <= stray)


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


# Browsers read a page's own charset label from its first 1024 bytes (<meta charset=...> or
# <meta http-equiv="Content-Type" content="...; charset=...">).
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# WHATWG: these labels mean windows-1252 in every browser.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The Python codec for an HTML page's <meta> charset label, or None."""
    match = _META_CHARSET.search(data[:1024])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    label = "cp1252" if label in _WINDOWS_1252 else label
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used); raise InputError naming the input when nothing fits.
    Warnings (a few bad bytes replaced) go to the log; `decode_with_warnings` returns them."""
    text, enc, warnings = decode_with_warnings(data, source, declared)
    for warning in warnings:
        log.warning(warning)
    return text, enc


def decode_with_warnings(data: bytes, source: str, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Return (text, encoding used, warnings); raise InputError naming the input when nothing fits.

    A BOM wins, then valid UTF-8 (a page mislabelled as Latin-1 is still read right), then UTF-8
    with a few bad bytes among many good characters (replaced by U+FFFD, with a warning saying
    how many and where the first was), then the `declared` charset (an HTML page's <meta>),
    then ISCII-91."""
    warnings: list[str] = []
    found = _from_bom(data, source) or _guess_utf16(data)
    if found is None:
        if _looks_binary(data):
            raise _binary_error(source)  # PNG, PDF, ZIP, Office ...: not text with a stray byte
        try:
            found = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            found = (_mostly_utf8(data, source, exc.start, warnings) or _decode_declared(data, declared)
                     or _decode_iscii_hindi(data))
            if found is None:
                raise InputError(
                    source, "decode",
                    f"not valid UTF-8 (first bad byte at offset {exc.start}) and not UTF-16 or ISCII-91 Hindi",
                    "Re-save the file as UTF-8 (e.g. `iconv -f SOURCE_ENCODING -t UTF-8`). Font-encoded "
                    "Hindi (Kruti Dev, Chanakya) must be converted to Unicode first.") from None
    text, enc = found
    if not text.strip():
        raise InputError(source, "decode", "the input is empty", "Give a file with article text in it.")
    if not _is_printable(text[:20000], _MAX_STRAY_CONTROLS):
        raise _binary_error(source)
    return text, enc, warnings


# File signatures of the binary formats people hand over instead of text.
_MAGIC = (b"\x89PNG", b"%PDF-", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0")
_MAX_STRAY_NULS = 8  # a stray NUL or two in a text file is damage, not a binary format


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    return data.startswith(_MAGIC) or head.count(0) > max(_MAX_STRAY_NULS, len(head) // 100)


def _mostly_utf8(data: bytes, source: str, first_bad: int, warnings: list[str]) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes: the text with U+FFFD in their place (and a warning), when
    the valid multi-byte characters outnumber the bad bytes many times; else None. (Latin-1 or
    ISCII text has next to no valid multi-byte sequences.)"""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
    valid = sum(ord(c) > 0x7f for c in text) - text.count(_REPLACEMENT)
    if valid < _MIN_VALID_PER_BAD * bad:
        return None
    warnings.append(f"{source}: decode: {bad} byte sequence{'s' * (bad > 1)} not valid UTF-8 (first at "
                    f"offset {first_bad}) replaced by U+FFFD. Check the file if text is missing there.")
    return text, "utf-8"


def _decode_declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    if not declared or declared.startswith("utf"):
        return None
    try:
        return data.decode(declared), declared
    except UnicodeDecodeError:
        return None


def _decode_iscii_hindi(data: bytes) -> tuple[str, str] | None:
    text = _decode_iscii(data)
    if text is not None and _devanagari_share(text) > 0.5:
        return text, "iscii-91"
    return None
