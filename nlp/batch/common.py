"""What both batch engines share: one file under its limits, the plan, the disk check, the stops.

``run_file``    one file through the pipeline (``process_one``) under the time limit, in any thread
``plan_tasks``  which inputs to process and which to skip (same sha256 and pipeline version)
``reconcile``   moved files keep their rows (found by sha256), deleted ones are reported or pruned
``stop_on_signals`` / ``signals_held``  SIGINT/SIGTERM -> ``Stop`` -> ``BatchInterrupted`` (exit 130/143)

The local engine (``run``) writes into SQLite, the Dask engine (``engine_dask``) into Parquet
parts; both call these, so the rules and the messages are the same.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from nlp import PIPELINE_VERSION
from nlp.batch.discover import file_sha256, file_size
from nlp.batch.limits import FileTimeout, Limits, RowSink, limit_documents, time_limit
from nlp.batch.progress import Summary, stage_name, stage_of
from nlp.errors import PolicyNlpError
from nlp.settings import Settings


class BatchInterrupted(PolicyNlpError):
    """SIGINT or SIGTERM stopped the batch; the files written so far stay, a re-run finishes."""

    def __init__(self, signum: int, done: int, total: int):
        self.exit_code = 128 + signum  # the shell's convention: 130 for SIGINT, 143 for SIGTERM
        super().__init__(f"interrupted: {done} of {total} files done; run again to finish")


# ---------------------------------------------------------------- one file

def process_one(file: str, skip_sha: str | None = None, *, settings: Settings = Settings(),
                spool_dir: str | None = None, limits: Limits = Limits()) -> dict:
    """Run the pipeline on one file and return its rows as plain data (never raises for bad input).

    The result: ``status`` (ok/failed/skipped), ``file_row`` (a ``files`` row), ``rows``
    (a list of per-document row dicts) or ``spool`` (a file of pickled row dicts),
    ``error`` (stage, kind, message), ``documents``, ``mentions`` (counts by type), ``cuts``
    (what ``limits`` left out, also in the file row's warnings). The time limit is the
    caller's (``run_file``).
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


def run_file(file: str, skip_sha: str | None, *, settings: Settings, spool_dir: str | None,
             limits: Limits) -> dict:
    """``process_one`` under ``limits.timeout``: a file past its time is a failed result, not a hang.

    Works in the main thread (a signal timer, the local engine's workers) and in any other
    thread (a Dask worker's task thread), with the same error kind and message.
    """
    try:
        with file_time_limit(file, limits.timeout):
            return process_one(file, skip_sha, settings=settings, spool_dir=spool_dir, limits=limits)
    except FileTimeout as err:  # fired outside the pipeline (hashing, spooling)
        return failure(file, "store", type(err).__name__, str(err))


@contextmanager
def file_time_limit(file: str, seconds: float | None) -> Iterator[None]:
    """Raise FileTimeout inside the block once it has run ``seconds`` (no limit when None or 0).

    The main thread uses ``limits.time_limit`` (SIGALRM). Another thread cannot receive a
    signal, so a timer thread raises the exception in it (``PyThreadState_SetAsyncExc``):
    like a signal handler, it lands at the next Python instruction the thread runs.
    """
    if not seconds or threading.current_thread() is threading.main_thread():
        with time_limit(file, seconds):
            yield
        return
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def expire() -> None:
        with lock:
            if not state["armed"]:
                return
            stage = _stage_now(target)
            message = (f"{Path(file).name}: took longer than {seconds:g} s "
                       f"(in stage {stage}; raise --timeout or split the file)")
            expired = type("FileTimeout", (FileTimeout,), {"__init__": _message_init(message),
                                                           "__module__": FileTimeout.__module__})
            _async_raise(target, expired)
            state["fired"] = True

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["armed"] = False
            if state["fired"]:
                _async_raise(target, None)  # not raised yet (the block ended just in time): drop it


def _message_init(message: str):
    def __init__(self, *args):
        FileTimeout.__init__(self, *(args or (message,)))
    return __init__


def _async_raise(thread_id: int, exc_type: type | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc_type) if exc_type else None)


def _stage_now(thread_id: int) -> str:
    """The stage of the code a thread is running now, named as ``time_limit``'s signal handler
    names it (from the innermost frame only), so both engines say the same."""
    frame = sys._current_frames().get(thread_id)
    return (stage_name(frame.f_globals.get("__name__", "")) if frame else None) or "pipeline"


def failure(file: str, stage: str, kind: str, message: str) -> dict:
    """The result of a file that failed outside ``process_one``'s own error handling."""
    size = file_size(Path(file))
    return {"file": file, "status": "failed", "rows": [], "spool": None, "documents": 0,
            "mentions": {}, "bytes": size, "error": (stage, kind, message),
            "file_row": (file, None, size, None, None, "failed", PIPELINE_VERSION, 0, None)}


def not_regular_rows(file: str, reason: str) -> tuple[tuple, dict]:
    """The ``files`` row and the ``errors`` rows of an input never opened (a pipe, a device)."""
    message = f"{Path(file).name}: {reason}; skipped"
    return ((file, None, 0, None, None, "skipped", PIPELINE_VERSION, 0, reason),
            {"errors": [(file, "discover", "NotRegularFile", message)]})


# ---------------------------------------------------------------- the plan and the disk

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


def reconcile(store, files: list[Path], summary: Summary, *, prune: bool) -> dict:
    """Match the stored files to the disk before the run: moved files, deleted files.

    ``store`` has ``done_files()`` (file -> (sha256, version, status, size)),
    ``rename_file(old, new)`` and ``drop_file(file)``: the SQLite store, or the Dask engine's
    Parquet folder. A stored file whose path is gone and whose sha256 equals a new input's is
    a move: its rows take the new path and it is not processed again. Gone files left over are
    reported (``summary.missing``) and, with ``prune``, their rows are deleted. Returns
    ``done_files``.
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
        with signals_held():
            store.rename_file(old, new)
            candidates.remove(old)
            done[new] = done.pop(old)
            del gone[old]
            summary.moved.append((old, new))
    for f in sorted(gone):
        if prune:
            with signals_held():
                store.drop_file(f)
                del done[f]
                summary.pruned.append(f)
        else:
            summary.missing.append(f)
    return done


# ---------------------------------------------------------------- clean stops

class Stop(BaseException):
    """Raised in the parent by SIGINT/SIGTERM; a BaseException so no ``except Exception`` eats it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_SIGNALS: dict = {"held": False, "pending": None}  # the parent's signal state, see stop_on_signals


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn the first SIGINT or SIGTERM into ``Stop``; ignore more while the batch cleans up.

    Inside ``signals_held()`` (a file's write and its count) the stop waits for the block's end,
    so "N of M files done" is exactly what the output holds.
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
        raise Stop(signum)

    previous = {s: signal.signal(s, stop) for s in wanted}
    _SIGNALS.update(held=False, pending=None)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextmanager
def signals_held() -> Iterator[None]:
    _SIGNALS["held"] = True
    try:
        yield
    finally:
        _SIGNALS["held"] = False
    if _SIGNALS["pending"] is not None:
        raise Stop(_SIGNALS["pending"])
