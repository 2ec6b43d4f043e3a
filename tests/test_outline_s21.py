"""Outline fixes of session 21, found on collected pages (texts written for the test)."""
from nlp.outline import parse_outline


def _outline(text):
    return [(s.level, s.marker.strip(), s.heading) for s in parse_outline(text, None)]


def test_decimal_heading_with_its_first_child_run_in_on_its_line():
    text = ("1、总则 1.1 编制目的 为做好水旱灾害突发事件防范与处置工作,保证抗洪抢险、抗旱救灾工作高效有序进行,"
            "最大程度地减少人员伤亡和灾害损失,制定本预案。\n"
            "1.2 适用范围 本预案适用于全镇范围内突发性水旱灾害的预防和应急处置,包括江河洪水、山洪灾害和干旱灾害等。\n"
            "1.3 工作原则 1.3.1 坚持以人为本,把保障人民群众生命安全放在首位。\n"
            "1.3.2 防汛工作实行行政首长负责制,统一指挥,分级负责。\n"
            "1.3.3 坚持依法防汛,实行公众参与。\n"
            "2、组织体系 2.1 镇防汛指挥部 镇防汛指挥部由镇长任指挥长,分管副镇长任副指挥长,成员由各站所负责人组成。\n")
    got = _outline(text)
    assert (2, "1.3", "工作原则") in got
    assert [m for _, m, _ in got if m.startswith("1.3.")] == ["1.3.1", "1.3.2", "1.3.3"]
    assert all(level == 3 for level, m, _ in got if m.count(".") == 2)
    assert (1, "1、", "总则") in got and (2, "1.1", "编制目的") in got


def test_two_items_run_into_bodies_that_open_as_only_bodies_do():
    # a truncated 通报 flattened onto one line: only two items, so no run of items shows the flattening
    text = ("督查通报5月6日,督查组对全县开展了督查。一、工作开展情况自4月10日全县大整治启动以来,大部分乡镇和单位高度重视。"
            "二、存在的问题从督查情况来看,存在的问题和不足主要有:一是思想认识还不到位。部分乡镇认识不够。")
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [("一、", "工作开展情况"), ("二、", "存在的问题")]


def test_a_document_sharing_pages_chunk_numbers_are_no_items():
    # the page cuts the text into numbered chunks of 300 characters, each breaking a sentence
    body = ("为了加强行风建设,把行风建设的各项制度落到实处,特制订本制度。1.医院建立行风建设领导小组,由院长任组长,"
            "各职能科室负责人为成员,每季度召开一次专题会议研究行风建设工作。2.医院设立社会监督电话,监督电话设在党办,"
            "由专人负责接听和登记,对反映的问题及时调查处理并反馈。3.医院设立意见箱,由党办负责每月开箱一次,对意见逐条登记,"
            "及时转交有关科室限期整改。4.各病区每月召开一次工休座谈会,听取病人和家属的意见和建议,形成记录上报党办。"
            "5.医院聘请社会监督员,每半年召开一次座谈会听取意见和建议,会议由党委书记主持,纪委书记参加。6.每月进行一次")
    body = body * 2
    chunks = [body[i:i + 300] for i in range(0, 600, 300)]
    text = "1、" + chunks[0] + "\n\n2、" + chunks[1] + "\n"
    markers = [s.marker for s in parse_outline(text)]
    assert "1、" not in markers and "2、" not in markers
    assert "1." in markers


def test_numbered_paragraphs_that_lost_their_full_stop_stay_items():
    para = "柯桥区某公司总经理某某公车私用、接受可能影响公正执行公务的宴请问题。2017年至2019年,某某多次将公司车辆用于私人用途"
    text = "1." + para + "\n2." + para + "\n3." + para + ",相关费用予以收缴\n4.某镇某村党总支委员某某违规收受礼品问题。2018年该同志收受礼品。\n"
    assert [s.marker for s in parse_outline(text)] == ["1.", "2.", "3.", "4."]


def test_a_numbered_link_list_after_a_truncated_long_line_is_still_chrome_not_items():
    # found by scripts/perturb_structure.py (chrome_tail4): a page's numbered links under a text cut mid-sentence
    text = ("一、工作目标\n" + "项目部安全领导小组全面负责今冬明春火灾防控及在建工程消防安全检查工作的组织领导," * 8 + "综合办负责项目部办公、宿舍区\n"
            "1.某区组织开展夏季用电安全检查\n2.关于做好节假日值班工作的通知\n3.某镇召开年度工作推进会\n4.某局举办业务培训班\n"
            "主办:某某市某某局 承办:某某市信息中心\n")
    assert [s.marker for s in parse_outline(text)] == ["一、"]


def test_a_prefectures_note_stays_inside_the_units_name():
    text = ("三、组织方式\n(一)省有关部门按职责分工对本部门负责的任务进行评估。\n"
            "(二)各市(州、地)人民政府(行署)对本地区规划的实施情况进行评估,提出评估报告报省人民政府。\n")
    heads = [(s.marker, s.heading) for s in parse_outline(text)]
    assert heads[-1][1].startswith("各市(州、地)人民政府")


def test_a_note_the_line_cut_off_ends_the_heading_before_its_bracket():
    text = "(一)灭火行动组(保卫科\n负责初期火灾扑救。\n(二)疏散引导组(护理部)\n负责疏散病人。\n"
    assert [(s.marker, s.heading) for s in parse_outline(text)] == [("(一)", "灭火行动组"), ("(二)", "疏散引导组(护理部)")]


def test_an_item_opening_its_sentence_with_yaoqiu_keeps_the_sentence():
    text = ("四、工作要求\n(一)要求各地发展改革委对本地落实规划纲要主要目标任务、重大工程项目情况进行全面评估,形成评估报告。\n"
            "(二)要求各地发展改革委会同各有关方面组织开展中期评估工作。\n")
    heads = [h for m, h in [(s.marker, s.heading) for s in parse_outline(text)] if m == "(一)"]
    assert heads == ["要求各地发展改革委对本地落实规划纲要主要目标任务、重大工程项目情况进行全面评估,形成评估报告"]
