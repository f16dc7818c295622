"""English programmes: known schemes, "<name> Scheme/Mission/Yojana/Portal/app", "Mission <name>",
quoted names beside a cue, "under <name>", and acronyms in brackets.

Writes the same span groups and attributes as hi_programmes ("programmes", "programme_mentions",
span._.programmes); `canonical` is the English name the Hindi lexicon gives the same programme.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..packs import LanguagePack, get_pack
from .en_lexmatch import CasedTable, Chunks, bracketed_acronym, en_words, norm, view
from .stage import PackStage

QUOTES = {"'": "'", '"': '"', "‘": "’", "“": "”"}
DASHES = {"–", "—", "-"}
POSSESSIVES = {"'s", "’s", "'", "’"}
TITLE_AFTER_DASH = re.compile(r"\s[–—-]\s(?=['‘\"“])")
MAX_QUOTED = 8  # a longer quote is speech or a title, not a name
QUOTE_WINDOW = 3  # how far a cue may stand from a quoted name
MAX_AFTER_UNDER = 5
MAX_HEAD_FIRST = 4  # "Mission Indradhanush", "Operation Samudra Setu"
MAX_LOWER_INSIDE = 3  # lower-case words between a capitalised name and its lower-case head


@Language.factory("en_programmes", assigns=["doc.spans", "span._.programmes"],
                  requires=["token.is_sent_start"])
def make_en_programmes(nlp: Language, name: str):
    return EnProgrammes(nlp, get_pack(nlp.lang).view())


class EnProgrammes(PackStage):
    """doc.spans["programmes"]: one span per programme per document, with its kind."""

    def __init__(self, nlp: Language, pack: LanguagePack):
        super().__init__(nlp, pack)
        self.known = CasedTable(nlp.tokenizer, pack.table_and_manual("programmes"))
        heads = pack.table("programme_heads")
        self.after = {norm(r["head"]): r for r in heads if r["position"] == "after"}
        self.before = {norm(r["head"]): r["kind"] for r in heads if r["position"] == "before"}
        self.chunks = Chunks(pack)
        words = lambda name: {norm(w) for w in pack.words("programmes", name)}  # noqa: E731
        self.head_links = words("head_links")
        self.quote_cues = words("quote_cues")
        self.quote_not = words("quote_not")
        self.under = words("under_words")
        self.list_heads = words("list_heads")
        self.possessors = words("possessors")
        self.list_intros = {tuple(w.split()) for w in words("list_intros")}
        self.not_names = words("not_programme_words")
        self.prefixes = sorted({tuple(w.split()) for w in words("prefixes")}, key=len, reverse=True)
        # A body's head word ("Ministry", "Board") makes a name after "under" a body, not a scheme.
        self.body_heads = {norm(r["head"]) for r in pack.table("agency_heads")}

    def __call__(self, doc: Doc) -> Doc:
        known = [(s, e, row["kind"], row["canonical"]) for s, e, row in self.known.find(doc)]
        known_at = {item[0]: item for item in known}
        found = known + [_with_canonical(item, known_at) for item in self._headed(doc) + self._quoted(doc)]
        found += self._under(doc) + self._listed(doc)
        found = self._with_possessor(doc, found)
        doc.spans["programmes"] = self._one_per_programme(doc, self._with_quoted_title(doc, found))
        return doc

    def _headed(self, doc: Doc) -> list:
        words, out = en_words(doc), []
        chunks = self.chunks.of(doc)
        ends = {end: start for start, end in chunks}
        for start, end in chunks:
            last = words[end - 1]
            if last in self.after and end - start >= 2:
                out.append((start, end, self.after[last]["kind"], None))  # "Jal Jeevan Mission"
            for k in range(start, min(start + 1, end - 1)):  # "Mission Indradhanush", "Scheme for ..."
                if words[k] not in self.before:
                    continue
                tail = k + 1
                if words[tail] in self.head_links:
                    tail += 1
                stop = min(end, tail + MAX_HEAD_FIRST) if tail == k + 1 else end
                if stop > tail and not any(words[m] in self.body_heads for m in range(tail, stop)):
                    out.append((k, stop, self.before[words[k]], None))
                break
        v = view(doc)
        for k, word in enumerate(words):  # "PMGKY package", "Aarogya Setu app": a lower-case head
            row = self.after.get(word)
            if not (row and row["case"] == "any" and not v["cap"][k]):
                continue
            m = k  # "Incredible India Tourist facilitator certification programme"
            while k - m < MAX_LOWER_INSIDE and m > 0 and v["text"][m - 1].isalpha() and v["text"][m - 1].islower() \
                    and words[m - 1] not in self.chunks.openers and words[m - 1] not in self.after:
                m -= 1
            start = ends.get(m)
            if start is None or (m < k and m - start < 2):
                continue
            if not any(words[j] in self.body_heads for j in range(start, m)):
                out.append((start, k + 1, row["kind"], None))
        return out

    def _quoted(self, doc: Doc) -> list:
        v = view(doc)
        words, text, out, closers = v["words"], v["text"], [], set()
        for i, token in enumerate(text):
            close = QUOTES.get(token)
            if not close or i in closers:
                continue
            j = next((k for k in range(i + 1, min(len(doc), i + MAX_QUOTED + 2)) if text[k] == close), None)
            if j is None or j == i + 1:
                continue
            closers.add(j)
            if not v["cap"][i + 1] or any(v["start"][k] or "\n" in text[k] for k in range(i + 2, j)):
                continue
            beside = words[max(0, i - QUOTE_WINDOW):i] + words[j + 1:j + 1 + QUOTE_WINDOW]
            if any(w in self.quote_not for w in beside):
                continue
            last = words[j - 1]
            if last in self.after:
                out.append((i + 1, j, self.after[last]["kind"], None))
            elif any(w in self.quote_cues for w in beside):
                kind = next((self.after[w]["kind"] for w in beside if w in self.after), "programme")
                out.append((i + 1, j, kind, None))
        return out

    def _under(self, doc: Doc) -> list:
        """"under Swadesh Darshan": a capitalised name of two or more words after "under" that
        holds no body's head word, post or title."""
        words, out = en_words(doc), []
        for start, end in self.chunks.of(doc):
            if start == 0 or words[start - 1] not in self.under or not 2 <= end - start <= MAX_AFTER_UNDER:
                continue
            if any(w in self.body_heads or w in self.not_names for w in words[start:end]):
                continue
            out.append((start, end, "programme", None))
        return out

    def _listed(self, doc: Doc) -> list:
        """"11 State schemes, including Swasthya Sathi, Kanyashree and Krishak Bandhu": the
        capitalised names listed after "schemes including / such as / like" are schemes."""
        v = view(doc)
        words, cap, out = v["words"], v["cap"], []
        for i, word in enumerate(words):
            if word not in self.list_heads:
                continue
            k = i + 1 + (i + 1 < len(doc) and words[i + 1] == ",")
            intro = next((n for n in self.list_intros if tuple(words[k:k + len(n)]) == n), None)
            if intro is None:
                continue
            k += len(intro)
            while k < len(doc) and cap[k]:
                end = k
                while end < len(doc) and end - k < MAX_HEAD_FIRST and cap[end] and words[end] not in ("and", "&"):
                    end += 1
                if any(w in self.body_heads or w in self.not_names for w in words[k:end]):
                    break
                out.append((k, end, "scheme", None))
                if end + 1 < len(doc) and words[end] == "," and words[end + 1] in ("and", "&"):
                    end += 1
                if end + 1 < len(doc) and words[end] in (",", "and", "&"):
                    k = end + 1
                else:
                    break
        return out

    def _with_possessor(self, doc: Doc, found: list) -> list:
        """"People's Plan Campaign", "Farmers' Welfare Scheme": a group of people and "'s" (or a
        plural's "'") before a programme's name are part of it ("Modi's ..." is not)."""
        v = view(doc)
        out = []
        for start, end, kind, canonical in found:
            if start >= 2 and v["text"][start - 1] in POSSESSIVES and v["words"][start - 2] in self.possessors:
                start -= 2
            out.append((start, end, kind, canonical))
        return out

    def _with_quoted_title(self, doc: Doc, found: list) -> list:
        """"People's Plan Campaign – 'Sabki Yojana Sabka Vikas'": a quoted name after a dash right
        after a programme is its title, the same programme."""
        text = view(doc)["text"]
        ends = {f[1]: f for f in found}
        merged, out = set(), []
        for item in sorted(found, key=lambda f: f[0]):
            start, end = item[0], item[1]
            if start >= 3 and text[start - 1] in QUOTES and text[start - 2] in DASHES and start - 2 in ends:
                close = QUOTES[text[start - 1]]
                if end < len(doc) and text[end] == close:
                    merged.add(start - 2)
                    ends[start - 2] = (*ends[start - 2][:1], end + 1, *ends[start - 2][2:])
                    continue
            out.append(item)
        return [ends[f[1]] if f[1] in merged else f for f in out]

    def _keys(self, name: str) -> set[str]:
        """A name and the forms of it that name the same programme: without a prefix ("Pradhan
        Mantri X Kendra" = "X Kendra"), its head ("X Scheme" = "X") or a plural ("X Kendras")."""
        titled = TITLE_AFTER_DASH.split(name, maxsplit=1)
        if len(titled) == 2:  # "X Campaign – 'Y'": also X Campaign, and Y
            return self._keys(titled[0]) | self._keys(titled[1].strip(" '\"‘’“”")) | {norm(name)}
        words = [w for w in norm(name).split() if any(c.isalnum() for c in w)]
        forms = {tuple(words)}
        for prefix in self.prefixes:
            if len(words) > len(prefix) and tuple(words[:len(prefix)]) == prefix:
                forms.add(tuple(words[len(prefix):]))
        for form in list(forms):
            if len(form) > 1 and form[-1] in self.after:
                forms.add(form[:-1])
            if len(form[-1]) > 3 and form[-1].endswith("s"):
                forms.add(form[:-1] + (form[-1][:-1],))
        return {" ".join(f) for f in forms if f}

    def _one_per_programme(self, doc: Doc, found: list) -> list[Span]:
        """The first mention of each programme (by canonical or name); the acronym in brackets
        after one, and each later bare use of it, are mentions of it ("programme_mentions")."""
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[Span] = []
        keys: set[str] = set()
        taken: set[int] = set()
        mentions: list[Span] = []
        acronyms: set[str] = set()
        for start, end, kind, canonical in found:
            if any(k in taken for k in range(start, end)):
                continue
            span = doc[start:end]
            taken.update(range(start, end))
            mentions.append(span)
            acronym = bracketed_acronym(doc, end)
            if acronym:
                acronyms.add(norm(acronym[1]))
                taken.add(end + 1)
                hit = self.known.lookup(acronym[1])
                canonical = canonical or (hit["canonical"] if hit else None)
            names = self._keys(span.text) | ({norm(canonical)} if canonical else set())
            if names & keys or norm(span.text) in acronyms and not acronym:
                continue
            keys |= names | ({norm(acronym[1])} if acronym else set())
            span._.programmes = {"name": span.text, "kind": kind, "canonical": canonical}
            kept.append(span)
        words = en_words(doc)
        text = view(doc)["text"]
        mentions += [doc[k:k + 1] for k, w in enumerate(words) if w in acronyms and text[k].isupper()]
        doc.spans["programme_mentions"] = sorted(set(mentions), key=lambda m: (m.start, m.end))
        return kept


def _with_canonical(item: tuple, known_at: dict) -> tuple:
    """"Atmanirbhar Bharat Package": a name around a known programme is that programme (as
    hi_programmes does; here the known ones are looked up by start token, once per token)."""
    start, end, kind, _ = item
    for k in range(start, end):
        hit = known_at.get(k)
        if hit and hit[1] <= end and hit[3]:
            return start, end, kind, hit[3]
    return item
