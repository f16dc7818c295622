"""Reading a person's name token by token, forwards or backwards, with its honorific."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..packs import LanguagePack
from .lexmatch import fold, folded_tokens, function_words, is_word, token_texts

MAX_NAME = 5
_INITIALS = re.compile(r"^([\u0900-\u097fA-Za-z]{1,3}0)+$")  # "आर0एस0": UP press writes initials with 0
_DOTTED = re.compile(r"^([\u0900-\u097fA-Za-z]{1,3}\.)+[\u0900-\u097fA-Za-z]{1,3}$")  # "पी.सी" (then ".")


@dataclass
class Name:
    start: int
    end: int
    honorific: str | None
    honorific_start: int | None


class NameReader:
    """Knows which tokens may belong to a name; `blocked` marks tokens other stages own."""

    def __init__(self, designations, services, pack: LanguagePack):
        self.designations, self.services = designations, services
        self.stop = {fold(w) for w in function_words(pack)}
        self.not_name = {fold(w) for w in pack.wordlist("not_name")}
        self.honorifics = {fold(h).rstrip(".") for h in pack.role("honorific")}
        known = pack.wordlist("surnames") | pack.wordlist("name_tokens")
        self.known = {fold(w) for w in known}
        self.surnames = {fold(w) for w in pack.wordlist("surnames")}
        self.common = {fold(w) for w in pack.wordlist("common_words")} - self.known
        # "पदाधिकारियों", "वॉलंटियरों": the plural of a post's head word is never part of a name.
        heads = {key[-1] for options in designations.index.values() for key, _ in options}
        plural = Plurals(pack)
        self.post_plurals = {p for w in heads for p in plural(w)} - self.known
        # Head words of posts that are never a post alone ("अधिकारी", "अफसर", "इंचार्ज"): a name
        # read right before one is the front of a post this lexicon does not know.
        self.bare_heads = heads & self.not_name
        self.everyday = {fold(w) for w in pack.wordlist("everyday_words")}
        self.address = {fold(w) for w in pack.role("address")}
        self.letter_names = frozenset(pack.words("script", "letter_names"))

    def is_initial(self, doc: Doc, i: int) -> bool:
        """"बी." in "जॉन बी. एक्का": one short syllable followed by a full stop."""
        if i + 1 >= len(doc) or doc[i + 1].text != ".":
            return False
        text = doc[i].text
        short = len(text) <= 2 and is_word(doc[i])
        return (short or bool(_DOTTED.match(text))) and fold(text) not in self.honorifics

    def token_ok(self, doc: Doc, i: int, blocked) -> bool:
        token = doc[i]
        text = fold(token.text)
        if blocked[i] or text in self.stop or text in self.honorifics or text in self.not_name \
                or text in self.post_plurals:
            return False
        post = self.designations.match_at(doc, i)
        if post and not (post[0] == i + 1 and text in self.surnames):
            return False  # a one-word post that is also a surname ("प्रधान") is a post only where
        if self.services.match_at(doc, i):  # hi_officials blocks it (before a name)
            return False
        return is_word(token) or bool(_INITIALS.match(token.text))

    def honorific_at(self, doc: Doc, i: int) -> tuple[str, int] | None:
        """(honorific as written, index after it) when token i is an honorific."""
        folded = folded_tokens(doc)
        if i < len(folded) and folded[i].rstrip(".") in self.honorifics:
            texts = token_texts(doc)
            if i + 1 < len(texts) and texts[i + 1] == ".":
                return texts[i] + ".", i + 2
            return texts[i], i + 1
        return None

    def read_forward(self, doc: Doc, i: int, blocked, person=frozenset()) -> Name | None:
        hon = self.honorific_at(doc, i)
        start = hon[1] if hon else i
        j, words = start, 0
        while j < len(doc) and words < MAX_NAME:  # an initial and its full stop are one word
            if self.is_initial(doc, j):
                j += 2
            elif self.token_ok(doc, j, blocked) or self._bare_initial(doc, start, j, blocked):
                j += 1
            else:
                break
            words += 1
        return self._accept(doc, start, j, hon[0] if hon else None, i if hon else None, person)

    def _bare_initial(self, doc: Doc, start: int, j: int, blocked) -> bool:
        """"डॉ. आर के जेनामणि", "एस के शर्मा": initials written without dots may be function words
        ("के", "की"); one is kept when only initials precede it and a name word follows."""
        return 0 < j - start and j + 1 < len(doc) and not blocked[j] and doc[j].text in self.letter_names \
            and all(t.text in self.letter_names for t in doc[start:j]) and self.token_ok(doc, j + 1, blocked)

    def read_backward(self, doc: Doc, end: int, blocked, person=frozenset()) -> Name | None:
        """The name that ends at token `end` (exclusive), e.g. before ", आईएएस" or "(निदेशक".."""
        j = end
        while j > 0 and end - j < MAX_NAME:
            if doc[j - 1].text == "." and j >= 2 and self.is_initial(doc, j - 2):
                j -= 2
            elif self.token_ok(doc, j - 1, blocked):
                j -= 1
            else:
                break
        hon, hon_start = None, None
        if j >= 1:
            back = 2 if j >= 2 and doc[j - 1].text == "." else 1
            found = self.honorific_at(doc, j - back)
            if found and found[1] == j:
                hon, hon_start = found[0], j - back
        return self._accept(doc, j, end, hon, hon_start, person)

    def _accept(self, doc: Doc, start: int, end: int, hon, hon_start, person) -> Name | None:
        # Everyday words at either edge are not part of the name ("जिनमें जॉन बी. एक्का",
        # "रजनेश सिंह प्रभारी"), unless the statistical model reads them as a person.
        # An initial is never trimmed, though it may be a postposition ("डॉ. के. श्रीनिवास").
        while start < end and fold(doc[start].text) in self.common and start not in person \
                and not self.is_initial(doc, start) \
                and not (start + 1 < end and fold(doc[start + 1].text) in self.known):  # "विकास तिवारी"
            start, hon, hon_start = start + 1, None, None
        while end > start and fold(doc[end - 1].text) in self.common and end - 1 not in person \
                and not (doc[end - 1].text == "." and end >= 2 and self.is_initial(doc, end - 2)):
            end -= 1
        while start < end and doc[start].text == ".":  # never a bare full stop at a name's start
            start, hon, hon_start = start + 1, None, None
        while end > start and fold(doc[end - 1].text) in self.address:  # "रमेश यादव जी", "कलेक्टर साहब"
            end -= 1
        while start < end and fold(doc[start].text) in self.address and hon is None:  # "माननीय X"
            start += 1
        end = self._cut_run_on(doc, start, end)
        words = [fold(t.text) for t in doc[start:end] if t.text != "."]
        if not words:
            return None
        known = any(w in self.known for w in words) or any(k in person for k in range(start, end))
        if len(words) == 1 and not (known or hon):
            return None
        return Name(start, end, hon, hon_start)

    def plausible(self, doc: Doc, name: Name, person=frozenset()) -> bool:
        """Every word but the last looks like part of a name: known, an initial, the model's
        person, not an everyday word, or an everyday word before a known one ("विकास तिवारी");
        "मास मीडिया" is not a name."""
        for k in range(name.start, name.end - 1):
            text = fold(doc[k].text)
            if text == "." or text in self.known or k in person or self.is_initial(doc, k) \
                    or bool(_INITIALS.match(doc[k].text)) or fold(doc[k + 1].text) in self.known:
                continue
            if text in self.everyday or text in self.common:
                return False
        return True

    def _cut_run_on(self, doc: Doc, start: int, end: int) -> int:
        """"मनोज राजपूत टीआरपी रागिनी सक्सेना": lists without commas; a long name ends at its surname."""
        if end - start <= 3:
            return end
        for k in range(start + 1, end - 1):  # "जसवंत पाल सिंह ढिल्लों": surnames in a row are one name
            if fold(doc[k].text) in self.surnames and fold(doc[k + 1].text) not in self.surnames:
                return k + 1
        return end


class Plurals:
    """Oblique plurals of a noun by the pack's rules: अधिकारी -> अधिकारियों, निरीक्षक -> निरीक्षकों,
    सेविका -> सेविकाओं (models/<lang>/words/morphology.tsv)."""

    def __init__(self, pack: LanguagePack):
        self.rules = [line.split(" ") for line in pack.words("morphology", "plural_rules")]
        self.default = pack.words("morphology", "plural_default")
        self.none_after = set(pack.words("morphology", "plural_none_after"))

    def __call__(self, word: str) -> tuple[str, ...]:
        for ending, *forms in self.rules:
            if word.endswith(ending):
                return tuple(word[:-len(ending)] + form for form in forms)
        if word[-1:] in self.none_after:
            return ()
        return tuple(word + form for form in self.default)
