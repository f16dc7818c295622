"""The built wheel carries every file the pipeline loads, and runs from outside the checkout."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from extractor.packs import get_pack

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(out), str(ROOT)], check=True, capture_output=True)
    (whl,) = out.glob("*.whl")
    return whl


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_wheel_holds_every_pack_file(wheel, lang):
    names = set(zipfile.ZipFile(wheel).namelist())
    pack = get_pack(lang, ROOT / "models")
    missing = [p for p in pack.files()
               if f"extractor/models/{lang}/{p.relative_to(pack.root).as_posix()}" not in names]
    assert f"extractor/models/{lang}/pipeline.cfg" in names and not missing, missing[:10]


@pytest.mark.slow
def test_installed_wheel_reads_english_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "EXTRACTOR_MODELS"}
    env["PYTHONPATH"] = str(target)
    script = ("import json; from extractor.extract import extract_text; from extractor.packs import "
              "available_languages; r = extract_text('Posted On: 03 JUN 2020 4:20PM by PIB Delhi\\n"
              "The Minister visited Puducherry and Odisha today and released Rs. 50 crore.'); "
              "print(json.dumps({'langs': available_languages(), 'language': r['language'], "
              "'places': [p['name'] for p in r['places']], 'money': [m['amount'] for m in r['money']]}))")
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    out = json.loads(run.stdout)
    assert "en" in out["langs"] and out["language"] == "en"
    assert out["places"] == ["Puducherry", "Odisha"] and out["money"] == [500_000_000]


def test_wheel_holds_the_web_view_templates_and_stylesheet(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    ui = ROOT / "api" / "ui"
    files = [p.relative_to(ROOT).as_posix() for p in (*ui.glob("templates/*"), *ui.glob("static/*"))]
    assert any(f.endswith(".css") for f in files) and any(f.endswith("base.html") for f in files)
    assert not [f for f in files if f not in names]
    assert "api/ui/routes.py" in names


@pytest.mark.slow
def test_installed_wheel_extracts_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "EXTRACTOR_MODELS"}
    env["PYTHONPATH"] = str(target)
    sample = ROOT / "corpus" / "samples" / "press_release_collector_meeting.txt"
    script = ("import extractor, json, sys; from extractor.extract import extract_text; "
              "print(json.dumps({'file': extractor.__file__, "
              "'record': extract_text(open(sys.argv[1], encoding='utf-8').read())}))")
    run = subprocess.run([sys.executable, "-c", script, str(sample)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    out = json.loads(run.stdout)
    assert out["file"].startswith(str(target))  # the wheel's copy, not the checkout
    assert out["record"]["officials"] and out["record"]["agencies"]


@pytest.mark.slow
def test_installed_wheel_serves_the_web_view(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k not in ("EXTRACTOR_MODELS", "EXTRACTOR_DB")}
    env["PYTHONPATH"] = str(target)
    script = ("import api, json; from fastapi.testclient import TestClient; from api.main import create_app; "
              "c = TestClient(create_app('sqlite:///ui.db')); "
              "print(json.dumps({'file': api.__file__, 'page': c.get('/ui/').status_code, "
              "'css': c.get('/ui/static/ui.css').text[:200]}))")
    run = subprocess.run([sys.executable, "-W", "ignore", "-c", script], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["file"].startswith(str(target)) and out["page"] == 200 and "Devanagari" in out["css"]
