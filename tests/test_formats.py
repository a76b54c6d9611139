"""Output formats: golden output of every format on the seed, and each format's contract on findings
built by hand (so the contract tests do not move when the rules change).

The goldens follow the rules: after changing a rule, regenerate them with
``SHUFA_LINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_formats.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from shufa_lint.cli import OutputChoices, exit_code, main, report_results, _wants_color
from shufa_lint.diagnostics import Diagnostic, Message, Severity
from shufa_lint.formats import FileReport, RenderOptions, fingerprints, render, step_summary
from shufa_lint.formats.full import cell_width, excerpt
from shufa_lint.formats.github import escape_data, escape_property
from shufa_lint.formats.summary import statistics, summary_line
from shufa_lint.registry import all_rules
from shufa_lint.source import from_text

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tests" / "fixtures" / "seed.txt"
SEED_ARGUMENT = "tests/fixtures/seed.txt"
GOLDEN = REPO / "tests" / "golden"
SARIF_SCHEMA = json.loads((REPO / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text("utf-8"))
UPDATE_GOLDEN = os.environ.get("SHUFA_LINT_UPDATE_GOLDEN") == "1"

# golden file -> command-line arguments (the seed is appended)
GOLDEN_RUNS = {
    "seed.full.txt": ["--format", "full"],
    "seed.full-all.en.txt": ["--format", "full", "--show-all", "--lang", "en"],
    "seed.concise.txt": ["--format", "concise"],
    "seed.json": ["--format", "json"],
    "seed.jsonl": ["--format", "json-lines"],
    "seed.github.txt": ["--format", "github"],
    "seed.sarif": ["--format", "sarif"],
    "seed.junit.xml": ["--format", "junit"],
    "seed.statistics.txt": ["--statistics"],
}

SEED_TEXT = SEED.read_text("utf-8")
SEED_LINES = SEED_TEXT.splitlines()


@pytest.fixture
def in_repo(monkeypatch):
    """Run from the repository root, outside GitHub Actions, as the goldens were made."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def run_cli(*arguments: str):
    return CliRunner().invoke(main, [*arguments], catch_exceptions=False)


# --- goldens on the seed ------------------------------------------------------------------------


@pytest.mark.parametrize("golden", sorted(GOLDEN_RUNS))
def test_seed_output_matches_golden(in_repo, golden):
    result = run_cli(*GOLDEN_RUNS[golden], SEED_ARGUMENT)
    path = GOLDEN / golden
    if UPDATE_GOLDEN:
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text("utf-8"), f"regenerate with SHUFA_LINT_UPDATE_GOLDEN=1 ({golden})"
    assert result.exit_code == 1  # the seed is a damaged draft: findings of warning and error severity


def test_exit_code_and_summary_do_not_depend_on_format_or_output_file(in_repo, tmp_path):
    outcomes = set()
    for name in ("full", "concise", "json", "json-lines", "github", "sarif", "junit", "text"):
        to_stdout = run_cli("--format", name, SEED_ARGUMENT)
        target = tmp_path / f"out.{name}"
        to_file = run_cli("--format", name, "--output-file", str(target), SEED_ARGUMENT)
        assert to_file.stdout == ""
        assert target.read_text("utf-8") == to_stdout.stdout
        # the human formats leave the minor findings out, and the summary says so
        for result in (to_stdout, to_file):
            stderr, notes = re.subn(r"（其中 \d+ 条次要提示未列出，加 --show-all 显示）", "", result.stderr)
            assert notes == (name in ("full", "concise", "text"))
            outcomes.add((result.exit_code, stderr))
    assert len(outcomes) == 1
    ((code, stderr),) = outcomes
    assert code == 1
    assert stderr.startswith("发现 ") and stderr.endswith("共检查 1 个文件\n")


def test_default_format_off_a_terminal_is_concise_and_text_is_its_alias(in_repo):
    concise = run_cli("--format", "concise", SEED_ARGUMENT).stdout
    assert run_cli(SEED_ARGUMENT).stdout == concise
    assert run_cli("--format", "text", SEED_ARGUMENT).stdout == concise


def test_json_lines_carry_the_json_diagnostics(in_repo):
    document = json.loads(run_cli("--format", "json", SEED_ARGUMENT).stdout)
    lines = run_cli("--format", "json-lines", SEED_ARGUMENT).stdout.splitlines()
    assert document["version"] == 1
    assert [json.loads(line) for line in lines] == document["diagnostics"]
    first = document["diagnostics"][0]
    assert {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message",
            "suggestions"} <= set(first)


def test_seed_sarif_is_valid_sarif_2_1_0(in_repo):
    log = json.loads(run_cli("--format", "sarif", SEED_ARGUMENT).stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["results"] and {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                               for r in run["results"]} == {SEED_ARGUMENT}


# --- findings built by hand on the seed's text ---------------------------------------------------

DRAFT_PATH = "drafts/镇党委述法报告.txt"
REDACTED_LINE = 3  # 本年度,我始终以_新时代中国特色社会主义思想为指导,…


def redacted_column(line: int = REDACTED_LINE, occurrence: int = 0) -> int:
    text, start = SEED_LINES[line - 1], -1
    for _ in range(occurrence + 1):
        start = text.index("_", start + 1)
    return start + 1


def finding(code="SF401", name="redacted-term", severity=Severity.ERROR, line=REDACTED_LINE, column=None,
            end_line=None, end_column=None, zh="“_”处疑有词语被过滤删除，可能原为“习近平”",
            en="a word seems removed at “_”: probably “习近平”", suggestions=(("补回“习近平”", "restore “习近平”"),)):
    column = column if column is not None else redacted_column(line)
    return Diagnostic(
        code=code, name=name, severity=severity, line=line, column=column,
        end_line=end_line or line, end_column=end_column or column + 1,
        message=Message(zh, en), suggestions=tuple(Message(*pair) for pair in suggestions), path=DRAFT_PATH,
    )


def punctuation(line: int, column: int = 4) -> Diagnostic:
    return finding("SF701", "half-width-punctuation", Severity.INFO, line, column, zh="中文语境使用了半角标点 ,",
                   en="half-width punctuation , in Chinese text", suggestions=())


def seed_report(*diagnostics: Diagnostic, text: str = SEED_TEXT) -> FileReport:
    return FileReport(DRAFT_PATH, list(diagnostics), from_text(DRAFT_PATH, text))


def broken_line() -> Diagnostic:
    """A span over two lines: line 6 of the seed ends mid-sentence (我带头向上级党委 / 述职述法)."""
    end = len(SEED_LINES[5])
    return finding("SF601", "broken-line", Severity.WARNING, 6, end - 3, end_line=7, end_column=5,
                   zh="句子在行中断开", en="a sentence is broken across lines", suggestions=())


# full


def test_full_puts_the_caret_under_the_flagged_character():
    report = seed_report(finding())
    lines = render("full", [report], RenderOptions()).splitlines()
    source_row = next(i for i, line in enumerate(lines) if line.startswith(f" {REDACTED_LINE} | "))
    shown, caret_row = lines[source_row].split(" | ", 1)[1], lines[source_row + 1].split(" | ", 1)[1]
    caret_cell = len(caret_row) - len(caret_row.lstrip(" "))
    before = next(i for i in range(len(shown)) if cell_width(shown[:i]) == caret_cell)
    assert shown[before] == "_"
    assert caret_row.strip() == "^"
    assert lines[0] == f"{DRAFT_PATH}: 1 个问题"
    assert "SF401 redacted-term [错误] “_”处疑有词语被过滤删除，可能原为“习近平”" in lines
    assert f"  --> {DRAFT_PATH}:{REDACTED_LINE}:{redacted_column()}" in lines
    assert "  = 建议：补回“习近平”" in lines


def test_full_counts_wide_and_astral_characters_as_two_cells():
    text, offset, width = excerpt("𠮷野家（二）工作", 4, 6)
    assert text == "𠮷野家（二）工作"
    assert (offset, width) == (8, 4)
    assert excerpt("缺少数字", 4, 4)[1:] == (8, 1)  # an empty span at the end of the line: one caret


def test_full_cuts_a_long_paragraph_to_a_window_around_the_span():
    paragraph = SEED_LINES[0]  # the 【提纲】 line: several hundred characters
    start = paragraph.index("_")
    shown, offset, width = excerpt(paragraph, start, start + 1)
    assert shown.startswith("...") and shown.endswith("...")
    assert cell_width(shown) <= 76 + 6
    assert shown[3:].index("_") + 3 == next(i for i in range(len(shown)) if cell_width(shown[:i]) == offset)
    assert width == 1


def test_full_marks_a_span_that_ends_on_a_later_line():
    output = render("full", [seed_report(broken_line())], RenderOptions(lang="en"))
    assert "(ends at line 7, column 5)" in output
    assert render("full", [seed_report(broken_line())], RenderOptions()).count("（至第 7 行第 5 列）") == 1


def test_full_collapses_minor_punctuation_findings_unless_show_all():
    report = seed_report(punctuation(3), finding(), punctuation(5), punctuation(7, 5))
    collapsed = render("full", [report], RenderOptions())
    assert collapsed.count("-->") == 1 and "SF401" in collapsed
    assert "另有 3 条次要提示（SF701 ×3），加 --show-all 显示" in collapsed
    everything = render("full", [report], RenderOptions(show_all=True))
    assert everything.count("-->") == 4
    assert everything.index("SF401") < everything.index("次要提示：") < everything.index("SF701")


def test_full_keeps_info_findings_of_headline_families_in_view():
    outline_note = finding("SF503", "outline-title-variant", Severity.INFO, zh="标题与提纲用词不同", suggestions=())
    output = render("full", [seed_report(outline_note, punctuation(5))], RenderOptions())
    assert "SF503 outline-title-variant [提示]" in output
    assert "SF701 half-width" not in output


def test_full_colours_only_when_asked():
    report = seed_report(finding(), punctuation(5))
    assert "\x1b[" not in render("full", [report], RenderOptions())
    coloured = render("full", [report], RenderOptions(color=True))
    assert "\x1b[1;31mSF401\x1b[0m" in coloured


@pytest.mark.parametrize(
    ("tty", "no_color", "expected"), [(True, None, True), (True, "1", False), (True, "", True), (False, None, False)]
)
def test_colour_follows_the_terminal_and_no_color(monkeypatch, tty, no_color, expected):
    monkeypatch.setattr("sys.stdout.isatty", lambda: tty)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert _wants_color() is expected


# concise


def test_concise_is_one_quickfix_line_per_finding():
    multiline = finding(zh="第一行\n第二行")
    output = render("concise", [seed_report(finding(), multiline)], RenderOptions())
    column = redacted_column()
    assert output.splitlines() == [
        f"{DRAFT_PATH}:3:{column}: SF401 [错误] “_”处疑有词语被过滤删除，可能原为“习近平”",
        f"{DRAFT_PATH}:3:{column}: SF401 [错误] 第一行 第二行",
    ]


# github


def test_github_annotation_for_a_single_line_span():
    column = redacted_column()
    output = render("github", [seed_report(finding())], RenderOptions(root=os.getcwd()))
    assert output == (
        f"::error file={DRAFT_PATH},line=3,col={column},endLine=3,endColumn={column + 1},"
        "title=shufa-lint (SF401)::“_”处疑有词语被过滤删除，可能原为“习近平”%0A建议：补回“习近平”\n"
    )


def test_github_drops_columns_for_multi_line_spans_and_maps_severities():
    report = seed_report(broken_line(), punctuation(5))
    warning, notice = render("github", [report], RenderOptions(lang="en")).splitlines()
    assert warning.startswith(f"::warning file={DRAFT_PATH},line=6,endLine=7,title=shufa-lint (SF601)::")
    assert "col=" not in warning and "endColumn=" not in warning
    assert notice.startswith("::notice ") and notice.endswith("::half-width punctuation , in Chinese text")


def test_github_escapes_data_and_properties():
    assert escape_data("100%\r\n完成") == "100%25%0D%0A完成"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    report = FileReport("报告,终稿:v2.txt", [finding().with_location(path="报告,终稿:v2.txt")],
                        from_text("报告,终稿:v2.txt", SEED_TEXT))
    assert render("github", [report], RenderOptions()).startswith("::error file=报告%2C终稿%3Av2.txt,line=3,")


def test_github_paths_are_relative_to_the_repository_root(tmp_path):
    draft = tmp_path / "reports" / "2025" / "draft.txt"
    report = FileReport(str(draft), [finding().with_location(path=str(draft))], from_text(str(draft), SEED_TEXT))
    output = render("github", [report], RenderOptions(root=str(tmp_path)))
    assert output.startswith("::error file=reports/2025/draft.txt,line=3,")


def test_github_reports_unreadable_files():
    report = FileReport("drafts/空白.txt", error="drafts/空白.txt: file is empty")
    assert render("github", [report], RenderOptions()) == (
        "::error file=drafts/空白.txt,title=shufa-lint::drafts/空白.txt: file is empty\n"
    )


# sarif


def sarif(*reports: FileReport, lang: str = "zh") -> dict:
    log = json.loads(render("sarif", list(reports), RenderOptions(lang=lang, root=os.getcwd())))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_results_carry_rule_level_message_and_full_region():
    log = sarif(seed_report(finding(), broken_line(), punctuation(5)))
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    redaction, broken, note = run["results"]
    column = redacted_column()
    assert redaction["ruleId"] == "SF401" and redaction["level"] == "error"
    assert redaction["message"]["text"] == "“_”处疑有词语被过滤删除，可能原为“习近平”\n建议：补回“习近平”"
    location = redaction["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/%E9%95%87%E5%85%9A%E5%A7%94%E8%BF%B0%E6%B3%95%E6%8A%A5%E5%91%8A.txt"
    assert location["region"] == {"startLine": 3, "startColumn": column, "endLine": 3, "endColumn": column + 1}
    assert broken["level"] == "warning" and broken["locations"][0]["physicalLocation"]["region"]["endLine"] == 7
    assert note["level"] == "note"
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_rules_come_from_the_registry_docstrings():
    rules = {rule["id"]: rule for rule in sarif(seed_report())["runs"][0]["tool"]["driver"]["rules"]}
    registered = all_rules()
    assert set(registered) <= set(rules)
    for code, rule in registered.items():
        descriptor = rules[code]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary()
        assert descriptor["help"]["text"] == rule.explanation()
        assert 0 < len(descriptor["fullDescription"]["text"]) <= 1024


def test_sarif_fingerprints_survive_inserted_lines_and_tell_identical_marks_apart():
    first, second = finding(line=5, column=redacted_column(5, 0)), finding(line=5, column=redacted_column(5, 1))
    before = fingerprints(seed_report(first, second))
    shifted_text = "\n".join(SEED_LINES[:3] + ["（新增一段说明。）", ""] + SEED_LINES[3:])
    shifted = [d.with_location(line=7, end_line=7) for d in (first, second)]
    assert fingerprints(seed_report(*shifted, text=shifted_text)) == before
    assert len(set(before)) == 2
    result = sarif(seed_report(first))["runs"][0]["results"][0]
    assert result["partialFingerprints"] == {"shufaLint/v1": before[0]}


def test_sarif_reports_unreadable_files_as_tool_notifications():
    run = sarif(FileReport("drafts/空白.txt", error="drafts/空白.txt: file is empty"))["runs"][0]
    assert run["results"] == []
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "drafts/空白.txt: file is empty"


# junit


def test_junit_has_a_failure_per_finding_and_a_passing_case_per_clean_file():
    reports = [
        seed_report(finding(), broken_line()),
        FileReport("drafts/终稿.txt", [], from_text("drafts/终稿.txt", "关于2025年度法治政府建设情况的报告\n")),
        FileReport("drafts/空白.txt", error="drafts/空白.txt: file is empty"),
    ]
    root = ET.fromstring(render("junit", reports, RenderOptions()).encode("utf-8"))
    assert (root.tag, root.get("tests"), root.get("failures"), root.get("errors")) == ("testsuites", "4", "2", "1")
    draft, clean, empty = root
    failure = draft[0].find("failure")
    assert draft[0].get("name") == f"SF401 redacted-term (3:{redacted_column()})"
    assert failure.get("type") == "error" and failure.get("message").startswith("“_”处疑有词语")
    assert failure.text.endswith("建议：补回“习近平”")
    assert [case.find("failure") for case in clean] == [None] and clean[0].get("name") == "shufa-lint"
    assert empty[0].find("error").get("message") == "drafts/空白.txt: file is empty"


# summary, statistics and exit codes


def test_summary_counts_severities_and_files():
    reports = [seed_report(finding(), broken_line(), punctuation(5)), seed_report()]
    assert summary_line(reports, "zh") == "发现 3 个问题（1 错误，1 警告，1 提示），共检查 2 个文件"
    assert summary_line(reports, "en") == "Found 3 problem(s) (1 error, 1 warning, 1 info) in 2 file(s)"
    unreadable = [seed_report(), FileReport("a.txt", error="a.txt: file is empty")]
    assert summary_line(unreadable, "zh") == "未发现问题，共检查 1 个文件，1 个输入无法检查"


def test_statistics_count_findings_per_code():
    report = seed_report(punctuation(3), finding(), punctuation(5))
    assert statistics([report]) == [
        {"code": "SF701", "name": "half-width-punctuation", "severity": "info", "count": 2},
        {"code": "SF401", "name": "redacted-term", "severity": "error", "count": 1},
    ]


@pytest.mark.parametrize(
    ("severities", "fail_on", "exit_zero", "expected"),
    [
        ([Severity.WARNING], "warning", False, 1),
        ([Severity.INFO], "warning", False, 0),
        ([Severity.INFO], "info", False, 1),
        ([Severity.WARNING], "error", False, 0),
        ([Severity.ERROR], "error", False, 1),
        ([Severity.ERROR], "warning", True, 0),
        ([], "info", False, 0),
    ],
)
def test_exit_code_follows_fail_on_and_exit_zero(severities, fail_on, exit_zero, expected):
    report = seed_report(*(finding(severity=severity) for severity in severities))
    assert exit_code([report], Severity.parse(fail_on), exit_zero) == expected


def test_an_input_error_exits_2_even_with_exit_zero():
    reports = [seed_report(finding()), FileReport("a.txt", error="a.txt: file is empty")]
    assert exit_code(reports, Severity.INFO, exit_zero=True) == 2


def test_cli_flags_reach_the_exit_code_and_stderr(in_repo):
    assert run_cli("--exit-zero", SEED_ARGUMENT).exit_code == 0
    quiet = run_cli("--quiet", SEED_ARGUMENT)
    assert quiet.exit_code == 1 and quiet.stderr == ""
    assert run_cli("--fail-on", "error", "--select", "SF701", SEED_ARGUMENT).exit_code == 0
    assert run_cli("--fail-on", "info", "--select", "SF701", SEED_ARGUMENT).exit_code == 1


def test_cli_statistics_in_text_and_json(in_repo):
    rows = json.loads(run_cli("--statistics", "--format", "json", SEED_ARGUMENT).stdout)
    concise = run_cli("--format", "concise", "--show-all", SEED_ARGUMENT).stdout.splitlines()
    assert sum(row["count"] for row in rows) == len(concise)
    text = run_cli("--statistics", SEED_ARGUMENT).stdout.splitlines()
    assert [line.split()[:2] for line in text] == [[str(row["count"]), row["code"]] for row in rows]


def test_unwritable_output_file_exits_2_naming_it(in_repo, tmp_path):
    target = tmp_path / "missing-folder" / "out.sarif"
    result = run_cli("--format", "sarif", "--output-file", str(target), SEED_ARGUMENT)
    assert result.exit_code == 2
    assert f"{target}: 无法写入：所在文件夹不存在" in result.stderr


def test_report_results_writes_to_stdout_with_the_chosen_format(capsys):
    code = report_results([seed_report(finding())], OutputChoices(output_format="concise", quiet=True), "en")
    captured = capsys.readouterr()
    assert code == 1 and captured.err == ""
    assert captured.out == f"{DRAFT_PATH}:3:{redacted_column()}: SF401 [error] a word seems removed at “_”: probably “习近平”\n"


def test_github_format_writes_every_finding_to_the_step_summary(in_repo, tmp_path, monkeypatch):
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    annotations = run_cli("--format", "github", SEED_ARGUMENT).stdout.splitlines()
    table = summary.read_text("utf-8").splitlines()
    assert table[0] == "earlier step"  # appended, not overwritten
    assert table[1].startswith("### shufa-lint: 发现 ")
    rows = [row for row in table if row.startswith(f"| {SEED_ARGUMENT} |")]
    assert len(rows) == len(annotations)
    assert run_cli("--format", "concise", SEED_ARGUMENT).exit_code == 1
    assert summary.read_text("utf-8").splitlines() == table  # only the github format writes it


def test_step_summary_escapes_table_cells():
    report = seed_report(finding(zh="“a|b”\n两行"))
    table = step_summary.render([report], RenderOptions(root=os.getcwd()))
    assert f"| {DRAFT_PATH} | 3:{redacted_column()} | SF401 redacted-term | 错误 | “a\\|b” 两行 |" in table
