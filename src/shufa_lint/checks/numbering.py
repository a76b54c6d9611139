"""SF2xx numbering: parallel ordinals that skip, repeat or start late, and malformed markers.

Groups are the siblings of one kind under one parent heading (``Tree.groups``); run-in items (一是 …)
start a new group at every 一是. Checked in the body and in the embedded outline; not in the body of a
document whose automatic numbers could not be read (``SourceText.unlabelled_lists``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..diagnostics import Fix
from ..document import Document, Tree
from ..document.markers import ARABIC, ITEM, Marker, label
from ..registry import Rule, register


@dataclass(frozen=True)
class Slip:
    kind: str  # skip | repeat | late-start
    marker: Marker
    previous: Marker | None
    in_outline: bool


def _runs(kind: str, siblings: list[Marker]) -> Iterator[list[Marker]]:
    if kind != ITEM:
        yield siblings
        return
    run: list[Marker] = []
    for marker in siblings:
        if marker.ordinal == 1 and run:
            yield run
            run = []
        run.append(marker)
    if run:
        yield run


def _slips(tree: Tree, in_outline: bool) -> Iterator[Slip]:
    last_arabic = 0  # Arabic items may number on across （一）（二）: 1. 2. 3. then 4. 5.
    groups = sorted(tree.groups(), key=lambda group: (group[1][0].line, group[1][0].column))
    for kind, siblings in groups:
        for run in _runs(kind, siblings):
            first = run[0]
            continues = kind == ARABIC and first.ordinal == last_arabic + 1
            if first.ordinal != 1 and not continues:
                yield Slip("late-start", first, None, in_outline)
            for previous, marker in zip(run, run[1:]):
                if marker.ordinal <= previous.ordinal:
                    yield Slip("repeat", marker, previous, in_outline)
                elif marker.ordinal > previous.ordinal + 1:
                    yield Slip("skip", marker, previous, in_outline)
            if kind == ARABIC:
                last_arabic = run[-1].ordinal


def _all_slips(document: Document) -> list[Slip]:
    found = list(_slips(document.outline.tree, True)) if document.outline and document.outline.embedded else []
    if document.source.unlabelled_lists:
        return found  # the body's automatic numbers could not be read: a gap there is not the author's
    return found + list(_slips(document.body, False))


def slips(document: Document) -> list[Slip]:
    """Every numbering slip of the body and the embedded outline (shared by SF201-SF203)."""
    return document.derived("numbering-slips", _all_slips)


def _where(slip: Slip) -> tuple[str, str]:
    return ("提纲中", "in the outline, ") if slip.in_outline else ("", "")


class _NumberingRule(Rule):
    slip_kind: str

    def check(self, document, context):
        for slip in slips(document):
            if slip.kind == self.slip_kind:
                marker = slip.marker
                zh, en = self.describe(slip)
                yield self.report((marker.line, marker.column), (marker.end_line, marker.end_column), zh, en)

    def describe(self, slip: Slip) -> tuple[str, str]:
        raise NotImplementedError


@register
class NumberingSkip(_NumberingRule):
    """Parallel numbering skips one or more ordinals.

    Why: a skipped （二） or 二是 means a heading or an item was lost (often when a passage was cut
    out) or that the numbering was never renumbered after an edit; reviewers read it as carelessness.

    Example::

        （一）强化政治引领……
        （四）保障司法公正……      ← （二）（三） are missing

    Fix: restore the missing parts, or renumber the group consecutively.
    """

    code = "SF201"
    name = "numbering-skip"
    slip_kind = "skip"

    def describe(self, slip):
        missing = [label(slip.marker.kind, n) for n in range(slip.previous.ordinal + 1, slip.marker.ordinal)]
        where_zh, where_en = _where(slip)
        return (
            f"{where_zh}序号不连续：“{slip.previous.label}”之后是“{slip.marker.label}”，缺少“{'”“'.join(missing)}”",
            f"{where_en}numbering skips: {slip.marker.label} follows {slip.previous.label}; "
            f"missing {' '.join(missing)}",
        )


@register
class NumberingRepeat(_NumberingRule):
    """The same ordinal appears twice (or goes backwards) in one parallel group.

    Why: a repeated 三是 usually marks a passage pasted from elsewhere or a cut that joined two
    groups; either way the reader can no longer follow the enumeration.

    Example::

        三是健全党领导法治建设的……
        三是强化法治文化阵地建设。   ← 三是 again

    Fix: check whether text between the two was lost; renumber the group.
    """

    code = "SF202"
    name = "numbering-repeat"
    slip_kind = "repeat"

    def describe(self, slip):
        where_zh, where_en = _where(slip)
        if slip.marker.ordinal == slip.previous.ordinal:
            return (
                f"{where_zh}序号重复：“{slip.marker.label}”再次出现（前一个在第 {slip.previous.line} 行）",
                f"{where_en}numbering repeats: {slip.marker.label} again (the previous one is on line "
                f"{slip.previous.line})",
            )
        return (
            f"{where_zh}序号倒退：“{slip.marker.label}”出现在“{slip.previous.label}”之后",
            f"{where_en}numbering goes backwards: {slip.marker.label} after {slip.previous.label}",
        )


@register
class NumberingStart(_NumberingRule):
    """A parallel group does not start at its first ordinal.

    Why: a group that opens with 二是 or （二） has lost its first member. Arabic items that number on
    across （一）（二） (1. 2. 3. then 4. 5.) are a legitimate style and are not flagged.

    Example::

        （一）持续深化理论武装，全面提升领导能力。二是开展……   ← no 一是

    Fix: restore the first item or renumber the group from 一/1.
    """

    code = "SF203"
    name = "numbering-start"
    slip_kind = "late-start"

    def describe(self, slip):
        first = label(slip.marker.kind, 1)
        where_zh, where_en = _where(slip)
        return (
            f"{where_zh}并列序号未从“{first}”开始：本组第一个是“{slip.marker.label}”",
            f"{where_en}numbering does not start at {first}: this group opens with {slip.marker.label}",
        )


@register
class MalformedMarker(Rule):
    """A numbering marker written with the wrong punctuation (GB/T 15834 B.3, GB/T 9704 7.3.3).

    Why: the standards fix how each level is written: 一、 （一） 1. （1）, and run-in 一是 takes no mark.
    ``一.``, ``（一）、``, ``1、`` and ``一是，`` are the most common slips in drafts.

    Example::

        一.工作情况        → 一、工作情况
        （一）、强化引领   → （一）强化引领
        1、规范决策        → 1.规范决策
        一是，加强领导     → 一是加强领导

    Fix: write the marker in its standard form (``--fix`` does it).
    """

    code = "SF204"
    name = "malformed-marker"

    def check(self, document, context):
        markers = list(document.body.markers)
        if document.outline and document.outline.embedded:
            markers += document.outline.tree.markers
        for marker in markers:
            if marker.expected is None:
                continue
            start, end = (marker.line, marker.column), (marker.end_line, marker.end_column)
            if document.source.generated(marker.line, marker.column):
                # Word's automatic numbering wrote this label: the list's number format must change
                yield self.report(
                    start,
                    end,
                    f"序号格式不规范：Word 自动编号“{marker.raw}”应为“{marker.expected}”，请修改该列表的编号格式",
                    f"malformed marker {marker.raw} from Word's automatic numbering: set the list's number "
                    f"format to {marker.expected}",
                )
                continue
            fix = Fix.replacing(start, end, marker.expected, safe=True)
            yield self.report(
                start,
                end,
                f"序号格式不规范：“{marker.raw}”应写作“{marker.expected}”",
                f"malformed marker {marker.raw}: write {marker.expected}",
                suggestions=[(fix.description.zh, fix.description.en)],
                fix=fix,
            )
