"""Batch: files and folders -> the embedded database, in parallel, resumable.

Input: paths (files or folders; folders are walked for .txt .htm .html .docx .pdf).
Output: a SQLite database (``nlp.store.sqlite``) and a summary dict.

Worker processes run the whole pipeline (``nlp.pipeline.iter_documents``) and send back plain
row tuples; the parent is the only writer and writes each file in one transaction. A file
whose sha256 and pipeline version are already in the database is skipped, so a killed run
started again finishes the rest. A file that fails is recorded in ``errors``; the batch
goes on. Rows of a huge file are spooled to a temporary file by the worker rather than held
in memory, and the parent streams them into the file's transaction.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator

from nlp import PIPELINE_VERSION
from nlp.errors import BadOption, PolicyNlpError
from nlp.settings import Settings

SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")
SPOOL_CHARS = 4_000_000  # beyond this much document text, a worker spools its rows to disk


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The files to process: files as given, folders walked (hidden entries skipped), sorted.

    >>> find_inputs([]) == []
    True
    """
    found: dict[str, Path] = {}
    for p in map(Path, paths):
        if p.is_file():
            found.setdefault(str(p.resolve()), p.resolve())
        elif p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                        q = (Path(root) / name).resolve()
                        found.setdefault(str(q), q)
        else:
            raise BadOption(f"{p}: no such file or folder")
    return sorted(found.values())


# ---------------------------------------------------------------- worker side
# These run in worker processes; module-level so they survive the spawn start method.

_WORKER: dict = {}


class FileTimeout(PolicyNlpError):
    """A file that took longer than the batch's ``--timeout``."""


def _init_worker(settings: Settings, spool_dir: str, profile: bool, timeout: float | None = None) -> None:
    _WORKER.update(settings=settings, spool_dir=spool_dir, sampler=None, timeout=timeout)
    if profile:
        _WORKER["sampler"] = _StageSampler()


def _sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def process_one(file: str, skip_sha: str | None = None, *, settings: Settings = Settings(),
                spool_dir: str | None = None) -> dict:
    """Run the pipeline on one file and return its rows as plain data (never raises for bad input).

    The result: ``status`` (ok/failed/skipped), ``file_row`` (a ``files`` row), ``rows``
    (a list of per-document row dicts) or ``spool`` (a file of pickled row dicts),
    ``error`` (stage, kind, message), ``documents``, ``mentions`` (counts by type).
    """
    from nlp.pipeline import iter_documents
    from nlp.store.rows import document_rows

    t0 = time.perf_counter()
    out: dict = {"file": file, "status": "ok", "rows": [], "spool": None, "error": None,
                 "documents": 0, "mentions": {}, "bytes": 0, "chars": 0}
    try:
        sha, size = _sha256(Path(file))
    except OSError as err:
        sha, size = None, 0
        out["error"] = ("read", type(err).__name__, f"{Path(file).name}: cannot open: {err.strerror}")
    out["bytes"] = size
    if sha is not None and sha == skip_sha:
        out["status"] = "skipped"
        return out
    meta: dict = {}
    mentions: Counter = Counter()
    sink = _RowSink(spool_dir)
    if out["error"] is None:
        try:
            tokenize = None
            for doc in iter_documents(file, settings):
                if tokenize is None and doc.passages:
                    from nlp.store.search import tokenize_for_index as tokenize
                meta = meta or doc.meta
                sink.add(document_rows(doc, file, tokenize=tokenize), len(doc.text))
                mentions.update(m.type for m in doc.mentions)
        except PolicyNlpError as err:
            out["error"] = (_stage_of(err), type(err).__name__, str(err))
        except Exception as err:  # a stage crashed on this file: record it, the batch goes on
            out["error"] = (_stage_of(err), type(err).__name__,
                            f"{Path(file).name}: {type(err).__name__}: {err}"[:2000])
    if out["error"]:
        sink.discard()
        out.update(status="failed", documents=0, mentions={})
    else:
        out.update(documents=sink.documents, mentions=dict(mentions), chars=sink.chars)
        out["rows"], out["spool"] = sink.finish()
    warnings = meta.get("warnings") or []
    out["file_row"] = (file, sha, size, meta.get("format"), meta.get("encoding"), out["status"],
                       PIPELINE_VERSION, out["documents"], "\n".join(map(str, warnings)) or None)
    out["seconds"] = time.perf_counter() - t0
    return out


def _worker_task(file: str, skip_sha: str | None) -> dict:
    import resource

    import signal

    sampler = _WORKER.get("sampler")
    timeout = _WORKER.get("timeout")
    if sampler:
        sampler.start()
    def _expire(signum, frame):
        raise FileTimeout(f"{Path(file).name}: took longer than {timeout:g} s "
                          f"(in stage {_stage_name(frame.f_globals.get('__name__', '')) or 'pipeline'}; "
                          "raise --timeout or split the file)")

    try:
        if timeout:
            signal.signal(signal.SIGALRM, _expire)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        out = process_one(file, skip_sha, settings=_WORKER["settings"], spool_dir=_WORKER["spool_dir"])
    except FileTimeout as err:  # fired outside the pipeline (hashing, spooling)
        out = _failure(file, "store", type(err).__name__, str(err))
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
        samples = sampler.stop() if sampler else {}
    out["pid"] = os.getpid()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    out["samples"] = samples
    return out


class _RowSink:
    """Collects a file's per-document rows; past SPOOL_CHARS of text, moves them to a spool file."""

    def __init__(self, spool_dir: str | None):
        self.spool_dir = spool_dir
        self.rows: list[dict] = []
        self.chars = 0
        self.documents = 0
        self.spool = None

    def add(self, rows: dict, chars: int) -> None:
        self.documents += 1
        self.chars += chars
        if self.spool is not None:
            pickle.dump(rows, self.spool, protocol=pickle.HIGHEST_PROTOCOL)
            return
        self.rows.append(rows)
        if self.chars > SPOOL_CHARS and self.spool_dir:
            self.spool = tempfile.NamedTemporaryFile("wb", dir=self.spool_dir, suffix=".rows",
                                                     delete=False)
            for r in self.rows:
                pickle.dump(r, self.spool, protocol=pickle.HIGHEST_PROTOCOL)
            self.rows = []

    def finish(self) -> tuple[list[dict], str | None]:
        if self.spool is None:
            return self.rows, None
        self.spool.close()
        return [], self.spool.name

    def discard(self) -> None:
        self.rows = []
        if self.spool is not None:
            self.spool.close()
            os.unlink(self.spool.name)
            self.spool = None


def _read_spool(path: str) -> Iterator[dict]:
    # Our own transient file, written by our worker a moment ago: pickle is safe here.
    try:
        with open(path, "rb") as f:
            while True:
                try:
                    yield pickle.load(f)
                except EOFError:
                    return
    finally:
        os.unlink(path)


def _stage_of(err: BaseException) -> str:
    """The pipeline stage an exception came from: the innermost ``nlp.*`` module in its traceback."""
    stage = None
    tb = err.__traceback__
    while tb is not None:
        stage = _stage_name(tb.tb_frame.f_globals.get("__name__", "")) or stage
        tb = tb.tb_next
    return stage or "pipeline"


def _stage_name(module: str) -> str | None:
    if not module.startswith("nlp."):
        return None
    name = module[4:]
    if name.startswith(("batch", "store")):
        return "store"
    family, _, member = name.partition(".")
    if family in ("read", "themes") and member:  # nlp.read.docx -> read_docx, nlp.read.dispatch -> read
        return family if member in ("dispatch", "predict") else f"{family}_{member}"
    return name


class _StageSampler:
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
                stage = _stage_name(frame.f_globals.get("__name__", ""))
                if stage:
                    self.counts[stage] += 1
                    break
                frame = frame.f_back


# ---------------------------------------------------------------- parent side

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

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.failed_before else 0

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
            "pipeline_version": PIPELINE_VERSION, "exit_code": self.exit_code,
        }


ProgressFn = Callable[[str, dict | None, Summary], None]  # event: "start" | "file"


def run_batch(paths: Iterable[str | Path], database: str | Path, *, jobs: int | None = None,
              settings: Settings = Settings(), retry_failed: bool = False, profile: bool = False,
              timeout: float | None = None, on_progress: ProgressFn | None = None) -> Summary:
    """Process every input file into ``database``; return what was done.

    Files already in the database with the same sha256 and pipeline version are skipped
    (failed ones too, unless ``retry_failed``). A file still running after ``timeout``
    seconds is recorded as failed.
    """
    from nlp.store.sqlite import open_store

    t0 = time.perf_counter()
    files = find_inputs(paths)
    jobs = max(1, jobs or default_jobs())
    summary = Summary(files=len(files), jobs=jobs)
    store = open_store(database)
    store.set_meta("pipeline_version", PIPELINE_VERSION)
    done = store.done_files()
    tasks = []
    for f in files:
        sha, version, status = done.get(str(f), (None, None, None))
        skip = version == PIPELINE_VERSION and (status == "ok" or not retry_failed)
        tasks.append((str(f), sha if skip else None, status))
    summary.bytes_total = sum(_size(f) for f in files)
    if on_progress:
        on_progress("start", None, summary)

    def record(result: dict) -> None:
        _write_result(store, result, summary)
        if on_progress:
            on_progress("file", result, summary)

    spool_dir = tempfile.mkdtemp(prefix="policy-nlp-spool-", dir=Path(database).resolve().parent)
    try:
        _run_pool(tasks, jobs, (settings, spool_dir, profile, timeout), record)
    finally:
        store.close()
        for leftover in Path(spool_dir).glob("*"):
            leftover.unlink()
        os.rmdir(spool_dir)
    summary.elapsed = time.perf_counter() - t0
    return summary


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _write_result(store, result: dict, summary: Summary) -> None:
    if result["status"] == "skipped":
        summary.skipped += 1
        if result.get("prior_status") == "failed":
            summary.failed_before += 1
        return
    t = time.perf_counter()
    file = result["file"]
    batches: Iterable[dict] = _read_spool(result["spool"]) if result["spool"] else result["rows"]
    if result["error"]:
        stage, kind, message = result["error"]
        batches = [{"errors": [(file, stage, kind, message)]}]
        summary.failed += 1
        summary.errors.append((file, stage, message))
    else:
        summary.ok += 1
    store.write_file(result["file_row"], batches)
    summary.write_seconds += time.perf_counter() - t
    summary.documents += result["documents"]
    summary.mentions.update(result["mentions"])
    summary.bytes += result["bytes"]
    summary.chars += result.get("chars", 0)
    summary.worker_seconds += result.get("seconds", 0.0)
    if "pid" in result:
        summary.peak_rss_mb[result["pid"]] = max(summary.peak_rss_mb.get(result["pid"], 0), result["rss_mb"])
    summary.samples.update(result.get("samples") or {})


def _run_pool(tasks: list[tuple], jobs: int, initargs: tuple, record: Callable[[dict], None]) -> None:
    """Feed tasks to ``jobs`` worker processes, a few at a time, and record results as they come.

    If a worker dies (killed, out of memory, a crash in native code), the files it may have
    held are retried one by one in a fresh single worker; the one that kills it again is
    recorded as failed at stage ``worker``.
    """
    queue = list(reversed(tasks))
    suspects: list[tuple] = []
    while queue:
        suspects += _drain(queue, jobs, initargs, record)
        for task in suspects:
            if _drain([task], 1, initargs, record):
                record(_failure(task[0], "worker", "WorkerDied", f"{Path(task[0]).name}: the worker "
                                "process died on this file (out of memory or a crash in native code)"))
        suspects = []


def _drain(queue: list[tuple], jobs: int, initargs: tuple, record: Callable[[dict], None]) -> list[tuple]:
    """Run tasks from ``queue`` (popped from the end) until it is empty or the pool breaks;
    return the tasks that were in flight when it broke."""
    ctx = get_context("spawn")
    running: dict[Future, tuple] = {}
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=initargs) as pool:
        try:
            while queue or running:
                while queue and len(running) < jobs * 3:
                    task = queue.pop()
                    running[pool.submit(_worker_task, task[0], task[1])] = task
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                broken = False
                for fut in finished:
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    result["prior_status"] = running.pop(fut)[2]
                    record(result)
                if broken:
                    raise BrokenProcessPool("a worker died")
        except BrokenProcessPool:
            return list(running.values())
        except BaseException:
            for fut in running:
                fut.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return []


def _failure(file: str, stage: str, kind: str, message: str) -> dict:
    """The result of a file that failed outside ``process_one``'s own error handling."""
    size = _size(Path(file))
    return {"file": file, "status": "failed", "rows": [], "spool": None, "documents": 0,
            "mentions": {}, "bytes": size, "error": (stage, kind, message),
            "file_row": (file, None, size, None, None, "failed", PIPELINE_VERSION, 0, None)}


# ---------------------------------------------------------------- progress and summary for people

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
    for e in d["errors"][:20]:
        lines.append(f"error: [{e['stage']}] {e['message']}")
    if len(d["errors"]) > 20:
        lines.append(f"... and {len(d['errors']) - 20} more errors (see the errors table)")
    return "\n".join(lines)
