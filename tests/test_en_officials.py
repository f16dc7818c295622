"""English officials stage: name, honorific, post (as written and normalised), cadre and body
from release-style sentences. Names of people are invented; the constructions are how Indian
releases write them."""
import pytest

from en_stages import english


@pytest.fixture(scope="module")
def nlp():
    return english(("en_programmes", "en_agencies", "en_officials"))


def officials(nlp, text):
    doc = nlp(text)
    return {s._.officials["name"]: s._.officials for s in doc.spans["officials"]}


# (sentence, {name: {field: expected}})
CASES = [
    ("Union Minister of Home Affairs Shri Vikram Sethi chaired the meeting.",
     {"Vikram Sethi": {"honorific": "Shri", "designation": "Union Minister of Home Affairs", "designation_en": "Union Minister"}}),
    ("Dr. Rajesh Kumar, IAS, Secretary, Department of Pharmaceuticals, reviewed the progress.",
     {"Rajesh Kumar": {"honorific": "Dr.", "service": "IAS", "designation": "Secretary",
                       "agency": "Department of Pharmaceuticals"}}),
    ("The Chief Minister of Assam, Shri Hemant Baruah, inaugurated the bridge.",
     {"Hemant Baruah": {"designation": "Chief Minister of Assam", "designation_en": "Chief Minister"}}),
    ("Smt. Meena Iyer, Minister of State for Culture, addressed the gathering.",
     {"Meena Iyer": {"honorific": "Smt.", "designation": "Minister of State for Culture",
                     "designation_en": "Minister of State"}}),
    ("Ms. Anjali Verma, Joint Secretary, Ministry of Textiles, briefed the media.",
     {"Anjali Verma": {"honorific": "Ms.", "designation": "Joint Secretary", "agency": "Ministry of Textiles"}}),
    ("Raksha Mantri Shri Arvind Sethi reviewed the exercise.",
     {"Arvind Sethi": {"designation": "Raksha Mantri", "designation_en": "Defence Minister"}}),
    ("Shri Arun Pandey, IPS, addressed the officers.", {"Arun Pandey": {"service": "IPS", "designation": None}}),
    ("Prime Minister Narendra Modi launched the scheme.",
     {"Narendra Modi": {"honorific": None, "designation": "Prime Minister"}}),
    ("Prof. R. Anand Murthy, Vice Chancellor, Central University of Kerala, spoke.",
     {"R. Anand Murthy": {"honorific": "Prof.", "designation": "Vice Chancellor",
                          "agency": "Central University of Kerala"}}),
    ("Union Human Resource Development Minister Shri Kiran Rao interacted with students.",
     {"Kiran Rao": {"designation": "Union Human Resource Development Minister", "designation_en": "Minister"}}),
    ("Minister of State for Shipping (I/C), Shri Mohan Das chaired the review.",
     {"Mohan Das": {"designation": "Minister of State for Shipping (I/C)"}}),
    ("Member of Parliament from Ranchi Shri Ajay Toppo was also present.",
     {"Ajay Toppo": {"designation": "Member of Parliament from Ranchi", "designation_en": "Member of Parliament"}}),
    ("Dr. Sunita Rao a Professor of the university presented the findings.",
     {"Sunita Rao": {"designation": "Professor"}}),
    ("Kavita Menon, Minister of State for Commerce, said the talks went well.",
     {"Kavita Menon": {"honorific": None, "designation": "Minister of State for Commerce"}}),
    ("The Chief Secretary, Government of Bihar, Shri Amir Khan, IAS, directed the officers.",
     {"Amir Khan": {"designation": "Chief Secretary", "agency": "Government of Bihar", "service": "IAS"}}),
    ("The Chief Minister of Assam, Hemant Baruah, inaugurated the bridge.",
     {"Hemant Baruah": {"honorific": None, "designation": "Chief Minister of Assam"}}),
    ("Dr. Asha Menon, DG, ICMR reviewed the trials.",
     {"Asha Menon": {"designation": "DG", "designation_en": "Director General", "agency": "ICMR"}}),
    ("Lt Gen Vikas Rana, Director General, Border Roads Organisation, visited the site.",
     {"Vikas Rana": {"designation": "Director General", "agency": "Border Roads Organisation"}}),
    ("The team includes Dr Ravi Nair, Professor, Indian Institute of Science, Bengaluru and Dr Meera Das, "
     "Assistant Professor, Department of Physics.",
     {"Ravi Nair": {"designation": "Professor", "agency": "Indian Institute of Science"},
      "Meera Das": {"designation": "Assistant Professor", "agency": "Department of Physics"}}),
    ("Shri Mohan Lal, Union Minister of Fisheries, Animal Husbandry and Dairying said the scheme is ready.",
     {"Mohan Lal": {"designation": "Union Minister of Fisheries, Animal Husbandry and Dairying"}}),
    ("Union Minister of Consumer Affairs, Food and Public Distribution, Shri Ram Prasad, chaired the meeting.",
     {"Ram Prasad": {"designation": "Union Minister of Consumer Affairs, Food and Public Distribution"}}),
    ("H.E. Ms Elena Petrova, the President of Moldova, called the President.",
     {"Elena Petrova": {"honorific": "Ms", "designation": "President of Moldova"}}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_officials(nlp, text, expected):
    found = officials(nlp, text)
    assert set(found) == set(expected)
    for name, fields in expected.items():
        for field, value in fields.items():
            assert found[name][field] == value, (name, field)


# A post without a name, or capitalised words that are no person.
NEGATIVES = [
    "The Prime Minister appealed to citizens to stay at home.",
    "The Secretary reviewed the plan of the Ministry of Coal.",
    "Principal Component Regression models were used for the forecast.",
    "The Chief Secretaries concerned were asked to depute officers.",
    "On the second day of Chintan Shivir, Vice President of India addressed the officers.",
    "The Union Home Secretary and Chairman, National Executive Committee issued orders.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_official_without_a_name(nlp, text):
    assert officials(nlp, text) == {}


def test_one_person_per_document(nlp):
    found = officials(nlp, "Union Minister for Textiles Shri Vivek Joshi met the delegation. "
                           "Shri Joshi said the mills will reopen. Shri Vivek Joshi Ji thanked them.")
    assert list(found) == ["Vivek Joshi"]
    assert found["Vivek Joshi"]["designation"] == "Union Minister for Textiles"


def test_a_quoted_pen_name_is_the_same_person(nlp):
    found = officials(nlp, "Union Minister Shri Ramesh Sharma 'Prakash' spoke first. Later Shri Prakash "
                           "thanked the teachers.")
    assert list(found) == ["Ramesh Sharma"]


def test_a_name_spelled_two_ways_in_one_post_is_one_person(nlp):
    found = officials(nlp, "Prof. Nageswar Rao, Vice Chancellor, IGNOU chairs the committee. "
                           "Prof. Nageshwar Rao, Vice Chancellor, IGNOU will report in a week.")
    assert len(found) == 1


def test_name_is_not_read_into_a_programme_or_body(nlp):
    found = officials(nlp, "Pradhan Mantri Bhartiya Janaushadhi Kendra outlets sold masks, said "
                           "Shri Anil Kumar, Director, Bureau of Pharma PSUs of India.")
    assert list(found) == ["Anil Kumar"]
    assert found["Anil Kumar"]["agency"] == "Bureau of Pharma PSUs of India"


def test_a_column_of_names_in_a_table(nlp):
    text = ("The following members retire in July:\nState\nName of Member\nDate of retirement\n"
            "Odisha\nSh. Ramesh Behera\n01.07.2020\nK. Suresh Nair\nAnita Das\n"
            "The Commission has fixed the schedule for the elections in the States concerned.")
    found = officials(nlp, text)
    assert set(found) == {"Ramesh Behera", "K. Suresh Nair", "Anita Das"}
    assert {f["designation"] for f in found.values()} == {"Member"}


# Newspaper and district forms: lower-case posts before a name, a one-word post opening a
# sentence, a middle name that is also a title, a portfolio with "and" before its post.
NEWS_CASES = [
    ("RAIPUR: Checkpoints will be set up, senior superintendent of police (SSP) Ramesh Kumar Sahu said.",
     "Ramesh Kumar Sahu", "senior superintendent of police (SSP)"),
    ("The district collector, Kavya Netam, has directed the department to hold classes.",
     "Kavya Netam", "district collector"),
    ("The work will be completed by June 30, MCG commissioner Vivek Dahiya said.", "Vivek Dahiya", "commissioner"),
    ("Collector Avinash Mehra has asked the officers to hold camps.", "Avinash Mehra", "Collector"),
    ("State Women and Child Development Minister Smt. Jyoti Kumari Oraon said the centres will open.",
     "Jyoti Kumari Oraon", "State Women and Child Development Minister"),
    ("District Collector J. Meghanatha Selvi has instructed the officers.", "J. Meghanatha Selvi", "District Collector"),
    ("Minister of State for External Affairs V Muraleedharan will visit Bahrain.", "V Muraleedharan",
     "Minister of State for External Affairs"),
    ("District Development Officer Anjali Vyas said a drive would be held.", "Anjali Vyas",
     "District Development Officer"),
    ("The Minister-in-Charge, Department of Panchayats, Shri Subir Basu Mallick, said that camps would open.",
     "Subir Basu Mallick", "Minister-in-Charge"),
]


@pytest.mark.parametrize("text,name,designation", NEWS_CASES)
def test_news_forms_of_posts(nlp, text, name, designation):
    found = officials(nlp, text)
    assert list(found) == [name]
    assert found[name]["designation"] == designation


def test_a_lower_case_post_needs_a_name_after_it(nlp):
    assert officials(nlp, "The collector said the minister would visit Raipur on Monday.") == {}
    assert officials(nlp, "Principal Component Analysis was used.") == {}


# A post's body and place between the post and the name; two posts written one after another.
POST_BEFORE_CASES = [
    ("BDO Rampur Shri Mohan Lal Arya was asked to arrange water.", "Mohan Lal Arya", "BDO Rampur"),
    ("A Division Bench of Chief Justice Abhay Oka and Justice S. Vishwa Shetty passed the order.", "Abhay Oka",
     "Chief Justice"),
    ("Union Minister of State (Independent Charge) Development of North Eastern Region (DoNER), MoS PMO, "
     "Personnel, Public Grievances, Pensions, Atomic Energy and Space, Dr Jatin Singh reviewed the projects.",
     "Jatin Singh", "Union Minister of State (Independent Charge)"),
    ("The meeting was attended by Advisor to the Lieutenant Governor, Shri Basir Khan, and others.", "Basir Khan",
     "Advisor to the Lieutenant Governor"),
    ("The Secretary of the Department of Fisheries, Shri Ravi Kumar, said so.", "Ravi Kumar", "Secretary"),
    # (with its place after the body: tests/test_en_robustness.py, it needs the places stage)
    ("Deputy Commissioner-cum-Chairman, District Disaster Management Authority, Shri Rohit Thakur "
     "has issued orders.", "Rohit Thakur", "Deputy Commissioner-cum-Chairman"),
    ("Station house officer (SHO) inspector Gurpreet Singh Bains said the accused was held.",
     "Gurpreet Singh Bains", "Station house officer (SHO) inspector"),
    ("Vice Admiral Arun Sethi, Flag Officer Commanding-in-Chief, Eastern Naval Command, spoke.",
     "Arun Sethi", "Flag Officer Commanding-in-Chief"),
]


@pytest.mark.parametrize("text,name,designation", POST_BEFORE_CASES)
def test_post_body_and_place_before_the_name(nlp, text, name, designation):
    found = officials(nlp, text)
    assert found[name]["designation"] == designation


def test_a_department_between_post_and_name_is_the_posts_agency(nlp):
    found = officials(nlp, "The Secretary of the Department of Fisheries, Shri Ravi Kumar, said so.")
    assert found["Ravi Kumar"]["agency"] == "Department of Fisheries"
