"""A site's masthead above a document (site name, greeting, date, menu, column name) is not its
title, and the title, 主送 or run-in title under it are still found."""

from nlp.split import split_documents
from nlp.split_head import head_title, is_unit_name

MASTHEAD = "某某市卫生健康委员会\n欢迎访问某某市卫生健康委员会网站\n今天是2021年6月18日 星期五\n通知公告\n"
BODY = "为加强校园消防安全管理,切实消除各类隐患,结合我校实际,制定本方案。\n一、工作目标\n全面排查隐患,做到整改到位。\n"


def test_a_unit_name_alone_is_no_headline():
    assert is_unit_name("某某市卫生健康委员会") and is_unit_name("某某新闻网")
    assert not is_unit_name("某某市卫生健康委员会召开安全生产会议")
    assert head_title(["某某市卫生健康委员会", "某区消防局巡查百余处工地", "某区消防局近日巡查辖区工地,发现隐患即时要求整改。"])[0] \
        == "某区消防局巡查百余处工地"


def test_title_run_into_the_body_under_a_masthead():
    doc = split_documents(MASTHEAD + "某校消防安全检查工作方案" + BODY)[0]
    assert (doc.title, doc.doc_type) == ("某校消防安全检查工作方案", "方案")


def test_handed_on_plan_under_a_masthead():
    text = MASTHEAD + "各科室:\n现将《某院安全生产检查实施方案》印发给你们,请认真执行。\n某院办公室\n2021年6月1日\n"
    assert split_documents(text)[0].title == "某院安全生产检查实施方案"


def test_short_menu_item_yields_to_the_full_headline():
    lines = ["某某公司", "免费服务热线", "热门搜索:", "某市卫生部门与各区签下年度责任书", "本报讯 近日,某市卫生部门与各区签订责任书,明确年度任务。"]
    assert head_title(lines)[0] == "某市卫生部门与各区签下年度责任书"


def test_title_broken_before_its_period_under_a_masthead():
    text = MASTHEAD + "关于印发某市公共卫生建设三年行动计划\n(2023—2025年)的通知\n各区人民政府:\n现将计划印发给你们,请认真贯彻执行。\n"
    doc = split_documents(text)[0]
    assert doc.doc_type == "通知" and doc.title.endswith("的通知")


def test_doc_number_forms():
    from nlp.split_head import find_doc_number

    assert find_doc_number("某县卫生局文件\nX卫健发〔2024〕8号\n关于开展检查的通知") == "X卫健发〔2024〕8号"
    assert find_doc_number("某卫发[20XX]8号\n关于开展检查的通知") == "某卫发[20XX]8号"
    assert find_doc_number("索引号:0001 发文机关:某局 文号:某卫发〔2024〕8号 发布日期:2024-01-01") == "某卫发〔2024〕8号"
    assert find_doc_number("某卫发〔2024〕8号          签发人:张三\n关于") == "某卫发〔2024〕8号"
    assert find_doc_number("某市人民政府公告\n第8号\n为了加强管理,现公告如下。") == "第8号"
    assert find_doc_number("根据第8号令,现将有关事项通知如下。") is None
    assert find_doc_number("现将某教综[2007]224号文转发给你们") is None


def test_doc_number_in_a_metadata_table_above_the_title():
    text = ("索引号:0001 文号:某卫发〔2024〕8号\n关于开展消防安全检查的通知\n各科室:\n"
            "为做好今年的消防安全工作,现将有关事项通知如下。\n一、检查范围\n全院各科室。\n")
    doc = split_documents(text)[0]
    assert doc.doc_number == "某卫发〔2024〕8号" and doc.doc_type == "通知"


def test_doc_number_in_flattened_text():
    from nlp.split_head import find_doc_number

    assert find_doc_number("某卫发〔2024〕8号关于开展检查的通知各单位:为做好") == "某卫发〔2024〕8号"
    assert find_doc_number("关于开展检查的通知(某卫发〔2024〕8号)各单位:为了") == "某卫发〔2024〕8号"
    assert find_doc_number("某某领导小组的通知某办发〔2013〕30号各县、区:为加强") == "某办发〔2013〕30号"
    assert find_doc_number("• 发布单位:某市人民政府• 发文字号:某府发〔2021〕7号全文") == "某府发〔2021〕7号"
    assert find_doc_number("根据市委关于加强管理的意见(某发〔2004〕9号)要求,现") is None
    assert find_doc_number("市委关于加强管理的意见某发〔2004〕9号要求各单位") is None
    assert find_doc_number("某卫发〔2024〕8号文件精神,各单位要") is None


def test_title_run_into_its_publication_date():
    text = MASTHEAD + "某县卫生健康委员会2019年工作总结2020-02-26 来源:办公室 2019年,我委坚持以人民健康为中心,扎实推进各项工作。"
    doc = split_documents(text)[0]
    assert (doc.title, doc.doc_type) == ("某县卫生健康委员会2019年工作总结", "工作总结")


def test_masthead_over_a_text_with_no_title_is_cut_and_a_bulleted_heading_is_not_masthead():
    from nlp.split import split_documents

    text = ("某某市卫生健康委员会\n欢迎访问本网\n今天是2021年6月18日 星期五\n"
            "▍壹、法规\n1. 某某事件处理要点\n2. 某某伦理规范\n各单位要严格执行上述规定,确保落实到位。\n")
    doc = split_documents(text)[0]
    assert text[doc.start:].startswith("▍壹、法规")


def test_a_piped_tables_number_label_with_its_colon_before_the_bar():
    from nlp.split_head import find_doc_number

    assert find_doc_number("文件编号: | 某府办发〔2025〕7号 | 组配分类: | 通知 |\n") == "某府办发〔2025〕7号"
    assert find_doc_number("文 号: | 某教发〔2024〕3号 | 主题: | 教育 |\n") == "某教发〔2024〕3号"
    assert find_doc_number("依据: | 某教发〔2024〕3号 | 主题: | 教育 |\n") is None


def test_a_number_in_small_brackets_over_its_signer_is_the_number_and_no_title():
    text = ("某办﹝2025﹞31号 签发人:王某\n各乡镇人民政府,区直各单位:\n"
            "按照区政府的要求,现将本月安全隐患排查情况通报如下。\n全区共排查隐患12处,均已整改。\n")
    (doc,) = split_documents(text)
    assert doc.doc_number == "某办﹝2025﹞31号" and doc.title is None


def test_a_taiwan_number_counts_under_its_label_only():
    from nlp.split_head import find_doc_number

    assert find_doc_number("发文日期: 民国114年3月2日\n发文字号: 府卫字第 1140033221 号\n主旨:…") == "府卫字第1140033221号"
    assert find_doc_number("一、依某部114年2月5日某秘字第1140011122号函办理。") is None
