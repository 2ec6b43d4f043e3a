"""Commands on many files and on the database: batch, export, query, search."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Optional

import typer

from nlp.cli.base import (STDIN, Engine, ExportFormat, MentionType, Ner, RowFormat, Rows, app, at_least_one, database,
                          deprecated, fail, is_database, is_dask_output, output_file, output_folder, period,
                          limit_or_zero, report, scheduler_address, settings, usage_error,
                          warn_deprecated)
from nlp.errors import PolicyNlpError


@app.command()
def batch(
    paths: list[Path] = typer.Argument(..., metavar="PATH",
                                       help="Files and folders (.txt .htm .html .docx .pdf); - reads paths from stdin."),
    output: Path = typer.Option(Path("policy.db"), "--output", "-o", metavar="DB",
                                help="The SQLite database (a folder with --engine dask)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", callback=at_least_one,
                                       help="Worker processes (default: all cores)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (SQLite) or dask (partitioned Parquet)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="tcp://HOST:PORT", callback=scheduler_address,
                                            help="Dask scheduler address (with --engine dask)."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Process again files that failed before."),
    prune: bool = typer.Option(False, "--prune", help="Delete the rows of stored files that no longer exist."),
    ner: Optional[Ner] = typer.Option(None, "--ner", help="Party recogniser (default auto)."),
    no_themes: bool = typer.Option(False, "--no-themes", help="Skip passage classification."),
    profile: bool = typer.Option(False, "--profile", help="Sample where worker time goes, per stage."),
    timeout: Optional[float] = typer.Option(None, "--timeout", metavar="SECONDS", callback=limit_or_zero,
                                            help="Give up on a file after this many seconds (default 300; 0: no limit)."),
    max_file_mb: Optional[float] = typer.Option(
        None, "--max-file-mb", metavar="MB", callback=limit_or_zero,
        help="Process at most this many MB of a file's text; the rest is cut and recorded (default 10; 0: no limit)."),
    max_mentions_per_doc: Optional[int] = typer.Option(
        None, "--max-mentions-per-doc", metavar="N", callback=limit_or_zero,
        help="Keep at most this many mentions of a document (default 5000; 0: no limit)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
) -> None:
    """Process files and folders into a database, in parallel; skip files already done.

    \b
    Example:
      policy-nlp batch corpora/seeds -o policy.db
      find docs -name '*.pdf' | policy-nlp batch - -o policy.db
      policy-nlp batch docs/ --engine dask --scheduler tcp://10.0.0.5:8786 -o out/
    """
    import json

    from nlp.batch import BatchInterrupted, BatchProgress, format_summary, run_batch
    from nlp.render import render_batch_summary

    if scheduler and engine != Engine.dask:
        usage_error("--scheduler", "needs --engine dask")
    if profile and engine == Engine.dask:
        usage_error("--profile", "needs --engine local (it samples the local worker processes)")
    paths = _expand_stdin(paths)
    for path in paths:
        if not path.exists():
            usage_error(path, "no such file or folder")
    if engine == Engine.dask:
        output_folder(output, "--output")
        if scheduler:
            _check_reachable(scheduler)
    else:
        output_file(output, "--output")
        if output.exists() and not is_database(output):
            usage_error("--output", f"{output} exists and is not a SQLite database; give a new file name")
    run_settings = settings(ner=ner, classify=not no_themes)
    options = dict(settings=run_settings, retry_failed=retry_failed, timeout=timeout, max_file_mb=max_file_mb,
                   max_mentions_per_doc=max_mentions_per_doc, prune=prune)
    if engine == Engine.dask:
        from nlp.batch.engine_dask import run_dask_batch

        run = partial(run_dask_batch, scheduler=scheduler, workers=jobs, quiet=quiet or json_out, **options)
    else:
        run = partial(run_batch, jobs=jobs, profile=profile, **options)
    try:
        if not quiet and not json_out and sys.stderr.isatty():
            with BatchProgress() as bar:
                summary = run(paths, output, on_progress=bar)
        else:
            summary = run(paths, output)
    except BatchInterrupted as err:  # SIGINT/SIGTERM: 130/143, what is written stays
        typer.echo(str(err), err=True)
        raise typer.Exit(err.exit_code)
    except PolicyNlpError as err:
        report(err)
    except (OSError, TimeoutError) as err:  # e.g. the scheduler went away mid-run
        fail(f"{scheduler or output}: {getattr(err, 'strerror', None) or err}")
    if json_out:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    elif not quiet:
        typer.echo(render_batch_summary(format_summary(summary), summary.as_dict(), output,
                                        _totals(output, engine)), err=True)
    raise typer.Exit(summary.exit_code)


def _expand_stdin(paths: list[Path]) -> list[Path]:
    """``-`` stands for the paths listed on standard input, one a line (``find … | policy-nlp batch -``)."""
    if not any(str(p) == STDIN for p in paths):
        return paths
    listed = [Path(line.strip()) for line in sys.stdin if line.strip()]
    if not listed:
        usage_error(STDIN, "no paths on standard input (one file or folder a line)")
    return [q for p in paths for q in (listed if str(p) == STDIN else [p])]


def _check_reachable(address: str, seconds: float = 5.0) -> None:
    """Fail in seconds, not after Dask's 30 s connect timeout, when nothing listens at ``address``."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=seconds).close()
    except OSError as err:
        fail(f"--scheduler: cannot reach {address} ({err.strerror or err or 'timed out'}); "
             "is a scheduler running there? (start one with: dask scheduler --port PORT)")


def _totals(output: Path, engine: Engine) -> dict[str, int] | None:
    """Rows now in the output, for the summary: the database's tables or the Dask manifest's."""
    try:
        if engine == Engine.dask:
            import json

            return json.loads((output / "_manifest.json").read_text(encoding="utf-8"))["tables"]
        from nlp.store.sqlite import connect, count_rows

        con = connect(output, readonly=True)
        try:
            return count_rows(con)
        finally:
            con.close()
    except (OSError, ValueError, KeyError, PolicyNlpError):
        return None


def _table_names(value: str | None) -> str | None:
    if value is None:
        return None
    from nlp.store.rows import TABLES, VIEWS

    known = [*TABLES, *VIEWS]
    for name in value.split(","):
        if name.strip() not in known:
            raise typer.BadParameter(f"{name.strip()!r} is not one of {', '.join(known)}")
    return value


@app.command(name="export")
def export_cmd(
    source: Path = typer.Argument(..., metavar="DB", help="A database from batch (or a Dask output folder with --format sqlite)."),
    fmt: Optional[ExportFormat] = typer.Option(None, "--format", "-f",
                                               help="Output format (sqlite: from a Dask output folder)."),
    output: Path = typer.Option(..., "--output", "-o", metavar="FOLDER", help="Folder to write (a .db file with --format sqlite)."),
    zh: bool = typer.Option(False, "--zh", help="Chinese column headers."),
    tables: Optional[str] = typer.Option(None, "--tables", metavar="TABLE[,TABLE...]", callback=_table_names,
                                         help="Only these tables, e.g. mentions,documents."),
    to: Optional[ExportFormat] = typer.Option(None, "--to", hidden=True, help="Deprecated spelling of --format."),
) -> None:
    """Write each table of a database to csv, xlsx (one sheet per table), parquet or jsonl.

    \b
    Example:
      policy-nlp export policy.db --format xlsx -o out/ --zh
      policy-nlp export out/ --format sqlite -o policy.db   (a Dask output folder)
    """
    fmt = deprecated(fmt, to, "--format", "--to")
    if fmt is None:
        usage_error("--format", "missing; choose one of " + ", ".join(f.value for f in ExportFormat))
    try:
        if fmt == ExportFormat.sqlite:
            from nlp.batch.engine_dask import parquet_to_sqlite

            if not is_dask_output(source):
                usage_error(source, "not a Dask output folder (--format sqlite converts one; "
                                    "a database exports to csv, xlsx, parquet or jsonl)")
            output_file(output, "--output")
            warn_deprecated(to, "--format", "--to")
            written = [parquet_to_sqlite(source, output)]
        else:
            from nlp.store.export import export_tables

            database(source)
            output_folder(output, "--output")
            warn_deprecated(to, "--format", "--to")
            written = export_tables(source, fmt.value, output, zh=zh,
                                    tables=[t.strip() for t in tables.split(",")] if tables else None)
    except PolicyNlpError as err:
        report(err)
    for path in written:
        typer.echo(str(path))


@app.command()
def query(
    db: Path = typer.Argument(..., metavar="DB", help="A database from batch."),
    rows: Rows = typer.Option(Rows.mentions, "--rows", help="What to list."),
    theme: Optional[str] = typer.Option(None, "--theme", help="Theme, e.g. 四风 (one the database knows)."),
    type_: Optional[MentionType] = typer.Option(None, "--type", help="Mention type."),
    party: Optional[str] = typer.Option(None, "--party", help="Documents naming this party (substring)."),
    since: Optional[str] = typer.Option(None, "--since", metavar="YYYY[-MM[-DD]]", callback=period,
                                        help="Dates overlapping from this day on."),
    until: Optional[str] = typer.Option(None, "--until", metavar="YYYY[-MM[-DD]]", callback=period,
                                        help="Dates overlapping up to this day."),
    doc_type: Optional[str] = typer.Option(None, "--doc-type", help="Document genre, e.g. 实施方案."),
    text: Optional[str] = typer.Option(None, "--text", help="Row text contains this."),
    file: Optional[str] = typer.Option(None, "--file", help="File path contains this."),
    sql: Optional[str] = typer.Option(None, "--sql", help="Run this SQL instead (read-only)."),
    limit: Optional[int] = typer.Option(None, "--limit", callback=at_least_one, help="At most this many rows."),
    show_sql: bool = typer.Option(False, "--show-sql", help="Print the SQL and its parameters on stderr."),
    fmt: RowFormat = typer.Option(RowFormat.table, "--format", "-f", help="Output format."),
    date_from: Optional[str] = typer.Option(None, "--from", callback=period, hidden=True,
                                            help="Deprecated spelling of --since."),
    date_to: Optional[str] = typer.Option(None, "--to", callback=period, hidden=True,
                                          help="Deprecated spelling of --until."),
) -> None:
    """List mentions, passages or documents matching filters; the filter is restated on stderr.

    \b
    Example:
      policy-nlp query policy.db --type date --since 2010-01 --until 2012-12 --show-sql
      policy-nlp query policy.db --rows passages --theme 四风 --format csv
    """
    import json

    from nlp.store.query import build_query, known_themes, period_bound, run_query, write_rows
    from nlp.store.sqlite import connect

    since = deprecated(since, date_from, "--since", "--from")
    until = deprecated(until, date_to, "--until", "--to")
    database(db)
    if since and until and period_bound(since, low=True) > period_bound(until, low=False):
        usage_error("--since", f"{since} is after --until {until}")
    try:
        con = connect(db, readonly=True)
        if theme and not sql:
            known = known_themes(con)
            if theme not in known:
                usage_error("--theme", f"{theme!r} is not one of {', '.join(known)}" if known else
                            f"{theme!r}: this database has no themed passages (batch ran with --no-themes?)")
        if sql:
            statement, params, words = sql, {}, "raw SQL"
        else:
            q = build_query(rows.value, type=type_.value if type_ else None, theme=theme, party=party,
                            date_from=since, date_to=until, doc_type=doc_type, text=text, file=file,
                            limit=limit)
            statement, params, words = q.sql, q.params, q.words
        columns, found = run_query(con, statement, params)
    except PolicyNlpError as err:
        report(err)
    warn_deprecated(date_from, "--since", "--from")
    warn_deprecated(date_to, "--until", "--to")
    if show_sql:
        typer.echo(statement + "\n-- " + json.dumps(params, ensure_ascii=False), err=True)
    typer.echo(f"{words}: {len(found)} rows", err=True)
    _write(columns, found, fmt)


def _write(columns: list[str], rows: list[tuple], fmt: RowFormat) -> None:
    if fmt == RowFormat.table:
        from nlp.render import render_rows

        typer.echo(render_rows(columns, rows))
    else:
        from nlp.store.query import write_rows

        write_rows(columns, rows, fmt.value, sys.stdout)


@app.command()
def search(
    db: Path = typer.Argument(..., metavar="DB", help="A database from batch."),
    text: str = typer.Argument(..., metavar="TEXT", help='Words to find, all must occur: 隐患排查 红包; "exact phrase"; A OR B; A NOT B.'),
    limit: int = typer.Option(20, "--limit", callback=at_least_one, help="At most this many passages."),
    fmt: RowFormat = typer.Option(RowFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Full-text search over passages, best matches first.

    \b
    Example:
      policy-nlp search policy.db 隐患排查 --limit 5
    """
    from dataclasses import astuple, fields, replace

    from nlp.store.search import Hit, search_passages
    from nlp.store.sqlite import connect

    database(db)
    if not text.strip():
        usage_error("TEXT", 'empty; give the words to find (words, all must occur; "exact phrases"; '
                            'A OR B; A NOT B)')
    try:
        hits = search_passages(connect(db, readonly=True), text, limit=limit)
    except PolicyNlpError as err:
        report(err)
    hits = [replace(h, score=round(h.score, 3)) for h in hits]  # bm25 past 3 decimals is noise
    typer.echo(f"passages matching {text}: {len(hits)}", err=True)
    _write([f.name for f in fields(Hit)], [astuple(h) for h in hits], fmt)
