"""The user's own damaged draft (tests/fixtures/seed.txt) is the acceptance test of the core issue."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shufa_lint.cli import main
from shufa_lint.registry import all_rules

SEED = Path(__file__).parent / "fixtures" / "seed.txt"

FIGURES = [(5, 76), (7, 54), (8, 30), (8, 75), (9, 41), (9, 55), (11, 35), (12, 124), (12, 135),
           (13, 49), (13, 69), (16, 84), (24, 39)]
REDACTIONS = {(1, 135): "政权", (1, 232): "群体", (3, 9): "习近平", (3, 68): "习近平", (5, 44): "习近平",
              (5, 92): "习近平", (10, 7): "群体", (11, 11): "群体", (11, 45): "群体", (13, 77): "群体",
              (15, 28): "体制", (23, 51): "习近平"}


@pytest.fixture(scope="module")
def seed_run():
    result = CliRunner().invoke(main, ["--format", "json", str(SEED)])
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture(scope="module")
def diagnostics(seed_run):
    return seed_run[1]["diagnostics"]


def at(diagnostics, prefix, line, column=None):
    return [d for d in diagnostics if d["code"].startswith(prefix) and d["line"] == line
            and (column is None or d["column"] == column)]


def test_exit_code_and_contract(seed_run, diagnostics):
    exit_code, payload = seed_run
    assert exit_code == 1 and payload["version"] == 1
    for d in diagnostics:
        assert {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message",
                "suggestions"} <= set(d)
        assert d["severity"] in ("error", "warning", "info") and isinstance(d["suggestions"], list)
        assert d["name"] == d["name"].lower() and " " not in d["name"]


def test_every_figure_placeholder_and_no_other(diagnostics):
    found = sorted((d["line"], d["column"]) for d in diagnostics if d["code"].startswith("SF3"))
    assert found == FIGURES


def test_every_redaction_with_its_word_and_no_other(diagnostics):
    found = {(d["line"], d["column"]): d for d in diagnostics if d["code"].startswith("SF4")}
    assert set(found) == set(REDACTIONS)
    for position, word in REDACTIONS.items():
        text = found[position]["message"] + " ".join(found[position]["suggestions"])
        assert word in text, position


def test_numbering_slips(diagnostics):
    assert at(diagnostics, "SF202", 9)  # the second 三是 under （一）
    assert at(diagnostics, "SF201", 12)  # （四） after （一）
    assert at(diagnostics, "SF203", 1, 423)  # the outline's 三、（一） starts at 二是


def test_outline_gaps(diagnostics):
    messages = " ".join(d["message"] for d in diagnostics if d["code"].startswith("SF50"))
    for piece in ("（二）聚焦依法行政", "含 4 项", "四是强化领导干部法治素养提升", "（二）突出重点领域攻坚",
                  "（三）优化资源配置"):
        assert piece in messages


def test_integrity(diagnostics):
    for line in (6, 10, 14):
        assert at(diagnostics, "SF601", line)
    assert at(diagnostics, "SF602", 24)  # the draft ends mid-sentence in ……
    assert at(diagnostics, "SF602", 7)  # 三是健全党领导法治建设的 breaks off into another passage
    assert not at(diagnostics, "SF601", 7)


def test_no_section_reported_missing(diagnostics):
    assert not [d for d in diagnostics if d["code"].startswith("SF1")]


def test_english_messages():
    result = CliRunner().invoke(main, ["--format", "json", "--lang", "en", "--select", "SF401", str(SEED)])
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    assert messages and all(m.isascii() or "likely" in m for m in messages)


@pytest.mark.parametrize("code", list(all_rules()))
def test_every_rule_explains_itself(code):
    result = CliRunner().invoke(main, ["--explain", code, "--lang", "en"])
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith(code) and "Example" in text and "Fix" in text


def test_explain_unknown_rule_is_a_usage_error():
    assert CliRunner().invoke(main, ["--explain", "SF999"]).exit_code == 2


def test_list_rules_names_every_rule():
    result = CliRunner().invoke(main, ["--list-rules"])
    assert all(code in result.stdout for code in all_rules())


def test_clean_report_gives_no_headline_finding():
    """A complete report in the styles real ones use (Arabic items numbered on across （二）（三）,
    semicolon-chained items, a signature block) must give no structural or content finding."""
    clean = SEED.parent / "clean_report.txt"
    result = CliRunner().invoke(main, ["--format", "json", str(clean)])
    headline = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"][:3] in
                ("SF1", "SF2", "SF3", "SF4", "SF5", "SF6")]
    assert headline == [] and result.exit_code == 0
