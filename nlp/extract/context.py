"""What the extractors of one document share, read once per document by the pipeline.

``DocContext`` holds the width-folded text and the document's dates (the date grammar runs once:
the dates stage hands them back and targets reads its deadlines from them). Every extractor still
works without one (``context=None``), building what it needs itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Sequence

from nlp.extract.dates import read_dates, scan_dates
from nlp.model import Mention
from nlp.text import fold_width

_RELATIVE_YEAR = re.compile(r"[今明去本]年")


@dataclass(frozen=True, slots=True)
class DocContext:
    text: str
    folded: str  # fold_width(text): ，；：％ read as ,;:% (one character for one)
    plain_dates: tuple[Mention, ...]  # 今年/明年 unresolved (XXXX): the dates as the text alone says
    dates: tuple[Mention, ...]  # 今年/明年 resolved by the signing year when the document has one
    signing_year: str | None = None
    _starts: list[int] = field(default_factory=list, repr=False)

    def plain_dates_within(self, start: int, end: int) -> list[Mention]:
        """The unresolved dates lying wholly inside ``[start, end)``, in reading order."""
        k = bisect_left(self._starts, start)
        out = []
        for m in self.plain_dates[k:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out


def build_context(text: str) -> DocContext:
    """Read ``text``'s dates once: the date grammar runs one time; its matches are read a second
    time (cheap) only when a 今年/明年 needs the signing year."""
    matches = scan_dates(text)
    plain = read_dates(text, matches)
    year = signing_year(text, plain)
    dates = plain
    if year and any(_RELATIVE_YEAR.search(m.text) for m in plain):
        dates = read_dates(text, matches, year)  # 今年/明年 resolved by the signing date
    return DocContext(text, fold_width(text), tuple(plain), tuple(dates), year, [m.start for m in plain])


def signing_year(text: str, dates: Sequence[Mention]) -> str | None:
    """The year of the document's own date: a full date alone on its line (the signing date or
    the 印发 line of the 版记), the last one in the document."""
    for m in reversed(dates):
        start = m.value.get("start", "")
        if len(start) != 10 or "X" in start or m.value.get("kind") != "point":
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        rest = line.replace(m.text, "").strip()
        if rest == "" or rest.endswith(("印发", "发布", "签发")):
            return start[:4]
    return None
