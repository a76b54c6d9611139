"""Ten whole clean reports in styles the earlier fixtures lack (tests/fixtures/qa_clean3/, written for
these tests): a 2020 county 法治政府建设年度报告 in six parts nested 一、（一）1.（1）①, a 2021 city report
whose parts are 一、坚持…，… with 【…】 run-in subsections, a 2022 县长 述法 of long enumerations (、 ；,
1—11月, 3—5年, 万元, 亿元), a report whose headings end in a full stop or a colon, one with tables
flattened to text (tabs, and spaces), a department's report citing 《…》（…〔2021〕12号） and 第四十三条第一款
with ①② notes and 注： lines, a 司法局 report of 一是… runs with 1.2.3. lists inside them, a department
report whose 第一责任人 part comes first, a town secretary's 述法 indented with full-width spaces, and a
data bureau's report with APP, API, OA, PPP, 5G, 12345热线, 附件：1.…2.… and a date in Chinese numerals.

None may give a headline finding (warning or error) of any rule; each class of false alarm they showed
has its must-not-flag test here, next to the defect the rule still catches: the header row of a
space-laid table, 三是 after a 1. 2. 3. list inside 二是, a table of contents, the same reports hard-wrapped
at one width (with page numbers between their lines), problems and plans parts headed 需要改进的地方 or
工作展望, 原县依法治县领导小组 told as history (and 人社 in SF303, in tests/test_figures.py)."""

from __future__ import annotations

import pytest

from shufa_lint.diagnostics import Severity
from shufa_lint.engine import lint_source, prepare
from shufa_lint.settings import Settings
from shufa_lint.source import read_path
from support import FixtureFolder, codes, lint

QA_CLEAN3 = FixtureFolder("qa_clean3")

TYPES = {
    "k01_county_fzzf_2020_six_parts_deep.txt": "fazhi-zhengfu",
    "k02_city_fzzf_2021_long_headings_brackets.txt": "fazhi-zhengfu",
    "k03_county_head_shufa_2022_enumerations.txt": "shufa",
    "k04_district_fzzf_2023_headings_stop_colon.txt": "fazhi-zhengfu",
    "k05_county_fzzf_2024_flattened_table.txt": "fazhi-zhengfu",
    "k06_city_natural_resources_fzzf_2021_citations_notes.txt": "fazhi-zhengfu",
    "k07_county_justice_bureau_fzzf_2023_yishi_sublists.txt": "fazhi-zhengfu",
    "k08_city_hrss_bureau_fzzf_2022_duty_first.txt": "fazhi-zhengfu",
    "k09_town_secretary_shufa_2025_fullwidth_indent.txt": "shufa",
    "k10_district_data_bureau_fzzf_2024_attachments_abbreviations.txt": "fazhi-zhengfu",
}


def test_every_fixture_has_its_type():
    assert QA_CLEAN3.names() == sorted(TYPES)


@pytest.mark.parametrize("name", sorted(TYPES))
def test_a_clean_whole_report_in_a_new_style_gives_no_headline_finding(name):
    found = lint_source(read_path(str(QA_CLEAN3.path / name)), Settings())
    assert [(d.code, d.line, d.message.zh) for d in found if d.severity >= Severity.WARNING] == []


@pytest.mark.parametrize("name", sorted(TYPES))
def test_the_report_type_is_recognised_from_the_title(name):
    found = prepare(read_path(str(QA_CLEAN3.path / name)), Settings()).report_type
    assert (found.name, found.decided_by) == (TYPES[name], "title")


# --- SF303: the header row of a table laid out with spaces ------------------------------------------

TABLE = "k05_county_fzzf_2024_flattened_table.txt"
HEADER = "乡镇    执法检查次数    处罚案件数    普法活动场次"


@pytest.mark.parametrize("header", [HEADER, HEADER.replace("    ", "\t"), "项目    完成率%    群众满意率%    备注"])
def test_the_header_row_of_a_table_laid_out_with_spaces_names_columns(header):
    assert codes(QA_CLEAN3.changed(TABLE, HEADER, header), "SF303") == []


@pytest.mark.parametrize(
    "old, new",
    [
        # a data row whose cell lost its figure, and a sentence in which one was cut out between words
        ("龙潭镇    124    18    24", "龙潭镇    次    18    24"),
        ("受众12万余人次。", "受众12万余人次，涉法涉诉信访 件。"),
    ],
)
def test_a_figure_cut_out_of_a_data_row_or_a_sentence_near_the_table_is_still_found(old, new):
    assert len(codes(QA_CLEAN3.changed(TABLE, old, new), "SF303")) == 1


# --- SF203/SF201: 一是 runs with a 1. 2. 3. list inside them ---------------------------------------

RUNS = "k07_county_justice_bureau_fzzf_2023_yishi_sublists.txt"


def test_an_item_after_a_list_inside_the_item_before_it_goes_on_with_the_run():
    # 二是抓好重点对象学法。…以下三类人群： 1.… 2.… 3.… then 三是推进法治文化建设
    assert codes(QA_CLEAN3.text(RUNS), ("SF201", "SF202", "SF203")) == []


@pytest.mark.parametrize(
    "old, new, code",
    [
        ("三是推进法治文化建设", "四是推进法治文化建设", "SF201"),  # 一是 二是 [1. 2. 3.] 四是
        ("二是抓好重点对象学法", "三是抓好重点对象学法", "SF201"),  # 一是 三是 [1. 2. 3.] 三是
        ("三是推进法治文化建设", "二是推进法治文化建设", "SF202"),  # 一是 二是 [1. 2. 3.] 二是
    ],
)
def test_an_item_that_skips_or_repeats_across_a_list_inside_the_run_is_a_slip(old, new, code):
    found = codes(QA_CLEAN3.changed(RUNS, old, new), ("SF201", "SF202", "SF203"))
    assert code in [c for c, _line, _column in found]


# --- a table of contents before the body ------------------------------------------------------------

DATA = "k10_district_data_bureau_fzzf_2024_attachments_abbreviations.txt"
CONTENTS = """目  录
一、主要工作及成效……………………………………1
二、主要负责人履行推进法治建设第一责任人职责情况……4
三、存在的不足……………………………………………5
四、2025年工作计划……………………………………………6

"""


@pytest.mark.parametrize("leader", ["……………", ".........", "·········"])
def test_the_entries_of_a_table_of_contents_open_no_part(leader):
    contents = CONTENTS.replace("……………………………………", leader)
    text = QA_CLEAN3.changed(DATA, "区委全面依法治区委员会办公室：", contents + "区委全面依法治区委员会办公室：")
    assert [(d.code, d.line) for d in lint(text) if d.severity >= Severity.WARNING] == []


def test_a_part_the_contents_name_and_the_body_lacks_is_missing():
    text = QA_CLEAN3.changed(DATA, "区委全面依法治区委员会办公室：", CONTENTS + "区委全面依法治区委员会办公室：")
    without = text[: text.index("三、存在的不足\n一是")] + text[text.index("四、2025年工作计划\n（一）") :]
    found = lint(without, "SF101")
    assert len(found) == 1 and "不足" in found[0].message.zh


# --- SF601: a text hard-wrapped at one width (a PDF saved as text) ----------------------------------


def _wrapped(text: str, width: int, measure) -> str:
    """``text`` hard-wrapped as a PDF's text or a wrapping tool gives it: each paragraph (indented with
    two full-width spaces) cut into lines of at most ``width`` by ``measure``."""
    lines = []
    for paragraph in text.split("\n"):
        line = "\u3000\u3000" + paragraph.lstrip("\u3000") if paragraph.strip() else paragraph
        while measure(line) > width:
            cut = max(size for size in range(1, len(line) + 1) if measure(line[:size]) <= width)
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return "\n".join(lines)


def _columns(text: str) -> int:
    return sum(1 if char.isascii() else 2 for char in text)


ENUMERATIONS = "k03_county_head_shufa_2022_enumerations.txt"


@pytest.mark.parametrize("width, measure", [(36, len), (70, _columns)], ids=["36 characters", "70 columns"])
def test_a_text_hard_wrapped_at_one_width_has_no_broken_line(width, measure):
    text = _wrapped(QA_CLEAN3.text(ENUMERATIONS), width, measure)
    assert len(text.splitlines()) > 2 * len(QA_CLEAN3.text(ENUMERATIONS).splitlines())
    assert [(d.code, d.line) for d in lint(text) if d.severity >= Severity.WARNING] == []


@pytest.mark.parametrize("page", ["— {} —", "- {} -", "第{}页", "第 {} 页 共 4 页"])
def test_a_page_number_between_two_lines_of_a_wrapped_paragraph_breaks_nothing(page):
    lines = _wrapped(QA_CLEAN3.text(ENUMERATIONS), 70, _columns).split("\n")
    paged = []
    for number, line in enumerate(lines, 1):
        paged += [line, page.format(number // 28 + 1)] if number % 28 == 0 else [line]  # a page of 28 lines
    assert [(d.code, d.line) for d in lint("\n".join(paged)) if d.severity >= Severity.WARNING] == []
    # a figure dropped on a page after one still is found
    dropped = "\n".join(paged).replace("优秀率、合格率分别为21.7%、96.4%", "优秀率、合格率分别为%、96.4%", 1)
    assert [code for code, _line, _column in codes(dropped, "SF303")] == ["SF303"]


def test_a_line_broken_short_of_the_wrap_width_is_still_a_broken_line():
    # the draft broke a line mid-sentence before it was wrapped: that line ends short of the width
    broken = _wrapped(QA_CLEAN3.changed(ENUMERATIONS, "会议会前学法10次，学习了", "会议会前学法10次，学习\n了"), 36, len)
    line = next(number for number, text in enumerate(broken.splitlines(), 1) if text.endswith("学法10次，学习"))
    assert [(code, at) for code, at, _column in codes(broken, "SF601")] == [("SF601", line)]


def test_a_figure_dropped_in_a_hard_wrapped_text_is_still_found():
    text = _wrapped(QA_CLEAN3.changed(ENUMERATIONS, "县政府常务会议会前学法10次", "县政府常务会议会前学法次"), 36, len)
    assert [code for code, _line, _column in codes(text, "SF303")] == ["SF303"]


# --- SF101: a problems part headed by what needs improving ------------------------------------------

TOWN = "k09_town_secretary_shufa_2025_fullwidth_indent.txt"


@pytest.mark.parametrize(
    "name, heading",
    [
        (TABLE, "三、需要改进的地方"),
        (TABLE, "三、有待加强的方面"),
        (TOWN, "　　三、还需改进的方面"),
        (TOWN, "　　三、履职中的不足"),
        (TOWN, "　　三、工作上的差距"),
    ],
)
def test_a_problems_part_headed_by_what_needs_improving_is_there(name, heading):
    old = "三、存在的问题" if name == TABLE else "　　三、存在的问题"
    assert codes(QA_CLEAN3.changed(name, old, heading), "SF101") == []


@pytest.mark.parametrize(
    "heading",
    [
        "　　三、面临的形势",  # no problems
        "　　三、补齐法治建设的短板",  # a measure
        "　　三、针对不足的整改措施",  # the measures part, and no problems part before it
    ],
)
def test_a_heading_that_names_no_problems_part_leaves_it_missing(heading):
    text = QA_CLEAN3.changed(TOWN, "　　三、存在的问题", heading)
    assert any("存在问题" in d.message.zh for d in lint(text, "SF101"))


# --- SF403: a former body named as the former one ----------------------------------------------------

CITY = "k02_city_fzzf_2021_long_headings_brackets.txt"
TRAINED = "培训学员420人次。"


@pytest.mark.parametrize(
    "sentence",
    ["原县依法治县领导小组办公室的职责已划入县委全面依法治县委员会办公室。", "将原市委依法治市领导小组的成员单位全部纳入委员会。"],
)
def test_a_leading_group_named_as_the_former_one_is_history(sentence):
    assert codes(QA_CLEAN3.changed(CITY, TRAINED, TRAINED + sentence), "SF403") == []


@pytest.mark.parametrize("sentence", ["调整市委依法治市领导小组成员。", "太原市依法治市领导小组召开全体会议。"])
def test_a_leading_group_named_as_the_present_one_in_2021_is_out_of_date(sentence):
    text = QA_CLEAN3.changed(CITY, TRAINED, TRAINED + sentence)
    assert [code for code, _line, _column in codes(text, "SF403")] == ["SF403"]


# --- SF101: a plans part headed 工作展望 or 工作谋划 ----------------------------------------------------


@pytest.mark.parametrize(
    "name, old, heading",
    [
        (TABLE, "四、下一步工作计划", "四、2025年工作展望"),
        (TABLE, "四、下一步工作计划", "四、明年工作谋划"),
        (TOWN, "　　四、下一步工作打算", "　　四、2026年工作谋划"),
        (TOWN, "　　四、下一步工作打算", "　　四、工作展望"),
    ],
)
def test_a_plans_part_headed_as_an_outlook_is_there(name, old, heading):
    assert codes(QA_CLEAN3.changed(name, old, heading), "SF101") == []


@pytest.mark.parametrize(
    "name, old, heading", [(TABLE, "四、下一步工作计划", "四、工作体会"), (TOWN, "　　四、下一步工作打算", "　　四、几点体会")]
)
def test_a_heading_that_names_no_plans_leaves_the_plans_part_missing(name, old, heading):
    assert len(codes(QA_CLEAN3.changed(name, old, heading), "SF101")) == 1
