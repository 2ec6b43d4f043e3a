"""Reading stage: path -> decoded text + format (txt/html/docx/pdf, any encoding).

Placeholder reading UTF-8 text only; the full reader lands with issue 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nlp.errors import UnreadableFile


@dataclass(slots=True)
class RawText:
    text: str
    format: str  # "txt" | "html" | "docx" | "pdf"
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_file(path: str | Path) -> RawText:
    """Decode ``path`` into text; raise UnreadableFile with a one-line reason."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise UnreadableFile(p, f"cannot open: {err.strerror}") from None
    text = data.decode("utf-8-sig")
    if not text.strip():
        raise UnreadableFile(p, "empty file")
    return RawText(text=text, format="txt", encoding="utf-8")
