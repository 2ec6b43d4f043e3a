"""Reading stage, PDF: the text layer, page by page, with pypdf (pure Python, no system libraries).

A scan has no text layer; a PDF whose fonts lack a character map yields `(cid:123)`, private-use
or control characters instead of text. Both are refused with a hint to run OCR, since downstream
stages would only find junk. Pages and time are capped so a hostile PDF cannot stall a batch.
"""

from __future__ import annotations

import logging
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from nlp.errors import UnreadableFile

MAX_PAGES = 2000
MAX_SECONDS = 120.0
_OCR_HINT = "run OCR and pass the .txt"

_CID = re.compile(r"\(cid:\d+\)")
# What a font without a character map produces: private-use glyph codes, controls, U+FFFD.
_JUNK_CHAR = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_JUNK_SHARE = 0.3


def read_pdf(path: Path, *, max_pages: int = MAX_PAGES, max_seconds: float = MAX_SECONDS) -> tuple[str, list[str]]:
    """Text of a PDF's pages joined by line breaks; UnreadableFile when there is no usable text."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    warnings: list[str] = []
    with _pypdf_warnings_into(warnings):
        try:
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")  # many PDFs only lock printing, under an empty password
                except (DependencyError, NotImplementedError) as err:
                    raise UnreadableFile(path, f"encrypted PDF that cannot be opened ({err})") from None
                if not opened:
                    raise UnreadableFile(path, "encrypted PDF: it needs a password",
                                         hint="save an unlocked copy and pass that")
            pages = reader.pages
            total = len(pages)
            texts = []
            fonts = [0, 0]  # page fonts that map codes to characters, and those that do not
            started = time.monotonic()
            for number in range(min(total, max_pages)):
                if time.monotonic() - started > max_seconds:
                    warnings.append(f"stopped after {number} of {total} pages: over the {max_seconds:.0f} s limit")
                    break
                texts.append(pages[number].extract_text() or "")
                for i, count in enumerate(_count_fonts(pages[number])):
                    fonts[i] += count
            else:
                if total > max_pages:
                    warnings.append(f"read only the first {max_pages} of {total} pages (page limit)")
        except UnreadableFile:
            raise
        except FileNotDecryptedError:
            raise UnreadableFile(path, "encrypted PDF: it needs a password",
                                 hint="save an unlocked copy and pass that") from None
        # pypdf signals damage with many exception types (PdfReadError, KeyError, ValueError...);
        # on bytes we did not write, any of them means "damaged PDF", never a bug of ours.
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                AssertionError, RecursionError, OSError, ZeroDivisionError) as err:
            raise UnreadableFile(path, f"damaged PDF ({type(err).__name__}: {err})".rstrip()) from None
    text = "\n".join(page.strip("\n") for page in texts)
    if fonts[1] and not fonts[0] and text.strip(" \n"):
        raise UnreadableFile(path, "PDF fonts have no character map; no usable text layer", hint=_OCR_HINT)
    check_text_layer(text, path)
    return text, warnings


def check_text_layer(text: str, path: Path) -> None:
    """Refuse text that is empty or mostly what fonts without a character map produce.

    >>> check_text_layer("(cid:12)(cid:845)(cid:33)一", Path("x.pdf"))
    Traceback (most recent call last):
    nlp.errors.UnreadableFile: x.pdf: PDF fonts have no character map; no usable text layer (run OCR and pass the .txt)
    """
    visible = re.sub(r"\s+", "", text)
    if not visible:
        raise UnreadableFile(path, "PDF has no text layer", hint=_OCR_HINT)
    cid = _CID.findall(visible)
    junk = sum(map(len, cid)) + len(_JUNK_CHAR.findall(visible))
    if junk > _JUNK_SHARE * len(visible):
        raise UnreadableFile(path, "PDF fonts have no character map; no usable text layer", hint=_OCR_HINT)


def _count_fonts(page) -> tuple[int, int]:
    """Fonts of a page that map codes to characters, and those that do not: Identity-encoded CID
    fonts without /ToUnicode, whose codes are glyph numbers (pypdf returns controls or random
    letters for them)."""
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    if fonts is None:
        return 0, 0
    mapped = unmapped = 0
    for ref in fonts.get_object().values():
        font = ref.get_object()
        identity = font.get("/Subtype") == "/Type0" and str(font.get("/Encoding", "")).startswith("/Identity")
        if identity and "/ToUnicode" not in font:
            unmapped += 1
        else:
            mapped += 1
    return mapped, unmapped


@contextmanager
def _pypdf_warnings_into(warnings: list[str]) -> Iterator[None]:
    """Collect what pypdf logs about this file into RawText.warnings instead of stderr."""
    logger = logging.getLogger("pypdf")
    handler = _ListHandler(warnings)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str], limit: int = 20) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink
        self.limit = limit

    def emit(self, record: logging.LogRecord) -> None:
        message = f"pypdf: {record.getMessage()}"
        if len(self.sink) < self.limit and message not in self.sink:
            self.sink.append(message)
