"""Helpers for the web view and annotation export tests: real records, extracted once per session.

The records come from the repository's own inputs (corpus/samples and the saved pages in
tests/pages), plus one short notice dated today whose deadline falls in the coming weeks, so
the overview's "due in the next 30 days" has something real to show.
"""
from __future__ import annotations

import functools
from datetime import date, timedelta
from pathlib import Path

from extractor.acquire.sources import iter_inputs
from extractor.extract import extract_documents, extract_text

REPO = Path(__file__).resolve().parent.parent
INPUTS = [*sorted((REPO / "corpus" / "samples").glob("*.txt")),
          *(REPO / "tests" / "pages" / name for name in ("news_article.html", "pib_hindi_release.html",
                                                         "pib_press_release.html"))]
MONTHS = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितम्बर", "अक्टूबर", "नवंबर", "दिसंबर"]


@functools.lru_cache(maxsize=1)
def real_records() -> tuple[dict, ...]:
    records = [r for r in extract_documents(iter_inputs([str(p) for p in INPUTS])) if isinstance(r, dict)]
    assert len(records) == len(INPUTS), "every repository input must extract"
    return (*records, due_soon_record())


@functools.lru_cache(maxsize=1)
def due_soon_record() -> dict:
    """A notice published today with an action point due in 12 days."""
    today, due = date.today(), date.today() + timedelta(days=12)
    text = (f"लखनऊ। जिलाधिकारी ने आज स्वच्छ भारत मिशन की समीक्षा बैठक की। उन्होंने निर्देश दिए कि "
            f"{due.day} {MONTHS[due.month - 1]} {due.year} तक सभी विद्यालयों में शौचालयों की मरम्मत पूरी की जाए।")
    record = extract_text(text, title="स्वच्छ भारत मिशन की समीक्षा", published=today.isoformat(),
                          publisher="जिला सूचना कार्यालय")
    assert any(a["deadline"] == due.isoformat() for a in record["action_points"]), record["action_points"]
    return record
