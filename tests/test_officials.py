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


# --- Regional posts, joined posts, comma and bracket layouts (names and places invented) ---

def officials_with_ner(nlp, text, ner):
    """Run the pipeline with the statistical model's spans given: [(phrase, label)]."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "hi_ner":
            doc.spans["ner"] = [doc.char_span(text.index(p), text.index(p) + len(p), label=label) for p, label in ner]
        else:
            doc = proc(doc)
    return {s._.officials["name"]: s._.officials for s in doc.spans["officials"]}


REGIONAL_CASES = [
    # posts of Bihar/Jharkhand and Rajasthan administration (designations.tsv)
    ("अंचल अधिकारी सुरेश प्रसाद ने बताया।", {"सुरेश प्रसाद": {"designation": "अंचल अधिकारी"}}),
    ("उपखंड अधिकारी महेश कुमार शर्मा ने बताया।", {"महेश कुमार शर्मा": {"designation": "उपखंड अधिकारी"}}),
    ("कर अधीक्षक विनोद रावत ने कहा।", {"विनोद रावत": {"designation": "कर अधीक्षक"}}),
    ("पीएलवी सरिता देवी ने लोगों को जानकारी दी।", {"सरिता देवी": {"designation": "पीएलवी"}}),
    ("सिविल सर्जन डॉ. अशोक कुमार ने बताया।", {"अशोक कुमार": {"designation": "सिविल सर्जन", "honorific": "डॉ."}}),
    ("उप विकास आयुक्त (डीडीसी) प्रवीण कुमार ने समीक्षा की।",
     {"प्रवीण कुमार": {"designation": "उप विकास आयुक्त (डीडीसी)"}}),
    ("मुख्य नगर स्वास्थ्य अधिकारी डॉ. नरेश चंद्र ने कहा।", {"नरेश चंद्र": {"designation": "मुख्य नगर स्वास्थ्य अधिकारी"}}),
    ("अवर न्यायाधीश मनीष कुमार ने कहा।", {"मनीष कुमार": {"designation": "अवर न्यायाधीश"}}),
    ("महिला पर्यवेक्षिका कविता कुमारी ने बताया।", {"कविता कुमारी": {"designation": "महिला पर्यवेक्षिका"}}),
    # "…पदाधिकारी" and "दंडाधिकारी" read from the "…अधिकारी" and "मजिस्ट्रेट" entries
    ("अनुमंडल पदाधिकारी अजय कुमार सिन्हा ने निरीक्षण किया।", {"अजय कुमार सिन्हा": {"designation": "अनुमंडल पदाधिकारी"}}),
    ("जिला प्रोग्राम पदाधिकारी श्वेता मिश्रा ने बताया।", {"श्वेता मिश्रा": {"designation": "जिला प्रोग्राम पदाधिकारी"}}),
    ("जिला पदाधिकारी संजय कुमार सिंह ने निर्देश दिया।", {"संजय कुमार सिंह": {"designation": "जिला पदाधिकारी"}}),
    ("मुख्य न्यायिक दंडाधिकारी राजीव रंजन ने सुनवाई की।", {"राजीव रंजन": {"designation": "मुख्य न्यायिक दंडाधिकारी"}}),
    ("कार्यपालक दंडाधिकारी रमेश पासवान की तैनाती की गई।", {"रमेश पासवान": {"designation": "कार्यपालक दंडाधिकारी"}}),
    # B1 "post, body, name"
    ("मुख्य कार्यपालन अधिकारी, जिला पंचायत, अंकित जैन ने बताया।",
     {"अंकित जैन": {"designation": "मुख्य कार्यपालन अधिकारी", "agency": "जिला पंचायत"}}),
    ("जिला एवं सत्र न्यायाधीश-सह-अध्यक्ष, जिला विधिक सेवा प्राधिकरण, रवि शंकर सिन्हा ने उद्घाटन किया।",
     {"रवि शंकर सिन्हा": {"designation": "जिला एवं सत्र न्यायाधीश-सह-अध्यक्ष",
                          "agency": "जिला विधिक सेवा प्राधिकरण"}}),
    # B2 "सह"/"कम" joins two posts of one person
    ("सचिव सह अवर न्यायाधीश नेहा कुमारी ने बताया।", {"नेहा कुमारी": {"designation": "सचिव सह अवर न्यायाधीश"}}),
    ("अध्यक्ष कम सचिव दिनेश गुप्ता ने बताया।", {"दिनेश गुप्ता": {"designation": "अध्यक्ष कम सचिव"}}),
    # B3 "long post (ABBR) name"; a bracketed place is the jurisdiction
    ("प्रखंड विकास पदाधिकारी (बीडीओ) अनिल कुमार मिंज ने बताया।",
     {"अनिल कुमार मिंज": {"designation": "प्रखंड विकास पदाधिकारी (बीडीओ)"}}),
    ("उपखंड अधिकारी (अलवर) ममता यादव ने बताया।",
     {"ममता यादव": {"designation": "उपखंड अधिकारी", "jurisdiction": "अलवर"}}),
    # B4 a shared post ends where a name is followed by its own post
    ("बैठक में जिला कृषि अधिकारी राजेश सिंह, सीमा कुमारी, महिला पर्यवेक्षिका, डुमरांव तथा सभी सेविकाएं उपस्थित रहीं।",
     {"राजेश सिंह": {"designation": "जिला कृषि अधिकारी"}, "सीमा कुमारी": {"designation": "महिला पर्यवेक्षिका"}}),
    ("बैठक में एएसपी रजनी वर्मा, अमित सिंह, डीएसपी रोहित यादव मौजूद थे।",
     {"रजनी वर्मा": {"designation": "एएसपी"}, "अमित सिंह": {"designation": "एएसपी"},
      "रोहित यादव": {"designation": "डीएसपी"}}),
]
REGIONAL_CASES += [
    ("मंडल रेल प्रबंधक सुरेश चंद्र पांडेय ने स्टेशन का निरीक्षण किया।",
     {"सुरेश चंद्र पांडेय": {"designation": "मंडल रेल प्रबंधक"}}),
    ("निरीक्षण में वरिष्ठ मंडल वाणिज्य प्रबंधक कविता मेहरा मौजूद रहीं।",
     {"कविता मेहरा": {"designation": "वरिष्ठ मंडल वाणिज्य प्रबंधक"}}),
    ("एडीसीपी ट्रैफिक हरप्रीत संधू ने चालान काटे।", {"हरप्रीत संधू": {"designation": "एडीसीपी ट्रैफिक"}}),
]


# Plurals of posts before a bracketed abbreviation are no one's name (B3), even when the
# statistical model reads them as a person (model spans given).
REGIONAL_NEGATIVES = [
    ("संबंधित प्रखंड विकास पदाधिकारियों (बीडीओ) से जवाब मांगा जाएगा।", [("प्रखंड विकास पदाधिकारियों", "PER")]),
    ("सभी अनुमंडल पदाधिकारियों (एसडीओ) को निर्देश दिया गया।", [("अनुमंडल पदाधिकारियों", "PER")]),
    # a guard for the new post "पीएलवी": its plural before it is still no name
    ("प्रशिक्षित पैरा लीगल वॉलंटियरों (पीएलवी) ने भाग लिया।", [("पैरा लीगल वॉलंटियरों", "PER")]),
]


@pytest.mark.parametrize("text,expected", REGIONAL_CASES)
def test_regional_official_fields(nlp, text, expected):
    found = officials(nlp, text)
    assert set(found) == set(expected), list(found)
    for name, fields in expected.items():
        for field, value in fields.items():
            assert found[name][field] == value, (name, field, found[name])


@pytest.mark.parametrize("text,ner", REGIONAL_NEGATIVES)
def test_plural_post_is_not_a_name(nlp, text, ner):
    assert officials_with_ner(nlp, text, ner) == {}


# B5: a surname alone after the full name is the same person.
@pytest.mark.parametrize("text,full", [
    ("जिलाधिकारी अरुण कुमार ठाकुर ने बैठक की। जिलाधिकारी ठाकुर ने कहा कि काम समय पर हो।", "अरुण कुमार ठाकुर"),
    ("केंद्रीय मंत्री श्री रामेश्वर प्रसाद यादव ने योजना शुरू की। श्री यादव ने कहा कि लक्ष्य पूरा होगा।",
     "रामेश्वर प्रसाद यादव"),
    ("कलेक्टर गोयल ने दिए निर्देश\nकलेक्टर सुधीर गोयल ने समीक्षा बैठक ली।", "सुधीर गोयल"),
])
def test_surname_repeat_is_the_same_official(nlp, text, full):
    assert list(officials(nlp, text)) == [full]


# B6/B7: what the statistical model says between a post and a name (model spans given).
@pytest.mark.parametrize("text,ner,expected", [
    # a model-only LOC with no name after it is the name, not the jurisdiction
    ("अतिरिक्त जिला कलेक्टर हरिओम मीणा ने बताया।", [("हरिओम मीणा", "LOC")],
     {"हरिओम मीणा": {"designation": "अतिरिक्त जिला कलेक्टर", "jurisdiction": None}}),
    # a gazetteer place right after a post stays a place inside a longer model PER span
    ("पुलिस आयुक्त पानीपत सतीश मलिक ने कहा।", [("पानीपत सतीश मलिक", "PER")],
     {"सतीश मलिक": {"designation": "पुलिस आयुक्त", "jurisdiction": "पानीपत"}}),
    # a lone unknown word the model calls a person does not continue a list of names
    ("मौके पर अवर न्यायाधीश रोहित प्रसाद, डीएलएसए के पैनल अधिवक्ता सुधा रानी मौजूद थे।",
     [("रोहित प्रसाद", "PER"), ("डीएलएसए", "PER"), ("सुधा रानी", "PER")],
     {"रोहित प्रसाद": {"designation": "अवर न्यायाधीश"}, "सुधा रानी": {"designation": "पैनल अधिवक्ता"}}),
])
def test_model_spans_between_post_and_name(nlp, text, ner, expected):
    found = officials_with_ner(nlp, text, ner)
    assert set(found) == set(expected), list(found)
    for name, fields in expected.items():
        for field, value in fields.items():
            assert found[name][field] == value, (name, field, found[name])


# --- Coordinated posts, initials, surname-posts, legal and health posts, unknown posts ---

def check_fields(found, expected):
    assert set(found) == set(expected), list(found)
    for name, fields in expected.items():
        for field, value in fields.items():
            assert found[name][field] == value, (name, field, found[name])


# A minister's portfolio stops at "और"/"तथा", another post or a name; "एवं" stays inside it.
@pytest.mark.parametrize("text,expected", [
    ("बैठक के बाद उपमुख्यमंत्री रघुवीर पवार और जल संसाधन मंत्री सविता जाधव ने जानकारी दी।",
     {"रघुवीर पवार": {"designation": "उपमुख्यमंत्री"}, "सविता जाधव": {"designation": "जल संसाधन मंत्री"}}),
    ("समारोह में मुख्यमंत्री अजय मरांडी तथा ग्रामीण विकास मंत्री रेखा टुडू उपस्थित थे।",
     {"अजय मरांडी": {"designation": "मुख्यमंत्री"}, "रेखा टुडू": {"designation": "ग्रामीण विकास मंत्री"}}),
    ("राज्यपाल हरीश चंद्र जोशी और महिला एवं बाल विकास मंत्री कमला नेगी ने पौधे लगाए।",
     {"हरीश चंद्र जोशी": {"designation": "राज्यपाल"},
      "कमला नेगी": {"designation": "महिला एवं बाल विकास मंत्री"}}),
])
def test_portfolio_stops_at_coordination(nlp, text, expected):
    check_fields(officials(nlp, text), expected)


# An initial that is also a postposition ("के.") belongs to the name.
@pytest.mark.parametrize("text,name,designation", [
    ("इस अवसर पर निदेशक डॉ. के. वेणुगोपाल मेनन ने प्रस्तुति दी।", "के. वेणुगोपाल मेनन", "निदेशक"),
    ("कुलपति प्रो. के. एन. पिल्लई ने छात्रों को संबोधित किया।", "के. एन. पिल्लई", "कुलपति"),
])
def test_postposition_initial_is_kept(nlp, text, name, designation):
    found = officials(nlp, text)
    assert name in found, list(found)
    assert found[name]["designation"] == designation
    assert not any(n.startswith(".") for n in found)


# "प्रधान" is a surname as well as a post: a post only before a name.
@pytest.mark.parametrize("text,expected", [
    ("छापेमारी में एसआई मनोज कुमार प्रधान और आरक्षक रवि मिंज शामिल थे।",
     {"मनोज कुमार प्रधान": {"designation": "एसआई"}, "रवि मिंज": {"designation": "आरक्षक"}}),
    ("टीम में एएसआई सरोज प्रधान, कांस्टेबल अनिल एक्का मौजूद थे।",
     {"सरोज प्रधान": {"designation": "एएसआई"}, "अनिल एक्का": {"designation": "कांस्टेबल"}}),
    ("ग्राम प्रधान सुनीता देवी ने शिविर का उद्घाटन किया।", {"सुनीता देवी": {"designation": "ग्राम प्रधान"}}),
    ("प्रधान रामकिशोर यादव ने ग्रामीणों की समस्याएं सुनीं।", {"रामकिशोर यादव": {"designation": "प्रधान"}}),
])
def test_surname_that_is_a_post(nlp, text, expected):
    check_fields(officials(nlp, text), expected)


# Law officers, health and university posts; "अफसर"/"ऑफिसर" spellings of every "...अधिकारी" post.
@pytest.mark.parametrize("text,name,designation", [
    ("राज्य की ओर से महाधिवक्ता विनय कुमार सिन्हा ने दलील दी।", "विनय कुमार सिन्हा", "महाधिवक्ता"),
    ("अतिरिक्त महाधिवक्ता अनुपम शर्मा ने अदालत को बताया।", "अनुपम शर्मा", "अतिरिक्त महाधिवक्ता"),
    ("केंद्र की ओर से सॉलिसिटर जनरल राजीव मेहता पेश हुए।", "राजीव मेहता", "सॉलिसिटर जनरल"),
    ("अतिरिक्त सॉलिसिटर जनरल सुमन रेड्डी ने हलफनामा दाखिल किया।", "सुमन रेड्डी", "अतिरिक्त सॉलिसिटर जनरल"),
    ("अटॉर्नी जनरल प्रकाश अय्यर ने पीठ से समय मांगा।", "प्रकाश अय्यर", "अटॉर्नी जनरल"),
    ("जिला टीकाकरण अधिकारी डॉ. रमनदीप कौर ने बताया कि टीके उपलब्ध हैं।", "रमनदीप कौर", "जिला टीकाकरण अधिकारी"),
    ("जिला परिवार कल्याण अधिकारी डॉ. सुरिंदर गिल ने शिविर लगाया।", "सुरिंदर गिल", "जिला परिवार कल्याण अधिकारी"),
    ("मेडिकल ऑफिसर डॉ. नीरज भल्ला ने मरीजों की जांच की।", "नीरज भल्ला", "मेडिकल ऑफिसर"),
    ("परीक्षा नियंत्रक डॉ. अरुण कुमार पाठक ने परिणाम घोषित किया।", "अरुण कुमार पाठक", "परीक्षा नियंत्रक"),
    ("बोर्ड के चेयरमैन श्री दिनेश बत्रा ने बैठक ली।", "दिनेश बत्रा", "चेयरमैन"),
    ("जिला शिक्षा अफसर राकेश सूद ने स्कूलों का दौरा किया।", "राकेश सूद", "जिला शिक्षा अफसर"),
    ("नोडल ऑफिसर अमित कौशिक ने रिपोर्ट सौंपी।", "अमित कौशिक", "नोडल ऑफिसर"),
    ("जिला कार्यक्रम पदाधिकारी रीता कुमारी ने बताया।", "रीता कुमारी", "जिला कार्यक्रम पदाधिकारी"),
])
def test_more_general_posts(nlp, text, name, designation):
    found = officials(nlp, text)
    assert name in found, list(found)
    assert found[name]["designation"] == designation


# A post distributed over a list stops before a post the lexicon does not know.
@pytest.mark.parametrize("text,first,post", [
    ("बैठक में अध्यक्ष हरजीत सिंह बाजवा और खेल प्रशिक्षण अफसर मनप्रीत कौर मौजूद रहे।", "हरजीत सिंह बाजवा", "अध्यक्ष"),
    ("शिविर में सचिव अजय कुमार वर्मा तथा भंडार इंचार्ज सुरेश पाल उपस्थित थे।", "अजय कुमार वर्मा", "सचिव"),
    ("निरीक्षण में एसडीएम नेहा गुप्ता, जनसूचना ऑफिसर विकास शर्मा मौजूद रहे।", "नेहा गुप्ता", "एसडीएम"),
])
def test_list_stops_at_unknown_post(nlp, text, first, post):
    found = officials(nlp, text)
    assert found[first]["designation"] == post
    for name, fields in found.items():
        assert not any(w in name for w in ("अफसर", "इंचार्ज", "ऑफिसर", "प्रशिक्षण", "भंडार", "जनसूचना")), name
        if name != first:
            assert fields["designation"] != post, (name, fields)


# Surnames in a row are one name, not a run-on list cut at the first surname.
@pytest.mark.parametrize("text,name", [
    ("उपायुक्त हरविंदर पाल सिंह संधू (IAS) ने अपील की।", "हरविंदर पाल सिंह संधू"),
    ("एसएसपी गुरप्रीत लाल सिंह गिल ने नाके का निरीक्षण किया।", "गुरप्रीत लाल सिंह गिल"),
])
def test_consecutive_surnames_stay_one_name(nlp, text, name):
    assert name in officials(nlp, text)


# "POST (QUALIFIER) NAME": a bracketed wing, branch or area after a post is part of the
# designation (as in "<name>, पुलिस अधीक्षक (ग्रामीण)"); a bracketed body is the agency and a
# bracketed gazetteer place the jurisdiction; ", <body>," may follow the qualifier.
QUALIFIED_POST_CASES = [
    ("अपर पुलिस महानिदेशक (रेलवे एवं यातायात सुरक्षा प्रकोष्ठ प्रशिक्षण) कुसुम लता ने बताया।",
     {"कुसुम लता": {"designation": "अपर पुलिस महानिदेशक (रेलवे एवं यातायात सुरक्षा प्रकोष्ठ प्रशिक्षण)"}}),
    ("अपर पुलिस महानिदेशक (महिला एवं बाल सुरक्षा संगठन) अंजलि राठौर ने कार्यशाला का उद्घाटन किया।",
     {"अंजलि राठौर": {"designation": "अपर पुलिस महानिदेशक", "agency": "महिला एवं बाल सुरक्षा संगठन"}}),
    ("संयुक्त निदेशक (प्रशासन), महिला एवं बाल विकास विभाग, हेमलता बिष्ट ने प्रस्तुति दी।",
     {"हेमलता बिष्ट": {"designation": "संयुक्त निदेशक (प्रशासन)", "agency": "महिला एवं बाल विकास विभाग"}}),
    ("उपायुक्त (राजस्व), नगर निगम, गीता चौहान ने बकाया वसूली के निर्देश दिए।",
     {"गीता चौहान": {"designation": "उपायुक्त (राजस्व)", "agency": "नगर निगम"}}),
    ("अपर आयुक्त (प्रशासन) लखनऊ मंडल रोहित गर्ग ने समीक्षा की।",
     {"रोहित गर्ग": {"designation": "अपर आयुक्त (प्रशासन)", "jurisdiction": "लखनऊ मंडल"}}),
    ("पुलिस अधीक्षक (लखनऊ) रचना सिंह ने बताया।", {"रचना सिंह": {"designation": "पुलिस अधीक्षक", "jurisdiction": "लखनऊ"}}),
    ("अपर पुलिस अधीक्षक (पूर्वी) श्वेता चौबे ने बताया कि गश्त बढ़ाई गई है।",
     {"श्वेता चौबे": {"designation": "अपर पुलिस अधीक्षक (पूर्वी)"}}),
    ("उप जिलाधिकारी (न्यायिक) पूजा भारद्वाज ने सुनवाई की।", {"पूजा भारद्वाज": {"designation": "उप जिलाधिकारी (न्यायिक)"}}),
    ("सचिव (ग्रामीण विकास) हरप्रीत कौर ने समीक्षा की।", {"हरप्रीत कौर": {"designation": "सचिव (ग्रामीण विकास)"}}),
    ("अपर पुलिस महानिदेशक (कानून-व्यवस्था एवं अपराध) प्रमोद बघेल ने निर्देश दिए।",
     {"प्रमोद बघेल": {"designation": "अपर पुलिस महानिदेशक (कानून-व्यवस्था एवं अपराध)"}}),
    ("उप निदेशक (कृषि विपणन एवं विदेश व्यापार) नरेंद्र सैनी ने किसानों को जानकारी दी।",
     {"नरेंद्र सैनी": {"designation": "उप निदेशक (कृषि विपणन एवं विदेश व्यापार)"}}),
    ("वरिष्ठ पुलिस अधीक्षक (रेलवे) अजय चौहान, अपर पुलिस अधीक्षक (यातायात) कमलेश दुबे मौजूद थे।",
     {"अजय चौहान": {"designation": "वरिष्ठ पुलिस अधीक्षक (रेलवे)"},
      "कमलेश दुबे": {"designation": "अपर पुलिस अधीक्षक (यातायात)"}}),
    ("मुख्य चिकित्सा अधिकारी (सीएमओ) डॉ. आलोक रंजन ने बताया।",
     {"आलोक रंजन": {"designation": "मुख्य चिकित्सा अधिकारी (सीएमओ)", "honorific": "डॉ."}}),
]

# A bracket after a post followed by a common word, or holding a clause, is no official.
QUALIFIED_POST_NEGATIVES = [
    "अपर पुलिस महानिदेशक (महिला एवं बाल सुरक्षा संगठन) मुख्यालय में बैठक हुई।",
    "सचिव (राजस्व) विभाग की ओर से आदेश जारी हुआ।",
    "पुलिस अधीक्षक (जो कल ही यहां तैनात हुए थे) देर रात पहुंचे।",
    "अपर जिलाधिकारी (वित्त एवं राजस्व) कार्यालय में फाइलें जमा होंगी।",
]


@pytest.mark.parametrize("text,expected", QUALIFIED_POST_CASES)
def test_post_qualifier_name(nlp, text, expected):
    check_fields(officials(nlp, text), expected)


@pytest.mark.parametrize("text", QUALIFIED_POST_NEGATIVES)
def test_post_qualifier_without_name(nlp, text):
    assert officials(nlp, text) == {}


# --- Places inside a name's reach, one-word names, more posts (names and places invented) ---

@pytest.mark.parametrize("text,expected", [
    # a name read back from ", आईपीएस" stops at a place; one official, not two
    ("एसएसपी कठुआ विनोद रैना, आईपीएस ने बैठक ली।",
     {"विनोद रैना": {"designation": "एसएसपी", "jurisdiction": "कठुआ", "service": "IPS"}}),
    ("एसपी मथुरा कुलदीप चौहान, आईपीएस भी मौजूद थे।",
     {"कुलदीप चौहान": {"designation": "एसपी", "service": "IPS"}}),
    # a place named earlier in the story, right after a post, is the jurisdiction
    ("तहसील बिलग्राम में शिविर लगा। क्षेत्राधिकारी (सीओ) बिलग्राम हरिशंकर वर्मा ने शिकायतें सुनीं।",
     {"हरिशंकर वर्मा": {"designation": "क्षेत्राधिकारी (सीओ)", "jurisdiction": "बिलग्राम"}}),
    # a town-like first word of a three-word name
    ("बैठक में सीओ रसूलाबाद प्रेमशंकर यादव मौजूद रहे।", {"प्रेमशंकर यादव": {"designation": "सीओ"}}),
    # one-word names before a postposition, conjunction or comma
    ("इस कार्रवाई में हेड कांस्टेबल भीखाराम की अहम भूमिका रही।", {"भीखाराम": {"designation": "हेड कांस्टेबल"}}),
    ("मौके पर कांस्टेबल सुखदेवराम और थानाधिकारी रेखा चौधरी पहुंचे।",
     {"सुखदेवराम": {"designation": "कांस्टेबल"}, "रेखा चौधरी": {"designation": "थानाधिकारी"}}),
    # posts added to designations.tsv
    ("बैठक में बीईओ सुधीर पासवान ने रिपोर्ट दी।", {"सुधीर पासवान": {"designation": "बीईओ"}}),
    ("प्रखंड शिक्षा पदाधिकारी रंजना कुमारी ने बताया।", {"रंजना कुमारी": {"designation": "प्रखंड शिक्षा पदाधिकारी"}}),
    ("अस्पताल के चिकित्सा अधीक्षक डॉ. विवेक ठाकुर ने कहा।",
     {"विवेक ठाकुर": {"designation": "चिकित्सा अधीक्षक", "honorific": "डॉ."}}),
    ("निगम के Additional Municipal Commissioner सुधीर गायकवाड़ ने कहा।",
     {"सुधीर गायकवाड़": {"designation": "Additional Municipal Commissioner"}}),
    ("प्राधिकरण के metropolitan commissioner अजय भोसले ने बताया।",
     {"अजय भोसले": {"designation": "metropolitan commissioner"}}),
    ("डीएफओ नीरज शर्मा ने बताया।", {"नीरज शर्मा": {"designation": "डीएफओ"}}),
])
def test_places_one_word_names_and_new_posts(nlp, text, expected):
    check_fields(officials(nlp, text), expected)


@pytest.mark.parametrize("text", [
    # a lone everyday word after a post is no name
    "थाना प्रभारी मौके पर पहुंचे और एसपी कार्यालय को सूचना दी।",
    "रिपोर्ट रोज शाम डीसी दफ्तर भेजी जाए।",
    "कलेक्टर स्वयं ने निरीक्षण किया।",
    "एसडीएम सदर ने जांच के आदेश दिए।",
    # a lone place (named in the story) after a post is no name
    "तहसील रसूलपुर में शिविर लगा। सीओ रसूलपुर ने शिकायतें सुनीं।",
    # an English body after a post
    "Commissioner of Metro Railway Safety (CMRS) का निरीक्षण होगा।",
])
def test_no_official_without_a_name(nlp, text):
    assert officials(nlp, text) == {}


# --- generalisation (issue 11): plural posts, forms of address, joined posts, posts by shape,
# variants of one person in a document. Names invented; constructions of Hindi official prose.
PLURAL_POST_CASES = [
    ("बैठक में तीन सलाहकारों - राजेश कुमार, सुनीता शर्मा और अनिल मेहता ने भाग लिया।",
     {"राजेश कुमार": "सलाहकार", "सुनीता शर्मा": "सलाहकार", "अनिल मेहता": "सलाहकार"}),
    ("समीक्षा बैठक में जिलाधिकारियों रमेश यादव, सीमा वर्मा ने भाग लिया।",
     {"रमेश यादव": "जिलाधिकारी", "सीमा वर्मा": "जिलाधिकारी"}),
    ("प्रशिक्षण में दो निरीक्षकों: मोहन लाल और दिनेश चौहान को सम्मानित किया गया।",
     {"मोहन लाल": "निरीक्षक", "दिनेश चौहान": "निरीक्षक"}),
]


@pytest.mark.parametrize("text,expected", PLURAL_POST_CASES)
def test_plural_post_before_a_list_is_each_names_post(nlp, text, expected):
    found = officials(nlp, text)
    assert {name: found[name]["designation"] for name in found} == expected


ADDRESS_CASES = [
    ("कलेक्टर साहब ने निरीक्षण किया।", {}),
    ("डीएम महोदय ने निर्देश दिए।", {}),
    ("माननीय मंत्री जी नें यह निर्देश दिया।", {}),
    ("श्री रमेश यादव जी ने कहा कि काम जल्द पूरा होगा।", {"रमेश यादव": None}),
    ("श्री अनिल कुमार साहब ने उद्घाटन किया।", {"अनिल कुमार": None}),
    ("मंत्री महोदय श्री अनिल कुमार ने उद्घाटन किया।", {"अनिल कुमार": "मंत्री"}),
    ("जिलाधिकारी साहब श्री अनिल कुमार ने फीता काटा।", {"अनिल कुमार": "जिलाधिकारी"}),
    ("श्री जी. किशन रेड्डी ने कहा।", {"जी. किशन रेड्डी": None}),  # "जी." is an initial
    ("समारोह में राज्यपाल माननीय श्रीमती कमला देवी ने पुरस्कार दिए।", {"कमला देवी": "राज्यपाल"}),
    ("माननीय मंत्री जी ने सभी अधिकारियों को निर्देश दिया।", {}),
]


@pytest.mark.parametrize("text,expected", ADDRESS_CASES)
def test_forms_of_address_are_never_names(nlp, text, expected):
    found = officials(nlp, text)
    assert {name: found[name]["designation"] for name in found} == expected


JOINED_POST_CASES = [
    ("गृहमंत्री अमित कुमार ने बैठक की।", "गृह मंत्री", "अमित कुमार"),
    ("गृह मंत्री अमित कुमार ने बैठक की।", "गृह मंत्री", "अमित कुमार"),
    ("मुख्यमंत्री योगेश पटेल ने योजना की शुरुआत की।", "मुख्यमंत्री", "योगेश पटेल"),
    ("मुख्य मंत्री योगेश पटेल ने योजना की शुरुआत की।", "मुख्यमंत्री", "योगेश पटेल"),
    ("जिलाधिकारी रमेश यादव ने निरीक्षण किया।", "जिलाधिकारी", "रमेश यादव"),
    ("जिला अधिकारी रमेश यादव ने निरीक्षण किया।", "जिलाधिकारी", "रमेश यादव"),
    ("उपायुक्त सुनील वर्मा ने बैठक ली।", "उप आयुक्त", "सुनील वर्मा"),
    ("उप आयुक्त सुनील वर्मा ने बैठक ली।", "उप आयुक्त", "सुनील वर्मा"),
]


@pytest.mark.parametrize("text,lexicon_post,name", JOINED_POST_CASES)
def test_joined_and_spaced_posts_are_one_designation(nlp, text, lexicon_post, name):
    """Both spellings are read, as written, with the English of the lexicon's post."""
    from extractor.lexicon import designations
    from extractor.packs import get_pack
    english = {r["surface"]: r["english"] for r in designations(get_pack("hi"))}[lexicon_post]
    found = officials(nlp, text)
    assert found[name]["designation"] == text.split(name)[0].strip()
    assert found[name]["designation_en"] == english


SHAPE_POST_CASES = [
    ("मीडिया प्रभारी अजय सिंह ने बताया कि शिविर कल लगेगा।", "अजय सिंह", "मीडिया प्रभारी", "In-charge"),
    ("परियोजना निदेशक कविता राव ने प्रगति बताई।", "कविता राव", "परियोजना निदेशक", "Director"),
    ("वार्ड अधिकारी मनोज तिवारी ने जानकारी दी।", "मनोज तिवारी", "वार्ड अधिकारी", "Officer"),
    ("भंडार प्रभारी सुरेश पाल ने सूची सौंपी।", "सुरेश पाल", "भंडार प्रभारी", "In-charge"),
    ("विश्वविद्यालय के सांस्कृतिक एवं युवा मामले निदेशक डा. अशोक शर्मा ने स्वागत किया।",
     "अशोक शर्मा", "सांस्कृतिक एवं युवा मामले निदेशक", "Director"),
]


@pytest.mark.parametrize("text,name,post,english", SHAPE_POST_CASES)
def test_posts_the_lexicon_lacks_are_read_from_their_shape(nlp, text, name, post, english):
    found = officials(nlp, text)
    assert found[name]["designation"] == post and found[name]["designation_en"] == english


@pytest.mark.parametrize("text", [
    "विभाग के अधिकारी मौजूद रहे।",
    "सभी प्रभारी समय पर पहुंचें।",
    "विभाग के अधिकारी रमेश यादव ने बताया।",  # no qualifying word: a generic officer, not a post
    "वहीं अधिकारी सुरेश पाल ने बताया।",  # a discourse adverb qualifies no post
    "मौके पर मौजूद प्रभारी सुरेश पाल ने बताया।",
])
def test_bare_head_word_is_no_post(nlp, text):
    found = officials(nlp, text)
    assert all(o["designation"] is None for o in found.values()), found


VARIANT_CASES = [
    ("श्री अमित शाह ने कहा कि सरकार प्रतिबद्ध है। शाह ने बताया कि काम हुआ। गृह मंत्री श्री शाह ने धन्यवाद दिया।",
     "अमित शाह", "गृह मंत्री"),
    ("मानव संसाधन विकास मंत्री श्री रमेश पोखरियाल 'निशंक' ने कहा। बाद में श्री निशंक ने धन्यवाद दिया।",
     "रमेश पोखरियाल", "मानव संसाधन विकास मंत्री"),
    ("श्री निशंक ने सत्र खोला। मानव संसाधन विकास मंत्री श्री रमेश पोखरियाल ‘निशंक’ ने कहा।",
     "रमेश पोखरियाल", "मानव संसाधन विकास मंत्री"),
    ("कलेक्टर श्री प्रकाश वर्मा ने बैठक ली। श्री वर्मा ने निर्देश दिए।", "प्रकाश वर्मा", "कलेक्टर"),
    ("केंद्रीय मंत्री श्री डीवी सदानंद गौड़ा ने कहा। श्री डी.वी. सदानंद गौड़ा ने बताया। श्री सदानंद गौड़ा ने धन्यवाद दिया।",
     "डीवी सदानंद गौड़ा", "केंद्रीय मंत्री"),
    ("कलेक्टर डॉ. पी. एन. राव ने निर्देश दिए। बाद में श्री पी.एन. राव ने कहा।", "पी. एन. राव", "कलेक्टर"),
]


@pytest.mark.parametrize("text,name,post", VARIANT_CASES)
def test_variants_of_one_person_merge_within_a_document(nlp, text, name, post):
    found = officials(nlp, text)
    assert list(found) == [name] and found[name]["designation"] == post


@pytest.mark.parametrize("text,expected", [
    # ", <post>, <body>" after an honorific name is its post and body; a title is the post
    # only when no other post is written
    ("प्रोफेसर अनिल वर्मा, सचिव, जैव प्रौद्योगिकी विभाग ने कहा कि शोध जारी है।",
     {"अनिल वर्मा": ("सचिव", "जैव प्रौद्योगिकी विभाग")}),
    ("टीम में प्रो. के. एस. मेनन, भौतिकी विभाग, और डॉ. रीना घोष, एसोसिएट प्रोफेसर, रसायन विभाग शामिल हैं।",
     {"के. एस. मेनन": ("प्रो.", None), "रीना घोष": ("एसोसिएट प्रोफेसर", "रसायन विभाग")}),
    ("विश्वविद्यालय के प्रोफेसर डा. अजय मलिक ने व्याख्यान दिया।", {"अजय मलिक": ("प्रोफेसर", None)}),
    ("डॉ. सुमन राय ने कहा कि जांच जारी है।", {"सुमन राय": (None, None)}),
])
def test_post_written_after_the_name_and_academic_titles(nlp, text, expected):
    found = officials(nlp, text)
    assert {n: (o["designation"], o["agency"]) for n, o in found.items()} == expected


# One-word posts the press glues: to the honorific after them ("मंत्रीश्री": the post and the
# honorific are read apart) or to the portfolio before them ("शिक्षामंत्री", though the lexicon
# lists neither spelling).
GLUED_POST_CASES = [
    ("मुख्यमंत्रीश्री योगेश पटेल ने उद्घाटन किया।", "योगेश पटेल",
     {"designation": "मुख्यमंत्री", "honorific": "श्री", "designation_en": "Chief Minister"}),
    ("सचिवश्री अनिल कुमार ने बैठक ली।", "अनिल कुमार", {"designation": "सचिव", "honorific": "श्री"}),
    ("कलेक्टरश्रीमती अनीता यादव ने निरीक्षण किया।", "अनीता यादव", {"designation": "कलेक्टर", "honorific": "श्रीमती"}),
    ("शिक्षामंत्री सुरेश चंद्र ने कहा कि परीक्षाएं समय पर होंगी।", "सुरेश चंद्र",
     {"designation": "शिक्षामंत्री", "designation_en": "Minister"}),
    ("केंद्रीय वित्तमंत्री अनीता राव ने घोषणा की।", "अनीता राव",
     {"designation": "केंद्रीय वित्तमंत्री", "designation_en": "Minister"}),
    ("पर्यटनसचिव अरविंद सिंह ने कहा।", "अरविंद सिंह", {"designation": "पर्यटनसचिव", "designation_en": "Secretary"}),
]


@pytest.mark.parametrize("text,name,fields", GLUED_POST_CASES)
def test_glued_posts(nlp, text, name, fields):
    found = officials(nlp, text)
    assert list(found) == [name]
    assert {k: found[name][k] for k in fields} == fields


@pytest.mark.parametrize("text", [
    "सभी जिलाधिकारियों को निर्देश दिए गए।",
    "अधिकारियों कर्मचारियों ने भाग लिया।",
    "बैठक में मंत्रियों सहित कई अधिकारी मौजूद थे।",
    "सलाहकारों की नियुक्ति जल्द होगी।",
])
def test_plural_post_without_names(nlp, text):
    assert officials(nlp, text) == {}


@pytest.mark.parametrize("text,expected", [
    # initials without dots, though "के" is also the possessive; new posts of news copy
    ("मौसम विभाग के वैज्ञानिक डॉ. आर के मेहता ने बताया कि बारिश होगी।",
     {"आर के मेहता": ("वैज्ञानिक", "मौसम विभाग")}),
    ("केंद्रीय मंत्री श्री आर के सिंह ने कहा।", {"आर के सिंह": ("केंद्रीय मंत्री", None)}),
    ("भारतीय रिज़र्व बैंक के गवर्नर अनिल दास ने दरें घोषित कीं।", {"अनिल दास": ("गवर्नर", "भारतीय रिज़र्व बैंक")}),
    ("डॉ. आर के साथ बैठक हुई।", {}),  # "के साथ": the possessive, no initial
    # three dotted initials and a surname: the initials count one word each, the name is whole
    ("शोधकर्ताओं में प्रो. एम. एल. एन. राव, रसायन विज्ञान विभाग, शामिल हैं।",
     {"एम. एल. एन. राव": ("प्रो.", None)}),
])
def test_undotted_initials_and_news_posts(nlp, text, expected):
    found = officials(nlp, text)
    assert {n: (o["designation"], o["agency"]) for n, o in found.items()} == expected


@pytest.mark.parametrize("text", [
    # a post before a scheme's name: the words up to the programme head are no person
    "प्रधानमंत्री ग्रामीण सड़क उन्नयन योजना के तहत काम शुरू हुआ।",
    "मुख्यमंत्री बालिका छात्रवृत्ति योजना में आवेदन मांगे गए।",
    "प्रधानमंत्री रेहड़ी वेंडर्स आत्मनिर्भर निधि (पीएम स्वनिधि) योजना में ऋण मिलेगा।",
    "मुख्यमंत्री कृषक राहत कोष से सहायता दी गई।",
])
def test_scheme_after_a_post_is_no_person(nlp, text):
    assert officials(nlp, text) == {}


def test_former_post_before_the_name(nlp):
    """Transfer news: "पलामू के उपायुक्त रहे X को ... बनाया गया" — the post held until now."""
    found = officials(nlp, "पलामू के उपायुक्त रहे सुरेंद्र नाथ उरांव को नया सचिव बनाया गया है।")
    assert found["सुरेंद्र नाथ उरांव"]["designation"] == "उपायुक्त"


def test_hospital_named_after_a_person_is_no_official(nlp):
    assert officials(nlp, "उन्हें डॉ. भीमराव आंबेडकर अस्पताल में भर्ती कराया गया।") == {}


@pytest.mark.parametrize("text,name,post", [
    # the charge a police post covers, written right after it
    ("आईजी रेंज विनोद कुमार राठी ने थानों का निरीक्षण किया।", "विनोद कुमार राठी", "आईजी"),
    ("एडीजी जोन सुधीर चंद्र मौर्य ने बैठक ली।", "सुधीर चंद्र मौर्य", "एडीजी"),
])
def test_post_scope_before_the_name(nlp, text, name, post):
    assert officials(nlp, text)[name]["designation"] == post
