"""Whole-text scans rewritten to skip what cannot match (issue 12) find what they found before:
each is compared with the plain form of its pattern on random texts made of the pieces it reads."""

from __future__ import annotations

import random
import re


def _texts(pieces, seed, n=4000, most=14):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(pieces) for _ in range(rng.randrange(1, most)))


def test_attachment_scan_from_its_bound():
    from nlp.outline import _ATTACHMENT, _attachment_from

    pieces = ["附件", "附表", "附:", "附:", "附", "件", "\n", " ", "\t", "。", ";", "名单", "1、", "某某"]
    hits = 0
    for text in _texts(pieces, 3):
        spans = [m.span() for m in _ATTACHMENT.finditer(text)]
        assert [m.span() for m in _ATTACHMENT.finditer(text, _attachment_from(text))] == spans, text
        hits += len(spans)
    assert hits > 500
    assert _attachment_from("正文。\n \n附件:名单") == 3  # back over the blank lines: the match opens after 。
    assert _attachment_from("正文,没有附录") == len("正文,没有附录") + 1


def test_space_patterns_as_written_before():
    """``_PINYIN`` (the bracket first, the CJK character behind it), ``_RUN_SPACE`` (a literal space
    first) and ``_EDGE_SPACE`` (behind a lookahead) match as their plain forms do."""
    from nlp.normalize import _EDGE_SPACE, _PINYIN, _RUN_SPACE, _TONED

    plain = {
        "pinyin": (_PINYIN, re.compile(rf"(?<=[\u3400-\u9fff])[(（][a-zü]{{0,6}}[{_TONED}][a-zü]{{0,6}}[)）]")),
        "run": (_RUN_SPACE, re.compile(r"(?<=\S) {2,}(?=\S)")),
        "edge": (_EDGE_SPACE, re.compile(r"^[ \t\u3000]+|[ \t\u3000]+$", re.M)),
    }
    pieces = ["網", "站", "(wǎng)", "（wǎng）", "(", "（", ")", "）", "wǎng", "ng", "a", "ǎ", " ", "  ", "\t", "\u3000", "\n", "x", "2"]
    counts = dict.fromkeys(plain, 0)
    for text in _texts(pieces, 11, n=8000):
        for name, (ours, before) in plain.items():
            spans = [m.span() for m in before.finditer(text)]
            assert [m.span() for m in ours.finditer(text)] == spans, (name, text)
            counts[name] += len(spans)
    assert min(counts.values()) > 100, counts


def test_past_last_stop_is_where_the_left_reach_starts():
    """The model's candidates find a name's left edge in one pass from the left (past the window's
    last hard stop); it is where ``_LEFT_REACH`` (no hard stop up to the window's end) starts."""
    from nlp.extract.parties_model import _LEFT_REACH, _PAST_LAST_STOP

    pieces = ["县", "卫生局", ",", "、", "。", " ", "\n", "1", "(", "各", "由", "——", "x"]
    for text in _texts(pieces, 17, n=2000, most=20):
        for end in range(len(text) + 1):
            for lo in (0, max(0, end - 14), end):
                assert (_PAST_LAST_STOP.match(text, lo, end).end()
                        == _LEFT_REACH.search(text, lo, end).start()), (text, lo, end)


def test_normalize_name_fast_path_changes_nothing_it_skips():
    """``normalize_name`` returns a name with no space and no quote mark as it is; on random names
    it gives what its full reading gives."""
    from nlp.extract.parties_names import _QUOTE_RX, _QUOTED_RX, _SPACES_RX, normalize_name

    def full(name):
        name = _SPACES_RX.sub("", name)
        if ("〞" in name or "〝" in name or name.count("“") != name.count("”")) and not _QUOTED_RX.fullmatch(name):
            name = _QUOTE_RX.sub("", name)
        return name

    pieces = ["王", "军", " ", "\t", "\u3000", "“", "”", "〝", "〞", "领导小组", "双创", "局"]
    for name in _texts(pieces, 23, n=5000, most=8):
        assert normalize_name(name) == full(name), name
