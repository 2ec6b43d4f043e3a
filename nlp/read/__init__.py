"""Reading files: one module per format (text, html, docx, pdf) and the dispatcher that picks one."""
from nlp.read.dispatch import MAX_TEXT_BYTES, RawText, iter_chunks, read_file

__all__ = ["MAX_TEXT_BYTES", "RawText", "iter_chunks", "read_file"]
