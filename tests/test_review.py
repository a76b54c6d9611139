"""SF8xx review: the reviewers' criteria on whole drafts written in the style of real 述法 reports."""

from __future__ import annotations

from support import codes, lint

# A 述法 draft a reviewer would pass: every problem answered, specific problems, claims with figures.
SOUND = """某镇2025年度党委书记履行推进法治建设第一责任人职责情况的报告
一、履职情况
（一）强化学法用法。全年组织党委理论学习中心组专题学法6次，开展领导干部会前学法12次，干部法治素养明显提升，年度法治理论考试参考率100%，合格率较上年提高4个百分点。
（二）推进依法决策。严格落实重大行政决策程序，对12项重大事项开展合法性审查，审查率100%，全年未发生因决策违法引发的行政争议。
（三）深化矛盾纠纷化解。坚持和发展新时代“枫桥经验”，全年排查化解矛盾纠纷236件，调解成功率98.3%，信访总量同比下降15%。
二、存在问题
（一）执法规范化水平不高。全镇综合行政执法队现有持证执法人员9名，2025年案卷评查中有3卷程序不规范。
（二）合同审查力量薄弱。镇政府签订的46份合同中仍有5份未经法律顾问审查。
三、整改措施
（一）提升执法规范化水平。组织执法人员开展案卷评查整改培训，全面落实行政执法“三项制度”。
（二）加强合同审查。建立合同审查台账，做到镇政府合同法律顾问审查全覆盖。
"""


def test_a_sound_draft_gets_no_review_finding():
    assert codes(SOUND, "SF8") == []


UNANSWERED = SOUND.replace(
    "（二）合同审查力量薄弱。镇政府签订的46份合同中仍有5份未经法律顾问审查。\n",
    "（二）合同审查力量薄弱。镇政府签订的46份合同中仍有5份未经法律顾问审查。\n"
    "（三）普法宣传针对性不强。面向企业的普法活动全年仅2场。\n",
).replace(
    "（二）加强合同审查。建立合同审查台账，做到镇政府合同法律顾问审查全覆盖。\n",
    "（二）深化普法宣传。扎实推进“八五”普法，开展面向企业的法治宣传活动。\n",
)


def test_a_problem_no_measure_answers_is_named_when_measures_are_fewer():
    found = lint(UNANSWERED, "SF801")
    assert len(found) == 1
    assert "合同审查力量薄弱" in found[0].message.zh and "存在问题3条，整改措施2条" in found[0].message.zh
    assert (found[0].line, found[0].column) == (8, 1)


def test_a_long_problem_is_quoted_cut_with_an_ellipsis():
    long_lead = UNANSWERED.replace(
        "（二）合同审查力量薄弱。", "（二）合同审查力量薄弱，在全镇形成先行示范的做法经验还相对较少。"
    )
    (found,) = lint(long_lead, "SF801")
    assert "问题“合同审查力量薄弱，在全镇形成先行示范的做法经验…”在" in found.message.zh


def test_as_many_measures_as_problems_pass_the_count_even_worded_otherwise():
    paired = UNANSWERED.replace("（二）深化普法宣传。", "（三）深化普法宣传。").replace(
        "（三）深化普法宣传。", "（二）健全工作机制。完善镇政府法律顾问工作规则。\n（三）深化普法宣传。"
    )
    assert codes(paired, "SF801") == []


def test_fewer_measures_than_problems_pass_when_each_problem_shares_a_word_with_one():
    # one measure answering two problems is how reports merge them: nothing to act on
    fewer = SOUND.replace("（二）合同审查力量薄弱。", "（二）执法规范化培训不足。执法人员培训").replace(
        "（二）加强合同审查。建立合同审查台账，做到镇政府合同法律顾问审查全覆盖。\n", ""
    )
    assert codes(fewer, "SF801") == []


# The same report kept as Markdown, its problems laid out as a table (a header row, a delimiter row, rows).
TABLED = """# 某镇2025年度党委书记履行推进法治建设第一责任人职责情况的报告

## 一、履职情况

全年组织党委理论学习中心组专题学法6次，对12项重大事项开展合法性审查，排查化解矛盾纠纷236件。

## 二、存在问题

| 问题 | 表现 |
|:---|---|
| 执法规范化水平不高 | 2025年案卷评查中有3卷程序不规范 |
| 合同审查力量薄弱 | 46份合同中仍有5份未经法律顾问审查 |

## 三、整改措施

一是提升执法规范化水平，组织执法人员开展案卷评查整改培训。二是建立合同审查台账，做到合同审查全覆盖。
"""


def test_a_table_of_problems_counts_its_rows_not_its_header():
    from shufa_lint.settings import Settings
    from shufa_lint.source.markdown import parse_markdown
    from shufa_lint.engine import lint_source

    def findings(text: str) -> list:
        return lint_source(parse_markdown("述法.md", text), Settings(select=("SF801",)))

    assert findings(TABLED) == []
    third = TABLED.replace("| 合同审查力量薄弱 |", "| 普法宣传针对性不强 | 面向企业的普法活动全年仅2场 |\n| 合同审查力量薄弱 |")
    third = third.replace("一是提升执法规范化水平，组织执法人员开展案卷评查整改培训。", "")
    found = findings(third)
    assert [d.line for d in found] == [11, 12]  # two rows no measure answers; the header is no problem
    assert "问题“执法规范化水平不高”" in found[0].message.zh and "存在问题3条，整改措施1条" in found[0].message.zh


THIN = SOUND.replace(
    """（一）执法规范化水平不高。全镇综合行政执法队现有持证执法人员9名，2025年案卷评查中有3卷程序不规范。
（二）合同审查力量薄弱。镇政府签订的46份合同中仍有5份未经法律顾问审查。
""",
    "工作中还存在一些不足。\n",
)


def test_a_problems_part_of_one_sentence_is_too_thin():
    found = lint(THIN, "SF802")
    assert [d.line for d in found] == [6]
    assert "只有一句话" in found[0].message.zh


def test_the_floor_is_an_option():
    assert codes(SOUND, "SF802") == []
    strict = {"SF802": {"min_share": 0.9}}
    found = lint(SOUND, "SF802", rule_options=strict)
    assert len(found) == 1 and "低于90%" in found[0].message.zh


def test_a_draft_cut_off_is_not_judged_for_balance():
    assert codes(THIN.rstrip("\n").rsplit("\n", 1)[0] + "\n（二）加强合同审查，建立", "SF802") == []


VAGUE = SOUND.replace("（二）合同审查力量薄弱。镇政府签订的46份合同中仍有5份未经法律顾问审查。", "（二）法治意识还不够强，学法用法仍需加强。")


def test_a_problem_of_stock_phrases_only_is_vague():
    found = lint(VAGUE, "SF803")
    assert [(d.line, d.column) for d in found] == [(8, 1)]


def test_a_problem_with_a_field_or_a_figure_is_not_vague():
    assert codes(SOUND, "SF803") == []
    named = VAGUE.replace("法治意识还不够强", "村（社区）法律顾问作用发挥还不够")
    assert codes(named, "SF803") == []


def test_a_claim_without_a_figure_is_a_note_and_one_with_a_figure_is_not():
    claim = SOUND.replace("信访总量同比下降15%。", "信访总量同比下降15%。群众法治意识显著增强，基层治理水平稳步提升。")
    found = lint(claim, "SF804")
    assert len(found) == 1 and "显著增强" in found[0].message.zh and found[0].line == 5
    assert codes(SOUND, "SF804") == []  # 明显提升 there: the same sentence gives 参考率100%


def test_claims_in_the_problems_and_plans_parts_state_gaps_and_goals():
    plans = SOUND.replace("全面落实行政执法“三项制度”。", "推动执法水平大幅提升。")
    assert codes(plans, "SF804") == []


def test_web_residue_is_flagged():
    copied = SOUND.replace(
        "（三）深化矛盾纠纷化解。",
        "（来源：某县司法局）阅读次数：1024 【打印本页】【关闭窗口】\n（三）深化矛盾纠纷化解。",
    )
    found = lint(copied, "SF805")
    assert [d.message.zh.split("“")[1].split("”")[0] for d in found] == ["（来源：某县司法局）", "阅读次数", "打印本页", "关闭窗口"]


def test_ordinary_words_near_web_residue_are_not_flagged():
    text = SOUND.replace("全年未发生", "经费来源：财政预算；全年未发生")
    assert codes(text, "SF805") == []


def test_the_review_family_is_off_with_review_false(tmp_path, monkeypatch):
    from support import run_concise

    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(UNANSWERED, encoding="utf-8")
    assert ": SF801" in run_concise("draft.txt").stdout
    (tmp_path / ".shufa-lint.yaml").write_text("review: false\n", encoding="utf-8")
    assert ": SF8" not in run_concise("draft.txt").stdout
    (tmp_path / ".shufa-lint.yaml").write_text("review: no-thanks\n", encoding="utf-8")
    result = run_concise("draft.txt")
    assert result.exit_code == 2 and "review" in result.output


def test_three_measures_or_more_one_short_of_the_problems_read_as_one_measure_answering_two():
    # as in a published annual report: five problems, four measures, one problem (亮点不多) answered by
    # none in so many words; reviewers passed it
    five_four = UNANSWERED.replace(
        "（三）普法宣传针对性不强。面向企业的普法活动全年仅2场。\n",
        "（三）普法宣传针对性不强。面向企业的普法活动全年仅2场。\n"
        "（四）法治文化阵地利用率不高。村级法治广场活动较少。\n"
        "（五）工作亮点不多。可复制推广的经验较少。\n",
    ).replace(
        "（二）深化普法宣传。扎实推进“八五”普法，开展面向企业的法治宣传活动。\n",
        "（二）深化普法宣传。扎实推进“八五”普法，开展面向企业的法治宣传活动。\n"
        "（三）用好法治文化阵地。每季度在村级法治广场开展活动。\n"
        "（四）健全合同管理。合同审查纳入法律顾问工作清单。\n",
    )
    assert codes(five_four, "SF801") == []
    # two short of the problems is still read item by item
    five_three = five_four.replace("（四）健全合同管理。合同审查纳入法律顾问工作清单。\n", "")
    assert [code for code, _line, _column in codes(five_three, "SF801")]
