"""The command-line app, its exit codes and the checks every command shares.

Exit codes, the same for every command:
    0  success
    1  the work was attempted and an input or a step failed (a bad file, an unreachable scheduler)
    2  a usage error: a bad option value, a path that is missing or of the wrong kind; checked
       before any work starts
Every error is one line on stderr, ``error: <file or option>: <reason>``; no traceback reaches
the user for bad input. Nothing heavy is imported here, so ``policy-nlp --help`` stays instant.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

import typer
from typer.core import TyperGroup

from nlp.errors import BadOption, PolicyNlpError

STDIN = "-"  # the usual spelling of "read standard input" wherever a file is taken
# The exception bases of the click that typer runs on (vendored in recent typer, click before).
_CLICK_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
_ABORT = next(c for c in typer.Abort.__mro__ if c.__name__ == "Abort")


class OneLineErrors(TyperGroup):
    """Print every usage error as one ``error: <option>: <reason>`` line (exit 2), not a usage box."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _CLICK_ERROR as err:
            if type(err).__name__ == "NoArgsIsHelpError":  # bare `policy-nlp`: the help
                err.show()
            else:
                typer.echo(f"error: {describe_usage_error(err)}", err=True)
            sys.exit(err.exit_code)
        except _ABORT:
            typer.echo("error: aborted", err=True)
            sys.exit(1)
        except PolicyNlpError as err:  # a library error a command did not catch
            typer.echo(f"error: {err}", err=True)
            sys.exit(exit_code(err))
        except OSError as err:  # the machine said no (disk full, permission): one line, not a traceback
            where = f"{err.filename}: " if err.filename else ""
            typer.echo(f"error: {where}{err.strerror or err}", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def describe_usage_error(err) -> str:
    """``--format: 'x' is not one of table, jsonl`` from any click usage error."""
    message = (err.message if hasattr(err, "param_hint") else err.format_message()).rstrip(".")
    message = message.removeprefix("Value error, ")
    param = getattr(err, "param", None)
    hint = getattr(err, "param_hint", None)
    subject = hint if isinstance(hint, str) else _param_name(param) if param is not None else None
    see = f" (see {err.ctx.command_path} --help)" if err.ctx is not None else ""
    kind = type(err).__name__
    if kind == "MissingParameter":
        message = "missing" + (f" (usage: {err.ctx.command_path} {_usage(err.ctx)})" if err.ctx else "")
    elif kind == "NoSuchOption":
        subject = err.option_name
        message = "no such option" + (f"; did you mean {', '.join(err.possibilities)}?" if err.possibilities
                                      else see)
    elif message.startswith("No such command") and "'" in message:
        subject, message = message.split("'")[1], "no such command" + see
    elif (choices := _choices(param)) and message.count("'") >= 2:
        message = f"{message.split(chr(39))[1]!r} is not one of {', '.join(choices)}"
    elif callable(getattr(err.__cause__, "errors", None)) and err.__cause__.errors():
        first = err.__cause__.errors()[0]  # typer converts values with pydantic: say what was given
        wanted = _WANTED.get(first.get("type"))
        message = f"{first.get('input')!r} " + (wanted or f"is refused: {first.get('msg', message)}")
    elif subject is None:
        message += see
    return f"{subject}: {message}" if subject else message


_WANTED = {"int_parsing": "is not a whole number", "int_from_float": "is not a whole number",
           "float_parsing": "is not a number"}


def _param_name(param) -> str:
    if getattr(param, "param_type_name", "") == "argument":
        return (param.metavar or param.name.upper()).rstrip(".")
    longs = [o for o in param.opts if o.startswith("--")]
    return (longs or param.opts)[0]


def _usage(ctx) -> str:
    return " ".join(ctx.command.collect_usage_pieces(ctx))


def _choices(param) -> list[str]:
    choices = (getattr(getattr(param, "type_descriptor", None), "choices", None)  # typer >= 0.25
               or getattr(getattr(param, "type", None), "choices", None))  # click's Choice
    return [str(getattr(c, "value", c)) for c in choices] if choices else []


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        from nlp import PIPELINE_VERSION, __version__

        try:
            installed = version("policy-nlp")
        except PackageNotFoundError:
            installed = __version__
        typer.echo(f"policy-nlp {installed} (pipeline {PIPELINE_VERSION})")
        raise typer.Exit(0)


app = typer.Typer(
    name="policy-nlp",
    help="Turn Chinese policy documents into structured data.\n\n"
         "\b\nExample:\n  policy-nlp batch corpora/seeds -o policy.db\n"
         "  policy-nlp query policy.db --rows passages --theme 四风",
    cls=OneLineErrors,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: `policy-nlp --help` answers without loading rich
)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Turn Chinese policy documents into structured data."""


# ------------------------------------------------------------------ closed sets of values

class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class RowFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"
    jsonl = "jsonl"
    sqlite = "sqlite"  # from a Dask output folder


class Ner(StrEnum):
    auto = "auto"
    rules = "rules"
    hanlp = "hanlp"


class MentionType(StrEnum):
    date = "date"
    percentage = "percentage"
    target = "target"
    party = "party"


class Rows(StrEnum):
    mentions = "mentions"
    passages = "passages"
    documents = "documents"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


# ------------------------------------------------------------------ failing

def usage_error(subject: str | Path, reason: str) -> NoReturn:
    """Stop before any work: ``error: <subject>: <reason>``, exit 2."""
    raise typer.BadParameter(reason, param_hint=str(subject))


def fail(message: str, code: int = 1) -> NoReturn:
    """Stop after a failed input or step: ``error: <message>``, exit ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


def exit_code(err: Exception) -> int:
    """2 for a bad option or argument (``BadOption``), 1 for any other library error."""
    return 2 if isinstance(err, BadOption) else 1


def report(err: Exception) -> NoReturn:
    """Print a library error as one line and exit with its code."""
    fail(str(err), exit_code(err))


def settings(**kw):
    from nlp.settings import Settings

    kw = {k: getattr(v, "value", v) for k, v in kw.items() if v is not None}
    return Settings(**kw)


def deprecated(new_value, old_value, new: str, old: str):
    """The value of ``new``, or of its hidden old spelling ``old`` (see ``warn_deprecated``)."""
    if old_value is None:
        return new_value
    if new_value is not None:
        usage_error(old, f"give {new} or its old spelling {old}, not both")
    return old_value


def warn_deprecated(old_value, new: str, old: str) -> None:
    """Once the options are checked (so an error stays one line): tell scripts the new spelling."""
    if old_value is not None:
        warn(f"{old} is deprecated; use {new}")


# ------------------------------------------------------------------ paths, checked before any work

def input_file(path: Path, *, stdin: bool = True) -> Path:
    """A file to read: it exists and is a file (``-`` is standard input when ``stdin``)."""
    if stdin and str(path) == STDIN:
        return path
    if not path.exists():
        usage_error(path, "no such file")
    if path.is_dir():
        usage_error(path, "is a folder; give a file")
    return path


def input_folder(path: Path, what: str = "folder") -> Path:
    if not path.exists():
        usage_error(path, f"no such {what}")
    if not path.is_dir():
        usage_error(path, f"is a file; give a {what}")
    return path


def output_file(path: Path, option: str) -> Path:
    """A file to write: not a folder, and its folder exists."""
    if path.is_dir():
        usage_error(option, f"{path} is a folder; give a file name")
    parent = path.parent
    if not parent.is_dir():
        usage_error(option, f"{path}: no such folder {parent} (create it first)")
    return path


def output_folder(path: Path, option: str) -> Path:
    """A folder to write into: not an existing file (created if missing)."""
    if path.exists() and not path.is_dir():
        usage_error(option, f"{path} is a file; give a folder")
    return path


_SQLITE_MAGIC = b"SQLite format 3\x00"


def is_database(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(16)
    return head == _SQLITE_MAGIC or head == b""


def is_dask_output(path: Path) -> bool:
    return path.is_dir() and (path / "_manifest.json").exists()


def database(path: Path) -> Path:
    """A database from ``batch``: an existing SQLite file (a Dask folder gets the command to convert it)."""
    if is_dask_output(path):
        usage_error(path, "a Dask output folder, not a database; turn it into one with: "
                          f"policy-nlp export {path} --format sqlite -o policy.db")
    if not path.exists():
        usage_error(path, f"no such database (create it with: policy-nlp batch FILES -o {path})")
    if path.is_dir():
        usage_error(path, "is a folder; give the database file written by policy-nlp batch")
    if not is_database(path):
        usage_error(path, "not a SQLite database (give the file written by policy-nlp batch)")
    return path


# ------------------------------------------------------------------ option values (typer callbacks)

def at_least_one(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter(f"must be 1 or more, got {value}")
    return value


def limit_or_zero(value: float | None) -> float | None:
    """A limit where 0 means none: ``--timeout``, ``--max-file-mb``, ``--max-mentions-per-doc``."""
    if value is not None and value < 0:
        raise typer.BadParameter(f"must be 0 (no limit) or more, got {value:g}")
    return value


def mention_types(value: str | None) -> str | None:
    """``date,target`` -> checked against the mention types."""
    if value is None:
        return None
    known = [t.value for t in MentionType]
    for name in value.split(","):
        if name.strip() not in known:
            raise typer.BadParameter(f"{name.strip()!r} is not one of {', '.join(known)}")
    return value


def period(value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, a real month and day (2010-13 is refused, not read as 2010-12)."""
    if value is None:
        return None
    import datetime

    bad = f"bad date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD"
    parts = value.strip().replace("/", "-").replace(".", "-").split("-")
    if len(parts) > 3 or not all(p.isascii() and p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise typer.BadParameter(bad)
    numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    try:
        datetime.date(*numbers)
    except ValueError:
        raise typer.BadParameter(bad) from None
    return value


def scheduler_address(value: str | None) -> str | None:
    """``tcp://HOST:PORT`` (or ``HOST:PORT``): the form a Dask scheduler listens on."""
    if value is None:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(value if "://" in value else f"tcp://{value}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or port is None:
        raise typer.BadParameter(f"{value!r} is not a scheduler address; use tcp://HOST:PORT, "
                                 "e.g. tcp://10.0.0.5:8786")
    return value
