"""The heading-end cue: a heading line run straight into its body is cut where the heading ends,
and a heading written on its own line, or one the cue must not split, is left whole."""

from nlp.outline import heading_end_positions, parse_outline


def _heads(text):
    return [(s.marker, s.heading) for s in parse_outline(text)]


def test_label_heading_run_into_its_value_is_cut():
    heads = _heads("一、活动时间2024年5月10日上午九点\n二、活动地点学校三楼报告厅\n三、参加对象全体教职工")
    assert heads[0] == ("一、", "活动时间")
    assert heads[2] == ("三、", "参加对象")


def test_headings_on_their_own_lines_stay_whole():
    text = "一、总体要求\n以安全发展为主线,全面落实责任。\n二、强化隐患整改,落实闭环管理\n各单位要建立台账。"
    assert _heads(text) == [("一、", "总体要求"), ("二、", "强化隐患整改,落实闭环管理")]


def test_a_sentence_item_is_not_cut_before_its_rate():
    assert _heads("(2)门诊病历书写合格率达到95%以上,处方合格率达到98%。") == [
        ("(2)", "门诊病历书写合格率达到95%以上,处方合格率达到98%")]


def test_no_cut_inside_a_parenthesis_or_before_a_conjunction():
    cand = "出勤考核(含例会、培训等)有无故缺勤的扣分"
    inside = range(cand.index("("), cand.index(")") + 1)
    assert not set(heading_end_positions(cand)) & set(inside)
    cand = "委派形式及管理办法由局里制定"
    assert cand.index("及") not in set(heading_end_positions(cand))
    assert min(heading_end_positions("重点加强三大卫生工作")) >= 4


def test_flattened_chinese_numeral_run_continues_after_text():
    text = "一、活动主题。缅怀先烈。二、活动时间2024年4月2日三、活动地点学校会议室四、活动要求全体党员准时参加。"
    assert [s.marker for s in parse_outline(text)] == ["一、", "二、", "三、", "四、"]
    # 统一、 and a 三、 that does not continue 一、二、 are no markers
    assert [s.marker for s in parse_outline("一、总体要求\n做到标准统一、管理规范,落实三、五年规划。")] == ["一、"]


def test_fast_cue_cut_equals_the_plain_feature_sum():
    from nlp.outline import _cue_cut, _heading_end_weights, _token_bounds, heading_end_features

    def reference(cand):
        weights, bias = _heading_end_weights()
        bounds = _token_bounds(cand[:40])
        best, at = 0.0, None
        for i in heading_end_positions(cand):
            score = bias + sum(weights.get(f"{k}={v}", 0.0) for k, v in heading_end_features(cand, i, bounds).items())
            if score > best:
                best, at = score, i
        return cand[:at] if at is not None else cand

    for cand in ("活动时间2024年5月10日上午九点", "参加对象全体教职工", "强化隐患整改,落实闭环管理",
                 "学生中暑立即将其转移到阴凉处", "出勤考核(含例会、培训等)有无故缺勤的扣分", "总体要求",
                 "委派形式及管理办法由局里制定", "工作目标通过专项行动使全县医疗机构安全管理水平明显提高"):
        assert _cue_cut(cand) == reference(cand)


def test_parenthesised_note_ends_a_heading_run_into_its_body():
    from nlp.outline import parse_outline

    text = "一、应急处置\n1.意外伤害(如跌伤、扭伤等)对受伤学生进行初步检查和处理。\n2.机关(构)首长应径行通知政风机构。\n"
    assert [s.heading for s in parse_outline(text)][1:] == ["意外伤害(如跌伤、扭伤等)", "机关(构)首长应径行通知政风机构"]


def _position_values_by_slices(cand: str, i: int) -> tuple[str, ...]:
    """The feature values as first written, on the slices either side of i (the reference)."""
    from nlp.outline import _HEAD_END_RE, _char_kind

    left, right = cand[:i], cand[i:]
    head_word = _HEAD_END_RE.search(left[-5:] + "\0")
    lk, rk = _char_kind(left[-1:]), _char_kind(right[:1])
    return (str(bool(head_word) and head_word.end() == len(left[-5:])),
            left[-1:], left[-2:], left[-3:], right[:1], right[:2], left[-1:] + right[:1], lk, rk, lk + rk,
            str(min(i, 24) // 3), str(min(len(right), 40) // 8),
            str(left.count("(") + left.count("“") - left.count(")") - left.count("”") > 0))


def test_position_values_read_without_slicing_the_line():
    """``_position_values`` reads a few characters each side of i and counts brackets up to i; it
    gives what the slices of the whole line gave, for every i (out of range and negative too)."""
    import random

    from nlp.outline import _position_values

    rng = random.Random(4)
    chars = "总体要求以加强(“)”《》及和与、的之,,。1 2a工作目标任务时间地点"
    for _ in range(3000):
        cand = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 60)))
        for i in range(-3, len(cand) + 3):
            assert _position_values(cand, i) == _position_values_by_slices(cand, i), (cand, i)
