"""``--format html``: one self-contained page for people, not CI.

One input: the draft's own text with every finding marked in place (each mark carries ``data-code``,
``data-line`` and ``data-finding``; a finding that crosses another is split into several marks with the
same ``data-finding``), a side panel of findings by family with filters, the required sections of the
report type, the outline coverage tree and the filtered words with their candidates. Several inputs: a
review dashboard (one row per document) above the documents' views.

The page loads nothing from elsewhere: style and script are inline and allowed by their hashes in a
Content-Security-Policy that forbids everything else. Jinja2 autoescaping writes every piece of document
text as text; the page's own CSS and JavaScript are the only markup not escaped.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from .. import regexes
from ..diagnostics import Diagnostic, Edit, Severity
from ..structure import MISSING, ReportStructure
from . import FileReport

FAMILIES = {
    "SF0": ("抑制注释", "suppressions"),
    "SF1": ("章节", "sections"),
    "SF2": ("编号", "numbering"),
    "SF3": ("数字与填空", "figures and blanks"),
    "SF4": ("过滤词与提法", "filtered words and terms"),
    "SF5": ("提纲", "outline"),
    "SF6": ("完整性", "integrity"),
    "SF7": ("标点与数字", "punctuation and numbers"),
    "SF8": ("审阅要点", "reviewers' criteria"),
}
FILTERED_WORD_CODES = ("SF401", "SF402")  # a removed or altered word, with the originals it may have been
FIX_CONTEXT = 8  # characters shown either side of a fix's edit
FIX_EDITS_SHOWN = 3
SHORT_LABEL = 8  # characters of a section's name in a dashboard column heading
_SECTION_NUMBER = regexes.compile(r"^[一二三四五六七八九十]+、")  # a punctuation fix may carry dozens of edits: the first few show what it does

UI = {
    "zh": {
        "lang": "zh-CN",
        "page_title": "shufa-lint 审阅报告",
        "dashboard": "审阅总览",
        "document": "文件",
        "title": "标题",
        "type": "报告类型",
        "year": "年度",
        "outline": "提纲覆盖",
        "worst": "最高级别",
        "findings": "问题",
        "sections": "必备部分",
        "outline_tree": "提纲对照",
        "filtered": "被过滤的词",
        "candidates": "可能原为",
        "suggestion": "建议",
        "fix": "修复",
        "before": "修改前",
        "after": "修改后",
        "unsafe": "（需人工确认）",
        "more_edits": "另有 {count} 处同类修改",
        "line": "第 {line} 行",
        "belongs": "应在第 {line} 行附近",
        "moved": "在第 {line} 行，次序不对",
        "reworded": "第 {line} 行写作“{heading}”",
        "no_title": "（未识别出标题）",
        "no_outline": "没有提纲（正文未附【提纲】，也未指定 --outline）",
        "no_findings": "未发现问题",
        "no_structure": "已修复，结构未重新分析",
        "unreadable": "无法读取",
        "filters": "筛选",
        "severity": "级别",
        "family": "类别",
        "back": "返回总览",
        "from_outline": "见提纲条目",
        "status": {"found": "已写", "missing": "缺失", "moved": "次序不对", "reworded": "改写",
                   "implied": "由分标题体现", "mentioned": "在正文中述及"},
        "optional": "（可选）",
        "none": "无",
        "summary": "{count} 个问题",
    },
    "en": {
        "lang": "en",
        "page_title": "shufa-lint review",
        "dashboard": "Review dashboard",
        "document": "File",
        "title": "Title",
        "type": "Report type",
        "year": "Year",
        "outline": "Outline",
        "worst": "Worst",
        "findings": "Findings",
        "sections": "Required sections",
        "outline_tree": "Outline coverage",
        "filtered": "Filtered words",
        "candidates": "may have been",
        "suggestion": "Suggestion",
        "fix": "Fix",
        "before": "Before",
        "after": "After",
        "unsafe": " (review before applying)",
        "more_edits": "{count} more edits of the same kind",
        "line": "line {line}",
        "belongs": "belongs near line {line}",
        "moved": "at line {line}, out of order",
        "reworded": "line {line} reads “{heading}”",
        "no_title": "(no title recognised)",
        "no_outline": "No outline (the draft embeds no 【提纲】 and none was given with --outline)",
        "no_findings": "No problems found",
        "no_structure": "fixed; structure not analysed again",
        "unreadable": "could not be read",
        "filters": "Filters",
        "severity": "Severity",
        "family": "Family",
        "back": "Back to the dashboard",
        "from_outline": "see the outline item",
        "status": {"found": "found", "missing": "missing", "moved": "out of order", "reworded": "reworded",
                   "implied": "by topical headings", "mentioned": "mentioned in the text"},
        "optional": " (optional)",
        "none": "none",
        "summary": "{count} finding(s)",
    },
}
STATUS_ICONS = {"found": "✓", "implied": "✓", "mentioned": "✓", "missing": "✗", "moved": "↕", "reworded": "≈"}


@dataclass
class FixPreview:
    description: str
    safe: bool
    changes: list[tuple[str, str, str, str]]  # (before context, old text, new text, after context)
    more: int = 0


@dataclass
class Finding:
    id: str
    code: str
    name: str
    family: str
    severity: str
    line: int
    column: int
    message: str
    suggestions: list[str]
    fix: FixPreview | None


@dataclass
class Token:
    kind: str  # open | close | text | point (a mark with no width: a finding at a place, not on text)
    text: str = ""
    finding: Finding | None = None
    first: bool = False  # the finding's first mark: what its panel entry links to


@dataclass
class Line:
    number: int
    tokens: list[Token]
    outline_items: list[int] = field(default_factory=list)  # outline items realised on this line


@dataclass
class DocumentView:
    id: str
    path: str
    structure: ReportStructure | None
    lines: list[Line]
    findings: list[Finding]
    families: list[tuple[str, str, list[Finding]]]  # (prefix, name, findings), families with findings
    filtered_words: list[tuple[Finding, str]]  # (finding, the text it flags)
    error: str | None = None

    @cached_property
    def counts(self) -> Counter:
        return Counter(finding.family for finding in self.findings)

    @property
    def worst(self) -> str | None:
        worst = max((Severity[f.severity.upper()] for f in self.findings), default=None)
        return worst.label if worst else None

    @cached_property
    def severities(self) -> Counter:
        return Counter(finding.severity for finding in self.findings)


def render(files: list[FileReport], options) -> str:
    ui = UI.get(options.lang, UI["zh"])
    views = [_document_view(f"d{index}", report, options.lang) for index, report in enumerate(files)]
    columns = _section_columns(views)
    style, script = asset("report.css"), asset("report.js")
    return environment().get_template("report.html.j2").render(
        ui=ui,
        lang=options.lang,
        views=views,
        dashboard=len(views) > 1,
        section_columns=columns,
        # the dashboard counts the families found in the run
        families=[(prefix, names[1] if options.lang == "en" else names[0]) for prefix, names in FAMILIES.items()
                  if any(view.counts[prefix] for view in views)],
        severities=[s.label for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)],
        severity_words=_severity_words(options.lang),
        icons=STATUS_ICONS,
        style=style,
        script=script,
        csp=content_security_policy(style, script),
    )


def content_security_policy(style: str, script: str) -> str:
    """Nothing but the page's own inline style and script, identified by their hashes."""
    return (
        f"default-src 'none'; style-src '{inline_hash(style)}'; script-src '{inline_hash(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def inline_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@cache
def asset(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


@cache
def environment():
    """The Jinja2 environment of shufa-lint's pages: autoescaping on, so document text is always text."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader(__package__, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _severity_words(lang: str) -> dict[str, str]:
    from . import SEVERITY_WORDS

    return {severity.label: word for severity, word in SEVERITY_WORDS.get(lang, SEVERITY_WORDS["zh"]).items()}


def _section_columns(views: list[DocumentView]) -> list[tuple[str, str]]:
    """The required sections of every report type in the run, in first-seen order: the dashboard's columns,
    as (label, short heading)."""
    columns: dict[str, str] = {}
    for view in views:
        for section in view.structure.sections if view.structure else ():
            if section.required and section.label not in columns:
                columns[section.label] = _short_label(section.label)
    return list(columns.items())


def _short_label(label: str) -> str:
    """二、存在的不足和原因 → 存在的不足和原因; 三、整改措施（下一步打算） → 整改措施; long ones cut."""
    text = _SECTION_NUMBER.sub("", label).split("（")[0]
    return text if len(text) <= SHORT_LABEL else text[: SHORT_LABEL - 1] + "…"


def _document_view(view_id: str, report: FileReport, lang: str) -> DocumentView:
    if report.error:
        return DocumentView(view_id, report.path, None, [], [], [], [], error=report.error.get(lang))
    file_lines = list(report.file_lines) or [""]
    shown = [report.as_shown(d) for d in report.diagnostics]
    findings = [_finding(f"{view_id}-f{index}", d, file_lines, lang) for index, d in enumerate(shown)]
    segments: dict[int, list[tuple[int, int, Finding]]] = {}
    for diagnostic, finding in zip(shown, findings):
        for line, start, end in _segments(diagnostic, file_lines):
            segments.setdefault(line, []).append((start, end, finding))
    lines = [Line(number, _tokens(text, segments.get(number, []))) for number, text in enumerate(file_lines, 1)]
    structure = report.structure
    if structure:
        for index, item in enumerate(structure.outline):
            if item.status != MISSING and item.line and item.line <= len(lines):
                lines[item.line - 1].outline_items.append(index)
    families = []
    for prefix, names in FAMILIES.items():
        members = [finding for finding in findings if finding.family == prefix]
        if members:
            families.append((prefix, names[1] if lang == "en" else names[0], members))
    filtered = [
        (finding, _span_text(diagnostic, file_lines))
        for diagnostic, finding in zip(shown, findings)
        if diagnostic.code in FILTERED_WORD_CODES
    ]
    return DocumentView(view_id, report.path, structure, lines, findings, families, filtered)


def _finding(finding_id: str, diagnostic: Diagnostic, lines: list[str], lang: str) -> Finding:
    fix = diagnostic.fix
    preview = None
    if fix is not None and fix.edits:
        changes = [_change(edit, lines) for edit in fix.edits[:FIX_EDITS_SHOWN]]
        preview = FixPreview(fix.description.get(lang), fix.safe, changes, max(0, len(fix.edits) - FIX_EDITS_SHOWN))
    return Finding(
        id=finding_id,
        code=diagnostic.code,
        name=diagnostic.name,
        family=diagnostic.code[:3],
        severity=diagnostic.severity.label,
        line=diagnostic.line,
        column=diagnostic.column,
        message=diagnostic.message.get(lang),
        suggestions=[suggestion.get(lang) for suggestion in diagnostic.suggestions],
        fix=preview,
    )


def _text_between(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> str:
    """The file text from (line, column) to (end_line, end_column), 1-based, end exclusive."""
    if not 1 <= line <= len(lines):
        return ""
    if end_line == line:
        return lines[line - 1][column - 1 : end_column - 1]
    parts = [lines[line - 1][column - 1 :]]
    parts.extend(lines[line : min(end_line - 1, len(lines))])
    if end_line <= len(lines):
        parts.append(lines[end_line - 1][: end_column - 1])
    return "\n".join(parts)


def _change(edit: Edit, lines: list[str]) -> tuple[str, str, str, str]:
    old = _text_between(lines, edit.line, edit.column, edit.end_line, edit.end_column)
    first = lines[edit.line - 1] if 1 <= edit.line <= len(lines) else ""
    last = lines[edit.end_line - 1] if 1 <= edit.end_line <= len(lines) else ""
    before = first[max(0, edit.column - 1 - FIX_CONTEXT) : edit.column - 1]
    after = last[edit.end_column - 1 : edit.end_column - 1 + FIX_CONTEXT]
    return before, old, edit.content, after


def _span_text(diagnostic: Diagnostic, lines: list[str]) -> str:
    return _text_between(lines, diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)


def _segments(diagnostic: Diagnostic, lines: list[str]):
    """(line, start, end) pieces of a finding's span, one per line, 0-based, end exclusive. A span that
    ends at a line's start takes nothing of that line; a finding past the text sits at its very end; a
    finding whose fix changes several places on single lines is those places."""
    if diagnostic.line > len(lines):
        yield len(lines), len(lines[-1]), len(lines[-1])
        return
    edits = diagnostic.fix.edits if diagnostic.fix is not None else ()
    if len(edits) > 1 and all(edit.line == edit.end_line <= len(lines) for edit in edits):
        # one finding for several places (each half-width mark of a line): the places are marked, not
        # the whole line between the first and the last
        for edit in edits:
            yield edit.line, edit.column - 1, max(edit.column - 1, edit.end_column - 1)
        return
    last = min(diagnostic.end_line, len(lines))
    for line in range(diagnostic.line, last + 1):
        text = lines[line - 1]
        start = diagnostic.column - 1 if line == diagnostic.line else 0
        end = diagnostic.end_column - 1 if line == diagnostic.end_line else len(text)
        start, end = min(start, len(text)), min(max(end, 0), len(text))
        if line != diagnostic.line and end <= start:
            continue
        yield line, start, max(start, end)


def _tokens(text: str, segments: list[tuple[int, int, Finding]]) -> list[Token]:
    """The line as text and properly nested marks. A span that crosses another is closed and reopened
    around it, so each finding may take several marks, all with its id."""
    if not segments:
        return [Token("text", text)] if text else []
    tokens: list[Token] = []
    opened: set[str] = set()
    stack: list[tuple[int, Finding]] = []  # (end, finding) of the open marks, innermost last
    boundaries = sorted({0, len(text)} | {start for start, _, _ in segments} | {end for _, end, _ in segments})
    starting: dict[int, list[tuple[int, int, Finding]]] = {}
    for segment in segments:
        starting.setdefault(segment[0], []).append(segment)

    def open_mark(finding: Finding) -> None:
        tokens.append(Token("open", finding=finding, first=finding.id not in opened))
        opened.add(finding.id)

    for position, following in zip(boundaries, boundaries[1:] + [None]):
        if any(end == position for end, _ in stack):
            reopen = []
            while any(end == position for end, _ in stack):
                end, finding = stack.pop()
                tokens.append(Token("close"))
                if end != position:
                    reopen.append((end, finding))
            for end, finding in sorted(reopen, key=lambda entry: -entry[0]):
                open_mark(finding)
                stack.append((end, finding))
        for start, end, finding in sorted(starting.get(position, ()), key=lambda segment: -segment[1]):
            if end == start:
                tokens.append(Token("point", finding=finding, first=finding.id not in opened))
                opened.add(finding.id)
            else:
                open_mark(finding)
                stack.append((end, finding))
        if following is not None and following > position:
            tokens.append(Token("text", text[position:following]))
    tokens.extend(Token("close") for _ in stack)
    return tokens


__all__ = ["render", "content_security_policy", "environment", "asset", "inline_hash"]
