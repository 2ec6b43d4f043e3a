"""normalize's offset editor keeps runs, not one position per character (issue 12): every edit must
leave exactly the map a per-character list of positions would give, cut into the same runs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.model import OffsetMap
from nlp.normalize import _Editor, detect_script, normalize_text


class _Reference:
    """The per-character editor the run editor replaced."""

    def __init__(self, text):
        self.text, self.pos = text, list(range(len(text)))

    def apply(self, edits):
        parts, pos, last = [], [], 0
        for start, end, repl in edits:
            if start < last:
                continue
            parts.append(self.text[last:start])
            pos.extend(self.pos[last:start])
            if repl:
                parts.append(repl)
                if len(repl) == end - start:
                    pos.extend(self.pos[start:end])
                else:
                    anchor = self.pos[start] if start < len(self.pos) else (self.pos[-1] + 1 if self.pos else 0)
                    pos.extend([anchor] * len(repl))
            last = end
        parts.append(self.text[last:])
        pos.extend(self.pos[last:])
        self.text, self.pos = "".join(parts), pos


@st.composite
def _edit_rounds(draw):
    text = draw(st.text(alphabet="ab\n一", max_size=30))
    rounds = []
    n = len(text)
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
        edits = []
        for a, b in zip(cuts[::2], cuts[1::2]):
            edits.append((a, b, draw(st.sampled_from(["", "x", "xy", "xyz"]))))
        rounds.append(edits)
        n += sum(len(r) - (b - a) for a, b, r in edits)  # may overshoot: edits past the end are clamped
        n = max(n, 0)
    return text, rounds


@settings(max_examples=300, deadline=None)
@given(_edit_rounds())
def test_run_editor_matches_the_per_character_editor(case):
    text, rounds = case
    ed, ref = _Editor(text), _Reference(text)
    for edits in rounds:
        edits = [(min(a, len(ref.text)), min(b, len(ref.text)), r) for a, b, r in edits]
        ed.apply(edits)
        ref.apply(edits)
        assert ed.text == ref.text
        assert ed.pos == ref.pos
    got = ed.offsets(len(text))
    want = OffsetMap.from_positions(ref.pos, source_end=len(text))
    assert (list(got.starts), list(got.sources), got.length, got.source_end) == \
        (list(want.starts), list(want.sources), want.length, want.source_end)


def test_offsets_of_a_traditional_text_with_chrome():
    raw = "網站首頁 | 網站地圖\n  一、總體要求  \n\n\n\n到2025年,達到９５％以上。\n上一篇:無"
    norm = normalize_text(raw)
    assert norm.text == "一、总体要求\n\n到2025年,达到95%以上。"
    for i, ch in enumerate(norm.text):
        src = raw[norm.offsets.to_source(i)]
        assert src == ch or ch in "总体要达95%" or src in "總體達９５％"


def test_script_of_a_text_that_t2s_leaves_alone_is_simplified():
    assert detect_script("全县卫生系统") == "simplified"
    assert detect_script("abc 123") == "simplified"
    assert detect_script("") == "simplified"


def test_inline_chrome_matches_open_with_a_first_char():
    """The inline chrome pattern runs behind a lookahead on its first characters: every match of
    the alternation must open with one of them (read from the parse tree, as test_first_chars)."""
    import re

    from test_first_chars import ANY, C, _first, re_parser

    from nlp.normalize import _INLINE_CHROME, _INLINE_RE

    assert _INLINE_RE.pattern.startswith("(?=[")
    tree = re_parser.parse(_INLINE_RE.pattern, _INLINE_RE.flags).data
    (op, (direction, look)), rest = tree[0], list(tree)[1:]
    assert op is C.ASSERT and direction == 1
    allowed, free = _first(look)
    assert not free and allowed is not ANY
    whole = "|".join(f"(?:{p})" for p in _INLINE_CHROME)
    chars, free = _first(re_parser.parse(whole, re.M).data)
    assert not free and chars is not ANY
    assert chars <= allowed, sorted(map(str, chars - allowed))
    assert _INLINE_RE.pattern.endswith(f"(?:{whole})") and rest


def test_a_markdown_headings_hashes_are_chrome_and_offsets_still_point_into_the_file():
    raw = "## 第一章 总则\n第一条 为规范管理,制定本办法。\n#话题# 不是标题\n"
    norm = normalize_text(raw)
    assert norm.text.startswith("第一章 总则\n") and "#话题#" in norm.text
    at = norm.text.index("第一条")
    assert raw[norm.offsets.to_source(at):].startswith("第一条")


def test_a_data_dumps_written_line_breaks_and_html_source_become_lines():
    raw = "INSERT INTO t VALUES ('关于某事的通知', '各单位:\\n一、总体要求\\n二、工作步骤\\r\\n三、保障措施。');"
    norm = normalize_text(raw)
    assert "\n一、总体要求\n二、工作步骤\n三、保障措施" in norm.text and "\\n" not in norm.text
    at = norm.text.index("二、")
    assert raw[norm.offsets.to_source(at):].startswith("二、")
    html = "<div>各单位:<br />一、总体要求</div><p>二、<span style=\"x\">工作步骤</span></p><p>三、保障措施</p>"
    assert normalize_text(html).text.split() == ["各单位:", "一、总体要求", "二、工作步骤", "三、保障措施"]
    assert normalize_text("一行写着\\n两次\\n而已").text == "一行写着\\n两次\\n而已"  # two are no dump


def test_a_headline_on_the_line_of_the_pages_metadata_stays():
    raw = "首页 > 新闻 > 动态\n某某园区开展安全隐患大排查专项行动 发布时间:2023-11-29 08:12 来源:某某公众号 访问量:\n近日,园区开展排查。\n"
    norm = normalize_text(raw)
    assert norm.text.startswith("某某园区开展安全隐患大排查专项行动\n") and "发布时间" not in norm.text
    assert normalize_text("作者:某某 发布时间:2023-11-29 来源:某报\n正文开始。").text == "正文开始。"
