"""The CLI's edges a new user found: languages without a pack, stdin, paths that do not exist,
text with a few bad bytes, messages that read right."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.kinds import KINDS
from extractor.packs import available_languages, models_root
from test_krutidev import SAMPLES as KRUTI_DEV

REPO = Path(__file__).resolve().parent.parent
HINDI = "रायपुर। जिला कलेक्टर ने सोमवार को स्वास्थ्य विभाग की समीक्षा बैठक ली और 30 सितम्बर तक सर्वे पूरा करने के निर्देश दिए।"
ENGLISH = ("The District Collector held a review meeting on Monday with all departments. He directed "
           "the officers to complete the survey by 30 September. The Superintendent of Police was also present.")
LATIN_NONSENSE = "Xqzv blorp kwint fradge. Zumbly wopt trasken vilm quorr sneb. Plinth gaxle morvit dreeb."


def _cli(capsys, *args) -> tuple[int, list[dict], list[str]]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err.splitlines()


def _items(record: dict) -> int:
    return sum(len(record[kind.key]) for kind in KINDS)


def test_available_languages_are_the_packs_with_a_pipeline(tmp_path):
    have = available_languages()
    assert have and all((models_root() / lang / "pipeline.cfg").is_file() for lang in have)
    (tmp_path / "xx").mkdir()  # a folder without pipeline.cfg is not a pack
    (tmp_path / "yy").mkdir()
    (tmp_path / "yy" / "pipeline.cfg").write_text("[nlp]\n", encoding="utf-8")
    assert available_languages(tmp_path) == ("yy",)
    assert available_languages(tmp_path / "missing") == ()


def test_english_is_reported_unsupported_where_no_english_pack_is_installed(tmp_path, capsys, monkeypatch):
    hindi_only = tmp_path / "models"
    hindi_only.mkdir()
    (hindi_only / "hi").symlink_to(models_root() / "hi")
    monkeypatch.setenv("EXTRACTOR_MODELS", str(hindi_only))
    (tmp_path / "a.txt").write_text(HINDI, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    code, records, err = _cli(capsys, "extract", tmp_path / "a.txt", tmp_path / "b.txt")
    assert code == 0 and len(records) == 2
    hindi, english = records
    assert "language_supported" not in hindi and "warnings" not in hindi and _items(hindi) > 0
    assert english["language"] == "en" and english["language_supported"] is False
    assert english["text"] == ENGLISH and _items(english) == 0
    warnings = [line for line in err if line.startswith("warning:")]
    assert len(warnings) == 1 and "b.txt: language: English ('en') is not supported" in warnings[0]
    assert "installed: hi)" in warnings[0]
    assert english["warnings"] == [warnings[0].removeprefix("warning: ")]


def test_latin_text_in_no_language_is_not_recognised_and_kruti_dev_is_converted(tmp_path, capsys):
    (tmp_path / "n.txt").write_text(LATIN_NONSENSE, encoding="utf-8")
    (tmp_path / "k.txt").write_text("\n".join(k for k, _ in KRUTI_DEV), encoding="utf-8")
    code, (nonsense, kruti), err = _cli(capsys, "extract", tmp_path / "n.txt", tmp_path / "k.txt")
    assert code == 0
    assert nonsense["language_supported"] is False and _items(nonsense) == 0
    assert "could not be recognised (mostly latin script)" in nonsense["warnings"][0]
    assert "Kruti Dev" in nonsense["warnings"][0]
    assert kruti["language"] == "hi" and "warnings" not in kruti and _items(kruti) > 0
    assert kruti["language_evidence"]["legacy_encoding"] == "krutidev"
    assert sum(line.startswith("warning:") for line in err) == 1


def test_ner_converts_a_kruti_dev_file_like_extract(tmp_path, capsys):
    (tmp_path / "k.txt").write_text("\n".join(k for k, _ in KRUTI_DEV), encoding="utf-8")
    code, entities, _ = _cli(capsys, "ner", "--format", "jsonl", tmp_path / "k.txt")
    assert code == 0 and entities
    assert all(any("\u0900" <= c <= "\u097f" for c in e["text"]) for e in entities)


@pytest.mark.parametrize("missing", ["nope.txt", "reports/today", "डेटा/खबर.html"])
def test_ner_does_not_take_a_missing_path_for_text(capsys, missing):
    code, entities, err = _cli(capsys, "ner", "--format", "jsonl", missing, "संजीव शुक्ला ने बैठक ली।")
    assert code == 1
    assert err == [f"error: {missing}: read: no such file (the argument looks like a path, so it is not "
                   "taken as text). Check the path; to tag text that looks like this, pipe it to `ner -`."]
    assert all(e["source"] == "<text>" for e in entities)  # the text argument was still tagged


@pytest.mark.parametrize("command", ["extract", "clean"])
def test_extract_and_clean_read_stdin(command):
    args = [sys.executable, "-m", "extractor", command, "-"] + (["--format", "jsonl"] if command == "clean" else [])
    result = subprocess.run(args, input=HINDI.encode(), capture_output=True, cwd=REPO, timeout=180)
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout.decode().splitlines()[0])
    assert record["text"] == HINDI
    if command == "extract":
        assert record["source"]["path"] is None and [p["name"] for p in record["places"]] == ["रायपुर"]


def test_a_small_text_with_a_few_bad_bytes_is_read_with_a_warning(tmp_path, capsys):
    data, cut = HINDI.encode(), len(HINDI[:12].encode())  # between two characters
    (tmp_path / "bad.txt").write_bytes(data[:cut] + b"\xff\xfe" + data[cut:])
    (tmp_path / "ctl.txt").write_bytes(b"\x00" + data + b"\x1b\x07")  # stray control bytes
    code, (bad, ctl), err = _cli(capsys, "extract", tmp_path / "bad.txt", tmp_path / "ctl.txt")
    assert code == 0
    assert "\ufffd" in bad["text"] and [p["name"] for p in bad["places"]] == ["रायपुर"]
    assert bad["warnings"] == [f"{tmp_path / 'bad.txt'}: decode: 2 byte sequences not valid UTF-8 (first at "
                               f"offset {cut}) replaced by U+FFFD. Check the file if text is missing there."]
    assert err == [f"warning: {bad['warnings'][0]}"]
    assert ctl["text"] == HINDI and "warnings" not in ctl


def test_a_broken_dump_line_says_where_once(tmp_path, capsys):
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"text": HINDI}) + '\n{"text": "अधूरा\n', encoding="utf-8")
    code, records, err = _cli(capsys, "extract", dump)
    assert code == 1 and len(records) == 1
    assert err == [f"error: {dump}:2: read: not a JSON object (Unterminated string starting at column 10). "
                   "Each line must be one JSON object."]


def test_help_and_readme_state_the_same_no_ner_speed_up(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    import re
    stated = re.search(r"--no-ner[^\n]*?(\d+(?:\.\d+)?)x faster", help_text)
    assert stated, help_text
    assert f"~{stated[1]}x faster" in readme or f"{stated[1]}x faster" in readme


def test_reextract_decides_language_support_afresh_and_keeps_other_warnings():
    from extractor.extract import extract_text, reextract_records

    decode = "old.txt: decode: 1 byte sequence not valid UTF-8 (first at offset 3) replaced by U+FFFD. Check."
    english = extract_text(ENGLISH)
    english["warnings"] = [decode, *english.get("warnings", [])]
    hindi = {**extract_text(HINDI), "language_supported": False, "warnings": [decode, "old: language: x"]}
    fresh_english, fresh_hindi = reextract_records([english, hindi])
    if "en" not in available_languages():
        assert fresh_english["language_supported"] is False and len(fresh_english["warnings"]) == 2
        assert fresh_english["warnings"][0] == decode and "not supported" in fresh_english["warnings"][1]
    assert "language_supported" not in fresh_hindi and fresh_hindi["warnings"] == [decode]
    assert _items(fresh_hindi) > 0


def test_a_fetched_page_with_a_few_bad_bytes_carries_the_warning_into_its_record():
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from extractor.acquire.fetch import fetch_url
    from extractor.extract import extract_documents

    data, cut = HINDI.encode(), len(HINDI[:12].encode())
    body = data[:cut] + b"\xff" + data[cut:]

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/news.txt"
        (record,) = extract_documents([fetch_url(url)])
    finally:
        server.shutdown()
        server.server_close()
    assert record["warnings"] == [f"{url}: decode: 1 byte sequence not valid UTF-8 (first at offset {cut}) "
                                  "replaced by U+FFFD. Check the file if text is missing there."]
    assert [p["name"] for p in record["places"]] == ["रायपुर"]
