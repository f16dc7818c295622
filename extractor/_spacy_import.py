"""`import spacy` without spaCy's command line.

spacy/__init__.py imports `spacy.cli.info` for `spacy.info`, and with it every spaCy command
and their dependencies (typer, weasel, requests, httpx, ...): a fifth of a second or more at
every start of every extractor command, for code no pipeline uses (upstream: explosion/spaCy
PRs 12962 and 13933). While spaCy is first imported, `spacy.cli` and `spacy.cli.info` are
placeholders; afterwards they are removed again, so `import spacy.cli` (train-ner) loads the
real package, and `spacy.info` loads it when first called."""
from __future__ import annotations

import sys
import types


def _info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy_without_cli() -> None:
    if "spacy" in sys.modules:
        return  # already imported (with its CLI or by us): nothing to gain or undo
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `spacy.cli.info` may be looked up below it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    cli.info = info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and getattr(spacy_module, "cli", None) is cli:
            del spacy_module.cli
