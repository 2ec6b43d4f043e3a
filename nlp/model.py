"""The document model: plain dataclasses that flow through every stage. No I/O here.

Every span is ``[start, end)`` into ``Document.text``; ``Document.offsets`` maps those
positions back to characters of the decoded source file.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable, Iterator


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    parent: str | None
    level: int
    marker: str
    heading: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    type: str  # "date" | "percentage" | "target" | "party" | extra types
    start: int  # [start, end) into Document.text
    end: int
    text: str
    value: dict
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    section: str | None
    start: int
    end: int
    text: str
    themes: list[str]
    scores: dict[str, float]


class OffsetMap:
    """Maps positions of a derived text back to positions of the text it came from.

    Stored as runs: run ``k`` covers derived positions ``[starts[k], starts[k+1])`` and
    maps derived position ``i`` to ``sources[k] + (i - starts[k])`` when ``linear[k]``,
    else to ``sources[k]`` (a run of inserted or contracted characters).

    >>> m = OffsetMap.from_positions([0, 1, 2, 5, 6, 7])
    >>> [m.to_source(i) for i in range(6)], m.to_source(6)
    ([0, 1, 2, 5, 6, 7], 8)
    """

    __slots__ = ("starts", "sources", "length", "source_end")

    def __init__(self, starts: array, sources: array, length: int, source_end: int):
        self.starts = starts
        self.sources = sources
        self.length = length
        self.source_end = source_end

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls(array("q", [0]), array("q", [0]), length, length)

    @classmethod
    def from_positions(cls, positions: Iterable[int], source_end: int | None = None) -> "OffsetMap":
        """Build from one source position per derived character (non-decreasing expected)."""
        starts, sources = array("q"), array("q")
        prev = None
        n = 0
        for i, p in enumerate(positions):
            if prev is None or p != prev + 1:
                starts.append(i)
                sources.append(p)
            prev = p
            n = i + 1
        if not starts:
            starts.append(0)
            sources.append(0)
        end = source_end if source_end is not None else (prev + 1 if prev is not None else 0)
        return cls(starts, sources, n, end)

    def to_source(self, i: int) -> int:
        """Source position of derived position ``i`` (``i == len`` maps to the end)."""
        if i >= self.length:
            return self.source_end
        k = bisect_right(self.starts, i) - 1
        return self.sources[k] + (i - self.starts[k])

    def slice(self, start: int, end: int) -> "OffsetMap":
        """The map of ``text[start:end]`` (runs cut directly; no per-character list).

        >>> m = OffsetMap.from_positions([0, 1, 2, 5, 6, 7]).slice(1, 5)
        >>> [m.to_source(i) for i in range(4)], m.to_source(4)
        ([1, 2, 5, 6], 7)
        """
        end = min(end, self.length)
        if end <= start:
            return OffsetMap(array("q", [0]), array("q", [self.to_source(start)]), 0, self.to_source(start))
        starts, sources = array("q"), array("q")
        k = bisect_right(self.starts, start) - 1
        while k < len(self.starts) and self.starts[k] < end:
            run_start = max(self.starts[k], start)
            starts.append(run_start - start)
            sources.append(self.sources[k] + (run_start - self.starts[k]))
            k += 1
        return OffsetMap(starts, sources, end - start, self.to_source(end))

    def without(self, start: int, end: int, drops: Iterable[tuple[int, int]]) -> "OffsetMap":
        """The map of ``text[start:end]`` with the ``drops`` spans cut out, built from the runs of
        the pieces kept (cost grows with the runs of the piece, not with the whole map); runs that
        continue one another across a cut are joined, as ``from_positions`` would.

        >>> m = OffsetMap.from_positions(range(10)).without(1, 9, [(3, 5)])
        >>> [m.to_source(i) for i in range(6)], list(m.starts), m.source_end
        ([1, 2, 5, 6, 7, 8], [0, 2], 9)
        """
        starts, sources = array("q"), array("q")
        length = 0
        next_source = None  # the source position that would continue the last run
        for a, b in kept_spans(start, end, drops):
            piece = self.slice(a, b)
            if b <= a or not piece.length:
                continue
            for k in range(len(piece.starts)):
                run_end = piece.starts[k + 1] if k + 1 < len(piece.starts) else piece.length
                if piece.sources[k] != next_source:
                    starts.append(length + piece.starts[k])
                    sources.append(piece.sources[k])
                next_source = piece.sources[k] + run_end - piece.starts[k]
            length += piece.length
        if not starts:
            starts.append(0)
            sources.append(0)
        return OffsetMap(starts, sources, length, self.to_source(end))

    def shifted(self, delta: int) -> "OffsetMap":
        """The same map with every source position moved by ``delta`` (a chunk's file offset)."""
        return OffsetMap(self.starts, array("q", (x + delta for x in self.sources)), self.length,
                         self.source_end + delta)

    def __len__(self) -> int:
        return self.length


def kept_spans(start: int, end: int, drops: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The pieces of ``[start, end)`` between the (sorted, possibly overlapping) ``drops``."""
    last = start
    for s, e in sorted(drops):
        yield last, s
        last = max(last, e)
    yield last, end


_ATOMS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> Any:
    """``dataclasses.asdict``'s copy of a field's value, without its per-value dispatch: strings,
    numbers and None as they are, containers rebuilt, anything else deep-copied."""
    if type(obj) in _ATOMS:
        return obj
    if type(obj) is dict:
        return {_plain(k): _plain(v) for k, v in obj.items()}
    if type(obj) is list:
        return [_plain(v) for v in obj]
    return asdict(_Box(obj))["value"]  # anything rarer: asdict's own handling


@dataclass(slots=True)
class _Box:
    value: Any


def _as_dict(obj: Any) -> dict:
    """``asdict(obj)`` for the flat Section, Mention and Passage (the same dict, built faster)."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return {n: _plain(getattr(obj, n)) for n in names}


@dataclass(slots=True)
class Document:
    source: str
    doc_index: int
    text: str
    title: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    script: str = "simplified"
    encloses: str | None = None  # the genre a 印发/转发 notice hands on (实施方案), else None
    sections: list[Section] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    offsets: OffsetMap | None = None  # Document.text -> decoded source file characters
    meta: dict[str, Any] = field(default_factory=dict)  # encoding, format, warnings...

    def own_date(self) -> str | None:
        """The document's own date: the last full date alone on its line (the 落款 or the 印发 line).

        >>> d = Document("x", 0, "通知正文。\\n县卫生局\\n2024年3月5日",
        ...              mentions=[Mention("date", 11, 20, "2024年3月5日", {"start": "2024-03-05"})])
        >>> d.own_date(), Document("x", 0, "无日期").own_date()
        ('2024-03-05', None)
        """
        for m in reversed([m for m in self.mentions if m.type == "date"]):
            start = (m.value or {}).get("start") or ""
            if len(start) != 10 or "X" in start:
                continue
            line_start = self.text.rfind("\n", 0, m.start) + 1
            line_end = self.text.find("\n", m.end)
            line = self.text[line_start:line_end if line_end >= 0 else len(self.text)]
            rest = line.replace(m.text, "").strip()
            if not rest or rest.endswith(("印发", "发布", "签发")):
                return start
        return None

    def issuers(self) -> list[str]:
        """Names of the parties whose role is ``issuer``, in order of first mention."""
        return list(dict.fromkeys((m.value or {}).get("name") for m in self.mentions
                                  if m.type == "party" and (m.value or {}).get("role") == "issuer"
                                  and (m.value or {}).get("name")))

    def to_dict(self) -> dict:
        """The contract's JSON object (CONTRACT.md), plus additive fields."""
        out = {
            "source": self.source,
            "doc_index": self.doc_index,
            "title": self.title,
            "doc_type": self.doc_type,
            "doc_number": self.doc_number,
            "encloses": self.encloses,
            "script": self.script,
            "text": self.text,
            "sections": [_as_dict(s) for s in self.sections],
            "mentions": [_as_dict(m) for m in self.mentions],
            "passages": [_as_dict(p) for p in self.passages],
        }
        if self.offsets is not None:
            out["source_start"] = self.offsets.to_source(0)
            out["source_end"] = self.offsets.to_source(len(self.text))
        if self.meta.get("warnings"):
            out["warnings"] = list(self.meta["warnings"])
        return out
