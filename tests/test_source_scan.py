"""No Hindi word in the package's code: every word a stage reads comes from its language pack.

Comments and docstrings may quote Hindi (they explain a rule by its example); string literals,
names and regexes may not. Script-level code points written as escapes ("\\u094d", a range of
the Devanagari block) are not words and pass.
"""
from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEVANAGARI = re.compile("[\u0900-\u097f]")
LAYOUT = {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT,
          tokenize.ENCODING}


def devanagari_in_code(source: str) -> list[tuple[int, str]]:
    """(line, token) for every token with a Devanagari letter that is not a comment or a docstring."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    found = []
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.COMMENT or not DEVANAGARI.search(tok.string):
            continue
        if tok.type == tokenize.STRING and _is_docstring(tokens, i):
            continue
        found.append((tok.start[0], tok.string[:60]))
    return found


def _is_docstring(tokens, i: int) -> bool:
    """A string that is a statement of its own (module, class or function docstring)."""
    j = i - 1
    while j >= 0 and tokens[j].type in LAYOUT - {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}:
        j -= 1
    starts_statement = j < 0 or tokens[j].type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
    k = i + 1
    while k < len(tokens) and tokens[k].type in (tokenize.STRING, tokenize.NL):
        k += 1  # implicitly joined string pieces
    ends_statement = k >= len(tokens) or tokens[k].type in (tokenize.NEWLINE, tokenize.ENDMARKER,
                                                             tokenize.COMMENT)
    return starts_statement and ends_statement


@pytest.mark.parametrize("path", sorted((ROOT / "extractor").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_hindi_in_code(path):
    found = devanagari_in_code(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: Hindi in code, move it to models/<lang>/: {found[:5]}"


@pytest.mark.parametrize("source, expected", [
    ('x = {"और", "तथा"}\n', 2),
    ('"""मॉड्यूल।"""\nx = 1\n', 0),
    ('def f():\n    """नाम पढ़ें।"""\n    return 1\n', 0),
    ('x = 1  # "और" joins a list\n', 0),
    ('x = re.compile("[\\u0900-\\u097f]+")\n', 0),
    ('f("नाम")\n', 1),
    ('y = ("एक"\n     "दो")\n', 2),
])
def test_scanner_tells_code_from_comments(source, expected):
    assert len(devanagari_in_code(source)) == expected
