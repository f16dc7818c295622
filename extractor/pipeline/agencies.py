"""Agencies: known bodies from the lexicon, "<modifiers> विभाग/आयोग/पुलिस..." patterns, NER ORG."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import designations
from ..packs import LanguagePack, get_pack
from .stage import PackStage
from .lexmatch import (PhraseTable, VerbForms, fold, folded_tokens, function_words, gazetteer_places,
                       is_initialism, is_word)

MAX_MODIFIERS = 10
# A lexicon body written after its state or district: "झारखंड राज्य विधिक सेवा प्राधिकरण".
PLACE_PREFIX_KINDS = {"state", "ut", "district", "city"}
NO_PLACE_PREFIX = {"un", "ngo", "helpline"}


@Language.factory("hi_agencies", assigns=["doc.spans", "span._.agencies"],
                  requires=["token.is_sent_start", "span._.places", "span._.programmes"])
def make_agencies(nlp: Language, name: str):
    return Agencies(nlp, get_pack(nlp.lang).view())


class Agencies(PackStage):
    """Writes doc.spans["agencies"]: one span per body per document, with a canonical name."""

    def __init__(self, nlp: Language, pack: LanguagePack):
        super().__init__(nlp, pack)
        rows = pack.table("agencies") + pack.table("ministries")
        self.known = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in rows])
        self.heads = {fold(r["head"]): r for r in pack.table("agency_heads")}
        self.designations = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in designations(pack)])
        # "&" joins list members as the conjunctions do.
        self.connectors = set(pack.role("conjunction")) | {"&"}
        self.stop = {fold(w) for w in function_words(pack)} - {fold(c) for c in self.connectors}
        self.strong_heads = {h for h, row in self.heads.items() if row["weak"] == "0"}
        self.weak_heads = {h for h, row in self.heads.items() if row["weak"] == "1"}
        self.head_first = {fold(h) for h in pack.words("agencies", "head_first")}
        self.links = {fold(link) for link in pack.words("agencies", "head_first_links")}
        self.latin_joiners = set(pack.words("agencies", "latin_joiners"))
        self.stop_en = {fold(w) for w in pack.wordlist("stopwords_en")}
        self.scope_words = {fold(w) for w in pack.words("agencies", "scope_words")}
        self.surnames = {fold(w) for w in pack.wordlist("surnames")}
        self.numbered_heads = {fold(h) for h in pack.words("agencies", "numbered_heads")}
        self.number_words = {fold(w) for w in pack.words("agencies", "number_words")}
        # "हेल्पलाइन 1930" and "साइबर हेल्पलाइन 1930" are one body: the number names it.
        self.helplines = {r["surface"].split()[-1]: r["canonical"] for r in rows
                          if r["kind"] == "helpline" and r["surface"].split()[-1].isdigit()}
        self.everyday = {fold(w) for w in pack.wordlist("everyday_words") | pack.wordlist("common_words")}
        self._verb_form = VerbForms(self.everyday, pack)
        self.law_words = {fold(w) for w in pack.words("agencies", "law_words")}
        self.legal_forms = {fold(w) for w in pack.words("agencies", "legal_forms")}
        self.possessives = {fold(w) for w in pack.words("agencies", "possessive_pronouns")}
        self.breakers = {fold(w) for w in pack.words("agencies", "name_breakers")}
        self.generic_modifiers = {fold(w) for w in pack.words("agencies", "generic_modifiers")}
        self.not_bodies = {fold(w) for w in pack.words("agencies", "not_bodies")}
        self.level_words = {fold(w) for w in pack.words("agencies", "level_words")}
        self.name_titles = {fold(w) for w in pack.words("agencies", "name_titles")}
        self.action_nouns = {fold(w) for w in pack.words("agencies", "action_nouns")}
        self.honorifics = {fold(w) for w in pack.role("honorific")}
        self.plural_nouns = pack.words("agencies", "plural_noun_endings")
        # (plural ending, singular ending): a bare plural ending is dropped.
        self.post_plurals = tuple((ending, singular[0] if singular else "") for ending, *singular
                                  in map(str.split, pack.words("agencies", "post_plural_endings")))
        self.post_keys = {tuple(fold(w) for w in r["surface"].split()) for r in designations(pack)}
        self.post_len = max(len(k) for k in self.post_keys)

    def __call__(self, doc: Doc) -> Doc:
        blocked = self._blocked(doc)
        places = gazetteer_places(doc)
        found: list[tuple[int, int, dict]] = []
        for start, end, row in self.known.find(doc):
            if row["kind"] not in NO_PLACE_PREFIX:
                start = self._place_before(places, start)
            found.append((start, end, {"canonical": row["canonical"], "kind": row["kind"], "source": "lexicon"}))
            for i in range(start, end):
                blocked[i] = True
        for i, word in enumerate(folded_tokens(doc)):
            head = self.heads.get(word)
            if head is None and word in self.numbered_heads and self._number_after(doc, i):
                head = {"kind": "helpline", "weak": "0"}  # "लाइन" names a body only with its number
            if head and not blocked[i]:
                found += self._headed(doc, i, head, blocked, places)
            if word in self.head_first:
                found += self._head_first(doc, i)
        found += self._from_ner(doc, found)
        doc.spans["agencies"] = self._one_per_body(doc, found, places)
        return doc

    @staticmethod
    def _place_before(places: list, start: int) -> int:
        """Extend a lexicon match over the state or district written right before it."""
        place = places[start - 1] if start > 0 else None
        if place and place.get("kind") in PLACE_PREFIX_KINDS:
            return place["mention_start"]
        return start

    def _number_after(self, doc: Doc, i: int) -> int | None:
        """The end of "[नंबर] 1930" after a helpline word, or None."""
        k = i + 1
        if k < len(doc) and fold(doc[k].text) in self.number_words:
            k += 1
        if k < len(doc) and doc[k].text.isdigit() and 3 <= len(doc[k].text) <= 5:
            return k + 1
        return None

    def _blocked(self, doc: Doc) -> list[bool]:
        """Tokens inside designations or programmes cannot be part of an agency name."""
        blocked = [False] * len(doc)
        for start, end, _ in self.designations.find(doc):
            for i in range(start, end):
                blocked[i] = True
        for span in list(doc.spans.get("programmes", [])) + list(doc.spans.get("programme_mentions", [])):
            for i in range(span.start, span.end):
                blocked[i] = True
        return blocked

    def _modifier_ok(self, token, blocked: list[bool], latin: bool = False) -> bool:
        text = fold(token.text)
        if latin:  # "Mumbai Metropolitan Region Development | Authority": capitalised Latin words only
            return (not blocked[token.i] and _latin_name_word(token.text) and text not in self.stop_en)
        return (not blocked[token.i] and not token.is_punct and not token.is_space and not token.like_num
                and len(text) > 1 and text not in self.breakers and text not in self.stop and not self._verb_form(text) and not self._plural_noun(text))

    def _plural_noun(self, text: str) -> bool:
        return text.endswith(self.plural_nouns) and len(text) > 3

    def _headed(self, doc: Doc, i: int, head: dict, blocked: list[bool], places: list) -> list:
        start, end = i, i + 1
        number_end = self._number_after(doc, i) if fold(doc[i].text) in self.numbered_heads else None
        legal_form = fold(doc[i].text) in self.legal_forms
        latin = doc[i].text.isascii()
        if latin and not _latin_name_word(doc[i].text):
            return []  # "the authority": an English head names a body only capitalised
        while start > 0 and i - start < MAX_MODIFIERS:
            prev = doc[start - 1]
            if prev.text in self.connectors and start == i:
                break  # "... पोर्टल और हेल्पलाइन 1930": the connector joins two things, not one name
            if prev.text in self.connectors and start >= 2 and self._modifier_ok(doc[start - 2], blocked, latin) \
                    and fold(doc[start - 2].text) not in self.surnames \
                    and not self._ends_a_name(doc, start - 2, blocked):  # "सिंचाई विभाग और नगर निगम"
                # ("डॉ. X वर्मा और रेडक्रॉस सोसायटी": a person's surname ends a list, not a name)
                start -= 2
            elif fold(prev.text) in self.action_nouns and (
                    fold(doc[start].text) in self.scope_words or places[start] is not None):
                break  # "नियुक्ति केंद्रीय चयन पर्षद के माध्यम से": the name starts at its scope word
            elif self._modifier_ok(prev, blocked, latin) and prev.text not in self.connectors \
                    and (legal_form or not self._ends_a_name(doc, start - 1, blocked)):
                start -= 1
            else:
                break
        if start == i - 1 and start > 0 and fold(doc[start - 1].text) in self.possessives \
                and fold(doc[start].text) in self.everyday:
            return []  # "इसकी जिम्मेदारी महानगरपालिका के ...": the word is what is possessed, not a name
        if self._before_plural_head(doc, i):
            return []  # "नीमकाथाना और दांतारामगढ़ पंचायत समितियों": the head qualifies a plural body noun
        canonical = None
        if number_end:
            end = number_end
            canonical = self.helplines.get(doc[end - 1].text)
        elif start == i:
            return []
        if head["weak"] == "1" and not (self._weak_head_ok(doc, start, i, places) or self._named_after_person(doc, start, i)):
            return []
        if not number_end and all(fold(t.text) in self.generic_modifiers or t.text in self.connectors
                                  or t.is_punct for t in doc[start:i]):
            return []  # "लघु इकाई", "सूक्ष्म विनिर्माण और सेवा इकाई": a kind of unit, not a body
        words = [fold(t.text) for t in doc[start:i]]
        if not number_end and any(w in self.level_words for w in words) and all(
                w in self.level_words or w in self.scope_words or w in self.generic_modifiers for w in words):
            return []  # "जिला स्तरीय समिति", "राज्य स्तरीय प्रकोष्ठ": a tier of body, not a named one
        return [(start, end, {"canonical": canonical, "kind": head["kind"], "source": "pattern"})]

    def _before_plural_head(self, doc: Doc, i: int) -> bool:
        """The word after the head is a head word in an oblique plural ("समितियों", "निगमों")."""
        if i + 1 >= len(doc):
            return False
        word = fold(doc[i + 1].text)
        return self._plural_noun(word) and any(
            word[:-len(end)] + new in self.heads for end, new in self.post_plurals if word.endswith(end))

    def _ends_a_name(self, doc: Doc, k: int, blocked: list[bool]) -> bool:
        """A head word with its own modifier ends another body ("शिक्षा विभाग | स्वास्थ्य विभाग");
        without one it is part of this name ("पंचायत विभाग")."""
        return (fold(doc[k].text) in self.strong_heads and k > 0
                and self._modifier_ok(doc[k - 1], blocked, doc[k].text.isascii())
                and doc[k - 1].text not in self.connectors)

    def _named_after_person(self, doc: Doc, start: int, head_i: int) -> bool:
        """"सर सुंदरलाल अस्पताल", "डॉ. राम मनोहर लोहिया अस्पताल": a hospital or institution named
        after a person, the title written before the name, is one body."""
        if head_i - start < 1:
            return False
        if fold(doc[start].text) in self.name_titles and head_i - start >= 2:
            return True
        k = start - 1
        if k >= 1 and doc[k].text == ".":
            return fold(doc[k - 1].text) + "." in self.honorifics or fold(doc[k - 1].text) in self.honorifics
        return k >= 0 and fold(doc[k].text) in self.honorifics

    @staticmethod
    def _weak_head_ok(doc: Doc, start: int, head_i: int, places: list) -> bool:
        # "असम पुलिस", "असम सरकार": a generic head names one body only after a place or acronym
        # (at any mention of the place, not only its first).
        return any(places[k] is not None or doc[k].text.isupper() for k in range(start, head_i))

    def _head_first(self, doc: Doc, i: int) -> list:
        end = i + 1
        latin = doc[i].text.isascii()
        if latin and not _latin_name_word(doc[i].text):
            return []
        if end < len(doc) and fold(doc[end].text) in self.links:
            end += 1
            while end < len(doc) and end - i < 7:
                word = doc[end].text
                if latin and word in self.latin_joiners and end + 1 < len(doc) \
                        and _latin_name_word(doc[end + 1].text) and end - 1 > i + 1:
                    end += 1  # "Department of Science and Technology"
                elif (latin and _latin_name_word(word) and fold(word) not in self.stop_en) or \
                        (not latin and is_word(doc[end]) and fold(word) not in self.stop):
                    end += 1
                else:
                    break
        return [(i, end, {"canonical": None, "kind": "organisation", "source": "pattern"})] if end - i > 2 else []

    def _from_ner(self, doc: Doc, found: list) -> list:
        taken = {k for s, e, _ in found for k in range(s, e)}
        # "PM CARES", "पीएमबीजेपी": a programme (or its acronym) that a tagger reads as an organisation
        taken |= {k for span in list(doc.spans.get("programmes", [])) + list(doc.spans.get("programme_mentions", []))
                  for k in range(span.start, span.end)}
        out = []
        for span in doc.spans.get("ner", []):
            label = span.label_
            if label not in ("ORG", "PER"):
                continue
            span = _strip_punct(span)  # "(NSIL": the model may take a bracket into the name
            if span is None or any(k in taken for k in range(span.start, span.end)):
                continue
            if label == "PER" and (len(span) < 2 or fold(span[-1].text) not in self.strong_heads):
                continue  # a "person" that ends in a body's head word is the body ("BEST Undertaking")
            if self._numbered_code(doc, span) or self._law(doc, span) or self._post_acronym(doc, span):
                continue
            if fold(span[0].text) in self.breakers or any(fold(span.text).endswith(w) for w in self.not_bodies):
                continue  # "कोविड-19", "एसओपी": a disease or a document, not a body
            out.append((span.start, span.end, {"canonical": None, "kind": "organisation", "source": "ner"}))
        return out

    def _law(self, doc: Doc, span: Span) -> bool:
        """"एनडीपीएस एक्ट", "पॉक्सो अधिनियम की धारा": a name right before a law word names the law."""
        return span.end < len(doc) and fold(doc[span.end].text) in self.law_words

    def _post_acronym(self, doc: Doc, span: Span) -> bool:
        """"सहायक निर्वाचन अधिकारियों (एआरओ)": an acronym in brackets after a post (or its plural)
        abbreviates the post, not a body."""
        if not (span.start >= 2 and doc[span.start - 1].text == "(" and span.end < len(doc)
                and doc[span.end].text == ")"):
            return False
        return self._post_before(doc, span.start - 1)

    def _post_before(self, doc: Doc, k: int) -> bool:
        """Do the words right before token k end with a post from the designations table?"""
        words = folded_tokens(doc)[max(0, k - self.post_len):k]
        if not words:
            return False
        last = words[-1]
        forms = {last} | {last[:-len(end)] + new for end, new in self.post_plurals
                          if last.endswith(end) and len(last) > len(end) + 1}
        for form in forms:
            tail = words[:-1] + [form]
            if any(tuple(tail[-n:]) in self.post_keys for n in range(1, len(tail) + 1)):
                return True
        return False

    def _numbered_code(self, doc: Doc, span: Span) -> bool:
        """"17 सीसी के तहत": an acronym right after a number is a rule or section, not a body."""
        return (len(span) == 1 and span.start > 0 and doc[span.start - 1].like_num
                and is_initialism(span.text, self.pack))

    def _one_per_body(self, doc: Doc, found: list, places: list) -> list[Span]:
        """Keep the first mention of each body; a longer or shorter form with the same head is the same body."""
        found = _merge_acronyms(doc, _drop_nested(sorted(found, key=lambda f: (f[0], -(f[1] - f[0])))),
                                self.stop | self.everyday, places, self.known, self.pack)
        # "जिला विधिक सेवा प्राधिकरण (डालसा)": every bare "डालसा" in the document is that body.
        aliases = {fold(data["acronym"]) for _, _, data in found if data.get("acronym")}
        mentions = [doc[s:e] for s, e, data in found if data["source"] != "ner"]
        if aliases:
            mentions += [doc[i:i + 1] for i, w in enumerate(folded_tokens(doc)) if w in aliases]
        doc.spans["agency_mentions"] = sorted(mentions, key=lambda m: m.start)
        place_words = {w for w, place in zip(folded_tokens(doc), places) if place is not None}
        kept: list[Span] = []
        keys: list[tuple[str | None, str, frozenset, Span]] = []  # canonical, surface head, words, kept span
        for start, end, data in sorted(found, key=lambda f: f[0]):
            span = doc[start:end]
            if end - start == 1 and fold(span.text) in aliases and not data.get("acronym"):
                continue  # a bare mention of a body named in full elsewhere
            # "विज्ञान और प्रौद्योगिकी विभाग" = "विज्ञान एवं प्रौद्योगिकी विभाग": connectors do not tell bodies apart
            words = frozenset(fold(t.text) for t in span if not t.is_punct and t.text not in self.connectors)
            canonical, head = data["canonical"], fold(span[-1].text)
            same = next((k for k in keys if (canonical and k[0] == canonical) or (
                k[1] == head and not (canonical and k[0] and k[0] != canonical)
                and self._same_scope(words, k[2], place_words))), None)
            if same:
                if canonical and not same[0]:  # "बाल संरक्षण इकाई" ... "जिला बाल संरक्षण इकाई": its known name
                    same[3]._.agencies = {**same[3]._.agencies, "canonical": canonical}
                    keys[keys.index(same)] = (canonical, *same[1:])
                continue
            keys.append((canonical, head, words, span))
            span._.agencies = {"name": span.text, "canonical": canonical or span.text,
                               "kind": data["kind"], "source": data["source"], "acronym": data.get("acronym")}
            kept.append(span)
        return kept

    def _same_scope(self, words: frozenset, other: frozenset, place_words: set[str]) -> bool:
        """One mention's words hold the other's, and the extra words are places or scope words."""
        if words <= other:
            extra = other - words
        elif other <= words:
            extra = words - other
        else:
            return False
        # "मध्यप्रदेश पुलिस महिला सुरक्षा शाखा" = "महिला सुरक्षा शाखा": a generic head names the parent body.
        # "दीन दयाल उपाध्याय गोरखपुर विश्वविद्यालय" = "गोरखपुर विश्वविद्यालय": a namesake's name is no other body.
        return any(w in self.surnames for w in extra) or all(
            w in self.scope_words or w in place_words or w in self.connectors or w in self.weak_heads for w in extra)


def _latin_name_word(text: str) -> bool:
    """A capitalised Latin word ("Mumbai", "BEST", "Mira-Bhayandar"), not a number."""
    return text.isascii() and text[:1].isupper() and text.replace("-", "").replace(".", "").isalnum()


def _merge_acronyms(doc: Doc, found: list, ordinary: set[str], places: list, known: PhraseTable,
                    pack: LanguagePack) -> list:
    """"भारतीय आयुर्विज्ञान अनुसंधान परिषद (आईसीएमआर)": the acronym in brackets is the same body,
    also when no other rule found the acronym itself ("... प्राधिकरण (डालसा)"). A known acronym
    ("(ISRO)", "(IN-SPACe)") gives the body its canonical name, so a later "इसरो" joins it."""
    out: list = []
    starts = {item[0] for item in found}
    for item in found:
        prev = out[-1] if out else None
        if prev and item[0] == prev[1] + 1 and doc[prev[1]].text == "(" and item[1] < len(doc) \
                and doc[item[1]].text == ")" and _bracket_end(doc, prev[1]) == item[1]:
            acronym = doc[item[0]:item[1]].text
            canonical = prev[2]["canonical"] or item[2]["canonical"] or _known_canonical(doc, item[0], known)
            out[-1] = (prev[0], prev[1], {**prev[2], "canonical": canonical, "acronym": acronym})
            continue
        end = item[1]
        close = _bracket_end(doc, end) if end < len(doc) and doc[end].text == "(" else None
        if not item[2].get("acronym") and close is not None and end + 1 not in starts \
                and places[end + 1] is None and _acronym_like(doc[end + 1:close], ordinary, pack):
            canonical = item[2]["canonical"] or _known_canonical(doc, end + 1, known, close)
            item = (item[0], item[1], {**item[2], "canonical": canonical, "acronym": doc[end + 1:close].text})
        out.append(item)
    return out


def _bracket_end(doc: Doc, open_i: int) -> int | None:
    """The ")" closing a bracket at open_i around one word, also a hyphenated one written
    without spaces ("(IN-SPACe)" is three tokens), or None."""
    k = open_i + 1
    while k < len(doc) and doc[k].text != ")":
        if doc[k].text == "(" or k - open_i > 5:
            return None
        k += 1
    if k == len(doc) or k == open_i + 1 or any(doc[m].whitespace_ for m in range(open_i + 1, k - 1)):
        return None
    return k


def _known_canonical(doc: Doc, start: int, known: PhraseTable, end: int | None = None) -> str | None:
    """The canonical name of a lexicon body spelled exactly by doc[start:end] ("ISRO"), or None."""
    hit = known.match_at(doc, start) if start < len(doc) else None
    if hit and (end is None or hit[0] == end):
        return hit[1]["canonical"]
    return None


def _acronym_like(span, ordinary: set[str], pack: LanguagePack) -> bool:
    """One word in brackets after a body that is not a common word or a number."""
    text = span.text
    if len(span) > 1:
        return is_initialism(text, pack)  # "IN-SPACe"
    token = span[0]
    if not (is_word(token) or text.isalnum()) or token.like_num:
        return False
    return is_initialism(text, pack) or fold(text) not in ordinary


def _strip_punct(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end] if end > start else None


def _drop_nested(found: list) -> list:
    """A span that starts inside a longer span at the same position is the same mention."""
    out: list = []
    for item in found:
        if out and out[-1][0] <= item[0] and item[1] <= out[-1][1] and item[0] == out[-1][0]:
            continue
        out.append(item)
    return out
