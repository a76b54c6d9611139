"""Eleven whole clean reports in styles the earlier QA passes lack (tests/fixtures/qa_clean4/, written for
these tests): a 县市场监管局 局长's 述法 in 一、 parts with 1. 2. items, a 乡党委书记's 述职述廉述法 (述职,
述廉, 述法 parts), a 街道 法治建设工作总结 with half-width (一), a 区人民政府 report in six parts whose
第一责任人 part comes first, a 县教育局 report pasted from WPS (full-width indent, page numbers and form
feeds between pages), a report whose table of figures was flattened one cell a line, a 副县长's 述法
speech (各位领导、同志们：… 谢谢大家！), a 卫健局 局长's 述法 numbered 第一，第二，… and 首先，其次，…,
a court president's and a procurator-general's 述法, and a 应急管理局 report with 附件 printed after its
落款. The drafts made from them with defects put in are tested with the earlier ones
(tests/test_qa_defects2.py, tests/fixtures/qa_defects4/).

None may give a headline finding (warning or error); each class of false alarm they showed has its
must-not-flag test here, next to the defect the rule still catches: a grass-roots station named 基层所,
the hours of training named as a quantity (培训学时), a problems part headed 正视差距, the rows of an
attachment after the signature, and a 第三 repeated where 第四 belongs (one slip, not a repeat and a skip).
"""

from __future__ import annotations

import pytest

from shufa_lint.diagnostics import Severity
from shufa_lint.engine import lint_source, prepare
from shufa_lint.settings import Settings
from shufa_lint.source import read_path
from support import FixtureFolder, codes, lint

QA_CLEAN4 = FixtureFolder("qa_clean4")

TYPES = {
    "m01_county_market_bureau_director_shufa_2024.txt": "shufa",
    "m02_township_party_secretary_shuzhi_shulian_shufa_2024.txt": "shuzhi-shulian-shufa",
    "m03_street_fazhi_summary_2023_halfwidth_brackets.txt": "gongzuo-zongjie",  # 法治建设工作总结
    "m04_district_government_fzzf_2024_six_parts.txt": "fazhi-zhengfu",
    "m05_wps_paste_education_bureau_fzzf_2023_page_breaks.txt": "fazhi-zhengfu",
    "m06_county_fzzf_2022_table_cells_one_per_line.txt": "fazhi-zhengfu",
    "m07_county_deputy_head_shufa_2024_speech.txt": "shufa",
    "m08_county_health_commission_director_shufa_2023_diyi_shouxian.txt": "shufa",
    "m09_county_court_president_shufa_2024.txt": "shufa",
    "m10_district_procuratorate_chief_shufa_2023.txt": "shufa",
    "m11_county_emergency_bureau_fzzf_2025_attachments_signature.txt": "fazhi-zhengfu",
}


def test_every_fixture_has_its_type():
    assert QA_CLEAN4.names() == sorted(TYPES)


@pytest.mark.parametrize("name", sorted(TYPES))
def test_a_clean_whole_report_in_a_new_style_gives_no_headline_finding(name):
    found = lint_source(read_path(str(QA_CLEAN4.path / name)), Settings())
    assert [(d.code, d.line, d.message.zh) for d in found if d.severity >= Severity.WARNING] == []


@pytest.mark.parametrize("name", sorted(TYPES))
def test_the_report_type_is_recognised_from_the_title(name):
    found = prepare(read_path(str(QA_CLEAN4.path / name)), Settings()).report_type
    assert (found.name, found.decided_by) == (TYPES[name], "title")


# --- SF303: a grass-roots station named 基层所, and the hours of training named as a quantity ----------

MARKET = "m01_county_market_bureau_director_shufa_2024.txt"
TASKS = "分解到各股室和基层所。"


@pytest.mark.parametrize(
    "sentence",
    [
        "分解到各股室和基层所。",  # the department's stations, no count of them
        "由中心所统一调度执法力量。",
        "建立执法人员年度培训学时登记制度。",  # the hours of training, a quantity named
        "每名执法人员年度培训学时不少于60学时。",
    ],
)
def test_a_station_or_the_hours_of_training_named_is_no_count(sentence):
    assert codes(QA_CLEAN4.changed(MARKET, TASKS, sentence), "SF303") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "在全县新建标准化学校所。",  # 3所 dropped
        "组织执法人员集中培训学时以上。",  # 60学时以上: only a figure takes 以上
        "每名执法人员年度培训不少于学时。",
    ],
)
def test_a_figure_dropped_before_所_or_学时_is_still_found(sentence):
    assert [code for code, _line, _column in codes(QA_CLEAN4.changed(MARKET, TASKS, sentence), "SF303")] == ["SF303"]


# --- SF101: a part that owns up to the gaps before it says what comes next ---------------------------

SPEECH = "m07_county_deputy_head_shufa_2024_speech.txt"
OWNING_UP = "五、正视差距，明确努力方向"
REPORT = "m04_district_government_fzzf_2024_six_parts.txt"


@pytest.mark.parametrize(
    "name, old, heading",
    [
        (SPEECH, OWNING_UP, OWNING_UP),
        (SPEECH, OWNING_UP, "五、查摆问题，明确努力方向"),
        (SPEECH, OWNING_UP, "五、找准短板，明确努力方向"),
        (REPORT, "三、存在的不足和原因", "三、正视工作中的差距"),
    ],
)
def test_a_part_headed_by_owning_up_to_the_gaps_is_the_problems_part(name, old, heading):
    assert codes(QA_CLEAN4.changed(name, old, heading), "SF101") == []


def test_a_part_headed_by_the_way_ahead_alone_leaves_the_problems_part_missing():
    found = lint(QA_CLEAN4.changed(SPEECH, OWNING_UP, "五、明确努力方向"), "SF101")
    assert len(found) == 1 and "存在问题" in found[0].message.zh


# --- SF602: the rows of an attachment printed after the signature ------------------------------------

ATTACHED = "m11_county_emergency_bureau_fzzf_2025_attachments_signature.txt"
LAST_ROW = "4.应急预案修订14件：已完成"


def _attachment_endings() -> dict[str, str]:
    text = QA_CLEAN4.text(ATTACHED)
    return {
        "a checklist's row": text,
        "附件二": text.replace("附件2\n", "附件二\n"),
        "a note after the rows": text.replace(LAST_ROW, LAST_ROW + "\n备注：数据截至2025年12月25日"),
        "a table's row (行政诉讼：0件)": text[: text.index("\n\n附件2\n")] + "\n",
    }


@pytest.mark.parametrize("ending", sorted(_attachment_endings()))
def test_a_report_that_ends_in_an_attachment_s_rows_is_not_cut_off(ending):
    assert codes(_attachment_endings()[ending], "SF602") == []


def test_a_report_cut_off_in_its_body_before_any_attachment_is_still_found():
    text = QA_CLEAN4.text(ATTACHED)
    cut = text[: text.index("三、存在的不足和原因")] + "三、存在的不足和原因\n一是执法力量与监管任务不匹配，全局持证执法人员"
    assert [code for code, _line, _column in codes(cut, "SF602")] == ["SF602"]


# --- SF201/SF202: 第三 written where 第四 belongs ------------------------------------------------------

ORDINALS = "m08_county_health_commission_director_shufa_2023_diyi_shouxian.txt"


def test_an_ordinal_repeated_where_the_next_belongs_is_one_slip():
    text = QA_CLEAN4.changed(ORDINALS, "第四，始终坚持严格执法", "第三，始终坚持严格执法")
    found = lint(text, ("SF201", "SF202"))
    assert [(d.code, d.line) for d in found] == [("SF202", 10)]
    assert "此处应为“第四”" in found[0].message.zh


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("第四，始终坚持严格执法", "第五，始终坚持严格执法", [("SF201", 10), ("SF202", 11)]),  # 第三 第五 第五 第六
        ("第五，始终坚持源头治理", "第七，始终坚持源头治理", [("SF201", 11)]),
        ("第六，始终坚持问题导向", "第七，始终坚持问题导向", [("SF201", 12)]),
    ],
)
def test_ordinals_that_skip_or_repeat_otherwise_are_still_found(old, new, expected):
    found = lint(QA_CLEAN4.changed(ORDINALS, old, new), ("SF201", "SF202"))
    assert sorted((d.code, d.line) for d in found) == sorted(expected)

