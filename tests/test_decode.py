"""Bytes to text: UTF-8, UTF-16 with and without BOM, ISCII-91, and clear refusals."""
from __future__ import annotations

import codecs
import unicodedata

import pytest

from extractor.acquire.decode import ISCII_PAIRS, ISCII_TO_UNICODE, declared_charset, decode_bytes
from extractor.errors import InputError

HINDI = ("गुवाहाटी, 2 अगस्त: असम पुलिस ने ज़िला स्तर पर बच्चों की सुरक्षा के लिए नया कार्यक्रम "
         "शुरू किया।\nपुलिस महानिदेशक ने कहा कि हर थाने में बाल कल्याण अधिकारी होगा॥")


def iscii_encode(text: str) -> bytes:
    """The inverse of decode.ISCII_TO_UNICODE and ISCII_PAIRS (two-byte forms first)."""
    inverse = {ch: bytes([b]) for b, ch in ISCII_TO_UNICODE.items()}
    inverse.update({ch: pair for pair, ch in ISCII_PAIRS.items()})
    out, i, text = bytearray(), 0, unicodedata.normalize("NFC", text)
    while i < len(text):
        two = text[i:i + 2]
        if two in inverse:
            out += inverse[two]
            i += 2
            continue
        ch = text[i]
        out += ch.encode("ascii") if ch.isascii() else inverse[ch]
        i += 1
    return bytes(out)


# Spot checks against IS 13194:1991 (the same values as ICU's ucnvisci.cpp toUnicodeTable).
@pytest.mark.parametrize("byte, char", [
    (0xA1, "\u0901"), (0xA2, "\u0902"), (0xA3, "\u0903"), (0xA4, "अ"), (0xAB, "ऎ"), (0xAE, "ऍ"),
    (0xB2, "ऑ"), (0xB3, "क"), (0xC6, "न"), (0xC7, "ऩ"), (0xCE, "य़"), (0xCF, "र"), (0xD0, "ऱ"),
    (0xD5, "श"), (0xD8, "ह"), (0xD9, "\u200d"), (0xDA, "ा"), (0xE0, "ॆ"), (0xE3, "ॅ"), (0xE7, "ॉ"),
    (0xE8, "्"), (0xE9, "़"), (0xEA, "।"), (0xF1, "०"), (0xFA, "९"),
])
def test_iscii_table_matches_the_standard(byte, char):
    assert ISCII_TO_UNICODE[byte] == char


@pytest.mark.parametrize("pair, char", [
    (b"\xea\xea", "॥"), (b"\xea\xe9", "ऽ"), (b"\xa1\xe9", "ॐ"), (b"\xe8\xe8", "\u094d\u200c"),
])
def test_iscii_two_byte_forms(pair, char):
    assert decode_bytes(b"\xb3\xda " + pair, "t")[0] == "का " + char


def test_iscii_91_file_decodes():
    text, encoding = decode_bytes(iscii_encode(HINDI), "old.txt")
    assert encoding == "iscii-91"
    assert text == unicodedata.normalize("NFC", HINDI)


def test_iscii_nukta_letters_come_out_nfc():
    # ज + nukta (0xBA 0xE9) is how ISCII writes ज़; NFC keeps it as two code points.
    assert decode_bytes(b"\xba\xe9\xdc\xc4\xdb\xcf \xca\xc2\xda", "t")[0] == "ज़ीदिर बता"


@pytest.mark.parametrize("data, encoding", [
    (codecs.BOM_UTF16_LE + HINDI.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + HINDI.encode("utf-16-be"), "utf-16"),
    (HINDI.encode("utf-16-le"), "utf-16-le"),
    (HINDI.encode("utf-16-be"), "utf-16-be"),
    (codecs.BOM_UTF8 + HINDI.encode(), "utf-8-sig"),
    (HINDI.encode(), "utf-8"),
], ids=["utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf8-bom", "utf8"])
def test_unicode_encodings(data, encoding):
    assert decode_bytes(data, "f.txt") == (HINDI, encoding)


def test_english_utf16_without_bom_is_not_read_as_utf8_with_nuls():
    text, encoding = decode_bytes("Police held a meeting on Monday.".encode("utf-16-le"), "f")
    assert (text, encoding) == ("Police held a meeting on Monday.", "utf-16-le")


@pytest.mark.parametrize("text", ["சென்னை மாநகராட்சி அறிவிப்பு", "ضلع انتظامیہ نے مہم شروع کی", "中文新闻"])
def test_other_scripts_in_utf8_are_text_not_binary(text):
    assert decode_bytes(text.encode(), "f")[0] == text


def _error(data: bytes, source: str = "in.txt") -> InputError:
    with pytest.raises(InputError) as info:
        decode_bytes(data, source)
    assert info.value.source == source and info.value.stage == "decode"
    assert info.value.hint, "every refusal says what to do"
    return info.value


def test_windows_1252_text_is_refused_clearly():
    error = _error("Café résumé — “naïve” déjà vu, see the façade".encode("cp1252"))
    assert "not valid UTF-8" in error.problem and "ISCII" in error.problem
    assert "iconv" in error.hint


def test_png_bytes_are_binary():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" + bytes(64)
    assert "binary" in _error(png, "photo.txt").problem


def test_binary_without_nuls_is_refused():
    assert _error(bytes(range(1, 32)) * 50).problem  # control characters only


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_input(data):
    assert "empty" in _error(data).problem


def test_broken_utf16_after_a_bom_is_refused():
    assert "byte-order mark" in _error(codecs.BOM_UTF16_LE + b"\x00\xd8\x41").problem


# --- a local HTML file's own charset label, read as browsers read it -----------------------
PAGE = ('<!doctype html><html><head>{meta}<title>Café</title></head>'
        '<body><p>Le café du marché, déjà ouvert à 8 h, sert des crêpes.</p></body></html>')


@pytest.mark.parametrize("meta, label, codec", [
    ('<meta charset="windows-1252">', "windows-1252", "cp1252"),
    ('<meta charset=iso-8859-1>', "iso-8859-1", "cp1252"),  # WHATWG: Latin-1 labels mean 1252
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">', "iso-8859-15", "iso8859-15"),
])
def test_meta_charset_decodes_a_legacy_page(meta, label, codec, tmp_path):
    from extractor.acquire.sources import read_file

    data = PAGE.format(meta=meta).encode(codec)
    assert declared_charset(data) == codecs.lookup(codec).name
    path = tmp_path / "page.html"
    path.write_bytes(data)
    assert "Le café du marché, déjà ouvert" in read_file(path).html


def test_valid_utf8_wins_over_a_wrong_label():
    """A Hindi page saved as UTF-8 but labelled Latin-1 (a common template slip) reads right."""
    data = PAGE.format(meta='<meta charset="iso-8859-1">').replace("Le café", HINDI).encode("utf-8")
    text, encoding = decode_bytes(data, "page.html", declared_charset(data))
    assert encoding == "utf-8" and HINDI in text


def test_a_label_past_the_first_kilobyte_or_unknown_is_ignored():
    late = b"<html><head>" + b" " * 1100 + b'<meta charset="windows-1252"></head></html>'
    assert declared_charset(late) is None
    assert declared_charset(b'<meta charset="no-such-codec">') is None


def test_utf8_with_a_few_bad_bytes_is_read_with_a_warning_even_under_a_latin1_label():
    from extractor.acquire.decode import decode_with_warnings

    head = '<html><head><meta charset="windows-1252"></head><body><p>' + HINDI[:8]
    page, cut = (head + HINDI[8:] + "</p></body></html>").encode(), len(head.encode())
    damaged = page[:cut] + b"\x92" + page[cut:]  # a stray Windows quote byte between two letters
    text, encoding, warnings = decode_with_warnings(damaged, "page.html", declared_charset(damaged))
    assert encoding == "utf-8" and HINDI in text.replace("\ufffd", "")
    assert warnings == [f"page.html: decode: 1 byte sequence not valid UTF-8 (first at offset {cut}) replaced "
                        "by U+FFFD. Check the file if text is missing there."]
    with pytest.raises(InputError, match="not valid UTF-8"):  # mostly bad bytes: refused as before
        decode_with_warnings(bytes(range(0x80, 0x100)) * 4 + HINDI.encode()[:30], "x.txt")
