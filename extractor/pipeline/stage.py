"""The base of the rule stages: a stage's data comes from its language pack and is saved with
the pipeline, so `nlp.to_disk(path)` then `spacy.load(path)` rebuilds the same stage from the
files in `path` alone."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from spacy.language import Language

from ..packs import LanguagePack, get_pack

PACK_META = "pack.json"


class PackStage:
    """Keeps what the stage was built from (the pipeline, a view of its pack, its settings), so
    that `from_disk` can build it again from saved pack files."""

    def __init__(self, nlp: Language, pack: LanguagePack | None = None, **config):
        self.nlp = nlp
        self.pack = pack or get_pack(nlp.lang).view()
        self.config = config

    def to_disk(self, path, *, exclude=()) -> None:
        """The pack files this stage read, under their pack paths, and which language they are."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for rel in sorted(self.pack.used):
            target = path / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.pack.root / rel, target)
        meta = {"lang": self.pack.lang, "files": sorted(self.pack.used)}
        (path / PACK_META).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path, *, exclude=()):
        path = Path(path)
        meta = json.loads((path / PACK_META).read_text(encoding="utf-8"))
        type(self).__init__(self, self.nlp, LanguagePack(meta["lang"], path), **self.config)
        return self
