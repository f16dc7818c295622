"""Extension attributes the stages write; registered once, before any stage is imported."""
from spacy.tokens import Doc, Span

from ..kinds import EXTENSIONS

# One Span attribute per span group of a record kind: a plain dict with the item's record/1 fields.
for _name in EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # reference date (YYYY-MM-DD) for relative dates
