"""The command line: a thin shell over the library.

Each command parses options, calls one library function and renders the result. Heavy
imports (jieba, OpenCC, sklearn, hanlp) happen inside commands so ``--help`` stays instant.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    name="policy-nlp",
    help="Turn Chinese policy documents into structured data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def _settings(**kw):
    from nlp.settings import Settings

    return Settings(**{k: v for k, v in kw.items() if v is not None})


@app.command()
def normalize(file: Path = typer.Argument(..., help="A .txt/.html/.docx/.pdf file.")) -> None:
    """Print the clean simplified text of FILE (chrome removed, one document after another)."""
    from nlp.errors import PolicyNlpError
    from nlp.normalize import normalize_text
    from nlp.read import read_file

    try:
        raw = read_file(file)
    except PolicyNlpError as err:
        _fail(str(err))
        raise typer.Exit(1)
    for w in raw.warnings:
        typer.echo(f"warning: {file.name}: {w}", err=True)
    typer.echo(normalize_text(raw.text).text)


@app.command()
def sections(file: Path = typer.Argument(..., help="A document file.")) -> None:
    """Print the numbered outline of each document in FILE as an indented tree."""
    from nlp.errors import PolicyNlpError
    from nlp.pipeline import process_file
    from nlp.render import render_outline

    try:
        docs = process_file(file, _settings(classify=False))
    except PolicyNlpError as err:
        _fail(str(err))
        raise typer.Exit(1)
    typer.echo(render_outline(docs))


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Document files."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    types: Optional[str] = typer.Option(None, "--types", help="Only these mention types, e.g. date,target."),
    ner: Optional[str] = typer.Option(None, "--ner", help="Party recogniser: rules, hanlp or auto."),
    no_themes: bool = typer.Option(False, "--no-themes", help="Skip passage classification."),
) -> None:
    """Extract documents, outline, dates, percentages, targets, parties and themed passages."""
    from nlp.errors import PolicyNlpError
    from nlp.pipeline import iter_documents
    from nlp.render import DocumentWriter

    settings = _settings(ner=ner, classify=not no_themes)
    wanted = set(types.split(",")) if types else None
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        with DocumentWriter(out, fmt.value, types=wanted) as writer:
            for path in files:
                try:
                    for doc in iter_documents(path, settings):
                        writer.write(doc)
                except PolicyNlpError as err:
                    _fail(str(err))
                    failed += 1
    finally:
        if output:
            out.close()
    raise typer.Exit(1 if failed else 0)


@app.command(name="eval")
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON files."),
    docs_dir: Path = typer.Argument(..., help="Folder of the documents the gold describes."),
    ner: Optional[str] = typer.Option(None, "--ner", help="Party recogniser: rules, hanlp or auto."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the figures as JSON."),
) -> None:
    """Score the program's own output against gold files (P/R/F1 per area)."""
    from nlp.evaluate import evaluate_dir, format_report

    report = evaluate_dir(gold_dir, docs_dir, settings=_settings(ner=ner))
    typer.echo(format_report(report))
    if json_out:
        import json

        json_out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
