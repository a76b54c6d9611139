"""SF3xx: figure placeholders, date/name placeholders, and dropped figures."""

import pytest

from support import codes, lint


@pytest.mark.parametrize(
    "sentence, column",
    [
        ("年内组织专题学习研讨*次，效果良好。", 11),
        ("权重占比提升至＊%。", 8),
        ("开展送法下乡活动X场。", 9),
        ("化解矛盾纠纷××件。", 7),
        ("接待群众XX人次。", 5),
        ("受理信访□□起。", 5),
        ("提供法律援助*件，覆盖*个村。", 7),
    ],
)
def test_figure_placeholders(sentence, column):
    found = codes(sentence, "SF301")
    assert found and found[0] == ("SF301", 1, column)


@pytest.mark.parametrize(
    "sentence",
    [
        "全年开展学法活动6次，培训3场次。",
        "使用Windows XP系统办公。",
        "字体为仿宋_GB2312。",
        "完成率达到100%。",
        "**重要**的是落实。",
    ],
)
def test_no_figure_placeholder(sentence):
    assert codes(sentence, "SF301") == []


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("20XX年度工作总结。", "20XX年"),
        ("于X月X日召开会议。", "X月X日"),
        ("XX镇召开专题会议。", "XX"),
        ("×××同志主持会议。", "×××"),
        ("制定《**县创建示范县实施方案》。", "**"),
        ("____年__月__日", "__"),
    ],
)
def test_name_and_date_placeholders(sentence, found):
    diagnostics = lint(sentence, "SF302")
    assert diagnostics and f"“{found}" in diagnostics[0].message.zh


@pytest.mark.parametrize(
    "sentence",
    ["被告张某某以借款纠纷起诉。", "二〇二五年三月。", "2025年1月5日召开会议。", "XP系统升级。", "某县2025年度报告。"],
)
def test_no_name_placeholder(sentence):
    assert codes(sentence, "SF302") == []


@pytest.mark.parametrize(
    "sentence, unit_column",
    [
        ("年内组织专题学习研讨次，带领班子成员学习。", 11),
        ("涉法涉诉信访 件。", 8),
        ("调解成功率保持在%以上。", 9),
        ("全年共开展学法活动次。", 10),
        ("共受理行政复议案件件。", 10),  # 案件 is a word; the second 件 counts
        ("覆盖群众人次，效果明显。", 5),
    ],
)
def test_dropped_figures(sentence, unit_column):
    assert codes(sentence, "SF303") == [("SF303", 1, unit_column)]


@pytest.mark.parametrize(
    "sentence",
    [
        "这次会议研究了法治建设。",
        "每次会议安排1-2部法律法规。",
        "县委常委会多次研究法治工作。",
        "依法办理行政复议案件。",
        "我们和群众一起参与活动。",
        "法律服务下沉的服务频次有限。",
        "开展会前学法21次，专题培训 3 场次。",
        "权重提升至 15%。",
        "组织开展各类活动，覆盖各处。",
        "调解成功率达98%以上。",
        "组织召开会议次数较多。",
        "开展了一系列活动。",
    ],
)
def test_no_dropped_figure(sentence):
    assert codes(sentence, "SF303") == []


def test_placeholders_in_the_title_are_found():
    assert codes("20XX年度镇长述法报告\n正文。", "SF302") == [("SF302", 1, 1)]


def test_bracketed_and_spaced_blanks_are_one_finding_each():
    assert codes("审查合同(?)份，全年办理 ? 件。", "SF3") == [("SF301", 1, 5), ("SF301", 1, 15)]
