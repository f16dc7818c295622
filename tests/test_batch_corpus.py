"""Synthetic Hindi press releases for batch tests and bench/bench_batch.py, plus checks on them.

Each document is a district press release assembled from sentence templates with varied slots
(officials, departments, programmes, dates, numbers), so unrelated documents share little more
than function words, the way real releases from different districts do. `wire_copies` makes
re-headlined, re-bylined, lightly edited copies of one release, as outlets publish them.
"""
from __future__ import annotations

import random
from pathlib import Path

DISTRICTS = ["लखनऊ", "गोरखपुर", "वाराणसी", "प्रयागराज", "कानपुर", "आगरा", "मेरठ", "बरेली", "झांसी",
             "अयोध्या", "पटना", "गया", "भोपाल", "इंदौर", "जयपुर", "जोधपुर", "रायपुर", "बिलासपुर",
             "देहरादून", "शिमला"]
FIRST = ["अमित", "सुनीता", "राजेश", "प्रिया", "विवेक", "नीरज", "रमेश", "कविता", "अनिल", "मीनाक्षी",
         "संजय", "पूजा", "आलोक", "रेखा", "दीपक", "हरिओम", "सरिता", "मनोज", "अंजलि", "विकास"]
LAST = ["श्रीवास्तव", "त्रिपाठी", "सिंह", "यादव", "पांडेय", "शर्मा", "वर्मा", "गुप्ता", "मिश्रा", "चौहान",
        "तिवारी", "शुक्ला", "दुबे", "मौर्य"]
POSTS = ["जिलाधिकारी", "मुख्य विकास अधिकारी", "पुलिस अधीक्षक", "मुख्य चिकित्सा अधिकारी",
         "जिला कार्यक्रम अधिकारी", "उप जिलाधिकारी", "अपर जिलाधिकारी", "जिला विद्यालय निरीक्षक",
         "वरिष्ठ पुलिस अधीक्षक", "जिला पंचायत राज अधिकारी"]
DEPTS = ["स्वास्थ्य विभाग", "शिक्षा विभाग", "सिंचाई विभाग", "लोक निर्माण विभाग", "कृषि विभाग",
         "महिला एवं बाल विकास विभाग", "पंचायती राज विभाग", "खाद्य एवं रसद विभाग", "ग्रामीण विकास विभाग",
         "विद्युत विभाग", "जल निगम", "नगर निगम"]
PROGRAMMES = ["मिशन शक्ति", "स्वच्छ भारत मिशन", "जल जीवन मिशन", "प्रधानमंत्री आवास योजना",
              "आयुष्मान भारत योजना", "पोषण अभियान", "बेटी बचाओ बेटी पढ़ाओ अभियान", "स्कूल चलो अभियान",
              "मुख्यमंत्री कन्या सुमंगला योजना", "संचारी रोग नियंत्रण अभियान"]
TOPICS = ["बाढ़ नियंत्रण", "डेंगू रोकथाम", "टीकाकरण", "गेहूं खरीद", "सड़क सुरक्षा", "पेयजल आपूर्ति",
          "छात्रवृत्ति वितरण", "बिजली आपूर्ति", "अतिक्रमण हटाने", "गौशालाओं की व्यवस्था"]
VENUES = ["कलेक्ट्रेट सभागार", "विकास भवन सभागार", "पुलिस लाइन सभागार", "तहसील सभागार"]
MONTHS = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर",
          "नवंबर", "दिसंबर"]
DAYS = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार"]
TASKS = ["सभी संवेदनशील तटबंधों की मरम्मत पूरी कराई जाए", "सभी विद्यालयों में शौचालयों की मरम्मत कराई जाए",
         "प्रत्येक गांव में फॉगिंग और छिड़काव कराया जाए", "सभी पात्र लाभार्थियों का सत्यापन पूरा किया जाए",
         "खराब ट्रांसफार्मरों को तत्काल बदला जाए", "गड्ढामुक्त सड़कों का लक्ष्य पूरा किया जाए",
         "सभी क्रय केंद्रों पर तौल की व्यवस्था सुनिश्चित की जाए", "हैंडपंपों की मरम्मत का अभियान चलाया जाए"]
GROUPS = ["पात्र परिवारों", "गर्भवती महिलाओं", "किसानों", "छात्राओं", "वृद्धजनों", "दिव्यांगजनों"]
BENEFITS = ["समय से धनराशि उपलब्ध कराई जाएगी", "निःशुल्क राशन वितरित किया जाएगा",
            "प्राथमिकता के आधार पर लाभ दिया जाएगा", "कौशल प्रशिक्षण दिया जाएगा"]
RESULTS = ["लाभार्थियों को योजना का लाभ दिया जा चुका है", "बच्चों का टीकाकरण किया जा चुका है",
           "किसानों से गेहूं खरीदा जा चुका है", "घरों तक नल से जल पहुंचाया जा चुका है"]
PLACES = ["ग्राम पंचायतों", "विद्यालयों", "स्वास्थ्य केंद्रों", "आंगनबाड़ी केंद्रों"]
FINDINGS = ["कर्मचारी अनुपस्थित", "परिसर में गंदगी", "रजिस्टर अधूरे", "दवाओं की कमी"]
APPEALS = ["अफवाहों पर ध्यान न दें", "समय से टीकाकरण कराएं", "पानी उबालकर पिएं", "यातायात नियमों का पालन करें"]

TEMPLATES = [
    "बैठक में {dept}, {dept2} और {dept3} के अधिकारियों ने भाग लिया।",
    "{post} ने {dept} के अधिकारियों को निर्देश दिए कि {d2} {month} तक {task}।",
    "बैठक में निर्णय लिया गया कि {programme} के तहत {group} को {benefit}।",
    "{post2} {name2} ने बताया कि जनपद में अब तक {n} {result}।",
    "उन्होंने कहा कि {topic} के कार्य में किसी भी प्रकार की लापरवाही बर्दाश्त नहीं की जाएगी।",
    "{programme2} के अंतर्गत {n2} {places} में {d3} {month} से विशेष शिविर लगाए जाएंगे।",
    "{post} ने {dept2} के एक कार्यालय का औचक निरीक्षण किया और {finding} पाए जाने पर नाराजगी जताई।",
    "{name2} ने आम जनता से अपील की कि {appeal}।",
    "पिछले वर्ष की तुलना में इस बार {topic} के लक्ष्य में {pct} प्रतिशत की प्रगति दर्ज की गई है।",
    "शिकायतों के निस्तारण के लिए {dept3} ने हेल्पलाइन नंबर {phone} जारी किया है।",
    "{post2} {name2} को {programme2} की साप्ताहिक समीक्षा की जिम्मेदारी सौंपी गई।",
]


def _slots(rng: random.Random) -> dict:
    name = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"  # noqa: E731
    depts = rng.sample(DEPTS, 3)
    return {"district": rng.choice(DISTRICTS), "name": name(), "name2": name(), "post": rng.choice(POSTS),
            "post2": rng.choice(POSTS), "dept": depts[0], "dept2": depts[1], "dept3": depts[2],
            "programme": rng.choice(PROGRAMMES), "programme2": rng.choice(PROGRAMMES),
            "topic": rng.choice(TOPICS), "venue": rng.choice(VENUES), "month": rng.choice(MONTHS),
            "day": rng.randint(1, 28), "d2": rng.randint(1, 28), "d3": rng.randint(1, 28),
            "weekday": rng.choice(DAYS), "year": rng.choice([2023, 2024, 2025]), "task": rng.choice(TASKS),
            "group": rng.choice(GROUPS), "benefit": rng.choice(BENEFITS), "result": rng.choice(RESULTS),
            "n": rng.randint(120, 98000), "n2": rng.randint(5, 400), "places": rng.choice(PLACES),
            "finding": rng.choice(FINDINGS), "appeal": rng.choice(APPEALS), "pct": rng.randint(3, 45),
            "phone": f"0{rng.randint(500, 599)}-{rng.randint(2000000, 2999999)}"}


def press_release(seed: int) -> tuple[str, str]:
    """(headline, body) of one synthetic release; the same seed gives the same text."""
    rng = random.Random(seed)
    s = _slots(rng)
    headline = f"{s['post']} ने {s['topic']} की समीक्षा की, {s['d2']} {s['month']} तक काम पूरा करने के निर्देश"
    lead = (f"{s['district']}, {s['day']} {s['month']} {s['year']}। {s['post']} {s['name']} की अध्यक्षता में "
            f"{s['weekday']} को {s['venue']} में {s['topic']} की समीक्षा बैठक आयोजित की गई।")
    sentences = [t.format(**s) for t in rng.sample(TEMPLATES, rng.randint(5, 8))]
    paragraphs = [lead] + [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
    return headline, "\n\n".join(paragraphs)


def article(seed: int, byline: str | None = None, headline: str | None = None) -> str:
    title, body = press_release(seed)
    parts = [byline] if byline else []
    parts += [headline or title, body]
    return "\n\n".join(parts) + "\n"


def wire_copies(seed: int) -> list[str]:
    """The same release as three outlets print it: new headline, byline, boilerplate, one edit."""
    title, body = press_release(seed)
    first_sentence_end = body.index("।") + 1
    edited = body[:first_sentence_end] + body[first_sentence_end:].replace("बैठक", "मीटिंग", 1)
    return [
        f"{title}\n\n{body}\n",
        f"हिंदी समाचार डेस्क\n\nसमीक्षा बैठक: अफसरों को समयसीमा में काम पूरा करने का आदेश\n\n"
        f"प्रतीकात्मक तस्वीर\n\n{body}\n\nरिपोर्ट: संवाददाता\n",
        f"जिला प्रशासन सख्त, लापरवाही पर होगी कार्रवाई\n\n{edited}\n\nयह भी पढ़ें: जिले में डेंगू के नए मामले\n",
    ]


def write_corpus(folder: Path, n: int = 40, seed: int = 7) -> dict:
    """n documents in `folder`: unrelated releases, one cluster of wire copies, an empty and a
    binary file. Returns the names of the copies and of the bad files."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = [f"wire_{i}.txt" for i in range(3)]
    bad = ["empty.txt", "scan.txt"]
    for i, text in enumerate(wire_copies(seed * 1000)):
        (folder / copies[i]).write_text(text, encoding="utf-8")
    (folder / bad[0]).write_text("", encoding="utf-8")
    (folder / bad[1]).write_bytes(b"%PDF-1.4\x00\x01\x02\xff\xfe" * 64)
    for i in range(n - len(copies) - len(bad)):
        (folder / f"doc_{i:03d}.txt").write_text(article(seed * 1000 + 1 + i), encoding="utf-8")
    return {"copies": copies, "bad": bad}


def test_corpus_is_deterministic_and_varied(tmp_path):
    write_corpus(tmp_path / "a", n=12)
    write_corpus(tmp_path / "b", n=12)
    texts = [p.read_bytes() for p in sorted((tmp_path / "a").iterdir())]
    assert texts == [p.read_bytes() for p in sorted((tmp_path / "b").iterdir())]
    assert len(set(texts)) == len(texts)
