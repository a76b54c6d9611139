"""The document model: numerals, markers, paragraphs, heading tree, title and embedded outline."""

import pytest

from shufa_lint.document.markers import ARABIC, HAN, ITEM, PAREN_ARABIC, PAREN_HAN, scan
from shufa_lint.document.numerals import parse_chinese, to_chinese
from shufa_lint.document.text import ends_sentence
from support import document


@pytest.mark.parametrize(
    "text, value",
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("九十九", 99), ("一百零一", 101)],
)
def test_chinese_numerals_round_trip(text, value):
    assert parse_chinese(text) == value
    if value < 100:
        assert to_chinese(value) == text


@pytest.mark.parametrize("text", ["", "二三", "甲", "十十"])
def test_not_numerals(text):
    assert parse_chinese(text) is None


@pytest.mark.parametrize(
    "text, kind, ordinal",
    [
        ("一、工作情况", HAN, 1),
        ("（二）聚焦依法行政", PAREN_HAN, 2),
        ("(三)深化普法教育", PAREN_HAN, 3),  # half-width brackets, as the seed writes them
        ("4.高质量推进", ARABIC, 4),
        ("4．高质量推进", ARABIC, 4),
        ("（5）强化监督", PAREN_ARABIC, 5),
        ("十一是完善制度", ITEM, 11),
        ("二十、其他", HAN, 20),
    ],
)
def test_marker_kinds(text, kind, ordinal):
    found = scan(text)
    assert found and found[0].start == 0
    assert (found[0].kind, found[0].ordinal, found[0].expected) == (kind, ordinal, None)


@pytest.mark.parametrize(
    "text, expected",
    [("一.工作情况", "一、"), ("（一）、强化引领", "（一）"), ("1、规范决策", "1."), ("一是，加强领导", "一是")],
)
def test_malformed_markers_know_their_standard_form(text, expected):
    assert scan(text)[0].expected == expected


@pytest.mark.parametrize(
    "text",
    [
        "增长了3.5个百分点。",
        "依照第二十条(一)项规定办理。",
        "全年开展1、2、3季度督查。",
        "统一是基础。",  # 一是 inside a word, not after a sentence boundary
        "2025年,全县坚持依法行政。",
    ],
)
def test_no_marker_in_running_text(text):
    assert scan(text) == []


def test_run_in_markers_after_sentence_boundaries():
    found = scan("主要有：一是加强领导；二是完善制度。三是强化监督。")
    assert [(m.kind, m.ordinal) for m in found] == [(ITEM, 1), (ITEM, 2), (ITEM, 3)]


def test_bracketed_heading_run_into_a_heading_is_found():
    found = scan("一、以思想引领为先导,在深学笃行中凝聚法治共识(一)强化理论武装,筑牢法治根基。")
    assert [(m.kind, m.ordinal) for m in found] == [(HAN, 1), (PAREN_HAN, 1)]


DRAFT = """\
2024年度镇长履行推进法治建设第一责任人职责情况的报告
一、履职情况
（一）强化组织领导。一是健全工作机制，成立领导小组。二是压实责任，我带头向县委
述职述法，接受评议。
1.规范决策
（二）深化普法宣传
二、存在问题
基层执法力量不足。
西山镇镇长 王明
2025年1月"""


def test_broken_line_joins_its_paragraph_and_keeps_positions():
    doc = document(DRAFT)
    paragraph = next(p for p in doc.paragraphs if p.first_line == 3)
    assert paragraph.last_line == 4
    assert "县委述职述法" in paragraph.text
    offset = paragraph.text.index("述职述法")
    assert paragraph.position(offset) == (4, 1)
    assert paragraph.joints == [3]


def test_headings_titles_and_signatures_stand_alone():
    doc = document(DRAFT)
    firsts = [(p.first_line, p.last_line) for p in doc.paragraphs]
    assert (2, 2) in firsts and (7, 7) in firsts and (9, 9) in firsts and (10, 10) in firsts


def test_title_year_and_heading_tree():
    doc = document(DRAFT)
    assert doc.title.line == 1 and doc.title.year == 2024
    (first, second) = doc.body.roots
    assert (first.label, first.text) == ("一、", "履职情况")
    assert [c.label for c in first.children] == ["（一）", "（二）"]
    items = first.children[0].children
    assert [m.label for m in items] == ["一是", "二是", "1."]  # 1. is a child of （一）, after its run-in items
    assert items[0].text == "健全工作机制，成立领导小组"
    assert (items[1].line, items[1].column) == (3, 27)
    assert second.text == "存在问题"


def test_embedded_outline_on_one_line():
    doc = document("【提纲】一、工作情况。(一)强化引领。一是学习。二是述法。二、存在问题。\n2025年度述法报告\n一、工作情况\n")
    tree = doc.outline.tree
    assert [m.heading for m in tree.markers] == ["一、工作情况", "（一）强化引领", "一是学习", "二是述法", "二、存在问题"]
    assert tree.markers[1].column == 12  # after 【提纲】一、工作情况。
    assert doc.title.line == 2
    assert [m.heading for m in doc.body.markers] == ["一、工作情况"]


def test_embedded_outline_over_several_lines():
    doc = document("【提纲】\n一、工作情况\n（一）强化引领\n二、存在问题\n2025年度述法报告\n正文。")
    assert [m.heading for m in doc.outline.tree.markers] == ["一、工作情况", "（一）强化引领", "二、存在问题"]
    assert doc.outline.last_line == 4 and doc.title.line == 5


@pytest.mark.parametrize(
    "text",
    ["主要包括：（一）宪法；（二）民法典。", "具体要求：1.规范决策；2.严格执法。", "分为两类；一、行政类；二、司法类。"],
)
def test_numbered_lists_inside_a_sentence_are_not_headings(text):
    assert scan(text) == []


def test_a_preface_that_runs_into_the_first_heading():
    """Line breaks lost: 报告如下：一、履职情况 still opens part 一."""
    assert [(m.kind, m.ordinal) for m in scan("现将有关情况报告如下：一、履职情况")] == [(HAN, 1)]


@pytest.mark.parametrize("text", ["一、二季度，全镇集中开展排查。", "一、二等奖各评选3名。"])
def test_numbers_that_are_not_headings(text):
    assert scan(text) == []


def test_run_in_items_after_a_comma():
    found = scan("全年组织学法，一是会前学法12次；二是专题培训3期。")
    assert [(m.kind, m.ordinal) for m in found] == [(ITEM, 1), (ITEM, 2)]


def test_headings_run_on_after_a_full_stop():
    found = scan("一、工作情况。(一)强化引领。1.学习。")
    assert [(m.kind, m.ordinal) for m in found] == [(HAN, 1), (PAREN_HAN, 1), (ARABIC, 1)]


@pytest.mark.parametrize(
    "line, ends",
    [
        ("全年发放低保金1.36亿元。（责任处室：民政处）", True),  # a note after the full stop
        ("做到有件必备、有备必审、有错必纠。（牵头单位：县司法局；责任单位：各乡镇）", True),
        ("进一步加强学习,继续努力.", True),  # a half-width full stop after Chinese text
        ("审查率达*%.", True),
        ("全年审查文件12件（其中规章3件）", False),  # a bracket inside a sentence that goes on
        ("详见附件1.", False),  # after a digit: an item number or a decimal point
        ("按照《行政处罚法》第32条...", False),
        ("主要原因是专业人才缺乏（详见", False),
    ],
)
def test_where_a_sentence_ends(line, ends):
    assert ends_sentence(line) is ends


def test_a_glossary_item_before_a_number_is_the_next_item_not_a_decimal():
    doc = document("有关名词解释\n1.两个率先：指率先转型。\n2.五个一批：指签约一批。\n3.一网通办：指一个平台办理。\n4.7个100%：指七项落实率均达100%。\n")
    assert [(m.label, m.text[:4]) for m in doc.markers] == [("1.", "两个率先"), ("2.", "五个一批"), ("3.", "一网通办"), ("4.", "7个10")]


def test_web_page_furniture_above_the_title_is_not_the_title():
    doc = document("当前位置：首页 > 政务公开 > 法治政府建设\n索引号：113301/2025-00012\n发布机构：溪川县人民政府办公室\n"
                   "发布时间：2025-03-20\n溪川县2024年度法治政府建设情况报告\n2024年，我县扎实推进法治政府建设。\n")
    assert doc.title.text == "溪川县2024年度法治政府建设情况报告" and doc.title.line == 5


def test_an_opening_that_ends_in_a_colon_is_not_a_title():
    assert document("现将有关情况报告如下：\n一、2024年主要工作情况\n全年审核文件21件。\n").title is None


def test_a_one_line_outline_splits_at_part_markers_separated_by_spaces():
    outline = document(
        "【提纲】一、工作情况 （一）强化学习 （二）依法决策 （三）加强法治宣传教育 二、存在的问题 三、下一步工作打算\n"
        "2024年度某局主要负责人履行推进法治建设第一责任人职责情况的报告\n"
        "一、工作情况\n"
    ).outline
    assert [(m.label, m.text) for m in outline.tree.markers] == [
        ("一、", "工作情况"), ("（一）", "强化学习"), ("（二）", "依法决策"), ("（三）", "加强法治宣传教育"),
        ("二、", "存在的问题"), ("三、", "下一步工作打算"),
    ]
    # after a space in running text, numbers are not headings
    assert document("全面完成 二、三季度任务，获评 一、二等奖。\n").markers == []


def test_a_glossary_opening_with_a_count_after_its_first_number_is_a_list_from_1():
    glossary = "有关名词解释\n1.4个100%：指行政执法公示、全过程记录、法制审核、备案审查四个100%。\n2.首违不罚：指初次违法且危害后果轻微的，可以不予行政处罚。\n"
    tree = document(glossary).body
    assert [(m.kind, m.ordinal) for m in tree.markers] == [(ARABIC, 1), (ARABIC, 2)]
