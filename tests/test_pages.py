"""Real saved pages (tests/pages/): the body survives, the boilerplate does not, metadata is read."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.acquire.clean import clean, is_boilerplate
from extractor.acquire.sources import read_file
from extractor.errors import InputError

PAGES = Path(__file__).parent / "pages"


def cleaned(name: str):
    return clean(read_file(PAGES / name))


def assert_clean(text: str, present: list[str], absent: list[str]) -> None:
    for sentence in present:
        assert sentence in text, f"body lost: {sentence}"
    for junk in absent:
        assert junk not in text, f"boilerplate kept: {junk}"
    assert not [line for line in text.splitlines() if is_boilerplate(line)]


NEWS_BODY = [
    "सीतापुर। जिले में बाल विवाह की रोकथाम के लिए जिला प्रशासन ने शनिवार से विशेष अभियान शुरू कर दिया है।",
    "जिलाधिकारी कमलेश प्रताप वर्मा ने कलेक्ट्रेट सभागार में आयोजित बैठक में निर्देश दिया कि 30 अप्रैल तक",
    "हर विकास खंड में एक नोडल अधिकारी नामित किया जाएगा।",
    "ग्राम स्तर पर बनेगी निगरानी समिति",
    "पुलिस अधीक्षक रोहिणी चौहान ने सभी थाना प्रभारियों को",
    "फोटो प्रदर्शनी के जरिए बाल विवाह के दुष्परिणामों को दर्शाने के लिए",  # starts like a caption
    "बैठक में निर्णय लिया गया कि अभियान की प्रगति की समीक्षा हर सोमवार को की जाएगी।",
    "फर्जी न्यूज़ और अफवाहों से बचने के लिए प्रशासन ने",  # "न्यूज़" mid-sentence
]
NEWS_BOILERPLATE = [
    # navigation, header, ticker, breadcrumbs
    "मनोरंजन", "ब्रेकिंग न्यूज़", "मौसम विभाग ने अगले तीन दिन", "Skip to content", "सच के साथ, सबसे पहले", "ई-पेपर",
    # byline, update stamp, share buttons
    "रिपोर्ट:", "अनुराग मिश्रा", "अपडेटेड", "WhatsApp", "Facebook", "Telegram", "कॉपी लिंक", "शेयर करें", "Print",
    # image captions
    "प्रतीकात्मक तस्वीर", "फोटो: जिला सूचना कार्यालय",
    # inline related links and the related block
    "यह भी पढ़ें", "ये भी पढ़ें", "लखीमपुर में स्कूल चलो अभियान", "गिरोह का पर्दाफाश",
    "संबंधित खबरें", "हरदोई में मिशन शक्ति", "बहराइच में 120 आंगनबाड़ी",
    # tags, follow box, sidebar, ads
    "टैग:", "हमारे व्हाट्सएप चैनल", "ताज़ा खबरें", "पंचायत चुनाव की मतदाता सूची", "विज्ञापन", "हमें फॉलो करें",
    # comments section and comment form
    "टिप्पणियाँ", "बहुत अच्छी पहल है", "कागज पर नहीं", "जवाब दें", "एक उत्तर दें", "आपका ईमेल पता", "टिप्पणी करें",
    # footer, copy protection, mobile chrome, cookie notice, scripts
    "हमारे बारे में", "गोपनीयता नीति", "सर्वाधिकार सुरक्षित", "Don't copy text!", "Exit mobile version",
    "कुकीज़", "gtag", "dataLayer",
]


def test_news_article_body_survives_and_boilerplate_does_not():
    document = cleaned("news_article.html")
    assert_clean(document.text, NEWS_BODY, NEWS_BOILERPLATE)


def test_news_article_metadata():
    document = cleaned("news_article.html")
    assert document.title == "सीतापुर में बाल विवाह के खिलाफ विशेष अभियान, 30 अप्रैल तक गांव-गांव चलेगा जागरूकता कार्यक्रम"
    assert document.published == "2025-04-12"  # article:published_time, not the modified time
    assert document.source["publisher"] == "प्रदेश प्रहरी"  # og:site_name
    assert document.source["path"] == str(PAGES / "news_article.html")
    assert document.language == "hi"
    assert document.text.startswith(document.title + "\n")  # the headline is text spans can use


PIB_BODY = [
    "महिला एवं बाल विकास मंत्रालय ने आज नई दिल्ली के विज्ञान भवन में मिशन वात्सल्य के तहत",
    "सचिव ने निर्देश दिया कि 31 अक्टूबर 2025 तक देश के सभी जिलों में जिला बाल संरक्षण इकाइयों का सामाजिक ऑडिट पूरा किया जाए।",
    "संयुक्त सचिव डॉ. विवेक नारायण ने बताया कि",
    "राज्यों से कहा गया कि वे 15 सितंबर तक",
]
PIB_BOILERPLATE = [
    "Posted On", "PIB Delhi", "Release ID", "2151234", "Visitor Counter", "Read this release in", "***",
    "एमजी/आरपी", "मुख्य सामग्री पर जाएं", "स्क्रीन रीडर", "सभी विज्ञप्तियां", "नवीनतम विज्ञप्तियां",
    "केंद्रीय मंत्रिमंडल ने राष्ट्रीय पोषण मिशन", "Site is hosted", "National Informatics Centre", "अस्वीकरण",
    "__VIEWSTATE", "ChangeLanguage",
]


def test_pib_release_body_survives_and_footers_do_not():
    assert_clean(cleaned("pib_press_release.html").text, PIB_BODY, PIB_BOILERPLATE)


def test_pib_release_metadata():
    document = cleaned("pib_press_release.html")
    assert document.title.startswith("मिशन वात्सल्य की राष्ट्रीय समीक्षा बैठक: 31 अक्टूबर तक")
    assert document.published == "2025-08-02"  # read from the "Posted On" line
    assert document.source["publisher"] == "Press Information Bureau"


@pytest.mark.parametrize("name", ["category_index.html", "login.html"])
def test_page_without_article_body_is_refused_clearly(name):
    with pytest.raises(InputError) as info:
        cleaned(name)
    error = info.value
    assert error.source == str(PAGES / name) and error.stage == "clean"
    assert "no article body" in error.problem
    assert "article's own URL" in error.hint


def test_broken_html_keeps_what_is_there():
    document = cleaned("broken_article.html")
    assert_clean(document.text, [
        "ग्वालियर। जिले में सोमवार से साइबर जागरूकता सप्ताह की शुरुआत हुई।",
        "स्कूल, कॉलेज और बैंक शाखाओं में कार्यशालाएं आयोजित की जाएंगी।",  # inside mis-nested <i><b>
        "साइबर सेल प्रभारी उपनिरीक्षक पूजा भदौरिया ने नागरिकों से अपील की",
        "कार्यक्रम में तय किया गया कि हर थाने में एक साइबर मित्र नियुक्त किया जाएगा",
    ], ["यह भी पढ़ें", "फर्जी केवाईसी कॉल", "ब्यूरो रिपोर्ट", "WhatsApp", "Facebook", "adSlots", "<div>", "janpath"])
    assert document.title == "ग्वालियर में साइबर जागरूकता सप्ताह शुरू, स्कूल-कॉलेजों में होंगी कार्यशालाएं"
    assert document.published == "2025-03-03"
    assert document.source["publisher"] == "जनपथ संवाद"
    # Paragraphs stay paragraphs even though no <p> was ever closed.
    assert len([line for line in document.text.splitlines() if line]) >= 4


def test_truncated_page_is_not_a_crash():
    html = (PAGES / "news_article.html").read_text(encoding="utf-8")
    cut = html[: html.index("मुख्य विकास अधिकारी")]  # the file ends mid-article, mid-tag soup
    from extractor.document import RawDocument
    document = clean(RawDocument(name="cut.html", html=cut))
    assert "सीतापुर। जिले में बाल विवाह की रोकथाम" in document.text
    assert "यह भी पढ़ें" not in document.text
