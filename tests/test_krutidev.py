"""Kruti Dev (legacy font-encoded Hindi): detection that English never trips, conversion to Unicode."""
from __future__ import annotations

import pytest

from extractor.acquire.krutidev import convert_if_krutidev, krutidev_to_unicode, looks_like_krutidev

# Kruti Dev as typed in district offices' Word files, and the Hindi each sentence shows as.
SAMPLES = [
    ("ftykf/kdkjh us dgk fd lHkh foHkkxksa ds vf/kdkjh 15 tqykbZ rd fjiksVZ izLrqr djsaA",
     "जिलाधिकारी ने कहा कि सभी विभागों के अधिकारी 15 जुलाई तक रिपोर्ट प्रस्तुत करें।"),
    ("eq[;ea=h us dk;Zdze dk 'kqHkkjaHk fd;k vkSj ;kstuk dh leh{kk dhA",
     "मुख्यमंत्री ने कार्यक्रम का शुभारंभ किया और योजना की समीक्षा की।"),
    ('jk"Vªh; efgyk vk;ksx dh v/;{k us iqfyl v/kh{kd ls ckr dhA',
     "राष्ट्रीय महिला आयोग की अध्यक्ष ने पुलिस अधीक्षक से बात की।"),
    ("cSBd esa fu.kZ; fy;k x;k fd xzkeh.k {ks=ksa esa is;ty vkiwfrZ lqfuf'pr dh tk,xhA",
     "बैठक में निर्णय लिया गया कि ग्रामीण क्षेत्रों में पेयजल आपूर्ति सुनिश्चित की जाएगी।"),
    ("fo|ky;ksa esa Nk=ksa dks iqLrdsa forfjr dh xbZa rFkk LokLF; f'kfoj Hkh yxk;k x;kA",
     "विद्यालयों में छात्रों को पुस्तकें वितरित की गईं तथा स्वास्थ्य शिविर भी लगाया गया।"),
    ('mUgksaus crk;k fd Ñf"k foHkkx }kjk fdlkuksa dks cht fn, tk jgs gSaA',
     "उन्होंने बताया कि कृषि विभाग द्वारा किसानों को बीज दिए जा रहे हैं।"),
]
ENGLISH = [
    "The district collector said that all departments must submit their reports by the fifteenth "
    "of July, and the officials agreed to follow the schedule.",
    "Join us, follow us and write to us: ls -la lists the files, ds is the dataset, fd the finder.",
    "Press Information Bureau, Government of India. Ministry of Rural Development. New Delhi, 4 May 2024.",
    "Mukhyamantri ne kaha ki sabhi vibhag samay par report bhejen aur yojana ka labh dein.",  # romanised Hindi
    "x = ma.array([1, 2, 3], mask=[1, 0, 0]); https://example.org/a9e50d4e761061dfcca851382a/fd.html",
]


@pytest.mark.parametrize("kruti, hindi", SAMPLES)
def test_samples_convert_to_unicode_hindi(kruti, hindi):
    assert krutidev_to_unicode(kruti) == hindi


def test_kruti_dev_prose_is_detected():
    assert looks_like_krutidev(" ".join(k for k, _ in SAMPLES))
    assert sum(looks_like_krutidev(k) for k, _ in SAMPLES) >= 5  # most single sentences too


@pytest.mark.parametrize("text", ENGLISH + [" ".join(ENGLISH)])
def test_english_and_code_are_not_kruti_dev(text):
    assert not looks_like_krutidev(text)


def test_unicode_hindi_and_too_little_text_are_not_kruti_dev():
    assert not looks_like_krutidev(" ".join(h for _, h in SAMPLES))
    assert not looks_like_krutidev("dk ds esa")  # three words: too little to tell
    assert not looks_like_krutidev("")


def test_a_document_converts_line_by_line_keeping_its_english_lines():
    doc = "\n".join(["PRESS RELEASE", "District Information Office, Lucknow", *(k for k, _ in SAMPLES),
                     "", "E-mail: dio@example.gov.in"])
    text, evidence = convert_if_krutidev(doc)
    assert text.split("\n") == ["PRESS RELEASE", "District Information Office, Lucknow",
                                *(h for _, h in SAMPLES), "", "E-mail: dio@example.gov.in"]
    assert evidence == {"legacy_encoding": "krutidev", "lines_converted": 6, "lines_kept": 3}
    english = " ".join(ENGLISH)
    assert convert_if_krutidev(english) == (english, None)


def test_a_kruti_dev_file_is_extracted_as_hindi_with_evidence(tmp_path):
    from extractor.extract import extract_text

    record = extract_text("\n".join(k for k, _ in SAMPLES))
    assert record["language"] == "hi"
    assert record["language_evidence"]["legacy_encoding"] == "krutidev"
    assert "जिलाधिकारी ने कहा कि" in record["text"]
    assert any(a["name"] == "कृषि विभाग" for a in record["agencies"])
