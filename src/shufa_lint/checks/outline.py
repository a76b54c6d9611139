"""SF5xx outline: the body against the outline it must follow (embedded 【提纲】, ``--outline`` or config).

The alignment (``document.alignment``) pairs outline items with body headings by the meaning of their
text and sorts what stays unpaired into gaps: out of order (its text is in the body, but elsewhere),
reworded (a heading with the same number in the same place says something else) or missing.
"""

from __future__ import annotations

from ..diagnostics import Message, Severity
from ..document import Document
from ..document.alignment import Gap
from ..document.markers import Marker
from ..registry import Rule, register

_NAMED_CHILDREN = 4  # children a missing-section message names before it only counts the rest


_INNER_QUOTES = str.maketrans("“”", "‘’")


def _heading(marker: Marker) -> str:
    """The heading as messages quote it: canonical marker, and inner quotes made single (“…‘…’…”)."""
    return (marker.label + marker.text).translate(_INNER_QUOTES)


class _OutlineRule(Rule):
    gap_kind: str

    def check(self, document, context):
        if document.alignment is None:
            return
        for gap in document.alignment.gaps:
            if gap.kind == self.gap_kind:
                zh, en = self.describe(gap, document)
                line, column = gap.anchor
                yield self.report((line, column), (line, column + 1), zh, en, suggestions=self.suggest(gap))

    def describe(self, gap: Gap, document: Document) -> tuple[str, str]:
        raise NotImplementedError

    def suggest(self, gap: Gap):
        return ()


_QUOTED_HEADING_MAX = 24  # characters of a neighbouring heading a message quotes


def _short_heading(marker: Marker) -> str:
    heading = _heading(marker)
    return heading if len(heading) <= _QUOTED_HEADING_MAX else heading[: _QUOTED_HEADING_MAX - 1] + "…"


def _placement(gap: Gap, unit: Message) -> tuple[str, str]:
    """Where the missing item belongs, by the present heading it follows (or, first, precedes)."""
    if gap.follows is not None:
        heading, line = _short_heading(gap.follows), gap.follows.line
        return f"；应补在第 {line} {unit.zh}“{heading}”之后", f"; it belongs after '{heading}' ({unit.en} {line})"
    if gap.precedes is not None:
        heading, line = _short_heading(gap.precedes), gap.precedes.line
        return f"；应补在第 {line} {unit.zh}“{heading}”之前", f"; it belongs before '{heading}' ({unit.en} {line})"
    return "", ""


def _children_summary(children: tuple[Marker, ...]) -> str:
    named = "、".join(_heading(child) for child in children[:_NAMED_CHILDREN])
    rest = len(children) - _NAMED_CHILDREN
    return named + (" 等" if rest > 0 else "")


@register
class OutlineMissing(_OutlineRule):
    """An outline item has no heading in the body.

    Why: the outline (the embedded 【提纲】, ``--outline FILE`` or the ``outline`` setting) is what the
    report was asked to cover; an item without a heading was forgotten or cut out with its passage.
    A missing heading whose children are all missing too is one finding that names them.

    Example: the outline has ``（二）聚焦依法行政，提升基层治理“法治效能”`` with 一是…四是, and the
    body jumps from （一） to （四）:
    ``（二）聚焦依法行政，提升基层治理“法治效能” 缺失，含 4 项``.

    Fix: write the missing part where the finding points (after the preceding item).
    """

    code = "SF501"
    name = "outline-item-missing"
    gap_kind = "missing"

    def describe(self, gap, document):
        zh, en = self._missing(gap, document)
        place_zh, place_en = _placement(gap, document.source.unit)
        return zh + place_zh, en + place_en

    def _missing(self, gap, document):
        item = _heading(gap.item)
        where = "提纲中的" if document.outline and document.outline.embedded else "提纲要求的"
        if gap.lost_children and len(gap.lost_children) == len(gap.item.children):
            count = sum(1 + len(list(c.descendants())) for c in gap.lost_children)
            return (
                f"{where}“{item}”在正文中缺失，含 {count} 项：{_children_summary(gap.lost_children)}",
                f"outline item '{item}' is missing from the body, with its {count} sub-items",
            )
        zh = f"{where}“{item}”在正文中缺失"
        en = f"outline item '{item}' is missing from the body"
        if gap.found_children:
            lines = "、".join(str(child.line) for child in gap.found_children[:_NAMED_CHILDREN])
            unit = document.source.unit
            zh += f"（其下内容见第 {lines} {unit.zh}）"
            en += f" (its content is on {unit.en}s {lines})"
        if gap.lost_children:
            zh += f"，其下“{_children_summary(gap.lost_children)}”也缺失"
            en += f"; so are {len(gap.lost_children)} of its sub-items"
        return zh, en


@register
class OutlineOrder(_OutlineRule):
    """An outline item's heading is in the body, but out of the outline's order.

    Why: the outline fixes the order reviewers read in (问题 before 措施, （一） before （二））; a
    heading placed elsewhere is hard to find and often pasted into the wrong section.

    Example: the outline lists ``一是规范重大决策程序`` under （二）, and the body has it under （四）.

    Fix: move the passage to where the outline puts it, or update the outline.
    """

    code = "SF502"
    name = "outline-order"
    gap_kind = "moved"

    def describe(self, gap, document):
        heading = _heading(gap.heading)
        siblings = gap.item.parent.children if gap.item.parent else document.alignment.roots
        position = siblings.index(gap.item)
        if position:
            before = _heading(siblings[position - 1])
            return (
                f"“{heading}”的位置与提纲不符：提纲中它紧接在“{before}”之后",
                f"'{heading}' is out of the outline's order: the outline puts it right after '{before}'",
            )
        parent = _heading(gap.item.parent) if gap.item.parent else "提纲"
        return (
            f"“{heading}”的位置与提纲不符：提纲中它是“{parent}”的第一项",
            f"'{heading}' is out of the outline's order: the outline puts it first under '{parent}'",
        )


@register
class OutlineReworded(_OutlineRule):
    """A heading in an outline item's place says something else than the item.

    Why: a heading with the outline's number and position but different words has either been
    rewritten past recognition or replaced by another topic; reviewers check headings against the
    outline word for word.

    Example: the outline's ``（二）聚焦依法行政`` stands in the body as ``（二）加强队伍建设``.

    Fix: use the outline's wording, or update the outline.
    """

    code = "SF503"
    name = "outline-reworded"
    severity = Severity.INFO
    gap_kind = "reworded"

    def describe(self, gap, document):
        return (
            f"标题“{_heading(gap.heading)}”与提纲的“{_heading(gap.item)}”不符",
            f"heading '{_heading(gap.heading)}' differs from the outline's '{_heading(gap.item)}'",
        )

    def suggest(self, gap):
        return [(f"改为“{_heading(gap.item)}”", f"write '{_heading(gap.item)}'")]
