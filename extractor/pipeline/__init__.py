"""The spaCy pipeline: registered components assembled from models/pipeline.cfg."""
from __future__ import annotations

import importlib
import logging
import pkgutil
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

from ..packs import get_pack
from ..settings import get_settings
from . import extensions  # noqa: F401  (before the stages: they write these attributes)

# Importing a component module registers its factory; every module here is a stage.
for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

log = logging.getLogger(__name__)


def config_path(lang: str = "hi") -> Path:
    return get_pack(lang).path("pipeline.cfg")


def max_document_chars() -> int:
    """The longest text the pipeline takes as one document: whatever the input limit lets
    through (a character is at least one byte), and never less than spaCy's 1,000,000. spaCy's
    own limit guards against the memory its parser and NER would take on one huge Doc; ours
    run long documents in parts (pipeline.parts) and the rule stages are linear in length."""
    return max(1_000_000, get_settings().max_input_bytes)


def build_nlp(lang: str = "hi", exclude: tuple[str, ...] = ()) -> Language:
    """Build a fresh pipeline from the language's config; `exclude` names stages to leave out
    (names the language's pipeline does not have are ignored: "hi_ner" for English)."""
    config = Config().from_disk(config_path(lang))
    names = set(config["nlp"]["pipeline"])
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True,
                                            exclude=[n for n in exclude if n in names])
    nlp.max_length = max_document_chars()
    return nlp


@lru_cache(maxsize=8)
def _shared_nlp(lang: str, exclude: tuple[str, ...]) -> Language:
    return build_nlp(lang, exclude)


def get_nlp(lang: str = "hi", exclude: tuple[str, ...] = ()) -> Language:
    """The shared pipeline of one language for this process (building one costs ~0.5 s);
    `get_nlp()` and `get_nlp("hi", ())` are the same one."""
    return _shared_nlp(lang, tuple(exclude))


get_nlp.cache_clear = _shared_nlp.cache_clear  # a batch worker rebuilds its pipelines with it
