"""Thirteen whole clean reports in styles the earlier QA passes lack (tests/fixtures/qa_clean5/, written for
these tests): a 司法局 report saved from a government website with its metadata block (索引号, 发布机构,
发布日期, 来源, 字号) and its footer (主办单位, 网站标识码, ICP备案), a 省级厅 report in 1. items with (1) (2)
sub-items, a 县委依法治县办 annual summary, a village party secretary's plain 述法 in 一是 二是, a town's report
in 公文 form (版头 with 文件, 发文字号 and 签发人, 主送 县委、县政府：, 抄送, 印发), a report numbered 一、 1. (1)
with (1)……(2)…… run in, a 开发区管委会 report, a 述法 citing many law articles (第八十三条第三项), a report with
English abbreviations and half-width and full-width brackets mixed, one with ①② note markers and 注：
notes, a 述法评议会 transcript in 问：… 答：…, a 述法 in 一方面 另一方面 and 一要 二要 三要, and a report with a
Markdown table of figures with blank cells. The drafts made from them with defects put in are tested with
the earlier ones (tests/test_qa_defects2.py, tests/fixtures/qa_defects5/).

None may give a headline finding (warning or error); each class of false alarm they showed has its
must-not-flag test here, next to the defect the rule still catches: a saved page's footer below the
signing date, a town's 站所, a 述法评议会 whose problems and plans are answers to the reviewers' questions,
and (no finding, but a report checked without its year) a 公文's 版头 above its title. Two defects put
in the drafts were missed and are found now, with the same kind of test: a list numbered 一要，二要，…
in the text that repeats or skips, and a figure dropped after 辖区 (对辖区家重点企业); two more that
scripts/injection_recall.py put in these reports: a figure dropped before a note's mark (纠错案件件④。)
and after 剩下 (剩下件引导当事人…).
"""

from __future__ import annotations

import pytest

from shufa_lint.diagnostics import Severity
from shufa_lint.engine import lint_source, prepare
from shufa_lint.settings import Settings
from shufa_lint.source import from_text, read_path
from support import FixtureFolder, codes, lint

QA_CLEAN5 = FixtureFolder("qa_clean5")

TYPES = {
    "n01_website_copy_county_justice_bureau_fzzf_2024_metadata_footer.txt": "fazhi-zhengfu",
    "n02_provincial_department_fzzf_2024_long_six_parts.txt": "fazhi-zhengfu",
    "n03_county_rule_of_law_committee_office_summary_2024.txt": "gongzuo-zongjie",
    "n04_village_party_secretary_shufa_2024_plain.txt": "shufa",
    "n05_gongwen_township_government_fzzf_2024_addressee_cc.txt": "fazhi-zhengfu",
    "n06_county_housing_bureau_fzzf_2023_arabic_subitems_inline.txt": "fazhi-zhengfu",
    "n07_development_zone_committee_fzzf_2024.txt": "fazhi-zhengfu",
    "n08_county_ecology_bureau_director_shufa_2024_law_articles.txt": "shufa",
    "n09_city_data_bureau_fzzf_2024_abbreviations_mixed_brackets.txt": "fazhi-zhengfu",
    "n10_county_fzzf_2023_footnote_markers_notes.txt": "fazhi-zhengfu",
    "n11_township_party_secretary_shufa_2024_question_answer.txt": "shufa",  # 述法答问实录: by its content
    "n12_county_transport_bureau_director_shufa_2023_yiyao_yifangmian.txt": "shufa",
    "n13_county_justice_bureau_fzzf_2024_table_blank_cells.txt": "fazhi-zhengfu",
}
BY_CONTENT = {"n11_township_party_secretary_shufa_2024_question_answer.txt"}


def test_every_fixture_has_its_type():
    assert QA_CLEAN5.names() == sorted(TYPES)


@pytest.mark.parametrize("name", sorted(TYPES))
def test_a_clean_whole_report_in_a_new_style_gives_no_headline_finding(name):
    found = lint_source(read_path(str(QA_CLEAN5.path / name)), Settings())
    assert [(d.code, d.line, d.message.zh) for d in found if d.severity >= Severity.WARNING] == []


@pytest.mark.parametrize("name", sorted(TYPES))
def test_the_report_type_is_recognised(name):
    found = prepare(read_path(str(QA_CLEAN5.path / name)), Settings()).report_type
    assert (found.name, found.decided_by) == (TYPES[name], "content" if name in BY_CONTENT else "title")


# --- SF805: the footer of the page a report was saved from, below its signing date ---------------------

WEB = "n01_website_copy_county_justice_bureau_fzzf_2024_metadata_footer.txt"
BUTTONS = "【关闭窗口】　【打印本页】"


@pytest.mark.parametrize(
    "footer",
    [
        None,  # 相关链接, 主办单位, 网站标识码 … ICP备, 联系电话 … 分辨率: five lines under the buttons
        "版权所有：桐岭县人民政府　　技术支持：桐岭县大数据中心\nCopyright © 2025 All Rights Reserved",
    ],
)
def test_the_buttons_above_a_saved_page_s_long_footer_are_the_page(footer):
    text = QA_CLEAN5.text(WEB) if footer is None else QA_CLEAN5.text(WEB) + footer + "\n"
    found = lint(text, "SF805")
    assert found and {d.severity for d in found} == {Severity.INFO}
    assert document_signed(text) == (2025, 3)


def test_the_same_buttons_between_two_paragraphs_of_the_report_are_still_residue():
    text = QA_CLEAN5.changed(WEB, "二、存在的不足和原因", BUTTONS + "\n二、存在的不足和原因")
    line = text.splitlines().index(BUTTONS) + 1
    assert {d.severity for d in lint(text, "SF805") if d.line == line} == {Severity.WARNING}


def document_signed(text: str) -> tuple[int, int] | None:
    signed = prepare(from_text("draft.txt", text), Settings()).signing_date
    return None if signed is None else (signed.year, signed.month)


# --- SF303: a town's 站所 -------------------------------------------------------------------------------

QA = "n11_township_party_secretary_shufa_2024_question_answer.txt"
STATIONS = "把法治建设任务分解到7个站所、16个村"


@pytest.mark.parametrize("words", [STATIONS, "把法治建设任务分解到各站所和村"])
def test_a_town_s_stations_named_站所_are_no_count(words):
    assert codes(QA_CLEAN5.changed(QA, STATIONS, words), "SF303") == []


@pytest.mark.parametrize("words", ["把法治建设任务分解到个站所、16个村", "在全镇新建标准化学校所"])
def test_a_figure_dropped_before_站所_or_所_is_still_found(words):
    assert [code for code, _line, _column in codes(QA_CLEAN5.changed(QA, STATIONS, words), "SF303")] == ["SF303"]


# --- SF101: a 述法评议会's questions stand for the part headings ---------------------------------------

PROBLEMS_ASKED = "问：你认为镇里法治建设还存在哪些问题？"
PLANS_ASKED = "问：针对这些问题，下一步有什么打算？"


@pytest.mark.parametrize(
    "old, new",
    [
        ("\n答：", "\n答："),  # as written: a question, its answer on the next line
        (PROBLEMS_ASKED + "\n答：", PROBLEMS_ASKED + "答："),  # both on one line
        ("问：", "评议组提问："),
    ],
)
def test_a_transcript_whose_problems_and_plans_are_answered_has_both_parts(old, new):
    assert codes(QA_CLEAN5.text(QA).replace(old, new), "SF101") == []


def test_a_transcript_that_never_asks_for_the_problems_still_misses_that_part():
    text = QA_CLEAN5.text(QA)
    asked = text[text.index(PROBLEMS_ASKED) : text.index(PLANS_ASKED)]
    found = lint(text.replace(asked, ""), "SF101")
    assert len(found) == 1 and "存在问题" in found[0].message.zh


# --- the 版头 of a 公文 above the title ------------------------------------------------------------------

GONGWEN = "n05_gongwen_township_government_fzzf_2024_addressee_cc.txt"


def test_the_title_under_a_gongwen_letterhead_is_found_with_its_year():
    title = prepare(read_path(str(QA_CLEAN5.path / GONGWEN)), Settings()).title
    assert (title.text, title.line, title.year) == ("关于2024年度法治政府建设情况的报告", 6, 2024)


def test_three_lines_of_prose_before_a_title_line_still_mean_no_title():
    text = QA_CLEAN5.changed(GONGWEN, "白政报〔2025〕6号\n签发人：刘志远", "我镇高度重视法治建设\n全年工作扎实有效")
    assert prepare(from_text("draft.txt", text), Settings()).title is None


# --- SF201/SF202: 一要，二要，三要 numbered in the text ---------------------------------------------------

MUSTS = "n12_county_transport_bureau_director_shufa_2023_yiyao_yifangmian.txt"  # two lists: line 9 and line 23


@pytest.mark.parametrize(
    "old, new",
    [
        ("三要把法治建设成效", "三要把法治建设成效"),  # as written: each list from 一要, the second one a new list
        ("提出“三个要”的工作要求：", "提出统一要求："),  # 一要 inside a word, no list
        ("“送法上车”活动8次，", "“送法上车”活动8次，执法文书做到事实、证据、依据三要素齐全，"),  # a word of its own
    ],
)
def test_a_list_numbered_一要_二要_三要_in_order_is_no_slip(old, new):
    assert codes(QA_CLEAN5.changed(MUSTS, old, new), ("SF201", "SF202")) == []


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("三要把法治建设成效", "二要把法治建设成效", [("SF202", 9)]),
        ("三要把法治建设成效", "四要把法治建设成效", [("SF201", 9)]),
        ("三要进一步推进智慧执法", "四要进一步推进智慧执法", [("SF201", 23)]),
    ],
)
def test_a_一要_list_that_repeats_or_skips_is_found(old, new, expected):
    text = QA_CLEAN5.changed(MUSTS, old, new)
    assert [(code, line) for code, line, _column in codes(text, ("SF201", "SF202"))] == expected


# --- SF303: 辖区 before a count that lost its figure -----------------------------------------------------

ARTICLES = "n08_county_ecology_bureau_director_shufa_2024_law_articles.txt"
FIRMS = "对辖区82家重点企业开展"


@pytest.mark.parametrize("words", [FIRMS, "对辖区所有重点企业开展", "对辖区人口密集区的重点企业开展", "对辖区个体工商户开展"])
def test_辖区_before_words_that_are_no_count_is_no_dropped_figure(words):
    assert codes(QA_CLEAN5.changed(ARTICLES, FIRMS, words), "SF303") == []


@pytest.mark.parametrize("words", ["对辖区家重点企业开展", "对全辖区家重点企业开展"])
def test_辖区_right_before_a_unit_shows_its_figure_was_dropped(words):
    assert [code for code, _line, _column in codes(QA_CLEAN5.changed(ARTICLES, FIRMS, words), "SF303")] == ["SF303"]


# --- SF303: a note's mark after the unit, and 剩下 before it ---------------------------------------------

NOTES = "n10_county_fzzf_2023_footnote_markers_notes.txt"
CORRECTED = "纠错案件9件④。"
VILLAGE = "n04_village_party_secretary_shufa_2024_plain.txt"
REST = "剩下1件引导当事人"


@pytest.mark.parametrize(
    "name, old, new",
    [(NOTES, CORRECTED, CORRECTED), (NOTES, CORRECTED, "纠错案件9件。"), (VILLAGE, REST, REST), (VILLAGE, REST, "剩下的引导当事人")],
)
def test_a_figure_before_a_note_s_mark_or_after_剩下_is_no_dropped_figure(name, old, new):
    assert codes(QA_CLEAN5.changed(name, old, new), "SF303") == []


@pytest.mark.parametrize("name, old, new", [(NOTES, CORRECTED, "纠错案件件④。"), (VILLAGE, REST, "剩下件引导当事人")])
def test_a_figure_dropped_before_a_note_s_mark_or_after_剩下_is_found(name, old, new):
    assert [code for code, _line, _column in codes(QA_CLEAN5.changed(name, old, new), "SF303")] == ["SF303"]
