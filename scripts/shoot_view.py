#!/usr/bin/env python3
"""Screenshots of `policy-nlp view` and `policy-nlp serve` for the README, and page load times.

usage: python scripts/shoot_view.py [--out docs/img] [--big-mb 2]

Writes docs/img/view.png (the page of a seed), docs/img/serve.png (Datasette over a seed
database) and docs/img/serve-document.png; prints how long the page of the largest seed and of a
file of about --big-mb MB (the seeds repeated) take to load in headless Chromium (Debian's
`chromium`, driven by Playwright), and how long rendering the page takes in Python.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _load_time(browser, path: Path) -> tuple[float, int]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    t0 = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")  # first paint done
    seconds = time.perf_counter() - t0
    marks = page.locator(".mk[data-first]").count()
    t0 = time.perf_counter()
    page.mouse.wheel(0, 200_000)  # scroll to the far end
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
    page.close()
    return seconds, marks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--big-mb", type=float, default=2.0)
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from nlp.view import view_files

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("no chromium: apt-get install chromium", file=sys.stderr)
        return 1
    a.out.mkdir(parents=True, exist_ok=True)
    seeds = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
    largest = max(seeds, key=lambda p: p.stat().st_size)
    tmp = Path(tempfile.mkdtemp(prefix="policy-nlp-shoot-"))
    big = tmp / "big.txt"
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
    big.write_text(unit * max(1, int(a.big_mb * 1024 * 1024 / len(unit.encode("utf-8")))), encoding="utf-8")
    pages = {}
    for name, path in (("largest seed", largest), (f"{big.stat().st_size / 1e6:.1f} MB file", big)):
        t0 = time.perf_counter()
        html = view_files([path])
        render = time.perf_counter() - t0
        out = tmp / f"{path.stem}.html"
        out.write_text(html, encoding="utf-8")
        pages[name] = (out, render, len(html.encode("utf-8")))
    db = tmp / "seeds.db"
    subprocess.run([sys.executable, "-m", "nlp.cli", "batch", str(ROOT / "corpora" / "seeds"), "-o", str(db),
                    "-j", "1", "--quiet"], check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "nlp.cli", "serve", str(db), "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
            print(f"{'page':<20} {'render s':>9} {'HTML MB':>8} {'load s':>7} {'marks':>6}")
            for name, (path, render, size) in pages.items():
                seconds, marks = _load_time(browser, path)
                print(f"{name:<20} {render:>9.2f} {size / 1e6:>8.2f} {seconds:>7.2f} {marks:>6}")
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(pages["largest seed"][0].as_uri())
            page.screenshot(path=str(a.out / "view.png"))
            page.goto(f"{base}/seeds/mentions")  # facets come from the shipped metadata
            page.locator(".facet-results").scroll_into_view_if_needed()
            page.evaluate("() => window.scrollBy(0, -40)")
            page.screenshot(path=str(a.out / "serve.png"))
            page.goto(f"{base}/seeds/documents")
            page.locator("table.rows-and-columns a[href^='/-/document']").first.click()
            page.wait_for_load_state()
            page.screenshot(path=str(a.out / "serve-document.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"screenshots: {a.out / 'view.png'}, {a.out / 'serve.png'}, {a.out / 'serve-document.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
