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


SIMPLIFIED_WITH_PASTE = """某镇2025年度述法报告
一、履职情况
镇党委始终把法治建设摆在全局工作重要位置，全面推进法治建設，召开黨委會議专题研究法治工作3次。
二、存在问题
基层法治队伍力量仍然薄弱。
"""


def test_traditional_characters_in_a_simplified_report_are_flagged_with_a_safe_fix():
    found = lint(SIMPLIFIED_WITH_PASTE, "SF404")
    assert [d.message.zh.split("“")[1].split("”")[0] for d in found] == ["設", "黨", "會議"]
    assert [edit.content for d in found for edit in d.fix.edits] == ["设", "党", "会议"]
    assert all(d.fix.safe for d in found)


def test_a_report_written_in_traditional_characters_is_not_judged():
    traditional = "某街道2021年度法治政府建設情況報告\n2021年，街道在縣委、縣政府的正確領導下，深入貫徹黨的十九屆六中全會精神，堅持依法行政，夯實工作基礎。\n"
    assert codes(traditional, "SF404") == []


def test_a_simplified_report_without_traditional_characters_is_silent():
    assert codes(REPORT_2024 + SIMPLIFIED_WITH_PASTE.replace("建設", "建设").replace("黨委會議", "党委会议"), "SF404") == []


def test_mojibake_is_flagged_once_per_garbled_passage():
    text = "某镇2025年度述法报告\n全年办理鈥滄硶娌讳笁杩涒€濇椿鍔12场，受理锟斤拷件。\n"
    found = lint(text, "SF405")
    assert [(d.line, d.column) for d in found] == [(2, 5), (2, 23)]
    assert "鈥滄硶娌讳笁杩涒€濇" in found[0].message.zh and "锟斤拷" in found[1].message.zh


def test_euro_signs_and_quotes_in_ordinary_text_are_not_mojibake():
    text = "某镇2025年度述法报告\n引进外资500万€，开展“法治进乡村”活动12场。\n"
    assert codes(text, "SF405") == []
