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
        ("聘请XX律师事务所担任常年法律顾问。", "XX"),
        ("在XX集镇开展赶集日普法宣传。", "XX"),
        ("XX村（社区）法律顾问覆盖率100%。", "XX"),
        ("与××公司签订合同前进行合法性审查。", "××"),
        ("对某某公司依法作出行政处罚。", "某某"),
    ],
)
def test_name_and_date_placeholders(sentence, found):
    diagnostics = lint(sentence, "SF302")
    assert diagnostics and f"“{found}" in diagnostics[0].message.zh


@pytest.mark.parametrize(
    "sentence",
    [
        "被告张某某以借款纠纷起诉。",
        "二〇二五年三月。",
        "2025年1月5日召开会议。",
        "XP系统升级。",
        "某县2025年度报告。",
        "为老年人免费开展X光检查。",
        "采购型号为XX-200的执法记录仪。",
        "参加Max Xu主讲的XXL码讲座。",
        "接待群众XX人次。",  # a figure: SF301's
    ],
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
        ("罚没款万元,同比下降12%。", 4),
        ("罚没款万元全部上缴国库。", 4),
        ("参加法律知识考试,平均成绩分,合格率100%。", 14),
        ("全年学法次,其中专题学法4次。", 5),
        ("办理案件件,挽回经济损失230万元。", 5),
        ("累计培训执法人员人次。", 9),
        ("全年共排查矛盾纠纷起。", 10),
        ("约有1500名群众参与，同比增长%。", 17),
        ("下沉全镇个村开展宣讲。", 5),
        ("聘请法律顾问3名，律师事务所家。", 15),
        ("制定工作要点，明确4个方面项重点任务。", 14),
        ("出动执法人员万余人次。", 7),
        ("对9个镇、个重点执法部门开展评议。", 6),
        ("组织执法人员培训期，参训56人。", 9),
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
        # words that end in 人 or a unit character and are no counts
        "接待信访人反映的诉求，听取当事人及其代理人意见。",
        "明确责任人，做到责任落实到人。",
        "保护个人信息，本人签字确认。",
        "清理不符合条件的文件，妥善处置突发事件。",
        "把程序问题当成次要问题。",
        "群众诉求件件有回音、事事有着落。",
        "认真听取申请人、被申请人和第三人意见。",
        "开展“宪法进万家”活动，让法律服务走进千家万户。",
        "顺利通过部、省、市三级检查。",
        "保留继续有效规范性文件二百多份。",
        "扶持超50家亿元以上工业企业。",
        "加快推进垃圾分拣场、厨余垃圾处理设施建设。",
        "涉及多部门的复杂案件由县司法局牵头协调。",
        "局长  张卫东",
        "全年引进亿元以上项目42个。",
        "（牵头单位：县委组织部、县司法局）",
        "涉及人名的只写职务。",
    ],
)
def test_no_dropped_figure(sentence):
    assert codes(sentence, "SF303") == []


def test_placeholders_in_the_title_are_found():
    assert codes("20XX年度镇长述法报告\n正文。", "SF302") == [("SF302", 1, 1)]


def test_bracketed_and_spaced_blanks_are_one_finding_each():
    assert codes("审查合同(?)份，全年办理 ? 件。", "SF3") == [("SF301", 1, 5), ("SF301", 1, 15)]


@pytest.mark.parametrize("sentence, column, found", [("2025年X月X日召开会议。", 6, "X月X日"), ("2025年X月5日召开会议。", 6, "X")])
def test_a_date_placeholder_after_a_real_year_points_at_the_blank(sentence, column, found):
    (diagnostic,) = lint(sentence, "SF302")
    assert diagnostic.column == column and f"“{found}”" in diagnostic.message.zh


def test_a_sibling_figure_does_not_make_a_count_of_a_unit_after_a_preposition():
    paragraph = "全年召开党组会专题研究法治工作4次,做到责任到人。聘请法律顾问3名,律师事务所家。"
    assert codes(paragraph, "SF303") == [("SF303", 1, 40)]


@pytest.mark.parametrize(
    "text",
    [
        # a unit opening a table cell is the column's name: nothing was cut out before it
        "二、工作开展情况\n\n| 活动 | 场次 | 受众（人次） |\n| --- | --- | --- |\n| 法治讲座 | 12 | 860 |\n",
        # a unit opening a list item after its marker and a space
        "二、存在的问题\n1. 部分乡镇合法性审查力量薄弱。\n2. 个别单位执法记录不全。\n",
    ],
)
def test_a_unit_opening_a_table_cell_or_a_list_item_is_no_dropped_figure(text):
    assert codes(text, "SF303") == []


def test_a_space_where_a_figure_was_cut_between_words_is_still_found():
    assert codes("全年受理涉法涉诉信访 件。", "SF303") == [("SF303", 1, 12)]
