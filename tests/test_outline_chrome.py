"""Numbered site chrome is not an outline: a link list whose lines end with a date or a file
name, a run of short numbered lines after the 落款, or a list closing the text that no heading
or colon announces. A list under its heading, or announced by a colon, stays."""

from nlp.outline import parse_outline

BODY = "一、工作目标\n全面排查隐患,确保整改到位。\n二、工作要求\n各单位要高度重视,认真组织实施。\n"
LINKS = "1.某区组织开展夏季用电安全检查\n2.某镇召开年度工作推进会\n3.某局举办业务培训班\n主办:某某市某某局\n"


def _markers(text):
    return [s.marker for s in parse_outline(text)]


def test_dated_link_list_is_chrome():
    links = "1.某区组织开展用电安全检查 2021-06-10\n2.某镇召开推进会 2021-06-01\n3.附件下载.docx\n"
    assert _markers(BODY + links) == ["一、", "二、"]


def test_short_list_after_the_signing_date_is_chrome():
    assert _markers(BODY + "某县卫生局\n2021年6月1日\n" + LINKS) == ["一、", "二、"]


def test_unannounced_list_closing_the_text_is_chrome():
    assert _markers(BODY + LINKS) == ["一、", "二、"]


def test_list_under_a_heading_or_after_a_colon_stays():
    text = "一、工作目标\n全面排查隐患,确保整改到位。\n二、保障措施\n1.加强领导\n2.强化督查\n3.严格考核\n"
    assert _markers(text) == ["一、", "二、", "1.", "2.", "3."]
    text = "一、工作目标\n全面排查隐患,确保整改到位。\n二、工作要求\n具体要求如下:\n1.加强领导\n2.强化督查\n3.严格考核\n"
    assert _markers(text) == ["一、", "二、", "1.", "2.", "3."]


def test_closing_list_after_a_blank_line_is_chrome():
    assert _markers(BODY + "\n" + LINKS) == ["一、", "二、"]


def test_closing_list_restarting_the_numbering_of_the_line_above_is_chrome():
    text = "一、职责分工\n1.组长:全面负责专项工作的组织实施\n" + LINKS
    assert _markers(text) == ["一、", "1."]


def test_item_opening_with_a_year_is_an_item_in_its_run():
    text = "一、时间安排\n1.2023年5月前完成自查。\n2.2024年6月至9月,开展集中整治。\n3.2024年底前验收。\n"
    assert [(s.marker, s.heading) for s in parse_outline(text)][1:] == [
        ("1.", "2023年5月前完成自查"), ("2.", "2024年6月至9月,开展集中整治"), ("3.", "2024年底前验收")]
    assert _markers("全年完成投资1.2024年度计划的一半。\n") == []


def test_attached_document_flattened_onto_one_line_keeps_its_items():
    case = "某单位工作人员违规收受礼品问题。经查,该同志多次收受管理对象所送礼品,受到党内警告处分。"
    text = "各单位:\n请认真组织学习。附:上级纪委公开通报典型问题。具体如下:" + "".join(
        f"{n}.{case}" for n in (1, 2, 3)) + "某某单位" * 40 + "\n"
    assert _markers(text) == ["1.", "2.", "3."]
    listed = "附件:1.某某工作方案 2.某某责任分工表 3.某某进度表。" + "其他说明" * 80 + "\n"
    assert _markers(listed) == []


def test_a_sites_numbered_statement_whose_item_names_the_site_after_its_rights():
    from nlp.pipeline import process_text

    text = ("某区开展燃气安全检查\n近日,某区组织力量对辖区餐饮场所开展燃气安全检查,共检查商户56家。\n"
            "1、凡本网注明来源为某某在线的所有作品,版权均属于本网,未经授权不得转载。\n"
            "2、凡本网注明来源为其他媒体的作品,系转载自其它媒体,不代表本网观点。\n"
            "3、若对作品内容或版权有异议需要与本网沟通,请于10日内来函说明。\n")
    (doc,) = process_text(text)
    assert [s.marker for s in doc.sections] == []


def test_an_advert_label_between_paragraphs_is_no_heading():
    para = "某区卫生局近日召开会议,部署全区医疗机构安全检查工作,要求各单位认真排查隐患,确保整改到位。" * 2
    text = ("工作部署\n" + para + "\n广告 更多内容请继续往下阅读\n" + para + "\n检查安排\n" + para + "\n")
    heads = [s.heading for s in parse_outline(text)]
    assert "广告 更多内容请继续往下阅读" not in heads
