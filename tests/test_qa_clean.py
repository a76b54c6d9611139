"""Whole clean reports of many kinds and years (tests/fixtures/qa_clean/, written for these tests in the
styles of published ones): the content rules (SF4xx 提法 and scripts, SF71x numbers, SF72x the report's
own year, SF8xx the reviewers' criteria) must say nothing on them, at any severity. Each class of false
alarm found on them has its must-not-flag test here, next to the real catch the rule keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import read_path
from support import FixtureFolder, codes, lint

QA_CLEAN = FixtureFolder("qa_clean")
CLEAN = Path(__file__).parent / "fixtures" / "clean"
CONTENT_RULES = ("SF4", "SF71", "SF72", "SF8")


@pytest.mark.parametrize("path", sorted(QA_CLEAN.path.iterdir()), ids=lambda p: p.name)
def test_a_clean_report_gives_no_content_finding(path):
    found = lint_source(read_path(str(path)), Settings(select=CONTENT_RULES))
    assert [(d.code, d.line, d.message.zh) for d in found] == []


# --- the report's own year depends on the kind of document ------------------------------------------


def test_a_government_work_report_plans_its_title_year():
    # 2026年政府工作报告 (given in January 2026) reviews 2025 and plans 2026
    assert codes(QA_CLEAN.text("q05_gov_work_report_2026.txt"), ("SF721", "SF722", "SF723")) == []
    # read as a 述法报告 (--pack), its parts are found, and its years still follow its kind
    as_shufa = lint(QA_CLEAN.text("q05_gov_work_report_2026.txt"), ("SF721", "SF722", "SF723"), pack="shufa")
    assert as_shufa == []
    wrong = QA_CLEAN.changed("q05_gov_work_report_2026.txt", "和2026年工作安排", "和2027年工作安排")
    found = lint(wrong, "SF722", pack="shufa")
    assert [d.line for d in found] == [15]
    assert "应为2026年" in found[0].message.zh


def test_a_plan_or_a_half_year_summary_is_signed_inside_its_year():
    for name in ("q07_work_points_2026.txt", "q15_half_year_summary_2026.txt"):
        assert codes(QA_CLEAN.text(name), ("SF715", "SF722", "SF723")) == [], name
    # an annual report signed in the middle of its own year is still wrong
    annual = QA_CLEAN.changed("q14_county_fzzf_2022_eight.txt", "2023年3月15日", "2022年7月15日")
    assert len(codes(annual, "SF723")) == 1


def test_dates_of_the_plans_part_are_not_held_to_the_signing_date():
    planned = QA_CLEAN.changed("q11_county_fzzf_2024_table.txt", "新增公职律师10名以上", "2025年6月新增公职律师10名以上")
    assert codes(planned, "SF715") == []
    achieved = QA_CLEAN.changed("q11_county_fzzf_2024_table.txt", "全年出台规范性文件8件", "2025年6月出台规范性文件8件")
    assert len(codes(achieved, "SF715")) == 1


def test_a_target_year_in_a_plans_heading_is_not_the_plans_year():
    target = QA_CLEAN.changed("q20_county_shufa_2025_traps.txt", "（三）实施基层法治人才培养计划，", "（三）力争2027年实现乡镇法学专业人员全覆盖，")
    assert codes(target, "SF722") == []
    assert len(codes(target.replace("（三）力争2027年", "（三）2027年"), "SF722")) == 1


def test_a_year_that_ends_a_span_in_a_heading_is_not_the_year_reported():
    heading = QA_CLEAN.changed(
        "q11_county_fzzf_2024_table.txt", "（二）严格规范性文件管理。", "（二）落实法治政府建设实施纲要（2021—2025年）。"
    )
    assert codes(heading, "SF721") == []
    assert len(codes(heading.replace("（二）落实", "（二）2023年落实"), "SF721")) == 1


# --- numbered items about a year ----------------------------------------------------------------------


def test_an_item_that_opens_with_a_year_is_an_item_not_a_decimal():
    text = QA_CLEAN.text("q08_township_shufa_2024.txt")  # 1.2025年实现社区法律顾问全覆盖
    assert codes(text, ("SF203", "SF801")) == []
    one_measure = text.replace("2.成立物业纠纷人民调解委员会，推动老旧小区引入物业服务，力争物业纠纷同比下降15%。\n", "")
    found = lint(one_measure, "SF801")
    assert [d.line for d in found] == [15] and "物业纠纷化解难" in found[0].message.zh


# --- claims, vague problems, web residue --------------------------------------------------------------


def test_an_aim_is_no_claim_and_a_claimed_heading_is_supported_by_the_next_paragraph():
    aim = QA_CLEAN.changed("q14_county_fzzf_2022_eight.txt", "全部履行听证程序。", "全部履行听证程序。以数字政府建设为抓手，全面提升依法行政能力和水平。")
    assert codes(aim, "SF804") == []
    claim = QA_CLEAN.changed("q14_county_fzzf_2022_eight.txt", "全部履行听证程序。", "全部履行听证程序。干部依法行政能力全面提升。")
    assert len(codes(claim, "SF804")) == 1
    slogan = (CLEAN / "c09_slogan_headings.txt").read_text(encoding="utf-8")  # 行政执法质效明显提高, then figures
    assert codes(slogan, "SF804") == []


def test_a_problem_that_names_its_field_is_not_vague():
    text = (CLEAN / "c14_sifaju_annual_halfrange.txt").read_text(encoding="utf-8")  # 法治督察的刚性约束作用…
    assert codes(text, "SF803") == []
    vague = text.replace("一是法治督察的刚性约束作用发挥不够充分，原因是督察结果运用机制尚不健全", "一是法治意识还不够强，学法用法仍需加强")
    assert len(codes(vague, "SF803")) == 1


def test_sharing_experience_is_no_web_residue():
    shared = QA_CLEAN.changed("q10_town_fzzf_2023_glossary.txt", "全年会前学法11次。", "全年会前学法11次，把经验分享到全县各乡镇。")
    assert codes(shared, "SF805") == []
    residue = QA_CLEAN.changed("q10_town_fzzf_2023_glossary.txt", "全年会前学法11次。", "全年会前学法11次。分享到：微信 微博")
    assert len(codes(residue, "SF805")) == 1


# --- 提法 told as history -------------------------------------------------------------------------------


def test_a_plan_told_as_closed_is_history_and_one_still_aimed_at_is_not():
    text = QA_CLEAN.text("q17_county_fzzf_2026_traps.txt")  # 在“八五”普法规划顺利收官…的基础上
    assert codes(text, "SF403") == []
    aimed = text.replace("本年度制定全县“九五”普法规划", "确保“八五”普法规划圆满收官")
    assert len(codes(aimed, "SF403")) == 1


# --- numbers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "完成10千伏线路改造涉及的合同审查12份。",  # 千伏 is a unit
        "2023-2024学年开展法治课186节。",  # a span of years
        "1-3季度完成执法检查42次。",  # a span of time
        "如图3-1所示完成执法检查42次。",  # the number of a figure
        "法律援助案件占比同比增长120%。",  # a change of a share
    ],
)
def test_units_spans_of_time_and_changes_of_a_share_are_not_number_findings(sentence):
    text = QA_CLEAN.changed("q11_county_fzzf_2024_table.txt", "全年出台规范性文件8件，", sentence + "全年出台规范性文件8件，")
    assert codes(text, ("SF711", "SF712", "SF714")) == []


@pytest.mark.parametrize(
    "sentence, code",
    [("审查合同3千余份。", "SF711"), ("3-5个工作日内办结。", "SF712"), ("信访事项办结率提高到106%。", "SF714")],
)
def test_the_number_rules_still_catch_their_defects_in_the_same_place(sentence, code):
    text = QA_CLEAN.changed("q11_county_fzzf_2024_table.txt", "全年出台规范性文件8件，", sentence + "全年出台规范性文件8件，")
    assert [found[0] for found in codes(text, ("SF711", "SF712", "SF714"))] == [code]


def test_a_plan_summed_up_and_截止到_are_not_outdated_and_a_merged_measure_answers_two_problems():
    text = QA_CLEAN.text("q19_town_fzzf_2021_runin.txt")  # 对照《纲要（2015—2020年）》全面总结评估…; 截止到2021年11月底
    assert codes(text, ("SF403", "SF801")) == []
    current = text.replace("全面总结评估“十三五”时期法治政府建设成效", "深入推进法治政府建设")
    assert len(codes(current, "SF403")) == 1
    unanswered = text.replace("招录35岁以下执法人员3名", "完善审查工作流程")
    found = lint(unanswered, "SF801")
    assert [d.line for d in found] == [8] and "执法队年轻执法人员少" in found[0].message.zh


def test_a_title_naming_the_year_reported_and_the_next_holds_each_part_to_its_year():
    two_years = QA_CLEAN.changed(
        "q11_county_fzzf_2024_table.txt",
        "安平县人民政府关于2024年度法治政府建设工作情况的报告",
        "安平县2025年法治政府建设重点任务及2024年度推进情况报告",
    )
    assert codes(two_years, ("SF721", "SF722", "SF723")) == []
    assert len(codes(two_years.replace("四、2025年工作安排", "四、2024年工作安排"), "SF722")) == 1


def test_two_problems_in_one_sentence_are_not_a_one_sentence_problems_part():
    text = QA_CLEAN.text("q04_shuzhi_2022.txt")
    one_sentence = text.replace("指导基层执法的针对性不强。二是", "指导基层执法的针对性不强，二是")
    assert codes(one_sentence, "SF802") == []
    one_problem = text.replace(
        "一是学法深度不够，对新修订的行政复议法、行政处罚法研究不深，指导基层执法的针对性不强。二是律师行业党建和监管存在短板，全县4家律师事务所中有1家未按期完成年度考核。",
        "学法深度不够，对新修订的行政复议法研究不深。",
    )
    assert len(codes(one_problem, "SF802")) == 1


def test_the_result_of_an_assessment_of_last_year_is_not_last_years_work():
    assessed = "2024年度全省法治政府建设考核中，我县获评优秀等次，排名较上年前移5位。"
    heading = "（二）2024年度述法反馈问题整改情况。"
    text = QA_CLEAN.changed("q20_county_shufa_2025_traps.txt", heading, assessed + "\n" + heading)
    assert codes(text, "SF721") == []
    copied = text.replace(assessed, "2024年，全县办理行政复议案件96件，纠错率8.3%。")
    assert len(codes(copied, "SF721")) == 1
