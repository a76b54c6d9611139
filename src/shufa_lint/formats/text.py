"""``--format text``: one line per finding, ``path:line:column: CODE [severity] message``, and its fix."""

from __future__ import annotations


def render(files, options) -> str:
    out = []
    for report in files:
        for d in report.diagnostics:
            out.append(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity.label}] {d.message.get(options.lang)}")
            for suggestion in d.suggestions:
                arrow = "suggestion" if options.lang == "en" else "建议"
                out.append(f"    {arrow}: {suggestion.get(options.lang)}")
    return "\n".join(out) + ("\n" if out else "")
