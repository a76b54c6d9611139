"""SF1xx: required sections from the report type's pack."""

from support import codes, lint

SHUFA = "2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告\n"
ANNUAL = "某镇2025年法治政府建设情况报告\n"


def test_complete_report_has_all_sections():
    text = SHUFA + "一、工作情况\n内容。\n二、存在问题\n不足。\n三、整改措施\n措施。\n"
    assert codes(text, "SF1") == []


def test_synonyms_from_real_reports():
    text = SHUFA + "一、履职情况\n内容。\n二、存在的不足\n不足。\n三、下一步工作打算\n打算。\n"
    assert codes(text, "SF1") == []


def test_missing_section_named_where_it_belongs():
    text = SHUFA + "一、工作情况\n内容。\n二、下一步打算\n打算。\n"
    (diagnostic,) = lint(text, "SF1")
    assert (diagnostic.code, diagnostic.line) == ("SF101", 4)
    assert "存在问题" in diagnostic.message.zh


def test_topical_headings_count_as_the_work_section():
    text = SHUFA + "一、强化领导责任\n内容。\n二、学习贯彻习近平法治思想\n内容。\n三、存在的问题\n不足。\n四、下一步打算\n打算。\n"
    assert codes(text, "SF1") == []


def test_sections_after_a_cut_are_not_reported_missing():
    text = SHUFA + "一、工作情况\n全年开展学法活动6次，带头推进法治建设方面的"
    assert codes(text, "SF101") == []


def test_out_of_order():
    text = SHUFA + "一、工作情况\n内容。\n二、整改措施\n措施。\n三、存在问题\n不足。\n"
    (diagnostic,) = lint(text, "SF102")
    assert (diagnostic.line, diagnostic.column) == (4, 1)
    assert diagnostic.message.zh == "“二、整改措施”应在“三、存在问题”之后"


def test_empty_section():
    text = SHUFA + "一、工作情况\n内容。\n二、存在问题\n三、整改措施\n措施。\n"
    assert codes(text, "SF103") == [("SF103", 4, 1)]


def test_annual_report_pack_chosen_by_title_with_first_responsible_part_first():
    text = ANNUAL + (
        "一、党政主要负责人履行推进法治建设第一责任人职责情况\n内容。\n"
        "二、2025年推进法治政府建设的主要举措和成效\n内容。\n"
        "三、存在的不足和原因\n不足。\n四、2026年推进法治政府建设的主要安排\n安排。\n"
    )
    assert codes(text, "SF1") == []


def test_annual_report_without_first_responsible_part():
    text = ANNUAL + "一、主要举措和成效\n内容。\n二、存在的不足和原因\n不足。\n三、下一年度主要安排\n安排。\n"
    (diagnostic,) = lint(text, "SF101")
    assert "第一责任人" in diagnostic.message.zh


def test_pre_2019_annual_report_needs_no_first_responsible_part():
    text = "某县2017年法治政府建设情况报告\n一、主要举措和成效\n内容。\n二、存在的不足和原因\n不足。\n三、下一年度主要安排\n安排。\n"
    assert codes(text, "SF101") == []


def test_pack_can_be_forced():
    text = SHUFA + "一、工作情况\n内容。\n二、存在问题\n不足。\n三、整改措施\n措施。\n"
    found = lint(text, "SF101", pack="fazhi-zhengfu")
    assert found and all("法治政府建设年度报告" in d.message.zh for d in found)
