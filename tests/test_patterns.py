"""GuardedPattern: trying a pattern only where its first character occurs finds what finditer finds."""

import re

import pytest

from shufa_lint.patterns import GuardedPattern, first_chars


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
