"""Agencies and programmes stages: named bodies with canonical names, named programmes with kinds."""
import pytest

from extractor.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def agencies(nlp, text):
    doc = nlp(text)  # keep the Doc alive while its span groups are read
    return {s._.agencies["name"]: s._.agencies["canonical"] for s in doc.spans["agencies"]}


def programmes(nlp, text):
    doc = nlp(text)
    return {s._.programmes["name"]: s._.programmes["kind"] for s in doc.spans["programmes"]}


AGENCY_CASES = [
    ("यूनिसेफ के सहयोग से कार्यशाला हुई।", {"यूनिसेफ": "UNICEF"}),
    ("कार्यक्रम UNICEF और चाइल्डलाइन के साथ मिलकर चलाया गया।", {"UNICEF": "UNICEF", "चाइल्डलाइन": "Childline 1098"}),
    ("बैठक में लोक निर्माण विभाग, सिंचाई विभाग और नगर निगम के अधिकारी आए।",
     {"लोक निर्माण विभाग": None, "सिंचाई विभाग": None, "नगर निगम": None}),
    ("शिक्षा विभाग स्वास्थ्य विभाग और पुलिस विभाग को पत्र भेजा गया।",
     {"शिक्षा विभाग": None, "स्वास्थ्य विभाग": None, "पुलिस विभाग": None}),
    ("राजस्थान पुलिस ने अभियान चलाया।", {"राजस्थान पुलिस": None}),
    ("इलाहाबाद उच्च न्यायालय ने आदेश दिया।", {"इलाहाबाद उच्च न्यायालय": None}),
    ("गृह मंत्रालय ने परामर्श जारी किया।", {"गृह मंत्रालय": "Ministry of Home Affairs"}),
    ("राष्ट्रीय महिला आयोग और जिला विधिक सेवा प्राधिकरण ने शिविर लगाया।",
     {"राष्ट्रीय महिला आयोग": "National Commission for Women",
      "जिला विधिक सेवा प्राधिकरण": "District Legal Services Authority"}),
    ("महिला एवं बाल विकास विभाग की योजना।", {"महिला एवं बाल विकास विभाग": None}),
    ("सीबीआई ने मामला दर्ज किया।", {"सीबीआई": "Central Bureau of Investigation"}),
    ("श्रम विभाग, पंचायत विभाग और जिला पंचायत को पत्र भेजा।",
     {"श्रम विभाग": None, "पंचायत विभाग": None, "जिला पंचायत": None}),
    ("भारतीय आयुर्विज्ञान अनुसंधान परिषद (आईसीएमआर) ने अध्ययन किया।",
     {"भारतीय आयुर्विज्ञान अनुसंधान परिषद": "ICMR"}),
]
AGENCY_NEGATIVES = [
    "सभी विभागों के अधिकारी उपस्थित रहे।",   # plural, generic
    "पुलिस ने आरोपी को गिरफ्तार किया।",     # generic police, no named force
    "कई पुलिस अधिकारी मौजूद रहे।",
]


@pytest.mark.parametrize("text,expected", AGENCY_CASES)
def test_agencies(nlp, text, expected):
    found = agencies(nlp, text)
    for name, canonical in expected.items():
        assert name in found, (name, found)
        if canonical:
            assert found[name] == canonical
    assert set(found) <= set(expected), found


@pytest.mark.parametrize("text", AGENCY_NEGATIVES)
def test_no_generic_agencies(nlp, text):
    assert agencies(nlp, text) == {}


def test_one_entry_per_body(nlp):
    found = agencies(nlp, "यूनिसेफ ने कहा। UNICEF की टीम आई। यूनिसेफ का धन्यवाद।")
    assert list(found) == ["यूनिसेफ"]


PROGRAMME_CASES = [
    ("जिले में 'ऑपरेशन सवेरा' अभियान चलाया जा रहा है।", {"ऑपरेशन सवेरा": "campaign"}),
    ("मिशन शक्ति के तहत जागरूकता फैलाई गई।", {"मिशन शक्ति": "mission"}),
    ("बेटी बचाओ बेटी पढ़ाओ की शुरुआत हुई।", {"बेटी बचाओ बेटी पढ़ाओ": "campaign"}),
    ("“सुरक्षित सफर” थीम पर कार्यशाला आयोजित हुई।", {"सुरक्षित सफर": "theme"}),
    ("पुलिस ने ऑपरेशन मुस्कान शुरू किया।", {"ऑपरेशन मुस्कान": "operation"}),
    ("मुख्यमंत्री कन्या उत्थान योजना के लाभार्थियों को राशि दी गई।", {"मुख्यमंत्री कन्या उत्थान योजना": "scheme"}),
    ("'नशा मुक्त भारत' अभियान के तहत रैली निकाली गई।", {"नशा मुक्त भारत": "campaign"}),
]
PROGRAMME_NEGATIVES = [
    "विशेष अभियान चलाया गया।",
    "इस कार्यक्रम में कई लोग आए।",
    "जागरूकता अभियान के दौरान पर्चे बांटे गए।",
    "यह एक अभिनव पहल है।",
    "रेस्क्यू ऑपरेशन टीम ने बच्चों को बचाया।",
    "उन्होंने कहा, 'हम पूरी कोशिश करेंगे।'",
]


@pytest.mark.parametrize("text,expected", PROGRAMME_CASES)
def test_programmes(nlp, text, expected):
    found = programmes(nlp, text)
    for name, kind in expected.items():
        assert any(name in f for f in found), (name, found)
        assert kind in found.values()


@pytest.mark.parametrize("text", PROGRAMME_NEGATIVES)
def test_no_generic_programmes(nlp, text):
    assert programmes(nlp, text) == {}
