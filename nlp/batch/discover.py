"""Discovery: paths given on the command line -> the files a batch will read.

Input: files and folders. Output: the document files (sorted, absolute), walking folders and
skipping hidden entries. Folders are walked for the suffixes the readers handle (``SUFFIXES``).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from nlp.errors import BadOption, UnreadableFile

SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")


@dataclass
class Inputs:
    """What a walk found: the files to read, and what it left out and why."""

    files: list[Path] = field(default_factory=list)
    not_regular: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason): pipes, sockets, devices
    unsupported: list[Path] = field(default_factory=list)  # regular files of other types (.doc, .wps, ...)


def discover_inputs(paths: Iterable[str | Path]) -> Inputs:
    """Walk ``paths``: files as given, folders for ``SUFFIXES`` (hidden entries skipped), sorted.

    A named pipe, socket or device is never opened (reading a pipe blocks forever): it is
    listed in ``not_regular`` with the reason. Other files in folders go to ``unsupported``.
    """
    found: dict[str, Path] = {}
    odd: dict[str, tuple[Path, str]] = {}
    other: dict[str, Path] = {}
    for p in map(Path, paths):
        mode = _mode(p)
        if mode is None:
            raise BadOption(f"{p}: no such file or folder")
        if stat.S_ISDIR(mode):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith("."):
                        continue
                    q = Path(root) / name
                    kind = _mode(q)
                    if kind is None or not stat.S_ISREG(kind):
                        odd.setdefault(str(q.absolute()), (q.absolute(), _odd_reason(kind)))
                    elif name.lower().endswith(SUFFIXES):
                        found.setdefault(str(q.resolve()), q.resolve())
                    else:
                        other.setdefault(str(q.resolve()), q.resolve())
        elif stat.S_ISREG(mode):
            found.setdefault(str(p.resolve()), p.resolve())
        else:
            odd.setdefault(str(p.absolute()), (p.absolute(), _odd_reason(mode)))
    return Inputs(sorted(found.values()), sorted(odd.values()), sorted(other.values()))


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The files to process: files as given, folders walked (hidden entries skipped), sorted.

    >>> find_inputs([]) == []
    True
    """
    return discover_inputs(paths).files


def _mode(p: Path) -> int | None:
    """The file type bits of ``p`` (links followed); None if it does not exist or cannot be seen."""
    try:
        return os.stat(p).st_mode
    except OSError:
        return None


def _odd_reason(mode: int | None) -> str:
    if mode is None:
        return "a broken link or a file that cannot be seen"
    for test, what in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return f"not a regular file ({what})"
    return "not a regular file"


def describe_unsupported(files: list[Path], *, names: int = 5) -> str:
    """One line naming files of types the readers do not handle, counted by suffix.

    >>> describe_unsupported([Path("a.doc"), Path("b.doc"), Path("c.wps")])
    '3 files of unsupported types (.doc 2, .wps 1): a.doc, b.doc, c.wps (save Word/WPS files as .docx)'
    """
    by_suffix = Counter(p.suffix.lower() or "(no suffix)" for p in files)
    counts = ", ".join(f"{s} {n}" for s, n in sorted(by_suffix.items(), key=lambda kv: (-kv[1], kv[0])))
    shown = ", ".join(p.name for p in files[:names]) + (f" and {len(files) - names} more" if len(files) > names else "")
    hint = " (save Word/WPS files as .docx)" if set(by_suffix) & _OFFICE else ""
    return f"{len(files)} file{'s' if len(files) != 1 else ''} of unsupported types ({counts}): {shown}{hint}"


_OFFICE = {".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt"}


def file_sha256(path: Path) -> tuple[str, int]:
    """The sha256 and the size of a file, read in 1 MB blocks.

    Opened without blocking and checked to be a regular file first: a file replaced by a
    named pipe after discovery fails with UnreadableFile instead of hanging the worker.
    """
    h = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile(path, _odd_reason(mode))
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
