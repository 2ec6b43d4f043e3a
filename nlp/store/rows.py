"""Rows: one annotated Document -> plain tuples for every table, with provenance.

Every row carries ``file`` (the path the batch was given, made absolute), ``doc_index`` and,
for spans, ``start``/``end`` into the normalized text plus ``source_start``/``source_end``
into the decoded original file (``Document.offsets.to_source``). The schema below is the one
source of column names and types for SQLite, Parquet and the exports.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from typing import Iterator

from nlp.model import Document


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # "text" | "integer" | "real"
    zh: str  # header under ``export --zh``


def _cols(spec: str) -> tuple[Column, ...]:
    out = []
    for line in filter(str.strip, spec.splitlines()):
        name, type_, zh = line.split()
        out.append(Column(name, type_, zh))
    return tuple(out)


_SPAN = """
start integer 起始位置
end integer 结束位置
source_start integer 原文起始
source_end integer 原文结束
"""

# Table name -> columns, in insert order. ``file`` + ``doc_index`` identify the document.
TABLES: dict[str, tuple[Column, ...]] = {
    "files": _cols("""
        file text 文件
        sha256 text 校验和
        size integer 字节数
        format text 格式
        encoding text 编码
        status text 状态
        pipeline_version text 流水线版本
        documents integer 文档数
        warnings text 警告
    """),
    "documents": _cols("""
        file text 文件
        doc_index integer 文档序号
        title text 标题
        doc_type text 文种
        doc_number text 文号
        encloses text 所附文种
        issued text 成文日期
        year integer 年份
        issuers text 发文单位
        script text 字体
        chars integer 字数
        source_start integer 原文起始
        source_end integer 原文结束
        text text 正文
    """),
    "sections": _cols("""
        file text 文件
        doc_index integer 文档序号
        id text 章节编号
        parent text 上级章节
        level integer 层级
        marker text 序号
        heading text 标题
    """ + _SPAN),
    "mentions": _cols("""
        file text 文件
        doc_index integer 文档序号
        idx integer 序号
        type text 类型
        text text 原文
        section text 章节
    """ + _SPAN + """
        date_start text 起始日期
        date_end text 结束日期
        date_kind text 日期类型
        date_lo text 最早日期
        date_hi text 最晚日期
        number real 数值
        unit text 单位
        comparator text 比较
        metric text 指标
        deadline text 期限
        scope text 范围
        name text 名称
        role text 角色
        value_json text 取值
    """),
    "passages": _cols("""
        file text 文件
        doc_index integer 文档序号
        id text 段落编号
        section text 章节
    """ + _SPAN + """
        themes text 主题
        text text 正文
    """),
    "passage_themes": _cols("""
        file text 文件
        doc_index integer 文档序号
        passage text 段落编号
        theme text 主题
        score real 得分
        assigned integer 是否命中
    """),
    "errors": _cols("""
        file text 文件
        stage text 环节
        kind text 错误类型
        message text 信息
    """),
}

# Views over ``mentions``: the two kinds analysts ask for most.
VIEWS: dict[str, str] = {
    "targets": ("SELECT file, doc_index, idx, text, section, start, end, source_start, source_end, "
                "metric, number, unit, comparator, deadline, scope FROM mentions WHERE type = 'target'"),
    "parties": ("SELECT file, doc_index, idx, text, section, start, end, source_start, source_end, "
                "name, role FROM mentions WHERE type = 'party'"),
}

ZH_HEADERS = {c.name: c.zh for cols in TABLES.values() for c in cols}

# The value keys that get their own column; everything else stays in value_json.
_VALUE_COLUMNS = {
    "date": {"start": "date_start", "end": "date_end", "kind": "date_kind"},
    "number": {"number": "number", "unit": "unit", "comparator": "comparator"},
    "target": {"metric": "metric", "deadline": "deadline", "scope": "scope"},
    "party": {"name": "name", "role": "role"},
}


def document_rows(doc: Document, file: str) -> dict[str, list[tuple]]:
    """The rows of one document for every table but ``files`` and ``errors``."""
    to_source = doc.offsets.to_source if doc.offsets is not None else (lambda i: i)
    di = doc.doc_index
    out: dict[str, list[tuple]] = {"documents": [], "sections": [], "mentions": [],
                                   "passages": [], "passage_themes": []}
    issued = doc.own_date()
    out["documents"].append((file, di, doc.title, doc.doc_type, doc.doc_number, doc.encloses, issued,
                             int(issued[:4]) if issued else None, "、".join(doc.issuers()) or None, doc.script,
                             len(doc.text), to_source(0), to_source(len(doc.text)), doc.text))
    for s in doc.sections:
        out["sections"].append((file, di, s.id, s.parent, s.level, s.marker, s.heading,
                                s.start, s.end, to_source(s.start), to_source(s.end)))
    for k, m in enumerate(doc.mentions):
        out["mentions"].append((file, di, k, m.type, m.text, m.section, m.start, m.end,
                                to_source(m.start), to_source(m.end), *_value_fields(m.value)))
    for p in doc.passages:
        out["passages"].append((file, di, p.id, p.section, p.start, p.end, to_source(p.start),
                                to_source(p.end), ",".join(p.themes), p.text))
        for theme, score in sorted(p.scores.items()):
            out["passage_themes"].append((file, di, p.id, theme, float(score), int(theme in p.themes)))
    return out


def _value_fields(value: dict) -> tuple:
    v = value or {}
    date_start, date_end = _text(v.get("start")), _text(v.get("end"))
    number = v.get("number")
    try:
        number = float(number) if number is not None else None
    except (TypeError, ValueError):
        number = None
    # The period a mention is about, for `query --from/--to`: a date's own bounds, else a
    # target's deadline (2025年底前 -> 2025-12-31); without either it never matches a period.
    low, high = (date_start, date_end or date_start) if date_start else (_text(v.get("deadline")),) * 2
    return (date_start, date_end, _text(v.get("kind")),
            bound_date(low, low=True), bound_date(high, low=False),
            number, _text(v.get("unit")), _text(v.get("comparator")), _text(v.get("metric")),
            _text(v.get("deadline")), _text(v.get("scope")), _text(v.get("name")),
            _text(v.get("role")), json.dumps(v, ensure_ascii=False, sort_keys=True))


def _text(x) -> str | None:
    return None if x is None else str(x)


def bound_date(d: str | None, *, low: bool) -> str | None:
    """Earliest (``low``) or latest possible day of a contract date, as ``YYYY-MM-DD``.

    Unknown digits widen the range: ``201X`` spans 2010-01-01..2019-12-31. A date whose
    year is wholly unknown (``XXXX-06``) has no bound and never matches a period filter.

    >>> bound_date("201X-12", low=True), bound_date("201X-12", low=False)
    ('2010-12-01', '2019-12-31')
    >>> bound_date("2011-02", low=False), bound_date("XXXX-06-01", low=True)
    ('2011-02-28', None)
    """
    m = _DATE.match(d or "")
    if not m or m["year"] == "XXXX":
        return None
    fill = "0" if low else "9"
    year = int(m["year"].replace("X", fill))
    month = min(_digits(m["month"]) or (1 if low else 12), 12)
    last = calendar.monthrange(year, month)[1]
    day = min(_digits(m["day"]) or (1 if low else last), last)
    return f"{year:04d}-{month:02d}-{day:02d}"


# YYYY, YYYY-MM or YYYY-MM-DD, any digit may be X: 2010, 201X-12, XXXX-06-25
_DATE = re.compile(r"(?P<year>[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?$")


def _digits(part: str | None) -> int | None:
    """A month or day with known digits, else None (absent or partly unknown)."""
    return int(part) or None if part and part.isdigit() else None


def iter_table_names() -> Iterator[str]:
    """Tables then views, in export order."""
    yield from TABLES
    yield from VIEWS
