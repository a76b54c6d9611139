"""Bytes to report text: one ``SourceText`` per input, whatever its format.

A ``SourceText`` holds the report's text as lines (a .docx paragraph is one line) and a position map back
to the file: diagnostics are computed on these lines and translated with ``locate`` before output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import InputError


@dataclass(frozen=True)
class LineOrigin:
    """Where a report line came from: its 1-based line in the file and where each character stood.

    ``offset`` is added to a 0-based column when the line maps one-to-one (most lines); ``columns`` maps
    each character to its 0-based source column when markup was removed from the middle of the line.
    """

    line: int
    offset: int = 0
    columns: tuple[int, ...] | None = None

    def column(self, index: int) -> int:
        if self.columns is not None and self.columns:
            if index < len(self.columns):
                return self.columns[index]
            return self.columns[-1] + 1 + (index - len(self.columns))
        return self.offset + index


@dataclass(frozen=True)
class SourceText:
    path: str
    lines: tuple[str, ...]
    kind: str = "text"  # text | markdown | docx
    origins: tuple[LineOrigin, ...] = ()
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    final_newline: bool = False
    # "line" for text files; "paragraph" for .docx, where line numbers count body paragraphs
    position_unit: str = "line"
    raw_text: str = field(default="", repr=False)

    def locate(self, line: int, column: int) -> tuple[int, int]:
        """Map a 1-based (line, column) of ``lines`` to the 1-based position in the file."""
        if not self.origins or not 1 <= line <= len(self.origins):
            return line, column
        origin = self.origins[line - 1]
        return origin.line, origin.column(column - 1) + 1


def from_text(path: str, text: str, **attributes) -> SourceText:
    """A plain-text source: lines map one-to-one onto the file."""
    if text.startswith("\ufeff"):
        text = text[1:]
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    final_newline = text.endswith(("\n", "\r"))
    lines = text.splitlines()
    return SourceText(
        path=path,
        lines=tuple(lines),
        newline=newline,
        final_newline=final_newline,
        raw_text=text,
        **attributes,
    )


def read_path(path: str, encoding: str | None = None) -> SourceText:
    """Read a file (or ``-`` for standard input) into a ``SourceText``; raise ``InputError`` if unreadable."""
    from .reader import read

    return read(path, encoding)


__all__ = ["LineOrigin", "SourceText", "from_text", "read_path", "InputError"]
