"""hi_reconcile: where rules and the NER model disagree, rules win; model-only noise is dropped."""
import pytest

from extractor.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(exclude=("hi_ner",))


def run_with_ner(nlp, text, ents):
    """Run the rule stages on a Doc whose `ner` group holds the given (text, label) spans."""
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.spans["ner"] = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def names(doc, group):
    return [s.text for s in doc.spans[group]]


def test_unknown_village_from_the_model_is_kept(nlp):
    doc = run_with_ner(nlp, "टीम ने झुमरीतलैया गांव में शिविर लगाया।", [("झुमरीतलैया", "LOC")])
    assert names(doc, "places") == ["झुमरीतलैया"]


@pytest.mark.parametrize("text,ents,group", [
    ("एसएसपी रजनीश दासगुप्ता ने बैठक ली।", [("दासगुप्ता", "LOC")], "places"),   # an official's name
    ("यूनिसेफ के सहयोग से कार्यक्रम हुआ।", [("यूनिसेफ", "LOC")], "places"),      # a known body
    ("इस मॉडल को लागू किया गया।", [("मॉडल", "LOC")], "places"),                    # everyday word
    ("अजय तिवारी, आईएएस ने कहा।", [("आईएएस", "ORG")], "agencies"),               # a service
    ("संचालित रेस्क्यू ऑपरेशन पूरा हुआ।", [("संचालित रेस्क्यू ऑपरेशन", "ORG")], "agencies"),
    ("स्वयंसेवी संगठनों ने भाग लिया।", [("स्वयंसेवी संगठनों", "ORG")], "agencies"),  # a kind of body
])
def test_model_only_noise_is_dropped(nlp, text, ents, group):
    doc = run_with_ner(nlp, text, ents)
    assert not any(e[0] == n for e in ents for n in names(doc, group)), names(doc, group)


def test_rule_items_are_never_dropped(nlp):
    doc = run_with_ner(nlp, "बिलासपुर पुलिस ने यूनिसेफ के साथ बैठक की।", [("बिलासपुर पुलिस", "ORG")])
    assert "बिलासपुर" in names(doc, "places")
    assert {"बिलासपुर पुलिस", "यूनिसेफ"} <= set(names(doc, "agencies"))


def run_with_ner_at(nlp, text, ents):
    """Like run_with_ner, with (text, label, occurrence) to place a span on a later mention."""
    doc = nlp.make_doc(text)
    spans = []
    for surface, label, nth in ents:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.spans["ner"] = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize("text,ents", [
    ("कलेक्टर के आदेशानुसार टीम गांव पहुंची।", [("आदेशानुसार", "LOC", 0)]),          # adverb
    ("कार्यक्रम सफलतापूर्वक संपन्न हुआ।", [("सफलतापूर्वक", "LOC", 0)]),
    ("आशा और एएनएम कार्यकर्ता गांव पहुंचे।", [("एएनएम", "LOC", 0)]),                # an acronym
    # "X (ACRONYM)" after a body: every bare mention of the acronym is that body.
    ("सालसा ने शिविर लगाया। राज्य विधिक सेवा प्राधिकरण (सालसा) के सचिव आए। सालसा के सदस्य भी थे।",
     [("सालसा", "LOC", 0), ("सालसा", "LOC", 2)]),
])
def test_model_only_non_places_are_dropped(nlp, text, ents):
    doc = run_with_ner_at(nlp, text, ents)
    assert not {e[0] for e in ents} & set(names(doc, "places")), names(doc, "places")


def test_bracketed_acronym_is_one_body(nlp):
    text = "सालसा ने शिविर लगाया। राज्य विधिक सेवा प्राधिकरण (सालसा) के सचिव आए।"
    doc = run_with_ner_at(nlp, text, [("सालसा", "ORG", 0)])
    assert names(doc, "agencies") == ["राज्य विधिक सेवा प्राधिकरण"], names(doc, "agencies")
    assert doc.spans["agencies"][0]._.agencies["acronym"] == "सालसा"


def test_acronym_after_a_number_is_not_a_body(nlp):
    doc = run_with_ner_at(nlp, "दोषी कर्मचारियों पर नियम 16 सीसी के तहत कार्रवाई होगी।", [("सीसी", "ORG", 0)])
    assert names(doc, "agencies") == []


def test_model_place_beside_a_body_is_kept(nlp):
    doc = run_with_ner_at(nlp, "टीम ने झुमरीतलैया गांव और पलामू जिले में शिविर लगाया।", [("झुमरीतलैया", "LOC", 0)])
    assert "झुमरीतलैया" in names(doc, "places")


@pytest.mark.parametrize("text,ents", [
    # an acronym before a law word names the law
    ("आरोपी पर एनडीपीएस एक्ट के तहत मामला दर्ज हुआ।", [("एनडीपीएस", "ORG", 0)]),
    ("पुलिस ने पॉक्सो अधिनियम की धाराओं में केस दर्ज किया।", [("पॉक्सो", "ORG", 0)]),
    # a bracketed acronym after a post (or its plural) abbreviates the post
    ("सभी खंड विकास अधिकारियों (बीडीओ) को प्रशिक्षण दिया गया।", [("बीडीओ", "ORG", 0)]),
    ("जिला कार्यक्रम अधिकारी (डीपीओ) ने निरीक्षण किया।", [("डीपीओ", "ORG", 0)]),
])
def test_model_laws_and_posts_are_not_bodies(nlp, text, ents):
    doc = run_with_ner_at(nlp, text, ents)
    assert not {e[0] for e in ents} & set(names(doc, "agencies")), names(doc, "agencies")


def test_model_span_loses_edge_brackets(nlp):
    text = "भारत संचार निगम लिमिटेड (BSNL) और राज्य की कंपनियां मिलकर काम करेंगी।"
    doc = run_with_ner_at(nlp, text, [("(BSNL", "ORG", 0)])
    assert names(doc, "agencies") == ["भारत संचार निगम लिमिटेड"], names(doc, "agencies")
    assert doc.spans["agencies"][0]._.agencies["acronym"] == "BSNL"


@pytest.mark.parametrize("text,ents", [
    ("मतगणना कलेक्टोरेट के सभाखंड में हुई।", [("सभाखंड", "LOC", 0)]),          # a venue
    ("पुरस्कार वितरण सभागृह में हुआ।", [("सभागृह", "LOC", 0)]),
    ("टीम ने झुग्गी-झोपड़ियों में दवा बांटी।", [("झुग्गी-झोपड़ियों", "LOC", 0)]),   # common nouns
])
def test_model_venues_and_common_nouns_are_not_places(nlp, text, ents):
    doc = run_with_ner_at(nlp, text, ents)
    assert not {e[0] for e in ents} & set(names(doc, "places")), names(doc, "places")
