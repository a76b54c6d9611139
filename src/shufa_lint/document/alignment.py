"""Align the body's headings with the outline's items by the meaning of their text.

Both trees are flattened in reading order and paired by a heaviest common subsequence over text
similarity, so a body that lost （二） and （三） still has its （四） paired with the outline's （四）.
Candidate pairs come from a character bigram index, which keeps the alignment near-linear on long
documents. Outline items left unpaired are then sorted into gaps: moved (their heading is in the body
out of order), reworded (a heading with their number stands in their place, worded otherwise) or
missing (with the children lost along with them).
"""

from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher
from functools import cached_property
from typing import NamedTuple

from .markers import Marker
from .paragraphs import opens_heading, stands_alone
from .text import comparable, ends_sentence

MATCH = 0.6  # similarity at which a body heading realises an outline item
# When the chain must choose between two orders (a block moved), keeping the higher headings where the
# outline puts them explains the draft better: a moved item is then blamed, not the parts around it.
_RANK_WEIGHT = {1: 8.0, 2: 4.0, 3: 2.0, 4: 1.0, 5: 1.0}
# A bigram in more body headings than this does not tell them apart (a draft repeating one heading text
# hundreds of times): it counts only for the headings within _NEAR places of the item's own place, which
# keeps the candidates per item bounded. Real reports have at most a few dozen headings sharing a bigram.
_COMMON_GRAM = 64
_NEAR = 8


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def similarity(outline_item: Marker, heading: Marker) -> float:
    expected = comparable(outline_item.text)
    found = comparable(heading.text)
    if not expected or not found:
        return 0.0
    score = SequenceMatcher(None, expected, found, autojunk=False).ratio()
    on_line = comparable(heading.line_text)
    # a heading cut off at a line break, or running on into its paragraph, still names its item
    if len(on_line) >= 3 and expected.startswith(on_line) and len(on_line) >= 0.4 * len(expected):
        score = max(score, 0.9)
    if len(expected) >= 4 and found.startswith(expected):
        score = max(score, 0.95)
    if outline_item.kind != heading.kind:
        score *= 0.95  # 二是 in the outline may be written （2） in the body
    return score


class _MaxTree:
    """Prefix maximum over positions (a Fenwick tree), for the heaviest increasing chain."""

    def __init__(self, size: int):
        self.values = [(0.0, -1)] * (size + 1)

    def update(self, position: int, value: tuple[float, int]) -> None:
        position += 1
        while position < len(self.values):
            if value > self.values[position]:
                self.values[position] = value
            position += position & -position

    def query(self, position: int) -> tuple[float, int]:
        best = (0.0, -1)
        while position > 0:
            if self.values[position] > best:
                best = self.values[position]
            position -= position & -position
        return best


class Gap(NamedTuple):
    kind: str  # missing | moved | reworded
    item: Marker  # the outline item
    heading: Marker | None  # the body heading concerned (moved, reworded)
    anchor: tuple[int, int]  # 1-based (line, column) where the finding belongs
    lost_children: tuple[Marker, ...] = ()  # outline children missing with their whole subtree
    found_children: tuple[Marker, ...] = ()  # body headings that realise the item's other descendants
    # missing: the body heading of the nearest present item before it (it belongs after that one's
    # text), or, when none comes before, of the nearest present item after it
    follows: Marker | None = None
    precedes: Marker | None = None


class Alignment:
    # no __slots__: the cached properties below are kept in the instance's __dict__
    def __init__(self, outline: list[Marker], body: list[Marker], lines: tuple[str, ...], body_first_line: int) -> None:
        self.outline = outline
        self.body = body
        self.lines = lines
        self.body_first_line = body_first_line
        self.pairs: dict[int, int] = {}  # outline index -> body index
        # outline index -> every (body index, similarity) at or above MATCH, paired or not
        self.candidates: dict[int, list[tuple[int, float]]] = {}

    @property
    def roots(self) -> list[Marker]:
        """The outline's top-level items."""
        return [item for item in self.outline if item.parent is None]

    @cached_property
    def _outline_positions(self) -> dict[int, int]:
        return {id(item): index for index, item in enumerate(self.outline)}

    @cached_property
    def _body_to_outline(self) -> dict[int, int]:
        return {id(self.body[body]): outline for outline, body in self.pairs.items()}

    def body_match(self, item: Marker) -> Marker | None:
        index = self._outline_positions[id(item)]
        return self.body[self.pairs[index]] if index in self.pairs else None

    def outline_match(self, heading: Marker) -> Marker | None:
        index = self._body_to_outline.get(id(heading))
        return None if index is None else self.outline[index]

    @cached_property
    def gaps(self) -> list[Gap]:
        paired_body = set(self.pairs.values())
        spare = {id(heading) for index, heading in enumerate(self.body) if index not in paired_body}
        unpaired = {id(item) for index, item in enumerate(self.outline) if index not in self.pairs}
        handled: set[int] = set()
        found: list[Gap] = []
        moved_to: dict[int, Marker] = {}  # outline item -> the body heading found out of order
        for index, item in enumerate(self.outline):
            if id(item) not in unpaired or id(item) in handled:
                continue
            handled.add(id(item))
            moved = max(
                ((b, score) for b, score in self.candidates.get(index, ()) if id(self.body[b]) in spare),
                key=lambda pair: pair[1],
                default=None,
            )
            if moved is not None:
                heading = self.body[moved[0]]
                spare.discard(id(heading))
                carried = item.parent is not None and moved_to.get(id(item.parent)) is heading.parent
                moved_to[id(item)] = heading
                if not carried:  # an item that moved along with its parent is part of the parent's move
                    found.append(Gap("moved", item, heading, (heading.line, heading.column)))
                continue
            reworded = self._same_slot(item, spare)
            if reworded is not None:
                spare.discard(id(reworded))
                found.append(Gap("reworded", item, reworded, (reworded.line, reworded.column)))
                continue
            lost = tuple(
                child for child in item.children
                if id(child) in unpaired and all(id(d) in unpaired for d in child.descendants())
            )
            realised = tuple(self.body_match(d) for d in item.descendants() if id(d) not in unpaired)
            for child in lost:
                handled.add(id(child))
                handled.update(id(d) for d in child.descendants())
            anchor, follows, precedes = self._place(index)
            found.append(Gap("missing", item, None, anchor, lost, realised, follows, precedes))
        return found

    def _same_slot(self, item: Marker, spare: set[int]) -> Marker | None:
        """A spare body heading with the item's number under the heading that realises its parent: the
        item reworded past recognition (or replaced), whatever its words and marker style."""
        if item.parent is not None:
            parent = self.body_match(item.parent)
            if parent is None:
                return None
            siblings = parent.children
        else:
            siblings = [heading for heading in self.body if heading.parent is None]
        for heading in siblings:
            same_rank = (heading.level == 1) == (item.level == 1)  # a part for a part, a sub-item for a sub-item
            if id(heading) in spare and heading.ordinal == item.ordinal and same_rank:
                return heading
        return None

    def _place(self, outline_index: int) -> tuple[tuple[int, int], Marker | None, Marker | None]:
        """Where a missing item's text belonged: the start of the first line after the body heading of
        the nearest paired item before it (past the rest of a sentence broken across lines), else the
        heading of the nearest paired item after it. Returns the anchor and those two headings."""
        before = max((i for i in self.pairs if i < outline_index), default=None)
        after = min((i for i in self.pairs if i > outline_index), default=None)
        previous_heading = self.body[self.pairs[before]] if before is not None else None
        next_heading = self.body[self.pairs[after]] if after is not None else None
        if previous_heading is not None:
            line = previous_heading.line + 1
            limit = next_heading.line if next_heading is not None else len(self.lines) + 1
            while line < min(limit, len(self.lines) + 1) and _runs_on(self.lines[line - 2], self.lines[line - 1]):
                line += 1
            if next_heading is None or line < next_heading.line:
                if line <= len(self.lines):
                    return (line, 1), previous_heading, None
                return (len(self.lines), max(1, len(self.lines[-1]))), previous_heading, None
        if next_heading is not None:
            return (next_heading.line, next_heading.column), previous_heading, next_heading
        return (self.body_first_line, 1), None, None


def _runs_on(line: str, following: str) -> bool:
    """Whether ``following`` continues the sentence ``line`` breaks off (a line broken mid-sentence)."""
    return bool(line.strip() and following.strip()) and not (
        ends_sentence(line) or stands_alone(line) or opens_heading(following)
    )


def align(outline_tree, body_tree, lines: tuple[str, ...], body_first_line: int) -> Alignment:
    outline, body = list(outline_tree.markers), list(body_tree.markers)
    keys = [comparable(heading.text) for heading in body]
    index: dict[str, list[int]] = {}
    for body_index, key in enumerate(keys):
        for gram in _bigrams(key[:40]):
            index.setdefault(gram, []).append(body_index)
    result = Alignment(outline, body, lines, body_first_line)
    chained: list[tuple[int, int, float]] = []
    # drafts repeat headings (copies, templates): score each distinct heading text once per item
    scored: dict[tuple[str, str, str, str, str], float] = {}
    for outline_index, item in enumerate(outline):
        grams = _bigrams(comparable(item.text))
        place = outline_index * len(body) // len(outline)
        counts: dict[int, int] = {}
        for gram in grams:
            postings = index.get(gram, ())  # ascending body indices
            if len(postings) > _COMMON_GRAM:
                postings = postings[bisect_left(postings, place - _NEAR) : bisect_right(postings, place + _NEAR)]
            for body_index in postings:
                counts[body_index] = counts.get(body_index, 0) + 1
        needed = max(1, len(grams) // 3)
        for body_index, shared in counts.items():
            if shared >= needed:
                heading = body[body_index]
                memo = (item.text, item.kind, keys[body_index], heading.line_text, heading.kind)
                if memo not in scored:
                    scored[memo] = similarity(item, heading)
                score = scored[memo]
                if score >= MATCH:
                    result.candidates.setdefault(outline_index, []).append((body_index, score))
                    chained.append((outline_index, body_index, score * _RANK_WEIGHT[item.level]))
    # heaviest chain increasing in both indices; pairs of one outline item must not chain
    chained.sort(key=lambda c: (c[0], -c[1]))
    tree = _MaxTree(len(body))
    best: list[tuple[float, int]] = []
    for slot, (outline_index, body_index, score) in enumerate(chained):
        previous_total, previous_slot = tree.query(body_index)
        best.append((previous_total + score, previous_slot))
        tree.update(body_index, (previous_total + score, slot))
    if best:
        slot = max(range(len(best)), key=lambda s: best[s][0])
        while slot != -1:
            outline_index, body_index, _score = chained[slot]
            result.pairs[outline_index] = body_index
            slot = best[slot][1]
    return result
