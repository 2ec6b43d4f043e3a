"""Several web pages or letters in one file: the next one starts at a page's own head after
running text (a headline under site chrome or over a publication line, a `原标题:` line, a 主送
with no title above it, a title cut off from the text above by a page's end, a flattened title
after a 落款); a 主送-like label or a heading inside one document does not split it."""

from nlp.split import split_documents

TEXT = "为切实做好校园安全工作,消除各类隐患,请各科室认真组织自查并及时整改。" * 4
FIRST = "某区开展校园安全大检查\n" + TEXT + "\n" + TEXT + "\n"
NEWS = "近日,某区应急管理局组织开展汛期安全检查,共排查隐患十二处,已全部整改到位。\n"


def _titles(text):
    return [d.title for d in split_documents(text)]


def test_headline_under_site_chrome():
    text = FIRST + "分享到:\n字体:大 中 小\n某区举行应急演练\n" + NEWS * 6
    assert _titles(text) == ["某区开展校园安全大检查", "某区举行应急演练"]
    # a related page's one-sentence summary under the chrome is not another page
    assert len(split_documents(FIRST + "分享到:\n字体:大 中 小\n某区举行应急演练\n" + NEWS)) == 1


def test_headline_over_a_publication_line():
    # another news page: its text is more than a one-sentence summary
    for pub in ("• 2024-06-18 09:30", "时间:2024-06-18 09:30 作者:佚名", "某某新闻网 2024-6-18"):
        assert _titles(FIRST + "某区举行应急演练\n" + pub + "\n" + NEWS * 6) == ["某区开展校园安全大检查", "某区举行应急演练"]


def test_related_news_summaries_do_not_split():
    # under an article, other pages' headlines over their dates and one-sentence summaries are chrome
    related = "某区举行应急演练\n2024-06-18\n" + NEWS + "某镇召开安全生产推进会\n2024-06-16\n" + NEWS
    assert len(split_documents(FIRST + related)) == 1
    assert len(split_documents(FIRST + "相关新闻\n" + "某区举行应急演练\n2024-06-18\n" + NEWS * 6)) == 1


def test_list_of_news_items_splits():
    # a page that is a list of short items, each headline over its date and a paragraph
    items = "".join(f"某区第{n}项工作动态\n2024-06-1{n}\n" + NEWS for n in range(1, 4))
    assert len(split_documents(items)) == 3


def test_dated_plan_heading_inside_a_summary_does_not_split():
    text = "某局2021年安全生产工作总结\n" + TEXT + "\n" + TEXT + "\n2022年工作计划\n" + TEXT + "\n"
    assert len(split_documents(text)) == 1


def test_heading_that_continues_the_numbering_does_not_split():
    text = ("某区2021年消防安全工作总结\n一、基本情况\n" + TEXT + "\n二、主要做法\n" + TEXT + "\n"
            + "某区消防安全隐患排查整治工作计划\n" + TEXT + "\n三、存在问题\n" + TEXT + "\n")
    assert len(split_documents(text)) == 1


def test_original_title_line():
    assert _titles(FIRST + "原标题:某区举行应急演练\n" + NEWS)[1] == "某区举行应急演练"


def test_salutation_opening_a_letter_without_a_title():
    text = FIRST + "各乡镇人民政府,区直各部门:\n现将《某区防汛工作方案》印发给你们,请认真贯彻执行。\n"
    docs = split_documents(text)
    assert [(d.title, d.doc_type) for d in docs][1] == ("某区防汛工作方案", "方案")


def test_label_with_a_colon_does_not_split():
    text = FIRST + "成员单位:\n区教育局、区卫生健康局、区应急管理局。\n"
    assert len(split_documents(text)) == 1


def test_title_cut_off_by_a_page_end():
    text = FIRST + "某区卫生健康局2024年上半年工作总结\n今年以来,我局认真落实各项工作部署,各项工作有序推进。\n"
    assert _titles(text)[1] == "某区卫生健康局2024年上半年工作总结"


def test_short_heading_with_a_genre_word_does_not_split():
    text = FIRST + "下步工作计划\n今年以来,我局认真落实各项工作部署,各项工作有序推进。\n"
    assert len(split_documents(text)) == 1


def test_flattened_title_after_a_signing_date():
    text = (FIRST + "某区教育局\n2024年6月1日\n"
            + "某区人民政府办公室关于做好防汛工作的通知 各乡镇人民政府,区直各部门:为做好今年防汛工作,现将有关事项通知如下。\n")
    assert _titles(text)[1] == "某区人民政府办公室关于做好防汛工作的通知"


def test_title_run_into_its_body_after_a_space():
    text = FIRST + "某区卫生健康局2024年上半年工作总结 今年以来,我局认真落实各项工作部署,各项工作有序推进。\n"
    assert _titles(text)[1] == "某区卫生健康局2024年上半年工作总结"


def test_enclosed_plan_run_into_its_body_does_not_split():
    text = ("关于印发某区防汛工作方案的通知\n各乡镇:\n现将《某区防汛工作方案》印发给你们,请认真贯彻执行。" + TEXT
            + "\n某区人民政府\n2024年6月1日\n某区防汛工作方案 为做好今年防汛工作,确保安全度汛,制定本方案。\n")
    assert len(split_documents(text)) == 1


def test_title_inside_a_flattened_line_of_page_chrome():
    text = ("当前位置:首页 >> 通知公告某市卫生健康委办公室关于开展世界卫生日宣传活动的通知发布时间:2024-03-27 来源:宣传处"
            "各区卫生健康局:为办好今年世界卫生日的宣传活动,特将有关安排通知如下。一、活动主题。人人享有健康。\n")
    assert _titles(text) == ["通知公告某市卫生健康委办公室关于开展世界卫生日宣传活动的通知"]


def test_number_and_title_flattened_under_the_banner_and_breadcrumb():
    text = ("您现在的位置:首页 > 正文:某某指导意见:某市卫生局文件某卫党发〔2010〕11号关于在全市卫生系统深入开展创先争优活动的指导意见"
            " 各区县卫生局,市直各医疗卫生单位:为深入开展创先争优活动,现提出如下意见。一、总体要求。坚持以人为本。\n")
    doc = split_documents(text)[0]
    assert (doc.title, doc.doc_type, doc.doc_number) == (
        "关于在全市卫生系统深入开展创先争优活动的指导意见", "指导意见", "某卫党发〔2010〕11号")


def test_own_number_run_together_with_the_page_metadata():
    from nlp.split_head import find_doc_number

    assert find_doc_number("浏览次数:1263某卫健〔2022〕27号区属各医疗卫生单位,各社区卫生服务中心:为做好") == "某卫健〔2022〕27号"
    assert find_doc_number("发布:某市卫生健康委某卫健发〔2023〕1号某市卫生健康委关于印发要点的通知") == "某卫健发〔2023〕1号"
    assert find_doc_number("某卫计委办发〔2015〕3号\n关于开展检查的通知") == "某卫计委办发〔2015〕3号"
    assert find_doc_number("根据某卫发〔2020〕1号关于开展检查的通知要求,各单位:") is None


def test_headline_under_a_breadcrumb_or_a_repeated_menu():
    assert _titles(FIRST + "频道:\n您的当前位置:首页>民生\n某区举行应急演练\n" + NEWS * 6)[1] == "某区举行应急演练"
    menu = "某某政府新闻局 官方微信\n某某政府新闻局 官方微信\n某某政府新闻局 新闻频道\n某某政府新闻局 新闻频道\n"
    assert _titles(FIRST + menu + "某区举行应急演练\n" + NEWS * 6)[1] == "某区举行应急演练"


def test_title_over_a_paragraph_after_a_page_end():
    text = FIRST + "立即了解\n某镇卫生院创建文明单位工作总结\n某镇卫生院是一所集预防、保健、医疗于一身的综合卫生院,现有职工八十人。\n"
    assert _titles(text)[1] == "某镇卫生院创建文明单位工作总结"


def test_a_cited_notice_in_the_first_sentence_is_not_the_title():
    text = ("某县中医院召开2024年行风建设动员会\n某县中医院\n"
            "为认真贯彻落实某卫办〔2024〕15号关于印发《某市卫生系统2024年行风建设实施方案》的通知及某卫纪〔2024〕3号文件精神,"
            "2024年3月5日,我院召开了行风建设动员会,全院中层干部参加了会议。\n会上,院长对活动作了部署。\n")
    assert _titles(text) == ["某县中医院召开2024年行风建设动员会"]


def test_a_number_a_sentence_passes_on_is_not_the_documents_own():
    from nlp.split_head import find_doc_number
    assert find_doc_number("会上,党委副书记传达了某卫办〔2024〕15号关于印发《某方案》的通知。\n") is None
    assert find_doc_number("为认真贯彻落实某卫办〔2024〕15号关于印发《某方案》的通知精神,我院召开会议。\n") is None
    assert find_doc_number("某卫办〔2024〕15号关于印发《某方案》的通知\n各科室:\n") == "某卫办〔2024〕15号"


def test_a_plan_handed_on_without_book_title_marks_stays_in_its_notice():
    text = ("某省卫生健康委关于印发2024年某省卫生健康工作要点的通知\n\n各市卫生健康委:\n\n"
            "现将2024年全省卫生健康工作要点印发给你们,请认真组织实施。\n\n某省卫生健康委\n\n2024年3月1日\n\n"
            "2024年全省卫生健康工作要点\n\n一、总体要求\n\n坚持以人民健康为中心,推进各项工作。\n\n二、重点任务\n\n加强基层医疗卫生服务。\n")
    assert _titles(text) == ["某省卫生健康委关于印发2024年某省卫生健康工作要点的通知"]


def test_a_spaced_number_label_in_a_metadata_table():
    from nlp.split_head import find_doc_number
    assert find_doc_number("发布机构: 某省卫生健康委 文  号: 某卫发〔2024〕10号\n\n某省关于开展检查的通知\n") == "某卫发〔2024〕10号"


def test_site_tags_are_not_part_of_a_title():
    from nlp.split import clean_title

    assert clean_title("【某某日报】某医院开展作风整顿") == "某医院开展作风整顿"
    assert clean_title("某局召开安全会议【消息】") == "某局召开安全会议"
    assert clean_title("某局召开安全会议 (某市劳工事务局)") == "某局召开安全会议"
    assert clean_title("某局长会见传媒谈话全文(只有中文)") == "某局长会见传媒谈话全文"
    assert clean_title("关于做好防汛工作的通知文号:某防〔2024〕3号") == "关于做好防汛工作的通知"
    # a series tag, a version or period note stays
    assert clean_title("【案件追踪 2-1】某院的自律问题") == "【案件追踪 2-1】某院的自律问题"
    assert clean_title("某县防火工作方案(试行)") == "某县防火工作方案(试行)"
    assert clean_title("某市三年行动计划(2023—2025年)") == "某市三年行动计划(2023—2025年)"


def test_title_wrapped_over_two_lines_is_joined():
    body = "为切实做好安全工作,现制定本方案。\n一、工作目标\n" + TEXT + "\n"
    assert _titles("某县卫生健康局关于开展\n安全生产大检查的实施方案\n" + body) == ["某县卫生健康局关于开展安全生产大检查的实施方案"]
    news = "某区卫生院召开医德医风\n专题教育动员大会\n" + NEWS * 3
    assert _titles(news) == ["某区卫生院召开医德医风专题教育动员大会"]


def test_a_subtitle_or_a_column_name_is_not_half_of_the_title():
    # the line under the headline repeats its words: a caption or a subtitle
    assert _titles("某区消防局开展防火安全排查\n开展防火安全排查及宣传\n" + NEWS * 3) == ["某区消防局开展防火安全排查"]
    # a column's name above a titled line that shares its opening
    text = "行政院会议\n行政院第3380次院会决议\n" + NEWS * 3
    assert _titles(text)[0] == "行政院第3380次院会决议"


def test_a_sharing_sites_numbered_notice_above_the_text_is_chrome():
    from nlp.pipeline import process_text

    notice = "温馨提示:\n1.本站文档均由用户上传,仅供学习交流使用\n2.如有侵权请联系网站客服删除\n"
    plan = "某县卫生院医德医风专项整治实施方案\n为做好整治工作,制定本方案。\n一、工作目标\n" + TEXT + "\n二、工作措施\n" + TEXT + "\n"
    docs = list(process_text(notice + plan))
    assert len(docs) == 1 and docs[0].title == "某县卫生院医德医风专项整治实施方案"
    assert [s.marker for s in docs[0].sections] == ["一、", "二、"]


def test_a_related_plan_after_the_page_end_is_no_document():
    related = "【打印本页】【关闭窗口】\n某区2021年安全生产月活动实施方案\n为切实做好今年安全生产月活动,结合我区实际,特制定本方案。\n"
    docs = split_documents(FIRST + related)
    assert len(docs) == 1 and docs[0].doc_type == "新闻"


def test_a_school_sites_notice_page():
    from nlp.normalize import normalize_text
    from nlp.pipeline import process_text

    page = ("校园公告\n\n上一则公告 下一则公告\n\n公告主旨 函转某市卫生局4月份防疫宣导资讯\n发布日期 2025 年 3 月 05 日\n"
            "公告类别 活动讯息\n公告内容\n一、依本府防灾教育宣导工作执行计划办理。\n二、请各校运用旨揭资讯进行宣导。\n")
    assert "下一则" not in normalize_text(page).text and "RSS" not in normalize_text("某县教育处 RSS订阅\n正文。").text
    doc = next(process_text(page))
    assert (doc.title, doc.doc_type) == ("函转某市卫生局4月份防疫宣导资讯", "公告")
    assert _titles("校园公告\n" + NEWS * 3) == [None]  # a site's section label is no title


def test_a_papers_digital_edition_masthead_is_no_title():
    page = "某某日报数字报\n\n2015年09月04星期五\n放大 缩小 默认\n\n某市要求受批评单位迅速整改\n\n发布时间:2015-09-04 09:36:25\n" + NEWS * 3
    assert _titles(page) == ["某市要求受批评单位迅速整改"]


def test_a_site_tag_or_a_photo_caption_alone_on_its_line_is_no_headline():
    for line in ("【某某政府新闻网】", "◎某港夜景", "▲院长(中)与贵宾合影。(图/某某)"):
        assert _titles(line + "\n" + NEWS * 3) == [None]


TEASER = "某署今日提醒市民保持警觉,预防社区感染。某中心现正调查一宗确诊个案,病人情况稳定........"


def test_a_listing_page_of_headlines_teasers_and_dates():
    page = "".join(f"{h} |\n{TEASER} |\n2011年0{k + 1}月1{k}日\n"
                   for k, h in enumerate(("某校学生误服药物", "市民应防范细菌感染", "流感病毒出现抗药性", "户外禁烟区下月扩大")))
    assert _titles(page) == ["某校学生误服药物", "市民应防范细菌感染", "流感病毒出现抗药性", "户外禁烟区下月扩大"]


def test_a_news_aggregators_headlines_with_source_and_date():
    items = [("评论:医院设施须勤检修 改善管理保安全", "某某日报"), ("某医院墙砖松脱 院方立即封闭维修", "Some TV HK"),
             ("某医院诊室天花板脱落 院方:凌晨听到响声", "某某时报")]
    page = "多事新闻\n\n" + "".join(
        (f"{h}\n\n" if k else "") + f"{h} {src} - 2023年3月{9 - k}日\n\n• {TEASER}\n" for k, (h, src) in enumerate(items))
    assert _titles(page) == [h for h, _ in items]


def test_a_stream_of_timestamped_items():
    item = "某市劳动局今(5/15)日表示,将持续推动劳资双方签订团体协约,并加强劳动检查,要求企业依法遵守工时规定。"
    page = "".join(f"2025-05-{15 - k:02d} 09:27\n第{k + 1}则消息:{item}业者应配合。\n" for k in range(4))
    assert len(split_documents(page)) == 4
    headed = "".join(f"某局发布第{k + 1}号消息 (某某事务局)\n2021-11-0{k + 1}\n{item}\n" for k in range(3))
    assert _titles(headed) == [f"某局发布第{k + 1}号消息" for k in range(3)]  # a headline above opens its item


def test_a_plan_handed_on_with_no_gei_stays_with_its_untitled_notice():
    # `印发你们` (no 给) hands the plan on as `印发给你们` does: notice and plan are one document
    text = ("某政办函〔2024〕7号\n各县(市、区)人民政府,市政府各部门:\n"
            "经市政府同意,现将《某市2024年防灾减灾重点工作方案》印发你们,请认真贯彻执行。\n某市人民政府办公室\n2024年3月1日\n"
            "某市2024年防灾减灾重点工作方案\n为做好全年防灾减灾工作,制定本方案。\n一、加强隐患排查\n"
            + TEXT + "\n二、提升应急能力\n" + TEXT + "\n")
    docs = split_documents(text)
    assert [(d.title, d.doc_number) for d in docs] == [("某市2024年防灾减灾重点工作方案", "某政办函〔2024〕7号")]


def test_a_metadata_table_flattened_with_spaces_is_no_title():
    from nlp.split_head import is_meta_line

    assert is_meta_line("发布机构 青禾县林业局 组配分类 工作总结")
    assert is_meta_line("有效性")
    assert not is_meta_line("发布机构改革工作的通知")
    text = ("当前位置:首页 > 政务公开 > 计划总结\n索 引 号 0000/2022-1 公开方式 主动公开\n"
            "发布日期 2024-01-15 发布机构 青禾县林业局\n组配分类 计划总结\n\n"
            "青禾县林业局2023年工作总结和2024年工作计划\n\n发布日期: 2024-01-15 访问次数:\n\n"
            "青禾县林业局2023年工作总结和2024年工作计划\n\n" + TEXT + "\n一、主要工作\n" + TEXT + "\n")
    from nlp.pipeline import process_text

    assert [d.title for d in process_text(text)] == ["青禾县林业局2023年工作总结和2024年工作计划"]


def test_a_tag_page_of_dated_items_is_one_document_per_item():
    from nlp.split import split_documents

    teaser = "青禾市卫生局今日表示,新入境措施生效后,所有来自相关地区的人士均须接受医学观察,目前情况稳定⋯"
    items = ["两名入境人士已接受隔离 卫生局:均有记录在案", "特别渡轮服务下月推出 每日两班",
             "本市患者全部康复出院 防控措施仍要维持"]
    text = "卫生局\n" + "".join(f"{t} 2020年06月{17 - k}日|文:某某采访组|https://example.org/?p={k}\n\n{teaser}\n\n"
                             for k, t in enumerate(items))
    docs = split_documents(text)
    assert [d.title for d in docs] == items


def test_a_listing_whose_headlines_run_into_their_dates_is_one_document_per_item():
    from nlp.split import split_documents

    items = ["青禾县暂停销售一批冷冻鱼片", "两地部分禽蛋暂停进口", "校园H7N9防控指引更新"]
    teasers = ["青禾县食品安全中心今日宣布,一批冷冻鱼片样本验出细菌超标,呼吁市民不要食用。\n该中心已通知业界停售…",
               "青禾县食品安全中心宣布,即日起暂停进口两个地区的部分禽蛋及其制品,以保障公众健康⋯",
               "青禾县卫生防护中心今日更新校园防控指引,提醒学校加强晨检和通风,家长留意子女健康状况⋯"]
    text = "".join(f"![]() {t}2021年03月{20 - k}日{teaser} |\n" for k, (t, teaser) in enumerate(zip(items, teasers)))
    assert [d.title for d in split_documents(text)] == items
    one = "某县召开安全生产会议2021年03月20日上午,某县召开全县安全生产工作会议,部署节前安全检查工作。\n"
    assert len(split_documents(one)) == 1  # (one such line is no listing)


def test_a_plans_stages_dated_in_brackets_are_no_listing_of_items():
    # a fragment of a plan: its stages' dates in brackets after their names are no listing's
    # `标题2015年04月02日teaser` items
    text = ("四、实施步骤\n(一)动员部署阶段(2011年9月26日至30日)。各级政府要制定具体实施方案,明确各阶段工作任务。\n"
            "(二)清剿火患阶段(2011年9月26日至2012年2月6日)。各地要动员全社会力量,对辖区所有单位进行全面排查。\n"
            "(三)总结验收阶段(2012年2月7日至2月29日)。各级政府要对本地工作情况进行总结验收。\n五、工作措施\n")
    assert len(split_documents(text)) == 1


def test_a_fragment_after_a_page_break_opens_at_a_part_and_has_no_genre():
    (doc,) = split_documents("|\n[接上页] 三、有关要求 (一)高度重视,加强领导。各级、各部门要充分认识大检查的重要意义,"
                             "亲自研究部署。 (二)明确责任,精心组织。各部门要根据本通知精神,制定具体方案。\n")
    assert (doc.title, doc.doc_type) == (None, None)


def test_a_title_with_no_genre_word_over_a_salutation_is_a_notice():
    text = ("党委保卫部:关于开展2023年春季消防安全风险隐患集中排查与整治工作\n\n校区各部门(院系):\n\n"
            "为进一步压实消防安全管理责任,全面排查风险、消除隐患,决定在全校区范围内开展集中排查与整治工作,具体安排如下:\n"
            "第一阶段:自查自纠阶段\n")
    assert [d.doc_type for d in split_documents(text)] == ["通知"]


def test_an_untitled_report_that_quotes_a_plan_is_news():
    text = ("近日,某市委办公厅、某市人民政府办公厅印发了《某市城镇化建设实施方案》,要求各区县结合实际认真抓好贯彻落实。\n"
            "《某市城镇化建设实施方案》全文如下。\n为深入贯彻落实有关部署,结合我市实际,制定本实施方案。\n一、总体要求\n")
    assert [(d.title, d.doc_type) for d in split_documents(text)] == [(None, "新闻")]


def test_a_sentence_naming_its_own_genre_is_no_title():
    text = ("某县防汛抢险应急预案\n1 总则\n1.1 编制目的\n" + TEXT + "\n1.2 编制依据\n依据《中华人民共和国水法》"
            "《中华人民共和国防洪法》《国家防汛抗旱应急预案》编制本预案。\n1.3 适用范围\n" + TEXT + "\n" + TEXT + "\n")
    assert len(split_documents(text)) == 1


def test_a_compilation_labelled_without_brackets_splits_at_its_pieces():
    text = ("乡镇创卫工作总结实用13篇\n\n乡镇创卫工作总结\n乡镇创卫工作总结篇1\n\n" + TEXT + "\n\n二、加强舆论宣传,营造良好氛围\n\n"
            "乡镇创卫工作总结篇2\n\n二、规范管理,健全爱卫组织机构\n\n" + TEXT + "\n")
    assert len(split_documents(text)) == 2


def test_a_work_report_to_the_congress_is_a_report_not_a_notice():
    text = ("各位代表:\n现在,我代表市人民政府,向大会报告工作,请予审议,并请市政协委员和其他列席的同志们提出意见。\n"
            "一、2024年工作回顾\n" + TEXT + "\n")
    assert [(d.title, d.doc_type) for d in split_documents(text)] == [(None, "报告")]


def test_an_untitled_handing_on_notice_under_a_metadata_table_takes_the_enclosed_title():
    text = ("索 引 号: | 11330683/2022-72755 | 主题分类: | 国民经济发展规划、计划 |\n"
            "发布机构: | 某市人民政府 | 公开日期: | 2022-04-06 11:31:01 |\n"
            "各乡(镇)人民政府、街道办事处,市政府各部门:\n现将《某市卫生事业发展“十二五”规划》印发给你们,请结合实际,认真组织实施。\n"
            "二○一一年十一月十九日\n某市卫生事业发展“十二五”规划\n" + TEXT + "\n")
    assert [(d.title, d.doc_type) for d in split_documents(text)] == [("某市卫生事业发展“十二五”规划", "规划")]


def test_a_compilations_first_piece_with_its_title_repeated_drops_the_head():
    text = ("HI,欢迎来到某期刊网,发表咨询:400-888-9411 订阅咨询:400-888-1571 证券代码(211862) 网站导航 期刊大全 论文范文\n"
            "领导医德医风工作总结集锦9篇\n时间:2022-04-26 02:23:35\n领导医德医风工作总结\n领导医德医风工作总结范文1\n"
            "一、领导班子重视,真抓实干。\n" + TEXT + "\n二、加强学习,提高廉政意识。\n" + TEXT + "\n")
    assert [d.title for d in split_documents(text)] == ["领导医德医风工作总结"]


def test_a_mastheads_short_lines_above_a_doubled_headline_are_no_document():
    text = ("某某市卫生健康委员会\n欢迎访问某某市卫生健康委员会网站\n今天是2021年6月18日 星期五\n通知公告\n"
            "• 索引号: 750687753/2023-00061\n• 发布机构:\n\n某市城镇燃气安全专项整治工作实施方案\n\n"
            "某市城镇燃气安全专项整治工作实施方案\n\n" + TEXT + "\n" + TEXT + "\n")
    assert [d.title for d in split_documents(text)] == ["某市城镇燃气安全专项整治工作实施方案"]
