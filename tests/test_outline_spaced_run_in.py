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


def test_a_decimal_outline_under_numbered_parts_has_its_levels():
    text = ("某镇突发事件应急预案\n1.总则\n"
            "1.1编制目的 为规范全镇各类突发事件的应对工作,提高快速反应和协同处置能力,减少人员伤亡和财产损失,制定本预案。\n"
            "1.2适用范围 本预案适用于本镇行政区域内各类突发公共事件的应对工作,包括自然灾害、事故灾难等。\n2.组织体系\n"
            "2.1领导机构 镇政府是本镇突发公共事件应急管理工作的行政领导机构,负责统一领导全镇应急工作。\n3.附则\n本预案自印发之日起实施。\n")
    assert [(s.level, s.marker.strip(), s.heading) for s in parse_outline(text)] == [
        (1, "1.", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "适用范围"), (1, "2.", "组织体系"),
        (2, "2.1", "领导机构"), (1, "3.", "附则")]


def test_a_flattened_notice_keeps_the_outline_of_the_plan_it_attaches():
    # one line: the notice, its 附件 line, its 落款, then the attached plan with a decimal outline
    text = ("各村、各单位: 现将《某镇突发公共事件总体应急预案》印发给你们,请认真贯彻执行。 "
            "附件:某镇突发公共事件总体应急预案 某镇人民政府 2024年5月6日 某镇突发公共事件总体应急预案 1.总则 "
            "1.1目的依据 为规范全镇各类突发事件的应对工作,提高快速反应和协同处置能力,减少人员伤亡和财产损失,"
            "依据有关法律法规,结合本镇实际,制定本预案。 1.2工作原则 (1)以人为本,预防为主。"
            "把群众生命安全放在首位,平时做好风险排查和物资储备,做到早发现、早报告、早处置。"
            "(2)统一领导,分级负责。在镇党委、镇政府统一领导下,建立健全分类管理、分级负责的应急管理体制。"
            " 2.组织体系 2.1领导机构 镇政府是本镇突发公共事件应急管理工作的行政领导机构,负责统一领导全镇应急工作,"
            "研究决定和部署重大突发公共事件的应对工作。\n")
    got = [(s.level, s.marker.strip(), s.heading) for s in parse_outline(text)]
    assert got[:4] == [(1, "1.", "总则"), (2, "1.1", "目的依据"), (2, "1.2", "工作原则"), (3, "(1)", "以人为本,预防为主")]


def test_two_phrases_run_into_the_next_items_marker_are_the_heading():
    text = ("为切实减轻基层负担,现制定如下措施。一、加强思想教育,着力解决脱离实际、脱离群众的问题1.提高政治站位。"
            "严格执行请示报告制度,切实加强向上级请示报告工作。2.强化理论武装。深入学习党的创新理论,筑牢思想根基。\n")
    assert parse_outline(text)[0].heading == "加强思想教育,着力解决脱离实际、脱离群众的问题"


def test_an_autonomous_countys_note_is_inside_the_heading():
    text = "(三)指导各区县(自治县、市)政府做好本地区的应急演练工作。每年至少组织一次综合演练。\n"
    assert parse_outline(text)[0].heading == "指导各区县(自治县、市)政府做好本地区的应急演练工作"
