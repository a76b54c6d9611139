"""Issue 13 as a reviewer reads a draft: one draft with a defect of each class (提法 of another year,
numbers, the report's own year, the reviewers' criteria) and one with a trap for each (dated history,
原《…》, quoted titles, 法制审核, well-written ranges and rates). Both are this project's own drafts."""

from __future__ import annotations

from pathlib import Path

from support import lint

FOLDER = Path(__file__).parent / "fixtures" / "content"
NEW_RULES = ("SF403", "SF404", "SF405", "SF71", "SF72", "SF8")


def _found(name: str) -> list[tuple[str, int]]:
    text = (FOLDER / name).read_text(encoding="utf-8")
    return [(d.code, d.line) for d in lint(text, NEW_RULES)]


def test_every_defect_of_the_draft_is_found():
    assert sorted(_found("defects_2025.txt")) == sorted([
        ("SF403", 2),  # 十九大 as current guidance in 2025
        ("SF403", 4),  # 《中华人民共和国合同法》 after the 民法典
        ("SF713", 4),  # 三场 among counts in digits
        ("SF804", 4),  # 显著提升 without a figure
        ("SF711", 5),  # 3千余份
        ("SF712", 5),  # 3-5个工作日
        ("SF712", 5),  # 5～8%
        ("SF714", 5),  # 出庭应诉率106%
        ("SF403", 6),  # “七五”普法 as current
        ("SF403", 6),  # 纲要（2015—2020年） as current
        ("SF404", 6),  # 法治建設
        ("SF721", 7),  # （四）2024年矛盾纠纷化解情况
        ("SF805", 8),  # （来源：…）
        ("SF805", 8),  # 阅读次数
        ("SF803", 10),  # 法治意识还不够强 …
        ("SF801", 12),  # 普法宣传 left without a measure (3 problems, 2 measures)
        ("SF722", 13),  # 三、2025年工作打算
        ("SF723", 17),  # signed in June of the year reported
    ])


def test_nothing_is_flagged_at_the_traps():
    assert _found("traps_2025.txt") == []
