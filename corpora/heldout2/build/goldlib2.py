"""Helpers for writing the heldout2 gold by hand (see ../README.md)."""
import html, json, re, unicodedata, zipfile
from pathlib import Path
import opencc

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"
GOLD = HERE.parent / "gold"
_t2s = opencc.OpenCC("t2s")
PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def raw_text(path):
    path = Path(path)
    if path.suffix == ".docx":
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        paras = re.findall(r"<w:p>(.*?)</w:p>", xml, re.S)
        return "\n".join(html.unescape("".join(re.findall(r"<w:t[^>]*>(.*?)</w:t>", p, re.S))) for p in paras)
    b = path.read_bytes()
    if path.suffix in (".html", ".htm"):
        s = b.decode("utf-8")
        s = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", s, flags=re.S)
        s = re.sub(r"<br\s*/?>|</p>|</div>|</li>|</h\d>", "\n", s)
        s = re.sub(r"<[^>]+>", "", s)
        return html.unescape(s)
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            return b.decode(enc)
        except UnicodeDecodeError:
            pass
    raise ValueError(path)


def normalized(path):
    s = raw_text(path)
    s = PINYIN.sub("", s)
    s = _t2s.convert(s)
    return unicodedata.normalize("NFKC", s)


def nf(s):
    return unicodedata.normalize("NFKC", s) if isinstance(s, str) else s


def fold(s):
    return re.sub(r"\s+", "", nf(s or ""))


def S(level, marker, heading):
    return {"level": level, "marker": nf(marker), "heading": nf(heading)}


def D(text, start, end=None, kind="point"):
    return {"type": "date", "text": nf(text), "value": {"start": start, "end": end or start, "kind": kind}}


def DL(text, date):
    return D(text, date, date, "deadline")


def DR(text, start, end):
    return D(text, start, end, "range")


def PC(text, number, comparator=None, unit="%"):
    return {"type": "percentage", "text": nf(text), "value": {"number": float(number), "unit": unit, "comparator": comparator}}


def T(text, metric, number, unit, comparator=None, deadline=None, scope=None):
    return {"type": "target", "text": nf(text), "value": {"metric": nf(metric), "number": float(number), "unit": unit,
                                                        "comparator": comparator, "deadline": deadline, "scope": nf(scope)}}


def Y(text, role, name=None):
    return {"type": "party", "text": nf(text), "value": {"name": re.sub(r"\s+", "", nf(name or text)), "role": role}}


class Doc:
    def __init__(self, path):
        self.path = Path(path)
        self.text = normalized(path)

    def P(self, start, end, themes=(), after=None):
        """Passage from the first occurrence of `start` (after `after`, if given) through `end` (same line)."""
        i0 = self.text.index(nf(after)) if after else 0
        i = self.text.index(nf(start), i0)
        j = self.text.index(nf(end), i) + len(nf(end))
        t = self.text[i:j]
        assert "\n" not in t, (start, t[:60])
        return {"text": t, "themes": list(themes)}


def write(stem, documents, src=None):
    src = src or next(p for p in DOCS.glob(stem + ".*"))
    text = fold(normalized(src))
    problems = []
    for d in documents:
        for s in d["sections"]:
            if fold(s["marker"] + s["heading"]) not in text:
                problems.append(("section", s))
        for m in d["mentions"]:
            if fold(m["text"]) not in text:
                problems.append(("mention", m["text"]))
        for p in d["passages"]:
            if fold(p["text"]) not in text:
                problems.append(("passage", p["text"][:40]))
        if d["title"] and fold(d["title"]) not in text:
            problems.append(("title", d["title"]))
        if d["doc_number"] and fold(d["doc_number"]) not in text:
            problems.append(("doc_number", d["doc_number"]))
    for p in problems:
        print(stem, "NOT FOUND", p)
    out = {"source": Path(src).name, "documents": documents}
    (GOLD / (stem + ".json")).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    c = {k: sum(1 for d in documents for m in d["mentions"] if m["type"] == k) for k in ("date", "percentage", "target", "party")}
    th = {k: sum(1 for d in documents for p in d["passages"] if k in p["themes"]) for k in ("四风", "医德医风", "安全隐患")}
    th["none"] = sum(1 for d in documents for p in d["passages"] if not p["themes"])
    print(stem, "chars", len(text), "docs", len(documents), "sections", sum(len(d["sections"]) for d in documents), c,
          "passages", sum(len(d["passages"]) for d in documents), th)
    return problems
