"""Amounts of money in English: the en_money component, the money stage reading the English
pack (models/en/lexicons/money.tsv and numbers.tsv): "Rs. 1,000 crore", "Rs 5.5 lakh",
"₹ 20,000 crore", "INR 10 million", "USD 2 billion", with the Hindi stage's item fields."""
from __future__ import annotations

from spacy.language import Language

from ..packs import get_pack
from .money import Money


@Language.factory("en_money", assigns=["doc.spans", "span._.money"])
def make_en_money(nlp: Language, name: str):
    return Money(nlp, get_pack(nlp.lang).view())
