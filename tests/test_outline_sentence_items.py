"""A numbered item that is a sentence (a subject, then 要/必须 and a verb) has no short heading:
its heading runs to the first 。 (gold/README), not to a heading noun inside the sentence."""

from nlp.outline import parse_outline


def test_sentence_item_heading_runs_to_the_full_stop():
    text = ("一、总体要求以提高服务质量为目标,统筹推进各项工作。\n"
            "二、县卫生健康局办公室要加强对重点工作的跟踪调度,建立工作台账,确保按时完成。\n")
    secs = parse_outline(text)
    assert secs[0].heading == "总体要求"
    assert secs[1].heading.startswith("县卫生健康局办公室要加强对重点工作的跟踪调度")


def test_field_and_value_item_keeps_the_whole_line():
    text = ("为加强行风建设,欢迎社会各界监督,现将有关受理方式公告如下。\n受理方式\n"
            "1.举报电话:0000-1234567\n2.来信地址:某市某区某路12号\n3.受理时间:工作日9:00-17:00,节假日除外。特此公告\n")
    assert [s.heading for s in parse_outline(text)][:2] == ["举报电话:0000-1234567", "来信地址:某市某区某路12号"]


def test_run_in_label_heading_is_still_cut():
    text = "一、竞赛加分:获省级一等奖的加十分,获市级一等奖的加五分。\n二、其他事项:由学校另行通知。\n"
    assert parse_outline(text)[0].heading == "竞赛加分"


def test_condition_items_keep_the_whole_clause():
    # a list of conditions: each item is one clause ending in 的, with its notes and commas
    text = ("第三条 有下列情形之一的,责令限期整改:\n"
            "(一)仓库实际储量超过核定(设计)容量百分之十的,或者擅自改变用途的;\n"
            "(二)经营单位(含分支机构)未按规定开展隐患自查的;\n"
            "(三)在《某某设施(设备)管理办法》规定的区域内违规施工的。\n")
    heads = [s.heading for s in parse_outline(text) if s.marker.startswith("(")]
    assert heads == ["仓库实际储量超过核定(设计)容量百分之十的,或者擅自改变用途的",
                     "经营单位(含分支机构)未按规定开展隐患自查的",
                     "在《某某设施(设备)管理办法》规定的区域内违规施工的"]


def test_a_note_inside_a_book_title_or_after_a_day_does_not_end_the_heading():
    text = ("一、值班安排\n(一)2月9日(除夕)早8时至2月10日(正月初一)凌晨2时由办公室值守;\n"
            "(二)依照《某省消防(设施)条例》第十条规定落实巡查制度,发现问题及时报告。\n")
    secs = [s for s in parse_outline(text) if s.marker.startswith("(")]
    assert secs[0].heading.startswith("2月9日(除夕)早8时至2月10日")
    assert secs[1].heading.startswith("依照《某省消防(设施)条例》第十条")


def test_a_note_after_a_heading_still_ends_it():
    text = "一、工作安排\n(一)意外伤害(如跌伤、扭伤等)对受伤学生立即进行初步处理,再送医院。\n"
    assert parse_outline(text)[1].heading == "意外伤害(如跌伤、扭伤等)"


def test_numerals_listed_in_a_sentence_are_no_markers():
    text = ("一、工作目标\n全年生产总值增长5%;一、二、三产业增加值分别达到10亿元、20亿元和30亿元。\n"
            "二、工作措施\n推动二、三级医院对口帮扶。\n三、保障措施\n落实经费。\n")
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [
        ("一、", "工作目标"), ("二、", "工作措施"), ("三、", "保障措施")]


def test_a_numbering_that_runs_on_across_parents_glued_to_a_heading():
    text = ("一、明确目标任务,促进学前教育发展\n1、学前三年教育发展目标。到2025年,毛入园率达到95%。\n"
            "2、推进学前教育普惠发展。扩大普惠资源。\n二、改革管理体制,健全学前教育管理网络3、理顺学前教育管理体制。"
            "建立以县为主的管理体制。\n4、加强学前教育队伍建设。配齐配足教师。\n")
    secs = [(s.marker, s.heading, s.level) for s in parse_outline(text)]
    assert ("二、", "改革管理体制,健全学前教育管理网络", 1) in secs
    assert ("3、", "理顺学前教育管理体制", 2) in secs


def test_a_bracketed_numeral_with_a_space_inside_is_a_marker():
    text = "一、重点工作\n(一 )强化大气污染防治。加强监管。\n(二 )抓好水环境治理。开展巡查。\n(三)严格土壤环境治理。\n"
    assert [(s.marker, s.heading) for s in parse_outline(text)][1:] == [
        ("(一)", "强化大气污染防治"), ("(二)", "抓好水环境治理"), ("(三)", "严格土壤环境治理")]


def test_a_page_that_writes_a_full_stop_as_an_ascii_period():
    text = ("为保障行动有效实施,制定本方案.一、建立健全组织架构(一)成立行动推进委员会.依托爱国卫生运动委员会,"
            "统筹推进组织实施.(二)设立专项工作组.推进委员会下设专项工作组.二、加强监测评估(一)监测.各地开展监测.")
    secs = [(s.marker, s.heading) for s in parse_outline(text)]
    assert secs[:3] == [("一、", "建立健全组织架构"), ("(一)", "成立行动推进委员会"), ("(二)", "设立专项工作组")]


def test_markdown_attributes_after_a_heading_are_dropped():
    text = '第一章 总 则{align="center"}\n第一条 为了规范管理,制定本办法。\n第二章 风险控制{align="center"}\n第二条 企业应当开展评估。\n'
    assert [s.heading for s in parse_outline(text) if s.marker.endswith("章")] == ["总 则", "风险控制"]


def test_a_count_or_an_area_code_at_a_line_start_is_no_heading():
    text = ("筛检成果\n扩大筛检536.6万人次受惠\n7.1万异常个案成功揪出 鼓励把握异常追踪时机\n"
            "联络方式:服务专线\n(04)7115141分机304\n")
    assert [s.marker for s in parse_outline(text)] == []


def test_an_image_file_name_on_its_own_line_is_no_unnumbered_heading():
    body = "青禾市劳动局推动职业安全卫生管理获评优等奖,展现守护劳工安全的决心,市府团队将持续深化安全文化。"
    text = f"标题\n\nIMG02112 scaled\n{body}\n\nS 23937031\n{body}\n"
    assert [s.heading for s in parse_outline(text)] == []


def test_an_attached_document_under_its_number_keeps_its_outline():
    text = ("各单位:\n一、责任到人,闭环管理。要求落实。\n二、节点管控,动态调度。按月调度。\n某县人民政府办公室\n2025年5月18日\n"
            "附件1\n2025年重点工作任务清单\n一、县示范区管委会牵头工作(8项)\n1.建设养殖基地。\n2.打造食用菌生产基地。\n"
            "二、县发改局牵头工作(5项)\n1.推进项目建设。\n")
    secs = [(s.marker, s.heading) for s in parse_outline(text)]
    assert ("一、", "县示范区管委会牵头工作(8项)") in secs and ("二、", "县发改局牵头工作(5项)") in secs
    # an attached table's cells under its title are still no outline
    table = "附件2\n分组考核名单\n姓名 科室 人数\n1.某某由市局考核;\n"
    assert parse_outline("一、总体要求\n按要求执行。\n二、工作安排\n按月推进。\n" + table)[-1].marker == "二、"


def test_a_note_inside_a_sentence_does_not_end_the_heading():
    # the note names a unit (`(学部)`), a year (`(108)年`) or a state (`(过热)时`), or gives a short
    # name for the rest of the text; the sentence goes on after it, so the heading is the sentence
    text = ("一、各学院(学部)及相关管理部门要加强值班巡查工作。\n"
            "二、各科室(中心)于5月20日前要完成一次用电自查。\n"
            "三、依某部本(108)年3月2日某字第1080001号函办理。\n"
            "四、设备出现异常(过热)时,应立即断电并报修。\n"
            "五、某乡公所(以下简称本所)为加强防汛工作,特订定本计划。\n"
            "六、意外伤害(如跌伤、扭伤等)对受伤人员进行初步处理。\n")
    heads = [s.heading for s in parse_outline(text)]
    assert heads[:5] == ["各学院(学部)及相关管理部门要加强值班巡查工作", "各科室(中心)于5月20日前要完成一次用电自查",
                         "依某部本(108)年3月2日某字第1080001号函办理", "设备出现异常(过热)时,应立即断电并报修",
                         "某乡公所(以下简称本所)为加强防汛工作,特订定本计划"]
    assert heads[5] == "意外伤害(如跌伤、扭伤等)"  # a note of examples still closes a short heading


def test_no_item_is_numbered_zero():
    # a price broken across lines leaves `00)` at a line's start: no marker
    text = ("一、事实\n某诊所张贴海报,刊登「特惠套餐(原70\n00) +某某精华 30ml 买一送一(原5960)再送」等词句。\n"
            "二、理由\n依相关规定办理。\n")
    assert [s.marker for s in parse_outline(text)] == ["一、", "二、"]


def test_a_bracketed_numeral_inside_a_document_number_is_no_marker():
    text = ("壹、依据\n一、某部100.07.18台国 (一)字第1000123456号函办理。\n贰、时间\n一、上午九时。\n二、下午二时。\n")
    assert [s.marker for s in parse_outline(text)] == ["壹、", "一、", "贰、", "一、", "二、"]


def test_formal_numerals_number_the_parts_above_plain_ones():
    # 壹、贰、叁、 (叁 as well as 參/参) head the parts, 一、二、 the items under each
    text = ("壹、依据\n一、某部函。\n二、某县政府函。\n贰、目的\n一、增进师生防灾观念。\n二、提升应变能力。\n"
            "叁、办理时间及地点\n一、时间:九月二十日\n二、地点:学校操场\n肆、主持人:校长\n")
    got = [(s.marker, s.level) for s in parse_outline(text)]
    assert got == [("壹、", 1), ("一、", 2), ("二、", 2), ("贰、", 1), ("一、", 2), ("二、", 2),
                   ("叁、", 1), ("一、", 2), ("二、", 2), ("肆、", 1)]


def test_a_request_or_a_clause_going_on_after_a_note_is_one_sentence():
    text = ("一、请各学校和培训机构(托儿所)从即日起全面开展自查,发现问题及时整改。\n"
            "二、可穿着浅色工作服(例如棉质)并且多喝水。\n三、意外伤害(如跌伤、扭伤等)对受伤人员进行初步处理。\n")
    heads = [s.heading for s in parse_outline(text)]
    assert heads[0].startswith("请各学校和培训机构(托儿所)从即日起全面开展自查")
    assert heads[1].startswith("可穿着浅色工作服(例如棉质)并且多喝水")
    assert heads[2] == "意外伤害(如跌伤、扭伤等)"


def test_a_heading_word_followed_by_shi_is_inside_a_sentence():
    text = ("一、总体要求以提高服务质量为目标,统筹推进各项工作。\n"
            "二、县政府工作的指导思想是,在县委坚强领导下,全面落实各项决策部署,推动经济社会高质量发展。\n")
    heads = [s.heading for s in parse_outline(text)]
    assert heads[0] == "总体要求"
    assert heads[1].startswith("县政府工作的指导思想是,在县委坚强领导下")
