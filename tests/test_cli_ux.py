"""What a user meets at the command line, and output other tools parse: messages in the run's language,
nothing silent, file names and text that cannot break a terminal or a parser."""

from __future__ import annotations

import json

import pytest

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
    english = run("--list-rules", "--lang", "en").output.splitlines()
    assert next(line for line in english if line.startswith("SF101")).startswith("SF101  section-missing              error    A section")


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
        f"shufa-lint: {tmp_path}: 未找到可检查的文稿（.txt、.md、.markdown、.docx、.doc、.wps、.odt、.rtf、.pdf）",
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


# --- concise keeps minor findings out of the way, and shows the severity that decides the exit ------

ONLY_FIGURES_AND_PUNCTUATION = ("--select", "SF3,SF7")
HALF_WIDTH_DRAFT = (
    "某县司法局2024年度述法报告\n一、履职情况\n全年组织学法*次,开展普法活动12场。\n"
    "二、存在问题\n法治宣传的针对性还不够强。\n三、下一步打算\n持续加强法治宣传教育。\n"
)


def test_concise_leaves_minor_findings_out_and_the_summary_counts_them(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(HALF_WIDTH_DRAFT, encoding="utf-8")
    result = run(str(draft), "--format", "concise", *ONLY_FIGURES_AND_PUNCTUATION)
    assert result.exit_code == 1
    assert result.stdout == f"{draft}:3:7: SF301 [错误] 数字未填写：“*次”处应为具体数字\n"
    assert result.stderr.endswith("（其中 1 条次要提示未列出，加 --show-all 显示）\n")
    listed = run(str(draft), "--format", "concise", "--show-all", *ONLY_FIGURES_AND_PUNCTUATION).stdout.splitlines()
    assert [line.split()[1:3] for line in listed] == [["SF301", "[错误]"], ["SF701", "[提示]"]]


def test_concise_lists_minor_findings_when_they_decide_the_exit_code(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(HALF_WIDTH_DRAFT.replace("*次", "3次"), encoding="utf-8")
    assert run(str(draft), "--format", "concise", *ONLY_FIGURES_AND_PUNCTUATION).stdout == ""
    result = run(str(draft), "--format", "concise", "--fail-on", "info", "--lang", "en", *ONLY_FIGURES_AND_PUNCTUATION)
    assert result.exit_code == 1 and " SF701 [info] " in result.stdout


def test_machine_formats_keep_every_finding(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(HALF_WIDTH_DRAFT, encoding="utf-8")
    diagnostics = json.loads(run(str(draft), "--format", "json", *ONLY_FIGURES_AND_PUNCTUATION).stdout)["diagnostics"]
    assert [d["code"] for d in diagnostics] == ["SF301", "SF701"]


# --- file names and text cannot forge CI commands or reach a terminal as escape sequences ---------

INJECTING_NAME = "a\n::error file=evil.txt,line=1::INJECTED\n.txt"
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"


def _forged(text: str) -> bool:
    return any(line.startswith("::error file=evil") for line in text.splitlines())


def test_a_file_name_with_line_breaks_cannot_forge_a_ci_command(tmp_path):
    draft = tmp_path / INJECTING_NAME
    draft.write_text("某县司法局2024年度述法报告\n全年组织学法*次。\n", encoding="utf-8")
    for output_format in ("concise", "full", "github"):
        result = run(str(draft), "--format", output_format)
        assert result.exit_code == 1
        assert not _forged(result.stdout) and not _forged(result.stderr), output_format
    assert "a␊::error file=evil.txt,line=1::INJECTED␊.txt:2:7: SF301" in run(str(draft), "--format", "concise").stdout
    unreadable = tmp_path / f"{INJECTING_NAME}.missing"
    result = run(str(unreadable), "--format", "github")
    assert result.exit_code == 2 and not _forged(result.stdout) and not _forged(result.stderr)


def test_escape_sequences_in_names_and_text_do_not_reach_the_terminal(tmp_path):
    draft = tmp_path / f"述法{ESCAPES}.txt"
    # a long enough draft that three control characters do not make it binary
    body = "持续加强法治宣传教育，推动领导干部带头尊法学法守法用法。\n" * 12
    draft.write_text(HALF_WIDTH_DRAFT.replace("*次", f"*次{ESCAPES}") + body, encoding="utf-8")
    for output_format in ("concise", "full"):
        result = run(str(draft), "--format", output_format)
        assert result.exit_code == 1
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout, output_format
    full = run(str(draft), "--format", "full").stdout
    assert " 3 | 全年组织学法*次␛]0;PWNED␇␛[2J,开展普法活动12场。\n   |             ^\n" in full


def test_junit_is_well_formed_xml_with_control_characters_in_names_and_messages(tmp_path):
    import xml.etree.ElementTree as ET

    draft = tmp_path / f"述法{ESCAPES}\x01.txt"
    draft.write_text("某县司法局2024年度述法报告\n全年组织学法*次。\n", encoding="utf-8")
    result = run(str(draft), "--format", "junit", "--select", "SF301")
    suites = ET.fromstring(result.stdout)
    assert suites.get("failures") == "1" and "␛]0;PWNED␇␛[2J␁" in suites[0].get("name")
    json.loads(run(str(draft), "--format", "json").stdout)
    json.loads(run(str(draft), "--format", "sarif").stdout)


# --- a file name that is not UTF-8 works everywhere ----------------------------------------------


def test_a_file_name_in_gbk_bytes_works_in_every_format_file_baseline_and_step_summary(tmp_path, monkeypatch):
    import os

    folder = os.fsencode(str(tmp_path))
    name = "述法报告.txt".encode("gbk")
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write("某县司法局2024年度述法报告\n全年组织学法*次。\n".encode("utf-8"))
    draft = os.fsdecode(os.path.join(folder, name))
    for output_format in ("full", "concise", "json", "json-lines", "github", "sarif", "junit"):
        result = run(draft, "--format", output_format, "--select", "SF301")
        assert result.exit_code == 1, (output_format, result.output)
        assert "述法报告.txt" in result.stdout or output_format == "sarif", output_format
        written = tmp_path / f"out.{output_format}"
        assert run(draft, "--format", output_format, "--select", "SF301", "-o", str(written)).exit_code == 1
        assert written.read_text("utf-8") == result.stdout
    sarif = json.loads(run(draft, "--format", "sarif").stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("/%CA%F6%B7%A8%B1%A8%B8%E6.txt")  # the name's own bytes
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(draft, "--format", "github").exit_code == 1
    assert "述法报告.txt" in summary.read_text("utf-8")
    baseline = tmp_path / "baseline.json"
    assert run(draft, "--baseline", str(baseline), "--write-baseline").exit_code == 0
    assert run(draft, "--baseline", str(baseline), "--format", "concise", "--show-all").stdout == ""


# --- every bad configuration value: one line naming the configuration file, exit 2 ---------------


@pytest.mark.parametrize(
    "setting, chinese, english",
    [
        ('per-file-ignores: {"[!]": [SF3]}', "per-file-ignores: 通配符“[!]”无效：", "per-file-ignores: invalid glob '[!]'"),
        ('exclude: ["[z-a]"]', "exclude: 通配符“[z-a]”无效：", "exclude: invalid glob '[z-a]'"),
        ("pack: [shufa]", "pack: 应是一个报告类型名（", "pack: must be one pack name"),
        ('outline: "\\0"', "outline: 应是路径（不能含 NUL 字符）", "outline: must be a path (without a NUL character)"),
        ('extends: "\\0"', "extends: 路径不能含 NUL 字符", "extends: a path cannot contain a NUL character"),
        (
            'figure-placeholders: ["a{99999999999}"]',
            "figure-placeholders[0]: 正则表达式“a{99999999999}”无效：",
            "figure-placeholders[0]: invalid regular expression 'a{99999999999}'",
        ),
        (
            'figure-placeholders: ["(?i)x"]',
            "figure-placeholders[0]: 正则表达式“(?i)x”无效：",
            "figure-placeholders[0]: invalid regular expression '(?i)x'",
        ),
    ],
)
def test_a_bad_configuration_value_is_one_line_blaming_the_configuration(tmp_path, monkeypatch, setting, chinese, english):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".shufa-lint.yaml").write_text(setting + "\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("某县司法局2024年度述法报告\n全年组织学法*次。\n", encoding="utf-8")
    for flags, complaint in (((), chinese), (("--lang", "en"), english)):
        result = run(*flags, "draft.txt")
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"shufa-lint: .shufa-lint.yaml: {complaint}")


@pytest.mark.parametrize("encoding", ["undefined", "rot13", "hex", "nonesuch"])
def test_an_encoding_that_cannot_decode_text_is_one_line_and_exit_2(tmp_path, encoding):
    draft = tmp_path / "draft.txt"
    draft.write_text("某县司法局2024年度述法报告\n", encoding="utf-8")
    result = run(str(draft), str(draft), "--encoding", encoding)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("shufa-lint: --encoding: ")
    assert "Traceback" not in result.output


# --- --fix on a .docx says what would be fixed; --fix - writes the fixed text to stdout -------------


def _docx_with_fixable_findings(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告")
    document.add_paragraph("一.工作情况")
    document.add_paragraph("本年度,我镇坚持高位谋划,统筹推进法治建设。")
    path = tmp_path / "report.docx"
    document.save(path)
    return path


def test_fix_on_a_docx_says_once_what_would_be_fixed_and_writes_nothing(tmp_path):
    path = _docx_with_fixable_findings(tmp_path)
    before = path.read_bytes()
    result = run("--fix", "--format", "concise", str(path))
    assert path.read_bytes() == before
    notes = [line for line in result.stderr.splitlines() if line.startswith("shufa-lint: ")]
    assert notes == [f"shufa-lint: {path}: 2 处问题可修复 (SF204 ×1, SF701 ×1)，但不对 .docx 文件应用修复"]
    assert "没有可修复的问题" not in result.stderr


def test_diff_on_a_docx_with_fixable_findings_exits_1(tmp_path):
    path = _docx_with_fixable_findings(tmp_path)
    result = run("--diff", "--lang", "en", str(path))
    assert result.exit_code == 1
    assert "2 fixable (SF204 ×1, SF701 ×1), but fixes are not applied to .docx files" in result.stderr


def test_fix_standard_input_writes_the_fixed_text_to_stdout_in_its_encoding():
    draft = "某县司法局2024年度述法报告\r\n一是严格落实述法要求,我带头述职。\r\n"
    result = run("--fix", "--format", "concise", "-", input=draft.encode("gb18030"))
    assert result.stdout_bytes == draft.replace(",", "，").encode("gb18030")
    assert "-:1:1: SF101" in result.stderr or "-:2:" in result.stderr  # the findings that remain, on stderr
    assert "已修复 1 个文件中的 1 处问题" in result.stderr


def test_fix_standard_input_passes_text_without_fixes_through():
    draft = "某县司法局2024年度述法报告\n全年组织学法*次。\n"
    assert run("--fix", "-", input=draft).stdout == draft


def test_fix_standard_input_goes_alone(tmp_path):
    result = run("--fix", "-", str(tmp_path / "draft.txt"), input="")
    assert result.exit_code == 2 and "--fix - 只能单独用于标准输入" in result.stderr


# --- where and how: SF501 placement, SF202 column, SF403 safe fix ----------------------------------

OUTLINE = (
    "【提纲】一、工作情况。(一)强化政治引领,压实主体责任。(二)聚焦依法行政,提升治理效能。"
    "(三)保障司法公正,构建矛盾化解体系。二、存在问题。三、整改措施。\n"
)
TITLE = "2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告\n"
TAIL = "二、存在问题\n基层力量不足。\n三、整改措施\n加强队伍建设。\n"


def test_sf501_points_past_a_sentence_broken_across_lines_and_says_where_it_belongs():
    body = (
        "一、工作情况\n"
        "（一）强化政治引领，压实主体责任。全年组织专题学习研讨12次，我带头向上级党委\n"  # broken mid-sentence
        "述职述法，并将述法情况纳入考核。\n"
        "（三）保障司法公正，构建矛盾化解体系。全年化解纠纷38起。\n"
    )
    (missing,) = lint(OUTLINE + TITLE + body + TAIL, "SF501")
    assert (missing.line, missing.column) == (6, 1)  # not 5:1, the tail of the broken line
    assert missing.message.zh.endswith("；应补在第 4 行“（一）强化政治引领，压实主体责任”之后")
    assert missing.message.en.endswith("; it belongs after '（一）强化政治引领，压实主体责任' (line 4)")


def test_sf501_of_a_first_item_says_before_which_present_item_it_belongs():
    body = "（二）聚焦依法行政，提升治理效能。内容。\n（三）保障司法公正，构建矛盾化解体系。内容。\n"
    (missing,) = lint(OUTLINE + TITLE + body + TAIL, "SF501")
    assert missing.message.zh.startswith("提纲中的“一、工作情况”在正文中缺失")
    assert missing.message.zh.endswith("；应补在第 3 行“（二）聚焦依法行政，提升治理效能”之前")
    assert (missing.line, missing.column) == (3, 1)


def test_sf202_names_the_column_when_the_earlier_marker_is_on_the_same_line():
    text = "某县司法局2024年度述法报告\n一、工作情况\n（一）强化学习。一是组织学法12次。二是开展普法。二是加强考核。\n"
    (repeat,) = lint(text, "SF202")
    assert repeat.message.zh == "序号重复：“二是”再次出现（前一个在同一行第 19 列）"
    assert repeat.message.en == "numbering repeats: 二是 again (the previous one is at column 19 of the same line)"
    on_lines = lint(text.replace("。二是开展", "。\n二是开展").replace("。二是加强", "。\n二是加强"), "SF202")
    assert on_lines[0].message.zh.endswith("（前一个在第 4 行）")


def test_sf403_fixes_a_certain_replacement_and_only_that(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "某县司法局2024年度述法报告\n一、工作情况\n贯彻上级决策布署，重点学习《土地法》，二○二五年一月。\n", encoding="utf-8"
    )
    run("--fix", "--select", "SF403", str(draft))
    assert draft.read_text("utf-8").splitlines()[2] == "贯彻上级决策部署，重点学习《土地法》，二○二五年一月。"


def test_every_term_marked_safe_names_exactly_the_text_to_write():
    from shufa_lint.lexicon import builtin

    for entry in builtin().table("terms")["terms"]:
        if entry.get("fix") == "safe":
            assert not any(mark in entry["right"] for mark in "（）X“”"), entry["right"]
