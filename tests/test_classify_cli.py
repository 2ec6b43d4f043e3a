"""policy-nlp classify: JSON lines in, the contract's {"id", "themes", "scores"} lines out."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from nlp.cli import app
from nlp.train.themes import BUILTIN_THEMES

LINES = [
    {"id": "a", "text": "严禁医务人员收受患者红包和医药企业回扣。"},
    {"id": 2, "text": "全面排查整治火灾隐患,落实安全生产责任制。"},
    {"id": "c", "text": "整治文山会海,力戒形式主义、官僚主义。"},
    {"id": "d", "text": "召开全体干部职工大会,传达学习上级会议精神。"},
]
STDIN = "\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n"


def _invoke(args, stdin=None):
    return CliRunner().invoke(app, ["classify", *args], input=stdin)


def test_stdin_jsonl_exits_zero_with_one_line_per_passage():
    result = _invoke([], STDIN)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == len(LINES)


def test_output_lines_have_the_contract_shape():
    for line in _invoke([], STDIN).stdout.splitlines():
        obj = json.loads(line)
        assert set(obj) == {"id", "themes", "scores"}
        assert set(obj["scores"]) == set(BUILTIN_THEMES)
        assert all(0 <= v <= 1 for v in obj["scores"].values())
        assert set(obj["themes"]) <= set(BUILTIN_THEMES)


def test_output_keeps_input_order_and_ids():
    ids = [json.loads(line)["id"] for line in _invoke([], STDIN).stdout.splitlines()]
    assert ids == [x["id"] for x in LINES]


def test_output_themes_for_plain_cases():
    themes = [json.loads(line)["themes"] for line in _invoke([], STDIN).stdout.splitlines()]
    assert themes == [["医德医风"], ["安全隐患"], ["四风"], []]


def test_input_file_gives_the_same_lines_as_stdin(tmp_path):
    path = tmp_path / "passages.jsonl"
    path.write_text(STDIN, encoding="utf-8")
    assert _invoke(["--input", str(path)]).stdout == _invoke([], STDIN).stdout


def test_quick_look_prints_a_table():
    result = _invoke(["医务人员收受红包"])
    assert result.exit_code == 0
    assert "✓ 医德医风" in result.stdout and "安全隐患" in result.stdout


def test_explain_adds_the_terms_behind_each_assigned_theme():
    obj = json.loads(_invoke(["--explain"], STDIN).stdout.splitlines()[0])
    assert set(obj["explain"]) == set(obj["themes"])
    assert all(w > 0 for terms in obj["explain"].values() for _, w in terms)


def test_bad_line_is_reported_and_the_others_still_come_out():
    stdin = STDIN.replace('{"id": 2', 'oops\n{"id": 2')
    result = _invoke([], stdin)
    assert result.exit_code == 1
    assert result.stderr == "error: <stdin>:2: not JSON (Expecting value); expected {\"id\": ..., \"text\": \"...\"}\n"
    assert len(result.stdout.splitlines()) == len(LINES)


def test_missing_model_is_a_one_line_error(tmp_path):
    result = _invoke(["--model", str(tmp_path), "文山会海"])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path}: no theme model here (meta.json missing; run `policy-nlp train`)\n"
