"""Write the records of every evaluation and sample document to one JSONL file, for proving
that a refactor changes no output: run it before and after, then `--compare A B`.

Provenance fields (`extractor_version`, `models_hash`) are left out of the comparison, since
they are meant to change; `--ignore KEY` leaves out a field a change adds on purpose."""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "eval"
VOLATILE = {"extractor_version", "models_hash", "provenance"}


def _rel(path: Path) -> Path:
    """Paths relative to the checkout, so records name the same source in any worktree."""
    return Path(os.path.relpath(path, REPO))


def inputs():
    """(name, text-or-path, metadata) for dev, dev-pr (with their published dates), corpus, test pages."""
    for path in sorted((SHARED / "dev").glob("*.txt")):
        yield f"dev/{path.name}", path, {}
    sources = SHARED / "dev-pr" / "SOURCES.tsv"
    dates = {r["filename"]: r["pub_date"] for r in csv.DictReader(sources.open(encoding="utf-8"), delimiter="\t")}
    for path in sorted((SHARED / "dev-pr" / "texts").glob("*.txt")):
        yield f"dev-pr/{path.name}", path, {"published": dates.get(path.name)}
    for path in sorted((SHARED / "dev-pr" / "texts_en").glob("*.txt")):
        yield f"dev-pr-en/{path.name}", path, {"published": dates.get(path.name)}
    for path in sorted((REPO / "corpus").rglob("*.txt")):
        if path.is_relative_to(REPO / "corpus" / "eval-en"):
            continue  # the same texts as dev-pr-en above, so the snapshot stays comparable with main's
        yield f"corpus/{path.relative_to(REPO / 'corpus')}", path, {}
    for path in sorted((REPO / "tests" / "pages").glob("*.htm*")):
        yield f"pages/{path.name}", path, {}


def snapshot(out: Path) -> None:
    from extractor.errors import InputError
    from extractor.extract import extract_documents
    from extractor.acquire.sources import read_file

    items = list(inputs())
    raws = []
    os.chdir(REPO)
    for name, path, meta in items:
        raw = read_file(_rel(path))
        raw.meta.update({k: v for k, v in meta.items() if v})
        raws.append(raw)
    with out.open("w", encoding="utf-8") as fh:
        for (name, _, _), result in zip(items, extract_documents(raws)):
            if isinstance(result, InputError):  # an input that fails must fail the same way after
                line = {"error": str(result)}
            else:
                line = {k: v for k, v in result.items() if k not in VOLATILE}
            fh.write(json.dumps({"input": name, **line}, ensure_ascii=False) + "\n")


def _portable(line: str, ignore: set[str]) -> str:
    """One snapshot line without the `ignore` keys and without where the checkout lies: a source
    path or an error's input path is compared by its file name, so that a worktree's snapshot
    compares with one made in another folder."""
    record = {k: v for k, v in json.loads(line).items() if k not in ignore}
    if (record.get("source") or {}).get("path"):
        record["source"] = {**record["source"], "path": Path(record["source"]["path"]).name}
    if "error" in record:
        record["error"] = re.sub(r"^/\S*/", "", record["error"])
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _comparable(line: str, ignore: set[str]) -> str:
    """The line as written (key order counts), less the `ignore` keys."""
    if not ignore:
        return line
    return json.dumps({k: v for k, v in json.loads(line).items() if k not in ignore}, ensure_ascii=False)


def compare(a: Path, b: Path, ignore: set[str]) -> int:
    """Records are paired by their input; an input only in `b` (a test file added since `a`) is
    listed as new and is no difference, one missing from `b` is."""
    left = {json.loads(x)["input"]: x for x in a.read_text(encoding="utf-8").splitlines()}
    right = {json.loads(y)["input"]: y for y in b.read_text(encoding="utf-8").splitlines()}
    missing = [name for name in left if name not in right]
    for name in right:
        if name not in left:
            print("new:", name)
    for name in missing:
        print("missing:", name)
    bad = [name for name, x in left.items() if name in right and _comparable(x, ignore) != _comparable(right[name], ignore)]
    for name in bad:
        print("differs:", name)
    same = len(left) - len(bad) - len(missing)
    print(f"{same} of {len(left)} records identical" + (f" (ignoring {', '.join(sorted(ignore))})"
                                                          if ignore else ""))
    return 1 if bad or missing else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="compare OUT with this earlier snapshot instead")
    parser.add_argument("--ignore", action="append", default=[], metavar="KEY",
                        help="leave this record key out of the comparison (a field being added); repeatable")
    args = parser.parse_args()
    sys.exit(compare(args.compare, args.out, set(args.ignore)) if args.compare else snapshot(args.out))
