"""Helpers for writing the held-out gold by hand (see ../README.md)."""
import json, re, unicodedata
from pathlib import Path
import opencc

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"
GOLD = HERE.parent / "gold"
_t2s = opencc.OpenCC("t2s")
PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def normalized(path):
    s = Path(path).read_text()
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
    return {"type": "party", "text": nf(text), "value": {"name": nf(name or text), "role": role}}


class Doc:
    def __init__(self, path):
        self.path = Path(path)
        self.text = normalized(path)

    def P(self, start, end, themes=()):
        """Passage from the first occurrence of `start` through the end of `end` (same line)."""
        i = self.text.index(nf(start))
        j = self.text.index(nf(end), i) + len(nf(end))
        t = self.text[i:j]
        assert "\n" not in t, (start, t[:60])
        return {"text": t, "themes": list(themes)}


def write(stem, documents):
    src = DOCS / (stem + ".txt")
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
    out = {"source": src.name, "documents": documents}
    (GOLD / (stem + ".json")).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    c = {k: sum(1 for d in documents for m in d["mentions"] if m["type"] == k) for k in ("date", "percentage", "target", "party")}
    print(stem, "docs", len(documents), "sections", sum(len(d["sections"]) for d in documents), c,
          "passages", sum(len(d["passages"]) for d in documents))
