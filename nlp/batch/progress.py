"""Progress and accounting: the batch summary, where worker time goes, and the progress bar.

``Summary`` is what a batch did (``--json`` prints ``as_dict``); ``StageSampler`` samples a
worker's stack to share its time among pipeline stages; ``BatchProgress`` draws the bar.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from nlp import PIPELINE_VERSION


def stage_of(err: BaseException) -> str:
    """The pipeline stage an exception came from: the innermost ``nlp.*`` module in its traceback."""
    stage = None
    tb = err.__traceback__
    while tb is not None:
        stage = stage_name(tb.tb_frame.f_globals.get("__name__", "")) or stage
        tb = tb.tb_next
    return stage or "pipeline"


def stage_name(module: str) -> str | None:
    if not module.startswith("nlp."):
        return None
    name = module[4:]
    if name.startswith(("batch", "store")):
        return "store"
    family, _, member = name.partition(".")
    if family in ("read", "themes") and member:  # nlp.read.docx -> read_docx, nlp.read.dispatch -> read
        return family if member in ("dispatch", "predict") else f"{family}_{member}"
    return name


class StageSampler:
    """Samples the worker's main thread every few ms and counts the innermost nlp stage.

    Statistical, so it needs no hooks in the pipeline: a stage's share of samples is its
    share of the time.
    """

    def __init__(self, interval: float = 0.002):
        self.interval = interval
        self.main = threading.main_thread().ident
        self.counts: Counter = Counter()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.counts = Counter()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> dict:
        self._stop.set()
        if self._thread:
            self._thread.join()
        return dict(self.counts)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            frame = sys._current_frames().get(self.main)
            while frame is not None:
                stage = stage_name(frame.f_globals.get("__name__", ""))
                if stage:
                    self.counts[stage] += 1
                    break
                frame = frame.f_back


@dataclass
class Summary:
    """What a batch did; ``as_dict`` is the ``--json`` output."""

    files: int = 0
    skipped: int = 0
    ok: int = 0
    failed: int = 0
    failed_before: int = 0  # skipped files that an earlier run recorded as failed
    documents: int = 0
    mentions: Counter = field(default_factory=Counter)
    bytes: int = 0
    bytes_total: int = 0
    chars: int = 0
    elapsed: float = 0.0
    write_seconds: float = 0.0
    worker_seconds: float = 0.0
    jobs: int = 1
    peak_rss_mb: dict = field(default_factory=dict)  # worker pid -> MB
    samples: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)  # (file, stage, message), this run
    not_regular: list = field(default_factory=list)  # (file, reason): pipes, sockets, devices, never opened
    unsupported: list = field(default_factory=list)  # files of types no reader handles (.doc, .wps ...)
    moved: list = field(default_factory=list)  # (old, new): same sha256 at a new path, rows kept
    missing: list = field(default_factory=list)  # stored files that no longer exist (kept)
    pruned: list = field(default_factory=list)  # stored files that no longer exist, rows deleted (--prune)
    cut: list = field(default_factory=list)  # (file, what a limit left out)

    @property
    def exit_code(self) -> int:
        nothing_read = not self.files and (self.unsupported or self.not_regular)
        return 1 if self.failed or self.failed_before or nothing_read else 0

    def as_dict(self) -> dict:
        processed_mb = self.bytes / 1e6
        total = sum(self.samples.values())
        return {
            "files": self.files, "skipped": self.skipped, "ok": self.ok, "failed": self.failed,
            "failed_before": self.failed_before, "documents": self.documents,
            "mentions": dict(sorted(self.mentions.items())), "mb": round(processed_mb, 3),
            "elapsed_s": round(self.elapsed, 3),
            "mb_per_s": round(processed_mb / self.elapsed, 3) if self.elapsed else None,
            "docs_per_s": round(self.documents / self.elapsed, 2) if self.elapsed else None,
            "jobs": self.jobs, "write_s": round(self.write_seconds, 3),
            "worker_s": round(self.worker_seconds, 3),
            "peak_rss_mb_per_worker": round(max(self.peak_rss_mb.values()), 1) if self.peak_rss_mb else None,
            "stage_shares": {k: round(v / total, 4) for k, v in self.samples.most_common()} if total else {},
            "errors": [{"file": f, "stage": s, "message": m} for f, s, m in self.errors],
            "not_regular": [{"file": f, "reason": r} for f, r in self.not_regular],
            "unsupported": list(self.unsupported),
            "moved": [{"from": a, "to": b} for a, b in self.moved], "missing": list(self.missing),
            "pruned": list(self.pruned), "cut": [{"file": f, "note": n} for f, n in self.cut],
            "pipeline_version": PIPELINE_VERSION, "exit_code": self.exit_code,
        }


ProgressFn = Callable[[str, dict | None, Summary], None]  # event: "start" | "file"


class BatchProgress:
    """A rich progress bar on stderr: files, documents, MB/s, ETA. Use as ``on_progress``."""

    def __init__(self):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self.progress = Progress(
            TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
            TextColumn("{task.fields[docs]} docs"), TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False)
        self.task = None
        self.t0 = time.perf_counter()
        self.bytes_total = 0
        self.bytes_done = 0

    def __enter__(self) -> "BatchProgress":
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def __call__(self, event: str, result: dict | None, summary: Summary) -> None:
        if event == "start":
            self.bytes_total = summary.bytes_total
            self.task = self.progress.add_task("batch", total=summary.files, docs=0, rate="")
            return
        self.bytes_done += result.get("bytes", 0)
        seconds = max(time.perf_counter() - self.t0, 1e-9)
        self.progress.update(self.task, advance=1, docs=summary.documents,
                             rate=f"{self.bytes_done / 1e6 / seconds:.2f} MB/s")


def format_summary(summary: Summary) -> str:
    """The end-of-batch summary for people."""
    d = summary.as_dict()
    mentions = ", ".join(f"{k} {v}" for k, v in d["mentions"].items()) or "none"
    lines = [
        f"files: {d['ok']} ok, {d['failed']} failed, {d['skipped']} skipped (already done)"
        + (f", {d['failed_before']} of them failed earlier" if d["failed_before"] else ""),
        f"documents: {d['documents']}   mentions: {mentions}",
        f"elapsed: {d['elapsed_s']:.1f} s   {d['mb']:.2f} MB at {d['mb_per_s'] or 0:.2f} MB/s, "
        f"{d['docs_per_s'] or 0:.1f} docs/s, -j {d['jobs']}",
    ]
    if summary.unsupported:
        from nlp.batch.discover import describe_unsupported

        lines.append("not read: " + describe_unsupported([Path(f) for f in summary.unsupported]))
    if summary.moved:
        lines.append(f"moved: {len(summary.moved)} files found at a new path by their sha256 (rows kept)")
    for verb, files, hint in (("missing", summary.missing, " (--prune drops them)"), ("pruned", summary.pruned, "")):
        if files:
            shown = ", ".join(Path(f).name for f in files[:5]) + (" ..." if len(files) > 5 else "")
            lines.append(f"{verb}: {len(files)} files in the database no longer exist{hint}: {shown}")
    for file, note in summary.cut[:20]:
        lines.append(f"cut: {Path(file).name}: {note}")
    for file, reason in summary.not_regular[:20]:
        lines.append(f"skipped: {Path(file).name}: {reason}")
    for e in d["errors"][:20]:
        lines.append(f"error: [{e['stage']}] {e['message']}")
    if len(d["errors"]) > 20:
        lines.append(f"... and {len(d['errors']) - 20} more errors (see the errors table)")
    return "\n".join(lines)
