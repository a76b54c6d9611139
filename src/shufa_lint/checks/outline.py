"""SF5xx outline: the body against the outline it must follow (embedded 【提纲】, ``--outline`` or config).

The alignment (``document.alignment``) pairs outline items with body headings by the meaning of their
text. What stays unpaired is either out of order (its text is in the body, but elsewhere), reworded
(a heading with the same number in the same place says something else) or missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..document import Document
from ..document.alignment import MATCH, REWORDED, Alignment, similarity
from ..document.markers import Marker
from ..diagnostics import Severity
from ..registry import Rule, register

_NAMED_CHILDREN = 4  # children a missing-section message names before it only counts the rest


@dataclass(frozen=True)
class Gap:
    kind: str  # missing | moved | reworded
    item: Marker  # the outline item
    heading: Marker | None  # the body heading concerned (moved, reworded)
    anchor: tuple[int, int]  # where the finding is reported
    lost_children: tuple[Marker, ...] = ()  # outline children missing with their whole subtree
    found_children: tuple[Marker, ...] = ()  # body headings that realise the item's other descendants


def _heading(marker: Marker) -> str:
    return marker.label + marker.text


def _anchor(document: Document, alignment: Alignment, outline_index: int) -> tuple[int, int]:
    """Just after the body heading of the nearest outline item before, where the lost text belonged."""
    before = [alignment.body[alignment.pairs[i]] for i in range(outline_index) if i in alignment.pairs]
    after = [alignment.body[alignment.pairs[i]] for i in range(outline_index + 1, len(alignment.outline))
             if i in alignment.pairs]
    next_heading = after[0] if after else None
    if before:
        line = before[-1].line + 1
        if next_heading is None or line < next_heading.line:
            if line <= len(document.lines):
                return line, 1
            last = document.lines[-1]
            return len(document.lines), max(1, len(last))
    if next_heading is not None:
        return next_heading.line, next_heading.column
    return document.body_first_line, 1


def gaps(document: Document) -> Iterator[Gap]:
    alignment = document.alignment
    if alignment is None:
        return
    outline = alignment.outline
    paired_body = set(alignment.pairs.values())
    spare = [heading for index, heading in enumerate(alignment.body) if index not in paired_body]
    unpaired = {id(item) for index, item in enumerate(outline) if index not in alignment.pairs}
    reported: set[int] = set()
    for index, item in enumerate(outline):
        if id(item) not in unpaired or id(item) in reported:
            continue
        moved = max(spare, key=lambda heading: similarity(item, heading), default=None)
        if moved is not None and similarity(item, moved) >= MATCH:
            spare.remove(moved)
            reported.add(id(item))
            yield Gap("moved", item, moved, (moved.line, moved.column))
            continue
        reworded = _same_slot(item, alignment, spare)
        if reworded is not None:
            spare.remove(reworded)
            reported.add(id(item))
            yield Gap("reworded", item, reworded, (reworded.line, reworded.column))
            continue
        descendants = list(item.descendants())
        lost = tuple(child for child in item.children if id(child) in unpaired and
                     all(id(d) in unpaired for d in child.descendants()))
        found = tuple(alignment.body_match(d) for d in descendants if id(d) not in unpaired)
        reported.add(id(item))
        for child in lost:
            reported.add(id(child))
            reported.update(id(d) for d in child.descendants())
        yield Gap("missing", item, None, _anchor(document, alignment, index), lost, found)


def _same_slot(item: Marker, alignment: Alignment, spare: list[Marker]) -> Marker | None:
    """A spare body heading with the item's number under the heading that realises the item's parent."""
    if item.parent is not None:
        parent = alignment.body_match(item.parent)
        if parent is None:
            return None
        siblings = parent.children
    else:
        siblings = [heading for heading in spare if heading.parent is None]
    for heading in siblings:
        if (heading in spare and heading.kind == item.kind and heading.ordinal == item.ordinal
                and similarity(item, heading) >= REWORDED):
            return heading
    return None


class _OutlineRule(Rule):
    gap_kind: str

    def check(self, document, context):
        for gap in gaps(document):
            if gap.kind == self.gap_kind:
                zh, en = self.describe(gap, document)
                line, column = gap.anchor
                yield self.report((line, column), (line, column + 1), zh, en, suggestions=self.suggest(gap))

    def describe(self, gap: Gap, document: Document) -> tuple[str, str]:
        raise NotImplementedError

    def suggest(self, gap: Gap):
        return ()


def _children_summary(children: tuple[Marker, ...]) -> str:
    named = "、".join(_heading(child) for child in children[:_NAMED_CHILDREN])
    rest = len(children) - _NAMED_CHILDREN
    return named + (f" 等" if rest > 0 else "")


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
            zh += f"（其下内容见第 {lines} 行）"
            en += f" (its content is on lines {lines})"
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
        parent = _heading(gap.item.parent) if gap.item.parent else "提纲顶层"
        return (
            f"“{_heading(gap.heading)}”的位置与提纲不符：提纲中它在“{parent}”之下",
            f"'{_heading(gap.heading)}' is out of the outline's order (the outline puts it under {parent})",
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
