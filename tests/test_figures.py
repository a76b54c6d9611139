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
        ("经市政府第次常务会议审议通过。", 6),  # an ordinal without its number
        ("依据该条例第条规定作出处理。", 7),
        ("推动个小区完成业委会换届。", 3),
        ("本月受理纠纷起，全部调处成功。", 7),
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
        "第一责任人第一时间到位，各项工作次第展开。",
        "经县政府第十二次常务会议审议通过。",
        "指导个人信息保护工作，推动个转企。",
        "2024年4月起，分阶段开展执法案卷评查。",  # 起 after a date is "from"
        "本条例自2025年1月1日起施行。",
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


# A government work report in the style of a 区 or 县 one (written for these tests): economic figures in
# 万㎡, 万栋, 万余张, 台, 家, 所 and 座, counts after 等 and after the verbs such reports count with, changes
# told as 由…增至…, and look-alikes of dropped figures (a surname, a campaign's name, 企业家 the people).
WORK_REPORT = """\
某区2025年政府工作报告
区长  张卫民
各位代表：现在，我代表区人民政府向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全区地区生产总值完成1286.5亿元，同比增长6.2%。
（一）产业发展提质增效。新增规上工业企业58家，总量达到1126家。培育百亿级企业3家、十亿级企业21家。实施技术改造项目86个，弘扬企业家精神，依法保护企业家合法权益。
（二）重大项目加快推进。全年实施区级重点项目162个，滨河大道、科创路等7条道路建成通车，调整公交线路9条，新投放公交车120台。集中推进12项民生实事，涵盖36个具体项目，全部按期完成。
（三）城市面貌持续改善。清拆违法建筑45.6万㎡，排查自建房2.3万栋，分类整治危房460栋。出台稳增长“18条”措施，兑现奖补资金3.2亿元。
（四）社会事业全面进步。区人民医院床位由620张增至900张，发放就业创业服务卡3万余张，新增公办学位1.2万座。实验小学、育才中学等14所学校通过办学水平评估。
（五）政府自身建设不断加强。深入开展“万名干部进万企”活动，对张某某等人违规收费问题依法严肃处理，年度考核等次为优秀。
二、2026年工作安排
打造5个以上基层治理示范品牌，推进个人信用体系建设，启动项目建设“百日攻坚”。
"""


@pytest.mark.parametrize(
    "context, figure",
    [
        ("新增规上工业企业58家", "58"),  # 企业家 in a clause a cue for a total opens
        ("百亿级企业3家", "3"),  # 企业家 after a class
        ("科创路等7条", "7"),  # an enumeration's 等, then its count
        ("新投放公交车120台", "120"),  # a unit closing its clause after a counting verb
        ("集中推进12项", "12"),  # a verb a work report counts with
        ("涵盖36个", "36"),
        ("违法建筑45.6万㎡", "45.6"),  # the magnitude stays
        ("自建房2.3万栋", "2.3"),
        ("稳增长“18条”", "18"),  # a quoted package of measures
        ("床位由620张", "620"),  # the start of a change
        ("增至900张", "900"),
        ("服务卡3万余张", "3"),
        ("公办学位1.2万座", "1.2"),
        ("打造5个以上", "5"),  # 个以上 is a count, not a class like 亿元以上项目
    ],
)
def test_a_figure_dropped_from_a_work_report_is_found(context, figure):
    _assert_found_when_dropped(WORK_REPORT, context, figure)


def _assert_found_when_dropped(report: str, context: str, figure: str):
    """The clean report has no finding; without ``figure`` (in ``context``) it has one, at the unit left bare."""
    assert codes(report, "SF3") == []
    line_number, line = next((n, line) for n, line in enumerate(report.splitlines(), 1) if context in line)
    column = line.index(context) + context.index(figure) + 1
    damaged = report.replace(context, context.replace(figure, "", 1), 1)
    assert codes(damaged, "SF303") == [("SF303", line_number, column)]


@pytest.mark.parametrize(
    "sentence, unit_column",
    [
        ("完成幸福路、建设路等条道路改造。", 11),
        ("推动城市更新、生态修复等个重点项目落地。", 13),
        ("启动个城镇老旧小区改造项目，惠及居民4300户。", 3),
        ("组建个城市社区网格服务团队。", 3),
        ("全区市场主体由家增至1.2万家。", 8),
        ("公办幼儿园从所增至46所。", 7),
        ("规范占道经营万多起，群众投诉下降三成。", 7),
        ("配备专职网格员人，实现全覆盖。", 8),
        ("全区约有名外来务工人员参加培训。", 5),  # 约有 and 名, though jieba reads 约/有名
        ("政务服务事项平均办理时限压缩至个工作日。", 16),  # 压缩至, though jieba reads 压缩/至
        ("大力推进剩余万㎡土地返还。", 7),  # 剩余 ends in 余 but is no figure
        ("入选国家级人才计划专家人、省级人才计划专家12人。", 12),  # 专家/人, no 家人 (family)
        ("深入落实省稳经济个“25条”措施。", 9),  # a classifier before a name
        ("新增病床位张以上，缓解住院难。", 6),  # 以上 after a unit, not after a figure
        ("“1+N”中的“N”为个街道综合服务站。", 12),  # 为 explaining a formula
        ("供应产业用地超2平方公里，宗以上产业项目完成供地。", 14),  # 宗以上 is a count, 亿元以上项目 a class
        ("头部企业家以上。", 5),
        ("全县共入驻65家企业个项目，达产后产值可观。", 11),  # a second count after 65家企业
    ],
)
def test_dropped_figures_in_economic_reports(sentence, unit_column):
    assert codes(sentence, "SF303") == [("SF303", 1, unit_column)]


@pytest.mark.parametrize(
    "sentence",
    [
        # 等 ends an enumeration of people, places or a grade
        "对张三等人作出行政处罚。",
        "张三等人均已依法处理。",
        "在车站、码头、集贸市场等处张贴宣传海报。",
        "依法确定年度考核等次，考核等次为优秀。",
        "开展培训、宣讲等活动，提升群众法治意识。",
        # the verbs a work report counts with, before a word that starts with a unit character
        "加快推进个人信用体系建设。",
        "推出个性化法律服务产品。",
        "启动项目建设，确保如期完工。",
        "支持个体工商户转型升级。",
        "规范使用名称，严禁冒用他人名义。",
        "推进“个转企”工作，培育市场主体。",
        # … nor before a lone character, the head of a short form the dictionary lacks
        "推进个转企工作，培育市场主体。",
        "推进家校共育，落实签约服务等家医服务内容。",
        "依托学校、社区等家校社协同育人阵地开展普法。",
        # … nor before units other than classifiers
        "启动分批次轮训，提升执法能力。",
        "涵盖所办案件的全部环节，推进所提建议落地见效。",
        "加快推进新区垃圾分拣场、污水处理厂建设。",
        "涵盖立法、执法、司法、守法各环节。",
        # a surname is no unit
        "对张某某依法作出处罚决定。",
        "约谈张卫东同志，督促整改到位。",
        "其中张某某涉嫌违法。",
        # round numbers in names and set phrases
        "开展“万名干部进万企”活动。",
        "深化“万人助万企”行动，法律服务走进千家万户。",
        "亿万人民共同奋斗，全县万众一心。",
        "对群众反映的问题万分重视。",
        # quotes around more than a unit
        "推行“一件事一次办”，建成“法官之家”“职工之家”。",
        # 企业家 the people
        "弘扬企业家精神，走访企业家，听取意见。",
        "表彰优秀企业家。",
        "坚持共建共享服务企业家，营造良好营商环境。",
        # a class after a measure
        "年产值亿元以上企业全部纳入监测，县级以上领导干部带头述法。",
        "约有名的专家学者参加研讨。",
        # a round figure in words
        "可供应床位近万张，全年接待群众上万人次，发放宣传资料数万份。",
        "为企业减负超亿元，挽回经济损失近万元，地区生产总值突破亿元大关。",
        # 以上 and 为 in their other senses
        "以上内容请各单位认真落实，县级以上人民政府应当依法履职。",
        "以调研为名违规收受礼品的，依法严肃处理；为家乡发展贡献力量。",
        "成为个体工商户的，依法办理登记；作为个案进行研究。",
        # a quoted word explained, a name after a determiner
        "这里的“家”指的是家庭。",
        "把这个“关键少数”抓在手上。",
        "其余人员按程序调整，剩余部分于明年完成。",
        "走访慰问困难党员家人，关爱干部家人。",
        "全县共建成示范点12个，其中国家、省级示范点各1个。",
    ],
)
def test_no_dropped_figure_in_economic_reports(sentence):
    assert codes(sentence, "SF3") == []


# A 法治政府建设 report in a county's style (written for these tests), with the same kinds of dropped figures
# among the words for people that end in 人 or a unit character and count nothing.
LAW_REPORT = """\
某县2025年法治政府建设情况报告
一、主要工作
（一）推进依法决策。县政府常务会议会前学法12次，合法性审查行政规范性文件、重大合同等46件，出台优化法治化营商环境“16条”措施。
（二）严格规范执法。全县行政执法案件由1320件增至1586件，组织执法人员参加执法规范、证据收集等3个专题轮训，推送普法短信1.2万条。
（三）化解矛盾纠纷。认真听取信访人、当事人及其代理人的意见，明确责任人，做到责任落实到人；工作人员全程跟进，帮助村里的万元户依法签订合同。
二、存在问题
基层执法力量不足，执法人员专业化水平有待提高。
三、下一步工作
持续深化“谁执法谁普法”责任制，推动个人信息保护等领域执法。
"""


@pytest.mark.parametrize(
    "context, figure",
    [
        ("重大合同等46件", "46"),
        ("营商环境“16条”", "16"),
        ("案件由1320件", "1320"),
        ("证据收集等3个", "3"),
        ("普法短信1.2万条", "1.2"),
    ],
)
def test_a_figure_dropped_from_a_law_report_is_found(context, figure):
    _assert_found_when_dropped(LAW_REPORT, context, figure)


def _sentences_of(*tests) -> list[str]:
    """The sentences the parametrized tests above read."""
    return [case[0] if isinstance(case, tuple) else case for test in tests for case in test.pytestmark[0].args[1]]


def test_the_bare_unit_guard_passes_over_no_unit_the_pattern_finds():
    from pathlib import Path

    from shufa_lint.checks.figures import figure_data
    from shufa_lint.lexicon import builtin

    bare_unit = figure_data(builtin()).bare_unit
    seed = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8")
    sentences = [
        *_sentences_of(test_dropped_figures, test_no_dropped_figure, test_dropped_figures_in_economic_reports),
        *_sentences_of(test_no_dropped_figure_in_economic_reports, test_a_unit_opening_a_table_cell_or_a_list_item_is_no_dropped_figure),
        *seed.splitlines(),
    ]
    found = 0
    for sentence in sentences:
        expected = [m.span() for m in bare_unit.pattern.finditer(sentence)]
        assert [m.span() for m in bare_unit.finditer(sentence)] == expected, sentence
        found += len(expected)
    assert found > 50
    # what the guard is for: unit characters inside words are passed over in C
    assert not bare_unit.may_match("全国人民代表大会常务委员会，国家机关部门")


@pytest.mark.parametrize(
    "sentence", ["对全市人社信息系统开展安全检查。", "全年共有人资部门参与评估。", "开展人社政策宣讲活动。", "全年开展条线督查。", "全区件量同比下降。"]
)
def test_an_abbreviation_that_opens_with_a_unit_is_no_dropped_figure(sentence):
    # 人社 (人力资源和社会保障), 人资, 条线, 件量 are not in the dictionary: 全市/人/社 is no 全市[12]人
    assert codes(sentence, "SF303") == []


def test_a_figure_dropped_after_an_abbreviation_that_opens_with_a_unit_is_still_found():
    assert codes("全年培训人社干部人。", "SF303") == [("SF303", 1, 9)]
