"""Statements stage: decisions and action points from verb constructions, with by/owner/deadline."""
import pytest

from extractor.extract import extract_text


def statements(text, published=None):
    record = extract_text(text, published=published)
    return record["decisions"], record["action_points"]


@pytest.mark.parametrize("text,decision,action", [
    ("बैठक में निर्णय लिया गया कि सभी थानों पर हेल्प डेस्क बनेगी।", True, False),
    ("समिति ने प्रस्ताव पारित कर नई दरें तय कीं।", True, False),
    ("जिलाधिकारी ने अधिकारियों को निर्देश दिए कि काम समय से पूरा करें।", True, True),
    ("आयुक्त ने सड़क निर्माण के आदेश जारी किए।", True, True),
    ("सभी विद्यालयों में शिविर लगाया जाएगा।", False, True),
    ("लाभार्थियों को समय से भुगतान किया जाए।", False, True),
    ("अगले वर्ष योजना को पूरे प्रदेश में लागू करने की योजना है।", False, True),
    ("कार्यक्रम में बड़ी संख्या में लोगों ने भाग लिया।", False, False),
    ("उन्होंने कहा, “हम हर बच्चे तक पहुंचेंगे और काम किया जाएगा।”", False, False),
    ("बैठक का आयोजन पुलिस लाइन सभागार में किया गया।", False, False),
])
def test_kinds(text, decision, action):
    decisions, actions = statements(text)
    assert bool(decisions) == decision, decisions
    assert bool(actions) == action, actions


def test_directive_has_issuer_owner_and_deadline():
    text = "पुलिस अधीक्षक राकेश वर्मा ने सभी थाना प्रभारियों को 30 सितंबर 2025 तक सत्यापन पूरा करने के निर्देश दिए।"
    decisions, actions = statements(text)
    assert decisions[0]["by"] == "राकेश वर्मा"
    assert actions[0]["owner"] == "सभी थाना प्रभारियों"
    assert actions[0]["deadline"] == "2025-09-30"


def test_bare_post_resolves_to_its_holder():
    text = "एसपी अंकित मिश्रा ने बैठक ली। एसपी ने निर्देश दिया कि गश्त बढ़ाई जाए।"
    decisions, _ = statements(text)
    assert decisions[-1]["by"] == "अंकित मिश्रा"


def test_clause_split_keeps_only_the_statement():
    text = "कार्यशाला में कई विषयों पर चर्चा हुई, इसलिए सभी अधिकारी रिपोर्ट 10 दिन में जमा करें।"
    _, actions = statements(text)
    assert len(actions) == 1 and actions[0]["text"].startswith("इसलिए")


def test_headline_is_not_a_statement():
    text = "सभी स्कूलों में शिविर लगाया जाएगा\n\nलखनऊ। बैठक में लोगों ने भाग लिया।"
    decisions, actions = statements(text)
    assert decisions == [] and actions == []
