"""Which extractor and which models made a record: its `extractor_version` and `models_hash`.

The version is the installed distribution's (importlib.metadata). The models hash is
`LanguagePack.digest()` of the pack the pipeline reads (its config, roles, word sets, lexicons
and NER model folder), so a lexicon fix changes it. A pipeline that leaves out some of the
pack's stages (`extract --no-ner`) gets a hash of its own, so its records never pass for a full
pipeline's. Hashing reads every file of the pack (~25 MB): it is done once per pack folder and
process, and a pipeline's provenance once per pipeline.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from weakref import WeakKeyDictionary

from .packs import LanguagePack, available_languages, get_pack

DISTRIBUTION = "hindi-news-extractor"
KEYS = ("extractor_version", "models_hash")
_digests: dict[Path, str] = {}
_pipelines: WeakKeyDictionary = WeakKeyDictionary()


@lru_cache(maxsize=1)
def extractor_version() -> str:
    return version(DISTRIBUTION)


def pack_hash(pack: LanguagePack | None = None) -> str:
    """`pack.digest()` (default pack: Hindi under models_root()), computed once per pack folder."""
    pack = pack or get_pack()
    if pack.root not in _digests:
        _digests[pack.root] = pack.digest()
    return _digests[pack.root]


def current() -> dict:
    """What the full pipeline of the default pack stamps on its records, without building it."""
    return {"extractor_version": extractor_version(), "models_hash": pack_hash()}


def current_hashes() -> frozenset[str]:
    """The models hashes full pipelines stamp now, one per language pack: a record with
    another one was made by other models."""
    return frozenset(pack_hash(get_pack(lang)) for lang in available_languages())


def _pack_stages(pack: LanguagePack) -> list[str]:
    from thinc.api import Config  # only pipelines need it; the batch driver stays light

    return list(Config().from_disk(pack.path("pipeline.cfg"))["nlp"]["pipeline"])


def of_pipeline(nlp) -> dict:
    """The provenance of the records `nlp` (a spaCy Language) makes.

    Fixed the first time it is asked for, i.e. when the pipeline first extracts, normally right
    after it was built: a later change of EXTRACTOR_MODELS does not relabel a pipeline that was
    built from other models (extractor.pipeline.get_nlp keeps pipelines for the process)."""
    if nlp not in _pipelines:
        pack = get_pack(nlp.lang)
        digest = pack_hash(pack)
        if nlp.pipe_names != _pack_stages(pack):
            digest = hashlib.sha256(f"{digest}\0{','.join(nlp.pipe_names)}".encode()).hexdigest()
        _pipelines[nlp] = {"extractor_version": extractor_version(), "models_hash": digest}
    return _pipelines[nlp]
