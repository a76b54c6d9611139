"""Helpers the rule tests share: lint a text in memory and look at what came out."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from shufa_lint.cli import main
from shufa_lint.diagnostics import Severity
from shufa_lint.document import build_document
from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import from_text


def lint(text: str, select: str | tuple[str, ...] = (), **settings):
    """Diagnostics for ``text`` (rules limited to ``select``: a code, prefix or tuple of them)."""
    if isinstance(select, str):
        select = (select,)
    return lint_source(from_text("draft.txt", text), Settings(select=tuple(select), **settings))


def codes(text: str, select: str | tuple[str, ...] = (), **settings) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in lint(text, select, **settings)]


def headline(text: str) -> list[tuple[str, int]]:
    """The headline findings (warnings and errors) for ``text``, as (code, line)."""
    return [(d.code, d.line) for d in lint(text) if d.severity >= Severity.WARNING]


def document(text: str):
    return build_document(from_text("draft.txt", text))


# A short 述法 draft with one finding of each kind configuration tests switch on and off:
# SF401 (习近平 filtered out), SF303 twice (研讨次, 信访 件), SF302 (XX镇).
SHORT_DRAFT = """某县司法局2024年度述法报告
一、履职情况
（一）加强学习。深入学习_法治思想，组织开展专题研讨次，全年受理涉法涉诉信访 件。
二、存在问题
法治宣传的针对性还不够强，村（社区）普法阵地利用率不高。执法人员培训覆盖面不足。
三、下一步打算
持续推进XX镇法治建设。
"""


def run_concise(*arguments: str):
    """The CLI in-process with concise output."""
    return CliRunner().invoke(main, ["--format", "concise", *arguments], catch_exceptions=False)


def refusals(*arguments: str) -> dict[str, str]:
    """A run that must be refused, in the default language and with --lang en: each time exit 2, nothing
    on stdout, no traceback and exactly one complaint line (``shufa-lint: …``), which is returned by
    language ("zh", "en") without the prefix."""
    said = {}
    for lang, flags in (("zh", ()), ("en", ("--lang", "en"))):
        result = run_concise(*flags, *arguments)
        complaints = [line for line in result.stderr.splitlines() if line.startswith("shufa-lint: ")]
        assert result.exit_code == 2 and result.stdout == "" and len(complaints) == 1, result.output
        assert "Traceback" not in result.stderr
        said[lang] = complaints[0].removeprefix("shufa-lint: ")
    return said


class FixtureFolder:
    """The texts of one folder of tests/fixtures, read whole or with one passage changed."""

    def __init__(self, name: str):
        self.path = Path(__file__).parent / "fixtures" / name

    def names(self) -> list[str]:
        return sorted(path.name for path in self.path.iterdir())

    def text(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def changed(self, name: str, old: str, new: str) -> str:
        """The text with the first ``old`` (which must be there) replaced by ``new``."""
        text = self.text(name)
        assert old in text, old
        return text.replace(old, new, 1)
