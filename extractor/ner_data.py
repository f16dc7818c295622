"""CoNLL data for the Hindi NER model (HiNER, IL-NER): reading, re-tokenising, DocBins, scoring."""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

LABELS = ("PER", "LOC", "ORG")


@dataclass(frozen=True)
class Sentence:
    words: list[str]
    tags: list[str]  # IOB2


def read_conll(path: Path) -> list[Sentence]:
    """Read `TOKEN<TAB>TAG` lines with a blank line between sentences."""
    sentences, words, tags = [], [], []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if words:
                sentences.append(Sentence(words, tags))
            words, tags = [], []
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path}:{lineno}: expected TOKEN<TAB>TAG, got {line!r}; "
                             "fix the file or re-export it as two tab-separated columns")
        words.append(parts[0])
        tags.append(parts[1])
    if words:
        sentences.append(Sentence(words, tags))
    return sentences


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """IOB2 tags to (start, end, label) token spans; a stray I- starts a new entity."""
    spans, start, label = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        inside = tag.startswith("I-") and label == tag[2:]
        if start is not None and not inside:
            spans.add((start, i, label))
            start, label = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and not inside):
            start, label = i, tag[2:]
    return spans


def gold_doc(vocab, sent: Sentence) -> Doc:
    """The sentence on its own (HiNER) tokens, punctuation still glued to words."""
    doc = Doc(vocab, words=sent.words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in sorted(gold_spans(sent.tags))]
    return doc


def retokenized_doc(nlp: Language, sent: Sentence) -> Doc | None:
    """The sentence as our pipeline's tokenizer splits it, entities projected by characters.

    Returns None when the tokenizer keeps HiNER's tokens (the gold doc already covers it).
    """
    text, offsets, pos = "", [], 0
    for word in sent.words:
        offsets.append((pos, pos + len(word)))
        text += word + " "
        pos += len(word) + 1
    doc = nlp.make_doc(text.rstrip())
    if len(doc) == len(sent.words):
        return None
    ents = []
    for s, e, label in sorted(gold_spans(sent.tags)):
        # "contract" drops punctuation the tokenizer split off the entity ("भारत," -> "भारत").
        span = doc.char_span(offsets[s][0], offsets[e - 1][1], label=label, alignment_mode="contract")
        if span is not None and len(span):
            ents.append(span)
    doc.ents = ents
    return doc


def docs_for(nlp: Language, sentences: list[Sentence], augment: bool) -> list[Doc]:
    docs = []
    for sent in sentences:
        docs.append(gold_doc(nlp.vocab, sent))
        if augment:
            extra = retokenized_doc(nlp, sent)
            if extra is not None:
                docs.append(extra)
    return docs


def split_validation(sentences: list[Sentence], size: int, seed: int):
    """Carve a fixed validation part out of train so dev stays clean for reporting."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    held = set(order[:size])
    train = [s for i, s in enumerate(sentences) if i not in held]
    valid = [s for i, s in enumerate(sentences) if i in held]
    return train, valid


def mentions_by_label(sentences: list[Sentence]) -> dict[str, list[list[str]]]:
    """Every entity mention of the sentences as its words, per label."""
    out: dict[str, list[list[str]]] = {lab: [] for lab in LABELS}
    for sent in sentences:
        for s, e, label in sorted(gold_spans(sent.tags)):
            out.setdefault(label, []).append(sent.words[s:e])
    return out


def with_other_mentions(sent: Sentence, pool: dict[str, list[list[str]]], rng: random.Random,
                     labels=("PER", "ORG")) -> Sentence:
    """The sentence with each entity of `labels` swapped for a random mention of the same label.

    Mention replacement (Dai and Adel, COLING 2020): the copy keeps the context and changes
    the name, so the model learns the context that marks a person or a body instead of
    memorising the few names the data holds."""
    words, tags, pos = [], [], 0
    for s, e, label in sorted(gold_spans(sent.tags)):
        words += sent.words[pos:s]
        tags += sent.tags[pos:s]
        new = rng.choice(pool[label]) if label in labels and pool.get(label) else sent.words[s:e]
        words += new
        tags += [f"B-{label}"] + [f"I-{label}"] * (len(new) - 1)
        pos = e
    return Sentence(words + sent.words[pos:], tags + sent.tags[pos:])


def oversampled(sentences: list[Sentence], times: int, seed: int = 0, replace: bool = False,
                labels=("PER", "ORG")) -> list[Sentence]:
    """Each sentence with a rare label `times` times: as it is, or with `replace` its copies
    get other mentions of those labels.

    Places outnumber people and bodies about six to one in HiNER, and the records need people
    and bodies most."""
    rng = random.Random(seed)
    pool = mentions_by_label(sentences) if replace else {}
    out = []
    for sent in sentences:
        out.append(sent)
        if any(tag[2:] in labels for tag in sent.tags if tag != "O"):
            out.extend((with_other_mentions(sent, pool, rng, labels) if replace else sent)
                       for _ in range(times - 1))
    return out


def training_sentences(data_dir: Path) -> list[Sentence]:
    path = Path(data_dir) / "train.conll"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: point --data at a folder with "
                                "train.conll and dev.conll (TOKEN<TAB>IOB2 tag)")
    return read_conll(path)


def write_corpus(data_dirs: list[Path], corpus_dir: Path, valid_size: int = 500, seed: int = 0,
                 oversample: int = 1, replace_mentions: bool = False,
                 corpus_repeat: dict[str, int] | None = None,
                 valid_sizes: dict[str, int] | None = None) -> dict:
    """Each folder's train.conll -> train.spacy + valid.spacy (+ re-tokenised copies), and
    raw.jsonl for pretraining.

    The corpora are kept as they are, each with its own conventions (IL-NER tags "भारत सरकार"
    as one ORG, HiNER often splits such names): the model sees both kinds of text. Each
    corpus gives `valid_size` sentences to the validation split that picks the checkpoint,
    so neither corpus decides it alone. `oversample` > 1 repeats the training sentences with
    a PER or ORG entity, their copies' mentions swapped when `replace_mentions` (the
    validation split is left as it is). `corpus_repeat` ({folder name: n}) weights a corpus:
    its training part (after oversampling) appears n times, e.g. IL-NER, the government prose
    this product reads, twice relative to HiNER; `valid_sizes` ({folder name: n}) overrides
    `valid_size` per corpus. The pretraining text is every training sentence of every corpus,
    validation split included: it is raw text, no labels."""
    nlp = spacy.blank("hi")
    train, valid, raw = [], [], []
    for data_dir in data_dirs:
        sentences = training_sentences(data_dir)
        name = Path(data_dir).name
        size = (valid_sizes or {}).get(name, valid_size)
        part_train, part_valid = split_validation(sentences, size, seed)
        train += oversampled(part_train, oversample, seed, replace_mentions) * (corpus_repeat or {}).get(name, 1)
        valid += part_valid
        raw += sentences
    corpus_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, sents in (("train", train), ("valid", valid)):
        docs = docs_for(nlp, sents, augment=True)
        DocBin(docs=docs, store_user_data=False).to_disk(corpus_dir / f"{name}.spacy")
        counts[name] = len(docs)
    with open(corpus_dir / "raw.jsonl", "w", encoding="utf-8") as f:
        for sent in raw:
            f.write(json.dumps({"text": " ".join(sent.words)}, ensure_ascii=False) + "\n")
    counts["raw"] = len(raw)
    return counts


def predict_on_words(nlp: Language, words: list[str]) -> Doc:
    """Run the pipeline's components on given tokens (no tokenizer)."""
    doc = Doc(nlp.vocab, words=words)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def score(nlp: Language, sentences: list[Sentence]) -> dict:
    """Entity-level exact span+label P/R/F1 per label and micro, one sentence at a time."""
    predicted = [{(e.start, e.end, e.label_) for e in predict_on_words(nlp, s.words).ents}
                 for s in sentences]
    return score_spans(predicted, sentences)


def score_spans(predicted: list[set[tuple[int, int, str]]], sentences: list[Sentence]) -> dict:
    """P/R/F1 per label and micro of predicted (start, end, label) spans against the gold."""
    tp = {lab: 0 for lab in LABELS}
    fp, fn = dict(tp), dict(tp)
    for pred, sent in zip(predicted, sentences, strict=True):
        gold = gold_spans(sent.tags)
        for s in pred & gold:
            tp[s[2]] += 1
        for s in pred - gold:
            fp[s[2]] = fp.get(s[2], 0) + 1
        for s in gold - pred:
            fn[s[2]] += 1
    result = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in LABELS}
    result["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return result


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


def format_scores(scores: dict) -> str:
    lines = [f"{'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for lab in (*LABELS, "micro"):
        s = scores[lab]
        lines.append(f"{lab:<6} {s['p']:>6.3f} {s['r']:>6.3f} {s['f']:>6.3f} {s['support']:>6}")
    return "\n".join(lines)
