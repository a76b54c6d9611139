"""SF5xx: the body against its outline (embedded, or given with --outline)."""

import pytest

from support import lint

OUTLINE = (
    "【提纲】一、工作情况。(一)强化政治引领,压实主体责任。一是坚持理论武装。二是严格落实述法要求。"
    "(二)聚焦依法行政,提升治理效能。一是规范重大决策程序。二是加强行政执法监督。"
    "(三)保障司法公正,构建矛盾化解体系。一是加强矛盾纠纷化解平台建设。二是推进信访工作法治化。"
    "二、存在问题。三、整改措施。\n"
)
TITLE = "2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告\n"
SECTION_ONE = "（一）强化政治引领，压实主体责任。一是坚持理论武装。学习内容。二是严格落实述法要求。述法内容。\n"
SECTION_TWO = "（二）聚焦依法行政，提升治理效能。一是规范重大决策程序。内容。二是加强行政执法监督。内容。\n"
SECTION_THREE = "（三）保障司法公正，构建矛盾化解体系。一是加强矛盾纠纷化解平台建设。内容。二是推进信访工作法治化。内容。\n"
TAIL = "二、存在问题\n基层力量不足。\n三、整改措施\n加强队伍建设。\n"


def test_body_that_follows_its_outline_is_clean():
    text = OUTLINE + TITLE + "一、工作情况\n" + SECTION_ONE + SECTION_TWO + SECTION_THREE + TAIL
    assert lint(text, "SF5") == []


def test_missing_subsection_is_one_finding_naming_its_items():
    text = OUTLINE + TITLE + "一、工作情况\n" + SECTION_ONE + SECTION_THREE.replace("（三）", "（二）") + TAIL
    (diagnostic,) = lint(text, "SF5")
    assert diagnostic.code == "SF501"
    assert "（二）聚焦依法行政,提升治理效能" in diagnostic.message.zh and "含 2 项" in diagnostic.message.zh
    assert diagnostic.line == 5  # at the heading that now follows the gap, where the lost part belonged


def test_matching_by_meaning_not_ordinal():
    """A body that lost （二） still has its （三） paired with the outline's （三）."""
    text = OUTLINE + TITLE + "一、工作情况\n" + SECTION_ONE + SECTION_THREE + TAIL
    found = lint(text, "SF5")
    assert [d.code for d in found] == ["SF501"]
    assert "聚焦依法行政" in found[0].message.zh


def test_missing_item_inside_a_kept_subsection():
    text = OUTLINE + TITLE + "一、工作情况\n" + SECTION_ONE.replace("二是严格落实述法要求。述法内容。", "") + \
        SECTION_TWO + SECTION_THREE + TAIL
    (diagnostic,) = lint(text, "SF5")
    assert diagnostic.code == "SF501" and "二是严格落实述法要求" in diagnostic.message.zh


def test_item_out_of_order():
    moved = SECTION_TWO.replace("一是规范重大决策程序。内容。", "")
    three = SECTION_THREE.replace("二是推进信访工作法治化。内容。", "二是推进信访工作法治化。内容。三是规范重大决策程序。内容。")
    text = OUTLINE + TITLE + "一、工作情况\n" + SECTION_ONE + moved + three + TAIL
    found = lint(text, "SF5")
    assert [d.code for d in found] == ["SF502"]
    assert "规范重大决策程序" in found[0].message.zh


def test_reworded_heading_in_the_same_slot():
    reworded = SECTION_TWO.replace("（二）聚焦依法行政，提升治理效能", "（二）聚焦依法履职，提升队伍能力")
    text = OUTLINE + TITLE + "一、工作情况\n" + SECTION_ONE + reworded + SECTION_THREE + TAIL
    found = lint(text, "SF5")
    assert [d.code for d in found] == ["SF503"]


def test_outline_from_a_yaml_file(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "outline:\n  - 一、工作情况:\n      - （一）强化政治引领\n      - （二）聚焦依法行政\n  - 二、存在问题\n  - 三、整改措施\n",
        encoding="utf-8",
    )
    text = TITLE + "一、工作情况\n（一）强化政治引领。内容。\n" + TAIL
    found = lint(text, "SF5", outline=str(outline))
    assert [d.code for d in found] == ["SF501"]
    assert "（二）聚焦依法行政" in found[0].message.zh and "提纲要求的" in found[0].message.zh


def test_outline_from_a_text_file(tmp_path):
    outline = tmp_path / "outline.txt"
    outline.write_text("【提纲】\n一、工作情况\n二、存在问题\n三、整改措施\n", encoding="utf-8")
    text = TITLE + "一、工作情况\n内容。\n三、整改措施\n内容。\n"
    found = lint(text, "SF5", outline=str(outline))
    assert [d.code for d in found] == ["SF501"] and "二、存在问题" in found[0].message.zh


def test_no_outline_no_findings():
    assert lint(TITLE + "一、工作情况\n内容。\n", "SF5") == []


def test_a_pack_may_give_a_default_outline(tmp_path):
    from shufa_lint.engine import lint_source
    from shufa_lint.lexicon import Lexicon, builtin
    from shufa_lint.settings import Settings
    from shufa_lint.source import from_text

    outline = tmp_path / "county.yaml"
    outline.write_text("- 一、工作情况:\n    - （一）强化政治引领\n    - （二）聚焦依法行政\n- 二、存在问题\n- 三、整改措施\n",
                       encoding="utf-8")
    base = builtin()
    packs = {**base.packs, "shufa": base.packs["shufa"]._replace(outline=str(outline))}
    lexicon = Lexicon(packs=packs, tables=base.tables)
    draft = TITLE + "一、工作情况\n（一）强化政治引领。内容。\n" + TAIL
    found = lint_source(from_text("draft.txt", draft), Settings(select=("SF5",)), lexicon)
    assert [d.code for d in found] == ["SF501"] and "（二）聚焦依法行政" in found[0].message.zh
    # an outline embedded in the draft takes precedence over the pack's
    embedded = "【提纲】一、工作情况。(一)强化政治引领。二、存在问题。三、整改措施。\n" + draft
    assert lint_source(from_text("draft.txt", embedded), Settings(select=("SF5",)), lexicon) == []


MULTILINE = "【提纲】\n\n一、工作情况\n（一）强化政治引领\n\n（二）聚焦依法行政\n二、存在问题\n三、整改措施\n\n"


def test_an_outline_over_several_lines_with_blank_lines_ends_on_its_last_heading():
    text = MULTILINE + TITLE + "一、工作情况\n（一）强化政治引领。内容。\n" + TAIL
    found = lint(text, ("SF5", "SF6"))
    assert [d.code for d in found] == ["SF501"] and "（二）聚焦依法行政" in found[0].message.zh


def test_a_space_after_the_marker_still_opens_a_heading():
    text = MULTILINE + TITLE + "一、 工作情况\n（一）\u3000强化政治引领。内容。\n（二）\t聚焦依法行政。内容。\n" + TAIL
    assert lint(text, "SF5") == []


def test_the_explained_example_of_a_replaced_heading_is_sf503():
    text = MULTILINE + TITLE + "一、工作情况\n（一）强化政治引领。内容。\n（二）加强队伍建设。内容。\n" + TAIL
    assert [d.code for d in lint(text, "SF5")] == ["SF503"]


def test_a_moved_heading_is_told_which_neighbour_it_follows():
    text = MULTILINE + TITLE + "一、工作情况\n（一）聚焦依法行政。内容。\n（二）强化政治引领。内容。\n" + TAIL
    messages = [d.message.zh for d in lint(text, "SF502")]
    assert messages and ("紧接在" in messages[0] or "第一项" in messages[0])


def test_an_outline_file_in_gb18030(tmp_path):
    outline = tmp_path / "outline.txt"
    outline.write_bytes("【提纲】\n一、工作情况\n二、存在问题\n三、整改措施\n".encode("gb18030"))
    found = lint(TITLE + "一、工作情况\n内容。\n三、整改措施\n内容。\n", "SF5", outline=str(outline))
    assert [d.code for d in found] == ["SF501"]


def test_a_missing_outline_file_is_named_in_the_runs_language(tmp_path):
    from click.testing import CliRunner

    from shufa_lint.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text("2024年度述法报告\n一、工作情况\n开展学法活动4次。\n", encoding="utf-8")
    missing = str(tmp_path / "missing.yaml")
    chinese = CliRunner().invoke(main, ["--outline", missing, str(draft)])
    assert chinese.exit_code == 2
    assert "missing.yaml: 提纲文件无法读取：文件不存在" in chinese.stderr and "cannot" not in chinese.stderr
    english = CliRunner().invoke(main, ["--lang", "en", "--outline", missing, str(draft)])
    assert english.exit_code == 2 and "missing.yaml: outline file: cannot read" in english.stderr


def test_an_outline_that_refers_to_itself_is_refused(tmp_path):
    from shufa_lint.lexicon import RuleDataError
    from shufa_lint.outline_file import load_outline

    outline = tmp_path / "loop.yaml"
    outline.write_text("a: &a [*a]\n", encoding="utf-8")
    with pytest.raises(RuleDataError, match="aliases refer to themselves"):
        load_outline(str(outline))


def test_a_moved_block_is_blamed_once_and_its_neighbours_not_at_all():
    outline = ("【提纲】一、工作情况。（一）强化政治引领。1.强化理论学习。2.压实主体责任。（二）推进依法行政。"
               "1.规范重大行政决策。2.推行包容审慎监管。（1）实施轻微违法免罚清单。（2）推广柔性执法。二、存在问题。三、整改措施。\n")
    body = (
        "一、工作情况\n（一）强化政治引领\n1.强化理论学习。学法6次。\n2.压实主体责任。任务28项。\n"
        "3.推行包容审慎监管\n（1）实施轻微违法免罚清单。不予处罚213件。\n（2）推广柔性执法。指导书350份。\n"
        "（二）推进依法行政\n1.规范重大行政决策。审查12件。\n" + TAIL
    )
    found = lint(outline + TITLE + body, "SF5")
    assert [(d.code, d.line) for d in found] == [("SF502", 7)]
    assert "推行包容审慎监管" in found[0].message.zh
