"""SF71x numbers and SF72x the report's own year, on drafts written in the style of real reports."""

from __future__ import annotations

from shufa_lint.fix import apply_fixes
from shufa_lint.source import from_text
from support import codes, lint

TITLE = "某县司法局2025年度法治政府建设情况报告\n"


def _spans(text: str, select: str) -> list[str]:
    lines = text.splitlines()
    return [lines[d.line - 1][d.column - 1 : d.end_column - 1] for d in lint(text, select)]


def test_digits_with_a_chinese_multiplier_are_flagged_with_the_number_to_write():
    text = TITLE + "全年审查合同3千余份，培训执法人员5百人次，清理文件2.5千件。\n"
    found = lint(text, "SF711")
    assert [d.suggestions[0].zh for d in found] == ["改为“3000”", "改为“500”", "改为“2500”"]
    assert all(d.fix is None for d in found)  # fix.py never changes the digits of a text


def test_units_and_numbers_in_words_are_not_mixed_numerals():
    text = TITLE + "新建法治步道3千米，发放宣传资料三千余份，覆盖群众3万人，合格率达百分之百。\n"
    assert codes(text, "SF711") == []


def test_hyphen_ranges_and_ranges_missing_their_first_unit():
    text = TITLE + "承诺3-5个工作日内办结，行政复议纠错率控制在5～8%，覆盖5-10万人。\n"
    assert _spans(text, "SF712") == ["3-5", "5～8%", "5-10万"]
    found = lint(text, "SF712")
    assert [edit.content for d in found for edit in d.fix.edits] == ["3～5", "5%～8%", "5万～10万"]
    assert [d.fix.safe for d in found] == [True, False, True]


def test_dates_codes_times_and_correct_ranges_are_not_ranges_to_fix():
    text = TITLE + (
        "落实《法治政府建设实施纲要（2021-2025年）》，1-11月受理案件，依据〔2023〕5-1号文件，"
        "咨询电话0591-12345678，办公时间8:30-17:30，3～5个工作日内办结，纠错率5%～8%。\n"
    )
    assert codes(text, "SF712") == []


def test_counts_of_one_kind_in_digits_and_chinese_numerals():
    text = TITLE + "组织专题学法6次，举办法治讲座三场，开展普法活动12场，落实“三项制度”，每季度召开三四次会议。\n"
    assert _spans(text, "SF713") == ["三场"]


def test_rates_over_100_percent():
    text = TITLE + "行政机关负责人出庭应诉率106%，办结率达到100%，参考率101.5%，收入增长率120%。\n"
    assert _spans(text, "SF714") == ["106%", "101.5%"]


SIGNED = TITLE + """一、2025年主要举措和成效
全年办理行政复议案件12件。2025年11月20日召开全县法治工作推进会。
二、存在的不足和原因
基层执法人员培训不足。
三、2026年主要安排
计划于2026年3月召开述法评议会，2026年4月底前完成年度考核。
某县司法局
2025年10月30日
"""


def test_dates_after_signing_are_flagged_and_deadlines_of_plans_are_not():
    assert _spans(SIGNED, "SF715") == ["2025年11月20日"]
    assert codes(SIGNED.replace("2025年10月30日", "2025年12月30日"), "SF715") == []


LAST_YEARS = """某镇2025年度党委书记述法报告
一、履职情况
（一）2025年学法用法情况。全年组织中心组学法6次。
（二）2024年矛盾纠纷化解情况。全年化解矛盾纠纷236件。
（三）2024年问题整改情况。上年度述法评议指出的3个问题均已整改。
2024年，全镇共受理行政复议案件5件。
2024年全镇受理信访12件，2025年降至8件。
二、存在问题
执法规范化水平不高，案卷评查中有3卷程序不规范。
三、2025年工作打算
2025年，镇党委将持续推进执法规范化建设。
2024年以来形成的经验做法将继续坚持。
某镇党委
2024年12月20日
"""


def test_the_achievements_part_naming_another_year_is_flagged():
    assert _spans(LAST_YEARS, "SF721") == ["2024年", "2024年"]
    assert [d.line for d in lint(LAST_YEARS, "SF721")] == [4, 6]


def test_plans_dated_to_the_year_reported_are_flagged():
    assert [d.line for d in lint(LAST_YEARS, "SF722")] == [10, 11]
    fixed = LAST_YEARS.replace("三、2025年工作打算", "三、2026年工作打算").replace("2025年，镇党委将", "2026年，镇党委将")
    assert codes(fixed, "SF722") == []


def test_a_signing_date_before_the_year_ends_or_years_later_is_flagged():
    assert [d.line for d in lint(LAST_YEARS, "SF723")] == [14]
    for good in ("2025年12月20日", "2026年1月5日", "二〇二六年三月二十九日"):
        assert codes(LAST_YEARS.replace("2024年12月20日", good), "SF723") == [], good
    for bad in ("2025年6月1日", "2028年1月5日"):
        assert len(codes(LAST_YEARS.replace("2024年12月20日", bad), "SF723")) == 1, bad


def test_without_a_report_year_the_year_rules_stay_silent():
    untitled = LAST_YEARS.split("\n", 1)[1]
    assert codes(untitled, ("SF721", "SF722", "SF723")) == []
    assert len(codes(untitled, ("SF721", "SF722", "SF723"), report_year=2025)) == 5


def test_safe_fixes_of_ranges_apply_and_leave_the_figures():
    text = TITLE + "审查合同3千余份，承诺3-5个工作日内办结，纠错率5～8%。\n"
    fixed, _applied = apply_fixes(from_text("draft.txt", text), lint(text, ("SF711", "SF712")))
    assert fixed.endswith("审查合同3千余份，承诺3～5个工作日内办结，纠错率5～8%。\n")
