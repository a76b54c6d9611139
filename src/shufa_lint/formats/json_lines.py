"""``--format json-lines``: one JSON object per finding and line, the fields of ``--format json``.

Streams well into ``jq -c`` and log collectors; input errors are reported on stderr only.
"""

from __future__ import annotations

import json

from .json import diagnostic_dict


def render(files, options) -> str:
    return "".join(
        json.dumps(diagnostic_dict(d, options.lang, report.page(d)), ensure_ascii=False) + "\n"
        for report in files
        for d in report.diagnostics
    )
