"""The Markdown table ``--format github`` appends to ``$GITHUB_STEP_SUMMARY``.

GitHub shows at most ten error and ten warning annotations per step; the job summary page lists every
finding, so a long report is still readable from the run.
"""

from __future__ import annotations

from . import SEVERITY_WORDS, one_line, printable, relative_path
from .summary import summary_line

HEADERS = {
    "zh": ("文件", "位置", "规则", "级别", "说明"),
    "en": ("File", "Position", "Rule", "Severity", "Message"),
}


def _cell(text: str) -> str:
    return printable(one_line(text)).replace("|", "\\|")


def render(files, options) -> str:
    lang = options.lang
    rows = [
        (relative_path(report.path, options.root), f"{d.line}:{d.column}", f"{d.code} {d.name}",
         SEVERITY_WORDS[lang][d.severity], d.message.get(lang))
        for report in files
        for d in report.diagnostics
    ]
    out = [f"### shufa-lint: {summary_line(files, lang)}", ""]
    if rows:
        headers = HEADERS[lang]
        out += ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        out += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out) + "\n"
