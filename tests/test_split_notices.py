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
