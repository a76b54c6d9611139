"""Eight whole clean reports in styles the earlier QA passes lack (tests/fixtures/qa_clean6/, written for
these tests): a 市级 法治政府建设年度报告 copied from a PDF, hard-wrapped at 38 characters, with the
page's footer (第1页，共3页) and the next page's running header between two lines of a paragraph; a
乡镇 report whose （一） headings hold unnumbered lead lines ending in ：; a 述法 numbered 一、 (一) 1.; a
县直部门 report citing documents by number (县委发〔2024〕3号) and full of dates (2024年3月至6月, 1—11月);
one full of percentages, ranges (95%以上, 3—5天) and year-on-year changes; one laid out in 第一部分 …
第四部分 with 一、 二、 numbered anew inside each; a 高新区 report with AI, ICT, EPC and firms' names; a
街道 述法 signed and followed by its 附表. The drafts made from them with defects put in are tested with
the earlier ones (tests/test_qa_defects2.py, tests/fixtures/qa_defects6/).

None may give a headline finding; each class of false alarm they showed has its must-not-flag test here,
next to the defect the rule still catches: a PDF's running header after its page number in the middle
of a paragraph (SF601), 分 the verb before the parts a task is divided into (分两次开展评查, SF303), and
the parts of a report divided into 第一部分, 第二部分 … with 一、 二、 inside (SF101).
"""

from __future__ import annotations

import pytest

from support import FixtureFolder, codes, headline

QA_CLEAN6 = FixtureFolder("qa_clean6")
NAMES = QA_CLEAN6.names()


def test_there_are_the_eight_reports():
    assert len(NAMES) == 8


@pytest.mark.parametrize("name", NAMES)
def test_a_clean_whole_report_in_a_new_style_gives_no_headline_finding(name):
    assert headline(QA_CLEAN6.text(name)) == []


# --- SF601: a PDF's page footer and the next page's running header inside a wrapped paragraph --------

PDF = "p01_city_fzzf_2024_pdf_hard_wraps_running_headers.txt"
HEADER = "澄江市人民政府关于2024年度法治政府建设情况的报告"


def test_a_running_header_that_repeats_the_two_title_lines_is_the_page_s_not_the_paragraph_s():
    text = QA_CLEAN6.text(PDF)
    # one running header left: it is known by the title above, not by another page's header
    second = text.index(HEADER, text.index(HEADER) + 1)
    once = text[:second] + text[second + len(HEADER) + 1 :]
    assert once.count(HEADER) == 1
    assert codes(once, "SF601") == codes(text, "SF601") == []


def test_a_line_that_is_no_running_header_after_the_page_number_still_breaks_the_paragraph():
    text = QA_CLEAN6.text(PDF).replace(HEADER, "政务公开专栏稿件", 1)
    line = text.splitlines().index("政务公开专栏稿件") + 1
    assert [found for found in codes(text, "SF601") if found[1] == line]


# --- SF303: 分 the verb before the parts a task is divided into ---------------------------------------

DATES = "p04_county_agriculture_bureau_fzzf_2024_policy_documents_dates.txt"
TWICE = "2024年4月、10月，分两次开展执法案卷评查"


@pytest.mark.parametrize(
    "words",
    [TWICE, "全年分3批开展执法案卷评查", "全年分两批开展执法案卷评查"],
)
def test_分_before_the_parts_a_task_is_divided_into_is_no_score(words):
    assert codes(QA_CLEAN6.changed(DATES, TWICE, words), "SF303") == []


@pytest.mark.parametrize("words", ["2024年4月、10月，执法案卷评查平均得分分", "全年开展执法案卷评查次"])
def test_a_score_or_a_count_that_lost_its_figure_is_still_found(words):
    assert [code for code, _line, _column in codes(QA_CLEAN6.changed(DATES, TWICE, words), "SF303")] == ["SF303"]


# --- SF101: a report divided into 第一部分, 第二部分 … with 一、 二、 inside --------------------------------

PARTS = "p06_county_fzzf_2022_traditional_parts.txt"
PROBLEMS = "第三部分　存在的问题和不足"


@pytest.mark.parametrize("spacing", ["　", " ", "  ", ""])
def test_the_parts_named_第一部分_are_the_report_s_top_level(spacing):
    text = QA_CLEAN6.text(PARTS).replace("部分　", "部分" + spacing)
    assert codes(text, "SF101") == []


def test_a_divided_report_without_its_part_on_the_problems_still_misses_it():
    text = QA_CLEAN6.text(PARTS)
    cut = text[text.index(PROBLEMS) : text.index("第四部分")]
    found = codes(text.replace(cut, "").replace("第四部分", "第三部分"), "SF101")
    assert [code for code, _line, _column in found] == ["SF101"]
