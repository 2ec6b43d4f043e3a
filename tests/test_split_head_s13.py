"""Page headlines, session 13 (invented pages): a site's mobile edition and a paper's masthead run
twice are no headline, a blog theme's `Reading:` label is no part of it, a subtitle is never it."""

from nlp.split_head import head_title, headline_candidate, is_unit_name


def test_site_editions_and_doubled_mastheads_are_unit_names():
    assert is_unit_name("某某新闻网移动版") and is_unit_name("某某时报某某时报")
    assert not is_unit_name("某县召开安全生产会议某县召开安全生产会议")  # a doubled headline stays one


def test_the_headline_under_a_mobile_editions_masthead():
    from nlp.pipeline import process_text

    text = "\n".join(["• 某某新闻网移动版", "", "        某某新闻网移动版", "", "      全市人均预期寿命提高到79.1岁", "",
                     "      2024-06-08 11:28:00", "      来源:某某日报海外版", "      字号", "",
                     "        本报讯(记者某某)6月6日,市卫生健康委发布《2023年全市卫生健康事业发展统计公报》,"
                     "全市居民人均预期寿命由上年的78.6岁提高到79.1岁。"])
    assert next(iter(process_text(text))).title == "全市人均预期寿命提高到79.1岁"


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


def test_a_draft_put_out_for_comment_is_one_document_with_its_notice():
    from nlp.split import split_documents

    text = ("某市应急管理局关于对《某市“十四五”防灾减灾规划》征求意见的通知\n"
            "依据有关法律法规和上级部署,为推进全市防灾减灾救灾体系建设,提高综合应对能力,某市应急管理局组织有关单位"
            "起草了《某市“十四五”防灾减灾规划》,现予以公示,欢迎社会各界提出修改建议。公示时间为一个月。\n"
            "通信地址:某市某区光明西道109号603室。\n"
            "联系电话:0000-1234567\n"
            "某市“十四五”防灾减灾规划\n"
            "为统筹推进全市“十四五”时期防灾减灾事业发展,全面提升综合防灾减灾救灾能力,根据有关规划,制定本规划。\n"
            "一、发展基础\n“十三五”以来,全市防灾减灾体系不断完善,应急能力显著增强,各类灾害损失明显下降。"
            "各级各部门认真落实防灾减灾责任,建成一批避难场所,培养了一支专业救援队伍,群众防灾意识不断提高。\n"
            "二、主要目标\n到2025年,防灾减灾体制机制进一步健全,年均因灾直接经济损失占生产总值比例控制在1%以内。\n")
    docs = split_documents(text)
    assert len(docs) == 1


def test_a_fragment_opening_at_a_part_of_its_outline_keeps_that_heading():
    from nlp.pipeline import process_text

    text = ("四、时间安排\n全年安排三次集中检查,每次检查的日期由县应急局另行发文明确。\n"
            "五、督查分组\n县应急局对各乡镇人民政府进行综合检查。\n"
            "(一)煤矿安全督查组。由市应急管理局1名县级领导带队,2名专业人员参加。\n"
            "(二)道路交通安全督查组。由市公安局交警支队1名县级领导带队,2名专业人员参加。\n")
    doc = next(iter(process_text(text)))
    assert doc.text.startswith("四、时间安排")
    assert [s.marker.strip() for s in doc.sections][:2] == ["四、", "五、"]


def test_rules_are_a_genre_and_a_name_fields_label_is_no_part_of_the_title():
    from nlp.genres import genre_of
    from nlp.split import clean_title

    assert genre_of("某县人民政府工作规则") == "规则" and genre_of("某某委员会议事规则") == "规则"
    assert genre_of("某镇安全生产监督计划书") == "计划"
    assert clean_title("名称关于印发《某市创建卫生城市工作方案》的通知") == "关于印发《某市创建卫生城市工作方案》的通知"


def test_emoji_decorating_a_line_are_no_part_of_a_title_and_hide_no_sentence_end():
    from nlp.split import split_documents

    text = ("某县2024年政府工作报告📜\n各位代表,同志们,大家上午好!👋\n"
            "今天我们召开全县工作大会,一起盘点过去一年的成绩,部署新一年的任务。过去一年,全县干部群众团结奋斗,"
            "各项事业取得新进展。\n")
    assert split_documents(text)[0].title == "某县2024年政府工作报告"
    assert not headline_candidate("各位代表,同志们,大家上午好!👋")


def test_a_dash_run_inside_a_headline_and_a_view_count_byline():
    assert headline_candidate("杜绝请托关说---某机关请托关说登录作业要点讲习")
    assert not headline_candidate("政风室某某科员 05/04/2015 1546 点阅")


def test_a_headline_of_a_publication_is_news_and_a_bracketed_original_title_is_read():
    from nlp.pipeline import process_text

    text = ("某市政府公布公务接待开支指引\nMar 3rd 2020, 09:15\n"
            "某市政府近日更新公务接待管理办法,要求各部门严格控制接待标准,杜绝铺张浪费和超标准接待。\n"
            "新办法规定,工作餐人均标准不得超过规定上限,并做好登记备查。\n")
    assert next(iter(process_text(text))).doc_type == "新闻"
    notice = ("某市人民政府办公室印发某市乡镇安全生产管理工作规范的通知\n各乡镇人民政府:\n"
              "现将《某市乡镇安全生产管理工作规范》印发给你们,请认真贯彻执行。\n")
    assert next(iter(process_text(notice))).doc_type == "通知"
    lines = ["(原标题:《某县政府工作报告》图解三:2023年民生实事(一))", "过去一年,我县办好十件民生实事,群众获得感不断增强。"]
    assert head_title(lines)[0] == "《某县政府工作报告》图解三:2023年民生实事(一)"


def test_a_flattened_reposts_original_title_ends_at_the_space():
    line = ("原标题:某市二十余家养老机构因消防隐患被责令整改 私拉电线、疏散通道堵塞……记者从某市应急管理局了解到,"
            "本月开展的养老机构安全检查共发现各类问题三百余项。")
    assert head_title([line])[0] == "某市二十余家养老机构因消防隐患被责令整改"
