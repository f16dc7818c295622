"""Statements stage: decisions and action points from verb constructions, with by/owner/deadline."""
import pytest

from extractor.extract import extract_text


def statements(text, published=None):
    record = extract_text(text, published=published)
    return record["decisions"], record["action_points"]


@pytest.mark.parametrize("text,decision,action", [
    ("बैठक में निर्णय लिया गया कि सभी थानों पर हेल्प डेस्क बनेगी।", True, False),
    ("समिति ने प्रस्ताव पारित कर नई दरें तय कीं।", True, False),
    ("जिलाधिकारी ने अधिकारियों को निर्देश दिए कि काम समय से पूरा करें।", True, True),
    ("आयुक्त ने सड़क निर्माण के आदेश जारी किए।", True, True),
    ("सभी विद्यालयों में शिविर लगाया जाएगा।", False, True),
    ("लाभार्थियों को समय से भुगतान किया जाए।", False, True),
    ("अगले वर्ष योजना को पूरे प्रदेश में लागू करने की योजना है।", False, True),
    ("कार्यक्रम में बड़ी संख्या में लोगों ने भाग लिया।", False, False),
    ("उन्होंने कहा, “हम हर बच्चे तक पहुंचेंगे और काम किया जाएगा।”", False, False),
    ("बैठक का आयोजन पुलिस लाइन सभागार में किया गया।", False, False),
])
def test_kinds(text, decision, action):
    decisions, actions = statements(text)
    assert bool(decisions) == decision, decisions
    assert bool(actions) == action, actions


def test_directive_has_issuer_owner_and_deadline():
    text = "पुलिस अधीक्षक राकेश वर्मा ने सभी थाना प्रभारियों को 30 सितंबर 2025 तक सत्यापन पूरा करने के निर्देश दिए।"
    decisions, actions = statements(text)
    assert decisions[0]["by"] == "राकेश वर्मा"
    assert actions[0]["owner"] == "सभी थाना प्रभारियों"
    assert actions[0]["deadline"] == "2025-09-30"


def test_bare_post_resolves_to_its_holder():
    text = "एसपी अंकित मिश्रा ने बैठक ली। एसपी ने निर्देश दिया कि गश्त बढ़ाई जाए।"
    decisions, _ = statements(text)
    assert decisions[-1]["by"] == "अंकित मिश्रा"


def test_clause_split_keeps_only_the_statement():
    text = "कार्यशाला में कई विषयों पर चर्चा हुई, इसलिए सभी अधिकारी रिपोर्ट 10 दिन में जमा करें।"
    _, actions = statements(text)
    assert len(actions) == 1 and actions[0]["text"].startswith("इसलिए")


def test_headline_is_not_a_statement():
    text = "सभी स्कूलों में शिविर लगाया जाएगा\n\nलखनऊ। बैठक में लोगों ने भाग लिया।"
    decisions, actions = statements(text)
    assert decisions == [] and actions == []


# Decision and directive constructions of Hindi administrative news (statement_cues.tsv).
@pytest.mark.parametrize("text,decision,action", [
    ("जिले के सभी सरकारी कार्यालयों में बायोमेट्रिक हाजिरी अनिवार्य कर दी गई है।", True, False),
    ("निजी स्कूलों में फीस की रसीद देना अनिवार्य किया गया है।", True, False),
    ("नए सत्र से सभी छात्रों के लिए आधार सत्यापन अनिवार्य होगा।", True, False),
    ("नगर पंचायत क्षेत्र में खुले में कचरा जलाने पर प्रतिबंध लगा दिया गया है।", True, False),
    ("प्रशासन ने बालू के अवैध खनन पर रोक लगाई।", True, False),
    ("शहर में नई पार्किंग व्यवस्था एक अप्रैल से लागू होगी।", True, False),
    ("सभा ने सड़क चौड़ीकरण का प्रस्ताव स्वीकृत कर दिया।", True, False),
    ("एसडीएम ने सभी लेखपालों को एक सप्ताह में सर्वे रिपोर्ट देने को कहा।", True, True),
    ("आयुक्त ने निर्देश देते हुए कहा कि लंबित फाइलों का निस्तारण प्राथमिकता पर हो।", True, True),
    ("छात्रवृत्ति के लिए ऑनलाइन आवेदन की अंतिम तिथि 15 दिसंबर है।", False, True),
    ("जांच की जिम्मेदारी तहसीलदार को सौंपी गई है।", True, True),
    ("सफाई की जिम्मेदारी नगर पंचायत को सौंपी गयी।", True, True),
    # look-alikes that are not statements
    ("यह योजना जिले में वर्ष 2019 से लागू किया गया है।", False, False),
    ("उन्होंने कहा कि स्वच्छता हर नागरिक का कर्तव्य है।", False, False),
    ("बैठक में अधिकारियों को निर्देश देते जिलाधिकारी।", False, False),
    ("बाढ़ से कई गांवों का संपर्क कट गया है।", False, False),
])
def test_administrative_constructions(text, decision, action):
    decisions, actions = statements(text)
    assert bool(decisions) == decision, decisions
    assert bool(actions) == action, actions


@pytest.mark.parametrize("text,deadline", [
    ("छात्रवृत्ति के लिए ऑनलाइन आवेदन की अंतिम तिथि 15 दिसंबर 2024 है।", "2024-12-15"),
    ("जल कर जमा करने की आखिरी तारीख 30 सितंबर 2025 रखी गई है।", "2025-09-30"),
])
def test_last_date_is_the_deadline(text, deadline):
    _, actions = statements(text)
    assert actions and actions[0]["deadline"] == deadline


# The owner is the addressee before "को", never reported content or a date.
@pytest.mark.parametrize("text,owner", [
    ("तहसीलदार सुरेश यादव ने बताया कि 12 जनवरी 2025 को सभी गांवों में शिविर लगाया जाएगा।", None),
    ("बीडीओ ने कहा कि सोमवार को पंचायत भवन में बैठक की जाएगी।", None),
    ("एसपी राहुल सिंह ने 15 मार्च 2025 को सभी थानाध्यक्षों को निर्देश दिए कि गश्त बढ़ाई जाए।", "सभी थानाध्यक्षों"),
    ("जिलाधिकारी ने सोमवार को सभी तहसीलदारों को निर्देश दिया कि अभिलेख अद्यतन करें।", "सभी तहसीलदारों"),
])
def test_owner_skips_dates_and_reported_speech(text, owner):
    _, actions = statements(text)
    assert actions, text
    assert actions[0]["owner"] == owner


# A bare post written as an abbreviation ("डीजीपी") is resolved to the official who holds
# the full post ("पुलिस महानिदेशक"), and the other way round.
@pytest.mark.parametrize("text,holder", [
    ("पुलिस महानिदेशक अरुण कुमार सक्सेना ने बैठक ली। डीजीपी ने निर्देश दिए कि हर थाने में हेल्प डेस्क बनाई जाए।",
     "अरुण कुमार सक्सेना"),
    ("जिलाधिकारी प्रियंका शर्मा ने गोशालाओं का निरीक्षण किया। डीएम ने निर्देश दिया कि चारे की व्यवस्था की जाए।",
     "प्रियंका शर्मा"),
    ("वरिष्ठ पुलिस अधीक्षक मनोज तिवारी ने परेड की सलामी ली। एसएसपी ने निर्देश दिए कि रात्रि गश्त बढ़ाई जाए।",
     "मनोज तिवारी"),
    ("एसडीएम कविता राणा ने तहसील दिवस में शिकायतें सुनीं। उपजिलाधिकारी ने निर्देश दिए कि शिकायतों का निस्तारण समय से किया जाए।",
     "कविता राणा"),
])
def test_abbreviated_post_resolves_to_its_holder(text, holder):
    decisions, _ = statements(text)
    assert decisions[-1]["by"] == holder


# Constructions added for fresh press releases; each look-alike must stay out.
@pytest.mark.parametrize("text,decision,action", [
    # feminine plural and other spellings of the passive future
    ("जिले के सभी ब्लॉकों में नई एंबुलेंस तैनात की जाएंगी।", False, True),
    ("बोर्ड की परीक्षाएं मार्च के पहले सप्ताह में कराई जाएँगी।", False, True),
    ("नगर की सड़कों पर नई बत्तियां लगाई जायेंगी।", False, True),
    ("शिविर में पात्र लोगों के कार्ड बनाये जायेंगे।", False, True),
    # a particle between को and कहा, and before दिए
    ("सभी प्रधानाचार्यों को छात्रों की उपस्थिति दर्ज करने को भी कहा गया है।", True, True),
    ("तहसीलदारों को अतिक्रमण हटाने के निर्देश भी दिए गए।", True, True),
    # obligation
    ("सभी ठेकेदारों को 15 दिन के भीतर बकाया राशि जमा करनी होगी।", False, True),
    ("आवेदकों को मूल प्रमाण पत्र साथ लाने होंगे।", False, True),
    ("हमें मिलकर पर्यावरण को बचाना होगा।", False, False),
    ("इस बार किसानों को कोई परेशानी नहीं होगी।", False, False),
    ("मेले में कितने लोग होंगे, यह कहना कठिन है।", False, False),
    # a start on a date, and a start with no date
    ("जिले में 15 जुलाई से टीकाकरण का नया चरण शुरू होगा।", False, True),
    ("परिषद की कक्षाएं सोमवार से प्रारम्भ होंगी।", False, True),
    ("यात्रा मंदिर परिसर से शुरू होगी।", False, False),
    # declarations, targets, mandates in force
    ("प्रशासन ने बाढ़ से प्रभावित 12 गांवों को आपदाग्रस्त घोषित किया गया है।", True, False),
    ("घायल युवक को अस्पताल में डॉक्टरों ने मृत घोषित कर दिया।", False, False),
    ("इस वर्ष दो लाख पौधे लगाने का लक्ष्य रखा गया है।", False, True),
    ("सभी वाहन चालकों के लिए हेलमेट पहनना अनिवार्य है।", False, True),
    ("विद्यालय में योग की कक्षा अनिवार्य विषय है।", False, False),
])
def test_more_administrative_constructions(text, decision, action):
    decisions, actions = statements(text)
    assert bool(decisions) == decision, decisions
    assert bool(actions) == action, actions


# An active future verb is an action point when a body or official is its subject, or the
# clause has a deadline; a future that says what will be, or whose subject is no actor, is not.
@pytest.mark.parametrize("text,action", [
    ("उन्होंने बताया कि स्वास्थ्य विभाग अगले सप्ताह सभी गांवों में शिविर लगाएगा।", True),
    ("निरीक्षण के बाद समिति अपनी रिपोर्ट शासन को सौंपेगी।", True),
    ("सर्वे के दौरान टीमें हर घर पहुंचकर लोगों की जांच करेंगी।", True),
    ("ठेकेदार 30 जून 2025 तक पुल का निर्माण पूरा करेगा।", True),
    ("उन्होंने कहा कि इस योजना से किसानों को बड़ा लाभ मिलेगा।", False),
    ("मौसम विभाग के अनुसार बारिश का दौर अगले दो दिन जारी रहेगा।", False),
    ("ग्रामीणों का कहना है कि इस बार फसल अच्छी होगी।", False),
    ("लोगों को उम्मीद है कि बच्चे परीक्षा में अच्छा प्रदर्शन करेंगे।", False),
    ("उन्होंने कहा, “पुलिस हर अपराधी को पकड़ेगी।”", False),
])
def test_future_with_an_acting_subject(text, action):
    _, actions = statements(text)
    assert bool(actions) == action, actions


def test_numbered_decision_list_items_are_decisions():
    text = ("राज्य मंत्रिमंडल की बैठक हुई।\n\n"
            "बैठक में लिए गए प्रमुख फैसले निम्नलिखित हैं:\n\n"
            "1. ग्रामीण सड़कों के चौड़ीकरण के लिए 200 करोड़ रुपये की राशि।\n\n"
            "(2) नए औद्योगिक क्षेत्र में बिजली दरों में छूट। इससे उद्योगों को लाभ होगा।\n\n"
            "३. सभी जिलों में महिला हेल्प डेस्क की स्थापना।\n\n"
            "बैठक में मंत्रियों ने विकास कार्यों पर चर्चा की।\n\n"
            "4. यह अंक सूची का हिस्सा नहीं है।")
    decisions, _ = statements(text)
    texts = [d["text"] for d in decisions]
    assert texts == ["ग्रामीण सड़कों के चौड़ीकरण के लिए 200 करोड़ रुपये की राशि।",
                     "नए औद्योगिक क्षेत्र में बिजली दरों में छूट।",
                     "सभी जिलों में महिला हेल्प डेस्क की स्थापना।"], texts


def test_numbered_lines_without_a_decision_heading_are_not_decisions():
    text = ("शहर में कार्यक्रम हुए।\n\nकार्यक्रम की मुख्य बातें:\n\n"
            "1. बच्चों ने रंगारंग प्रस्तुति दी।\n\n2. अतिथियों का स्वागत हुआ।")
    decisions, actions = statements(text)
    assert decisions == [] and actions == []


# "ने ... से कहा कि ..." ending in an imperative or subjunctive is a directive; reported speech is not.
@pytest.mark.parametrize("text,directive", [
    ("एसपी ने थाना प्रभारियों से कहा कि सभी शिकायतों की जांच कर समय से रिपोर्ट लगाएं।", True),
    ("डीएम ने लेखपालों से कहा है कि भूमि विवादों का निस्तारण एक सप्ताह में किया जाए।", True),
    ("उन्होंने सचिवों से कहा कि पंचायत भवनों की मरम्मत जल्द पूरी कराएं।", True),
    ("मंत्री ने पत्रकारों से कहा कि सरकार किसानों के साथ है।", False),
    ("उन्होंने ग्रामीणों से कहा कि गांव में सफाई की व्यवस्था पहले से बेहतर हुई है।", False),
    ("उन्होंने बच्चों से कहा कि मेहनत से सफलता मिलती है और खेल भी जरूरी हैं।", False),
])
def test_told_that_directive(text, directive):
    decisions, actions = statements("खबर\n" + text)
    assert bool(decisions) == directive, decisions
    assert bool(actions) == directive, actions


# Decisions in perfect, passive and plain-future forms (record-format.md: orders, rules and
# bans, sanctions, appointments, approvals, launches, extensions, reports called for), and
# the look-alikes that report, forecast or cite and must stay out.
@pytest.mark.parametrize("text,decision,action", [
    # measures taken, documents prepared or notified, provisions made
    ("राज्य सरकार ने किसानों की सहायता के लिए कई कदम उठाए हैं।", True, False),
    ("प्रवासी श्रमिकों की वापसी के लिए मानक संचालन प्रक्रिया तैयार की गई है।", True, False),
    ("रसोई में कर्मचारियों के लिए भोजन तैयार किया गया है।", False, False),
    ("मौसम विभाग ने पूर्वानुमान तैयार किया है।", False, False),
    ("नई नियमावली राजपत्र में अधिसूचित कर दी गई है।", True, False),
    ("बजट में छात्रवृत्ति के लिए विशेष प्रावधान किए गए हैं।", True, False),
    # schedules and limits set; a rule in force cited is none
    ("परीक्षा का अगला चरण 12 जुलाई को निर्धारित है।", True, False),
    ("ऋण की अधिकतम सीमा पांच लाख रुपये निर्धारित की गई है।", True, False),
    ("यह प्रक्रिया वैसी ही है जैसा कि नियमों द्वारा निर्धारित है।", False, False),
    # extensions, changes, additions
    ("आवेदन की अवधि 31 अगस्त तक बढ़ा दी गई है।", True, False),
    ("अनुदान की राशि बढ़ाकर दस हजार रुपये कर दी गई है।", True, False),
    ("सूची में तीन नए जिले जोड़ दिए गए हैं।", True, False),
    # advisories and requests; an appeal is no statement
    ("राज्यों को भीड़ से बचने की सलाह दी गई है।", True, True),
    ("मंत्री ने बैंकों से ऋण वितरण तेज करने का अनुरोध किया।", False, True),
    ("उन्होंने लोगों से घरों में रहने की अपील की।", False, False),
    # launches; a launch told as history is none
    ("मुख्यमंत्री ने आज पोषण अभियान का शुभारंभ किया।", True, False),
    ("केंद्रीय मंत्री ने किसानों के लिए नया मोबाइल ऐप लॉन्च किया।", True, False),
    ("यह राज्य ऐसा पाठ्यक्रम लॉन्च करने वाला पहला राज्य था।", False, False),
    # appointments and sanctions
    ("आयोग ने तीन वरिष्ठ अधिकारियों को पर्यवेक्षक नियुक्त किया है।", True, False),
    ("लापरवाही के चलते दो लेखपालों को निलंबित कर दिया गया।", True, False),
    ("नियम तोड़ने पर दुकानदार पर जुर्माना लगाया गया।", True, False),
    # reports and replies called for
    ("जिलाधिकारी ने घटना पर तीन दिन में रिपोर्ट मांगी है।", True, True),
    ("विभाग ने ठेकेदार से जवाब तलब किया है।", True, True),
    # bans and permissions, with negation; things to stay as they are
    ("मेले में पटाखे चलाने की अनुमति नहीं होगी।", True, False),
    ("मेले के दौरान शराब की दुकानें बंद रहेंगी।", True, False),
    ("अस्पतालों में आपातकालीन सेवाएं चलती रहेंगी।", True, False),
    ("शाम को रुक-रुक कर बारिश होती रहेगी।", False, False),
    ("अगले सप्ताह भी ठंड जारी रहेगी।", False, False),
    # plain-future rules with "अब", options and entitlements
    ("अब छोटे व्यापारियों के लिए पंजीकरण की सीमा 40 लाख रुपये होगी।", True, False),
    ("निवेशकों के पास बांड समय से पहले भुनाने का विकल्प होगा।", True, False),
    # an agent between the noun and its verb
    ("समिति गठित करने का निर्णय भी मंत्री द्वारा लिया गया।", True, False),
    ("सर्वेक्षण पूरा करने का निर्देश सचिव द्वारा दिया गया।", True, True),
    # plans and instructions issued, passive obligations; a view reported is none
    ("हर गांव में जल परीक्षण की भी योजना बनाई गई है।", True, False),
    ("नए नियमों पर विस्तृत दिशानिर्देश जारी किए जा रहे हैं।", True, True),
    ("आवेदन 30 जून तक ऑनलाइन जमा किए जाने चाहिए।", False, True),
    ("बैठक में कहा गया था कि शुल्क कम किया जाना चाहिए।", False, False),
    ("इन बातों पर ध्यान दिया जाना चाहिए।", False, False),
    # eval-hi-fresh: cabinet approval idiom, bodies constituted, show-cause notices, funds
    # released, fees waived, a dated "can be done" schedule; their look-alikes stay out
    ("मंत्रिमंडल ने नई खेल नीति के प्रस्ताव पर मुहर लगाई।", True, False),
    ("शिकायतों की निगरानी के लिए एक जिला स्तरीय प्रकोष्ठ गठित किया गया है।", True, False),
    ("पिछले वर्ष गठित समिति ने अपनी रिपोर्ट सौंप दी।", False, False),
    ("लापरवाही पर सचिव को कारण बताओ सूचना पत्र जारी किया गया।", True, True),
    ("जिले को बाढ़ राहत के लिए 12 करोड़ रुपये की राशि जारी की गई है।", True, False),
    ("छोटे व्यापारियों का विलंब शुल्क माफ कर दिया गया है।", True, False),
    ("नामांकन 15 जुलाई तक ऑनलाइन किए जा सकेंगे।", False, True),
    ("शिकायतें फोन पर भी दर्ज की जा सकेंगी।", False, False),
])
def test_decisions_in_every_tense(text, decision, action):
    decisions, actions = statements(text)
    assert bool(decisions) == decision, decisions
    assert bool(actions) == action, actions


def test_full_stop_without_space_ends_a_clause():
    text = "शिविर में कई लोग आए।ग्रामीणों के लिए नई कार्य योजना तैयार की गई है।"
    decisions, _ = statements(text)
    assert [d["text"] for d in decisions] == ["ग्रामीणों के लिए नई कार्य योजना तैयार की गई है।"]


@pytest.mark.parametrize("text", [
    "विमानों द्वारा तय की गई कुल हवाई दूरी दो लाख किमी है।",
    "संस्थान ने अपनी यात्रा के 100 वर्ष तय किए हैं।",
    "पूरी सूची देखने के लिए यहां क्लिक करें।",
    "व्यापारियों ने यह तथ्य सामने रखा कि कर कम किया जाना चाहिए।",
])
def test_look_alikes_are_no_statements(text):
    assert statements(text) == ([], [])


@pytest.mark.parametrize("text,decision,action", [
    # eval-hi-fresh2: "भी" inside a decision or an approval, the addressee between a directive
    # and its verb, launches ("शुरुआत की"), allocations, exemptions, transfers and postings,
    # starts "में"/progressive/active and at a named period, phased plans
    ("समिति ने शुल्क घटाने का फैसला भी किया।", True, False),
    ("परिषद ने दो नए कॉलेज खोलने की मंजूरी भी दी।", True, False),
    ("कक्षाओं की सफाई के निर्देश प्रधानाचार्यों को दे दिए गए हैं।", True, True),
    ("नगर निगम ने स्वच्छता पखवाड़े की शुरुआत की।", True, False),
    ("विभाग ने जिलों को 40 हजार टन गेहूं का आवंटन कर दिया है।", True, False),
    ("छोटे दुकानदारों को लाइसेंस शुल्क में छूट दी गई।", True, False),
    ("सरकार ने नौ पीसीएस अधिकारियों का तबादला कर दिया।", True, False),
    ("मेरठ के एसडीएम राकेश कुमार मिश्रा को बागपत का नया एडीएम बनाया गया है।", True, False),
    ("जिला अस्पताल की नई ओपीडी सोमवार से शुरू हो रही है।", False, True),
    ("दूसरा बैच मार्च 2021 में शुरू होगा।", False, True),
    ("निगम 10 नवंबर से नई बस सेवा शुरू करेगा।", False, True),
    ("नया पाठ्यक्रम अगले सत्र से शुरू होगा।", False, True),
    ("पहले चरण में चार शहरों में इलेक्ट्रिक बसें चलेंगी।", True, False),
    # items added to a list, pay withheld, a limit fixed with "कर दी", a control room set up
    ("अनुसूचित जनजाति की सूची में चार नई जातियां जोड़ी गई हैं।", True, False),
    ("लापरवाह सचिव का वेतन रोक दिया गया है।", True, False),
    ("गेहूं के भंडारण की सीमा भी तय कर दी गई है।", True, False),
    ("तहसील में बाढ़ नियंत्रण कक्ष स्थापित किया गया है।", True, False),
    # responsibility given, an inquiry handed over, police sanctions, abolished or passed,
    # restrictions imposed, a service cut on a day
    ("उपनिदेशक को शिविरों की निगरानी की जिम्मेदारी दी गई है।", True, True),
    ("मामले की जांच क्षेत्राधिकारी को सौंपी गई है।", True, False),
    ("लापरवाही पर सिपाही को लाइन हाजिर कर दिया गया।", True, False),
    ("सरकार ने पुराने शुल्क की व्यवस्था समाप्त कर दी है।", True, False),
    ("बोर्ड की बैठक में नया बजट पारित किया गया।", True, False),
    ("कस्बे में तीन दिन का लॉकडाउन लगाया गया है।", True, False),
    ("पुराने शहर में बिजली आपूर्ति रविवार को बाधित रहेगी।", True, False),
])
def test_fresh2_constructions(text, decision, action):
    decisions, actions = statements(text)
    assert bool(decisions) == decision, decisions
    assert bool(actions) == action, actions


@pytest.mark.parametrize("text", [
    "नई तकनीक बड़े पैमाने पर उत्पादन की अनुमति भी प्रदान कर सकती है।",  # what it could allow
    "इस अभियान ने गांवों को स्वच्छ बनाया है।",  # no person or body before "को": no posting
    "यहीं से यात्रा शुरू होगी।",  # no date, no named period
    "नामांकन करने की अंतिम तिथि",  # a table's label, its date in another cell
    "पुलिस ने आरोपी को गिरफ्तार कर लिया।",
    "उन्होंने जांच के नतीजों पर चर्चा की।",
])
def test_fresh2_look_alikes_are_no_statements(text):
    assert statements(text) == ([], [])


def test_reported_speech_split_by_an_opener_is_one_statement():
    """Both halves of "X ने बताया कि A, जबकि B" are statements: the sentence is one."""
    text = "एसपी ने बताया कि शहर में 20 नए चेकपोस्ट बनाए जाएंगे, जबकि गांवों में गश्त बढ़ाई जाएगी।"
    decisions, actions = statements(text)
    assert [a["text"] for a in actions] == [text]


def test_opener_after_reported_background_still_splits():
    """Only the half after "इसलिए" is a statement: it stays alone."""
    text = "उन्होंने कहा कि टीम दो तरह से काम करती है, इसलिए हर सूचना हेल्पलाइन पर दी जाए।"
    _, actions = statements(text)
    assert [a["text"] for a in actions] == ["इसलिए हर सूचना हेल्पलाइन पर दी जाए।"]


def test_headline_under_a_ministry_line_is_no_statement():
    text = ("महिला एवं बाल विकास मंत्रालय\nआंगनबाड़ी केंद्र 1 नवंबर से खोले जाएंगे\n\n"
            "मंत्रालय ने राज्यों से कहा है कि वे केंद्रों की सफाई 25 अक्टूबर तक पूरी करें।")
    decisions, actions = statements(text)
    assert [a["text"] for a in actions] == ["मंत्रालय ने राज्यों से कहा है कि वे केंद्रों की सफाई 25 अक्टूबर तक पूरी करें।"]


@pytest.mark.parametrize("text,deadline", [
    ("सभी बीडीओ 15 अक्टूबर तक प्रस्ताव भेजें।", "2020-10-15"),
    ("सभी जिले इस महीने के आखिर तक रिपोर्ट भेजें।", "2020-06"),  # the end of the month: still its deadline
    ("दुकानदार 30 जून तक दुकानों के बाहर सूची लगाएं।", "2020-06-30"),
])
def test_an_order_to_send_or_put_up_by_a_date_is_an_action_point(text, deadline):
    _, actions = statements(text, published="2020-06-12")
    assert [a["deadline"] for a in actions] == [deadline], actions
