"""English statements stage: decisions and action points with who decided, who acts and by when.

Until the English date stage lands, dates come from the Hindi date stage (it reads the English
month names the Hindi press also writes), so deadlines are linked to real date spans."""
import pytest
from spacy.language import Language

from en_stages import english
from extractor.packs import get_pack
from extractor.pipeline.dates import Dates


@Language.factory("test_dates_from_hindi_pack")
def _dates(nlp, name):
    return Dates(nlp, get_pack("hi").view())


@pytest.fixture(scope="module")
def nlp():
    nlp = english(("en_programmes", "en_agencies", "en_officials"))
    nlp.add_pipe("test_dates_from_hindi_pack", before="en_programmes")
    nlp.add_pipe("en_statements")
    return nlp


def statements(nlp, text):
    doc = nlp(text)
    return [dict(s._.statements) for s in doc.spans["statements"]]


# (sentence, kinds, by, owner): constructions as Indian releases write them.
CASES = [
    ("The Union Cabinet has approved the proposal to set up 100 new schools.", ["decision"], "Union Cabinet", None),
    ("The Election Commission of India has directed all Chief Electoral Officers to ensure free polls.",
     ["action_point", "decision"], "Election Commission of India", "all Chief Electoral Officers"),
    ("Export of onions has been prohibited with immediate effect.", ["decision"], None, None),
    ("Foreign nationals will not be permitted to enter without a valid visa.", ["decision"], None, None),
    ("The portal was launched by the Ministry of Textiles in New Delhi.", ["decision"], "Ministry of Textiles", None),
    ("The Ministry of Tourism will organise a national workshop in Pune.", ["action_point"], "Ministry of Tourism",
     "Ministry of Tourism"),
    ("The Cabinet Committee on Economic Affairs chaired by Prime Minister Shri Narendra Modi has approved the plan.",
     ["decision"], "Cabinet Committee on Economic Affairs", None),
    ("All local bodies have been advised to keep the street lights on.", ["action_point", "decision"], None, None),
    ("The Union Minister requested all the Vice Chancellors to contribute to the relief fund.",
     ["action_point"], None, "all the Vice Chancellors"),
    ("The new rules will come into effect from the next month.", ["decision"], None, None),
    ("Applications should be submitted online through the portal.", ["action_point"], None, None),
    ("The Ministry of Home Affairs today issued new guidelines for the reopening of schools.", ["decision"],
     "Ministry of Home Affairs", None),
    ("The Ministry of Finance has released Rs 5,000 crore to the States as the first instalment.", ["decision"],
     "Ministry of Finance", None),
    ("The examination has been postponed due to the floods.", ["decision"], None, None),
    ("The Department of Telecommunications signed an MoU with the Indian Institute of Science.", ["decision"],
     "Department of Telecommunications", None),
    ("Applications are invited from eligible start-ups through the portal.", ["action_point"], None, None),
    ("It has been decided to permit the following categories of nationals to travel.", ["decision"], None, None),
    ("The State plans to provide tap connections to all rural households.", ["action_point"], None, None),
    # District orders, state releases and wire copy: constructions the dev releases lack.
    ("Violation of this order will invite action under Section 188 of the Indian Penal Code.", ["decision"],
     None, None),
    ("The Defence Research and Development Organisation has been tasked to fit a radar on the vessel.",
     ["action_point", "decision"], "Defence Research and Development Organisation",
     "Defence Research and Development Organisation"),
    ("Hospitals in Kanpur have been told to set up paediatric wards.", ["action_point", "decision"], None, None),
    ("The Government of Odisha has announced an ex-gratia of Rs. 4 lakh to each family.", ["decision"],
     "Government of Odisha", None),
    ("Three wards of the panchayat have been declared containment zones.", ["decision"], None, None),
    ("India and Bangladesh agreed to restore the rail link.", ["decision"], None, None),
    ("The two sides also signed seven Memoranda of Understanding.", ["decision"], None, None),
    ("Weekend curfew will be in force from 10 pm on Friday.", ["decision"], None, None),
    ("Farmers will get a 50 per cent subsidy on freight.", ["decision"], None, None),
    ("South Central Railway will run a Kisan Rail service to Delhi.", ["action_point"], "South Central Railway",
     "South Central Railway"),
    ("Electric locomotives will haul all freight trains from 1 May 2022.", ["action_point"], None, None),
    ("The SSP said that 12,000 police personnel will be deployed on 14 April 2021.", ["action_point"], None, None),
]


@pytest.mark.parametrize("text,kinds,by,owner", [c for c in CASES if c[1]])
def test_statement_kinds_and_actors(nlp, text, kinds, by, owner):
    [found] = statements(nlp, text)
    assert (found["kinds"], found["by"], found["owner"]) == (kinds, by, owner)


def test_he_is_the_official_last_named(nlp):
    found = statements(nlp, "The Chief Minister of Bihar, Shri Ravi Sinha, visited the camp. "
                            "He directed the officials to provide food to every worker.")
    assert [(f["by"], f["owner"]) for f in found] == [("Ravi Sinha", "the officials")]


def test_a_body_named_by_its_acronym_owns_what_it_will_do(nlp):
    found = statements(nlp, "The National Highways Authority of India (NHAI) shall complete the works by "
                            "31 March 2021. NHAI will also set up a help desk at each plaza.")
    assert [(f["owner"], f["deadline"]) for f in found] == [
        ("National Highways Authority of India", "2021-03-31"), ("NHAI", None)]


# Reporting, praise, forecasts, speech and events that happened are no statements.
NEGATIVES = [
    "The Minister said that the country is proud of its doctors.",
    "Rainfall is likely to be above normal this year.",
    "The Armed Forces thanked the frontline workers for their service.",
    "“We will be providing all support to the States,” the Minister said.",
    "As many as 250 artisans took part in the fair.",
    "Last date of making nominations",
    "The Ministry officials said that the change will encourage exports.",
    "The Minister said that the new policy will transform the lives of the farmers.",
    "The Scheme will help the farmers of the region.",
    "Dr. Rao said that the monsoon will be normal this year.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_statement(nlp, text):
    assert statements(nlp, text) == []


DEADLINES = [
    ("The last date for applications has been extended till 30 June 2021.", "2021-06-30"),
    ("All States shall submit their action plans by 31 March 2022.", "2022-03-31"),
    ("The survey is to be completed by 15 August 2023.", "2023-08-15"),
]


@pytest.mark.parametrize("text,deadline", DEADLINES)
def test_deadline_is_the_date_after_by_or_till(nlp, text, deadline):
    [found] = statements(nlp, text)
    assert "action_point" in found["kinds"]
    assert found["deadline"] == deadline


def test_an_event_date_is_no_deadline(nlp):
    [found] = statements(nlp, "The Union Cabinet approved the scheme on 3 June 2020.")
    assert found["deadline"] is None


def test_headline_is_skipped_and_list_items_are_action_points(nlp):
    text = ("Cabinet approves new scheme for farmers\n"
            "The Secretary directed the officers to take the following steps:\n"
            "1. Survey of all villages in the district.\n"
            "2. Weekly report on the progress of the survey.\n"
            "The fair was held in the town hall.")
    found = statements(nlp, text)
    assert [f["text"] for f in found] == [
        "The Secretary directed the officers to take the following steps:",
        "Survey of all villages in the district.", "Weekly report on the progress of the survey."]
    assert all("action_point" in f["kinds"] for f in found)


def test_clauses_after_a_semicolon_are_separate(nlp):
    found = statements(nlp, "The Board approved the budget; the work shall begin in May.")
    assert [f["kinds"] for f in found] == [["decision"], ["action_point"]]


@pytest.mark.parametrize("text", ["", "((((", "Shri", "Dr.", "Ministry of", "“Hunar", "following points:\n1.",
                                  "Union Minister of Home Affairs Shri", "\n\n\n", "directed to", "X (ABC", "A ; ; ;"])
def test_fragments_give_nothing_and_do_not_fail(nlp, text):
    doc = nlp(text)
    assert all(len(doc.spans[g]) == 0 for g in ("agencies", "programmes", "officials", "statements"))


# News and release forms: an official's quoted order, a named official's reported plan, an
# addressee with commas, "written to ... asking", "called upon", posts in the plural acting.
NEWS_CASES = [
    "“Parents should carry the vaccination card to the booth,” he said.",
    "\"All passengers must wear masks on board,\" Railway Board Chairman Suresh Pande said.",
    "Medical Officer of Health Dr Kirit Desai said 650 teams would visit schools in all zones of the city.",
    "Shri Ramesh Rawat, Minister of State for Panchayati Raj, said that the grants would be linked to the plans.",
    "The Ministry has also asked the National Museum, New Delhi, to hold its exhibitions online.",
    "Collector Avinash Mehra has asked the Sub-Divisional Magistrates of Huzur, Berasia and Kolar to hold camps.",
    "The Secretary has written to the Chief Secretaries of all States asking them to hold special Gram Sabhas.",
    "The Vice President has called upon the State Governments to make the mother tongue the medium of instruction.",
    "Sub-Divisional Officers will supervise the camps.",
    "Oil Marketing Companies will transfer the advance amount to the bank accounts of the beneficiaries.",
    "Prime Minister Narendra Modi said the Ministry would release the funds.",
    "Chief Minister Pradeep Mohanty said relief would reach all affected families within a week.",
    "Prime Minister Narendra Modi has said that every village will be connected with broadband within 1,000 days.",
    "\"No relief camp should run short of drinking water,\" the minister told reporters in Guwahati on Tuesday.",
    "The Centre on Monday released Rs 1,000 crore to Assam and Bihar.",
    "The Reserve Bank of India has kept the repo rate unchanged at 4 per cent.",
    "Funds of Rs. 120 crore have been released to the States under the scheme.",
    "The Government has extended the Foreign Trade Policy 2015-20 for one year, up to 31st March 2021.",
    "Meanwhile, the state government has allowed salons to reopen from June 28.",
    "The Union Ministry of Health and Family Welfare has deputed high-level teams to Maharashtra.",
    "The total outlay for the scheme is Rs 1,45,980 crore over five years.",
    "The state government has imposed a night curfew from 11pm to 5am in 10 districts.",
    "The district administration has lifted the restrictions on shops in the old city.",
    "The next meeting of the council, scheduled for 5 June 2020, will review the plan.",
    "The state government has made it mandatory for all shops to display the names of their owners.",
    "The administration has also set up 12 new containment zones in the city.",
]


def test_she_said_that_is_the_official_last_named_reporting_a_plan(nlp):
    found = statements(nlp, "Union Minister Smt. Harpreet Kaur reviewed the projects. She said that the Ministry "
                            "will release the first instalment of the grant within a month.")
    assert [s["text"] for s in found] == ["She said that the Ministry will release the first instalment of the "
                                          "grant within a month."]


def test_he_will_is_a_plan_of_the_official_last_named(nlp):
    found = statements(nlp, "Minister of State Shri Vinod Menon will visit Bahrain. He will review the welfare "
                            "measures for workers.")
    assert [s["text"] for s in found][-1] == "He will review the welfare measures for workers."
    assert statements(nlp, "He will review the welfare measures for workers.") == []  # nobody named before


@pytest.mark.parametrize("text", NEWS_CASES)
def test_news_forms_are_statements(nlp, text):
    assert statements(nlp, text)


NEWS_NEGATIVES = [
    "Prime Minister Narendra Modi said that India will emerge stronger from the crisis.",  # an opinion
    "Prime Minister Narendra Modi said India would emerge stronger.",
    "The Minister extended his greetings to the people.",
    "He extended his wishes for the festival.",
    "The programme was scheduled for a later date by the organisers of the fair.",  # no date after the cue
    "“We will work for the welfare of every farmer,” the Minister said.",  # an assurance in quotes
    "It was said that the fair would be organised again.",  # nobody named says it
    "The visitors said the fair would help local artisans.",
]


@pytest.mark.parametrize("text", NEWS_NEGATIVES)
def test_news_forms_that_are_no_statements(nlp, text):
    assert statements(nlp, text) == []
