"""``--format json``: the stable contract other tools parse.

``{"version": 1, "diagnostics": [...]}``; each diagnostic has path, line, column, end_line, end_column
(1-based, columns in code points, end exclusive), code, name, severity, message and suggestions.
For office documents and PDF, ``line`` counts paragraphs (a PDF's paragraphs as rebuilt from its lines)
and a PDF finding also has ``page``, the page its start stands on.
"""

from __future__ import annotations

import json

from ..diagnostics import Diagnostic


def diagnostic_dict(diagnostic: Diagnostic, lang: str, page: int | None = None) -> dict:
    fields = {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message.get(lang),
        "suggestions": [suggestion.get(lang) for suggestion in diagnostic.suggestions],
        "fixable": diagnostic.fix is not None,
    }
    if page is not None:
        fields["page"] = page
    return fields


def render(files, options) -> str:
    diagnostics = [diagnostic_dict(d, options.lang, report.page(d)) for report in files for d in report.diagnostics]
    errors = [{"path": report.path, "message": report.error.get(options.lang)} for report in files if report.error]
    payload = {"version": 1, "diagnostics": diagnostics}
    if errors:
        payload["errors"] = errors
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
