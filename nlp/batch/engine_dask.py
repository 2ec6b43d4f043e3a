"""The batch on Dask: file partitions as tasks, partitioned Parquet out.

Input: the same paths as ``nlp.batch.run_batch``. Output: a folder with one sub-folder per
table (``documents/part-<run>-00003.parquet`` ...) and ``_manifest.json`` (counts, errors,
pipeline version). The rows are those of the local engine, and so are the rules, from
``nlp.batch.common``: the same discovery (pipes and devices recorded as skipped, unsupported
types named), the same skip of finished files (``plan_tasks``), moved files found by sha256
and deleted ones reported or pruned (``reconcile``), the same limits, time limit included
(``run_file``: in a task thread a timer raises the timeout), the same summary and exit
codes, and SIGINT/SIGTERM stop the cluster's work, remove the spool and raise
``BatchInterrupted`` (exit 130/143).

A re-run into the same folder adds parts for the files it processed; a file's rows live in
the part its newest ``files`` row is in, and rows elsewhere (older runs, a killed run) are
removed (``nlp.batch.parts``). Tasks receive file paths only, so the output folder and
the inputs must be visible to every worker (a shared or network file system on a real
cluster). Models load once per worker process; a task whose worker dies is run again by
Dask, and rewriting a partition is harmless.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from contextlib import ExitStack, contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator

from nlp import PIPELINE_VERSION
from nlp.batch.common import (BatchInterrupted, Stop, failure, not_regular_rows, plan_tasks, reconcile,
                              run_file, signals_held, stop_on_signals)
from nlp.batch.discover import discover_inputs, file_size
from nlp.batch.limits import Limits, make_limits, make_spool_dir, read_spool
from nlp.batch.parts import PartsFolder, PartWriter, count_part_rows, parquet_to_sqlite, read_table
from nlp.batch.progress import ProgressFn, Summary
from nlp.errors import BadOption
from nlp.settings import Settings
from nlp.store.rows import TABLES

__all__ = ["PARTITION_BYTES", "parquet_to_sqlite", "partition_files", "process_partition", "read_table",
           "run_dask_batch"]

PARTITION_BYTES = 4_000_000  # files are packed into tasks of about this many bytes


def partition_files(files: Iterable[Path], *, target_bytes: int = PARTITION_BYTES) -> list[list[str]]:
    """Pack files into partitions of about ``target_bytes`` each, in path order; a big file goes alone."""
    parts: list[list[str]] = []
    current: list[str] = []
    size = 0
    for f in files:
        n = f.stat().st_size if f.exists() else 0
        if current and size + n > target_bytes:
            parts.append(current)
            current, size = [], 0
        current.append(str(f))
        size += n
    if current:
        parts.append(current)
    return parts


def process_partition(index: int, tasks: list[tuple], out_dir: str, settings: Settings,
                      limits: Limits = Limits(), *, run: str = "0", spool_dir: str | None = None) -> dict:
    """Run the pipeline over one partition's tasks and write its Parquet parts; return its counts.

    ``tasks`` are ``plan_tasks`` triples; a skipped file writes nothing (its rows stay in
    an earlier part). Runs on a Dask worker, each file under the limits (``run_file``). Each
    table's part is written to a temporary name and renamed, so a retried task replaces,
    never duplicates, its rows.
    """
    import resource

    part = PartWriter(out_dir, f"part-{run}-{index:05d}.parquet")
    stats = {"ok": 0, "failed": 0, "skipped": 0, "failed_before": 0, "documents": 0, "mentions": {},
             "bytes": 0, "chars": 0, "seconds": 0.0, "errors": [], "written": [], "cut": [], "sizes": []}
    for file, skip_sha, prior in tasks:
        r = run_file(file, skip_sha, settings=settings, spool_dir=spool_dir, limits=limits)
        stats["bytes"] += r["bytes"]
        stats["sizes"].append(r["bytes"])
        if r["status"] == "skipped":
            stats["skipped"] += 1
            stats["failed_before"] += prior == "failed"
            continue
        stats["written"].append(file)
        stats["cut"] += [(file, note) for note in r.get("cuts") or []]
        stats["seconds"] += r.get("seconds", 0.0)
        part.add("files", [r["file_row"]])
        if r["error"]:
            stage, kind, message = r["error"]
            part.add("errors", [(file, stage, kind, message)])
            stats["failed"] += 1
            stats["errors"].append((file, stage, message))
            continue
        stats["ok"] += 1
        stats["documents"] += r["documents"]
        stats["chars"] += r.get("chars", 0)
        for k, v in r["mentions"].items():
            stats["mentions"][k] = stats["mentions"].get(k, 0) + v
        for rows in (read_spool(r["spool"]) if r["spool"] else r["rows"]):
            for table, batch in rows.items():
                part.add(table, batch)
    if stats["written"]:  # a partition of skipped files leaves the earlier parts as they are
        part.close()
    stats["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats["pid"] = os.getpid()
    return stats


def run_dask_batch(paths: Iterable[str | Path], out_dir: str | Path, *, settings: Settings = Settings(),
                   scheduler: str | None = None, workers: int | None = None, quiet: bool = True,
                   client=None, target_bytes: int = PARTITION_BYTES, retry_failed: bool = False,
                   timeout: float | None = None, max_file_mb: float | None = None,
                   max_mentions_per_doc: int | None = None, prune: bool = False,
                   on_progress: ProgressFn | None = None) -> Summary:
    """Process every input as Dask tasks into partitioned Parquet under ``out_dir``.

    Without ``scheduler`` (or ``client``) a LocalCluster of ``workers`` single-threaded
    processes (default: all cores) is started and stopped. The rules are the local
    engine's (``nlp.batch.run.run_batch``): finished files skipped, moved files kept, gone
    files reported (deleted with ``prune``), limits, and SIGINT/SIGTERM raise
    ``BatchInterrupted`` once the cluster's work is stopped and the output tidied.
    """
    limits = make_limits(timeout=timeout, max_file_mb=max_file_mb, max_mentions_per_doc=max_mentions_per_doc)
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        raise BadOption("the dask engine needs dask.distributed (pip install 'policy-nlp[dask]')") from None
    t0 = time.perf_counter()
    out = Path(out_dir)
    if out.exists() and not _ours(out) and any(out.iterdir()):
        raise BadOption(f"{out}: exists and is not a Dask batch output; give a new folder")
    inputs = discover_inputs(paths)
    summary = Summary(files=len(inputs.files))
    summary.unsupported = [str(p) for p in inputs.unsupported]
    out.mkdir(parents=True, exist_ok=True)
    if not (out / "_manifest.json").exists():  # ours from now on, even if this run is killed
        _write_manifest(out, summary, partitions=0)
    run = datetime.now().strftime("%Y%m%dT%H%M%S%f")  # sorts by time (as earlier runs named them): newest wins
    try:
        with stop_on_signals():
            partitions = _run(inputs, out, summary, run, settings=settings, scheduler=scheduler,
                              workers=workers, client=client, target_bytes=target_bytes,
                              retry_failed=retry_failed, limits=limits, prune=prune, on_progress=on_progress)
    except Stop as stop:
        # a task still running when the stop came may have finished while the cluster closed
        written = count_part_rows(out / "files", f"part-{run}-[0-9]*.parquet")
        summary.elapsed = time.perf_counter() - t0
        _write_manifest(out, summary, partitions=0)
        raise BatchInterrupted(stop.signum, summary.skipped + written, summary.files) from None
    summary.elapsed = time.perf_counter() - t0
    _write_manifest(out, summary, partitions=partitions)
    return summary


def _run(inputs, out: Path, summary: Summary, run: str, *, settings: Settings, scheduler: str | None,
         workers: int | None, client, target_bytes: int, retry_failed: bool, limits: Limits,
         prune: bool, on_progress: ProgressFn | None) -> int:
    """The run proper: reconcile, submit the partitions, count what comes back; return their number."""
    from dask.distributed import Client, LocalCluster, as_completed

    from nlp.batch.run import default_jobs

    files = inputs.files
    folder = PartsFolder(out)
    spool_dir = make_spool_dir(out)
    own = cluster = None
    pids: list[int] = []
    quiet = ExitStack()
    written: list[str] = []
    before: dict[str, str] = {}
    finished = False
    try:
        folder.remove_temporary()
        folder.tidy()  # rows left by a killed run or a cancelled task
        done = reconcile(folder, files, summary, prune=prune)
        with signals_held():
            folder.tidy()  # the moves and prunes
        before = dict(folder.owner)
        if inputs.not_regular:  # never opened: reading a pipe would block for ever
            written += _write_not_regular(out, f"part-{run}-discover.parquet", inputs.not_regular, summary)
        tasks = {t[0]: t for t in plan_tasks(files, done, retry_failed=retry_failed)}
        summary.bytes_total = sum(file_size(f) for f in files)
        if client is None:
            if scheduler:
                client = own = Client(scheduler)
            else:
                quiet.enter_context(_quiet_workers())
                cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                                       dashboard_address=":0", scheduler_kwargs={"dashboard": False})
                client = own = Client(cluster)
                pids = list(client.run(os.getpid).values())
        summary.jobs = len(client.scheduler_info().get("workers", {}))
        # at least a few partitions per worker, so all work and a stop keeps what is done
        per_part = max(1, min(target_bytes, summary.bytes_total // (4 * max(1, summary.jobs))))
        parts = partition_files(files, target_bytes=per_part)
        if on_progress:
            on_progress("start", None, summary)
        held: dict = {}  # future -> (index, the tasks of its partition)

        def submit(index: int, part_tasks: list[tuple]):
            fut = client.submit(process_partition, index, part_tasks, str(out.resolve()), settings, limits,
                                run=run, spool_dir=spool_dir, key=f"policy-nlp-partition-{run}-{index}",
                                retries=2, pure=False)
            held[fut] = (index, part_tasks)
            return fut

        futures = [submit(i, [tasks[f] for f in part]) for i, part in enumerate(parts)]
        suspects: list[list[tuple]] = []  # single files whose worker died while they were queued or running

        def count(s: dict) -> None:
            nonlocal written
            with signals_held():
                _add_partition(summary, s)
                written += s["written"]
            for size in s["sizes"] if on_progress else ():  # the bar counts files
                on_progress("file", {"bytes": size}, summary)

        try:
            queue = as_completed(futures)
            for fut in queue:
                try:
                    s = fut.result()
                except Exception as err:  # the task failed three times: a worker died, or a crash
                    index, part_tasks = held[fut]
                    if len(part_tasks) > 1:  # each file is tried alone
                        for task in part_tasks:
                            queue.add(submit(len(held), [task]))
                        continue
                    if _worker_died(err):  # the worker may have died on another file it held
                        suspects.append(part_tasks)
                        continue
                    s = _partition_failed(out, run, index, part_tasks, err)
                count(s)
            # one at a time, nothing else on the cluster: a worker that dies now died on this file
            for part_tasks in suspects:
                index = len(held)
                fut = submit(index, part_tasks)
                try:
                    s = fut.result()
                except Exception as err:
                    s = _partition_failed(out, run, index, part_tasks, err)
                count(s)
            finished = True
        except BaseException:
            client.cancel(list(held))  # what has not started never will
            for pid in pids:  # our own workers: a running task is dropped now, as the local engine does
                with suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            raise
    finally:
        if own is not None:
            own.close()
        if cluster is not None:
            cluster.close()
        quiet.close()
        shutil.rmtree(spool_dir, ignore_errors=True)
        if finished or cluster is not None:  # no task of ours can still be writing
            folder.remove_temporary()
        pending = folder.renamed or folder.dropped
        folder.tidy(parts=None if pending else {before[f] for f in written if f in before})
    return len(parts)


@contextmanager
def _quiet_workers() -> Iterator[None]:
    """Our own cluster's logs off (the local engine's workers print nothing either): a stop makes
    Dask log cancelled tasks; a task's failure reaches us as its exception anyway.

    Worker processes read the level from the environment when they start.
    """
    import logging

    logger = logging.getLogger("distributed")
    level, env = logger.level, os.environ.get(_LOG_ENV)
    logger.setLevel(logging.CRITICAL)
    os.environ[_LOG_ENV] = env or "critical"
    try:
        yield
    finally:
        logger.setLevel(level)
        if env is None:
            os.environ.pop(_LOG_ENV, None)


_LOG_ENV = "DASK_LOGGING__DISTRIBUTED"


def _worker_died(err: Exception) -> bool:
    return type(err).__name__ == "KilledWorker"


def _partition_failed(out: Path, run: str, index: int, part_tasks: list[tuple], err: Exception) -> dict:
    """A file that failed alone, as the local engine records it: at stage ``worker`` when its worker
    died, else at ``store``, in the part it would have written. A failed partition of several files
    is first tried again file by file, and a file whose worker died while other files were on it
    is tried again alone once the rest is done."""
    [(file, _, _)] = part_tasks
    name = Path(file).name
    if _worker_died(err):
        result = failure(file, "worker", "WorkerDied", f"{name}: the worker process died on this file "
                         "(out of memory or a crash in native code)")
    else:
        result = failure(file, "store", type(err).__name__, f"{name}: {type(err).__name__}: {err}"[:2000])
    part = PartWriter(str(out), f"part-{run}-{index:05d}.parquet")
    stage, kind, message = result["error"]
    part.add("files", [result["file_row"]])
    part.add("errors", [(file, stage, kind, message)])
    part.close()
    return {"ok": 0, "failed": 1, "skipped": 0, "failed_before": 0, "documents": 0, "mentions": {},
            "bytes": result["bytes"], "chars": 0, "seconds": 0.0, "errors": [(file, stage, message)],
            "written": [file], "cut": [], "sizes": [result["bytes"]], "rss_mb": 0.0, "pid": 0}


def _add_partition(summary: Summary, s: dict) -> None:
    for key in ("ok", "failed", "skipped", "failed_before", "documents", "bytes", "chars"):
        setattr(summary, key, getattr(summary, key) + s[key])
    summary.worker_seconds += s["seconds"]
    summary.mentions.update(s["mentions"])
    summary.errors += [tuple(e) for e in s["errors"]]
    summary.cut += [tuple(c) for c in s["cut"]]
    if s["pid"]:
        summary.peak_rss_mb[s["pid"]] = max(summary.peak_rss_mb.get(s["pid"], 0), s["rss_mb"])


def _write_not_regular(out: Path, name: str, odd: list, summary: Summary) -> list[str]:
    """A part of their own for inputs never opened (pipes, devices), as the local engine records them."""
    part = PartWriter(str(out), name)
    for path, reason in odd:
        file_row, rows = not_regular_rows(str(path), reason)
        part.add("files", [file_row])
        part.add("errors", rows["errors"])
        summary.not_regular.append((str(path), reason))
    part.close()
    return [str(path) for path, _ in odd]


def _ours(out: Path) -> bool:
    """A folder this engine wrote: its ``_manifest.json`` names a pipeline version."""
    try:
        manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "pipeline_version" in manifest


def _write_manifest(out: Path, summary: Summary, *, partitions: int) -> None:
    manifest = {"pipeline_version": PIPELINE_VERSION, "partitions": partitions,
                "tables": {t: count_part_rows(out / t) for t in TABLES}, **summary.as_dict()}
    tmp = out / "_manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out / "_manifest.json")
