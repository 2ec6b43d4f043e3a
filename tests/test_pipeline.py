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


def _notices(n: int) -> str:
    """n short notices, each with its headline repeated inside as a page header (dropped chrome)."""
    letters = "甲乙丙丁戊己庚辛壬癸"
    out = []
    for i in range(n):
        name = "".join(letters[(i // 10 ** k) % 10] for k in range(4))
        head = f"{name}县卫生健康局关于开展安全检查的通知"
        out.append(f"{head}\n各乡镇卫生院:\n为做好安全生产工作,现就有关事项通知如下。\n一、检查内容\n各单位要认真自查。\n"
                   f"{head}\n二、工作要求\n请于月底前报送结果。\n{name}县卫生健康局\n2023年5月4日\n\n")
    return "".join(out)


def test_cutting_documents_costs_the_same_per_document_however_many_the_file_holds(monkeypatch):
    """Issue 12: each document's map is cut through the runs, not through a list of every
    position of the file, so a file of 2,000 documents costs 2,000 times one (CPU, best of 3)."""
    import time

    from nlp import pipeline

    monkeypatch.setattr(pipeline, "annotate", lambda doc, settings=None: doc)  # the cut, not the extractors

    def per_document(n: int) -> float:
        text, best, count = _notices(n), float("inf"), 0
        for _ in range(3):
            t0 = time.process_time()
            docs = list(pipeline.process_text(text, settings=Settings(classify=False)))
            best = min(best, time.process_time() - t0)
            count = len(docs)
        assert sum(1 for d in docs if "\n" + d.title + "\n" not in d.text) == count  # chrome dropped
        return best / count

    small, big = per_document(250), per_document(2000)
    assert big < 2 * small + 1e-4


def test_a_cut_document_maps_every_character_back_to_the_file():
    text = _notices(3)
    from nlp.pipeline import process_text

    for doc in process_text(text, settings=Settings(classify=False)):
        assert doc.offsets.source_end == doc.offsets.to_source(len(doc.text))
        for i, ch in enumerate(doc.text):
            assert text[doc.offsets.to_source(i)] == ch or not ch.strip()


def test_cut_through_runs_equals_the_cut_character_by_character():
    """_cut's map is the one from_positions builds from every kept character (random maps and drops)."""
    import random

    from nlp.model import OffsetMap
    from nlp.pipeline import _cut

    def by_character(text, offsets, start, end, drops):
        keep, pos, last = [], [], start
        for s, e in sorted(drops) + [(end, end)]:
            keep.append(text[last:s])
            pos.extend(offsets.to_source(i) for i in range(last, min(s, len(offsets))))
            last = max(last, e)
        joined = "".join(keep)
        lead, body = len(joined) - len(joined.lstrip()), joined.strip()
        return body, OffsetMap.from_positions(pos[lead:lead + len(body)], source_end=offsets.to_source(end))

    def runs(m):
        return list(m.starts), list(m.sources), m.length, m.source_end

    rnd = random.Random(12)
    for _ in range(3000):
        n = rnd.randint(0, 30)
        text = "".join(rnd.choice("ab \n") for _ in range(n))
        positions, p = [], 0
        for _ in range(n):
            p += rnd.choice([0, 1, 1, 1, 2, 5])
            positions.append(p)
        offsets = OffsetMap.from_positions(positions, source_end=p + rnd.randint(0, 3))
        start = rnd.randint(0, n)
        end = rnd.randint(start, n + 2)
        drops = [(s, rnd.randint(s, end + 2)) for s in (rnd.randint(start, end) for _ in range(rnd.randint(1, 4)))]
        want, got = by_character(text, offsets, start, end, drops), _cut(text, offsets, start, end, drops)
        assert (got[0], runs(got[1])) == (want[0], runs(want[1])), (text, positions, start, end, drops)


def test_a_mirror_sites_pinyin_cut_by_a_title_lines_break_leaves_the_title():
    from nlp.pipeline import process_text
    from nlp.settings import Settings

    text = ("廣東省人民政府辦公廳關于\n成立廣東省國際醫學中心建設領(lǐ\nng)導小組的通知\n各地級以上市人民政府,省政府各部門:\n"
            "為加快建設國際醫學中心,經省人民政府同意,決定成立領導小組。現將有關事項通知如下:\n一、主要職責\n統籌推進建設工作。\n")
    (doc,) = process_text(text, settings=Settings(classify=False))
    assert doc.title == "广东省人民政府办公厅关于成立广东省国际医学中心建设领导小组的通知"


def test_a_related_news_block_of_headlines_dates_and_teasers_is_no_document():
    from nlp.pipeline import process_text
    from nlp.settings import Settings

    text = ("某区召开安全生产工作会议\n" + "会议强调,各单位要压实安全生产责任,深入排查整治各类隐患,确保全区安全形势稳定。" * 4 + "\n"
            "相关新闻\n某区开展夏季消防安全大检查\n2021-06-10\n近日,某区组织专门力量对辖区重点场所开展消防安全检查,发现问题当场督促整改。\n"
            "某县召开安全生产工作推进会\n2021-06-08\n会议传达了上级有关会议精神,并对下阶段重点工作作了部署。\n")
    docs = list(process_text(text, settings=Settings(classify=False)))
    assert [d.title for d in docs] == ["某区召开安全生产工作会议"]
    assert "某县召开安全生产工作推进会" not in docs[0].text
