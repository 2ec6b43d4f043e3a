"""Commands on single files and passages: normalize, sections, extract, classify."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from nlp.cli.base import (STDIN, MentionType, Ner, OutputFormat, app, fail, input_file, mention_types,
                          output_file, report, settings, usage_error)
from nlp.errors import PolicyNlpError

STDIN_NAME = "<stdin>"  # how errors name standard input


@contextmanager
def readable(path: Path) -> Iterator[Path]:
    """The file itself, or standard input (``-``) saved to a temporary file the readers can sniff."""
    if str(path) != STDIN:
        yield path
        return
    import tempfile

    with tempfile.TemporaryDirectory(prefix="policy-nlp-") as folder:
        spooled = Path(folder) / STDIN_NAME
        with open(spooled, "wb") as out:
            source = getattr(sys.stdin, "buffer", None)
            out.write(source.read() if source is not None else sys.stdin.read().encode("utf-8"))
        yield spooled


def _source_documents(path: Path, run_settings) -> Iterator:
    """The documents of ``path`` (``-``: standard input), each ``source`` the path as given."""
    from dataclasses import replace

    from nlp.pipeline import iter_documents

    with readable(path) as real:
        for doc in iter_documents(real, run_settings):
            yield doc if real == path else replace(doc, source=STDIN)


@app.command()
def normalize(file: Path = typer.Argument(..., metavar="FILE", help="A .txt/.html/.docx/.pdf file; - reads stdin.")) -> None:
    """Print the clean simplified text of FILE (chrome removed, one document after another).

    \b
    Example:
      policy-nlp normalize corpora/seeds/002_e235e6010d6d9593.txt
      iconv -f gb18030 -t utf-8 公告.txt | policy-nlp normalize -
    """
    from nlp.normalize import normalize_text
    from nlp.read import read_file

    input_file(file)
    name = STDIN_NAME if str(file) == STDIN else file.name
    try:
        with readable(file) as real:
            raw = read_file(real)
    except PolicyNlpError as err:
        report(err)
    for w in raw.warnings:
        typer.echo(f"warning: {name}: {w}", err=True)
    typer.echo(normalize_text(raw.text).text)


@app.command()
def sections(file: Path = typer.Argument(..., metavar="FILE", help="A document file; - reads stdin.")) -> None:
    """Print the numbered outline of each document in FILE as an indented tree.

    \b
    Example:
      policy-nlp sections corpora/seeds/001_dc560518e686a4db.txt
    """
    from nlp.render import render_outline

    input_file(file)
    try:
        docs = list(_source_documents(file, settings(classify=False)))
    except PolicyNlpError as err:
        report(err)
    typer.echo(render_outline(docs))


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., metavar="FILE", help="Document files; - reads stdin."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write here instead of stdout (- is stdout)."),
    types: Optional[str] = typer.Option(None, "--types", metavar="TYPE[,TYPE...]", callback=mention_types,
                                        help="Only these mention types: "
                                             + ", ".join(t.value for t in MentionType) + "."),
    ner: Optional[Ner] = typer.Option(None, "--ner", help="Party recogniser (default auto)."),
    no_themes: bool = typer.Option(False, "--no-themes", help="Skip passage classification."),
) -> None:
    """Extract documents, outline, dates, percentages, targets, parties and themed passages.

    \b
    Example:
      policy-nlp extract corpora/seeds/000_5c710998ef01bb6b.txt --types date,target
      policy-nlp extract plan.txt --format jsonl -o plan.jsonl
    """
    from nlp.render import DocumentWriter

    for path in files:
        input_file(path)
    if [str(p) for p in files].count(STDIN) > 1:
        usage_error(STDIN, "standard input can be read once; give - one time")
    if output is not None and str(output) == STDIN:
        output = None  # -o - is standard output
    if output is not None:
        output_file(output, "--output")
    run_settings = settings(ner=ner, classify=not no_themes)
    wanted = {t.strip() for t in types.split(",")} if types else None
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        with DocumentWriter(out, fmt.value, types=wanted) as writer:
            for path in files:
                try:
                    for doc in _source_documents(path, run_settings):
                        writer.write(doc)
                except PolicyNlpError as err:
                    typer.echo(f"error: {err}", err=True)
                    failed += 1
    finally:
        if output:
            out.close()
    raise typer.Exit(1 if failed else 0)


@app.command()
def classify(
    text: Optional[str] = typer.Argument(None, metavar="TEXT",
                                         help="One passage, for a quick look; omit (or -) to read JSON lines."),
    input_file_: Optional[Path] = typer.Option(None, "--input", "-i", metavar="FILE",
                                               help='JSON lines {"id", "text"} (default and -: stdin).'),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f",
                                               help="jsonl (default for JSON lines), json (one array) "
                                                    "or table (default for TEXT)."),
    explain: bool = typer.Option(False, "--explain", help="Show the words and phrases behind each assigned theme."),
    model: Optional[Path] = typer.Option(None, "--model", metavar="FOLDER",
                                         help="Theme model folder (default models/themes)."),
) -> None:
    """Classify passages into themes: JSON lines in, {"id", "themes", "scores"} lines out.

    \b
    Example:
      policy-nlp classify "严禁收受红包、回扣" --explain
      echo '{"id": 1, "text": "排查整治火灾隐患"}' | policy-nlp classify
    """
    import json

    from nlp.themes import load_model
    from nlp.themes.io import classify_lines, render_jsonl, render_table

    if text == STDIN:
        text = None
    if text is not None and not text.strip():
        usage_error("TEXT", "empty passage; give some text, or omit TEXT to read JSON lines")
    if text is not None and input_file_ is not None:
        usage_error("--input", "give TEXT or --input, not both")
    if input_file_ is not None and str(input_file_) == STDIN:
        input_file_ = None
    if input_file_ is not None:
        input_file(input_file_, stdin=False)
    if model is not None and not model.exists():
        usage_error("--model", f"{model}: no such folder")
    if model is not None and not model.is_dir():
        usage_error("--model", f"{model} is a file; give the model folder")
    if text is not None:
        lines, name = [json.dumps({"id": 1, "text": text}, ensure_ascii=False)], "<argument>"
        fmt = fmt or OutputFormat.table
    else:
        if input_file_ is None and sys.stdin.isatty():
            usage_error("TEXT", 'nothing to classify: give TEXT, --input FILE, or JSON lines {"id", "text"} on stdin')
        lines, name = None, str(input_file_) if input_file_ else STDIN_NAME
        fmt = fmt or OutputFormat.jsonl
    failed = seen = 0
    collected: list[dict] = []
    source = None
    try:
        if input_file_ is not None:
            source = open(input_file_, encoding="utf-8")
        thresholds = load_model(model).meta["thresholds"]
        for item in classify_lines(lines or source or sys.stdin, name=name, model_path=model, explain=explain):
            seen += 1
            if isinstance(item, PolicyNlpError):
                typer.echo(f"error: {item}", err=True)
                failed += 1
            elif fmt == OutputFormat.table:
                typer.echo(render_table(item, thresholds, show_id=text is None))
            elif fmt == OutputFormat.json:
                collected.append(json.loads(render_jsonl(item)))
            else:
                typer.echo(render_jsonl(item))
    except PolicyNlpError as err:
        report(err)
    except UnicodeDecodeError:
        fail(f"{name}: not UTF-8 text (JSON lines must be UTF-8; convert with: iconv -f GB18030 -t UTF-8)")
    except OSError as err:
        fail(f"{name}: {err.strerror or err}")
    finally:
        if source:
            source.close()
    if fmt == OutputFormat.json:
        typer.echo(json.dumps(collected, ensure_ascii=False, indent=1))
    if not seen:
        fail(f'{name}: no JSON lines to classify; expected {{"id": ..., "text": "..."}} per line')
    raise typer.Exit(1 if failed else 0)
