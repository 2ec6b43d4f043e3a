"""Robustness of the document structure (split, title, doc_type, doc_number, outline) under
realistic changes of layout: the dev documents rewritten the ways unseen sites write them, scored
against the same gold (adjusted where the change renames a marker).

    python scripts/perturb_structure.py GOLD_DIR DOCS_DIR OUT_DIR [--variants a,b] [--score [--mentions]]

Writes OUT_DIR/<variant>/{gold,docs}/ and, with --score, prints the structure figures of each
variant (policy-nlp eval). The chrome lines added here are invented, generic site furniture.

Variants:
  noblank      blank lines removed
  blank        a blank line after every line
  headjoin     a numbered heading line joined to the line after it (heading runs into its body)
  flatten      single-document files: every line after the title's (else the first two) joined into one
  chrome_head  navigation, font-size, publication lines before the text
  chrome_head2 a masthead before the text: site name, greeting, date, menu, column name
  chrome_head3 a document-sharing site's numbered notice before the text (温馨提示: 1. 2. 3.)
  chrome_tail  related-article and link lists numbered 1. 2. ..., copyright/ICP/address footer
  chrome_tail2 a dated, numbered link list and a footer after the text
  chrome_tail4 the link list of chrome_tail2 without its dates
  chrome_tail3 a numbered link list in the document's own numbering styles, under a heading
  bufen        line-initial 一、 markers rewritten 第一部分 (gold markers too)
  deep         a 第一部分 line above the outline: every section one level deeper (gold too)
  arp          line-initial (1) rewritten 1) and 1. rewritten 1、 (gold markers too)
  concat       two titled single-document files of one collection in one file (several notices)
  trad         the text converted to traditional script (OpenCC s2t)

Variants that must not split a document (the gold keeps its document count), so that the
precision of splitting shows:
  relnews      a related-news block after the text: a label, then headline / date / one-line summary
  nextprev     previous/next-article links and sharing chrome after the text
  innerplan    a dated plan heading on a line of its own inside a document (`2022年工作计划` after a
               paragraph of a summary, followed by more paragraphs)
  titlebreak   the title line broken over two lines (after 关于…, else near its middle; gold unchanged)
  relchrome    sharing chrome after the text, then another page's headline over a one-sentence summary
  relplan      sharing chrome after the text, then another page's plan title over its first sentence
  pdfwrap      every line longer than 30 characters wrapped at 28 (text extracted from a PDF page)
  sidebar      a column of headlines of other pages after the text, each over its date, one with a
               sentence of summary
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

CN = "一二三四五六七八九十"

CHROME_HEAD = [
    "网站首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流",
    "当前位置:首页 > 信息公开 > 通知公告",
    "【字体:大 中 小】【打印本页】【关闭窗口】",
    "发布时间:2021-06-18 09:30 来源:本站 浏览次数:312",
]
CHROME_HEAD2 = [  # a site's masthead with no breadcrumb: name, greeting, menu, column name
    "某某市卫生健康委员会",
    "欢迎访问某某市卫生健康委员会网站",
    "今天是2021年6月18日 星期五",
    "首页 新闻动态 通知公告 政策法规 办事指南 联系我们",
    "通知公告",
]
CHROME_HEAD3 = [  # a document-sharing site's notice over the text it serves
    "文档分享网 > 行业资料 > 公文范文",
    "温馨提示:",
    "1.本站文档均由用户上传,仅供学习交流使用",
    "2.下载前请先预览文档内容,确认无误后再下载",
    "3.如有侵权请联系网站客服删除",
    "下载积分:10 文档页数:5",
]
CHROME_TAIL = [
    "相关文章",
    "1.某区组织开展夏季用电安全检查",
    "2.关于做好节假日值班工作的通知",
    "3.某镇召开年度工作推进会",
    "4.某局举办业务培训班",
    "友情链接:",
    "1、国家有关部门网站",
    "2、省政府门户网站",
    "3、市政务服务网",
    "版权所有:某某市某某局 主办单位:某某市某某局办公室",
    "地址:某某市某某路88号 邮编:000000 电话:0000-00000000",
    "备案号:某ICP备00000000号-1 网站标识码:0000000000",
]

CHROME_TAIL2 = [  # a dated link list and a footer with no heading word announcing them
    "1.某区组织开展夏季用电安全检查 2021-06-10",
    "2.关于做好节假日值班工作的通知 2021-06-08",
    "3.某镇召开年度工作推进会 2021-06-01",
    "4.某局举办业务培训班 2021-05-28",
    "主办:某某市某某局 承办:某某市信息中心",
    "联系电话:0000-00000000 地址:某某市某某路88号",
]
CHROME_TAIL3 = [  # the same list without dates, under a heading of its own
    "推荐阅读",
    "一、某区组织开展夏季用电安全检查",
    "二、关于做好节假日值班工作的通知",
    "三、某镇召开年度工作推进会",
    "(1)某局举办业务培训班",
    "(2)某街道开展消防演练",
]

RELNEWS = [  # a related-news block under a label: headline, date, a one-sentence summary
    "相关新闻",
    "某区开展夏季消防安全大检查",
    "2021-06-10",
    "近日,某区组织专门力量对辖区重点场所开展消防安全检查,发现问题当场督促整改。",
    "某县召开安全生产工作推进会",
    "2021-06-08",
    "会议传达了上级有关会议精神,并对下阶段重点工作作了部署。",
]
NEXTPREV = [
    "上一篇:关于做好节假日值班工作的通知",
    "下一篇:某区2021年安全生产月活动实施方案",
    "分享到:微信 微博 QQ空间",
    "【打印本页】【关闭窗口】",
]
RELCHROME = [
    "分享到:微信 微博 QQ空间",
    "【打印本页】【关闭窗口】",
    "某区开展夏季消防安全大检查",
    "近日,某区组织专门力量对辖区重点场所开展消防安全检查,发现问题当场督促整改。",
]
RELPLAN = [
    "分享到:微信 微博 QQ空间",
    "【打印本页】【关闭窗口】",
    "某区2021年安全生产月活动实施方案",
    "为切实做好今年安全生产月活动,结合我区实际,特制定本方案。",
]
SIDEBAR = [
    "热点新闻",
    "某市卫生健康委召开全系统作风建设工作会议",
    "2021-06-11",
    "某镇卫生院开展医德医风专题教育活动",
    "2021-06-09",
    "会上,院长就进一步加强医德医风建设提出了具体要求。",
    "某区应急管理局部署汛期安全防范工作",
    "2021-06-07",
]


def _title_break(text: str, gold: dict) -> tuple[str, dict]:
    """The line holding just a titled single document's title, broken over two lines."""
    docs = gold["documents"]
    if len(docs) != 1 or not docs[0].get("title"):
        return text, gold
    t2s = _opencc("t2s")
    key = re.sub(r"\s+", "", docs[0]["title"])
    lines = text.split("\n")
    for k, ln in enumerate(lines[:40]):
        if re.sub(r"\s+", "", t2s.convert(ln)) == key and len(ln.strip()) >= 12:
            raw = ln.strip()
            depth, cuts = 0, []
            for n, c in enumerate(raw):
                depth += (c in "《“(（") - (c in "》”)）")
                if depth == 0 and 5 <= n <= len(raw) - 5:
                    cuts.append(n + 1)
            if not cuts:
                return text, gold
            after_guanyu = raw.find("关于") + 2 if 0 <= raw.find("关于") <= 20 else -1
            at = min(cuts, key=lambda n: abs(n - (after_guanyu + 8 if after_guanyu > 0 else len(raw) // 2)))
            lines[k:k + 1] = [raw[:at], raw[at:]]
            return "\n".join(lines), gold
    return text, gold


def _pdf_wrap(text: str, width: int = 28) -> str:
    out = []
    for ln in text.split("\n"):
        while len(ln) > width + 2:
            out.append(ln[:width])
            ln = ln[width:]
        out.append(ln)
    return "\n".join(out)


def _inner_plan(text: str) -> str:
    """A dated plan heading alone on a line after a paragraph in the second half of the text,
    over the paragraphs that follow (a summary's closing plan for the next year)."""
    lines = text.split("\n")
    body = [k for k, ln in enumerate(lines) if ln.strip().endswith("。") and len(ln.strip()) >= 30]
    later = [k for k in body if k >= len(lines) // 2 and any(
        "。" in ln for ln in lines[k + 1:k + 4])]
    if not later:
        return text
    k = later[0]
    return "\n".join(lines[:k + 1] + ["2022年工作计划"] + lines[k + 1:])


_LINE_MARKER = re.compile(rf"^\s*(?:[{CN}]{{1,3}}、|\([{CN}]{{1,3}}\)|\d{{1,2}}[.、．]|\(\d{{1,2}}\)|第[{CN}]{{1,3}}[部分章条])")


def _join_headings(text: str) -> str:
    out = []
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        ln = lines[k]
        if _LINE_MARKER.match(ln) and "。" not in ln and len(ln) <= 40 and k + 1 < len(lines) and lines[k + 1].strip():
            out.append(ln.rstrip() + lines[k + 1].lstrip())
            k += 2
            continue
        out.append(ln)
        k += 1
    return "\n".join(out)


def _flatten(text: str, title: str | None = None) -> str:
    """Every line after the title's (else after the first two) joined into one."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    keep = 2
    if title:
        t2s = _opencc("t2s")
        key = re.sub(r"\s+", "", title)[:6]
        at = next((k for k, ln in enumerate(lines[:40]) if key in re.sub(r"\s+", "", t2s.convert(ln))), None)
        keep = at + 1 if at is not None else keep
    return "\n".join(lines[:keep] + ["".join(ln.strip() for ln in lines[keep:])])


def _cn(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    return ("" if n < 20 else CN[n // 10 - 1]) + "十" + (CN[n % 10 - 1] if n % 10 else "")


def _bufen(text: str, gold: dict) -> tuple[str, dict]:
    # (a gold heading is matched on its first two characters: the raw text may be traditional)
    converted = {(m.group(1), re.sub(r"\s+", "", m.group(2))[:2])
                 for m in re.finditer(rf"(?m)^\s*([{CN}]{{1,3}})、\s*(.*)$", text)}
    text = re.sub(rf"(?m)^(\s*)([{CN}]{{1,3}})、\s*", lambda m: f"{m.group(1)}第{m.group(2)}部分 ", text)
    t2s = _opencc("t2s")
    for doc in gold["documents"]:
        for s in doc.get("sections", []):
            m = re.fullmatch(rf"([{CN}]{{1,3}})、", s["marker"] or "")
            if m and any(n == m.group(1) and t2s.convert(h) == s["heading"][:2] for n, h in converted):
                s["marker"] = f"第{m.group(1)}部分"
    return text, gold


def _deep(text: str, gold: dict) -> tuple[str, dict]:
    # only single-document files whose outline opens with a line-initial level-1 marker
    docs = gold["documents"]
    if len(docs) != 1 or not docs[0].get("sections"):
        return text, gold
    first = docs[0]["sections"][0]
    if first["level"] != 1 or not first["marker"]:
        return text, gold
    m = re.search(rf"(?m)^\s*{re.escape(first['marker'])}\s*{re.escape(first['heading'][:6])}", text)
    if not m:
        return text, gold
    text = text[:m.start()] + "第一部分 总体安排\n" + text[m.start():].lstrip("\n")
    for s in docs[0]["sections"]:
        s["level"] += 1
    docs[0]["sections"].insert(0, {"level": 1, "marker": "第一部分", "heading": "总体安排"})
    return text, gold


def _arp(text: str, gold: dict) -> tuple[str, dict]:
    text = re.sub(r"(?m)^(\s*)\((\d{1,2})\)", r"\1\2)", text)
    text = re.sub(r"(?m)^(\s*)(\d{1,2})\.(?!\d)", r"\1\2、", text)
    for doc in gold["documents"]:
        for s in doc.get("sections", []):
            m = re.fullmatch(r"\((\d{1,2})\)", s["marker"] or "")
            if m and re.search(rf"(?m)^\s*{m.group(1)}\)\s*{re.escape(s['heading'][:6])}", text):
                s["marker"] = f"{m.group(1)})"
    return text, gold


_CONVERTERS: dict = {}


def _opencc(config: str):
    if config not in _CONVERTERS:
        import opencc

        _CONVERTERS[config] = opencc.OpenCC(config)
    return _CONVERTERS[config]


def _trad(text: str) -> str:
    return _opencc("s2t").convert(text)


SIMPLE = {
    "noblank": lambda t: "\n".join(ln for ln in t.split("\n") if ln.strip()),
    "blank": lambda t: "\n\n".join(t.split("\n")),
    "headjoin": _join_headings,
    "chrome_head": lambda t: "\n".join(CHROME_HEAD) + "\n" + t,
    "chrome_head2": lambda t: "\n".join(CHROME_HEAD2) + "\n" + t,
    "chrome_head3": lambda t: "\n".join(CHROME_HEAD3) + "\n" + t,
    "chrome_tail": lambda t: t.rstrip("\n") + "\n" + "\n".join(CHROME_TAIL) + "\n",
    "chrome_tail2": lambda t: t.rstrip("\n") + "\n" + "\n".join(CHROME_TAIL2) + "\n",
    "chrome_tail3": lambda t: t.rstrip("\n") + "\n" + "\n".join(CHROME_TAIL3) + "\n",
    "chrome_tail4": lambda t: t.rstrip("\n") + "\n" + "\n".join(re.sub(r" [\d-]+$", "", x) for x in CHROME_TAIL2) + "\n",
    "trad": _trad,
    "relnews": lambda t: t.rstrip("\n") + "\n" + "\n".join(RELNEWS) + "\n",
    "nextprev": lambda t: t.rstrip("\n") + "\n" + "\n".join(NEXTPREV) + "\n",
    "relchrome": lambda t: t.rstrip("\n") + "\n" + "\n".join(RELCHROME) + "\n",
    "relplan": lambda t: t.rstrip("\n") + "\n" + "\n".join(RELPLAN) + "\n",
    "sidebar": lambda t: t.rstrip("\n") + "\n" + "\n".join(SIDEBAR) + "\n",
    "innerplan": _inner_plan,
    "pdfwrap": _pdf_wrap,
}
WITH_GOLD = {"bufen": _bufen, "deep": _deep, "arp": _arp, "titlebreak": _title_break}
VARIANTS = [*SIMPLE, "flatten", *WITH_GOLD, "concat"]


def _concat(gold_dir: Path, docs_dir: Path, out: Path) -> int:
    """Pairs of titled single-document files of one collection, one after the other in one file."""
    singles = []
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        if len(gold["documents"]) == 1 and gold["documents"][0].get("title") and (docs_dir / gold["source"]).exists():
            singles.append((gp, gold))
    n = 0
    for (ga, a), (gb, b) in zip(singles[::2], singles[1::2]):
        if ga.stem.split("_")[0] != gb.stem.split("_")[0]:
            continue
        text = ((docs_dir / a["source"]).read_text(encoding="utf-8").rstrip("\n") + "\n"
                + (docs_dir / b["source"]).read_text(encoding="utf-8"))
        docs = [dict(a["documents"][0], doc_index=0), dict(b["documents"][0], doc_index=1)]
        name = f"{ga.stem}+{gb.stem}"
        (out / "docs" / f"{name}.txt").write_text(text, encoding="utf-8")
        (out / "gold" / f"{name}.json").write_text(
            json.dumps({"source": f"{name}.txt", "documents": docs}, ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def make(gold_dir: Path, docs_dir: Path, out: Path, variant: str) -> int:
    (out / "gold").mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    if variant == "concat":
        return _concat(gold_dir, docs_dir, out)
    n = 0
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        src = docs_dir / gold["source"]
        if not src.exists():
            continue
        text = src.read_text(encoding="utf-8")
        if variant == "flatten":
            if len(gold["documents"]) != 1:
                continue
            text = _flatten(text, gold["documents"][0].get("title"))
        elif variant in SIMPLE:
            text = SIMPLE[variant](text)
        else:
            text, gold = WITH_GOLD[variant](text, gold)
        (out / "docs" / gold["source"]).write_text(text, encoding="utf-8")
        (out / "gold" / gp.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


_ROWS = ("docs pred/gold", "documents", "sections", "section levels", "meta.title", "meta.doc_type", "meta.doc_number")
_MENTION_ROWS = ("date", "percentage", "target", "party")  # with --mentions


def score(out: Path, names: tuple[str, ...] = _ROWS) -> dict[str, str]:
    r = subprocess.run([sys.executable, "-m", "nlp.cli", "eval", str(out / "gold"), str(out / "docs")],
                       capture_output=True, text=True)
    rows = {}
    for line in r.stdout.splitlines():
        m = re.match(r"documents\s+gold=(\d+) pred=(\d+)", line)
        if m:
            rows["docs pred/gold"] = f"{m.group(2)}/{m.group(1)}"  # (the precision of splitting)
        for name in names:
            if line.startswith(name + " ") and name not in rows:
                m = re.search(r"F1=([\d.]+)|acc=([\d.]+)|exact count (\d+/\d+)", line)
                rows[name] = next(g for g in m.groups() if g) if m else "?"
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("docs", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--mentions", action="store_true", help="with --score, also the F1 of dates, percentages, "
                                                             "targets and parties (a wrapped or flattened text "
                                                             "should lose none)")
    a = ap.parse_args()
    names = _ROWS + (_MENTION_ROWS if a.mentions else ())
    if a.score:
        print(f"{'variant':12} {'files':>5} " + " ".join(f"{c.replace('meta.', ''):>10}" for c in names))
    for v in a.variants.split(","):
        n = make(a.gold, a.docs, a.out / v, v)
        if a.score:
            rows = score(a.out / v, names)
            print(f"{v:12} {n:5d} " + " ".join(f"{rows.get(c, '-'):>10}" for c in names), flush=True)


if __name__ == "__main__":
    main()
