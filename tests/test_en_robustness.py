"""The English pipeline on the shapes of English that the dev releases lack: all-caps
headlines, Title Case Everywhere copy, lower-case news prose, Indian English forms, district
designations, datelines and "X of the Y" bodies. Each table row is one sentence or short text
run through the whole extraction (clean, pipeline, record), as `extract` runs it."""
from __future__ import annotations

import pytest

from extractor.document import RawDocument
from extractor.extract import extract_documents


def record(text: str, published: str | None = "2021-01-05") -> dict:
    meta = {"published": published} if published else {}
    [rec] = list(extract_documents([RawDocument(name="t", text=text, meta=meta)], language="en"))
    assert isinstance(rec, dict), rec
    return rec


def names(rec: dict, field: str) -> list[str]:
    return [item["name"] for item in rec.get(field) or []]


# (text, the agencies found): capitalised runs that are a body and those that are not.
AGENCIES = [
    ("CHIEF MINISTER LAUNCHES SCHEME FOR FARMERS\nThe scheme will be run by the Department of Agriculture.",
     ["Department of Agriculture"]),
    ("The Work Was Sanctioned In 2015 At A Cost Of Rs 1,287 Crore And Will Be Completed Soon.", []),
    ("The Commissioner Of Railway Safety Has Inspected The Final Section Of The Line.", []),
    ("The Odisha government has announced relief for the fishermen.", ["Odisha government"]),
    ("RAIPUR: The Raipur police will set up checkpoints at 25 locations.", ["Raipur police"]),
    ("The Gautam Budh Nagar police on Sunday issued 5,000 challans.", ["Gautam Budh Nagar police"]),
    ("the karnataka government has extended the curfew.", []),
    ("The Central Water Commission of the Ministry of Jal Shakti will add new stations.",
     ["Central Water Commission", "Ministry of Jal Shakti"]),
    ("Railway Board Chairman Suresh Pande said the trains will run on time.", ["Railway Board"]),
    ("The Bruhat Bengaluru Mahanagara Palike will open new centres.", ["Bruhat Bengaluru Mahanagara Palike"]),
    ("Vice Admiral A K Sethi of the Eastern Naval Command was the chief guest.", ["Eastern Naval Command"]),
    ("Farmers will get the amount through Direct Benefit Transfer (DBT).", []),
    ("The Department of Biotechnology (DBT) will fund the work.", ["Department of Biotechnology"]),
]


@pytest.mark.parametrize("text,expected", AGENCIES)
def test_agencies(text, expected):
    assert names(record(text), "agencies") == expected


# (text, the officials found, with their designations).
OFFICIALS = [
    ("District Magistrate (DM) Smt. Neha Bisht reviewed the arrangements.", [("Neha Bisht", "District Magistrate (DM)")]),
    ("The SSP, Shri Ajay Rawat, said that the police will be deployed.", [("Ajay Rawat", "SSP")]),
    ("BDO Haridwar Shri Mohan Lal Arya was asked to arrange water.", [("Mohan Lal Arya", "BDO Haridwar")]),
    ("The CMO, Dr. Harish Semwal, will set up testing booths.", [("Harish Semwal", "CMO")]),
    ("The Collector & District Magistrate, Shri Venkatesh Nalla, has ordered a ban.",
     [("Venkatesh Nalla", "Collector & District Magistrate")]),
    ("The Chief Electoral Officer, Assam, Shri Nitul Hazarika, has been directed to act.",
     [("Nitul Hazarika", "Chief Electoral Officer, Assam")]),
    ("Hon'ble Chief Minister Shri Sudhakar Jadhav launched the mission.", [("Sudhakar Jadhav", "Hon'ble Chief Minister")]),
    ("Sh. Arun Kumar Bhardwaj, Additional Secretary, Ministry of Coal, said this today.",
     [("Arun Kumar Bhardwaj", "Additional Secretary")]),
    ("The Work Covers A 741 Km Route From Roha.", []),
    ("SP Shri Rakesh Verma said that the police will be deployed.", [("Rakesh Verma", "SP")]),
    ("The Superintendent of Police, Shri Rakesh Verma, visited the site.",
     [("Rakesh Verma", "Superintendent of Police")]),
    ("Smt Leela Kurian, Health Minister, said this.", [("Leela Kurian", "Health Minister")]),
    ("JAIPUR: THE CHIEF MINISTER, SHRI MAHENDRA BHATI, REVIEWED THE WATER SUPPLY.",
     [("MAHENDRA BHATI", "CHIEF MINISTER")]),
]


@pytest.mark.parametrize("text,expected", OFFICIALS)
def test_officials(text, expected):
    got = [(o["name"], o["designation"]) for o in record(text)["officials"]]
    assert got == expected


# (text, dates found): Indian English date forms; the release is of 5 January 2021.
DATES = [
    ("Schools shall remain closed till 9.1.2021.", ["2021-01-09"]),
    ("The order is dated 5th January, 2021.", ["2021-01-05"]),
    ("The fair will be held on January 5th.", ["2021-01-05"]),
    ("The ban is in force w.e.f. 6.1.2021.", ["2021-01-06"]),
    ("The report is due on 30.04.2021.", ["2021-04-30"]),
    ("The survey will be completed by 31st March, 2022.", ["2022-03-31"]),
]


@pytest.mark.parametrize("text,expected", DATES)
def test_dates(text, expected):
    assert [d["value"] for d in record(text)["dates"]] == expected


# (text, places found): datelines, towns placed in a state, places in Title Case and capitals.
PLACES = [
    ("NEW DELHI, Oct 12 (PTI) - The trains will run from Patna.", ["NEW DELHI", "Patna"]),
    ("Jaipur, 12 March 2021\nThe tankers will be deployed in Barmer.", ["Jaipur", "Barmer"]),
    ("The Route Runs From Roha In Maharashtra To Thokur In Karnataka.", ["Roha", "Maharashtra", "Thokur", "Karnataka"]),
    ("The mission was launched at Igatpuri in Nashik district.", ["Igatpuri", "Nashik"]),
    ("Three wards of Chathamangalam panchayat were declared containment zones.", ["Chathamangalam"]),
    ("Women board a bus at Koyambedu in Chennai. (Photo: Special Arrangement)\nThe scheme starts in Madurai.",
     ["Madurai"]),
]


@pytest.mark.parametrize("text,expected", PLACES)
def test_places(text, expected):
    assert names(record(text), "places") == expected


# (text, whether it is a decision or action point): Indian English administrative forms.
STATEMENTS = [
    ("An ex-gratia of Rs. 4 lakh has been sanctioned to each family.", True),
    ("The Zilla Parishad will release Rs. 10 lakh to each gram panchayat w.e.f. 1.11.2021.", True),
    ("Violation of this order will invite action under Section 188 of the IPC.", True),
    ("Hon'ble Minister said that the scheme will change lives.", False),
    ("the state health department has asked all hospitals to keep oxygen plants running.", True),
    ("As many as 5,000 devotees took a dip in the river.", False),
]


@pytest.mark.parametrize("text,expected", STATEMENTS)
def test_statements(text, expected):
    rec = record(text)
    assert bool(rec.get("decisions") or rec.get("action_points")) is expected


def test_a_state_release_header_is_no_agency_and_its_dateline_is_the_date():
    rec = record("GOVERNMENT OF MAHARASHTRA\nDIRECTORATE GENERAL OF INFORMATION AND PUBLIC RELATIONS\nPRESS NOTE\n"
                 "CHIEF MINISTER LAUNCHES MISSION IN NASHIK\n"
                 "Nashik, 2nd October, 2021: The Zilla Parishad of Nashik will release Rs. 10 lakh to each "
                 "gram panchayat today.", published=None)
    assert rec["published"] == "2021-10-02"
    assert "GOVERNMENT OF MAHARASHTRA" not in names(rec, "agencies")
    assert "2021-10-02" in [d["value"] for d in rec["dates"]]


def test_a_masthead_without_a_stamp_below_is_kept():
    """Only a release's header is dropped: a story that opens with a body's name keeps it."""
    rec = record("Government of Kerala\nThe Government of Kerala has sanctioned Rs. 5 lakh to the family.",
                 published=None)
    assert "Government of Kerala" in names(rec, "agencies")


# (text, amounts in rupees): "Rs.", "Rs", "₹" with lakh and crore, any capitalisation.
MONEY = [
    ("An ex-gratia of Rs. 4 lakh was sanctioned.", [400000]),
    ("The Work Cost Rs 1,287 Crore.", [12870000000]),
    ("An outlay of ₹ 20,000 crore and Rs. 2,000 per family.", [200000000000, 2000]),
]


@pytest.mark.parametrize("text,expected", MONEY)
def test_money(text, expected):
    assert [m["amount"] for m in record(text)["money"]] == expected


@pytest.mark.parametrize("text,expected", [
    ("ORDER\nAll schools shall remain closed till 9.1.2021.\n(Anil Kumar Tripathi, IAS)\nDistrict Magistrate, Gorakhpur",
     [("Anil Kumar Tripathi", "District Magistrate, Gorakhpur", "IAS")]),
    ("All schools shall remain closed.\n(Anil Kumar Tripathi)\nDistrict Magistrate", [("Anil Kumar Tripathi", "District Magistrate", None)]),
    ("The fair is called (Hunar Haat)\nDistrict Magistrate reviewed it.", []),
])
def test_an_order_signed_below_its_text(text, expected):
    assert [(o["name"], o["designation"], o["service"]) for o in record(text)["officials"]] == expected


@pytest.mark.parametrize("text,published", [
    ("Drive against drunk driving\nTNN | Dec 12, 2020, 04:12 IST\nRAIPUR: Checkpoints will be set up till "
     "December 31.", "2020-12-12"),
    ("AMC to vaccinate children\nExpress News Service | Ahmedabad | February 9, 2020 10:45:12 pm\n"
     "The drive will start on February 15.", "2020-02-09"),
    ("AIR NEWS\n14 October 2020\nCounting of votes will take place on 10th November.", "2020-10-14"),
])
def test_a_newspaper_byline_or_a_bulletin_date_line_gives_the_year(text, published):
    """The date on a byline or under a bulletin's heading is when it was published, so a date
    written without a year gets that year."""
    rec = record(text, published=None)
    assert rec["published"] == published
    assert all(d["value"].startswith(published[:4]) for d in rec["dates"])


def test_a_table_date_cell_is_no_publication_date():
    rec = record("Schedule\nState\n01.07.2020\nThe polls will be held on 3 August.", published=None)
    assert rec["published"] is None


def test_a_post_its_body_and_its_place_before_the_name():
    rec = record("Deputy Commissioner-cum-Chairman, District Disaster Management Authority, Kangra, Shri Rohit "
                 "Thakur has issued orders prohibiting gatherings.")
    [official] = rec["officials"]
    assert official["name"] == "Rohit Thakur"
    assert official["designation"] == "Deputy Commissioner-cum-Chairman, District Disaster Management Authority, Kangra"


def test_a_count_word_before_numbers_makes_no_date_range():
    rec = record("The state government has decided to reopen schools for classes 9 to 12 from 23rd November.")
    assert [d["value"] for d in rec["dates"]] == ["2020-11-23"]


@pytest.mark.parametrize("text,place", [
    ("PRESS RELEASE\nChhatrapur, 14.06.2020\nThe Collector has ordered that returnees shall stay in the centres.",
     "Chhatrapur"),
    ("Waste points to be set up\nHT Correspondent\nSohna, Jan 21\nThe council approved a proposal.", "Sohna"),
])
def test_the_town_of_a_dateline_is_a_place(text, place):
    assert place in names(record(text, published=None), "places")


def test_a_sentence_opening_with_a_comma_and_a_number_is_no_dateline():
    assert names(record("Headline\nMeanwhile, 12 teams were sent to the villages."), "places") == []


def test_district_posts_and_bodies_of_odisha_style_releases():
    rec = record("The Project Director, DRDA, Smt. Sasmita Panda, has been asked to engage the returnees. "
                 "The Block Development Officers and Tahasildars will be responsible for the food arrangements.")
    assert [(o["name"], o["designation"]) for o in rec["officials"]] == [("Sasmita Panda", "Project Director")]
    assert len(rec["action_points"]) == 2


def test_a_surname_that_is_a_body_head_is_a_persons():
    rec = record("State health secretary Narayan Swaroop Nigam said doses had reached the districts. "
                 "Dr. Anil Mandal spoke. The Uttar Pradesh Jal Nigam will lay the pipes.")
    assert [o["name"] for o in rec["officials"]] == ["Narayan Swaroop Nigam", "Anil Mandal"]
    assert names(rec, "agencies") == ["Uttar Pradesh Jal Nigam"]
