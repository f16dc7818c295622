"""Sentence boundaries: a wire dateline with its agency in brackets ends before the story."""
import pytest

from extractor.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.mark.parametrize("text,first", [
    ("लखनऊ, 9 जून (भाषा) प्रदेश सरकार ने नई नीति जारी की।", "लखनऊ, 9 जून (भाषा)"),
    ("जयपुर, 2 मई (वार्ता) राज्यपाल ने विधेयक को मंजूरी दी।", "जयपुर, 2 मई (वार्ता)"),
    ("मुंबई, 14 अगस्त (पीटीआई-भाषा) बैंक ने ब्याज दरें घटाईं।", "मुंबई, 14 अगस्त (पीटीआई-भाषा)"),
])
def test_wire_dateline_is_its_own_sentence(nlp, text, first):
    assert next(nlp(text).sents).text == first


@pytest.mark.parametrize("text", [
    "समिति ने भाषा (भाषा विज्ञान) के पाठ्यक्रम को मंजूरी दी।",   # no dateline comma before it
    "मंत्री ने कहा कि हिंदी (भाषा) का प्रयोग बढ़ाया जाएगा।",
    "पटना, 3 जून (वार्ता)। बिहार सरकार ने आदेश दिया।",           # the danda ends it: no split before it
])
def test_brackets_that_are_no_wire_dateline_stay(nlp, text):
    sents = [s.text for s in nlp(text).sents]
    if "।" in text[:-1]:
        assert sents[0].endswith("।")
    else:
        assert len(sents) == 1, sents
