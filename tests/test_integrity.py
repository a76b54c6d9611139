"""SF6xx: lines broken mid-sentence, and text cut off or cut out."""

from support import codes, lint

TITLE = "2025年度镇长履行推进法治建设第一责任人职责情况的报告\n"


def test_broken_line_reported_on_the_line_that_stops_with_a_join_fix():
    text = TITLE + "二是严格落实述法要求。我带头向上级党委\n述职述法，接受评议。\n"
    (diagnostic,) = lint(text, "SF6")
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("SF601", 2, 19)
    (edit,) = diagnostic.fix.edits
    assert (edit.line, edit.column, edit.end_line, edit.end_column, edit.content) == (2, 20, 3, 1, "")


def test_lines_that_stand_alone_are_not_broken():
    text = (
        TITLE
        + "西山镇党委书记、镇长 王明\n2025年2月\n"
        + "一、履职情况\n（一）深学笃行习近平法治思想，全面贯彻依法治国战略部署\n内容完整。\n"
        + "坚持高位推动 法治政府建设责任不断强化\n加强统筹谋划。县委研究部署。\n"
        + "| [ 索引号 ] | 1150023/2026-00009 |\n| [ 发文字号 ] | 无 |\n"
        + "针对下列问题，开展专项整治：\n清理规范性文件1件；\n修改村规民约5项。\n"
    )
    assert codes(text, "SF6") == []


def test_document_ending_mid_sentence_or_in_an_ellipsis():
    assert codes(TITLE + "一、工作情况\n重点培训运用法律手段处理邻里纠纷、农地流转、环", "SF602") == [("SF602", 3, 23)]
    assert codes(TITLE + "一、工作情况\n重点培训处理邻里纠纷等 ……", "SF602")[0][:2] == ("SF602", 3)


def test_heading_left_alone_at_the_end_means_the_text_was_cut():
    assert codes(TITLE + "二、存在问题\n（一）法治队伍建设仍需加强\n专业", "SF602") == [("SF602", 4, 2)]


def test_closing_signature_is_not_a_cut():
    assert codes(TITLE + "一、工作情况\n全年工作完成。\n西山镇人民政府\n2025年3月1日", "SF602") == []


def test_paragraph_ending_in_an_ellipsis_mid_document():
    found = codes(TITLE + "一、工作情况\n高标准推进……\n二、存在问题\n力量不足。", "SF602")
    assert found == [("SF602", 3, 7)]


def test_jump_to_unrelated_content_after_a_heading_breaks_off():
    text = (
        "【提纲】一、工作情况。(一)强化引领。一是严格落实述法要求。二是健全党领导法治建设的工作机制。三是强化阵地建设。\n"
        + TITLE
        + "一、工作情况\n（一）强化引领。一是严格落实述法要求。内容完整。二是健全党领导法治建设的\n"
        + "充分利用新媒体平台开展线上普法，效果良好。\n三是强化阵地建设。内容。\n"
    )
    found = lint(text, "SF6")
    assert [(d.code, d.line) for d in found] == [("SF602", 4)]
    assert "无关内容" in found[0].message.zh


def test_heading_completed_on_the_next_line_is_only_a_broken_line():
    text = (
        "【提纲】一、工作情况。(一)强化引领。一是严格落实述法要求。二是健全党领导法治建设的工作机制。\n"
        + TITLE
        + "一、工作情况\n（一）强化引领。一是严格落实述法要求。内容完整。二是健全党领导法治建设的\n"
        + "工作机制。成立领导小组。\n"
    )
    assert [(d.code, d.line) for d in lint(text, "SF6")] == [("SF601", 4)]


def test_outline_cut_off():
    text = "【提纲】一、工作情况。(一)强化引领。一是完善公共法\n" + TITLE + "一、工作情况\n内容。\n"
    assert [(d.code, d.line) for d in lint(text, "SF6")] == [("SF602", 1)]


def test_a_sentence_that_runs_into_a_heading_was_cut():
    text = TITLE + "一、工作情况\n（一）强化领导。一是健全机制。二是落实述\n（二）推进依法行政。内容。\n"
    assert [(d.code, d.line) for d in lint(text, "SF6")] == [("SF602", 3)]


def test_heading_lines_followed_by_headings_are_not_cut():
    text = TITLE + "一、工作情况\n（一）强化领导\n1.健全机制。内容。\n（二）推进依法行政\n内容。\n"
    assert codes(text, "SF6") == []


def test_copy_paste_break_inside_a_reworded_heading_is_only_a_broken_line():
    text = (
        "【提纲】一、工作情况。(一)强化引领。一是严格落实述法要求。二是深化行政执法协调监督。\n" + TITLE
        + "一、工作情况\n（一）强化引领。一是严格落实述法要求。内容完整。二是深化行政执法\n监督。成立领导小组。\n"
    )
    assert [(d.code, d.line) for d in lint(text, "SF6")] == [("SF601", 4)]


def test_a_part_heading_cut_short_into_another_passage():
    text = (
        "【提纲】一、工作情况。(一)强化引领。二、存在的问题。(一)学法不够系统。三、整改措施。\n" + TITLE
        + "一、工作情况\n（一）强化引领。内容完整。\n二、存在的\n停留在会议传达层面，能力不足。\n三、整改措施\n加强学习。\n"
    )
    found = lint(text, ("SF1", "SF6"))
    assert [(d.code, d.line) for d in found] == [("SF602", 5)]  # not SF601, and 存在问题 is not missing
