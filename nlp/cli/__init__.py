"""The command line: a thin shell over the library, one module per command group.

    base.py       the app, exit codes (0 ok, 1 failed input or run, 2 usage), shared checks
    documents.py  normalize, sections, extract, classify (one file or passage at a time)
    database.py   batch, export, query, search (many files, the database)
    training.py   eval, train, train-ner (gold and models)
    view.py       view, serve (the document page, the database in the browser)

Each command parses options, checks them before any work, calls one library function and
renders the result. Heavy imports (jieba, OpenCC, sklearn, hanlp) happen inside commands so
``--help`` stays instant.
"""

from nlp.cli.base import app
from nlp.cli import documents, database, training, view  # noqa: F401  (registers the commands, in help order)

__all__ = ["app", "main"]


def main() -> None:
    app()
