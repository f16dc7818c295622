"""English cleaning (PIB English header and footer lines) and per-document language routing:
each document is cleaned and extracted by its own language's pack; `language` overrides."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.acquire.clean import clean, clean_in_language, is_boilerplate
from extractor.acquire.sources import read_file
from extractor.document import RawDocument
from extractor.extract import extract_documents
from extractor.packs import get_pack
from extractor.pipeline import build_nlp
from extractor.provenance import pack_hash

REPO = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).parent / "pages"
SAMPLES = sorted((REPO / "corpus" / "samples").glob("*.txt"))
HINDI = "बिलासपुर। कलेक्टर ने सोमवार को बैठक में सभी विभागों को 30 सितम्बर तक काम पूरा करने के निर्देश दिए।"
RELEASE = """Ministry of Jal Shakti
Tap connections for all rural homes of Bihar by 31 March 2022
Posted On: 14 JAN 2021 5:22PM by PIB Delhi
The Ministry of Jal Shakti today reviewed the progress of tap connections in Bihar and Odisha.
Rs. 1,250 crore has been released for the works, which will be completed by 31 March 2022.
***
VG/SK/AM
Follow us on social media: @PIB_India
(Release ID: 1688801)
"""

BOILERPLATE = [
    "Posted On: 03 JAN 2020 5:22PM by PIB Delhi", "Posted On: 01 JUN 2020 5:04PM by PIB Mumbai",
    "***", "*******", "* * *", "VG/SK", "AM/DDD/PK", "NB /AKJ/OA", "KGS/(DST)", "NB/KGS/(IMD releases)",
    "ABB/SS/Nampi/KA/DK/Savvy/ADA", "MV", "KGS", "Follow us on social media: @PIB_India",
    "(Release ID: 1598374)", "Release ID: 1598374", "Visitor Counter : 1284",
    "Read this release in: Hindi , Urdu , Marathi", "Click here to see the Official Document",
]
NOT_BOILERPLATE = [
    "The Minister reviewed the works in Bihar.", "Central Ministries/ agencies", "and/or",
    "COVID-19 cases rose in the State.", "Jal Jeevan Mission", "Hindi", "Rs. 1,250 crore was released.",
    "The posted officers met on 3 June.",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_pib_english_lines_are_boilerplate(line):
    assert is_boilerplate(line, get_pack("en"))


@pytest.mark.parametrize("line", NOT_BOILERPLATE)
def test_english_article_lines_are_kept(line):
    assert not is_boilerplate(line, get_pack("en"))


def test_pib_english_release_text_is_cleaned_and_dated():
    document = clean_in_language(RawDocument(name="release.txt", text=RELEASE, path="release.txt"))
    assert document.language == "en"
    assert document.published == "2021-01-14"  # from the "Posted On" line
    assert document.title == "Tap connections for all rural homes of Bihar by 31 March 2022"
    assert document.text.startswith(document.title)  # the issuing office above it is dropped
    for line in ("Posted On", "PIB Delhi", "***", "VG/SK", "Follow us", "Release ID", "Ministry of Jal Shakti\n"):
        assert line not in document.text
    assert "Rs. 1,250 crore has been released" in document.text


def test_a_given_published_date_wins_over_posted_on():
    raw = RawDocument(name="release.txt", text=RELEASE, meta={"published": "2021-01-15"})
    assert clean_in_language(raw).published == "2021-01-15"


def test_masthead_stays_when_no_stamp_follows():
    text = "Ministry of Tourism\nThe Ministry of Tourism held a webinar on heritage tourism in Goa today."
    document = clean(RawDocument(name="t.txt", text=text), get_pack("en"))
    assert document.text.startswith("Ministry of Tourism\n")


def test_real_pib_english_page():
    document = clean_in_language(read_file(PAGES / "pib_english_release.html"))
    assert document.language == "en" and document.published == "2021-01-14"
    assert document.title.startswith("Cabinet approves Rs. 1,250 crore for rural drinking water works")
    assert document.source["publisher"] == "Press Information Bureau"
    assert "Dr. S. K. Mishra, Secretary of the Department, said" in document.text
    for junk in ("Posted On", "VG/SK", "Follow us", "Release ID", "Visitor Counter", "Read this release",
                 "Skip to main content", "Latest Releases", "nutrition programme", "Disclaimer", "__VIEWSTATE"):
        assert junk not in document.text, junk


def test_real_pib_english_page_record():
    (record,) = extract_documents([read_file(PAGES / "pib_english_release.html")])
    assert record["language"] == "en" and record["models_hash"] == pack_hash(get_pack("en"))
    places = {p["name"] for p in record["places"]}
    assert {"Odisha", "Bihar", "Ganjam", "Koraput", "Gaya", "Nalanda"} <= places
    dates = {(d["value"], d["role"]) for d in record["dates"]}
    assert {("2021-01-14", "event"), ("2022-03-31", "deadline"), ("2021", "event"), ("2021-01-18", "event"),
            ("2020-03", "event"), ("2021-06-30", "deadline")} <= dates  # today, by, FY, Monday (ahead), till
    assert [(m["amount"], m["currency"]) for m in record["money"]] == [
        (12_500_000_000, "INR"), (12_500_000_000, "INR"), (4_800_000_000, "INR"), (2_000_000_000, "USD")]
    for kind in ("places", "dates", "money"):
        for item in record[kind]:
            start, end = item["span"]
            assert record["text"][start:end] in (item.get("name"), item.get("text"))


def test_mixed_inputs_each_get_their_languages_pipeline_in_order():
    raws = [RawDocument(name="a.txt", text=HINDI), RawDocument(name="b.txt", text=RELEASE),
            RawDocument(name="c.txt", text=HINDI + " दुर्ग में भी।")]
    records = list(extract_documents(raws, batch_size=2))
    assert [r["language"] for r in records] == ["hi", "en", "hi"]
    assert [r["models_hash"] for r in records] == [pack_hash(get_pack("hi")), pack_hash(get_pack("en")),
                                                   pack_hash(get_pack("hi"))]
    assert "दुर्ग" in records[2]["text"]
    assert {p["name"] for p in records[1]["places"]} == {"Bihar", "Odisha"}
    assert [p["name"] for p in records[0]["places"]] == ["बिलासपुर"]


def test_language_overrides_detection():
    (record,) = extract_documents([RawDocument(name="b.txt", text=RELEASE)], language="hi")
    assert record["language"] == "hi" and record["models_hash"] == pack_hash(get_pack("hi"))
    assert record["language_evidence"]["given"] == "hi" and record["language_evidence"]["detected"] == "en"
    assert not record["places"]  # the Hindi gazetteer has no Latin names


def test_kruti_dev_hindi_is_routed_to_hindi():
    kruti = ("ftykf/kdkjh us dgk fd lHkh foHkkxksa ds vf/kdkjh 15 tqykbZ rd fjiksVZ izLrqr djsaA "
             "cSBd esa fu.kZ; fy;k x;k fd xzkeh.k {ks=ksa esa is;ty vkiwfrZ lqfuf'pr dh tk,xhA")
    document = clean_in_language(RawDocument(name="k.txt", text=kruti))
    assert document.language == "hi" and "जिलाधिकारी" in document.text


@pytest.mark.skipif(not SAMPLES, reason="no corpus/samples")
def test_hindi_records_are_those_of_the_hindi_pipeline():
    """Routing changes nothing for Hindi: the same records as the Hindi pipeline alone made
    before there was a second pack."""
    raws = [read_file(p) for p in SAMPLES] + [read_file(PAGES / "pib_press_release.html")]
    routed = list(extract_documents(raws))
    alone = list(extract_documents([read_file(p) for p in SAMPLES] + [read_file(PAGES / "pib_press_release.html")],
                                   nlp=build_nlp("hi")))
    assert routed == alone and all(r["language"] == "hi" for r in routed)


@pytest.mark.skipif(not os.environ.get("SNAPSHOT_BASE"),
                    reason="set SNAPSHOT_BASE to a snapshot of main (tools/snapshot_records.py) to compare")
def test_hindi_snapshot_unchanged(tmp_path):
    """Every Hindi record of the evaluation sets, samples and pages is what main made; only the
    English originals (dev-pr-en, now read by the English pipeline) and new pages differ."""
    base = Path(os.environ["SNAPSHOT_BASE"])
    out = tmp_path / "snap.jsonl"
    subprocess.run([sys.executable, str(REPO / "tools" / "snapshot_records.py"), str(out)], check=True)
    old = {json.loads(l)["input"]: l for l in base.read_text(encoding="utf-8").splitlines()}
    new = {json.loads(l)["input"]: l for l in out.read_text(encoding="utf-8").splitlines()}
    hindi = [name for name in old if not name.startswith("dev-pr-en/")]
    assert hindi and [n for n in hindi if old[n] != new.get(n)] == []


@pytest.mark.slow
def test_cli_language_option(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    runs = {lang: subprocess.run([sys.executable, "-m", "extractor", "extract", str(path), *args],
                                 capture_output=True, text=True, cwd=REPO)
            for lang, args in (("detected", []), ("hi", ["--language", "hi"]), ("xx", ["--language", "xx"]))}
    assert json.loads(runs["detected"].stdout)["language"] == "en"
    assert json.loads(runs["hi"].stdout)["language"] == "hi"
    assert runs["xx"].returncode == 2 and "--language" in runs["xx"].stderr
