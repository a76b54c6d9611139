"""``--format github``: GitHub Actions workflow commands, shown as annotations on the pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=shufa-lint (CODE)::message``. The file is
relative to the repository root (absolute paths break annotations on GitHub Enterprise); columns are
left out when the span covers several lines, which Actions rejects. warning → ``::warning``, info →
``::notice``. Escaping follows the actions toolkit (``escapeData`` / ``escapeProperty``).
"""

from __future__ import annotations

from ..diagnostics import Severity
from . import printable, relative_path

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUGGESTION_LABEL = {"zh": "建议：", "en": "Suggestion: "}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic, path: str, lang: str) -> str:
    properties = [("file", path), ("line", diagnostic.line)]
    if diagnostic.end_line == diagnostic.line:
        properties += [
            ("col", diagnostic.column),
            ("endLine", diagnostic.end_line),
            ("endColumn", max(diagnostic.end_column, diagnostic.column)),
        ]
    else:
        properties.append(("endLine", diagnostic.end_line))
    properties.append(("title", f"shufa-lint ({diagnostic.code})"))
    # each part printable (a line break in a message is data, not a new command), then joined by real breaks
    message = "\n".join(
        printable(part)
        for part in [diagnostic.message.get(lang)] + [SUGGESTION_LABEL[lang] + s.get(lang) for s in diagnostic.suggestions]
    )
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{COMMANDS[diagnostic.severity]} {props}::{escape_data(message)}"


def render(files, options) -> str:
    lines = []
    for report in files:
        path = printable(relative_path(report.path, options.root))
        lines.extend(annotation(d, path, options.lang) for d in report.diagnostics)
        if report.error:
            lines.append(f"::error file={escape_property(path)},title=shufa-lint::{escape_data(printable(report.error.get(options.lang)))}")
    return "".join(line + "\n" for line in lines)
