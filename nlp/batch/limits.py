"""Limits: how much of a file a batch will process, for how long, and in how much memory.

``Limits`` holds the three a user can see and change (``--max-file-mb``,
``--max-mentions-per-doc``, ``--timeout``); the defaults keep a hostile folder (a 200 MB
one-line file, a zip bomb, a million nested tags) to minutes. What a limit cut is recorded
in the file's ``warnings`` and in the summary. A worker arms a timer (``SIGALRM``) around
each file; a file still running when it fires fails with ``FileTimeout``, naming its stage.
Past ``SPOOL_CHARS`` of text a worker spools a file's rows to a folder beside the database
rather than holding them; a folder left by a run that died is removed by the next one.
"""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from nlp.batch.progress import stage_name
from nlp.errors import BadOption, PolicyNlpError
from nlp.model import Document

MAX_FILE_MB = 10.0  # MB of a file's text (UTF-8) processed: about a minute of pipeline time
MAX_MENTIONS_PER_DOC = 5000  # a real policy document has a few hundred at most
TIMEOUT = 300.0  # seconds per file
SPOOL_CHARS = 4_000_000  # beyond this much document text, a worker spools its rows to disk
SPOOL_PREFIX = "policy-nlp-spool-"  # + the batch's pid: a folder whose process is gone is stale


class FileTimeout(PolicyNlpError):
    """A file that took longer than the batch's ``--timeout``."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-file limits; 0 or None for any of them means no limit.

    >>> Limits(timeout=-1)
    Traceback (most recent call last):
    nlp.errors.BadOption: --timeout must be a positive number of seconds (or 0 for no limit), got -1
    """

    max_file_mb: float | None = MAX_FILE_MB
    max_mentions_per_doc: int | None = MAX_MENTIONS_PER_DOC
    timeout: float | None = TIMEOUT

    def __post_init__(self):
        for name, unit in (("max_file_mb", "MB"), ("max_mentions_per_doc", "mentions"),
                           ("timeout", "seconds")):
            value = getattr(self, name)
            if value is not None and not value >= 0:  # also refuses NaN
                option = "--" + name.replace("_", "-")
                raise BadOption(f"{option} must be a positive number of {unit} (or 0 for no limit), got {value:g}")


def make_limits(*, max_file_mb: float | None = None, max_mentions_per_doc: int | None = None,
                timeout: float | None = None) -> Limits:
    """Limits from options where None means "the default" (and 0 means "no limit")."""
    given = {"max_file_mb": max_file_mb, "max_mentions_per_doc": max_mentions_per_doc, "timeout": timeout}
    return Limits(**{k: v for k, v in given.items() if v is not None})


def limit_documents(docs: Iterable[Document], limits: Limits, cuts: list[str]) -> Iterator[Document]:
    """Pass documents on within the limits; say in ``cuts`` what was left out.

    Documents past ``max_file_mb`` of text are not processed further (the pipeline stops
    reading the file); a document's mentions past ``max_mentions_per_doc`` are dropped.
    """
    budget = (limits.max_file_mb or 0) * 1e6
    keep = limits.max_mentions_per_doc
    used = 0
    for doc in docs:
        if budget and used >= budget:
            cuts.append(f"cut at {limits.max_file_mb:g} MB of text: documents from #{doc.doc_index} on "
                        "were not processed (raise --max-file-mb)")
            return
        used += len(doc.text.encode("utf-8"))
        if keep and len(doc.mentions) > keep:
            cuts.append(f"document #{doc.doc_index}: {len(doc.mentions)} mentions, kept the first {keep} "
                        "(raise --max-mentions-per-doc)")
            doc = replace(doc, mentions=doc.mentions[:keep])
        yield doc


@contextmanager
def time_limit(file: str, seconds: float | None) -> Iterator[None]:
    """Raise FileTimeout inside the block once it has run ``seconds`` (no limit when None or 0).

    Needs the main thread (a signal timer); elsewhere (a Dask worker thread) it does nothing.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        stage = stage_name(frame.f_globals.get("__name__", "")) or "pipeline"
        raise FileTimeout(f"{Path(file).name}: took longer than {seconds:g} s "
                          f"(in stage {stage}; raise --timeout or split the file)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class RowSink:
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


def read_spool(path: str) -> Iterator[dict]:
    """The row dicts of a spool file, then the file is removed."""
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


def make_spool_dir(folder: Path) -> str:
    """A fresh spool folder for this run in ``folder``, after removing those of dead runs."""
    remove_stale_spools(folder)
    return tempfile.mkdtemp(prefix=f"{SPOOL_PREFIX}{os.getpid()}-", dir=folder)


def remove_stale_spools(folder: Path) -> list[Path]:
    """Remove spool folders left in ``folder`` by batches that died (their pid is gone)."""
    removed = []
    for path in folder.glob(f"{SPOOL_PREFIX}*"):
        pid = path.name[len(SPOOL_PREFIX):].split("-", 1)[0]
        if path.is_dir() and not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
