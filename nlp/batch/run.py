"""Batch: files and folders -> the embedded database, in parallel, resumable.

Input: paths (files or folders; folders are walked for .txt .htm .html .docx .pdf).
Output: a SQLite database (``nlp.store.sqlite``) and a summary dict.

Worker processes run the whole pipeline (``nlp.pipeline.iter_documents``) and send back plain
row tuples; the parent is the only writer and writes each file in one transaction. A file
whose sha256 and pipeline version are already in the database is skipped, so a killed run
started again finishes the rest. A file that fails is recorded in ``errors``; the batch
goes on. Rows of a huge file are spooled to a temporary file by the worker rather than held
in memory, and the parent streams them into the file's transaction (``limits``).

SIGINT or SIGTERM stops the workers, removes the spool folder and raises BatchInterrupted
(exit 130/143 in the CLI); a worker whose parent is gone exits by itself.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from collections import Counter
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator

from nlp import PIPELINE_VERSION
from nlp.batch.discover import discover_inputs, file_sha256, file_size
from nlp.batch.limits import (FileTimeout, Limits, RowSink, limit_documents, make_limits, make_spool_dir,
                               read_spool, time_limit)
from nlp.batch.progress import ProgressFn, StageSampler, Summary, stage_of
from nlp.errors import PolicyNlpError
from nlp.settings import Settings


class BatchInterrupted(PolicyNlpError):
    """SIGINT or SIGTERM stopped the batch; the files written so far stay, a re-run finishes."""

    def __init__(self, signum: int, done: int, total: int):
        self.exit_code = 128 + signum  # the shell's convention: 130 for SIGINT, 143 for SIGTERM
        super().__init__(f"interrupted: {done} of {total} files done; run again to finish")


# ---------------------------------------------------------------- worker side
# These run in worker processes; module-level so they survive the spawn start method.

_WORKER: dict = {}


def _init_worker(settings: Settings, spool_dir: str, profile: bool, limits: Limits = Limits()) -> None:
    _WORKER.update(settings=settings, spool_dir=spool_dir, sampler=None, limits=limits)
    if profile:
        _WORKER["sampler"] = StageSampler()
    # Ctrl-C reaches the whole process group: the parent decides, and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()


def _watch_parent(parent: int, interval: float = 0.5) -> None:
    """Exit the worker once its parent is gone (even after kill -9, which the parent cannot handle)."""
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)


def process_one(file: str, skip_sha: str | None = None, *, settings: Settings = Settings(),
                spool_dir: str | None = None, limits: Limits = Limits()) -> dict:
    """Run the pipeline on one file and return its rows as plain data (never raises for bad input).

    The result: ``status`` (ok/failed/skipped), ``file_row`` (a ``files`` row), ``rows``
    (a list of per-document row dicts) or ``spool`` (a file of pickled row dicts),
    ``error`` (stage, kind, message), ``documents``, ``mentions`` (counts by type), ``cuts``
    (what ``limits`` left out, also in the file row's warnings). The time limit is the
    caller's (``limits.time_limit``), as it needs the main thread.
    """
    from nlp.pipeline import iter_documents
    from nlp.store.rows import document_rows

    t0 = time.perf_counter()
    out: dict = {"file": file, "status": "ok", "rows": [], "spool": None, "error": None,
                 "documents": 0, "mentions": {}, "bytes": 0, "chars": 0, "cuts": []}
    try:
        sha, size = file_sha256(Path(file))
    except OSError as err:
        sha, size = None, 0
        out["error"] = ("read", type(err).__name__, f"{Path(file).name}: cannot open: {err.strerror}")
    except PolicyNlpError as err:  # not a regular file any more
        sha, size = None, 0
        out["error"] = ("read", type(err).__name__, str(err))
    out["bytes"] = size
    if sha is not None and sha == skip_sha:
        out["status"] = "skipped"
        return out
    meta: dict = {}
    mentions: Counter = Counter()
    sink = RowSink(spool_dir)
    if out["error"] is None:
        try:
            for doc in limit_documents(iter_documents(file, settings), limits, out["cuts"]):
                meta = meta or doc.meta
                sink.add(document_rows(doc, file), len(doc.text))
                mentions.update(m.type for m in doc.mentions)
        except PolicyNlpError as err:
            out["error"] = (stage_of(err), type(err).__name__, str(err))
        except Exception as err:  # a stage crashed on this file: record it, the batch goes on
            out["error"] = (stage_of(err), type(err).__name__,
                            f"{Path(file).name}: {type(err).__name__}: {err}"[:2000])
    if out["error"]:
        sink.discard()
        out.update(status="failed", documents=0, mentions={})
    else:
        out.update(documents=sink.documents, mentions=dict(mentions), chars=sink.chars)
        out["rows"], out["spool"] = sink.finish()
    warnings = [*(meta.get("warnings") or []), *out["cuts"]]
    out["file_row"] = (file, sha, size, meta.get("format"), meta.get("encoding"), out["status"],
                       PIPELINE_VERSION, out["documents"], "\n".join(map(str, warnings)) or None)
    out["seconds"] = time.perf_counter() - t0
    return out


def _worker_task(file: str, skip_sha: str | None) -> dict:
    import resource

    sampler = _WORKER.get("sampler")
    if sampler:
        sampler.start()
    try:
        limits = _WORKER["limits"]
        with time_limit(file, limits.timeout):
            out = process_one(file, skip_sha, settings=_WORKER["settings"], spool_dir=_WORKER["spool_dir"],
                              limits=limits)
    except FileTimeout as err:  # fired outside the pipeline (hashing, spooling)
        out = _failure(file, "store", type(err).__name__, str(err))
    finally:
        samples = sampler.stop() if sampler else {}
    out["pid"] = os.getpid()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    out["samples"] = samples
    return out


# ---------------------------------------------------------------- parent side

def run_batch(paths: Iterable[str | Path], database: str | Path, *, jobs: int | None = None,
              settings: Settings = Settings(), retry_failed: bool = False, profile: bool = False,
              timeout: float | None = None, max_file_mb: float | None = None,
              max_mentions_per_doc: int | None = None, prune: bool = False,
              on_progress: ProgressFn | None = None) -> Summary:
    """Process every input file into ``database``; return what was done.

    Files already in the database with the same sha256 and pipeline version are skipped
    (failed ones too, unless ``retry_failed``); a file moved since keeps its rows under its
    new path. Stored files that no longer exist are reported, and deleted with ``prune``.
    Limits (``nlp.batch.limits``; None: the default, 0: none): a file still running after
    ``timeout`` seconds is recorded as failed; text past ``max_file_mb`` MB of a file and
    mentions past ``max_mentions_per_doc`` of a document are cut, and the cut recorded.
    """
    limits = make_limits(timeout=timeout, max_file_mb=max_file_mb, max_mentions_per_doc=max_mentions_per_doc)
    t0 = time.perf_counter()
    jobs = max(1, jobs or default_jobs())
    summary = Summary(jobs=jobs)
    try:
        with _stop_on_signals():
            _run_batch(paths, database, summary, settings=settings, retry_failed=retry_failed,
                       profile=profile, limits=limits, prune=prune, on_progress=on_progress)
    except _Stop as stop:
        done = summary.ok + summary.failed + summary.skipped
        raise BatchInterrupted(stop.signum, done, summary.files) from None
    summary.elapsed = time.perf_counter() - t0
    return summary


def _run_batch(paths: Iterable[str | Path], database: str | Path, summary: Summary, *, settings: Settings,
               retry_failed: bool, profile: bool, limits: Limits, prune: bool,
               on_progress: ProgressFn | None) -> None:
    from nlp.store.sqlite import open_store

    inputs = discover_inputs(paths)
    files = inputs.files
    summary.files = len(files)
    summary.unsupported = [str(p) for p in inputs.unsupported]
    store = open_store(database)
    spool_dir = make_spool_dir(Path(database).resolve().parent)
    try:
        store.set_meta("pipeline_version", PIPELINE_VERSION)
        for path, reason in inputs.not_regular:  # never opened: reading a pipe would block for ever
            _record_not_regular(store, str(path), reason, summary)
        done = _reconcile(store, files, summary, prune=prune)
        tasks = plan_tasks(files, done, retry_failed=retry_failed)
        summary.bytes_total = sum(file_size(f) for f in files)
        if on_progress:
            on_progress("start", None, summary)

        def record(result: dict) -> None:
            if result["status"] != "skipped":
                store.begin()  # waits for another program's write lock; a signal still stops it
            with _signals_held():
                _write_result(store, result, summary)
            if on_progress:
                on_progress("file", result, summary)

        _run_pool(tasks, summary.jobs, (settings, spool_dir, profile, limits), record)
    finally:
        store.close()
        shutil.rmtree(spool_dir, ignore_errors=True)


def plan_tasks(files: list[Path], done: dict, *, retry_failed: bool) -> list[tuple[str, str | None, str | None]]:
    """``(file, sha256 to skip on, prior status)`` per input, shared by both engines.

    A file done by this pipeline version is skipped if its sha256 is unchanged (a failed one
    too, unless ``retry_failed``); ``done`` maps file -> (sha256, version, status, ...).
    """
    tasks = []
    for f in files:
        sha, version, status = (done.get(str(f)) or (None, None, None))[:3]
        skip = version == PIPELINE_VERSION and (status == "ok" or not retry_failed)
        tasks.append((str(f), sha if skip else None, status))
    return tasks


def _reconcile(store, files: list[Path], summary: Summary, *, prune: bool) -> dict:
    """Match the database to the disk before the run: moved files, deleted files.

    A stored file whose path is gone and whose sha256 equals a new input's is a move: its
    rows take the new path and it is not processed again. Gone files left over are reported
    (``summary.missing``) and, with ``prune``, their rows are deleted. Returns ``done_files``.
    """
    done = store.done_files()
    gone = {f: row for f, row in done.items() if not os.path.lexists(f)}
    by_size: dict[int, list[str]] = {}
    for f, (sha, version, status, size) in gone.items():
        if sha and status == "ok":
            by_size.setdefault(size, []).append(f)
    for path in files:
        new = str(path)
        candidates = by_size.get(file_size(path)) if new not in done else None
        if not candidates:
            continue
        try:
            sha, _ = file_sha256(path)  # only for a size that matches a gone file: cheap
        except (OSError, PolicyNlpError):
            continue
        old = next((f for f in candidates if gone[f][0] == sha), None)
        if old is None:
            continue
        with _signals_held():
            store.rename_file(old, new)
            candidates.remove(old)
            done[new] = done.pop(old)
            del gone[old]
            summary.moved.append((old, new))
    for f in sorted(gone):
        if prune:
            with _signals_held():
                store.drop_file(f)
                del done[f]
                summary.pruned.append(f)
        else:
            summary.missing.append(f)
    return done


class _Stop(BaseException):
    """Raised in the parent by SIGINT/SIGTERM; a BaseException so no ``except Exception`` eats it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_SIGNALS: dict = {"held": False, "pending": None}  # the parent's signal state, see _stop_on_signals


@contextmanager
def _stop_on_signals() -> Iterator[None]:
    """Turn the first SIGINT or SIGTERM into ``_Stop``; ignore more while the batch cleans up.

    Inside ``_signals_held()`` (a file's write and its count) the stop waits for the block's end,
    so "N of M files done" is exactly what the database holds.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    wanted = (signal.SIGINT, signal.SIGTERM)

    def stop(signum, frame):
        for s in wanted:
            signal.signal(s, signal.SIG_IGN)
        if _SIGNALS["held"]:
            _SIGNALS["pending"] = signum
            return
        raise _Stop(signum)

    previous = {s: signal.signal(s, stop) for s in wanted}
    _SIGNALS.update(held=False, pending=None)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextmanager
def _signals_held() -> Iterator[None]:
    _SIGNALS["held"] = True
    try:
        yield
    finally:
        _SIGNALS["held"] = False
    if _SIGNALS["pending"] is not None:
        raise _Stop(_SIGNALS["pending"])


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _record_not_regular(store, file: str, reason: str, summary: Summary) -> None:
    message = f"{Path(file).name}: {reason}; skipped"
    store.write_file((file, None, 0, None, None, "skipped", PIPELINE_VERSION, 0, reason),
                     [{"errors": [(file, "discover", "NotRegularFile", message)]}])
    summary.not_regular.append((file, reason))


def _write_result(store, result: dict, summary: Summary) -> None:
    if result["status"] == "skipped":
        summary.skipped += 1
        if result.get("prior_status") == "failed":
            summary.failed_before += 1
        return
    t = time.perf_counter()
    file = result["file"]
    batches: Iterable[dict] = read_spool(result["spool"]) if result["spool"] else result["rows"]
    if result["error"]:
        stage, kind, message = result["error"]
        batches = [{"errors": [(file, stage, kind, message)]}]
    store.write_file(result["file_row"], batches)
    if result["error"]:
        summary.failed += 1
        summary.errors.append((file, stage, message))
    else:
        summary.ok += 1
    summary.cut += [(file, note) for note in result.get("cuts") or []]
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
            # Cancel what has not started first, then stop the workers: the pool then fails only
            # the running futures (cancelling those itself would crash its manager thread).
            pool.shutdown(wait=False, cancel_futures=True)
            _stop_workers(pool)
            raise
    return []


def _stop_workers(pool: ProcessPoolExecutor, grace: float = 3.0) -> None:
    """Terminate the pool's worker processes now (a file in progress is dropped, not finished)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    deadline = time.monotonic() + grace
    for proc in processes:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()
            proc.join(1.0)


def _failure(file: str, stage: str, kind: str, message: str) -> dict:
    """The result of a file that failed outside ``process_one``'s own error handling."""
    size = file_size(Path(file))
    return {"file": file, "status": "failed", "rows": [], "spool": None, "documents": 0,
            "mentions": {}, "bytes": size, "error": (stage, kind, message),
            "file_row": (file, None, size, None, None, "failed", PIPELINE_VERSION, 0, None)}


