"""A site's numbered copyright statement is chrome: no section, not in the document's text."""

from nlp.outline import parse_outline
from nlp.split import split_documents


def _outline(text):
    (doc,) = split_documents(text)
    kept, pos = [], doc.start
    for a, b in sorted(doc.drops):
        kept.append(text[pos:a])
        pos = b
    kept.append(text[pos:doc.end])
    return parse_outline("".join(kept))


def test_numbered_site_statement_is_chrome():
    text = ("某区开展燃气管道安全隐患排查\n"
            "本报讯 近日,某区组织有关部门对辖区燃气管道开展安全隐患排查,共发现问题十余处,均已督促整改。\n"
            "① 凡本网注明来源为本网的所有文字和图片,版权均属本网所有,未经授权不得转载。\n"
            "② 本网转载的稿件仅为传递更多信息,并不代表本网赞同其观点。\n")
    assert _outline(text) == []


def test_numbered_items_of_a_text_are_kept():
    text = ("某县卫生院工作方案\n为做好有关工作,制定本方案。\n"
            "一、工作目标\n各科室要按时完成任务,确保工作落到实处。\n二、工作要求\n各科室要加强协作。\n")
    assert [s.marker for s in _outline(text)] == ["一、", "二、"]


def test_document_sharing_page_numbers_are_page_breaks():
    page = "各科室要按时完成各项任务,确保工作落到实处,并及时报送进展情况和存在的问题。" * 6
    text = ("某县卫生院安全生产检查工作方案.docx\n"
            "1、某县卫生院安全生产检查工作方案为做好安全生产工作,制定本方案。一、工作目标" + page + "\n"
            "2、" + page + "二、工作要求" + page + "\n")
    (doc,) = split_documents(text)
    assert doc.title == "某县卫生院安全生产检查工作方案"
    assert doc.doc_type == "方案"
    assert [s.marker for s in _outline(text) if s.marker[0].isdigit()] == []


def test_own_items_on_a_sharing_page_are_kept():
    item = "各科室要按时完成各项任务,确保工作落到实处,并及时报送进展情况和存在的问题。" * 6
    text = "某县卫生院安全生产检查工作方案.docx\n1、加强组织领导。" + item + "\n2、强化督促检查。" + item + "\n"
    assert [s.marker for s in _outline(text)] == ["1、", "2、"]
