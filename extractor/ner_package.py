"""Package a trained NER checkpoint as models/hi/ner: gazetteer ruler, dev scores, meta, README."""
from __future__ import annotations

import csv
import logging
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language

from .ner_data import LABELS, format_scores, gold_spans, read_conll, score
from .packs import get_pack

log = logging.getLogger(__name__)

MODEL_VERSION = "2.1.0"  # 2.1: IL-NER weighted x2, lexicon ruler of public bodies
MODEL_CARD = get_pack("hi").root / "training" / "model_card.md"
SCORES_MARK = "<!-- dev scores: filled in by `python -m extractor train-ner` -->"
# Credit for each training corpus, by the name of its data folder.
CORPORA = {
    "hindi-ner": {"name": "HiNER (collapsed tags)", "url": "https://github.com/cfiltnlp/HiNER",
                  "license": "CC BY-SA 4.0",
                  "author": "Murthy, Bhattacharjee, Dabre, Kanojia, Bhattacharyya (CFILT, IIT "
                            "Bombay), HiNER: A large Hindi Named Entity Recognition Dataset, "
                            "LREC 2022"},
    "il-ner-hindi": {"name": "IL-NER Hindi (NEP, NEL, NEO as PER, LOC, ORG)",
                     "url": "https://github.com/SankalpBahad/IL-NER", "license": "CC BY 4.0",
                     "author": "Bhashini project (MeitY, Government of India): IIIT Hyderabad, "
                               "CDAC Noida, IIIT Bhubaneswar; Bahad, Mishra, Arora, Balabantaray, "
                               "Sharma, Krishnamurthy, Fine-tuning Pre-trained Named Entity "
                               "Recognition Models For Indian Languages, NAACL SRW 2024"},
}
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


def strip_punctuation(word: str) -> str:
    """The word without punctuation glued to either end (HiNER keeps "भारत," as one token)."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(word[end - 1]).startswith("P"):
        end -= 1
    return word[start:end]


def ambiguous_names(names: dict[str, str], train_paths: list[Path]) -> set[str]:
    """Names that the training text mostly uses as ordinary words ("गया" went, "सागर" sea)."""
    single = {n for n in names if " " not in n}
    as_entity, as_other = Counter(), Counter()
    for train_path in train_paths:
        for sent in read_conll(train_path):
            inside = {i for s, e, _ in gold_spans(sent.tags) for i in range(s, e)}
            for i, word in enumerate(sent.words):
                word = strip_punctuation(word)
                if word in single:
                    (as_entity if i in inside else as_other)[word] += 1
    return {n for n in single if as_other[n] > as_entity[n]}


def add_gazetteer(nlp: Language, places_dir: Path, train_paths: list[Path]) -> int:
    """Add an entity_ruler after the statistical NER that only fills gaps (never overwrites)."""
    names = gazetteer_names(places_dir)
    drop = ambiguous_names(names, train_paths)
    patterns = [{"label": lab, "pattern": name} for name, lab in sorted(names.items())
                if name not in drop]
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", after="ner",
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(patterns)
    log.warning("gazetteer: %d patterns, %d ambiguous names left out", len(patterns), len(drop))
    return len(patterns)


# The project's own lists of Indian public bodies (general knowledge of public administration),
# as ORG patterns of a second gap-filling ruler: IL-NER's ORG misses are mostly bodies the
# training data never shows.
LEXICON_DIR = get_pack("hi").root / "lexicons"
LEXICON_FILES = ("agencies.tsv", "ministries.tsv")
LEXICON = {"name": "project lexicons of Indian public bodies (agencies.tsv, ministries.tsv)",
           "license": "CC0 (hand-written general knowledge)", "author": "hindi-news-extractor"}


def lexicon_names(lexicon_dir: Path, files=LEXICON_FILES, skip_kinds=()) -> dict[str, str]:
    """Surface form -> kind from the project's body lexicons (TSV: surface, canonical, kind)."""
    names: dict[str, str] = {}
    for filename in files:
        path = Path(lexicon_dir) / filename
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) < 3 or parts[0] == "surface":
                continue
            if parts[2] not in skip_kinds and parts[0].strip():
                names.setdefault(parts[0].strip(), parts[2])
    return names


def mostly_not_bodies(names, train_paths: list[Path], nlp: Language) -> set[str]:
    """Names that the training text, where it has them, mostly leaves outside an ORG entity
    ("आईआईटी" in "आईआईटी / एनआईटी में", "एसडीआरएफ आवंटन"): the annotators' usage decides, as for
    the gazetteer; names the text never shows are kept (that is the gap they fill)."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for name in names:
        matcher.add(name, [nlp.make_doc(name)])
    as_org, as_other = Counter(), Counter()
    for train_path in train_paths:
        for sent in read_conll(train_path):
            words = [strip_punctuation(w) or w for w in sent.words]
            doc = spacy.tokens.Doc(nlp.vocab, words=words)
            gold = gold_spans(sent.tags)
            for match_id, start, end in matcher(doc):
                name = nlp.vocab.strings[match_id]
                (as_org if (start, end, "ORG") in gold else as_other)[name] += 1
    return {n for n in names if as_other[n] > as_org[n]}


def add_lexicon_ruler(nlp: Language, lexicon_dir: Path, train_paths: list[Path]) -> int:
    """A second gap-filling entity_ruler (after the gazetteer): ORG patterns of the project's
    body lexicons, minus the names the training text mostly uses otherwise."""
    names = lexicon_names(lexicon_dir)
    drop = mostly_not_bodies(names, train_paths, spacy.blank("hi"))
    patterns = [{"label": "ORG", "pattern": name} for name in sorted(names) if name not in drop]
    last = "gazetteer" if "gazetteer" in nlp.pipe_names else "ner"
    ruler = nlp.add_pipe("entity_ruler", name="lexicon", after=last,
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(patterns)
    log.warning("lexicon ruler: %d ORG patterns, %d left out (mostly not an ORG in the training "
                "text)", len(patterns), len(drop))
    return len(patterns)


def dev_scores(nlp: Language, data_dirs: list[Path]) -> dict[str, dict]:
    """Each corpus's dev.conll scored on its gold tokens, by the corpus folder's name."""
    scores = {}
    for data_dir in data_dirs:
        scores[Path(data_dir).name] = score(nlp, read_conll(Path(data_dir) / "dev.conll"))
        log.warning("%s dev scores (gold tokens, sentence by sentence):\n%s",
                    Path(data_dir).name, format_scores(scores[Path(data_dir).name]))
    return scores


def package(best: Path, output: Path, data_dirs: list[Path], places_dir: Path | None,
            build_seconds: float, lexicon_dir: Path | None = None) -> dict[str, dict]:
    """Copy the best checkpoint to `output` with the gazetteer (and the lexicon ruler when
    `lexicon_dir`), scores, meta.json and README."""
    nlp = spacy.load(best)
    train_paths = [Path(d) / "train.conll" for d in data_dirs]
    if places_dir is not None:
        add_gazetteer(nlp, places_dir, train_paths)
    if lexicon_dir is not None:
        add_lexicon_ruler(nlp, lexicon_dir, train_paths)
    scores = dev_scores(nlp, data_dirs)
    _fill_meta(nlp, scores, [Path(d).name for d in data_dirs], places_dir is not None,
               build_seconds, lexicon=lexicon_dir is not None)
    shutil.rmtree(output, ignore_errors=True)
    nlp.to_disk(output)
    write_readme(output / "README.md", scores)
    return scores


def corpus_credit(name: str) -> dict:
    return CORPORA.get(name, {"name": name, "license": "see the corpus's SOURCE.md"})


def model_licence(sources: list[dict]) -> str:
    licences = {source["license"] for source in sources}
    # ShareAlike: trained on a CC BY-SA corpus, the model carries CC BY-SA (CC BY allows it).
    return "CC BY-SA 4.0" if "CC BY-SA 4.0" in licences else " + ".join(sorted(licences))


def _fill_meta(nlp: Language, scores: dict[str, dict], corpora: list[str], gazetteer: bool,
               build_seconds: float, lexicon: bool = False) -> None:
    sources = [corpus_credit(name) for name in corpora]
    licence = model_licence(sources)
    meta = nlp.meta
    meta.update({
        "name": "hi_ner", "version": MODEL_VERSION, "license": licence,
        "author": "hindi-news-extractor", "url": "",
        "description": "Hindi named entities PER, LOC, ORG for news and press releases: CPU CNN "
                       "tok2vec + transition-based NER trained on "
                       + " and ".join(source["name"] for source in sources)
                       + (", plus a gap-filling gazetteer of Indian places and ministries" if gazetteer else "")
                       + (", plus a gap-filling ruler of Indian public bodies from the project's lexicons"
                          if lexicon else "")
                       + f". Licence {licence}; credit in README.md.",
        "sources": sources + ([PLACES] if gazetteer else []) + ([LEXICON] if lexicon else []),
        "labels": {**meta.get("labels", {}), "ner": list(LABELS)},
    })
    meta["dev_scores"] = {
        "what": "each corpus's dev.conll, each sentence alone on its gold tokens; entity-level "
                "exact span and label; the corpora's test parts are kept back by their "
                "organisers and not scored here",
        **scores}
    meta["performance_note"] = ("`performance` is spaCy's scorer on the validation split carved "
                                "out of the training files (gold and re-tokenised copies), used to "
                                "pick the checkpoint; `dev_scores` are the held-out dev sets")
    meta["build_seconds"] = round(build_seconds)


def write_readme(path: Path, scores: dict[str, dict]) -> None:
    """The model card from training/model_card.md with the current dev scores filled in."""
    card = MODEL_CARD.read_text(encoding="utf-8")
    tables = "\n\n".join(f"{name} dev:\n\n```\n{format_scores(s)}\n```" for name, s in scores.items())
    path.write_text(card.replace(SCORES_MARK, SCORES_MARK + "\n" + tables), encoding="utf-8")
