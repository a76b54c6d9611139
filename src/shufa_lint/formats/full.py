"""``--format full`` (the default on a terminal): findings grouped by file, each with its code, name,
severity and message, the source line and a caret under the flagged span.

Headline findings (sections, numbering, figures, redactions, outline, integrity, and anything of
severity warning or error) are listed in full; minor findings (info-level punctuation) are counted in
one line per file so they cannot bury the rest, unless ``--show-all`` asks for them.

Report lines are often whole paragraphs, so a long line is cut to a window around the span. Widths
are terminal cells: a Chinese character takes two, so the caret lines up under it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from ..diagnostics import Severity
from . import SEVERITY_WORDS, is_minor, one_line, printable

LEFT_CONTEXT = 24  # cells shown before the span
WINDOW = 76  # cells of source shown per finding
ELLIPSIS = "..."  # ASCII: "…" is ambiguous-width and misaligns carets on CJK terminals

COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
BOLD, DIM, GREEN = "1", "2", "32"

WORDS = {
    "zh": {
        "suggestion": "建议：",
        "ends": "（至第 {line} 行第 {column} 列）",
        "minor": "另有 {count} 条次要提示（{codes}），加 --show-all 显示",
        "minor_heading": "次要提示：",
        "problems": "{count} 个问题",
        "paragraphs": "（行号为段落序号）",
        "page": "（第 {page} 页）",
    },
    "en": {
        "suggestion": "suggestion: ",
        "ends": " (ends at line {line}, column {column})",
        "minor": "{count} more minor finding(s) ({codes}); --show-all lists them",
        "minor_heading": "Minor findings:",
        "problems": "{count} problem(s)",
        "paragraphs": " (line numbers count paragraphs)",
        "page": " (page {page})",
    },
}


def cell_width(text: str) -> int:
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class _Painter:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, *codes: str) -> str:
        if not self.enabled or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


def excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A window of ``line`` around ``[start, end)`` (0-based code points): (text, caret offset, caret
    width), offset and width in cells. An empty span gets one caret."""
    line = line.replace("\t", " ")
    start = min(max(start, 0), len(line))
    end = min(max(end, start), len(line))
    first = start
    while first > 0 and cell_width(line[first - 1 : start]) <= LEFT_CONTEXT:
        first -= 1
    prefix = ELLIPSIS if first > 0 else ""
    last, used = first, cell_width(prefix)
    while last < len(line) and used + _char_width(line[last]) <= WINDOW:
        used += _char_width(line[last])
        last += 1
    suffix = ELLIPSIS if last < len(line) else ""
    offset = cell_width(prefix) + cell_width(line[first:start])
    width = max(cell_width(line[start : min(end, last)]), 1)
    return prefix + line[first:last] + suffix, offset, width


def _finding(report, d, paint: _Painter, words: dict, lang: str) -> list[str]:
    colour = COLORS[d.severity]
    severity = SEVERITY_WORDS[lang][d.severity]
    emphasis = (colour,) if is_minor(d) else (BOLD, colour)
    out = [
        f"{paint(d.code, *emphasis)} {paint(d.name, BOLD)} [{paint(severity, colour)}] "
        f"{printable(one_line(d.message.get(lang)))}",
        f"  --> {printable(report.path)}:{d.line}:{d.column}" + _page_note(report.page(d), words),
    ]
    text = report.line_text(d.line)
    if text is not None:
        at = report.as_shown(d)  # the caret under the text as shown, a Word numbering label included
        end = at.end_column - 1 if at.end_line == at.line else len(text)
        shown, offset, width = excerpt(printable(text), at.column - 1, end)
        gutter = " " * len(str(d.line))
        out += [
            f" {gutter} {paint('|', DIM)}",
            f" {paint(str(d.line), DIM)} {paint('|', DIM)} {shown}",
            f" {gutter} {paint('|', DIM)} {' ' * offset}{paint('^' * width, colour)}"
            + (words["ends"].format(line=d.end_line, column=d.end_column) if d.end_line != d.line else ""),
        ]
    out += [f"  = {paint(words['suggestion'] + printable(one_line(s.get(lang))), GREEN)}" for s in d.suggestions]
    return out + [""]


def _page_note(page: int | None, words: dict) -> str:
    return words["page"].format(page=page) if page is not None else ""


def _file_block(report, options, paint: _Painter) -> list[str]:
    words = WORDS[options.lang]
    headline = [d for d in report.diagnostics if not is_minor(d)]
    minor = [d for d in report.diagnostics if is_minor(d)]
    unit = words["paragraphs"] if report.counts_paragraphs else ""
    out = [f"{paint(printable(report.path), BOLD)}: {words['problems'].format(count=len(report.diagnostics))}{unit}", ""]
    for d in headline:
        out += _finding(report, d, paint, words, options.lang)
    if minor and options.show_all:
        out += [paint(words["minor_heading"], DIM), ""]
        for d in minor:
            out += _finding(report, d, paint, words, options.lang)
    elif minor:
        codes = Counter(d.code for d in minor)
        listed = ", ".join(f"{code} ×{count}" for code, count in sorted(codes.items()))
        out += [paint(words["minor"].format(count=len(minor), codes=listed), DIM), ""]
    return out


def render(files, options) -> str:
    paint = _Painter(options.color)
    out = []
    for report in files:
        if report.diagnostics:
            out += _file_block(report, options, paint)
    return "".join(line + "\n" for line in out)
