"""``--format concise`` (also ``text``): ``path:line:column: CODE message``, one finding per line.

The shape editors parse for a quickfix list (Vim ``errorformat=%f:%l:%c:\\ %m``).
"""

from __future__ import annotations

from . import one_line


def render(files, options) -> str:
    return "".join(
        f"{report.path}:{d.line}:{d.column}: {d.code} {one_line(d.message.get(options.lang))}\n"
        for report in files
        for d in report.diagnostics
    )
