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


# --- rule documentation and messages in the run's language ----------------------------------------


def test_every_rule_is_documented_in_chinese_and_english():
    from shufa_lint.registry import all_rules, chinese_docs

    assert set(chinese_docs()) == set(all_rules())
    for code, rule in all_rules().items():
        chinese, english = rule.explanation("zh"), rule.explanation("en")
        assert chinese != english and english == rule.explanation(), code
        assert any("\u4e00" <= char <= "\u9fff" for char in rule.summary("zh")), code
        assert "修改" in chinese and "Fix" in english, code


def test_explain_is_chinese_by_default_english_with_lang_en_and_plain_for_a_terminal():
    chinese = run("--explain", "SF701").output
    assert chinese.startswith("SF701 half-width-punctuation (提示)\n\n中文文字中使用了半角标点")
    english = run("--explain", "half-width-punctuation", "--lang", "en").output
    assert english.startswith("SF701 half-width-punctuation (info)\n\nHalf-width punctuation , ; : ? ! ( ) . in")
    assert "Example:\n" in english
    for text in (chinese, english):
        assert "``" not in text and "::" not in text


def test_list_rules_is_chinese_by_default_and_lines_up_in_terminal_cells():
    lines = run("--list-rules").output.splitlines()
    assert lines[0] == "SF001  unknown-suppression          警告     抑制指令中写了不存在的规则或动作。"
    assert all("``" not in line for line in lines)
    assert run("--list-rules", "--lang", "en").output.splitlines()[1].startswith("SF101  section-missing              error    A section")


def test_unknown_rule_for_explain_is_said_in_the_run_language():
    result = run("--explain", "SF999")
    assert result.exit_code == 2 and "没有规则“SF999”" in result.output


def test_an_unreadable_only_file_is_said_in_chinese_and_the_summary_does_not_say_no_problems(tmp_path):
    missing = str(tmp_path / "缺失.txt")
    result = run(missing)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"shufa-lint: {missing}: 无法读取：文件不存在", "未检查任何文件，1 个输入无法检查"]
    english = run(missing, "--lang", "en")
    assert english.stderr.splitlines() == [
        f"shufa-lint: {missing}: cannot read: No such file or directory",
        "No file was checked; 1 input(s) could not be linted",
    ]


def test_write_baseline_speaks_the_run_language(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("某县司法局2024年度述法报告\n一、履职情况\n全年组织学法*次。\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result = run(str(draft), "--baseline", str(baseline), "--write-baseline")
    assert result.exit_code == 0 and f"已将 3 个问题记入 {baseline}" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("[]", encoding="utf-8")
    result = run(str(draft), "--baseline", str(broken))
    assert result.exit_code == 2 and "不是 shufa-lint 基线文件" in result.stderr


# --- a folder with nothing to lint fails (as ESLint does), so a CI job on the wrong folder cannot pass ---


def test_a_folder_without_drafts_is_an_input_error(tmp_path):
    (tmp_path / "setup.py").write_text("print(1)\n", encoding="utf-8")
    (tmp_path / "data.json").write_text("{}\n", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"shufa-lint: {tmp_path}: 未找到可检查的文稿（.txt、.md、.markdown、.docx）",
        "未检查任何文件，1 个输入无法检查",
    ]


def test_an_empty_folder_next_to_a_draft_still_fails_and_the_draft_is_linted(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    draft = tmp_path / "draft.txt"
    draft.write_text("某县司法局2024年度述法报告\n一、履职情况\n全年组织学法*次。\n", encoding="utf-8")
    result = run(str(empty), str(draft), "--format", "concise", "--lang", "en")
    assert result.exit_code == 2
    assert f"{draft}:3:7: SF301" in result.stdout
    assert f"shufa-lint: {empty}: no draft to lint found" in result.stderr


def test_a_folder_whose_drafts_are_all_excluded_fails_too(tmp_path):
    (tmp_path / ".shufa-lint.yaml").write_text("exclude: ['*.txt']\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("某县司法局2024年度述法报告\n", encoding="utf-8")
    assert run(str(tmp_path)).exit_code == 2
