#!/usr/bin/env python3
"""The batch on the hostile folder: time, database size, memory per worker, expected outcomes.

usage: python scripts/bench_hostile.py [--folder DIR] [--big-mb 200] [--jobs 2] [-- BATCH OPTIONS]

Writes the folder with ../shared/tools/make_hostile.py (unless --folder is given), runs
``policy-nlp batch FOLDER -o DB -j JOBS --json`` as a subprocess, samples the resident memory
of every worker process every 0.2 s (psutil), and checks each file of EXPECTED.tsv against
the database: ``ok`` must have status ok, ``error`` status failed with a one-line error that
names the file, ``any`` either. Targets (issue 14): under 3 minutes, database under 10x the
input, peak RSS per worker under 400 MB, every expected outcome met.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_HOSTILE = ROOT.parent / "shared" / "tools" / "make_hostile.py"


def sample_rss(pid: int, peaks: dict, stop: threading.Event) -> None:
    import psutil

    parent = psutil.Process(pid)
    while not stop.wait(0.2):
        try:
            children = parent.children(recursive=True)
        except psutil.NoSuchProcess:
            return
        for child in children:
            try:
                mb = child.memory_info().rss / 2**20
            except psutil.Error:
                continue
            peaks[child.pid] = max(peaks.get(child.pid, 0.0), mb)


def check_expected(folder: Path, db: Path) -> list[tuple[str, str, str, bool]]:
    expected = dict(line.split("\t") for line in (folder / "EXPECTED.tsv").read_text().splitlines())
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    status = {Path(f).name: s for f, s in con.execute("SELECT file, status FROM files")}
    errors = {Path(f).name: m for f, m in con.execute("SELECT file, message FROM errors")}
    rows = []
    for name, want in sorted(expected.items()):
        got = status.get(name, "absent")
        message = errors.get(name, "")
        if want == "ok":
            met = got == "ok"
        elif want == "error":
            met = got == "failed" and message.startswith(name + ":") and "\n" not in message
        else:
            met = got in ("ok", "failed")
        rows.append((name, want, got if not message else f"{got}: {message[:90]}", met))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folder", type=Path)
    ap.add_argument("--big-mb", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("extra", nargs="*", help="more batch options, after --")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    folder = a.folder
    if folder is None:
        folder = work / "hostile"
        subprocess.run([sys.executable, str(MAKE_HOSTILE), str(folder), "--big-mb", str(a.big_mb)], check=True)
    db = work / "hostile.db"
    cmd = [sys.executable, "-m", "nlp.cli", "batch", str(folder), "-o", str(db), "-j", str(a.jobs), "--json", *a.extra]
    peaks: dict[int, float] = {}
    stop = threading.Event()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    sampler = threading.Thread(target=sample_rss, args=(proc.pid, peaks, stop), daemon=True)
    sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    stop.set()
    summary = json.loads(out) if out.strip() else {}
    input_mb = sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 1e6
    db_mb = sum(p.stat().st_size for p in work.glob("hostile.db*")) / 1e6
    rows = check_expected(folder, db)
    print(f"command: {' '.join(cmd[1:])}")
    print(f"exit code {proc.returncode}; stderr: {err.strip()[-300:]}")
    print(f"| figure | value | target |\n|---|---:|---|")
    print(f"| wall time | {elapsed:.1f} s | < 180 s |")
    print(f"| input | {input_mb:.1f} MB | |")
    print(f"| database | {db_mb:.1f} MB ({db_mb / input_mb:.2f}x input) | < 10x |")
    print(f"| peak RSS per worker (sampled) | {max(peaks.values(), default=0):.0f} MB | < 400 MB |")
    print(f"| peak RSS per worker (ru_maxrss) | {summary.get('peak_rss_mb_per_worker')} MB | |")
    print(f"| expected outcomes met | {sum(r[3] for r in rows)} of {len(rows)} | all |")
    print("\n| file | expected | got | met |\n|---|---|---|---|")
    for name, want, got, met in rows:
        print(f"| {name} | {want} | {got} | {'yes' if met else 'NO'} |")
    for note in summary.get("cut", []):
        print(f"cut: {Path(note['file']).name}: {note['note']}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
