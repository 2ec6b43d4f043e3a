"""Outline rules for real documents (sentences written for these tests, not copied from the corpus)."""

from __future__ import annotations

from nlp.outline import parse_outline


def _outline(text):
    return [(s.level, s.marker, s.heading) for s in parse_outline(text)]


def test_inline_enumeration_inside_a_paragraph_is_not_an_outline():
    text = "本次检查时间为一个月。\n检查重点:(一)学校食堂;(二)实验室;(三)宿舍;(四)校车。请各单位认真落实。\n"
    assert _outline(text) == []


def test_numbers_restarting_in_every_row_of_a_flattened_table_are_not_sections():
    rows = "".join(f"{m}\n工作\n重点\n1.检查门窗{m}。\n2.清点器材{m}。\n" for m in ("一月", "二月", "三月", "四月"))
    assert _outline("安全工作行事历\n" + rows) == []


def test_attachment_list_is_skipped_but_the_attached_text_keeps_its_sections():
    text = ("一、工作要求\n按时完成。\n附件:1.领导小组名单\n2.工作安排表\n某县卫生局\n2024年3月1日\n"
            "工作安排\n一、加强宣传教育\n各单位要开展宣传。\n二、强化监督检查\n定期检查。\n")
    assert [h for _, _, h in _outline(text)] == ["工作要求", "加强宣传教育", "强化监督检查"]


def test_a_label_heading_ends_at_its_colon():
    text = "一、推荐办法\n1.竞赛加分:获省级一等奖加十分,二等奖加五分。\n2.德育加分:获市级表彰加三分,校级加一分。\n"
    assert [h for _, _, h in _outline(text)] == ["推荐办法", "竞赛加分", "德育加分"]


def test_formal_numerals_after_a_page_decoration_are_level_one():
    text = "▍壹、法规\n1.公务员伦理规范\n▍贰、处理程序\n1.受赠财物应登记。\n"
    assert _outline(text) == [(1, "壹、", "法规"), (2, "1.", "公务员伦理规范"),
                              (1, "贰、", "处理程序"), (2, "1.", "受赠财物应登记")]


def test_a_fragment_may_open_at_a_run_in_item_confirmed_by_the_next():
    text = ",共办结投诉十件。3、继续开展专项治理,加强药品采购监管。4、严格执行收费政策,规范收费行为。"
    assert [m for _, m, _ in _outline(text)] == ["3、", "4、"]


def test_a_digit_after_a_dot_is_a_number_not_an_item():
    text = "一、工作安排\n全年分两步推进。2.2024年6月至9月开展自查,10月开展督查。\n"
    assert [m for _, m, _ in _outline(text)] == ["一、"]


def test_compilation_parts_numbered_1_2_hold_their_own_runs():
    text = ("1.张三(副校长)\n一、加强学习\n参加学习。\n二、改进作风\n深入一线。\n"
            "2.李四(副校长)\n一.思想方面\n有待提高。\n1.以身作则\n带头遵守。\n")
    assert _outline(text) == [(1, "1.", "张三(副校长)"), (2, "一、", "加强学习"), (2, "二、", "改进作风"),
                              (1, "2.", "李四(副校长)"), (2, "一.", "思想方面"), (3, "1.", "以身作则")]


def test_parts_five_levels_deep():
    text = ("第一部分 总体要求\n一、指导思想\n(一)坚持人民至上\n1.强化责任\n(1)压实主体责任\n正文。\n"
            "第二部分 主要任务\n一、排查隐患\n")
    assert [lv for lv, _, _ in _outline(text)] == [1, 2, 3, 4, 5, 1, 2]


def test_statement_sentences_are_not_run_in_headings():
    text = ("节日期间仍是问题高发期。今年以来共查处问题十二起,处理人员二十名,多数发生在假期前后。\n"
            "基层单位的问题占了大头。有的单位账目混乱,有的单位制度缺失,整改进度不一。\n")
    assert _outline(text) == []


def test_task_sentences_are_run_in_headings():
    text = ("加强组织领导,压实主体责任。各单位成立领导小组,主要负责人亲自抓,分管负责人具体抓。\n"
            "强化监督检查,严肃追责问责。纪检部门定期开展检查,发现问题及时通报并督促整改。\n")
    assert [h for _, _, h in _outline(text)] == ["加强组织领导,压实主体责任", "强化监督检查,严肃追责问责"]
