"""The English pack's core stages as tables: sentences, dates, money and places, each writing
the span groups and attributes the Hindi stages write, so record/1 is built unchanged."""
from __future__ import annotations

import pytest

from extractor.packs import available_languages, get_pack
from extractor.pipeline import build_nlp
from extractor.pipeline.date_values import VALUE_SHAPE


@pytest.fixture(scope="module")
def nlp():
    return build_nlp("en")


def run(nlp, text: str, published: str | None = None):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def test_english_pack_is_available_and_blank_english():
    assert {"hi", "en"} <= set(available_languages())
    assert get_pack("en").lang == "en"
    pipeline = build_nlp("en")
    assert pipeline.lang == "en" and pipeline.pipe_names[:4] == ["en_sentences", "en_dates", "en_money", "en_places"]


SENTENCES = [
    ("Shri. Amit Shah chaired the meeting. It ended at noon.",
     ["Shri. Amit Shah chaired the meeting.", "It ended at noon."]),
    ("Dr. S. K. Singh, IAS, briefed the press. Rs. 500 was paid to each.",
     ["Dr. S. K. Singh, IAS, briefed the press.", "Rs. 500 was paid to each."]),
    ("The road No. 5 was closed. Traffic moved.", ["The road No. 5 was closed.", "Traffic moved."]),
    ("The target is for FY 2021-22. Work began.", ["The target is for FY 2021-22.", "Work began."]),
    ("He asked, “Is it ready?” The officer nodded.", ["He asked, “Is it ready?”", "The officer nodded."]),
    ("Headline without a stop\nThe body starts here.", ["Headline without a stop", "The body starts here."]),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentences(nlp, text, expected):
    assert [s.text.strip() for s in run(nlp, text).sents] == expected


PUBLISHED = "2020-06-03"  # a Wednesday
DATES = [
    ("The scheme will run till 31 March 2021.", None, [("31 March 2021", "2021-03-31", "deadline")]),
    ("Applications are due by 31 March 2021.", None, [("31 March 2021", "2021-03-31", "deadline")]),
    ("The portal opened on March 31, 2021.", None, [("March 31, 2021", "2021-03-31", "event")]),
    ("The order is dated 31.03.2021 and signed.", None, [("31.03.2021", "2021-03-31", "publication")]),
    ("The order was issued on 31.03.2021.", None, [("31.03.2021", "2021-03-31", "event")]),
    ("The webinar is on the 5th of June, 2020.", None, [("5th of June, 2020", "2020-06-05", "event")]),
    ("The Minister said on Monday that work is on.", PUBLISHED, [("Monday", "2020-06-01", "event")]),
    ("The Minister will visit on Monday.", PUBLISHED, [("Monday", "2020-06-08", "event")]),
    ("The Minister today launched the portal.", PUBLISHED, [("today", "2020-06-03", "event")]),
    ("A review was held yesterday.", PUBLISHED, [("yesterday", "2020-06-02", "event")]),
    ("Ships will be lit tonight.", PUBLISHED, [("tonight", "2020-06-03", "event")]),
    ("The review on Monday had no date to anchor it.", None, [("Monday", None, "event")]),
    # Indian English "March-end": the month, "March" included
    ("The work will be completed by March-end.", None, [("March-end", "XXXX-03", "deadline")]),
    # a directive looks ahead, though written with "have been"
    ("Fishermen have been advised not to venture into the sea till Friday.", PUBLISHED,
     [("Friday", "2020-06-05", "deadline")]),
    ("Rainfall was normal in June and low in July.", None,
     [("June", "XXXX-06", "event"), ("July", "XXXX-07", "event")]),
    ("Sales rose in June 2020.", None, [("June 2020", "2020-06", "event")]),
    ("The Act came into force in 2006.", None, [("2006", "2006", "event")]),
    ("Battles were fought in 1526, 1556 and 1761.", None,
     [("1526", "1526", "event"), ("1556", "1556", "event"), ("1761", "1761", "event")]),
    ("Tap connections in 2020-21 are the target.", None,
     [("2020-21", "2020", "event")]),
    ("The outlay for FY 2021-22 is fixed.", None, [("2021-22", "2021", "event")]),
    ("Benefits apply from 1 April 2020.", None, [("1 April 2020", "2020-04-01", "start")]),
    ("The visit took place on 3 June.", PUBLISHED, [("3 June", "2020-06-03", "event")]),
    # not dates: counts, money, a lower-case "may", helplines
    ("About 2000 villages were covered.", None, []),
    ("Rs 2020 crore was sanctioned.", None, []),
    ("COVID-19 may be reported on the portal.", None, []),
    ("Call the helpline 1075 for help.", None, []),
    ("A march was held in the city.", None, []),
]


@pytest.mark.parametrize("text, published, expected", [
    ("The survey will start in July next year.", "2020-06-12", [("July next year", "2021-07", "event")]),
    ("The work will be completed by the end of March next year.", "2020-06-12",
     [("March next year", "2021-03", "deadline")]),
    ("Floods hit the district in August last year.", "2020-06-12", [("August last year", "2019-08", "event")]),
    ("Prices may next year rise.", "2020-06-12", [("next year", "2021", "event")]),  # "may": a verb
])
def test_a_month_before_a_relative_year_is_that_years_month(nlp, text, published, expected):
    test_dates(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("The work will be completed by the end of March 2021.", "2020-06-12", [("March 2021", "2021-03", "deadline")]),
    ("All districts must submit reports by the end of this month.", "2020-06-12",
     [("this month", "2020-06", "deadline")]),
    ("The scheme will be implemented till the end of December.", "2020-06-12",
     [("December", "2020-12", "deadline")]),  # a deadline looks ahead: not the December just past
])
def test_the_end_of_a_month_after_a_deadline_cue_is_a_deadline(nlp, text, published, expected):
    test_dates(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", DATES)
def test_dates(nlp, text, published, expected):
    doc = run(nlp, text, published)
    got = [(s._.dates["text"], s._.dates["value"], s._.dates["role"]) for s in doc.spans["dates"]]
    assert got == expected
    assert all(v is None or VALUE_SHAPE.match(v) for _, v, _ in got)


def test_financial_year_has_its_period(nlp):
    doc = run(nlp, "The target for FY 2021-22 is set.")
    (span,) = doc.spans["dates"]
    assert span._.dates["period"] == "2021/2022"


MONEY = [
    ("A sum of Rs. 1,000 crore was approved.", [("Rs. 1,000 crore", 10_000_000_000, "INR", "crore")]),
    ("Each got Rs 5.5 lakh.", [("Rs 5.5 lakh", 550_000, "INR", "lakh")]),
    ("An outlay of ₹ 20,000 crore is set.", [("₹ 20,000 crore", 200_000_000_000, "INR", "crore")]),
    ("A grant of INR 10 million came.", [("INR 10 million", 10_000_000, "INR", "million")]),
    ("The loan is USD 2 billion.", [("USD 2 billion", 2_000_000_000, "USD", "billion")]),
    ("An outlay of Rs 1.5 lakh crore.", [("Rs 1.5 lakh crore", 1_500_000_000_000, "INR", "lakh crore")]),
    ("A fee of 500 rupees per month.", [("500 rupees per month", 500, "INR", None)]),
    ("Rs. 5,00,000/- was paid.", [("Rs. 5,00,000/-", 500_000, "INR", None)]),
    ("About 5 lakh people and 2020 villages.", []),  # no currency, no money
]


@pytest.mark.parametrize("text, expected", MONEY)
def test_money(nlp, text, expected):
    doc = run(nlp, text)
    got = [(s._.money["text"], s._.money["amount"], s._.money["currency"], s._.money["unit"])
           for s in doc.spans["money"]]
    assert got == expected


def test_money_rate_keeps_its_unit(nlp):
    doc = run(nlp, "A fee of 500 rupees per month.")
    (span,) = doc.spans["money"]
    assert span._.money["per"] == "month"


PLACES = [
    ("Works began in Bihar and Odisha.", ["Bihar", "Odisha"]),
    ("Teams reached Jammu & Kashmir and the Andaman and Nicobar Islands.",
     ["Jammu & Kashmir", "Andaman and Nicobar Islands"]),
    ("Hisar- Bhiwani- Rohtak-Jhajjar are covered.", ["Hisar", "Bhiwani", "Rohtak", "Jhajjar"]),
    ("Delegates from Nepal, Bhutan and Japan came to New Delhi.", ["Nepal", "Bhutan", "Japan", "New Delhi"]),
    ("Flights landed from Shanghai and London.", ["Shanghai", "London"]),
    ("The PRESIDENT OF GEORGIA called.", ["GEORGIA"]),
    ("Camps were held in Una and Mau district.", ["Una", "Mau"]),
    ("Works in Agra, Mau and Varanasi went on.", ["Agra", "Mau", "Varanasi"]),
    ("Yamuna Nagar and Gurgaon were visited.", ["Yamuna Nagar", "Gurgaon"]),
    # towns the gazetteer lacks, read from a list of places or a state after them
    ("Camps in Hansi, Karnal, Indri and Pehowa.", ["Hansi", "Karnal", "Indri", "Pehowa"]),
    ("The meeting in Mamallapuram, Tamil Nadu ended.", ["Mamallapuram", "Tamil Nadu"]),
    ("In Delhi, Mumbai and Goa, Northern Railway ran trains.", ["Delhi", "Mumbai", "Goa"]),
    ("From Delhi and Agra, Minister Shri Rao said so.", ["Delhi", "Agra"]),
    ("Works in Bihar, Odisha, Islands and Ladakh.", ["Bihar", "Odisha", "Ladakh"]),
    # ambiguous words without a cue, lower case, a person, a body's name
    ("Mau said the plan was fine.", []),
    ("Anand chaired the meeting.", []),
    ("The Anand district team won.", ["Anand"]),
    ("The mission reached salem and bihar by road.", []),
    ("Shri Krishna Reddy spoke.", []),
    ("The Government of India and the Reserve Bank of India met.", []),
    ("The Central Government and the North Block agreed.", []),
    # a list after a place cue holding a known place, or ended by a plural unit word; a place
    # inside a body's name or an office's title; a portfolio after "Ministry of"
    ("Camps will be held by the SDMs of Huzur, Berasia and Kolar.", ["Huzur", "Berasia", "Kolar"]),
    ("Check posts will be set up at Raxaul, Jogbani and Gopalganj.", ["Raxaul", "Jogbani", "Gopalganj"]),
    ("A drive will be held in Dholka, Sanand and Viramgam talukas.", ["Dholka", "Sanand", "Viramgam"]),
    ("The India Meteorological Department and the Konkan Railway issued alerts.", []),
    ("The Vice President of India spoke.", []),
    ("The Ministry of Human Resource Development in New Delhi said so.", ["New Delhi"]),
    ("Talks were held in Alpha, Beta and Gamma.", []),
]


@pytest.mark.parametrize("text, expected", PLACES)
def test_places(nlp, text, expected):
    doc = run(nlp, text)
    assert [s._.places["name"] for s in doc.spans["places"]] == expected


def test_place_items_carry_the_hindi_stage_fields(nlp):
    doc = run(nlp, "Relief reached Gaya in Bihar, then Gaya again.")
    gaya, bihar = doc.spans["places"]
    assert gaya._.places["canonical"] == "Gaya" and gaya._.places["state"] == "Bihar"
    assert gaya._.places["kind"] == "district" and gaya._.places["name_hi"] == "गया"
    assert len(gaya._.places["mentions"]) == 2  # one item per place, every mention listed
    assert bihar._.places["kind"] == "state" and bihar._.places["lgd_code"] == "10"
    assert len(doc.spans["place_mentions"]) == 3


def test_a_town_read_from_its_context_says_so(nlp):
    doc = run(nlp, "Camps in Hansi, Karnal, Indri and Pehowa.")
    indri = doc.spans["places"][2]
    assert indri._.places["source"] == "cue" and indri._.places["canonical"] is None


@pytest.mark.parametrize("text,canonical", [("Camps in Tiruvallur and Chennai.", "Thiruvallur"),
                                            ("Flights to Cochin resumed.", "Kochi"),
                                            ("Trains from Allahabad were cancelled.", "Prayagraj")])
def test_press_spellings_and_old_names_are_the_lgd_place(nlp, text, canonical):
    doc = run(nlp, text)
    assert doc.spans["places"][0]._.places["canonical"] == canonical


def test_old_names_resolve_to_the_current_place(nlp):
    doc = run(nlp, "Flights to Bangalore resumed.")
    (span,) = doc.spans["places"]
    assert span._.places["canonical"] == "Bengaluru" and span._.places["state"] == "Karnataka"


def test_country_names_come_from_cldr_with_hindi_names(nlp):
    doc = run(nlp, "A team from Georgia visited.")
    (span,) = doc.spans["places"]
    assert span._.places["kind"] == "country" and span._.places["name_hi"]


def _load_builder():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "models" / "tools" / "build_places_en.py"
    spec = importlib.util.spec_from_file_location("build_places_en", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILDER = _load_builder()


@pytest.mark.skipif(not (BUILDER.data_dir() / "districts.csv").exists(), reason="shared india-places data absent")
def test_english_gazetteer_is_what_its_builder_makes():
    shipped = (get_pack("en").root / "lexicons" / "places.tsv").read_text(encoding="utf-8")
    assert BUILDER.render(BUILDER.build_rows(BUILDER.data_dir())) == shipped


def test_gazetteer_forms_of_one_name():
    assert BUILDER.name_forms("Kaimur (Bhabua)") == ["Kaimur (Bhabua)", "Kaimur", "Bhabua"]
    assert BUILDER.name_forms("Jammu and Kashmir") == ["Jammu and Kashmir", "Jammu & Kashmir"]
    assert BUILDER.name_forms("Yamunanagar") == ["Yamunanagar", "Yamuna Nagar"]
    assert BUILDER.name_forms("Manendragarh-Chirmiri-Bharatpur(M C B)") == ["Manendragarh-Chirmiri-Bharatpur(M C B)",
                                                                            "Manendragarh-Chirmiri-Bharatpur"]


def test_saved_english_pipeline_loads_in_a_fresh_process(nlp, tmp_path):
    """spacy.load() finds the stages and the tokenizer change through entry points alone."""
    import json
    import subprocess
    import sys

    text = "Hisar- Bhiwani- Rohtak got Rs 5 crore by 31 March 2021."
    nlp.to_disk(tmp_path / "en")
    script = ("import json, sys, spacy; d = spacy.load(sys.argv[1])(sys.argv[2]); "
              "print(json.dumps([[s.text for s in d.spans[k]] for k in ('places', 'money', 'dates')]))")
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "en"), text],
                         capture_output=True, text=True, check=True)
    doc = nlp(text)
    assert json.loads(run.stdout) == [[s.text for s in doc.spans[k]] for k in ("places", "money", "dates")]
    assert json.loads(run.stdout)[0] == ["Hisar", "Bhiwani", "Rohtak"]
