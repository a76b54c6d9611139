"""Whole reports in the styles real authorities publish (tests/fixtures/whole/, written for these tests):
the report type each one is checked as, and exactly the headline findings each one must give — none
on the layouts real reports use (notes after a full stop, signature blocks, glossaries, addressee
lines, web page metadata, 附件 lists, two lists in a work report), the true defect on the others."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from shufa_lint.cli import main
from shufa_lint.engine import lint_source, prepare
from shufa_lint.settings import Settings
from shufa_lint.source import from_text, read_path

WHOLE = Path(__file__).parent / "fixtures" / "whole"
HEADLINE = ("SF1", "SF2", "SF3", "SF4", "SF5", "SF6")


def findings(name: str, **settings):
    return lint_source(read_path(str(WHOLE / name)), Settings(**settings))


def headline(name: str, **settings) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in findings(name, **settings) if d.code.startswith(HEADLINE)]


def report_type(name: str, **settings):
    return prepare(read_path(str(WHOLE / name)), Settings(**settings)).report_type


# (file, the type it reads as, how that was decided)
TYPES = [
    ("shufa_town_clean.txt", "shufa", "title"),
    ("shufa_missing_problems.txt", "shufa", "title"),
    ("shufa_halfwidth_stops.txt", "shufa", "title"),
    ("shufa_cut_end.txt", "shufa", "title"),
    ("shuzhi_shulian_shufa.txt", "shuzhi-shulian-shufa", "title"),
    ("fazhi_county_addressee_notes.txt", "fazhi-zhengfu", "title"),
    ("fazhi_department_missing_parts.txt", "fazhi-zhengfu", "title"),
    ("fazhi_notes_end_document.txt", "fazhi-zhengfu", "title"),
    ("fazhi_pre2019_county.txt", "fazhi-zhengfu", "title"),
    ("fazhi_problems_without_heading.txt", "fazhi-zhengfu", "title"),
    ("fazhi_truncated_without_first_person.txt", "fazhi-zhengfu", "title"),
    ("fazhi_web_metadata_attachments.txt", "fazhi-zhengfu", "title"),
    ("fazhi_dropped_part_heading.txt", "fazhi-zhengfu", "title"),
    ("fazhi_untitled_opening.txt", "fazhi-zhengfu", "content"),  # lost its title: its vocabulary decides
    ("work_report_two_parts.txt", "zhengfu-gongzuo-baogao", "content"),  # 各位代表：
    ("work_report_titled_subtitle.txt", "zhengfu-gongzuo-baogao", "title"),  # 政 府 工 作 报 告
    ("shufa_county_secretary_arabic.txt", "shufa", "title"),
    ("fazhi_bureau_web_tail.txt", "fazhi-zhengfu", "title"),
    ("fazhi_township_law_building.txt", "fazhi-zhengfu", "title"),  # 关于…法治建设工作情况的报告
    ("work_plan_task_notes.txt", "gongzuo-yaodian", "title"),
    ("work_report_defects.txt", "zhengfu-gongzuo-baogao", "content"),  # 同志们：
    ("work_report_glossary_unpunctuated.txt", "zhengfu-gongzuo-baogao", "content"),
    ("work_summary.txt", "gongzuo-zongjie", "title"),
    ("work_plan.txt", "gongzuo-yaodian", "title"),
    ("notes_chinese.txt", "unknown", "none"),
    ("notes_part_headings_untitled.txt", "unknown", "none"),  # 第一部分…: no title, no telling vocabulary
    ("fazhi_county_table_colophon.txt", "fazhi-zhengfu", "title"),
    ("shufa_bureau_five_parts.txt", "shufa", "title"),
    ("notes_readme.md", "not-a-report", "content"),
    ("requirements.txt", "not-a-report", "content"),
]


@pytest.mark.parametrize("name, expected, decided_by", TYPES, ids=[t[0] for t in TYPES])
def test_the_report_type_is_recognised_from_the_whole_document(name, expected, decided_by):
    found = report_type(name)
    assert (found.name, found.decided_by) == (expected, decided_by)
    assert found.label and (found.pack is None) == (expected in ("unknown", "not-a-report"))


@pytest.mark.parametrize("name", [name for name, expected, _ in TYPES if expected not in ("unknown", "not-a-report")])
def test_a_document_of_a_known_type_gets_no_note_on_choosing_a_pack(name):
    assert not [d for d in findings(name) if d.code == "SF002"]


def test_every_fixture_has_its_type_checked():
    assert sorted(path.name for path in WHOLE.iterdir()) == sorted(name for name, _, _ in TYPES)


# Drafts that must give no headline finding at all, and the class of false alarm each one guards.
CLEAN = [
    "shufa_town_clean.txt",  # a 述法报告 with name and date lines under the title
    "shuzhi_shulian_shufa.txt",  # 述职/述廉/述法 parts, not 存在问题/整改措施 headings
    "fazhi_county_addressee_notes.txt",  # addressee line, （责任单位：…） after 。, right-aligned signature
    "fazhi_notes_end_document.txt",  # （牵头单位：…） / （责任处室：…） notes, one at the very end
    "fazhi_pre2019_county.txt",  # a 2017 annual report owes no 第一责任人 part
    "fazhi_untitled_opening.txt",  # opens at 现将有关情况报告如下： (title lost), signature block
    "fazhi_web_metadata_attachments.txt",  # 索引号/发布机构 lines, 附件：1.… 2.… list, signature
    "work_report_two_parts.txt",  # two parts each 一、二、…, glossary 1.…4.7个100%…5.
    "work_report_titled_subtitle.txt",  # letter-spaced title, a long ——subtitle, 县长 line, 存在…问题 prose
    "shufa_county_secretary_arabic.txt",  # （2025年1月20日） and name lines, 1. 2. under （一）
    "fazhi_bureau_web_tail.txt",  # 发布时间/来源 line, 五、其他 with 无。, 【打印本页】 page tail
    "fazhi_township_law_building.txt",  # addressee to a committee, 短板和不足, 2025年工作思路, signature
    "work_plan_task_notes.txt",  # numbered tasks each ending in （牵头单位：…；责任单位：…）
    "work_summary.txt",  # a 工作总结 owes no 述法 structure
    "work_report_glossary_unpunctuated.txt",  # 名词解释 entries without a full stop, one holding a ；
    "work_plan.txt",  # a 工作要点: 总体要求/主要任务/保障措施
    "notes_chinese.txt",  # notes in a drafts folder
    "notes_part_headings_untitled.txt",  # 第一部分 … is a part heading, not a title; no type, no SF101
    "fazhi_county_table_colophon.txt",  # 文号 line, a table, （此件公开发布）, 抄送 and 版记 …日印发
    "shufa_bureau_five_parts.txt",  # 学法用法/依法决策/依法履职 parts, 存在的不足, 下步打算
    "notes_readme.md",
    "requirements.txt",
]


@pytest.mark.parametrize("name", CLEAN)
def test_a_whole_report_in_a_real_layout_gives_no_headline_finding(name):
    assert headline(name) == []


# Drafts with defects: exactly these headline findings, (code, line), nothing else.
DEFECTS = [
    ("shufa_missing_problems.txt", [("SF101", 7)]),
    # the end is cut off: only that; 二、存在问题 and 三、 may have stood after the cut
    ("shufa_cut_end.txt", [("SF602", 6)]),
    # cut off, but 四、其他 is still there: the 第一责任人 part had to stand before it
    ("fazhi_truncated_without_first_person.txt", [("SF101", 8), ("SF602", 12)]),
    # a department's 法治建设情况报告 with neither problems nor a next-year part (only 下一步，…)
    ("fazhi_department_missing_parts.txt", [("SF101", 13), ("SF101", 15)]),
    # problems and next year's list written without part headings: named where they stand, no SF202
    ("fazhi_problems_without_heading.txt", [("SF101", 8), ("SF101", 8)]),
    # 二、 deleted: its （一）（二） run on from part 一's; the restart names the missing heading
    ("fazhi_dropped_part_heading.txt", [("SF202", 6), ("SF201", 8)]),
    # a half-width full stop ends a sentence; only the placeholder is a finding
    ("shufa_halfwidth_stops.txt", [("SF301", 5)]),
    # a work report: no section is required, the figure, the skip and the filtered word are found
    ("work_report_defects.txt", [("SF301", 4), ("SF201", 6), ("SF401", 8)]),
]


@pytest.mark.parametrize("name, expected", DEFECTS, ids=[d[0] for d in DEFECTS])
def test_a_whole_report_with_defects_gives_exactly_its_findings(name, expected):
    assert sorted(headline(name)) == sorted(expected)


def test_a_missing_section_says_which_type_it_was_checked_against_and_why():
    message = next(d for d in findings("shufa_missing_problems.txt") if d.code == "SF101").message
    assert "按述法报告" in message.zh and "依据标题“河口街道党工委书记2024年述法报告”" in message.zh
    assert "shufa report" in message.en and "title" in message.en


def test_a_part_without_a_heading_is_named_with_where_it_stands():
    messages = [d.message.zh for d in findings("fazhi_problems_without_heading.txt") if d.code == "SF101"]
    assert all("部分的标题：第 8 行起" in message for message in messages)
    assert any("存在的不足" in message for message in messages) and any("下一年度" in message for message in messages)


def test_a_relabelled_repeat_is_one_finding_that_names_the_right_ordinal():
    text = "一、工作情况\n（一）加强学习。全年学法6次。\n（一）规范决策。审查文件9件。\n（三）强化普法。开展活动3场。\n"
    found = [(d.code, d.message.zh) for d in lint_source(from_text("d.txt", text), Settings(select=("SF2",)))]
    assert found == [("SF202", "序号重复：“（一）”再次出现（前一个在第 2 行），此处应为“（二）”")]


def test_a_list_that_starts_again_after_one_item_is_still_a_repeat():
    text = "一、工作情况\n（一）加强学习。全年学法6次。\n（一）规范决策。审查文件9件。\n（二）强化普法。开展活动3场。\n"
    assert [d.code for d in lint_source(from_text("d.txt", text), Settings(select=("SF2",)))] == ["SF202"]


def test_a_work_report_is_still_checked_as_a_shufa_report_when_the_user_says_so():
    missing = [d.message.zh for d in findings("work_report_two_parts.txt", pack="shufa") if d.code == "SF101"]
    assert len(missing) == 2 and all("由 --pack 或配置指定" in message for message in missing)
    assert report_type("work_report_two_parts.txt", pack="shufa").decided_by == "option"


def test_an_unrecognised_document_gets_one_info_note_on_how_to_choose_a_pack():
    notes = [d for d in findings("notes_chinese.txt") if d.code == "SF002"]
    assert len(notes) == 1 and notes[0].severity.name == "INFO" and "--pack" in notes[0].message.zh


def test_a_file_that_is_not_a_report_is_not_linted_and_does_not_fail_a_folder_run(tmp_path):
    (tmp_path / "README.md").write_text((WHOLE / "notes_readme.md").read_text("utf-8"), "utf-8")
    (tmp_path / "requirements.txt").write_text((WHOLE / "requirements.txt").read_text("utf-8"), "utf-8")
    (tmp_path / "draft.txt").write_text((WHOLE / "shufa_town_clean.txt").read_text("utf-8"), "utf-8")
    result = CliRunner().invoke(main, ["--format", "concise", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    # an English README with a half-width comma or a line without a full stop gets no prose finding
    assert not any(code in result.output for code in ("SF601", "SF602", "SF701"))


def test_a_not_a_report_file_names_itself_once():
    assert [(d.code, d.line) for d in findings("requirements.txt")] == [("SF002", 1)]


def test_a_restart_names_the_missing_part_heading_and_where():
    message = next(d for d in findings("fazhi_dropped_part_heading.txt") if d.code == "SF202").message.zh
    assert "重新开始编号" in message and "第 6 行前疑缺少上一级标题" in message and "第 5 行" in message


@pytest.mark.parametrize(
    "between, flagged",
    [
        ("2025年，我们将重点抓好以下工作：", False),  # a transition that introduces the new list
        ("执法力量不足的问题仍然存在。", False),  # reads as the problems part of the type
        ("全年开展执法检查36次，查处违法案件12起。", True),  # content of （二）: the heading between was lost
        ("", True),
    ],
)
def test_a_new_list_needs_a_transition_or_a_heading(between, flagged):
    text = (
        "溪川县人民政府2024年度法治政府建设情况报告\n一、主要举措和成效\n（一）加强学习。全年学法12次。\n"
        f"（二）规范执法。开展执法培训3期。\n{between}\n（一）深化改革。下放事项86项。\n（二）加强监督。评查案卷240卷。\n"
    ).replace("\n\n", "\n")
    found = [d.code for d in lint_source(from_text("d.txt", text), Settings(select=("SF2",)))]
    assert found == (["SF202"] if flagged else [])


def test_a_pack_recogniser_with_an_unknown_key_or_a_bad_pattern_is_refused():
    from shufa_lint.lexicon import RuleDataError, parse_pack

    with pytest.raises(RuleDataError, match="unknown key 'headline'"):
        parse_pack({"name": "x", "recognise": {"headline": ["报告"]}}, "x.yaml")
    with pytest.raises(RuleDataError, match="invalid regular expression"):
        parse_pack({"name": "x", "recognise": {"title": ["(报告"]}}, "x.yaml")
    assert parse_pack({"name": "x", "recognise": {"title": ["工作要点"]}}, "x.yaml").sections == ()


@pytest.mark.parametrize(
    "problems, plans",
    [("二、面临的困难和挑战", "三、下一阶段努力方向"), ("二、问题与挑战", "三、改进措施"), ("二、存在的主要问题", "三、2025年工作思路")],
)
def test_annual_report_part_headings_real_reports_use_satisfy_the_pack(problems, plans):
    text = (
        "溪川县2024年度法治政府建设情况报告\n一、主要举措和成效\n县长主持会前学法11次，切实履行推进法治建设第一责任人职责。\n"
        f"{problems}\n乡镇法治力量不足，原因是人才缺乏。\n{plans}\n推进合法性审查全覆盖。\n"
    )
    assert [d.code for d in lint_source(from_text("d.txt", text), Settings(select=("SF1",)))] == []


def test_half_width_full_stops_give_no_cut_off_before_or_after_fix(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text((WHOLE / "shufa_halfwidth_stops.txt").read_text("utf-8"), "utf-8")
    runner = CliRunner()
    before = runner.invoke(main, ["--format", "concise", str(draft)], catch_exceptions=False).output
    after = runner.invoke(main, ["--fix", "--format", "concise", str(draft)], catch_exceptions=False).output
    assert "SF602" not in before and "SF602" not in after and "SF301" in after
    assert draft.read_text("utf-8").endswith("继续努力。\n")


def test_a_title_that_names_a_type_decides_over_a_text_that_reads_like_another():
    # a 工作要点 of 法治政府建设 speaks that report's vocabulary and takes its headings, and is still a plan:
    # no annual report's parts are required of it
    plan = (
        "青峰县2026年法治政府建设工作要点\n\n"
        "2026年是“十五五”开局之年。为深入推进法治政府建设，制定本要点。\n"
        "一、加强党对法治政府建设的领导\n"
        "1.落实第一责任人职责。县政府主要负责人每年听取法治政府建设工作汇报。\n"
        "二、推进依法行政\n"
        "2.严格重大行政决策程序，落实合法性审查，规范行政执法，办理行政复议案件。\n"
        "三、强化行政执法监督\n"
        "3.开展行政执法案卷评查，清理规范性文件。\n"
    )
    document = prepare(from_text("plan.txt", plan), Settings())
    assert (document.report_type.name, document.report_type.decided_by) == ("gongzuo-yaodian", "title")
    assert not [d for d in lint_source(from_text("plan.txt", plan), Settings()) if d.code.startswith("SF1")]


NOTICE_BODY = "一、工作安排\n各乡镇、各部门主要负责人于12月底前提交述法报告。\n二、有关要求\n报告须真实、准确。\n"


@pytest.mark.parametrize(
    "title, genre",
    [
        ("关于开展2025年度述法工作的通知", "通知"),
        ("县2025年度述法工作实施方案", "实施方案"),
        ("关于2024年度述法评议情况的通报", "通报"),
        ("关于印发《县2025年度述法工作实施方案》的通知", "实施方案"),
    ],
)
def test_a_document_titled_as_another_genre_is_no_report_whatever_it_says_of_reports(title, genre):
    found = lint_source(from_text("notice.txt", f"{title}\n{NOTICE_BODY}"), Settings())
    assert [d.code for d in found if d.code.startswith("SF1")] == []
    (note,) = [d for d in found if d.code == "SF002"]
    assert note.message.zh.startswith(f"标题表明这是{genre}，不是报告")


def test_a_notice_that_issues_a_work_plan_is_read_as_the_plan():
    document = prepare(from_text("plan.txt", "关于印发《2025年法治政府建设工作要点》的通知\n" + NOTICE_BODY), Settings())
    assert document.report_type.name == "gongzuo-yaodian"
    reported = lint_source(from_text("report.txt", "2024年度述法报告\n" + NOTICE_BODY), Settings())
    assert "SF101" in {d.code for d in reported}  # a report's title still makes it one
