"""The web view in a real browser: headless Chromium (the Debian package, driven by Playwright)
against a real uvicorn server on a SQLite store filled with records extracted from the
repository's own inputs. Read auth is on, as an operator would run it for a closed office.

UI_SCREENSHOTS=docs/screenshots also saves the main pages there (the README shows them).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from test_api_support import LiveServer
from test_ui_support import REPO, due_soon_record, real_records

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("no Chromium: install the Debian package `chromium` (.ci/run does)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the dev extra's `playwright` package is missing")

KEY = "ui-test-key-0123456789"
SHOTS = os.environ.get("UI_SCREENSHOTS")
# The text of an item: the text of every element carrying its id in data-items, in document order.
ITEM_TEXTS = """() => {
  const out = {};
  for (const el of document.querySelectorAll('article.text [data-items]'))
    for (const ref of el.dataset.items.split(' ')) {
      // a piece nested in another piece of the same item would count twice; there are none
      out[ref] = (out[ref] || '') + el.textContent;
    }
  return out;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('ui') / 'ui.db'}"
    with LiveServer(url, api_keys=KEY, read_auth=True) as live:
        for record in real_records():
            live.store.ingest(record)
        yield live


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server.url, extra_http_headers={"X-API-Key": KEY},
                                  viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def shot(page, name: str) -> None:
    if SHOTS:
        target = REPO / SHOTS if not Path(SHOTS).is_absolute() else Path(SHOTS)
        target.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target / f"{name}.png"), full_page=True)


def record_of(doc_id: str) -> dict:
    return next(r for r in real_records() if r["doc_id"] == doc_id)


def test_a_devanagari_font_is_installed_and_renders_glyphs_not_boxes(page):
    fonts = subprocess.run(["fc-list", ":lang=hi"], capture_output=True, text=True).stdout
    assert fonts.strip(), "no Devanagari font: install fonts-lohit-deva or fonts-noto-core (.ci/run does)"
    page.goto("/ui/")
    widths = page.evaluate("""() => {
      const w = s => { const e = document.createElement('span'); e.lang = 'hi'; e.textContent = s;
        e.style.fontSize = '40px'; document.body.append(e); const x = e.getBoundingClientRect().width; e.remove(); return x; };
      return [w('संजीव शुक्ला'), w('\\u0378'.repeat(12)), w('मिशन वात्सल्य'), w('\\u0378'.repeat(13))];
    }""")
    hindi, boxes, hindi2, boxes2 = widths
    # Twelve code points as boxes are twelve equal boxes; shaped Devanagari (matras, conjuncts) is narrower.
    assert hindi < 0.8 * boxes and hindi2 < 0.8 * boxes2, widths


def test_overview_to_programme_to_document_highlights_the_evidence(page, server):
    page.goto("/ui/")
    assert page.get_by_role("heading", name="Overview").is_visible()
    shot(page, "overview")
    road = next(r for r in real_records() if r["published"] == "2025-02-07")  # its only programme owns its statements
    programme_name = next(p.get("canonical") or p["name"] for p in road["programmes"])
    page.get_by_role("region", name="Most active programmes").get_by_role("link", name=programme_name).click()
    page.wait_for_url("**/ui/programmes/*")
    assert page.get_by_role("heading", level=1).inner_text() == programme_name
    entries = page.locator("ol.timeline > li")
    statements = road["decisions"] + road["action_points"]
    assert entries.count() == len(statements) > 0  # each decision and action point is one entry
    shot(page, "programme")
    evidence = entries.first.locator("a.evidence")
    quoted = evidence.inner_text()
    evidence.click()
    page.wait_for_url(f"**/ui/documents/{road['doc_id']}#m*")
    target = page.locator(":target")
    assert target.count() == 1
    refs = target.get_attribute("data-items").split()
    texts = page.evaluate(ITEM_TEXTS)
    text = road["text"]
    for ref in refs:
        kind, n = ref.rsplit("-", 1)
        start, end = road[kind][int(n)]["span"]
        assert texts[ref] == text[start:end]
    assert quoted == road[refs[0].rsplit("-", 1)[0]][int(refs[0].rsplit("-", 1)[1])]["text"]
    shot(page, "document")


def test_every_item_of_every_document_is_highlighted_with_its_fields(page):
    for record in real_records():
        page.goto(f"/ui/documents/{record['doc_id']}")
        texts = page.evaluate(ITEM_TEXTS)
        expected = {f"{kind}-{n}": record["text"][i["span"][0]:i["span"][1]]
                    for kind in ("places", "dates", "officials", "agencies", "programmes", "money",
                                 "decisions", "action_points")
                    for n, i in enumerate(record[kind]) if i.get("span")}
        assert {k: v for k, v in texts.items() if not k.endswith(".name")} == expected
        for n, official in enumerate(record["officials"]):
            if official.get("name_span"):  # the name nested inside the official's span
                s, e = official["name_span"]
                assert texts[f"officials-{n}.name"] == record["text"][s:e]
                assert page.locator(f'mark.k-officials mark.k-name[data-items="officials-{n}.name"]').count() >= 1
    first = page.locator("article.text [tabindex='0']").first
    first.focus()
    tip = page.evaluate("el => getComputedStyle(el, '::after').content", first.element_handle())
    assert tip.strip('"').split("\\a")[0] in {"place", "date", "official", "agency", "programme", "money",
                                              "decision", "action point"}, tip
    legend = page.get_by_role("region", name="Legend")
    assert legend.locator(".swatch").count() >= 3


def test_keyboard_reaches_items_and_focus_shows_the_fields(page):
    record = due_soon_record()
    page.goto(f"/ui/documents/{record['doc_id']}")
    for _ in range(40):  # from the top: skip link, nav, search, ... then the items of the text
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('article.text') !== null"):
            break
    focused = page.evaluate("({items: document.activeElement.dataset.items, tip: document.activeElement.dataset.tip,"
                            " after: getComputedStyle(document.activeElement, '::after').content})")
    assert focused["items"] and focused["after"] not in ("none", "normal", "")
    assert focused["tip"].split("\n")[0] in focused["after"]


def test_action_point_filters(page):
    today = due_soon_record()["published"]
    page.goto("/ui/action-points")
    shot(page, "action-points")
    page.get_by_label("Due on or after").fill("2025-04-01")
    page.get_by_label("Due before").fill("2025-07-01")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**due_after=2025-04-01**")
    shown = page.locator("table.list tbody td.date").all_inner_texts()
    expected = sorted(a["deadline"] for r in real_records() for a in r["action_points"]
                      if a["deadline"] and "2025-04-01" <= a["deadline"] < "2025-07-01")
    assert [s.split()[0] for s in shown] == expected and expected
    page.goto("/ui/action-points")
    page.get_by_label("Overdue only").check()
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**overdue=true**")
    rows = page.locator("table.list tbody tr")
    overdue = [a for r in real_records() for a in r["action_points"] if a["deadline"] and a["deadline"] < today]
    assert rows.count() == len(overdue) and page.locator("table.list tbody .badge").count() == len(overdue)
    page.goto("/ui/action-points")
    page.get_by_label("Owner").fill("थाना प्रभारी")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**owner=**")
    assert page.locator("table.list tbody td:nth-child(3)").all_inner_texts() == ["सभी थाना प्रभारियों"]


def test_document_filters_and_search_box(page):
    page.goto("/ui/documents")
    page.get_by_label("Publisher").fill("Press Information Bureau")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**publisher=**")
    titles = page.locator("table.list tbody td:first-child a").all_inner_texts()
    assert sorted(titles) == sorted(r["title"] for r in real_records()
                                    if (r["source"] or {}).get("publisher") == "Press Information Bureau")
    shot(page, "documents")
    page.get_by_label("Search text and names").fill("vatsalya")
    page.get_by_label("Search text and names").press("Enter")
    page.wait_for_url("**/ui/search?q=vatsalya")
    assert page.get_by_role("region", name="Names").get_by_role("link", name="Mission Vatsalya").count() == 1
    page.get_by_label("Search text and names").fill("शौचालयों")
    page.get_by_label("Search text and names").press("Enter")
    hits = page.get_by_role("region", name="Documents containing every word").locator("ol.hits > li > a")
    assert hits.all_inner_texts() == [due_soon_record()["title"]]
    hits.first.click()
    assert page.get_by_role("heading", level=1).inner_text() == due_soon_record()["title"]


def test_read_auth_is_enforced_on_every_page(browser, server):
    for headers, status in (({}, 401), ({"X-API-Key": "not-a-key"}, 403)):
        context = browser.new_context(base_url=server.url, extra_http_headers=headers)
        p = context.new_page()
        for path in ("/ui/", "/ui/documents", f"/ui/documents/{real_records()[0]['doc_id']}", "/ui/static/ui.css"):
            response = p.goto(path)
            assert response.status == status, path
        assert "EXTRACTOR_READ_AUTH" in p.goto("/ui/").text() if status == 401 else True
        assert real_records()[0]["title"] not in p.content()
        context.close()


def test_phone_width_stacks_the_record_under_the_text(browser, server):
    context = browser.new_context(base_url=server.url, extra_http_headers={"X-API-Key": KEY},
                                  viewport={"width": 390, "height": 844}, is_mobile=True)
    p = context.new_page()
    record = record_of(real_records()[1]["doc_id"])
    p.goto(f"/ui/documents/{record['doc_id']}")
    text_box, record_box = p.locator("article.text").bounding_box(), p.locator("aside.record").bounding_box()
    assert record_box["y"] >= text_box["y"] + text_box["height"] - 1
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    for path in ("/ui/", "/ui/action-points"):
        p.goto(path)
        assert p.evaluate("document.documentElement.scrollWidth") <= 390, path
    shot(p, "document-phone")
    context.close()


def test_every_page_has_labelled_controls_one_heading_and_a_search_box(page):
    paths = ["/ui/", "/ui/programmes", "/ui/action-points", "/ui/documents", "/ui/search?q=vatsalya",
             f"/ui/documents/{real_records()[0]['doc_id']}"]
    for path in paths:
        page.goto(path)
        report = page.evaluate("""() => ({
          unlabelled: [...document.querySelectorAll('input, select, button')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
            .map(e => e.outerHTML),
          h1: document.querySelectorAll('h1').length,
          search: !!document.querySelector('form[role=search] input[type=search]'),
          current: [...document.querySelectorAll('nav a[aria-current=page]')].length,
        })""")
        assert report["unlabelled"] == [] and report["h1"] == 1 and report["search"], (path, report)
        assert report["current"] <= 1, path


def test_entity_page_from_a_documents_record_panel(page):
    record = next(r for r in real_records() if r["officials"])
    page.goto(f"/ui/documents/{record['doc_id']}")
    page.locator(f"li#f-officials-0 a.entity").click()
    page.wait_for_url("**/ui/entities/*")
    names = page.get_by_role("region", name="Names").inner_text()
    assert record["officials"][0]["name"] in names
    evidence = page.locator("table.list tbody tr")
    assert evidence.count() >= 1 and record["officials"][0]["name"] in evidence.first.inner_text()
    evidence.first.get_by_role("link").click()
    assert page.locator(":target").get_attribute("data-items").split()[0].startswith("officials-")
