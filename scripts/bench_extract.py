#!/usr/bin/env python3
"""Extraction throughput and peak memory on a corpus, beside JioNLP's extract_time.

usage: python scripts/bench_extract.py [DOCS_DIR] [--repeat N] [--ner rules|hanlp|auto] [--themes] [--cpu K] [--cold]
                                       [--cpu-clock]

Runs the real pipeline (``nlp.pipeline.process_text``) on every file of DOCS_DIR (default
``corpora/seeds``) on one core and prints characters per second, overall and per stage
(normalize, split, outline, each extractor), with each stage's peak Python memory
(tracemalloc) and the process's peak RSS. Stages are timed by wrapping the stage functions the
pipeline calls, so the pipeline's own order is what gets measured.

The peer: ``jionlp.extract_time`` on the same normalized document texts, in the same run, and
issue 12's peer, the same plus OpenCC ``t2s`` over every decoded file; the ratios say how many
times faster (> 1) or slower (< 1) our date extractor and our whole pipeline are. A ``stages``
line gives each stage's share of the pipeline's time. If jionlp is not installed (``pip install jionlp``), the peer is skipped.
Times are the best of ``--repeat`` runs, after one warm-up run that loads lexicons and models.
``--cold`` also times ``policy-nlp extract FILE`` in a fresh process for each file (first document
out: imports, lexicons, jieba's dictionary and the theme model included).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "TOKENIZERS_PARALLELISM"):
    os.environ.setdefault(_var, "1" if _var != "TOKENIZERS_PARALLELISM" else "false")

import argparse  # noqa: E402
import contextlib  # noqa: E402
import io  # noqa: E402
import logging  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# the tree this script sits in is the one measured, even where another checkout of the package is
# installed (an editable install of a sibling worktree would otherwise be timed instead)
sys.path.insert(0, str(ROOT))
TIME_BASE = 1262304000  # 2010-01-01: a fixed reference time for jionlp, never the clock


_CLOCK = [time.perf_counter]  # --cpu-clock: time.process_time


def _now() -> float:
    return _CLOCK[0]()


def _one_core(cpu: int | None) -> str:
    """Pin the process to one CPU (default: the last one allowed; CPU 0 also serves interrupts)."""
    if hasattr(os, "sched_setaffinity"):
        cpu = max(os.sched_getaffinity(0)) if cpu is None else cpu
        os.sched_setaffinity(0, {cpu})
        return f"pinned to cpu {cpu}"
    return "not pinned (no sched_setaffinity here)"


class _StageClock:
    """Wraps stage functions; adds up seconds and the largest tracemalloc peak per stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.chars: dict[str, int] = defaultdict(int)
        self.peak: dict[str, int] = defaultdict(int)
        self._undo: list = []

    def wrap(self, owner, attr: str, stage: str, *, eager: bool = False, chars=None) -> None:
        original = getattr(owner, attr) if not isinstance(owner, dict) else owner[attr]

        def timed(*args, **kw):
            tracing = tracemalloc.is_tracing()
            if tracing:
                base = tracemalloc.get_traced_memory()[0]
                tracemalloc.reset_peak()
            started = _now()
            out = original(*args, **kw)
            if eager:  # extractors yield lazily; time the whole search
                out = list(out)
            self.seconds[stage] += _now() - started
            self.chars[stage] += chars(args) if chars else len(args[0]) if args else 0
            if tracing:
                self.peak[stage] = max(self.peak[stage], tracemalloc.get_traced_memory()[1] - base)
            return out

        if isinstance(owner, dict):
            owner[attr] = timed
            self._undo.append(lambda: owner.__setitem__(attr, original))
        else:
            setattr(owner, attr, timed)
            self._undo.append(lambda: setattr(owner, attr, original))

    def reset(self) -> None:
        self.seconds.clear()
        self.chars.clear()

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()


def _read_corpus(docs_dir: Path) -> list[tuple[str, str]]:
    from nlp.errors import PolicyNlpError
    from nlp.read import read_file

    texts = []
    for path in sorted(p for p in docs_dir.iterdir() if p.is_file()):
        try:
            texts.append((path.name, read_file(path).text))
        except PolicyNlpError as err:
            print(f"skipped: {err}", file=sys.stderr)
    return texts


def _run_pipeline(texts, settings) -> list:
    from nlp.pipeline import process_text

    return [doc for name, text in texts for doc in process_text(text, source=name, settings=settings)]


def _best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = _now()
        fn()
        best = min(best, _now() - started)
    return best


def _traced_peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _jionlp_extract_time():
    """jionlp's extract_time, or None and the reason (import banner kept off stdout)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp
    except ImportError as err:
        return None, f"jionlp not installed ({err}); pip install jionlp to compare"
    find = getattr(jionlp, "extract_time", None) or getattr(getattr(jionlp, "ner", None), "extract_time", None)
    if find is None:
        return None, f"jionlp {getattr(jionlp, '__version__', '?')} has no extract_time"
    return find, f"jionlp {getattr(jionlp, '__version__', '?')}"


def _opencc_t2s():
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s").convert


def _rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


def _rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:>12,.0f}" if seconds > 0 else f"{'inf':>12s}"


def _bench_party_backends(doc_texts: list[str], repeat: int) -> None:
    """The party stage with each recogniser (issue 6), and the HanLP model's cold load time."""
    import subprocess

    from nlp.extract.ner import available
    from nlp.extract.parties import find_parties

    print()
    chars = sum(len(t) for t in doc_texts)
    for backend in ("rules", "hanlp"):
        if backend == "hanlp" and not available():
            print(f"{'party (hanlp)':20s} skipped: hanlp extra or models/ner missing")
            continue
        run = lambda: [list(find_parties(t, ner=backend)) for t in doc_texts]  # noqa: E731
        run()  # warm-up: lexicons, jieba, the model
        seconds = _best_of(repeat, run)
        print(f"{'party (' + backend + ')':20s} {_rate(chars, seconds)} {seconds:9.3f}")
    if available():
        code = ("import time; t = time.perf_counter(); from nlp.extract.ner import load_tagger; "
                "load_tagger(); print(f'{time.perf_counter() - t:.2f}')")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        print(f"hanlp model load   {out.stdout.strip() or out.stderr.strip()[-200:]} s "
              "(cold: import hanlp + torch, read models/ner)")


def _cold_start(path: Path, repeat: int) -> None:
    """Seconds from a fresh ``policy-nlp extract FILE`` to its output (first document out):
    imports, lexicons, jieba's dictionary, the theme model; best of ``repeat`` runs."""
    import subprocess

    cmd = [sys.executable, "-m", "nlp.cli", "extract", str(path), "--format", "jsonl", "-o", os.devnull]
    best = best_cpu = float("inf")
    for _ in range(repeat):
        started, cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            print(f"cold start failed: {done.stderr.strip()[-200:]}")
            return
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, _children_cpu() - cpu)
    print(f"cold start {best:.2f} s ({best_cpu:.2f} CPU s): policy-nlp extract {path.name} in a fresh process "
          f"(best of {repeat})")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs_dir", nargs="?", type=Path, default=ROOT / "corpora" / "seeds")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (best is kept)")
    ap.add_argument("--ner", default=None, help="party recogniser: rules, hanlp or auto")
    ap.add_argument("--themes", action="store_true", help="also classify passages (off: extraction only)")
    ap.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last allowed)")
    ap.add_argument("--cold", action="store_true",
                    help="also time a fresh process extracting each file (first document out)")
    ap.add_argument("--cpu-clock", action="store_true",
                    help="time with this process's CPU seconds, not the wall clock: steadier on a box "
                         "shared with other programs (ours and the peer run in this one process)")
    a = ap.parse_args()
    if a.cpu_clock:
        _CLOCK[0] = time.process_time
    if a.repeat < 1:
        ap.error("--repeat must be at least 1")

    core = _one_core(a.cpu)
    import nlp.extract.context
    import nlp.normalize
    import nlp.outline
    import nlp.split
    import nlp.themes
    from nlp.extract import EXTRACTORS
    from nlp.settings import Settings

    settings = Settings(classify=a.themes, **({"ner": a.ner} if a.ner else {}))
    texts = _read_corpus(a.docs_dir)
    if not texts:
        print(f"no readable files in {a.docs_dir}", file=sys.stderr)
        return 1
    raw_chars = sum(len(t) for _, t in texts)

    clock = _StageClock()
    clock.wrap(nlp.normalize, "normalize_text", "normalize")
    clock.wrap(nlp.split, "split_documents", "split")
    clock.wrap(nlp.outline, "parse_outline", "outline")
    for kind in list(EXTRACTORS):
        # the date grammar runs once per document in build_context (shared with the targets);
        # the date extractor then only hands those dates on, so its characters count once
        clock.wrap(EXTRACTORS, kind, "extract." + kind, eager=True,
                   chars=(lambda args: 0) if kind == "date" else None)
    clock.wrap(nlp.extract.context, "build_context", "extract.date")
    if a.themes:
        clock.wrap(nlp.themes, "classify_passages", "themes", chars=lambda args: len(args[0].text))

    try:
        docs = _run_pipeline(texts, settings)  # warm-up: lexicons, models, regex caches
        per_stage: dict[str, float] = {}
        chars: dict[str, int] = {}
        total = float("inf")
        for _ in range(a.repeat):
            clock.reset()
            started = _now()
            _run_pipeline(texts, settings)
            elapsed = _now() - started
            if elapsed < total:
                total, per_stage, chars = elapsed, dict(clock.seconds), dict(clock.chars)
        _traced_peak(lambda: _run_pipeline(texts, settings))  # each stage's own peak
        stage_peak = dict(clock.peak)
    finally:
        clock.restore()
    pipeline_peak = _traced_peak(lambda: _run_pipeline(texts, settings))  # unwrapped: no peak resets
    our_rss = _rss_mb()

    doc_texts = [d.text for d in docs]
    doc_chars = sum(len(t) for t in doc_texts)
    print(f"corpus     {a.docs_dir}: {len(texts)} files, {raw_chars:,} characters decoded, "
          f"{len(docs)} documents, {doc_chars:,} characters normalized")
    print(f"settings   ner={settings.ner} themes={'on' if a.themes else 'off'}; {core}; "
          f"best of {a.repeat} after a warm-up; {'CPU' if a.cpu_clock else 'wall-clock'} seconds; "
          f"Python {sys.version.split()[0]}")
    print()
    print(f"{'stage':20s} {'chars/s':>12s} {'seconds':>9s} {'peak MB':>8s}")
    print(f"{'pipeline (total)':20s} {_rate(raw_chars, total)} {total:9.3f} {pipeline_peak / 2**20:8.1f}")
    for stage, seconds in sorted(per_stage.items(), key=lambda kv: list(per_stage).index(kv[0])):
        print(f"{stage:20s} {_rate(chars.get(stage, 0), seconds)} {seconds:9.3f} "
              f"{stage_peak.get(stage, 0) / 2**20:8.1f}")
    rest = total - sum(per_stage.values())
    if rest > 0:
        print(f"{'other (glue)':20s} {'':>12s} {rest:9.3f}")
    shares = {**per_stage, **({"glue": rest} if rest > 0 else {})}
    print("stages     " + ", ".join(f"{stage} {100 * s / total:.0f}%" for stage, s in shares.items())
          + " of the pipeline's time")
    print(f"peak RSS of the process after our runs: {our_rss:.0f} MB (imports, lexicons, models)")
    _bench_party_backends(doc_texts, a.repeat)
    if a.cold:
        print()
        for path in sorted(p for p in a.docs_dir.iterdir() if p.is_file()):
            _cold_start(path, a.repeat)

    print()
    find_time, label = _jionlp_extract_time()
    if find_time is None:
        print(f"peer       skipped: {label}")
        return 0
    logging.disable(logging.ERROR)  # jionlp logs a traceback for each string it cannot parse
    try:
        found = sum(len(find_time(t, time_base=TIME_BASE)) for t in doc_texts)  # also the warm-up
        peer = _best_of(a.repeat, lambda: [find_time(t, time_base=TIME_BASE) for t in doc_texts])
        peer_peak = _traced_peak(lambda: [find_time(t, time_base=TIME_BASE) for t in doc_texts])
    finally:
        logging.disable(logging.NOTSET)
    t2s = _opencc_t2s()
    if t2s is not None:  # the peer's conversion: OpenCC t2s over every decoded file, as our normalize reads them
        [t2s(t) for _, t in texts]
        converting = _best_of(a.repeat, lambda: [t2s(t) for _, t in texts])
    ours_dates = per_stage.get("extract.date")
    print(f"peer       {label} extract_time on the same {len(doc_texts)} normalized documents "
          f"({found} times found)")
    print(f"{'jionlp extract_time':20s} {_rate(doc_chars, peer)} {peer:9.3f} {peer_peak / 2**20:8.1f}")
    if ours_dates:
        print(f"ratio      our date extractor / jionlp extract_time: "
              f"{peer / ours_dates:.1f}x the throughput")
    print(f"ratio      our whole pipeline / jionlp extract_time: {peer / total:.2f}x the throughput")
    if t2s is not None:
        print(f"{'opencc t2s':20s} {_rate(raw_chars, converting)} {converting:9.3f}")
        print(f"ratio      our whole pipeline / (jionlp extract_time + opencc t2s), issue 12's peer: "
              f"{(peer + converting) / total:.2f}x the throughput")
    print(f"peak RSS of the process with jionlp loaded: {_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
