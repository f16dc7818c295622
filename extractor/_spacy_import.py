"""`import spacy` without spaCy's command line.

spacy/__init__.py imports `spacy.cli.info` for `spacy.info`, and with it every spaCy command
and their dependencies (typer, weasel, requests, httpx, ...): a fifth of a second or more at
every start of every extractor command, for code no pipeline uses (upstream: explosion/spaCy
PRs 12962 and 13933). The first `import spacy` after `install()` runs spacy/__init__ with
placeholders for `spacy.cli` and `spacy.cli.info`, removed again when it is done, so that
`import spacy.cli` (train-ner) loads the real package and `spacy.info` loads it when called.
Nothing happens until something imports spaCy: commands that never do stay free of it."""
from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import types


def _info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _WithoutCli(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        cli = types.ModuleType("spacy.cli")
        cli.__path__ = []  # a package, so that `spacy.cli.info` may be looked up below it
        info = types.ModuleType("spacy.cli.info")
        info.info = _info
        cli.info = info
        sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
        try:
            self.loader.exec_module(module)
        finally:
            for name, placeholder in (("spacy.cli.info", info), ("spacy.cli", cli)):
                if sys.modules.get(name) is placeholder:
                    del sys.modules[name]
            if getattr(module, "cli", None) is cli:
                del module.cli


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "spacy":
            return None
        sys.meta_path.remove(self)  # once: the real spec comes from the other finders
        spec = importlib.util.find_spec("spacy")
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutCli(spec.loader)
        return spec


def install() -> None:
    if "spacy" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
