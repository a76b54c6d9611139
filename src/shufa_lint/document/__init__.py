"""The document model: built once per input, read by every rule.

``Document`` holds the lines, the logical paragraphs, every numbering marker with its level, ordinal
and exact position, the heading tree, the title (with its year) and the embedded outline, if any.
Rules never parse text themselves; what several rules need (the outline alignment) is computed here,
once, on first use.
"""

import re
from functools import cached_property
from typing import NamedTuple

from .. import regexes
from ..source import SourceText
from . import markers as marker_kinds
from .markers import Marker
from .numerals import DIGITS, parse_chinese
from .paragraphs import PAGE_BUTTONS, Paragraph, build_paragraphs, stands_alone
from .report_type import ReportType
from .text import BOUNDARY, CJK, SENTENCE_END, ends_sentence

OUTLINE_OPENERS = ("【提纲】", "【大纲】", "【写作提纲】", "提纲：", "提纲:")
_OUTLINE_SPAN = 200  # lines an embedded outline may run to before its title
_TITLE_WORDS = regexes.compile(r"报告|述法|述职|情况|总结|要点|计划|方案")
_TITLE_FORBIDDEN = regexes.compile(r"[。，,；;！？!?]")
_YEAR = regexes.compile(r"((?:19|20)\d{2})\s*年")
_HEADING_STOP = regexes.compile("[" + re.escape("".join(sorted(set(SENTENCE_END) | set(BOUNDARY)))) + "]")
# what a web page puts above a report: its metadata table (| [ 索引号 ] | …), 索引号：… lines, the
# breadcrumb (当前位置：首页 > 政务公开 > …)
_PAGE_FURNITURE = regexes.compile(
    r"^(?:\||.*\s[>＞»]\s|(?:您?当前(?:的)?位置|索\s*引\s*号|发布机构|发文机关|发文单位|发文字号|文\s*号|主题分类|体裁分类|组配分类|成文日期|发布日期|发布时间|"
    r"发文日期|有\s*效\s*性|标\s*题|来\s*源|信息来源|浏览次数|字\s*号)\s*[：:])"
)
_DATE = (
    r"(?P<year>\d{4}|[〇○零一二三四五六七八九]{4})\s*年"
    r"(?:\s*(?P<month>[\d一二三四五六七八九十]{1,2})\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?)?$"
)
_DATE_LINE = regexes.compile("^" + _DATE)
# a signature line and its date are sometimes one paragraph (right-aligned with runs of spaces)
_SIGNING_DATE = regexes.compile(r"(?:^|\s)" + _DATE)


# what a web page puts below a report: its footer (主办单位：…  承办单位：…, 网站标识码…  赣ICP备…号
# 赣公网安备…号, 版权所有, 建议使用…分辨率/浏览器浏览), words no report's own text stands on
_SITE_FOOTER = regexes.compile(
    r"^(?:(?:主办|承办|协办|主管)单位|技术支持)\s*[：:]|网站标识码|ICP\s*备|公网安备|版权所有|Copyright|©|网站地图|分辨率|浏览器"
)


def _page_line(paragraph: Paragraph) -> bool:
    """A web page's metadata line (来源：…, 发布时间：…, a breadcrumb), a line of its buttons and links or
    of its footer."""
    text = paragraph.text.strip()
    return (
        _PAGE_FURNITURE.match(text) is not None
        or PAGE_BUTTONS.match(text) is not None
        or _SITE_FOOTER.search(text) is not None
    )


def _date_number(text: str) -> int:
    """A year or month written in digits (2025, 12) or Chinese numerals (二〇二五, 十二)."""
    if text.isdigit():
        return int(text)
    if len(text) == 4:
        return int("".join(str(DIGITS.get(char, 0)) for char in text))
    return parse_chinese(text) or 0


class SigningDate(NamedTuple):
    paragraph: Paragraph
    year: int
    month: int
    start: int  # offset of the date in the paragraph's text
    end: int


class Title(NamedTuple):
    text: str
    line: int
    year: int | None


class PlainHeading(NamedTuple):
    """A heading line with no number (坚持高位推动 法治政府建设责任不断强化), shaped like a marker."""

    text: str
    paragraph: int
    line: int
    column: int
    end_line: int
    end_column: int
    label: str = ""
    raw: str = ""
    offset: int = 0


class Tree(NamedTuple):
    """Paragraphs, markers and the heading tree of one text (the body or the outline)."""

    paragraphs: list[Paragraph]
    markers: list[Marker]
    roots: list[Marker]
    # heading lines without a number, in reading order: some reports number nothing
    unnumbered: list[PlainHeading]

    def groups(self):
        """Sibling markers of one kind under one parent, in order: the units numbering is checked in."""
        # depth first, a parent's groups before its children's; a stack, not nested generators, whose
        # every item would pass up through each level above it
        pending = [self.roots]
        while pending:
            children = pending.pop()
            by_kind: dict[str, list[Marker]] = {}
            for child in children:
                by_kind.setdefault(child.kind, []).append(child)
            yield from by_kind.items()
            pending.extend(child.children for child in reversed(children))


class Outline(NamedTuple):
    """An outline the body is expected to follow: embedded (【提纲】…) or given with ``--outline``."""

    tree: Tree
    first_line: int
    last_line: int
    embedded: bool = True
    origin: str = ""  # where it came from, for messages


class Document:
    # no __slots__: the cached properties below are kept in the instance's __dict__
    def __init__(
        self,
        source: SourceText,
        lines: tuple[str, ...],
        body: Tree,
        title: Title | None,
        outline: Outline | None,
        body_first_line: int,
        title_paragraph: Paragraph | None = None,
        report_type: ReportType | None = None,
    ) -> None:
        self.source = source
        self.lines = lines
        self.body = body
        self.title = title
        self.outline = outline
        self.body_first_line = body_first_line
        self.title_paragraph = title_paragraph
        # the type the document is checked as, set by the engine from the packs
        self.report_type = report_type
        self._derived: dict = {}

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.body.paragraphs

    @property
    def markers(self) -> list[Marker]:
        return self.body.markers

    @property
    def report_year(self) -> int | None:
        return self.title.year if self.title else None

    def prose(self):
        """Every paragraph of the draft's own text: the embedded outline, the title, then the body."""
        if self.outline and self.outline.embedded:
            yield from self.outline.tree.paragraphs
        if self.title_paragraph:
            yield self.title_paragraph
        yield from self.body.paragraphs

    def matches(self, pattern, needs: str = ""):
        """(paragraph, match) for every match of ``pattern`` (anything with ``finditer``) in ``prose``;
        ``needs``: characters one of which every match holds (千百 for 3千), so that a paragraph without
        any is passed over with an ``in`` test."""
        if needs and not any(map(self._text.__contains__, needs)):
            return  # most documents lack them all: one look at the whole text, none per paragraph
        for paragraph in self.prose():
            if needs and not any(map(paragraph.text.__contains__, needs)):
                continue
            for found in pattern.finditer(paragraph.text):
                yield paragraph, found

    def holds(self, characters: re.Pattern) -> bool:
        """Whether ``characters``, a pattern of characters of one class (``[…]``, ``[…][…]*``), finds any
        in the text: one look at the whole before a rule reads it paragraph by paragraph."""
        return characters.search(self._text) is not None

    def derived(self, key: "str | tuple", build):
        """An analysis several rules share (numbering slips, sections found …), computed once."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]

    @cached_property
    def _text(self) -> str:
        """Every line, for a first look at which characters the document holds (its paragraphs are made
        of its lines)."""
        return "\n".join(self.lines)

    @cached_property
    def alignment(self):
        """Outline items paired with the body headings that realise them (see ``alignment``)."""
        from .alignment import align

        return align(self.outline.tree, self.body, self.lines, self.body_first_line) if self.outline else None

    @cached_property
    def signing_date(self) -> "SigningDate | None":
        """The date the report is signed (成文日期): a date line among its last paragraphs, above the
        buttons and footer of the web page it was saved from, however many lines those take."""
        paragraphs = self.paragraphs
        end = len(paragraphs)
        while end and _page_line(paragraphs[end - 1]):
            end -= 1
        for paragraph in reversed(paragraphs[max(0, end - 4) : end]):
            found = _SIGNING_DATE.search(paragraph.text.strip())
            if found and found.group("month"):
                offset = len(paragraph.text) - len(paragraph.text.lstrip())
                return SigningDate(
                    paragraph,
                    _date_number(found.group("year")),
                    _date_number(found.group("month")),
                    offset + found.start("year"),
                    offset + found.end(),
                )
        return None

    def frames(self, paragraph: Paragraph) -> bool:
        """Whether a paragraph is the web page a published report was saved with, not the report's text:
        a line before the title, the page's metadata and button lines (来源：…  发布时间：…, a breadcrumb,
        【打印本页】 【关闭窗口】, 扫一扫…) that open or close the body, or a line after the signing date.
        The same lines between two paragraphs of the report are residue pasted into it."""
        if self.title and paragraph.last_line < self.title.line:
            return True
        return paragraph.first_line in self._page_lines

    @cached_property
    def _page_lines(self) -> frozenset[int]:
        """First lines of the body paragraphs that are the page around the report (see ``frames``)."""
        signed = self.signing_date
        page = set()
        for paragraph in self.paragraphs:
            if not _page_line(paragraph):
                break
            page.add(paragraph.first_line)
        for paragraph in reversed(self.paragraphs):
            after_signing = signed is not None and paragraph.first_line > signed.paragraph.last_line
            if not (after_signing or _page_line(paragraph)):
                break
            page.add(paragraph.first_line)
        return frozenset(page)

    def with_outline(self, outline: Outline | None) -> "Document":
        return self._with(outline, self.report_type)

    def with_report_type(self, report_type: ReportType) -> "Document":
        return self._with(self.outline, report_type)

    def _with(self, outline: Outline | None, report_type: ReportType | None) -> "Document":
        """A copy with another outline or type; nothing derived from this one is carried over."""
        return Document(
            self.source, self.lines, self.body, self.title, outline, self.body_first_line, self.title_paragraph, report_type
        )


def _heading_text(text: str, start: int, stop: int) -> str:
    found = _HEADING_STOP.search(text, start, stop)
    return text[start : found.start() if found else stop].strip()


def _unnumbered_heading(paragraph: Paragraph) -> PlainHeading | None:
    text = paragraph.text.rstrip()
    if (
        paragraph.first_line != paragraph.last_line
        or not 4 <= len(text) <= 40
        or ends_sentence(text)
        or not stands_alone(text)
        or text.startswith("|")
        or _DATE_LINE.match(text)
    ):
        return None
    line, column = paragraph.starts[0][1], paragraph.starts[0][2] + 1
    return PlainHeading(text, paragraph.index, line, column, line, column + len(text))


_ITEM_BEFORE_NUMBER = regexes.compile(r"(\d{1,2})[.．](?=\d)")


def _item_before_number(
    text: str, last_opening: marker_kinds.MarkerMatch | None, next_text: str
) -> marker_kinds.MarkerMatch | None:
    """``4.7个100%：…`` after item 3.: item 4 about the 7个100%, not the decimal 4.7; and ``1.4个100%：…``
    before a paragraph that opens with 2.: item 1 of a list (a glossary's first entry)."""
    found = _ITEM_BEFORE_NUMBER.match(text)
    if found is None:
        return None
    ordinal = int(found.group(1))
    follows = last_opening is not None and last_opening.kind == marker_kinds.ARABIC and ordinal == last_opening.ordinal + 1
    opens = ordinal == 1 and _SECOND_ITEM.match(next_text) is not None
    if not (follows or opens):
        return None
    return marker_kinds.MarkerMatch(marker_kinds.ARABIC, ordinal, 0, found.end(), None)


_SECOND_ITEM = regexes.compile(r"[ \t\u3000]*2[.．、]")
# an entry of a table of contents (目录) before the body: a heading, a dot leader and its page number
_CONTENTS_ENTRY = regexes.compile(r"(?:…{2,}|[.．·・]{4,}|[-—]{4,})[ \t\u3000]*\d{1,3}$")


def build_tree(paragraphs: list[Paragraph]) -> Tree:
    found: list[Marker] = []
    unnumbered: list[PlainHeading] = []
    in_attachments = False
    last_opening: marker_kinds.MarkerMatch | None = None  # the marker the latest numbered paragraph opened with
    for index, paragraph in enumerate(paragraphs):
        matches = marker_kinds.scan(paragraph.text)
        if not matches or matches[0].start != 0:
            next_text = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            numbered_on = _item_before_number(paragraph.text, last_opening, next_text)
            matches = [numbered_on, *matches] if numbered_on else matches
        if matches and matches[0].start == 0:
            last_opening = matches[0]
        if _CONTENTS_ENTRY.search(paragraph.text.rstrip()):
            continue  # 一、主要工作及成效……1 in the contents names a part, it does not open one
        # 附件：1.…  2.… lists attachments (GB/T 9704 7.3.4): numbered, but not headings of the report
        if paragraph.text.startswith("附件"):
            in_attachments = True
            continue
        if in_attachments and matches and matches[0].start == 0 and matches[0].kind == marker_kinds.ARABIC:
            continue
        in_attachments = False
        if not matches or matches[0].start != 0:
            plain = _unnumbered_heading(paragraph)
            if plain is not None:
                unnumbered.append(plain)
        for slot, match in enumerate(matches):
            stop = matches[slot + 1].start if slot + 1 < len(matches) else len(paragraph.text)
            text = _heading_text(paragraph.text, match.end, stop)
            line, column = paragraph.position(match.start)
            end_line, end_column = paragraph.position(match.end - 1)
            _, line_end = paragraph.line_span(line)
            line_text = text[: max(0, line_end - match.end)]
            found.append(
                Marker(
                    kind=match.kind,
                    ordinal=match.ordinal,
                    raw=paragraph.text[match.start : match.end],
                    paragraph=paragraph.index,
                    offset=match.start,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column + 1,
                    text=text,
                    line_text=line_text,
                    expected=match.expected,
                    standalone=match.start == 0 and match.end + len(text) >= len(paragraph.text.rstrip("。")),
                )
            )
    roots: list[Marker] = []
    stack: list[Marker] = []
    for marker in found:
        while stack and stack[-1].level >= marker.level:
            stack.pop()
        if marker.kind == marker_kinds.ITEM and marker.ordinal > 1:
            stack = _back_to_items(stack, roots, marker.ordinal)
        if stack:
            marker.parent = stack[-1]
            stack[-1].children.append(marker)
        else:
            roots.append(marker)
        stack.append(marker)
    return Tree(paragraphs, found, roots, unnumbered)


def _back_to_items(stack: list[Marker], roots: list[Marker], ordinal: int) -> list[Marker]:
    """The stack an item (三是) continues its run in: a list 1. 2. 3. under 二是 (重点抓好以下三类人群：) ends
    where 三是 takes up the items of the heading above it, so 三是 is no late start under 3. (and a second
    二是 there repeats the run's 二是)."""
    def items_before(children: list[Marker]) -> bool:
        last = next((child for child in reversed(children) if child.kind == marker_kinds.ITEM), None)
        return last is not None and last.ordinal <= ordinal

    if stack and items_before(stack[-1].children):
        return stack
    for depth in range(len(stack) - 1, 0, -1):
        if items_before(stack[depth - 1].children):
            return stack[:depth]
    return [] if items_before(roots) else stack


def _find_outline(lines: tuple[str, ...]) -> tuple[int, int] | None:
    """0-based [first, last] lines of an embedded 【提纲】 block: up to the title when one follows (blank
    lines inside allowed), else up to the first blank line after its content."""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith(OUTLINE_OPENERS):
            return None
        title = next((t for t in range(index + 1, min(len(lines), index + _OUTLINE_SPAN)) if _title_at(lines, t)), None)
        if title is not None:
            last = title - 1
            while last > index and not lines[last].strip():
                last -= 1
            return index, last
        last = index
        while last + 1 < len(lines) and (lines[last + 1].strip() or last == index and not _after_opener(line)):
            last += 1
        return index, last
    return None


def _after_opener(line: str) -> str:
    stripped = line.strip()
    opener = next(o for o in OUTLINE_OPENERS if stripped.startswith(o))
    return stripped[len(opener) :].strip()


# a part of a report laid out the traditional way: 第一部分 …, with 一、 二、 numbered anew inside each
PART_HEADING = regexes.compile(r"第[一二三四五六七八九十]{1,3}部分")
_LETTER_SPACING = regexes.compile(f"(?<=[{CJK}])[ \u3000]+(?=[{CJK}])")


def _title_at(lines: tuple[str, ...], index: int) -> Title | None:
    text = _LETTER_SPACING.sub("", lines[index].strip())  # 政 府 工 作 报 告, spaced out to fill the line
    if not (6 <= len(text) <= 80) or _TITLE_FORBIDDEN.search(text) or not _TITLE_WORDS.search(text):
        return None
    if text.endswith(("：", ":")) or _PAGE_FURNITURE.match(text) or PART_HEADING.match(text):
        # 现将有关情况报告如下： opens the body; a table row or 标题：… belongs to the web page;
        # 第一部分 2024年工作情况 is a part
        return None
    if marker_kinds.scan(text)[:1] and marker_kinds.scan(text)[0].start == 0:
        return None
    year = _YEAR.search(text)
    return Title(text, index + 1, int(year.group(1)) if year else None)


# the head of a 公文 above its title (GB/T 9704-2012 版头): the issuing authority's mark (…人民政府文件),
# the document number (桐政报〔2025〕6号) and the signer (签发人：…)
_LETTERHEAD = regexes.compile(r"^(?:\S{2,30}文件|\S{0,12}[〔\[［(（]\d{4}[〕\]］)）]\d+号|签\s*发\s*人\s*[：:].*)$")


def _find_title(lines: tuple[str, ...], start: int) -> Title | None:
    seen = 0
    for index in range(start, len(lines)):
        if not lines[index].strip():
            continue
        title = _title_at(lines, index)
        if title:
            return title
        if _PAGE_FURNITURE.match(lines[index].strip()) or _LETTERHEAD.match(lines[index].strip()):
            continue
        seen += 1
        if seen >= 3:
            return None
    return None


def parse_outline_lines(numbered_lines: list[tuple[int, str]]) -> Tree:
    """An outline: each line its own paragraph (an outline has no broken prose lines to join)."""
    return build_tree(build_paragraphs(numbered_lines, join=False))


def build_document(source: SourceText) -> Document:
    lines = source.lines
    outline = None
    skip: set[int] = set()
    block = _find_outline(lines)
    search_from = 0
    if block:
        first, last = block
        numbered = []
        for index in range(first, last + 1):
            line = lines[index]
            if index == first:
                opener = next(o for o in OUTLINE_OPENERS if line.strip().startswith(o))
                cut = line.index(opener) + len(opener)
                line = " " * cut + line[cut:]
            numbered.append((index + 1, line))
            skip.add(index)
        outline = Outline(parse_outline_lines(numbered), first + 1, last + 1, embedded=True, origin="【提纲】")
        search_from = last + 1
    title = _find_title(lines, search_from)
    if title:
        skip.add(title.line - 1)
    body_lines = [(index + 1, line) for index, line in enumerate(lines) if index not in skip]
    body_first = title.line + 1 if title else search_from + 1
    head = "".join(line.strip() for line in lines[: title.line]) if title else ""
    body = build_tree(build_paragraphs(body_lines, head=head))
    title_paragraph = None
    if title:
        title_paragraph = build_paragraphs([(title.line, lines[title.line - 1])], join=False)[0]
    return Document(source, lines, body, title, outline, body_first, title_paragraph)


__all__ = ["Document", "Outline", "Paragraph", "Marker", "ReportType", "Title", "Tree", "build_document", "parse_outline_lines"]
