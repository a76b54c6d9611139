"""SF4xx: words removed by a content filter, and the restorations the lexicon proposes."""

import re

import pytest

from shufa_lint.checks.redactions import redaction_data
from shufa_lint.lexicon import builtin
from support import codes, lint

LEXICON = builtin().table("redactions")
SPECS = [(spec["text"], spec["word"]) for entry in LEXICON["removed_words"].values() for spec in entry["specs"]]
TERMS = LEXICON["canonical_terms"]


@pytest.mark.parametrize("text, word", SPECS)
def test_lexicon_specs_restore_their_word(text, word):
    """The lexicon's own self-tests: each spec's gap is restored to its word, and only to it."""
    found = lint(text, "SF401")
    assert len(found) == 1
    assert found[0].suggestions and found[0].suggestions[0].zh.startswith(f"补回“{word}”")


@pytest.mark.parametrize(
    "text, column, word, phrase",
    [
        ("深化基层行_力规范化建设", 6, "政权", "行政权力"),  # the filter cut 政权 out of the middle of a word
        ("确保司法_改革落实到位", 5, "体制", "司法体制改革"),
        ("深刻领会和实践_法治思想", 8, "习近平", "习近平法治思想"),
        ("把学习贯彻*法治思想作为重要政治任务", 6, "习近平", "习近平法治思想"),
        ("公开裁判文书5212份，庭审_1946场。", 15, "直播", "庭审直播"),  # a count after the gap
    ],
)
def test_gap_restored_with_the_likely_word(text, column, word, phrase):
    (diagnostic,) = lint(text, "SF4")
    assert (diagnostic.code, diagnostic.column) == ("SF401", column)
    assert word in diagnostic.message.zh and phrase in diagnostic.message.zh
    assert diagnostic.fix is not None and not diagnostic.fix.safe
    assert diagnostic.fix.edits[0].content == word


def test_gap_without_a_known_phrase_is_still_reported_without_a_guess():
    (diagnostic,) = lint("推进_工作开展", "SF401")
    assert "无法推断" in diagnostic.message.zh and diagnostic.suggestions == () and diagnostic.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "姓名：________",
        "____年__月__日",
        "正文字体为仿宋_GB2312，标题为方正小标宋_GBK。",
        "配置项 log_level 与 snake_case 命名。",
        "被告张某某与李某发生借款纠纷。",
        "文件名 report_2025.docx 已上传。",
        "附件：述法报告_定稿.docx",
        "详见《述法工作方案_修订版.pdf》。",
        "详见附件_1。",
        "文件名为述法报告_2024.docx。",
    ],
)
def test_not_redactions(text):
    assert codes(text, "SF4") == []


@pytest.mark.parametrize("term", TERMS, ids=[t["term"] for t in TERMS])
def test_canonical_terms_hit_and_miss(term):
    for text in term["hit"]:
        found = lint(text, "SF402")
        assert found and term["term"] in found[0].message.zh, text
    for text in term["miss"]:
        assert codes(text, "SF402") == [], text


def test_restorations_rank_the_best_fitting_phrase_first():
    data = redaction_data(builtin())
    best = data.restorations("加强", "司法保障")
    assert best[0].word == "人权"


def test_altered_term_offers_an_unsafe_fix_with_the_canonical_term():
    (diagnostic,) = lint("带领机关干部学习总书记法治思想。", "SF402")
    (edit,) = diagnostic.fix.edits
    assert not diagnostic.fix.safe
    assert (edit.column, edit.end_column, edit.content) == (9, 16, "习近平法治思想")


def test_two_underscores_are_a_gap_too_but_not_a_date_blank():
    (diagnostic,) = lint("保障弱势__的合法权益。", "SF4")
    assert "群体" in diagnostic.message.zh
    assert codes("于__月召开会议。", "SF401") == []


@pytest.mark.parametrize("text, column", [("全年学法_次。", 5), ("调解成功率达_%。", 7)])
def test_a_blank_before_a_unit_is_a_figure_not_a_word(text, column):
    assert codes(text, ("SF301", "SF401")) == [("SF301", 1, column)]


def test_a_gap_a_word_fits_stays_a_redaction_even_before_a_unit_character():
    # 人 is a unit, but 弱势群体 fits the gap: the lexicon decides
    assert [c for c, *_ in codes("加强对弱势_人员的帮扶。", ("SF301", "SF401"))] == ["SF401"]


@pytest.mark.parametrize(
    "text, fill",
    [
        ("深入学习习_法治思想。", "近平"),  # the filter cut 近平 and left 习
        ("深入学习习近_法治思想。", "平"),
        ("深入学习习__法治思想。", "近平"),
        ("深入学习习*法治思想。", "近平"),
        ("深入学习_近平法治思想。", "习"),
        ("以_近平新时代中国特色社会主义思想为指导。", "习"),
        ("以习_平新时代中国特色社会主义思想为指导。", "近"),
    ],
)
def test_a_partly_filtered_name_is_completed_not_doubled(text, fill):
    (diagnostic,) = lint(text, "SF4")
    assert "习近平" in diagnostic.message.zh
    (edit,) = diagnostic.fix.edits
    assert edit.content == fill
    gap = re.search(r"[_*]+", text)
    assert (edit.column - 1, edit.end_column - 1) == gap.span()
    assert text[: gap.start()] + fill + text[gap.end() :] in (
        "深入学习习近平法治思想。",
        "以习近平新时代中国特色社会主义思想为指导。",
    )


@pytest.mark.parametrize("text", ["深入学习_法治思想。", "研习_法治思想。", "组织学习_新时代中国特色社会主义思想。"])
def test_a_letter_of_the_word_before_the_gap_is_not_taken_for_what_the_filter_left(text):
    (diagnostic,) = lint(text, "SF4")
    assert diagnostic.fix.edits[0].content == "习近平"


def test_a_title_for_the_name_is_one_finding_not_two():
    assert codes("坚持以总书记法治思想为指导。", "SF4") == [("SF402", 1, 4)]


@pytest.mark.parametrize(
    "text, word, sureness",
    [
        ("深化基层行_力规范化建设。", "政权", "把握较大"),  # the phrase fits on both sides
        ("针对不同_的法律需求开展精准普法。", "群体", "把握一般"),  # on one side only
        ("加强对网络_带货等新业态的监管。", "直播", "把握一般"),
        ("铸牢中华_共同体意识。", "民族", "把握较大"),
        ("全年未发生越级_事件。", "上访", "把握一般"),
    ],
)
def test_a_filtered_word_is_offered_with_how_sure_it_is(text, word, sureness):
    (diagnostic,) = lint(text, "SF401")
    assert f"可能原为“{word}”" in diagnostic.message.zh and sureness in diagnostic.message.zh


def test_a_gap_that_cuts_into_a_dictionary_word_on_each_side_gets_a_tentative_guess_without_a_fix():
    (diagnostic,) = lint("坚持全面依_国，建设法治中国。", "SF401")
    assert "可能原为“法治”" in diagnostic.message.zh and "仅供参考" in diagnostic.message.zh
    assert diagnostic.fix is None


@pytest.mark.parametrize("text", ["推进_工作开展。", "不断提升_能力。", "开展法律_务活动。", "推进依法治_进程。"])
def test_no_guess_where_the_context_determines_nothing(text):
    (diagnostic,) = lint(text, "SF401")
    assert "无法推断" in diagnostic.message.zh and diagnostic.fix is None
