"""SF2xx numbering: parallel ordinals that skip, repeat or start late, and malformed markers.

Groups are the siblings of one kind under one parent heading (``Tree.groups``); run-in items (一是 …)
start a new group at every 一是. Checked in the body and in the embedded outline; not in the body of a
document whose automatic numbers could not be read (``SourceText.unlabelled_lists``).
"""

from typing import Iterator, NamedTuple

from ..diagnostics import Fix, Message
from ..document import Document, Tree
from ..document.markers import ARABIC, ITEM, Marker, circled, label, musts, ordinals
from ..lexicon import Pack
from ..registry import Rule, register


class Slip(NamedTuple):
    kind: str  # skip | repeat | late-start | unheaded-restart
    marker: Marker
    previous: Marker | None
    in_outline: bool
    relabelled: bool = False  # a repeat that stands where the next ordinal belongs: （一）（一）（三）


def _runs(kind: str, siblings: list[Marker]) -> Iterator[list[Marker]]:
    """Sibling markers split where a new list begins. Run-in items (一是 …) begin one at every 一是; a
    heading list begins anew where, after two or more items, it starts again at 一 and goes on with 二:
    a report in two parts each numbered 一、二、… under unnumbered transitions, or next year's measures
    listed （一）（二）… after a problems paragraph without a heading. (（一）（一）（三） is no new list.)"""
    run: list[Marker] = []
    for position, marker in enumerate(siblings):
        if marker.ordinal == 1 and run and (kind == ITEM or _new_list(run, siblings[position + 1 : position + 2])):
            yield run
            run = []
        run.append(marker)
    if run:
        yield run


def _new_list(run: list[Marker], following: list[Marker]) -> bool:
    return len(run) >= 2 and bool(following) and following[0].ordinal == 2


def _introduced(tree: Tree, previous: Marker, marker: Marker, pack: Pack | None) -> bool:
    """Whether something between two lists opens the second: a heading line without a number
    (2025年主要工作), a paragraph that ends in a colon (重点抓好以下工作：) or one that reads as a part
    of the report type (但也存在一些不足…, 下一步，…)."""
    if any(previous.paragraph < plain.paragraph < marker.paragraph for plain in tree.unnumbered):
        return True
    between = tree.paragraphs[previous.paragraph + 1 : marker.paragraph]
    if between and between[-1].text.rstrip().endswith(("：", ":")):
        return True
    sections = pack.sections if pack else ()
    return any(section.matches(paragraph.text) for paragraph in between for section in sections)


def _slips(tree: Tree, in_outline: bool, pack: Pack | None) -> Iterator[Slip]:
    last_arabic = 0  # Arabic items may number on across （一）（二）: 1. 2. 3. then 4. 5.
    groups = sorted(tree.groups(), key=lambda group: (group[1][0].line, group[1][0].column))
    for kind, siblings in groups:
        last: Marker | None = None
        for run in _runs(kind, siblings):
            first = run[0]
            continues = kind == ARABIC and first.ordinal == last_arabic + 1
            if first.ordinal != 1 and not continues:
                yield Slip("late-start", first, None, in_outline)
            if last is not None and kind != ITEM and not _introduced(tree, last, first, pack):
                # a list that starts again straight after the last one lost the heading between them
                yield Slip("unheaded-restart", first, last, in_outline)
            last = run[-1]
            relabelled = None  # （一）（一）（三）: the second （一） stands for （二）, one slip, not two
            for position, (previous, marker) in enumerate(zip(run, run[1:])):
                if marker.ordinal <= previous.ordinal:
                    if _stands_for_next(previous, marker, run[position + 2 : position + 3]):
                        relabelled = marker
                    yield Slip("repeat", marker, previous, in_outline, relabelled is marker)
                elif marker.ordinal > previous.ordinal + 1 and previous is not relabelled:
                    yield Slip("skip", marker, previous, in_outline)
            if kind == ARABIC:
                last_arabic = run[-1].ordinal
    # ①②③ run on over adjacent paragraphs (one item a line); 第一，第二，… and 一要，二要，… over the
    # whole text (parts of a 工作要点 headed 第一，… stand far apart)
    yield from _enumeration_slips(circled(tree.paragraphs), in_outline, adjacent=True)
    yield from _enumeration_slips(ordinals(tree.paragraphs), in_outline, adjacent=False)
    yield from _enumeration_slips(musts(tree.paragraphs), in_outline, adjacent=False)


def _stands_for_next(previous: Marker, marker: Marker, following: list[Marker]) -> bool:
    """Whether ``marker`` repeats ``previous`` where the next ordinal belongs, the one after it going on
    from there: the second 第三 of 第三…第三…第五 was meant as 第四 (one slip, not a repeat and a skip)."""
    return marker.ordinal == previous.ordinal and bool(following) and following[0].ordinal == marker.ordinal + 2


def _enumeration_slips(markers: list[Marker], in_outline: bool, adjacent: bool) -> Iterator[Slip]:
    """①②④ and ①②②, 第一…第三 and 第二…第二 inside the text. A list begins anew at its first ordinal
    (and, when ``adjacent``, after a paragraph without one); a list that opens late or turns back (注②,
    a list whose first item was written 首先) is no slip here: these marks also stand for notes and
    are not always a list's only numbers."""
    previous: Marker | None = None
    relabelled: Marker | None = None
    for position, marker in enumerate(markers):
        if previous is not None and marker.ordinal != 1 and (not adjacent or marker.paragraph - previous.paragraph <= 1):
            if marker.ordinal == previous.ordinal:
                if _stands_for_next(previous, marker, markers[position + 1 : position + 2]):
                    relabelled = marker
                yield Slip("repeat", marker, previous, in_outline, relabelled is marker)
            elif marker.ordinal > previous.ordinal + 1 and previous is not relabelled:
                yield Slip("skip", marker, previous, in_outline)
        previous = marker


def _all_slips(document: Document, pack: Pack | None) -> list[Slip]:
    outline = document.outline
    found = list(_slips(outline.tree, True, pack)) if outline and outline.embedded else []
    if document.source.unlabelled_lists:
        return found  # the body's automatic numbers could not be read: a gap there is not the author's
    return found + list(_slips(document.body, False, pack))


def slips(document: Document, pack: Pack | None) -> list[Slip]:
    """Every numbering slip of the body and the embedded outline (shared by SF201-SF203)."""
    return document.derived(f"numbering-slips:{pack.name if pack else ''}", lambda doc: _all_slips(doc, pack))


def _where(slip: Slip) -> tuple[str, str]:
    return ("提纲中", "in the outline, ") if slip.in_outline else ("", "")


class _NumberingRule(Rule):

    slip_kinds: tuple[str, ...]

    def check(self, document, context):
        for slip in slips(document, context.pack):
            if slip.kind in self.slip_kinds:
                marker = slip.marker
                zh, en = self.describe(slip, document.source.unit)
                yield self.report((marker.line, marker.column), (marker.end_line, marker.end_column), zh, en)

    def describe(self, slip: Slip, unit: Message) -> tuple[str, str]:
        """The message, zh and en; ``unit`` names what line numbers count (行, or 段 in a document)."""
        raise NotImplementedError


@register
class NumberingSkip(_NumberingRule):
    """Parallel numbering skips one or more ordinals.

    Why: a skipped （二） or 二是 means a heading or an item was lost (often when a passage was cut
    out) or that the numbering was never renumbered after an edit; reviewers read it as carelessness.

    Example::

        （一）强化政治引领……
        （四）保障司法公正……      ← （二）（三） are missing

    Circled numerals, 第一，第二，… and 一要，二要，… in the text are checked too: ①②④, 第一…第三 and
    一要…三要 skip, ①②② and 第二…第二 repeat (SF202); a list begins anew at every ①, 第一 or 一要, and
    one that does not start there (注②) is left alone.

    Fix: restore the missing parts, or renumber the group consecutively.
    """

    code = "SF201"
    name = "numbering-skip"
    slip_kinds = ("skip",)

    def describe(self, slip, unit):
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

    A list that starts again at 一 and goes on with 二 is a new list, not a repeat, when a heading
    line, a paragraph ending in a colon (重点抓好以下工作：) or a passage that reads as a part of the
    report (存在问题…, 下一步…) stands between (work reports number two parts 一、二、… each). Straight
    after the previous list it is reported as a part heading that seems lost, with where.

    Fix: check whether text between the two was lost; renumber the group, or restore the heading.
    """

    code = "SF202"
    name = "numbering-repeat"
    slip_kinds = ("repeat", "unheaded-restart")

    def describe(self, slip, unit):
        where_zh, where_en = _where(slip)
        if slip.kind == "unheaded-restart":
            return (
                f"{where_zh}“{slip.marker.label}”重新开始编号，但与上一组（止于第 {slip.previous.line} {unit.zh}的"
                f"“{slip.previous.label}”）之间没有新的部分标题：第 {slip.marker.line} {unit.zh}前疑缺少上一级标题",
                f"{where_en}{slip.marker.label} starts the numbering again with no new heading since "
                f"{slip.previous.label} on {unit.en} {slip.previous.line}: a part heading seems missing before "
                f"{unit.en} {slip.marker.line}",
            )
        if slip.relabelled:
            intended = label(slip.marker.kind, slip.marker.ordinal + 1)
            return (
                f"{where_zh}序号重复：“{slip.marker.label}”再次出现（前一个在第 {slip.previous.line} {unit.zh}），此处应为“{intended}”",
                f"{where_en}numbering repeats: {slip.marker.label} again (the previous one is on {unit.en} "
                f"{slip.previous.line}); this one should be {intended}",
            )
        if slip.marker.ordinal == slip.previous.ordinal:
            previous = slip.previous
            if previous.line == slip.marker.line:  # a run-in group: the line alone does not find it
                at_zh, at_en = f"在同一{unit.zh}第 {previous.column} 列", f"at column {previous.column} of the same {unit.en}"
            else:
                at_zh, at_en = f"在第 {previous.line} {unit.zh}", f"on {unit.en} {previous.line}"
            return (
                f"{where_zh}序号重复：“{slip.marker.label}”再次出现（前一个{at_zh}）",
                f"{where_en}numbering repeats: {slip.marker.label} again (the previous one is {at_en})",
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
    slip_kinds = ("late-start",)

    def describe(self, slip, unit):
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
