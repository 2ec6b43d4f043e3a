"""Titles found past a page's chrome: a labelled keyword list is not a headline; a title in
book-title marks on a line of its own above the 主送 is the notice's title."""

from nlp.split import split_documents
from nlp.split_head import head_title, headline_candidate


def test_keyword_list_is_not_a_headline():
    assert not headline_candidate("热门: 春运 寒潮 消费券")
    assert headline_candidate("聚焦民生:某市新建社区卫生服务站十二个")


def test_tags_line_above_the_headline():
    text = ("返回顶部\n热门: 春运 寒潮 消费券\n\n某区卫生院开展廉洁过节提醒\n\n"
            "【本报记者某某/某区报道】春节将至,某区卫生院召开廉洁过节提醒会,要求全体职工严守纪律,不收受礼品礼金。\n")
    (doc,) = split_documents(text)
    assert doc.title == "某区卫生院开展廉洁过节提醒"


def test_title_in_book_title_marks_above_the_salutation():
    text = ("《某市人民政府办公室关于印发〈某市2020年卫生工作要点〉的通知》\n某政办发〔2020〕5号\n"
            "各县区人民政府,市政府各部门:\n《某市2020年卫生工作要点》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
            "某市人民政府办公室\n2020年3月2日\n一、加强公共卫生体系建设\n各地要完善疾病预防控制体系。\n")
    doc = split_documents(text)[0]
    assert doc.title == "某市人民政府办公室关于印发〈某市2020年卫生工作要点〉的通知"
    assert doc.doc_type == "通知"


def test_recipients_ending_with_each_part():
    from nlp.split_head import is_salutation
    assert is_salutation("市政协各专门委员会、办公室,各县区政协:")
    assert not is_salutation("为此,各县区要做好以下工作:")
    assert not is_salutation("会议要求,各乡镇:")


def test_a_banner_above_the_headline_gives_way_to_the_line_the_story_repeats():
    from nlp.split_head import head_title

    lines = ["当前位置:首页 / 新闻 / 正文", "页面内容审核中,当前为预览效果,仅管理员可见", "",
             "青禾镇开展冬季森林防火巡查", "", "来源:青禾镇 作者:某某",
             "12月3日,青禾镇组织森林防火巡查队对辖区林区开展防火巡查,重点检查野外用火和宣传标语张贴情况。"]
    assert head_title(lines)[0] == "青禾镇开展冬季森林防火巡查"
    lines = ["某银行全币种信用卡优惠活动火热进行中", "青禾区消防局提醒清明祭扫莫留火种",
             "清明将至,青禾区消防局提醒市民祭扫时文明用火,离开前务必熄灭火种,以免引发山火。"]
    assert head_title(lines)[0] == "青禾区消防局提醒清明祭扫莫留火种"


def test_a_calendar_row_is_no_headline():
    from nlp.split_head import headline_candidate

    assert not headline_candidate("一 二 三 四 五 六 日")


def test_a_law_databases_fields_glued_to_their_values_are_no_title():
    from nlp.split import split_documents

    text = ("发文机关青禾省人民政府办公厅\n发文日期2001年03月05日\n时效性现行有效\n发文字号青政办发〔2001〕12号\n"
            "施行日期2001年03月05日\n效力级别地方规范性文件\n各市、县人民政府,省政府各部门:\n"
            "经省政府同意,现将有关事项通知如下:\n一、各地要做好春季防火工作。\n青禾省人民政府办公厅\n二〇〇一年三月五日\n")
    doc = split_documents(text)[0]
    assert doc.title is None and doc.doc_type == "通知" and doc.doc_number == "青政办发〔2001〕12号"


def test_a_disclosure_table_with_glued_fields_gives_the_title_without_its_label():
    from nlp.split import split_documents
    from nlp.split_head import METADATA_ROW

    assert METADATA_ROW.match("发文机关青禾县人民政府办公室 关  键  字")
    assert not METADATA_ROW.match("发布机构改革工作的通知")  # (a title that opens with the label's words)
    text = ("发文字号青政函〔2024〕3号 发布日期2024-02-09\n发文机关青禾县人民政府办公室 关  键  字\n"
            "标  题关于成立县森林防火指挥中心的通知\n\n青禾县人民政府\n\n关于成立县森林防火指挥中心的通知\n\n"
            "各乡(镇)人民政府,县直各有关单位:\n为做好森林防火工作,县政府决定成立县森林防火指挥中心,现将有关事项通知如下:\n"
            "一、组织机构\n指挥中心设在县应急管理局。\n")
    doc = split_documents(text)[0]
    assert doc.title.endswith("关于成立县森林防火指挥中心的通知") and "标" not in doc.title and "发文" not in doc.title


def test_a_spam_keyword_line_gives_way_to_a_headline_that_names_a_website():
    from nlp.split_head import head_title

    assert not headline_candidate("某某在线播放免费-某某最新-某某第一页-某某视频-某某在线观看")  # (spam keywords)
    assert headline_candidate("国务院通报今年政府网站检查情况:总体合格率九成")
    assert not headline_candidate("网站地图")
    lines = ["某某在线播放免费-某某最新-某某第一页-某某视频-某某在线观看", "", "首页 ? 新闻频道 ? 国内新闻", "",
             "国务院通报今年政府网站检查情况:总体合格率九成", "", "2020-12-16 15:47:05", "", "来源:某某新闻网", "",
             "本网12月16日电 国务院办公厅16日发布今年政府网站检查情况通报,通报称,全国政府网站总体合格率达九成。"]
    assert head_title(lines)[0] == "国务院通报今年政府网站检查情况:总体合格率九成"


def test_a_headline_of_a_meeting_is_no_unit_name():
    from nlp.split_head import is_unit_name

    assert is_unit_name("青禾县消防安全联席会议")  # (a body)
    assert not is_unit_name("开发区召开火灾防控工作暨第四季度消防安全联席会议")
    assert headline_candidate("开发区召开火灾防控工作暨第四季度消防安全联席会议")


def test_an_attachments_title_after_the_text_is_not_the_documents():
    text = ("青禾省应急管理厅办公室关于加强冬季作业安全管控的通知\n各市州应急管理局:\n"
            "现将某司《关于加强冬季作业安全管控的函》转发你们,请认真贯彻落实。\n一是及时传达通知精神。\n二是加强宣传培训。\n"
            "附件:某司关于加强冬季作业安全管控的函\n青禾省应急管理厅办公室\n2020年12月1日\n")
    doc = split_documents(text)[0]
    assert doc.title == "青禾省应急管理厅办公室关于加强冬季作业安全管控的通知" and doc.doc_type == "通知"


def test_a_sentence_that_says_guanyu_does_not_hide_the_official_title_below():
    text = ("节日安全通知\n\n对于特殊企业在节假日休假期间,也要注意安全,那么关于节日安全通知该如何编写,我们参考以下案例\n\n"
            "节日安全通知\n\n关于做好国庆期间安全生产工作的通知\n\n各乡镇,县直各单位:\n"
            "为确保国庆期间全县安全生产形势稳定,现就有关工作通知如下:\n一、加强组织领导\n各乡镇要切实做好安全工作。\n")
    assert split_documents(text)[0].title == "关于做好国庆期间安全生产工作的通知"


def test_a_title_in_brackets_before_the_text():
    text = ("【成立院感质量管理委员会的通知】为进一步加强医院感染管理,经研究决定,成立院感质量管理委员会。\n"
            "委员会负责统筹全院感染防控工作。\n请各科室积极配合。\n")
    doc = split_documents(text)[0]
    assert doc.title == "成立院感质量管理委员会的通知" and doc.doc_type == "通知"
    news = "【本报讯】某医院昨日召开院感工作会议,部署下半年工作。会议要求各科室落实责任。\n"
    assert split_documents(news)[0].title != "本报讯"


def test_a_law_databases_piped_row_gives_the_title_and_number():
    text = ("名称 | 关于转发某某总站《施工现场安全专项整治方案》的通知 | ||\n颁布单位 | 发文文号 | 建质安函[2006]99号 | |\n"
            "法规类型 | 109100 | 所属行业 | 104 |\n各省、自治区建设厅:\n为加强施工现场管理,现将《施工现场安全专项整治方案》转发给你们,供借鉴。\n"
            "某部某司\n二○○六年十月二十日\n")
    doc = split_documents(text)[0]
    assert doc.title == "关于转发某某总站《施工现场安全专项整治方案》的通知"
    assert doc.doc_number == "建质安函[2006]99号" and doc.doc_type == "通知"


def test_a_headline_with_a_short_label_before_a_colon():
    assert headline_candidate("消防:春节祭祖莫留火种")  # (Macau's press: the body's name, then the headline)
    assert not headline_candidate("作者:某某某")
    assert not headline_candidate("审核:青禾县办")


def test_a_search_box_a_phone_link_and_a_source_line_are_no_headlines():
    assert not headline_candidate("请输入关键字")
    assert not headline_candidate("安全生产电话")
    assert not headline_candidate("某某日报客户端某某频道,供稿:某某资讯 | 2022-09-10 21:36:06")
    assert headline_candidate("某县开通二十四小时安全生产举报电话服务热线")  # (a longer headline may name one)


def test_a_summary_title_run_into_its_first_sentence_that_opens_with_a_year():
    text = ("青禾市教育局2022年工作总结和2023年工作计划2022年,我局认真贯彻落实全市教育大会精神,有序推进各项重点工作。"
            "一、2022年工作总结(一)党的建设全面加强。\n")
    doc = split_documents(text)[0]
    assert doc.title == "青禾市教育局2022年工作总结和2023年工作计划" and doc.doc_type == "计划"


def test_a_sites_version_links_are_no_headlines():
    assert not headline_candidate("长辈版 长辈版") and not headline_candidate("无障碍浏览")


def test_a_headline_joined_to_page_keywords_by_an_underscore():
    lines = ["某市防疫领导小组组长_某市成立流行性感冒的防控工作领导小组", "",
             "为做好流感防控工作,今天,我市成立了以市长为组长的流感防控工作领导小组,统筹全市防控。"]
    assert head_title(lines) == ("某市成立流行性感冒的防控工作领导小组", 0)


def test_a_long_headline_with_a_menu_word_and_a_print_button():
    lines = ["跳到主要内容", "政风公告栏", "落实请托关说登录作业,以建立透明化之廉能政府 列印", "资料更新时间:113-03-21",
             "一、依据行政院及所属机关请托关说登录查察作业要点办理,各单位应于三日内登录。"]
    assert head_title(lines) == ("落实请托关说登录作业,以建立透明化之廉能政府", 2)


def test_a_short_menu_line_is_still_no_headline():
    from nlp.split_head import headline_candidate

    assert not headline_candidate("用户登录 免费注册")


def test_a_headline_on_a_group_set_up_is_no_units_name():
    from nlp.split_head import is_unit_name

    assert not is_unit_name("某市成立流感防控工作领导小组")
    assert is_unit_name("某市流感防控工作领导小组")


def test_a_number_closing_the_headline_after_its_genre_word_is_its_own():
    from nlp.split_head import find_doc_number

    assert find_doc_number("转发市府办关于开展消防宣传月活动的通知某府建通[2009]121号\n浏览次数:10389") == "某府建通[2009]121号"
    assert find_doc_number("某省人民政府办公厅《关于印发某省消防安全责任制实施办法的通知》某办发〔2019〕71号\n来源:") == "某办发〔2019〕71号"
    assert find_doc_number("各单位:\n根据省卫生厅的通知某卫发〔2019〕7号\n现将有关事项通知如下") is None


def test_a_headline_below_a_long_menu():
    menu = ["即时新闻", "本地", "大中华", "国际", "财经", "体育", "新闻专题", "新闻节目", "视像新闻直播"] + [str(k) for k in range(1, 32)]
    lines = menu + ["主页", "消防处巡查约七百幢旧楼发出五千张火警危险通知书", "2024-08-01 HKT 18:35",
                    "消防处过去三个月主动巡查约七百幢旧式商住楼宇,发出超过五千张通知书,当中近七成涉及防烟门。"]
    assert head_title(lines) == ("消防处巡查约七百幢旧楼发出五千张火警危险通知书", len(menu) + 1)


def test_a_news_report_quoting_a_notice_whole_keeps_its_headline():
    # a repost: the headline, then `原标题:` and a dateline run into the report, which quotes the
    # notice whole (`全文如下:`): the page is the news report, titled by its headline
    text = ("某省成立春季防火指挥部 某某任总指挥\n"
            "原标题:某省成立春季防火指挥部 某某任总指挥某某网3月2日电 据某省政府网消息,某省人民政府办公厅"
            "印发关于成立春季防火指挥部的通知,由副省长某某任总指挥。全文如下:某省人民政府办公厅关于成立"
            "春季防火指挥部的通知各市、州人民政府,省政府各部门:为加强春季防火工作的领导,省政府决定成立"
            "春季防火指挥部。现将有关事项通知如下:一、主要职责负责统筹全省春季防火工作。\n")
    (doc,) = split_documents(text)
    assert doc.title == "某省成立春季防火指挥部 某某任总指挥"
    assert doc.doc_type == "新闻"


def test_the_quoted_notices_recipients_run_into_its_title():
    from nlp.extract.parties_structure import recipients

    text = ("某省成立春季防火指挥部\n某某网3月2日电 据某省政府网消息,某省人民政府办公厅印发通知。"
            "全文如下:某省人民政府办公厅关于成立春季防火指挥部的通知各市、州人民政府,省政府各部门:"
            "为加强春季防火工作的领导,省政府决定成立春季防火指挥部。\n")
    names = [f.name for f in recipients(text, len("某省成立春季防火指挥部"))]
    assert names == ["各市、州人民政府", "省政府各部门"]


def test_a_headline_naming_a_genre_over_a_dateline_is_news():
    text = ("节日将至,多地纪委监委集中通报\n\n某某网 北京9月3日电(记者 某某)节日临近,日前,多地纪委公开通报"
            "违规吃喝、违规收送礼品礼金等典型问题,要求各级党员干部严守纪律。\n")
    (doc,) = split_documents(text)
    assert doc.doc_type == "新闻"


def test_a_printing_notices_title_cut_before_its_closing_words_is_still_a_notice():
    text = ("某市人民政府办公室关于印发某市冬季防火工作方案\n某政办发〔2021〕7号\n各县区人民政府,市政府各部门:\n"
            "《某市冬季防火工作方案》已经市人民政府同意,现印发给你们,请认真组织实施。\n")
    (doc,) = split_documents(text)
    assert doc.doc_type == "通知"


def test_an_untitled_printing_notice_with_its_recipients_run_into_the_text_is_the_enclosed_document():
    text = ("各县区人民政府,市政府各部门: 《某市扶持小微企业工作意见》已经市人民政府同意,现印发给你们,请认真贯彻执行。\n"
            "二○一○年三月二日\n某市扶持小微企业工作意见\n为支持小微企业发展,结合我市实际,提出如下意见。\n")
    (doc,) = split_documents(text)
    assert doc.title == "某市扶持小微企业工作意见"
    assert doc.doc_type == "意见"


def test_a_sites_column_and_the_publishing_unit_with_its_level_are_no_headlines():
    text = ("某区基层政务公开\n某区某某街道办事处 乡级\n2024-03-05 2024-03-05\n某某街道:开展燃气隐患排查 守护居民安全\n\n"
            "为保障辖区居民生命财产安全,某某街道近日组织网格员对辖区餐饮店开展燃气隐患排查。\n")
    (doc,) = split_documents(text)
    assert doc.title == "某某街道:开展燃气隐患排查 守护居民安全"


def test_a_compilations_pieces_are_documents_and_its_head_is_nobodys():
    text = ("首页>方案>防汛工作方案(模板8篇)\n\n防汛工作方案(模板8篇)\n\n作者:某某\n\n"
            "方案要写得具体可行。以下是几篇防汛工作方案,供大家参考。\n\n某某村汛期安全工作方案\n\n"
            "为做好今年汛期安全工作,确保群众生命财产安全,特制定本方案。\n\n1、成立防汛工作小组。\n\n"
            "2、开展隐患排查。\n\n社区防汛应急工作方案\n\n为提高社区防汛应急能力,结合社区实际,制定本方案。\n")
    docs = split_documents(text)
    assert [d.title for d in docs] == ["某某村汛期安全工作方案", "社区防汛应急工作方案"]
    assert [d.doc_type for d in docs] == ["方案", "方案"]


def test_a_compilations_numbered_piece_has_no_title_of_its_own():
    text = ("防火通知范文集锦\n防火通知范文集锦(通用20篇)\n防火通知范文集锦 篇1\n各施工单位:\n"
            "根据县住建局的部署,我站计划近期对在建工地开展消防检查。现将有关要求通知如下:\n一、检查内容\n")
    (doc,) = split_documents(text)
    assert doc.title is None
    assert doc.doc_type == "通知"


def test_a_compilations_piece_named_before_its_number_is_titled_by_that_name():
    """`消防通知 篇1` under the compilation's head `关于消防通知锦集8篇`: the piece's own name, its number
    dropped, is its title (a piece labelled with the compilation's name, `某某范文集锦 篇1`, has none)."""
    text = ("关于消防通知锦集8篇\n消防通知 篇1\n各中小学:\n根据县教育局的部署,我局决定开展消防安全知识竞赛。现将有关事项通知如下:\n"
            "一、活动主题\n学消防知识、创平安校园。\n")
    assert _title_and_type(text) == ("消防通知", "通知")


def test_a_sample_pages_first_piece_under_the_sites_blurb_opens_the_document():
    text = ("医保基金是群众的看病钱,守好它是各级医保部门的责任。下面是为大家整理的专项整治方案,供参考。\n"
            "某市打击欺诈骗保专项整治行动方案 篇1\n为加强医保基金监管,制定本方案。\n一、工作目标\n"
            "严厉打击欺诈骗保行为,确保基金安全。\n")
    (doc,) = split_documents(text)
    assert doc.title == "某市打击欺诈骗保专项整治行动方案" and doc.doc_type == "方案"
    assert text[doc.start:].startswith("某市打击")


def test_a_compilation_items_ordinal_is_no_part_of_its_title():
    from nlp.split import clean_title

    assert clean_title("第一篇:医院感染预防与控制措施") == "医院感染预防与控制措施"
    assert clean_title("篇二:某镇安全生产工作计划") == "某镇安全生产工作计划"
    assert clean_title("第三篇") == "第三篇"  # nothing left to be a title: kept as it is


def test_a_compilations_piece_number_after_its_title_is_not_the_titles():
    text = ("某镇2024年工作计划篇1\n一、工作思路\n坚持稳中求进,统筹发展和安全,全面完成全年各项目标任务。\n"
            "二、主要任务\n抓好项目建设,全年新建道路5公里。\n")
    (doc,) = split_documents(text)
    assert doc.title == "某镇2024年工作计划"
    assert doc.doc_type == "计划"


def test_genres_an_untitled_text_declares_with_words_between():
    from nlp.genres import declared_genre

    assert declared_genre("为加强校园安全管理,特制定本学校安全隐患排查报告制度。") == "制度"
    assert declared_genre("现将主要内容解读如下:") == "政策解读"
    assert declared_genre("制定本地区的防汛工作,要求如下") is None


def test_a_sample_text_sites_summary_quoting_the_title_is_no_document_of_its_own():
    title = "某区卫生健康局局长在全区医疗机构第三季度安全工作推进会议上的讲话"
    body = ("眼下已经到了九月,全年任务进入攻坚阶段。上半年,全区医疗机构围绕保平安、防风险的中心工作,"
            "共开展安全检查三百余次,整改各类问题两千余项,医疗纠纷起数同比减少11.2%,没有发生重大安全事件。"
            "同时也必须看到,一些问题仍然比较突出:个别医院消防通道长期堵塞,值班制度执行不严;有的单位应急药品"
            "储备不足,演练流于形式;少数科室对隐患整改敷衍了事。秋冬季用电用气增多,火灾风险随之上升,"
            "各单位务必高度警惕,逐项对照检查,明确整改责任人和整改期限,确保年底前全部整改到位,"
            "坚决守住不发生重大安全事件的底线。")
    text = (title + "\n\n某某 分享 时间:\n\n本文介绍医疗机构安全工作的要点,要求各单位压实责任,加强隐患排查,完善应急处置,"
            "做好值班值守和信息报送,及时消除各类风险隐患,维护患者和职工的生命安全。下面由网友为您整理分享的“" + title
            + "”相关资料,供您参考学习。\n\n\n"
            + title + "\n\n同志们:\n\n" + body + "\n")
    (doc,) = split_documents(text)
    assert doc.title == title
    assert doc.doc_type == "讲话"

def test_a_ticker_of_dated_headlines_above_the_story_is_no_title_and_no_document():
    ticker = "".join(f"2026/03/1{k}\n{h}\n" for k, h in enumerate(
        ["主持交通安全会议 院长:全力改善交通环境 达成道路交通事故零死亡目标", "某市数字产业博览会下周开幕 集中展示城市治理解决方案",
         "旅客旅游动向转变 带动地区观光产业转型", "农业部长率团访问日本花市 兰花备受消费者肯定"]))
    text = ("某某新闻网\n地方新闻\n综合新闻\n快讯\n" + ticker + "最新消息\n2025/05/28\n装好住宅警报器 预防才是王道!\n"
            "记者某某/花莲报导\n某乡于本月发生一起住宅火警,隔壁邻居听到警报器鸣响后前往查看,及时关闭炉火,成功阻止了一场憾事的发生。"
            "火灾发生数日后,消防分队长率领宣导队员前往起火户家中进行灾后访视,宣导住宅用火灾警报器的重要性。\n")
    (doc,) = split_documents(text)
    assert doc.title == "装好住宅警报器 预防才是王道!"


def test_a_sites_slogan_of_parallel_phrases_is_no_title_run_into_the_text():
    text = ("宣传某某制度 交流某某经验;推进民主法制建设 构建和谐文明某州。地震之后,某州依然美丽!\n信息搜索:\n\n"
            "某州人大常委会机关公文处理办法\n第一条 为规范本机关公文处理工作,提高公文处理质量,制定本办法。\n")
    (doc,) = split_documents(text)
    assert doc.title != "宣传某某制度"


def test_a_decimal_outlines_bare_number_with_a_space_is_no_title():
    body = "为了做好防汛抗灾工作,保障人民群众生命财产安全,结合本镇实际,制定本预案。" * 3
    text = ("某镇2024年防汛应急预案\n1 总则\n1.1 编制目的\n" + body + "\n1.2 工作原则\n" + body + "\n"
            "2 组织指挥体系及职责\n2.1 镇防汛抗旱指挥部\n" + body + "\n")
    (doc,) = split_documents(text)
    assert doc.title == "某镇2024年防汛应急预案"


def test_a_document_sharing_sites_numbered_notice_opens_no_document():
    body = "为做好疾病预防控制工作,中心全年开展各类培训和督导,确保各项任务按期完成,群众满意度稳步提高。" * 3
    text = ("某县疾病预防控制中心工作总结\n• 格式:docx\n• 大小:18.2 KB\n下载文档原格式\n"
            "1. 1、下载文档前请先核对内容是否齐全,本平台只提供文档存储服务,不对内容的完整性和准确性作任何保证。\n"
            "2. 2、部分文档仅部分预览,如需阅读全文请在下载后查看,预览不完整的文档可申请退款处理。\n"
            "3. 3、如有侵犯您的权益之处,请联系客服处理,我们将在核实后及时删除相关内容并向您反馈。\n"
            "某县疾病预防控制中心工作总结\n" + body + "\n一、主要工作情况\n" + body + "\n")
    docs = split_documents(text)
    assert len(docs) == 1

def test_a_browser_download_banner_is_no_headline():
    from nlp.split_head import headline_candidate

    assert not headline_candidate("请至Edge官网下载 请至FireFox官网下载 请至Google官网下载")


def test_an_untitled_printing_notice_that_opens_with_the_enclosed_documents_name():
    text = ("《某县老旧小区燃气安全隐患整治实施方案》业经县政府研究同意,现印发给你们,请结合实际认真落实。\n"
            "某县人民政府办公室\n2025年3月6日\n某县老旧小区燃气安全隐患整治\n实施方案\n"
            "为彻底排查老旧小区燃气使用中的各类隐患,按照县委、县政府的统一部署,特制定本方案。\n")
    (doc,) = split_documents(text)
    assert doc.title == "某县老旧小区燃气安全隐患整治实施方案"

def test_a_sharing_pages_number_alone_above_the_title():
    text = ("1、\n机关办公用房和会议室使用管理制度\n为规范机关办公秩序,节约行政开支,经局务会研究,"
            "现就机关办公用房和会议室使用有关事项规定如下:\n一、适用对象:局机关全体人员。\n")
    (doc,) = split_documents(text)
    assert doc.title == "机关办公用房和会议室使用管理制度"
    assert doc.doc_type == "制度"

def test_a_sharing_pages_first_page_number_run_into_the_title_and_text():
    from nlp.pipeline import process_text

    text = ("《某县2023年医疗行业作风建设实施方案 (3份).docx》由会员分享,可在线阅读,更多相关《某县2023年医疗行业作风建设"
            "实施方案 (3份).docx(19页珍藏版)》请在某某文档上搜索。\n"
            "1、某县2023年医疗行业作风廉政建设专项治理方案为深入学习贯彻卫生健康工作的系列重要指示精神,"
            "持续改进医疗服务和行业作风,根据上级部署,现就在本县开展专项治理工作制定如下方案。一、总体要求\n")
    (doc,) = process_text(text)
    assert doc.title == "某县2023年医疗行业作风廉政建设专项治理方案"


def test_a_news_crosshead_ending_in_a_passive_genre_verb_opens_no_document():
    """`…则因违规操办儿子婚宴被通报` over the same words as its paragraph's first sentence: 通报 after 被
    is the sentence's verb, not the genre of a title, so the crosshead and its repeat open no document."""
    text = ("2月12日,省纪委通报了今年以来查处的3起违规操办婚丧喜庆事宜典型问题。\n"
            "某县卫生局原副局长甲某在操办其父亲丧事过程中,违规收受礼金共计4万元,受到党内警告处分。\n"
            "某县政协副主席乙某则因违规操办儿子婚宴被通报\n"
            "某县政协副主席乙某则因违规操办儿子婚宴被通报。\n"
            "去年12月,乙某在县城置办宴席共40桌,违规收受礼金共计3万元,受到党内严重警告处分。\n")
    assert len(split_documents(text)) == 1


def test_a_photo_caption_naming_a_speaker_opens_no_document():
    """`某厅党组书记、厅长某某讲话` under a news photo: 讲话 after a post and a name is the caption's verb;
    a speech's own title (`在…会议上的讲话`) is still a title line."""
    from nlp.split import _is_title_line

    text = ("某省全面排查燃气安全隐患\n会议现场\n冬末春初,燃气使用不当极易引发事故。1月27日,某省住建厅召开紧急会议,部署燃气安全隐患排查工作。"
            "会议通报了近期燃气事故情况,分析了当前形势。\n某省住房城乡建设厅党组书记、厅长王某明讲话\n"
            "会议要求,各地燃气主管部门要迅速组织入户排查,确保不留死角。\n")
    assert len(split_documents(text)) == 1
    assert _is_title_line("在全县安全生产工作会议上的讲话") and not _is_title_line("县长王某明致辞")


def test_a_headlines_second_half_after_a_space_is_no_body():
    """`某某推广计划 为区内700名住户提供防火资讯`: the half after the space opens like a body (为…) but
    holds no clause, so the whole line is a news headline (新闻), not a 计划 run into its text."""
    text = ("某区旧楼防火安全推广计划 为区内700名住户提供防火资讯\n\n"
            "某区社团联会响应民政事务处呼吁,于12月至2月期间开展推广计划,为区内700户住户提供家居防火资讯。\n")
    assert _title_and_type(text) == ("某区旧楼防火安全推广计划 为区内700名住户提供防火资讯", "新闻")
    run_on = "某县安全生产工作方案 为认真贯彻落实上级部署,结合我县实际,制定本方案。\n一、工作目标\n消除隐患。\n"
    assert split_documents(run_on)[0].title == "某县安全生产工作方案"


def test_an_untitled_request_closing_on_its_formula_is_a_request():
    """No title line: the genre the text gives itself, here by its closing formula (`特此请示。`)."""
    text = ("为加强某项工作的组织协调,现拟成立专项工作领导小组。具体情况如下:\n一、领导小组组成\n"
            "组长由分管领导担任,副组长由相关部门负责人担任。\n以上请示如无不妥,请予批准。\n特此请示。\n"
            "(单位名称)\n2025年4月5日\n")
    assert _title_and_type(text) == (None, "请示")


def test_a_notice_handing_on_several_documents_is_titled_by_none_of_them():
    """`现将《甲》《乙》《丙》印发给你们` under a 主送 and no notice title: no one enclosed document is the
    notice's, so it has no title and is a 通知 (one enclosed document would give its title)."""
    from nlp.genres import enclosed_title

    text = ("县直各有关单位,各乡镇人民政府:\n经县政府同意,现将《2025年重点工作任务分解》《2025年民生实事任务分解》"
            "《县政府重点工作任务分解》印发给你们。请各单位认真对照,抓好落实。\n一、责任到人,闭环管理。\n")
    assert _title_and_type(text) == (None, "通知")
    assert enclosed_title(None, "各单位:\n现将《某县防火工作方案》印发给你们,请认真贯彻执行。") == "某县防火工作方案"


def test_a_page_opening_on_handing_a_plan_on_is_titled_by_the_plan():
    """No notice title and no 主送: `经县政府同意,现将《X》印发给你们` opening the text makes X the title."""
    text = ("- 索 引 号:SM0000-2018-00010\n- 发布机构:县政府办\n"
            "经县政府同意,现将《某县防洪防台风应急预案(修订)》印发给你们,请认真贯彻执行。\n"
            "某县人民政府办公室\n2018年3月16日\n某县防洪防台风应急预案\n1总则\n为做好防洪防台风工作,制定本预案。\n")
    assert _title_and_type(text) == ("某县防洪防台风应急预案(修订)", "应急预案")


def test_lists_reminders_and_decisions_are_genres():
    from nlp.genres import genre_of

    assert genre_of("局党组领导班子作风问题查找清单") == "清单"
    assert genre_of("关于清明节期间文明祭祀防止森林火灾的温馨提示") == "温馨提示"
    assert genre_of("公务员惩戒委员会议决书") == "议决书" and genre_of("某市政府诉愿决定书") == "诉愿决定书"


def test_an_original_title_line_labelled_yuanti_is_the_title():
    """`原题:…` (as `原标题:…`) over a repost's text names its title; the line is no masthead."""
    text = ("原题:某省人均预期寿命高出全国1.7岁\n"
            "省政府工作报告在回顾五年工作时指出,某省人均预期寿命超过80岁,较全国平均水平高出1.7岁。\n")
    assert _title_and_type(text) == ("某省人均预期寿命高出全国1.7岁", "新闻")



def test_a_compilations_piece_numbered_right_after_its_genre_word_is_titled_without_the_number():
    """`某院消防应急预案1` under the compilation's head `某院消防应急预案(精选5篇)`: the piece's number
    run onto its title is no part of it."""
    text = ("某院消防应急预案(精选5篇)\n在工作中难免遇到突发事故,下面是为大家整理的应急预案。\n"
            "某院消防应急预案1\n为进一步强化医院消防应急能力,及时处理火灾事故,制定本预案。\n一、组织机构\n成立应急指挥部。\n")
    assert _title_and_type(text) == ("某院消防应急预案", "应急预案")


def _title_and_type(text: str) -> tuple[str | None, str | None]:
    """The title and doc_type of a text that holds one document."""
    (doc,) = split_documents(text)
    return doc.title, doc.doc_type
