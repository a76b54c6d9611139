"""What a user meets at the command line, and output other tools parse: messages in the run's language,
nothing silent, file names and text that cannot break a terminal or a parser."""

from __future__ import annotations

import json

from click.testing import CliRunner

from shufa_lint.cli import main
from shufa_lint.engine import lint_source
from shufa_lint.formats import FileReport, RenderOptions, render
from shufa_lint.settings import Settings
from shufa_lint.source import from_text
from shufa_lint.source.reader import read_bytes
from shufa_lint.suppress import Baseline

from support import lint


def run(*arguments: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(arguments), input=input, catch_exceptions=False)


# --- lines are split where positions count them (CR, LF, CRLF) -----------------------------------


FORM_FEED_DRAFT = "某县司法局2024年度述法报告\f附\n一、履职情况\n全年组织学法*次。\n"


def test_full_format_quotes_the_line_the_position_counts_past_a_form_feed():
    source = from_text("draft.txt", FORM_FEED_DRAFT)
    diagnostics = lint(FORM_FEED_DRAFT, "SF301")
    assert [(d.line, d.column) for d in diagnostics] == [(3, 7)]
    output = render("full", [FileReport("draft.txt", diagnostics, source)], RenderOptions())
    assert "全年组织学法*次。" in output


def test_baseline_records_the_context_of_a_finding_after_a_line_separator(tmp_path):
    text = "某县司法局2024年度述法报告\u2028附\n一、履职情况\n全年组织学法*次。\n"
    source = from_text("draft.txt", text)
    baseline = Baseline(str(tmp_path / "baseline.json"))
    baseline.write([(lint(text, "SF301"), source)])
    recorded = json.loads((tmp_path / "baseline.json").read_text("utf-8"))["findings"]
    assert [entry["context"] for entry in recorded] == ["全年组织学法*次。"]
    changed = text.replace("*次", "*场")
    assert Baseline.load(str(tmp_path / "baseline.json")).new_findings(lint(changed, "SF301"), from_text("draft.txt", changed))


# --- SF001 says what a mistyped rule most likely meant --------------------------------------------


def _sf001_messages(directive: str, lang: str = "zh") -> list[str]:
    text = f"某县司法局2024年度述法报告\n\n<!-- shufa-lint {directive} -->\n全年组织学法*次。\n"
    diagnostics = lint_source(read_bytes("draft.md", text.encode()), Settings(select=("SF001",)))
    return [d.message.get(lang) for d in diagnostics]


def test_sf001_suggests_the_code_a_letter_o_for_a_zero_stands_for():
    assert _sf001_messages("disable SF3O1") == ["抑制指令中的规则“SF3O1”不存在，该指令对其不起作用（是否应为“SF301”？）"]
    assert _sf001_messages("disable SF3O1", "en")[0].endswith("(did you mean SF301?)")


def test_sf001_suggests_a_rule_name_for_a_misspelt_name():
    assert _sf001_messages("disable-next-line figure-mising", "en")[0].endswith("(did you mean figure-missing?)")


def test_sf001_guesses_nothing_for_a_word_far_from_every_rule():
    assert "是否应为" not in _sf001_messages("disable nonsense")[0]
