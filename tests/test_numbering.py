"""SF2xx: numbering skips, repeats, late starts and malformed markers."""

from support import codes, lint

TITLE = "2025年度县长履行推进法治建设第一责任人职责情况的报告\n"


def test_skip_in_bracketed_headings():
    text = TITLE + "一、工作情况\n（一）强化领导。内容。\n（四）保障公正。内容。\n"
    assert codes(text, "SF2") == [("SF201", 4, 1)]
    assert "缺少“（二）”“（三）”" in lint(text, "SF201")[0].message.zh


def test_skip_in_run_in_items():
    text = TITLE + "（一）强化领导。一是加强学习。二是压实责任。四是健全机制。\n"
    assert codes(text, "SF2") == [("SF201", 2, 23)]


def test_repeat_in_one_group_across_paragraphs():
    text = TITLE + "（一）强化领导。一是加强学习。\n二是压实责任。\n三是健全机制。\n三是强化阵地建设。\n四是加强教育。\n"
    assert codes(text, "SF2") == [("SF202", 5, 1)]
    assert "前一个在第 4 行" in lint(text, "SF202")[0].message.zh


def test_group_that_starts_late():
    text = TITLE + "（一）持续深化理论武装，全面提升领导能力。二是开展专项行动。三是完善配套机制。\n"
    assert codes(text, "SF2") == [("SF203", 2, 22)]


def test_checked_in_the_embedded_outline_too():
    text = "【提纲】一、工作情况。(一)强化引领。二是述法。三是考核。\n" + TITLE + "一、工作情况\n"
    found = lint(text, "SF2")
    assert [(d.code, d.line) for d in found] == [("SF203", 1)]
    assert found[0].message.zh.startswith("提纲中")


def test_malformed_markers_with_fixes():
    text = TITLE + "一.工作情况\n（一）、强化领导\n1、规范决策\n一是，加强学习。\n"
    found = lint(text, "SF204")
    assert [(d.line, d.column, d.fix.edits[0].content) for d in found] == [
        (2, 1, "一、"), (3, 1, "（一）"), (4, 1, "1."), (5, 1, "一是")
    ]
    assert all(d.fix.safe for d in found)


def test_clean_styles_real_reports_use():
    text = TITLE + (
        "一、2022年主要举措和成效\n"
        "（一）以学习贯彻为主线\n1.高标准学习。内容。\n2.高质量推进。内容。\n3.高强度落实。内容。\n"
        "（二）以改革为驱动\n4.平稳承接赋权。内容。\n5.优化营商环境。内容。\n"  # Arabic numbered on
        "二、存在问题\n1.队伍不足。内容。\n"  # 1. directly under 二、
        "三、下一步打算\n主要有：一是加强领导；二是完善制度；三是强化监督。\n"  # chained with semicolons
        "（一）坚持学法\n一是学法。\n（二）依法决策\n一是决策。二是审查。\n"  # items restart per heading
    )
    assert codes(text, "SF2") == []


def test_unnumbered_headings_are_not_numbering_errors():
    text = TITLE + "坚持高位推动 法治政府建设责任不断强化\n加强统筹谋划。县委多次研究。\n深化宣传教育 全民法治意识不断增强\n"
    assert codes(text, "SF2") == []


def test_numbered_lists_inside_sentences_do_not_disturb_heading_numbering():
    text = TITLE + (
        "一、工作情况\n（一）强化学习。重点学习：（一）宪法；（二）民法典。\n"
        "（二）规范决策。具体要求：1.合法性审查；2.集体讨论。\n（三）严格执法。内容。\n"
    )
    assert codes(text, "SF2") == []
