"""Physical lines to logical paragraphs, keeping every character's original position.

A line that stops mid-sentence and is followed by a line that opens no new heading continues the same
paragraph (copy-paste breaks lines anywhere). Heading lines, titles, signature lines and table rows stand
alone even though they carry no closing punctuation. A text hard-wrapped at one width (a PDF saved as
text) continues every line filled to that width: such a wrap is the layout's, not a broken line.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections import Counter
from typing import Callable

from .. import regexes
from ..source import PAGE_NUMBER
from . import markers as marker_kinds
from .text import CJK, ends_sentence

# spaces that indent or right-align a line: web pages pad with no-break spaces (&nbsp;) too
INDENT = " \t\u3000\u00a0\u2002\u2003\u2009\u202f"
_INNER_SENTENCE_PUNCT = regexes.compile(r"[。，,；;！？!?]")
# a half-width full stop after Chinese text with more text after it ends a sentence too (…行为.推动…)
# (one class first, the conditions on a stop after it: a pattern that opens with a class is searched
# for in C, an alternation that opens with a look-behind is tried at every character)
_INNER_SENTENCE_END = regexes.compile(rf"[。；;！？!?.．](?:(?<=[。；;！？!?])|(?<=[{CJK}][.．])(?=.))")
_CONTINUES = set("的和与及或、，,")
_AFTER_ANY = float("inf")  # sorts after every (offset, line, column) with the same offset
STANDALONE_MAX = 40  # longest line read as a stand-alone heading or signature without punctuation
SHORT_HEADING_MAX = 24  # a heading line this short may hold one comma (强化学习，提升法治素养)
# a hard-wrapped text: at least this many lines, this share of them filled to within _WRAP_FILL of the
# widest tenth and stopping mid-sentence, at most _WRAP_MAX columns wide (wider lines are paragraphs
# laid out a line each)
_WRAP_MIN_LINES, _WRAP_SHARE, _WRAP_FILL, _WRAP_MAX = 8, 0.2, 0.9, 200
# a line of a web page's buttons and links after a report saved from it: 【打印本页】 【关闭窗口】, 扫一扫…;
# a sentence cut off before it does not run on into it
PAGE_BUTTONS = regexes.compile(r"[【\[](?:打印|关闭|收藏|返回|我要纠错)|扫一扫|相关链接|分享到|责任编辑[:：]")
# a contact line under a report: 联系人：陈敏，联系电话：0755-86001234，电子邮箱：…
_CONTACT_LINE = regexes.compile(r"(?:联\s*系\s*人|联系电话|联系方式|电子邮箱|电子邮件|邮\s*箱|传\s*真|邮政编码|邮\s*编)[:：]")
# a row of a table laid out with spaces or tabs: three or more cells, apart by two spaces or a tab
_SPACED_TABLE_ROW = regexes.compile(r"\S(?:[ \u3000]{2,}|\t)\S+(?:[ \u3000]{2,}|\t)\S")


class Paragraph:
    __slots__ = ("index", "text", "first_line", "last_line", "starts", "wraps")

    def __init__(
        self, index: int, text: str, first_line: int, last_line: int, starts: list[tuple[int, int, int]] | None = None
    ) -> None:
        self.index = index
        self.text = text
        self.first_line = first_line  # 1-based
        self.last_line = last_line
        # (offset in ``text``, 1-based line, 0-based column in that line) where each line's text begins
        self.starts = [] if starts is None else starts
        self.wraps: set[int] = set()  # lines filled to the text's wrap width that run on

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of the character at ``offset`` (or just past the end)."""
        starts = self.starts
        # most paragraphs are one line: no search
        slot = 0 if len(starts) == 1 else max(bisect.bisect_right(starts, (offset, _AFTER_ANY)) - 1, 0)
        start_offset, line, column = starts[slot]
        return line, column + (offset - start_offset) + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets in ``text`` of the part that came from ``line``."""
        for slot, (offset, number, _column) in enumerate(self.starts):
            if number == line:
                end = self.starts[slot + 1][0] if slot + 1 < len(self.starts) else len(self.text)
                return offset, end
        raise ValueError(line)

    @property
    def joints(self) -> list[int]:
        """Lines of this paragraph that stop mid-sentence and run on in the next line."""
        return [line for _offset, line, _column in self.starts[:-1] if line not in self.wraps]


def spaced_table_row(line: str) -> bool:
    """Whether a line is a row of a table laid out with spaces or tabs (no sentence ends inside it)."""
    spaced = " " in line or "\t" in line or "\u3000" in line  # few lines hold a space: no search
    return spaced and _SPACED_TABLE_ROW.search(line) is not None and not _INNER_SENTENCE_END.search(line)


def opens_heading(line: str) -> bool:
    """Whether a line starts with a heading marker of any level (一、 （一） 1. （1） 一是)."""
    stripped = line.lstrip(INDENT)
    return any(match.start == 0 for match in marker_kinds.scan(stripped)[:1])


def stands_alone(line: str) -> bool:
    """Heading lines, titles, signatures, dates and table rows: lines that end without punctuation
    and still do not run on into the next line."""
    return _stands_alone(line.strip(INDENT))


# the document model asks this of every line it joins, and rules ask it again of the lines that end
# paragraphs (SF602, a cut-off end): the last lines asked are remembered, not scanned again
@functools.lru_cache(maxsize=1024)
def _stands_alone(stripped: str) -> bool:
    if stripped.startswith("|") and stripped.endswith("|"):
        return True
    if _CONTACT_LINE.match(stripped) and not _INNER_SENTENCE_END.search(stripped):
        return True
    if spaced_table_row(stripped):
        return True  # 项目        2025年    2024年
    if stripped.startswith(("——", "--")) and not _INNER_SENTENCE_END.search(stripped):
        return True  # a subtitle: ——2025年1月15日在…人民代表大会第五次会议上
    if stripped and stripped[-1] in _CONTINUES:
        return False
    scanned = marker_kinds.scan(stripped)
    if scanned and scanned[0].start == 0:
        rest = stripped[scanned[0].end :]
        if scanned[0].kind == marker_kinds.ITEM:
            # a run-in item is a sentence; only a short one without any punctuation is a heading line
            return len(stripped) <= SHORT_HEADING_MAX and not _INNER_SENTENCE_PUNCT.search(rest)
        return not _INNER_SENTENCE_END.search(rest)  # a numbered heading may hold commas
    if len(stripped) <= SHORT_HEADING_MAX and stripped.count("，") + stripped.count(",") <= 1:
        return not _INNER_SENTENCE_END.search(stripped)  # 强化学习，提升法治素养
    return len(stripped) <= STANDALONE_MAX and not _INNER_SENTENCE_PUNCT.search(stripped)


def build_paragraphs(lines: list[tuple[int, str]], join: bool = True, head: str = "") -> list[Paragraph]:
    """Group (line number, text) pairs into paragraphs; blank lines always separate them. ``head`` is the
    text above the body (the title and what stands over it), which a PDF's running header repeats."""
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None
    previous_open = previous_wrapped = page_turned = False
    repeats: Counter[str] | None = None  # how often each line stands in the text
    wrap = _wrap_width([line for _number, line in lines]) if join else None
    for number, line in lines:
        content = line.strip(INDENT)
        if not content:
            current, previous_open = None, False
            continue
        indent = len(line) - len(line.lstrip(INDENT))
        content = line[indent:].rstrip(INDENT)
        if previous_wrapped and PAGE_NUMBER.fullmatch(content):
            page_turned = True
            continue  # — 3 — between two lines of a wrapped paragraph: the page ends, the paragraph does not
        if page_turned:
            if repeats is None:  # counted once, when the first page turns inside a paragraph
                repeats = Counter(text.strip(INDENT) for _number, text in lines)
            if _running_header(content, repeats, head):
                continue  # the next page's header (the report's title again) above the paragraph's next line
        page_turned = False
        if join and current is not None and previous_open and not opens_heading(content) and not PAGE_BUTTONS.match(content):
            if previous_wrapped:
                current.wraps.add(current.last_line)
            current.starts.append((len(current.text), number, indent))
            current.text += content
            current.last_line = number
        else:
            current = Paragraph(len(paragraphs), content, number, number, [(0, number, indent)])
            paragraphs.append(current)
        # the rest of a wrapped paragraph is no heading line however short: it runs on unless it ends a sentence
        tail = previous_wrapped and current.last_line == number
        previous_wrapped = wrap is not None and wrap[0](line.rstrip()) >= wrap[1] * _WRAP_FILL and not ends_sentence(content)
        previous_open = not ends_sentence(content) and (previous_wrapped or tail or not stands_alone(content))
    return paragraphs


_RUNNING_HEADER_MIN = 6  # shorter lines (报告, 第二页) say too little to be known as a header


def _running_header(content: str, repeats: Counter[str], head: str) -> bool:
    """Whether a line at the top of a page, in the middle of a paragraph, is the page's running header:
    a stand-alone line that repeats the title above the text (its two lines run together: 澄江市人民政府 /
    关于…的报告) or stands at the top of other pages too."""
    if len(content) < _RUNNING_HEADER_MIN or opens_heading(content) or not stands_alone(content):
        return False
    return content in head or repeats[content] > 1


def _width(text: str) -> int:
    """Display width: a Chinese character or full-width mark takes two columns, a digit or letter one."""
    # ASCII (narrow) and the unified ideographs (wide) are most of a report: counted in C; only the
    # other characters (marks, letters of other scripts) are looked up one by one
    others = _ASCII_OR_IDEOGRAPH.sub("", text)
    ideographs = len(text) - len(others) - len(_IDEOGRAPH_OR_OTHER.sub("", text))
    return len(text) + ideographs + sum(1 for char in others if unicodedata.east_asian_width(char) in "WF")


_ASCII_OR_IDEOGRAPH = regexes.compile("[\x00-\x7f\u4e00-\u9fff]+")
_IDEOGRAPH_OR_OTHER = regexes.compile("[^\x00-\x7f]+")


def _wrap_width(lines: list[str]) -> tuple[Callable[[str], int], int] | None:
    """How a text was hard-wrapped, if it was: the measure (display width for a PDF's lines, characters
    for a tool that wraps at so many) and the width that many lines filled to within a little (a line
    may stop short where a word or a mark cannot begin the next) stop at mid-sentence, with no line
    running far past it. A text laid out a paragraph a line has lines of every length, and its long
    lines end their sentences."""
    texts = [line.rstrip() for line in lines if line.strip(INDENT)]
    if len(texts) < _WRAP_MIN_LINES or max(map(len, texts)) > _WRAP_MAX:
        return None  # too short to tell, or a line longer than any wrap (most reports: a paragraph a line)
    found = []  # (lines filled mid-sentence, measure, width) for each measure the text is wrapped by
    for measure in (_width, len):
        widths = [measure(text) for text in texts]
        wrap = sorted(widths, reverse=True)[len(widths) // 10]
        filled = sum(1 for text, width in zip(texts, widths) if width >= wrap * _WRAP_FILL and not ends_sentence(text))
        if wrap <= _WRAP_MAX and max(widths) <= wrap * 1.1 and filled >= len(widths) * _WRAP_SHARE:
            found.append((filled, measure, wrap))
    return max(found, key=lambda candidate: candidate[0])[1:] if found else None
