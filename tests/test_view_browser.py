"""`policy-nlp view` and `policy-nlp serve` in a real browser (headless Chromium driven by Playwright).

The browser is Debian's `chromium` (.ci/run installs it when missing); these tests skip, saying
why, only when no Chromium or no Playwright can be found.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from nlp.pipeline import process_file
from nlp.settings import Settings
from nlp.view import render_documents, view_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
TYPES = ("date", "percentage", "target", "party")


def _chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    if exe is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium; apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (it is in the dev extra: pip install -e '.[dev]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.console_errors = errors
    yield pg
    pg.close()


def _page_file(tmp_path: Path, seed: Path) -> Path:
    out = tmp_path / f"{seed.stem}.html"
    out.write_text(view_files([seed]), encoding="utf-8")
    return out


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_seed_page_marks_every_mention_and_loads_cleanly(page, tmp_path, seed):
    docs = process_file(seed, Settings())
    page.goto(_page_file(tmp_path, seed).as_uri())
    assert page.console_errors == []
    for t in TYPES:
        want = sum(1 for d in docs for m in d.mentions if m.type == t)
        assert page.locator(f".mk[data-first][data-type={t}]").count() == want, t
    assert page.locator("section.doc").count() == len(docs)


def test_outline_click_scrolls_heading_into_view(page, tmp_path):
    seed = SEEDS[1]  # the long multi-document seed: headings far below the fold
    page.goto(_page_file(tmp_path, seed).as_uri())
    links = page.locator("a.ol-link")
    assert links.count() > 5
    link = links.nth(links.count() - 1)
    anchor = link.get_attribute("data-anchor")
    before = page.evaluate("window.scrollY")
    link.click()
    page.wait_for_timeout(200)
    top = page.evaluate(f"document.getElementById({json.dumps(anchor)}).getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > before
    assert 0 <= top < page.viewport_size["height"]


def test_toggle_hides_exactly_its_type(page, tmp_path):
    page.goto(_page_file(tmp_path, SEEDS[1]).as_uri())
    bg = "el => getComputedStyle(el).backgroundColor"
    transparent = "rgba(0, 0, 0, 0)"
    shown = {t: page.locator(f".mk[data-type={t}]").first.evaluate(bg) for t in TYPES
             if page.locator(f".mk[data-type={t}]").count()}
    assert len(shown) >= 3 and transparent not in shown.values()
    page.locator(".toggle[data-type=date]").uncheck()
    after = page.locator(".mk[data-type=date]").evaluate_all(f"els => els.map({bg})")
    assert set(after) == {transparent}
    for t in shown:
        if t != "date":
            assert page.locator(f".mk[data-type={t}]").first.evaluate(bg) == shown[t]
    page.locator(".toggle[data-type=date]").check()
    assert page.locator(".mk[data-type=date]").first.evaluate(bg) == shown["date"]


def test_hover_shows_value_and_click_shows_original(page, tmp_path):
    page.goto(_page_file(tmp_path, SEEDS[0]).as_uri())
    mark = page.locator(".mk[data-first][data-type=date]").first
    mark.hover()
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert tip.inner_text() == mark.get_attribute("data-value")
    mark.click()
    detail = page.locator("#detail")
    assert detail.is_visible()
    assert "原文" in detail.inner_text()  # the original (pre-normalization) text through the offset map


def test_original_switch_shows_file_text(page, tmp_path):
    seed = SEEDS[0]  # a traditional-script original: normalized text differs from the file's
    page.goto(_page_file(tmp_path, seed).as_uri())
    page.locator(".toggle-original").check()
    original = page.locator("pre.original").first
    assert original.is_visible() and not page.locator(".text").first.is_visible()
    assert original.inner_text().strip()[:20] in seed.read_text(encoding="utf-8")


def test_passage_click_explains_theme(page, tmp_path):
    docs = process_file(SEEDS[1], Settings())
    if not any(p.themes for d in docs for p in d.passages):
        pytest.skip("no themed passage in this seed with the current model")
    page.goto(_page_file(tmp_path, SEEDS[1]).as_uri())
    page.locator(".pg").first.click(position={"x": 2, "y": 2})
    assert "依据" in page.locator("#detail").inner_text()


def test_page_is_self_contained(tmp_path):
    html = view_files([SEEDS[0]])
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "<script src" not in html and "<link" not in html


def test_render_escapes_document_text():
    from nlp.model import Document, Mention

    doc = Document(source="x.txt", doc_index=0, text="<script>alert(1)</script> 2024年", title="<b>t</b>",
                   mentions=[Mention("date", 26, 31, "2024年", {"start": "2024", "end": "2024", "kind": "point"})])
    html = render_documents([doc], explain=False)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>t</b>" not in html


# ------------------------------------------------------------------ serve (Datasette)

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    pytest.importorskip("datasette", reason="Datasette is the web extra: pip install -e '.[web]'")
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "seeds.db"
    cli = [sys.executable, "-m", "nlp.cli"]
    subprocess.run(cli + ["batch", str(ROOT / "corpora" / "seeds"), "-o", str(db), "-j", "1", "--quiet"],
                   check=True, capture_output=True, timeout=300)
    import sqlite3

    con = sqlite3.connect(db)  # fold the batch's WAL into the file, so any side file after serve is serve's
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    assert not list(folder.glob("seeds.db-*"))
    port = _free_port()
    proc = subprocess.Popen(cli + ["serve", str(db), "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"serve exited: {proc.stdout.read()}")
            time.sleep(0.2)
    yield base, db
    proc.terminate()
    proc.wait(timeout=10)
    assert not list(folder.glob("seeds.db-*")), "serve must open the database read-only"


def test_serve_search_finds_a_passage_word(page, served):
    base, db = served
    page.goto(f"{base}/seeds/passages?_search=" + urllib.request.quote("医务人员"))
    assert page.console_errors == []
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() >= 1
    assert "医务人员" in page.locator("table.rows-and-columns").inner_text()


def test_serve_facet_narrows_rows(page, served):
    base, _ = served
    page.goto(f"{base}/seeds/mentions?_facet=type")
    total = int(page.locator("h3").first.inner_text().split()[0].replace(",", ""))
    page.locator(".facet-info[data-column=type] a").first.click()
    page.wait_for_load_state()
    narrowed = int(page.locator("h3").first.inner_text().split()[0].replace(",", ""))
    assert 0 < narrowed < total


def test_serve_document_page_has_marks(page, served):
    base, _ = served
    page.goto(f"{base}/seeds/documents")
    page.locator("table.rows-and-columns a[href^='/-/document']").first.click()
    page.wait_for_load_state()
    assert page.locator("section.doc").count() == 1
    assert page.locator(".mk[data-first]").count() > 0
    assert page.console_errors == []


def test_serve_refuses_a_foreign_file(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_text("not a database")
    r = subprocess.run([sys.executable, "-m", "nlp.cli", "serve", str(bad)], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2  # not a database: a usage error, as in query/search/export
    assert r.stderr.strip().startswith("error: ") and len(r.stderr.strip().splitlines()) == 1


def test_value_text_is_one_function_for_the_table_and_the_page():
    from nlp.render import value_text
    from nlp.view import page

    assert page.value_text is value_text
    party = {"name": "县卫生局", "role": "lead"}
    assert (value_text("party", party), value_text("party", party, "zh")) == ("县卫生局 (lead)", "县卫生局 · 牵头/领导")
    span = {"start": "2023-06", "end": "2023-09", "kind": "deadline"}
    assert (value_text("date", span), value_text("date", span, "zh")) == (
        "2023-06..2023-09 (deadline)", "2023-06 – 2023-09 (deadline)")


def test_a_long_document_page_loads_and_scrolls_to_its_end(page, tmp_path):
    """About 200 pages (one document of ~220k characters, thousands of marks): the page opens,
    every mark is there and the last one scrolls into view. The load time is printed (the note
    and scripts/shoot_view.py report it; no timing is asserted)."""
    from dataclasses import replace

    base = process_file(SEEDS[1], Settings())[0]
    copies = max(1, 220_000 // len(base.text))
    gap = len(base.text) + 2
    mentions = [replace(m, start=m.start + k * gap, end=m.end + k * gap) for k in range(copies) for m in base.mentions]
    passages = [replace(p, id=f"p{k}_{p.id}", start=p.start + k * gap, end=p.end + k * gap)
                for k in range(copies) for p in base.passages]
    long_doc = replace(base, text="\n\n".join([base.text] * copies), mentions=mentions, passages=passages,
                       sections=[], offsets=None)
    out = tmp_path / "long.html"
    out.write_text(render_documents([long_doc], explain=False), encoding="utf-8")
    started = time.perf_counter()
    page.goto(out.as_uri(), wait_until="load")
    seconds = time.perf_counter() - started
    print(f"\nlong page: {len(long_doc.text):,} characters, {len(mentions):,} marks, loaded in {seconds:.2f} s")
    assert page.console_errors == []
    assert page.locator(".mk[data-first]").count() == len(mentions)
    last = page.locator(".mk[data-first]").last
    last.scroll_into_view_if_needed()
    assert last.is_visible()
