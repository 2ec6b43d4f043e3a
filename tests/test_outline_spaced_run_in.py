"""A heading set off from its body by a space on the same line (scraped or flattened pages)."""

from nlp.outline import parse_outline


def test_decimal_items_with_heading_space_and_body_are_sections():
    # a decimal outline with no 1. over its 1.1: each line is a heading, a space, then its body
    text = ("病区管理的几点做法\n"
            "1.1 健全探视登记制度 根据各病区的实际情况设置探视时段,由护士站统一登记,减少外来人员在病区内的停留时间。\n"
            "1.2 规范医疗废物处置 各类废物分类收集,由专人定时转运并做好交接记录,防止在转运途中发生遗撒和泄漏。\n"
            "2.1 加强病房通风消毒 每日定时开窗通风,并对门把手、床栏等高频接触表面进行擦拭消毒,做好消毒登记。\n")
    secs = parse_outline(text)
    assert [(s.marker, s.heading) for s in secs] == [
        ("1.1", "健全探视登记制度"), ("1.2", "规范医疗废物处置"), ("2.1", "加强病房通风消毒")]


def test_a_counted_line_is_still_no_decimal_heading():
    text = "情况通报\n1.5 万人次参加了本次义诊活动 各乡镇卫生院共派出医务人员二百余人,群众反映良好,活动取得了预期效果。\n"
    assert parse_outline(text) == []


def test_heading_before_a_space_and_a_year_led_body_is_cut_there():
    text = ("某局2023年工作总结\n一、2023年工作回顾 2023年是全面推进各项改革的关键一年,全局上下围绕中心任务扎实开展工作,"
            "各项指标均完成年初计划。\n二、2024年工作思路\n")
    assert [s.heading for s in parse_outline(text)] == ["2023年工作回顾", "2024年工作思路"]


def test_contents_run_into_one_line_is_no_outline():
    # a flattened compilation: its table of contents (titles and page numbers) on the text's line
    text = ("某县卫生系统工作材料汇编 目录 1. 县医院2023年工作总结 2 2.县疾控中心2023年工作总结 9 "
            "3.县妇幼保健院2023年工作总结 15 县医院2023年工作总结 2023年,我院坚持公益性方向,各项工作稳步推进。"
            "一、主要工作 门诊服务量同比增长。二、存在问题 人才短缺。\n")
    assert [s.marker.strip() for s in parse_outline(text)] == ["一、", "二、"]
