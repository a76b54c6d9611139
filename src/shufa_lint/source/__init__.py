"""Bytes to report text: one ``SourceText`` per input, whatever its format.

A ``SourceText`` holds the report's text as lines (a .docx paragraph is one line) and a position map back
to the file: diagnostics are computed on these lines and translated with ``locate`` before output.
Readers live beside this module: ``encoding`` (bytes to text), ``markdown``, ``docx`` (with ``numbering``
for Word's automatic list labels), ``worddoc`` (.doc and WPS .wps), ``odt``, ``rtf``, ``pdf`` and ``reader``
(dispatch by file type, size limits).
"""

import bisect
import codecs
import re
from functools import cached_property
from typing import NamedTuple

from .. import regexes
from ..diagnostics import InputError, Message

# a page number standing on a line of its own: — 3 —, - 3 -, 第3页, 第 3 页 共 9 页, 3/9, Page 3 of 9, iv (a PDF's
# running footer, and the same line in a PDF's text saved as a .txt)
PAGE_NUMBER = regexes.compile(
    r"[\s\-—–_·•]*(?:"
    r"第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*[，,]?\s*第\s*\d+\s*页"
    r"|\d+\s*[/／]\s*\d+"
    r"|(?:page\s*)?\d+(?:\s*of\s*\d+)?"
    r"|[ivxlc]+"
    r")[\s\-—–_·•]*",
    re.IGNORECASE,
)

# Only these end a line: editors, grep -n and git count lines this way, while str.splitlines() would also
# split at form feeds, U+2028 and friends and shift every later line number.
LINE_BREAK = regexes.compile(r"\r\n|\r|\n")

_BOM_BYTES = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


class LineOrigin(NamedTuple):
    """Where a report line came from: its 1-based line in the file and where each character stood.

    ``offset`` is added to a 0-based column when the line maps one-to-one (most lines); ``columns`` maps
    each character to its 0-based source column when markup was removed from the middle of the line.
    ``generated`` counts leading characters that are not in the file at all (a Word numbering label such
    as 一、 that Word displays but the paragraph does not contain): they map to the paragraph's start,
    and an edit must not touch them.
    """

    line: int
    offset: int = 0
    columns: tuple[int, ...] | None = None
    generated: int = 0

    @classmethod
    def of_paragraph(cls, line: int, label: str, text: str) -> "LineOrigin":
        """Line ``line`` showing ``label + text``, where the label is generated (a list's number)."""
        if not label:
            return cls(line)
        return cls(line, columns=(0,) * len(label) + tuple(range(len(text))), generated=len(label))

    def column(self, index: int) -> int:
        if self.columns is not None and self.columns:
            if index < len(self.columns):
                return self.columns[index]
            return self.columns[-1] + 1 + (index - len(self.columns))
        return self.offset + index


_JOINABLE_PREFIX = regexes.compile(r"[ \t\u3000]*(?:>[ \t]?)*[ \t\u3000]*")


class SourceText:
    """One input as report lines.

    To write a text file back byte for byte: ``bom_bytes() + raw_text.encode(encoding)``; ``encoding`` is
    always a BOM-less codec name (``utf-16-le``, never ``utf-16``). ``raw_text`` is empty for .docx,
    which cannot be written back as text.

    A value: read-only once made, equal to (and hashed as) another made of the same fields. No
    ``__slots__``: the cached properties below are kept in the instance's ``__dict__``.
    """

    def __init__(
        self,
        path: str,
        lines: tuple[str, ...],
        kind: str = "text",  # text | markdown | docx | doc | odt | rtf | pdf
        origins: tuple[LineOrigin, ...] = (),
        encoding: str = "utf-8",
        bom: bool = False,
        newline: str = "\n",
        final_newline: bool = False,
        # "line" for text files; "paragraph" for the office formats and PDF, where line numbers count paragraphs
        position_unit: str = "line",
        raw_text: str = "",
        # Markdown HTML comments as (1-based line where the comment starts, its inner text, stripped): not
        # report text, but where ``<!-- shufa-lint disable … -->`` directives live.
        comments: tuple[tuple[int, str], ...] = (),
        # automatic list numbering the reader found but could not turn into labels (a damaged .doc list
        # table): the numbers are missing from ``lines``, so the body's numbering cannot be checked
        unlabelled_lists: bool = False,
        # PDF: where each page starts in ``lines``, as (1-based line, 1-based column, page), in order
        pages: tuple[tuple[int, int, int], ...] = (),
    ) -> None:
        self.__dict__.update(
            path=path, lines=lines, kind=kind, origins=origins, encoding=encoding, bom=bom, newline=newline,
            final_newline=final_newline, position_unit=position_unit, raw_text=raw_text, comments=comments,
            unlabelled_lists=unlabelled_lists, pages=pages,
        )

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"cannot assign to {name!r}: a SourceText is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete {name!r}: a SourceText is read-only")

    def _fields(self) -> tuple:
        return (
            self.path, self.lines, self.kind, self.origins, self.encoding, self.bom, self.newline,
            self.final_newline, self.position_unit, self.raw_text, self.comments, self.unlabelled_lists, self.pages,
        )

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    @property
    def unit(self) -> Message:
        """What a line number counts, as messages name it: 行/line, or 段/paragraph in office documents and PDF."""
        return Message("段", "paragraph") if self.position_unit == "paragraph" else Message("行", "line")

    def page_of(self, line: int, column: int) -> int | None:
        """The page the character at 1-based (``line``, ``column``) stands on, or None (no pages)."""
        if not self.pages:
            return None
        index = bisect.bisect_right(self.pages, (line, column, float("inf"))) - 1
        return self.pages[max(index, 0)][2]

    def locate(self, line: int, column: int) -> tuple[int, int]:
        """Map a 1-based (line, column) of ``lines`` to the 1-based position in the file."""
        if not self.origins or not 1 <= line <= len(self.origins):
            return line, column
        origin = self.origins[line - 1]
        return origin.line, origin.column(column - 1) + 1

    def locate_edit(self, line: int, column: int, end_line: int, end_column: int) -> tuple[int, int, int, int] | None:
        """Map an edit's 1-based range of ``lines`` to the file, or None if in the file it would also
        cover text the reader left out (an image, a code span, a link target, a comment, emphasis marks).

        The end maps from the last character it covers, so a range ending before removed markup stops
        there too; a range across a line break is a join, which ``can_join`` vouched for.
        """
        start = self.locate(line, column)
        if (end_line, end_column) == (line, column):
            return (*start, *start)
        if end_line != line:
            return (*start, *self.locate(end_line, end_column))
        if not self.origins or not 1 <= line <= len(self.origins):
            return (*start, end_line, end_column)
        origin = self.origins[line - 1]
        first, last = column - 1, end_column - 2
        if origin.column(last) - origin.column(first) != last - first:
            return None
        return (*start, origin.line, origin.column(last) + 2)

    def generated(self, line: int, column: int) -> bool:
        """Whether the character at 1-based (``line``, ``column``) is not in the file: Word's numbering
        label, which a fix cannot change (the list definition makes it)."""
        if not self.origins or not 1 <= line <= len(self.origins):
            return False
        return column <= self.origins[line - 1].generated

    def can_join(self, line: int) -> bool:
        """Whether the break after report line ``line`` can be removed by deleting what lies between its
        last character and the next line's first: nothing but the break, indentation or blockquote
        marks. A join must not swallow markup (a list bullet, an image, a link's closing part)."""
        if not self.origins:
            return True
        if not 1 <= line < len(self.origins) or not self.raw_text or not self.lines[line - 1]:
            return False
        this, following = self.origins[line - 1], self.origins[line]
        raw = self._raw_lines
        if this.generated or following.generated or following.line != this.line + 1 or following.line > len(raw):
            return False
        ends_line = this.column(len(self.lines[line - 1]) - 1) + 1 == len(raw[this.line - 1])
        return ends_line and _JOINABLE_PREFIX.fullmatch(raw[following.line - 1][: following.column(0)]) is not None

    @cached_property
    def _raw_lines(self) -> list[str]:
        return split_lines(self.raw_text)

    @cached_property
    def file_lines(self) -> tuple[str, ...]:
        """The lines diagnostics count in file coordinates: a text file's own lines (Markdown markup
        included); an office document's or a PDF's paragraphs, each shown with the numbering label Word
        puts in front of it (一、), which the file does not hold: columns count from after the label
        (``label_width``)."""
        if self.position_unit == "paragraph" or not self.raw_text:
            return self.lines
        return tuple(self._raw_lines)

    def label_width(self, line: int) -> int:
        """How many characters of the 1-based file line ``line`` are a generated numbering label."""
        if self.position_unit != "paragraph" or not 1 <= line <= len(self.origins):
            return 0
        return self.origins[line - 1].generated

    def bom_bytes(self) -> bytes:
        return _BOM_BYTES.get(self.encoding, b"") if self.bom else b""

    def encode(self, text: str) -> bytes:
        """``text`` as this file stores it: same codec, same byte order mark."""
        return self.bom_bytes() + text.encode(self.encoding)


def split_lines(text: str) -> list[str]:
    """Lines without their breaks, split at \\r\\n, \\r and \\n only; a final break opens no new line."""
    lines = LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def newline_of(text: str) -> str:
    """The line break the file uses most (ties: \\n); what a fixed file is written with."""
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}
    return max(("\n", "\r\n", "\r"), key=lambda kind: counts[kind])


def from_text(path: str, text: str, **attributes) -> SourceText:
    """A plain-text source: lines map one-to-one onto the file.

    A leading U+FEFF is taken for a byte order mark unless the caller already decided (``bom=``): a
    reader that removed the file's BOM passes on a second U+FEFF as text.
    """
    if "bom" not in attributes and text.startswith("\ufeff"):
        text = text[1:]
        attributes["bom"] = True
    return SourceText(
        path=path,
        lines=tuple(split_lines(text)),
        newline=newline_of(text),
        final_newline=text.endswith(("\n", "\r")),
        raw_text=text,
        **attributes,
    )


# An office document or PDF holding more text than this is not a report: refused, not linted.
MAX_DOCUMENT_CHARS = 20 * 1024 * 1024
PASSWORD_PROTECTED = (
    "is password-protected; remove the password (save a copy without one) and lint that",
    "有密码保护；请另存一份不带密码的副本再检查",
)


def from_paragraphs(path: str, lines, kind: str, origins=(), **attributes) -> SourceText:
    """An office document or PDF as report lines, one per paragraph (line numbers count paragraphs)."""
    lines = tuple(lines)
    if sum(len(line) for line in lines) > MAX_DOCUMENT_CHARS:
        raise InputError(path, f"more than {MAX_DOCUMENT_CHARS // 1024 // 1024} M characters of text; not linted")
    return SourceText(
        path=path,
        lines=lines,
        kind=kind,
        origins=tuple(origins),
        position_unit="paragraph",
        final_newline=True,
        **attributes,
    )


def read_path(path: str, encoding: str | None = None) -> SourceText:
    """Read a file (or ``-`` for standard input) into a ``SourceText``; raise ``InputError`` if unreadable."""
    from .reader import read

    return read(path, encoding)


__all__ = ["LineOrigin", "SourceText", "from_paragraphs", "from_text", "read_path", "split_lines", "InputError"]
