"""Officials: a person's name linked to designation, service, jurisdiction and agency."""
from __future__ import annotations

import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import designations
from ..packs import LanguagePack, get_pack
from .stage import PackStage
from .lexmatch import PhraseTable, covered, fold, function_words, is_word
from .names import Name, NameReader
from .official_posts import PostShapes
from .people import one_per_person

HYPHENS = {"-", "–", "—"}
MAX_PORTFOLIO = 6
# "POST (QUALIFIER) NAME": how many tokens a bracketed wing/branch/body may hold, and the marks
# it may contain besides words ("(कानून-व्यवस्था)", "(अपराध/साइबर)", "(प्रशासन, वित्त)").
MAX_QUALIFIER = 8
QUALIFIER_PUNCT = HYPHENS | {"/", "&", ",", "."}
QUOTES = {"'", '"', "‘", "’", "“", "”"}


@Language.factory("hi_officials", assigns=["doc.spans", "span._.officials"],
                  requires=["span._.places", "span._.agencies"])
def make_officials(nlp: Language, name: str):
    return Officials(nlp, get_pack(nlp.lang).view())


class Officials(PackStage):
    """Writes doc.spans["officials"]: one span per person per document (first mention)."""

    def __init__(self, nlp: Language, pack: LanguagePack):
        super().__init__(nlp, pack)
        rows = designations(pack)
        self.designations = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in rows])
        self.services = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in pack.table("services")])
        self.names = NameReader(self.designations, self.services, pack)
        self.shapes = PostShapes(nlp, pack, rows, self.designations, self.names.honorifics)
        self.title_posts = {fold(k): v for k, v in (line.split(" ", 1) for line in pack.words("officials", "title_posts"))}
        self.modifiers = {fold(w) for w in pack.wordlist("post_modifiers")}
        self.connectors = set(pack.role("conjunction"))
        self.list_links = self.connectors | {","}
        self.post_joiners = self.connectors | set(pack.words("officials", "post_joiners"))
        self.post_nouns = set(pack.words("officials", "post_nouns"))
        self.portfolio_heads = set(pack.words("officials", "portfolio_heads"))
        self.portfolio_breaks = set(pack.words("officials", "portfolio_breaks"))
        self.of = set(pack.role("possessive"))
        (behalf,) = pack.words("officials", "behalf_phrase")
        self.behalf = tuple(behalf.split())
        # A one-word name after a post ("हेड कांस्टेबल मगाराम की ...") is read only when one of
        # these follows it: a case marker, a conjunction or punctuation ends the name there.
        self.one_word_ends = self.of | self.connectors | set(pack.words("officials", "one_word_end_marks")) \
            | set(pack.role("sentence_end")) \
            | {word for role in ("ergative", "dative", "ablative") for word in pack.role(role)}
        self.place_endings = pack.words("officials", "place_endings")
        # "प्रधानमंत्री गरीब कल्याण अन्न योजना", "मुख्यमंत्री किसान कल्याण योजना": words after a post
        # that end in a programme head name a scheme, not the post's holder.
        self.former_marks = {fold(w) for w in pack.words("officials", "former_marks")}
        self.post_scopes = {fold(w) for w in pack.words("officials", "post_scopes")}
        self.scheme_heads = {fold(r["head"]) for r in pack.table("programme_heads") if r["position"] == "after"} \
            | {fold(w) for w in pack.words("officials", "scheme_heads")}
        self.stop = {fold(w) for w in function_words(pack)} - self.connectors
        self.clause_words = self.stop - self.of  # "के/की/का" may stand in a "(qualifier)": "(बाल अधिकारों का संरक्षण)"
        # Words that end a portfolio walk: surnames, and name tokens that are not everyday words
        # ("देशमुख", "सुधाकर"; not "राज" of "पंचायती राज मंत्री").
        self.name_words = self.names.surnames | (self.names.known - self.names.everyday)

    def __call__(self, doc: Doc) -> Doc:
        ctx = _Context(doc)
        posts = self.shapes.grow(ctx, list(self.designations.find(doc)),
                                 lambda d, i, in_post: self._portfolio_start(d, i, in_post, ctx.person), self.post_joiners)
        for start, end, _ in posts:  # a name never runs into a post ("... महानिरीक्षक आलोक जैन")
            ctx.blocked[start:end] = [True] * (end - start)
        posts = self._extend_posts(doc, [p for p in posts if not self._surname_not_post(ctx, *p)], ctx.person)
        for start, end, _ in posts:
            ctx.blocked[start:end] = [True] * (end - start)
        ctx.posts = {start: (start, end, row) for start, end, row in posts}
        mentions: list[dict] = []
        for start, end, row in posts:
            mentions += self._after_designation(ctx, start, end, row)
            mentions += self._before_parenthesis(ctx, start, end, row)
        for start, end, row in self.services.find(doc):
            mentions += self._before_service(ctx, start, end, row)
        for start, end, row in self.shapes.plural.find(doc):
            mentions += self._plural_post_list(ctx, start, end, row)
        mentions += self._honorific_persons(ctx, mentions)
        doc.spans["officials"] = one_per_person(doc, mentions, QUOTES)
        return doc

    def _plural_post_list(self, ctx: "_Context", start: int, end: int, row: dict) -> list[dict]:
        """"तीन सलाहकारों - क, ख और ग", "जिलाधिकारियों क, ख": the singular post is each listed name's."""
        doc, j = ctx.doc, end
        while j < len(doc) and doc[j].text in self.shapes.list_openers:
            j += 1
        name = self.names.read_forward(doc, j, ctx.blocked, ctx.person)
        if name is None or (name.honorific_start if name.honorific_start is not None else name.start) != j:
            return []
        info = {"designation": row["surface"], "designation_en": row["english"]}
        return [_mention(doc, name, start, info)] + self._list_after(ctx, name.end, info)

    def _after_designation(self, ctx: "_Context", start: int, end: int, row: dict) -> list[dict]:
        """"पुलिस महानिरीक्षक बिलासपुर रेंज डॉ. संजीव शुक्ला", "एएसपी क, ख, ग"."""
        doc = ctx.doc
        if self._follows_service(doc, start):
            return []  # "X, आईएएस, अतिरिक्त मुख्य सचिव, Y": the post is X's, read with the service
        found = self._name_after(ctx, start, end, row)
        if not found:
            return []
        name, info = found
        shared = {k: v for k, v in info.items() if k != "honorific"}  # a glued honorific is the first name's
        return [_mention(doc, name, start, info)] + self._list_after(ctx, name.end, shared)

    def _name_after(self, ctx: "_Context", start: int, end: int, row: dict) -> tuple[Name, dict] | None:
        """The name the post at start:end is written before, with what stands between them."""
        doc = ctx.doc
        info = {"designation": doc[start:end].text, "designation_en": row["english"]}
        if row.get("glued_honorific"):  # "मंत्रीश्री X": the post and the honorific, unglued
            info["designation"] = info["designation"][:-len(row["glued_honorific"])]
            info["honorific"] = row["glued_honorific"]
        info.update(self._owner_before(ctx, start))
        j = post_end = end
        while j < len(doc):  # jurisdiction, agency or "(qualifier)" between the post and the name
            if ctx.places[j] is not None or ctx.agencies[j] is not None:
                span = ctx.places[j] or ctx.agencies[j]
                if ctx.agencies[j] is None and not ctx.gazetteer[j] and (
                        not self._name_at(ctx, span.end) or self._lone_surname_at(ctx, span)):
                    break  # a model-only place with no name after it is the name ("कलेक्टर <LOC>"),
                    # and so is one right before a lone surname ("मंत्री कमला नेगी")
                info["jurisdiction" if ctx.places[j] is not None else "agency"] = span.text
                j = span.end
            elif doc[j].text == "(" and (close := self._qualifier_end(doc, j)) is not None:
                place, body = ctx.places[j + 1], ctx.agencies[j + 1]
                if place is not None and ctx.gazetteer[j + 1] and place.start == j + 1 and place.end == close:
                    info["jurisdiction"] = place.text  # "उपखंड अधिकारी (<place>)"
                elif body is not None and body.start == j + 1 and body.end == close:
                    info["agency"] = body.text  # "अपर पुलिस महानिदेशक (महिला एवं बाल सुरक्षा संगठन)"
                else:  # a wing, branch or area: "पुलिस अधीक्षक (ग्रामीण)", "सचिव (राजस्व)", "(बीडीओ)"
                    info["designation"] = doc[start:close + 1].text
                if j == post_end:  # the qualifier belongs to the post: a ", <body>," may follow it
                    post_end = close + 1
                j = close + 1
            elif doc[j].text == "," and j == post_end and (body := self._comma_body(ctx, j + 1)):
                key, span = body  # "मुख्य कार्यपालन अधिकारी, जिला पंचायत, <name>", "निदेशक (प्रशासन), <body>, <name>"
                info[key] = span.text
                j = span.end
            elif self._address_at(doc, j):  # "मंत्री महोदय श्री X", "जिलाधिकारी साहब X"
                j += 1
            elif j == post_end and fold(doc[j].text) in self.former_marks:
                j = post_end = j + 1  # "गढ़वा के उपायुक्त रहे मनोज तिर्की": the post held until now
            elif j == post_end and fold(doc[j].text) in self.post_scopes:
                j = post_end = j + 1  # "आईजी रेंज (बरेली) X", "एडीजी जोन X": the charge the post covers
            elif "jurisdiction" not in info and (place_end := ctx.place_at(j)) and self._name_at(ctx, place_end):
                info["jurisdiction"] = doc[j:place_end].text  # a place named elsewhere in the story
                j = place_end  # ("तहसील X ... सीओ X <name>") that the model read into the name
            else:
                break
        if j < len(doc) and doc[j].text == "," and j > end:
            j += 1
        name = self.names.read_forward(doc, j, ctx.blocked, ctx.person)
        if name is not None and name.end - name.start == 1 and not name.honorific \
                and fold(doc[name.start].text) in self.names.everyday and fold(doc[name.start].text) not in self.names.known:
            return None  # "कलेक्टर स्वयं ने ...": a lone everyday word the model calls a person
        if name is not None and (self._scheme_after(doc, name.end) or fold(doc[name.end - 1].text) in self.scheme_heads):
            return None
        if name is None:
            name = self._one_word_name(ctx, j)
        elif "jurisdiction" not in info and self._place_first(ctx, name):
            info["jurisdiction"] = doc[name.start].text  # "सीओ <town> रामसेवक गौतम"
            name = Name(name.start + 1, name.end, None, None)
        return (name, info) if name else None

    def _scheme_after(self, doc: Doc, j: int) -> bool:
        """A programme head right after the name, or after a bracketed acronym ("... आत्मनिर्भर
        निधि (पीएम स्वनिधि) योजना"): the "name" is a scheme's."""
        if j < len(doc) and fold(doc[j].text) in self.scheme_heads:
            return True
        return j < len(doc) and doc[j].text == "(" and (close := self._qualifier_end(doc, j)) is not None \
            and close + 1 < len(doc) and fold(doc[close + 1].text) in self.scheme_heads

    def _address_at(self, doc: Doc, j: int) -> bool:
        """A form of address after a post, unless it starts a name ("साहब सिंह")."""
        return fold(doc[j].text) in self.names.address and not (
            j + 1 < len(doc) and fold(doc[j + 1].text) in self.names.known and not self.names.honorific_at(doc, j + 1))

    def _one_word_name(self, ctx: "_Context", j: int) -> Name | None:
        """"हेड कांस्टेबल मगाराम की ...": a lone word after a post is a name when a postposition,
        conjunction or punctuation follows it and it is no everyday word, place or body."""
        doc = ctx.doc
        if j + 1 >= len(doc) or doc[j + 1].text not in self.one_word_ends \
                or not self.names.token_ok(doc, j, ctx.blocked):
            return None
        text = fold(doc[j].text)
        if not is_word(doc[j]) or len(text) < 3 or text in self.names.everyday or text in self.names.common \
                or not _devanagari(text) or ctx.places[j] is not None or ctx.place_at(j) or ctx.ner_org[j] is not None \
                or j in ctx.ner_loc or text.endswith(self.place_endings) or text in self.names.post_plurals:
            return None
        return Name(j, j + 1, None, None)

    def _place_first(self, ctx: "_Context", name: Name) -> bool:
        """A 3+ word name whose first word is a place of the story or ends like a town
        ("महमूदाबाद रामसेवक गौतम"), and whose rest still holds a known name word."""
        doc = ctx.doc
        words = [k for k in range(name.start, name.end) if doc[k].text != "."]
        if len(words) < 3 or name.honorific:
            return False
        first = fold(doc[name.start].text)
        if first in self.names.known or not is_word(doc[name.start]):
            return False
        rest_known = any(fold(doc[k].text) in self.names.known for k in range(name.start + 1, name.end))
        return rest_known and (ctx.place_at(name.start) == name.start + 1 or ctx.gazetteer[name.start]
                               or first.endswith(self.place_endings))

    def _qualifier_end(self, doc: Doc, j: int) -> int | None:
        """The ")" closing a qualifier opened at j: a few words naming a wing, branch, area or
        body ("(कानून-व्यवस्था)", "(वित्त एवं राजस्व)", "(महिला एवं बाल सुरक्षा संगठन)"), never a
        clause ("(जो ... हैं)") nor a run to a far bracket."""
        for k in range(j + 1, min(len(doc), j + 2 + MAX_QUALIFIER)):
            text = doc[k].text
            if text == ")":
                return k if k > j + 1 else None
            if text in QUALIFIER_PUNCT or _alnum(text) and fold(text) not in self.clause_words:
                continue  # "(आई4सी)", "(2019 बैच)"; a function word makes it a clause
            return None
        return None

    def _surname_not_post(self, ctx: "_Context", start: int, end: int, row: dict) -> bool:
        """A one-word post that is also a surname ("प्रधान") is a post only before a name
        ("प्रधान रामकिशोर यादव", "ग्राम प्रधान ..." is its own entry); elsewhere it ends a name
        ("एएसआई क ख प्रधान और ...") and is released to the name reader."""
        if end - start != 1 or fold(ctx.doc[start].text) not in self.names.surnames:
            return False
        if self._name_after(ctx, start, end, row):
            return False
        ctx.blocked[start] = False
        return True

    def _lone_surname_at(self, ctx: "_Context", span: Span) -> bool:
        """One model-only place word, then one known surname and the name ends: a first name."""
        doc, k = ctx.doc, span.end
        if len(span) != 1 or k >= len(doc) or fold(doc[k].text) not in self.names.surnames:
            return False
        name = self.names.read_forward(doc, k, ctx.blocked, ctx.person)
        return name is not None and name.start == k and name.end == k + 1

    def _name_at(self, ctx: "_Context", j: int) -> bool:
        j += 1 if j < len(ctx.doc) and ctx.doc[j].text == "," else 0
        return self.names.read_forward(ctx.doc, j, ctx.blocked, ctx.person) is not None

    @staticmethod
    def _comma_body(ctx: "_Context", k: int) -> tuple[str, Span] | None:
        """A place or body standing alone between two commas right after a post."""
        if k >= len(ctx.doc):
            return None
        for key, span in (("agency", ctx.agencies[k]), ("jurisdiction", ctx.places[k]), ("agency", ctx.ner_org[k])):
            if span is not None and span.start == k and span.end < len(ctx.doc) and ctx.doc[span.end].text == ",":
                return key, span
        return None

    def _extend_posts(self, doc: Doc, posts: list, person=frozenset()) -> list:
        """Grow each post leftwards: modifiers ("अपर सचिव"), a minister's portfolio, and a post
        joined by "एवं" ("अपर सचिव एवं मिशन निदेशक")."""
        out: list = []
        in_post = {k for start, end, _ in posts for k in range(start, end)}
        for start, end, row in posts:
            while start > 0 and fold(doc[start - 1].text) in self.modifiers:
                start -= 1
            if fold(doc[end - 1].text) in self.portfolio_heads:
                start = self._portfolio_start(doc, start, in_post, person)
            prev = out[-1] if out else None
            if prev and start <= prev[0]:  # the modifier was a post itself: "प्रधान जिला एवं सत्र न्यायाधीश"
                out[-1] = (start, end, row)
            elif prev and self._joined(doc, prev[1], start):
                out[-1] = (prev[0], end, row)
            else:
                out.append((start, end, row))
        return out

    def _joined(self, doc: Doc, gap_start: int, gap_end: int) -> bool:
        """"एवं", "सह", "-सह-", "कम" (and "एवं मिशन") between two posts: one person holds both."""
        if gap_end - gap_start > 3:  # before reading the gap, which may be the whole document
            return False
        words = [doc[k].text for k in range(gap_start, gap_end) if doc[k].text not in HYPHENS]
        return 1 <= len(words) <= 2 and fold(words[0]) in self.post_joiners \
            and all(w in self.post_nouns for w in words[1:])

    def _portfolio_start(self, doc: Doc, start: int, in_post=frozenset(), person=frozenset()) -> int:
        """The portfolio before "मंत्री": words back to a function word, "और"/"तथा", another
        post or a name ("उपमुख्यमंत्री क ख और संसदीय कार्य मंत्री" -> "संसदीय कार्य मंत्री")."""
        k = start
        while k > 0 and start - k < MAX_PORTFOLIO:
            word = doc[k - 1]
            text = fold(word.text)
            if not is_word(word) or text in self.stop or text in self.portfolio_breaks or k - 1 in in_post \
                    or k - 1 in person or text in self.name_words:
                break
            k -= 1
        while k < start and doc[k].text in self.connectors:
            k += 1
        return k

    def _owner_before(self, ctx: "_Context", start: int) -> dict:
        """"असम के पुलिस महानिदेशक", "यूनिसेफ की ओर से ... विशेषज्ञ"."""
        doc, k, n = ctx.doc, start - 1, len(self.behalf)
        if k >= n and tuple(t.text for t in doc[k - n + 1:k + 1]) == self.behalf:
            k -= n
        if k >= 1 and doc[k].text in self.of:
            if ctx.agencies[k - 1] is not None:
                return {"agency": ctx.agencies[k - 1].text}
            if ctx.places[k - 1] is not None:
                return {"jurisdiction": ctx.places[k - 1].text}
        return {}

    def _follows_service(self, doc: Doc, start: int) -> bool:
        if start < 2 or doc[start - 1].text != ",":
            return False
        for k in range(max(0, start - 4), start - 1):
            hit = self.services.match_at(doc, k)
            if hit and hit[0] == start - 1:
                return True
        return False

    def _list_after(self, ctx: "_Context", j: int, info: dict) -> list[dict]:
        """A post written once before a list of names belongs to each name, until a name is
        followed by a post of its own: "<post> क, ख, <post2>, <place>" (ख is post2's)."""
        doc, found = ctx.doc, []
        while j + 1 < len(doc) and doc[j].text in self.list_links:
            name = self.names.read_forward(doc, j + 1, ctx.blocked, ctx.person)
            if not name or name.start != j + 1 + (name.start - (name.honorific_start or name.start)):
                break
            if name.end - name.start == 1 and not name.honorific and fold(doc[name.start].text) not in self.names.known:
                break  # "..., <acronym> के ...": a lone unknown word in a list is not a person on the model's word
            if not self.names.plausible(doc, name, ctx.person) or \
                    (name.end < len(doc) and fold(doc[name.end].text) in self.names.bare_heads):
                break  # "<post> क और मास मीडिया अफसर ख": the front of a post this lexicon lacks
            own = self._post_after_name(ctx, name.end)
            found.append(_mention(doc, name, name.honorific_start or name.start, own or info))
            if own:
                break
            j = name.end
        return found

    def _post_after_name(self, ctx: "_Context", j: int) -> dict | None:
        """", <post>" after a name, when that post is not itself written before a name."""
        doc = ctx.doc
        if j + 1 >= len(doc) or doc[j].text != "," or j + 1 not in ctx.posts:
            return None
        start, end, row = ctx.posts[j + 1]
        if self._name_after(ctx, start, end, row):
            return None  # "क, डीएसपी ख": post-then-name, the list has ended
        info = {"designation": doc[start:end].text, "designation_en": row["english"]}
        k = end + 1 if end < len(doc) and doc[end].text == "," else end
        if k < len(doc) and ctx.places[k] is not None and ctx.gazetteer[k]:
            info["jurisdiction"] = ctx.places[k].text
        else:
            info.update(ctx.agency_after(end))  # "X, सचिव, जैव प्रौद्योगिकी विभाग"
        return info

    def _before_parenthesis(self, ctx: "_Context", start: int, end: int, row: dict) -> list[dict]:
        """"ममता भदानी (विशेष न्यायाधीश, POCSO कोर्ट)"."""
        doc = ctx.doc
        if start < 2 or doc[start - 1].text != "(":
            return []
        name = self.names.read_backward(doc, start - 1, ctx.blocked, ctx.person)
        if not name:
            return []
        info = {"designation": doc[start:end].text, "designation_en": row["english"]}
        close = next((k for k in range(end, min(len(doc), end + 12)) if doc[k].text == ")"), None)
        if close and doc[end].text == "," and close > end + 1:
            info["agency"] = doc[end + 1:close].text
        return [_mention(doc, name, name.honorific_start or name.start, info, close + 1 if close else end)]

    def _before_service(self, ctx: "_Context", start: int, end: int, row: dict) -> list[dict]:
        """"अजय तिवारी, आईएएस, अतिरिक्त मुख्य सचिव, गृह एवं राजनीतिक विभाग"."""
        doc = ctx.doc
        if start < 2 or doc[start - 1].text != ",":
            return []
        name = self.names.read_backward(doc, start - 1, ctx.blocked, ctx.person)
        if name:
            name = self._drop_leading_place(ctx, name)
        if not name:
            return []
        info, last = {"service": row["service"]}, end
        if end + 1 < len(doc) and doc[end].text == ",":
            hit = self.designations.match_at(doc, end + 1)
            if hit:
                info.update(designation=doc[end + 1:hit[0]].text, designation_en=hit[1]["english"])
                last = hit[0]
                info.update(ctx.agency_after(last))
        return [_mention(doc, name, name.honorific_start or name.start, info, last)]

    def _drop_leading_place(self, ctx: "_Context", name: Name) -> Name | None:
        """"एसएसपी <place> राहुल मेहरा, आईपीएस": a name read leftwards stops at a place (of the
        gazetteer or named elsewhere in the story) or a post; what is left must still be a name."""
        doc, k = ctx.doc, name.end
        while k > name.start:
            prev = k - 1
            if doc[prev].text == "." and prev >= 1 and self.names.is_initial(doc, prev - 1):
                k -= 2
                continue
            if ctx.gazetteer[prev] or ctx.place_at(prev) or prev in ctx.posts:
                break
            k -= 1
        if k == name.start or k == name.end:
            return name
        if name.end - k == 1 and fold(doc[k].text) not in self.names.known:
            return None
        return Name(k, name.end, None, None)

    def _honorific_persons(self, ctx: "_Context", mentions: list[dict]) -> list[dict]:
        """"श्री X" that the statistical model also reads as a person: an official without a post."""
        doc, found = ctx.doc, []
        taken = {k for m in mentions for k in range(m["start"], m["end"])}
        for i in range(len(doc)):
            if i in taken or not self.names.honorific_at(doc, i):
                continue
            name = self.names.read_forward(doc, i, ctx.blocked, ctx.person)
            if name and not self._initials_only(doc, name) and (
                    any(k in ctx.person for k in range(name.start, name.end)) or self._initials_and_surname(doc, name)):
                info = self._post_after_name(ctx, name.end) or self._title_post(doc, i, name.honorific)
                found.append(_mention(doc, name, i, info or {}))
        return found

    def _initials_only(self, doc: Doc, name: Name) -> bool:
        """"डॉ. आर के साथ": a letter or initials alone are no name, whoever reads them as a person."""
        return all(t.text == "." or t.text in self.names.letter_names or self.names.is_initial(doc, t.i)
                   for t in doc[name.start:name.end])

    def _initials_and_surname(self, doc: Doc, name: Name) -> bool:
        """"प्रो. एम. एल. एन. राव": after an honorific, initials and a known surname are a name
        on the lexicon's word, whether or not the statistical model reads them as a person."""
        last = name.end - 1
        if last <= name.start or fold(doc[last].text) not in self.names.surnames:
            return False
        k = name.start
        while k < last:
            if not self.names.is_initial(doc, k):
                return False
            k += 2
        return k == last

    def _title_post(self, doc: Doc, i: int, honorific: str | None) -> dict | None:
        """"प्रो. X", "प्रोफेसर डा. X": an academic title before the name is the person's post
        when no other post is written (words/officials.tsv: title_posts)."""
        for text in (honorific, doc[i - 1].text if i > 0 else None):
            english = self.title_posts.get(fold(text)) if text else None
            if english:
                return {"designation": text, "designation_en": english}
        return None


class _Context:
    """What the earlier stages found, indexed by token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.places = covered(doc, ("places", "place_mentions"))  # every mention, not only the first
        # Model-only bodies are judged later (hi_reconcile); a misread one must not hide a name.
        self.agencies = [a if a is not None and (a._.agencies or {}).get("source") != "ner" else None
                         for a in covered(doc, ("agencies",))]
        programmes = covered(doc, ("programmes",))
        self.blocked = [a is not None or p is not None for a, p in zip(self.agencies, programmes)]
        self.person = frozenset(k for s in doc.spans.get("ner", []) if s.label_ == "PER" for k in range(s.start, s.end))
        self.ner_org = [None] * len(doc)  # model-only bodies: bound a name between commas only
        for s in doc.spans.get("ner", []):
            if s.label_ == "ORG":
                self.ner_org[s.start:s.end] = [s] * (s.end - s.start)
        self.ner_loc = frozenset(k for s in doc.spans.get("ner", []) if s.label_ == "LOC" for k in range(s.start, s.end))
        self.gazetteer = _gazetteer_tokens(doc)
        self.posts: dict[int, tuple] = {}
        # Places the story names anywhere, as folded token tuples: a later mention the model
        # read into a person's name is still the place.
        self.place_keys: dict[str, dict[tuple[str, ...], set[int]]] = {}
        for group in ("places", "place_mentions"):
            for span in doc.spans.get(group, []):
                key = tuple(fold(t.text) for t in span)
                if key and all(is_word(t) for t in span):
                    self.place_keys.setdefault(key[0], {}).setdefault(key, set()).add(span.start)

    def place_at(self, j: int) -> int | None:
        """The end of a place written at token j that the story also names at another token
        (a mention the model read as a person's name, or misread there, is not evidence alone)."""
        if j >= len(self.doc):
            return None
        folded = [fold(t.text) for t in self.doc[j:min(len(self.doc), j + 4)]]
        for key, starts in sorted(self.place_keys.get(folded[0], {}).items(), key=lambda kv: -len(kv[0])):
            if tuple(folded[:len(key)]) == key and starts - {j}:
                return j + len(key)
        return None

    def agency_after(self, j: int) -> dict:
        doc = self.doc
        if j < len(doc) and doc[j].text in {",", "("} and j + 1 < len(doc):
            span = self.agencies[j + 1]
            if span is not None and span.start == j + 1:
                return {"agency": span.text}
            if doc[j].text == "(":
                close = next((k for k in range(j + 1, min(len(doc), j + 8)) if doc[k].text == ")"), None)
                if close:
                    return {"agency": doc[j + 1:close].text}
        return {}


def _devanagari(text: str) -> bool:
    return all("\u0900" <= c <= "\u097f" for c in text)


def _alnum(text: str) -> bool:
    """Letters, vowel signs and digits only ("आई4सी", "2019", "बिलासपुर")."""
    return bool(text) and all(unicodedata.category(c)[0] in "LMN" for c in text)


def _mention(doc: Doc, name: Name, start: int, info: dict, end: int | None = None) -> dict:
    return {"start": min(start, name.honorific_start or name.start), "end": max(end or name.end, name.end),
            "name_start": name.start, "name_end": name.end, "honorific": name.honorific, **info}


def _gazetteer_tokens(doc: Doc) -> list[bool]:
    """Per token: inside a mention of a gazetteer place (not one only the model proposed)."""
    out = [False] * len(doc)
    for span in doc.spans.get("places", []):
        data = span._.places or {}
        if data.get("source") != "gazetteer":
            continue
        for start, end in [(span.start_char, span.end_char)] + [tuple(m) for m in data.get("mentions") or ()]:
            mention = doc.char_span(start, end)
            if mention is not None:
                out[mention.start:mention.end] = [True] * len(mention)
    return out
