"""Date shapes met on the collected pages of session 19, in invented wording."""

from __future__ import annotations

from nlp.pipeline import process_text


def _dates(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value["start"]) for d in process_text(text) for m in d.mentions if m.type == "date"]


def test_a_roc_letters_dotted_date_closed_by_a_dot_is_a_date():
    text = "說明:依據臺南市政府 110.6.11.府衛字第 1100000000 號函辦理。"
    assert ("110.6.11", "2021-06-11") in _dates(text)
    assert not [d for d in _dates("衛福部 版本 110.6.11.2 發布。") if d[0].startswith("110")]


def test_an_english_date_label_stamps_the_page():
    text = "date 2026-01-08 ▲某醫院舉行公開抽籤。\n某醫院於2026年1月8日舉行公開抽籤,由院長主持。"
    assert [d for d in _dates(text) if d[0] == "2026-01-08"] == []
    assert ("2026年1月8日", "2026-01-08") in _dates(text)
