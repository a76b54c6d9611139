"""``--format concise`` (also ``text``): ``path:line:column: CODE [severity] message``, one finding per line.

The shape editors parse for a quickfix list (Vim ``errorformat=%f:%l:%c:\\ %m``); the severity is shown
because it decides the exit code. As in ``full``, minor findings (info-level punctuation) are left out
unless ``--show-all`` asks for them (the summary on stderr counts them), so a pre-commit hook or a CI
log shows what fails the run; JSON, SARIF and the other machine formats always carry every finding.
"""

from __future__ import annotations

from . import SEVERITY_WORDS, is_minor, one_line, printable


def shown(report, options) -> list:
    """The findings of ``report`` a human format lists: minor ones only with ``--show-all``."""
    return [d for d in report.diagnostics if options.show_all or not is_minor(d)]


def render(files, options) -> str:
    words = SEVERITY_WORDS[options.lang]
    return "".join(
        f"{printable(report.path)}:{d.line}:{d.column}: {d.code} [{words[d.severity]}] "
        f"{printable(one_line(d.message.get(options.lang)))}\n"
        for report in files
        for d in shown(report, options)
    )
