"""Officials stage: name, post, service, jurisdiction and agency from press-style sentences."""
import pytest

from extractor.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def officials(nlp, text):
    doc = nlp(text)
    return {s._.officials["name"]: s._.officials for s in doc.spans["officials"]}


# (sentence, {name: {field: expected}}) — names invented, constructions as the press writes them.
CASES = [
    ("एसएसपी राकेश वर्मा, आईपीएस ने बैठक ली।", {"राकेश वर्मा": {"designation": "एसएसपी", "service": "IPS"}}),
    ("पुलिस अधीक्षक डॉ. सुनील कुमार गुप्ता की अध्यक्षता में गोष्ठी हुई।",
     {"सुनील कुमार गुप्ता": {"designation": "पुलिस अधीक्षक", "honorific": "डॉ."}}),
    ("जिलाधिकारी श्रीमती अनीता यादव ने निरीक्षण किया।",
     {"अनीता यादव": {"designation": "जिलाधिकारी", "honorific": "श्रीमती"}}),
    ("रमेश चंद्र पांडेय, आईएएस, प्रमुख सचिव (गृह) ने समीक्षा की।",
     {"रमेश चंद्र पांडेय": {"service": "IAS", "designation": "प्रमुख सचिव"}}),
    ("कार्यक्रम में एएसपी नेहा शर्मा, विकास तिवारी और डीएसपी मोहन लाल मौजूद रहे।",
     {"नेहा शर्मा": {"designation": "एएसपी"}, "विकास तिवारी": {"designation": "एएसपी"},
      "मोहन लाल": {"designation": "डीएसपी"}}),
    ("सुमन देवी (जिला कार्यक्रम अधिकारी, महिला एवं बाल विकास विभाग) ने जानकारी दी।",
     {"सुमन देवी": {"designation": "जिला कार्यक्रम अधिकारी"}}),
    ("उत्तर प्रदेश के पुलिस महानिदेशक अरुण कुमार सिंह ने कहा कि अभियान जारी रहेगा।",
     {"अरुण कुमार सिंह": {"designation": "पुलिस महानिदेशक"}}),
    ("न्यायमूर्ति विवेक अग्रवाल ने याचिका पर सुनवाई की।", {"विवेक अग्रवाल": {"designation": "न्यायमूर्ति"}}),
    ("बैठक में मुख्य विकास अधिकारी प्रदीप मिश्रा, उप जिलाधिकारी सदर कविता चौधरी उपस्थित थे।",
     {"प्रदीप मिश्रा": {"designation": "मुख्य विकास अधिकारी"}, "कविता चौधरी": {"designation": "उप जिलाधिकारी"}}),
    ("बाल कल्याण समिति की अध्यक्ष रीना सिन्हा ने बच्चों से बात की।",
     {"रीना सिन्हा": {"designation": "अध्यक्ष", "agency": "बाल कल्याण समिति"}}),
    ("अपर पुलिस अधीक्षक के0पी0 सिंह ने टीम को रवाना किया।", {"के0पी0 सिंह": {"designation": "अपर पुलिस अधीक्षक"}}),
    ("विशेष न्यायाधीश (पॉक्सो) अमित कुमार ने फैसला सुनाया।", {"अमित कुमार": {"designation": "विशेष न्यायाधीश (पॉक्सो)"}}),
    ("डीआईजी आनंद प्रकाश तिवारी ने थानों का निरीक्षण किया।", {"आनंद प्रकाश तिवारी": {"designation": "डीआईजी"}}),
    ("थाना प्रभारी संजय सिंह ने बताया कि आरोपी फरार है।", {"संजय सिंह": {"designation": "थाना प्रभारी"}}),
    ("प्रिया मेहता, आईपीएस, एआईजी (कल्याण) ने धन्यवाद दिया।",
     {"प्रिया मेहता": {"service": "IPS", "designation": "एआईजी"}}),
    ("यूनिसेफ की ओर से बाल संरक्षण विशेषज्ञ दीपा नायर ने प्रस्तुति दी।",
     {"दीपा नायर": {"designation": "बाल संरक्षण विशेषज्ञ", "agency": "यूनिसेफ"}}),
    ("सीडीपीओ मंजू कुमारी एवं सुपरवाइजर ने आंगनबाड़ी केंद्रों का दौरा किया।", {"मंजू कुमारी": {"designation": "सीडीपीओ"}}),
    ("मुख्यमंत्री योगेश पटेल ने योजना की शुरुआत की।", {"योगेश पटेल": {"designation": "मुख्यमंत्री"}}),
    ("जिला प्रोबेशन अधिकारी श्री रामनिवास ने बताया।", {"रामनिवास": {"designation": "जिला प्रोबेशन अधिकारी", "honorific": "श्री"}}),
    ("सहायक पुलिस महानिरीक्षक आलोक जैन, आईपीएस भी मौजूद थे।", {"आलोक जैन": {"designation": "सहायक पुलिस महानिरीक्षक", "service": "IPS"}}),
    ("कलेक्टर डॉ. पी. एन. राव ने सभी विभागों को निर्देश दिए।", {"पी. एन. राव": {"designation": "कलेक्टर", "honorific": "डॉ."}}),
    ("जिला पंचायत के मुख्य कार्यपालन अधिकारी पी.सी. शर्मा ने बताया।",
     {"पी.सी. शर्मा": {"designation": "मुख्य कार्यपालन अधिकारी", "agency": "जिला पंचायत"}}),
    ("केंद्रीय ग्रामीण विकास मंत्री श्री मोहन लाल ने कहा।", {"मोहन लाल": {"designation": "केंद्रीय ग्रामीण विकास मंत्री"}}),
    ("अपर सचिव एवं मिशन निदेशक सुश्री आशा नायर ने बताया।", {"आशा नायर": {"designation": "अपर सचिव एवं मिशन निदेशक"}}),
]

# Sentences where a post stands without a person's name: nothing to extract.
NEGATIVES = [
    "पुलिस अधीक्षक ने श्रम विभाग को पत्र लिखा।",
    "सभी थाना प्रभारी सहभागी रहे।",
    "एसपी ने कहा कि कार्रवाई होगी।",
    "जिलाधिकारी कार्यालय में बैठक हुई।",
    "समिति के सदस्य मौजूद रहे।",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_official_fields(nlp, text, expected):
    found = officials(nlp, text)
    for name, fields in expected.items():
        assert name in found, f"{name!r} not found in {list(found)}"
        for field, value in fields.items():
            assert found[name][field] == value, (name, field, found[name])


@pytest.mark.parametrize("text,expected", CASES)
def test_no_extra_people(nlp, text, expected):
    assert set(officials(nlp, text)) <= set(expected)


@pytest.mark.parametrize("text", NEGATIVES)
def test_post_without_name_is_not_an_official(nlp, text):
    assert officials(nlp, text) == {}


def test_one_entry_per_person_fields_merged(nlp):
    text = "एसपी राकेश वर्मा ने बैठक ली। राकेश वर्मा, आईपीएस ने निर्देश दिए।"
    found = officials(nlp, text)
    assert list(found) == ["राकेश वर्मा"]
    assert found["राकेश वर्मा"]["designation"] == "एसएसपी" or found["राकेश वर्मा"]["service"] == "IPS"
