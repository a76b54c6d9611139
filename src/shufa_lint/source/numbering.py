"""Word's automatic numbering: the label (一、 （二） 3.) Word displays before a numbered paragraph.

Drafts written from a template number their headings with a multilevel list (``numbering.xml``), so
the paragraph text is ``工作情况`` while the reader sees ``一、工作情况``. ``ListCounter.label`` replays
Word's counting: one counter per abstract list and level, a level restarting when a higher level
advances (``lvlRestart``), ``startOverride`` restarting a list instance, and ``lvlText`` (``%1、``,
``（%2）``) filled in with each level's number format.
"""

import re
from typing import NamedTuple

from .. import regexes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = 9
# Counters beyond this are printed in decimal: keeps a hostile start value (w:start="999999999") from
# spelling out a label of a billion letters.
MAX_SPELLED = 10_000
# Word writes a level's text as a few characters (``%1、`` ``（%2）`` ``%1.%2.%3``); a longer one, or a
# label grown long from a huge start value, comes from a crafted file. Checked label by label as they are
# built, so that such a file is refused at its first numbered paragraph, not after gigabytes of labels.
MAX_LABEL_CHARS = 1000
_PLACEHOLDER = regexes.compile(r"%([1-9])")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _value(element, tag: str) -> str | None:
    found = element.find(w(tag)) if element is not None else None
    return None if found is None else found.get(w("val"))


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


# --- number formats (ECMA-376 §17.18.59 ST_NumberFormat) ----------------------------------------------

_HAN_DIGITS = "〇一二三四五六七八九"
_HAN_COUNTING_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CELESTIAL_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _chinese_counting(number: int) -> str:
    """一 … 十 十一 … 九十九; positional digits from 100 (Word's chineseCounting)."""
    if number < 10:
        return _HAN_DIGITS[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        head = "十" if tens == 1 else _HAN_DIGITS[tens] + "十"
        return head + (_HAN_DIGITS[ones] if ones else "")
    return "".join(_HAN_DIGITS[int(digit)] for digit in str(number))


_COUNTING_UNITS = ("", "十", "百", "千")
_LEGAL_UNITS = ("", "拾", "佰", "仟")


def _grouped(number: int, digits: str, units: tuple[str, ...]) -> str:
    """Counting with 十/百/千 (or 拾/佰/仟) and 零 for skipped places; decimal from 10 000."""
    if number >= 10_000:
        return str(number)
    places = [int(digit) for digit in str(number)]
    spelled, zero_pending = "", False
    for position, digit in enumerate(places):
        unit = units[len(places) - position - 1]
        if digit == 0:
            zero_pending = bool(spelled)
            continue
        if zero_pending:
            spelled += digits[0]
            zero_pending = False
        spelled += digits[digit] + unit
    if units is _COUNTING_UNITS and 10 <= number < 20:
        spelled = spelled[1:]  # 十一, not 一十一
    return spelled


def _letters(number: int, alphabet: str) -> str:
    repeats, index = divmod(number - 1, len(alphabet))
    return alphabet[index] * (repeats + 1)


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    spelled = ""
    for value, numeral in numerals:
        count, number = divmod(number, value)
        spelled += numeral * count
    return spelled


def _enclosed(number: int, first: int, last: int) -> str:
    return chr(first + number - 1) if 1 <= number <= last else str(number)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3280, 10),
    "chineseCounting": _chinese_counting,
    "taiwaneseCounting": _chinese_counting,
    "ideographDigital": lambda n: "".join(_HAN_DIGITS[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_HAN_DIGITS[int(d)] for d in str(n)),
    "chineseCountingThousand": lambda n: _grouped(n, _HAN_COUNTING_DIGITS, _COUNTING_UNITS),
    "taiwaneseCountingThousand": lambda n: _grouped(n, _HAN_COUNTING_DIGITS, _COUNTING_UNITS),
    "chineseLegalSimplified": lambda n: _grouped(n, _LEGAL_DIGITS, _LEGAL_UNITS),
    "ideographTraditional": lambda n: _letters(n, _CELESTIAL_STEMS),
    "ideographZodiac": lambda n: _letters(n, _EARTHLY_BRANCHES),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
    "none": lambda n: "",
}


def format_number(number: int, number_format: str) -> str:
    """``number`` as a level of format ``number_format`` shows it; unknown formats fall back to decimal."""
    if number < 1 or number > MAX_SPELLED:
        return str(number)
    return _FORMATS.get(number_format, str)(number)


# --- list definitions and counting -------------------------------------------------------------------


class NumberingBomb(ValueError):
    """A numbering definition whose labels would be longer than any document's (``MAX_LABEL_CHARS``)."""


class Level(NamedTuple):
    start: int = 1
    number_format: str = "decimal"
    text: str = ""
    restart_after: int | None = None  # lvlRestart: restart after this 1-based level is used; 0: never
    legal: bool = False  # isLgl: show every level's number in decimal
    style: str | None = None  # pStyle: the paragraph style this level belongs to

    @classmethod
    def parse(cls, element) -> "Level":
        return cls(
            start=_int(_value(element, "start"), 1),
            number_format=_value(element, "numFmt") or "decimal",
            text=_value(element, "lvlText") or "",
            restart_after=_int(_value(element, "lvlRestart")),
            legal=element.find(w("isLgl")) is not None and _value(element, "isLgl") not in ("0", "false"),
            style=_value(element, "pStyle"),
        )


def _levels(element) -> dict[int, Level]:
    levels = {}
    for lvl in element.findall(w("lvl")):
        index = _int(lvl.get(w("ilvl")))
        if index is not None and 0 <= index < LEVELS:
            levels[index] = Level.parse(lvl)
    return levels


class ListInstance:
    """A ``w:num``: an abstract list, with levels it overrides (a new start, or a whole new level)."""

    __slots__ = ("abstract_id", "start_overrides", "level_overrides")

    def __init__(self, abstract_id: str) -> None:
        self.abstract_id = abstract_id
        self.start_overrides: dict[int, int] = {}
        self.level_overrides: dict[int, Level] = {}


class ListCounter:
    """Replays Word's list numbering paragraph by paragraph, in document order."""

    def __init__(self, numbering_root, styles_root=None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.abstract_links: dict[str, str] = {}  # abstract id -> numbering style it takes its levels from
        self.instances: dict[str, ListInstance] = {}
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.style_parents: dict[str, str] = {}
        self.default_style: str | None = None
        if numbering_root is not None:
            self._read_numbering(numbering_root)
        if styles_root is not None:
            self._read_styles(styles_root)
        # per abstract list: the current number of each level (None: not used since its last restart)
        self._counters: dict[str, list[int | None]] = {}
        self._used_instances: set[str] = set()

    def _read_numbering(self, root) -> None:
        for abstract in root.findall(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"))
            if abstract_id is None:
                continue
            self.abstracts[abstract_id] = _levels(abstract)
            link = _value(abstract, "numStyleLink")
            if link:
                self.abstract_links[abstract_id] = link
        for num in root.findall(w("num")):
            num_id, abstract_id = num.get(w("numId")), _value(num, "abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            instance = ListInstance(abstract_id)
            for override in num.findall(w("lvlOverride")):
                index = _int(override.get(w("ilvl")))
                if index is None or not 0 <= index < LEVELS:
                    continue
                start = _int(_value(override, "startOverride"))
                if start is not None:
                    instance.start_overrides[index] = start
                level = override.find(w("lvl"))
                if level is not None:
                    instance.level_overrides[index] = Level.parse(level)
            self.instances[num_id] = instance

    def _read_styles(self, root) -> None:
        for style in root.findall(w("style")):
            style_id = style.get(w("styleId"))
            if style_id is None:
                continue
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default_style = style_id
            parent = _value(style, "basedOn")
            if parent:
                self.style_parents[style_id] = parent
            num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None:
                self.style_numbering[style_id] = (_value(num_pr, "numId"), _int(_value(num_pr, "ilvl")))

    # -- which list and level a paragraph belongs to

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that carries them) inherited through ``basedOn``."""
        seen: set[str] = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_numbering:
                num_id, level = self.style_numbering[style]
                return num_id, level, style
            style = self.style_parents.get(style)
        return None, None, None

    def _resolve(self, paragraph) -> tuple[str, int] | None:
        properties = paragraph.find(w("pPr"))
        style = _value(properties, "pStyle") or self.default_style
        num_id, level, owner = self._style_numbering(style)
        direct = properties.find(w("numPr")) if properties is not None else None
        if direct is not None:
            num_id = _value(direct, "numId") or num_id
            level = _int(_value(direct, "ilvl"), level)
            owner = None
        if num_id is None or num_id == "0" or num_id not in self.instances:
            return None
        if level is None:
            # a style that names the list but not the level: the level whose pStyle is that style
            levels = self._abstract_levels(self.instances[num_id].abstract_id)
            level = next((index for index, lvl in levels.items() if owner and lvl.style == owner), 0)
        return num_id, min(max(level, 0), LEVELS - 1)

    def _abstract_levels(self, abstract_id: str) -> dict[int, Level]:
        link = self.abstract_links.get(abstract_id)
        if link:
            num_id, _level, _owner = self._style_numbering(link)
            linked = self.instances.get(num_id or "")
            if linked and linked.abstract_id != abstract_id and linked.abstract_id in self.abstracts:
                return self.abstracts[linked.abstract_id]
        return self.abstracts.get(abstract_id, {})

    def _start(self, instance: ListInstance, index: int) -> int:
        return instance.start_overrides.get(index, self._level(instance, index).start)

    def _level(self, instance: ListInstance, index: int) -> Level:
        return instance.level_overrides.get(index) or self._abstract_levels(instance.abstract_id).get(index) or Level()

    # -- counting

    def label(self, paragraph) -> str:
        """The label Word shows before ``paragraph`` (a ``w:p``), or "" if it is not numbered.

        Call once per paragraph, in document order: numbering counts every numbered paragraph.
        """
        resolved = self._resolve(paragraph)
        return "" if resolved is None else self.count(*resolved)

    def count(self, num_id: str, index: int) -> str:
        """Count one paragraph of list instance ``num_id`` at 0-based level ``index``; its label.

        The binary .doc reader calls this directly with the lists it read from the table stream."""
        instance = self.instances[num_id]
        counters = self._counters.setdefault(instance.abstract_id, [None] * LEVELS)
        if num_id not in self._used_instances:
            # lists sharing an abstract list continue its count; an instance with startOverride restarts it
            self._used_instances.add(num_id)
            for restarted in instance.start_overrides:
                counters[restarted] = None
        level = self._level(instance, index)
        current = counters[index]
        counters[index] = self._start(instance, index) if current is None else current + 1
        for deeper in range(index + 1, LEVELS):
            restart_after = self._level(instance, deeper).restart_after
            if restart_after is None or (restart_after != 0 and index < restart_after):
                counters[deeper] = None
        if level.number_format == "bullet":
            return ""  # a bullet is decoration, not numbering
        if len(level.text) > MAX_LABEL_CHARS:
            raise NumberingBomb(f"a list level's text (lvlText) is {len(level.text)} characters long")

        def number_of(match: re.Match) -> str:
            referenced = int(match.group(1)) - 1
            value = counters[referenced]
            if value is None:
                value = self._start(instance, referenced)
            shown = self._level(instance, referenced)
            return format_number(value, "decimal" if level.legal else shown.number_format)

        label = _PLACEHOLDER.sub(number_of, level.text)
        if len(label) > MAX_LABEL_CHARS:
            raise NumberingBomb(f"a list label is {len(label)} characters long")
        return label

