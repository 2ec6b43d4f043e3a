"""Normalize fixes of session 22: the tail after a page's closing tools is another page's item."""
from nlp.pipeline import process_text

BODY = "关于开展消防检查的通知\n各单位:\n" + "为做好消防安全工作,决定于2023年5月开展检查,请各单位认真组织。" * 8 + "\n"


def test_related_plan_after_the_closing_tools_is_no_part_of_the_document():
    text = (BODY + "分享到:微信 微博 QQ空间\n【打印本页】【关闭窗口】\n某区2021年安全生产月活动实施方案\n"
            "为切实做好今年安全生产月活动,结合我区实际,特制定本方案。\n")
    docs = list(process_text(text))
    assert len(docs) == 1
    assert "安全生产月" not in docs[0].text
    assert not any(m.text in ("2021年", "今年") for m in docs[0].mentions)


def test_an_article_under_a_share_bar_at_the_top_is_kept():
    text = "某区开展消防检查\n分享到:微信 微博\n近日,某区应急管理局组织检查组对辖区重点场所开展消防安全检查。\n"
    docs = list(process_text(text))
    assert "应急管理局" in docs[0].text


def test_a_long_tail_after_the_tools_is_kept():
    tail = "".join(f"第{i}条 各单位要认真落实消防安全责任制,加强日常巡查。\n" for i in range(1, 6))
    docs = list(process_text(BODY + "【打印本页】【关闭窗口】\n" + tail))
    assert "第5条" in "".join(d.text for d in docs)
