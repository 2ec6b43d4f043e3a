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
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable

from nlp import PIPELINE_VERSION
from nlp.batch.common import (BatchInterrupted, Stop, failure, not_regular_rows, plan_tasks, process_one,
                              reconcile, run_file, signals_held, stop_on_signals)
from nlp.batch.limits import Limits, make_limits, make_spool_dir, read_spool
from nlp.batch.progress import ProgressFn, StageSampler, Summary
from nlp.batch.discover import discover_inputs, file_size
from nlp.settings import Settings

__all__ = ["BatchInterrupted", "default_jobs", "plan_tasks", "process_one", "run_batch"]


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


def _worker_task(file: str, skip_sha: str | None) -> dict:
    import resource

    sampler = _WORKER.get("sampler")
    if sampler:
        sampler.start()
    try:
        out = run_file(file, skip_sha, settings=_WORKER["settings"], spool_dir=_WORKER["spool_dir"],
                       limits=_WORKER["limits"])
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
        with stop_on_signals():
            _run_batch(paths, database, summary, settings=settings, retry_failed=retry_failed,
                       profile=profile, limits=limits, prune=prune, on_progress=on_progress)
    except Stop as stop:
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
        done = reconcile(store, files, summary, prune=prune)
        tasks = plan_tasks(files, done, retry_failed=retry_failed)
        summary.bytes_total = sum(file_size(f) for f in files)
        if on_progress:
            on_progress("start", None, summary)

        def record(result: dict) -> None:
            if result["status"] != "skipped":
                store.begin()  # waits for another program's write lock; a signal still stops it
            with signals_held():
                _write_result(store, result, summary)
            if on_progress:
                on_progress("file", result, summary)

        _run_pool(tasks, summary.jobs, (settings, spool_dir, profile, limits), record)
    finally:
        store.close()
        shutil.rmtree(spool_dir, ignore_errors=True)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _record_not_regular(store, file: str, reason: str, summary: Summary) -> None:
    file_row, rows = not_regular_rows(file, reason)
    store.write_file(file_row, [rows])
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
                record(failure(task[0], "worker", "WorkerDied", f"{Path(task[0]).name}: the worker "
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
