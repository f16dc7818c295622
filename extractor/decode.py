"""Bytes to text: UTF-8 first, then the encodings Indian text files still arrive in."""
from __future__ import annotations

import codecs

from .errors import InputError

# ISCII-91 (IS 13194:1991), Devanagari plane: byte -> character. Government offices still
# export ISCII from old desktop software; Python has no codec for it.
_ISCII = {
    0xA1: "\u0901", 0xA2: "\u0902", 0xA3: "\u0903", 0xA4: "अ", 0xA5: "आ", 0xA6: "इ", 0xA7: "ई",
    0xA8: "उ", 0xA9: "ऊ", 0xAA: "ऋ", 0xAB: "ऎ", 0xAC: "ए", 0xAD: "ऐ", 0xAE: "ऍ", 0xAF: "ऒ",
    0xB0: "ओ", 0xB1: "औ", 0xB2: "ऑ", 0xB3: "क", 0xB4: "ख", 0xB5: "ग", 0xB6: "घ", 0xB7: "ङ",
    0xB8: "च", 0xB9: "छ", 0xBA: "ज", 0xBB: "झ", 0xBC: "ञ", 0xBD: "ट", 0xBE: "ठ", 0xBF: "ड",
    0xC0: "ढ", 0xC1: "ण", 0xC2: "त", 0xC3: "थ", 0xC4: "द", 0xC5: "ध", 0xC6: "न", 0xC7: "ऩ",
    0xC8: "प", 0xC9: "फ", 0xCA: "ब", 0xCB: "भ", 0xCC: "म", 0xCD: "य", 0xCE: "य़", 0xCF: "र",
    0xD0: "ऱ", 0xD1: "ल", 0xD2: "ळ", 0xD3: "ऴ", 0xD4: "व", 0xD5: "श", 0xD6: "ष", 0xD7: "स",
    0xD8: "ह", 0xDA: "ा", 0xDB: "ि", 0xDC: "ी", 0xDD: "ु", 0xDE: "ू", 0xDF: "ृ", 0xE0: "ॆ",
    0xE1: "े", 0xE2: "ै", 0xE3: "ॅ", 0xE4: "ॊ", 0xE5: "ो", 0xE6: "ौ", 0xE7: "ॉ", 0xE8: "्",
    0xE9: "़", 0xEA: "।",
    **{0xF1 + i: chr(0x0966 + i) for i in range(10)},
}


def _decode_iscii(data: bytes) -> str | None:
    out = []
    for byte in data:
        if byte < 0x80:
            out.append(chr(byte))
        elif byte in _ISCII:
            out.append(_ISCII[byte])
        else:
            return None
    return "".join(out)


def _devanagari_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0900" <= c <= "\u097f" for c in letters) / len(letters)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" not in sample:
        return False
    # UTF-16 text has NULs too, but only in every other byte.
    return not (sample[::2].count(0) > len(sample) // 3 or sample[1::2].count(0) > len(sample) // 3)


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding used); raise InputError naming the input when nothing fits."""
    if not data.strip():
        raise InputError(source, "decode", "the input is empty", "Give a file with article text in it.")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    if _looks_binary(data):
        raise InputError(source, "decode", "this is a binary file, not text or HTML",
                         "Convert it to text first (PDF: pdftotext; Word: save as .txt).")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for enc in ("utf-16-le", "utf-16-be"):
        if data[:4096].count(0) > 0:
            try:
                text = data.decode(enc)
                if _devanagari_share(text) > 0.3 or text.isascii():
                    return text, enc
            except UnicodeDecodeError:
                pass
    text = _decode_iscii(data)
    if text is not None and _devanagari_share(text) > 0.5:
        return text, "iscii-91"
    raise InputError(
        source, "decode",
        f"not valid UTF-8 (first bad byte at offset {first_bad}) and not UTF-16 or ISCII-91",
        "Re-save the file as UTF-8 (e.g. `iconv -f SOURCE_ENCODING -t UTF-8`). Font-encoded "
        "Hindi (Kruti Dev, Chanakya) must be converted to Unicode first.")
