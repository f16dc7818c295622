"""Language from script and stop words: hi, en, mr, other -- processed, never refused."""
from __future__ import annotations

import pytest

from extractor.acquire.clean import clean
from extractor.acquire.language import detect_language
from extractor.document import RawDocument

HINDI = ("लखनऊ। उत्तर प्रदेश पुलिस ने महिला सुरक्षा अभियान के अगले चरण की शुरुआत की है। पुलिस "
         "महानिदेशक ने सभी जनपदों को निर्देश दिया कि 31 अक्टूबर तक हर थाने पर हेल्प डेस्क सक्रिय की जाए।")
ENGLISH = ("The district administration launched a campaign against child marriage on Saturday. "
           "The collector said that a committee will be formed in every village.")
MARATHI = ("पुणे जिल्ह्यात बालविवाह रोखण्यासाठी जिल्हा प्रशासनाने विशेष मोहीम सुरू केली आहे. "
           "जिल्हाधिकारी सुरेश पाटील यांनी सांगितले की प्रत्येक गावात दक्षता समिती स्थापन करण्यात "
           "आली आहे आणि ग्रामसेवकांना याबाबत सूचना देण्यात आल्या आहेत. या मोहिमेत महिला व बाल "
           "विकास विभाग तसेच पोलीस विभागाचा सहभाग असणार आहे.")
TAMIL = ("சென்னை மாநகராட்சி சார்பில் குழந்தைகள் பாதுகாப்பு விழிப்புணர்வு முகாம் நடைபெற்றது. "
         "இதில் ஏராளமான பெற்றோர்கள் கலந்து கொண்டனர்.")
URDU = ("ضلع انتظامیہ نے بچوں کی شادی کے خلاف خصوصی مہم شروع کی ہے۔ کلکٹر نے کہا کہ ہر گاؤں "
        "میں ایک کمیٹی بنائی جائے گی۔")
# Hindi with the words Marathi shares (की, होते, एक, व, या): still Hindi.
HINDI_WITH_SHARED_WORDS = ("बैठक में एक निर्णय लिया गया कि अधिकारी व कर्मचारी हर सप्ताह गांवों में जाएंगे "
                           "या फोन पर संपर्क करेंगे। ऐसे शिविर पहले भी होते रहे हैं।")


@pytest.mark.parametrize("text, code", [
    (HINDI, "hi"), (ENGLISH, "en"), (MARATHI, "mr"), (TAMIL, "other"), (URDU, "other"),
    (HINDI_WITH_SHARED_WORDS, "hi"), ("12345 -- 678", "other"),
], ids=["hindi", "english", "marathi", "tamil", "urdu", "hindi-shared-words", "no-letters"])
def test_detect_language(text, code):
    assert detect_language(text)[0] == code


def test_danda_does_not_hide_the_last_word():
    # "किया।" must count as the stop word "किया".
    evidence = detect_language("उन्होंने निरीक्षण किया।")[1]
    assert evidence["stopword_hits"]["hi"] == 2


def test_evidence_says_why():
    code, evidence = detect_language(MARATHI)
    assert code == "mr"
    assert evidence["devanagari"] > 0.9
    assert evidence["stopword_hits"]["mr"] > evidence["stopword_hits"]["hi"]


@pytest.mark.parametrize("text, code", [(ENGLISH, "en"), (MARATHI, "mr"), (TAMIL, "other"), (URDU, "other")])
def test_non_hindi_documents_are_processed_and_flagged(text, code):
    document = clean(RawDocument(name="doc.txt", text=text, path="doc.txt"))
    assert document.language == code
    assert document.text  # processed, not refused
