"""A text wrapped at a page's width (text taken from a PDF page): documents, titles and doc_type
are read with the wrapping undone, while each document's text keeps its lines (written text)."""

import textwrap

from nlp.pipeline import process_text

BODY = ("为进一步加强全县学校安全管理工作,切实消除校园及周边安全隐患,保障广大师生生命财产安全,经县政府研究同意,"
        "决定在全县范围内开展学校安全隐患排查整治专项行动。现将有关事项通知如下:\n一、工作目标\n通过开展专项行动,"
        "全面排查学校校舍、消防、食品、交通等方面存在的安全隐患,建立隐患台账,明确整改责任和时限,确保隐患整改到位,"
        "坚决防范各类安全事故发生。\n二、工作要求\n各学校要高度重视,成立工作专班,主要负责人亲自抓,分管负责人具体抓,"
        "层层压实责任,确保专项行动取得实效。各乡镇中心学校要加强督导检查,及时发现和解决存在的问题。\n")


def wrapped(text: str, width: int = 24) -> str:
    """Every line cut at ``width`` characters, as a PDF page sets it (no spaces: textwrap breaks the run)."""
    return "\n".join(textwrap.fill(line, width) if line else line for line in text.split("\n"))


def test_a_quoted_title_wrapped_over_two_lines_is_read_whole():
    text = wrapped("《某某县卫生健康局关于成立医疗质量安全管理委员会的通知》是某某县卫生健康局2023年5月9日发布的通知。\n"
                   "各乡镇卫生院,县直各医疗卫生单位:\n" + BODY)
    assert text.count("\n") > 12  # (wrapped indeed)
    docs = list(process_text(text))
    assert len(docs) == 1
    assert docs[0].title == "某某县卫生健康局关于成立医疗质量安全管理委员会的通知"
    assert docs[0].doc_type == "通知"
    assert [s.heading for s in docs[0].sections] == ["工作目标", "工作要求"]
    assert "\n" in docs[0].text  # the document's own text keeps the page's lines


def test_a_text_that_is_not_wrapped_is_read_as_before():
    text = "某某县教育局关于开展安全检查的通知\n各学校:\n" + BODY
    docs = list(process_text(text))
    assert docs[0].title == "某某县教育局关于开展安全检查的通知" and docs[0].doc_type == "通知"
