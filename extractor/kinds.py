"""The record kinds, defined once: what each list of record/1 holds and where it comes from.

Everything that handles kinds reads this module: building the record (extractor/record.py),
`--format table` (output.py), the Span attributes the stages write (pipeline/extensions.py),
the store's mentions, entities and relations (store/), its exports and the API. A new kind is
one `Kind` below plus the stage that writes its span group.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


def _join(*parts) -> str:
    return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Kind:
    key: str  # the record's list ("officials"); also the store's mentions.kind
    singular: str  # one item ("official"): the store's entity kind, a statement's kind
    fields: tuple[str, ...]  # every item carries these (null when the text does not say); the
    # first is its surface, the words as written (name or text)
    show: Callable[[dict], str]  # one item as a line of `--format table`
    span_key: str = ""  # the doc.spans group the stage writes (default: key)
    extension: str = ""  # the Span attribute holding an item's fields (default: span_key)
    entity: bool = False  # its items resolve to canonical entities in the store
    entity_attrs: tuple[str, ...] = ()  # item fields an entity keeps when it is created
    statement: bool = False  # read from the "statements" group: spans whose `kinds` name it
    value: str | None = None  # the item field kept in mentions.value (indexed with the kind)
    dated: bool = False  # that value is an ISO date (a statement's value is its deadline)
    role: str = "role"  # the item field kept in mentions.role
    actor: str | None = None  # statements: the field naming who acts ...
    actor_relation: str | None = None  # ... and the relation to the official or agency it names

    def __post_init__(self) -> None:
        object.__setattr__(self, "span_key", self.span_key or self.key)
        object.__setattr__(self, "extension", self.extension or self.span_key)

    @property
    def surface(self) -> str:
        return self.fields[0]


# In record order: records are compared key by key, so this order is part of the contract.
KINDS = (
    Kind("places", "place", ("name",), lambda i: i["name"],
         entity=True, entity_attrs=("state", "district", "country")),
    Kind("dates", "date", ("text", "value", "role"), lambda i: f"{i['text']} = {i['value']} ({i['role']})",
         value="value", dated=True),
    Kind("officials", "official", ("name", "honorific", "designation", "service", "jurisdiction", "agency"),
         lambda i: _join(i["name"], i.get("designation"), i.get("service"), i.get("agency")), entity=True),
    Kind("agencies", "agency", ("name", "canonical"),
         lambda i: i["name"] + (f" = {i['canonical']}" if i.get("canonical") else ""), entity=True),
    Kind("programmes", "programme", ("name", "kind"), lambda i: f"{i['name']} ({i['kind']})",
         entity=True, entity_attrs=("kind",), role="kind"),
    Kind("money", "money", ("text", "amount", "currency", "unit"),
         lambda i: f"{i['text']} = {i['amount']} {i['currency']}" + (f" per {i['per']}" if i.get("per") else ""),
         value="amount"),
    Kind("decisions", "decision", ("text", "by"), lambda i: (f"[{i['by']}] " if i.get("by") else "") + i["text"],
         span_key="statements", statement=True, actor="by", actor_relation="decided_by"),
    Kind("action_points", "action_point", ("text", "owner", "deadline"),
         lambda i: (f"[{i['owner']}] " if i.get("owner") else "") + i["text"]
         + (f" (by {i['deadline']})" if i.get("deadline") else ""),
         span_key="statements", statement=True, value="deadline", dated=True, actor="owner",
         actor_relation="owned_by"),
)
BY_KEY = {k.key: k for k in KINDS}
STATEMENT_KINDS = tuple(k for k in KINDS if k.statement)
# Record list -> the store's entity kind ("officials" -> "official"); the other lists are mentions only.
ENTITY_KINDS = {k.key: k.singular for k in KINDS if k.entity}
# One Span attribute per span group, in record order.
EXTENSIONS = tuple(dict.fromkeys(k.extension for k in KINDS))
