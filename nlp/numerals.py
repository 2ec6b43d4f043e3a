"""The one numeral reader: regex fragments and ``parse_number`` (outline ordinals, dates,
percentages, targets). A low-level module: it imports nothing of the package, so every stage may
use it.

Input is normalized text (NFKC already folded full-width digits to ASCII); output is a float.
Both Arabic (``70``, ``0.5``, ``1,200``) and Chinese numerals (``三``, ``十二``, ``二〇一〇``,
``一百二十``, ``两``, ``三点五``, ``一千二`` = 1200, ``半`` = 0.5) are read; a trailing ``万``/``亿``
multiplies (``3万`` -> 30000.0).
"""

from __future__ import annotations

import re
import unicodedata

# Chinese digits 0-9 (〇/零 both zero, 两 = 2) and the place units.
CN_DIGIT_CHARS = "〇零一二两三四五六七八九"
CN_UNIT_CHARS = "十百千"
CN_BIG_UNIT_CHARS = "万亿"
CN_DIGITS = CN_DIGIT_CHARS + CN_UNIT_CHARS + CN_BIG_UNIT_CHARS

# Fragments, each with a sample it must match (tests/test_numerals.py checks them).
ARABIC = r"[0-9]+(?:\.[0-9]+)?"  # 70, 0.5, 2010
ARABIC_GROUPED = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"  # 7,000, 1,234.5 (thousands separators)
CN_NUMBER = rf"[{CN_DIGITS}]+"  # 三, 十二, 二〇一〇, 一百二十
NUMBER = rf"(?:{ARABIC}|{CN_NUMBER})"  # 70 or 七十

SAMPLES = {
    "ARABIC": ("70", "0.5", "2010"),
    "ARABIC_GROUPED": ("7,000", "1,234,567", "1,234.5"),
    "CN_NUMBER": ("三", "十二", "二〇一〇", "一百二十"),
    "NUMBER": ("70", "七十", "0.5"),
}

_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_DIGIT_VALUE.update({"零": 0, "两": 2})
# digit by digit, as years are written (二〇一〇, 二○一○ with a circle) -> 2010
DIGITS_TO_ASCII = str.maketrans({c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"})
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_BIG_UNIT_VALUE = {"万": 10_000, "亿": 100_000_000}
# the formal (大写) numerals of amounts and 廿/卅, read as the everyday ones: 壹佰 -> 一百
FORMAL = str.maketrans({"壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "参": "三", "肆": "四", "伍": "五",
                         "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百",
                         "仟": "千", "萬": "万", "億": "亿", "廿": "二十", "卅": "三十"})
_ARABIC_WITH_BIG_UNIT = re.compile(rf"({ARABIC})([万亿]?)")


def parse_number(s: str) -> float | None:
    """Read one numeral, Arabic or Chinese; None when ``s`` is not a numeral.

    >>> [parse_number(s) for s in ("70", "0.5", "三", "十二", "二〇一〇", "一百二十", "两", "3万", "x")]
    [70.0, 0.5, 3.0, 12.0, 2010.0, 120.0, 2.0, 30000.0, None]
    """
    s = unicodedata.normalize("NFKC", s).strip().replace(",", "").translate(FORMAL)
    if not s:
        return None
    if s == "半":
        return 0.5
    whole, dot, decimals = s.partition("点")
    if dot:  # 三点五 -> 3.5, 百分之九十点五's 九十点五 -> 90.5
        if not decimals or any(c not in _DIGIT_VALUE for c in decimals):
            return None
        value = parse_number(whole)
        if value is None or "万" in whole or "亿" in whole:
            return None
        return value + float("0." + "".join(str(_DIGIT_VALUE[c]) for c in decimals))
    m = _ARABIC_WITH_BIG_UNIT.fullmatch(s)
    if m:
        return float(m.group(1)) * _BIG_UNIT_VALUE.get(m.group(2), 1)
    if any(c not in _DIGIT_VALUE and c not in _UNIT_VALUE and c not in _BIG_UNIT_VALUE for c in s):
        return None
    if len(s) > 1 and all(c in _DIGIT_VALUE for c in s):
        # digit by digit, as years are written: 二〇一〇 -> 2010
        return float("".join(str(_DIGIT_VALUE[c]) for c in s))
    return _parse_positional(s)


def _parse_positional(s: str) -> float | None:
    """十二 -> 12, 一百零五 -> 105, 三万五千 -> 35000, 一千二 -> 1200 (the spoken short form: a last
    digit right after a unit counts in the next unit down); None for malformed runs like 十十."""
    total = 0  # completed 万/亿 groups
    section = 0  # value below the current big unit
    digit: int | None = None
    last_unit = 10**12
    step = 0  # the unit a digit right after a unit stands for (千 -> 百); 0 after 零 or a digit
    for c in s:
        if c in _DIGIT_VALUE:
            if digit is not None and digit != 0 and c not in "〇零":
                return None  # 三四: two digits without a unit between
            digit = _DIGIT_VALUE[c]
            if c in "〇零":
                step = 0
        elif c in _UNIT_VALUE:
            unit = _UNIT_VALUE[c]
            if unit >= last_unit:
                return None
            section += (1 if digit is None else digit) * unit
            last_unit = unit
            digit = None
            step = unit // 10 if unit > 10 else 0
        else:
            unit = _BIG_UNIT_VALUE[c]
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section, digit, last_unit = 0, None, 10**12
            step = unit // 10
    if digit is not None and step:
        return float(total + section + digit * step)
    return float(total + section + (digit or 0))
