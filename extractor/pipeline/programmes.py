"""Programmes: known schemes, quoted names with a cue, "<name> अभियान/योजना", "मिशन <name>"."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import designations
from ..packs import LanguagePack, get_pack
from .stage import PackStage
from .lexmatch import PhraseTable, VerbForms, fold, folded_tokens, function_words, is_initialism, is_word

QUOTES = {"'": "'", '"': '"', "‘": "’", "“": "”"}
MAX_QUOTED = 12  # "'जल शक्ति अभियान: कैच द रेन - 2025'"
MAX_QUOTED_SPEECH = 7  # a longer quote with function words in it is speech, not a name
SUBTITLE = {":", "-", "–", "—", "("}
MAX_NAME = 5
DASHES = {"–", "—", "-"}
# A short gloss in brackets between a name and its head: "प्रायोजन (स्पॉन्सरशिप) योजना".
MAX_GLOSS = 3
# "'X' नामक एक मददगार पोर्टल": how far after a naming word the head may stand.
NAMING_WINDOW = 4


@Language.factory("hi_programmes", assigns=["doc.spans", "span._.programmes"],
                  requires=["token.is_sent_start"])
def make_programmes(nlp: Language, name: str):
    return Programmes(nlp, get_pack(nlp.lang).view())


class Programmes(PackStage):
    """Writes doc.spans["programmes"]: one span per programme per document, with its kind."""

    def __init__(self, nlp: Language, pack: LanguagePack):
        super().__init__(nlp, pack)
        self.known = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in pack.table("programmes")])
        heads = pack.table("programme_heads")
        self.after = {fold(r["head"]): r["kind"] for r in heads if r["position"] == "after"}
        self.bare_after = {fold(r["head"]) for r in heads if r["position"] == "after" and r["bare"] == "1"}
        self.bare_observed = {fold(r["head"]) for r in heads if r["position"] == "after" and r["bare"] == "2"}
        self.observed = {fold(w) for w in pack.words("programmes", "observing_verbs")}
        self.before = {fold(r["head"]): r["kind"] for r in heads if r["position"] == "before"}
        # Heads that mark a programme in a sentence, and that a name is compared without.
        self.strong_after = {h for h, kind in self.after.items() if kind != "observance" or h in self.bare_after}
        self.strip_heads = [h for h, kind in self.after.items() if kind != "observance"]
        self.min_words = {fold(h): 2 for h in pack.words("programmes", "two_word_heads")}
        self.min_words.update({fold(h): 3 for h in pack.words("programmes", "three_word_heads")})
        self.cue_after = {fold(w) for w in pack.words("programmes", "cue_after")}
        self.naming = {fold(w) for w in pack.words("programmes", "naming")}
        nasals = [fold(w) for w in pack.words("programmes", "nasal_clusters")]
        self.anusvara = next(w for w in nasals if len(w) == 1)
        self.nasal_clusters = [w for w in nasals if w != self.anusvara]
        # A quote across a sentence end or line break is speech; a substring test, so "?!" is one too.
        self.quote_breaks = "".join(pack.role("sentence_end") + pack.words("programmes", "sentence_ends")) + "\n"
        self.list_openers = {",", "\n"} | set(pack.words("programmes", "such_as"))
        (self.plural_ending,) = pack.words("morphology", "plural_default")
        self.generic = {fold(w) for w in pack.wordlist("programme_generic")}
        self.prefixes = {fold(w) for w in pack.wordlist("programme_prefixes")}
        # Posts and honorifics end a name: "मिशन निदेशक सुश्री X" is a post, not "मिशन <name>".
        self.not_names = {fold(w).rstrip(".") for w in pack.role("honorific")} | {
            fold(r["surface"].split()[-1]) for r in designations(pack)}
        self.stop = {fold(w) for w in function_words(pack)}
        # Unquoted names are read back only over words that are not everyday vocabulary.
        self.common = {fold(w) for w in pack.wordlist("common_words")} - {fold(w) for w in pack.wordlist("name_tokens")}
        everyday = {fold(w) for w in pack.wordlist("everyday_words") | pack.wordlist("common_words")}
        self.everyday = everyday | self.generic | self.stop
        # "पोलियो ड्रॉप्स पिलाकर | अभियान": a verb form ends an unquoted name read leftwards.
        self.verb_form = VerbForms(everyday, pack)

    def __call__(self, doc: Doc) -> Doc:
        known = [(s, e, row["kind"], row["canonical"]) for s, e, row in self.known.find(doc)]
        found = known + [_with_canonical(item, known) for item in self._quoted(doc)]
        found += [_known_before_head(item, known) for item in self._headed(doc)]
        found += self._listed(doc) + self._observances(doc)
        doc.spans["programmes"] = self._one_per_programme(doc, found)
        doc.spans["programme_mentions"] = self._acronym_mentions(doc, doc.spans["programmes"])
        return doc

    def _acronym_mentions(self, doc: Doc, kept) -> list[Span]:
        """"प्रधानमंत्री भारतीय जनऔषधि परियोजना (पीएमबीजेपी)": the acronym in brackets after a
        programme, and each later bare mention of it, are that programme (not a body)."""
        acronyms = set()
        for span in kept:
            end = span.end
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                    and is_initialism(doc[end + 1].text, self.pack):
                acronyms.add(fold(doc[end + 1].text))
        if not acronyms:
            return []
        return [doc[i:i + 1] for i, word in enumerate(folded_tokens(doc)) if word in acronyms]

    def _name_word(self, token) -> bool:
        text = fold(token.text)
        return (is_word(token) or "-" in token.text) and text not in self.stop and text not in self.not_names

    def _quoted(self, doc: Doc) -> list:
        out = []
        closers: set[int] = set()  # "'X' का ... 'Y'": the quote that closes X opens nothing
        for i, word in enumerate(folded_tokens(doc)):  # folding leaves quote marks as they are
            close = QUOTES.get(word)
            if not close or i in closers:
                continue
            j = next((k for k in range(i + 1, min(len(doc), i + MAX_QUOTED + 2)) if doc[k].text == close), None)
            if j is not None:
                closers.add(j)
            if j is None or j == i + 1 or any(t.text in self.quote_breaks for t in doc[i + 1:j]):
                continue
            if j - i - 1 > MAX_QUOTED_SPEECH and any(fold(t.text) in self.stop for t in doc[i + 1:j]):
                continue
            kind = self._cue_kind(doc, i, j)
            if kind:
                out.append((i + 1, j, kind, None))
        return out

    def _cue_kind(self, doc: Doc, open_i: int, close_i: int) -> str | None:
        """A quoted phrase is a programme when a programme word or "के तहत" stands beside it."""
        inside = fold(doc[close_i - 1].text)
        if inside in self.after:
            return self.after[inside]
        for k in range(open_i + 2, close_i - 1):  # "'जल शक्ति अभियान: कैच द रेन'": a head before a subtitle
            if doc[k + 1].text in SUBTITLE and fold(doc[k].text) in self.after:
                return self.after[fold(doc[k].text)]
        for k in range(close_i + 1, min(len(doc), close_i + 3)):
            word = fold(doc[k].text)
            if word in self.after:
                return self.after[word]
            if word in self.cue_after:  # "'X' के तहत"
                return "programme"
        if close_i + 1 < len(doc) and fold(doc[close_i + 1].text) in self.naming:
            for k in range(close_i + 2, min(len(doc), close_i + 2 + NAMING_WINDOW)):  # "'X' नामक एक पोर्टल"
                word = fold(doc[k].text)
                if word in self.after and self.after[word] != "observance":
                    return self.after[word]
        for k in range(max(0, open_i - 2), open_i):
            if fold(doc[k].text) in self.after:
                return self.after[fold(doc[k].text)]
        return None

    def _unquoted_word(self, token) -> bool:
        return self._name_word(token) and fold(token.text) not in self.common | self.generic

    def _rare_name(self, doc: Doc, start: int, head: int) -> bool:
        """One word before the head that is not everyday vocabulary ("गगनयान मिशन"), unless the
        head names what follows it ("इंटेंसिफाइड मिशन इंद्रधनुष": the mission is "मिशन इंद्रधनुष")."""
        if head - start != 1 or not is_word(doc[start]) or fold(doc[start].text) in self.everyday:
            return False
        return not (fold(doc[head].text) in self.before and head + 1 < len(doc)
                    and self._unquoted_word(doc[head + 1]))

    def _official_prefix(self, doc: Doc, head: int) -> int | None:
        """"मुख्यमंत्री आपदा राहत योजना": after such a prefix, everyday words name the scheme too."""
        k = head - 1
        while k >= 0 and head - k <= MAX_NAME and self._name_word(doc[k]):
            if fold(doc[k].text) in self.prefixes and k < head - 1:
                return k
            k -= 1
        return None

    def _headed(self, doc: Doc) -> list:
        out = []
        for i, word in enumerate(folded_tokens(doc)):
            if word not in self.bare_after and word not in self.before:
                continue
            if word in self.bare_after:
                start = self._gloss_start(doc, i)
                while start > 0 and i - start < MAX_NAME and self._name_word(doc[start - 1]) \
                        and fold(doc[start - 1].text) not in self.generic \
                        and not self.verb_form(fold(doc[start - 1].text)):
                    start -= 1
                walked = start
                # Everyday words may sit inside a name ("टीबी मुक्त भारत") but do not start one.
                while start < i and fold(doc[start].text) in self.common:
                    start += 1
                if start == i and i - walked >= 2 and self._under(doc, i):
                    start = walked  # "नगर वन योजना के तहत": a scheme things are done under is named
                start = self._official_prefix(doc, i) or start
                if start > 0 and start < i and fold(doc[start - 1].text) in self.prefixes:
                    start -= 1
                if start < i and (i - start >= self.min_words.get(word, 1) or self._rare_name(doc, start, i)):
                    out.append((start, i + 1, self.after[word], None))
            # "मिशन शक्ति" names a programme; "रेस्क्यू ऑपरेशन एसजेपीयू" does not.
            prefix_free = i == 0 or not self._name_word(doc[i - 1])
            if word in self.before and prefix_free and i + 1 < len(doc) and self._unquoted_word(doc[i + 1]):
                end = i + 1
                while end < len(doc) and end - i <= 2 and self._unquoted_word(doc[end]):
                    end += 1
                out.append((i, end, self.before[word], None))
        return out

    def _under(self, doc: Doc, head: int) -> bool:
        """"<head> के तहत/अंतर्गत": the words before the head name the scheme (two or more of
        them, none generic), though each is everyday vocabulary."""
        k = head + 1
        if k < len(doc) and fold(doc[k].text) in self.stop and fold(doc[k].text) not in self.cue_after:
            k += 1  # "के"
        return k < len(doc) and fold(doc[k].text) in self.cue_after and fold(doc[head].text) in self.strong_after

    def _gloss_start(self, doc: Doc, head: int) -> int:
        """Where a bracketed gloss right before the head opens, if a name word precedes it
        ("प्रायोजन (स्पॉन्सरशिप) योजना"); else the head itself."""
        if head < 4 or doc[head - 1].text != ")":
            return head
        for k in range(head - 3, max(0, head - MAX_GLOSS - 2) - 1, -1):
            if doc[k].text == "(":
                inside = doc[k + 1:head - 1]
                if k > 0 and all(is_word(t) for t in inside) and self._unquoted_word(doc[k - 1]):
                    return k
                return head
            if not is_word(doc[k]):
                return head
        return head

    def _observances(self, doc: Doc) -> list:
        """"संपूर्ण समाधान दिवस": a day or week named by two or more words, unquoted, when the name
        recurs in the document or a verb of holding or observing stands beside it. One word
        before it ("इस सप्ताह", "समाधान दिवस") is no name."""
        words = folded_tokens(doc)
        found = []
        for i, word in enumerate(words):
            if word not in self.bare_observed:
                continue
            start = i
            while start > 0 and i - start < MAX_NAME and self._name_word(doc[start - 1]) \
                    and words[start - 1] not in self.generic and words[start - 1] not in self.observed \
                    and not doc[start - 1].like_num and not self.verb_form(words[start - 1]):
                start -= 1
            while start < i and words[start] in self.common:
                start += 1
            if i - start >= 2:
                found.append((start, i + 1))
        out = []
        counts: dict[tuple, int] = {}
        for start, end in found:
            counts[tuple(words[start:end])] = counts.get(tuple(words[start:end]), 0) + 1
        for start, end in found:
            beside = words[max(0, start - 2):start] + words[end:end + 3]
            if counts[tuple(words[start:end])] > 1 or any(w in self.observed for w in beside):
                out.append((start, end, "observance", None))
        return out

    def _listed(self, doc: Doc) -> list:
        """Campaigns listed as "जैसे X – description, Y – description" in a sentence about them."""
        out = []
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            dashes = [t for t in sent if t.text in DASHES]
            if not dashes:  # cheap test first: most sentences hold no dash
                continue
            context = sents[n - 1:n + 1] if n else [sent]  # a list may run over a line break
            if not any(self._mentions_programmes(s) for s in context):
                continue
            for t in dashes:
                # "X – description": a spaced dash; "ई-ऑफिस" is one word
                if t.text in DASHES and t.i > sent.start and is_word(doc[t.i - 1]) and doc[t.i - 1].whitespace_:
                    start = t.i - 1
                    while start > sent.start and t.i - start < 3 and self._name_word(doc[start - 1]):
                        start -= 1
                    if start == sent.start or doc[start - 1].text in self.list_openers or doc[start - 1].is_space:
                        out.append((start, t.i, "campaign", None))
        return out

    def _mentions_programmes(self, sent) -> bool:
        return any(fold(t.text) in self.strong_after
                   or fold(t.text).removesuffix(self.plural_ending) in self.strong_after
                   or fold(t.text)[:-1] in self.strong_after for t in sent)

    def _nasal(self, key: str) -> str:
        """One spelling of the nasal before a consonant ("चैंपियन्स" = "चैंपियंस")."""
        for cluster in self.nasal_clusters:
            key = key.replace(cluster, self.anusvara)
        return key.replace(self.anusvara * 2, self.anusvara)

    def _one_per_programme(self, doc: Doc, found: list) -> list[Span]:
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept, keys, taken = [], set(), set()
        for start, end, kind, canonical in found:
            span = doc[start:end]
            words = [fold(t.text) for t in span if not t.is_punct]
            while len(words) > 1 and words[0] in self.prefixes:  # "प्रधानमंत्री X अभियान" = "X अभियान"
                words = words[1:]
            key = self._nasal("".join(words))
            bare = key
            for head in self.strip_heads:
                bare = bare.removesuffix(head)
            names = {key, bare} | ({canonical} if canonical else set()) | {
                self._nasal(k) for k in _without_gloss(span)}
            if any(k in taken for k in range(start, end)):
                continue
            if names & keys:  # a repeated mention: its words are still that programme's
                taken.update(range(start, end))
                continue
            keys.update(names)
            taken.update(range(start, end))
            span._.programmes = {"name": span.text, "kind": kind, "canonical": canonical}
            kept.append(span)
        return kept


def _without_gloss(span: Span) -> set[str]:
    """"प्रायोजन (स्पॉन्सरशिप) योजना" is also "प्रायोजन योजना" and "स्पॉन्सरशिप योजना"."""
    texts = [t.text for t in span]
    if "(" not in texts or ")" not in texts or texts.index(")") < texts.index("("):
        return set()
    open_i, close_i = texts.index("("), texts.index(")")
    outside = [fold(t) for t in texts[:open_i] + texts[close_i + 1:]]
    inside = [fold(t) for t in texts[open_i + 1:close_i]] + [fold(t) for t in texts[close_i + 1:]]
    return {"".join(outside), "".join(inside)}


def _known_before_head(item: tuple, known: list) -> tuple:
    """"पीएम-कुसुम योजना", "ई-नाम पोर्टल": a known programme and its head word are that programme;
    only exactly so ("आयुष्मान भारत डिजिटल मिशन" is another programme than "आयुष्मान भारत")."""
    return _take_canonical(item, known, lambda ks, ke, s, e: ks == s and ke == e - 1)


def _with_canonical(item: tuple, known: list) -> tuple:
    """"'जल शक्ति अभियान: कैच द रेन - 2025'": a quoted name around a known programme is that programme."""
    return _take_canonical(item, known, lambda ks, ke, s, e: s <= ks and ke <= e)


def _take_canonical(item: tuple, known: list, fits) -> tuple:
    """`item` with the canonical of the first known programme whose span `fits` it."""
    start, end, kind, _ = item
    for k_start, k_end, _, canonical in known:
        if canonical and fits(k_start, k_end, start, end):
            return start, end, kind, canonical
    return item
