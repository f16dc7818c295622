"""Inputs: .txt, .html/.htm, folders, URLs and JSONL dumps; bad inputs named, the rest kept."""
from __future__ import annotations

import json
import pathlib
import shutil
from pathlib import Path

import pytest

from extractor.acquire.clean import clean
from extractor.acquire.sources import iter_inputs, read_file
from extractor.document import RawDocument
from extractor.errors import InputError

PAGES = Path(__file__).parent / "pages"
SAMPLE = Path(__file__).parent.parent / "corpus" / "samples" / "news_women_safety_campaign.txt"
ARTICLE = "लखनऊ। पुलिस ने सोमवार को महिला सुरक्षा अभियान शुरू किया और सभी थानों को निर्देश दिए।"


def items(*values) -> list:
    return list(iter_inputs([str(v) for v in values]))


def test_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [raw] = items(path)
    assert (raw.text, raw.html, raw.path, raw.name) == (ARTICLE, None, str(path), str(path))


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_html_file(tmp_path, suffix):
    path = tmp_path / f"page{suffix}"
    shutil.copy(PAGES / "news_article.html", path)
    [raw] = items(path)
    assert raw.html.startswith("<!DOCTYPE html>") and raw.text is None


def test_unknown_suffix_with_html_content_is_html(tmp_path):
    path = tmp_path / "saved_page"
    shutil.copy(PAGES / "news_article.html", path)
    assert read_file(path).html is not None


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(PAGES / "pib_press_release.html", tmp_path / "b" / "deep" / "pib.html")
    (tmp_path / "b" / "notes.htm").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "b" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # not an input kind: skipped
    names = [Path(raw.path).relative_to(tmp_path).as_posix() for raw in items(tmp_path)]
    assert names == ["a.txt", "b/deep/pib.html", "b/notes.htm"]


def test_empty_folder_is_reported(tmp_path):
    [error] = items(tmp_path)
    assert isinstance(error, InputError) and "no .txt" in error.problem


def test_missing_path_is_reported_and_the_rest_goes_on(tmp_path):
    errors_and_docs = items(tmp_path / "missing.txt", SAMPLE)
    assert isinstance(errors_and_docs[0], InputError)
    assert "no such file" in errors_and_docs[0].problem
    assert isinstance(errors_and_docs[1], RawDocument)


# --- bad files ----------------------------------------------------------------------------

@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(100), "binary"),
    ("Café déjà vu “quoted” résumé".encode("cp1252"), "not valid UTF-8"),
], ids=["empty", "binary", "invalid-utf8"])
def test_bad_file_gets_a_clear_error_and_the_batch_goes_on(tmp_path, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    error, good = items(bad, SAMPLE)
    assert isinstance(error, InputError) and error.source == str(bad)
    assert problem in error.problem and error.hint
    assert isinstance(good, RawDocument)


def test_file_over_the_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(50_000_000)  # 50 MB, sparse: the test itself writes nothing
    monkeypatch.setattr(pathlib.Path, "open", _must_not_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", _must_not_open)
    with pytest.raises(InputError) as info:
        read_file(big)
    assert "50,000,000 bytes" in info.value.problem and "10,000,000" in info.value.problem
    assert "EXTRACTOR_MAX_INPUT_BYTES" in info.value.hint


def _must_not_open(*args, **kwargs):
    raise AssertionError("the size check must come before reading the file")


def test_input_limit_comes_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("EXTRACTOR_MAX_INPUT_BYTES", "100")
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_file(path)
    monkeypatch.setenv("EXTRACTOR_MAX_INPUT_BYTES", "100000")
    assert read_file(path).text == ARTICLE


# --- JSONL dumps --------------------------------------------------------------------------

def write_dump(path: Path, lines: list) -> Path:
    with path.open("wb") as stream:
        for line in lines:
            stream.write(line if isinstance(line, bytes) else json.dumps(line, ensure_ascii=False).encode())
            stream.write(b"\n")
    return path


def test_dump_with_given_metadata(tmp_path):
    dump = write_dump(tmp_path / "dump.jsonl", [
        {"id": "a-1", "text": ARTICLE, "path": "archive/2024/a1.txt", "title": "दिया गया शीर्षक",
         "published": "2024-08-02", "publisher": "दैनिक उदाहरण"},
        {"html": (PAGES / "news_article.html").read_text(encoding="utf-8"), "id": 2},
    ])
    first, second = items(dump)
    assert first.meta == {"id": "a-1", "path": "archive/2024/a1.txt", "title": "दिया गया शीर्षक",
                          "published": "2024-08-02", "publisher": "दैनिक उदाहरण"}
    assert first.path == "archive/2024/a1.txt" and first.text == ARTICLE
    document = clean(first)
    assert (document.title, document.published, document.source["path"], document.given_id) == (
        "दिया गया शीर्षक", "2024-08-02", "archive/2024/a1.txt", "a-1")
    assert document.source["publisher"] == "दैनिक उदाहरण"
    assert second.html is not None and clean(second).given_id == 2
    assert clean(second).title.startswith("सीतापुर में बाल विवाह")  # nothing given: read from the page


def test_dump_bad_lines_are_reported_and_the_rest_processed(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MAX_INPUT_BYTES", "2000")
    dump = write_dump(tmp_path / "dump.jsonl", [
        {"text": ARTICLE, "id": "ok-1"},
        b'{"text": "unterminated',
        b"[1, 2, 3]",
        {"title": "no body"},
        b'{"text": "\xff\xfe bad utf-8"}',
        {"text": ARTICLE, "title": 5},
        {"text": "क" * 3000},
        b"",
        {"text": ARTICLE, "id": "ok-2"},
    ])
    results = items(dump)
    assert [r.meta.get("id") if isinstance(r, RawDocument) else r.source for r in results] == [
        "ok-1", f"{dump}:2", f"{dump}:3", f"{dump}:4", f"{dump}:5", f"{dump}:6", f"{dump}:7", "ok-2"]
    problems = [r.problem for r in results if isinstance(r, InputError)]
    assert "not a JSON object" in problems[0]
    assert "none of `url`, `html`, `text`" in problems[1] and "none of" in problems[2]
    assert "not valid UTF-8" in problems[3]
    assert "`title` must be a string" in problems[4]
    assert "limit" in problems[5]


def test_dump_url_is_fetched(tmp_path, page_server):
    dump = write_dump(tmp_path / "urls.jsonl", [
        {"url": page_server.url("/pib_press_release.html"), "id": "pib", "published": "2025-08-03"}])
    [raw] = items(dump)
    assert raw.url == page_server.url("/pib_press_release.html") and raw.html
    document = clean(raw)
    assert document.published == "2025-08-03"  # given wins over the page's "Posted On"
    assert document.given_id == "pib"


def test_dump_never_reads_local_files_through_url(tmp_path):
    dump = write_dump(tmp_path / "d.jsonl", [{"url": f"file://{SAMPLE}"}])
    [error] = items(dump)
    assert isinstance(error, InputError) and "only http(s)" in error.problem


def test_url_input(page_server):
    [raw] = items(page_server.url("/news_article.html"))
    assert raw.html and raw.url.endswith("/news_article.html") and raw.fetched_at
