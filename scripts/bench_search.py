#!/usr/bin/env python3
"""Compare passage search: the older jieba-token FTS index against the trigram index.

usage: python scripts/bench_search.py OLD_DB NEW_DB [--repeat 20]

OLD_DB is a database written by a version before the trigram index (``passages_fts`` holds
jieba tokens in a ``tokens`` column); NEW_DB one written by this version from the same
inputs. For each analyst-style query below it prints the number of matching passages (no
limit) and the median latency of the top-20 query as ``policy-nlp search`` runs it. The old
side re-implements the old query in a few lines: jieba cut (HMM off), every token required.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.errors import BadOption  # noqa: E402
from nlp.store.search import search_passages  # noqa: E402
from nlp.store.sqlite import connect  # noqa: E402

QUERIES = [
    "隐患排查", "安全隐患", "消防安全", "消防设施", "医德医风", "红包", "回扣", "公款吃喝", "四风", "形式主义",
    "官僚主义", "享乐主义", "奢靡之风", "作风建设", "专项整治", "自查自纠", "整改", "问责", "责任追究",
    "培训", "完好率", "卫生局", "医疗机构", "收受红包", "廉洁自律", "文山会海", "督导检查", "隐患 排查",
    "医疗 服务 质量", "群众满意度", "安全生产责任制", '"工作方案"', "红包 OR 回扣", "整治 NOT 消防",
]


def _old_tokens(query: str) -> list[str]:
    import jieba

    jieba.setLogLevel(60)
    return [t for t in jieba.cut(query, HMM=False) if any(ch.isalnum() for ch in t)]


def old_search(con: sqlite3.Connection, query: str, limit: int | None) -> int:
    tokens = _old_tokens(query)
    if not tokens:
        return 0
    match = " AND ".join('"' + t.replace('"', '""') + '"' for t in tokens)
    sql = ("SELECT p.rowid, bm25(passages_fts) AS rank FROM passages_fts JOIN passages p "
           "ON p.rowid = passages_fts.rowid WHERE passages_fts MATCH ? ORDER BY rank")
    if limit:
        sql += f" LIMIT {limit}"
    return len(con.execute(sql, (match,)).fetchall())


def new_search(con: sqlite3.Connection, query: str, limit: int | None) -> int | str:
    try:
        return len(search_passages(con, query, limit=limit or 10**9))
    except BadOption as err:
        return f"refused: {err}"


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("old_db", type=Path)
    ap.add_argument("new_db", type=Path)
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    old = sqlite3.connect(f"{a.old_db.resolve().as_uri()}?mode=ro", uri=True)
    new = connect(a.new_db, readonly=True)
    n_old = old.execute("SELECT count(*) FROM passages").fetchone()[0]
    n_new = new.execute("SELECT count(*) FROM passages").fetchone()[0]
    print(f"passages: old {n_old}, new {n_new}; db size: old {a.old_db.stat().st_size / 1e6:.2f} MB, "
          f"new {a.new_db.stat().st_size / 1e6:.2f} MB")
    _old_tokens("预热")  # load jieba's dictionary outside the timings
    print("| query | old hits | new hits | old ms | new ms | new path |")
    print("|---|---:|---:|---:|---:|---|")
    totals = [0.0, 0.0]
    for q in QUERIES:
        hits_old, hits_new = old_search(old, q, None), new_search(new, q, None)
        ms_old = timed(lambda: old_search(old, q, 20), a.repeat)
        ms_new = timed(lambda: new_search(new, q, 20), a.repeat)
        totals[0] += ms_old
        totals[1] += ms_new
        path = "LIKE" if any(len(w.strip('"')) < 3 for w in q.split() if w not in ("OR", "NOT")) else "trigram"
        print(f"| {q} | {hits_old} | {hits_new} | {ms_old:.2f} | {ms_new:.2f} | {path} |")
    print(f"| total ({len(QUERIES)} queries) | | | {totals[0]:.1f} | {totals[1]:.1f} | |")


if __name__ == "__main__":
    main()
