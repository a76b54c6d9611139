"""SF701 half-width-punctuation: what it must flag, what it must leave alone, and its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from shufa_lint.checks.punctuation import half_width_marks
from shufa_lint.diagnostics import Severity
from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import from_text

SEED = Path(__file__).parent / "fixtures" / "seed.txt"


def fixed(line: str) -> str:
    """``line`` with every replacement the rule proposes applied."""
    chars = list(line)
    for replacement in reversed(half_width_marks(line)):
        chars[replacement.start : replacement.end] = replacement.content
    return "".join(chars)


def lint(text: str):
    return lint_source(from_text("report.txt", text), Settings(select=("SF701",)))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本年度,我始终以新思想为指导,全面贯彻落实。", "本年度，我始终以新思想为指导，全面贯彻落实。"),
        ("(一)强化政治引领,压实法治建设“主体责任”.", "（一）强化政治引领，压实法治建设“主体责任”。"),
        ("评选法治示范村(社区)*个,让群众受益。", "评选法治示范村（社区）*个，让群众受益。"),
        ("权重占比提升至*%,实现层层传导;压力层层压实!", "权重占比提升至*%，实现层层传导；压力层层压实！"),
        ("存在哪些问题?主要有三点:", "存在哪些问题？主要有三点："),
        ("推行政府和社会资本合作(PPP)模式。", "推行政府和社会资本合作（PPP）模式。"),
        ("纳入考核(含村（社区)）。", "纳入考核（含村（社区））。"),
        ("本年度, 我们完成了任务.", "本年度，我们完成了任务。"),
        ("坚持高位谋划(统筹推进).", "坚持高位谋划（统筹推进）。"),
        ("共调解纠纷3起,调解成功率100%。", "共调解纠纷3起，调解成功率100%。"),
        ("详见http://www.gov.cn/zhengce,请及时学习。", "详见http://www.gov.cn/zhengce，请及时学习。"),
    ],
)
def test_half_width_marks_in_chinese_text_become_full_width(line, expected):
    assert fixed(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "全年实现增长3.5个百分点，完成投资1,000万元。",
        "会议于10:30召开，14:00结束。",
        "详见 http://www.moj.gov.cn/pub/sfbgw/index.html?id=1,2&page=3 。",
        "来信请寄 fazhi.office@example.gov.cn 。",
        "依据 Regulation (EU) 2016/679, Article 5: lawfulness, fairness!",
        "1.规范重大决策程序。",
        "附件：述法报告.docx",
        "调解纠纷??起，占比**%。",
        "等等...",
        "（一）强化政治引领，压实法治建设“主体责任”。",
    ],
)
def test_latin_text_numbers_urls_and_placeholders_are_left_alone(line):
    assert half_width_marks(line) == []


def test_a_malformed_marker_is_left_to_the_numbering_rule():
    # SF204 rewrites "(一)," whole into "（一）"; SF701 must not edit inside it, or the fixes would collide.
    text = "一、工作情况\n(一),强化政治引领,压实法治建设责任。\n"
    diagnostics = lint_source(from_text("report.txt", text), Settings(select=("SF204", "SF701")))
    punctuation = [d for d in diagnostics if d.code == "SF701"]
    marker = [d for d in diagnostics if d.code == "SF204"]
    assert len(marker) == 1 and marker[0].fix.edits[0].content == "（一）"
    (finding,) = punctuation
    edited_columns = [edit.column for edit in finding.fix.edits]
    assert edited_columns == [11]  # only the comma after 政治引领, not the marker's "(", ")" or ","


def test_one_finding_per_line_with_one_safe_fix_covering_every_mark():
    text = "本年度,我镇坚持高位谋划(统筹推进),着力将法治要求融入全过程。\n没有问题的一行。\n"
    (finding,) = lint(text)
    assert finding.code == "SF701" and finding.name == "half-width-punctuation"
    assert finding.severity is Severity.INFO
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 4, 1, 20)
    assert finding.message.zh == "中文语境使用了半角标点 , ( )（本行 4 处），应使用全角 ， （ ）"
    assert finding.message.en == (
        "half-width punctuation , ( ) in Chinese text (4 on this line); use full-width ， （ ）"
    )
    assert finding.fix.safe
    assert [(e.line, e.column, e.end_line, e.end_column, e.content) for e in finding.fix.edits] == [
        (1, 4, 1, 5, "，"),
        (1, 13, 1, 14, "（"),
        (1, 18, 1, 19, "）"),
        (1, 19, 1, 20, "，"),
    ]


def test_the_seed_gets_one_finding_per_line_that_has_half_width_marks():
    text = SEED.read_text(encoding="utf-8")
    findings = lint(text)
    lines_with_marks = [n for n, line in enumerate(text.splitlines(), 1) if half_width_marks(line)]
    assert [d.line for d in findings] == lines_with_marks
    assert len(findings) == 18
    assert sum(len(d.fix.edits) for d in findings) > 90  # the seed writes , ( ) throughout


def test_a_clean_report_has_no_finding():
    text = "一、工作情况\n（一）强化政治引领。本年度，我镇坚持“法治优先”（详见附件1），成效明显。\n"
    assert lint(text) == []


def test_a_question_mark_left_for_a_figure_stays_as_typed():
    text = "2025年度镇长述法报告\n一是全年办理?件,审查合同(?)份。\n"
    (diagnostic,) = lint_source(from_text("draft.txt", text), Settings(select=("SF701",)))
    assert [edit.content for edit in diagnostic.fix.edits] == ["，"]
