"""Fixes: the applier (edits, conflicts, passes, guards), writing back (encoding, BOM, line ends,
atomicity, verification) and the CLI options --fix, --unsafe-fixes and --diff."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from shufa_lint.checks.punctuation import half_width_marks
from shufa_lint.cli import main
from shufa_lint.diagnostics import Diagnostic, Edit, Fix, InputError, Message, Severity
from shufa_lint.engine import lint_source
from shufa_lint.fix import EditMap, FixOutcome, _Span, apply_fixes, can_fix, fix_source, write_back
from shufa_lint.settings import Settings
from shufa_lint.source import SourceText, from_text

SEED_TEXT = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8")
TO_HALF_WIDTH = str.maketrans("，（）", ",()")


def finding(edits, safe=True, code="SF999", line=1):
    """A hand-built diagnostic carrying a fix, for exercising the applier without a rule."""
    return Diagnostic(
        code=code,
        name="test-rule",
        severity=Severity.WARNING,
        line=line,
        column=1,
        end_line=line,
        end_column=2,
        message=Message("测试", "test"),
        fix=Fix(tuple(Edit(*edit) for edit in edits), safe=safe),
    )


def run(*args):
    result = CliRunner().invoke(main, [*args])
    return result.exit_code, result.stdout, result.stderr


# --- the applier ----------------------------------------------------------------------------------


REPORT = "一、工作情况\r\n本年度我镇组织学习*次,带领班子成员学习。\r\n二是严格落实年度述法要求。我带头向上级党委\r\n述职述法。\r\n"


def test_edits_apply_in_file_coordinates_and_keep_crlf():
    source = from_text("r.txt", REPORT)
    comma = finding([(2, 12, 2, 13, "，")])
    join = finding([(3, 22, 4, 1, "")], line=3)  # SF601: remove the break after 上级党委
    text, applied = apply_fixes(source, [comma, join])
    assert applied == [comma, join]
    assert text == "一、工作情况\r\n本年度我镇组织学习*次，带领班子成员学习。\r\n二是严格落实年度述法要求。我带头向上级党委述职述法。\r\n"


def test_unsafe_fixes_apply_only_when_asked():
    source = from_text("r.txt", "深入学习贯彻_法治思想。\n")
    restore = finding([(1, 7, 1, 8, "习近平")], safe=False, code="SF401")
    assert apply_fixes(source, [restore]) == ("深入学习贯彻_法治思想。\n", [])
    assert apply_fixes(source, [restore], unsafe=True) == ("深入学习贯彻习近平法治思想。\n", [restore])


def test_a_fix_that_would_touch_a_figure_is_refused():
    source = from_text("r.txt", "组织专题学习研讨*次，参训12人次。\n")
    fills_placeholder = finding([(1, 9, 1, 10, "3")], safe=False)
    drops_placeholder = finding([(1, 9, 1, 10, "")])
    drops_digits = finding([(1, 14, 1, 16, "")])
    fixes = [fills_placeholder, drops_placeholder, drops_digits]
    assert apply_fixes(source, fixes, unsafe=True) == (source.raw_text, [])


def test_only_an_unsafe_fix_may_replace_a_mark_its_rule_judged_a_redaction():
    source = from_text("r.txt", "深入学习贯彻*法治思想。\n")
    as_safe = finding([(1, 7, 1, 8, "习近平")], safe=True)
    as_unsafe = finding([(1, 7, 1, 8, "习近平")], safe=False)
    assert apply_fixes(source, [as_safe]) == (source.raw_text, [])
    assert apply_fixes(source, [as_unsafe], unsafe=True) == ("深入学习贯彻习近平法治思想。\n", [as_unsafe])


def test_edits_outside_the_text_are_refused():
    source = from_text("r.txt", "述职述法。")
    past_line_end = finding([(1, 7, 1, 8, "x")])
    past_last_line = finding([(1, 6, 2, 1, "")])  # nothing to join: the file has no second line
    assert apply_fixes(source, [past_line_end, past_last_line]) == ("述职述法。", [])


def test_conflicting_fixes_are_dropped_and_retried_on_the_next_pass():
    source = from_text("r.txt", "（一）、强化引领\n")
    marker = finding([(1, 1, 1, 5, "（一）")], code="SF204")
    overlapping = finding([(1, 4, 1, 5, "，")], code="SF888")
    text, applied = apply_fixes(source, [marker, overlapping])
    assert (text, applied) == ("（一）强化引领\n", [marker])

    passes = []

    def lint(current: SourceText):
        passes.append(current.raw_text)
        # the second rule still wants its edit on the new text; the third pass finds nothing to do
        return [finding([(1, 8, 1, 8, "。")], code="SF888")] if len(passes) == 1 else []

    outcome = fix_source(source, [marker, overlapping], lint)
    assert outcome.text == "（一）强化引领。\n"
    assert [d.code for d in outcome.applied] == ["SF204", "SF888"]
    assert outcome.converged and outcome.remaining == []
    assert passes == ["（一）强化引领\n", "（一）强化引领。\n"]


def test_fixing_stops_after_a_bounded_number_of_passes():
    source = from_text("r.txt", "甲\n")

    def lint(current: SourceText):  # a rule that always wants one more character
        return [finding([(1, len(current.lines[0]) + 1, 1, len(current.lines[0]) + 1, "乙")])]

    outcome = fix_source(source, lint(source), lint, max_passes=3)
    assert len(outcome.remaining) == 1
    # fixes that do not settle leave the file as it was: never written half-fixed
    assert not outcome.converged
    assert (outcome.text, outcome.applied, outcome.changed) == ("甲\n", [], False)


def test_fixes_that_change_the_model_are_iterated_to_a_fixed_point():
    lint = lambda current: lint_source(current, Settings())  # noqa: E731
    # each join makes the joined line run on into the next one: five passes, then nothing left to fix
    chain = from_text("r.txt", "正.作\n作\n作\n作\n所。\n")
    outcome = fix_source(chain, lint(chain), lint)
    assert outcome.converged and outcome.text == "正。作作作作所。\n"
    # the same chain ending in a line the joins would leave cut off (SF602): whatever is fixed, a second
    # run changes nothing
    for text in ("正.作\n作\n作\n作\n所\n．", "正.作\r\n作\r\n作\r\n所"):
        source = from_text("r.txt", text)
        outcome = fix_source(source, lint(source), lint)
        again = fix_source(outcome.fixed_source, outcome.remaining, lint)
        assert outcome.converged and not again.changed and again.applied == []


def test_the_edit_map_keeps_the_untouched_runs_and_the_fixed_places_through_several_passes():
    edits = EditMap(10)  # "0123456789"
    edits.apply([_Span(2, 3, "ab", "A"), _Span(5, 5, "X", "B"), _Span(7, 9, "", "C")])  # 01ab34X569
    assert edits.kept == [(0, 0, 2), (3, 4, 2), (5, 7, 2), (9, 9, 1)]
    assert edits.places == [(2, 4, "A"), (6, 7, "B"), (9, 9, "C")]
    edits.apply([_Span(3, 5, "", "D")])  # 01a4X569: cuts across an earlier fix and a kept run
    assert edits.kept == [(0, 0, 2), (4, 3, 1), (5, 5, 2), (9, 7, 1)]
    assert edits.places == [(2, 3, "A"), (3, 3, "D"), (4, 5, "B"), (7, 7, "C")]


def test_a_fix_that_would_create_a_headline_finding_is_withheld():
    source = from_text("r.txt", "甲\n")

    def lint(current: SourceText):  # the fix to 乙 would create an SF301 finding
        if current.raw_text.startswith("乙"):
            return [finding([], code="SF301")]
        return [finding([(1, 1, 1, 2, "乙")], code="SF701")]

    outcome = fix_source(source, lint(source), lint)
    assert outcome.converged and not outcome.changed and outcome.applied == []


def test_docx_is_not_fixed_and_standard_input_is():
    assert can_fix(SourceText("r.docx", ("述法报告",), kind="docx", position_unit="paragraph")).en == (
        "fixes are not applied to .docx files"
    )
    assert can_fix(from_text("-", "述法报告,内容。")) is None
    assert can_fix(from_text("r.txt", "述法报告,内容。")) is None


# --- writing back ---------------------------------------------------------------------------------


def test_write_back_keeps_mode_and_writes_through_a_symlink(tmp_path):
    target = tmp_path / "drafts" / "report.txt"
    target.parent.mkdir()
    target.write_bytes("本年度,我镇。\n".encode())
    target.chmod(0o640)
    link = tmp_path / "report.txt"
    link.symlink_to(target)
    source = from_text(str(link), target.read_text(encoding="utf-8"))
    write_back(FixOutcome(source, "本年度，我镇。\n"))
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "本年度，我镇。\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(target.parent) == ["report.txt"]  # no temporary file left behind


def test_write_back_refuses_text_the_encoding_cannot_hold(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"Report, 2025.\n")
    source = from_text(str(path), "Report, 2025.\n", encoding="ascii")
    with pytest.raises(InputError, match="cannot encode"):
        write_back(FixOutcome(source, "Report， 2025.\n"))
    assert path.read_bytes() == b"Report, 2025.\n"


def test_write_back_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("本年度,我镇。\n", encoding="utf-8")
    source = from_text(str(path), "本年度,我镇。\n")
    path.write_text("本年度,我镇已改。\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed since it was read"):
        write_back(FixOutcome(source, "本年度，我镇。\n"))
    assert path.read_text(encoding="utf-8") == "本年度,我镇已改。\n"


# --- the command line -----------------------------------------------------------------------------


def test_fix_on_the_seed_in_gb18030_with_crlf_keeps_encoding_and_line_ends(tmp_path):
    path = tmp_path / "seed-gb18030.txt"
    original = SEED_TEXT.replace("\n", "\r\n").encode("gb18030")
    path.write_bytes(original)

    code, _, stderr = run("--fix", str(path))
    assert code == 1  # sections, figures and redactions remain: they need a person, not a fix
    assert "SF701" in stderr and "SF601" in stderr

    fixed = path.read_bytes()
    text = fixed.decode("gb18030")  # still GB18030: not UTF-8
    with pytest.raises(UnicodeDecodeError):
        fixed.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # every break is still CRLF
    assert not text.endswith("\r\n")  # the seed has no final newline, nor does the fixed file
    assert not any(half_width_marks(line) for line in text.split("\r\n"))

    # differs only where fixes apply: unchanged lines are byte-identical, in order ...
    before_lines, after_lines = original.split(b"\r\n"), fixed.split(b"\r\n")
    seed_lines = SEED_TEXT.split("\n")
    # the three lines SF601 joins to the line before (述职述法…, 农村留守老人…, 汇报…)
    joined = [n for n, line in enumerate(seed_lines) if line.startswith(("述职述法", "农村留守老人", "汇报"))]
    untouched = [
        line.encode("gb18030")
        for n, line in enumerate(seed_lines)
        if not half_width_marks(line) and n not in joined and n + 1 not in joined
    ]
    kept = [
        line
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=before_lines, b=after_lines).get_opcodes()
        if tag == "equal"
        for line in before_lines[i1:i2]
    ]
    assert len(untouched) == 4 and [line for line in kept if line in untouched] == untouched
    assert len(after_lines) == len(before_lines) - len(joined)
    # ... and the only changes are full-width marks and the three removed breaks
    assert text.translate(TO_HALF_WIDTH).replace("\r\n", "") == SEED_TEXT.replace("\n", "")

    code, stdout, stderr = run("--fix", str(path))
    assert path.read_bytes() == fixed  # idempotent
    assert "nothing to fix" in run("--fix", "--lang", "en", str(path))[2]
    assert run("--diff", str(path))[:2] == (0, "")


@pytest.mark.parametrize("final_newline", ["", "\n"])
def test_fix_keeps_a_utf8_bom_and_the_final_newline_as_they_were(tmp_path, final_newline):
    path = tmp_path / "seed-bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (SEED_TEXT + final_newline).encode("utf-8"))
    run("--fix", str(path))
    fixed = path.read_bytes()
    assert fixed.startswith(b"\xef\xbb\xbf") and not fixed.startswith(b"\xef\xbb\xbf" * 2)
    text = fixed[3:].decode("utf-8")
    assert "\r" not in text
    assert text.endswith("\n") == bool(final_newline)
    assert "本年度，我始终以_新时代" in text


def test_diff_prints_the_fixes_and_writes_nothing(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    before = path.stat().st_mtime_ns

    code, stdout, stderr = run("--diff", "--lang", "en", str(path))
    assert code == 1
    assert path.read_text(encoding="utf-8") == SEED_TEXT and path.stat().st_mtime_ns == before
    assert stdout.startswith(f"--- {path}\n+++ {path}\n@@ ")
    assert "-(一)强化政治引领,压实法治建设“主体责任”。" in stdout
    assert "+（一）强化政治引领，压实法治建设“主体责任”。" in stdout
    assert "+二是严格落实年度述法要求。我带头向上级党委述职述法，并将各村（社区）" in stdout
    assert stdout.endswith("\\ No newline at end of file\n")
    assert "would fix 21 findings in 1 file (SF601 ×3, SF701 ×18)" in stderr
    assert "SF401" not in stderr  # restoring a redacted word is unsafe


def test_unsafe_fixes_restore_redactions_only_with_the_flag(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    run("--fix", str(path))
    assert "实践_法治思想" in path.read_text(encoding="utf-8")

    _, stdout, _ = run("--diff", "--unsafe-fixes", str(path))
    assert "+本年度，我始终以习近平新时代中国特色社会主义思想为指导" in stdout
    assert "实践_法治思想" in path.read_text(encoding="utf-8")

    run("--fix", "--unsafe-fixes", str(path))
    text = path.read_text(encoding="utf-8")
    assert "深刻领会和实践习近平法治思想" in text
    # figure placeholders are never filled in, by any fix
    assert text.count("*") == SEED_TEXT.count("*")


def test_fix_exits_0_when_everything_fixable_was_fixed_and_nothing_else_fails(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("本年度,我镇坚持高位谋划(统筹推进).\n", encoding="utf-8")
    code, stdout, stderr = run("--fix", "--select", "SF701", "--lang", "en", str(path))
    assert (code, stdout) == (0, "")
    assert "fixed 1 finding in 1 file (SF701 ×1)" in stderr
    assert path.read_text(encoding="utf-8") == "本年度，我镇坚持高位谋划（统筹推进）。\n"


def test_fix_reports_the_findings_left_in_the_fixed_text(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    code, stdout, _ = run("--fix", "--format", "concise", str(path))
    assert code == 1
    assert "SF701" not in stdout and "SF601" not in stdout
    # positions refer to the fixed file: after two joins, the 汇报 line's redaction moved up
    assert f"{path}:13:" in stdout and "司法_改革" not in stdout


def test_fix_in_markdown_changes_the_text_and_keeps_the_markup(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(
        "## 一、工作情况\n\n"
        "> (一)强化政治引领,压实责任。详见[通知](http://www.gov.cn/a,b)。我带头向上级党委\n"
        "> 述职述法,成效明显!\n\n"
        "```\nprint(1, 2)\n```\n"
        "<!-- 备注:草稿,勿改 -->\n",
        encoding="utf-8",
    )
    code, _, _ = run("--fix", "--select", "SF701,SF601", str(path))
    assert code == 0
    assert path.read_text(encoding="utf-8") == (
        "## 一、工作情况\n\n"
        "> （一）强化政治引领，压实责任。详见[通知](http://www.gov.cn/a,b)。我带头向上级党委述职述法，成效明显！\n\n"
        "```\nprint(1, 2)\n```\n"
        "<!-- 备注:草稿,勿改 -->\n"
    )


def test_fix_leaves_a_docx_untouched_and_says_so(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告")
    document.add_paragraph("本年度,我镇坚持高位谋划,统筹推进法治建设。")
    path = tmp_path / "report.docx"
    document.save(path)
    before = path.read_bytes()

    _, _, stderr = run("--fix", "--lang", "en", str(path))
    assert path.read_bytes() == before
    assert f"{path}: 1 fixable (SF701 ×1), but fixes are not applied to .docx files" in stderr
    _, stdout, _ = run("--diff", str(path))
    assert path.read_bytes() == before
    # the fixes shown against the paragraphs as read
    assert "-本年度,我镇坚持高位谋划,统筹推进法治建设。\n+本年度，我镇坚持高位谋划，统筹推进法治建设。\n" in stdout


def test_a_read_only_file_is_not_rewritten(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(REPORT, encoding="utf-8", newline="")
    draft.chmod(0o444)
    before = draft.read_bytes()
    code, _, stderr = run("--fix", str(draft))
    assert code == 2 and f"shufa-lint: {draft}: 文件只读，未写入" in stderr.splitlines()
    code, _, stderr = run("--fix", "--lang", "en", str(draft))
    assert code == 2 and f"shufa-lint: {draft}: is read-only; not written" in stderr.splitlines()
    assert draft.read_bytes() == before


def test_a_markdown_join_never_swallows_markup(tmp_path):
    path = tmp_path / "report.md"
    original = (
        "一是完善调解网络，全年调解纠纷\n![现场照片](img/a.png)共计384起。\n\n"
        "二是完善调解网络，全年调解纠纷\n[384起](http://x.cn/a)，成功率高。\n\n"
        "三是完善调解网络，全年调解纠纷\n共计384起。\n"
    )
    path.write_text(original, encoding="utf-8")
    run("--fix", "--select", "SF601", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "![现场照片](img/a.png)共计384起" in fixed and "[384起](http://x.cn/a)" in fixed
    assert "全年调解纠纷共计384起。" in fixed  # the plain continuation is joined


def test_diff_works_on_standard_input_and_honours_exit_zero():
    result = CliRunner().invoke(main, ["--diff", "-"], input="一是严格落实述法要求,我带头述职。\n")
    assert result.exit_code == 1 and "+一是严格落实述法要求，我带头述职。" in result.stdout
    result = CliRunner().invoke(main, ["--diff", "--exit-zero", "-"], input="一是严格落实述法要求,我带头述职。\n")
    assert result.exit_code == 0


def test_output_file_that_is_an_input_is_refused(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(REPORT.encode("utf-8"))
    code, _, stderr = run("--format", "json", "-o", str(draft), str(draft))
    assert code == 2 and "会被覆盖" in stderr
    assert draft.read_bytes() == REPORT.encode("utf-8")


def test_a_fix_whose_rule_still_reports_at_its_place_is_withheld():
    source = from_text("r.txt", "甲乙\n")

    def lint(current: SourceText):  # a rule that never agrees with its own fix
        return [finding([(1, 1, 1, 2, "乙" if current.raw_text.startswith("甲") else "甲")])]

    outcome = fix_source(source, lint(source), lint)
    assert outcome.converged and not outcome.changed and outcome.applied == []


def test_unsafe_fixes_alone_change_nothing_and_say_so(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    code, _, stderr = run("--unsafe-fixes", str(path))
    assert code == 1 and "--unsafe-fixes 只在与 --fix 或 --diff 同用时生效" in stderr
    assert path.read_text(encoding="utf-8") == SEED_TEXT
