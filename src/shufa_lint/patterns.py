"""What the parsed form of a regular expression tells: where a match can start, and whether it may
backtrack for hours.

Both read the pattern's parse tree once. ``GuardedPattern`` uses the characters a match must start with
to try a pattern only there (Python's ``re`` tries a look-behind-guarded alternation at every position
of a text; a one-character class is scanned in C), with the same matches as ``finditer``.
``backtracking_risk`` refuses user patterns that can match one text in many ways.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from . import regexes
from .diagnostics import Message

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_LARGEST_SET = 4096  # a class wider than this (CJK ranges) is not worth a guard

_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_CATEGORY_REGEX = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
_DISJOINT_CATEGORIES = {
    frozenset(pair)
    for pair in (
        ("CATEGORY_DIGIT", "CATEGORY_NOT_DIGIT"),
        ("CATEGORY_SPACE", "CATEGORY_NOT_SPACE"),
        ("CATEGORY_WORD", "CATEGORY_NOT_WORD"),
        ("CATEGORY_DIGIT", "CATEGORY_SPACE"),
        ("CATEGORY_SPACE", "CATEGORY_WORD"),
        ("CATEGORY_DIGIT", "CATEGORY_NOT_WORD"),
    )
}


def _children(op, av) -> list:
    if op in _REPEATS or op == getattr(sre_constants, "POSSESSIVE_REPEAT", None):
        return [av[2]]
    if op == sre_constants.SUBPATTERN:
        return [av[3]]
    if op == sre_constants.BRANCH:
        return list(av[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [av[1]]
    if op == getattr(sre_constants, "ATOMIC_GROUP", None):
        return [av]
    if op == sre_constants.GROUPREF_EXISTS:
        return [branch for branch in av[1:] if branch is not None]
    return []


def _can_be_empty(op, av) -> bool:
    if op in _REPEATS or op == getattr(sre_constants, "POSSESSIVE_REPEAT", None):
        return av[0] == 0 or _can_be_empty_sequence(av[2])
    if op in _ZERO_WIDTH or op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
        return True
    return any(_can_be_empty_sequence(child) for child in _children(op, av)) if _children(op, av) else False


def _can_be_empty_sequence(items) -> bool:
    return all(_can_be_empty(op, av) for op, av in items)


class _FirstChars:
    """The characters a sub-pattern may start with: ranges, ``\\d``-like categories, or anything."""

    __slots__ = ("anything", "ranges", "categories")

    def __init__(self) -> None:
        self.anything = False
        self.ranges: list[tuple[int, int]] = []
        self.categories: set[str] = set()

    def add(self, other: "_FirstChars") -> None:
        self.anything |= other.anything
        self.ranges += other.ranges
        self.categories |= other.categories

    def _category_meets(self, category: str, ranges: list[tuple[int, int]]) -> bool:
        regex = re.compile(_CATEGORY_REGEX.get(category, "."))
        for low, high in ranges:
            if high - low > _LARGEST_SET or any(regex.match(chr(code)) for code in range(low, high + 1)):
                return True
        return False

    def overlaps(self, other: "_FirstChars") -> bool:
        if self.anything or other.anything:
            return True
        if any(a <= d and c <= b for a, b in self.ranges for c, d in other.ranges):
            return True
        if any(frozenset((a, b)) not in _DISJOINT_CATEGORIES for a in self.categories for b in other.categories):
            return True
        return any(self._category_meets(c, other.ranges) for c in self.categories) or any(
            other._category_meets(c, self.ranges) for c in other.categories
        )


def _first_chars(items) -> _FirstChars:
    first = _FirstChars()
    for op, av in items:
        if op == sre_constants.LITERAL:
            first.ranges.append((av, av))
        elif op == sre_constants.IN:
            for kind, value in av:
                if kind == sre_constants.LITERAL:
                    first.ranges.append((value, value))
                elif kind == sre_constants.RANGE:
                    first.ranges.append(value)
                elif kind == sre_constants.CATEGORY:
                    first.categories.add(str(value))
                else:  # NEGATE and the like: assume it may start with anything
                    first.anything = True
        elif op in _ZERO_WIDTH:
            continue
        elif _children(op, av):
            for child in _children(op, av):
                first.add(_first_chars(child))
        else:  # ANY, NOT_LITERAL, GROUPREF
            first.anything = True
        if not _can_be_empty(op, av):
            break
    return first


def _has_variable_repeat(items) -> bool:
    return any(
        (op in _REPEATS and av[0] != av[1]) or any(_has_variable_repeat(child) for child in _children(op, av))
        for op, av in items
    )


def _has_ambiguous_branch(items) -> bool:
    for op, av in items:
        if op == sre_constants.BRANCH:
            branches = list(av[1])
            if any(_can_be_empty_sequence(branch) for branch in branches):
                return True
            starts = [_first_chars(branch) for branch in branches]
            if any(a.overlaps(b) for i, a in enumerate(starts) for b in starts[i + 1 :]):
                return True
        if any(_has_ambiguous_branch(child) for child in _children(op, av)):
            return True
    return False


# How long a line a pattern is assumed to meet, and how many ways of splitting it between two
# quantifiers are too many: X+X{0,1000} splits a run of X in ~1 000 ways at each of its positions.
_LONG_LINE = 10_000
_SPLITS = 50 * _LONG_LINE


def _variable_repeat(op, av, edge: int) -> tuple[list, int] | None:
    """(repeated items, how many lengths it can take) if ``op`` repeats a variable number of times
    (X*, X+, X{0,1000}), or is a group that ends (``edge`` -1) or starts (``edge`` 0) with such a
    repeat ((X+), (AX+)); else None. An unbounded repeat counts as ``_LONG_LINE`` lengths."""
    if op == sre_constants.SUBPATTERN and av[-1]:
        return _variable_repeat(*av[-1][edge], edge)
    if op in _REPEATS and av[0] != av[1]:
        lengths = _LONG_LINE if av[1] == sre_constants.MAXREPEAT else av[1] - av[0] + 1
        return av[2], lengths
    return None


def _has_adjacent_overlapping_repeats(items) -> bool:
    """X*X*, \\S*\\S*, (X+)(X+), X+X{0,1000}, X+,?X+, (AX+)X+: two quantifiers over the same characters
    with nothing between them that must match; every split of a run between the two is tried, at every
    position. Refused when the splits multiply past ``_SPLITS`` (X+X? and X{1,3}X{0,2} stay allowed)."""
    ends = [_variable_repeat(op, av, -1) for op, av in items]
    starts = [(_variable_repeat(op, av, 0), _can_be_empty(op, av)) for op, av in items]
    for first, left in enumerate(ends):
        if left is None:
            continue
        for right, can_be_empty in starts[first + 1 :]:
            if right is not None and left[1] * right[1] > _SPLITS and _first_chars(left[0]).overlaps(_first_chars(right[0])):
                return True
            if not can_be_empty:
                break
    return False


def _backtracking_risk(items) -> Message | None:
    """Why matching ``items`` may take exponential time, or None.

    Python's ``re`` backtracks: a quantifier around something that can match the same text in more
    than one way (a nested quantifier, overlapping alternatives, or two unbounded quantifiers in a row
    over the same characters) tries every split of a long line before failing. Such patterns are
    refused rather than timed.
    """
    if _has_adjacent_overlapping_repeats(items):
        return Message(
            "对同样的字符连用了两个量词（如 X*X*、\\S*\\S* 或 X+X{0,1000}）",
            "puts quantifiers over the same characters in a row, like X*X*, \\S*\\S* or X+X{0,1000}",
        )
    for op, av in items:
        if op in _REPEATS and av[1] > 1:
            if _has_variable_repeat(av[2]):
                return Message(
                    "在重复的分组里又用了量词（如 (a+)+ 或 (a*)*）", "nests a quantifier inside a repeated group, like (a+)+ or (a*)*"
                )
            if _has_ambiguous_branch(av[2]):
                return Message(
                    "重复了能匹配同样文字的分支（如 (a|a)* 或 (a|ab)+）",
                    "repeats alternatives that can match the same text, like (a|a)* or (a|ab)+",
                )
        for child in _children(op, av):
            risk = _backtracking_risk(child)
            if risk:
                return risk
    return None


def backtracking_risk(pattern: str) -> Message | None:
    """Why ``pattern`` may take very long on a long line (see ``_backtracking_risk``), or None."""
    return _backtracking_risk(sre_parse.parse(pattern))


# The analysis above knows the usual shapes, not every one (X{1,100}Y?X{1,100}Y?X{1,100}Z splits a
# run three ways). So a user pattern it accepts is also timed on probe lines made of its own
# characters: linear and quadratic patterns search them in milliseconds, anything worse runs out.
_PROBE_LENGTH = 2_000
PROBE_CPU_SECONDS = 0.5
_CATEGORY_SAMPLES = {"CATEGORY_DIGIT": "0", "CATEGORY_SPACE": " ", "CATEGORY_WORD": "a", "CATEGORY_NOT_WORD": "-"}


class _OutOfTime(Exception):
    pass


def _probe_characters(items, found: list[str]) -> None:
    """Characters the pattern names (literals, class bounds, category samples), in order of appearance."""
    for op, av in items:
        if op == sre_constants.LITERAL:
            found.append(chr(av))
        elif op == sre_constants.IN:
            for kind, value in av:
                if kind == sre_constants.LITERAL:
                    found.append(chr(value))
                elif kind == sre_constants.RANGE:
                    found.append(chr(value[0]))
                elif kind == sre_constants.CATEGORY:
                    found.append(_CATEGORY_SAMPLES.get(str(value), "a"))
        for child in _children(op, av):
            _probe_characters(child, found)


def _probe_lines(items) -> list[tuple[str, Message]]:
    """(line, how messages describe it): a run of each character the pattern names, then all of them
    in turn."""
    found: list[str] = []
    _probe_characters(items, found)
    characters = list(dict.fromkeys(found))[:8] or ["a"]
    lines = [
        (character * _PROBE_LENGTH, Message(f"一行 {_PROBE_LENGTH} 个“{character}”", f"a line of {_PROBE_LENGTH} {character!r}"))
        for character in characters
    ]
    mixed = "".join(characters)
    lines.append((mixed * (_PROBE_LENGTH // len(mixed)), Message(f"“{mixed}”重复而成的一行", f"a line of {mixed!r} repeated")))
    return lines


def too_slow_on_probes(pattern: str) -> Message | None:
    """The probe line that searching with ``pattern`` takes more than ``PROBE_CPU_SECONDS`` of CPU
    time on, described, or None. CPU time, not wall time: a busy machine does not
    make a pattern fail. Where a CPU timer cannot be set (Windows, a thread other than the main one),
    the analysis alone decides."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return None
    compiled = re.compile(pattern)

    def out_of_time(signum, frame):
        raise _OutOfTime

    previous = signal.signal(signal.SIGPROF, out_of_time)
    try:
        for line, description in _probe_lines(sre_parse.parse(pattern)):
            try:
                signal.setitimer(signal.ITIMER_PROF, PROBE_CPU_SECONDS)
                compiled.search(line)
            except _OutOfTime:
                return description
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
    finally:
        signal.signal(signal.SIGPROF, previous)
    return None


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` must start with, or None if that cannot be told exactly."""
    try:
        items = sre_parse.parse(pattern)
    except Exception:  # an exotic construct: no guard, plain finditer
        return None
    first = _first_chars(items)
    if first.anything or first.categories or _can_be_empty_sequence(items):
        return None
    if not first.ranges or sum(high - low + 1 for low, high in first.ranges) > _LARGEST_SET:
        return None
    return frozenset(chr(code) for low, high in first.ranges for code in range(low, high + 1))


def _guard_class(pattern: str) -> str | None:
    """A character class of the characters a match of ``pattern`` starts with, if they can be told."""
    chars = first_chars(pattern)
    return "[" + "".join(map(re.escape, sorted(chars))) + "]" if chars else None


def _literal_chars(op, av) -> set[str] | None:
    """The characters one item matches when it is a literal or a small class of literals and ranges."""
    if op == sre_constants.LITERAL:
        return {chr(av)}
    if op == sre_constants.IN and all(kind in (sre_constants.LITERAL, sre_constants.RANGE) for kind, _ in av):
        ranges = [(value, value) if kind == sre_constants.LITERAL else value for kind, value in av]
        if sum(high - low + 1 for low, high in ranges) <= _LARGEST_SET:
            return {chr(code) for low, high in ranges for code in range(low, high + 1)}
    return None


def _second_chars(items) -> dict[str, set[str] | None] | None:
    """For each character a match of ``items`` may start with, the characters its second one may be
    (None: any); None when the first characters themselves cannot be told."""
    items = list(items)
    while items and items[0][0] in _ZERO_WIDTH:
        items.pop(0)  # an assertion before the first character only narrows the matches
    if not items:
        return None
    (op, av), rest = items[0], items[1:]
    if op == sre_constants.SUBPATTERN:
        return _second_chars([*av[3], *rest])
    if op == sre_constants.BRANCH:
        merged: dict[str, set[str] | None] = {}
        for branch in av[1]:
            found = _second_chars([*branch, *rest])
            if found is None:
                first = _first_chars([*branch, *rest])
                if first.anything or first.categories or not first.ranges or _can_be_empty_sequence([*branch, *rest]):
                    return None
                found = {chr(code): None for low, high in first.ranges for code in range(low, high + 1)}
            for char, seconds in found.items():
                known = merged.get(char, set())
                merged[char] = None if seconds is None or known is None else known | seconds
        return merged
    chars = _literal_chars(op, av)
    if chars is None:
        return None
    following = _first_chars(rest)
    if following.anything or following.categories or not following.ranges or _can_be_empty_sequence(rest):
        seconds = None
    else:
        seconds = {chr(code) for low, high in following.ranges for code in range(low, high + 1)}
        if len(seconds) > _LARGEST_SET:
            seconds = None
    return {char: seconds for char in chars}


def _pair_guard(pattern: str) -> str | None:
    """A guard narrower than ``_guard_class``: one alternative per first character, each followed by
    a look-ahead at the second character where that can be told (法(?=[制治])). Every alternative starts
    with its literal, so ``re`` still skips in C to the next first character."""
    chars = first_chars(pattern)
    if not chars:
        return None
    found = _second_chars(sre_parse.parse(pattern))
    if found is None or set(found) != set(chars) or not any(found.values()):
        return None  # no second character told: the class guard is as narrow
    return "|".join(
        re.escape(char) + ("(?=[" + "".join(map(re.escape, sorted(seconds))) + "])" if seconds else "")
        for char, seconds in sorted(found.items())
    )


class GuardedPattern:
    """``finditer`` of a pattern, with the same matches, trying it only where a match can start.

    Given the ``branches`` the pattern is the alternation of (``"|".join(branches)``, in order), each
    such position is tried only against the branches that can start with its character: a lexicon of a
    hundred entries costs a try or two there, not a hundred. The first branch that matches wins, as in
    the alternation, because the branches left out cannot match at that character at all.

    ``guard``, when given, replaces the one told from the pattern: a pattern matching one character
    wherever a match of ``pattern`` can start (and elsewhere, as it may), for a pattern whose own
    first characters are too common to sift anything.
    """

    def __init__(self, pattern: re.Pattern, branches: Sequence[str] = (), guard: str | None = None):
        self.pattern = pattern
        # parsing the pattern again is as slow as compiling it: the guard is kept with compiled patterns
        if guard is None and not pattern.flags & re.IGNORECASE:
            guard = regexes.derived(pattern.pattern, "pair-guard", _pair_guard)
        guard = guard or regexes.derived(pattern.pattern, "guard", _guard_class)
        self.guard = regexes.compile(guard) if guard else None
        self._by_first_char: dict[str, re.Pattern] | None = None
        if branches and self.guard is not None:
            if pattern.pattern != "|".join(branches):
                raise ValueError("the branches must be those the pattern joins")
            self._by_first_char = _branches_by_first_char(branches, pattern.flags)

    def may_match(self, text: str) -> bool:
        """False when no match can start anywhere in ``text`` (a quick look before ``finditer``)."""
        return self.guard is None or self.guard.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.guard is None:
            yield from self.pattern.finditer(text)
            return
        first = self.guard.search(text)
        if first is None:
            return  # most texts: one search in C, and no iterator built
        by_first_char = self._by_first_char
        end = 0
        for hit in self.guard.finditer(text, first.start()):
            start = hit.start()
            if start < end:
                continue
            pattern = self.pattern if by_first_char is None else by_first_char[text[start]]
            found = pattern.match(text, start)
            if found is not None:
                end = found.end()
                yield found


def _branches_by_first_char(branches: Sequence[str], flags: int) -> dict[str, re.Pattern] | None:
    """For each character some branch can start with, the alternation of those branches (in order);
    None when a branch's first characters cannot be told."""
    firsts = [regexes.derived(branch, "first-chars", first_chars) for branch in branches]
    if any(chars is None for chars in firsts):
        return None
    indexes: dict[str, list[int]] = {}
    for index, chars in enumerate(firsts):
        for char in chars:
            indexes.setdefault(char, []).append(index)
    compiled: dict[tuple[int, ...], re.Pattern] = {}
    by_char = {}
    for char, chosen in indexes.items():
        key = tuple(chosen)
        if key not in compiled:
            compiled[key] = regexes.compile("|".join(branches[index] for index in key), flags)
        by_char[char] = compiled[key]
    return by_char
