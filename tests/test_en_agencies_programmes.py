"""English agencies and programmes stages: bodies and schemes from release-style sentences, with
the canonical names the Hindi lexicons give the same body or scheme."""
import csv
import importlib.util
from pathlib import Path

import pytest

from en_stages import english
from extractor.packs import get_pack

REPO = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def nlp():
    return english(("en_programmes", "en_agencies"))


def agencies(nlp, text):
    doc = nlp(text)
    return {s._.agencies["name"]: s._.agencies for s in doc.spans["agencies"]}


def programmes(nlp, text):
    doc = nlp(text)
    return {s._.programmes["name"]: s._.programmes for s in doc.spans["programmes"]}


# (sentence, {name as written: canonical}): constructions as Indian releases write them, bodies of
# Indian public administration in general; names of people and places invented.
AGENCY_CASES = [
    ("The Ministry of Jal Shakti has issued guidelines to the States.", {"Ministry of Jal Shakti": "Ministry of Jal Shakti"}),
    ("The Union Ministry of Health & Family Welfare issued an advisory.",
     {"Union Ministry of Health & Family Welfare": "Ministry of Health and Family Welfare"}),
    ("The Health Ministry reviewed the preparedness.", {"Health Ministry": "Ministry of Health and Family Welfare"}),
    ("Officers of the Food Corporation of India and the State Bank of India attended.",
     {"Food Corporation of India": "Food Corporation of India", "State Bank of India": "State Bank of India"}),
    ("The Tribal Affairs Ministry and Minority Affairs Ministry signed an agreement.",
     {"Tribal Affairs Ministry": "Ministry of Tribal Affairs", "Minority Affairs Ministry": "Ministry of Minority Affairs"}),
    ("Ministry of Home Affairs and Ministry of Railways officials met.",
     {"Ministry of Home Affairs": "Ministry of Home Affairs", "Ministry of Railways": "Ministry of Railways"}),
    ("CRPF and Indian Army personnel were deployed in the area.",
     {"CRPF": "Central Reserve Police Force", "Indian Army": "Indian Army"}),
    ("The Government of Odisha and the Kerala Government signed the memorandum.",
     {"Government of Odisha": "Government of Odisha", "Kerala Government": "Kerala Government"}),
    ("The Department of Science and Technology funds the project.",
     {"Department of Science and Technology": "Department of Science and Technology"}),
    ("The Karnataka State Electricity Distribution Company Limited has revised its tariff.",
     {"Karnataka State Electricity Distribution Company Limited": "Karnataka State Electricity Distribution Company Limited"}),
    ("Support came from UNICEF and the World Health Organization.", {"UNICEF": "UNICEF", "World Health Organization": "WHO"}),
    ("The Rajasthan Police registered a case.", {"Rajasthan Police": "Rajasthan Police"}),
    ("Govt. of India has notified the rules.", {"Govt. of India": "Government of India"}),
    ("Funds were released by the Reserve Bank of India on Monday.", {"Reserve Bank of India": "Reserve Bank of India"}),
    ("The Vice Chancellors of Banaras Hindu University and U.G.C officials met.",
     {"Banaras Hindu University": "Banaras Hindu University", "U.G.C": "UGC"}),
    ("The Department of Agriculture, Cooperation and Farmers Welfare released the data.",
     {"Department of Agriculture, Cooperation and Farmers Welfare": "Department of Agriculture, Cooperation and Farmers Welfare"}),
    ("Dr. Sen, Department of Physics, Indian Institute of Science, Bengaluru took part.",
     {"Department of Physics": "Department of Physics", "Indian Institute of Science": "Indian Institute of Science"}),
    ("The Directorate General of Foreign Trade has notified the policy.",
     {"Directorate General of Foreign Trade": "Directorate General of Foreign Trade"}),
    ("Students of the Indian Institute of Public Administration took part.",
     {"Indian Institute of Public Administration": "Indian Institute of Public Administration"}),
]

# News copy: a ministry named by its portfolio in lower case (a city's police in lower case:
# tests/test_en_robustness.py, it needs the places stage).
AGENCY_CASES += [
    ("The drive is part of a mission of the Union health ministry.",
     {"Union health ministry": "Ministry of Health and Family Welfare"}),
    ("The funds were released to the States, the home ministry said.", {"home ministry": "Ministry of Home Affairs"}),
    # a listed "of" tail, then the name of its head ("..., Shri X, reviewed")
    ("The Secretary of the Department of Water Resources, River Development and Ganga Rejuvenation, Shri Pankaj "
     "Kothari, reviewed the plan.", {"Department of Water Resources, River Development and Ganga Rejuvenation":
                                     "Department of Water Resources, River Development and Ganga Rejuvenation"}),
]

AGENCY_NEGATIVES = [
    "The ministry said the state government will act soon.",
    "Special Gram Sabhas will be held in every Gram Panchayat during the campaign.",
    "The Centre on Monday released the second instalment.",  # a day after "on" is no part of a name
    "A ministry official said its rules apply.",
    "The State Government and the Local Administration will monitor the work.",
    "Cases were booked under the National Disaster Management Act.",
    "Civil Society Organisations took part in the drive.",
    "People who need help can call the control room.",
    "The Authority met today and the Board agreed.",
    "He is a Member of Parliament from the constituency.",
]


@pytest.mark.parametrize("text,expected", AGENCY_CASES)
def test_agencies_and_their_canonical_names(nlp, text, expected):
    found = agencies(nlp, text)
    assert {name: data["canonical"] for name, data in found.items()} == expected


@pytest.mark.parametrize("text", AGENCY_NEGATIVES)
def test_no_agency_where_none_is_named(nlp, text):
    assert agencies(nlp, text) == {}


def test_acronym_in_brackets_names_the_body_for_the_rest_of_the_document(nlp):
    doc = nlp("The National Disaster Management Authority (NDMA) issued guidelines. "
              "NDMA also asked the States to prepare plans. The Central Board of Direct Taxes (CBDT) "
              "extended the date. CBDT said so.")
    found = {s.text: s._.agencies for s in doc.spans["agencies"]}
    assert set(found) == {"National Disaster Management Authority", "Central Board of Direct Taxes"}
    assert found["National Disaster Management Authority"]["acronym"] == "NDMA"
    assert found["Central Board of Direct Taxes"]["acronym"] == "CBDT"
    assert [m.text for m in doc.spans["agency_mentions"]].count("NDMA") == 2


def test_one_entry_per_body_and_its_shorter_form(nlp):
    found = agencies(nlp, "The Indian Institute of Management Nagpur hosted the event. "
                          "The Institute of Management thanked the guests.")
    assert list(found) == ["Indian Institute of Management Nagpur"]


def test_a_lexicon_body_absorbs_its_broken_name_before_or_after_it(nlp):
    """A line end inside "Indian\nInstitute of Technology, Kanpur" leaves "Institute of
    Technology": the body the lexicon knows in the same document, wherever it is."""
    broken = "Prof. A, Indian\nInstitute of Technology, Kanpur and Dr B, Indian Institute of Technology, Kanpur spoke."
    for text in (broken, "IIT Kanpur made a coating. " + broken):
        found = agencies(nlp, text)
        assert [a["canonical"] for a in found.values()] == ["Indian Institute of Technology Kanpur"], found
    assert "Institute of Technology" in agencies(nlp, "The Institute of Technology met IIM Nagpur.")


def test_spans_never_start_at_the_or_an_adverb(nlp):
    for text in ("The Central Water Commission issued a flood alert.", "Meanwhile, the Central Water Commission met."):
        assert list(agencies(nlp, text)) == ["Central Water Commission"]


# (sentence, {name: kind}); unknown names invented, known ones general knowledge.
PROGRAMME_CASES = [
    ("The Jal Jeevan Mission aims to provide a tap connection to every household.", {"Jal Jeevan Mission": "mission"}),
    ("Citizens can download the Aarogya Setu app.", {"Aarogya Setu app": "app"}),
    ("Operation Green Corridor was launched by the Railways.", {"Operation Green Corridor": "operation"}),
    ("The Mukhyamantri Kisan Sahayata Yojana was announced in 2021.", {"Mukhyamantri Kisan Sahayata Yojana": "scheme"}),
    ("Exporters can apply on the Niryat Bandhu portal.", {"Niryat Bandhu portal": "portal"}),
    ("The ministry launched a mobile application ‘Yatri Sahayak’ for pilgrims.", {"Yatri Sahayak": "app"}),
    ("Houses were built under Gramin Awas Sanrachna in every district.", {"Gramin Awas Sanrachna": "programme"}),
    ("The Scheme for Rebate of State Levies supports exporters.", {"Scheme for Rebate of State Levies": "scheme"}),
    ("Schools joined the Fit India Movement this week.", {"Fit India Movement": "campaign"}),
    ("Mission Indradhanush covers children and pregnant women.", {"Mission Indradhanush": "mission"}),
    # names listed after "schemes including / such as"
    ("People can enrol in 11 State schemes, including Swasthya Sathi, Kanyashree and Krishak Bandhu, at one place.",
     {"Swasthya Sathi": "scheme", "Kanyashree": "scheme", "Krishak Bandhu": "scheme"}),
    ("Welfare programmes such as Annapurna Rasoi and Indira Bhojan were reviewed.",
     {"Annapurna Rasoi": "scheme", "Indira Bhojan": "scheme"}),
]

PROGRAMME_NEGATIVES = [
    "A webinar titled ‘Culture and Cuisine’ was held on Friday.",
    "The committee was formed under the chairmanship of the Secretary.",
    "The research is supported under Ministry of Earth Sciences funds.",
    "Visas will be issued by the Indian Missions abroad.",
    "The Employees' Provident Fund Organisation settled the claims.",
    "The mission of the department is to serve farmers.",
]


@pytest.mark.parametrize("text,expected", PROGRAMME_CASES)
def test_programmes_and_their_kinds(nlp, text, expected):
    assert {name: data["kind"] for name, data in programmes(nlp, text).items()} == expected


@pytest.mark.parametrize("text", PROGRAMME_NEGATIVES)
def test_no_programme_where_none_is_named(nlp, text):
    assert programmes(nlp, text) == {}


def test_programme_acronym_and_variants_are_one_programme(nlp):
    doc = nlp("Farmers enrolled under the Pradhan Mantri Fasal Bima Yojana (PMFBY). PMFBY covers "
              "crop loss. The PM Fasal Bima Yojana portal is open.")
    found = {s.text: s._.programmes for s in doc.spans["programmes"]}
    assert list(found) == ["Pradhan Mantri Fasal Bima Yojana"]
    assert found["Pradhan Mantri Fasal Bima Yojana"]["canonical"] == "PM Fasal Bima Yojana"
    assert "PMFBY" in [m.text for m in doc.spans["programme_mentions"]]
    assert agencies(nlp, doc.text) == {}  # the acronym is the scheme's, not a body's


def test_rural_housing_written_every_way_is_one_programme(nlp):
    found = programmes(nlp, "Houses sanctioned under Pradhan Mantri Awaas Yojana – Gramin (PMAY-G) must be "
                            "completed. Under PMAY-G, a beneficiary gets Rs. 1.20 lakh.")
    assert list(found) == ["Pradhan Mantri Awaas Yojana – Gramin"]
    assert found["Pradhan Mantri Awaas Yojana – Gramin"]["canonical"] == "Pradhan Mantri Awas Yojana"


def test_a_quoted_title_after_a_dash_is_the_same_programme(nlp):
    found = programmes(nlp, "The Ministry will launch the People's Plan Campaign – 'Sabki Yojana Sabka Vikas' "
                            "on 2nd October. The People's Plan Campaign will run till January.")
    assert list(found) == ["People's Plan Campaign – 'Sabki Yojana Sabka Vikas'"]


def test_a_persons_possessive_is_no_part_of_a_programme(nlp):
    assert list(programmes(nlp, "Modi's Vaccination Drive began.")) == ["Vaccination Drive"]


def test_a_list_after_schemes_stops_at_a_body(nlp):
    assert programmes(nlp, "Schemes like those of the Ministry of Textiles were discussed.") == {}


def test_plural_and_prefix_forms_of_a_programme_are_one(nlp):
    found = programmes(nlp, "Pradhan Mantri Bhartiya Janaushadhi Kendras sold medicines. "
                            "Each Bhartiya Janaushadhi Kendra stocks masks.")
    assert list(found) == ["Pradhan Mantri Bhartiya Janaushadhi Kendras"]


# --- the same canonical in both languages ----------------------------------------------------
HINDI_PAIRS = [  # (Hindi surface in the Hindi lexicons, the English sentence naming the same body or scheme)
    ("जल शक्ति मंत्रालय", "The Ministry of Jal Shakti approved the plan.", "agencies"),
    ("यूनिसेफ", "Support came from UNICEF.", "agencies"),
    ("भारतीय सेना", "The Indian Army rescued the villagers.", "agencies"),
    ("जल जीवन मिशन", "The Jal Jeevan Mission is on track.", "programmes"),
]


@pytest.mark.parametrize("hindi,sentence,group", HINDI_PAIRS)
def test_english_canonical_is_the_hindi_lexicons_canonical(nlp, hindi, sentence, group):
    hi = get_pack("hi")
    tables = ("agencies", "ministries") if group == "agencies" else ("programmes",)
    rows = [r for t in tables for r in hi.table(t) if r["surface"] == hindi]
    assert rows, f"{hindi} is no longer in the Hindi lexicons"
    doc = nlp(sentence)
    [span] = doc.spans[group]
    assert span._.get(group)["canonical"] == rows[0]["canonical"]


def test_generated_english_lexicons_are_current(tmp_path):
    """models/en/lexicons/{agencies,programmes,designations,services}.tsv are what the build
    script makes from the Hindi tables today: regenerate them, never edit by hand."""
    spec = importlib.util.spec_from_file_location("build_en_lexicons", REPO / "models/tools/build_en_lexicons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("agencies.tsv", "programmes.tsv", "designations.tsv", "services.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == \
            (REPO / "models/en/lexicons" / name).read_text(encoding="utf-8"), f"rerun build_en_lexicons.py ({name})"


def test_english_canonicals_are_canonicals_of_the_hindi_tables():
    hi = get_pack("hi")
    hindi = {r["canonical"] for t in ("agencies", "ministries") for r in hi.table(t)}
    rows = list(csv.DictReader((l for l in (REPO / "models/en/lexicons/agencies.tsv").read_text(encoding="utf-8")
                                .splitlines() if l and not l.startswith("#")), delimiter="\t"))
    assert rows and {r["canonical"] for r in rows} <= hindi


def test_saved_english_stages_rebuild_from_their_own_files(tmp_path):
    """nlp.to_disk then spacy.load: each en_* stage reads the pack files it saved, and the
    loaded pipeline finds the same items."""
    import spacy

    from en_stages import STAGES

    nlp = english()
    text = ("Union Minister of Home Affairs Shri Vikram Sethi approved the Jal Jeevan Mission plan of the "
            "National Disaster Management Authority (NDMA). NDMA shall report by next week.")
    before = nlp(text)
    nlp.to_disk(tmp_path)
    for stage in STAGES:
        assert (tmp_path / stage / "pack.json").exists()
    loaded = spacy.load(tmp_path)
    after = loaded(text)
    for group in ("agencies", "programmes", "officials", "statements"):
        assert [s.text for s in after.spans[group]] == [s.text for s in before.spans[group]] != []
