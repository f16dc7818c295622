"""`python -m extractor` end to end, in a subprocess, as users and tools run it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.acquire.clean import is_boilerplate
from extractor.kinds import KINDS

pytestmark = pytest.mark.slow  # every test starts the CLI (and the spaCy pipeline) in a subprocess

REPO = Path(__file__).parent.parent
PAGES = Path(__file__).parent / "pages"
SAMPLES = REPO / "corpus" / "samples"
DEV = REPO.parent / "shared" / "eval" / "dev"  # beside the repo in CI; optional here
RECORD_FIELDS = ("schema", "doc_id", "source", "language", "title", "published", "text",
                 *(kind.key for kind in KINDS))
# The boilerplate the issue lists: none of it may reach a record's text.
LISTED_BOILERPLATE = ("यह भी पढ़ें", "ये भी पढ़ें", "प्रतीकात्मक तस्वीर", "Don't copy text", "Don`t copy text",
                      "Exit mobile version", "Posted On", "Release ID", "Visitor Counter", "Read this release in",
                      "रिपोर्ट:", "शेयर करें", "WhatsApp", "न्यूज24टाइम्स", "Vistaar NEWS", "Samachar Desk")
ARTICLE = "लखनऊ। पुलिस ने सोमवार को महिला सुरक्षा अभियान शुरू किया और सभी थानों को निर्देश दिए।"


def run(*args, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=180, env={**os.environ, **(env or {})})


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def assert_no_boilerplate(record: dict) -> None:
    for junk in LISTED_BOILERPLATE:
        assert junk not in record["text"], f"{record['source']['path']}: {junk}"
    assert not [line for line in record["text"].splitlines() if is_boilerplate(line)]


def test_jsonl_on_samples_and_pages():
    pages = [PAGES / n for n in ("news_article.html", "pib_press_release.html", "broken_article.html")]
    result = run("extract", "--format", "jsonl", SAMPLES, *pages)
    assert result.returncode == 0, result.stderr
    found = records(result)
    assert len(found) == 5
    for record in found:
        assert all(field in record for field in RECORD_FIELDS)
        assert record["schema"] == "record/1" and record["language"] == "hi"
        assert record["doc_id"] and record["title"] and record["text"]
        assert all(isinstance(record[k], list) for k in RECORD_FIELDS[7:])
        assert_no_boilerplate(record)
    by_path = {Path(r["source"]["path"]).name: r for r in found}
    assert by_path["news_article.html"]["published"] == "2025-04-12"
    assert by_path["news_article.html"]["source"]["publisher"] == "प्रदेश प्रहरी"
    assert by_path["press_release_collector_meeting.txt"]["title"].startswith("जिलाधिकारी ने बाढ़ नियंत्रण")


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev texts are not beside the repo")
def test_jsonl_on_the_shared_dev_texts():
    result = run("extract", "--format", "jsonl", *sorted(DEV.glob("*.txt")))
    assert result.returncode == 0, result.stderr
    found = records(result)
    assert len(found) == 5
    for record in found:
        assert_no_boilerplate(record)


def test_json_is_one_pretty_parseable_document():
    result = run("extract", "--format", "json", SAMPLES)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[\n  {\n")
    found = json.loads(result.stdout)
    assert [r["schema"] for r in found] == ["record/1", "record/1"]


def test_table_is_for_people():
    result = run("extract", "--format", "table", PAGES / "pib_press_release.html")
    assert result.returncode == 0, result.stderr
    assert "मिशन वात्सल्य की राष्ट्रीय समीक्षा बैठक" in result.stdout
    assert "published: 2025-08-02" in result.stdout


def test_folder_with_bad_inputs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "english.txt").write_text(
        "The district collector launched a campaign against child marriage on Monday.", encoding="utf-8")
    (tmp_path / "sub" / "tamil.txt").write_text("சென்னை மாநகராட்சி சார்பில் விழிப்புணர்வு முகாம் நடைபெற்றது.",
                                                encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (tmp_path / "latin1.txt").write_bytes("Café déjà vu résumé".encode("cp1252"))
    shutil.copy(PAGES / "login.html", tmp_path / "login.html")
    with (tmp_path / "huge.txt").open("wb") as stream:
        stream.truncate(50_000_000)
    result = run("extract", "--format", "jsonl", tmp_path)
    assert result.returncode == 1
    languages = {Path(r["source"]["path"]).name: r["language"] for r in records(result)}
    assert languages == {"good.txt": "hi", "english.txt": "en", "tamil.txt": "other"}
    messages = "\n".join(errors(result))
    assert len(errors(result)) == 5
    for name, problem in [("empty.txt", "the input is empty"), ("image.txt", "binary file"),
                          ("latin1.txt", "not valid UTF-8"), ("login.html", "no article body"),
                          ("huge.txt", "over the 10,000,000-byte limit")]:
        assert f"error: {tmp_path / name}: " in messages and problem in messages


def test_jsonl_dump_metadata_wins_and_is_kept(tmp_path):
    dump = tmp_path / "dump.jsonl"
    lines = [
        {"id": "hi-42", "path": "archive/2024/assam.txt", "title": "दिया गया शीर्षक", "published": "2024-08-02",
         "publisher": "दैनिक उदाहरण", "text": "गुवाहाटी, 2 अगस्त: असम पुलिस ने शनिवार को बच्चों की सुरक्षा पर संवाद किया।"},
        "{not json",
        {"html": (PAGES / "pib_press_release.html").read_text(encoding="utf-8"), "id": "pib-1"},
    ]
    dump.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines),
                    encoding="utf-8")
    result = run("extract", "--format", "jsonl", dump)
    assert result.returncode == 1
    first, second = records(result)
    assert first["id"] == "hi-42" and first["source"]["path"] == "archive/2024/assam.txt"
    assert first["published"] == "2024-08-02" and first["title"] == "दिया गया शीर्षक"
    assert first["source"]["publisher"] == "दैनिक उदाहरण"
    assert "गुवाहाटी, 2 अगस्त: असम" in first["text"]
    assert second["id"] == "pib-1" and second["published"] == "2025-08-02"
    [message] = errors(result)
    assert message.startswith(f"error: {dump}:2: read: not a JSON object")


def test_failed_url_does_not_stop_the_batch(page_server, closed_port_url):
    env = {"EXTRACTOR_FETCH_RETRIES": "2", "EXTRACTOR_FETCH_BACKOFF": "0.01"}
    result = run("extract", "--format", "jsonl", closed_port_url, page_server.url("/news_article.html"),
                 page_server.url("/report.pdf"), SAMPLES / "news_women_safety_campaign.txt", env=env)
    assert result.returncode == 1
    found = records(result)
    assert [r["source"]["url"] for r in found] == [page_server.url("/news_article.html"), None]
    assert found[0]["source"]["fetched_at"]
    unreachable, pdf = errors(result)
    assert unreachable.startswith(f"error: {closed_port_url}: fetch: failed after 2 attempts")
    assert "application/pdf" in pdf


def test_clean_command_prints_text_without_boilerplate():
    result = run("clean", SAMPLES / "press_release_collector_meeting.txt", PAGES / "news_article.html")
    assert result.returncode == 0, result.stderr
    assert "गोरखपुर, 2 जून 2025।" in result.stdout
    assert "सीतापुर। जिले में बाल विवाह" in result.stdout
    for junk in ("यह भी पढ़ें", "Don't copy text!", "प्रतीकात्मक तस्वीर", "Exit mobile version"):
        assert junk not in result.stdout


def test_fetch_command_saves_exactly_the_pages_asked_for(page_server, tmp_path):
    missing = page_server.url("/gone.html")
    result = run("fetch", page_server.url("/news_article.html"), missing, "--out", tmp_path / "out")
    assert result.returncode == 1
    [saved] = list((tmp_path / "out").iterdir())
    assert saved.suffix == ".html" and "सीतापुर" in saved.read_text(encoding="utf-8")
    assert [p for p, _ in page_server.requests] == ["/news_article.html", "/gone.html"]
    assert errors(result) == [f"error: {missing}: fetch: the server answered HTTP 404. "
                              "Check the URL in a browser; the page may have moved or need a login."]


def test_ner_takes_text_longer_than_a_file_name():
    # Over 255 bytes of Devanagari: is_file() would raise "File name too long".
    text = "जिलाधिकारी राकेश कुमार ने लखनऊ में बैठक की। " * 4
    result = run("ner", "--format", "jsonl", text)
    assert result.returncode == 0, result.stderr
    found = {(e["text"], e["label"]) for e in records(result)}
    assert ("राकेश कुमार", "PER") in found and ("लखनऊ", "LOC") in found
