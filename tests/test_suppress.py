"""Suppressions: Markdown directives, text-anchored ignores from the config, and SF001 for unknown codes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from shufa_lint.cli import main
from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings, TextIgnore
from shufa_lint.source import from_text, read_path

HEADER = "# 某县司法局2024年度述法报告\n\n## 一、履职情况\n\n"
# SF303 on 研讨次 and 信访 件; SF401 on 学习_法治思想.
COUNTS = "组织开展专题研讨次，全年受理涉法涉诉信访 件。"
REDACTED = "深入学习_法治思想，推动依法行政。"


def lint_markdown(tmp_path: Path, body: str, **settings) -> list[tuple[str, int]]:
    path = tmp_path / "draft.md"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    diagnostics = lint_source(read_path(str(path)), Settings(select=("SF0", "SF3", "SF4"), **settings))
    return [(d.code, d.line) for d in diagnostics]


def test_without_directives_everything_is_reported(tmp_path):
    assert lint_markdown(tmp_path, f"{COUNTS}\n\n{REDACTED}\n") == [("SF303", 5), ("SF303", 5), ("SF401", 7)]


def test_disable_and_enable_bound_a_range(tmp_path):
    body = f"""\
    <!-- shufa-lint disable SF303 -->
    {COUNTS}

    {REDACTED}
    <!-- shufa-lint enable SF303 -->
    {COUNTS}
    """
    assert lint_markdown(tmp_path, body) == [("SF401", 8), ("SF303", 10), ("SF303", 10)]


def test_disable_without_codes_silences_every_rule_until_enable(tmp_path):
    body = f"""\
    <!-- shufa-lint disable -->
    {COUNTS}
    {REDACTED}
    <!-- shufa-lint enable -->
    {REDACTED}
    """
    assert lint_markdown(tmp_path, body) == [("SF401", 9)]


def test_enable_of_one_rule_inside_a_blanket_disable(tmp_path):
    body = f"""\
    <!-- shufa-lint disable -->
    {COUNTS}
    <!-- shufa-lint enable redacted-term -->
    {REDACTED}
    {COUNTS}
    """
    assert lint_markdown(tmp_path, body) == [("SF401", 8)]


def test_disable_next_line_skips_blank_lines_and_only_that_line(tmp_path):
    body = f"""\
    <!-- shufa-lint disable-next-line SF3 -->

    {COUNTS}{REDACTED}

    {COUNTS}
    """
    assert lint_markdown(tmp_path, body) == [("SF401", 7), ("SF303", 9), ("SF303", 9)]


def test_disable_line_silences_its_own_line(tmp_path):
    body = f"""\
    {REDACTED}<!-- shufa-lint disable-line redacted-term -->
    {REDACTED}
    """
    assert lint_markdown(tmp_path, body) == [("SF401", 6)]


def test_unknown_code_is_reported_and_suppresses_nothing(tmp_path):
    body = f"""\
    <!-- shufa-lint disable-next-line SF3O3 -->
    {COUNTS}
    """
    assert lint_markdown(tmp_path, body) == [("SF001", 5), ("SF303", 6), ("SF303", 6)]


def test_misspelt_action_is_reported_with_a_suggestion(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(HEADER + f"<!-- shufa-lint disabel SF401 -->\n{REDACTED}\n", encoding="utf-8")
    diagnostics = lint_source(read_path(str(path)), Settings(select=("SF001", "SF401")))
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("SF001", 5, 1), ("SF401", 6, 5)]
    assert "did you mean 'disable'" in diagnostics[0].message.en


def test_known_codes_in_a_directive_with_an_unknown_one_still_apply(tmp_path):
    body = f"""\
    <!-- shufa-lint disable-next-line SF303, SF999 -->
    {COUNTS}
    """
    assert lint_markdown(tmp_path, body) == [("SF001", 5)]


def test_sf001_can_be_ignored_like_any_rule(tmp_path):
    body = f"""\
    <!-- shufa-lint disable-next-line SF999 -->
    {COUNTS}
    """
    assert lint_markdown(tmp_path, body, ignore=("unknown-suppression",)) == [("SF303", 6), ("SF303", 6)]


def test_directive_text_in_a_plain_text_draft_is_not_a_directive():
    text = "某县司法局2024年度述法报告\n一、履职情况\n<!-- shufa-lint disable -->\n" + COUNTS + "\n"
    diagnostics = lint_source(from_text("draft.txt", text), Settings(select=("SF303",)))
    assert [d.line for d in diagnostics] == [4, 4]


# --- text-anchored ignores ---------------------------------------------------------------------------

DRAFT = "某县司法局2024年度述法报告\n一、履职情况\n" + COUNTS + "\n二、存在问题\n法治宣传不够深入。\n"
SILENCE_XINFANG = (TextIgnore(("SF303",), "涉法涉诉信访 件"),)


def test_ignore_text_silences_the_finding_the_text_surrounds():
    diagnostics = lint_source(from_text("draft.txt", DRAFT), Settings(select=("SF303",), ignore_text=SILENCE_XINFANG))
    assert [(d.line, d.column) for d in diagnostics] == [(3, 9)]  # 研讨次 is still reported


def test_ignore_text_survives_lines_moving():
    moved = DRAFT.replace("一、履职情况\n", "一、履职情况\n全年办理行政复议案件12件。\n（一）强化学习。\n")
    diagnostics = lint_source(from_text("draft.txt", moved), Settings(select=("SF303",), ignore_text=SILENCE_XINFANG))
    assert [(d.line, d.column) for d in diagnostics] == [(5, 9)]


def test_ignore_text_only_silences_the_codes_it_names():
    settings = Settings(select=("SF303",), ignore_text=(TextIgnore(("SF401",), "涉法涉诉信访 件"),))
    assert len(lint_source(from_text("draft.txt", DRAFT), settings)) == 2


def test_ignore_text_elsewhere_on_the_line_does_not_silence():
    settings = Settings(select=("SF303",), ignore_text=(TextIgnore(("SF303",), "全年受理"),))
    assert len(lint_source(from_text("draft.txt", DRAFT), settings)) == 2


def test_ignore_text_from_the_configuration_file(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    Path("draft.txt").write_text(DRAFT, encoding="utf-8")
    Path(".shufa-lint.yaml").write_text(
        "ignore-text:\n  - {code: figure-missing, text: 涉法涉诉信访 件}\n  - {code: [SF3], text: 专题研讨次}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--format", "concise", "--select", "SF303", "draft.txt"])
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize(
    "entry, chinese, english",
    [
        ("{code: SF3O3, text: 信访 件}", "没有规则“SF3O3”（是否应为“SF303”？）", "did you mean 'SF303'"),
        ("{code: SF303}", "须同时有 code（要关闭的规则）和 text（所针对的文字）", "needs both 'code'"),
        ("{code: SF303, text: ''}", "应是非空的文字", "must be non-empty text"),
    ],
)
def test_ignore_text_mistakes_exit_2(tmp_path, monkeypatch, entry, chinese, english):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    Path("draft.txt").write_text(DRAFT, encoding="utf-8")
    Path(".shufa-lint.yaml").write_text(f"ignore-text:\n  - {entry}\n", encoding="utf-8")
    for flags, expected in (((), chinese), (("--lang", "en"), english)):
        result = CliRunner().invoke(main, ["--format", "concise", *flags, "draft.txt"])
        assert result.exit_code == 2 and expected in result.stderr and "ignore-text[0]" in result.stderr
