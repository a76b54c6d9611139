"""Markdown drafts: read as the structure they show, on the file's own lines and columns."""

from __future__ import annotations

import pytest

from shufa_lint.source.markdown import parse_markdown

DRAFT = """---
title: 述法报告
author: 某镇党委
---
# 2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告

<!-- shufa-lint disable SF301 -->
## 一、工作情况 ##
### （一）强化政治引领
- 一是坚持学习**法治思想**。
* [x] 二是落实述法要求。
> 三是健全工作机制，详见[附件1](附件1.md)和![图](chart.png)。
**（二）聚焦依法行政。**全年办理行政复议案件12件。
```text
SF301 这里是代码，不是报告
```
    example_config = True
    　　本年度，我们组织专题学习研讨12次。
二、存在问题
========
<!-- 审核意见：
数字待核实 -->三、整改措施
正文<!-- 行内批注 -->继续。
***
"""


def parse(text: str = DRAFT):
    return parse_markdown("report.md", text)


def test_every_source_line_stays_one_line():
    source = parse()
    assert len(source.lines) == len(DRAFT.splitlines())
    assert [origin.line for origin in source.origins] == list(range(1, len(DRAFT.splitlines()) + 1))


def test_headings_and_list_items_read_as_the_structure_they_show():
    lines = parse().lines
    assert lines[4] == "2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告"
    assert lines[7] == "一、工作情况"
    assert lines[8] == "（一）强化政治引领"
    assert lines[9] == "一是坚持学习法治思想。"  # emphasis is markup
    assert lines[10] == "二是落实述法要求。"
    assert lines[11] == "三是健全工作机制，详见附件1和。"
    assert lines[12] == "（二）聚焦依法行政。全年办理行政复议案件12件。"
    assert lines[18] == "二、存在问题"


def test_front_matter_code_breaks_underlines_and_comments_are_blank():
    lines = parse().lines
    blank = [0, 1, 2, 3, 6, 13, 14, 15, 16, 19, 20, 23]
    assert [lines[index] for index in blank] == [""] * len(blank)
    assert lines[21] == "三、整改措施"  # the text after a comment that closes mid-line


def test_indented_chinese_prose_is_text_but_indented_code_is_not():
    lines = parse().lines
    assert lines[16] == ""
    assert lines[17] == "    　　本年度，我们组织专题学习研讨12次。"


def test_inline_comment_is_cut_out_of_the_line():
    source = parse()
    assert source.lines[22] == "正文继续。"
    assert source.locate(23, 3) == (23, 16)  # 继 stands after the comment in the file


def test_comment_texts_are_kept_with_their_lines_for_directives():
    assert parse().comments == ((7, "shufa-lint disable SF301"), (21, "审核意见：\n数字待核实"), (23, "行内批注"))


def test_every_character_maps_back_to_the_same_character_in_the_file():
    source = parse()
    file_lines = DRAFT.splitlines()
    for number, line in enumerate(source.lines, 1):
        for column, char in enumerate(line, 1):
            file_line, file_column = source.locate(number, column)
            assert file_lines[file_line - 1][file_column - 1] == char, (number, column)


def test_unclosed_fence_runs_to_the_end():
    source = parse("一、工作情况\n```\n代码\n")
    assert source.lines == ("一、工作情况", "", "")


def test_unclosed_comment_runs_to_the_end_and_is_kept():
    source = parse("一、工作情况<!-- 未完\n二、存在问题\n")
    assert source.lines == ("一、工作情况", "")
    assert source.comments == ((1, "未完\n二、存在问题"),)


def test_a_line_of_dashes_alone_is_not_front_matter_without_a_closing_line():
    source = parse("---\n一、工作情况\n")
    assert source.lines == ("", "一、工作情况")


def test_redaction_marks_that_look_like_markup_are_kept():
    # 研讨**次 is a figure removed by a filter, not bold text; _ marks a removed word
    source = parse("- 组织专题学习研讨**次，学习_法治思想。\n")
    assert source.lines == ("组织专题学习研讨**次，学习_法治思想。",)


def test_encoding_details_are_recorded():
    source = parse_markdown("a.md", "\ufeff# 一、工作情况\r\n正文。\r\n", encoding="utf-8")
    assert source.bom and source.newline == "\r\n" and source.final_newline
    assert source.raw_text == "# 一、工作情况\r\n正文。\r\n"
    assert source.kind == "markdown" and source.lines == ("一、工作情况", "正文。")


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("全年审查文件**12**件。", "全年审查文件12件。"),
        ("坚持*依法行政*原则，强调 __重点__ 工作。", "坚持依法行政原则，强调 重点 工作。"),
        ("详见`附件`和[**台账**](http://a.cn/x_y_z)。", "详见和台账。"),
        # placeholders and redactions are text: a * before a measure word, _ inside a word, * across a clause
        ("组织学习**次，调解**起。", "组织学习**次，调解**起。"),
        ("深入学习_法治思想，贯彻_新时代要求。", "深入学习_法治思想，贯彻_新时代要求。"),
        ("深入学习*法治思想，贯彻*新时代要求。", "深入学习*法治思想，贯彻*新时代要求。"),
    ],
)
def test_inline_emphasis_code_and_links_are_markup_and_columns_stay_right(line, text):
    source = parse_markdown("a.md", line + "\n")
    assert source.lines[0] == text
    for column, char in enumerate(text, 1):
        assert line[source.locate(1, column)[1] - 1] == char


def test_bold_figures_in_markdown_are_not_placeholders():
    from shufa_lint.engine import lint_source
    from shufa_lint.settings import Settings

    draft = "## 一、工作情况\n\n全年审查文件**12**件，组织学习**次。\n"
    found = [(d.code, d.line) for d in lint_source(parse_markdown("a.md", draft), Settings(select=("SF3",)))]
    assert found == [("SF301", 3)]  # the 学习**次 placeholder only
