"""SF403: standard formulations, with the lexicon's own hit/miss self-tests."""

import pytest

from shufa_lint.checks.terms import terms
from shufa_lint.lexicon import Lexicon, RuleDataError, builtin
from support import codes, lint

ENTRIES = builtin().table("terms")["terms"]
SPEC_YEARS = [term.spec_year() for term in terms(builtin()).entries]


@pytest.mark.parametrize("entry,year", list(zip(ENTRIES, SPEC_YEARS)), ids=[entry["wrong"][:16] for entry in ENTRIES])
def test_lexicon_entries_hit_and_miss_in_a_whole_report(entry, year):
    title = f"{year}年度镇长述法报告\n"
    for text in entry["hit"]:
        found = lint(title + text + "。", "SF403")
        assert found and entry["right"] in found[0].message.zh, text
    for text in entry["miss"]:
        assert codes(title + text + "。", "SF403") == [], text


def _lexicon_with(entry: dict) -> Lexicon:
    return Lexicon(packs=builtin().packs, tables={"terms": {"terms": [entry]}})


def test_an_entry_whose_hit_example_is_not_flagged_stops_the_load_naming_it():
    broken = {"wrong": "布署", "right": "部署", "hit": ["决策部署"], "miss": []}
    with pytest.raises(RuleDataError, match="布署.*决策部署"):
        terms(_lexicon_with(broken))


def test_an_entry_whose_miss_example_is_flagged_stops_the_load_naming_it():
    broken = {"wrong": "法制", "right": "法治", "valid_until": 2015, "hit": ["法制建设"], "miss": ["法制审核"]}
    with pytest.raises(RuleDataError, match="'法制'.*法制审核.*2016"):
        terms(_lexicon_with(broken))


def test_a_validity_year_must_be_a_year():
    with pytest.raises(RuleDataError, match="valid_until"):
        terms(_lexicon_with({"wrong": "七五普法", "right": "“八五”普法", "valid_until": "2020"}))


def test_a_formula_that_changed_is_not_wrong_in_an_older_report():
    old_goal = "职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信。"
    assert codes("2019年法治政府建设情况报告\n" + old_goal, "SF403") == []
    assert [c for c, *_ in codes("2022年法治政府建设情况报告\n" + old_goal, "SF403")] == ["SF403"]


def test_no_year_no_judgement_on_formulas_that_changed():
    assert codes("深入开展法制宣传教育。", "SF403") == []


REPORT_2024 = """某县2024年度法治政府建设情况报告
一、2024年工作情况
（一）深化普法。深入推进“七五”普法，全面贯彻党的十九大和十九届历次全会精神。
（二）依法审查合同。依据《中华人民共和国合同法》审查合同35份。
二、存在问题
回顾“七五”普法期间（2016—2020年），原《合同法》时期的合同文本仍在使用。
三、下一步打算
严格执行重大执法决定法制审核制度，维护国家法制统一，深入实施“八五”普法规划。
"""


def test_formulas_of_another_period_are_flagged_and_history_is_not():
    found = lint(REPORT_2024, "SF403")
    lines = REPORT_2024.splitlines()
    assert [lines[d.line - 1][d.column - 1 : d.end_column - 1] for d in found] == [
        "“七五”普法",
        "党的十九大和十九届历次全会精神",
        "《中华人民共和国合同法》",
    ]
    assert "2024年" in found[0].message.zh


def test_the_configured_report_year_overrides_the_title():
    assert codes(REPORT_2024, "SF403", report_year=2019) == []


def test_the_pre_2020_formula_is_flagged_in_a_2022_report():
    text = "某局2022年法治建设情况报告\n深入学习贯彻习近平总书记全面依法治国新理念新思想新战略。\n"
    assert [(d.line, d.column) for d in lint(text, "SF403")] == [(2, 7)]
