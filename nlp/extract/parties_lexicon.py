"""Lexicons and rule tables of the target and party extractors, read from ``nlp/data/``.

Each table is a UTF-8 TSV: ``#`` comment lines (what the file is, where it came from, its
columns), then a header row, then one row per entry. Tables are read once, lazily, and
validated on load: a bad row raises :class:`BadDataFile` naming ``file:line`` and the
allowed values.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import NamedTuple

ROLES = ("lead", "responsible", "member", "contact", "issuer", "recipient")
COMPARATORS = (">=", ">", "<=", "<", "=", "-")


class BadDataFile(ValueError):
    """A packaged rule table with a malformed row (a bug in the package, not bad input)."""


class Row(NamedTuple):
    line: int
    cells: tuple[str, ...]


def read_mapping(name: str, columns: tuple[str, str], allowed: dict[int, tuple[str, ...]] | None = None
                 ) -> dict[str, str]:
    """A two-column data file as ``{first cell: second cell}`` (rows checked as ``read_table``)."""
    return {r.cells[0]: r.cells[1] for r in read_table(name, columns, allowed)}


def read_table(name: str, columns: tuple[str, ...], allowed: dict[int, tuple[str, ...]] | None = None,
               ) -> list[Row]:
    """Rows of ``nlp/data/<name>`` with ``len(columns)`` cells each, checked against ``allowed``.

    >>> read_table("roles.tsv", ("word", "role"))[0].cells
    ('组长', 'lead')
    """
    allowed = allowed or {}
    text = files("nlp").joinpath("data", name).read_text(encoding="utf-8")
    rows: list[Row] = []
    header_seen = False
    seen: set[tuple[str, ...]] = set()
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if not header_seen:
            if cells != columns:
                raise BadDataFile(f"{name}:{n}: header {cells!r}; expected {columns!r}")
            header_seen = True
            continue
        if len(cells) != len(columns) or not all(cells):
            raise BadDataFile(f"{name}:{n}: expected {len(columns)} non-empty tab-separated cells "
                              f"({', '.join(columns)}); got {line!r}")
        for i, values in allowed.items():
            if cells[i] not in values:
                raise BadDataFile(f"{name}:{n}: {columns[i]} {cells[i]!r} is not allowed; "
                                  f"allowed: {', '.join(values)}")
        if cells in seen:
            raise BadDataFile(f"{name}:{n}: duplicate row {line!r}")
        seen.add(cells)
        rows.append(Row(n, cells))
    if not header_seen:
        raise BadDataFile(f"{name}: no header row; expected {columns!r}")
    return rows


# ---- targets -------------------------------------------------------------------------------

UNIT_KINDS = ("ratio", "count", "duration")
TARGET_CUE_KINDS = ("before", "after", "plan", "plan_now", "past")


@cache
def target_units() -> dict[str, str]:
    """Unit -> kind (ratio, count, duration), from ``target_units.tsv``."""
    return read_mapping("target_units.tsv", ("unit", "kind"), {1: UNIT_KINDS})


@cache
def target_cues() -> dict[str, dict[str, str]]:
    """Kind -> {cue: comparator or None}, from ``target_cues.tsv``."""
    rows = read_table("target_cues.tsv", ("cue", "kind", "comparator"),
                      {1: TARGET_CUE_KINDS, 2: COMPARATORS})
    out: dict[str, dict[str, str]] = {k: {} for k in TARGET_CUE_KINDS}
    for r in rows:
        cue, kind, cmp = r.cells
        out[kind][cue] = None if cmp == "-" else cmp
    return out


# ---- parties -------------------------------------------------------------------------------

SUFFIX_KINDS = ("body", "group", "office", "unit", "place", "person")


@cache
def org_suffixes() -> dict[str, str]:
    """Name ending -> kind, from ``org_suffixes.tsv`` (longest endings matter: 领导小组 > 小组)."""
    return read_mapping("org_suffixes.tsv", ("suffix", "kind"), {1: SUFFIX_KINDS})


@cache
def role_words() -> dict[str, str]:
    """Words naming a post or responsibility -> contract role, from ``roles.tsv``."""
    return read_mapping("roles.tsv", ("word", "role"), {1: ROLES})


@cache
def party_posts() -> dict[str, str]:
    """Posts written beside a named person in reports -> role, from ``party_posts.tsv``."""
    return read_mapping("party_posts.tsv", ("post", "role"), {1: ROLES})


class PartyCue(NamedTuple):
    before: str  # words written before the name ("" if none)
    after: str  # words written after it
    at_clause_start: bool  # "^…要": the name opens its clause
    label: bool  # "组长:…": the names after a label and a colon
    role: str  # a contract role, or "auto"


@cache
def party_cues() -> tuple[PartyCue, ...]:
    """The cues of ``party_cues.tsv``, two-sided patterns first, then longest first."""
    rows = read_table("party_cues.tsv", ("pattern", "role"), {1: ROLES + ("auto",)})
    cues = []
    for r in rows:
        pattern, role = r.cells
        if pattern.count("…") != 1:
            raise BadDataFile(f"party_cues.tsv:{r.line}: pattern {pattern!r} must hold exactly one "
                              f"'…' marking the name")
        at_start = pattern.startswith("^")
        before, after = pattern.lstrip("^").split("…")
        label = before.endswith(":") and not after
        if not before and not after:
            raise BadDataFile(f"party_cues.tsv:{r.line}: pattern {pattern!r} has no words around '…'")
        cues.append(PartyCue(before, after, at_start, label, role))
    cues.sort(key=lambda c: (not (c.before and c.after), -len(c.before) - len(c.after)))
    return tuple(cues)


@cache
def non_parties() -> dict[str, str]:
    """Names that are never parties -> why, from ``non_parties.tsv``."""
    rows = read_table("non_parties.tsv", ("name", "reason"),
                      {1: ("superior", "everyone", "generic", "document")})
    return {r.cells[0]: r.cells[1] for r in rows}


@cache
def short_units() -> dict[str, str]:
    """Short names of bodies (``警方``, ``海关``) -> kind, from ``party_units.tsv``."""
    return read_mapping("party_units.tsv", ("name", "kind"), {1: ("body", "unit", "office", "group")})


@cache
def organs() -> frozenset[str]:
    """Names of government organs (mainland, Hong Kong, Macao, Taiwan), from ``party_organs.tsv``."""
    rows = read_table("party_organs.tsv", ("name", "where"), {1: ("mainland", "hk", "macao", "taiwan")})
    return frozenset(r.cells[0] for r in rows)


@cache
def surname_ranks() -> dict[str, int]:
    """Common Chinese family names (one or two characters), from ``surnames.tsv``, with their rank
    in its order of frequency (0 the commonest)."""
    rows = read_table("surnames.tsv", ("surname", "chars"), {1: ("1", "2")})
    for r in rows:
        if len(r.cells[0]) != int(r.cells[1]):
            raise BadDataFile(f"surnames.tsv:{r.line}: {r.cells[0]!r} has {len(r.cells[0])} "
                              f"characters, not {r.cells[1]}")
    return {r.cells[0]: i for i, r in enumerate(rows)}


@cache
def surnames() -> frozenset[str]:
    """Common Chinese family names (one or two characters), from ``surnames.tsv``."""
    return frozenset(surname_ranks())


def user_dict_path() -> str:
    """Path of the jieba user dictionary of administrative bodies and posts."""
    return str(files("nlp").joinpath("data", "jieba_user_dict.txt"))
