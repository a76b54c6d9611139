"""Numbering markers: the GB/T 9704 heading levels and the run-in parallel items (一是 …).

Levels follow GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1）; run-in items 一是/二是 rank below all
headings. Each marker keeps its exact span, its ordinal and, when it is written in a malformed way
(一.  （一）、  1、  一是，), the form the standard asks for.
"""

import functools
import re
from typing import NamedTuple

from .. import regexes
from .numerals import NUMERAL_CHARS, parse_chinese, to_chinese
from .text import BOUNDARY, CJK, CJK_RE

HAN, PAREN_HAN, ARABIC, PAREN_ARABIC, ITEM = "han", "paren_han", "arabic", "paren_arabic", "item"
LEVELS = {HAN: 1, PAREN_HAN: 2, ARABIC: 3, PAREN_ARABIC: 4, ITEM: 5}
# ①②③: an enumeration inside the text, checked for its order only; it opens no heading and has no level
CIRCLED = "circled"
_CIRCLED_ONE = 0x2460  # ①; ⑳ is 0x2473
_CIRCLED_RE = regexes.compile("[\u2460-\u2473]")
# 第一，…第二，…: an enumeration at a paragraph's start or after a sentence, checked for its order only
ORDINAL = "ordinal"
# (two patterns, not one opening with ^ or a look-behind, which re would try at every character: the
# second opens with the sentence's end, which re finds in C)
_ORDINAL = r"[ \u3000]*(?P<marker>第(?P<numeral>[一二三四五六七八九十]{1,2}))(?=[，,、：:])"
_ORDINAL_OPENING = regexes.compile(_ORDINAL)
_ORDINAL_AFTER_SENTENCE = regexes.compile(r"[。；;！？!?]" + _ORDINAL)
# 一要…；二要…；三要…: what a speech or a plan asks for, numbered in the text (at a paragraph's start or
# after a clause), checked for its order only; not 一要素, 二要求 and the like, words of their own
MUST = "must"
_MUST = r"[ \u3000]*(?P<marker>(?P<numeral>[一二三四五六七八九十]{1,2})要)(?![素求件点务害闻领紧])"
_MUST_OPENING = regexes.compile(_MUST)
_MUST_AFTER_CLAUSE = regexes.compile(r"[。；;！？!?：:，,]" + _MUST)

_NUM = f"[{NUMERAL_CHARS}]{{1,3}}"
# Each pattern: the marker proper, then an optional stray separator that makes it malformed.
_PATTERNS = [
    (PAREN_HAN, regexes.compile(rf"[（(](?P<n>{_NUM})[）)](?P<bad>[、.．，,：:])?")),
    (PAREN_ARABIC, regexes.compile(r"[（(](?P<n>\d{1,2})[）)](?P<bad>[、.．，,：:])?")),
    (ITEM, regexes.compile(rf"(?P<n>{_NUM})是(?P<bad>[，,：:、])?")),
    # 一.2024年… at a line's start is a part heading typed with a full stop (a 一 in running text is
    # a heading only when well-formed, see _match_at)
    (HAN, regexes.compile(rf"(?P<n>{_NUM})(?:(?P<sep>、)|(?P<bad>[.．]))")),
    # 1.2025年实现… is item 1 about a year, not the decimal 1.2025 (no count is a fraction of a year)
    (ARABIC, regexes.compile(r"(?P<n>\d{1,2})(?:(?P<sep>[.．])(?!(?!(?:19|20)\d\d年)[\d.．])|(?P<bad>、))")),
]
_OPENING_MARKS = set("“‘《（(【[")


def _opens_text(char: str) -> bool:
    """Whether a heading's text may start with ``char``: Chinese, a Latin letter or digit, an opening mark."""
    return bool(char) and (CJK_RE.match(char) is not None or char in _OPENING_MARKS or (char.isascii() and char.isalnum()))
_LEGAL_REFERENCE_BEFORE = set("第条款项目")
_LEGAL_REFERENCE_AFTER = set("项款条目")
# Inside a paragraph, headings follow the end of a sentence; after these a numbered list runs in the
# sentence itself (only run-in items 一是/二是 belong there).
_CLAUSE_BOUNDARY = set("：:；;")


class Marker:
    __slots__ = (
        "kind", "ordinal", "raw", "paragraph", "offset", "line", "column", "end_line", "end_column",
        "text", "line_text", "expected", "standalone", "children", "parent",
    )

    def __init__(
        self, kind: str, ordinal: int, raw: str, paragraph: int, offset: int, line: int, column: int,
        end_line: int, end_column: int, text: str = "", line_text: str = "", expected: str | None = None,
        standalone: bool = False,
    ) -> None:
        self.kind = kind
        self.ordinal = ordinal
        self.raw = raw  # the marker exactly as written, stray separator included
        self.paragraph = paragraph  # index into Document.paragraphs (or Outline.paragraphs)
        self.offset = offset  # offset of the marker in its paragraph's text
        self.line = line  # 1-based document line of the marker's first character
        self.column = column  # 1-based column (code points)
        self.end_line = end_line
        self.end_column = end_column  # exclusive
        self.text = text  # heading text: up to the first sentence end or the next marker
        self.line_text = line_text  # the part of ``text`` on the marker's own line
        self.expected = expected  # the well-formed spelling when ``raw`` is malformed
        self.standalone = standalone  # the marker opens a heading line of its own
        self.children: list[Marker] = []
        self.parent: Marker | None = None

    @property
    def level(self) -> int:
        return LEVELS[self.kind]

    @property
    def label(self) -> str:
        """The canonical spelling of the marker: 一、 （二） 3. （4） 五是."""
        return label(self.kind, self.ordinal)

    @property
    def heading(self) -> str:
        return self.label + self.text

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()


def label(kind: str, ordinal: int) -> str:
    if kind == HAN:
        return to_chinese(ordinal) + "、"
    if kind == PAREN_HAN:
        return f"（{to_chinese(ordinal)}）"
    if kind == ARABIC:
        return f"{ordinal}."
    if kind == PAREN_ARABIC:
        return f"（{ordinal}）"
    if kind == CIRCLED:
        return chr(_CIRCLED_ONE + ordinal - 1)
    if kind == ORDINAL:
        return f"第{to_chinese(ordinal)}"
    if kind == MUST:
        return f"{to_chinese(ordinal)}要"
    return to_chinese(ordinal) + "是"


def ordinals(paragraphs) -> list[Marker]:
    """Every 第一，第二，… that opens a paragraph or a sentence, as markers of kind ``ORDINAL``, in reading order."""
    return _numbered_in_text(paragraphs, ORDINAL, "第", _ORDINAL_OPENING, _ORDINAL_AFTER_SENTENCE)


def musts(paragraphs) -> list[Marker]:
    """Every 一要，二要，… that opens a paragraph or a clause, as markers of kind ``MUST``, in reading order."""
    return _numbered_in_text(paragraphs, MUST, "要", _MUST_OPENING, _MUST_AFTER_CLAUSE)


def _numbered_in_text(paragraphs, kind: str, needle: str, opening, after) -> list[Marker]:
    """The markers (group ``marker``, its number in group ``numeral``) that ``opening`` finds at a
    paragraph's start and ``after`` after a boundary inside it."""
    found = []
    for paragraph in paragraphs:
        if needle not in paragraph.text:
            continue  # most paragraphs: an ``in`` test, no search
        at_start = opening.match(paragraph.text)
        for numbered in ([at_start] if at_start else []) + list(after.finditer(paragraph.text)):
            start, raw = numbered.start("marker"), numbered.group("marker")
            line, column = paragraph.position(start)
            ordinal = parse_chinese(numbered.group("numeral"))
            found.append(Marker(kind, ordinal, raw, paragraph.index, start, line, column, line, column + len(raw)))
    return found


def circled(paragraphs) -> list[Marker]:
    """Every circled numeral (①…⑳) of the paragraphs, as markers of kind ``CIRCLED``, in reading order."""
    found = []
    for paragraph in paragraphs:
        for numeral in _CIRCLED_RE.finditer(paragraph.text):
            line, column = paragraph.position(numeral.start())
            ordinal = ord(numeral.group()) - _CIRCLED_ONE + 1
            found.append(Marker(CIRCLED, ordinal, numeral.group(), paragraph.index, numeral.start(), line, column, line, column + 1))
    return found


class MarkerMatch(NamedTuple):
    kind: str
    ordinal: int
    start: int
    end: int
    expected: str | None


# The patterns worth trying, by a marker's first character: brackets, digits or Chinese numerals.
_BRACKETED = [(kind, pattern) for kind, pattern in _PATTERNS if kind in (PAREN_HAN, PAREN_ARABIC)]
_BY_FIRST = {
    **{char: _BRACKETED for char in "（("},
    **{char: [(kind, p) for kind, p in _PATTERNS if kind == ARABIC] for char in "0123456789"},
    **{char: [(kind, p) for kind, p in _PATTERNS if kind in (ITEM, HAN)] for char in NUMERAL_CHARS},
}


def _match_at(text: str, position: int, at_start: bool) -> MarkerMatch | None:
    for kind, pattern in _BY_FIRST.get(text[position], ()):
        found = pattern.match(text, position)
        if not found:
            continue
        number = found.group("n")
        ordinal = int(number) if number.isdigit() else parse_chinese(number)
        if not ordinal:
            continue
        end = found.end()
        following = end
        if at_start:  # 一、 工作情况, （一）\t加强…: typed with a space after the marker
            while following < len(text) and text[following] in " \t\u3000":
                following += 1
        if not _opens_text(text[following : following + 1]):
            continue
        bad = found.group("bad")
        if kind == ARABIC and bad and not at_start:
            continue  # 1、2、3 in running text is a list of numbers, not a heading
        if kind == HAN and bad and not at_start:
            continue
        if kind == ITEM and number not in _ITEM_ORDINALS:
            continue
        if kind == HAN and _NUMBER_RANGE.match(text, end):
            continue  # 一、二季度 and 一、二等奖 name numbers, they do not open a heading
        expected = None
        if bad:
            expected = label(kind, ordinal) if kind != ITEM else number + "是"
        return MarkerMatch(kind, ordinal, position, end, expected)
    return None


# Any way a draft numbers a line, well-formed or not: 一、 一. 一， 一) （一) 【一】 1、 1) ① 一是 第一部分.
# Wider than ``scan`` on purpose: what it is for is keeping such a line where it is (a fix never joins
# it onto the line above), not reading it as a heading.
_NUMBERED_LINE = regexes.compile(
    rf"[ \t\u3000]*(?:[（(［\[【〔][ \t]*(?:{_NUM}|\d{{1,3}})[ \t]*[）)］\]】〕]"
    rf"|{_NUM}(?:[ \t]*[、.．，,：:)）]|是)"
    r"|\d{1,3}[ \t]*(?:[、)）]|[.．,，:：](?!\d))"
    rf"|[①-⑳⑴-⒇⒈-⒛]|第{_NUM}(?:部分|章|节|条|项|篇))"
)


def starts_numbered(line: str) -> bool:
    """Whether ``line`` begins with a numbering marker of any form, malformed ones included."""
    return _NUMBERED_LINE.match(line) is not None


_ITEM_ORDINALS = {to_chinese(n) for n in range(1, 100)}
_NUMBER_RANGE = regexes.compile(r"[一二三四五六七八九十]+(?:、|季度|等奖|等|月|年级|级|类|批|期|档|星)")


# A marker can only start with one of these: the scan visits only boundaries followed by one.
_MARKER_START = set(NUMERAL_CHARS) | set("0123456789（(")
_STARTS = re.escape("".join(sorted(_MARKER_START)))
_AFTER_BOUNDARY = regexes.compile(rf"[{re.escape(BOUNDARY)}][ \t\u3000”’]*(?=[{_STARTS}])")
# Run-in items may also follow a comma: 全年组织学法，一是会前学法12次；二是……
_AFTER_COMMA = regexes.compile(r"[，,][ \t\u3000]*(?=[一二三四五六七八九十]{1,3}是)")
# a half-width full stop typed after Chinese text ends a sentence too (…的现象.二是…); after a digit it is
# a decimal point or an item number
# (the stop first, the look-behind at the character before it after, as in the patterns below)
_AFTER_HALF_WIDTH_STOP = regexes.compile(rf"[.．](?<=[{CJK}].)[ \t\u3000]*(?=[{_STARTS}])")
# An outline typed on one line separates its parts with spaces: …（三）加强法治宣传教育 二、存在的问题
# (a run of spaces that opens the paragraph is not one: scan drops matches at 0; the patterns start with
# a single character, not a look-behind or a repeat, so that re skips to it in C)
_AFTER_SPACE = regexes.compile(r"[ \t\u3000][ \t\u3000]*(?=[一二三四五六七八九十]{1,3}、)")
# (a bracket right after 第条款项目 is a legal reference: scan drops those)
_OPENING_BRACKET = regexes.compile(rf"[（(](?=[{_STARTS}])")


def scan(text: str) -> list[MarkerMatch]:
    """Every marker in a paragraph: at its start, after a sentence boundary, or a bracketed one after text."""
    return list(_scan(text))


# The model scans each line (does it open a heading?), then each paragraph (most are one line), and
# rules ask again of the lines that end paragraphs: the texts scanned last are remembered.
@functools.lru_cache(maxsize=2048)
def _scan(text: str) -> tuple[MarkerMatch, ...]:
    found: list[MarkerMatch] = []
    length = len(text)
    position = 0
    while position < length and text[position] in " \t\u3000":
        position += 1
    candidates = [position]
    candidates.extend(boundary.end() for boundary in _AFTER_BOUNDARY.finditer(text))
    candidates.extend(stop.end() for stop in _AFTER_HALF_WIDTH_STOP.finditer(text))
    candidates.extend(
        bracket.start()
        for bracket in _OPENING_BRACKET.finditer(text)
        if bracket.start() and text[bracket.start() - 1] not in _LEGAL_REFERENCE_BEFORE
    )
    after_comma = {comma.end() for comma in _AFTER_COMMA.finditer(text)}
    candidates.extend(after_comma)
    # after a space, only a well-formed part marker (二、) opens a heading
    after_space_only: set[int] = set()
    if " " in text or "\t" in text or "\u3000" in text:  # few paragraphs hold a space: the rest need no scan
        after_space_only = {space.end() for space in _AFTER_SPACE.finditer(text) if space.start()} - set(candidates)
    candidates.extend(after_space_only)
    seen = set()
    for start in candidates:
        if start >= length or start in seen or text[start] not in _MARKER_START:
            continue
        seen.add(start)
        match = _match_at(text, start, at_start=start == position)
        if match is None or (start in after_comma and match.kind != ITEM):
            continue
        if start in after_space_only and (match.kind != HAN or match.expected is not None):
            continue
        if start != position and match.kind != ITEM:
            before = text[:start].rstrip(" \t\u3000”’")[-1:]
            if before in _CLAUSE_BOUNDARY and not (match.kind == HAN and before in "：:"):
                # 包括：（一）…；（二）… and 要求：1.…；2.… enumerate inside a sentence (a preface that
                # ends 如下： may still run into 一、 when line breaks were lost)
                continue
            if before not in BOUNDARY:
                # a bracketed numeral inside a sentence is a heading only when a heading runs into it
                if text[match.end : match.end + 1] in _LEGAL_REFERENCE_AFTER or match.kind == PAREN_ARABIC:
                    continue
        found.append(match)
    found.sort(key=lambda m: m.start)
    return tuple(found)
