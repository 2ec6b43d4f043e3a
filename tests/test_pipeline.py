"""End to end on the seed documents: spans exact, offsets back to the file, no chrome left."""

from functools import cache
from pathlib import Path

import pytest

from nlp.pipeline import process_file
from nlp.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

# Chrome that issue 2 lists; none of it may survive in any document.
CHROME = ["您现在的位置", "网站首页", "网站地图", "首页 >", "医学全在线", "大国新村", "久久", "在线视频", "精选阅读",
          "省略744字", "未完", "第2页", "版权所有", "责任编辑", "上一篇", "下一篇", "相关栏目", "&X32;", "来源于免费网",
          "小编", "请继续关注", "(wǎng)", "(省略)", "文章标题", "李赢)"]


@cache
def _docs(path):
    return tuple(process_file(path, Settings(classify=False)))


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_span_is_exact(path):
    for doc in _docs(path):
        for s in doc.sections:
            assert 0 <= s.start < s.end <= len(doc.text)
            assert doc.text[s.start:].startswith(s.marker.replace(":", "")[:1] or doc.text[s.start])
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_no_chrome_left(path):
    for doc in _docs(path):
        left = [c for c in CHROME if c in doc.text]
        assert left == [], f"doc {doc.doc_index} keeps {left}"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_offsets_point_at_the_same_character_in_the_file(path):
    import opencc

    t2s = opencc.OpenCC("t2s")
    raw = path.read_text(encoding="utf-8")
    for doc in _docs(path):
        same = sum(1 for i, ch in enumerate(doc.text)
                   if ch.isspace() or t2s.convert(raw[doc.offsets.to_source(i)]) == ch)
        assert same == len(doc.text)


def test_document_counts_match_gold(gold_dir):
    import json

    for path in SEED_FILES:
        gold = json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert len(_docs(path)) == len(gold["documents"]), path.name
