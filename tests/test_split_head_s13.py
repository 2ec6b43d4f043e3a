"""Page headlines, session 13 (invented pages): a site's mobile edition and a paper's masthead run
twice are no headline, a blog theme's `Reading:` label is no part of it, a subtitle is never it."""

from nlp.split_head import head_title, headline_candidate, is_unit_name


def test_site_editions_and_doubled_mastheads_are_unit_names():
    assert is_unit_name("某某新闻网移动版") and is_unit_name("某某时报某某时报")
    assert not is_unit_name("某县召开安全生产会议某县召开安全生产会议")  # a doubled headline stays one


def test_the_headline_under_a_mobile_editions_masthead():
    lines = ["• 某某新闻网移动版", "", "某某新闻网移动版", "", "全市人均预期寿命提高到79.1岁", "",
             "2024-06-08 11:28:00", "来源:某某日报", "", "本报讯 市卫生健康委近日发布统计公报,全市居民人均预期寿命再创新高。"]
    assert head_title(lines)[0] == "全市人均预期寿命提高到79.1岁"


def test_a_blog_themes_reading_label_is_dropped():
    lines = ["某某时报某某时报", "• 首页", "• 地方", "Reading: 某乡因应台风来袭预防性封路 乡长亲赴现场巡视", "Share",
             "某某时报某某时报", "某乡公所今日表示,因应台风来袭,已对山区道路实施预防性封路,并派员巡查各处边坡。"]
    assert head_title(lines)[0] == "某乡因应台风来袭预防性封路 乡长亲赴现场巡视"


def test_a_subtitle_is_no_headline():
    assert not headline_candidate("——认真组织全院职工观看廉政警示教育片")
    assert headline_candidate("某院组织职工观看廉政警示教育片")


def test_a_slogan_with_a_full_stop_above_the_articles_head_is_no_body():
    lines = ["弘扬法治精神 服务人民群众;推进依法行政 建设美丽家园。山水之城,欢迎您!", "信息搜索:", "",
             "机关工作", "", "某某州人民代表大会常务委员会机关会议管理办法", "", "来源:州人大", "更新日期:2024-01-12", "",
             "第一条 为规范机关会议管理,提高会议质量和效率,根据有关规定,结合工作实际,制定本办法。"]
    assert head_title(lines)[0] == "某某州人民代表大会常务委员会机关会议管理办法"


def test_a_first_paragraph_stays_the_body_when_no_article_head_follows():
    lines = ["某局召开安全生产会议", "", "近日,某局召开安全生产工作会议,传达上级会议精神,部署下一阶段工作。会议要求,各科室要压实责任。",
             "", "会议强调,要坚持问题导向,抓好隐患排查整治。", "", "来源:某局办公室"]
    assert head_title(lines)[0] == "某局召开安全生产会议"


def test_a_notices_attachment_line_over_its_date_opens_no_document():
    from nlp.split import split_documents

    text = ("各乡镇人民政府,县政府有关部门:\n"
            "县卫健局拟定的《某县基层卫生服务能力提升方案》已经县人民政府同意,现转发给你们,请认真贯彻执行。\n"
            "附件:某县基层卫生服务能力提升任务分工表\n2024年3月7日\n抄送:县委办、人大办、政协办\n"
            "某县基层卫生服务能力提升方案\n"
            "为提升基层卫生服务能力,根据上级有关文件精神,结合我县实际,特制定本方案。\n"
            "一、工作目标\n到2025年底,全县乡镇卫生院服务能力全部达到基本标准,村卫生室标准化建设全覆盖。"
            "二、主要任务\n加强人才队伍建设,完善设施设备配置,提升中医药服务能力。"
            "各乡镇卫生院要对照标准查找差距,制定整改清单,明确责任人和完成时限,确保各项任务按期完成。"
            "县卫健局要加强督导检查,定期通报进展情况,对工作不力的单位进行约谈。\n"
            "三、保障措施\n加大财政投入,落实人员编制,完善绩效考核办法,调动基层医务人员积极性。\n")
    assert len(split_documents(text)) == 1
