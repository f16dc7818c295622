"""hi_dates: what a reader would mark as a date in Hindi news, with its value and role."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from thinc.api import Config

from extractor.extract import extract_text
from extractor.pipeline import build_nlp, config_path
from extractor.pipeline.date_values import VALUE_SHAPE

ROLES = {"event", "deadline", "start", "publication", "other"}


@pytest.fixture(scope="module")
def nlp():
    # The configured pipeline with only the stages hi_dates reads (sentences): the others do
    # not change what it sees, and this file should not fail because of them.
    names = Config().from_disk(config_path())["nlp"]["pipeline"]
    assert names.index("hi_dates") > names.index("hi_sentences")
    keep = {"hi_sentences", "hi_dates"}
    return build_nlp(exclude=tuple(n for n in names if n not in keep))


def run(nlp, text: str, published: str | None):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def triples(doc) -> list[tuple[str, str | None, str]]:
    return [(s._.dates["text"], s._.dates["value"], s._.dates["role"]) for s in doc.spans["dates"]]


CASES = [
    # spelling variants and Devanagari digits
    ("बैठक ३० सितम्बर को हुई।", None, [("३० सितम्बर", "XXXX-09-30", "event")]),
    ("बैठक 30 सितंबर 2024 को हुई।", None, [("30 सितंबर 2024", "2024-09-30", "event")]),
    ("बैठक 30 सितमबर को हुई।", None, [("30 सितमबर", "XXXX-09-30", "event")]),
    ("12 फ़रवरी 2023 को शिविर लगा।", None, [("12 फ़रवरी 2023", "2023-02-12", "event")]),
    ("12 फरबरी 2023 को शिविर लगा।", None, [("12 फरबरी 2023", "2023-02-12", "event")]),
    ("5 अक्तूबर २०२४ को", None, [("5 अक्तूबर २०२४", "2024-10-05", "event")]),
    ("अगस्\u200dत 2024 में", None, [("अगस्\u200dत 2024", "2024-08", "event")]),
    # orders and numeric formats (Indian day-first)
    ("अप्रैल 3, 2024 को बैठक हुई।", None, [("अप्रैल 3, 2024", "2024-04-03", "event")]),
    ("3 अप्रैल, 2024 को बैठक", None, [("3 अप्रैल, 2024", "2024-04-03", "event")]),
    ("दिनांक 03.04.2024 को बैठक", None, [("03.04.2024", "2024-04-03", "event")]),
    ("दिनांक 03/04/2024 को बैठक", None, [("03/04/2024", "2024-04-03", "event")]),
    ("2024-04-03 को बैठक", None, [("2024-04-03", "2024-04-03", "event")]),
    ("3-4-2024 को बैठक", None, [("3-4-2024", "2024-04-03", "event")]),
    ("Aug. 2, 2024 को", None, [("Aug. 2, 2024", "2024-08-02", "event")]),
    ("1st April 2024 को", None, [("1st April 2024", "2024-04-01", "event")]),
    ("पहली अगस्त से अभियान", None, [("पहली अगस्त", "XXXX-08-01", "start")]),
    # years
    ("सन 2019 में स्थापना हुई", None, [("2019", "2019", "start")]),
    ("2019 में शुरू किया गया कार्यक्रम", None, [("2019", "2019", "start")]),
    ("वर्ष 2024-25 के बजट में", None, [("2024-25", "2024", "event")]),
    ("2019 से 2024 तक", None, [("2019", "2019", "start"), ("2024", "2024", "deadline")]),
    # ranges, deadlines, starts
    ("अभियान 1 से 15 अगस्त तक चलेगा", None,
     [("1 से 15 अगस्त", "XXXX-08-01", "start"), ("15 अगस्त", "XXXX-08-15", "deadline")]),
    ("अभियान 1-15 अगस्त 2024 तक", None,
     [("1-15 अगस्त 2024", "2024-08-01", "start"), ("15 अगस्त 2024", "2024-08-15", "deadline")]),
    ("1 अगस्त से 15 सितम्बर 2024 तक", None,
     [("1 अगस्त", "2024-08-01", "start"), ("15 सितम्बर 2024", "2024-09-15", "deadline")]),
    ("15 दिसम्बर से 15 जनवरी 2025 तक", None,
     [("15 दिसम्बर", "2024-12-15", "start"), ("15 जनवरी 2025", "2025-01-15", "deadline")]),
    ("3, 4 और 5 अगस्त को शिविर", None, [("3, 4 और 5 अगस्त", "XXXX-08-03", "event"),
                                         ("4 और 5 अगस्त", "XXXX-08-04", "event"),
                                         ("5 अगस्त", "XXXX-08-05", "event")]),
    ("30 सितम्बर तक रेस्क्यू ऑपरेशन चलेगा", None, [("30 सितम्बर", "XXXX-09-30", "deadline")]),
    ("1 अक्टूबर से लागू होगा", None, [("1 अक्टूबर", "XXXX-10-01", "start")]),
    # datelines
    ("गुवाहाटी, 2 अगस्त: असम पुलिस ने", None, [("2 अगस्त", "XXXX-08-02", "publication")]),
    ("लखनऊ, 2 जून 2025। बैठक हुई", None, [("2 जून 2025", "2025-06-02", "publication")]),
    ("NEW DELHI, Aug 2 (PTI) talks", None, [("Aug 2", "XXXX-08-02", "publication")]),
    # year-less dates with a publication date, a dated dateline or another dated mention
    ("30 सितम्बर तक अभियान चलेगा", "2024-08-10", [("30 सितम्बर", "2024-09-30", "deadline")]),
    ("30 सितम्बर को बैठक हुई", "2024-03-01", [("30 सितम्बर", "2023-09-30", "event")]),
    ("10 जनवरी तक आवेदन करें", "2024-12-20", [("10 जनवरी", "2025-01-10", "deadline")]),
    ("गोरखपुर, 2 जून 2025। 15 जून तक मरम्मत हो", None,
     [("2 जून 2025", "2025-06-02", "publication"), ("15 जून", "2025-06-15", "deadline")]),
    # weekdays and relative expressions
    ("शनिवार को बैठक हुई।", "2024-08-07", [("शनिवार", "2024-08-03", "event")]),
    ("शनिवार को बैठक होगी।", "2024-08-07", [("शनिवार", "2024-08-10", "event")]),
    ("शनिवार को बैठक हुई।", None, [("शनिवार", None, "event")]),
    # a recurring weekday names no one day
    ("हर शनिवार को थानों में जनसुनवाई होगी।", "2024-08-07", []),
    ("प्रत्येक सोमवार को समीक्षा बैठक की जाएगी।", "2024-08-07", []),
    ("पिछले सोमवार को बैठक हुई।", "2024-08-05", [("पिछले सोमवार", "2024-07-29", "event")]),
    ("शनिवार, 2 अगस्त 2024 को", None, [("2 अगस्त 2024", "2024-08-02", "event")]),
    ("कल बैठक हुई।", "2024-08-07", [("कल", "2024-08-06", "event")]),
    ("कल बैठक होगी।", "2024-08-07", [("कल", "2024-08-08", "event")]),
    ("कल बैठक हुई।", None, [("कल", None, "event")]),
    ("पिछले सप्ताह बैठक हुई।", "2024-08-07", [("पिछले सप्ताह", "2024-W31", "event")]),
    ("अगले महीने चुनाव होंगे।", "2024-12-07", [("अगले महीने", "2025-01", "event")]),
    ("गत वर्ष 500 मामले दर्ज हुए", "2024-08-07", [("गत वर्ष", "2023", "event")]),
    ("अगस्त में बारिश हुई", "2024-10-01", [("अगस्त", "2024-08", "event")]),
    ("सोमवार को कहा कि अभियान चलेगा।", "2024-08-02", [("सोमवार", "2024-07-29", "event")]),
    ("जनवरी से जून 2024 के बीच", None, [("जनवरी", "2024-01", "start"), ("जून 2024", "2024-06", "event")]),
    ("Updated: 2024-08-02T10:30:00+05:30", None,
     [("2024-08-02T10:30:00", "2024-08-02", "publication")]),
    ("देश 15 अगस्त 1947 को आजाद हुआ।\nइस बार 15 अगस्त को समारोह होगा।", None,
     [("15 अगस्त 1947", "1947-08-15", "event"), ("15 अगस्त", "XXXX-08-15", "event")]),
    # press-note datelines ending in "/" fix the publication date for the whole note
    ("भोपाल, 5 जनवरी 2025/ मुख्यमंत्री ने समीक्षा की।", None,
     [("5 जनवरी 2025", "2025-01-05", "publication")]),
    ("दुर्ग, 8 फरवरी 2025/ जिला पंचायत ने 20 फरवरी तक रिपोर्ट मांगी।", None,
     [("8 फरवरी 2025", "2025-02-08", "publication"), ("20 फरवरी", "2025-02-20", "deadline")]),
    ("बिलासपुर, 3 मई 2025/ कलेक्टर ने आज बैठक ली।", None,
     [("3 मई 2025", "2025-05-03", "publication"), ("आज", "2025-05-03", "event")]),
    ("कोरबा, 4 जून 2025। सोमवार को शिविर लगा।", None,
     [("4 जून 2025", "2025-06-04", "publication"), ("सोमवार", "2025-06-02", "event")]),
    # look-alikes: a slash after a date inside a sentence is no dateline, but is not the date
    ("बैठक 11 मार्च 2025/ शाम को हुई।", None, [("11 मार्च 2025", "2025-03-11", "event")]),
    ("समिति ने कहा, 5 जनवरी 2025 को बैठक हुई।", None, [("5 जनवरी 2025", "2025-01-05", "event")]),
    # weekday deadlines and starts look ahead; subjunctive and imperative verbs too
    ("सूची शुक्रवार तक जमा की जाए।", "2024-08-07", [("शुक्रवार", "2024-08-09", "deadline")]),
    ("सभी खंड अधिकारी गुरुवार तक प्रस्ताव भेजें।", "2024-08-07", [("गुरुवार", "2024-08-08", "deadline")]),
    ("सोमवार से नया रोस्टर लागू किया जाए।", "2024-08-07", [("सोमवार", "2024-08-12", "start")]),
    ("सोमवार को सभी केंद्रों पर बैठक करें।", "2024-08-07", [("सोमवार", "2024-08-12", "event")]),
    ("मंगलवार को टीकाकरण सुनिश्चित करें।", "2024-08-07", [("मंगलवार", "2024-08-13", "event")]),
    ("कल तक रिपोर्ट भेजी जानी चाहिए।", "2024-08-07", [("कल", "2024-08-08", "deadline")]),
    # look-alikes: a past verb keeps a weekday deadline or start behind the publication date
    ("शुक्रवार तक 40 मरीज भर्ती हो चुके थे।", "2024-08-07", [("शुक्रवार", "2024-08-02", "deadline")]),
    ("सोमवार से अभियान चल रहा है।", "2024-08-07", [("सोमवार", "2024-08-05", "start")]),
    ("सोमवार से अभियान शुरू हुआ।", "2024-08-07", [("सोमवार", "2024-08-05", "start")]),
    ("सोमवार को बैठक की गई।", "2024-08-07", [("सोमवार", "2024-08-05", "event")]),
    # a relative year before a month names that month's year
    ("इस साल जनवरी से अब तक 40 मामले दर्ज हुए।", "2025-03-09",
     [("इस साल जनवरी", "2025-01", "start")]),
    ("पिछले वर्ष मार्च में बाढ़ आई थी।", "2025-06-01", [("पिछले वर्ष मार्च", "2024-03", "event")]),
    ("अगले साल 15 मार्च को चुनाव होंगे।", "2025-06-01",
     [("अगले साल 15 मार्च", "2026-03-15", "event")]),
    ("इस साल जनवरी से अब तक 40 मामले दर्ज हुए।", None, [("इस साल जनवरी", "XXXX-01", "start")]),
    ("इस साल 40 मामले दर्ज हुए, जनवरी में 5।", "2025-03-09",
     [("इस साल", "2025", "event"), ("जनवरी", "2025-01", "event")]),
    # ... and so does one after it
    ("यह काम मार्च अगले साल तक पूरा होगा।", "2025-06-01", [("मार्च अगले साल", "2026-03", "deadline")]),
    # "के अंत तक": the end of the month is still a deadline, and so ahead of the paper's date
    ("यह काम दिसंबर के अंत तक पूरा किया जाएगा।", "2020-06-12", [("दिसंबर", "2020-12", "deadline")]),
    ("सभी जिले इस महीने के आखिर तक रिपोर्ट भेजें।", "2020-06-12", [("इस महीने", "2020-06", "deadline")]),
    # not dates
    ("मु0अ0सं0 245/2024 धारा 376 व 3/4 पॉक्सो एक्ट", None, []),
    ("साइबर हेल्पलाइन 1930 पर कॉल करें, डायल 1930 से मदद लें", None, []),
    ("2 से 3 दिन में रिपोर्ट, 24 घंटे में 3 आरोपी पकड़े", None, []),
    ("चाइल्ड लाइन 1098 पर सूचना दें", None, []),
    ("प्रदेश के 42 एनजीओ के लगभग 70 सदस्य", None, []),
    ("कोविड 19 के स्थिति में", None, []),
    ("अब तक, 150 पीड़िताओं की पहचान की गई", None, []),
    ("सुबह 10 बजे बैठक, 10:30 बजे भोजन", None, []),
    ("5 लाख रुपये की सहायता", None, []),
    ("धारा 376 के तहत मामला", None, []),
    ("एसएम न्यूज24टाइम्स", None, []),
    ("2000 से अधिक लोग आए", None, []),
    ("4 को 10-10 साल की कैद", None, []),
    ("फोन 0522-2234567 पर", None, []),
    ("आज भी समस्या है", "2024-08-07", []),
    ("कैंडल मार्च में लोग शामिल हुए", None, []),
    ("कल-कारखानों में बाल श्रम", "2024-08-07", []),
    # a year before a genitive ("2019 के आदेश"); counts before one are not years
    ("अदालत ने 2018 के फैसले का हवाला दिया", None, [("2018", "2018", "event")]),
    ("आयोग की 2021 की रिपोर्ट में", None, [("2021", "2021", "event")]),
    ("1991 का आर्थिक सुधार", None, [("1991", "1991", "event")]),
    ("500 और 2000 के नोट बंद हुए", None, []),
    ("2000 के करीब लोग पहुंचे", None, []),
    ("1500 के आसपास मरीज आए", None, []),
]


@pytest.mark.parametrize("text,published,expected", CASES,
                         ids=[f"{i:02d}-{c[0][:24]}" for i, c in enumerate(CASES)])
def test_dates(nlp, text, published, expected):
    assert triples(run(nlp, text, published)) == expected


def test_year_source_marks_inferred_years(nlp):
    doc = run(nlp, "1 अक्टूबर 2024 से अभियान। 31 अक्टूबर तक डेस्क सक्रिय हो।", None)
    sources = [s._.dates.get("year_source") for s in doc.spans["dates"]]
    assert sources == [None, "context"]


def test_financial_year_keeps_its_period(nlp):
    doc = run(nlp, "वित्त वर्ष 2024-25 में", None)
    (span,) = doc.spans["dates"]
    assert span._.dates["period"] == "2024/2025"


PIECES = ["३० सितम्बर", "3 अप्रैल 2024", "03.04.2024", "1 से 15 अगस्त तक", "शनिवार को", "कल",
          "पिछले सप्ताह", "सन 2019 में", "2024-25", "गुवाहाटी, 2 अगस्त:", "1098", "10:30",
          "कोविड-19", "अगस्त में", "Aug 2,", "2019-2024", " ", "\n", "।", ",", "-", "/", ".",
          "बैठक", "तक", "से", "होगी", "हुई"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet="0123456789०१२ -./:,"
                                                                   "अगस्तजूनमईकलसे", max_size=8)),
                      max_size=12),
       published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_spans_are_evidence_and_values_have_allowed_shapes(nlp, parts, published):
    doc = run(nlp, "".join(parts), published)
    for span in doc.spans["dates"]:
        data = span._.dates
        assert data["text"] == doc.text[span.start_char:span.end_char]
        assert data["value"] is None or VALUE_SHAPE.match(data["value"]), data
        assert data["role"] in ROLES
        if published is None and data["value"]:
            assert data.get("year_source") != "published"


# Historical years beside a month or a cue, lists of years sharing a cue, and months listed
# or ranged sharing one year.
@pytest.mark.parametrize("text,values", [
    ("संस्था की स्थापना 5 मार्च 1885 को हुई थी।", ["1885-03-05"]),
    ("प्लासी में 1757 में युद्ध हुआ था।", ["1757"]),
    ("यहां 1905, 1911 और 1947 में आंदोलन हुए।", ["1905", "1911", "1947"]),
    ("जनवरी, फरवरी और मार्च 2021 में शिविर लगे।", ["2021-01", "2021-02", "2021-03"]),
    ("वर्षा ऋतु (जुलाई - सितम्बर) में बाढ़ का खतरा रहता है।", ["2020-07", "2020-09"]),
    ("कुल 1600 में से 200 छात्र पास हुए।", []),
])
def test_history_and_lists(text, values):
    record = extract_text(text, published="2020-06-01")
    assert [d["value"] for d in record["dates"]] == values


# Days and years written in words (lexicons/date_words.tsv, generated by
# models/tools/build_date_words.py), and the perfect passive that only looks like a subjunctive.
WORD_CASES = [
    ("तीन मई को बैठक हुई।", "2020-06-10", [("तीन मई", "2020-05-03", "event")]),
    ("पंद्रह अगस्त को ध्वजारोहण किया जाएगा।", "2020-06-10", [("पंद्रह अगस्त", "2020-08-15", "event")]),
    ("पांच जून को पौधे रोपित कराए गए।", "2020-06-10", [("पांच जून", "2020-06-05", "event")]),
    ("छह जून को शिविर लगा।", "2020-06-10", [("छह जून", "2020-06-06", "event")]),
    ("तीन मई, दो हज़ार सत्रह को समझौता हुआ।", None, [("तीन मई, दो हज़ार सत्रह", "2017-05-03", "event")]),
    ("योजना दो हजार सत्रह में शुरू हुई थी।", None, [("दो हजार सत्रह", "2017", "start")]),
    ("दो हजार सत्रह में बाढ़ आई थी।", None, [("दो हजार सत्रह", "2017", "event")]),
    ("योजना वर्ष उन्नीस सौ सत्तानवे से चल रही है।", None, [("उन्नीस सौ सत्तानवे", "1997", "start")]),
    ("दो हजार सत्रह लोगों को लाभ मिला।", None, []),  # a count: no year cue
    ("एक मार्च निकाला गया।", None, []),  # "एक" is the article: a march, not 1 March
    # "एक" before any other month is the 1st, as bulletins read it out; before मार्च with a year
    ("नई दरें एक अक्तूबर से लागू होंगी।", "2020-09-14", [("एक अक्तूबर", "2020-10-01", "start")]),
    ("पंजीकरण एक जुलाई, दो हज़ार बीस तक होगा।", None, [("एक जुलाई, दो हज़ार बीस", "2020-07-01", "deadline")]),
    ("सत्र एक मार्च 2021 से शुरू होगा।", None, [("एक मार्च 2021", "2021-03-01", "start")]),
    ("एक मई दिवस रैली निकाली गई।", None, [("एक मई", "XXXX-05-01", "event")]),
]


@pytest.mark.parametrize("text,published,expected", WORD_CASES)
def test_days_and_years_in_words(nlp, text, published, expected):
    assert triples(run(nlp, text, published)) == expected


@pytest.mark.parametrize("text,value", [
    # published Wednesday 10 June 2020: a past passive ("कराए गए", "किए गए") puts the day behind ...
    ("सोमवार को 300 पौधे रोपित कराए गए।", "2020-06-08"),
    ("सोमवार को 20 मामले दर्ज किए गए।", "2020-06-08"),
    ("सोमवार को जांच कराए गए थे।", "2020-06-08"),
    ("कल शिविर में 50 टेस्ट कराए गए।", "2020-06-09"),
    # ... a subjunctive or future ahead of it
    ("सोमवार को पौधे रोपित कराए जाएंगे।", "2020-06-15"),
    ("कल सभी पौधे रोपित कराए जाएं।", "2020-06-11"),
])
def test_past_passive_is_not_future(nlp, text, value):
    doc = run(nlp, text, "2020-06-10")  # spans need their Doc alive
    assert [s._.dates["value"] for s in doc.spans["dates"]] == [value]


def test_date_words_table_is_generated():
    """The shipped table is what the generator writes (when its source library is installed)."""
    import importlib.util
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    pytest.importorskip("indic_numtowords", reason="indic-numtowords absent: cannot rebuild date_words.tsv")
    spec = importlib.util.spec_from_file_location("build_date_words", root / "models" / "tools" / "build_date_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (root / "models" / "hi" / "lexicons" / "date_words.tsv").read_text(encoding="utf-8")
    assert module.render(module.build_rows()) == shipped


@pytest.mark.parametrize("text,value", [
    # the evening of the day before the paper: written that day, a future verb means tonight
    ("दवा की खेप मंगलवार देर रात पहुंचेगी।", "2020-06-09"),
    ("टीम मंगलवार शाम तक लौटेगी।", "2020-06-09"),
    # another weekday, or no evening word, still looks ahead
    ("दवा की खेप सोमवार देर रात पहुंचेगी।", "2020-06-15"),
    ("बैठक मंगलवार को होगी।", "2020-06-16"),
])
def test_evening_before_the_paper(nlp, text, value):
    doc = run(nlp, text, "2020-06-10")  # a Wednesday
    assert [s._.dates["value"] for s in doc.spans["dates"]] == [value]
