"""The API fuzzed against its own OpenAPI document (schemathesis 4) on a live uvicorn server:
every operation, bounded examples, the API key sent, every default check: no 5xx, no response
outside the schema, no request valid by the schema refused, no invalid one accepted."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from test_api_support import KEYS, LiveServer, database
from test_store_queries import place_doc, programme_docs
from test_store_support import ENGINES

FUZZ = Path(__file__).resolve().parent / "fuzz"
ST = Path(sys.executable).with_name("st")


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_no_5xx_and_no_schema_violation(engine, tmp_path):
    if not ST.exists():
        pytest.skip("schemathesis is not installed: pip install -e '.[dev]'")
    with database(engine, tmp_path) as url, \
            LiveServer(url, api_keys=",".join(KEYS), fetch_retries=0, fetch_timeout=2) as live:
        for doc in programme_docs() + [place_doc("संजीव शुक्ला", "बिलासपुर", "यूनिसेफ", "2024-01-15")]:
            live.store.ingest(doc.record)
        command = [str(ST), "--config-file", str(FUZZ / "schemathesis.toml"), "run", f"{live.url}/openapi.json",
                   "-H", f"X-API-Key: {KEYS[0]}", "--seed", "17", "--generation-database", "none",
                   "--report", "junit", "--report-dir", str(tmp_path / "report")]
        if engine == "postgres":
            # The coverage phase's boundary values are the engine's concern only through the
            # store's queries, which the fuzzing phase reaches too: left to SQLite, for time.
            command += ["--phases", "examples,fuzzing", "-n", "15"]
        env = {**os.environ, "SCHEMATHESIS_HOOKS": "hooks",
               "PYTHONPATH": os.pathsep.join([str(FUZZ), os.environ.get("PYTHONPATH", "")])}
        operations = sum(len(item) for item in httpx.get(f"{live.url}/openapi.json").json()["paths"].values())
        run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    tail = "\n".join(run.stdout.splitlines()[-80:])
    assert run.returncode == 0, f"schemathesis found problems:\n{tail}\n{run.stderr[-2000:]}"
    assert f"{operations} API operations" in run.stdout or f"Tested: {operations}" in run.stdout, tail  # all ran
