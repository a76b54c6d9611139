"""Regular expressions that scan fast: try a pattern only where its first character occurs.

Python's ``re`` tries an alternation of look-behind-guarded branches at every position of a text; a
one-character class is scanned in C. ``GuardedPattern`` finds the characters a match can start with
(from the parsed pattern) and tries the pattern only there, with the same matches as ``finditer``.
"""

from __future__ import annotations

import re
from typing import Iterator

try:
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

_LARGEST_SET = 4096  # a class wider than this (CJK ranges) is not worth a guard


def _first(items) -> tuple[set[int], bool] | None:
    """(code points a match of the sequence ``items`` can start with, whether it can match empty);
    None when that cannot be told (categories, negated or very wide classes)."""
    found: set[int] = set()
    for op, argument in items:
        first = _first_item(str(op), argument)
        if first is None:
            return None
        chars, may_be_empty = first
        found |= chars
        if not may_be_empty:
            return found, False
    return found, True


def _first_item(name: str, argument) -> tuple[set[int], bool] | None:
    if name in ("ASSERT", "ASSERT_NOT", "AT"):
        return set(), True  # zero-width: what follows starts the match
    if name == "LITERAL":
        return {argument}, False
    if name == "IN":
        found: set[int] = set()
        for kind, value in argument:
            kind = str(kind)
            if kind == "LITERAL":
                found.add(value)
            elif kind == "RANGE" and value[1] - value[0] < _LARGEST_SET:
                found.update(range(value[0], value[1] + 1))
            else:
                return None
        return found, False
    if name == "BRANCH":
        found, may_be_empty = set(), False
        for branch in argument[1]:
            first = _first(branch)
            if first is None:
                return None
            found |= first[0]
            may_be_empty = may_be_empty or first[1]
        return found, may_be_empty
    if name == "SUBPATTERN":
        return _first(argument[-1])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        first = _first(argument[2])
        return None if first is None else (first[0], first[1] or argument[0] == 0)
    return None


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` must start with, or None if that cannot be told."""
    try:
        first = _first(sre_parse.parse(pattern).data)
    except Exception:  # an exotic construct: no guard, plain finditer
        return None
    if first is None or first[1] or not first[0]:
        return None
    return frozenset(map(chr, first[0]))


class GuardedPattern:
    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        chars = first_chars(pattern.pattern)
        self.guard = re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]") if chars else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.guard is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        for hit in self.guard.finditer(text):
            if hit.start() < end:
                continue
            found = self.pattern.match(text, hit.start())
            if found is not None:
                end = found.end()
                yield found
