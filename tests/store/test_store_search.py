from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.errors import BadOption
from nlp.store.search import Term, match_expression, parse_query, search_passages
from nlp.store.sqlite import connect, open_store

from store_sample import write_sample

runner = CliRunner()


def _found(db, query):
    return [(h.file, h.doc_index) for h in search_passages(connect(db, readonly=True), query)]


@pytest.mark.parametrize("query, expected", [
    ("隐患排查", [("plan.txt", 0)]),                      # a substring, no word segmentation needed
    ("排查整治", [("plan.txt", 0)]),                      # across what jieba would call two words
    ("收受红包", [("conduct.txt", 0)]),
    ("红包", [("conduct.txt", 0)]),                       # 2 characters: LIKE scan of the same rows
    ("包", [("conduct.txt", 0)]),
    ("隐患 红包", []),                                    # every term must occur
    ("隐患排查 OR 文山会海", [("plan.txt", 0), ("conduct.txt", 1)]),
    ("整治 NOT 隐患", [("conduct.txt", 1)]),              # short terms: LIKE, same operators
    ("整治工作 NOT 文山会海", []),
    ("整治 NOT 文山会海", [("plan.txt", 0)]),
    ('"开展隐患排查"', [("plan.txt", 0)]),
    ("%", []),                                            # LIKE wildcards are literal
], ids=["trigram", "cross-word", "trigram-2", "two-chars", "one-char", "and", "or", "not-short",
        "not-trigram-none", "not-short-2", "phrase", "wildcard-literal"])
def test_search(sample_db, query, expected):
    assert sorted(_found(sample_db, query)) == sorted(expected)


def test_trigram_query_is_one_fts_match():
    assert match_expression(parse_query('隐患排查 "整治 工作" OR 作风建设')) == '("隐患排查" AND "整治 工作") OR ("作风建设")'
    assert match_expression([[Term('a"bc')]]) == '("a""bc")'  # a quote inside a term is escaped, not syntax
    assert match_expression(parse_query("隐患 排查")) is None  # too short for trigrams


@pytest.mark.parametrize("query, message", [
    ("", "search needs words to find"),
    ("   ", "search needs words to find"),
    ("隐患 NEAR 排查", "NEAR is not supported by the trigram index"),
    ("NEAR(隐患 排查)", "NEAR is not supported by the trigram index"),
    ("(隐患 OR 排查)", "'(' is not search syntax here (quote it to find it)"),
    ("隐患*", "'*' is not search syntax here (quote it to find it)"),
    ("NOT 红包", "NOT needs a term to exclude from, e.g. 医德医风 NOT 红包"),
    ("隐患 OR", "OR needs a term after it"),
    ("OR 隐患", "OR needs a term on each side"),
    ('"隐患', "unclosed quote in '\"隐患'"),
], ids=["empty", "blank", "near", "near-call", "parens", "star", "not-alone", "or-last", "or-first", "quote"])
def test_unsupported_queries_are_refused_with_what_is_supported(query, message):
    with pytest.raises(BadOption) as err:
        parse_query(query)
    assert str(err.value).startswith(message)
    assert str(err.value).endswith('search supports words (all must occur), "exact phrases", OR between terms, '
                                   "NOT before a term")


def test_the_index_records_its_tokenizer(sample_db):
    con = sqlite3.connect(sample_db)
    assert con.execute("SELECT value FROM meta WHERE key = 'fts_tokenizer'").fetchone() == ("trigram",)
    assert "tokenize='trigram'" in con.execute("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").fetchone()[0]


def test_an_old_jieba_index_is_refused_then_rebuilt_by_the_writer(tmp_path):
    db = tmp_path / "old.db"
    write_sample(db)
    con = sqlite3.connect(db)  # as an older version left it: jieba tokens, no tokenizer recorded
    con.executescript("DROP TRIGGER passages_fts_insert; DROP TRIGGER passages_fts_delete; "
                      "DROP TRIGGER passages_fts_update; DROP TABLE passages_fts; "
                      "CREATE VIRTUAL TABLE passages_fts USING fts5(tokens); "
                      "DELETE FROM meta WHERE key = 'fts_tokenizer';")
    con.close()
    with pytest.raises(BadOption, match="search index was built by an older version"):
        search_passages(connect(db, readonly=True), "隐患排查")
    open_store(db).close()
    assert _found(db, "隐患排查") == [("plan.txt", 0)]


def test_cli_search_csv(sample_db):
    result = runner.invoke(app, ["search", str(sample_db), "收受红包", "-f", "csv"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("file,doc_index,passage,themes,score")
    assert lines[1].startswith("conduct.txt,0,p1,\"医德医风,四风\"")


def test_cli_search_refuses_an_empty_query(sample_db):
    result = runner.invoke(app, ["search", str(sample_db), ""])
    assert result.exit_code == 2
    assert result.stderr == ('error: TEXT: empty; give the words to find (words, all must occur; "exact phrases"; '
                             'A OR B; A NOT B)\n')
