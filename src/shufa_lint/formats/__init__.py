"""Output formats. Each module has ``render(files, options) -> str``; none reads files or decides
the exit code.

The quoted source lines come from ``FileReport.source`` (the text as it was read), never from disk, so
what a format shows is exactly what the rules saw.
"""

import importlib
import os
import re
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from .. import regexes
from ..diagnostics import Diagnostic, Edit, Message, Severity
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


class FileReport:
    __slots__ = ("path", "diagnostics", "source", "error", "structure")

    def __init__(
        self,
        path: str,
        diagnostics: list[Diagnostic] | None = None,
        source: SourceText | None = None,  # the text as read, for formats that quote the source line
        error: Message | str | None = None,  # an input error, ``path: reason``: the file could not be linted
        structure: "ReportStructure | None" = None,  # report type, sections and outline coverage (html, serve)
    ) -> None:
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.source = source
        # a str is a reason known in one language only
        self.error = Message(error, error) if isinstance(error, str) else error
        self.structure = structure

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
        return self.source.file_lines if self.source is not None else ()

    def as_shown(self, diagnostic: Diagnostic) -> Diagnostic:
        """``diagnostic`` with its columns, and its fix's, on ``file_lines`` as shown: a paragraph's
        numbering label (一、, which Word shows but the file does not hold) included. Column 1 stays at
        the label's start (a finding on the number itself); any other column moves past the label."""
        source = self.source
        if source is None or source.position_unit != "paragraph":
            return diagnostic  # a text file's lines are shown as they are

        def shift(line: int, column: int) -> int:
            return column if column == 1 else column + source.label_width(line)

        fix = diagnostic.fix
        if fix is not None:
            fix = fix._replace(edits=tuple(
                Edit(e.line, shift(e.line, e.column), e.end_line, shift(e.end_line, e.end_column), e.content)
                for e in fix.edits
            ))
        return diagnostic.with_location(
            column=shift(diagnostic.line, diagnostic.column),
            end_column=shift(diagnostic.end_line, diagnostic.end_column),
            fix=fix,
        )

    def line_text(self, line: int) -> str | None:
        """The 1-based file line ``line`` as read, or None when the report holds no such line."""
        lines = self.file_lines
        return lines[line - 1] if 1 <= line <= len(lines) else None


class RenderOptions(NamedTuple):
    lang: str = "zh"
    color: bool = False
    show_all: bool = False  # `full`: list minor (info punctuation) findings instead of counting them
    root: str | None = None  # paths in github/sarif output are relative to this folder (default: cwd)


def render(name: str, files: list[FileReport], options: RenderOptions) -> str:
    """The findings in format ``name``: well-formed Unicode that any UTF-8 stream or file takes, whatever
    the bytes of a file's name."""
    module = importlib.import_module(f"{__package__}.{FORMATS[name]}")
    return well_formed(module.render(files, options))


# Characters that must not reach a terminal or a CI log as they are: C0 and C1 controls (a line break in
# a file name starts a forged ``::error`` line; ESC starts colour, title and clear-screen sequences), DEL,
# the Unicode line and paragraph separators and the bidirectional overrides that reorder what is shown.
_CONTROL = regexes.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Characters XML 1.0 does not allow, even escaped (what JUnit readers reject).
XML_ILLEGAL = regexes.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = regexes.compile("[\ud800-\udfff]")
# A run of escaped bytes with the ASCII around them: a file name's bytes as Python escapes them.
_ESCAPED_BYTES = regexes.compile("[\x00-\x7f\udc80-\udcff]*[\udc80-\udcff][\x00-\x7f\udc80-\udcff]*")


def control_picture(match: re.Match) -> str:
    """A control character as one visible character of width one: ␛ for ESC, ␊ for LF, � otherwise."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def well_formed(text: str) -> str:
    """``text`` without lone surrogates. A file name that is not UTF-8 reaches Python with its bytes
    escaped as surrogates (U+DC80–U+DCFF), which no UTF-8 stream can write: such bytes are shown as
    GB18030 when they are that (the encoding Chinese Windows names files in), otherwise as U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", _ESCAPED_BYTES.sub(_as_gb18030, text))


def _as_gb18030(match: re.Match) -> str:
    try:
        return match.group().encode("ascii", "surrogateescape").decode("gb18030")
    except UnicodeDecodeError:
        return match.group()


def printable(text: str) -> str:
    """``text`` safe for a terminal or a CI log line (``full``, ``concise``, stderr): well-formed, each
    control character shown as one visible character, so columns and carets stay in place."""
    return _CONTROL.sub(control_picture, well_formed(text))


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
    import hashlib  # here: only the machine formats fingerprint findings

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
