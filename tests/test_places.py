"""hi_places: gazetteer places, ranges, cues for ambiguous names, NER fallback, the gazetteer build."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from spacy.tokens import Span

from extractor.packs import get_pack
from extractor.pipeline import build_nlp

ROOT = Path(__file__).resolve().parent.parent


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_places", ROOT / "models" / "tools" / "build_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILDER = _load_builder()
DATA = BUILDER.data_dir()  # $INDIA_PLACES_DIR, else ../shared/data/india-places beside the checkout


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(exclude=("hi_ner",))  # the rules alone; the NER fallback has its own tests below


def place_names(nlp, text: str) -> list[str]:
    doc = nlp(text)  # spans need their Doc alive
    return [s.text for s in doc.spans["places"]]


CASES = [
    # states and UTs, joined and spaced spellings
    ("मध्यप्रदेश में महिला सुरक्षा पर बैठक हुई।", ["मध्यप्रदेश"]),
    ("मध्य प्रदेश के भोपाल में पुलिस मुख्यालय में बैठक हुई।", ["मध्य प्रदेश", "भोपाल"]),
    ("उत्तरप्रदेश के बाराबंकी जनपद में अभियान चलेगा।", ["उत्तरप्रदेश", "बाराबंकी"]),
    ("छत्तीसगड़ के रायपुर में कार्यशाला हुई।", ["छत्तीसगड़", "रायपुर"]),
    ("पश्चिम बंगाल और तमिल नाडु से प्रतिनिधि आए।", ["पश्चिम बंगाल", "तमिल नाडु"]),
    ("जम्मू-कश्मीर के श्रीनगर में बैठक हुई।", ["जम्मू-कश्मीर", "श्रीनगर"]),
    ("नई दिल्ली में राष्ट्रीय सम्मेलन हुआ।", ["नई दिल्ली"]),
    ("दिल्ली-एनसीआर में प्रदूषण बढ़ा।", ["दिल्ली-एनसीआर"]),
    # spellings with and without nukta, chandrabindu, half nasals, vowel length
    ("गाज़ियाबाद और फिरोजाबाद में छापे पड़े।", ["गाज़ियाबाद", "फिरोजाबाद"]),
    ("राँची और झांसी की टीमें पहुंचीं।", ["राँची", "झांसी"]),
    ("इन्दौर और झारखण्ड में शिविर लगे।", ["इन्दौर", "झारखण्ड"]),
    # (कमरूप, a misspelling the gazetteer lacks, is kept by the list with two known places)
    ("कमरूप, नगांव और मोरिगांव के न्यायाधीश मौजूद रहे।", ["कमरूप", "नगांव", "मोरिगांव"]),
    # cities without a municipal corporation (hand rows)
    ("नोएडा और जमशेदपुर में कार्यक्रम हुए।", ["नोएडा", "जमशेदपुर"]),
    # police ranges, zones and divisions keep their suffix
    ("बिलासपुर। पुलिस महानिरीक्षक बिलासपुर रेंज ने निर्देश दिए।", ["बिलासपुर", "बिलासपुर रेंज"]),
    ("इंदौर रेंज के आईजी ने समीक्षा की।", ["इंदौर रेंज"]),
    ("उज्जैन ज़ोन के सभी थानों में अभियान चला।", ["उज्जैन ज़ोन"]),
    ("रीवा संभाग के कमिश्नर ने बैठक ली।", ["रीवा संभाग"]),
    ("शुरुआत इंदौर और उज्जैन रेंज के सात थानों में की गई।", ["इंदौर", "उज्जैन रेंज"]),
    # postpositions and places inside organisation names
    ("असम का यह कार्यक्रम असम के मुख्यमंत्री की पहल है।", ["असम"]),
    ("गुवाहाटी उच्च न्यायालय के न्यायाधीश ने सराहना की।", ["गुवाहाटी"]),
    ("बिलासपुर पुलिस ने विशेष अभियान चलाया।", ["बिलासपुर"]),
    # ambiguous names: only with a cue
    ("वह शाम को घर चला गया।", []),
    ("बिहार के गया जिले में बाढ़ आई।", ["बिहार", "गया"]),
    ("सागर की लहरें ऊंची उठीं।", []),
    ("सागर जिले में स्कूल बंद रहे।", ["सागर"]),
    ("सागर, दमोह और छतरपुर में बारिश हुई।", ["सागर", "दमोह", "छतरपुर"]),
    ("सागर, 5 मई। जिले में अभियान शुरू हुआ।", ["सागर"]),
    ("किसी भी सूरत में यह काम पूरा होगा।", []),
    ("सब्जी मंडी में भीड़ रही।", []),
    ("आरक्षण का कोटा बढ़ाया गया।", []),
    ("राजस्थान के कोटा शहर में छात्र पढ़ते हैं।", ["राजस्थान", "कोटा"]),
    ("पूरी तरह जांच की जाएगी।", []),
    ("फाइल खूंटी पर टांग दी गई।", []),
    ("एमपी-एमएलए कोर्ट ने सजा सुनाई।", []),
    ("एमपी में मानसून पहुंचा।", ["एमपी"]),
    # not places
    ("प्रदेशभर से आए एनजीओ ने भाग लिया।", []),
    ("राज्य स्तरीय समन्वय बैठक आयोजित हुई।", []),
    ("प्रदेश के 42 एनजीओ और मध्य क्षेत्र के सदस्य आए।", []),
    # people's names that contain a place name
    ("अजमेर सिंह ने कार्यक्रम का संचालन किया।", []),
    ("श्री अयोध्या प्रसाद ने धन्यवाद दिया।", []),
    ("डॉ. सागर ने बच्चों की काउंसलिंग की।", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[f"case{i:02d}" for i in range(len(CASES))])
def test_places(nlp, text, expected):
    assert place_names(nlp, text) == expected


def test_span_text_is_the_evidence(nlp):
    text = ("मध्य प्रदेश पुलिस ने इंदौर और उज्जैन रेंज में अभियान चलाया। मध्यप्रदेश के भोपाल में "
            "बैठक हुई।\nसागर। जिले के बिलासपुर रेंज से भी लोग आए।")
    doc = nlp(text)
    spans = list(doc.spans["places"]) + list(doc.spans["place_mentions"])
    assert spans
    for span in spans:
        assert doc.text[span.start_char:span.end_char] == span.text
    for span in doc.spans["places"]:
        assert span._.places["name"] == span.text
        for start, end in span._.places["mentions"]:
            assert doc.text[start:end]  # every listed mention points at text


def test_one_item_per_place_with_all_mentions(nlp):
    doc = nlp("मध्य प्रदेश पुलिस और मध्य प्रदेश सरकार ने मध्यप्रदेश में अभियान चलाया।")
    (span,) = doc.spans["places"]
    assert span.text == "मध्य प्रदेश"  # the article's most frequent spelling
    assert span._.places["canonical"] == "मध्य प्रदेश"
    assert len(span._.places["mentions"]) == 3
    assert len(doc.spans["place_mentions"]) == 3


def test_fields_of_a_state_and_a_range(nlp):
    doc = nlp("असम के बिलासपुर रेंज में नहीं, छत्तीसगढ़ के बिलासपुर रेंज में।")
    data = {s.text: s._.places for s in doc.spans["places"]}
    assert data["असम"] == {**data["असम"], "canonical": "असम", "kind": "state", "state": "Assam",
                           "lgd_code": "18", "source": "gazetteer"}
    assert data["बिलासपुर रेंज"]["kind"] == "range"
    assert data["बिलासपुर रेंज"]["lgd_code"] is None


@pytest.mark.parametrize("text,name,state", [
    ("हिमाचल प्रदेश के बिलासपुर में बर्फ गिरी।", "बिलासपुर", "Himachal Pradesh"),
    ("बिलासपुर में बैठक हुई।", "बिलासपुर", "Chhattisgarh"),  # the one with a corporation
    ("हमीरपुर में बैठक हुई।", "हमीरपुर", None),  # UP or HP: the text cannot tell
    ("औरंगाबाद में बैठक हुई।", "औरंगाबाद", "Bihar"),  # Maharashtra's is a former name
], ids=["named-state", "corporation", "unknown", "former-name"])
def test_state_of_a_shared_name(nlp, text, name, state):
    doc = nlp(text)
    data = {s.text: s._.places for s in doc.spans["places"]}
    assert data[name]["state"] == state
    if state is None:
        assert data[name]["lgd_code"] is None


def _with_ner(nlp, text: str, ents: list[tuple[str, str]]):
    """Run hi_places alone on a doc whose doc.spans["ner"] holds the given (text, label)."""
    doc = nlp.make_doc(text)
    spans = []
    for ent, label in ents:
        start = text.index(ent)
        spans.append(doc.char_span(start, start + len(ent), label=label))
    doc.spans["ner"] = spans
    return nlp.get_pipe("hi_places")(doc)


def test_ner_loc_unknown_to_the_gazetteer_is_added(nlp):
    doc = _with_ner(nlp, "कमरूप के न्यायाधीश आए।", [("कमरूप", "LOC")])
    (span,) = doc.spans["places"]
    assert span.text == "कमरूप"
    assert span._.places["canonical"] is None and span._.places["source"] == "ner"


@pytest.mark.parametrize("text,ents", [
    ("राज्य के अधिकारी आए।", [("राज्य", "LOC")]),  # a common noun
    ("कमरूप बाल संरक्षण समिति ने बैठक की।", [("कमरूप बाल संरक्षण समिति", "ORG"), ("कमरूप", "LOC")]),
    ("POCSO कोर्ट में सुनवाई हुई।", [("POCSO", "LOC")]),  # not Devanagari
], ids=["common-noun", "inside-org", "latin"])
def test_ner_loc_that_is_not_a_place(nlp, text, ents):
    assert list(_with_ner(nlp, text, ents).spans["places"]) == []


def test_gazetteer_wins_over_ner_and_ner_does_not_confirm_an_ambiguous_name(nlp):
    # An ambiguous name the model calls LOC stays a model-only place ("ner"), which the
    # hi_reconcile stage later weighs; it is not promoted to a gazetteer match.
    doc = _with_ner(nlp, "असम पुलिस और सागर के लोग आए।", [("असम पुलिस", "LOC"), ("सागर", "LOC")])
    data = {s.text: s._.places for s in doc.spans["places"]}
    assert set(data) == {"असम", "सागर"}
    assert data["असम"]["source"] == "gazetteer"
    assert data["सागर"]["source"] == "ner"


def test_ner_person_span_hides_a_surname(nlp):
    doc = _with_ner(nlp, "अंकित सागर जिले गए।", [("अंकित सागर", "PER")])
    assert list(doc.spans["places"]) == []


def test_every_mention_mode():
    nlp = build_nlp()
    nlp.get_pipe("hi_places").mentions = "all"
    doc = nlp("असम पुलिस ने असम में")
    assert [s.text for s in doc.spans["places"]] == ["असम", "असम"]
    assert all(isinstance(s, Span) and "mentions" not in s._.places for s in doc.spans["places"])


def test_gazetteer_has_all_states_and_districts():
    rows = get_pack().table("places")
    areas = {r["canonical_hi"] for r in rows if r["kind"] in ("state", "ut")}
    districts = {r["lgd_code"] for r in rows if r["kind"] == "district"}
    assert len(areas) == 36
    assert len(districts) >= 780


def test_ambiguous_names_are_gazetteer_forms():
    forms = {r["name_hi"] for r in get_pack().table("places")}
    lines = get_pack().path("lexicons", "places_ambiguous.txt").read_text(encoding="utf-8").splitlines()
    names = [l.split("\t")[0] for l in lines if l.strip() and not l.startswith("#")]
    assert names and all(n in forms for n in names)


@pytest.mark.skipif(not (DATA / "districts.csv").exists(),
                    reason=f"india-places data not found at {DATA}: set INDIA_PLACES_DIR or put shared/ beside the checkout")
def test_builder_reproduces_places_tsv():
    shipped = (ROOT / "models" / "hi" / "lexicons" / "places.tsv").read_text(encoding="utf-8")
    assert BUILDER.render(BUILDER.build_rows(DATA)) == shipped


@pytest.mark.parametrize("text,expected", [
    # "निवासी" after an ambiguous name makes it a place, also a strict one
    ("पुलिस ने सागर निवासी एक युवक को गिरफ्तार किया।", ["सागर"]),
    ("मृतक झारखंड के गया निवासी थे।", ["झारखंड", "गया"]),
])
def test_resident_cue(nlp, text, expected):
    assert place_names(nlp, text) == expected


# Places the gazetteer does not know (blocks, tehsils, police-station areas, villages), read
# from the words around them. The names are invented; none is in the gazetteer.
@pytest.mark.parametrize("text,expected", [
    # police-report style: the place follows निवासी, the name before it is a person
    ("पुलिस ने रमेश पुत्र सुखलाल (45) निवासी कोरवाघाट को गिरफ्तार किया।", ["कोरवाघाट"]),
    ("आरोपी सुनीता पत्नी भंवरलाल, निवासी ग्राम टिकरापाली फरार है।", ["टिकरापाली"]),
    ("हेमंत पुत्र सागर निवासी भोपाल को पकड़ा गया।", ["भोपाल"]),
    # "<X> ब्लॉक/प्रखंड/विकासखंड/तहसील/थाना क्षेत्र", the cue shared over a list
    ("टिकरापाली ब्लॉक में शिविर लगा।", ["टिकरापाली"]),
    ("बिसरामपुरा और कोरवाघाट प्रखंडों में धान खरीदी शुरू हुई।", ["बिसरामपुरा", "कोरवाघाट"]),
    ("लखनपाली, सोनवारी व भैरमपुरा विकासखंड में प्रगति कम रही।", ["लखनपाली", "सोनवारी", "भैरमपुरा"]),
    ("कुसमुंडी थाना क्षेत्र में चोरी हुई।", ["कुसमुंडी"]),
    # the post of a block or sub-division
    ("लखनपाली की बीडीओ ने निरीक्षण किया।", ["लखनपाली"]),
    ("सोनवारी की बीईओ निशा भारती मौजूद थीं।", ["सोनवारी"]),
    ("बैठक में बीईओ सोनवारी अरविंद कुमार मौजूद थे।", ["सोनवारी"]),
    ("अनुमंडल पदाधिकारी (भैरमपुरा) ने कहा कि काम जल्द होगा।", ["भैरमपुरा"]),
    # "<district> जिले के <X> में", a list with known places
    ("रायपुर जिले के कुसमुंडी में कैंप लगा।", ["रायपुर", "कुसमुंडी"]),
    ("सिवनी, बालाघाट और मंडलाखेड़ा में बारिश हुई।", ["सिवनी", "बालाघाट", "मंडलाखेड़ा"]),
])
def test_places_from_cue_words(nlp, text, expected):
    assert place_names(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "प्रत्येक ब्लॉक में शिविर लगेगा।",
    "हर थाना क्षेत्र में गश्त बढ़ाई जाएगी।",
    "आकांक्षी ब्लॉक की सूची जारी हुई।",
    "सभी प्रखंडों के बीडीओ को निर्देश दिए गए।",
    "अपर पुलिस महानिदेशक (साइबर) ने समीक्षा की।",
    "उपखंड अधिकारी (सेवानिवृत्त) ने भाग लिया।",
    "बैठक में बीईओ शैलेश कुमार मौजूद थे।",
    "जिले के किसानों को लाभ मिला।",
    "रामसिंह किचार, सल्टा बाजार में मिले।",
    "शिक्षा, स्वास्थ्य और पोषण पर चर्चा हुई।",
    "रमेश पुत्र सुखलाल (45) को गिरफ्तार किया गया।",
], ids=lambda t: t[:12])
def test_cue_words_without_a_place(nlp, text):
    assert place_names(nlp, text) == []


# A country inside its government's name or a slogan is no place; a model place that is an
# inflected form, a disease, a common noun or the noun of a verb phrase is none either.
@pytest.mark.parametrize("text,absent", [
    ("भारत सरकार ने नई नीति जारी की।", "भारत"),
    ("आत्मनिर्भर भारत अभियान के तहत ऋण दिए गए।", "भारत"),
    ("स्वच्छ भारत मिशन में शौचालय बने।", "भारत"),
    ("कोरोना वायरस से बचाव के उपाय बताए गए।", "कोरोना"),
    ("मॉडल में चार प्रतिशत की त्रुटि हो सकती है।", "त्रुटि"),
    ("गांव की चौपाल में बैठक हुई।", "चौपाल"),
    ("वैज्ञानिकों ने नए अणुओं की पहचान की।", "अणुओं"),
    # eval-hi-fresh: a hospital wing before "ब्लॉक", a supply-network loanword
    ("अस्पताल में नए सुपर स्पेशियलिटी ब्लॉक का निर्माण होगा।", "स्पेशियलिटी"),
    ("मेडिकल कॉलेज में ट्रॉमा ब्लॉक शुरू हुआ।", "ट्रॉमा"),
    ("गुवाहाटी और भुवनेश्वर में पाइप से रसोई गैस पहुंचेगी।", "पाइप"),
])
def test_not_places(nlp, text, absent):
    doc = nlp(text)
    assert absent not in [s.text for s in doc.spans["places"]]


@pytest.mark.parametrize("text,present", [
    ("भारत ने जापान के साथ समझौता किया।", "भारत"),
    ("मध्य प्रदेश सरकार ने भोपाल में बैठक की।", "भोपाल"),
])
def test_places_beside_the_new_rules(nlp, text, present):
    doc = nlp(text)
    assert present in [s.text for s in doc.spans["places"]]


@pytest.mark.parametrize("text,canonical", [
    ("चक्रवात हिन्द महासागर में बना।", "हिंद महासागर"),
    ("प्रशांत महासागर में ला नीना की स्थिति है।", "प्रशांत महासागर"),
    ("बंगाल की खाड़ी में कम दबाव का क्षेत्र बना।", "बंगाल की खाड़ी"),
])
def test_seas_and_oceans(nlp, text, canonical):
    doc = nlp(text)
    assert canonical in [s._.places["canonical"] for s in doc.spans["places"]]


# Countries and foreign cities: Hindi names from Unicode CLDR (babel), generated into
# lexicons/places_world.tsv by models/tools/build_world_places.py and merged into places.tsv.
WORLD_CASES = [
    ("प्रतिनिधिमंडल ने फ्रांस और जापान का दौरा किया।", [("फ्रांस", "country", "France"), ("जापान", "country", "Japan")]),
    ("प्रधानमंत्री ने फ़्रांस के राष्ट्रपति से बात की।", [("फ़्रांस", "country", "France")]),
    ("मंत्री ने टोक्यो और पेरिस में निवेशकों से मुलाकात की।",
     [("टोक्यो", "foreign_city", "Tokyo"), ("पेरिस", "foreign_city", "Paris")]),
    ("काबुल में भारतीय दूतावास ने परामर्श जारी किया।", [("काबुल", "foreign_city", "Kabul")]),
    ("भारत और संयुक्त राज्य के बीच समझौता हुआ।", [("भारत", "country", "India"), ("संयुक्त राज्य", "country", "United States")]),
    ("गिनी, माली और चाड के राजदूतों ने भाग लिया।",
     [("गिनी", "country", "Guinea"), ("माली", "country", "Mali"), ("चाड", "country", "Chad")]),
    ("बर्मा से आए शरणार्थियों को राहत दी गई।", [("बर्मा", "country", "Myanmar")]),  # CLDR's "म्यांमार (बर्मा)"
    # ambiguous names (common words by the HiNER corpus) need a cue or a neighbouring place
    ("उन्होंने गिनी चुनी बातें कहीं।", []),
    ("राज्य सरकार ने संयुक्त राज्य स्तर पर बैठक की।", []),
]


@pytest.mark.parametrize("text,expected", WORLD_CASES)
def test_countries_and_foreign_cities(nlp, text, expected):
    doc = nlp(text)
    assert [(s.text, s._.places["kind"], s._.places["name_en"]) for s in doc.spans["places"]] == expected


def _load_world_builder():
    spec = importlib.util.spec_from_file_location("build_world_places", ROOT / "models" / "tools" / "build_world_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_world_places_come_from_cldr_and_skip_india():
    rows = get_pack().table("places_world")
    assert {r["kind"] for r in rows} == {"country", "foreign_city"}
    assert len([r for r in rows if r["kind"] == "country"]) > 200  # every CLDR territory, not a hand list
    assert not [r for r in rows if r["note"] in ("IN", "Asia/Kolkata")]
    forms = {r["name_hi"] for r in get_pack().table("places")}
    lines = get_pack().path("lexicons", "places_world_ambiguous.txt").read_text(encoding="utf-8").splitlines()
    names = [l.split("\t")[0] for l in lines if l.strip() and not l.startswith("#")]
    assert names and all(n in forms for n in names)


def test_world_builder_reproduces_places_world():
    pytest.importorskip("babel", reason="babel absent: cannot rebuild places_world.tsv")
    builder = _load_world_builder()
    hiner = builder.hiner_dir()
    if not (hiner / "train.conll").exists():
        pytest.skip(f"shared hindi-ner data absent at {hiner}")
    rows, ambiguous = builder.build(hiner)
    lexicons = ROOT / "models" / "hi" / "lexicons"
    assert builder.render(rows) == (lexicons / "places_world.tsv").read_text(encoding="utf-8")
    assert builder.render_ambiguous(ambiguous) == (lexicons / "places_world_ambiguous.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text,expected", [
    # Rajasthan's blocks are panchayat samitis, their officers "विकास अधिकारी"
    ("टिकरापाली और कोरवाघाट पंचायत समितियों में काम बढ़ा।", ["टिकरापाली", "कोरवाघाट"]),
    ("लखनपाली पंचायत समिति में शिविर लगा।", ["लखनपाली"]),
    ("सोनवारी के विकास अधिकारी को नोटिस दिया गया।", ["सोनवारी"]),
    # the sub-divisional magistrate by its other names
    ("कोरवाघाट के उप जिलाधिकारी को निरीक्षण करने को कहा गया।", ["कोरवाघाट"]),
    ("लखनपाली के अनुविभागीय अधिकारी ने बैठक ली।", ["लखनपाली"]),
])
def test_panchayat_samiti_blocks(nlp, text, expected):
    assert place_names(nlp, text) == expected


def test_plural_body_after_a_head_is_no_body(nlp):
    doc = nlp("टिकरापाली और कोरवाघाट पंचायत समितियों में काम बढ़ा।")
    assert [s.text for s in doc.spans["agencies"]] == []


@pytest.mark.parametrize("text,absent", [
    ("इसमें कामरूप जिले का नींबू, उनाकोटी का अनानास शामिल हैं।", "नींबू"),
    ("कैबिनेट ने 14 प्रस्तावों पर मुहर लगाई।", "मुहर"),
])
def test_produce_and_seal_are_no_places(nlp, text, absent):
    assert absent not in place_names(nlp, text)


@pytest.mark.parametrize("text", [
    "वंदे भारत मिशन के तहत उड़ानें चलेंगी।",
    "नई वंदे भारत एक्सप्रेस शुरू हुई।",
])
def test_vande_bharat_is_no_place(nlp, text):
    assert "भारत" not in place_names(nlp, text)
