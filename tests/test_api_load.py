"""The API under load, against real servers: a large /extract does not hold up small ones, the
response cache never serves an answer older than the store, `serve --workers N` runs N processes."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from extractor.store import open_store
from test_api_support import KEYS, REPO, LiveServer, database
from test_store_queries import place_doc
from test_store_support import ENGINES

SAMPLE = (REPO / "corpus" / "samples" / "press_release_collector_meeting.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_tiny_extract_finishes_while_a_large_one_is_in_flight(tmp_path):
    large_text = "\n".join([SAMPLE] * 60)  # ~165,000 characters: seconds of work
    with LiveServer(f"sqlite:///{tmp_path / 'lanes.db'}", api_large_chars=20_000) as live, live.client() as c:
        assert c.post("/extract", json={"text": SAMPLE}).status_code == 200  # this lane's pipeline loaded
        large: dict = {}

        def send_large():
            with live.client() as lc:
                large["response"] = lc.post("/extract", json={"text": large_text})

        sender = threading.Thread(target=send_large)
        sender.start()
        time.sleep(0.5)  # the large one is in its process now
        busy = c.post("/extract", json={"text": large_text + " दूसरा"})
        tiny = c.post("/extract", json={"text": SAMPLE + " छोटा"})
        still_running = sender.is_alive()
        sender.join(300)
    assert tiny.status_code == 200 and "छोटा" in tiny.json()["text"]
    assert still_running, "the large request ended before the tiny one: nothing was shown"
    assert busy.status_code == 503 and busy.headers["retry-after"] and "large document" in busy.json()["error"]
    assert large["response"].status_code == 200, large["response"].text
    assert len(large["response"].json()["text"]) > 20_000  # over the lane threshold even once cleaned


@pytest.mark.slow
def test_a_large_extract_over_its_time_budget_is_stopped_and_the_next_one_runs(tmp_path):
    text = "\n".join([SAMPLE] * 10)
    with LiveServer(f"sqlite:///{tmp_path / 'lanes.db'}", api_large_chars=1_000, api_large_timeout=0.2) as live, \
            live.client() as c:
        over = c.post("/extract", json={"text": text})  # the child cannot even load spaCy in 0.2 s
        live.app.state.lanes.large.timeout = 300
        after = c.post("/extract", json={"text": text})
    assert over.status_code == 503 and "EXTRACTOR_API_LARGE_TIMEOUT" in over.json()["error"]
    assert after.status_code == 200 and after.json()["doc_id"]


@pytest.mark.parametrize("engine", ENGINES)
def test_cached_lists_change_as_soon_as_the_store_does(engine, tmp_path):
    with database(engine, tmp_path) as url, LiveServer(url, api_keys=",".join(KEYS)) as live, live.client() as c:
        live.store.ingest(place_doc("संजीव शुक्ला", "बिलासपुर", "यूनिसेफ", "2024-01-15").record)
        first = c.get("/places").json()
        hits = live.app.state.cache["hits"]
        assert c.get("/places").json() == first and live.app.state.cache["hits"] == hits + 1  # from the cache
        open_store(url).ingest(place_doc("अंकिता शर्मा", "रायपुर", "दुर्ग पुलिस", "2024-07-02").record)  # another Store
        second = c.get("/places").json()
    assert {p["name"] for p in first["items"]} == {"बिलासपुर"}
    assert {p["name"] for p in second["items"]} == {"बिलासपुर", "रायपुर"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.slow
def test_serve_with_two_workers_runs_two_processes_and_every_answer_sees_every_write(tmp_path):
    url, port = f"sqlite:///{tmp_path / 'workers.db'}", _free_port()
    store = open_store(url)
    store.ingest(place_doc("संजीव शुक्ला", "बिलासपुर", "यूनिसेफ", "2024-01-15").record)
    server = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--db", url, "--port", str(port),
                               "--workers", "2"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()[-2000:]
            time.sleep(0.2)
        workers = [p for p in _children(server.pid) if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text()]
        # A connection per request, so that the kernel hands them to either worker.
        before = [httpx.get(f"{base}/places", timeout=30).json() for _ in range(20)]
        store.ingest(place_doc("अंकिता शर्मा", "रायपुर", "दुर्ग पुलिस", "2024-07-02").record)
        after = [httpx.get(f"{base}/places", timeout=30).json() for _ in range(20)]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        store.close()
    assert len(workers) == 2
    assert all({p["name"] for p in page["items"]} == {"बिलासपुर"} for page in before)
    assert all({p["name"] for p in page["items"]} == {"बिलासपुर", "रायपुर"} for page in after)


def test_a_large_document_that_fails_is_reported_as_its_input_error():
    # The error comes back from the large-document process as the InputError itself (pickled),
    # with its stage and hint, not as a crash.
    from api.lanes import LargeLane
    from extractor.document import RawDocument
    from extractor.errors import InputError

    lane = LargeLane(timeout=120)
    try:
        with pytest.raises(InputError) as caught:
            lane.extract(RawDocument(name="big.html", html="<html><body><p></p>" + "<div></div>" * 5_000),
                         size=60_000)
    finally:
        lane.close()
    assert caught.value.source == "big.html" and caught.value.stage and caught.value.hint


def test_an_input_error_survives_pickling_whole():
    import pickle

    from extractor.errors import InputError

    error = pickle.loads(pickle.dumps(InputError("a.txt", "clean", "no text left", "Give the page's HTML.")))
    assert (error.source, error.stage, error.problem, error.hint) == ("a.txt", "clean", "no text left",
                                                                     "Give the page's HTML.")
    assert str(error) == "a.txt: clean: no text left. Give the page's HTML."
