"""nlp.extract.context: what the extractors of a document share, read once (sentences written for these tests)."""

from __future__ import annotations

from nlp.extract import context as context_module
from nlp.extract.context import build_context
from nlp.extract.dates import find_dates
from nlp.extract.targets import find_targets
from nlp.pipeline import process_text
from nlp.settings import Settings

PLAN = ("某县卫生健康局关于印发年度工作要点的通知\n各乡镇卫生院:\n今年要完成全部整改,"
        "到今年底前,全县村卫生室规范化建设达标率达到90%以上。\n某县卫生健康局\n2023年3月1日\n")


def test_context_resolves_relative_years_by_the_signing_date():
    ctx = build_context(PLAN)
    assert ctx.signing_year == "2023"
    plain = {m.text: m.value["start"] for m in ctx.plain_dates}
    resolved = {m.text: m.value["start"] for m in ctx.dates}
    assert plain["今年"].startswith("XXXX") and resolved["今年"].startswith("2023")
    assert list(find_dates(PLAN, context=ctx)) == list(ctx.dates)
    assert list(find_dates(PLAN, year="2023")) == list(ctx.dates)  # the same as the explicit year


def test_extractors_work_alone_and_with_a_context_alike():
    ctx = build_context(PLAN)
    assert list(find_targets(PLAN)) == list(find_targets(PLAN, context=ctx))
    assert [m.value["deadline"] for m in find_targets(PLAN)] == ["XXXX-12-31"]


def test_the_date_grammar_runs_once_per_document(monkeypatch):
    calls = []
    real = context_module.scan_dates

    def counting(text):
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(context_module, "scan_dates", counting)
    docs = list(process_text(PLAN, settings=Settings(classify=False)))
    assert len(calls) == len(docs) == 1
    dates = {m.text: m.value for m in docs[0].mentions if m.type == "date"}
    assert dates["今年"]["start"].startswith("2023")


def test_plain_dates_within_a_span():
    ctx = build_context(PLAN)
    start = PLAN.index("到今年底前")
    inside = ctx.plain_dates_within(start, PLAN.index("。", start))
    assert [m.text for m in inside] == ["到今年底前"]
    assert ctx.plain_dates_within(0, 2) == []
