"""English officials: a person's name with honorific, post, cadre, body and place.

"Union Minister of Home Affairs Shri Amit Shah", "Dr. X, IAS, Secretary, Department of Y",
"the Chief Minister of Z, X", "X, Minister of State for Y". Writes the same span group and
attributes as hi_officials ("officials", span._.officials with designation_en, the post as the
designations table normalises it), and merges a person's mentions the same way.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..packs import LanguagePack, get_pack
from .en_lexmatch import CasedTable, Chunks, en_words, is_acronym, norm, view
from .en_official_context import _Context
from .names import Name
from .officials import QUOTES, _mention
from .people import one_per_person
from .lexmatch import doc_text
from .stage import PackStage

MAX_NAME = 5
MAX_PORTFOLIO = 8  # "Minister of State for Micro, Small and Medium Enterprises"
MAX_BRACKET = 4  # "(I/C)", "(Independent Charge)"
MAX_TABLE_CELL = 6  # words in a line of a table; a longer line is prose
MAX_LISTED_PART = 4  # words of one comma-listed part of a portfolio
MAX_PORTFOLIO_LIST = 30  # tokens of portfolios listed between a post and its holder's name
PORTFOLIO_LIST_MARKS = {",", "(", ")", "&", "-"}


@Language.factory("en_officials", assigns=["doc.spans", "span._.officials"],
                  requires=["span._.agencies", "span._.programmes"])
def make_en_officials(nlp: Language, name: str):
    return EnOfficials(nlp, get_pack(nlp.lang).view())


class EnOfficials(PackStage):
    """doc.spans["officials"]: one span per person per document (first mention)."""

    def __init__(self, nlp: Language, pack: LanguagePack):
        super().__init__(nlp, pack)
        self.posts = CasedTable(nlp.tokenizer, pack.table_and_manual("designations"))
        self.services = CasedTable(nlp.tokenizer, pack.table_and_manual("services"))
        words = lambda name: {norm(w) for w in pack.words("officials", name)}  # noqa: E731
        self.honorifics = {w.rstrip(".") for w in words("honorifics")}
        self.middle_titles = words("middle_name_titles")
        self.one_word_posts = words("one_word_posts")
        self.suffixes = words("name_suffixes")
        self.modifiers = words("post_modifiers")
        self.chunks = Chunks(pack)
        self.links = words("portfolio_links")
        self.portfolio_joiners = self.links | self.chunks.joiners
        self.portfolio_heads = words("portfolio_heads")
        self.separators = words("name_separators")
        self.before_bare = words("before_bare_name")
        self.articles = words("articles")
        self.name_column = re.compile("|".join(pack.words("officials", "name_columns")), re.IGNORECASE)
        self.not_name = words("not_name") | self.chunks.openers
        self.body_heads = {norm(r["head"]) for r in pack.table("agency_heads")}
        self.surname_heads = {norm(w) for w in pack.words("agencies", "surname_heads")}
        self.conjunctions = frozenset(norm(w) for w in pack.role("conjunction"))

    def __call__(self, doc: Doc) -> Doc:
        ctx = _Context(doc, self)
        mentions: list[dict] = []
        taken: set[int] = set()
        for i in sorted(ctx.honorific_starts):
            if i in taken:
                continue
            name = self._read_name(ctx, i)
            if name:
                mentions.append(self._describe(ctx, name, name.honorific_start))
                taken.update(range(name.honorific_start, name.end))
        for start, end, row in ctx.posts:
            if end in ctx.honorific_starts or end + 1 in ctx.honorific_starts or any(k in taken for k in range(start, end)):
                continue
            name = self._bare_after(ctx, start, end)
            if name and not any(k in taken for k in range(name.start, name.end)):
                mentions.append(self._describe(ctx, name, name.start))
                taken.update(range(name.start, name.end))
        for comma in [k - 1 for k in sorted(ctx.post_at) if k > 1 and ctx.text[k - 1] == ","]:
            name = self._bare_before(ctx, comma)
            if name and not any(k in taken for k in range(name.start, name.end)):
                mentions.append(self._describe(ctx, name, name.start))
                taken.update(range(name.start, name.end))
        for start, end, row in ctx.posts:
            signed = self._signed_above(ctx, start, end, row)
            if signed and not any(k in taken for k in range(signed["name_start"], signed["name_end"])):
                mentions.append(signed)
                taken.update(range(signed["name_start"], signed["name_end"]))
        by_start = {m["name_start"]: m for m in mentions}
        for name, post in self._table_names(ctx):
            mention = by_start.get(name.start)  # "Sh. X" in the column was read already
            if mention is None and not any(k in taken for k in range(name.honorific_start or name.start, name.end)):
                mention = self._describe(ctx, name, name.honorific_start or name.start)
                mentions.append(mention)
            if mention is not None and post and not mention.get("designation"):  # "Name of Member"
                row = self.posts.lookup(post)
                mention.update(designation=post, designation_en=row["english"] if row else None)
        mentions = [m for m in mentions if not self._alias_only(doc, m, ctx.aliases)]
        doc.spans["officials"] = _same_post_variants(one_per_person(doc, mentions, QUOTES))
        return doc

    # --- names ----------------------------------------------------------------------------
    def _honorific_at(self, doc: Doc, i: int) -> int | None:
        """The index after the honorific at token i ("Shri", "Smt .", "Dr."), or None."""
        v = view(doc)
        if not v["cap"][i] or v["words"][i].rstrip(".") not in self.honorifics:
            return None
        if i > 0 and doc[i - 1].like_num:
            return None  # "741 Km Route": a unit after a number, not Kumari
        return i + 2 if i + 1 < len(doc) and v["text"][i + 1] == "." else i + 1

    def _token_ok(self, ctx: "_Context", k: int, inside: bool = False) -> bool:
        text = ctx.text[k]
        word = ctx.words[k]
        # "Smt. Jyoti Kumari Oraon": "Kumari" after a given name is a middle name, not a title
        title = word.rstrip(".") in self.honorifics and not (inside and word in self.middle_titles)
        if k in ctx.blocked or k in ctx.post_tokens or word in self.not_name or title:
            return False
        surname = inside and word in self.surname_heads and not (k + 1 < len(ctx.doc) and ctx.cap[k + 1])
        if (word in self.body_heads and not surname) or self.services.match_at(ctx.doc, k):
            return False  # ("Narayan Swaroop Nigam": a head word that is also a surname ends a name)
        return ctx.cap[k] and (text.replace(".", "").replace("-", "").replace("'", "").isalpha())

    def _read_name(self, ctx: "_Context", i: int) -> Name | None:
        doc, start, honorific = ctx.doc, i, None
        while start < len(doc) and (after := self._honorific_at(doc, start)) is not None:
            honorific = doc[start:after].text  # "H.E. Ms Salome ...": the last title is the person's
            start = after
        end = start
        while end < len(doc) and end - start < MAX_NAME and self._token_ok(ctx, end, inside=end > start):
            end += 1
        while end > start and ctx.words[end - 1] in self.suffixes:
            end -= 1  # "Shri Modi Ji"
        if end == start:
            return None
        self._note_alias(ctx, start, end)
        return Name(start, end, honorific, i)

    def _note_alias(self, ctx: "_Context", start: int, end: int) -> None:
        """"Shri Ramesh Pokhriyal 'Nishank'": a quoted word right after a name is that person too."""
        doc = ctx.doc
        if end + 2 < len(doc) and ctx.text[end] in ("'", "‘", '"', "“") and ctx.text[end + 2] in ("'", "’", '"', "”") \
                and ctx.cap[end + 1]:
            ctx.aliases[ctx.words[end + 1]] = " ".join(ctx.words[start:end])

    def _table_names(self, ctx: "_Context") -> list[tuple[Name, str | None]]:
        """"Name of Member" heading a column: the following lines that are a name and nothing
        else ("D. Kupendra Reddy", "Sh. X"), until prose resumes, are people."""
        doc, text, out = ctx.doc, doc_text(ctx.doc), []
        in_table, post, offset = False, None, 0
        for line in text.split("\n"):
            start, offset = offset, offset + len(line) + 1
            stripped = line.strip()
            if heading := self.name_column.fullmatch(stripped):
                in_table, post = True, _singular(heading.group("post"))
                continue
            if not in_table or not stripped:
                continue
            if len(stripped.split()) > MAX_TABLE_CELL:
                in_table = False  # prose again
                continue
            cell = doc.char_span(start + len(line) - len(line.lstrip()), start + len(line.rstrip()))
            if cell is None:
                continue
            name = self._read_name(ctx, cell.start) if ctx.cap[cell.start] else None
            if name and name.end == cell.end and (name.end - name.start >= 2 or name.honorific):
                out.append((name, post))
        return out

    def _alias_only(self, doc: Doc, mention: dict, aliases: dict) -> bool:
        words = [norm(t.text) for t in doc[mention["name_start"]:mention["name_end"]]]
        return len(words) == 1 and words[0] in aliases

    def _bare_after(self, ctx: "_Context", post_start: int, post_end: int) -> Name | None:
        """"Prime Minister Narendra Modi", "the Chief Minister of Assam, X Y": two to four
        capitalised words right after a post, ending where the capitals end."""
        doc, j = ctx.doc, post_end
        if j < len(doc) and ctx.words[j] in self.separators:
            j += 1
        end = j
        while end < len(doc) and end - j < 4 and self._token_ok(ctx, end, inside=end > j):
            end += 1
        if end + 1 < len(doc) and ctx.words[end] in {"and", "&"} and ctx.cap[end + 1]:
            return None  # ", Animal Husbandry and Dairying": a list of things, not a person
        # "Principal Component Regression": a one-word post is too often a word, unless a body
        # names whose post it is ("Railway Board Chairman X"), or the word is a post and nothing
        # else ("Collector Avinash Mehra has asked ...")
        short = post_end - post_start < 2 and post_start not in ctx.body_ending \
            and ctx.words[post_start] not in self.one_word_posts
        if end - j < 2 or (end < len(doc) and ctx.cap[end]) or short:
            return None
        return Name(j, end, None, None)

    def _bare_before(self, ctx: "_Context", comma: int) -> Name | None:
        """"X Y, Minister of State for Z": two to four capitalised words before ", <post>"."""
        doc, start = ctx.doc, comma
        while start > 0 and comma - start < 4 and self._token_ok(ctx, start - 1):
            start -= 1
        if comma - start < 2 or (start > 0 and ctx.cap[start - 1]):
            return None
        if start > 0 and not view(doc)["start"][start] and ctx.words[start - 1] not in self.before_bare:
            return None  # "... of Chintan Baithak, Vice President ...": a thing's name, not a person's
        return Name(start, comma, None, None)

    def _signed_above(self, ctx: "_Context", start: int, end: int, row: dict) -> dict | None:
        """An order's signature: "(Anil Kumar Tripathi, IAS)" on one line, "District Magistrate,
        Gorakhpur" on the next: the name in brackets, with its cadre, holds the post below it."""
        doc, k = ctx.doc, start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 3 or ctx.text[k] != ")" or not any("\n" in doc[m].text_with_ws for m in range(k, start)):
            return None
        close, service = k, None
        comma = next((m for m in range(k - 1, max(-1, k - 6), -1) if ctx.text[m] == ","), None)
        if comma is not None and (hit := self.services.match_at(doc, comma + 1)) and hit[0] == close:
            service, close = hit[1]["service"], comma
        open_ = close - 1
        while open_ >= 0 and close - open_ <= 5 and self._token_ok(ctx, open_):
            open_ -= 1
        if open_ < 0 or ctx.text[open_] != "(" or close - open_ - 1 < 2:
            return None
        if open_ > 0 and not doc[open_ - 1].text_with_ws.endswith("\n") and not doc[open_ - 1].is_space:
            return None  # the bracket opens its own line
        name = Name(open_ + 1, close, None, None)
        info = self._post_info(ctx, start, end, row)
        if end + 1 < len(doc) and ctx.text[end] == "," and end + 1 in ctx.place_at:
            place = ctx.place_at[end + 1]
            info["designation"] = doc[start:place.end].text
            info.setdefault("jurisdiction", place.text)
        if service:
            info["service"] = service
        return _mention(doc, name, name.start, info, name.end)

    # --- what the text says about a name --------------------------------------------------
    def _describe(self, ctx: "_Context", name: Name, start: int) -> dict:
        """The post before the name (", " and "the" may stand between), else the post, cadre
        and body after it: "X, IAS, Secretary, Department of Y"."""
        doc, info, end = ctx.doc, {}, name.end
        k = start - 1
        if k >= 0 and ctx.words[k] in self.separators:
            k -= 1
        # Between a post and its holder's name may stand, in this order, the post's body and
        # place: "The Chief Electoral Officer, Assam, Shri X", "BDO Bhagwanpur Shri X", "The
        # Chief Secretary, Government of Bihar, Shri X", "The Secretary of the Department of Y,
        # Shri X", "Deputy Commissioner-cum-Chairman, District Disaster Management Authority,
        # Kangra, Shri X".
        place = body = None
        hit = ctx.place_at.get(k) if k >= 1 else None
        if hit is not None and hit.end == k + 1:
            p = hit.start - 1
            p = p - 1 if p >= 0 and ctx.words[p] in self.separators else p
            if p + 1 in ctx.post_ending or p + 1 in ctx.body_ending:
                place, k = hit, p
        elif k == start - 1 and k >= 1 and k in ctx.post_ending and ctx.cap[k] and ctx.text[k].isalpha() \
                and k not in ctx.post_tokens and k not in ctx.blocked:
            place, k = doc[k:k + 1], k - 1  # "BDO Bhagwanpur Shri X": a town the gazetteer lacks
        found = ctx.body_ending.get(k + 1)
        if found is not None and found.start >= 2:
            q = found.start - 1
            if ctx.words[q] in self.separators and q in ctx.post_ending:
                body, k = found, q - 1
            elif ctx.words[q - 1:q + 1] == ["of", "the"] and q - 1 in ctx.post_ending:
                body, k = found, q - 2
        if place is not None and body is None and k + 1 not in ctx.post_ending:
            place = None
            k = start - 1 - (1 if ctx.words[start - 1] in self.separators else 0)
        post = ctx.post_ending.get(k + 1)
        if not post and (closing := ctx.post_ending.get(start + 1)) and closing[0] <= start \
                and ctx.words[start].rstrip(".") in self.honorifics:
            post = closing  # "Chief Justice X", "Justice X": the title closes the post
        if not post and name.honorific and k + 1 < start:
            post = self._post_opening_portfolios(ctx, k)
        if post:
            info.update(self._post_info(ctx, *post))
            start = post[0]
            if place is not None:
                info["designation"] = doc[post[0]:place.end].text
                info.setdefault("jurisdiction", place.text)
            if body is not None:
                info["agency"] = body.text
        j = name.end
        if j + 1 < len(doc) and doc[j].text == "," and (hit := self.services.match_at(doc, j + 1)):
            info["service"] = hit[1]["service"]
            j = end = hit[0]
        if not post and j + 1 < len(doc):
            k = j + 1 if doc[j].text == "," else j
            if k < len(doc) and ctx.words[k] in self.articles:
                k += 1  # "X, the President of Y", "X a Professor of Y"
            if k in ctx.post_at and (k > j or doc[j].text == ","):
                p_start, p_end, row = ctx.post_at[k]
                info.update(self._post_info(ctx, p_start, p_end, row))
                end = p_end
                body = ctx.body_at(p_end + 1) if p_end < len(doc) and doc[p_end].text == "," else None
                if body is not None:
                    info["agency"] = body.text
                    end = body.end
        return _mention(doc, name, start, info, end)

    def _post_opening_portfolios(self, ctx: "_Context", k: int):
        """"Union Minister of State (Independent Charge) Development of North Eastern Region
        (DoNER), MoS PMO, Personnel, ..., Atomic Energy and Space, Dr X": a list of portfolios
        stands between the post and the holder's name; the post that opens the list is his."""
        found, m, v = None, k, view(ctx.doc)
        while m >= 0 and k - m < MAX_PORTFOLIO_LIST and not v["start"][m] and (
                ctx.cap[m] or ctx.text[m] in PORTFOLIO_LIST_MARKS or ctx.words[m] in self.portfolio_joiners):
            if m + 1 in ctx.post_ending:
                found = ctx.post_ending[m + 1]
            m -= 1
        if v["start"][m] and m + 1 in ctx.post_ending:
            found = ctx.post_ending[m + 1]
        return found if found is not None and ctx.text[k + 1] in PORTFOLIO_LIST_MARKS else None

    def _post_info(self, ctx: "_Context", start: int, end: int, row: dict) -> dict:
        info = {"designation": ctx.doc[start:end].text, "designation_en": row["english"]}
        for k in range(start, end):  # "Chief Minister of Assam", "Secretary, Department of Y"
            if k in ctx.place_at and "jurisdiction" not in info:
                info["jurisdiction"] = ctx.place_at[k].text
            body = ctx.body_at(k)
            if body is not None and "agency" not in info and body.start == k:
                info["agency"] = body.text
        return info

    # --- posts ------------------------------------------------------------------------------
    def lower_posts(self, doc: Doc, found: list) -> list[tuple[int, int, dict]]:
        """Newspapers write posts in lower case ("senior superintendent of police (SSP) X",
        "The district collector, X,", "MCG commissioner X"): a lower-case post counts only where
        a capitalised word (the name) follows it, after a bracketed acronym or a comma."""
        words, v = en_words(doc), view(doc)
        cap, text, n = v["cap"], v["text"], len(doc)
        covered = {k for s, e, _ in found for k in range(s, e)}
        out, after = [], 0
        for i, word in enumerate(words):
            if i < after or cap[i] or i in covered or word not in self.posts.table.index:
                continue
            hit = next(((i + len(key), row) for key, row in self.posts.table.index[word]
                        if tuple(words[i:i + len(key)]) == key and not is_acronym(row.get("surface") or "")
                        and not any(cap[k] for k in range(i, i + len(key)))), None)
            if hit is None:
                continue
            j = hit[0]
            if j + 2 < n and text[j] == "(" and text[j + 2] == ")":
                j += 3
            if j < n and text[j] == ",":
                j += 1
            if j < n and cap[j] and not v["start"][j]:
                out.append((i, hit[0], hit[1]))
                after = hit[0]
        return out

    def extend_post(self, doc: Doc, words: list[str], start: int, end: int, chunk_start: int) -> tuple[int, int]:
        """Grow a post over its modifiers and portfolio: "Union Minister for Minority Affairs",
        "Minister of State for Shipping (I/C)", "Union Human Resource Development Minister"."""
        v = view(doc)
        cap, text, n = v["cap"], v["text"], len(doc)
        while start > 0 and words[start - 1] in self.modifiers:
            start -= 1
        if words[end - 1] in self.portfolio_heads:
            k = start
            while k > chunk_start and start - k < MAX_PORTFOLIO and words[k - 1] not in self.honorifics and (
                    cap[k - 1] or (words[k - 1] in {"and", "&"} and k - 1 > chunk_start and cap[k - 2])):
                k -= 1  # "Women and Child Development Minister": "and" between capitalised words
            start = k
            while start > 0 and words[start - 1] in self.modifiers:
                start -= 1
        if end + 1 < n and words[end] in self.links and cap[end + 1]:
            k = end + 1
            while k < n and k - end < MAX_PORTFOLIO and words[k].rstrip(".") not in self.honorifics and (
                    cap[k] or (words[k] in self.portfolio_joiners and k + 1 < n and cap[k + 1])) \
                    and not (len(text[k]) == 1 and text[k].isupper()):
                k += 1  # an initial ("... External Affairs V Muraleedharan") starts the name
            end = self._listed_portfolio(words, text, cap, k)
        if end < n and text[end] == "(":
            close = next((m for m in range(end + 1, min(n, end + MAX_BRACKET + 2)) if text[m] == ")"), None)
            if close is not None:
                end = close + 1  # "(I/C)"
        return start, end


    def _listed_portfolio(self, words: list[str], text: list[str], cap: list[bool], end: int) -> int:
        """"Union Minister of Fisheries, Animal Husbandry and Dairying": a portfolio may list its
        parts with commas, up to an "and" before the last; no title or name inside."""
        k, n = end, len(words)
        while k + 1 < n and text[k] == "," and cap[k + 1] and words[k + 1].rstrip(".") not in self.honorifics:
            m, joined = k + 1, False
            while m < n and m - k - 1 < MAX_LISTED_PART and words[m].rstrip(".") not in self.honorifics and (
                    cap[m] or (words[m] in self.portfolio_joiners and m + 1 < n and cap[m + 1])):
                joined = joined or words[m] in {"and", "&"}
                m += 1
            if m < n and cap[m]:
                return end
            if joined:
                return m
            k = m
        return end


def _singular(word: str | None) -> str | None:
    """"members" -> "Member": the post a column of names holds."""
    if not word:
        return None
    word = word.split()[-1]
    return (word[:-1] if word.endswith("s") else word).capitalize()


def _same_post_variants(spans: list) -> list:
    """"Prof. Nageswara Rao, Vice Chancellor, IGNOU" ... "Prof. Nageshwar Rao, VC, IGNOU": the
    same surname in the same post of the same body is one person spelled two ways."""
    kept, seen = [], set()
    for span in spans:
        data = span._.officials or {}
        key = (norm(data.get("name") or "").split()[-1:], data.get("designation_en"), data.get("agency"))
        key = (tuple(key[0]), key[1], key[2])
        if key[1] and key[2] and key in seen:
            continue
        seen.add(key)
        kept.append(span)
    return kept
