"""Chinese numerals as used in ordinals (一 … 九十九, and a little beyond)."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMERAL_CHARS = "一二三四五六七八九十百零〇"
_UNIT_VALUES = {"十": 10, "百": 100}


def parse_chinese(text: str) -> int | None:
    """Value of a Chinese numeral such as 三, 十二, 二十, 九十九 or 一百零一; None if it is not one."""
    if not text:
        return None
    total, digit, last_unit = 0, None, None
    for char in text:
        if char in DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row (二三) is a range, not a numeral
            digit = DIGITS[char]
        elif char in _UNIT_VALUES:
            unit = _UNIT_VALUES[char]
            if last_unit is not None and unit >= last_unit:
                return None  # 十十, 十百: units must fall
            last_unit = unit
            total += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + (digit or 0)


def to_chinese(value: int) -> str:
    """The ordinal spelling of ``value`` (1 → 一, 10 → 十, 12 → 十二, 20 → 二十)."""
    names = "零一二三四五六七八九"
    if value < 10:
        return names[value]
    if value < 20:
        return "十" + (names[value % 10] if value % 10 else "")
    if value < 100:
        return names[value // 10] + "十" + (names[value % 10] if value % 10 else "")
    return str(value)
