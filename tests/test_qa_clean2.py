"""Twelve whole clean reports in styles the earlier fixtures lack (tests/fixtures/qa_clean2/, written for
these tests): a 县委书记 述法 with 四个亲自 and a table laid out with spaces, a 乡镇长 述职述廉述法 in 第一部分
parts, a 市直部门 法治政府建设年度报告 with 一是…五是, a 街道 report in 1. and (1), a report with 附件,
联系人, 抄送 and a date in Chinese numerals, a report saved from a web page, a Markdown draft, a court
president's 述法, a report quoting law articles, one typed with half-width punctuation throughout, one
whose parts are 主要做法和成效/存在的不足/下一步打算, and a 工作要点 in 第一…, 首先…最后 and ①②③; then a procurator's 述法 with 1,284件, a PDF copy with
— 2 — page lines and a two-line title, a report with a 联系人/电话/邮箱 line, a 政府工作报告 excerpt, a
述法发言 that numbers no part (一是… paragraphs, its problems and plans in prose), a five-year summary.

None may give a headline finding (warning or error) of any rule; each class of false alarm they showed
has its must-not-flag test here, next to the defect the rule still catches."""

from __future__ import annotations

import pytest

from shufa_lint.diagnostics import Severity
from shufa_lint.engine import lint_source, prepare
from shufa_lint.settings import Settings
from shufa_lint.source import read_path
from support import FixtureFolder, codes, headline, lint

QA_CLEAN2 = FixtureFolder("qa_clean2")

TYPES = {
    "n01_county_secretary_shufa_2025_four_personally.txt": "shufa",
    "n02_township_head_shuzhi_shulian_shufa_2024.txt": "shuzhi-shulian-shufa",
    "n03_city_market_bureau_fzzf_2025.txt": "fazhi-zhengfu",
    "n04_street_fazhi_2024_arabic_items.txt": "fazhi-zhengfu",
    "n05_county_justice_bureau_fzzf_2025_colophon.txt": "fazhi-zhengfu",
    "n06_web_page_district_fzzf_2024.txt": "fazhi-zhengfu",
    "n07_repo_markdown_shufa_2025.md": "shufa",
    "n08_court_president_shufa_2024.txt": "shufa",
    "n09_eco_env_bureau_fzzf_2025_law_articles.txt": "fazhi-zhengfu",
    "n10_halfwidth_town_shufa_2024.txt": "shufa",
    "n11_education_bureau_fzzf_2023_three_parts.txt": "fazhi-zhengfu",
    "n12_work_points_2026_circled.txt": "gongzuo-yaodian",
    "n13_procuratorate_shufa_2025_thousands.txt": "shufa",
    "n14_pdf_extract_county_fzzf_2024_page_numbers.txt": "fazhi-zhengfu",
    "n15_data_bureau_fzzf_2024_contact_line.txt": "fazhi-zhengfu",
    "n16_gov_work_report_excerpt_2026.txt": "zhengfu-gongzuo-baogao",
    "n17_speech_shufa_2024_unnumbered_parts.txt": "shufa",  # 述法会议上的述法发言
    "n18_five_year_summary_2021_2025.txt": "gongzuo-zongjie",
}


def test_every_fixture_has_its_type():
    assert QA_CLEAN2.names() == sorted(TYPES)


@pytest.mark.parametrize("name", sorted(TYPES))
def test_a_clean_report_in_a_new_style_gives_no_headline_finding(name):
    found = lint_source(read_path(str(QA_CLEAN2.path / name)), Settings())
    assert [(d.code, d.line, d.message.zh) for d in found if d.severity >= Severity.WARNING] == []


@pytest.mark.parametrize("name", sorted(TYPES))
def test_the_report_type_is_recognised_from_the_title(name):
    found = prepare(read_path(str(QA_CLEAN2.path / name)), Settings()).report_type
    assert (found.name, found.decided_by) == (TYPES[name], "title")


# --- a table laid out with spaces -------------------------------------------------------------------


def test_a_table_row_laid_out_with_spaces_stands_alone():
    text = QA_CLEAN2.text("n01_county_secretary_shufa_2025_four_personally.txt")  # 项目      2025年    2024年
    assert codes(text, "SF601") == []
    tabbed = text.replace("项目                              2025年    2024年", "项目\t2025年\t2024年")
    assert codes(tabbed, "SF601") == []
    # one wide gap inside a sentence that stops mid-way is a broken line all the same
    broken = QA_CLEAN2.changed(
        "n01_county_secretary_shufa_2025_four_personally.txt",
        "坚持领导干部带头学法，全年参加县委理论学习中心组法治专题学习6次，",
        "坚持领导干部带头学法，全年参加县委理论学习中心组  法治专题学习\n6次，",
    )
    assert [line for _code, line, _column in codes(broken, "SF601")] == [20]


# --- SF303: a word that ends in a unit, a list item's number ----------------------------------------


@pytest.mark.parametrize("sentence", ["对超期未改的单位予以通报。", "对逾期未办结的事项进行督办。", "近期将开展专项检查。"])
def test_a_cue_and_a_unit_that_make_a_common_word_are_no_dropped_figure(sentence):
    text = QA_CLEAN2.changed("n03_city_market_bureau_fzzf_2025.txt", "本年度无其他需要报告的情况。", sentence)
    assert codes(text, "SF303") == []


def test_a_verb_and_a_unit_read_as_one_rare_word_still_lost_their_figure():
    text = QA_CLEAN2.changed("n03_city_market_bureau_fzzf_2025.txt", "本年度无其他需要报告的情况。", "全年举办执法人员培训期。")
    assert len(codes(text, "SF303")) == 1


def test_the_number_of_a_list_item_is_no_sibling_figure():
    text = QA_CLEAN2.text("n02_township_head_shuzhi_shulian_shufa_2024.txt")  # 2.管好身边人。
    assert codes(text, "SF303") == []
    # a real figure earlier in the sentence still calls for one at the clause's end
    dropped = text.replace("2.管好身边人。", "2.聘请法律顾问3名，律师事务所家。")
    assert len(codes(dropped, "SF303")) == 1


# --- SF805: the page a published report was saved with ----------------------------------------------


def test_the_page_around_a_saved_report_is_a_note_and_residue_in_its_text_a_warning():
    text = QA_CLEAN2.text("n06_web_page_district_fzzf_2024.txt")
    found = lint(text, "SF805")
    # 来源/浏览次数 under the title, 字号：大 中 小, 【打印本页】 【关闭窗口】, 扫一扫… after the signature
    assert [(d.line, d.severity) for d in found] == [(3, Severity.INFO), (3, Severity.INFO), (4, Severity.INFO),
                                                      (27, Severity.INFO), (27, Severity.INFO), (29, Severity.INFO)]
    inside = text.replace("取得积极成效。", "取得积极成效。（来源：区司法局）", 1)
    assert [(d.line, d.severity) for d in lint(inside, "SF805") if d.line == 5] == [(5, Severity.WARNING)]
    buttons_in_body = text.replace("（二）依法全面履行政府职能。", "【打印本页】 【关闭窗口】\n（二）依法全面履行政府职能。")
    # the same buttons, or 来源 and 阅读次数, between two paragraphs of the report were pasted into it
    assert {d.severity for d in lint(buttons_in_body, "SF805") if d.line == 8} == {Severity.WARNING}
    pasted = text.replace("（二）依法全面履行政府职能。", "（来源：区司法局）阅读次数：1024\n（二）依法全面履行政府职能。")
    assert {d.severity for d in lint(pasted, "SF805") if d.line == 8} == {Severity.WARNING}
    omitted = text.replace("（二）依法全面履行政府职能。", "（略）\n（二）依法全面履行政府职能。")
    assert [(d.line, d.severity) for d in lint(omitted, "SF805") if d.line == 8] == [(8, Severity.WARNING)]


# --- half-width punctuation throughout --------------------------------------------------------------


def test_a_half_width_full_stop_after_chinese_text_ends_a_sentence_and_opens_a_run_in_item():
    text = QA_CLEAN2.text("n10_halfwidth_town_shufa_2024.txt")  # …现象.二是普法形式比较单一…
    assert codes(text, ("SF201", "SF202", "SF802")) == []
    one_problem = text.replace(
        "一是镇村干部法治能力参差不齐,个别村干部处理村务时仍有凭经验、靠习惯的现象.二是普法形式比较单一,"
        "对外出务工人员、留守儿童的普法覆盖不够.三是执法力量不足,镇综合行政执法队在编执法人员仅4人,难以满足日常巡查需要.",
        "镇村干部法治能力参差不齐,个别村干部处理村务时仍有凭经验、靠习惯的现象.",
    )
    assert [code for code, _line, _column in codes(one_problem, "SF802")] == ["SF802"]
    skipped = text.replace("的现象.二是普法形式", "的现象.三是普法形式").replace("覆盖不够.三是执法力量", "覆盖不够.四是执法力量")
    assert [code for code, _line, _column in codes(skipped, ("SF201", "SF202"))] == ["SF201"]
    # after a digit the point is a decimal or an item number, not the end of a sentence
    decimal = text.replace("调解成功率98%.", "调解成功率98.5%.")
    assert codes(decimal, ("SF201", "SF202", "SF802")) == []


# --- ①②③ inside the text ----------------------------------------------------------------------------


def test_circled_numerals_that_begin_again_at_one_are_new_lists():
    text = QA_CLEAN2.text("n12_work_points_2026_circled.txt")  # ①②③ under 首先, ①② under 其次 …
    assert codes(text, ("SF201", "SF202", "SF203")) == []
    noted = text.replace("考核结果纳入年度目标管理绩效评价。", "考核结果纳入年度目标管理绩效评价（见注②）。")
    assert codes(noted, ("SF201", "SF202", "SF203")) == []


@pytest.mark.parametrize("written, code", [("；④开展法治建设督察", "SF201"), ("；②开展法治建设督察", "SF202")])
def test_circled_numerals_that_skip_or_repeat_are_numbering_slips(written, code):
    text = QA_CLEAN2.changed("n12_work_points_2026_circled.txt", "；③开展法治建设督察", written)
    found = codes(text, ("SF201", "SF202", "SF203"))
    assert [(c, line) for c, line, _column in found] == [(code, 5)]


# --- number style that cannot be misread ------------------------------------------------------------


@pytest.mark.parametrize("sentence", ["出动执法人员3千余人次。", "争取完成3-5个城市更新项目。"])
def test_number_style_that_cannot_be_misread_is_a_note_not_a_headline(sentence):
    text = QA_CLEAN2.changed("n03_city_market_bureau_fzzf_2025.txt", "本年度无其他需要报告的情况。", sentence)
    found = lint(text, ("SF711", "SF712"))
    assert [(d.line, d.severity) for d in found] == [(18, Severity.INFO)]
    assert headline(text) == []


@pytest.mark.parametrize("sentence", ["行政复议纠错率控制在5～8%。", "惠及群众5-10万人。"])
def test_a_range_without_its_first_unit_can_be_misread_and_stays_a_warning(sentence):
    text = QA_CLEAN2.changed("n03_city_market_bureau_fzzf_2025.txt", "本年度无其他需要报告的情况。", sentence)
    assert headline(text) == [("SF712", 18)]


# --- a contact line, agencies named …所 -------------------------------------------------------------


def test_a_contact_line_stands_alone():
    text = QA_CLEAN2.text("n15_data_bureau_fzzf_2024_contact_line.txt")  # 联系人：陈敏，联系电话：…，电子邮箱：…
    assert codes(text, "SF601") == []
    broken = text.replace("五是深化数据领域普法，编印", "五是深化数据领域普法，编印\n", 1)
    assert len(codes(broken, "SF601")) == 1


def test_an_agency_named_with_suo_is_no_count_and_a_school_count_still_is():
    text = QA_CLEAN2.text("n17_speech_shufa_2024_unnumbered_parts.txt")  # 分解到各科室和司法所，
    assert codes(text, "SF303") == []
    schools = text.replace("分解到各科室和司法所，", "分解到各科室，新建学校所，")
    assert len(codes(schools, "SF303")) == 1


# --- a speech that numbers no part ------------------------------------------------------------------


def test_a_speech_lists_its_problems_and_plans_in_prose_after_a_lead_in():
    text = QA_CLEAN2.text("n17_speech_shufa_2024_unnumbered_parts.txt")
    assert codes(text, "SF1") == []
    # a one-sentence 下一步 with no list after its lead-in is no plans part
    closing = "下一步，我将继续努力，推动全县法治建设再上新台阶。"
    plans = next(line for line in text.splitlines() if line.startswith("下一步，我将重点做好"))
    thin = text.replace(plans, closing)
    assert [(code, line) for code, line, _column in codes(thin, "SF101")] == [("SF101", 17)]


# --- a part only announced ----------------------------------------------------------------------------


def test_a_part_named_only_in_the_sentence_that_announces_the_report_is_missing():
    text = QA_CLEAN2.text("n02_township_head_shuzhi_shulian_shufa_2024.txt")  # 现将本人…履职、廉洁自律和学法用法情况报告如下
    assert codes(text, "SF101") == []
    without = text[: text.index("第二部分  述廉")] + text[text.index("第三部分  述法") :]
    found = lint(without, "SF101")
    assert len(found) == 1 and "述廉" in found[0].message.zh
    # told as work done, in the opening or in another part, the part that may stand anywhere is there
    told = without.replace("抓民生，兜牢保障底线。", "抓民生，兜牢保障底线。严格落实廉洁自律各项规定。")
    assert codes(told, "SF101") == []


# --- a fill-in blank ------------------------------------------------------------------------------------


def test_a_run_of_underscores_before_a_unit_is_a_blank_left_unfilled():
    done = "本年度无其他需要报告的情况。"
    blank = QA_CLEAN2.changed("n03_city_market_bureau_fzzf_2025.txt", done, "全年开展执法检查____次，办结率___%。")
    assert [(code, line) for code, line, _column in codes(blank, ("SF301", "SF401"))] == [("SF301", 18), ("SF301", 18)]
    # underscores inside a name are no blank; a lone _ before a phrase is a filtered word (SF401)
    named = QA_CLEAN2.changed("n03_city_market_bureau_fzzf_2025.txt", done, "上线系统文件hb_data_v2共3次。")
    assert codes(named, ("SF301", "SF401")) == []


def test_a_heading_line_typed_with_half_width_stops_that_breaks_mid_sentence_is_a_broken_line():
    text = QA_CLEAN2.text("n10_halfwidth_town_shufa_2024.txt")  # (三)抓执法,规范基层行政行为.推动镇综合行政执法队…
    broken = text.replace("规范基层行政行为.推动镇综合", "规范基层行政行为.推动镇\n综合", 1)
    assert [(code, line) for code, line, _column in codes(broken, "SF601")] == [("SF601", 8)]
    # a heading that ends in its half-width stop still stands alone
    assert codes(text.replace("(一)抓学习,带头提升法治素养.坚持", "(一)抓学习,带头提升法治素养.\n坚持", 1), "SF601") == []


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        # parts of a 工作要点 headed 第一，… far apart
        ("n12_work_points_2026_circled.txt", "第三，优化公共法律服务供给", "第四，优化公共法律服务供给", [("SF201", 13), ("SF202", 17)]),
        # 第一，…第二，…第三， run in one paragraph
        ("n17_speech_shufa_2024_unnumbered_parts.txt", "第三，坚持依法决策", "第二，坚持依法决策", [("SF202", 9)]),
    ],
)
def test_ordinals_that_skip_or_repeat_are_numbering_slips(name, old, new, expected):
    assert codes(QA_CLEAN2.text(name), ("SF201", "SF202", "SF203")) == []
    found = codes(QA_CLEAN2.changed(name, old, new), ("SF201", "SF202", "SF203"))
    assert [(code, line) for code, line, _column in found] == expected


def test_an_ordinal_inside_a_sentence_is_no_list_item():
    text = QA_CLEAN2.changed("n03_city_market_bureau_fzzf_2025.txt", "本年度无其他需要报告的情况。", "第一，本局在全省考核中排名第三，获评优秀。")
    assert codes(text, ("SF201", "SF202", "SF203")) == []
