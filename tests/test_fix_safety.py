"""A fix never damages a draft: numbered lines stay where they are, Markdown markup is never touched,
a second --fix changes nothing, files outside the linted tree are not rewritten, the encoding read is
the encoding written (issues 9 and 10)."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from shufa_lint.cli import main
from shufa_lint.document.markers import scan, starts_numbered
from shufa_lint.source.reader import read_bytes

from support import codes

# A 法治政府建设年度报告 typed with half-width punctuation; its first part ends in a half-width full stop
# and the second part heading is written 一.2024年… (a malformed marker directly before a digit).
GOVERNMENT_REPORT = (
    "某区人民政府2024年法治政府建设年度报告\r\n"
    "2024年,区政府坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,全面推进依法行政.\r\n"
    "一.2024年推进法治政府建设的主要举措和成效\r\n"
    "(一)健全依法决策机制.严格落实重大行政决策程序规定,全年审查重大行政决策事项12件,合法性审查率100%.\r\n"
    "(二)严格规范公正文明执法.全面推行行政执法三项制度,全年开展执法人员培训6场次,培训执法人员320人次.\r\n"
    "二.2024年党政主要负责人履行推进法治建设第一责任人职责情况\r\n"
    "区政府主要负责人带头学法,主持召开政府常务会议学法4次,听取法治政府建设工作汇报2次.\r\n"
    "三.2024年推进法治政府建设存在的不足和原因\r\n"
    "行政执法队伍专业化水平有待提高,部分执法人员运用法治思维解决问题的能力不强.\r\n"
    "四.2025年推进法治政府建设的主要安排\r\n"
    "持续深化依法行政,加强行政执法监督,全面提升法治政府建设水平.\r\n"
)


def run(*args):
    result = CliRunner().invoke(main, [*args])
    return result.exit_code, result.stdout, result.stderr


def headline(text_codes):
    return sorted(code for code, _line, _column in text_codes if code[2] in "123456")


# --- issue 9 item 2: a numbered line is never joined onto the line above ------------------------------


def test_a_part_marker_written_with_a_full_stop_before_a_digit_is_a_malformed_marker():
    (match,) = scan("一.2024年推进法治政府建设的主要举措和成效")
    assert (match.kind, match.ordinal, match.expected) == ("han", 1, "一、")
    assert scan("全年增长一.5个百分点") == []  # in running text it is not a heading


@pytest.mark.parametrize(
    "line",
    ["一.2024年推进", "一. 推进依法行政", "1、推进依法行政", "（一)推进依法行政", "(二）推进", "一，推进",
     "3)推进", "①推进依法行政", "第二部分 存在的问题", "二是推进", "【三】推进"],
)
def test_every_way_of_numbering_a_line_counts_as_numbered(line):
    assert starts_numbered(line)


@pytest.mark.parametrize("line", ["2024年推进", "1.5亿元用于", "3,000元", "十分重要", "一起研究", "（2024年）"])
def test_figures_and_words_at_a_line_start_are_not_numbering(line):
    assert not starts_numbered(line)


def test_fix_in_gb18030_with_crlf_never_joins_a_part_heading_onto_the_paragraph_above(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(GOVERNMENT_REPORT.encode("gb18030"))
    before = headline(codes(GOVERNMENT_REPORT))
    assert ("SF204", 3, 1) in codes(GOVERNMENT_REPORT, "SF204")  # the document model sees the marker
    run("--fix", str(path))
    fixed = path.read_bytes().decode("gb18030")
    assert "\r\n一.2024年推进法治政府建设的主要举措和成效\r\n" in fixed or "\r\n一、2024年推进" in fixed
    assert fixed.count("\r\n") == GOVERNMENT_REPORT.count("\r\n")
    after = headline(codes(fixed))
    assert all(after.count(code) <= before.count(code) for code in after)


@pytest.mark.parametrize("numbered", ["1)执法程序不够规范。", "一，执法程序不够规范。", "①执法程序不够规范。", "第一部分 执法程序"])
def test_a_broken_line_before_a_malformed_marker_is_reported_but_not_joined(tmp_path, numbered):
    text = f"二、存在问题\n部分执法人员对证据收集、文书制作等程序规范掌握不精，运用法治思维解决问题的\n{numbered}\n"
    assert ("SF601", 2, 37) in codes(text, "SF601")
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    run("--fix", "--select", "SF601", str(path))
    assert path.read_text(encoding="utf-8") == text


# --- issue 9 item 3: Markdown markup is never touched; fixes converge ---------------------------------

MARKDOWN_REPORT = """# 某镇2024年度述法报告

## 一、工作情况

本年度组织专题学法12次,![学法现场](img/a.png)参训干部320人次。
全年开展普法活动,`普法` 进村入户36场次。
全年审查合同58份,<!-- shufa-lint disable SF301 -->合法性审查率100%。
详见,[工作台账](http://www.example.cn/a)及附件。
推进“法治示范村”创建, **重点** 打造示范点3个。

## 二、存在问题

基层执法力量不足。

## 三、下一步打算

持续加强法治宣传教育。
"""


def test_the_punctuation_fix_keeps_images_code_comments_links_and_emphasis(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(MARKDOWN_REPORT, encoding="utf-8")
    run("--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    for markup in ("![学法现场](img/a.png)", "`普法`", "<!-- shufa-lint disable SF301 -->",
                   "[工作台账](http://www.example.cn/a)", "**重点**"):
        assert markup in fixed
    assert "12次，![学法现场]" in fixed and "58份，<!--" in fixed and "详见，[工作台账]" in fixed
    # and nothing left to do: a second run changes nothing
    run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == fixed


@pytest.mark.parametrize("crlf", [False, True])
def test_a_second_fix_changes_nothing(tmp_path, crlf):
    path = tmp_path / "draft.txt"
    text = "正.作\n作\n作\n作\n所\n．"
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode())
    run("--fix", str(path))
    once = path.read_bytes()
    run("--fix", str(path))
    assert path.read_bytes() == once


# --- issue 10 item 8: symlinks out of the tree, group, setgid, extended attributes, hard links ---------


def draft_with_a_comma(path):
    path.write_text("二是严格落实述法要求,我带头述职述法。\n", encoding="utf-8")


def test_fix_does_not_write_through_a_symlink_leaving_the_tree_unless_asked(tmp_path):
    outside = tmp_path / "elsewhere" / "shared.txt"
    outside.parent.mkdir()
    draft_with_a_comma(outside)
    tree = tmp_path / "drafts"
    tree.mkdir()
    (tree / "linked.txt").symlink_to(outside)
    (tree / "folder").symlink_to(outside.parent, target_is_directory=True)
    before = outside.read_bytes()
    code, _, stderr = run("--fix", "--lang", "en", str(tree))
    assert outside.read_bytes() == before
    assert stderr.count("a symlink leads outside the linted folders") == 2
    run("--fix", "--fix-through-symlinks", str(tree / "linked.txt"))
    assert "述法要求，我" in outside.read_text(encoding="utf-8")


def test_a_symlink_inside_the_tree_is_fixed_through(tmp_path):
    real = tmp_path / "drafts" / "2024" / "report.txt"
    real.parent.mkdir(parents=True)
    draft_with_a_comma(real)
    (tmp_path / "drafts" / "latest.txt").symlink_to(real)
    run("--fix", str(tmp_path / "drafts" / "latest.txt"))  # the folder named holds the target too
    assert (tmp_path / "drafts" / "latest.txt").is_symlink()
    assert "述法要求，我" in real.read_text(encoding="utf-8")


def test_fix_keeps_the_setgid_bit_group_and_extended_attributes(tmp_path):
    path = tmp_path / "draft.txt"
    draft_with_a_comma(path)
    os.chmod(path, 0o2664)
    try:
        os.setxattr(path, "user.shufa", b"reviewed")
    except OSError:
        pytest.skip("no user extended attributes on this file system")
    group = path.stat().st_gid
    run("--fix", str(path))
    assert "，" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o2664
    assert path.stat().st_gid == group
    assert os.getxattr(path, "user.shufa") == b"reviewed"


def test_fix_says_when_a_hard_link_will_be_broken(tmp_path):
    path = tmp_path / "draft.txt"
    draft_with_a_comma(path)
    os.link(path, tmp_path / "copy.txt")
    _, _, stderr = run("--fix", "--lang", "en", str(path))
    assert f"{path}: has other hard links; they keep the text as it was" in stderr


# --- issue 10 item 13: one encoding and one verdict for lint and --fix --------------------------------


def test_a_short_gb18030_text_of_rare_characters_is_read_as_gb18030():
    for text in ("縐靤穌籝。\n", "妟飏廣脀，堃喆淼犇。\n", "尠藥鸤髕\n"):
        source = read_bytes("a.txt", text.encode("gb18030"))
        assert (source.encoding, source.raw_text) == ("gb18030", text)


def test_big5_is_still_read_as_big5():
    text = "依法治國，建設法治政府，推進嚴格規範公正文明執法。\n"
    assert read_bytes("a.txt", text.encode("big5")).encoding == "big5"


def test_fix_on_rare_characters_in_gb18030_writes_gb18030(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes("縐靤穌籝,妟飏廣脀。\n".encode("gb18030"))
    run("--fix", str(path))
    assert path.read_bytes().decode("gb18030") == "縐靤穌籝，妟飏廣脀。\n"


def test_a_draft_at_the_control_character_threshold_is_fixed_not_called_binary(tmp_path):
    # 1 % control characters: text when read; the fix removes a space, which must not make it binary
    line = "二是严格落实述法要求, 我带头述职述法。\x07" + "全面推进依法行政工作取得实效，各项任务完成。" * 3
    text = (line + "各" * (99 - len(line)) + "\n") * 10
    assert text.count("\x07") == len(text) * 0.01
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    code, stdout, stderr = run("--fix", str(path))
    assert "not a text file" not in stderr and "二进制" not in stderr
    assert "述法要求，我" in path.read_text(encoding="utf-8")


def test_a_filtered_word_after_a_line_broken_inside_a_word_lints_and_fixes():
    # found by the fix property: a gap no dictionary word fills, right after a line break
    text = "二、存在问题\n切实维护了弱\n势_的合法权益。\n"
    assert [code for code, _line, _column in codes(text, "SF4")] == ["SF401"]
