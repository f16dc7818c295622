"""Language packs: everything a language's stages read, as data in `models/<lang>/`.

A pack is a folder inside the installed package (`extractor.models`, found through
importlib.resources) or under `EXTRACTOR_MODELS`:

    models/hi/pipeline.cfg       the stages and their settings
    models/hi/roles.tsv          function words by grammatical role, read by every stage
    models/hi/lexicons/*.txt     word lists (one entry a line) and line patterns
    models/hi/lexicons/*.tsv     tables with a header row
    models/hi/words/<stage>.tsv  the stage's own small word sets: `set<TAB>entry`, in order
    models/hi/ner/               the trained named-entity model

`available_languages()` lists the packs there are (models/hi/, models/en/, ...).

Components never name a word of their language: they ask their pack (`pack.role("conjunction")`,
`pack.words("officials", "list_links")`) and get the same objects for the same files.
"""
from __future__ import annotations

import csv
import hashlib
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .settings import get_settings


def models_root() -> Path:
    """`EXTRACTOR_MODELS` if set, else the models installed with the package."""
    override = get_settings().models_dir
    return Path(override) if override else Path(str(files("extractor.models")))


def _lines(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _tsv(path: Path) -> tuple[dict, ...]:
    rows = csv.DictReader((l for l in path.read_text(encoding="utf-8").splitlines()
                           if l.strip() and not l.startswith("#")), delimiter="\t")
    return tuple({k: (v or None) for k, v in row.items()} for row in rows)


def _pairs(path: Path, header: str) -> dict[str, tuple[str, ...]]:
    """`key<TAB>entry` rows under a `header` line, grouped by key in file order; read without
    CSV quoting, since entries are quote marks and regexes as often as words."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line == header:
            continue
        key, _, entry = line.partition("\t")
        out.setdefault(key, []).append(entry)
    return {key: tuple(entries) for key, entries in out.items()}


class PackError(FileNotFoundError):
    """A pack or one of its files is missing: say which, and where it was looked for."""


class LanguagePack:
    """The data of one language, read lazily and once per file.

    `view()` gives a stage its own handle on the same cached data; the handle remembers which
    files its stage read (`used`), which is what the stage writes in `to_disk`."""

    def __init__(self, lang: str, root: Path, _cache: dict | None = None):
        self.lang = lang
        self.root = Path(root)
        self._cache: dict[tuple, object] = {} if _cache is None else _cache
        self.used: set[str] = set()

    def __repr__(self) -> str:
        return f"LanguagePack({self.lang!r}, {str(self.root)!r})"

    def view(self) -> "LanguagePack":
        """A handle sharing this pack's cache, with its own record of the files read."""
        return LanguagePack(self.lang, self.root, self._cache)

    def has(self, *parts: str) -> bool:
        """Does the pack have this file? (for data only some languages need)"""
        return self.root.joinpath(*parts).exists()

    def path(self, *parts: str) -> Path:
        path = self.root.joinpath(*parts)
        if not path.exists():
            raise PackError(f"{path}: language pack {self.lang!r} has no {'/'.join(parts)}. "
                            f"Reinstall the package, or point EXTRACTOR_MODELS at a complete models folder.")
        self.used.add("/".join(parts))
        return path

    def _read(self, key: tuple, rel: str, parse):
        """`parse(path)` of the pack file `rel`, once per pack folder."""
        self.used.add(rel)
        if key not in self._cache:
            self._cache[key] = parse(self.path(*rel.split("/")))
        return self._cache[key]

    # --- lexicons ---------------------------------------------------------------------
    def wordlist(self, name: str) -> frozenset[str]:
        """`lexicons/<name>.txt`: one entry per line; `#` starts a comment line."""
        return self._read(("wordlist", name), f"lexicons/{name}.txt", lambda p: frozenset(_lines(p)))

    def table(self, name: str, missing: tuple[dict, ...] | None = None) -> tuple[dict, ...]:
        """`lexicons/<name>.tsv` with a header row; empty cells become None. `missing` (e.g.
        `()`) is returned when the pack has no such table; else that is an error."""
        if missing is not None and not self.has("lexicons", f"{name}.tsv"):
            return missing
        return self._read(("table", name), f"lexicons/{name}.tsv", _tsv)

    def table_and_manual(self, name: str) -> tuple[dict, ...]:
        """`table(name)` followed by the hand-written rows of `lexicons/<name>_manual.tsv`, when the
        pack has one (a generated table keeps its corrections and additions beside it)."""
        return self.table(name) + self.table(f"{name}_manual", missing=())

    def patterns(self, name: str) -> tuple[re.Pattern, ...]:
        """`lexicons/<name>.txt`: one regular expression per line, matched case-insensitively."""
        return self._read(("patterns", name), f"lexicons/{name}.txt",
                          lambda p: tuple(re.compile(x, re.IGNORECASE) for x in _lines(p)))

    # --- roles and a stage's own word sets ------------------------------------------------
    def role(self, name: str) -> tuple[str, ...]:
        """The words of one grammatical role in `roles.tsv` (conjunction, postposition, ...), in order."""
        roles = self._read(("roles",), "roles.tsv", lambda p: _pairs(p, "role\tword"))
        try:
            return roles[name]
        except KeyError:
            raise PackError(f"{self.root / 'roles.tsv'}: no role {name!r} in language pack "
                            f"{self.lang!r}. Add its rows (role<TAB>word).") from None

    def words(self, stage: str, name: str, missing: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """The entries of set `name` in `words/<stage>.tsv`, in file order (order matters for
        regex alternations and longest-first lists). `missing` (e.g. `()`) is returned when the
        pack has no such set or file, for sets only some languages need; else that is an error."""
        if missing is not None and not self.has("words", f"{stage}.tsv"):
            return missing
        sets = self._read(("words", stage), f"words/{stage}.tsv", lambda p: _pairs(p, "set\tentry"))
        try:
            return sets[name]
        except KeyError:
            if missing is not None:
                return missing
            raise PackError(f"{self.root / 'words' / (stage + '.tsv')}: no set {name!r} in "
                            f"language pack {self.lang!r}. Add its rows (set<TAB>entry).") from None

    def pattern(self, stage: str, name: str, flags: int = 0) -> re.Pattern:
        """Set `name` of `words/<stage>.tsv` as one regular expression: its entries are
        alternatives (already regex syntax), joined in order."""
        entries = self.words(stage, name)
        key = ("pattern", stage, name, flags)
        if key not in self._cache:
            self._cache[key] = re.compile("|".join(entries), flags)
        return self._cache[key]

    # --- the whole pack ---------------------------------------------------------------
    def files(self) -> list[Path]:
        """Every data file of the pack, sorted: what `digest()` hashes and `to_disk` copies."""
        return sorted(p for p in self.root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)

    def digest(self) -> str:
        """sha256 over the pack's file names and bytes: a record's models_hash."""
        h = hashlib.sha256()
        for path in self.files():
            h.update(path.relative_to(self.root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
        return h.hexdigest()


@lru_cache(maxsize=None)
def _pack(lang: str, root: Path) -> LanguagePack:
    if not (root / lang).is_dir():
        known = sorted(p.name for p in root.iterdir() if (p / "pipeline.cfg").exists()) if root.is_dir() else []
        raise PackError(f"{root / lang}: no language pack {lang!r} (have: {', '.join(known) or 'none'}). "
                        f"Choose one of those, or point EXTRACTOR_MODELS at a models folder that has it.")
    return LanguagePack(lang, root / lang)


def available_languages(root: Path | None = None) -> tuple[str, ...]:
    """The languages that have a pack (a folder with a pipeline.cfg) under `root`
    (default: models_root()), sorted."""
    root = Path(root) if root else models_root()
    if not root.is_dir():
        return ()
    return tuple(sorted(p.name for p in root.iterdir() if (p / "pipeline.cfg").is_file()))


def get_pack(lang: str = "hi", root: Path | None = None) -> LanguagePack:
    """The pack for `lang` under `root` (default: models_root()), one object per folder."""
    return _pack(lang, Path(root) if root else models_root())


