"""Named days of the date extractor, read from ``nlp/data/date_holidays.tsv``.

A holiday is a fixed day (元旦 = 01-01, 国庆 = 10-01) or a lunar feast whose day moves, so only
its year is known (2021年春节前 = 2021). ``form`` says when the name alone is a date: ``bare``
always, ``cue`` only before a holiday word (七一前, 五一期间), ``year`` only after a written year.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.extract.parties_lexicon import BadDataFile, read_table

FORMS = ("bare", "cue", "year")
# what may follow a cue-form name for it to be a day: 七一前, 五一期间, 十一黄金周, 五一节
HOLIDAY_CUE = r"前|期间|假期|放假|长假|小长假|黄金周|节|将至|来临|之际|当天|后"
# no numeral or ordinal before a name (十一 of 二十一, 第十一), no anniversary after it (国庆60周年)
_BEFORE = r"(?<![0-9〇零一二两三四五六七八九十百第建])"
_AFTER = r"(?![0-9〇零一二两三四五六七八九十百]+周年)(?!典)"


@cache
def holiday_days() -> dict[str, str]:
    """Name -> ``MM-DD`` or ``"year"``, quotes kept (``“七一”`` and ``七一`` both listed)."""
    rows = read_table("date_holidays.tsv", ("name", "day", "form"), {2: FORMS})
    days = {}
    for r in rows:
        name, day, _form = r.cells
        if day != "year" and not re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", day):
            raise BadDataFile(f"date_holidays.tsv:{r.line}: day {day!r} is neither MM-DD nor 'year'")
        days[name] = day
    return days


@cache
def holiday_patterns() -> tuple[str, str]:
    """(alone, after_year): regex fragments of the names that are dates alone, and of all names.

    >>> alone, after_year = holiday_patterns()
    >>> bool(re.fullmatch(alone, "元旦")), bool(re.fullmatch(alone, "春节")), bool(re.fullmatch(after_year, "春节"))
    (True, False, True)
    """
    rows = read_table("date_holidays.tsv", ("name", "day", "form"), {2: FORMS})
    by_length = sorted((r.cells for r in rows), key=lambda c: -len(c[0]))
    alone = []
    for name, _day, form in by_length:
        if form == "bare":
            alone.append(re.escape(name))
        elif form == "cue":
            alone.append(rf"{re.escape(name)}(?=(?:{HOLIDAY_CUE}))")
    every = "|".join(re.escape(c[0]) for c in by_length)
    return (rf"{_BEFORE}(?:{'|'.join(alone)}){_AFTER}", rf"(?:{every}){_AFTER}")


@cache
def roc_cues() -> tuple[str, ...]:
    """The words of ``nlp/data/date_roc_cues.tsv``: a text holding one is written in Taiwan, where
    a bare year (112年) counts from 民国 1."""
    return tuple(r.cells[0] for r in read_table("date_roc_cues.tsv", ("cue",)))


CHROME_SCOPES = ("list", "line")


@cache
def chrome_cues() -> dict[str, tuple[str, ...]]:
    """Scope -> the words of ``nlp/data/date_chrome_cues.tsv``: ``list`` heads a list of links
    (相关新闻, 往期回顾), ``line`` opens a link's own line (上一篇:…). Longer words first."""
    rows = read_table("date_chrome_cues.tsv", ("cue", "scope"), {1: CHROME_SCOPES})
    cues: dict[str, list[str]] = {scope: [] for scope in CHROME_SCOPES}
    for r in rows:
        cues[r.cells[1]].append(r.cells[0])
    return {scope: tuple(sorted(words, key=len, reverse=True)) for scope, words in cues.items()}
