"""A text wrapped at a page's width (a PDF page) is extracted as if it were not wrapped."""
from nlp.pipeline import process_text
from nlp.text import rejoined

PLAN = ("关于开展校园安全隐患排查整治工作的通知\n"
        "各学校:\n"
        "为切实做好校园安全工作,经研究,决定于2021年12月上旬至2022年1月下旬在全县开展校园安全隐患排查整治,"
        "现将有关事项通知如下。\n"
        "一、工作目标\n"
        "到2022年底,全县中小学校视频监控覆盖率达到95%以上,校园封闭化管理率达到100%,一键式紧急报警装置"
        "与公安机关联网率不低于90%,专职保安员配备数量每校不少于2名。\n"
        "二、工作要求\n"
        "各学校要于12月20日前将自查报告报县教育局安全股,县教育局将会同县公安局、县消防救援大队组成督查组"
        "开展抽查,对排查出的隐患实行清单管理,整改率确保达到100%。\n")


def _wrapped(text):
    """The text wrapped as scripts/perturb_structure.py's pdfwrap variant wraps it."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "perturb_structure.py"
    spec = importlib.util.spec_from_file_location("perturb_structure", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._pdf_wrap(text)


def _found(text):
    return sorted((m.type, m.text.replace("\n", ""), str(sorted(m.value.items())))
                  for d in process_text(text) for m in d.mentions)


def test_wrapped_text_gives_the_mentions_of_the_unwrapped_one():
    wrapped = _wrapped(PLAN)
    assert rejoined(wrapped) is not None  # the test text is wrapped as a PDF page is
    assert _found(wrapped) == _found(PLAN)


def test_mentions_of_a_wrapped_text_point_into_it():
    wrapped = _wrapped(PLAN)
    docs = list(process_text(wrapped))
    mentions = [m for d in docs for m in d.mentions]
    assert any("\n" in m.text for m in mentions)  # a date or figure broken over two lines is one mention
    for d in docs:
        for m in d.mentions:
            assert d.text[m.start:m.end] == m.text


def test_rejoined_keeps_a_space_between_latin_words_only():
    line = "某" * 26 + "AB"
    text = "\n".join([line] * 9 + ["CD某某某。"])
    joined, back = rejoined(text)
    assert "AB CD" in joined and "\n" not in joined
    assert len(back) == len(joined) and all(text[back[i]] == joined[i] for i in range(len(joined)) if joined[i] != " ")
    assert rejoined("短的一行。\n又一行。") is None
