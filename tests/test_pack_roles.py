"""The shared roles of a language pack: one definition of a word, read by every stage."""
from extractor.packs import _pairs, get_pack
from extractor.pipeline import build_nlp


def test_sentence_end_is_defined_once():
    """The danda is roles.tsv's sentence_end and no stage's own word file lists it again."""
    pack = get_pack("hi")
    ends = set(pack.role("sentence_end"))
    assert ends
    for path in sorted((pack.root / "words").glob("*.tsv")):
        for name, entries in _pairs(path, "set\tentry").items():
            assert not ends & set(entries), f"{path.name}: set {name} repeats sentence_end {ends & set(entries)}"


def test_every_stage_ends_at_the_danda():
    nlp = build_nlp()
    doc = nlp("जिलाधिकारी रमेश यादव ने बैठक ली। उन्होंने निर्देश दिए कि काम 15 अगस्त तक पूरा किया जाए।")
    assert [s.text for s in doc.sents] == ["जिलाधिकारी रमेश यादव ने बैठक ली।",
                                           "उन्होंने निर्देश दिए कि काम 15 अगस्त तक पूरा किया जाए।"]
    assert [s._.officials["name"] for s in doc.spans["officials"]] == ["रमेश यादव"]
    assert [s.text for s in doc.spans["dates"]] == ["15 अगस्त"]
