"""The rule tables in nlp/data load, are well formed, and a bad row names its file:line."""

from __future__ import annotations

import pytest

from nlp.extract import parties_lexicon as lex
from nlp.extract.parties_lexicon import BadDataFile, read_table


@pytest.mark.parametrize("loader", [
    lex.target_units, lex.target_cues, lex.org_suffixes, lex.role_words, lex.party_cues,
    lex.non_parties, lex.surnames,
], ids=lambda f: f.__name__)
def test_table_loads_and_is_not_empty(loader):
    assert len(loader()) > 0


def test_roles_are_contract_roles():
    assert set(lex.role_words().values()) <= set(lex.ROLES)
    assert {c.role for c in lex.party_cues()} <= set(lex.ROLES) | {"auto"}


def test_jieba_user_dict_lines_are_word_frequency_tag():
    with open(lex.user_dict_path(), encoding="utf-8") as fh:
        rows = [line.split() for line in fh if line.strip() and not line.startswith("#")]
    assert rows and all(len(r) == 3 and r[1].isdigit() for r in rows)


def test_every_table_has_a_header_comment():
    from importlib.resources import files

    for name in ("target_units.tsv", "target_cues.tsv", "org_suffixes.tsv", "roles.tsv",
                 "party_cues.tsv", "non_parties.tsv", "surnames.tsv", "jieba_user_dict.txt"):
        text = files("nlp").joinpath("data", name).read_text(encoding="utf-8")
        assert text.startswith(f"# {name}:"), name
        assert "Source:" in text, name


@pytest.fixture
def fake_data(tmp_path, monkeypatch):
    """Point read_table at a temporary nlp/data folder."""
    (tmp_path / "data").mkdir()

    class Root:
        def joinpath(self, *parts):
            return tmp_path.joinpath(*parts)

    monkeypatch.setattr(lex, "files", lambda package: Root())
    return tmp_path / "data"


@pytest.mark.parametrize("body, message", [
    ("# t\nword\trole\n组长\tboss\n", "x.tsv:3: role 'boss' is not allowed; allowed: lead, responsible"),
    ("# t\nword\trole\n组长\n", "x.tsv:3: expected 2 non-empty tab-separated cells"),
    ("# t\nword\tkind\n组长\tlead\n", "x.tsv:2: header"),
    ("# t\nword\trole\n组长\tlead\n组长\tlead\n", "x.tsv:4: duplicate row"),
    ("# only comments\n", "x.tsv: no header row"),
], ids=["bad-value", "missing-cell", "bad-header", "duplicate", "no-header"])
def test_bad_row_names_file_line_and_allowed_values(fake_data, body, message):
    (fake_data / "x.tsv").write_text(body, encoding="utf-8")
    with pytest.raises(BadDataFile) as err:
        read_table("x.tsv", ("word", "role"), {1: lex.ROLES})
    assert str(err.value).startswith(message)


def test_party_cue_needs_one_name_slot(fake_data, monkeypatch):
    (fake_data / "party_cues.tsv").write_text("# t\npattern\trole\n由负责\tresponsible\n", encoding="utf-8")
    lex.party_cues.cache_clear()
    try:
        with pytest.raises(BadDataFile, match=r"party_cues.tsv:3: pattern '由负责' must hold exactly one"):
            lex.party_cues()
    finally:
        lex.party_cues.cache_clear()
