"""Library settings gathered by the CLI into one frozen object and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def models_dir() -> Path:
    """The shipped models: top-level ``models/`` in a source checkout, ``nlp/_models`` in a wheel."""
    here = Path(__file__).resolve().parent
    source = here.parent / "models"
    return source if (source / "themes").is_dir() else here / "_models"


@dataclass(frozen=True, slots=True)
class Settings:
    ner: str = "auto"  # "rules" | "hanlp" | "auto" (whichever scored higher on the dev split)
    themes_model: Path | None = None  # None: models/themes shipped with the project
    classify: bool = True  # fill Document.passages
    variant: str = "auto"  # OpenCC variant: "auto" | "t2s" | "tw2s" | "hk2s"
