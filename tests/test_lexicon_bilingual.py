"""The Hindi and English lexicons name each body and scheme by one canonical, and the store finds
that canonical by key for a spelling the stages do not know (extractor/store/lexicon.py)."""
from __future__ import annotations

import pytest

from extractor.packs import get_pack
from extractor.store.lexicon import lexicon_canonical

GROUPS = {"agencies": (("agencies", "ministries"), ("agencies", "agencies_manual")),
          "programmes": (("programmes",), ("programmes", "programmes_manual"))}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_hindi_canonical_is_reachable_from_the_english_tables(group):
    hindi_tables, english_tables = GROUPS[group]
    english = {r["canonical"] for t in english_tables for r in get_pack("en").table(t)}
    missing = sorted({r["canonical"] for t in hindi_tables for r in get_pack("hi").table(t)} - english)
    assert not missing, f"no English row gives these canonicals: {missing[:10]}"


# English canonicals with no Hindi row, on purpose: the Hindi stages name the government and the
# houses of Parliament by their own rules (भारत सरकार, लोकसभा), and राष्ट्रीय सेवा योजना reads as a scheme.
ENGLISH_ONLY = {"agencies": {"Government of India", "Lok Sabha", "Rajya Sabha", "Parliament of India",
                             "National Service Scheme"}, "programmes": set()}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_english_canonical_has_a_hindi_row(group):
    """Otherwise a Hindi mention of the body can never get the English record's canonical."""
    hindi_tables, english_tables = GROUPS[group]
    hindi = {r["canonical"] for t in hindi_tables for r in get_pack("hi").table(t)}
    english = {r["canonical"] for t in english_tables for r in get_pack("en").table(t)}
    assert english - hindi == ENGLISH_ONLY[group]


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_most_hindi_spellings_find_their_own_canonical_by_key(group):
    """A key two canonicals share names neither; that must stay rare, or the lookup is useless."""
    rows = [r for t in GROUPS[group][0] for r in get_pack("hi").table(t)]
    found = sum(lexicon_canonical(group, r["surface"]) == r["canonical"] for r in rows)
    assert found >= 0.9 * len(rows), (found, len(rows))


@pytest.mark.parametrize("group, name, canonical", [
    ("programmes", "चैंम्पियन्स पोर्टल", "CHAMPIONS"),  # म्प for ंप: one name key
    ("agencies", "एन्नौर बंदरगाह", "Kamarajar Port"),  # ौ = ो, an old name
    ("agencies", "तूतीकोरिन पोर्ट ट्रस्ट", "V.O. Chidambaranar Port"),
    ("agencies", "Ennore Port Trust", "Kamarajar Port"),
    ("agencies", "Aligarh Muslim university", "Aligarh Muslim University"),  # case
    ("agencies", "अलीगढ़ मुस्लिम विश्वविद्यालय", "Aligarh Muslim University"),
    ("agencies", "आईआईटी कानपुर", "Indian Institute of Technology Kanpur"),
    ("agencies", "IIT-Kanpur", "Indian Institute of Technology Kanpur"),
    ("agencies", "विज्ञान एवं इंजीनियरी अनुसंधान बोर्ड", "Science and Engineering Research Board"),
    ("agencies", "हरियाणा केंद्रीय विश्वविद्यालय", "Central University of Haryana"),
    ("programmes", "ArogyaSetu app", "Aarogya Setu"),  # words run together: the key without spaces
    ("agencies", "सशस्त्र बल चिकित्सा सेवाओं", "Armed Forces Medical Services"),  # oblique plural row
])
def test_a_spelling_finds_the_lexicon_canonical(group, name, canonical):
    assert lexicon_canonical(group, name) == canonical


@pytest.mark.parametrize("group, name", [
    ("agencies", "मंत्रालय"), ("agencies", "Kanpur Institute"), ("agencies", ""), ("agencies", None),
    ("programmes", "कोई नई योजना"), ("officials", "अमित शाह"),
])
def test_no_canonical_for_what_no_lexicon_names(group, name):
    assert lexicon_canonical(group, name) is None


def test_ports_old_and_new_names_meet():
    """Renamed ports: the old name in either script gives the new canonical."""
    for old, new in [("Tuticorin Port", "V.O. Chidambaranar Port"), ("Kandla Port Trust", "Deendayal Port"),
                     ("कांडला पोर्ट ट्रस्ट", "Deendayal Port"), ("Kolkata Port Trust", "Syama Prasad Mookerjee Port")]:
        assert lexicon_canonical("agencies", old) == new
