"""Name keys: spellings and scripts of one name meet; different names stay apart."""
from __future__ import annotations

import pytest

from extractor.store.keys import name_key

SAME = [
    ("डॉ. संजीव शुक्ला", "Sanjeev Shukla"),  # honorific, Latin transliteration
    ("श्री संजीव शुक्ला", "Dr. Sanjiv Shukla"),  # honorifics in both scripts, ee/i
    ("दीपक शर्मा जी", "दीपक शर्मा"),  # trailing जी
    ("ज़ाकिर हुसैन", "जाकिर हुसैन"),  # nukta
    ("Zakir Hussain", "ज़ाकिर हुसैन"),  # z = ज़, doubled letters
    ("फ़ैज़ाबाद", "Faizabad"),  # फ़ = f
    ("हिमाँशु", "हिमांशु"),  # chandrabindu / anusvara
    ("अरविन्द केजरीवाल", "अरविंद केजरीवाल"),  # halant + nasal / anusvara
    ("Arvind Kejriwal", "अरविंद केजरीवाल"),  # inherent vowel, w = v
    ("अम्बेडकर", "Ambedkar"),  # म् before ब
    ("राजेंद्र सिंह", "Rajendra Singh"),  # सिंह = Singh
    ("मित्तल", "Mittal"), ("चौधरी", "Chaudhary"), ("कृष्ण", "Krishna"), ("त्रिपाठी", "Tripathi"),
    ("ज्ञानेश", "Gyanesh"), ("अमित शाह", "Amit Shah"), ("रायपुर", "Raipur"), ("कैलाश", "Kailash"),
    ("मिशन शक्ति", "Mission Shakti"), ("यूनिसेफ", "यूनीसेफ"), ("१०९८ हेल्पलाइन", "1098 हेल्पलाइन"),
    ("संजीव\u200d शुक्ला", "संजीव शुक्ला"),  # zero-width joiner
    ("बैंक", "Bank"), ("चैंपियन्स", "Champions"), ("चैंपियंस", "CHAMPIONS"),  # ैं = short a of loanwords
    ("इंडियन", "Indian"), ("मियां", "Mian"),  # -ian/-ion = ियन
    ("अलीगढ़", "Aligarh"), ("छत्तीसगढ़", "Chhattisgarh"), ("सड़क", "Sadak"),  # rh = ढ़, d = ड़
    ("मुंबई", "Mumbai"), ("मुम्बई", "Mumbai"), ("भाई", "Bhai"),  # the letter ई after a = Latin "ai"
    ("मुखर्जी", "Mookerjee"), ("बनर्जी", "Banerjee"), ("चटर्जी", "Chatterjee"),  # -erjee = र्जी
]
DIFFERENT = [
    ("राजेंद्र सिंह", "राजेंद्र सिन्हा"),  # Singh is not Sinha
    ("संजीव शुक्ला", "संजय शुक्ला"),
    ("शुक्ला", "संजीव शुक्ला"),  # a surname alone is not the full name
    ("रमेश", "सुरेश"),
    ("पुलिस अधीक्षक", "पुलिस महानिरीक्षक"),
    ("जैन", "जान"), ("Jain", "Jan"),  # ै without a nasal sign keeps its "ai"
    ("Rhea", "Dea"),  # rh = ढ़ only after a vowel
]


@pytest.mark.parametrize("a, b", SAME)
def test_same_key(a, b):
    assert name_key(a) == name_key(b) != ""


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_key(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("text", ["", "  ", "...", "।", None])
def test_nothing_name_like_has_an_empty_key(text):
    assert name_key(text) == ""


def test_a_lone_honorific_is_kept_as_the_name():
    assert name_key("श्री") != ""
