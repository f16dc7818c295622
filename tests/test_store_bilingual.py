"""The bilingual key: Hindi and English names of a body or scheme that translate each other meet;
different bodies, and names with nothing translated, do not."""
from __future__ import annotations

import re

import pytest

from extractor.packs import get_pack
from extractor.store.bilingual import country_key, translated_key
from extractor.store.keys import name_key

SAME = [
    ("Ministry of Jal Shakti", "जल शक्ति मंत्रालय"),  # head translated, "X of Y" turned round
    ("Department of Rural Development", "ग्रामीण विकास विभाग"),  # every word translated
    ("Jal Jeevan Mission", "जल जीवन मिशन"),
    ("National Health Mission", "राष्ट्रीय स्वास्थ्य मिशन"),
    ("Ministry of Health and Family Welfare", "स्वास्थ्य एवं परिवार कल्याण मंत्रालय"),  # "and" = "एवं"
    ("Ministry of Women and Child Development", "महिला और बाल विकास मन्त्रालय"),  # spelling of the head
    ("Union Ministry of Rural Development", "केंद्रीय ग्रामीण विकास मंत्रालय"),  # optional qualifier
    ("Ministry of Rural Development", "केंद्रीय ग्रामीण विकास मंत्रालय"),
    ("National Commission for Women", "राष्ट्रीय महिला आयोग"),  # the link goes inside the head
    ("Election Commission of India", "भारत निर्वाचन आयोग"),  # "of India" goes first
    ("Ministry of Development of North Eastern Region", "पूर्वोत्तर क्षेत्र विकास मंत्रालय"),  # two links
    ("Prime Minister's Office", "प्रधानमंत्री कार्यालय"),  # a possessive
    ("Pradhan Mantri Awas Yojana", "प्रधानमंत्री आवास योजना"),  # transliterations of translated words
    ("PM Awas Yojana", "प्रधान मंत्री आवास योजना"),
    ("Swachh Bharat Abhiyan", "स्वच्छ भारत अभियान"),
    ("NITI Aayog", "नीति आयोग"),
    ("Department of Drinking Water and Sanitation", "पेयजल एवं स्वच्छता विभाग"),
    ("Rajasthan State Government", "राजस्थान राज्य सरकार"),
    ("Government of Rajasthan", "राजस्थान सरकार"),
    ("Union Government", "केंद्र सरकार"),
    ("Central Government", "केंद्र सरकार"),
    ("Cabinet Committee on Economic Affairs", "मंत्रिमंडल की आर्थिक मामलों की समिति"),  # "on"; की
    ("Ministry of Minority Affairs", "अल्पसंख्यक मामलों के मंत्रालय"),  # के stands for "of"
    ("India Meteorological Department (IMD)", "भारत मौसम विज्ञान विभाग"),  # brackets: another name
    ("BPPI", "बीपीपीआई"),  # an acronym spelled in Hindi letter names
    ("PMGKY package", "पीएमजीकेवाई पैकेज"),
    ("Ministry of MSME", "एमएसएमई मंत्रालय"),  # an acronym with a table entry
    ("PM-KISAN", "पीएम किसान"),  # PM = prime minister in both scripts; KISAN in capitals
    ("Georgian Government", "जॉर्जिया सरकार"),  # a country's adjective = its CLDR name
    ("Government of Georgia", "जॉर्जिया सरकार"),
    ("Government of the United States", "अमेरिकी सरकार"),  # a Hindi adjective from the table
    ("Embassy of Japan", "जापान दूतावास"),
    ("M.D University", "एम डी विश्वविद्यालय"),  # letters written one by one are an acronym
    ("V. O. Chidambaranar Port", "वी.ओ. चिदंबरनार बंदरगाह"),
    ("Scheme for Non-Competitive Bidding Facility", "अप्रतिस्पर्धी बोली सुविधा योजना"),  # auction words
]
DIFFERENT = [
    ("Ministry of Health", "Department of Health Research"),  # different heads and subjects
    ("Ministry of Rural Development", "ग्रामीण विकास विभाग"),  # ministry is not department
    ("Department of Drinking Water", "पेयजल एवं स्वच्छता विभाग"),  # a subject fewer
    ("National Health Mission", "राष्ट्रीय ग्रामीण स्वास्थ्य मिशन"),  # a subject more
    ("National Commission for Women", "राष्ट्रीय बाल आयोग"),
    ("State Election Commission", "भारत निर्वाचन आयोग"),
    ("Ministry of Coal", "Ministry of Mines"),
    ("Jal Jeevan Mission", "जल शक्ति अभियान"),
    ("Pradhan Mantri Awas Yojana", "मुख्यमंत्री आवास योजना"),  # prime minister is not chief minister
    ("Union Bank of India", "Central Bank of India"),  # "Union" is central only before a ministry
    ("Bank of India", "Indian Bank"),  # an exception: the other order names another bank
    ("CBI", "सीबीडीटी"),  # different acronyms
    ("NIA", "एनआईसी"),
    ("Georgian Government", "आर्मेनिया सरकार"),  # different countries
    ("Government of Georgia", "Government of India"),
    ("M.D University", "एम जी विश्वविद्यालय"),  # different letters
    ("Scheme for Competitive Bidding", "अप्रतिस्पर्धी बोली योजना"),  # competitive is not non-competitive
]
NO_KEY = [
    "Ministry", "मंत्रालय", "योजना",  # a head alone names no particular body
    "Amit Shah", "जल जीवन", "",  # nothing translated: the name key is enough
    None, "...",
    "आई", "सीमा",  # one letter name is no acronym; a word of letter-like syllables is none either
]


@pytest.mark.parametrize("a, b", SAME)
def test_translations_meet(a, b):
    assert translated_key(a) == translated_key(b) != ""


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_bodies_stay_apart(a, b):
    assert translated_key(a) != translated_key(b)


@pytest.mark.parametrize("name", NO_KEY)
def test_no_key_without_a_translation(name):
    assert translated_key(name) == ""


def test_a_bilingual_key_never_equals_a_name_key():
    # The alias table holds both kinds of key: they must not meet by accident.
    for a, b in SAME:
        assert translated_key(a) not in {name_key(a), name_key(b)}


def _lexicon_names():
    pack = get_pack("hi")
    for table in ("ministries", "agencies", "programmes"):
        for row in pack.table(table):
            yield table, row["surface"], row["canonical"]


def test_no_two_bodies_or_schemes_of_the_lexicons_share_a_bilingual_key():
    """Every surface and canonical of the Hindi lexicons: a key shared by two canonicals would be
    a false merge in the store."""
    owner: dict[str, set[str]] = {}
    for _, surface, canonical in _lexicon_names():
        for name in (surface, canonical):
            key = translated_key(name)
            if key:
                owner.setdefault(key, set()).add(canonical)
    shared = {k: v for k, v in owner.items() if len(v) > 1}
    assert shared == {}


def test_most_hindi_ministry_names_meet_their_english_name():
    """The ministries table pairs Hindi names with their English canonical: the tables of the two
    packs must cover the words of Union ministries (the rest are abbreviations and short forms)."""
    pairs = [(s, c) for table, s, c in _lexicon_names() if table == "ministries" and re.search("[\u0900-\u097f]", s)]
    met = [s for s, c in pairs if translated_key(s) and translated_key(s) == translated_key(c)]
    assert len(met) / len(pairs) >= 0.8, sorted(set(s for s, _ in pairs) - set(met))


def test_without_an_english_pack_hindi_names_still_get_their_key():
    from extractor.store.bilingual import BilingualKeys

    keys = BilingualKeys(get_pack("hi"), None)
    assert keys.translated_key("ग्रामीण विकास विभाग") == translated_key("ग्रामीण विकास विभाग") != ""
    assert keys.translated_key("Department of Rural Development") != translated_key("Department of Rural Development")


@pytest.mark.parametrize("a, b", [("India", "भारत"), ("Georgia", "जॉर्जिया"), ("United States", "अमेरिका"),
                                  ("South Korea", "दक्षिण कोरिया"), ("France", "फ़्रांस")])
def test_a_country_place_has_one_key_in_both_scripts(a, b):
    assert country_key(a) and country_key(a) == country_key(b)


@pytest.mark.parametrize("name", ["Mumbai", "मुंबई", "Chad", "माली", "गिनी", "", None, "Georgia Road"])
def test_other_places_and_countries_named_by_common_words_have_no_country_key(name):
    assert country_key(name) == ""
