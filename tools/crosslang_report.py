"""How well one store joins the Hindi and English versions of the dev releases.

    python tools/crosslang_report.py [--shared DIR] [--db URL] [--en-records FILE.jsonl] [--json]

Extracts the 23 Hindi dev releases (`SHARED/eval/dev-pr/texts/`, published from SOURCES.tsv)
and their English originals (`texts_en/`; each document goes to its language's pipeline, as
`extract_documents` routes it) into one fresh store (an SQLite file in a temporary folder unless
--db), runs `pair`, and reports:

- of the agencies and programmes the two records of a release share by meaning, the share that
  resolved to the same entity id, with the misses. "Shared by meaning" uses the Hindi gold,
  whose name lists hold the Hindi and English variants of one item: an item is shared when
  each record has a mention matching one of its variants by score.py's matching (the greedy
  one-to-one match of the scorer, so a mention counts for one item only);
- whether `pair` linked each Hindi release to its English version, and any other link it made.

`--en-records` takes English records made elsewhere (by hand, or by another build), paired with
the texts by the file name of `source.path`, instead of extracting `texts_en/`.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIELDS = ("agencies", "programmes")


@dataclass
class Release:
    name: str  # file name, e.g. pib_001.txt
    gold: dict
    hindi: dict | None = None
    english: dict | None = None


@dataclass
class Report:
    shared: int = 0
    same_entity: int = 0
    misses: list[dict] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    not_linked: list[str] = field(default_factory=list)
    wrong_links: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        share = round(self.same_entity / self.shared, 4) if self.shared else None
        return {"shared_items": self.shared, "same_entity": self.same_entity, "share": share,
                "misses": self.misses, "pair": {"linked": self.linked, "not_linked": self.not_linked,
                                                "other_links": self.wrong_links}}


def load_scorer(shared: Path):
    """score.py of the evaluation set: its matching decides which mentions name a gold item."""
    path = shared / "eval" / "score.py"
    if not path.exists():
        raise SystemExit(f"error: {path}: crosslang report: no score.py there. Pass --shared, the folder "
                         "holding eval/ (the repository's ../shared).")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_items(scorer, release: Release) -> list[tuple[str, dict, int, int]]:
    """(field, gold item, Hindi item ordinal, English item ordinal) of the items both records name."""
    out = []
    for fld in FIELDS:
        golds = release.gold.get(fld, [])
        found = []
        for record in (release.hindi, release.english):
            items = scorer.pred_items(record, fld)
            pairs, _, _ = scorer.match(fld, golds, items)
            found.append({id(g): next(i for i, item in enumerate(items) if item is p) for g, p in pairs})
        out += [(fld, g, found[0][id(g)], found[1][id(g)]) for g in golds
                if id(g) in found[0] and id(g) in found[1]]
    return out


def entity_ids(store, doc_id: str, fld: str) -> dict[int, tuple[int | None, str | None]]:
    """ordinal -> (entity id, entity name) of one record list's mentions."""
    from sqlalchemy import select

    from extractor.store.schema import entities, mentions

    query = (select(mentions.c.ordinal, mentions.c.entity_id, entities.c.name)
             .outerjoin(entities, entities.c.id == mentions.c.entity_id)
             .where(mentions.c.doc_id == doc_id, mentions.c.kind == fld))
    with store.read() as conn:
        return {ordinal: (entity_id, name) for ordinal, entity_id, name in conn.execute(query)}


def evaluate(store, scorer, releases: list[Release]) -> Report:
    """Ingest both versions of every release into `store`, pair them, and measure."""
    report = Report()
    for release in releases:
        for record in (release.hindi, release.english):
            store.ingest(record)
    links = {frozenset((l.doc_a, l.doc_b)) for l in store.pair()}
    expected = set()
    for release in releases:
        hi_id, en_id = release.hindi["doc_id"], release.english["doc_id"]
        expected.add(frozenset((hi_id, en_id)))
        (report.linked if frozenset((hi_id, en_id)) in links else report.not_linked).append(release.name)
        for fld, gold, hi_n, en_n in shared_items(scorer, release):
            report.shared += 1
            (hi_entity, hi_name), (en_entity, en_name) = (entity_ids(store, hi_id, fld)[hi_n],
                                                          entity_ids(store, en_id, fld)[en_n])
            if hi_entity is not None and hi_entity == en_entity:
                report.same_entity += 1
                continue
            report.misses.append({
                "release": release.name, "field": fld, "gold": gold["name"][0],
                "hindi": release.hindi[fld][hi_n].get("name"), "hindi_entity": [hi_entity, hi_name],
                "english": release.english[fld][en_n].get("name"), "english_entity": [en_entity, en_name]})
    by_doc = {r.hindi["doc_id"]: r.name for r in releases} | {r.english["doc_id"]: r.name for r in releases}
    report.wrong_links = sorted(" = ".join(sorted(by_doc.get(d, d) for d in link)) for link in links - expected)
    return report


def extract_releases(shared: Path, en_records: Path | None) -> list[Release]:
    """The Hindi records (and English ones, unless given) of the dev releases, with their gold."""
    from extractor.acquire.sources import read_file
    from extractor.errors import InputError
    from extractor.extract import extract_documents

    base = shared / "eval" / "dev-pr"
    dates = {r["filename"]: r["pub_date"]
             for r in csv.DictReader((base / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t")}
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((base / "gold").glob("*.gold.json"))]
    releases = [Release(gold["file"], gold) for gold in golds]
    given = {}
    if en_records:
        for line in en_records.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                given[Path((record.get("source") or {}).get("path") or "").name] = record
    wanted = [(r, "hindi", base / "texts" / r.name) for r in releases]
    wanted += [(r, "english", base / "texts_en" / r.name) for r in releases if r.name not in given]
    raws = []
    for _, _, path in wanted:
        raw = read_file(path)
        raw.meta["published"] = dates.get(path.name)
        raws.append(raw)
    for (release, side, path), result in zip(wanted, extract_documents(raws)):
        if isinstance(result, InputError):
            raise SystemExit(f"error: {result}")
        setattr(release, side, result)
    for release in releases:
        if release.name in given:
            release.english = given[release.name]
    return releases


def print_report(report: Report, out=None) -> None:
    out = out or sys.stdout
    d = report.as_dict()
    share = "n/a" if d["share"] is None else f"{d['share']:.1%}"
    print(f"agencies and programmes shared by the Hindi and English records: {d['shared_items']}; "
          f"resolved to the same entity: {d['same_entity']} ({share}; the issue's floor is 80%)", file=out)
    for m in report.misses:
        print(f"  miss {m['release']} {m['field']}: {m['hindi']!r} -> entity {m['hindi_entity'][0]} "
              f"{m['hindi_entity'][1]!r}; {m['english']!r} -> entity {m['english_entity'][0]} "
              f"{m['english_entity'][1]!r}", file=out)
    total = len(report.linked) + len(report.not_linked)
    print(f"pair linked {len(report.linked)} of {total} releases to their English version", file=out)
    if report.not_linked:
        print(f"  not linked: {', '.join(report.not_linked)}", file=out)
    if report.wrong_links:
        print(f"  other links (wrong): {'; '.join(report.wrong_links)}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="folder holding eval/dev-pr (default: ../shared beside the checkout)")
    parser.add_argument("--db", help="store URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--en-records", type=Path, help="JSONL of English records to use instead of extracting")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from extractor.store import open_store

    scorer = load_scorer(args.shared)
    releases = extract_releases(args.shared, args.en_records)
    with tempfile.TemporaryDirectory() as tmp, open_store(args.db or f"sqlite:///{tmp}/crosslang.db") as store:
        report = evaluate(store, scorer, releases)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
