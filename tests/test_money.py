"""hi_money: amounts with a currency in Hindi press text, their value, and the money kind
reaching the record, the table, the store and the exports through extractor/kinds.py alone."""
from __future__ import annotations

import pandas as pd
import pytest
from thinc.api import Config

from extractor.extract import extract_text
from extractor.kinds import BY_KEY
from extractor.output import format_table
from extractor.packs import LanguagePack
from extractor.pipeline import build_nlp, config_path
from extractor.pipeline.money import Money
from test_store_support import db_url, pg_module_url, store  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def nlp():
    # The configured pipeline with only the stages hi_money needs (sentences, for the records).
    names = Config().from_disk(config_path())["nlp"]["pipeline"]
    assert names.index("hi_money") == names.index("hi_dates") + 1
    return build_nlp(exclude=tuple(n for n in names if n not in {"hi_sentences", "hi_money"}))


def items(doc) -> list[tuple]:
    return [(s._.money["text"], s._.money["amount"], s._.money["currency"], s._.money["unit"])
            for s in doc.spans["money"]]


CASES = [
    ("सरकार ने 182 करोड़ रुपये मंजूर किए।", [("182 करोड़ रुपये", 1820000000, "INR", "करोड़")]),
    ("विजेता को ₹5 लाख का इनाम मिलेगा।", [("₹5 लाख", 500000, "INR", "लाख")]),
    ("उस पर रु. 2,500 का जुर्माना लगा।", [("रु. 2,500", 2500, "INR", None)]),
    ("इसके लिए 5.5 लाख करोड़ रुपए का बजट है।", [("5.5 लाख करोड़ रुपए", 5500000000000, "INR", "लाख करोड़")]),
    ("केंद्र ने Rs 10 crore दिए।", [("Rs 10 crore", 100000000, "INR", "crore")]),
    ("योजना पर दो करोड़ रुपये खर्च होंगे।", [("दो करोड़ रुपये", 20000000, "INR", "करोड़")]),
    ("कर्मचारियों ने ढाई करोड़ रुपये का योगदान दिया।", [("ढाई करोड़ रुपये", 25000000, "INR", "करोड़")]),
    ("भवन पर साढ़े तीन लाख रुपये लगे।", [("साढ़े तीन लाख रुपये", 350000, "INR", "लाख")]),
    ("कुल 2 करोड़ 50 लाख रुपये स्वीकृत हुए।", [("2 करोड़ 50 लाख रुपये", 25000000, "INR", "करोड़")]),
    ("३.६० लाख करोड़ रुपये का प्रावधान है।", [("३.६० लाख करोड़ रुपये", 3600000000000, "INR", "लाख करोड़")]),
    ("पीड़ित को ₹5,00,000/- की राशि दी गई।", [("₹5,00,000/-", 500000, "INR", None)]),
    ("टिकट 500रु. में मिलेगा और पास रु.1,200 में।", [("500रु.", 500, "INR", None), ("रु.1,200", 1200, "INR", None)]),
    ("शुल्क ₹2.5 है।", [("₹2.5", 2.5, "INR", None)]),
    ("कर्ज 5 अरब डॉलर का है।", [("5 अरब डॉलर", 5000000000, "USD", "अरब")]),
    ("2.5 ट्रिलियन अमेरिकी डॉलर की अर्थव्यवस्था", [("2.5 ट्रिलियन अमेरिकी डॉलर", 2500000000000, "USD", "ट्रिलियन")]),
    # not money: no currency, or a number that is something else
    ("मेले में 5 लाख लोग पहुंचे।", []),
    ("आरोपी पर धारा 420 के तहत मामला दर्ज हुआ।", []),
    ("शिकायत के लिए 9876543210 पर फोन करें।", []),
    ("वर्ष 2024 में 12 जिलों में शिविर लगे।", []),
    ("दोनों ने करोड़ों रुपये की ठगी की।", []),
    ("5 प्रतिशत की बढ़ोतरी हुई।", []),
    # a currency makes a number money even beside others
    ("2024 में धारा 420 के मामले में 5000 रुपये का जुर्माना लगा।", [("5000 रुपये", 5000, "INR", None)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_amounts(nlp, text, expected):
    assert items(nlp(text)) == expected


def test_a_rate_names_its_unit(nlp):
    doc = nlp("वृद्धजनों को 1,000 रुपये प्रति माह पेंशन मिलेगी।")
    (span,) = doc.spans["money"]
    assert span._.money == {"text": "1,000 रुपये प्रति माह", "amount": 1000, "currency": "INR", "unit": None,
                            "per": "माह"}


def test_amounts_are_exact_and_int_when_whole(nlp):
    doc = nlp("3.60 लाख करोड़ रुपये")
    (span,) = doc.spans["money"]
    assert span._.money["amount"] == 3_600_000_000_000 and isinstance(span._.money["amount"], int)


def test_evidence_is_the_amount_alone(nlp):
    """A token glued to the currency ("a)Rs") stays out of the span."""
    doc = nlp("two packages: (a)Rs 20000 crore for MSMEs")
    (span,) = doc.spans["money"]
    assert span.text == "20000 crore" and span._.money["amount"] == 200_000_000_000


def test_another_pack_is_another_language(tmp_path):
    (tmp_path / "lexicons").mkdir(parents=True)
    (tmp_path / "lexicons" / "money.tsv").write_text("word\tkind\tvalue\n$\tbefore\tUSD\ndollars\tafter\tUSD\n")
    (tmp_path / "lexicons" / "numbers.tsv").write_text("word\tkind\tvalue\nfive\tnumber\t5\nmillion\tscale\t1000000\n")
    import spacy

    english = spacy.blank("en")
    doc = Money(english, LanguagePack("en", tmp_path))(english("It cost five million dollars, not 5 lakh."))
    assert items(doc) == [("five million dollars", 5000000, "USD", "million")]


TEXT = "लखनऊ। मुख्यमंत्री ने 182 करोड़ रुपये की योजना को मंजूरी दी। हर लाभार्थी को ₹5 लाख मिलेंगे।"


def test_money_in_the_record_and_the_table():
    record = extract_text(TEXT)
    assert [(m["text"], m["amount"], m["sentence"]) for m in record["money"]] == [
        ("182 करोड़ रुपये", 1820000000, 1), ("₹5 लाख", 500000, 2)]
    assert all(record["text"][slice(*m["span"])] == m["text"] for m in record["money"])
    keys = list(record)
    assert keys.index("programmes") + 1 == keys.index("money") == keys.index("decisions") - 1
    table = format_table(record)
    assert "   money (2)" in table and "182 करोड़ रुपये = 1820000000 INR" in table


def test_money_is_stored_as_mentions_and_exported(store, tmp_path):
    record = extract_text(TEXT)
    store.ingest(record)
    assert store.get_document(record["doc_id"])["money"] == record["money"]  # GET /documents/{id}
    with store.read() as conn:
        from extractor.store.schema import entities, mentions

        rows = conn.execute(mentions.select().where(mentions.c.kind == "money").order_by(mentions.c.ordinal)).all()
        kinds = {k for (k,) in conn.execute(entities.select().with_only_columns(entities.c.kind))}
    assert [(r.surface, r.value, r.entity_id) for r in rows] == [("182 करोड़ रुपये", "1820000000", None),
                                                                ("₹5 लाख", "500000", None)]
    assert BY_KEY["money"].singular not in kinds  # a mention kind: no canonical entity
    written = store.export(tmp_path, "csv")
    money = pd.read_csv(written["money"][0])
    assert list(money["text"]) == ["182 करोड़ रुपये", "₹5 लाख"]
    assert list(money["amount"]) == [1820000000, 500000] and set(money["currency"]) == {"INR"}
    assert "entity_id" not in money.columns
