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


# A whole short report in the style of a town's 述法报告: its headings and closing lines stand alone,
# and one of them (回顾 | 过去) even reads as one word across its line end with the next line.
WORD_SPLIT_REPORT = """2025年度西河镇党委书记履行推进法治建设第一责任人职责情况的报告
一、2025年工作回顾
过去一年，镇党委坚持把法治建设摆在全局工作的重要位置，全年召开专题会议4次。
（一）强化学习
一是加强党对法治建设的领导，成立镇全面依法治镇委员会，研究部署年度重点工作。
二是坚持领导干部带头学法，全年开展党委理论学习中心组学法12次。
二、存在问题
基层执法力量仍显薄弱，部分村干部法治意识有待提高。
三、下一步打算
持续推进法治乡村建设，力争年内创建省级民主法治示范村1个。
西河镇党委
2026年1月10日
"""


def test_lines_that_stand_alone_and_end_in_whole_words_are_not_broken():
    assert codes(WORD_SPLIT_REPORT, "SF6") == []


def test_a_short_line_that_stops_inside_a_word_is_a_broken_line_with_an_unsafe_join():
    broken = WORD_SPLIT_REPORT.replace("一是加强党对法治建设的领导", "一是加强党对法\n治建设的领导")
    (diagnostic,) = lint(broken, "SF6")
    assert (diagnostic.code, diagnostic.line) == ("SF601", 5)
    assert diagnostic.fix is not None and not diagnostic.fix.safe  # a join it cannot be sure of
    heading = WORD_SPLIT_REPORT.replace("（一）强化学习", "（一）强化学\n习")
    assert codes(heading, "SF6") == []  # the next line stands alone too: a heading split there is not read
    opening = WORD_SPLIT_REPORT.replace("过去一年，镇党委坚持", "过去一年，镇党委坚\n持")
    assert [d.line for d in lint(opening, "SF601")] == [3]


RUN_IN_ITEMS = """2025年度东湖街道党工委书记述法报告
一、履职情况
（一）强化学习。党工委理论学习中心组集中学法6次，带动社区干部学法用法。
（二）规范决策。重大事项全部经合法性审查，全年审查合同21份。
（三）化解纠纷。调处各类矛盾纠纷138件，调解成功率98.5%。
二、存在问题
社区法律顾问服务时间不足。
三、下一步打算
持续深化法治街道建设。
"""


def test_items_written_alike_are_not_unfinished():
    assert codes(RUN_IN_ITEMS, "SF6") == []
    as_headings = RUN_IN_ITEMS.replace("。党工委", "\n党工委").replace("。重大", "\n重大").replace("。调处", "\n调处")
    assert codes(as_headings, "SF6") == []  # every item a heading of its own, its text below


def test_an_item_that_stops_before_a_heading_where_its_siblings_run_on_was_cut():
    cut_before_heading = RUN_IN_ITEMS.replace("（三）化解纠纷。调处各类矛盾纠纷138件，调解成功率98.5%。", "（三）化解纠纷调处各类")
    assert [(d.code, d.line) for d in lint(cut_before_heading, "SF6")] == [("SF602", 5)]
    # before a line, an item on a line of its own may only be a heading written another way
    written_apart = RUN_IN_ITEMS.replace("（二）规范决策。重大事项", "（二）规范决策\n重大事项")
    assert codes(written_apart, "SF6") == []
