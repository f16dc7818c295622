"""Near-duplicate detection for wire copies: MinHash over word shingles, LSH bands kept in SQLite.

Signatures are computed in the workers (`signature`), matching happens in the driver in input
order (`NearDuplicateIndex`), so "the first document of a cluster" is the same whatever the
number of workers. Only the first document of each cluster (its head) is indexed: every member
is then similar to the head itself, and chains of small edits cannot merge unrelated stories.
The LSH bands live in the run's SQLite journal, not in memory, so a run of millions of
documents keeps memory flat and a resumed run needs no rebuilding of the index.
"""
from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..packs import LanguagePack, get_pack
from .job import NUM_PERM

SHINGLE_WORDS = 3
MIN_WORDS = 8  # shorter texts are too small to call near-duplicates (exact ones are still caught)
# Punctuation stripped from both ends of a word; the pack adds its script's (words/dedup.tsv).
_EDGE_MARKS = ",.;:!?\"'()[]{}‘’“”«»—–-|/\\"

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS heads (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, sig BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bands (band INTEGER, hash BLOB, head INTEGER,"
    " PRIMARY KEY (band, hash, head)) WITHOUT ROWID",
)


def _edge_marks(pack: LanguagePack) -> str:
    return "".join(pack.role("sentence_end") + pack.words("dedup", "word_edge_marks")) + _EDGE_MARKS


def words(text: str, marks: str) -> list[str]:
    """Whitespace tokens without surrounding punctuation `marks` (\\w would split Devanagari at
    matras)."""
    out = []
    for token in text.split():
        token = token.strip(marks).lower()
        if token:
            out.append(token)
    return out


@lru_cache(maxsize=4)
def _empty_minhash(num_perm: int) -> MinHash:
    # Building the permutations is the costly part of a MinHash; copy a prepared one instead.
    return MinHash(num_perm=num_perm, seed=1, scheme="affine32")


def body(text: str, title: str | None) -> str:
    """The text without its headline line: outlets re-headline wire copies, the body stays."""
    if title:
        first, _, rest = text.partition("\n")
        if first.strip() == title.strip():
            return rest
    return text


def signature(text: str, title: str | None = None, num_perm: int = NUM_PERM,
              k: int = SHINGLE_WORDS, pack: LanguagePack | None = None) -> bytes | None:
    """MinHash signature (num_perm uint32, little-endian) of the body's k-word shingles; words
    are split as the pack writes punctuation (the Hindi pack's unless told)."""
    tokens = words(body(text, title), _edge_marks(pack or get_pack()))
    if len(tokens) < MIN_WORDS:
        return None
    shingles = {" ".join(tokens[i:i + k]).encode("utf-8") for i in range(len(tokens) - k + 1)}
    minhash = _empty_minhash(num_perm).copy()
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal minima)."""
    return float(np.mean(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")))


class NearDuplicateIndex:
    """Heads of clusters, queried by LSH band collisions and confirmed by estimated Jaccard."""

    def __init__(self, conn: sqlite3.Connection, threshold: float = 0.8, num_perm: int = NUM_PERM):
        self.conn, self.threshold, self.num_perm = conn, threshold, num_perm
        # datasketch picks bands x rows; weighting misses over false alarms because every
        # candidate is confirmed below: at J = 0.8 a pair becomes a candidate 95% of the time
        # (equal weights: 40%), at J = 0.5 6%, and each false alarm costs one row lookup.
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=(0.05, 0.95))
        self.b, self.r = lsh.b, lsh.r
        for statement in SCHEMA:  # not executescript: that would commit the caller's transaction
            conn.execute(statement)

    def _bands(self, sig: bytes) -> list[bytes]:
        width = self.r * 4
        return [hashlib.blake2b(sig[i * width:(i + 1) * width], digest_size=8).digest()
                for i in range(self.b)]

    def match(self, sig: bytes) -> tuple[str, float] | None:
        """(head doc_id, similarity) of the most similar head at or above the threshold."""
        heads: set[int] = set()
        for band, key in enumerate(self._bands(sig)):
            rows = self.conn.execute("SELECT head FROM bands WHERE band = ? AND hash = ?", (band, key))
            heads.update(head for (head,) in rows)
        best: tuple[float, int, str] | None = None
        for head in sorted(heads):  # sorted: ties go to the earliest head, whatever the set order
            doc_id, other = self.conn.execute("SELECT doc_id, sig FROM heads WHERE id = ?", (head,)).fetchone()
            sim = similarity(sig, other)
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, head, doc_id)
        return (best[2], round(best[0], 4)) if best else None

    def add(self, doc_id: str, sig: bytes) -> None:
        head = self.conn.execute("INSERT INTO heads (doc_id, sig) VALUES (?, ?)", (doc_id, sig)).lastrowid
        self.conn.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?, ?)",
                              [(band, key, head) for band, key in enumerate(self._bands(sig))])
