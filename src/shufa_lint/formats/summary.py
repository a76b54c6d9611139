"""What goes around the findings: the one-line summary (stderr) and ``--statistics`` (counts per code)."""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Severity
from . import SEVERITY_WORDS, severity_counts

ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def summary_line(files, lang: str, hidden: int = 0) -> str:
    """``发现 3 个问题（1 错误，2 警告），共检查 1 个文件``; ``hidden`` minor findings the output did not list
    are said to be there."""
    counts = severity_counts(files)
    total = sum(counts.values())
    checked = sum(1 for report in files if not report.error)
    unreadable = len(files) - checked
    words = SEVERITY_WORDS[lang]
    if lang == "en":
        parts = ", ".join(f"{counts[s]} {words[s]}" for s in ORDER if counts[s])
        found = f"Found {total} problem(s) ({parts})" if total else "No problems found"
        text = f"{found} in {checked} file(s)" if checked else "No file was checked"
        text += f" ({hidden} minor not listed; --show-all lists them)" if hidden else ""
        return text + (f"; {unreadable} input(s) could not be linted" if unreadable else "")
    parts = "，".join(f"{counts[s]} {words[s]}" for s in ORDER if counts[s])
    found = f"发现 {total} 个问题（{parts}）" if total else "未发现问题"
    text = f"{found}，共检查 {checked} 个文件" if checked else "未检查任何文件"
    text += f"（其中 {hidden} 条次要提示未列出，加 --show-all 显示）" if hidden else ""
    return text + (f"，{unreadable} 个输入无法检查" if unreadable else "")


def statistics(files) -> list[dict]:
    """Findings per code, the most frequent first."""
    counts = Counter((d.code, d.name, d.severity) for report in files for d in report.diagnostics)
    return [
        {"code": code, "name": name, "severity": severity.label, "count": count}
        for (code, name, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    ]


def render_statistics(files, as_json: bool) -> str:
    rows = statistics(files)
    if as_json:
        import json  # here: the summary line every run prints needs no JSON

        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    count_width = len(str(rows[0]["count"]))
    name_width = max(len(row["name"]) for row in rows)
    return "".join(
        f"{row['count']:>{count_width}}  {row['code']}  {row['name']:<{name_width}}  {row['severity']}\n"
        for row in rows
    )
