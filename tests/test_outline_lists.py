"""Numbered items that are a list inside a sentence are not sections."""

from nlp.outline import parse_outline


def _marks(text):
    return [s.marker for s in parse_outline(text)]


def test_items_after_a_colon_closed_by_semicolons_are_a_list():
    text = ("一、基本原则\n坚持公开公平。\n二、竞聘对象\n"
            "以下人员可直接聘用:①经组织选派在外支教的教师(以文件为准);②处于孕期和哺乳期的教师;"
            "③近三年内即将退休的人员。\n三、纪律要求\n"
            "每位教师应做到:1.接受考评组按程序考评;2.积极主动参与岗位竞聘;3.不委托他人说情。\n")
    assert _marks(text) == ["一、", "二、", "三、"]


def test_flattened_headings_after_a_sentence_end_stay_sections():
    text = "一、工作目标。全面排查隐患。(一)加强领导;明确责任。(二)落实措施;强化督查。"
    assert _marks(text) == ["一、", "(一)", "(二)"]


def test_items_run_into_a_paragraph_of_a_lined_outline_are_a_list():
    text = ("一、工作回顾\n全年完成各项任务。\n二、存在不足\n"
            "我也认识到还有努力的方向:1.要提升政策解读能力。2.要广泛联系群众。\n三、下步打算\n继续努力。\n")
    assert _marks(text) == ["一、", "二、", "三、"]


def test_a_first_heading_glued_to_the_opening_stays():
    text = "为做好安全工作,特制定本方案。一、指导思想\n坚持安全第一。\n二、工作目标\n杜绝事故。\n三、工作措施\n加强检查。\n"
    assert _marks(text) == ["一、", "二、", "三、"]


def test_link_list_under_a_heading_cut_off_by_the_page_end_is_chrome():
    text = ("一、总体要求\n全面推进各项工作。\n二、坚持稳中求进,医药\n"
            "1.某区组织开展夏季用电安全检查\n2.关于做好节假日值班工作的通知\n3.某镇召开年度工作推进会\n")
    assert _marks(text) == ["一、", "二、"]


def test_link_list_after_a_flattened_text_leaves_its_run_in_headings():
    body = "为做好工作,特制定本方案。一、工作目标 全面落实责任。二、时间安排 即日起至年底。三、组织领导 成立领导小组。"
    text = body + "\n1.某区组织开展夏季用电安全检查\n2.关于做好节假日值班工作的通知\n3.某镇召开年度工作推进会\n4.某局举办业务培训班\n"
    assert _marks(text) == ["一、", "二、", "三、"]


def test_a_sentence_end_on_a_wrapped_line_is_no_run_in_heading():
    from nlp.outline import _unnumbered

    para = "各单位要认真组织开展自查自纠工作,对发现的问题及时整改到位,确保取得实效。"
    lined = "加强组织领导。" + para + "\n严格督查问责。" + para + "\n"
    assert [s.heading for s in _unnumbered(lined)] == ["加强组织领导", "严格督查问责"]
    # the same words wrapped at a fixed width: `作。` ends a sentence that began on the line above
    wrapped = "各单位要认真组织开展自查自纠工作,对发现的问题及时整改到\n位。各单位要认真组织开展自查自纠工作,对发现的问题\n及时整改。" + para + "\n"
    assert _unnumbered(wrapped) == []


def test_a_heading_wrapped_at_a_pdf_pages_width_goes_on_on_the_next_line():
    para = "各单位要认真组织开展自查自纠工作,对发现的问题及时整改到位,确保取得实效并建立长效机制。" * 6
    wrapped = "\n".join(para[k:k + 28] for k in range(0, len(para), 28))
    heading = "成立医德医风专项整治活动领导小组统筹协调全院整治工作"  # (28 with its marker, then 2)
    line = "一、" + heading
    text = line[:28] + "\n" + line[28:] + "\n" + wrapped + "\n二、工作要求\n" + wrapped + "\n"
    heads = [s.heading for s in parse_outline(text)]
    assert heads[0] == heading
    assert heads[1] == "工作要求"


def test_items_that_open_with_their_date_are_items():
    text = ("(一)宣传报道 1、6月1日上午,召开安全生产月活动新闻发布会。\n"
            "2、6月2日至30日,在市电视台开设专栏,连续报道安全生产典型事迹。\n"
            "3、6月2日至30日,在手机上播发活动标语口号。\n")
    assert _marks(text) == ["(一)", "1、", "2、", "3、"]


def test_an_attachments_number_is_no_item():
    text = ("一、报送要求\n1.请各单位认真填写附件。\n"
            "2.请各相关单位于8月31日前将附件1、附件2经分管领导签字后报送至办公室。\n")
    assert _marks(text) == ["一、", "1.", "2."]


def test_a_whole_heading_line_over_an_item_of_its_own_is_not_cut_at_a_heading_word():
    line = "明确目标体系,全面推进建设省级文明示范型城区“1234”行动"
    text = ("一、指导思想\n坚持以人民为中心,完善公共服务。\n二、" + line + "\n"
            "(一)健全服务网络。各街道要设立服务中心。\n")
    heads = [s.heading for s in parse_outline(text)]
    assert line in heads


def test_third_level_decimal_items_may_be_sentences():
    text = ("1 总则\n1.1 编制目的\n为做好防汛工作,制定本预案。\n1.2 工作原则\n"
            "1.2.1 坚持以人为本,把保障人民群众生命安全放在首位。\n1.2.2 坚持统一指挥,分级分部门负责。\n"
            "2 组织指挥体系\n2.1 镇防汛指挥部\n镇政府设立防汛指挥部。\n")
    assert _marks(text) == ["1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1"]
