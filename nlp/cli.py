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
    rich_markup_mode=None,  # plain click help: `policy-nlp --help` answers without loading rich
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
    pool: bool = typer.Option(False, "--pool", help="Score mentions per file, ignoring the document split."),
    ner_dev: bool = typer.Option(False, "--ner-dev", help="Also print party F1 of rules and hanlp on the NER dev split."),
) -> None:
    """Score the program's own output against gold files (P/R/F1 per area)."""
    from nlp.evaluate import evaluate_dir, format_report

    report = evaluate_dir(gold_dir, docs_dir, settings=_settings(ner=ner), pool=pool)
    typer.echo(format_report(report))
    if ner_dev:
        from nlp.extract.ner import available
        from nlp.train.ner import CORPUS_DIR, read_records, score_parties

        dev = read_records(CORPUS_DIR / "dev.jsonl")
        backends = ("rules", "hanlp") if available() else ("rules",)
        report["ner_dev_party"] = {}
        for backend in backends:
            f = score_parties(dev, backend)
            report["ner_dev_party"][backend] = f
            typer.echo(f"NER dev party ({backend:5s})  P={f['p']:.3f} R={f['r']:.3f} F1={f['f1']:.3f}  "
                       f"gold={f['gold']} pred={f['pred']}")
    if json_out:
        import json

        json_out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


@app.command()
def batch(
    paths: list[Path] = typer.Argument(..., help="Files and folders (.txt .htm .html .docx .pdf)."),
    output: Path = typer.Option(Path("policy.db"), "--output", "-o", help="The SQLite database (or folder with --engine dask)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: all cores)."),
    engine: str = typer.Option("local", "--engine", help="local (SQLite) or dask (partitioned Parquet)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Process again files that failed before."),
    prune: bool = typer.Option(False, "--prune", help="Delete the rows of stored files that no longer exist."),
    ner: Optional[str] = typer.Option(None, "--ner", help="Party recogniser: rules, hanlp or auto."),
    no_themes: bool = typer.Option(False, "--no-themes", help="Skip passage classification."),
    profile: bool = typer.Option(False, "--profile", help="Sample where worker time goes, per stage."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Give up on a file after this many seconds (default 300; 0: no limit)."),
    max_file_mb: Optional[float] = typer.Option(None, "--max-file-mb", help="Process at most this many MB of a file's text; the rest is cut and recorded (default 10; 0: no limit)."),
    max_mentions_per_doc: Optional[int] = typer.Option(None, "--max-mentions-per-doc", help="Keep at most this many mentions of a document (default 5000; 0: no limit)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
) -> None:
    """Process files and folders into a database, in parallel; skip files already done."""
    import json

    from nlp.batch import BatchInterrupted, BatchProgress, format_summary, run_batch
    from nlp.errors import PolicyNlpError

    settings = _settings(ner=ner, classify=not no_themes)
    try:
        if engine == "dask":
            from nlp.batch.engine_dask import run_dask_batch

            summary = run_dask_batch(paths, output, settings=settings, scheduler=scheduler,
                                     workers=jobs, quiet=quiet or json_out, retry_failed=retry_failed,
                                     timeout=timeout, max_file_mb=max_file_mb,
                                     max_mentions_per_doc=max_mentions_per_doc)
        elif engine == "local":
            show = not quiet and not json_out and sys.stderr.isatty()
            if show:
                with BatchProgress() as bar:
                    summary = run_batch(paths, output, jobs=jobs, settings=settings,
                                        retry_failed=retry_failed, profile=profile, timeout=timeout,
                                        max_file_mb=max_file_mb, max_mentions_per_doc=max_mentions_per_doc,
                                        prune=prune, on_progress=bar)
            else:
                summary = run_batch(paths, output, jobs=jobs, settings=settings,
                                    retry_failed=retry_failed, profile=profile, timeout=timeout, prune=prune,
                                    max_file_mb=max_file_mb, max_mentions_per_doc=max_mentions_per_doc)
        else:
            raise typer.BadParameter(f"unknown engine {engine!r}; known: local, dask")
    except BatchInterrupted as err:  # SIGINT/SIGTERM: 130/143, what is written stays
        typer.echo(str(err), err=True)
        raise typer.Exit(err.exit_code)
    except PolicyNlpError as err:
        _fail(str(err))
        raise typer.Exit(2)
    if json_out:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    elif not quiet:
        typer.echo(format_summary(summary), err=True)
    raise typer.Exit(summary.exit_code)


class RowFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


@app.command(name="export")
def export_cmd(
    source: Path = typer.Argument(..., help="A database from batch (or a Dask output folder with --to sqlite)."),
    to: str = typer.Option(..., "--to", help="csv, xlsx, parquet, jsonl (or sqlite from a Dask folder)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write (a .db file with --to sqlite)."),
    zh: bool = typer.Option(False, "--zh", help="Chinese column headers."),
    tables: Optional[str] = typer.Option(None, "--tables", help="Only these tables, e.g. mentions,documents."),
) -> None:
    """Write each table of a database to csv, xlsx (one sheet per table), parquet or jsonl."""
    from nlp.errors import PolicyNlpError

    try:
        if to == "sqlite":
            from nlp.batch.engine_dask import parquet_to_sqlite

            written = [parquet_to_sqlite(source, output)]
        else:
            from nlp.store.export import export_tables

            written = export_tables(source, to, output, zh=zh, tables=tables.split(",") if tables else None)
    except PolicyNlpError as err:
        _fail(str(err))
        raise typer.Exit(2)
    for path in written:
        typer.echo(str(path))


@app.command()
def query(
    database: Path = typer.Argument(..., help="A database from batch."),
    rows: str = typer.Option("mentions", "--rows", help="What to list: mentions, passages or documents."),
    theme: Optional[str] = typer.Option(None, "--theme", help="Theme, e.g. 四风."),
    type_: Optional[str] = typer.Option(None, "--type", help="Mention type: date, percentage, target, party..."),
    party: Optional[str] = typer.Option(None, "--party", help="Documents naming this party (substring)."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Dates overlapping from YYYY[-MM[-DD]]."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Dates overlapping up to YYYY[-MM[-DD]]."),
    doc_type: Optional[str] = typer.Option(None, "--doc-type", help="Document genre, e.g. 实施方案."),
    text: Optional[str] = typer.Option(None, "--text", help="Row text contains this."),
    file: Optional[str] = typer.Option(None, "--file", help="File path contains this."),
    sql: Optional[str] = typer.Option(None, "--sql", help="Run this SQL instead (read-only)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many rows."),
    show_sql: bool = typer.Option(False, "--show-sql", help="Print the SQL and its parameters on stderr."),
    fmt: RowFormat = typer.Option(RowFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List mentions, passages or documents matching filters; the filter is restated on stderr."""
    import json

    from nlp.errors import PolicyNlpError
    from nlp.store.query import build_query, run_query, write_rows
    from nlp.store.sqlite import connect

    try:
        if sql:
            statement, params, words = sql, {}, "raw SQL"
        else:
            q = build_query(rows, type=type_, theme=theme, party=party, date_from=date_from,
                            date_to=date_to, doc_type=doc_type, text=text, file=file, limit=limit)
            statement, params, words = q.sql, q.params, q.words
        con = connect(database, readonly=True)
        columns, found = run_query(con, statement, params)
    except PolicyNlpError as err:
        _fail(str(err))
        raise typer.Exit(2)
    if show_sql:
        typer.echo(statement + "\n-- " + json.dumps(params, ensure_ascii=False), err=True)
    typer.echo(f"{words}: {len(found)} rows", err=True)
    write_rows(columns, found, fmt.value, sys.stdout)


@app.command()
def search(
    database: Path = typer.Argument(..., help="A database from batch."),
    text: str = typer.Argument(..., help='Words to find, all must occur: 隐患排查 红包; "exact phrase"; A OR B; A NOT B.'),
    limit: int = typer.Option(20, "--limit", help="At most this many passages."),
    fmt: RowFormat = typer.Option(RowFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Full-text search over passages, best matches first."""
    from dataclasses import astuple, fields

    from nlp.errors import PolicyNlpError
    from nlp.store.query import write_rows
    from nlp.store.search import Hit, search_passages
    from nlp.store.sqlite import connect

    try:
        hits = search_passages(connect(database, readonly=True), text, limit=limit)
    except PolicyNlpError as err:
        _fail(str(err))
        raise typer.Exit(2)
    typer.echo(f"passages matching {text}: {len(hits)}", err=True)
    write_rows([f.name for f in fields(Hit)], [astuple(h) for h in hits], fmt.value, sys.stdout)


@app.command()
def classify(
    text: Optional[str] = typer.Argument(None, help="One passage, for a quick look; omit to read JSON lines."),
    input_file: Optional[Path] = typer.Option(None, "--input", "-i", help='JSON lines {"id", "text"} (default: stdin).'),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f",
                                               help="jsonl (default for JSON lines) or table (default for TEXT)."),
    explain: bool = typer.Option(False, "--explain", help="Show the words and phrases behind each assigned theme."),
    model: Optional[Path] = typer.Option(None, "--model", help="Theme model folder (default models/themes)."),
) -> None:
    """Classify passages into themes: JSON lines in, {"id", "themes", "scores"} lines out."""
    from nlp.errors import PolicyNlpError
    from nlp.themes import load_model
    from nlp.themes.io import classify_lines, render_jsonl, render_table

    if text == "-":  # the usual spelling of "read stdin"
        text = None
    if text is not None:
        import json

        lines, name = [json.dumps({"id": 1, "text": text}, ensure_ascii=False)], "<argument>"
        fmt = fmt or OutputFormat.table
    else:
        if input_file is None and sys.stdin.isatty():
            _fail('nothing to classify: give TEXT, --input FILE, or JSON lines {"id", "text"} on stdin')
            raise typer.Exit(2)
        lines, name = None, str(input_file) if input_file else "<stdin>"
        fmt = fmt or OutputFormat.jsonl
    failed = 0
    try:
        source = open(input_file, encoding="utf-8") if input_file and lines is None else None
    except OSError as err:
        _fail(f"{input_file}: {err.strerror}")
        raise typer.Exit(1)
    try:
        thresholds = load_model(model).meta["thresholds"]
        for item in classify_lines(lines or source or sys.stdin, name=name, model_path=model, explain=explain):
            if isinstance(item, PolicyNlpError):
                _fail(str(item))
                failed += 1
            elif fmt == OutputFormat.table:
                typer.echo(render_table(item, thresholds, show_id=text is None))
            else:
                typer.echo(render_jsonl(item))
    except PolicyNlpError as err:
        _fail(str(err))
        raise typer.Exit(1)
    finally:
        if source:
            source.close()
    raise typer.Exit(1 if failed else 0)


@app.command()
def train(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Labelled theme corpus (default corpora/themes)."),
    themes: Optional[Path] = typer.Option(None, "--themes", help="Analyst themes to add (TOML, [[theme]] tables)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Model folder (default models/themes; models/themes-custom with --themes)."),
) -> None:
    """Rebuild the theme model from the labelled corpus and print its dev P/R/F1 per theme."""
    from nlp.errors import PolicyNlpError
    from nlp.themes import DEFAULT_CORPUS, DEFAULT_MODEL
    from nlp.themes.io import render_train_report
    from nlp.train.themes import train_theme_model

    out = output or (DEFAULT_MODEL.with_name("themes-custom") if themes else DEFAULT_MODEL)
    try:
        meta = train_theme_model(corpus or DEFAULT_CORPUS, out, themes_file=themes,
                                 progress=lambda m: typer.echo(m, err=True))
    except PolicyNlpError as err:
        _fail(str(err))
        raise typer.Exit(1)
    typer.echo(render_train_report(meta, out))


@app.command(name="train-ner")
def train_ner(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="NER corpus folder (default corpora/ner)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Model folder (default models/ner)."),
    epochs: int = typer.Option(20, "--epochs", help="Most passes over the training split."),
) -> None:
    """Train the HanLP party recogniser (needs the hanlp extra) and print its dev F1."""
    from nlp.extract.ner import MODEL_DIR, hanlp_installed
    from nlp.train.ner import CORPUS_DIR, train_ner as fit

    if not hanlp_installed():
        _fail("hanlp is not installed (pip install policy-nlp[hanlp])")
        raise typer.Exit(1)
    meta = fit(corpus_dir=corpus or CORPUS_DIR, out_dir=output or MODEL_DIR, epochs=epochs,
               log=lambda m: typer.echo(m, err=True))
    typer.echo(f"wrote {output or MODEL_DIR}: default backend {meta['default']}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
