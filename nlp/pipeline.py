"""The pipeline: the only place that knows the order of the stages.

read -> normalize -> split into documents -> outline -> extract -> passages/themes.
"""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from dataclasses import replace
from pathlib import Path
from typing import Iterator, Sequence

from nlp.model import Document, Mention, OffsetMap, Section, kept_spans
from nlp.settings import Settings


# Plain-text files longer than this are annotated piece by piece (bounded memory per worker).
CHUNK_CHARS = 1_000_000


def process_file(path: str | Path, settings: Settings = Settings()) -> list[Document]:
    """Read, normalize, split and annotate one file; raise UnreadableFile for bad input."""
    return list(iter_documents(path, settings))


def iter_documents(path: str | Path, settings: Settings = Settings()) -> Iterator[Document]:
    """Like process_file, but yields documents one at a time (bounded memory on huge files)."""
    from nlp.read import iter_chunks

    index = 0
    for raw in iter_chunks(path, chunk_chars=CHUNK_CHARS):
        # A huge plain-text file comes in pieces cut at sentence ends; each piece is split and
        # annotated alone, its offsets moved to the piece's place in the file.
        meta = {"format": raw.format, "encoding": raw.encoding, "warnings": list(raw.warnings)}
        if raw.offset:
            meta["chunk_offset"] = raw.offset
        for doc in process_text(raw.text, source=str(path), settings=settings, meta=meta):
            if raw.offset and doc.offsets is not None:
                doc = replace(doc, offsets=doc.offsets.shifted(raw.offset))
            yield replace(doc, doc_index=index)
            index += 1


def process_text(text: str, *, source: str = "<text>", settings: Settings = Settings(),
                 meta: dict | None = None) -> Iterator[Document]:
    """Annotate already-decoded text (the part of the pipeline after reading)."""
    from nlp.normalize import normalize_text
    from nlp.split import split_documents
    from nlp.text import unwrap

    norm = normalize_text(text, variant=settings.variant)
    extract = replace(settings, classify=False)  # annotate's part; the passages are classified in batches
    pending: list[Document] = []  # annotated, their passages not classified yet
    pending_chars = 0
    # a text wrapped at a page's width (a PDF page): documents and titles are read with its wrapping
    # undone (one character for one, so the spans hold), the documents' texts keep their lines
    unwrapped = unwrap(norm.text)
    for i, span in enumerate(split_documents(unwrapped)):
        doc_text, offsets = _cut(norm.text, norm.offsets, span.start, span.end, span.drops)
        doc = Document(
            source=source, doc_index=i, text=doc_text,
            title=_unwrapped_title(span.title) if unwrapped is not norm.text else _unpinyined(span.title),
            doc_type=span.doc_type, doc_number=span.doc_number, encloses=span.encloses,
            script=norm.script, offsets=offsets, meta=dict(meta or {}),
        )
        doc = annotate(doc, extract)
        if not settings.classify:
            yield doc
            continue
        pending.append(doc)
        pending_chars += len(doc.text)
        if pending_chars >= THEMES_BATCH_CHARS:
            yield from _classified(pending, settings)
            pending, pending_chars = [], 0
    yield from _classified(pending, settings)


_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff《》“”()]) (?=[\u4e00-\u9fff《》“”()])")


def _unwrapped_title(title: str | None) -> str | None:
    """A title read across a wrapped line: the break (a space in the unwrapped text) between two
    Chinese characters closes up, as the title was printed."""
    return _unpinyined(_WRAP_SPACE.sub("", title)) if title else title


def _unpinyined(title: str | None) -> str | None:
    """A mirror site's pinyin that a line break had cut in two, so that normalization left it, and
    that the title's lines joined again (`领(lǐ⏎ng)导`): it goes, as normalization takes it elsewhere."""
    if not title or "(" not in title:
        return title
    from nlp.normalize import _PINYIN

    return _PINYIN.sub("", title)


# The passages of consecutive documents are classified together, up to this many characters of
# documents (the theme model's cost per call is paid once per batch; a batch's first document
# waits for the others' extraction, a few tenths of a second at most).
THEMES_BATCH_CHARS = 40_000


def _classified(docs: Sequence[Document], settings: Settings) -> list[Document]:
    """``docs`` with their passages, classified in one call of the theme model."""
    if not docs:
        return []
    from nlp.themes.predict import classify_documents

    passages = classify_documents(docs, model_path=settings.themes_model)
    return [replace(doc, passages=found) for doc, found in zip(docs, passages)]


def _cut(text: str, offsets: OffsetMap, start: int, end: int,
         drops: Sequence[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """text[start:end] without the ``drops`` spans, and its map back to the source."""
    if not drops:
        return text[start:end].strip(), _strip_map(text, offsets, start, end)
    keep = [text[a:b] for a, b in kept_spans(start, end, drops)]
    joined = "".join(keep)
    lead = len(joined) - len(joined.lstrip())
    body = joined.strip()
    kept = offsets.without(start, end, drops)  # cut through the runs: linear in the document
    if not body:
        return body, OffsetMap.from_positions((), source_end=kept.source_end)
    piece = kept.slice(lead, lead + len(body))
    return body, OffsetMap(piece.starts, piece.sources, piece.length, kept.source_end)


def _strip_map(text: str, offsets: OffsetMap, start: int, end: int) -> OffsetMap:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return offsets.slice(start + lead, start + lead + len(piece.strip()))


def annotate(doc: Document, settings: Settings = Settings()) -> Document:
    """Fill sections, mentions and passages of a document whose text is final."""
    from nlp.extract import EXTRACTORS
    from nlp.extract.context import build_context
    from nlp.outline import parse_outline
    from nlp.text import rejoined

    sections = parse_outline(doc.text, doc.title)
    # a text wrapped at a page's width (a PDF page) is read with its wrapping taken out, so that a
    # date, a figure or a name broken over two lines is read whole; the spans map back to doc.text
    view = rejoined(doc.text)
    text, seen = (doc.text, sections) if view is None else (view[0], _sections_in(sections, view[1]))
    context = build_context(text)  # the dates, read once for every extractor
    found: list[Mention] = []
    for kind, find in EXTRACTORS.items():
        kw = {"sections": seen, "title": doc.title, "doc_type": doc.doc_type}
        if kind == "party":
            kw["ner"] = settings.ner
        else:
            kw["context"] = context
        found.extend(find(text, **kw))
    if view is not None:
        found = [_mapped_back(m, doc.text, view[1]) for m in found]
    found.sort(key=lambda m: (m.start, m.end))
    doc = replace(doc, sections=sections, mentions=assign_sections(found, sections))
    if settings.classify:
        from nlp.themes import classify_passages

        doc = replace(doc, passages=classify_passages(doc, model_path=settings.themes_model))
    return doc


def _sections_in(sections: Sequence[Section], back: Sequence[int]) -> list[Section]:
    """The sections' spans in a rejoined view whose characters came from ``back`` (a section
    starting or ending on a removed break starts or ends at the next kept character)."""
    if not sections:
        return []
    return [replace(s, start=bisect_left(back, s.start), end=bisect_left(back, s.end)) for s in sections]


def _mapped_back(m: Mention, text: str, back: Sequence[int]) -> Mention:
    """A mention found in a rejoined view, with its span and surface in ``text``."""
    if m.end <= m.start:
        return m
    start, end = back[m.start], back[m.end - 1] + 1
    return replace(m, start=start, end=end, text=text[start:end])


def assign_sections(mentions: Sequence[Mention], sections: Sequence[Section]) -> list[Mention]:
    """Give each mention the id of the innermost section that contains it."""
    starts = [s.start for s in sections]  # once per document, not once per mention
    # a Mention is built directly (dataclasses.replace reads the fields' list for every one)
    return [Mention(m.type, m.start, m.end, m.text, m.value, section_at(sections, m.start, starts))
            if type(m) is Mention else replace(m, section=section_at(sections, m.start, starts))
            for m in mentions]


def section_at(sections: Sequence[Section], pos: int, starts: Sequence[int] | None = None) -> str | None:
    """Id of the innermost (latest-starting) section whose span contains ``pos`` (``starts``: the
    sections' starts, when the caller has them)."""
    best = None
    if starts is None:
        starts = [s.start for s in sections]
    k = bisect_right(starts, pos)
    for s in reversed(sections[:k]):
        if s.start <= pos < s.end:
            if best is None or s.level > best.level:
                best = s
            if s.level == 1:
                break
    return best.id if best else None
