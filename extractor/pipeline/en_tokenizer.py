"""The English tokenizer's one change: a hyphen glued to the end of a word is split off.

Lists in releases are written "Hisar- Bhiwani- Rohtak-Jhajjar- Rewari"; spaCy's English rules
keep "Bhiwani-" one token, which no gazetteer entry matches. Set in models/en/pipeline.cfg as
[nlp.after_creation]; saved with the tokenizer's rules by nlp.to_disk."""
from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_suffix_regex, registry

# After two letters, so "e-" of "e-visa" and figures like "2020-" keep their own rules.
GLUED_HYPHEN = r"(?<=[A-Za-z]{2})[-–]"


@registry.callbacks("extractor.en_split_glued_hyphens.v1")
def make_split_glued_hyphens():
    def split_glued_hyphens(nlp: Language) -> Language:
        suffixes = (*nlp.Defaults.suffixes, GLUED_HYPHEN)
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        return nlp
    return split_glued_hyphens
