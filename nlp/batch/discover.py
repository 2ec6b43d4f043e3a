"""Discovery: paths given on the command line -> the files a batch will read.

Input: files and folders. Output: the document files (sorted, absolute), walking folders and
skipping hidden entries. Folders are walked for the suffixes the readers handle (``SUFFIXES``).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable

from nlp.errors import BadOption

SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")


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


def file_sha256(path: Path) -> tuple[str, int]:
    """The sha256 and the size of a file, read in 1 MB blocks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
