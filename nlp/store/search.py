"""Full-text search over passages: SQLite FTS5 with its built-in ``trigram`` tokenizer.

The index (``passages_fts``) reads ``passages.text`` itself (external content, kept in step by
triggers), so Chinese needs no word segmentation: a term of 3 or more characters matches
wherever it occurs as a substring. Terms of 1-2 characters are shorter than a trigram and are
found by a LIKE scan of the same rows. The database records its tokenizer in ``meta``.

Query language: words separated by spaces must all occur; ``"an exact phrase"`` keeps its
spaces; ``OR`` separates alternatives (``A B OR C``: both A and B, or C); ``NOT`` before a
term excludes passages with it.
Anything else that looks like syntax (NEAR, parentheses, ``*``) is refused with a message,
never silently read as text.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from nlp.errors import BadOption
from nlp.store.query import _escape_like

TOKENIZER = "trigram"  # the value of meta 'fts_tokenizer' this code reads
SUPPORTED = 'words (all must occur), "exact phrases", OR between terms, NOT before a term'
_MIN_FTS = 3  # a trigram index cannot look up shorter terms


@dataclass(frozen=True, slots=True)
class Hit:
    file: str
    doc_index: int
    passage: str
    themes: str
    score: float
    snippet: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    negated: bool = False


def parse_query(query: str) -> list[list[Term]]:
    """A query as OR-groups of terms, each group's terms all required (NOT: required absent).

    >>> [[t.text for t in g] for g in parse_query('隐患排查 红包 OR "公款 吃喝"')]
    [['隐患排查', '红包'], ['公款 吃喝']]
    >>> [(t.text, t.negated) for t in parse_query("医德医风 NOT 红包")[0]]
    [('医德医风', False), ('红包', True)]
    """
    words = _split(query)
    if not words:
        raise BadOption(f"search needs words to find; search supports {SUPPORTED}")
    groups: list[list[Term]] = [[]]
    negate = False
    for word, quoted in words:
        if not quoted and word in ("OR", "AND", "NOT"):
            if word == "OR":
                if negate or not groups[-1]:
                    raise BadOption(f"OR needs a term on each side; search supports {SUPPORTED}")
                groups.append([])
            elif word == "NOT":
                if negate:
                    raise BadOption(f"NOT needs a term after it; search supports {SUPPORTED}")
                negate = True
            continue  # AND is what spaces mean already
        if not quoted:
            _refuse_syntax(word)
        groups[-1].append(Term(word, negate))
        negate = False
    if negate or not groups[-1]:
        raise BadOption(f"{words[-1][0]} needs a term after it; search supports {SUPPORTED}")
    for group in groups:
        if all(t.negated for t in group):
            raise BadOption(f"NOT needs a term to exclude from, e.g. 医德医风 NOT 红包; search supports {SUPPORTED}")
    return groups


def _split(query: str) -> list[tuple[str, bool]]:
    """Whitespace-separated words and "quoted phrases" (an unclosed quote is refused)."""
    out = []
    for m in re.finditer(r'"([^"]*)"|"|(\S+?)(?="|\s|$)', query.replace("\u3000", " ")):
        if m[0] == '"':
            raise BadOption(f'unclosed quote in {query!r}; search supports {SUPPORTED}')
        if m[1] is not None:
            if m[1].strip():
                out.append((m[1], True))
        else:
            out.append((m[2], False))
    return out


def _refuse_syntax(word: str) -> None:
    if word.upper() == "NEAR" or word.upper().startswith("NEAR("):
        raise BadOption(f"NEAR is not supported by the trigram index; search supports {SUPPORTED}")
    for mark in "()*^":
        if mark in word:
            raise BadOption(f"{mark!r} is not search syntax here (quote it to find it); "
                            f"search supports {SUPPORTED}")


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_expression(groups: list[list[Term]]) -> str | None:
    """The FTS5 MATCH expression of a parsed query, or None when a term is too short for it.

    >>> match_expression(parse_query('隐患排查 NOT 红包包 OR 作风建设'))
    '("隐患排查" NOT "红包包") OR ("作风建设")'
    """
    if any(len(t.text) < _MIN_FTS for g in groups for t in g):
        return None
    parts = []
    for group in groups:
        required = " AND ".join(_fts_phrase(t.text) for t in group if not t.negated)
        excluded = " OR ".join(_fts_phrase(t.text) for t in group if t.negated)
        parts.append(f"({required} NOT {excluded})" if excluded else f"({required})")
    return " OR ".join(parts)


def _like_where(groups: list[list[Term]], params: dict) -> str:
    """The same query as LIKE conditions on ``p.text`` (for terms shorter than a trigram)."""
    ors = []
    for group in groups:
        ands = []
        for term in group:
            key = f"t{len(params)}"
            params[key] = f"%{_escape_like(term.text)}%"
            ands.append(f"p.text {'NOT ' if term.negated else ''}LIKE :{key} ESCAPE '\\'")
        ors.append("(" + " AND ".join(ands) + ")")
    return " OR ".join(ors)


_COLUMNS = "p.file, p.doc_index, p.id, p.themes, {rank} AS rank, p.text, p.start, p.end"
SEARCH_SQL = (f"SELECT {_COLUMNS.format(rank='bm25(passages_fts)')}\n"
              "FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid\n"
              "WHERE passages_fts MATCH :match\nORDER BY rank\nLIMIT :limit")
LIKE_SQL = (f"SELECT {_COLUMNS.format(rank='0.0')}\nFROM passages p\nWHERE {{where}}\n"
            "ORDER BY p.file, p.doc_index, p.start\nLIMIT :limit")


def search_passages(con: sqlite3.Connection, query: str, *, limit: int = 20, width: int = 60) -> list[Hit]:
    """Passages matching ``query`` (see the module doc), best (bm25) first.

    Queries whose every term has 3+ characters use the trigram index; otherwise the same
    rows are scanned with LIKE, in document order.
    """
    check_index(con)
    groups = parse_query(query)
    match = match_expression(groups)
    if match is not None:
        rows = con.execute(SEARCH_SQL, {"match": match, "limit": limit}).fetchall()
    else:
        params: dict = {"limit": limit}
        rows = con.execute(LIKE_SQL.format(where=_like_where(groups, params)), params).fetchall()
    wanted = [t.text for g in groups for t in g if not t.negated]
    return [Hit(file, di, pid, themes, -rank, make_snippet(text, wanted, width=width), s, e)
            for file, di, pid, themes, rank, text, s, e in rows]


def check_index(con: sqlite3.Connection) -> None:
    """Refuse a database whose index was built another way (older versions cut words with jieba)."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'fts_tokenizer'").fetchone()
    except sqlite3.Error:
        row = None
    if not row or row[0] != TOKENIZER:
        raise BadOption("this database's search index was built by an older version; rebuild it with "
                        "policy-nlp batch FILES -o DATABASE (finished files are not processed again)")


def make_snippet(text: str, tokens: list[str], *, width: int = 60) -> str:
    """About ``width`` characters of ``text`` around the first token, tokens in 【】.

    >>> make_snippet("开展隐患排查。", ["隐患"])
    '开展【隐患】排查。'
    """
    hits = [text.find(t) for t in tokens if t in text]
    at = min(hits) if hits else 0
    lo = max(0, at - width // 3)
    piece = text[lo:lo + width].replace("\n", " ")
    for t in sorted(set(tokens), key=len, reverse=True):
        piece = piece.replace(t, f"【{t}】")
    piece = piece.replace("【【", "【").replace("】】", "】")
    return ("…" if lo else "") + piece + ("…" if lo + width < len(text) else "")
