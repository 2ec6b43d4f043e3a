"""Several notices in one file: a title over its 发文字号 or its 主送 opens the next notice, even
when the one before ends without a 落款; a title broken over two lines does not."""

from nlp.split import split_documents

FIRST = ("关于开展校园安全检查的通知\n各科室:\n" + "为切实做好校园安全工作,消除各类隐患,请各科室认真组织自查并及时整改。" * 4
         + "\n一、检查内容\n消防设施、用电线路和食堂卫生,发现问题立即整改")


def test_title_over_its_number_opens_the_next_notice():
    text = FIRST + "\n关于做好节日值班工作的通知\n某办发〔2024〕3号\n各科室:\n请各科室安排好节日值班,确保通讯畅通。\n"
    docs = split_documents(text)
    assert [d.title for d in docs] == ["关于开展校园安全检查的通知", "关于做好节日值班工作的通知"]
    assert docs[1].doc_number == "某办发〔2024〕3号"


def test_title_over_its_salutation_opens_the_next_notice():
    text = FIRST + "\n关于做好节日值班工作的通知\n各科室:\n请各科室安排好节日值班,确保通讯畅通。\n"
    assert len(split_documents(text)) == 2


def test_a_title_broken_over_two_lines_is_one_document():
    text = "某县2024年治理“餐桌污染”建设“食品放心\n工程”工作方案\n各乡镇:\n为切实做好食品安全工作,现制定本方案。\n"
    assert len(split_documents(text)) == 1


def test_notices_a_page_numbers_under_their_sections():
    from nlp.split import split_documents

    page = ("第五周工作安排\n初中教研室\n关于初中教研室第五周教研活动安排的通知\n各初中:\n"
            "第五周教研活动安排详见附件,请各学校按照要求安排好。\n体卫艺科\n"
            "一、关于召开田径运动会领队会议的通知\n各中小学:\n定于3月20日召开领队会议。\n"
            "二、关于召开田径运动会的通知\n各中小学:\n定于3月26至27日举行运动会。\n")
    assert [d.title for d in split_documents(page)] == [
        "关于初中教研室第五周教研活动安排的通知", "关于召开田径运动会领队会议的通知", "关于召开田径运动会的通知"]
    plan = "某县实施方案\n为加强管理,制定本方案。各单位要认真落实,确保取得实效。\n一、关于加强组织领导\n成立领导小组。\n"
    assert len(split_documents(plan)) == 1  # a heading that names no notice, with no 主送 under it


def test_a_numbered_notices_title_is_no_section_of_it():
    from nlp.pipeline import process_text

    page = ("第五周工作安排\n体卫艺室\n一、关于召开田径运动会领队会议的通知\n各中小学:\n定于3月20日召开领队会议,请准时参加。\n"
            "二、关于召开田径运动会的通知\n各中小学:\n定于3月26日举行运动会。\n1.开幕式于上午8时开始。\n2.每校代表队20人。\n")
    docs = list(process_text(page))
    assert [d.title for d in docs][-1] == "关于召开田径运动会的通知"
    assert [(s.level, s.marker) for s in docs[-1].sections] == [(1, "1."), (1, "2.")]
