"""Package a trained NER checkpoint as models/hi_ner: gazetteer ruler, dev scores, meta, README."""
from __future__ import annotations

import csv
import logging
import shutil
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language

from .ner_data import LABELS, format_scores, gold_spans, read_conll, score
from .packs import get_pack

log = logging.getLogger(__name__)

MODEL_CARD = get_pack("hi").root / "training" / "model_card.md"
SCORES_MARK = "<!-- dev scores: filled in by `python -m extractor train-ner` -->"
HINER = {"name": "HiNER (collapsed tags)", "url": "https://github.com/cfiltnlp/HiNER",
         "license": "CC BY-SA 4.0",
         "author": "Murthy, Bhattacharjee, Dabre, Kanojia, Bhattacharyya (CFILT, IIT Bombay), "
                   "HiNER: A large Hindi Named Entity Recognition Dataset, LREC 2022"}
PLACES = {"name": "india-places gazetteer (states, districts, cities, ministries)",
          "license": "GODL-India (LGD data); Unicode-3.0 (CLDR names); hand-written names CC0",
          "author": "Local Government Directory (LGD), Ministry of Panchayati Raj, Government "
                    "of India, https://lgdirectory.gov.in; Unicode CLDR"}
# (file, Hindi name column, label): places are LOC, Union ministries are ORG.
GAZETTEER_FILES = (("states.csv", "name_hi", "LOC"), ("districts.csv", "district_hi", "LOC"),
                   ("cities.csv", "city_hi", "LOC"), ("ministries.csv", "name_hi", "ORG"))


def gazetteer_names(places_dir: Path) -> dict[str, str]:
    """Hindi name and variants -> label, from the india-places CSVs."""
    names: dict[str, str] = {}
    for filename, column, label in GAZETTEER_FILES:
        path = Path(places_dir) / filename
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: pass --places DIR (india-places CSVs) "
                                    "or --no-gazetteer")
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for name in [row[column], *row.get("variants_hi", "").split("|")]:
                    if name.strip():
                        names.setdefault(name.strip(), label)
    return names


def ambiguous_names(names: dict[str, str], train_path: Path) -> set[str]:
    """Names that HiNER's training text mostly uses as ordinary words ("गया" went, "सागर" sea)."""
    single = {n for n in names if " " not in n}
    as_entity, as_other = Counter(), Counter()
    for sent in read_conll(train_path):
        inside = {i for s, e, _ in gold_spans(sent.tags) for i in range(s, e)}
        for i, word in enumerate(sent.words):
            word = word.strip(".,;:!?।\"'()")
            if word in single:
                (as_entity if i in inside else as_other)[word] += 1
    return {n for n in single if as_other[n] > as_entity[n]}


def add_gazetteer(nlp: Language, places_dir: Path, train_path: Path) -> int:
    """Add an entity_ruler after the statistical NER that only fills gaps (never overwrites)."""
    names = gazetteer_names(places_dir)
    drop = ambiguous_names(names, train_path)
    patterns = [{"label": lab, "pattern": name} for name, lab in sorted(names.items())
                if name not in drop]
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", after="ner",
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(patterns)
    log.warning("gazetteer: %d patterns, %d ambiguous names left out", len(patterns), len(drop))
    return len(patterns)


def package(best: Path, output: Path, data_dir: Path, places_dir: Path | None,
            build_seconds: float) -> dict:
    """Copy the best checkpoint to `output` with the gazetteer, scores, meta.json and README."""
    nlp = spacy.load(best)
    if places_dir is not None:
        add_gazetteer(nlp, places_dir, Path(data_dir) / "train.conll")
    scores = score(nlp, read_conll(Path(data_dir) / "dev.conll"))
    log.warning("dev scores (gold tokens, sentence by sentence):\n%s", format_scores(scores))
    _fill_meta(nlp, scores, places_dir is not None, build_seconds)
    shutil.rmtree(output, ignore_errors=True)
    nlp.to_disk(output)
    write_readme(output / "README.md", scores)
    return scores


def _fill_meta(nlp: Language, scores: dict, gazetteer: bool, build_seconds: float) -> None:
    meta = nlp.meta
    meta.update({
        "name": "hi_ner", "version": "1.0.0", "license": "CC BY-SA 4.0",
        "author": "hindi-news-extractor", "url": "",
        "description": "Hindi named entities PER, LOC, ORG for news and press releases: CPU CNN "
                       "tok2vec + transition-based NER trained on HiNER"
                       + (", plus a gap-filling gazetteer of Indian places and ministries" if gazetteer else "")
                       + ". Licence CC BY-SA 4.0 (inherited from HiNER). See README.md.",
        "sources": [HINER] + ([PLACES] if gazetteer else []),
        "labels": {**meta.get("labels", {}), "ner": list(LABELS)},
    })
    meta["dev_scores"] = {
        "what": "HiNER dev.conll, 1,000 sentences, each alone on its gold tokens; "
                "entity-level exact span and label",
        **scores}
    meta["performance_note"] = ("`performance` is spaCy's scorer on the validation split carved "
                                "out of train (gold and re-tokenised copies), used to pick the "
                                "checkpoint; `dev_scores` is the held-out dev set")
    meta["build_seconds"] = round(build_seconds)


def write_readme(path: Path, scores: dict) -> None:
    """The model card from training/model_card.md with the current dev scores filled in."""
    card = MODEL_CARD.read_text(encoding="utf-8")
    table = "```\n" + format_scores(scores) + "\n```"
    path.write_text(card.replace(SCORES_MARK, SCORES_MARK + "\n" + table), encoding="utf-8")
