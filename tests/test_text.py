"""nlp.text: the width fold and the sentence/clause punctuation every stage shares."""

from __future__ import annotations

import re
import unicodedata

from nlp import text


def test_width_fold_reads_the_full_width_block_as_nfkc_does_one_for_one():
    block = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000"
    folded = text.fold_width(block)
    assert len(folded) == len(block)
    assert folded == unicodedata.normalize("NFKC", block)
    assert text.fold_width("。、“”《》") == "。、“”《》"  # not in the block


def test_space_fold_adds_the_other_spaces():
    assert "\xa0\u2002\u2003\u200b\ufeff\t\u3000，".translate(text.SPACE_FOLD) == "       ,"


def test_sentence_spans_cover_the_text_between_the_marks():
    s = "一要抓落实。二要见实效；\n三"
    spans = list(text.sentence_spans(s))
    assert [s[a:b] for a, b in spans] == ["一要抓落实", "二要见实效", "", "三"]
    assert list(text.sentence_spans("")) == [(0, 0)]


def test_literal_trie_matches_as_the_longest_first_alternation():
    """Alone, and inside patterns that backtrack into it (a shorter word when what follows fails),
    the trie finds the same spans as ``alternation`` on random words and texts."""
    import random
    import re

    from nlp.text import alternation, literal_trie

    rng = random.Random(21)
    letters = "局委员会办组长副.+"
    for _ in range(400):
        words = {"".join(rng.choice(letters) for _ in range(rng.randrange(1, 5))) for _ in range(rng.randrange(1, 12))}
        for wrap in ("{}", "(?:{})局", "(?:{})(?=会)", "(?<!副)(?:{})(?:长|$)", "(?:{})+"):
            plain = re.compile(wrap.format(alternation(words)))
            trie = re.compile(wrap.format(literal_trie(words)))
            for _ in range(20):
                text = "".join(rng.choice(letters) for _ in range(rng.randrange(0, 30)))
                assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], (
                    sorted(words), wrap, text)
                assert bool(trie.fullmatch(text)) == bool(plain.fullmatch(text))
    assert literal_trie([]) == alternation([]) == ""


def test_a_texts_wrapping_at_a_pages_width_is_read_as_spaces():
    from nlp.text import unwrap, wrap_width

    para = ("按照要求,办公室印发了工作措施,明确了减负任务,即2023年全市下发的文件数量减少10%以上、"
            "召开的大型会议减少20%以上。各部门切实把思想统一到工作部署上来,主动作为,形成合力。")
    lines = [para[i:i + 20] for i in range(0, len(para), 20)]
    text = "\n".join(lines) + "\n一、强化担当\n" + "\n".join(lines)
    assert wrap_width(text) == 20
    out = unwrap(text)
    assert len(out) == len(text)  # one character for one: offsets stay
    assert out.split("\n")[1] == "一、强化担当"
    assert out.split("\n")[0].replace(" ", "") == para  # the paragraph is one line again
    assert unwrap("一、目标\n完成检查。\n二、要求\n加强领导。") == "一、目标\n完成检查。\n二、要求\n加强领导。"


def test_targets_read_across_a_wrapped_line():
    from nlp.extract.targets import find_targets

    para = ("按照要求,办公室印发了工作措施,明确了减负任务,即2023年全市下发的文件数量减少10%以上、"
            "召开的大型会议减少20%以上、督检考事项减少30%以上。各部门切实把思想统一到工作部署上来。")
    text = "本报讯\n" + "\n".join(para[i:i + 22] for i in range(0, len(para), 22))
    text += "\n" + "\n".join("某某某某某某某某某某某某某某某某某某某某某某" for _ in range(6))
    assert "减少10%\n以上" in text  # (the comparator word wrapped onto the next line)
    got = [(m.value["number"], m.value["comparator"]) for m in find_targets(text, doc_type="新闻")]
    assert got == [(10.0, ">="), (20.0, ">="), (30.0, ">=")]


def test_opens_after_finds_the_matches_of_its_lookbehind_pattern():
    """``OpensAfter.finditer`` gives ``pattern.finditer``'s matches, also where a match ends on a
    separator (the next may open right there) and where matches stand side by side."""
    import random

    from nlp.text import OpensAfter

    body = r"[a-c]+(?:,|\n)?"
    rx = OpensAfter(r"(?<![^,\n])" + body, body, ",\n")
    anchored = OpensAfter(r"(?:^|(?<=;))" + body, body, ";\n", re.M)  # ^ of re.M: after a line break too
    rng = random.Random(3)
    texts = ["", "a", ",a,b", "ab,\nc", "x,a,", "\n\na", ";a;b\nc,;"]
    texts += ["".join(rng.choice("abcx,;\n ") for _ in range(rng.randint(0, 25))) for _ in range(3000)]
    for text in texts:
        for r in (rx, anchored):
            assert [(m.span(), m.group()) for m in r.finditer(text)] == [(m.span(), m.group()) for m in r.pattern.finditer(text)], text


def test_without_spaces_takes_the_white_space_of_the_regex():
    """str.split and ``\\s`` take the same characters for white space, every code point checked, so
    ``without_spaces`` is ``re.sub(r"\\s+", "", s)``."""
    space = re.compile(r"\s")
    for code in range(0x110000):
        c = chr(code)
        assert (c.split() == []) == (space.match(c) is not None), hex(code)
    for s in ["", " a\tb\u3000c\n", "\u2028x\x1c\x85y ", "王 琛"]:
        assert text.without_spaces(s) == re.sub(r"\s+", "", s)
