"""Drafts in the styles real reports use (tests/fixtures/clean/, written for these tests): clean ones
must give no structural or content finding, and one defect put into one must give exactly its finding."""

from pathlib import Path

import pytest

from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import read_path
from shufa_lint.source.reader import read_bytes

CLEAN = Path(__file__).parent / "fixtures" / "clean"
HEADLINE = ("SF1", "SF2", "SF3", "SF4", "SF5", "SF6")


def headline(diagnostics):
    return [(d.code, d.line, d.column) for d in diagnostics if d.code.startswith(HEADLINE)]


@pytest.mark.parametrize("path", sorted(CLEAN.iterdir()), ids=lambda p: p.name)
def test_clean_draft_gives_no_headline_finding(path):
    assert headline(lint_source(read_path(str(path)), Settings())) == []


def lint_changed(name: str, old: str, new: str):
    text = (CLEAN / name).read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    offset = changed.index(new)
    line = changed.count("\n", 0, offset) + 1
    column = offset - (changed.rfind("\n", 0, offset) + 1) + 1
    diagnostics = lint_source(read_bytes(name, changed.encode("utf-8")), Settings())
    return headline(diagnostics), line, column


@pytest.mark.parametrize(
    "name, old, new, code, shift",
    [
        ("c01_town_secretary_shufa.txt", "全年组织专题学习研讨6次", "全年组织专题学习研讨*次", "SF301", 10),
        ("c02_county_head_shufa.txt", "分值占比5%", "分值占比X%", "SF301", 4),
        ("c05_town_fzzf_folded.txt", "2026年2月12日", "20XX年2月12日", "SF302", 0),
        ("c01_town_secretary_shufa.txt", "全年组织专题学习研讨6次", "全年组织专题学习研讨次", "SF303", 10),
        ("c01_town_secretary_shufa.txt", "针对留守老人、外出务工人员的精准普法还有差距", "针对留守老人等弱势_的精准普法还有差距", "SF401", 9),
        ("c02_county_head_shufa.txt", "深入学习贯彻习近平法治思想，认真落实", "深入学习贯彻_法治思想，认真落实", "SF401", 6),
        ("c19_terms_urls.txt", "深化司法体制综合配套改革衔接", "深化司法_综合配套改革衔接", "SF401", 4),
        ("c07_inline_yishi_semicolon.txt", "专题学习习近平法治思想4次", "专题学习总书记法治思想4次", "SF402", 4),
        ("c07_inline_yishi_semicolon.txt", "四是带头参加旁听庭审活动1次", "三是带头参加旁听庭审活动1次", "SF202", 0),
        # 习近平 deleted before 法治思想 without a mark, in the constructions reports use
        ("c24_roles_and_counts.txt", "把学习贯彻习近平法治思想纳入", "把法治思想纳入", "SF402", 1),
        ("c24_roles_and_counts.txt", "深入学习贯彻习近平法治思想，带头", "深入学习贯彻法治思想，带头", "SF402", 6),
        ("c24_roles_and_counts.txt", "坚持以习近平新时代中国特色社会主义思想为指导", "坚持以法治思想为指导", "SF402", 3),
        # a partly filtered name
        ("c24_roles_and_counts.txt", "深入学习贯彻习近平法治思想，带头", "深入学习贯彻习_法治思想，带头", "SF401", 7),
        # filtered words beyond the name: the lexicon knows the phrases they stand in
        ("c24_roles_and_counts.txt", "全年未发生越级上访", "全年未发生越级_", "SF401", 7),
        ("c24_roles_and_counts.txt", "针对不同群体开展", "针对不同_开展", "SF401", 4),
        ("c24_roles_and_counts.txt", "加强网络直播带货", "加强网络_带货", "SF401", 4),
        # named placeholders
        ("c24_roles_and_counts.txt", "联合县医院为", "联合XX医院为", "SF302", 2),
        ("c24_roles_and_counts.txt", "2026年1月20日", "2026年X月X日", "SF302", 5),
        # the same in a 法治政府建设 report typed with half-width punctuation
        ("c25_county_bureau_fzzf_halfwidth.txt", "罚没款87.3万元", "罚没款万元", "SF303", 3),
        ("c25_county_bureau_fzzf_halfwidth.txt", "办理行政处罚案件126件", "办理行政处罚案件件", "SF303", 8),
        ("c25_county_bureau_fzzf_halfwidth.txt", "覆盖群众1800余人次", "覆盖群众余人次", "SF303", 4),
        ("c25_county_bureau_fzzf_halfwidth.txt", "少数民族聚居村", "少数_聚居村", "SF401", 2),
        ("c25_county_bureau_fzzf_halfwidth.txt", "全面贯彻习近平法治思想,", "全面贯彻法治思想,", "SF402", 4),
        ("c25_county_bureau_fzzf_halfwidth.txt", "2026年1月18日", "2026年X月18日", "SF302", 5),
        # dropped figures, in text with half-width commas and among words that end in a unit character
        ("c24_roles_and_counts.txt", "平均成绩92分", "平均成绩分", "SF303", 4),
        ("c24_roles_and_counts.txt", "罚没款36.5万元", "罚没款万元", "SF303", 3),
        ("c24_roles_and_counts.txt", "全年专题学法12次", "全年专题学法次", "SF303", 6),
        ("c24_roles_and_counts.txt", "办理案件41件", "办理案件件", "SF303", 4),
        ("c24_roles_and_counts.txt", "全年共办理行政复议案件58件", "全年共办理行政复议案件件", "SF303", 11),
        ("c24_roles_and_counts.txt", "接待信访人23批次", "接待信访人批次", "SF303", 5),
        ("c24_roles_and_counts.txt", "同比增长8.6%", "同比增长%", "SF303", 4),
        ("c24_roles_and_counts.txt", "覆盖群众3200余人次", "覆盖群众余人次", "SF303", 4),
    ],
)
def test_one_defect_gives_its_finding(name, old, new, code, shift):
    found, line, column = lint_changed(name, old, new)
    assert found == [(code, line, column + shift)]


def test_broken_line_in_a_clean_draft():
    found, line, _ = lint_changed(
        "c04_county_fzzf_annual_first.txt", "6项重大行政决策全部履行法定程序；", "6项重大行政决策全部履行\n法定程序；"
    )
    assert [(code, at) for code, at, _ in found] == [("SF601", line)]


def test_missing_problems_section_in_a_clean_draft():
    text = (CLEAN / "c01_town_secretary_shufa.txt").read_text(encoding="utf-8")
    start, end = text.index("二、存在问题"), text.index("三、下一步打算")
    changed = text[:start] + text[end:].replace("三、下一步打算", "二、下一步打算", 1)
    found = headline(lint_source(read_bytes("draft.txt", changed.encode("utf-8")), Settings()))
    assert [code for code, *_ in found] == ["SF101"]
