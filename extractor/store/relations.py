"""Relations derived from one stored record, each pointing at the mention that is its evidence.

- holds_designation: official -> agency (the official's `agency` field), value = designation
- run_by: programme -> agency (the programme's own `agency` field, else an agency named in the
  same sentence)
- decided_by / owned_by: decision or action point -> the official or agency its `by` / `owner`
  names (same document first: name, then designation; then any stored alias)
- due_on: action point -> its deadline
- concerns: programme -> decision or action point (same sentence, or the only programme of
  the document); `date` is the statement's date (deadline, a date in its sentence, else the
  document date), which the programme timeline sorts on
- mentioned_in: entity -> document, on the document's date
"""
from __future__ import annotations

from sqlalchemy import Connection, select

from ..kinds import STATEMENT_KINDS
from .rows import document_date, is_full_date, key_of
from .schema import aliases

_ACTOR_KINDS = ("official", "agency")


class RelationBuilder:
    def __init__(self, conn: Connection, record: dict, rows: list[dict]):
        self.conn, self.record, self.rows = conn, record, rows
        self.doc_id, self.doc_date = record["doc_id"], document_date(record)
        self.by_kind: dict[str, list[dict]] = {}
        for row in rows:
            self.by_kind.setdefault(row["kind"], []).append(row)
        self.actors = self._actor_index()

    def _of(self, kind: str) -> list[dict]:
        return self.by_kind.get(kind, [])

    def _rel(self, kind: str, row: dict | None, subject=None, obj=None, value=None, date=None,
             **attrs) -> dict:
        return {"kind": kind, "subject_id": subject, "object_id": obj, "doc_id": self.doc_id,
                "mention_id": row["id"] if row else None, "value": value,
                "value_key": key_of(value) or None, "date": date, "attrs": attrs or None}

    def build(self) -> list[dict]:
        return [*self._mentioned_in(), *self._designations(), *self._run_by(), *self._statements()]

    def _mentioned_in(self) -> list[dict]:
        first: dict[int, dict] = {}
        for row in self.rows:
            if row["entity_id"] is not None:
                first.setdefault(row["entity_id"], row)
        return [self._rel("mentioned_in", row, subject=eid, date=self.doc_date)
                for eid, row in first.items()]

    def _agency_named(self, name) -> int | None:
        key = key_of(name)
        for row in self._of("agencies"):
            item = row["_item"]
            if key and key in (key_of(item.get("name")), key_of(item.get("canonical"))):
                return row["entity_id"]
        return self._lookup(key, ("agency",))

    def _designations(self) -> list[dict]:
        out = []
        for row in self._of("officials"):
            item = row["_item"]
            if row["entity_id"] is None or not (item.get("designation") or item.get("agency")):
                continue
            agency = self._agency_named(item.get("agency")) if item.get("agency") else None
            out.append(self._rel("holds_designation", row, subject=row["entity_id"], obj=agency,
                                 value=item.get("designation"), date=self.doc_date,
                                 service=item.get("service"), jurisdiction=item.get("jurisdiction"),
                                 agency=item.get("agency")))
        return out

    def _run_by(self) -> list[dict]:
        out = []
        for row in self._of("programmes"):
            if row["entity_id"] is None:
                continue
            own = row["_item"].get("agency")
            if own:
                pairs = [(self._agency_named(own), "the programme's agency field")]
            else:
                pairs = [(a["entity_id"], "named in the same sentence") for a in self._of("agencies")
                         if a["sentence"] is not None and a["sentence"] == row["sentence"]]
            out += [self._rel("run_by", row, subject=row["entity_id"], obj=agency,
                              date=self.doc_date, evidence=why) for agency, why in pairs if agency]
        return out

    def _statements(self) -> list[dict]:
        out = []
        programmes = self._of("programmes")
        only = {p["entity_id"] for p in programmes if p["entity_id"]}
        for kind in STATEMENT_KINDS:
            for row in self._of(kind.key):
                date, source = self._statement_date(row)
                actor = row["_item"].get(kind.actor)
                if actor:
                    out.append(self._rel(kind.actor_relation, row, subject=self._actor(actor), value=str(actor),
                                         date=date))
                if row["value"]:  # a statement's value is its deadline
                    out.append(self._rel("due_on", row, value=row["value"], date=row["value"]))
                out += self._concerns(row, programmes, only, date, source)
        return out

    def _concerns(self, row, programmes, only, date, source) -> list[dict]:
        same = {p["entity_id"] for p in programmes
                if p["entity_id"] and p["sentence"] is not None and p["sentence"] == row["sentence"]}
        link = "same sentence" if same else "only programme in the document"
        targets = same or (only if len(only) == 1 else set())
        return [self._rel("concerns", row, subject=pid, date=date, link=link, date_source=source)
                for pid in sorted(targets)]

    def _statement_date(self, row: dict) -> tuple[str | None, str]:
        if row["value"]:
            return row["value"], "deadline"
        dated = [d for d in self._of("dates") if d["sentence"] == row["sentence"] and d["value"]
                 and d["sentence"] is not None]
        dated.sort(key=lambda d: (not is_full_date(d["value"]), d["span_start"] or 0))
        if dated:
            return dated[0]["value"], "date in the same sentence"
        return (self.doc_date, "document date") if self.doc_date else (None, "none")

    def _actor_index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for row in self._of("officials"):  # designations first: names below override them
            key = key_of(row["_item"].get("designation"))
            if key and row["entity_id"]:
                index.setdefault(key, row["entity_id"])
        for kind, fields in (("agencies", ("name", "canonical")), ("officials", ("name",))):
            for row in self._of(kind):
                for f in fields:
                    key = key_of(row["_item"].get(f))
                    if key and row["entity_id"]:
                        index[key] = row["entity_id"]
        return index

    def _actor(self, text) -> int | None:
        key = key_of(text)
        return self.actors.get(key) or self._lookup(key, _ACTOR_KINDS)

    def _lookup(self, key: str, kinds: tuple[str, ...]) -> int | None:
        if not key:
            return None
        query = (select(aliases.c.entity_id).where(aliases.c.alias_key == key, aliases.c.kind.in_(kinds))
                 .order_by(aliases.c.kind.desc()).limit(1))  # official before agency
        return self.conn.execute(query).scalar()

