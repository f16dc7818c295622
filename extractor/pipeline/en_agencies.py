"""English agencies: known bodies, capitalised names with a body's head word, acronyms in brackets.

Writes the same span groups and attributes as hi_agencies ("agencies", "agency_mentions",
span._.agencies), so the record is built the same way. `canonical` is the English name the
Hindi lexicons give the same body, so both languages resolve to one entity in the store.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..packs import LanguagePack, get_pack
from .agencies import _drop_nested
from .en_lexmatch import CasedTable, Chunks, bracketed_acronym, en_words, norm, tokens_of, view
from .stage import PackStage

PROGRAMME_GROUPS = ("programmes", "programme_mentions")
DOTTED = re.compile(r"^(?:[A-Z]\.){1,5}[A-Z]\.?$")


@Language.factory("en_agencies", assigns=["doc.spans", "span._.agencies"],
                  requires=["token.is_sent_start", "span._.programmes"])
def make_en_agencies(nlp: Language, name: str):
    return EnAgencies(nlp, get_pack(nlp.lang).view())


class EnAgencies(PackStage):
    """doc.spans["agencies"]: one span per body per document, with its canonical name."""

    def __init__(self, nlp: Language, pack: LanguagePack):
        super().__init__(nlp, pack)
        self.known = CasedTable(nlp.tokenizer, pack.table_and_manual("agencies"))
        self.posts = CasedTable(nlp.tokenizer, pack.table_and_manual("designations"))
        heads = pack.table("agency_heads")
        self.heads = {norm(r["head"]): r for r in heads}
        self.head_first = {h for h, r in self.heads.items() if r["first"] == "1"}
        self.chunks = Chunks(pack)
        words = lambda name: {norm(w) for w in pack.words("agencies", name)}  # noqa: E731
        self.links = words("name_joiners") - {"and", "&"}
        self.connectors = {"and", "&"}
        self.law_words = words("law_words")
        self.generic = words("generic_modifiers")
        self.generic_before = words("generic_before")
        self.surname_heads = words("surname_heads")
        # the last words of posts ("secretary", "minister", "collector"): before a name, not a body
        self.post_words = {norm(r["surface"]).split()[-1] for r in pack.table_and_manual("designations")
                           if r.get("surface")}
        self.canonical_drop = words("canonical_drop")
        self.inverted = words("inverted_heads")
        # A person's title ends a name: "..., Kanpur and Dr X" is no part of a body.
        self.titles = {norm(w).rstrip(".") for w in pack.words("officials", "honorifics")}
        self.spellings = dict(w.split(" ", 1) for w in words("canonical_spellings"))
        self.place_governments = frozenset(pack.words("agencies", "place_governments"))
        self.place_government_name = pack.words("agencies", "place_government_name")[0]
        self.place_police = frozenset(pack.words("agencies", "place_police"))
        self.place_police_name = pack.words("agencies", "place_police_name")[0]

    def __call__(self, doc: Doc) -> Doc:
        blocked = tokens_of(doc, PROGRAMME_GROUPS)
        found: list[tuple[int, int, dict]] = []
        posts = {k for s, e, _ in self.posts.find(doc) for k in range(s, e)}
        for start, end, row in self.known.find(doc):
            inside = set(range(start, end))
            if self._defined_otherwise(doc, start, end, row):
                continue
            if not blocked & inside and not inside <= posts:  # "Member of Parliament": a post
                found.append((start, end, {"canonical": row["canonical"], "kind": row["kind"], "source": "lexicon"}))
        found += self._dotted(doc, blocked)
        found += self._lower_ministries(doc, blocked, found)
        found += self._place_governments(doc, blocked)
        bodies = [b for c_start, c_end in self.chunks.of(doc) for start, end in self._split(doc, c_start, c_end)
                  if (b := self._body(doc, start, end, posts)) and not blocked & set(range(b[0], b[1]))]
        body_at = {k: b for b in bodies for k in range(b[0], b[1])}
        found = [self._longer_known(item, body_at) for item in found]
        taken = blocked | {k for s, e, _ in found for k in range(s, e)}
        for body in bodies:
            if not taken & set(range(body[0], body[1])):
                found.append(body)
                taken |= set(range(body[0], body[1]))
        found = _drop_nested(sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))))
        # "in every Gram Panchayat", "each Municipal Corporation": a kind of body, not a named one
        words = en_words(doc)
        found = [f for f in found if not (f[0] > 0 and words[f[0] - 1] in self.generic_before
                                          and doc[f[0] - 1].text.islower())]
        doc.spans["agencies"] = self._one_per_body(doc, found)
        return doc

    @staticmethod
    def _longer_known(item: tuple, body_at: dict) -> tuple:
        """"Ministry of Health & Family Welfare": a lexicon match ("Ministry of Health") inside a
        longer name that the lexicon also knows, written another way, is that longer name."""
        start, end, _ = item
        body = body_at.get(start)
        if body and body[0] <= start and end <= body[1] and (body[0], body[1]) != (start, end) and body[2]["canonical"]:
            return body[0], body[1], {**body[2], "source": "lexicon"}
        return item

    def _defined_otherwise(self, doc: Doc, start: int, end: int, row: dict) -> bool:
        """"Direct Benefit Transfer (DBT)": an acronym in brackets after the words it stands for
        names those words here, not the body the lexicon knows by it (Department of Biotechnology)."""
        text = view(doc)["text"]
        if end - start != 1 or start < 2 or text[start - 1] != "(" or end >= len(doc) or text[end] != ")":
            return False
        acronym = text[start]
        words = [t for t in text[max(0, start - 1 - 2 * len(acronym)):start - 1] if t[:1].isupper()]
        spelled = words[-len(acronym):] if len(words) >= len(acronym) else []
        if "".join(w[0] for w in spelled).upper() != acronym.upper():
            return False
        return norm(" ".join(spelled)) != norm(row["canonical"])

    def _dotted(self, doc: Doc, blocked: set[int]) -> list:
        """"U.G.C", "B.H.U.": a known acronym written with full stops."""
        out = []
        for k, text in enumerate(view(doc)["text"]):
            if "." in text and k not in blocked and DOTTED.match(text):
                row = self.known.lookup(text.replace(".", ""))
                if row:
                    out.append((k, k + 1, {"canonical": row["canonical"], "kind": row["kind"], "source": "lexicon"}))
        return out

    def _lower_ministries(self, doc: Doc, blocked: set[int], found: list) -> list:
        """"the home ministry said": news copy writes a ministry named by its portfolio in lower
        case; a "<portfolio> Ministry" row of the lexicon counts after "the" in any case."""
        v = view(doc)
        words, cap, out = v["words"], v["cap"], []
        taken = blocked | {k for s, e, _ in found for k in range(s, e)}
        for i in range(1, len(doc)):
            if cap[i] or words[i - 1] != "the" or i in taken or words[i] not in self.known.table.index:
                continue
            for key, row in self.known.table.index[words[i]]:
                end = i + len(key)
                if tuple(words[i:end]) == key and key[-1] == "ministry" and row["kind"] == "ministry" \
                        and not any(cap[k] for k in range(i, end)):
                    out.append((i, end, {"canonical": row["canonical"], "kind": "ministry", "source": "lexicon"}))
                    break
        return out

    def _place_governments(self, doc: Doc, blocked: set[int]) -> list:
        """"the Odisha government", "the Karnataka govt": news copy writes a state's or a
        country's government in lower case after the place's name."""
        out, text = [], view(doc)["text"]
        for span in doc.spans.get("place_mentions", []):
            k = span.end
            if k < len(doc) and text[k] in self.place_governments and k not in blocked:
                name = self.place_government_name.format(span.text)
                row = self._canonical(name)
                out.append((span.start, k + 1, {"canonical": row["canonical"] if row else name,
                                                "kind": "government", "source": "pattern"}))
            elif k < len(doc) and text[k] in self.place_police and k not in blocked:
                # "the Raipur police": a city's or a district's police force, in lower case
                name = self.place_police_name.format(span.text)
                row = self._canonical(name)
                out.append((span.start, k + 1, {"canonical": row["canonical"] if row else name,
                                                "kind": "police", "source": "pattern"}))
        return out

    def _is_head(self, doc: Doc, k: int) -> bool:
        v = view(doc)
        return v["words"][k] in self.heads and v["cap"][k]

    def _split(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """"Tribal Affairs Ministry and Minority Affairs Ministry", "Ministry of Home Affairs and
        Ministry of Health": two bodies; "Department of Science and Technology": one."""
        words, parts, cur = en_words(doc), [], start
        if not any(words[k] in self.connectors for k in range(start + 1, end - 1)):
            return [(start, end)]
        heads = [0]  # heads[m - start]: head words in start..m-1, so each test below is O(1)
        for m in range(start, end):
            heads.append(heads[-1] + self._is_head(doc, m))
        for k in range(start + 1, end - 1):
            if words[k] not in self.connectors:
                continue
            left_ends_body = self._is_head(doc, k - 1)
            right_has_head = heads[end - start] > heads[k + 1 - start]
            right_starts_body = words[k + 1] in self.head_first and self._is_head(doc, k + 1)
            left_has_head = heads[k - start] > heads[cur - start]
            if (left_ends_body and right_has_head) or (right_starts_body and left_has_head):
                parts.append((cur, k))
                cur = k + 1
        parts.append((cur, end))
        return parts

    def _body(self, doc: Doc, start: int, end: int, posts: set[int]) -> tuple[int, int, dict] | None:
        """The body a capitalised run names: up to its last head word, with an "of ..." tail."""
        words = en_words(doc)
        heads = [k for k in range(start, end) if self._is_head(doc, k)]
        if not heads:
            return None
        last = heads[-1]
        if self.heads[words[last]]["weak"] != "0" and last - 1 in heads:
            last -= 1  # "... Affairs Ministry Government working": a headline ran two phrases together
        stop = last + 1
        first = self.heads[words[last]]["first"] == "1"
        if first and stop + 1 < end and words[stop] not in self.links and words[stop + 1] in self.links:
            stop += 1  # "Directorate General of Health Services": one word between the head and "of"
        if stop < end and words[stop] in self.links and first:
            stop = end  # "Reserve Bank of India", "Department of Science and Technology"
        elif stop < end and words[stop] not in self.connectors and stop not in posts:
            return None  # "Civil Society Organisations", "... Authority Act": a name of something else
        end = stop if stop < end and stop in posts else end  # "Railway Board Chairman X": the body's post
        if stop < len(doc) and words[stop] in self.law_words:
            return None
        while stop > start and words[stop - 1] in self.links | self.connectors:
            stop -= 1
        if stop == end and self.heads[words[last]]["first"] == "1" and last < stop - 1:
            stop = self._listed_tail(doc, stop)
        start = self._owner_start(doc, start, heads[0], posts)
        if stop - start < 2:
            return None  # a head alone ("the Ministry") is an anaphor
        row = self.heads[words[last]]
        if row["weak"] == "2" and not (last + 1 < stop and words[last + 1] in self.links):
            return None  # "Office" names a body only with what it is of: "Office of the Registrar"
        if row["weak"] == "1":
            modifiers = [w for w in words[start:last] if w not in self.links | self.connectors]
            tail = [w for w in words[last + 1:stop] if w not in self.links | self.connectors]
            if not tail and all(w in self.generic for w in modifiers):
                return None  # "State Government", "Local Administration"
        if words[last] in self.surname_heads and stop == last + 1 and (
                any(w.rstrip(".") in self.titles for w in words[start:last])
                or (start > 0 and (words[start - 1] in self.post_words or words[start - 1].rstrip(".") in self.titles))):
            return None  # "health secretary Narayan Swaroop Nigam": a person whose surname is a head
        name = doc[start:stop].text
        known = self._canonical(name)
        return start, stop, {"canonical": known["canonical"] if known else None,
                             "kind": known["kind"] if known else row["kind"], "source": "pattern"}

    def _listed_tail(self, doc: Doc, stop: int) -> int:
        """"Department of Agriculture, Cooperation and Farmers Welfare": a name's "of" tail may
        list its parts with commas, up to an "and" before the last, none of them a body."""
        v = view(doc)
        words, cap, k, n = v["words"], v["cap"], stop, len(doc)
        places = tokens_of(doc, ("places", "place_mentions"))
        seen_and = False
        while k + 1 < n and v["text"][k] == "," and cap[k + 1] and not seen_and:
            m = k + 1
            while m < n and (cap[m] or (words[m] in self.connectors and m + 1 < n and cap[m + 1])):
                seen_and = seen_and or words[m] in self.connectors
                if (words[m] in self.heads and cap[m]) or words[m].rstrip(".") in self.titles or m in places:
                    return stop  # ", Ministry of ...", ", Kanpur and Dr X": another body, a place, a person
                m += 1
            k = m
        # "..., Kanpur and Dr X, Professor": a list of other things; but a comma before a title
        # or a lower-case word ends the body's name (", Shri X, reviewed", ", said")
        after_comma = k + 1 < n and (words[k + 1].rstrip(".") in self.titles or not cap[k + 1])
        if not seen_and or (k < n and v["text"][k] == "," and not after_comma):
            return stop
        return k

    def _owner_start(self, doc: Doc, start: int, first_head: int, posts: set[int]) -> int:
        """"Vice Chancellors of Aligarh Muslim University", "Professor of Institute of ...": words
        before an "of" that hold no head word and no acronym are a post or a thing, not the body;
        nor is a post the designations table knows ("Secretary MSME ...")."""
        words = en_words(doc)
        for k in range(first_head - 1, start, -1):
            if words[k] in self.links:
                return k + 1
        for k in range(first_head - 1, start - 1, -1):
            if k in posts:
                return k + 1
        return start

    def _canonical(self, name: str) -> dict | None:
        """The lexicon row of a name written another way: "Ministry of Health & Family Welfare",
        "Union Ministry of Power", "Health Ministry", "Govt. of India"."""
        words = [self.spellings.get(w, w) for w in norm(name).split()]
        while words and words[0] in self.canonical_drop:
            words = words[1:]
        candidates = [" ".join(words)]
        if len(words) > 1 and words[-1] in self.inverted:  # "Health Ministry" -> "Ministry of Health"
            candidates.append(" ".join([words[-1], "of", *words[:-1]]))
        for text in candidates:
            row = self.known.lookup(text)
            if row:
                return row
        return None

    def _one_per_body(self, doc: Doc, found: list) -> list[Span]:
        """The first mention of each body; an acronym in brackets after a body ("... Authority
        (NDMA)") names it, and each later bare use of the acronym is a mention of it."""
        kept: list[Span] = []
        by_word: dict[str, list[Span]] = {}  # bodies by their words, for _same_body
        by_key: dict[str, Span] = {}
        aliases: dict[str, Span] = {}
        mentions: list[Span] = []
        i = 0
        found = sorted(found, key=lambda f: f[0])
        # Lexicon bodies anywhere in the document: "Institute of Technology" (a name broken by a
        # line end) before or after "Indian Institute of Technology, Kanpur" is that body.
        for start, end, data in found:
            if data["source"] == "lexicon" and data["canonical"]:
                for word in self._name_words(doc[start:end]):
                    by_word.setdefault(word, []).append(doc[start:end])
        while i < len(found):
            start, end, data = found[i]
            acronym = bracketed_acronym(doc, end)
            if acronym:
                hit = self.known.lookup(acronym[1])
                data = {**data, "acronym": acronym[1],
                        "canonical": data["canonical"] or (hit["canonical"] if hit else None)}
                if i + 1 < len(found) and found[i + 1][0] == end + 1:
                    i += 1  # the acronym, also found by itself, is this body
            i += 1
            span = doc[start:end]
            mentions.append(span)
            if end - start == 1 and norm(span.text) in aliases:
                continue
            key = norm(data["canonical"] or self._plain(span.text))
            if key in by_key or (not data["canonical"] and self._same_body(span, by_word)):
                continue
            span._.agencies = {"name": span.text, "canonical": data["canonical"] or self._plain(span.text),
                               "kind": data["kind"], "source": data["source"], "acronym": data.get("acronym")}
            by_key[key] = span
            if data["source"] != "lexicon":
                for word in self._name_words(span):
                    by_word.setdefault(word, []).append(span)
            if data.get("acronym"):
                aliases[norm(data["acronym"])] = span
            kept.append(span)
        words = en_words(doc)
        text = view(doc)["text"]
        mentions += [doc[k:k + 1] for k, w in enumerate(words) if w in aliases and text[k].isupper()]
        doc.spans["agency_mentions"] = sorted(set(mentions), key=lambda m: (m.start, m.end))
        return kept

    def _same_body(self, span: Span, by_word: dict[str, list[Span]]) -> bool:
        """"Institute of Technology" after "Indian Institute of Technology" (or before it): one
        name's words hold the other's and they have the same head words."""
        words = self._name_words(span)
        heads = words & self.heads.keys()
        if not heads:
            return False
        candidates = {id(o): o for w in words for o in by_word.get(w, ())}  # bodies sharing a word
        for other in candidates.values():
            theirs = self._name_words(other)
            if theirs & self.heads.keys() == heads and (words <= theirs or theirs <= words):
                return True
        return False

    def _name_words(self, span: Span) -> set[str]:
        return set(en_words(span.doc)[span.start:span.end]) - self.links - self.connectors

    def _plain(self, name: str) -> str:
        """A name without a generic first word, as a canonical for a body no lexicon knows."""
        words = name.split()
        while len(words) > 1 and norm(words[0]) in self.canonical_drop:
            words = words[1:]
        return " ".join(words)
