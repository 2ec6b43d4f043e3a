"""Title fixes of session 21, found on collected pages (texts written for the test)."""
from nlp.pipeline import process_text
from nlp.settings import Settings


def _doc(text):
    (doc,) = process_text(text, settings=Settings(classify=False))
    return doc


def _title_and_type(text):
    doc = _doc(text)
    return doc.title, doc.doc_type


def test_title_under_a_contents_block():
    # a 范文 site prints the plan's outline (提纲:) above its title line
    text = ("提纲:\n一、巩固提升农业产业发展\n二、做好良种繁育工作\n三、年度重点项目\n"
            "1.续建项目:总投资X亿元的蔬菜产业园项目\n2.计划开工项目:总投资X亿元的庭院经济项目\n"
            "某区农业农村局2024年工作计划\n"
            "一、巩固提升农业产业发展。大力发展特色种植,全年新建高标准农田2万亩。\n"
            "二、做好良种繁育工作。建设良种繁育基地3个。\n")
    assert _title_and_type(text) == ("某区农业农村局2024年工作计划", "计划")


def test_title_run_into_its_body_past_a_template_label():
    text = ("某公路项目“安全生产月”活动方案范文根据省交通运输厅关于开展2024年“安全生产月”活动的有关要求,"
            "为切实加强安全生产宣传教育工作,现结合我项目实际,制定本方案。一、活动主题 人人讲安全、个个会应急。"
            "二、组织机构 成立活动领导小组,项目经理任组长。\n")
    assert _title_and_type(text) == ("某公路项目“安全生产月”活动方案", "方案")


def test_a_chapter_heading_under_the_title_is_no_keyword_tag():
    text = ("某公司安全生产奖励基金管理办法\n\n某公司安全生产奖励基金管理办法\n\n某公司安全生产奖励基金管理办法(讨论稿)\n\n第一章总则\n\n"
            "第一条为落实安全生产责任制,调动职工安全生产积极性,特制定本办法。\n\n第二条安全生产奖励基金额度设立为50万元。\n\n"
            "第二章奖励\n\n第三条对全年无事故的项目给予奖励。\n")
    assert ("第一章", "总则") in [(s.marker, s.heading) for s in _doc(text).sections]
