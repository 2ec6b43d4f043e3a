"""Reading stage, Word files: .docx -> paragraphs in order, tables as rows, automatic numbering rebuilt.

A .docx is a zip of XML parts. zipfile reads it; every part is size-checked before it is inflated
(zip bombs) and parsed by defusedxml with DTDs refused (billion laughs). document.xml is parsed
incrementally, so memory stays proportional to one paragraph, not to the document. Word keeps
`一、` and `(一)` of numbered paragraphs in word/numbering.xml, not in the text; they are rebuilt
here, because the outline stage needs them.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse
from xml.etree.ElementTree import Element, ParseError

from nlp.errors import UnreadableFile

MAX_PART_BYTES = 50 * 1024 * 1024  # inflated size of document.xml; a 500-page report is ~10 MB
MAX_SIDE_PART_BYTES = 10 * 1024 * 1024  # numbering.xml, styles.xml, _rels
MAX_RATIO = 100  # XML deflates 5-20x; a bomb of spaces deflates ~1000x
MAX_MEMBERS = 10_000

_DOCUMENT = "word/document.xml"
_BREAKS = frozenset({"br", "cr"})
# Parts of the tree whose text a reader never sees: field codes, deleted runs, the old version of
# a changed paragraph, and the fallback copy of a text box (its mc:Choice twin is read).
_SKIP = frozenset({"instrText", "delText", "delInstrText", "pPrChange", "rPrChange", "Fallback"})
_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # w:isLgl: every placeholder in Western digits
    suffix: str = "tab"


@dataclass(slots=True)
class Numbering:
    """word/numbering.xml: numId -> levels, plus the counters of the paragraphs read so far."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    list_of: dict[str, str] = field(default_factory=dict)  # numId -> key of the counters it shares
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def marker(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the rendered marker, e.g. "(二)"."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.list_of[num_id], {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart != 0 and (restart is None or ilvl < restart):
                del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""  # bullets are symbol-font glyphs, often private-use characters

        def render(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            at = levels.get(k, Level())
            value = counters.get(k, at.start)
            return format_number(value, "decimal" if level.legal and k != ilvl else at.fmt)

        text = re.sub(r"%([1-9])", render, level.text)
        if not text:
            return ""
        if level.suffix == "space" or (level.suffix == "tab" and text[-1] not in "、.．)）:：]】"):
            return text + " "
        return text


def read_docx(path: Path) -> tuple[str, list[str]]:
    """Text of a .docx: one paragraph per line, a table row per line with cells joined by a tab."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise UnreadableFile(path, f"zip archive with {len(infos)} members; refused (limit {MAX_MEMBERS})")
            names = {info.filename for info in infos}
            document = _document_part(archive, names, path)
            if document not in names:
                raise UnreadableFile(path, "zip archive without word/document.xml: not a Word document")
            folder = str(PurePosixPath(document).parent)
            styles = _parse_styles(_read_side_part(archive, names, f"{folder}/styles.xml", path), path)
            numbering = _parse_numbering(_read_side_part(archive, names, f"{folder}/numbering.xml", path),
                                         styles, path)
            xml = _read_part(archive, document, path, MAX_PART_BYTES)
    except zipfile.BadZipFile as err:
        raise UnreadableFile(path, f"damaged or truncated .docx ({err})", hint="open and re-save it in Word") from None
    except RuntimeError:  # zipfile's word for a member under a zip password
        raise UnreadableFile(path, "password-protected zip inside the .docx",
                             hint="remove the password and save it as .docx again") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error, OSError) as err:
        raise UnreadableFile(path, f"cannot unpack .docx: {err}") from None
    lines, warnings = _document_lines(xml, numbering, styles, path)
    return "\n".join(lines), warnings


def _document_part(archive: zipfile.ZipFile, names: set[str], path: Path) -> str:
    """The main part named in _rels/.rels; word/document.xml when the package says nothing."""
    rels = _read_side_part(archive, names, "_rels/.rels", path)
    if rels:
        for rel in _parse_xml(rels, path, "_rels/.rels"):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    return _DOCUMENT


def _read_side_part(archive: zipfile.ZipFile, names: set[str], name: str, path: Path) -> bytes:
    return _read_part(archive, name, path, MAX_SIDE_PART_BYTES) if name in names else b""


def _read_part(archive: zipfile.ZipFile, name: str, path: Path, limit: int) -> bytes:
    """Inflate one member, refusing it by its declared size and ratio first, then by what it really
    inflates to (a header can lie), so a bomb is stopped after at most ``limit`` bytes."""
    info = archive.getinfo(name)
    mb = limit // (1024 * 1024)
    if info.file_size > limit:
        raise UnreadableFile(path, f"{name} inflates to {info.file_size // (1024 * 1024)} MB, over the "
                                   f"{mb} MB limit (a zip bomb or a huge document); refused")
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise UnreadableFile(path, f"{name} is compressed {info.file_size // max(info.compress_size, 1)}:1, "
                                   f"over the {MAX_RATIO}:1 limit (a zip bomb); refused")
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise UnreadableFile(path, f"{name} inflates past the {mb} MB limit; refused")
    return data


def _parse_xml(data: bytes, path: Path, part: str) -> Element:
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise UnreadableFile(path, f"{part} declares a DTD or entities (a billion-laughs attack?); refused") from None
    except ParseError as err:
        raise UnreadableFile(path, f"{part} is not well-formed XML ({err})") from None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _val(element: Element | None, name: str = "val") -> str | None:
    """An attribute by local name, whatever the namespace (transitional or strict OOXML)."""
    if element is None:
        return None
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


@dataclass(slots=True)
class _Style:
    num_id: str | None = None
    ilvl: int | None = None
    based_on: str | None = None


def _parse_styles(data: bytes, path: Path) -> dict[str, _Style]:
    """Paragraph styles that carry numbering (GB/T 9704 headings often do), with their basedOn."""
    if not data:
        return {}
    styles = {}
    for style in _parse_xml(data, path, "word/styles.xml"):
        if _local(style.tag) != "style":
            continue
        entry = _Style(based_on=_val(_child(style, "basedOn")))
        ppr = _child(style, "pPr")
        num_pr = _child(ppr, "numPr") if ppr is not None else None
        if num_pr is not None:
            entry.num_id = _val(_child(num_pr, "numId"))
            ilvl = _val(_child(num_pr, "ilvl"))
            entry.ilvl = _int(ilvl, 0) if ilvl is not None else None
        styles[_val(style, "styleId") or ""] = entry
    return styles


def _style_numbering(styles: dict[str, _Style], style_id: str | None) -> tuple[str | None, int | None]:
    seen = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        style = styles[style_id]
        if style.num_id is not None:
            return style.num_id, style.ilvl
        style_id = style.based_on
    return None, None


def _parse_numbering(data: bytes, styles: dict[str, _Style], path: Path) -> Numbering:
    numbering = Numbering()
    if not data:
        return numbering
    root = _parse_xml(data, path, "word/numbering.xml")
    abstracts: dict[str, dict[int, Level]] = {}
    style_links: dict[str, str] = {}
    nums: dict[str, tuple[str, Element]] = {}
    for element in root:
        kind = _local(element.tag)
        if kind == "abstractNum":
            abstract_id = _val(element, "abstractNumId") or ""
            abstracts[abstract_id] = {
                _int(_val(lvl, "ilvl"), 0): _parse_level(lvl) for lvl in element if _local(lvl.tag) == "lvl"}
            link = _val(_child(element, "numStyleLink"))
            if link:
                style_links[abstract_id] = link
        elif kind == "num":
            nums[_val(element, "numId") or ""] = (_val(_child(element, "abstractNumId")) or "", element)
    for num_id, (abstract_id, element) in nums.items():
        if abstract_id in style_links:  # the list's levels live with the style that links to it
            linked_num, _ = _style_numbering(styles, style_links[abstract_id])
            if linked_num in nums and linked_num != num_id:
                abstract_id = nums[linked_num][0]
        levels = dict(abstracts.get(abstract_id, {}))
        overridden = False
        for override in element:
            if _local(override.tag) != "lvlOverride":
                continue
            ilvl = _int(_val(override, "ilvl"), 0)
            lvl = _child(override, "lvl")
            if lvl is not None:
                levels[ilvl] = _parse_level(lvl)
            start = _val(_child(override, "startOverride"))
            if start is not None and ilvl in levels:
                levels[ilvl] = Level(_int(start, 1), levels[ilvl].fmt, levels[ilvl].text,
                                     levels[ilvl].restart, levels[ilvl].legal, levels[ilvl].suffix)
            overridden = True
        numbering.levels[num_id] = levels
        # Word continues one list across the w:num instances of an abstractNum unless an
        # instance overrides a level (that is how Word writes "restart numbering").
        numbering.list_of[num_id] = f"num:{num_id}" if overridden else f"abstract:{abstract_id}"
    return numbering


def _parse_level(lvl: Element) -> Level:
    restart = _val(_child(lvl, "lvlRestart"))
    legal = _child(lvl, "isLgl")
    return Level(
        start=_int(_val(_child(lvl, "start")), 1),
        fmt=_val(_child(lvl, "numFmt")) or "decimal",
        text=_val(_child(lvl, "lvlText")) or "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=legal is not None and _val(legal) not in ("0", "false"),
        suffix=_val(_child(lvl, "suff")) or "tab",
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def format_number(n: int, fmt: str) -> str:
    """Render a list counter in a Word number format.

    >>> [format_number(n, "chineseCounting") for n in (1, 10, 12, 20, 105)]
    ['一', '十', '十二', '二十', '一百零五']
    >>> format_number(3, "decimalEnclosedCircle"), format_number(2, "ideographTraditional")
    ('③', '乙')
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):
        return _chinese_number(n, _DIGITS, "十百千")
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return _chinese_number(n, _LEGAL_DIGITS, "拾佰仟", short_ten=False)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = "甲乙丙丁戊己庚辛壬癸" if fmt == "ideographTraditional" else "子丑寅卯辰巳午未申酉戌亥"
        return cycle[(n - 1) % len(cycle)] if n >= 1 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n)) if n >= 0 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n >= 1 else str(n)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _chinese_number(n: int, digits: str, units: str, *, short_ten: bool = True) -> str:
    """一 … 九千九百九十九, 十二 not 一十二 (Word's chineseCounting); larger numbers in digits."""
    if n <= 0 or n > 9999:
        return str(n)
    if short_ten and 10 <= n < 20:
        return units[0] + (digits[n % 10] if n % 10 else "")
    out, zero = [], False
    for power in (3, 2, 1, 0):
        d = n // 10 ** power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[d] + (units[power - 1] if power else ""))
    return "".join(out)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


@dataclass(slots=True)
class _Paragraph:
    parts: list[str] = field(default_factory=list)
    style: str | None = None
    num_id: str | None = None
    ilvl: int | None = None


def _document_lines(xml: bytes, numbering: Numbering, styles: dict[str, _Style],
                    path: Path) -> tuple[list[str], list[str]]:
    """Walk document.xml once, keeping only the open elements: paragraphs become lines, a table
    row becomes one line of cells joined by a tab, nested tables land inside their cell."""
    lines: list[str] = []
    sinks: list[list[str]] = [lines]  # where finished paragraphs go: the body or a table cell
    rows: list[list[str]] = []
    paragraphs: list[_Paragraph] = []
    open_elements: list[Element] = []
    skip = 0
    in_ppr = 0
    try:
        for event, element in iterparse(io.BytesIO(xml), events=("start", "end"), forbid_dtd=True):
            name = _local(element.tag)
            if event == "start":
                open_elements.append(element)
                if name in _SKIP:
                    skip += 1
                elif name == "pPr":
                    in_ppr += 1
                elif name == "p":
                    paragraphs.append(_Paragraph())
                elif name == "tr":
                    rows.append([])
                elif name == "tc":
                    sinks.append([])
                continue
            open_elements.pop()
            if name in _SKIP:
                skip -= 1
            elif skip:
                pass
            elif name == "t" and paragraphs and not in_ppr:
                paragraphs[-1].parts.append(element.text or "")
            elif name == "tab" and paragraphs and not in_ppr:
                paragraphs[-1].parts.append("\t")
            elif name in _BREAKS and paragraphs and not in_ppr:
                paragraphs[-1].parts.append("\n")
            elif name == "noBreakHyphen" and paragraphs:
                paragraphs[-1].parts.append("-")
            elif name == "pPr":
                in_ppr -= 1
            elif in_ppr and paragraphs and name in ("pStyle", "numId", "ilvl"):
                _set_paragraph_property(paragraphs[-1], name, _val(element))
            elif name == "p" and paragraphs:
                sinks[-1].append(_paragraph_text(paragraphs.pop(), numbering, styles))
            elif name == "tc" and len(sinks) > 1:
                cell = sinks.pop()
                if rows:
                    rows[-1].append(" ".join(line for line in cell if line.strip()))
            elif name == "tr" and rows:
                sinks[-1].append("\t".join(rows.pop()))
            if open_elements and name in ("p", "tbl", "sdt", "tr", "t"):
                element.clear()
                if len(open_elements) <= 2:  # a child of w:body: drop it from the tree
                    open_elements[-1].remove(element)
    except DefusedXmlException:
        raise UnreadableFile(path, "word/document.xml declares a DTD or entities "
                                   "(a billion-laughs attack?); refused") from None
    except ParseError as err:
        raise UnreadableFile(path, f"word/document.xml is not well-formed XML ({err})") from None
    return lines, []


def _set_paragraph_property(paragraph: _Paragraph, name: str, value: str | None) -> None:
    if name == "pStyle":
        paragraph.style = value
    elif name == "numId":
        paragraph.num_id = value
    else:
        paragraph.ilvl = _int(value, 0)


def _paragraph_text(paragraph: _Paragraph, numbering: Numbering, styles: dict[str, _Style]) -> str:
    text = "".join(paragraph.parts)
    num_id, ilvl = paragraph.num_id, paragraph.ilvl
    style_num, style_ilvl = _style_numbering(styles, paragraph.style)
    if num_id is None:
        num_id = style_num
    if ilvl is None:
        ilvl = style_ilvl if style_ilvl is not None else 0
    if not num_id or num_id == "0":  # numId 0 switches numbering off for this paragraph
        return text
    return numbering.marker(num_id, ilvl) + text
