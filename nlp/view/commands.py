"""The `view` and `serve` commands (registered on the main app by ``nlp.cli``).

Only typer is imported here: the pipeline, Jinja2 and Datasette load inside the commands.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def view(
    files: list[Path] = typer.Argument(..., help="Document files (.txt .html .docx .pdf)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the page here (default: stdout)."),
    open_: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
    no_themes: bool = typer.Option(False, "--no-themes", help="Skip the theme classifier."),
) -> None:
    """Write one self-contained HTML page of FILES: outline, marked mentions, tables.

    Example: policy-nlp view corpora/seeds/000_5c710998ef01bb6b.txt -o page.html --open
    """
    from nlp.errors import PolicyNlpError
    from nlp.settings import Settings

    for f in files:
        if not f.exists():
            _fail(f"{f}: no such file")
        if not f.is_file():
            _fail(f"{f}: not a regular file")
    if output is not None and output.is_dir():
        _fail(f"{output}: is a folder; give a file name such as {output / 'page.html'}", 2)
    if open_ and output is None:
        _fail("--open needs -o FILE (the page must be written somewhere to be opened)", 2)
    from nlp.view import view_files

    try:
        html = view_files(files, settings=Settings(classify=not no_themes), explain=not no_themes)
    except PolicyNlpError as err:
        _fail(str(err))
    if output is None:
        sys.stdout.write(html)
        return
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as err:
        _fail(f"{output}: cannot write ({err.strerror})")
    typer.echo(f"wrote {output} ({len(html) // 1024} KB)", err=True)
    if open_:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


def serve(
    database: Path = typer.Argument(..., help="A database written by `policy-nlp batch`."),
    port: int = typer.Option(8001, "--port", "-p", min=0, max=65535, help="Port (0: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
) -> None:
    """Browse DATABASE in Datasette (read-only): facets, full-text search, document pages.

    Needs the web extra: pip install -e ".[web]".
    Example: policy-nlp serve policy.db --port 8001
    """
    from nlp.view.serve import ServeError, run

    try:
        run(database, host=host, port=port)
    except ServeError as err:
        _fail(str(err))
