"""Pages of several items in one column (a column of dated news items, a news list with datelines)
are split into one document per item; a named document with bulleted dated lines is not."""

from nlp.split import split_documents

_BULLETS = [
    "◆3月2日,某县在政府会议室召开春季植树工作调度会,各乡镇分管负责人参加会议并汇报各自进展情况,会议对下步工作作出安排。",
    "◆为保障群众饮水安全,3月4日,副县长带领检查组对县城水源地开展专项检查,督促相关单位立即整改发现的问题。",
    "◆ 3月5日,县卫生健康局组织医务人员走进社区开展义诊活动,为老年群众免费测量血压血糖并发放健康宣传资料。",
    "◆在植树节来临之际,3月6日,县直机关工委组织干部职工到荒山开展义务植树活动,共栽植各类苗木三千余株。",
]


def test_bulleted_items_each_a_document():
    text = "第12期 / 第2版\n要闻简报\n" + "\n".join(_BULLETS) + "\n"
    docs = split_documents(text)
    assert len(docs) == 4
    assert all(d.title is None and d.doc_type == "新闻" for d in docs)
    assert text[docs[0].start:].startswith("◆3月2日")


def test_named_document_keeps_its_bullets():
    text = "某县卫生院2021年第一季度工作总结\n" + "\n".join(_BULLETS) + "\n"
    assert len(split_documents(text)) == 1


def test_headlines_over_datelines_each_a_document():
    items = [
        ("某县召开春季防火工作会议", "【记者张三/某县报道】3月2日上午,某县召开春季防火工作会议,部署当前防火重点工作。"),
        ("某镇开展安全生产大检查", "【记者李四/某镇报道】为消除安全隐患,某镇近日组织人员对辖区企业开展安全生产大检查。"),
        ("某街道举办文明创建培训", "【记者王五/某街道报道】3月3日,某街道举办文明创建业务培训,辖区社区工作人员参加。"),
    ]
    text = "今日要闻\n2021年3月4日星期四\n" + "".join(f"{h}\n\n{b}\n\n" for h, b in items)
    docs = split_documents(text)
    assert [d.title for d in docs] == [h for h, _ in items]
    assert all(d.doc_type == "新闻" for d in docs)


def test_two_items_are_not_enough():
    text = ("某县召开春季防火工作会议\n【记者张三/某县报道】3月2日上午,某县召开春季防火工作会议,部署当前防火重点工作。\n"
            "某镇开展安全生产大检查\n【记者李四/某镇报道】为消除安全隐患,某镇近日组织人员对辖区企业开展安全生产大检查。\n")
    assert len(split_documents(text)) <= 2
