from __future__ import annotations

from typer.testing import CliRunner

from nlp.cli import app
from nlp.store.search import match_expression, search_passages, tokenize_query
from nlp.store.sqlite import connect


def test_search_finds_the_passage_by_jieba_tokens(sample_db):
    hits = search_passages(connect(sample_db, readonly=True), "隐患排查")
    assert [(h.file, h.passage) for h in hits] == [("plan.txt", "p1")]
    assert "【隐患】【排查】" in hits[0].snippet


def test_every_token_must_match(sample_db):
    assert search_passages(connect(sample_db, readonly=True), "隐患 红包") == []


def test_query_syntax_is_not_interpreted(sample_db):
    assert search_passages(connect(sample_db, readonly=True), 'NOT "红包" OR') == []
    assert match_expression(['a"b']) == '"a""b"'


def test_query_tokens():
    assert tokenize_query("隐患排查。") == ["隐患", "排查"]


def test_cli_search_csv(sample_db):
    result = CliRunner().invoke(app, ["search", str(sample_db), "红包", "-f", "csv"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("file,doc_index,passage,themes,score")
    assert lines[1].startswith("conduct.txt,0,p1,\"医德医风,四风\"")
