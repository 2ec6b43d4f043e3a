"""Themes stage: Document -> passages, each with the themes it is about and a score per theme.

A passage is what an analyst reads as one unit (corpora/gold/README.md, "Passages and themes"):
a lowest-level section with its marker and heading, or a paragraph (a line of ``doc.text``).
Over 500 characters, or in text flattened onto one line, it is cut into paragraphs and then into
runs of whole sentences. A passage never crosses the start of a section, so it never runs into
the heading of another section. Passages under 15 characters and bare headings are skipped.

Scores come from the model in ``models/themes/`` (``nlp/themes/model.py`` reads it, loaded once per
process; ``nlp/train/themes.py`` builds it). Every known theme is in ``scores``, each in 0..1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Sequence

from nlp.model import Document, Passage, Section
from nlp.settings import models_dir
from nlp.text import CLOSERS, COMMAS, SEMICOLONS, STOPS
from nlp.themes.model import ThemeModel, read_theme_model

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = models_dir() / "themes"  # models/ (checkout) or nlp/_models (wheel)
DEFAULT_CORPUS = ROOT / "corpora" / "themes"
MAX_PASSAGE = 500
MIN_PASSAGE = 15
# Where a long paragraph may be cut, strongest first; 。” after a quote ends the sentence too.
_BOUNDARIES = (re.compile(rf"[{STOPS}]+[{CLOSERS}]*"), re.compile(f"[{SEMICOLONS}]"), re.compile(f"[{COMMAS}]"))
_SPACE = " \t\r\n\u3000\xa0"


@dataclass(frozen=True, slots=True)
class Classified:
    themes: list[str]
    scores: dict[str, float]
    explain: dict[str, list[tuple[str, float]]] | None = None


@cache
def _model(path: str) -> ThemeModel:
    return read_theme_model(path)


def load_model(model_path: str | Path | None = None) -> ThemeModel:
    """The theme model in ``model_path`` (default ``models/themes``), read once per process."""
    if not model_path:  # the pipeline's case, once per document: no path to resolve each time
        return _default_model()
    return _model(str(Path(model_path).resolve()))


@cache
def _default_model() -> ThemeModel:
    return _model(str(Path(DEFAULT_MODEL).resolve()))


def classify_texts(texts: Sequence[str], *, model_path: str | Path | None = None,
                   explain: bool = False, top: int = 8) -> list[Classified]:
    """Themes and scores of each text, in order; with ``explain``, the features behind each theme.

    >>> [c.themes for c in classify_texts(["医务人员收受患者红包、药品回扣,开大处方"])]
    [['医德医风']]
    """
    model = load_model(model_path)
    out = []
    for text, (themes, scores) in zip(texts, model.predict(texts)):
        why = {t: model.explain(text, t, top=top) for t in themes} if explain else None
        out.append(Classified(themes, scores, why))
    return out


def classify_passages(doc: Document, *, model_path: Path | None = None) -> list[Passage]:
    """Pick the passages of ``doc`` from its outline and classify them."""
    return classify_documents([doc], model_path=model_path)[0]


def classify_documents(docs: Sequence[Document], *, model_path: Path | None = None) -> list[list[Passage]]:
    """``classify_passages`` of each document, the passages of all of them scored in one call of
    the model: its cost per call (some hundred array operations, whatever the number of texts) is
    paid once for the batch. The same passages and scores: a passage's features and scores are
    read from its own text alone."""
    spans_of = [_passage_spans(doc) for doc in docs]
    texts = [doc.text[s:e] for doc, spans in zip(docs, spans_of) for s, e, _ in spans]
    results = load_model(model_path).predict(texts) if texts else []
    out, at = [], 0
    for doc, spans in zip(docs, spans_of):
        out.append([Passage(id=f"p{i}", section=sec, start=s, end=e, text=doc.text[s:e], themes=themes, scores=scores)
                    for i, ((s, e, sec), (themes, scores)) in enumerate(zip(spans, results[at:at + len(spans)]), 1)])
        at += len(spans)
    return out


def _passage_spans(doc: Document) -> list[tuple[int, int, str | None]]:
    title = "".join((doc.title or "").split())
    return [(s, e, sec) for s, e, sec in find_passages(doc.text, doc.sections)
            if not title or "".join(doc.text[s:e].split()) != title]  # the title line is no passage


def find_passages(text: str, sections: Sequence[Section] = ()) -> Iterable[tuple[int, int, str | None]]:
    """Yield (start, end, section id) of the passages of ``text``, in reading order.

    >>> text = "一、总体要求\\n加强医德医风建设,严禁收受红包回扣。\\n二、工作步骤\\n"
    >>> [text[s:e] for s, e, _ in find_passages(text)]
    ['加强医德医风建设,严禁收受红包回扣。']
    """
    secs = sorted(sections, key=lambda s: (s.start, -s.end))
    parents = {s.parent for s in secs if s.parent}
    # cut points: every section start and end; a region between two cuts has one innermost owner
    cuts = sorted({0, len(text), *(s.start for s in secs), *(s.end for s in secs)})
    open_: list[Section] = []  # sections containing the current cut, innermost last
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        while k < len(secs) and secs[k].start <= a:
            open_.append(secs[k])
            k += 1
        while open_ and open_[-1].end <= a:
            open_.pop()
        owner = open_[-1] if open_ else None
        if owner is not None and owner.id not in parents and (owner.start, owner.end) == (a, b):
            yield from _leaf_passages(text, owner)
        else:
            heading = owner if owner is not None and owner.start == a else None
            for s, e in _paragraphs(text, a, b, heading):
                yield s, e, owner.id if owner else None


def _leaf_passages(text: str, sec: Section) -> Iterable[tuple[int, int, str | None]]:
    s, e = _strip(text, sec.start, sec.end)
    # a leaf's heading may be its whole content: (3)是否存在工作方法简单粗暴…的问题。 is a passage
    spans = [(s, e)] if e - s <= MAX_PASSAGE else list(_paragraphs(text, sec.start, sec.end, sec))
    for a, b in spans:
        if _keep(text, a, b, None):
            yield a, b, sec.id


def _paragraphs(text: str, start: int, end: int, heading: Section | None) -> Iterable[tuple[int, int]]:
    """Lines of text[start:end], a bare heading line joined to the line after it, long lines cut."""
    lines = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = _strip(text, pos, stop)
        if s < e:
            lines.append((s, e))
        pos = stop + 1
    if heading is not None and len(lines) > 1 and _is_bare_heading(text, *lines[0], heading):
        lines[0:2] = [(lines[0][0], lines[1][1])]
    for s, e in lines:
        for a, b in _sentence_runs(text, s, e):
            if _keep(text, a, b, heading if a == lines[0][0] else None):
                yield a, b


def _sentence_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] if it is short enough, else runs of whole sentences of at most ~500 chars.

    Sentences end at 。!?; a sentence still over 500 characters is cut at ; then at , and then
    every 500 characters. Runs are filled greedily, so an item keeps its sentences together.
    """
    if end - start <= MAX_PASSAGE:
        return [(start, end)]
    pieces = [(start, end)]
    for boundary in _BOUNDARIES:
        pieces = [p for a, b in pieces for p in (_cut(text, a, b, boundary) if b - a > MAX_PASSAGE else [(a, b)])]
    # no boundary at all (a table flattened into one line): fixed cuts, the last resort
    pieces = [(i, min(i + MAX_PASSAGE, b)) for a, b in pieces for i in range(a, b, MAX_PASSAGE)]
    runs: list[tuple[int, int]] = []
    run_start = start
    for a, b in pieces:
        if a > run_start and b - run_start > MAX_PASSAGE:
            runs.append((run_start, a))
            run_start = a
    runs.append((run_start, end))
    return [span for a, b in runs if (span := _strip(text, a, b))[0] < span[1]]


def _cut(text: str, start: int, end: int, boundary: re.Pattern) -> list[tuple[int, int]]:
    cuts = [start] + [m.end() for m in boundary.finditer(text, start, end) if m.end() < end] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _is_bare_heading(text: str, start: int, end: int, sec: Section) -> bool:
    """The span is only the section's marker and heading (with punctuation around them)."""
    if start != _strip(text, sec.start, sec.end)[0]:
        return False
    rest = re.sub(r"[\s:: 。.、,,]+", "", text[start:end])
    return len(rest) <= len(re.sub(r"[\s:: 。.、,,]+", "", sec.marker + sec.heading))


def _keep(text: str, start: int, end: int, sec: Section | None) -> bool:
    if end - start < MIN_PASSAGE:
        return False
    return not (sec is not None and _is_bare_heading(text, start, end, sec))
