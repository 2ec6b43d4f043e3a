"""The `view` and `serve` commands: a document page, and the database in the browser.

Only typer is imported here: the pipeline, Jinja2 and Datasette load inside the commands.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from nlp.cli.base import app, database, fail, input_file, output_file, report, usage_error
from nlp.errors import PolicyNlpError


@app.command()
def view(
    files: list[Path] = typer.Argument(..., metavar="FILE", help="Document files (.txt .html .docx .pdf)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                          help="Write the page here (default: standard output)."),
    open_: bool = typer.Option(False, "--open", help="Open the written page in the default browser."),
    no_themes: bool = typer.Option(False, "--no-themes", help="Skip the theme classifier."),
) -> None:
    """Write one self-contained HTML page of FILES: outline, marked mentions, tables.

    \b
    Example:
      policy-nlp view corpora/seeds/001_dc560518e686a4db.txt -o page.html --open
    """
    from nlp.settings import Settings

    for f in files:
        input_file(f, stdin=False)
    if output is not None:
        output_file(output, "--output")
    if open_ and output is None:
        usage_error("--open", "needs -o FILE (the page must be written somewhere to be opened)")
    from nlp.view import view_files

    try:
        html = view_files(files, settings=Settings(classify=not no_themes), explain=not no_themes)
    except PolicyNlpError as err:
        report(err)
    if output is None:
        sys.stdout.write(html)
        return
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as err:
        fail(f"{output}: cannot write ({err.strerror})")
    typer.echo(f"wrote {output} ({output.stat().st_size // 1024} KB)", err=True)
    if open_:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


@app.command()
def serve(
    db: Path = typer.Argument(..., metavar="DATABASE", help="A database written by `policy-nlp batch`."),
    port: int = typer.Option(8001, "--port", "-p", min=0, max=65535, help="Port (0: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
) -> None:
    """Browse DATABASE in Datasette, read-only: facets, full-text search, document pages.

    \b
    Needs the web extra: pip install -e ".[web]"
    Example:
      policy-nlp serve policy.db --port 8001
    """
    database(db)
    from nlp.view.serve import run

    try:
        run(db, host=host, port=port)
    except PolicyNlpError as err:
        report(err)
