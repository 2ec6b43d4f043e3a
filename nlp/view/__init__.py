"""The document page: one self-contained HTML file (CSS and JS inline, no network) per call.

``view_files`` runs the pipeline on files and renders every document with the Jinja2 template
in ``templates/page.html.j2``; ``render_documents`` renders documents already annotated (the
Datasette plugin builds them from the database). The view model lives in ``nlp.view.page``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Sequence

from nlp.model import Document
from nlp.settings import Settings



def render_documents(docs: Sequence[Document], *, originals: dict[str, str] | None = None,
                     title: str | None = None, explain: bool = True,
                     settings: Settings = Settings()) -> str:
    """The HTML page of ``docs``; ``originals`` maps a source path to its decoded text."""
    from nlp import __version__
    from nlp.view.page import MENTION_TYPES, TYPE_LABELS, document_view

    views = []
    for n, doc in enumerate(docs):
        why = _explain(doc, settings) if explain else {}
        views.append(document_view(doc, f"d{n}", original=(originals or {}).get(doc.source), explain=why))
    totals = {t: sum(v["counts"][t] for v in views) for t in MENTION_TYPES}
    page_title = title or (views[0]["title"] if len(views) == 1 else f"{len(views)} 篇文档")
    return _template().render(docs=views, types=MENTION_TYPES, labels=TYPE_LABELS, totals=totals,
                              page_title=page_title, version=__version__, css=_static("view.css"),
                              js=_static("view.js"), theme_class=theme_class)


def view_files(paths: Sequence[str | Path], *, settings: Settings = Settings(), explain: bool = True) -> str:
    """Run the pipeline on ``paths`` and render all their documents on one page."""
    from nlp.pipeline import iter_documents
    from nlp.read import read_file
    from nlp.errors import PolicyNlpError

    docs, originals = [], {}
    for path in paths:
        docs.extend(iter_documents(path, settings))
        try:
            originals[str(path)] = read_file(path).text
        except PolicyNlpError:  # too large to hold whole: the page shows no original text
            pass
    return render_documents(docs, originals=originals, explain=explain, settings=settings)


def theme_class(theme: str | None) -> str:
    """A stable colour class per theme: the built-in ones first, an analyst's own after them."""
    if not theme:
        return ""
    from nlp.vocab import THEMES

    k = THEMES.index(theme) if theme in THEMES else 3
    return f"theme-{k}"


def _explain(doc: Document, settings: Settings) -> dict[str, dict]:
    """passage id -> {theme: [[word, weight], ...]} for the themes each passage carries."""
    tagged = [p for p in doc.passages if p.themes]
    if not tagged:
        return {}
    from nlp.themes import load_model

    model = load_model(settings.themes_model)
    return {p.id: {t: [[w, round(float(v), 3)] for w, v in model.explain(p.text, t, top=6)] for t in p.themes}
            for p in tagged}


@cache
def _template():
    from jinja2 import Environment, select_autoescape

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=False, lstrip_blocks=False)
    return env.from_string(files("nlp.view").joinpath("templates", "page.html.j2").read_text(encoding="utf-8"))


@cache
def _static(name: str) -> str:
    return files("nlp.view").joinpath("static", name).read_text(encoding="utf-8")
