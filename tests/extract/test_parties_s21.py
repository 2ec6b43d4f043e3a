"""Party fixes of session 21, found on collected pages (texts written for the test)."""
from nlp.pipeline import process_text


def _parties(text):
    return [(m.value["name"], m.value["role"]) for d in process_text(text) for m in d.mentions if m.type == "party"]


def test_holders_listed_with_two_posts_each():
    # each holder of a news list has a post chain (党委副书记、校长); the verb follows the last one
    text = ("3月2日上午,市政协委员、学院院长张立新,督导专员、党委书记王建平,党委副书记、副院长孙丽萍"
            "来到实训中心调研,了解新学期教学准备情况。")
    found = _parties(text)
    assert ("张立新", "lead") in found
    assert ("王建平", "lead") in found


def test_holder_after_a_seat_and_post_chain():
    # 党委委员、副局长某某同志参与检查: the holder listed before him takes part too
    text = "4月8日,县交通运输局党委书记、局长赵文斌,党委委员、副局长钱伟同志参与检查,对三家客运站逐一查看。"
    found = _parties(text)
    assert ("赵文斌", "lead") in found
    assert ("钱伟", "responsible") in found


def test_holder_who_adopts_a_way_of_inspecting():
    text = "5月10日,省应急管理厅副厅长孙国华采取“四不两直”方式率队对辖区化工企业开展安全生产督查。"
    assert ("孙国华", "responsible") in _parties(text)


def test_issuer_line_under_a_title_the_page_prints_three_times():
    # a law database's page: headline, metadata, the title again, the issuer alone, the title once more
    title = "江川市人民政府关于印发江川市农贸市场管理办法的通知"
    text = (f"{title}\n\n作者:法规资料库 时间:2024-05-02 10:11:12   浏览:512   来源:法规资料库\n"
            f"下载地址: 点击此处下载\n\n{title}\n\n青海省江川市人民政府\n\n\n{title}\n\n\n"
            "各县、区人民政府,市直各部门:\n\n《江川市农贸市场管理办法》已经市人民政府常务会议通过,现印发给你们,"
            "请认真贯彻执行。\n\n\n二OO八年三月十日\n\n江川市农贸市场管理办法\n\n"
            "第一条 为加强农贸市场管理,维护市场秩序,制定本办法。\n")
    assert ("青海省江川市人民政府", "issuer") in _parties(text)


def test_addressee_line_that_lost_its_colon():
    text = ("某市某区人民政府办公室关于印发某区农村人居环境整治实施细则的通知\n\n"
            "各街道办事处,区级各部门,某某新区管委会\n\n"
            "《某区农村人居环境整治实施细则》已经区政府常务会审议通过,现印发你们,请认真遵照执行。\n\n"
            "某市某区人民政府办公室\n2021年3月2日\n")
    found = _parties(text)
    for name in ("各街道办事处", "区级各部门", "某某新区管委会"):
        assert (name, "recipient") in found


def test_author_line_under_a_report_title():
    text = ("2022年部门整体支出绩效评价报告\n\n某省某市某区城市管理和综合执法局\n\n"
            "根据区财政局统一部署,我局对2022年部门整体支出开展了绩效自评。现将有关情况报告如下:\n"
            "一、部门概况\n我局内设机构8个。\n")
    assert ("某省某市某区城市管理和综合执法局", "issuer") in _parties(text)


def test_bare_organs_under_a_title_name_no_author():
    text = ("乡镇半年工作总结\n\n镇党委、政府\n\n根据会议安排,下面将我镇上半年工作情况作一简要汇报。\n"
            "一、主要工作\n上半年,全镇经济运行平稳。\n")
    assert not [p for p in _parties(text) if p[1] == "issuer" and "党委" in p[0]]


def test_a_department_acting_this_week_in_a_press_release():
    text = "廉政公署本星期初(3月4日及5日)采取代号为「海鸥」的执法行动,拘捕12人,涉嫌在楼宇维修工程中串谋舞弊。"
    assert ("廉政公署", "responsible") in _parties(text)


def test_a_tasks_time_limit_after_its_responsible_units_closes_the_list():
    text = ("3.推行“一枚印章管审批”。(牵头单位:州行政审批服务局;责任单位:州司法局、州委编办及州直相关单位,"
            "各县市人民政府,6月底完成)\n4.优化工程建设项目审批。(牵头单位:州住建局;责任单位:州自然资源局,长期坚持)\n")
    found = _parties(text)
    for name in ("州司法局", "州委编办", "州直相关单位", "各县市人民政府", "州自然资源局"):
        assert (name, "responsible") in found


def test_a_contact_with_a_staff_title_before_the_name():
    text = ("为提升民众防火意识,本分队前往社区举办防火宣导。\n发布单位:北区分队\n联络人:队员 林志明\n联络电话:02-12345678\n")
    assert ("林志明", "contact") in _parties(text)


def test_a_speechs_speaker_on_the_byline_under_its_title():
    text = ("政府工作报告\n——2024年1月10日在某县第十八届人民代表大会第二次会议上\n某县人民政府县长 李文华\n各位代表:\n"
            "现在,我代表县人民政府向大会报告政府工作,请予审议。\n")
    assert ("李文华", "lead") in _parties(text)
    assert not [p for p in _parties("某某医院召开安全会议\n编辑 王丽\n近日,医院召开会议,部署安全工作。\n") if p[0] == "王丽"]


def test_a_work_report_is_issued_by_the_body_it_is_given_for():
    text = ("政府工作报告\n——2024年1月10日在某县第十八届人民代表大会第二次会议上\n某县人民政府县长 李文华\n各位代表:\n"
            "现在,我代表某县人民政府,向大会报告政府工作,请予审议。\n")
    found = _parties(text)
    assert ("某县人民政府", "issuer") in found
    assert ("政府", "issuer") not in found  # (政府工作报告 names no issuer)


def test_a_bodys_own_structure_lists_no_parties():
    text = ("2022年部门整体支出绩效评价报告\n一、基本情况\n1.机构设置\n"
            "内设股室:办公室、督查考核股、法制股、财务股、人事股。\n局下辖17个大队。\n"
            "二、绩效自评情况\n我局成立绩效自评工作领导小组,下设办公室,办公室设在财务股。\n")
    found = _parties(text)
    assert not [p for p in found if p[0] in ("内设股室", "督查考核股", "法制股", "人事股")]
    assert ("绩效自评工作领导小组", "lead") in found or ("领导小组", "lead") in found


def test_a_holder_who_reports_on_the_work_and_a_comrade_at_work():
    found = _parties("上午,某县政府副县长赵文明汇报了全县健康行动工作推进情况。")
    assert ("赵文明", "responsible") in found
    found = _parties("会上,孙立同志传达了区政府创卫调度会会议精神,并通报了近期暗访发现的问题。")
    assert ("孙立", "responsible") in found
    # the one reported to is no reporter: 向…副主任某某汇报工作后
    found = _parties("陈某与周某向负责联系的市委农办副主任钱明汇报工作后,在一酒行共进晚餐。")
    assert not [p for p in found if p[0] == "钱明"]


def test_a_span_opening_on_the_conjunction_after_a_name_drops_it():
    found = _parties("各党总支和支部书记分别汇报了各总支、支部教育实践活动开展情况。")
    assert not [p for p in found if p[0].startswith("和")]
    assert ("和平街道办事处", "responsible") in _parties("由和平街道办事处负责具体实施。")


def test_a_learned_span_over_a_joining_verb_is_cut_there():
    from nlp.extract.parties import Found, _verb_split

    parts = _verb_split(Found(0, 11, "沂水县泉庄镇组织安监办", "responsible"))
    assert [p.name for p in parts] == ["安监办"]  # (a bare town's name reads as no party)
    parts = _verb_split(Found(0, 12, "县卫生局会同县市场监管局", "responsible"))
    assert [(p.start, p.end, p.name) for p in parts] == [(0, 4, "县卫生局"), (6, 12, "县市场监管局")]
    assert [p.name for p in _verb_split(Found(0, 5, "县委组织部", "responsible"))] == ["县委组织部"]


def test_a_span_holding_a_copula_names_no_one():
    text = "特别是牵头单位(无牵头单位的,责任单位即为牵头单位,下同)要统筹相关责任单位制订办理方案。"
    assert not [p for p in _parties(text) if "即为" in p[0]]
