"""GuardedPattern: trying a pattern only where its first character occurs finds what finditer finds."""

import re
from pathlib import Path

import pytest

from shufa_lint.patterns import GuardedPattern, _pair_guard, first_chars


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?<![A-Za-z0-9])(?:XX|xx|××)(?=[镇乡])", set("Xx×")),
        (r"(?:(?<=学习)|(?<=贯彻))法治思想", {"法"}),
        (r"[*＊]{1,3}|[□■]{1,3}", set("*＊□■")),
        (r"x?y", {"x", "y"}),
        (r"a*b", {"a", "b"}),
    ],
)
def test_first_chars(pattern, expected):
    assert first_chars(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"\d+年", r"(?=x)", r"a*", r"[^x]y", r"[一-鿿]+"])
def test_no_guard_when_the_first_character_cannot_be_told(pattern):
    assert first_chars(pattern) is None


@pytest.mark.parametrize(
    "pattern, text",
    [
        (r"(?<![A-Za-z0-9])(?:XX|xx|××|[XＸ×x]{3})(?=[镇乡村]|同志)", "XX镇、xxx同志、AXX镇、×××同志、XXXX镇"),
        (r"(?:20|２０)[xX×]{2}\s*年|[xX×]{1,2}\s*月\s*[xX×]{1,2}\s*日", "20XX年X月X日，２０xx 年 x 月 xx 日"),
        (r"(?:(?<=学习)|(?<=贯彻))法治思想", "学习法治思想，贯彻法治思想，坚持法治思想"),
        (r"\d+次", "开展12次，又3次"),  # unguarded: falls back to finditer
    ],
)
def test_same_matches_as_finditer(pattern, text):
    compiled = re.compile(pattern)
    expected = [(m.start(), m.end()) for m in compiled.finditer(text)]
    assert [(m.start(), m.end()) for m in GuardedPattern(compiled).finditer(text)] == expected
    assert expected


# Branches that overlap at their first character (法制/法治), share it with a later, longer branch
# (一二/一二三) and begin with a look-behind, as the 提法 lexicon's do.
BRANCHES = [
    "(?P<t0>法制建设第一责任人)",
    "(?P<t1>(?<![〇○0一二三四五六七八九])一二(?=年))",
    "(?P<t2>一二三)",
    "(?P<t3>法治政府建设纲要)",
    "(?P<t4>布署)",
    "(?P<t5>“七五”普法)",
]
BRANCH_TEXT = "推进法制建设第一责任人制度，一二年布署一二三项，“七五”普法与法治政府建设纲要，二〇一二年，法制"


@pytest.mark.parametrize("text", [BRANCH_TEXT, BRANCH_TEXT * 3, "", "无关文字", "一二三一二年"])
def test_branches_dispatched_by_first_character_match_as_the_alternation(text):
    whole = re.compile("|".join(BRANCHES))
    dispatched = GuardedPattern(whole, BRANCHES)
    assert dispatched._by_first_char is not None  # the dispatch is what is tested
    expected = [(m.span(), m.lastgroup) for m in whole.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in dispatched.finditer(text)] == expected


def test_a_branch_of_unknown_first_character_leaves_the_whole_alternation():
    branches = ["(?P<t0>布署)", r"(?P<t1>\w+局)"]
    dispatched = GuardedPattern(re.compile("|".join(branches)), branches)
    assert dispatched._by_first_char is None
    assert [m.lastgroup for m in dispatched.finditer("布署 公安局")] == ["t0", "t1"]


def test_the_lexicons_alternation_finds_what_finditer_finds():
    from shufa_lint.checks.terms import terms
    from shufa_lint.lexicon import builtin

    data = terms(builtin())
    text = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8") + "".join(
        entry["hit"][0] if isinstance(entry.get("hit"), list) else str(entry.get("hit", ""))
        for entry in builtin().table("terms")["terms"]
    )
    expected = [(m.span(), m.lastgroup) for m in data.wrong.pattern.finditer(text)]
    assert expected  # the hits of the lexicon's own examples
    assert [(m.span(), m.lastgroup) for m in data.wrong.finditer(text)] == expected


@pytest.mark.parametrize(
    "pattern, guard",
    [
        ("法制建设|法治思想|布署", "布(?=[署])|法(?=[制治])"),
        # a branch whose second character cannot be told leaves its first character unnarrowed
        (r"法制建设|法\w+局|布署", "布(?=[署])|法"),
        # look-arounds are passed over: they only narrow the matches further
        (r"(?<=学习)法治|(?:法制|依法)治", "依(?=[法])|法(?=[制治])"),
        (r"(?P<t0>法制)|(?P<t1>法(?=治)治)", "法(?=[制治])"),
    ],
)
def test_the_guard_looks_at_the_second_character_where_it_can(pattern, guard):
    assert _pair_guard(pattern) == guard


@pytest.mark.parametrize(
    "pattern",
    [
        r"[xX]{1,2}月",  # a repeat first: its second character may be the first again
        "布署|布",  # a match of one character has no second
        r"布(?=\d)",  # only a look-ahead after the first: nothing told
    ],
)
def test_no_second_character_guard_where_it_cannot_be_told(pattern):
    assert _pair_guard(pattern) is None


def test_a_second_character_guard_finds_what_finditer_finds():
    branches = ["(?P<t0>法制建设)", r"(?P<t1>(?<=学习)法治思想)", "(?P<t2>法制(?:观念|意识))", "(?P<t3>布署)"]
    whole = re.compile("|".join(branches))
    guarded = GuardedPattern(whole, branches)
    assert guarded.guard.pattern == "布(?=[署])|法(?=[制治])"
    text = "加强法制建设，学习法治思想，增强法制观念，依法布署，法律法规，法法制建设"
    expected = [(m.span(), m.lastgroup) for m in whole.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in guarded.finditer(text)] == expected
    assert len(expected) == 5
    assert not guarded.may_match("法律法规和法院")
    assert guarded.may_match("法律法规和法制")


def test_a_guard_given_replaces_the_one_told():
    compiled = re.compile(r"(?<=共)次|次(?=[，。])")
    guarded = GuardedPattern(compiled, guard=r"次(?:(?<=共.)|(?=[，。]))")
    text = "共次，次数，这次。每次活动"
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in compiled.finditer(text)] == [(1, 2), (7, 8)]
    assert not guarded.may_match("次数次要")
