"""Posts hi_officials finds besides the lexicon's: read from their shape ("मीडिया प्रभारी"), a
portfolio joined to its head ("शिक्षामंत्री"), glued to the honorific after them ("मंत्रीश्री"),
and in the plural before a list of names ("तीन सलाहकारों - क, ख और ग")."""
from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import Compounds
from ..packs import LanguagePack
from .lexmatch import PhraseTable, fold, token_texts
from .names import Plurals

HYPHENS = {"-", "–", "—"}
MAX_SHAPE_WORDS = 4  # "सांस्कृतिक एवं युवा मामले निदेशक"; longer runs are a clause, not a post


class PostShapes:
    """`grow` adds to the lexicon's posts of a document; `plural` finds plural posts."""

    def __init__(self, nlp, pack: LanguagePack, rows, designations: PhraseTable, honorifics: set[str]):
        self.designations = designations
        # "<X> अधिकारी", "<X> प्रभारी": HEAD ENGLISH (words/officials.tsv).
        self.shape_heads = dict(line.split(" ", 1) for line in pack.words("officials", "shape_heads"))
        plurals = Plurals(pack)
        self.plural = PhraseTable(nlp.tokenizer, [
            (" ".join(r["surface"].split()[:-1] + [form]), r) for r in rows for form in plurals(r["surface"].split()[-1])])
        self.list_openers = set(pack.words("officials", "list_openers"))
        # "मंत्रीश्री": the press drops the space between a one-word post and the honorific.
        self.glued = sorted((h for h in honorifics if len(h) > 1), key=len, reverse=True)
        # "शिक्षामंत्री", "वित्तमंत्री": a portfolio joined to its head word (lexicon.Compounds).
        self.compounds = Compounds(pack)
        self.everyday = {fold(w) for w in self.compounds.known}
        self._shapes: dict[str, tuple] = {}  # word -> (glued, joined, english): the same for every doc

    def glued_at(self, doc: Doc, i: int) -> tuple[str, dict] | None:
        """(honorific, post row) when token i is a one-word post with an honorific glued on."""
        return self._shape(token_texts(doc)[i])[0]

    def joined_at(self, doc: Doc, i: int) -> dict | None:
        """The post row of the head word when token i is "<word><head>" ("शिक्षामंत्री")."""
        return self._shape(token_texts(doc)[i])[1]

    def _shape(self, word: str) -> tuple:
        known = self._shapes.get(word)
        if known is None:
            known = self._shapes[word] = (self._glued(word), self._joined(word), self.shape_heads.get(fold(word)))
        return known

    def _glued(self, word: str) -> tuple[str, dict] | None:
        text = fold(word)
        for honorific in self.glued:
            if text.endswith(honorific) and len(text) > len(honorific):
                hit = self.designations.match_words([text[:-len(honorific)]], 0)
                if hit:
                    return word[len(word) - len(honorific):], hit[1]
        return None

    def _joined(self, word: str) -> dict | None:
        for left, head in self.compounds.split(word):
            hit = self.designations.match_words([fold(head)], 0)
            if hit and fold(left) in self.everyday:
                return hit[1]
        return None

    def grow(self, ctx, posts: list, portfolio_start, joiners: set[str]) -> list:
        """The lexicon's posts with those read from their shape: a head word with the words that
        qualify it before it (up to a function word, a name, a place, a body or another post),
        and a post glued to its honorific."""
        doc = ctx.doc
        single = {start: (start, end, row) for start, end, row in posts if end - start == 1}
        in_post = {k for start, end, _ in posts for k in range(start, end)}
        grown: dict[int, tuple] = {}
        texts = token_texts(doc)
        for i, text in enumerate(texts):
            if ctx.agencies[i] is not None or (i in in_post and i not in single):
                continue  # part of a body's name or of a longer known post
            glued, joined, english = self._shape(text)
            if i in in_post:
                glued = joined = None
            elif glued:
                joined = None
            if english is None and glued is None and joined is None:
                continue
            start = max(portfolio_start(doc, i, in_post - {i}), i - MAX_SHAPE_WORDS)
            while start < i and (fold(doc[start].text) in joiners or doc[start].text in HYPHENS):
                start += 1  # "अध्यक्ष कम सचिव": two posts joined, read by _extend_posts
            if any(ctx.places[k] is not None or ctx.agencies[k] is not None for k in range(start, i)):
                start = i
            if glued:
                honorific, row = glued
                grown[i] = (start, i + 1, {**row, "glued_honorific": honorific})
            elif joined:  # the portfolio is inside the word; only modifiers may precede it
                grown[i] = (i, i + 1, {**joined, "surface": text})
            elif start < i:
                row = single[i][2] if i in single else {"surface": text, "english": english}
                grown[i] = (start, i + 1, row)
        posts = [p for p in posts if p[0] not in grown] + list(grown.values())
        return sorted(posts, key=lambda p: p[0])
