"""Nothing in the repository reaches outside it: no absolute path of a particular machine in a
tracked file (a clone elsewhere has none of them). Data beside the checkout is found relative to
it (`../shared`), or through an argument or environment variable."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Written in pieces so that this file does not match itself.
_HOMES = "|".join(("wo" + "rk", "ro" + "ot", "ho" + "me", "Us" + "ers"))
MACHINE_PATH = re.compile(rf"(?<![\w.~-])/(?:{_HOMES})/")
TEMP_PATH = re.compile(r"(?<![\w.~-])/" + "tmp" + "/")  # tests may name their own temp files
_SKIP_PARTS = {".venv", ".git", "build", "__pycache__"}


def tracked_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
        names = [n for n in out.decode().split("\0") if n]
    except (OSError, subprocess.CalledProcessError):  # an unpacked archive: every file but the venv
        names = [str(p.relative_to(REPO)) for p in REPO.rglob("*")
                 if p.is_file() and not _SKIP_PARTS & set(p.relative_to(REPO).parts)]
    return [REPO / n for n in names if (REPO / n).is_file()]


def _text(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        return None  # a binary file (model weights, images)
    return data.decode("utf-8", errors="replace")


def test_the_file_list_is_the_repository():
    files = {p.relative_to(REPO).as_posix() for p in tracked_files()}
    assert {"README.md", "pyproject.toml", "extractor/cli.py", "tests/test_repo_paths.py"} <= files


def test_no_tracked_file_names_an_absolute_path_of_this_machine():
    found = []
    for path in tracked_files():
        text = _text(path)
        if text is None:
            continue
        rel = path.relative_to(REPO).as_posix()
        for number, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATH.search(line) or (TEMP_PATH.search(line) and not rel.startswith("tests/")):
                found.append(f"{rel}:{number}: {line.strip()[:120]}")
    assert not found, "absolute paths of a machine (use a path relative to the repository, an " \
                      "argument or an environment variable):\n" + "\n".join(found)


@pytest.mark.parametrize("line, bad", [("DATA = Path('/" "work/shared/data')", True),
                                       ("see ~/" "work/x or ./" "work/y or a/" "work/b", False),
                                       ("cd /" "root/.cache", True), ("url = 'http://host/" "home/'", False)])
def test_the_pattern_finds_machine_paths_only(line, bad):
    assert bool(MACHINE_PATH.search(line)) is bad
