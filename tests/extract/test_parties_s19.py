"""Party shapes met on the collected pages of session 19, in invented wording."""

from __future__ import annotations

from nlp.pipeline import process_text


def _parties(text: str) -> list[str]:
    return [m.text for d in process_text(text) for m in d.mentions if m.type == "party"]


def test_a_schools_short_name_is_a_unit():
    # 某县一中, 某市二中: a school called by its number
    assert "河阳一中" in _parties("9月1日,河阳一中组织开展开学前校园安全隐患排查。")
    assert not _parties("其中一中队开展排查。")


def test_a_unit_opening_a_purpose_clause_is_at_work():
    # 某乡为确保…, 某校为进一步…: the purpose first, then the unit's action
    assert "城东乡" in _parties("5月2日,城东乡为确保节日期间安全稳定,全面开展安全生产隐患排查。")
    assert "河阳一中" in _parties("河阳一中为进一步做好开学准备,由总务处牵头开展排查。")


def test_holders_speaking_on_or_thanking_are_at_work():
    # 某主任则说明, 某协调员续称, 某主任承认; a deputy who co-chairs
    found = _parties("某市医院政风室主任林美华则说明,本年度抽签依规定办理。")
    assert any("林美华" in p for p in found)
    assert any("周志远" in p for p in _parties("卫生局疾病预防部协调员周志远续称,当局会继续更新指引。"))
    assert any("何家明" in p for p in _parties("廉署防贪处首席主任何家明承认,有关计划存在风险。"))
    assert any("王志强" in p for p in _parties("活动由消防局局长王志强与消防局副局长陈建华共同主持。"))


def test_a_council_member_at_a_ceremony_is_a_guest():
    # 县议员某某 beside the heads at a ground-breaking: a guest, as dev gold leaves legislators out
    found = _parties("由县长王志强、消防局长李国华、县议员陈建华等人,举行动土仪式。")
    assert not [p for p in found if "陈建华" in p]


def test_a_clauses_but_a_hosts_之_or_a_bodys_act_is_no_part_of_a_name():
    from nlp.extract.parties_names import is_name

    assert not is_name("惟医管局") and not is_name("主办之市立医院")
    assert not is_name("教育部发布中小学") and not is_name("市住建局作为市燃气专委会")
    assert not is_name("卫生署控烟办公室展开跨部门")
    assert is_name("市政府信息发布中心")


def test_a_units_own_joint_list_gives_each_unit_a_role_with_one_unknown_name_among_them():
    # 某镇政府联合A、B、C…: the list follows the unit's own 联合; one name the lexicon does not end
    # like a unit (某供销联社) stands among many units
    found = _parties("3月5日,河口镇人民政府联合区住房和城乡建设局、应急管理局、市场监管所、消防大队、区供销联社、"
                     "河口派出所,对辖区燃气经营单位开展联合检查。")
    assert {"区住房和城乡建设局", "应急管理局", "区供销联社", "河口派出所"} <= set(found)


def test_a_list_of_mostly_unknown_names_is_no_list_of_units():
    from nlp.extract.parties_lists import unit_lists

    assert unit_lists("河口镇人民政府联合应急管理局、张家大院、李家小卖部、王家饭店,开展检查。") == []


def test_staff_who_refuse_or_return_a_gift_and_heads_who_convene_are_at_work():
    # 医德 news: 某主任拒收红包, 某医师分别拒收…, 护士长某某退还…; 某镇长召集…; 某领导会议强调
    found = _parties("外科周明亮主任拒收红包800元;内科医师孙立和护士赵小红分别拒收患者红包。")
    assert any("周明亮" in p for p in found) and any("孙立" in p for p in found)
    assert any("钱文斌" in p for p in _parties("护士长钱文斌退还了患者家属的红包。"))
    assert any("吴海涛" in p for p in _parties("吴海涛镇长召集各村支部书记召开专题会议。"))
    assert any("郑国庆" in p for p in _parties("分管领导郑国庆会议强调,要压实安全责任。"))


def test_a_post_before_a_word_names_no_one():
    # 三级医师查房: 查 is a family name, 查房 a word
    assert not [p for p in _parties("严格落实首诊负责、三级医师查房、疑难病例讨论等核心制度。") if "查房" in p]


def test_a_name_opening_with_经济_or_对外_keeps_its_first_character():
    # 经 (经研究) and 对 open clauses, but 经济发展局 and 对外联络处 are names
    assert "经济发展局" in _parties("经济发展局表示将加强工厂消防检查。")
    assert "县卫生局" in _parties("经过调查,县卫生局决定开展专项检查。")
    from nlp.extract.parties_model import candidates

    text = "经济发展局表示将加强检查。"
    assert (0, 5) in {(a, b) for a, b, _ in candidates(text)} and (1, 5) not in {(a, b) for a, b, _ in candidates(text)}


def test_leaders_listed_only_as_attending_a_meeting_are_no_parties():
    from nlp.extract.parties_persons import news_people

    names = [f.name for f in news_people("会议听取了筹备情况汇报。县领导周建国、孙丽华、钱立新参加会议。")]
    assert not {"周建国", "孙丽华", "钱立新"} & set(names)
    # …but leaders who take part in an inspection, or lead it, are at work
    names = [f.name for f in news_people("县长深入企业督导安全生产。县领导周建国、孙丽华参加活动。")]
    assert {"周建国", "孙丽华"} <= set(names)


def test_leaders_named_after_their_post_who_only_attend_are_no_parties():
    from nlp.extract.parties_subjects import post_holders

    names = [f.name for f in post_holders("县长主持会议,县领导周建国、孙丽华出席会议。")]
    assert not {"周建国", "孙丽华"} & set(names)
    names = [f.name for f in post_holders("县领导周建国、孙丽华出席并讲话。")]
    assert {"周建国", "孙丽华"} <= set(names)


def test_numbered_clauses_after_a_colon_open_with_their_marker_not_a_name():
    from nlp.extract.parties_labels import duty_clauses

    # a self-check's findings: (1)部分…;(2)个别科室…: 部 of 部分 ends no name
    found = duty_clauses("共排查出以下隐患:(1)部分消防设施损坏;(2)个别科室通道不畅;(3)部分人员意识淡薄。")
    assert [f.name for f in found] == []
    found = duty_clauses("压实职责:(1)应急局严管工业燃料;(2)市场监管局严控质量;(3)商务局负责督促。")
    assert [f.name for f in found] == ["应急局", "市场监管局", "商务局"]


def test_a_holder_and_party_一行_who_visit_are_at_work():
    assert any("孙建明" in p for p in _parties("1月18日上午,市卫健委孙建明副主任一行来到我院,就节前安全生产进行检查。"))


def test_a_division_of_labour_one_holder_a_line_names_each_holder():
    text = "常务副市长周建国:负责市人大、市政协等方面工作的落实。\n副市长孙丽华:负责抓好工业等方面工作的落实。\n秘书长钱立新:协助市长处理日常工作。"
    found = _parties(text)
    assert all(any(n in p for p in found) for n in ("周建国", "孙丽华", "钱立新"))
