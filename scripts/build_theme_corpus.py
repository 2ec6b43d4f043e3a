#!/usr/bin/env python3
"""Build and check the labelled theme corpus in corpora/themes/.

Deterministic; run from anywhere:

    python scripts/build_theme_corpus.py            # rebuild + check + print counts
    python scripts/build_theme_corpus.py --audit    # also print the keyword-baseline audit

What it does
1. seed_gold.jsonl  <- every passage of corpora/gold/*.json (origin "seed-gold",
   source "<file stem>#<doc_index>").
2. written_NN.jsonl <- src/written_NN.txt, the hand-written passages in a compact
   form (see README.md, "Source format").  Documents marked 繁 are converted with
   OpenCC s2t; their labels are unchanged.
3. Checks every *.jsonl: valid JSON, required fields, known themes, ids unique,
   one source never mixes files, no duplicate texts (compared after t2s + removing
   whitespace), near-duplicates (char 5-gram Jaccard) reported, lengths reported.
4. split.json <- the dev sources: about 20 % of written sources, chosen by
   sha1(source id), stratified by each source's majority label, topped up (again
   in hash order) until dev holds >= 50 passages per theme.  Seed-gold sources
   are always train.
5. Prints counts per theme, no-theme share, per split, per genre/level/sector.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD = os.path.join(ROOT, "corpora", "gold")
OUT = os.path.join(ROOT, "corpora", "themes")
SRC = os.path.join(OUT, "src")

sys.path.insert(0, ROOT)  # run from anywhere, with or without the package installed
from nlp.metrics import prf  # noqa: E402
from nlp.vocab import THEMES  # noqa: E402  the contract's themes, named once

CODES = dict(zip("SYA", THEMES))  # S 四风, Y 医德医风, A 安全隐患
GENRES = {"实施方案", "工作总结", "指导意见", "通知", "新闻", "讲话", "报告"}
LEVELS = {"县", "市", "省", "部"}
# finer source-header values folded into the contract's sets; the finer value is kept
# in genre_detail / level_detail
GENRE_FOLD = {"通报": "通知"}
LEVEL_FOLD = {"乡": "县", "村": "县"}
ORIGINS = {"seed-gold", "written"}
DEV_SHARE = 0.20
DEV_MIN_PER_THEME = 50

_t2s = _s2t = None


def t2s(s: str) -> str:
    global _t2s
    if _t2s is None:
        import opencc
        _t2s = opencc.OpenCC("t2s")
    return _t2s.convert(s)


def s2t(s: str) -> str:
    global _s2t
    if _s2t is None:
        import opencc
        _s2t = opencc.OpenCC("s2t")
    return _s2t.convert(s)


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- seed gold
GOLD_META = {
    # stem -> (genre, level, sector) per doc_index default
    "000_5c710998ef01bb6b": ("工作总结", "县", "卫生"),
    "001_dc560518e686a4db": ("实施方案", "县", "卫生"),
    "002_e235e6010d6d9593": ("指导意见", "市", "卫生"),
    "003_120af95be2750cde": ("新闻", "市", "卫生"),
    "004_4712b40f9c60485c": ("工作总结", "县", "卫生"),
}
# 001 holds ten plans of different levels and sectors
GOLD_DOC_META = {
    ("001_dc560518e686a4db", 1): ("实施方案", "市", "卫生"),
    ("001_dc560518e686a4db", 2): ("实施方案", "市", "烟草企业"),
    ("001_dc560518e686a4db", 3): ("实施方案", "市", "卫生"),
    ("001_dc560518e686a4db", 7): ("实施方案", "市", "卫生"),
    ("001_dc560518e686a4db", 8): ("实施方案", "县", "卫生"),
    ("001_dc560518e686a4db", 9): ("实施方案", "市", "卫生"),
}


def build_seed():
    rows = []
    for path in sorted(glob.glob(os.path.join(GOLD, "*.json"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        for doc in gold["documents"]:
            di = doc["doc_index"]
            genre, level, sector = GOLD_DOC_META.get((stem, di), GOLD_META.get(stem, (None, None, None)))
            if doc.get("doc_type"):
                genre = doc["doc_type"]
            for k, p in enumerate(doc.get("passages", [])):
                rows.append({
                    "id": f"g{stem[:3]}-{di:02d}-{k:02d}",
                    "text": p["text"],
                    "themes": [t for t in THEMES if t in p["themes"]],
                    "source": f"{stem}#{di}",
                    "origin": "seed-gold",
                    "genre": genre, "level": level, "sector": sector,
                    "script": "simplified",
                })
    write_jsonl(os.path.join(OUT, "seed_gold.jsonl"), rows)
    return rows


# ---------------------------------------------------------------- written
HEADER = re.compile(r"^@\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(\s+繁)?\s*$")
LINE = re.compile(r"^([SYA]*|-)\|\s*(.+)$")


def parse_src(path):
    """Compact format:
        @ <source-id> <genre> <level> <sector> [繁]
        S|  passage text          (codes: S 四风, Y 医德医风, A 安全隐患; '-' none)
    Blank lines and lines starting with '#' are ignored."""
    rows, cur, n = [], None, 0
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            m = HEADER.match(line)
            if m:
                sid, genre, level, sector, trad = m.groups()
                cur = dict(source=sid, genre=genre, level=level, sector=sector, trad=bool(trad))
                n = 0
                continue
            m = LINE.match(line)
            if not m or cur is None:
                raise SystemExit(f"{path}:{ln}: cannot parse: {line[:60]}")
            codes, text = m.groups()
            themes = [] if codes == "-" else [CODES[c] for c in "SYA" if c in codes]
            text = text.strip()
            if cur["trad"]:
                text = s2t(text)
            row = {
                "id": f"{cur['source']}-{n:02d}",
                "text": text,
                "themes": themes,
                "source": cur["source"],
                "origin": "written",
                "genre": GENRE_FOLD.get(cur["genre"], cur["genre"]),
                "level": LEVEL_FOLD.get(cur["level"], cur["level"]),
                "sector": cur["sector"],
                "script": "traditional" if cur["trad"] else "simplified",
            }
            if cur["genre"] in GENRE_FOLD:
                row["genre_detail"] = cur["genre"]
            if cur["level"] in LEVEL_FOLD:
                row["level_detail"] = cur["level"]
            rows.append(row)
            n += 1
    return rows


def build_written():
    out = {}
    for path in sorted(glob.glob(os.path.join(SRC, "written_*.txt"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        rows = parse_src(path)
        write_jsonl(os.path.join(OUT, stem + ".jsonl"), rows)
        out[stem] = rows
    return out


# ---------------------------------------------------------------- checks
def norm(s):
    return re.sub(r"\s+", "", t2s(s))


def shingles(s, k=5):
    s = norm(s)
    return {s[i:i + k] for i in range(max(1, len(s) - k + 1))}


def load_all():
    rows, errors = [], []
    for path in sorted(glob.glob(os.path.join(OUT, "*.jsonl"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{name}:{ln}: invalid JSON ({e})")
                    continue
                r["_file"] = name
                rows.append(r)
    return rows, errors


def check(rows, errors):
    warnings = []
    ids, texts, src_file = {}, {}, {}
    for r in rows:
        where = f"{r['_file']}:{r.get('id')}"
        for k in ("id", "text", "themes", "source", "origin", "genre", "level", "sector"):
            if k not in r:
                errors.append(f"{where}: missing field {k}")
        if not isinstance(r.get("themes"), list) or any(t not in THEMES for t in r.get("themes", [])):
            errors.append(f"{where}: unknown theme {r.get('themes')}")
        if len(set(r.get("themes", []))) != len(r.get("themes", [])):
            errors.append(f"{where}: repeated theme")
        if r.get("origin") not in ORIGINS:
            errors.append(f"{where}: unknown origin {r.get('origin')}")
        if r.get("genre") not in GENRES:
            errors.append(f"{where}: unknown genre {r.get('genre')}")
        if r.get("level") not in LEVELS:
            errors.append(f"{where}: unknown level {r.get('level')}")
        if r.get("origin") == "written":
            n = len(r["text"])
            if n < 40 or n > 500:
                warnings.append(f"{where}: length {n} outside 40-500")
        if r["id"] in ids:
            errors.append(f"{where}: duplicate id (also {ids[r['id']]})")
        ids[r["id"]] = where
        key = norm(r["text"])
        if key in texts:
            errors.append(f"{where}: duplicate text (also {texts[key]})")
        texts[key] = where
        prev = src_file.setdefault(r["source"], r["_file"])
        if prev != r["_file"]:
            errors.append(f"{where}: source {r['source']} also in {prev}")
    return warnings


def near_duplicates(rows, thr=0.5):
    """Pairs of written passages whose char 5-gram Jaccard >= thr (inverted index)."""
    sh = [shingles(r["text"]) for r in rows]
    index = defaultdict(list)
    for i, s in enumerate(sh):
        for g in s:
            index[g].append(i)
    pairs = []
    for i, s in enumerate(sh):
        cnt = Counter()
        for g in s:
            lst = index[g]
            if len(lst) > 60:       # very common shingle, skip
                continue
            for j in lst:
                if j > i:
                    cnt[j] += 1
        for j, c in cnt.items():
            jac = c / (len(s) + len(sh[j]) - c)
            if jac >= thr:
                pairs.append((round(jac, 2), rows[i]["id"], rows[j]["id"]))
    return sorted(pairs, reverse=True)


# ---------------------------------------------------------------- split
def h(s):
    return int(hashlib.sha1(s.encode("utf-8")).hexdigest(), 16)


def make_split(rows):
    by_src = defaultdict(list)
    for r in rows:
        by_src[r["source"]].append(r)
    written = sorted((s for s, rs in by_src.items() if rs[0]["origin"] == "written"), key=h)

    def stratum(s):
        c = Counter(t for r in by_src[s] for t in r["themes"])
        return c.most_common(1)[0][0] if c else "none"

    strata = defaultdict(list)
    for s in written:                       # already in hash order
        strata[stratum(s)].append(s)
    dev = set()
    for key in sorted(strata):
        lst = strata[key]
        dev.update(lst[:round(len(lst) * DEV_SHARE)])

    def dev_count(t):
        return sum(t in r["themes"] for s in dev for r in by_src[s])

    for t in THEMES:                        # top up in hash order if short
        for s in strata[t]:
            if dev_count(t) >= DEV_MIN_PER_THEME:
                break
            dev.add(s)
    return sorted(dev, key=h)


# ---------------------------------------------------------------- keyword audit
KEYWORDS = {
    "四风": ["形式主义", "官僚主义", "享乐主义", "奢靡", "四风", "走过场", "文山会海", "门难进", "推诿扯皮",
            "公款吃喝", "公车私用", "超标准接待", "慵懒散", "吃空饷", "八项规定"],
    "医德医风": ["医德", "医风", "红包", "回扣", "大处方", "乱收费", "服务态度", "廉洁行医", "医患沟通", "行风"],
    "安全隐患": ["隐患", "消防", "火灾", "安全生产", "特种设备", "危险化学品", "应急预案", "事故"],
}


def audit(rows):
    print("\n== keyword-only baseline (a theme fires when any keyword occurs) ==")
    for t in THEMES:
        tp = fp = fn = 0
        fps, fns = [], []
        for r in rows:
            text = norm(r["text"])
            pred = any(k in text for k in KEYWORDS[t])
            gold = t in r["themes"]
            tp += pred and gold
            if pred and not gold:
                fp += 1
                fps.append(r)
            if gold and not pred:
                fn += 1
                fns.append(r)
        p, rc, f1 = prf(tp, tp + fn, tp + fp)
        print(f"{t}: P={p:.3f} R={rc:.3f} F1={f1:.3f}  keyword-but-not-labelled={fp}  labelled-without-keyword={fn}")
        if AUDIT_VERBOSE:
            for r in fps:
                print(f"   FP {r['id']} {r['themes']} {norm(r['text'])[:90]}")
            for r in fns:
                print(f"   FN {r['id']} {r['themes']} {norm(r['text'])[:90]}")


AUDIT_VERBOSE = False


# ---------------------------------------------------------------- report
def report(rows, dev):
    dev = set(dev)
    n = len(rows)

    def line(name, rs):
        c = Counter(t for r in rs for t in r["themes"])
        none = sum(not r["themes"] for r in rs)
        multi = sum(len(r["themes"]) > 1 for r in rs)
        srcs = len({r["source"] for r in rs})
        share = none / len(rs) if rs else 0
        print(f"{name:<12}{len(rs):>6}{srcs:>8}" + "".join(f"{c[t]:>8}" for t in THEMES)
              + f"{none:>8}{share:>8.1%}{multi:>7}")

    print(f"{'':<12}{'pass.':>6}{'sources':>8}" + "".join(f"{t:>6}" for t in THEMES) + f"{'none':>8}{'share':>8}{'multi':>7}")
    line("all", rows)
    for origin in sorted(ORIGINS):
        line(origin, [r for r in rows if r["origin"] == origin])
    line("traditional", [r for r in rows if r.get("script") == "traditional"])
    line("train", [r for r in rows if r["source"] not in dev])
    line("dev", [r for r in rows if r["source"] in dev])
    print()
    for f in sorted({r["_file"] for r in rows}):
        line(f.replace(".jsonl", ""), [r for r in rows if r["_file"] == f])
    for key in ("genre", "level", "sector"):
        c = Counter(r.get(key) for r in rows)
        print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    lens = sorted(len(r["text"]) for r in rows)
    print(f"length: min {lens[0]}, median {lens[n // 2]}, max {lens[-1]}")


def main():
    global AUDIT_VERBOSE
    ap = argparse.ArgumentParser()
    ap.add_argument("--audit", action="store_true", help="keyword-only baseline summary")
    ap.add_argument("--audit-verbose", action="store_true", help="list the baseline's disagreements")
    ap.add_argument("--near", type=float, default=0.5, help="near-duplicate Jaccard threshold")
    args = ap.parse_args()
    AUDIT_VERBOSE = args.audit_verbose

    os.makedirs(OUT, exist_ok=True)
    build_seed()
    build_written()
    rows, errors = load_all()
    warnings = check(rows, errors)
    nd = near_duplicates([r for r in rows if r["origin"] == "written"], args.near)
    for p in nd:
        warnings.append(f"near-duplicate {p[0]}: {p[1]} ~ {p[2]}")
    dev = make_split(rows)
    with open(os.path.join(OUT, "split.json"), "w", encoding="utf-8") as f:
        json.dump({"rule": "dev = ~20% of written sources by sha1(source id), stratified by majority "
                           "label, topped up to >=50 passages per theme; seed-gold sources are train; "
                           "every other source is train",
                   "dev": dev}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    report(rows, dev)
    if args.audit or args.audit_verbose:
        audit(rows)
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    if errors:
        sys.exit(1)
    print("OK" if not errors else "FAILED")


if __name__ == "__main__":
    main()
