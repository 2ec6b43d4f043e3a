"""Normalizing: pinyin, script, OpenCC, folding, chrome removal, offsets back to the input."""

import pytest

from nlp.normalize import detect_script, normalize_text


@pytest.mark.parametrize("raw, expected", [
    ("網(wǎng)站", "网站"),
    ("新疆兵團(tuán)", "新疆兵团"),
    ("(一)加強領導", "(一)加强领导"),
    ("(2010)年", "(2010)年"),
    ("報送(附電子版)", "报送(附电子版)"),
    ("成員(fu)", "成员(fu)"),  # no tone mark: a real parenthesis
], ids=["pinyin", "pinyin-after-trad", "cn-marker", "year", "real-parens", "untoned-latin"])
def test_pinyin_only_after_characters(raw, expected):
    assert normalize_text(raw).text == expected


@pytest.mark.parametrize("text, script", [
    ("全县卫生系统作风整顿活动实施方案", "simplified"),
    ("全縣衛生系統作風整頓活動實施方案", "traditional"),
    ("全县卫生系统與醫院實施方案和医疗机构", "mixed"),
], ids=["simplified", "traditional", "mixed"])
def test_script_detected(text, script):
    assert detect_script(text) == script
    assert normalize_text(text).script == script


def test_fullwidth_forms_fold_as_nfkc_does():
    assert normalize_text("（一）完成率达到９５％以上，ＡＢＣ：好；").text == "(一)完成率达到95%以上,ABC:好;"
    assert normalize_text("“一、”《方案》。").text == "“一、”《方案》。"


@pytest.mark.parametrize("chrome", [
    "范文 > 策划方案 > 作风整顿实施方案 > 导航 > 全县卫生系统作风整顿活动实施方案",
    "您现在的位置: 医学全在线 > 中国卫生人才网 > 山东卫生人才网 > 日照 > 正文",
    "卫生部直属 | 浙江 | 河南 | 广东 | 北京 | 天津",
    "久久天天躁综合夜夜,超91在线,久久夜视频,91av免费在线观看,在线视频二区,亚洲欧美日韩专区一",
    "网站首页 | 网站地图",
    "烟草系统纪律作风整顿活动实施方案第2页",
    "F132.com精选阅读",
    "市直卫生系统效能建设实施方案>",
    "《区卫生系统创建省级文明城市实施方案》来源于免费网,欢迎阅读区卫生系统创建省级文明城市实施方案。",
    "小编经过整理,为你编辑了全县卫生系统作风整顿活动实施方案,更多相关信息请继续关注本网站。",
], ids=["breadcrumb", "position", "nav-bar", "spam", "site-links", "page-marker", "site-name",
        "link-tail", "source-line", "promo"])
def test_chrome_lines_removed(chrome):
    body = "一、工作目标\n到2025年底,完成率达到95%以上。"
    assert normalize_text(f"{body}\n{chrome}\n二、工作要求\n加强领导。").text == body + "\n二、工作要求\n加强领导。"


@pytest.mark.parametrize("raw, expected", [
    ("领导为组 ……(快文网http://www.fanwy.cn省略744字,正式会员可完整阅读)…… (二)加强", "领导为组 (二)加强"),
    ("创新方 ……(未完,全文共3480字,当前只显示1933字)上一篇:督学 下一篇:民委", "创新方"),
    ("有关症结。第1版权所有2、认真进行整改", "有关症结。2、认真进行整改"),
    ("全市卫生系统&X32;“卫生形象建设年”", "全市卫生系统“卫生形象建设年”"),
    ("已有效解决群众反映问题15个。(辽宁省锦州市委组织部 李赢)\n[责任编辑:魏飞]", "已有效解决群众反映问题15个。"),
    ("深入开展\n******(省略)\n(三)广泛宣传", "深入开展\n\n(三)广泛宣传"),
    ("=1\\*CHINESENUM3一、基本情况\n(=2\\*CHINESENUM3二)项目建设", "一、基本情况\n(二)项目建设"),
    ("某医生拒收红包\n& q7 ?# K\" Z2 w6月11日,某医院医生拒收红包。", "某医生拒收红包\n6月11日,某医院医生拒收红包。"),
    ("他说: a, b, c, d 四项都要做。", "他说: a, b, c, d 四项都要做。"),
], ids=["omitted", "unfinished", "copyright", "entity", "credit-editor", "stars-omitted", "word-field-code",
        "forum-jammer", "not-a-jammer"])
def test_inline_chrome_removed(raw, expected):
    assert normalize_text(raw).text == expected


def test_a_table_drawn_with_bars_stays_though_its_cells_are_short():
    table = "项目 | 时间 | 责任单位 |\n消防设施 | 1月份 | 安监站 |\n电梯 | 2月份 | 质监所 |\n学校 | 3月份 | 教育办 |"
    body = "一、整治安排\n" + table + "\n二、工作要求\n加强领导。"
    assert normalize_text(body).text == body.replace(" |\n", "\n")  # (a row's closing bar is edge space)
    # a bar of links stands alone; a run of a page's `label: | value` fields is its metadata
    nav = "网站首页 | 机构概况 | 政务公开 | 办事服务\n一、目标\n完成检查。"
    assert normalize_text(nav).text == "一、目标\n完成检查。"
    fields = "发布机构: | 某局 | 分类: | 卫生 |\n有效性: | 有效 | 关键词: | 无 |\n发文日期: | 2025 | 发布: | 2025 |\n正文。"
    assert normalize_text(fields).text == "正文。"


def test_header_zone_before_breadcrumb_removed():
    raw = "醫(yī)學(xué)全在線\n首頁 > 地方要聞 > 基層黨建 > 正文\n\n遼寧錦州:以黨建引領\n正文第一段。"
    assert normalize_text(raw).text == "辽宁锦州:以党建引领\n正文第一段。"


def test_repeated_lede_line_removed():
    body = "日照市卫生局文件\n关于开展创先争优活动的指导意见\n各区县卫生局:\n5月20日,市委组织部下发文件,对在全市基层党组织和党员中深入开展活动进行部署。"
    lede = "日照人才网:指导意见:" + body.replace("\n", "")[:70]
    assert normalize_text(lede + "\n" + body).text == body


def test_blank_lines_collapse_and_lines_are_trimmed():
    assert normalize_text("  一、目标  \n\n\n\n  内容。 ").text == "一、目标\n\n内容。"


def test_offsets_point_back_to_the_input():
    raw = "網(wǎng)站首頁 | 網(wǎng)站地圖\n一、總體要求\n　　全縣醫療機構消防設施完好率達到９５％以上。"
    norm = normalize_text(raw)
    import opencc

    t2s = opencc.OpenCC("t2s")
    for i, ch in enumerate(norm.text):
        src = raw[norm.offsets.to_source(i)]
        assert t2s.convert(src).translate({0xFF19: "9", 0xFF15: "5", 0xFF05: "%"}) == ch
    assert norm.offsets.to_source(len(norm.text)) == len(raw)


def test_flattened_page_holding_a_promotion_word_keeps_its_text():
    """A page whose line breaks were lost is one long line: a 本站 inside it is no promotion line."""
    body = "本站讯 县卫生健康局召开全县医疗机构安全生产工作会议。" + "会议要求各医疗机构开展隐患排查整治,落实安全责任。" * 12
    out = normalize_text("县卫生健康局\n" + body + "\n").text
    assert "隐患排查整治" in out and len(out) > len(body) - 10


def test_short_promotion_line_still_removed():
    out = normalize_text("实施方案正文。\n更多精彩内容请继续关注本站\n").text
    assert "本站" not in out


def test_a_document_sharing_sites_reading_notice_is_chrome():
    raw = "已阅读3页,还剩8页未读 继续免费阅读\n\n下载本文档\n\n文档简介\n\n某某自查报告\n正文。"
    assert normalize_text(raw).text == "某某自查报告\n正文。"


def test_a_sharing_sites_page_captions_leave_the_files_name_as_headline():
    """``某某方案_第1页``…: the captions of the shared file's page images are chrome, but the first
    one names the file, so its name stays as the page's headline (tags, 下载 and markdown image
    syntax dropped); ``全文预览已结束`` is the site's notice, no headline."""
    from nlp.pipeline import process_text

    pages = "\n".join(f"[最新]某区卫健局安全生产月活动方案_第{n}页" for n in (1, 2, 3))
    raw = pages + "\n全文预览已结束\n\n下载本文档\n\n1、为深化安全生产宣传,结合我局实际,制定本方案。\n"
    out = normalize_text(raw).text
    assert out.startswith("某区卫健局安全生产月活动方案\n") and "第2页" not in out and "预览" not in out
    assert [d.title for d in process_text(raw)] == ["某区卫健局安全生产月活动方案"]
    images = "".join(f"![某市疾控中心考核手册下载_第{n}页](http://img.example.com/v/{n}.gif)\n" for n in (1, 2))
    assert normalize_text(images + "正文一段。\n").text.startswith("某市疾控中心考核手册\n正文")
    # a file named above the captions keeps its one headline
    named = "某镇工作方案.docx\n\n某镇工作方案.docx_第1页\n第1页 / 共3页\n正文。\n"
    assert normalize_text(named).text.count("某镇工作方案") == 1


def test_a_sites_domain_after_the_headline_is_chrome_the_headline_stays():
    raw = "资讯新闻\n某市将开展校车接送车辆集中排查行动_dxb.example.com\n\n时间:2018-04-16 19:42:56\n\n9月25日,记者从市公安交警支队获悉。\n"
    out = normalize_text(raw).text
    assert "某市将开展校车接送车辆集中排查行动\n" in out and "example" not in out
    assert normalize_text("网站首页 www.example.com\n正文。").text == "正文。"


def test_a_sites_own_dateline_is_text():
    raw = "某医院动态\n\n本站讯  按照巡查工作安排,9月19日,市巡查组正式进驻我院,开展为期一个月的巡查。\n\n动员会上,组长介绍了巡查要求。"
    assert "9月19日" in normalize_text(raw).text


def test_a_contact_line_with_an_e_mail_address_is_text():
    """``…@126.com`` is where to send a report, not a link to a site: the line stays; a site's
    own address line is still chrome."""
    body = "四、报送方式\n1.报送电话:0000-1234567\n2.报送邮箱:kejiaoke2025@126.com\n3.报送时间:每月5日前"
    assert normalize_text(body).text == body
    assert "www." not in normalize_text(body + "\nwww.example-county.gov.cn\n").text


def test_a_block_printed_twice_in_a_row_keeps_its_first_copy():
    p1 = ("消防局表示,今晚于某大厦十二楼发生一宗火警。队员到场用工具开门进入单位,于露台发现有烟有火,"
          "随即开喉将火救熄。现场约200名人士自行疏散至地面,没有人不适。")
    p2 = "经检查,露台位置之电冰箱、洗衣机烧毁,事件原因初步怀疑用电设备故障引致。(编辑部)"
    text = f"{p1}\n{p2}\n{p1}\n{p2}\n"
    out = normalize_text(text)
    assert out.text.count("消防局表示") == 1 and out.text.count("编辑部") == 1
    # a rule's sentence that recurs further on (not straight after itself) is text both times
    rule = "学习成绩以每一次阶段性考试为依据,有几次算几次,取各次成绩的平均值作为该项得分,不足三次的按实际次数计算。"
    text = f"一、三好学生\n{rule}\n二、优秀学生干部\n{rule}\n"
    assert normalize_text(text).text.count("学习成绩") == 2


@pytest.mark.parametrize("unit", ["某局召开会议,部署安全生产工作。\n", "某局召开会议。\n某局部署工作。\n", "一\n二\n"])
def test_repeated_lines_cost_linear_time(unit, assert_linear):
    assert_linear(lambda text: normalize_text(text).text, unit)


def test_a_list_of_other_pages_headlines_closing_a_page_is_chrome():
    body = "消防局表示,今晚于某大厦发生一宗火警,队员到场将火救熄,没有人受伤。事件原因正在调查。\n"
    links = ["救护车出动45,236宗升5%", "坊会吁居民关注消防安全", "举行新能源巴士应急演习", "逾六成涉忘关炉等遗火种",
             "消防局:将适时公布", "4月8日起禁携大容量电源", "新一期失业率2.3%"]
    out = normalize_text(body + "\n".join(links) + "\n").text
    assert "事件原因正在调查" in out and "救护车" not in out and "失业率" not in out


@pytest.mark.parametrize("closing", [
    "某县卫生健康局\n2024年3月1日\n",  # a 落款
    "成员:\n张某某  县卫生局局长\n李某某  县财政局局长\n王某某  县教育局局长\n赵某某  县公安局局长\n钱某某  县民政局局长\n孙某某  县应急局局长\n",
    "一、总体要求\n二、工作目标\n三、主要任务\n四、保障措施\n五、时间安排\n六、工作要求\n",
    "成员名单\n王某某\n李某某\n张某某\n赵某某\n钱某某\n孙某某\n",  # a roster's names
])
def test_a_pages_own_closing_lines_stay(closing):
    body = "为做好安全生产工作,结合本县实际,制定本方案。\n"
    last = closing.rstrip("\n").split("\n")[-1].split()[0]
    assert last in normalize_text(body + closing).text


def test_a_lone_surrogate_is_replaced_not_raised_and_offsets_still_map():
    """Only a library caller can pass one (files are decoded strictly); OpenCC cannot encode it."""
    from nlp.pipeline import process_text

    text = "關於開展安全檢查的通知\n各單位要\ud800加強領導,落實責任。"
    norm = normalize_text(text)
    assert "\ufffd" in norm.text and "加强领导" in norm.text
    at = norm.text.index("\ufffd")
    assert text[norm.offsets.to_source(at)] == "\ud800"
    docs = list(process_text(text))
    assert docs and "\ufffd" in docs[0].text


def test_changed_counts_positions_as_a_character_by_character_comparison():
    """_detect's count of the characters a conversion changes (code point arrays) is the count of
    a comparison position by position, up to the shorter text (surrogates and astral characters too)."""
    from nlp.normalize import _changed

    cases = [("", ""), ("全縣衛生系統", "全县卫生系统"), ("全縣衛生", "全县卫生系统与医院"), ("abc", "ab"),
             ("a\udcffb", "a\udcfeb"), ("𠀀x", "𠀁x"), ("乾隆", "乾隆")]
    for text, converted in cases:
        assert _changed(text, converted) == sum(map(str.__ne__, text, converted)), (text, converted)


def test_jammer_pattern_finds_what_its_lookaround_form_finds():
    """_JAMMER (its first character consumed, the one before it checked after) finds the matches of
    the form with a lookahead and a lookbehind first, on jammer-like runs of ASCII and spaces."""
    import random
    import re

    from nlp.normalize import _JAMMER

    plain = re.compile(r"(?=[!-~])(?<![!-~])(?:[!-~]{1,2} ){4,}(?:[A-Za-z!-/:-@\[-`{-~](?=[\d\u4e00-\u9fff])"
                       r"|[!-~]{1,2}(?= ?[\u4e00-\u9fff\n]|$))?")
    rng = random.Random(4)

    def token():
        r = rng.random()
        if r < 0.6:
            return "".join(rng.choice("ab7%&kR|!:;xZ9") for _ in range(rng.randint(1, 3))) + rng.choice([" ", "  ", ""])
        return rng.choice(["中", "文", "\n", "", " "])

    texts = ["7 k: %& d2 y: R H4 T; C8 u! p3 M的", "a b c d e", "中a b c d e f中"]
    texts += ["".join(token() for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in _JAMMER.finditer(text)] == [m.span() for m in plain.finditer(text)], text
