"""SF403: standard formulations, with the lexicon's own hit/miss self-tests."""

import pytest

from shufa_lint.lexicon import builtin
from support import codes, lint

ENTRIES = builtin().table("terms")["terms"]
TITLE_2025 = "2025年度镇长述法报告\n"


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["right"][:12] for entry in ENTRIES])
def test_lexicon_entries_hit_and_miss(entry):
    for text in entry["hit"]:
        found = lint(TITLE_2025 + text + "。", "SF403")
        assert found and entry["right"] in found[0].message.zh, text
    for text in entry["miss"]:
        assert codes(TITLE_2025 + text + "。", "SF403") == [], text


def test_a_formula_that_changed_is_not_wrong_in_an_older_report():
    old_goal = "职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信。"
    assert codes("2019年法治政府建设情况报告\n" + old_goal, "SF403") == []
    assert [c for c, *_ in codes("2022年法治政府建设情况报告\n" + old_goal, "SF403")] == ["SF403"]


def test_no_year_no_judgement_on_formulas_that_changed():
    assert codes("深入开展法制宣传教育。", "SF403") == []
