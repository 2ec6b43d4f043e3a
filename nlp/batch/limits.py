"""Limits: how long a batch may spend on one file.

A worker arms a timer (``SIGALRM``) around each file; a file still running when it fires
fails with ``FileTimeout``, naming the stage it was in.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from nlp.batch.progress import stage_name
from nlp.errors import PolicyNlpError


class FileTimeout(PolicyNlpError):
    """A file that took longer than the batch's ``--timeout``."""


@contextmanager
def time_limit(file: str, seconds: float | None) -> Iterator[None]:
    """Raise FileTimeout inside the block once it has run ``seconds`` (no limit when None)."""
    if not seconds:
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
