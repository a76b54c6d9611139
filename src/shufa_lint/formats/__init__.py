"""Output formats. Each module has ``render(files, options) -> str``; none reads files or decides
the exit code.

The quoted source lines come from ``FileReport.source`` (the text as it was read), never from disk, so
what a format shows is exactly what the rules saw.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity
from ..source import SourceText

if TYPE_CHECKING:  # the structure is the engine's: a --help or --list-rules run never loads it
    from ..structure import ReportStructure

# format name -> module in this package; "text" is the historical name of "concise"
FORMATS = {
    "full": "full",
    "concise": "concise",
    "text": "concise",
    "json": "json",
    "json-lines": "json_lines",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "html": "html",
}

# Rule families whose findings are the point of a report review (sections, numbering, figures,
# redactions, outline, integrity); an info finding of any other family (SF7xx punctuation) is minor.
HEADLINE_FAMILIES = ("SF1", "SF2", "SF3", "SF4", "SF5", "SF6")

SEVERITY_WORDS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}


@dataclass
class FileReport:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: SourceText | None = None  # the text as read, for formats that quote the source line
    error: str | None = None  # an input error: the file could not be linted
    structure: ReportStructure | None = None  # report type, sections and outline coverage (html, serve)

    @cached_property
    def _file_lines(self) -> tuple[str, ...]:
        if self.source is None:
            return ()
        # Diagnostics are in file coordinates: for a text file that is its raw text; for .docx the
        # "lines" are the paragraphs themselves.
        if self.source.raw_text and self.source.position_unit == "line":
            return tuple(self.source.raw_text.splitlines())
        return self.source.lines

    def page(self, diagnostic: Diagnostic) -> int | None:
        """The PDF page a finding starts on (None for other formats)."""
        return self.source.page_of(diagnostic.line, diagnostic.column) if self.source is not None else None

    @property
    def counts_paragraphs(self) -> bool:
        """Whether ``line`` numbers paragraphs (office documents, PDF) rather than file lines."""
        return self.source is not None and self.source.position_unit == "paragraph"

    @property
    def file_lines(self) -> tuple[str, ...]:
        """The file's lines as read (a .docx: its paragraphs), in the coordinates of the diagnostics."""
        return self._file_lines

    def line_text(self, line: int) -> str | None:
        """The 1-based file line ``line`` as read, or None when the report holds no such line."""
        lines = self._file_lines
        return lines[line - 1] if 1 <= line <= len(lines) else None


@dataclass
class RenderOptions:
    lang: str = "zh"
    color: bool = False
    show_all: bool = False  # `full`: list minor (info punctuation) findings instead of counting them
    root: str | None = None  # paths in github/sarif output are relative to this folder (default: cwd)


def render(name: str, files: list[FileReport], options: RenderOptions) -> str:
    module = importlib.import_module(f"{__package__}.{FORMATS[name]}")
    return module.render(files, options)


def is_minor(diagnostic: Diagnostic) -> bool:
    return diagnostic.severity == Severity.INFO and not diagnostic.code.startswith(HEADLINE_FAMILIES)


def one_line(text: str) -> str:
    return " ".join(text.split())


def relative_path(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` with ``/`` separators (CI tools want repository-relative paths)."""
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    base = os.path.abspath(root or os.curdir)
    relative = os.path.relpath(absolute, base)
    if relative.startswith(os.pardir):
        relative = absolute
    return relative.replace(os.sep, "/")


def severity_counts(files: list[FileReport]) -> Counter:
    return Counter(d.severity for report in files for d in report.diagnostics)


FINGERPRINT_CONTEXT = 8  # characters either side of the span that make the fingerprint specific


def fingerprints(report: FileReport) -> list[str]:
    """A fingerprint per diagnostic of ``report`` that survives edits elsewhere in the file.

    It hashes the code, the flagged text with a few characters around it, and how many identical
    (code, text) pairs came before it, so moving a paragraph or inserting lines keeps it. No line
    number and no message (which depends on ``--lang``) goes in.
    """
    seen: Counter = Counter()
    result = []
    for d in report.diagnostics:
        line = report.line_text(d.line) or ""
        end = d.end_column - 1 if d.end_line == d.line else len(line)
        start = max(d.column - 1, 0)
        excerpt = line[max(start - FINGERPRINT_CONTEXT, 0) : max(end, start) + FINGERPRINT_CONTEXT]
        key = f"{d.code}\0{excerpt}"
        seen[key] += 1
        result.append(hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest())
    return result
