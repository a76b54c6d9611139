"""Seven whole clean reports in styles the earlier QA passes lack (tests/fixtures/qa_clean7/, written for
these tests): a 县公安局 局长's 述法 full of case figures (刑事案件立案312起、破案265起); a 县税务局's
法治税务 report (纳税人, 税费, 户次); a 县纪委监委 report on the 监察法 and 问责; a 2019 法治政府建设
report in the words of its time (习近平总书记全面依法治国新理念新思想新战略, 纲要（2015—2020年）, 七五普法);
a 社区 书记's plain 述法 in short lines of 一是 … 十五是; a Markdown report with ## headings, - bullets and
a table; a 镇 report quoting slogans (“一村一法律顾问”“三官一律”进社区) with ①②③ inside paragraphs.

None may give a headline finding; each class of false alarm they showed has its must-not-flag test here,
next to the defect the rule still catches: the formula a term bore before it was named, in a report on a
year it was still current in (SF402), and 分 the verb before the kind of parts a task is divided into
(分警种开展培训, SF303). The 税务局's report was not recognised as a 法治政府建设 report (法治税务建设 in its
title), so a draft of it without its problems part went unnoticed; now its parts are checked.
"""

from __future__ import annotations

import pytest

from support import FixtureFolder, codes, headline

QA_CLEAN7 = FixtureFolder("qa_clean7")


def test_there_are_the_seven_reports():
    assert len(QA_CLEAN7.names()) == 7


@pytest.mark.parametrize("name", QA_CLEAN7.names())
def test_a_clean_whole_report_in_a_new_style_gives_no_headline_finding(name):
    assert headline(QA_CLEAN7.text(name)) == []


# --- SF402: 习近平总书记全面依法治国新理念新思想新战略 was the formula until November 2020 -------------

OUTLINE_2019 = "r04_county_fzzf_2019_outline_2015_2020_qiwu_pufa.txt"
TITLE_YEAR = "关于2019年度法治政府建设"


@pytest.mark.parametrize("year", ["2019", "2020"])
def test_the_earlier_formula_is_right_in_a_report_on_a_year_it_was_current_in(year):
    text = QA_CLEAN7.changed(OUTLINE_2019, TITLE_YEAR, f"关于{year}年度法治政府建设")
    assert codes(text, "SF402") == []


@pytest.mark.parametrize("year", ["2021", "2024"])
def test_the_earlier_formula_in_a_report_on_a_later_year_is_still_found(year):
    text = QA_CLEAN7.changed(OUTLINE_2019, TITLE_YEAR, f"关于{year}年度法治政府建设")
    assert codes(text, "SF402") == [("SF402", 3, 65)]


def test_a_name_replaced_by_a_title_is_found_in_a_report_on_any_year():
    text = QA_CLEAN7.changed(OUTLINE_2019, "习近平新时代中国特色社会主义思想", "总书记新时代中国特色社会主义思想")
    assert [code for code, _line, _column in codes(text, "SF402")] == ["SF402"]


# --- SF303: 分 the verb before the kind of parts a task is divided into -----------------------------

POLICE = "r01_county_public_security_director_shufa_2024_case_figures.txt"
BY_KIND = "分警种开展实战化执法培训8期"


@pytest.mark.parametrize("words", [BY_KIND, "分行业开展实战化执法培训8期", "分领域、分岗位开展实战化执法培训8期"])
def test_分_before_the_kind_of_parts_a_task_is_divided_into_is_no_score(words):
    assert codes(QA_CLEAN7.changed(POLICE, BY_KIND, words), "SF303") == []


@pytest.mark.parametrize("words", ["执法考试平均得分分，开展实战化执法培训8期", "开展实战化执法培训期"])
def test_a_score_or_a_count_that_lost_its_figure_is_still_found(words):
    assert [code for code, _line, _column in codes(QA_CLEAN7.changed(POLICE, BY_KIND, words), "SF303")] == ["SF303"]


# --- report type: a department's 法治税务建设情况报告 is a 法治政府建设 annual report -----------------------

TAX = "r02_county_tax_bureau_fazhi_shuiwu_2024.txt"
PROBLEMS = "二、存在的问题和不足\n"


def test_a_法治税务建设_report_is_checked_for_the_parts_of_a_法治政府建设_report():
    text = QA_CLEAN7.text(TAX)
    problems = text[text.index(PROBLEMS) : text.index("三、2025年工作打算")]
    without_problems = text.replace(problems, "").replace("三、2025年工作打算", "二、2025年工作打算")
    assert [code for code, _line, _column in codes(without_problems, "SF101")] == ["SF101"]
    assert codes(text, ("SF002", "SF101")) == []
