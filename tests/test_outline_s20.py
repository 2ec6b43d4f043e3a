"""Outline fixes of session 20, each found on collected pages (the texts here are written for the test)."""
from nlp.outline import parse_outline


def _heads(text):
    return [(s.marker, s.heading) for s in parse_outline(text)]


def test_sentence_item_among_sentence_siblings_keeps_its_whole_sentence():
    # every item is one sentence on its own line; the fourth has a heading word (时间) inside it that
    # a flattened heading would end on, but a reader takes the whole sentence as its siblings'
    text = ("一、本局同仁应于上班前完成刷卡,不得委托他人代为办理。\n"
            "二、午休期间不得饮酒,亦不得借故离开办公处所。\n"
            "三、外出洽公应事先填写登记表并经主管核准。\n"
            "四、利用上班时间从事与职务无关之私人事务,经主管查获或经民众举报查证属实者,应书面通知本人并列入平时考核纪录。\n")
    heads = _heads(text)
    assert heads[3] == ("四、", "利用上班时间从事与职务无关之私人事务,经主管查获或经民众举报查证属实者,应书面通知本人并列入平时考核纪录")


def test_label_before_colon_among_sentence_siblings_stays_cut():
    text = ("(1)学科竞赛获奖者按所获等级计分,由教务处统一审核。\n"
            "(2)体育竞赛获奖者按所获等级计分,由体育组统一审核。\n"
            "(3)特长加分原则:纳入规定范围的竞赛项目获奖者加十分。\n"
            "(4)同一学生多次获奖者按最高一项计分,不重复累加。\n")
    assert _heads(text)[2] == ("(3)", "特长加分原则")


def test_dash_bulleted_paragraphs_are_no_unnumbered_headings():
    # paragraphs that a dash bullets, each opening with a short goal sentence: a list, not headings
    text = ("到二〇三〇年,全县教育发展的主要目标是:\n"
            "--普及程度进一步提高。学前教育毛入园率和高中阶段毛入学率稳步上升,人人享有公平而有质量的教育。\n"
            "--办学条件全面改善。中小学校舍和装备全部达到省定标准,信息化水平明显提升,城乡差距逐步缩小。\n"
            "--教师队伍更加优良。教师学历和职称结构持续优化,骨干教师数量明显增加,师德师风整体向好。\n")
    assert parse_outline(text) == []


def test_spaced_yao_run_after_the_announcing_colon():
    # a page flattened onto one line, its paragraphs kept as spaces; the run opens after 如下:
    text = ("现将重点任务分解方案印发给你们,有关要求如下: 一要统一思想抓落实。各单位要把思想统一到决策部署上来,"
            "确保各项任务顺利推进。 二要压实责任抓落实。各单位要建立任务清单,明确责任人和完成时限。 "
            "三要加强督办抓落实。办公室要定期通报进展,对工作不力的严肃问责。")
    assert [s.marker for s in parse_outline(text)] == ["一要", "二要", "三要"]


def test_flattened_heading_ends_before_its_body_opener():
    # a report flattened onto one line: the body opens with `十年来,` / `从…来看,`, or after a space with a cited law
    text = ("前言。一、主要成效十年来,通过实施规划纲要,全区保健服务网络逐步健全,服务能力显著提升。"
            "二、存在的问题从检查情况来看,存在的问题主要有:一是认识不到位。"
            "三、编制依据 《中华人民共和国安全生产法》 《中华人民共和国消防法》等法律法规。")
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [
        ("一、", "主要成效"), ("二、", "存在的问题"), ("三、", "编制依据")]


def test_tigang_outline_above_the_text_is_contents():
    # a 范文 site prints the document's outline under 提纲: before the document; the page is cut
    # before items three and four come again, so only the label tells the outline from the body
    text = ("提纲:\n一、提升产业发展水平\n二、做好良种繁育\n三、推进乡村建设\n四、实施重点项目\n"
            "某区农业局2030年工作计划\n一、提升产业发展水平。大力发展特色种植业,全年新增标准化基地两个,带动农户增收。\n"
            "二、做好良种繁育。建设良种展示基地,筛选适宜本地种植的新品种。\n")
    assert [s.marker for s in parse_outline(text)] == ["一、", "二、"]
