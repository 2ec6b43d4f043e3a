"""Errors the library raises; the CLI prints them as one line each."""

from __future__ import annotations

from pathlib import Path


class PolicyNlpError(Exception):
    """Base of every error caused by bad input or bad options (never a bug)."""


class UnreadableFile(PolicyNlpError):
    """A file that cannot be turned into text: empty, binary, encrypted, hostile or damaged."""

    def __init__(self, path: str | Path, reason: str, *, hint: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        name = Path(self.path).name or self.path
        msg = f"{name}: {reason}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class BadOption(PolicyNlpError):
    """A bad value given on the command line or to a library call."""


class ModelError(PolicyNlpError):
    """A model artefact that is missing, damaged or of the wrong version."""
