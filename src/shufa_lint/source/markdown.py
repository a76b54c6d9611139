"""Markdown drafts: the report text a reader sees, on the lines and columns where it is written.

``# 一、工作情况`` is read as the heading ``一、工作情况``, ``- 一是…`` as the item ``一是…``, a blockquote as
its text, ``[文字](链接)`` as 文字, ``**12**`` and ``*重点*`` as 12 and 重点 (but 学法**次，调解**起 keeps
its stars: a pair across a clause is two figures left blank). Front matter, fenced code, indented code that is not Chinese prose,
thematic breaks, setext underlines and HTML comments are blanked out. Every source line stays one line
(blank when nothing of it is report text), so line numbers are the file's, and each character keeps its
source column through ``LineOrigin``. Comment texts are kept in ``SourceText.comments`` for the
``<!-- shufa-lint disable … -->`` directives.

Chinese drafts often indent paragraphs with four spaces, which CommonMark reads as a code block; an
indented block containing Chinese characters is read as prose, because dropping it would hide the
report's own text.
"""

from __future__ import annotations

import re

from .. import regexes
from . import LineOrigin, SourceText, newline_of, split_lines

_FENCE_OPEN = regexes.compile(r"^ {0,3}(`{3,}|~{3,})")
_THEMATIC_BREAK = regexes.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT_UNDERLINE = regexes.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
# matched at a position (``match(text, pos)``), so without ^: nested quotes are peeled in one pass
_BLOCKQUOTE = regexes.compile(r" {0,3}>[ \t]?")
_ATX_HEADING = regexes.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_BULLET = regexes.compile(r"^[ \t]*[-+*][ \t]+(?:\[[ xX]\][ \t]+)?")
_LEADING_STRONG = regexes.compile(r"^\*\*(?=\S)(.+?)(?<=\S)\*\*")
# Bounded and bracket-free inside, so a line of a million "[" is scanned in linear time.
# a link target may hold one level of parentheses: [文件](./a(1).pdf)
_TARGET = r"\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}\)"
_IMAGE = regexes.compile(r"!\[[^\[\]]{0,1000}\]" + _TARGET)
_LINK = regexes.compile(r"\[([^\[\]]{0,1000})\]" + _TARGET)
# inline code is not report text: `代码,(括号)`
_CODE_SPAN = regexes.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# Emphasis, as CommonMark reads it: a delimiter run that opens before and closes after non-space text
# on the same line; _ and __ only at a word's edge (学习_法治_思想 is two redactions, not emphasis).
_STAR_EMPHASIS = regexes.compile(r"(?<![*\\])(\*\*|\*)(?![\s*])([^*\n]{1,200}?)(?<![\s*\\])\1(?!\*)")
_UNDERSCORE_EMPHASIS = regexes.compile(r"(?<![_\w\\])(__|_)(?![\s_])([^_\n]{1,200}?)(?<![\s_\\])\1(?![_\w])")
# In a draft, * and ** also stand for a figure still to fill in (学法**次，调解**起) or a filtered word
# (学习*法治思想，贯彻*新时代); emphasis marks a word or phrase, so a pair that spans a clause is two
# placeholders.
_CLAUSE_MARKS = set("，。；！？、,;")
_CJK = regexes.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"


def parse_markdown(path: str, text: str, **attributes) -> SourceText:
    if text.startswith("\ufeff"):
        text = text[1:]
        attributes.setdefault("bom", True)
    reader = _Reader(split_lines(text))
    lines, origins = reader.read()
    return SourceText(
        path=path,
        lines=tuple(lines),
        kind="markdown",
        origins=tuple(origins),
        newline=newline_of(text),
        final_newline=text.endswith(("\n", "\r")),
        raw_text=text,
        comments=tuple(reader.comments),
        **attributes,
    )


class _Reader:
    def __init__(self, lines: list[str]):
        self.source = lines
        self.comments: list[tuple[int, str]] = []
        self._comment: tuple[int, list[str]] | None = None  # an open comment: first line, text so far

    def read(self) -> tuple[list[str], list[LineOrigin]]:
        lines: list[str] = []
        origins: list[LineOrigin] = []
        fence: str | None = None
        previous = "blank"  # blank | code | text
        front_matter_end = self._front_matter_end()
        for index, line in enumerate(self.source):
            kept: list[int] = []
            if index <= front_matter_end:
                pass
            elif fence is not None:
                if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", line):
                    fence, previous = None, "blank"
            elif self._comment is None and _FENCE_OPEN.match(line):
                fence = _FENCE_OPEN.match(line).group(1)
                previous = "code"
            else:
                kept, previous = self._content(index, line, previous)
            lines.append(_visible(line, kept))
            origins.append(_origin(index + 1, kept))
        if self._comment is not None:  # unclosed: CommonMark runs it to the end of the document
            self.comments.append((self._comment[0], "\n".join(self._comment[1]).strip()))
        return lines, origins

    def _front_matter_end(self) -> int:
        """Index of the line closing a YAML (---) or TOML (+++) front matter block, or -1."""
        if not self.source or self.source[0].rstrip() not in ("---", "+++"):
            return -1
        closers = ("---", "...") if self.source[0].rstrip() == "---" else ("+++",)
        return next((index for index, line in enumerate(self.source[1:], 1) if line.rstrip() in closers), -1)

    def _content(self, index: int, line: str, previous: str) -> tuple[list[int], str]:
        kept = self._outside_comments(index, line)
        visible = _visible(line, kept)
        if not visible.strip():
            return [], "code" if previous == "code" else "blank"
        indented = line.startswith(("    ", "\t")) and len(kept) == len(line)
        if indented and previous in ("blank", "code") and not _CJK.search(line):
            return [], "code"
        if _THEMATIC_BREAK.match(visible) or (previous == "text" and _SETEXT_UNDERLINE.match(visible)):
            return [], "blank"
        quoted = 0
        while match := _BLOCKQUOTE.match(visible, quoted):
            quoted = match.end()
        kept, visible = kept[quoted:], visible[quoted:]
        heading = _ATX_HEADING.match(visible)
        if heading:
            end = _heading_end(visible, heading.end())
            kept, visible = kept[heading.end() : end], visible[heading.end() : end]
        elif bullet := _BULLET.match(visible):
            kept, visible = kept[bullet.end() :], visible[bullet.end() :]
        if strong := _LEADING_STRONG.match(visible):
            inner = range(2, strong.end() - 2)
            kept = [kept[position] for position in inner] + kept[strong.end() :]
            visible = _visible(line, kept)
        kept = _without_inline_markup(kept, visible)
        return kept, "text"

    def _outside_comments(self, index: int, line: str) -> list[int]:
        """Positions of ``line`` outside HTML comments; comment texts go to ``self.comments``."""
        kept: list[int] = []
        position = 0
        while position < len(line):
            if self._comment is not None:
                close = line.find(_COMMENT_CLOSE, position)
                end = len(line) if close < 0 else close
                self._comment[1].append(line[position:end])
                if close < 0:
                    return kept
                self.comments.append((self._comment[0], "\n".join(self._comment[1]).strip()))
                self._comment = None
                position = close + len(_COMMENT_CLOSE)
                continue
            opening = line.find(_COMMENT_OPEN, position)
            if opening < 0:
                kept.extend(range(position, len(line)))
                break
            kept.extend(range(position, opening))
            self._comment = (index + 1, [])
            position = opening + len(_COMMENT_OPEN)
        return kept


def _heading_end(visible: str, start: int) -> int:
    """End of an ATX heading's text: before trailing blanks and a closing run of # after a blank."""
    end = len(visible.rstrip(" \t"))
    hashes = end - len(visible[:end].rstrip("#"))
    if hashes and (end - hashes == start or visible[end - hashes - 1] in " \t"):
        end = len(visible[: end - hashes].rstrip(" \t"))
    return max(end, start)


def _visible(line: str, kept: list[int]) -> str:
    return "".join(line[position] for position in kept)


def _without_inline_markup(kept: list[int], visible: str) -> list[int]:
    """Drop code spans, images and emphasis delimiters, and keep only the text of links: [文字](链接)
    reads as 文字."""
    dropped = bytearray(len(visible))  # 1: a visible position that is markup, not text
    for code in _CODE_SPAN.finditer(visible):
        dropped[code.start() : code.end()] = b"\1" * (code.end() - code.start())
    for image in _IMAGE.finditer(visible):
        if not dropped[image.start()]:  # an image inside a code span is code
            dropped[image.start() : image.end()] = b"\1" * (image.end() - image.start())
    for link in _LINK.finditer(visible):
        if not dropped[link.start()]:  # nor is a link inside code or an image
            dropped[link.start() : link.start(1)] = b"\1" * (link.start(1) - link.start())
            dropped[link.end(1) : link.end()] = b"\1" * (link.end() - link.end(1))
    _drop_emphasis_delimiters(visible, dropped)
    if not any(dropped):
        return kept
    return [source for position, source in enumerate(kept) if not dropped[position]]


def _drop_emphasis_delimiters(visible: str, dropped: bytearray) -> None:
    """Mark the delimiters of emphasis (**12**, *重点*, __要求__) outside other markup: **12** reads as 12."""
    if "*" not in visible and "_" not in visible:
        return
    for pattern in (_STAR_EMPHASIS, _UNDERSCORE_EMPHASIS):
        for emphasis in pattern.finditer(visible):
            start, end, width = emphasis.start(), emphasis.end(), len(emphasis.group(1))
            delimiter, text = emphasis.group(1), emphasis.group(2)
            if delimiter[0] == "*" and not _CLAUSE_MARKS.isdisjoint(text):
                continue
            if any(dropped[start:end]):
                continue  # inside a code span or link target, across one, or already emphasis
            dropped[start : start + width] = dropped[end - width : end] = b"\1" * width


def _origin(line: int, kept: list[int]) -> LineOrigin:
    if not kept:
        return LineOrigin(line)
    first = kept[0]
    if kept[-1] - first == len(kept) - 1:
        return LineOrigin(line, offset=first)
    return LineOrigin(line, columns=tuple(kept))
