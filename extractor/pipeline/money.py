"""Amounts of money: the hi_money component writes the money kind's span group.

"182 करोड़ रुपये", "₹5 लाख", "रु. 2,500", "5.5 लाख करोड़ रुपए", "Rs 10 crore", "दो करोड़ रुपये",
"1,000 रुपये प्रति माह": a number (digits, or number words) with its scale words, and a
currency before or after it. Without a currency a number is not money ("5 लाख लोग", "धारा 420",
a year, a phone number). Each item: `text`, `amount` in the currency's base unit (an int when
whole: "182 करोड़" = 1820000000), `currency` (ISO 4217), `unit` (the scale words as written, or
null) and, for a rate, `per` (the word after "प्रति"). The words are the pack's
lexicons/money.tsv (currencies, rate and tail words) and lexicons/numbers.tsv.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from ..kinds import BY_KEY
from ..packs import LanguagePack, get_pack
from .lexmatch import doc_text
from .stage import PackStage

KIND = BY_KEY["money"]


def _combining_marks() -> str:
    """Every combining mark of the Basic Multilingual Plane as a regex class body."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp)).startswith("M"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


# Word edges in any script: `\w` leaves out vowel signs and viramas (combining marks), so with
# it alone a word would seem to end at its last letter and "करोड़" would match in "करोड़ों".
_MARKS = _combining_marks()
_LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
_NO_LETTER_BEFORE = rf"(?<![^\W\d_])(?<![{_MARKS}])"
_NO_LETTER_AFTER = rf"(?![^\W\d_])(?![{_MARKS}])"
_S = r"[^\S\n]"  # a space within the line: an amount does not run over a line break
# Figures, Indian grouping too ("5,00,000"), not glued to a word or to another number ("10:30", "376/34").
_DIGITS = rf"(?<![^\W_])(?<![{_MARKS}])(?<!\d[.,:/])\d+(?:,\d{{2,3}})*(?:\.\d+)?(?![.,:/]?\d)"


def _alternation(words) -> str:
    """The words, longest first, each not glued to a letter on a side where it ends in one; with
    no words, a group that never matches. Neighbours with the same edges share one check (a
    check per word makes the pattern slow to compile)."""
    letter = re.compile(_LETTER)
    groups: list[tuple[tuple[bool, bool], list[str]]] = []
    for word in sorted(set(words), key=len, reverse=True):
        edges = (bool(letter.match(word[0])), bool(letter.match(word[-1])))
        if not groups or groups[-1][0] != edges:
            groups.append((edges, []))
        groups[-1][1].append(re.escape(word))
    out = [(_NO_LETTER_BEFORE if left else "") + "(?:" + "|".join(alts) + ")"
           + (_NO_LETTER_AFTER if right else "") for (left, right), alts in groups]
    return "(?:" + "|".join(out) + ")" if out else "(?!)"


@Language.factory("hi_money", assigns=["doc.spans", "span._.money"])
def make_money(nlp: Language, name: str):
    return Money(nlp, get_pack(nlp.lang).view())


class Money(PackStage):
    """Finds amounts with a currency and gives each its value in the currency's base unit."""

    def __init__(self, nlp: Language, pack: LanguagePack) -> None:
        super().__init__(nlp, pack)
        words: dict[str, dict[str, str]] = {}
        for row in (*pack.table("money"), *pack.table("numbers")):
            words.setdefault(row["kind"], {})[unicodedata.normalize("NFC", row["word"]).casefold()] = row["value"]
        self.before, self.after = words.get("before", {}), words.get("after", {})
        self.numbers, self.plus, self.scales = ({w: Decimal(v) for w, v in words.get(kind, {}).items()}
                                                for kind in ("number", "plus", "scale"))
        plus, word, scale = _alternation(self.plus), _alternation(self.numbers), _alternation(self.scales)
        number = rf"(?:{plus}{_S}+)?(?:{_DIGITS}|{word})"
        # One term of an amount: a number and its scales ("साढ़े तीन लाख"); several terms add up.
        self.term = re.compile(rf"(?:(?P<plus>{plus}){_S}+)?(?:(?P<digits>{_DIGITS})|(?P<word>{word}))"
                               rf"(?P<scales>(?:{_S}*{scale})*)", re.IGNORECASE)
        self.scale = re.compile(scale, re.IGNORECASE)
        self.pattern = re.compile(
            rf"(?:(?P<before>{_alternation(self.before)}){_S}*)?"
            rf"(?P<amount>{number}(?:{_S}*{scale})*(?:{_S}+{number}(?:{_S}*{scale})+)*)"
            rf"(?:{_S}*{_alternation(words.get('tail', ()))})?"
            rf"(?:{_S}*(?P<after>{_alternation(self.after)}))?"
            rf"(?:{_S}+{_alternation(words.get('per', ()))}{_S}+(?P<per>{_LETTER}+))?", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in self.pattern.finditer(doc_text(doc)):
            currency = m["before"] or m["after"]
            if not currency:
                continue  # a number alone is not money
            span = self._span(doc, *m.span())
            amount, unit = self.amount(m["amount"])
            code = self.before[currency.casefold()] if m["before"] else self.after[currency.casefold()]
            span._.set(KIND.extension, {"text": span.text, "amount": amount, "currency": code, "unit": unit,
                                        **({"per": m["per"]} if m["per"] else {})})
            spans.append(span)
        doc.spans[KIND.span_key] = spans
        return doc

    @staticmethod
    def _span(doc: Doc, start: int, end: int):
        """The tokens of the amount; when a token runs past it ("a)Rs 20000"), the tokens inside
        it, so that the evidence holds nothing else; failing that, the whole glued token."""
        return (doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="contract")
                or doc.char_span(start, end, alignment_mode="expand"))

    def amount(self, text: str) -> tuple[int | float, str | None]:
        """ "5.5 लाख करोड़" -> (5500000000000, "लाख करोड़"); terms add up: "2 करोड़ 50 लाख"."""
        total, unit = Decimal(0), None
        for n, t in enumerate(self.term.finditer(text)):
            value = (Decimal(t["digits"].replace(",", "")) if t["digits"]
                     else self.numbers[t["word"].casefold()])
            value += self.plus[t["plus"].casefold()] if t["plus"] else 0
            scales = self.scale.findall(t["scales"])
            for word in scales:
                value *= self.scales[word.casefold()]
            total += value
            if n == 0 and scales:
                unit = " ".join(scales)
        whole = total == total.to_integral_value()
        return (int(total) if whole else float(total)), unit
