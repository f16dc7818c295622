"""Cleaning: boilerplate lines out, content kept, Unicode and whitespace normalised, stable ids."""
from __future__ import annotations

import re
import unicodedata

import pytest

from extractor.acquire.clean import (clean, doc_id_for, drop_boilerplate, is_boilerplate, normalise_hindi,
                                     normalise_text)
from extractor.acquire.webpage import parse_date
from extractor.document import RawDocument
from extractor.errors import InputError
from extractor.packs import get_pack

# Lines every Hindi news site prints around an article: each must go.
BOILERPLATE = [
    "यह भी पढ़ें: लखनऊ में स्पेशल कोर्ट ने 12 दोषियों को सजा सुनाई",
    "ये भी पढ़ें- फर्जी न्यूज़ फैलाकर ठगी करने वाले गिरोह का पर्दाफाश",
    "यह भी पढ़ें",
    "इसे भी पढ़ें : जिले में डेंगू के नए मामले",
    "ये भी देखें: वीडियो में देखें पूरा कार्यक्रम",
    "Also Read: Monsoon to arrive early this year",
    "Read More",
    "संबंधित खबरें",
    "ताज़ा खबरें",
    "और पढ़ें",
    "प्रतीकात्मक तस्वीर",
    "(प्रतीकात्मक तस्वीर)",
    "फाइल फोटो",
    "सांकेतिक चित्र",
    "फोटो: जिला सूचना कार्यालय, सीतापुर",
    "फोटो साभार: सोशल मीडिया",
    "तस्वीर | पीटीआई",
    "Representative Image",
    "Photo Credit: PTI",
    "Don't copy text!",
    "Don`t copy text!",
    "Don’t copy text!",
    "error: Content is protected !!",
    "Exit mobile version",
    "Skip to content",
    "विज्ञापन",
    "© 2025 प्रदेश प्रहरी। सर्वाधिकार सुरक्षित।",
    "Copyright 2024 Example Media Pvt Ltd. All rights reserved.",
    "शेयर करें:",
    "Share",
    "Facebook WhatsApp Twitter Telegram",
    "Facebook | Twitter | WhatsApp | Email | Print",
    "इस खबर को शेयर करें",
    "हमें फॉलो करें",
    "हमारे व्हाट्सएप चैनल से जुड़ें और पाएं हर खबर सबसे पहले",
    "Subscribe to our newsletter",
    "डाउनलोड करें ऐप",
    "Posted On: 02 AUG 2025 4:15PM by PIB Delhi",
    "(Release ID: 2151234)",
    "Visitor Counter : 1284",
    "Read this release in: English , Urdu , Marathi , Tamil",
    "पोस्ट किया गया: 02 AUG 2025 4:15PM द्वारा PIB Delhi",
    "(रिलीज़ आईडी: 2151234)",
    "आगंतुक पटल : 1284",
    "***",
    "* * *",
    "एमजी/आरपी/केसी/एसके/डीए",
    "MJPS/VJ",
    "रिपोर्ट: संवाददाता, लखनऊ",
    "रिपोर्ट- अनुराग मिश्रा",
    "ब्यूरो रिपोर्ट",
    "Edited By: Anurag Mishra",
    "Written by Staff Reporter",
    "By Anurag Mishra",
    "Vistaar NEWS",
    "Hindi Samachar Desk",
    "डिजिटल डेस्क",
    "ब्रेकिंग न्यूज़",
    "शमीम अंसारी बाराबंकी: एसएम न्यूज24टाइम्स .",
    "अपडेटेड: 12 अप्रैल 2025, 08:10 PM",
    "Updated: Apr 12, 2025 08:10 PM IST",
    "प्रकाशित: शनिवार, 12 अप्रैल 2025",
    "टैग: सीतापुर, बाल विवाह",
    "2 टिप्पणियाँ",
    "एक उत्तर दें",
    "|",
    "-",
    "• • •",
    # PIB Hindi date line and news-site publish stamps
    "प्रविष्टि तिथि: 03 MAR 2025 11:45AM by PIB Delhi",
    "प्रविष्टि तिथि: 21 AUG 2024 7:02PM by PIB Mumbai",
    "Publish Date: Mon, 10 Feb 2025 09:30 AM (IST)",
    "Published Date: 10 Feb 2025",
    # captions: caption lines, credits after a spaced or trailing dash, one caption sentence + credit
    "फोटो कैप्शन: शिविर में लाभार्थियों को प्रमाण पत्र सौंपते अधिकारी।",
    "चित्र परिचय: जनसुनवाई करते जिलाधिकारी",
    "कैप्शन- नहर की सफाई का निरीक्षण करते अभियंता",
    "फोटो- अमर उजाला",
    "फोटो -संवाद",
    "जनसुनवाई में लोगों की समस्याएं सुनते एसडीएम। फोटो: जिला प्रशासन",
    "नहर का निरीक्षण करते अधिशासी अभियंता - फोटो : संवाद",
    "मतदाताओं को शपथ दिलाते निर्वाचन अधिकारी। फोटो साभार: सूचना विभाग",
    "पुलिस अधीक्षक राजेश कुमार (फाइल फोटो)",
    "धरने पर बैठे किसान। फाइल फोटो",
]

# Content that starts or ends like boilerplate: each must stay.
CONTENT_LOOKALIKES = [
    "फर्जी न्यूज़ फैलाकर ठगी करने वाले गिरोह का पर्दाफाश, तीन गिरफ्तार",
    "फर्जी न्यूज़ और अफवाहों से बचने के लिए प्रशासन ने अपील की है।",
    "सोशल मीडिया पर फैल रही फर्जी न्यूज़ के खिलाफ पुलिस ने अभियान चलाया",
    "फोटो प्रदर्शनी के जरिए बाल विवाह के दुष्परिणामों को दर्शाया गया।",
    "फोटो-वीडियो बनाकर वायरल करने वाले आरोपी को पुलिस ने गिरफ्तार किया",
    "तस्वीरों में दिख रहा है कि तटबंध कई जगह से टूटा हुआ है।",
    "थानों में महिला हेल्प डेस्क सक्रिय की जाएगी।",
    "हर थाने में महिला हेल्प डेस्क",
    "यह भी देखें कि किसी पात्र परिवार का नाम सूची से न छूटे।",
    "यह भी तय हुआ कि समिति हर माह बैठक करेगी।",
    "शेयर बाजार में आज तेजी देखी गई और सेंसेक्स 500 अंक चढ़ा।",
    "प्रकाशित रिपोर्ट के अनुसार जिले में 14 बाल विवाह रोके गए।",
    "अपडेट: आरोपी गिरफ्तार, पुलिस पूछताछ कर रही है",
    "रिपोर्ट में कहा गया है कि 212 शिकायतें दर्ज हुई हैं।",
    "संबंधित विभागों को 15 जून तक रिपोर्ट भेजने के निर्देश दिए गए।",
    "ताज़ा आंकड़ों के अनुसार 150 पीड़िताओं की पहचान की गई है।",
    "कॉपीराइट कानून के उल्लंघन पर कार्रवाई की जाएगी।",
    "MP News: मध्य प्रदेश पुलिस की महिला सुरक्षा शाखा को पुरस्कार मिला।",
    "By-election in the district will be held on 12 May.",
    "Posted to the district in 2019, he launched the campaign.",
    "विशेष पुलिस महानिदेशक (महिला सुरक्षा) अनिल कुमार द्वारा बताया गया कि अभियान जारी रहेगा।",
    "गुवाहाटी, 2 अगस्त: असम पुलिस ने संवाद का आयोजन किया।",
    "मुख्य उद्देश्य",
    "24 घंटे कर्मचारियों की तैनाती सुनिश्चित करें।",
    "सरकारी विभागों/संस्थाओं के बीच सहयोग को बढ़ावा देना।",
    "आरोपी ने फोटो-वीडियो बनाकर सोशल मीडिया पर वायरल कर दिया",
    "पुलिस ने मुकदमा दर्ज किया। फोटो-वीडियो के आधार पर आरोपियों की पहचान की जा रही है।",
    "फाइल फोटो के आधार पर आरोपी की पहचान की गई।",
    "कैप्शन प्रतियोगिता में 40 विद्यार्थियों ने भाग लिया।",
    "प्रविष्टि तिथि बढ़ाकर 31 मार्च कर दी गई है।",
    "प्रविष्टियां भेजने की अंतिम तिथि 20 जनवरी 2025 है।",
    "पब्लिश डेट तय होने के बाद पुस्तक का विमोचन होगा",
]


# Bylines stamped after a bar, share and follow prompts, news-feed prompts.
BOILERPLATE += [
    "ब्यूरो, कानपुर | अपडेटेड: 14 फरवरी 2025, 10:20 AM",
    "अमित वर्मा, भोपाल • Published: Jan 7, 2025 06:15 PM",
    "संवाद सूत्र, हाथरस | Updated: Tue, 21 Jan 2025 11:02 PM (IST)",
    "भास्कर न्यूज | अलवर | प्रकाशित: 11 मार्च 2025",  # credit, place and stamp between bars
    "Share this story",
    "Share this article:",
    "Google News पर हमें फॉलो करें",
    "हमें फेसबुक पर फॉलो करें",
    "ट्विटर पर हमें फ़ॉलो करें | Instagram",
    "Follow us on Google News",
    "WhatsApp चैनल से जुड़ें",
    "टेलीग्राम चैनल से जुड़ें!",
    "ऐसी ही ताजा खबरों के लिए हमें फॉलो करें",
    "ताजा खबरों के लिए जुड़े रहें",
    "ताजा खबरों के लिए हमें फॉलो करे",
]
CONTENT_LOOKALIKES += [
    "विभाग ने सूची अपडेट की | अपडेट 40 लाभार्थियों की स्थिति का हुआ",
    "Share the burden of the flood relief work with the villages.",
    "उन्होंने कहा कि पोर्टल पर डेटा अपडेटेड है और 12 मार्च 2025 तक नई सूची आएगी।",
    "फेसबुक पर फॉलो करें और शिकायत भेजें, यह अपील पुलिस अधीक्षक ने की।",
    "पुलिस ने लोगों से कहा कि वे फेसबुक पर अफवाह फैलाने वालों को फॉलो न करें।",
    "व्हाट्सएप ग्रुप से जुड़े लोगों ने ठगी की शिकायत की।",
    "ताजा खबरों के लिए गांव के लोग अखबार पर निर्भर हैं।",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_line_is_dropped(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", CONTENT_LOOKALIKES)
def test_content_that_looks_like_boilerplate_is_kept(line):
    assert not is_boilerplate(line)


def test_boilerplate_lexicon_is_nfc_and_compiles():
    path = get_pack().path("lexicons", "boilerplate.txt")
    data = path.read_text(encoding="utf-8")
    assert data == unicodedata.normalize("NFC", data)
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            re.compile(line)


def test_decomposed_input_still_matches():
    # "पढ़ें" typed with the precomposed ढ़ (U+095D) must match the NFC pattern.
    assert is_boilerplate("यह भी प\u095dें: कुछ और")


def test_drop_boilerplate_reports_what_it_dropped():
    text, dropped = drop_boilerplate("शीर्षक\nप्रतीकात्मक तस्वीर\nलखनऊ। पुलिस ने अभियान शुरू किया।\nExit mobile version")
    assert text == "शीर्षक\nलखनऊ। पुलिस ने अभियान शुरू किया।"
    assert dropped == ["प्रतीकात्मक तस्वीर", "Exit mobile version"]


# --- normalisation -------------------------------------------------------------------

def test_whitespace_normalisation_keeps_paragraphs_and_words():
    raw = ("  पहला\tअनुच्छेद\u00a0यहाँ  है।  \r\n\r\n\r\n\r\nदूसरा\u200bअनुच्छेद\x0bयहाँ\x00है।\n"
           "\u2028तीसरी पंक्ति\u3000अंत।\n\n")
    assert normalise_text(raw) == "पहला अनुच्छेद यहाँ है।\n\nदूसरा अनुच्छेद\nयहाँ है।\n\nतीसरी पंक्ति अंत।"


def test_normalisation_is_nfc_and_keeps_joiners():
    decomposed = unicodedata.normalize("NFD", "ज़िला क़ानून")
    assert normalise_text(decomposed) == unicodedata.normalize("NFC", "ज़िला क़ानून")
    assert "\u200d" in normalise_text("क्\u200dष")  # ZWJ shapes a half form: not ours to drop


def test_words_are_not_joined_across_lines():
    text = clean(RawDocument(name="t", text="पुलिस ने अभियान\nशुरू किया और लोगों को जागरूक किया। यह पहल है।")).text
    assert "अभियान\nशुरू" in text


def test_colon_is_not_turned_into_visarga():
    assert normalise_hindi("गुवाहाटी, 2 अगस्त: असम") == "गुवाहाटी, 2 अगस्त: असम"
    document = clean(RawDocument(name="t", text="गुवाहाटी, 2 अगस्त: असम पुलिस ने बच्चों की सुरक्षा पर संवाद किया।"))
    assert "गुवाहाटी, 2 अगस्त: असम" in document.text
    assert "\u0903" not in document.text


def test_hindi_normaliser_runs():
    # indic-nlp writes "|" typed for a danda as the danda, and ZWNJ out.
    assert normalise_hindi("पुलिस ने अभियान चलाया |") == "पुलिस ने अभियान चलाया ।"


# --- doc_id ---------------------------------------------------------------------------

def test_doc_id_is_stable_and_text_specific():
    raw = RawDocument(name="a", text="लखनऊ। पुलिस ने अभियान शुरू किया।")
    assert clean(raw).doc_id == clean(RawDocument(name="b", text=raw.text, path="other.txt")).doc_id
    assert clean(raw).doc_id == doc_id_for(clean(raw).text)
    assert clean(raw).doc_id != clean(RawDocument(name="a", text="लखनऊ। पुलिस ने अभियान बंद किया।")).doc_id
    # Boilerplate and spacing do not change the id: it is the hash of the cleaned text.
    noisy = RawDocument(name="c", text="Exit mobile version\n  लखनऊ।  पुलिस ने अभियान शुरू किया।\n")
    assert clean(noisy).doc_id == clean(raw).doc_id


# --- metadata -------------------------------------------------------------------------

def test_given_metadata_wins_and_is_kept():
    raw = RawDocument(name="d:1", html=None, text="शीर्षक पंक्ति\nलखनऊ। पुलिस ने सोमवार को अभियान शुरू किया।",
                      meta={"title": "दिया गया शीर्षक", "published": "2024-08-02T09:00:00+05:30",
                            "publisher": "दिया गया प्रकाशक", "path": "given/path.txt", "id": "doc-7"})
    document = clean(raw)
    assert document.title == "दिया गया शीर्षक"
    assert document.published == "2024-08-02"
    assert document.source["publisher"] == "दिया गया प्रकाशक"
    assert document.source["path"] == "given/path.txt"
    assert document.given_id == "doc-7"


def test_unreadable_given_date_is_a_clear_error():
    with pytest.raises(InputError) as info:
        clean(RawDocument(name="d:2", text="लखनऊ। पुलिस ने अभियान शुरू किया।", meta={"published": "कल"}))
    assert info.value.source == "d:2" and "YYYY-MM-DD" in info.value.hint


def test_posted_on_stamp_dates_a_text_release():
    text = ("जल शक्ति मंत्रालय\nPosted On: 14 JUL 2025 6:05PM by PIB Delhi\n"
            "मंत्रालय ने आज बाढ़ प्रबंधन पर राज्यों के साथ बैठक की। बैठक में तटबंधों की मरम्मत की समीक्षा हुई।")
    document = clean(RawDocument(name="r.txt", text=text))
    assert document.published == "2025-07-14"
    assert "Posted On" not in document.text


@pytest.mark.parametrize("stamp, iso", [
    ("प्रविष्टि तिथि: 03 MAR 2025 11:45AM by PIB Delhi", "2025-03-03"),
    ("Publish Date: Mon, 10 Feb 2025 09:30 AM (IST)", "2025-02-10"),
    ("Published on: Feb 10, 2025", "2025-02-10"),
    ("प्रकाशित: सोमवार, 10 फरवरी 2025", "2025-02-10"),
    ("Updated: 10 Feb 2025, 07:20 PM IST", "2025-02-10"),
    ("अपडेटेड Mon, 10 Feb 2025 07:20 PM IST", "2025-02-10"),
])
def test_stamp_line_dates_the_text_and_goes(stamp, iso):
    body = "जिला पंचायत ने आज सभी प्रखंडों में स्वच्छता अभियान की समीक्षा की। बैठक में सभी सचिव मौजूद रहे।"
    document = clean(RawDocument(name="s.txt", text=f"स्वच्छता अभियान की समीक्षा\n{stamp}\n{body}"))
    assert document.published == iso
    assert stamp not in document.text and body in document.text


def test_publication_stamp_wins_over_an_update_stamp():
    text = ("पंचायत चुनाव की तैयारी\nUpdated: 12 Feb 2025, 06:00 PM IST\nPublished on: 11 Feb 2025\n"
            "निर्वाचन अधिकारी ने आज मतदान केंद्रों का निरीक्षण किया। सभी केंद्रों पर रैंप बनाए गए हैं।")
    assert clean(RawDocument(name="u.txt", text=text)).published == "2025-02-11"


def test_pib_hindi_stamp_resolves_today():
    from extractor.extract import extract_text
    text = ("ग्रामीण विकास मंत्रालय\nप्रविष्टि तिथि: 07 FEB 2025 3:10PM by PIB Delhi\n"
            "ग्रामीण विकास मंत्रालय के सचिव ने आज राज्यों के साथ सड़क योजना की समीक्षा की।")
    record = extract_text(text)
    assert record["published"] == "2025-02-07"
    assert "प्रविष्टि तिथि" not in record["text"]
    assert "2025-02-07" in [d["value"] for d in record["dates"] if d["text"] == "आज"]


def test_pib_hindi_page_is_dated_and_clean():
    from pathlib import Path

    from extractor.acquire.sources import read_file
    document = clean(read_file(Path(__file__).parent / "pages" / "pib_hindi_release.html"))
    assert document.published == "2025-02-07"
    for body in ["श्री रमेश चंद्र जोशी ने आज कृषि भवन में", "31 मार्च 2025 तक पूरी की जाए।",
                 "पांच वर्ष की गारंटी अनिवार्य कर दी गई है।"]:
        assert body in document.text
    for junk in ["प्रविष्टि तिथि", "PIB Delhi", "फोटो: पीआईबी", "रिलीज़ आईडी", "आगंतुक पटल",
                 "लखपति दीदी", "एसके/आरसी/पीएस"]:
        assert junk not in document.text


# --- related-links blocks and trailing credits --------------------------------------

BODY = "जिलाधिकारी ने बताया कि सभी गांवों में शिविर लगाए जाएंगे।"


@pytest.mark.parametrize("text, kept, gone", [
    # heading, headlines, blank line, body
    (f"ये भी पढ़ें\nरेलवे ने तीन जोड़ी ट्रेनें रद्द कीं, यात्री परेशान\nकांस्टेबल भर्ती परीक्षा का परिणाम जारी\n\n{BODY}",
     [BODY], ["रेलवे ने", "कांस्टेबल भर्ती"]),
    # a body sentence right after the headlines ends the block
    (f"इसे भी पढ़ें:\nबस और ट्रक की टक्कर में चार घायल\n{BODY}", [BODY], ["बस और ट्रक"]),
    # the block stops at a blank line: a subheading after it is article text
    (f"Also Read\nसड़क हादसे में दो की मौत\n\nशिविरों में मिलेगी सुविधा\n{BODY}",
     ["शिविरों में मिलेगी सुविधा", BODY], ["सड़क हादसे"]),
    # a heading at the very end, with nothing under it
    (f"{BODY}\nयह भी पढ़ें", [BODY], ["यह भी पढ़ें"]),
])
def test_related_block_headlines_go_body_stays(text, kept, gone):
    out, _ = drop_boilerplate(f"शिविर अभियान शुरू\n\n{text}")
    for line in kept:
        assert line in out
    for line in gone:
        assert line not in out


def test_without_a_heading_short_lines_stay():
    text = f"शिविर अभियान शुरू\n\nगांवों में लगेंगे शिविर\n{BODY}"
    assert drop_boilerplate(text)[0] == text


@pytest.mark.parametrize("line, kept", [
    ("बैठक में अधिकारियों को निर्देश देते जिलाधिकारी। जागरण", "बैठक में अधिकारियों को निर्देश देते जिलाधिकारी।"),
    ("नई दिल्ली में बैठक हुई। मंत्री ने योजना की समीक्षा की। (भाषा)", "नई दिल्ली में बैठक हुई। मंत्री ने योजना की समीक्षा की।"),
    ("तहसील दिवस में 48 शिकायतें आईं। 12 का मौके पर निस्तारण किया गया। फोटो: संवाद",
     "तहसील दिवस में 48 शिकायतें आईं। 12 का मौके पर निस्तारण किया गया।"),
    ("शिविर में 300 लोगों की जांच हुई। दवाएं भी बांटी गईं। (फाइल फोटो)", "शिविर में 300 लोगों की जांच हुई। दवाएं भी बांटी गईं।"),
])
def test_trailing_credit_is_cut_and_the_sentences_stay(line, kept):
    out, dropped = drop_boilerplate(line)
    assert out == kept and dropped


@pytest.mark.parametrize("line", [
    "बैठक हुई। भाषा के आधार पर किसी से भेदभाव न हो",
    "शिविर लगाया गया। संवाद कार्यक्रम में 200 लोग आए",
    "पुलिस ने केस दर्ज किया। फोटो-वीडियो के आधार पर जांच जारी",
])
def test_unfinished_last_sentence_is_not_a_credit(line):
    assert drop_boilerplate(line)[0] == line


def test_only_boilerplate_is_an_error():
    with pytest.raises(InputError) as info:
        clean(RawDocument(name="x.txt", text="प्रतीकात्मक तस्वीर\nExit mobile version\nDon't copy text!"))
    assert info.value.stage == "clean" and "x.txt" in str(info.value)


@pytest.mark.parametrize("written, iso", [
    ("2025-04-12T18:45:00+05:30", "2025-04-12"), ("2025-04-12", "2025-04-12"), ("02 AUG 2025", "2025-08-02"),
    ("2 August 2025", "2025-08-02"), ("Aug. 2, 2025", "2025-08-02"), ("02.08.2025", "2025-08-02"),
    ("12/04/2025", "2025-04-12"), ("2025-13-01", None), ("कल", None), ("", None),
    ("12 अप्रैल 2025", "2025-04-12"), ("५ मार्च २०२५", "2025-03-05"), ("3 फ़रवरी 2025", "2025-02-03"),
])
def test_parse_date(written, iso):
    assert parse_date(written) == iso


@pytest.mark.parametrize("text,published", [
    ("खबर\nब्यूरो, कानपुर | अपडेटेड: 14 फरवरी 2025, 10:20 AM\nकानपुर। बैठक हुई।", "2025-02-14"),
    ("खबर\nअमित वर्मा, भोपाल • Published: Jan 7, 2025\nभोपाल। बैठक हुई।", "2025-01-07"),
    ("खबर\nउन्होंने बताया कि सूची अपडेटेड 14 फरवरी 2025 को हुई।", None),
])
def test_stamp_after_a_separator_gives_the_date(text, published):
    from extractor.acquire.webpage import stamped_date
    assert stamped_date(text) == published


@pytest.mark.parametrize("text,kept", [
    ("जयपुर। सरकार ने आदेश दिया।\n\nभाषा राजेश सुनील\n\nसुनील", "जयपुर। सरकार ने आदेश दिया।"),
    ("पटना। बैठक हुई।\n(वार्ता)", "पटना। बैठक हुई।"),
    ("दिल्ली। फैसला आया।\nपीटीआई-भाषा मनोज", "दिल्ली। फैसला आया।"),
])
def test_wire_signoff_at_the_end_is_dropped(text, kept):
    from extractor.acquire.clean import drop_boilerplate
    assert drop_boilerplate(text)[0] == kept


@pytest.mark.parametrize("text", [
    "समारोह हुआ।\nभाषा विभाग की बैठक",             # a postposition: a headline, not names
    "समारोह हुआ।\nभाषा की समृद्धि पर चर्चा हुई।",
    "भाषा अमित\nसमारोह में सौ से अधिक लोग शामिल हुए और बच्चों ने गीत गाए।",  # not at the end
])
def test_lines_that_start_like_a_signoff_are_kept(text):
    from extractor.acquire.clean import drop_boilerplate
    assert drop_boilerplate(text)[0] == text


