"""Reading stage: path -> decoded text + format (txt/html/docx/pdf, any encoding).

The format and the encoding come from the bytes, never from the name: a .txt may hold a web
page, a .docx may be a PNG. Each format has its helper module (read_text, read_html, read_docx,
read_pdf); this one sniffs, dispatches, enforces the size limits and streams huge text files.
Anything that cannot become text raises UnreadableFile with a one-line reason.
"""

from __future__ import annotations

import codecs
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from nlp.errors import UnreadableFile
from nlp.read.text import SAMPLE_BYTES, NotText, check_text, clean_text, decode_bytes, detect_encoding, encoding_name

MAX_TEXT_BYTES = 64 * 1024 * 1024  # read_file decodes a .txt/.html whole; beyond this use iter_chunks
MAX_DOCX_BYTES = 200 * 1024 * 1024  # on disk, images included; document.xml has its own limit
MAX_PDF_BYTES = 300 * 1024 * 1024
_BLOCK_BYTES = 1024 * 1024  # iter_chunks reads this much at a time

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Files people attach by mistake; each signature is unambiguous at offset 0.
_NOT_DOCUMENTS = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
)
# Sentence ends, then clause breaks: where iter_chunks may cut a line that has no line break.
_CUT_AFTER = ("。！？；!?;", "，,、")


@dataclass(slots=True)
class RawText:
    text: str
    format: str  # "txt" | "html" | "docx" | "pdf"
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    offset: int = 0  # char offset of this piece inside the whole decoded file (for chunks)


def read_file(path: str | Path) -> RawText:
    """Decode a whole file into text, whatever its format and encoding; UnreadableFile if impossible.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "方案.txt").write_bytes("一、工作目标\\r\\n".encode("gb18030"))
    >>> raw = read_file(folder / "方案.txt"); (raw.text, raw.format, raw.encoding)
    ('一、工作目标\\n', 'txt', 'gb18030')
    """
    p = Path(path)
    size = _file_size(p)
    head = _read_head(p)
    kind = _sniff(head, p)
    if kind == "docx":
        from nlp.read.docx import read_docx

        _check_size(p, size, MAX_DOCX_BYTES)
        text, warnings = read_docx(p)
        return _nonempty(RawText(text, "docx", None, warnings), p, "the Word document holds no text")
    if kind == "pdf":
        from nlp.read.pdf import read_pdf

        _check_size(p, size, MAX_PDF_BYTES)
        text, warnings = read_pdf(p)
        return RawText(text, "pdf", None, warnings)
    if kind == "ole":
        raise _ole_error(p, size)
    _check_size(p, size, MAX_TEXT_BYTES, hint="split it, or read it in pieces with nlp.read.iter_chunks")
    data = _read_bytes(p)
    if not data:
        raise UnreadableFile(p, "empty file (0 bytes)")
    return _decode_document(p, data)


def iter_chunks(path: str | Path, *, chunk_chars: int = 2_000_000) -> Iterator[RawText]:
    """Yield a huge plain-text file in pieces of about ``chunk_chars``, in bounded memory.

    Each piece ends at a line break, else a sentence end (。！？；), else a comma, near the size;
    ``offset`` is its position in the whole decoded text, so the pieces joined equal
    read_file(path).text. Any other file (small, HTML, Word, PDF) yields one read_file result.
    """
    if chunk_chars < 1:
        raise ValueError(f"chunk_chars must be positive, got {chunk_chars}")
    p = Path(path)
    size = _file_size(p)
    head = _read_head(p, SAMPLE_BYTES)
    if size <= chunk_chars or _sniff(head, p) != "text":  # a byte never decodes to more than one char
        yield read_file(p)
        return
    from nlp.read.html import find_declared_charset, looks_like_html

    codec, bom = detect_encoding(head, declared=find_declared_charset(head), complete=False)
    try:
        check_text(head[bom:], codec, complete=False)
    except NotText as err:
        raise UnreadableFile(p, str(err)) from None
    start = codecs.getincrementaldecoder(codec)("replace").decode(head[bom:], False)
    if looks_like_html(start, p.suffix):
        yield read_file(p)  # a page is parsed whole; read_file applies its size limit
        return
    yield from _stream_text(p, codec, bom, chunk_chars)


def _stream_text(p: Path, codec: str, bom: int, chunk_chars: int) -> Iterator[RawText]:
    decoder = codecs.getincrementaldecoder(codec)("replace")
    encoding = encoding_name(codec, bom)
    pending: list[str] = []
    pending_chars = 0
    offset = 0
    held_cr = ""  # a CR at the end of a block may be the first half of a CRLF
    warnings: list[str] = []
    seen_text = False
    with _open(p) as stream:
        stream.seek(bom)
        final = False
        while not final:
            block = stream.read(_BLOCK_BYTES)
            final = not block
            piece = held_cr + decoder.decode(block, final)
            held_cr = ""
            if piece.endswith("\r") and not final:
                held_cr, piece = "\r", piece[:-1]
            piece, cleaned = clean_text(piece)
            warnings.extend(cleaned)
            pending.append(piece)
            pending_chars += len(piece)
            while pending_chars >= chunk_chars or (final and pending_chars):
                text = "".join(pending)
                cut = _cut_point(text, chunk_chars) if len(text) > chunk_chars else len(text)
                chunk, rest = text[:cut], text[cut:]
                seen_text = seen_text or not chunk.isspace()
                if "\ufffd" in chunk:
                    warnings.append(f"{chunk.count(chr(0xFFFD))} replacement character(s) U+FFFD: "
                                    f"bytes that do not decode as {codec}, or damage in the source")
                yield RawText(chunk, "txt", encoding, warnings, offset)
                warnings = []
                offset += cut
                pending, pending_chars = [rest], len(rest)
    if not seen_text:
        raise UnreadableFile(p, "empty file" if offset == 0 else "the file holds only whitespace")


def _cut_point(text: str, limit: int) -> int:
    """Where to end a chunk of at most ``limit`` chars: after the last line break in the final
    tenth, else after a sentence end, else after a comma; a hard cut at ``limit`` if none."""
    low = max(limit - max(limit // 10, 1), 0)
    found = text.rfind("\n", low, limit)
    if found >= 0:
        return found + 1
    for marks in _CUT_AFTER:
        found = max(text.rfind(mark, low, limit) for mark in marks)
        if found >= 0:
            return found + 1
    return limit


def _decode_document(p: Path, data: bytes) -> RawText:
    from nlp.read.html import find_declared_charset, html_to_text, looks_like_html

    try:
        decoded = decode_bytes(data, declared=find_declared_charset(data))
    except NotText as err:
        raise UnreadableFile(p, str(err)) from None
    if looks_like_html(decoded.text, p.suffix):
        raw = RawText(html_to_text(decoded.text), "html", decoded.encoding, decoded.warnings)
        return _nonempty(raw, p, "the web page has no visible text")
    raw = RawText(decoded.text, "txt", decoded.encoding, decoded.warnings)
    return _nonempty(raw, p, "the file holds only whitespace")


def _nonempty(raw: RawText, p: Path, reason: str) -> RawText:
    if not raw.text.strip():
        raise UnreadableFile(p, reason)
    return raw


def _sniff(head: bytes, p: Path) -> str:
    """The container by its first bytes: "docx" (any zip), "pdf", "ole" or "text"."""
    if head.startswith(_ZIP):
        return "docx"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_OLE):
        return "ole"
    for magic, what in _NOT_DOCUMENTS:
        if head.startswith(magic):
            raise UnreadableFile(p, f"not a document but {what}")
    return "text"


def _ole_error(p: Path, size: int) -> UnreadableFile:
    """Word 97-2003 files and password-protected .docx both come in an OLE compound file."""
    data = _read_bytes(p) if size <= MAX_DOCX_BYTES else b""
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return UnreadableFile(p, "password-protected (encrypted) Office document",
                              hint="remove the password in Word or WPS and save it as .docx")
    if "WordDocument".encode("utf-16-le") in data:
        return UnreadableFile(p, "old Word 97-2003 .doc format is not read", hint="save it as .docx")
    return UnreadableFile(p, "old Office (OLE compound) file, not a format read here",
                          hint="save it as .docx or .pdf")


def _file_size(p: Path) -> int:
    try:
        info = p.stat()
    except FileNotFoundError:
        raise UnreadableFile(p, "no such file") from None
    except OSError as err:
        raise UnreadableFile(p, f"cannot open: {err.strerror or err}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(p, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(p, "not a regular file (a device, pipe or socket)")
    return info.st_size


def _check_size(p: Path, size: int, limit: int, *, hint: str | None = None) -> None:
    if size > limit:
        raise UnreadableFile(p, f"file is {size / 2**20:.0f} MB, over the {limit // 2**20} MB limit "
                                "for reading it whole", hint=hint)


def _open(p: Path):
    try:
        return open(p, "rb")
    except OSError as err:
        raise UnreadableFile(p, f"cannot open: {err.strerror or err}") from None


def _read_head(p: Path, size: int = 4096) -> bytes:
    with _open(p) as stream:
        try:
            return stream.read(size)
        except OSError as err:
            raise UnreadableFile(p, f"cannot read: {err.strerror or err}") from None


def _read_bytes(p: Path) -> bytes:
    with _open(p) as stream:
        try:
            return stream.read()
        except OSError as err:
            raise UnreadableFile(p, f"cannot read: {err.strerror or err}") from None
