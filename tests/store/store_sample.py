"""A small hand-made database: three documents whose mentions and passages are known."""

from __future__ import annotations

from pathlib import Path

from nlp import PIPELINE_VERSION
from nlp.model import Document, Mention, OffsetMap, Passage, Section
from nlp.store.rows import document_rows
from nlp.store.sqlite import open_store
from nlp.vocab import THEMES

PLAN = ("关于开展安全隐患排查整治工作的实施方案\n"
        "一、工作目标\n到2011年底,消防设施完好率达到95%以上。\n"
        "二、工作要求\n县卫生局负责组织实施,开展隐患排查整治。\n")
CONDUCT = ("关于治理医疗红包的通知\n"
           "一、目标\n201X年12月前,杜绝收受红包,纠正公款吃喝。\n")
REPORT = "工作总结\nXXXX年6月完成自查,整治文山会海。\n"


def _span(text: str, piece: str) -> tuple[int, int]:
    i = text.index(piece)
    return i, i + len(piece)


def _mention(text, piece, type_, value):
    s, e = _span(text, piece)
    return Mention(type_, s, e, piece, value)


def _passage(text, pid, piece, themes):
    s, e = _span(text, piece)
    scores = {t: (0.9 if t in themes else 0.1) for t in THEMES}
    return Passage(pid, None, s, e, piece, list(themes), scores)


def sample_documents() -> list[Document]:
    plan = Document(
        source="plan.txt", doc_index=0, text=PLAN, title="关于开展安全隐患排查整治工作的实施方案",
        doc_type="实施方案",
        sections=[Section("s1", None, 1, "一、", "工作目标", *_span(PLAN, "一、工作目标\n到2011年底,消防设施完好率达到95%以上。\n"))],
        mentions=[
            _mention(PLAN, "2011年底", "date", {"start": "2011-12-31", "end": "2011-12-31", "kind": "deadline"}),
            _mention(PLAN, "消防设施完好率达到95%以上", "target",
                     {"metric": "消防设施完好率", "number": 95.0, "unit": "%", "comparator": ">=",
                      "deadline": "2011-12-31", "scope": None}),
            _mention(PLAN, "县卫生局", "party", {"name": "县卫生局", "role": "lead"}),
        ],
        passages=[_passage(PLAN, "p1", "县卫生局负责组织实施,开展隐患排查整治。", ["安全隐患"])],
        # the source file had 3 more characters before the text (a BOM and a blank line, say)
        offsets=OffsetMap.from_positions(range(3, 3 + len(PLAN))),
    )
    conduct = Document(
        source="conduct.txt", doc_index=0, text=CONDUCT, title="关于治理医疗红包的通知", doc_type="通知",
        mentions=[_mention(CONDUCT, "201X年12月前", "date", {"start": "201X-12", "end": "201X-12", "kind": "deadline"})],
        passages=[_passage(CONDUCT, "p1", "201X年12月前,杜绝收受红包,纠正公款吃喝。", ["医德医风", "四风"])],
    )
    report = Document(
        source="conduct.txt", doc_index=1, text=REPORT, title="工作总结", doc_type="工作总结",
        mentions=[_mention(REPORT, "XXXX年6月", "date", {"start": "XXXX-06", "end": "XXXX-06", "kind": "point"})],
        passages=[_passage(REPORT, "p1", "XXXX年6月完成自查,整治文山会海。", ["四风"])],
    )
    return [plan, conduct, report]


def write_sample(db: Path) -> None:
    store = open_store(db)
    by_file: dict[str, list[Document]] = {}
    for doc in sample_documents():
        by_file.setdefault(doc.source, []).append(doc)
    for file, docs in by_file.items():
        rows = [document_rows(d, file) for d in docs]
        store.write_file((file, "0" * 64, 100, "txt", "utf-8", "ok", PIPELINE_VERSION, len(docs), None), rows)
    store.write_file(("bad.txt", "1" * 64, 3, None, None, "failed", PIPELINE_VERSION, 0, None),
                     [{"errors": [("bad.txt", "read", "UnreadableFile", "bad.txt: empty file")]}])
    store.close()
