"""Extraction stage: Document text -> Mentions (dates, percentages, targets, parties).

Each extractor is a pure function ``find_x(text, *, sections=(), **kw) -> Iterator[Mention]``
yielding mentions in reading order with ``[start, end)`` offsets into ``text``.
"""

from nlp.extract.dates import find_dates
from nlp.extract.parties import find_parties
from nlp.extract.percentages import find_percentages
from nlp.extract.targets import find_targets

EXTRACTORS = {
    "date": find_dates,
    "percentage": find_percentages,
    "target": find_targets,
    "party": find_parties,
}

__all__ = ["EXTRACTORS", "find_dates", "find_percentages", "find_targets", "find_parties"]
