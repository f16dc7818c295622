"""Tables derived from several pack files: the designations with their regional spellings."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .packs import LanguagePack


@lru_cache(maxsize=None)
def designations(pack: LanguagePack) -> tuple[dict, ...]:
    """designations.tsv plus the regional spellings derived from it (designation_variants.tsv):
    a post whose last word is "अधिकारी" is also read with "पदाधिकारी", "अफसर" and "ऑफिसर", and so on."""
    rows = list(pack.table("designations"))
    variants = [(v["word"], v["variant"]) for v in pack.table("designation_variants")]
    seen = {r["surface"] for r in rows}
    for row in list(rows):
        words = row["surface"].split()
        for old, new in variants:
            if words[-1] == old:
                surface = " ".join(words[:-1] + [new])
                if surface not in seen:
                    seen.add(surface)
                    rows.append({**row, "surface": surface})
    compounds = Compounds(pack)
    for row in list(rows):
        for surface in compounds.variants(row["surface"]):
            if surface not in seen:
                seen.add(surface)
                rows.append({**row, "surface": surface})
    return tuple(rows)


class Compounds:
    """A post written as one word or as two: "गृह मंत्री" = "गृहमंत्री", "जिला अधिकारी" =
    "जिलाधिकारी", "उप आयुक्त" = "उपायुक्त" (words/officials.tsv: compound_heads, and the vowel
    joins of compound_sandhi for heads that start with a vowel)."""

    def __init__(self, pack: LanguagePack):
        self.heads = pack.words("officials", "compound_heads")
        # LEFT_END HEAD_START JOIN: a left word ending in LEFT_END ("-": a bare consonant, its
        # inherent vowel) before a head starting with HEAD_START are written LEFT + JOIN + rest.
        self.sandhi = [tuple("" if x == "-" else x for x in rule.split(" "))
                       for rule in pack.words("officials", "compound_sandhi")]
        self.known = pack.wordlist("everyday_words") | pack.wordlist("post_modifiers") \
            | {w for r in pack.table("designations") for w in r["surface"].split()}
        self._tails: list | None = None  # (head, left end, written tail) per way of joining
        self._split_cache: dict[str, list[tuple[str, str]]] = {}

    def join(self, left: str, head: str) -> list[str]:
        if not _vowel_initial(head):
            return [left + head]
        return [left[:len(left) - len(end)] + glue + head[len(start):] for end, start, glue in self.sandhi
                if head.startswith(start) and left.endswith(end) and (end or _bare_consonant(left))]

    def split(self, word: str) -> list[tuple[str, str]]:
        """Every (left, head) the word is written as; asked for every token of every document,
        so the heads' forms are worked out once and each word's answer is kept."""
        found = self._split_cache.get(word)
        if found is None:
            if len(self._split_cache) > _CACHE_WORDS:  # a corpus's vocabulary keeps growing
                self._split_cache.clear()
            found = self._split_cache[word] = self._split(word)
        return found

    def _split(self, word: str) -> list[tuple[str, str]]:
        if self._tails is None:
            self._tails = [(head, None, None) if not _vowel_initial(head) else (head, end, glue + head[len(start):])
                           for head in self.heads
                           for end, start, glue in ([(None, None, None)] if not _vowel_initial(head) else
                                                    [r for r in self.sandhi if head.startswith(r[1])])]
        out = []
        for head, end, tail in self._tails:
            if tail is None:
                if word.endswith(head) and len(word) > len(head) + 1:
                    out.append((word[:-len(head)], head))
            elif word.endswith(tail) and len(word) > len(tail) + 1:
                left = word[:-len(tail)] + end
                if (end or _bare_consonant(left)) and left in self.known:
                    out.append((left, head))
        return out

    def variants(self, surface: str) -> list[str]:
        """The other way of writing the post's last two words ("केंद्रीय गृह मंत्री" ->
        "केंद्रीय गृहमंत्री"; "मुख्यमंत्री" -> "मुख्य मंत्री")."""
        words = surface.split()
        if len(words) >= 2 and words[-1] in self.heads:
            return [" ".join(words[:-2] + [joined]) for joined in self.join(words[-2], words[-1])]
        return [" ".join(words[:-1] + [f"{left} {head}"]) for left, head in self.split(words[-1])]


_CACHE_WORDS = 200_000


def _vowel_initial(word: str) -> bool:
    # An independent vowel letter is a letter (Lo) that no virama or vowel sign can follow in
    # a consonant's place: told apart by Unicode name, which holds "LETTER" + a vowel sound.
    return bool(word) and unicodedata.name(word[0], "").split(" LETTER ")[-1] in _VOWEL_NAMES


def _bare_consonant(word: str) -> bool:
    """Ends in a consonant letter with its inherent vowel (no vowel sign, virama or nasal)."""
    return bool(word) and unicodedata.category(word[-1]) == "Lo" and not _vowel_initial(word[-1])


_VOWEL_NAMES = {"A", "AA", "I", "II", "U", "UU", "E", "AI", "O", "AU", "VOCALIC R"}
