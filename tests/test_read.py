"""Reading stage: formats and encodings from the bytes, hostile files refused or read in bounded time."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nlp.read.dispatch
from nlp.errors import UnreadableFile
from nlp.read import iter_chunks, read_file
from nlp.read.docx import format_number
from nlp.read.html import html_to_text

DATA = Path(__file__).parent / "data"
PLAN = ("关于开展安全隐患排查整治工作的实施方案\n"
        "一、工作目标\n到2025年底,全县医疗机构消防设施完好率达到95%以上。\n")
PLAN_TRAD = ("關於開展安全隱患排查整治工作的實施方案\n"
             "一、工作目標\n到2025年底,全縣醫療機構消防設施完好率達到95%以上。\n")


# --- hostile files from ../shared/tools/make_hostile.py ---------------------------------------

HOSTILE = [
    "big5.txt", "billion-laughs.docx", "binary.txt", "crlf.txt", "empty.txt", "gb18030.txt",
    "nested.html", "no-text.pdf", "nul-inside.txt", "one-line.txt", "page.html", "parens.txt",
    "plan.docx", "png-named.docx", "truncated.docx", "utf16.txt", "utf8-bom.txt", "utf8.txt",
    "whitespace.txt", "zip-bomb.docx",
]
# The files of the generator that are not the plan: what their text must hold instead.
OK_MARKERS = {"parens.txt": ("一、",), "one-line.txt": ("作风整顿",)}


@pytest.fixture(scope="module")
def hostile(shared_tools: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    out = tmp_path_factory.mktemp("hostile")
    subprocess.run([sys.executable, str(shared_tools / "make_hostile.py"), str(out), "--big-mb", "3"],
                   check=True, capture_output=True)
    expected = dict(line.split("\t") for line in (out / "EXPECTED.tsv").read_text().splitlines())
    return {"dir": out, **expected}


def test_hostile_list_covers_the_generator(hostile):
    assert sorted(k for k in hostile if k != "dir") == HOSTILE


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_outcome(hostile, name):
    path = hostile["dir"] / name
    started = time.monotonic()
    try:
        raw = read_file(path)
    except UnreadableFile as err:
        assert hostile[name] in ("error", "any"), f"{name} refused: {err}"
        assert str(err).startswith(f"{name}: ")
        assert "\n" not in str(err)
    else:
        assert hostile[name] in ("ok", "any"), f"{name} read but must be refused"
        if hostile[name] == "ok":
            markers = OK_MARKERS.get(name, ("实施方案", "工作目标", "實施方案", "工作目標"))
            assert any(m in raw.text for m in markers)
    assert time.monotonic() - started < 30


def test_zip_bomb_refused_fast(hostile):
    started = time.monotonic()
    with pytest.raises(UnreadableFile, match="zip bomb"):
        read_file(hostile["dir"] / "zip-bomb.docx")
    assert time.monotonic() - started < 2


def test_billion_laughs_refused(hostile):
    with pytest.raises(UnreadableFile, match="DTD"):
        read_file(hostile["dir"] / "billion-laughs.docx")


def test_nul_bytes_stripped_with_warning(hostile):
    raw = read_file(hostile["dir"] / "nul-inside.txt")
    assert "\x00" not in raw.text
    assert any("NUL" in w for w in raw.warnings)


def test_crlf_becomes_lf(hostile):
    assert "\r" not in read_file(hostile["dir"] / "crlf.txt").text


def test_iter_chunks_cuts_one_line_at_commas(hostile):
    path = hostile["dir"] / "one-line.txt"
    chunks = list(iter_chunks(path, chunk_chars=100_000))
    assert len(chunks) > 5
    assert "".join(c.text for c in chunks) == read_file(path).text
    assert [c.offset for c in chunks] == [sum(len(c.text) for c in chunks[:i]) for i in range(len(chunks))]
    assert all(len(c.text) <= 100_000 and c.text[-1] in "。！？；,，" for c in chunks[:-1])


# --- iter_chunks ----------------------------------------------------------------------------

def test_iter_chunks_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "huge.txt"
    line = "全县卫生系统作风整顿活动安排半年时间,完成率达到90%以上。" * 1000
    repeats = 16 * 2**20 // len(line.encode())
    with open(path, "wb") as out:
        for _ in range(repeats):
            out.write(line.encode())
    tracemalloc.start()
    try:
        chars = sum(len(c.text) for c in iter_chunks(path, chunk_chars=200_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert chars == len(line) * repeats
    assert peak < 8 * 2**20


def test_iter_chunks_prefers_line_breaks(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("一、工作目标。完成整改。\n" * 40, encoding="utf-8")
    chunks = list(iter_chunks(path, chunk_chars=100))
    assert all(c.text.endswith("\n") for c in chunks)


def test_iter_chunks_small_file_is_read_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode("gb18030"))
    assert list(iter_chunks(path)) == [read_file(path)]


def test_iter_chunks_block_edges_split_nothing(tmp_path, monkeypatch):
    # Tiny blocks cut through multi-byte characters and CRLF pairs; the text must not notice.
    monkeypatch.setattr(nlp.read.dispatch, "_BLOCK_BYTES", 7)
    path = tmp_path / "crlf.txt"
    path.write_bytes((PLAN * 3).replace("\n", "\r\n").encode("gb18030"))
    chunks = list(iter_chunks(path, chunk_chars=40))
    assert "".join(c.text for c in chunks) == PLAN * 3


def test_read_file_refuses_huge_text_naming_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(nlp.read.dispatch, "MAX_TEXT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(PLAN.encode() * 20)
    with pytest.raises(UnreadableFile, match=r"big.txt: .*over the 0 MB limit"):
        read_file(path)


# --- encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, data, encoding", [
    (PLAN, PLAN.encode("utf-16-be"), "utf-16-be"),
    (PLAN, PLAN.encode("utf-16-le"), "utf-16-le"),
    ("关于开展安全隐患排查整治工作的实施方案", "关于开展安全隐患排查整治工作的实施方案".encode("utf-16-be"), "utf-16-be"),
    (PLAN_TRAD, PLAN_TRAD.encode("big5"), "big5"),
    (PLAN, PLAN.encode("gb18030"), "gb18030"),
    (PLAN_TRAD, PLAN_TRAD.encode("gbk"), "gb18030"),
    (PLAN, b"\xef\xbb\xbf" + PLAN.encode("utf-8"), "utf-8-sig"),
    (PLAN, PLAN.encode("utf-16"), "utf-16"),
], ids=["utf16-be-no-bom", "utf16-le-no-bom", "utf16-be-no-ascii", "big5", "gb18030",
        "gbk-traditional", "utf8-bom", "utf16-bom"])
def test_encoding_detected_from_bytes(tmp_path, text, data, encoding):
    path = tmp_path / "doc.html"  # the name says html; the bytes say plain text
    path.write_bytes(data)
    raw = read_file(path)
    assert (raw.text, raw.encoding, raw.format, raw.warnings) == (text, encoding, "txt", [])


def test_undecodable_bytes_warned_not_hidden(tmp_path):
    path = tmp_path / "damaged.txt"
    good = PLAN.encode("gb18030")
    path.write_bytes(good[:40] + b"\xff" + good[40:])
    raw = read_file(path)
    assert raw.encoding == "gb18030"
    assert "\ufffd" in raw.text
    assert any("U+FFFD" in w for w in raw.warnings)


# --- html ----------------------------------------------------------------------------------

def test_html_drops_navigation_and_decodes_meta_charset():
    raw = read_file(DATA / "read_page_nav.html")
    assert (raw.format, raw.encoding) == ("html", "gb18030")
    assert raw.text == ("关于开展安全隐患排查整治工作的实施方案\n一、工作目标\n"
                        "到2025年底，全县医疗机构消防设施完好率达到95%以上。\n序号\t责任单位\n1\t县卫生局")


def test_txt_holding_a_page_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text("<html><body><nav>首页</nav><p>一、工作目标</p></body></html>", encoding="utf-8")
    assert (read_file(path).format, read_file(path).text) == ("html", "一、工作目标")


@pytest.mark.parametrize("markup, text", [
    ("<p>甲&amp;乙&#x4E00;&lt;二&gt;</p>", "甲&乙一<二>"),
    ("<div class='sidebar'>推荐阅读</div><div id='content'>正文</div>", "正文"),
    ("<div style='display:none'>隐藏</div><p>正文</p>", "正文"),
    ("<p>第一段<br>第二段</p>", "第一段\n第二段"),
    ("<table><tr><td>1</td><td>县卫生局</td></tr></table>", "1\t县卫生局"),
    ("<header>网站</header><p>正文", "正文"),
    ("<header>正文未闭合", "正文未闭合"),
], ids=["entities", "sidebar", "hidden", "br", "table-row", "unclosed-p", "unclosed-header-fallback"])
def test_html_text(markup, text):
    assert html_to_text(markup) == text


@pytest.mark.parametrize("markup", ["<a " * 100_000, "<!--" * 100_000, "<div>" * 100_000],
                         ids=["unclosed-tags", "unclosed-comments", "nested-divs"])
def test_html_hostile_markup_is_linear(markup):
    started = time.monotonic()
    html_to_text(markup + "一、工作目标")
    assert time.monotonic() - started < 20


# --- docx ------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body: str, numbering: str | None = None, styles: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        if numbering:
            z.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
        if styles:
            z.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
    return buf.getvalue()


def _para(text: str, num_id: int | None = None, ilvl: int = 0, style: str | None = None) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def _level(ilvl: int, fmt: str, text: str, suffix: str = "nothing") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>')


GB_LIST = ('<w:abstractNum w:abstractNumId="0">' + _level(0, "chineseCounting", "%1、")
           + _level(1, "chineseCounting", "(%2)") + _level(2, "decimal", "%3.") + "</w:abstractNum>"
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


def test_docx_numbering_rebuilt_with_restarts(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx("".join([
        _para("实施方案"), _para("总体要求", 1, 0), _para("指导思想", 1, 1), _para("工作目标", 1, 1),
        _para("细则", 1, 2), _para("主要任务", 1, 0), _para("加强领导", 1, 1), _para("正文段落"),
    ]), GB_LIST))
    assert read_file(path).text.splitlines() == [
        "实施方案", "一、总体要求", "(一)指导思想", "(二)工作目标", "1.细则", "二、主要任务", "(一)加强领导", "正文段落"]


def test_docx_num_sharing_a_list_continues_and_override_restarts(tmp_path):
    numbering = GB_LIST + ('<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
                           '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
                           '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    path = tmp_path / "lists.docx"
    path.write_bytes(_docx(_para("甲", 1) + _para("乙", 2) + _para("丙", 3) + _para("丁", 3), numbering))
    assert read_file(path).text.splitlines() == ["一、甲", "二、乙", "一、丙", "二、丁"]


def test_docx_numbering_from_paragraph_style(tmp_path):
    numbering = ('<w:abstractNum w:abstractNumId="5">' + _level(0, "chineseCounting", "第%1条", "space")
                 + '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>')
    styles = ('<w:style w:type="paragraph" w:styleId="Article"><w:pPr><w:numPr><w:numId w:val="7"/>'
              '</w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Article2">'
              '<w:basedOn w:val="Article"/></w:style>')
    path = tmp_path / "rules.docx"
    path.write_bytes(_docx(_para("为了规范管理", style="Article") + _para("本办法适用于", style="Article2"),
                           numbering, styles))
    assert read_file(path).text.splitlines() == ["第一条 为了规范管理", "第二条 本办法适用于"]


def test_docx_table_rows_joined_by_tab(tmp_path):
    cell = "<w:tc>{}</w:tc>"
    row = "<w:tr>" + cell.format(_para("1")) + cell.format(_para("县卫生局") + _para("牵头")) + "</w:tr>"
    path = tmp_path / "table.docx"
    path.write_bytes(_docx(_para("任务分工") + f"<w:tbl>{row}</w:tbl>" + _para("附件")))
    assert read_file(path).text.splitlines() == ["任务分工", "1\t县卫生局 牵头", "附件"]


def test_docx_skips_field_codes_and_deleted_text(tmp_path):
    body = ("<w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>一、</w:t></w:r>"
            "<w:del><w:r><w:delText>删除的</w:delText></w:r></w:del><w:r><w:tab/><w:t>工作目标</w:t></w:r></w:p>")
    path = tmp_path / "fields.docx"
    path.write_bytes(_docx(body))
    assert read_file(path).text == "一、\t工作目标"


@pytest.mark.parametrize("n, fmt, text", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (21, "chineseCountingThousand", "二十一"), (101, "chineseCountingThousand", "一百零一"),
    (3, "ideographTraditional", "丙"), (2, "decimalEnclosedCircle", "②"), (4, "upperRoman", "IV"),
    (3, "chineseLegalSimplified", "叁"), (7, "decimalZero", "07"), (28, "lowerLetter", "bb"),
], ids=["一", "十", "十一", "二十一", "一百零一", "丙", "②", "IV", "叁", "07", "bb"])
def test_word_number_format(n, fmt, text):
    assert format_number(n, fmt) == text


def test_zip_without_word_document_refused(tmp_path):
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnreadableFile, match="sheet.docx: .*not a Word document"):
        read_file(path)


def test_encrypted_office_file_refused(tmp_path):
    path = tmp_path / "secret.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(UnreadableFile, match="secret.docx: password-protected"):
        read_file(path)


# --- pdf -------------------------------------------------------------------------------------

def _pdf(content: bytes, font: str, extra: tuple = ()) -> bytes:
    """A one-page PDF drawing ``content`` with font /F1 (object 5); ``extra`` objects follow as 6, 7..."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>", content, font, *extra]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        if isinstance(obj, bytes):
            out.write(f"{number} 0 obj\n<< /Length {len(obj)} >>\nstream\n".encode() + obj + b"\nendstream\nendobj\n")
        else:
            out.write(f"{number} 0 obj\n{obj}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
CID_FONT = ("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
            "/DescendantFonts [6 0 R] {to_unicode}>>")
CID_EXTRA = ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
             "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>",
             "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 0 1000 1000] "
             "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
TO_UNICODE = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
              b"1 begincodespacerange <0000> <FFFF> endcodespacerange 4 beginbfchar <000A> <5B9E> "
              b"<000B> <65BD> <000C> <65B9> <000D> <6848> endbfchar endcmap "
              b"CMapName currentdict /CMap defineresource pop end end")
CID_TEXT = b"BT /F1 12 Tf 72 700 Td <000A000B000C000D> Tj ET"  # 实施方案 as glyph numbers


def test_pdf_text_layer_read(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(b"BT /F1 12 Tf 72 700 Td (Work plan 2025) Tj ET", HELVETICA))
    assert (read_file(path).text, read_file(path).format) == ("Work plan 2025", "pdf")


def test_pdf_cid_font_with_to_unicode_read(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(CID_TEXT, CID_FONT.format(to_unicode="/ToUnicode 8 0 R "), (*CID_EXTRA, TO_UNICODE)))
    assert read_file(path).text == "实施方案"


def test_pdf_font_without_character_map_refused(tmp_path):
    path = tmp_path / "公告.pdf"
    path.write_bytes(_pdf(CID_TEXT, CID_FONT.format(to_unicode=""), CID_EXTRA))
    with pytest.raises(UnreadableFile, match="公告.pdf: PDF fonts have no character map.*run OCR"):
        read_file(path)


def test_pdf_without_text_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(b"0 0 0 rg 100 100 200 200 re f", HELVETICA))
    with pytest.raises(UnreadableFile, match=r"scan.pdf: PDF has no text layer \(run OCR and pass the .txt\)"):
        read_file(path)


def test_pdf_cid_junk_refused():
    from nlp.read.pdf import check_text_layer

    with pytest.raises(UnreadableFile, match="no character map"):
        check_text_layer("(cid:12)(cid:845)(cid:33) 一 (cid:7)", Path("x.pdf"))


def test_pdf_with_password_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(b"BT /F1 12 Tf (Plan) Tj ET", HELVETICA))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    with pytest.raises(UnreadableFile, match="locked.pdf: encrypted PDF: it needs a password"):
        read_file(path)


def test_pdf_locked_only_by_owner_password_read(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(b"BT /F1 12 Tf (Plan) Tj ET", HELVETICA))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "no-copy.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    assert read_file(path).text == "Plan"


# --- files that are not documents -------------------------------------------------------------

@pytest.mark.parametrize("name, data, reason", [
    ("photo.txt", b"\xff\xd8\xff\xe0" + bytes(100), "not a document but a JPEG image"),
    ("tool.pdf.txt", b"\x7fELF" + bytes(100), "not a document but an ELF executable"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"), "old Word 97-2003"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", "\n \u3000\t\n".encode(), "the file holds only whitespace"),
    ("controls.txt", bytes(range(1, 32)) * 50, "binary data"),
], ids=["jpeg", "elf", "doc", "empty", "whitespace", "controls"])
def test_not_a_document_refused(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match=f"^{name}: {reason}"):
        read_file(path)


def test_directory_refused(tmp_path):
    with pytest.raises(UnreadableFile, match="is a directory"):
        read_file(tmp_path)


def test_missing_file_refused(tmp_path):
    with pytest.raises(UnreadableFile, match="^missing.txt: no such file$"):
        read_file(tmp_path / "missing.txt")


def test_cli_normalize_prints_one_line_error(tmp_path):
    from nlp.cli import app

    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = CliRunner().invoke(app, ["normalize", str(path)])
    assert result.exit_code == 1
    assert result.output.strip() == "error: empty.txt: empty file (0 bytes)"
