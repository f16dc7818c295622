"""A record's text as HTML with every extracted item highlighted in place.

Items become nested elements: statements (decisions, action points) as sentence bands
(`span.band`), other items as `mark`s inside them, an official's name as a `mark` inside the
official's span. Items with the same span and layer share one element. Where two spans cross,
the inner one is closed and reopened around the boundary, so the HTML stays well nested; every
piece carries `data-items`, the ids of the items it belongs to, so the text of an item is the
concatenation of its pieces. The first piece of each element has the item's anchor id, is
focusable, and describes itself by the item's entry in the record panel.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from extractor.kinds import BY_KEY, KINDS

_LAYER = {"band": 0, "mark": 1, "name": 2}  # outer to inner when spans are equal
_SKIP_FIELDS = {"span", "sentence", "name_span", "mentions"}


@dataclass
class Item:
    kind: str  # the record list, or "name" for an official's name inside its span
    ordinal: int
    start: int
    end: int
    fields: dict
    mention_id: int | None = None
    entity_id: int | None = None

    @property
    def ref(self) -> str:
        """The item's id in the record: `officials-0`, `dates-3` (a name: its official's)."""
        return f"{'officials' if self.kind == 'name' else self.kind}-{self.ordinal}"


@dataclass
class Group:
    start: int
    end: int
    layer: str
    items: list[Item] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        first = self.items[0]
        return f"m{first.mention_id}" if first.mention_id and self.layer != "name" else f"i-{first.ref}-{self.layer}"


def record_items(record: dict, stored: dict[tuple[str, int], dict] | None = None) -> list[Item]:
    """Every item of the record that has a span inside its text, in record order."""
    stored, size, out = stored or {}, len(record.get("text") or ""), []
    for kind in KINDS:
        for n, fields in enumerate(record.get(kind.key) or []):
            span = fields.get("span")
            if not span or not 0 <= span[0] < span[1] <= size:
                continue
            ids = stored.get((kind.key, n), {})
            out.append(Item(kind.key, n, span[0], span[1], fields, ids.get("mention_id"), ids.get("entity_id")))
    return out


def _groups(items: list[Item]) -> list[Group]:
    groups: dict[tuple, Group] = {}
    for item in items:
        layer = "band" if item.kind in ("decisions", "action_points") else "mark"
        groups.setdefault((item.start, item.end, layer), Group(item.start, item.end, layer)).items.append(item)
        name_span = item.fields.get("name_span") if item.kind == "officials" else None
        if name_span and tuple(name_span) != (item.start, item.end) and item.start <= name_span[0] < name_span[1] <= item.end:
            name = Item("name", item.ordinal, name_span[0], name_span[1], {"name": item.fields.get("name")})
            groups.setdefault((*name_span, "name"), Group(*name_span, "name")).items.append(name)
    return sorted(groups.values(), key=lambda g: (g.start, -g.end, _LAYER[g.layer]))


def details(item: Item, skip: tuple[str, ...] = ()) -> list[str]:
    """The item's known fields as "field: value" lines."""
    return [f"{k}: {v}" for k, v in item.fields.items()
            if k not in _SKIP_FIELDS and k not in skip and v not in (None, "", [])]


def tip(item: Item) -> str:
    """The item's kind, then its fields, as lines: the hover/focus label."""
    label = "name" if item.kind == "name" else BY_KEY[item.kind].singular.replace("_", " ")
    return "\n".join([label, *details(item)])


def _open(group: Group, head: bool) -> str:
    tag = "span" if group.layer == "band" else "mark"
    kinds = " ".join(dict.fromkeys(f"k-{i.kind}" for i in group.items))
    refs = " ".join(i.ref + (".name" if i.kind == "name" else "") for i in group.items)
    attrs = f'class="{group.layer} {kinds}{"" if head else " cont"}" data-items="{escape(refs)}"'
    if head:
        tips = "\n\n".join(tip(i) for i in group.items)
        described = " ".join(f"f-{i.ref}" for i in group.items if i.kind != "name")
        attrs += f' id="{group.anchor}" data-tip="{escape(tips)}"'
        attrs += ' tabindex="0"' if group.layer != "name" else ""  # its official is the tab stop
        attrs += f' aria-describedby="{described}"' if described else ""
    return f"<{tag} {attrs}>"


def _close(group: Group) -> str:
    return "</span>" if group.layer == "band" else "</mark>"


def highlight(text: str, items: list[Item]) -> Markup:
    groups = _groups(items)
    cuts = sorted({0, len(text), *(g.start for g in groups), *(g.end for g in groups)})
    out, stack, opened = [], [], set()
    for a, b in zip(cuts, cuts[1:]):
        active = [g for g in groups if g.start <= a and g.end >= b]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        for group in reversed(stack[keep:]):
            out.append(_close(group))
        for group in active[keep:]:
            out.append(_open(group, id(group) not in opened))
            opened.add(id(group))
        stack = active
        out.append(str(escape(text[a:b])))
    out.extend(_close(g) for g in reversed(stack))
    return Markup("".join(out))


def snippet(text: str, words: list[str], around: int = 90) -> list[tuple[str, bool]]:
    """The text around the first of the words found, as (piece, is_match) pairs."""
    folded = text.casefold()
    hits = sorted((at, at + len(w)) for w in {w.casefold() for w in words}
                  for at in _all(folded, w))
    if not hits:
        return [(text[:2 * around] + ("…" if len(text) > 2 * around else ""), False)]
    lo, hi = max(0, hits[0][0] - around), min(len(text), hits[0][1] + around)
    out, at = [("…", False)] if lo else [], lo
    for start, end in hits:
        if start < at or end > hi:
            continue
        out += [(text[at:start], False), (text[start:end], True)]
        at = end
    out.append((text[at:hi] + ("…" if hi < len(text) else ""), False))
    return [(piece, hit) for piece, hit in out if piece]


def _all(text: str, word: str):
    at = text.find(word)
    while word and at >= 0:
        yield at
        at = text.find(word, at + len(word))
