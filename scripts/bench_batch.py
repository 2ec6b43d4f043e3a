#!/usr/bin/env python3
"""Benchmark the batch: throughput, stage shares, memory, -j 2 speed-up, peer baseline.

usage: python scripts/bench_batch.py [--mb 50] [--jobs 1,2] [--no-peer] [--no-themes] [--engine local|dask|both]

Builds a corpus of at least --mb MB from corpora/seeds and variants of each seed (traditional
via OpenCC s2t, flattened onto one line, GB18030-encoded) in a temporary folder, runs the
batch with each -j, and prints MB/s, documents/s, per-stage time shares (sampled), peak RSS
per worker and the speed-up. The peer baseline is JioNLP clean_text + extract_time plus
OpenCC t2s over the same texts, in one process, given the same wall-clock budget as our -j 1
run at most (it is reported as a rate, so a sample suffices).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.batch import find_inputs, run_batch  # noqa: E402
from nlp.settings import Settings  # noqa: E402


def build_corpus(out: Path, mb: float) -> list[tuple[Path, str]]:
    """Write seeds and their variants until ``mb`` MB; return (path, encoding) pairs."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    seeds = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
    variants = []
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        variants += [(f"{seed.stem}_simp.txt", text, "utf-8"),
                     (f"{seed.stem}_trad.txt", s2t.convert(text), "utf-8"),
                     (f"{seed.stem}_flat.txt", "".join(text.split()), "utf-8"),
                     (f"{seed.stem}_gb.txt", text, "gb18030")]
    encoded = [(name, text.encode(enc, errors="replace"), enc) for name, text, enc in variants]
    out.mkdir(parents=True, exist_ok=True)
    made, total, i = [], 0, 0
    while total < mb * 1e6:
        name, data, enc = encoded[i % len(encoded)]
        path = out / f"{i:06d}_{name}"
        path.write_bytes(data)
        made.append((path, enc))
        total += len(data)
        i += 1
    return made


def run_local(corpus: Path, jobs: int, settings: Settings, work: Path) -> dict:
    db = work / f"bench_j{jobs}.db"
    for p in work.glob(f"bench_j{jobs}.db*"):
        p.unlink()
    before = _cpu()
    summary = run_batch([corpus], db, jobs=jobs, settings=settings, profile=True)
    after = _cpu()
    out = summary.as_dict()
    # CPU seconds, which the other programs on a shared box disturb less than the wall clock:
    # the workers' (children, counted once the pool has joined them) and the parent's (the writer)
    out["worker_cpu_s"] = round(after[1] - before[1], 2)
    out["parent_cpu_s"] = round(after[0] - before[0], 2)
    return out


def _cpu() -> tuple[float, float]:
    """(this process's CPU seconds, its waited-for children's CPU seconds)."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def run_dask(corpus: Path, workers: int, settings: Settings, work: Path) -> dict | None:
    try:
        from nlp.batch.engine_dask import run_dask_batch
    except ImportError as err:
        print(f"dask engine unavailable: {err}")
        return None
    out = work / f"dask_w{workers}"
    shutil.rmtree(out, ignore_errors=True)
    return run_dask_batch([corpus], out, settings=settings, workers=workers, quiet=True).as_dict()


def run_peer(files: list[tuple[Path, str]], budget: float) -> dict:
    """JioNLP clean_text + extract_time and OpenCC t2s, one process, up to ``budget`` seconds."""
    try:
        import jionlp
        import opencc
    except Exception as err:  # the baseline is optional: report why it is skipped
        return {"skipped": f"jionlp not importable: {type(err).__name__}: {err}"}
    import logging

    logging.disable(logging.ERROR)  # JioNLP logs a traceback for every string it cannot parse
    extract_time = getattr(jionlp, "extract_time", None) or jionlp.ner.extract_time
    t2s = opencc.OpenCC("t2s")
    extract_time("2010年5月20日")  # load its dictionaries outside the timing
    t0 = time.perf_counter()
    c0 = time.process_time()
    done_bytes = done_files = 0
    for path, enc in files:
        data = path.read_bytes()
        text = t2s.convert(data.decode(enc, errors="replace"))
        # extract_time is meant for short strings: give it one sentence or line at a time
        for piece in text.replace("。", "。\n").splitlines():
            piece = jionlp.clean_text(piece)
            if piece.strip():
                extract_time(piece)
        done_bytes += len(data)
        done_files += 1
        if time.perf_counter() - t0 > budget:
            break
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {"files": done_files, "mb": round(done_bytes / 1e6, 3), "elapsed_s": round(elapsed, 2),
            "mb_per_s": round(done_bytes / 1e6 / elapsed, 3) if elapsed else None,
            "cpu_s": round(cpu, 2), "mb_per_cpu_s": round(done_bytes / 1e6 / cpu, 3) if cpu else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50, help="corpus size in MB (default 50)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated -j values (default 1,2)")
    ap.add_argument("--engine", choices=("local", "dask", "both"), default="local")
    ap.add_argument("--no-peer", action="store_true", help="skip the JioNLP baseline")
    ap.add_argument("--no-themes", action="store_true", help="skip passage classification")
    ap.add_argument("--peer-budget", type=float, default=None, help="seconds for the baseline (default: our -j 1 time)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args()
    settings = Settings(classify=not a.no_themes)
    jobs = [int(j) for j in a.jobs.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        corpus = work / "corpus"
        files = build_corpus(corpus, a.mb)
        size = sum(p.stat().st_size for p, _ in files)
        print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB (simplified, traditional, flattened, GB18030) "
              f"in {corpus}")
        assert len(find_inputs([corpus])) == len(files)
        report: dict = {"corpus_mb": round(size / 1e6, 2), "corpus_files": len(files), "local": {}}
        if a.engine in ("local", "both"):
            for j in jobs:
                r = run_local(corpus, j, settings, work)
                report["local"][j] = r
                print(f"-j {j}: {r['mb_per_s']:.3f} MB/s, {r['docs_per_s']:.1f} docs/s, "
                      f"{r['documents']} docs in {r['elapsed_s']:.1f} s, ok {r['ok']} failed {r['failed']}, "
                      f"peak RSS/worker {r['peak_rss_mb_per_worker']} MB, parent write {r['write_s']:.1f} s")
                print(f"       CPU: workers {r['worker_cpu_s']:.1f} s ({size / 1e6 / r['worker_cpu_s']:.3f} MB per "
                      f"worker-CPU-second), parent {r['parent_cpu_s']:.1f} s "
                      f"({r['parent_cpu_s'] / max(r['worker_cpu_s'], 1e-9):.0%} of the workers': the writer, "
                      f"the FTS index)")
                shares = ", ".join(f"{k} {v:.1%}" for k, v in r["stage_shares"].items())
                print(f"       worker time by stage (sampled): {shares}")
            if 1 in report["local"] and 2 in report["local"]:
                speedup = report["local"][2]["mb_per_s"] / report["local"][1]["mb_per_s"]
                report["speedup_j2_over_j1"] = round(speedup, 3)
                print(f"speed-up -j 2 / -j 1: {speedup:.2f}x (target >= 1.8x)")
        if a.engine in ("dask", "both"):
            report["dask"] = {}
            for w in jobs:
                r = run_dask(corpus, w, settings, work)
                if r is None:
                    break
                report["dask"][w] = r
                line = f"dask {w} worker(s): {r['mb_per_s']:.3f} MB/s, {r['docs_per_s']:.1f} docs/s"
                local = report["local"].get(w)
                if local:
                    overhead = local["mb_per_s"] / r["mb_per_s"] - 1
                    report.setdefault("dask_overhead", {})[w] = round(overhead, 3)
                    line += f", overhead vs local -j {w}: {overhead:+.1%} (target < 15%)"
                print(line)
            if 1 in report["dask"] and 2 in report["dask"]:
                print(f"dask scaling 1 -> 2 workers: {report['dask'][2]['mb_per_s'] / report['dask'][1]['mb_per_s']:.2f}x")
        if not a.no_peer:
            budget = a.peer_budget or (report["local"].get(1) or {}).get("elapsed_s") or 60
            peer = run_peer(files, budget)
            report["peer"] = peer
            if "skipped" in peer:
                print(f"peer baseline skipped: {peer['skipped']}")
            else:
                print(f"peer (JioNLP clean_text + extract_time + OpenCC t2s, 1 process): {peer['mb_per_s']:.3f} MB/s "
                      f"over {peer['mb']} MB sample")
                for j, r in report["local"].items():
                    ratio = r["mb_per_s"] / peer["mb_per_s"]
                    report.setdefault("ratio_vs_peer", {})[j] = round(ratio, 2)
                    print(f"ours -j {j} / peer: {ratio:.2f}x (> 1 means faster than the peer)")
                one = report["local"].get(1)
                if one and peer.get("mb_per_cpu_s") and one.get("worker_cpu_s"):
                    per_cpu = size / 1e6 / one["worker_cpu_s"] / peer["mb_per_cpu_s"]
                    both = size / 1e6 / (one["worker_cpu_s"] + one["parent_cpu_s"]) / peer["mb_per_cpu_s"]
                    report["ratio_vs_peer_per_cpu"] = {"worker": round(per_cpu, 2), "worker_and_parent": round(both, 2)}
                    print(f"ours -j 1 / peer per CPU-second: {per_cpu:.2f}x the worker alone, {both:.2f}x with the "
                          f"parent's writing (less disturbed by a shared box than the wall-clock ratio)")
        if a.json:
            a.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
