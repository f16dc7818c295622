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


def build_nlp(exclude: tuple[str, ...] = ()) -> Language:
    """Build a fresh pipeline from the config; `exclude` names stages to leave out."""
    config = Config().from_disk(config_path())
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True, exclude=list(exclude))
    nlp.max_length = max_document_chars()
    return nlp


@lru_cache(maxsize=4)
def get_nlp(exclude: tuple[str, ...] = ()) -> Language:
    """The shared pipeline for this process (building one costs ~0.5 s)."""
    return build_nlp(exclude)
