"""Entity resolution: map each official/agency/programme/place mention to one canonical entity.

A mention's candidate keys are, in order, the key of the record's `canonical` field (when the
extractor gave one), the key of its name (see keys.py) and, for agencies and programmes, the
bilingual keys of the canonical and the name (bilingual.py: "Department of Rural Development" =
"ग्रामीण विकास विभाग", where the names are translations of each other); a mention without a
canonical also brings the keys of the lexicon canonical whose spelling shares its key
(lexicon.py), after its own name key. The first key that is already an
alias of an entity of that kind wins; otherwise a new entity is created under the first key.
Every key a mention brings becomes an alias of its entity, so a spelling seen once with a
canonical form ("यूनिसेफ" = "UNICEF") resolves later even without it. Each resolution is
written to merge_evidence with the rule that applied.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from ..kinds import BY_KEY, ENTITY_KINDS
from .bilingual import country_key, translated_key
from .lexicon import lexicon_canonical
from .dialect import insert_ignore
from .rows import key_of
from .schema import aliases, entities


@dataclass
class Resolution:
    entity_id: int
    rule: str  # new | canonical | key | translated | lexicon
    matched_key: str
    detail: str


# Bodies and schemes are translated between Hindi and English; people and places are transliterated.
_TRANSLATED = ("agencies", "programmes")
_WHY = {"canonical": "the record's canonical form",
        "key": "the same name key (honorifics, nukta, nasal marks, vowel length and script folded)",
        "translated": "the same bilingual key (head and subject words translated, Hindi word order)",
        "lexicon": "the canonical of the lexicon spelling with the same key"}


@dataclass
class _Known:
    entity_id: int
    name: str


@dataclass
class Resolver:
    """Resolves the mentions of one document inside its ingest transaction."""

    conn: Connection
    known: dict[tuple[str, str], _Known] = field(default_factory=dict)

    def resolve(self, rows: list[dict]) -> list[dict]:
        """Set `entity_id` on entity mentions; return merge_evidence rows (mention ids filled later)."""
        wanted = [(r, self._candidate_keys(r)) for r in rows if r["kind"] in ENTITY_KINDS]
        self._load({(ENTITY_KINDS[r["kind"]], k) for r, keys in wanted for k, _ in keys})
        evidence = []
        # Entities and aliases are created in (kind, key) order, the same in every transaction,
        # so concurrent ingests on PostgreSQL take their row locks in one order (no deadlock).
        for row, keys in sorted(wanted, key=lambda w: (w[0]["kind"], w[1][0][0] if w[1] else "")):
            if not keys:
                continue  # nothing name-like (punctuation only): kept as a mention, no entity
            res = self._resolve_one(ENTITY_KINDS[row["kind"]], row, keys)
            row["entity_id"] = res.entity_id
            evidence.append({"entity_id": res.entity_id, "doc_id": row["doc_id"], "_row": row,
                             "surface": row["surface"] or "", "matched_key": res.matched_key,
                             "rule": res.rule, "detail": res.detail})
        return evidence

    @staticmethod
    def _candidate_keys(row: dict) -> list[tuple[str, str]]:
        item = row["_item"]
        keys = [(key_of(item.get("canonical")), "canonical"), (key_of(item.get("name")), "key")]
        if row["kind"] in _TRANSLATED:
            # No canonical from the extractor: the lexicon's, by key ("चैंम्पियन्स पोर्टल" = "चैंपियन्स पोर्टल").
            known = None if item.get("canonical") else lexicon_canonical(row["kind"], item.get("name"))
            if known:
                keys += [(key_of(known), "lexicon"), (translated_key(known), "lexicon")]
            keys += [(translated_key(item.get(f) if isinstance(item.get(f), str) else None), "translated")
                     for f in ("canonical", "name")]
        elif row["kind"] == "places":  # a country is named by translation: "India" = "भारत"
            keys += [(country_key(item.get(f) if isinstance(item.get(f), str) else None), "translated")
                     for f in ("canonical", "name")]
        seen, out = set(), []
        for key, rule in keys:
            if key and key not in seen:
                seen.add(key)
                out.append((key, rule))
        return out

    def _load(self, pairs: set[tuple[str, str]]) -> None:
        if not pairs:
            return
        query = (select(aliases.c.kind, aliases.c.alias_key, entities.c.id, entities.c.name)
                 .join(entities, entities.c.id == aliases.c.entity_id)
                 .where(aliases.c.alias_key.in_(sorted({k for _, k in pairs}))))
        for kind, key, entity_id, name in self.conn.execute(query):
            if (kind, key) in pairs:
                self.known[(kind, key)] = _Known(entity_id, name)

    def _resolve_one(self, kind: str, row: dict, keys: list[tuple[str, str]]) -> Resolution:
        surface = row["surface"] or ""
        for key, rule in keys:
            hit = self.known.get((kind, key))
            if hit:
                self._add_aliases(kind, keys, hit.entity_id, hit.name)
                return Resolution(hit.entity_id, rule, key,
                                  f"{surface!r} joined {hit.name!r} by {_WHY[rule]}: {key!r}"
                                  + self._also(kind, keys, hit.entity_id))
        key, rule = keys[0]
        display = (row["_item"].get("canonical") if rule == "canonical" else None) or surface
        entity_id = self._create(kind, key, str(display), row)
        self._add_aliases(kind, keys, entity_id, str(display))
        return Resolution(entity_id, "new", key, f"first seen as {surface!r}; key {key!r}")

    def _also(self, kind: str, keys, entity_id: int) -> str:
        """The other entities this mention's keys name: a bridge between two entities that
        another ingest order would have made one, left for an audit (nothing is merged)."""
        others = sorted({(o.entity_id, o.name, k) for k, _ in keys
                         if (o := self.known.get((kind, k))) and o.entity_id != entity_id})
        return "".join(f"; its key {k!r} belongs to entity {i} {n!r}" for i, n, k in others)

    def _create(self, kind: str, key: str, name: str, row: dict) -> int:
        attrs = {a: row["_item"][a] for a in BY_KEY[row["kind"]].entity_attrs if row["_item"].get(a)}
        self.conn.execute(insert_ignore(self.conn, entities, ["kind", "key"]),
                          {"kind": kind, "key": key, "name": name, "attrs": attrs or None})
        # Select rather than RETURNING: a concurrent ingest may have created it first.
        return self.conn.execute(select(entities.c.id).where(entities.c.kind == kind,
                                                             entities.c.key == key)).scalar_one()

    def _add_aliases(self, kind: str, keys, entity_id: int, name: str) -> None:
        new = [k for k, _ in keys if (kind, k) not in self.known]
        if not new:
            return
        # A key owned by another entity stays with it; the two are not merged silently.
        self.conn.execute(insert_ignore(self.conn, aliases, ["kind", "alias_key"]),
                          [{"entity_id": entity_id, "kind": kind, "alias_key": k} for k in sorted(new)])
        for k in new:
            self.known[(kind, k)] = _Known(entity_id, name)
