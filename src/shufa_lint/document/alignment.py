"""Align the body's headings with the outline's items by the meaning of their text.

Both trees are flattened in reading order and paired by a heaviest common subsequence over text
similarity, so a body that lost （二） and （三） still has its （四） paired with the outline's （四）,
and an item that moved under another heading is still found. Candidate pairs come from a character
bigram index, which keeps the alignment near-linear on long documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .markers import Marker
from .text import comparable

MATCH = 0.6  # similarity at which a body heading realises an outline item
REWORDED = 0.25  # below MATCH but at or above this, in the same slot: the item was reworded


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
    if len(on_line) >= 4 and expected.startswith(on_line) and len(on_line) >= 0.4 * len(expected):
        score = max(score, 0.9)
    if len(expected) >= 4 and found.startswith(expected):
        score = max(score, 0.95)
    if outline_item.kind != heading.kind:
        score *= 0.9
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


@dataclass
class Alignment:
    outline: list[Marker]
    body: list[Marker]
    pairs: dict[int, int] = field(default_factory=dict)  # outline index -> body index
    scores: dict[int, float] = field(default_factory=dict)

    def body_match(self, item: Marker) -> Marker | None:
        index = self._outline_index(item)
        return self.body[self.pairs[index]] if index in self.pairs else None

    def outline_match(self, heading: Marker) -> Marker | None:
        for outline_index, body_index in self.pairs.items():
            if self.body[body_index] is heading:
                return self.outline[outline_index]
        return None

    def _outline_index(self, item: Marker) -> int:
        for index, candidate in enumerate(self.outline):
            if candidate is item:
                return index
        raise ValueError(item)


def align(outline_tree, body_tree) -> Alignment:
    outline, body = list(outline_tree.markers), list(body_tree.markers)
    index: dict[str, list[int]] = {}
    for body_index, heading in enumerate(body):
        for gram in _bigrams(comparable(heading.text)[:40]):
            index.setdefault(gram, []).append(body_index)
    candidates: list[tuple[int, int, float]] = []
    for outline_index, item in enumerate(outline):
        grams = _bigrams(comparable(item.text))
        counts: dict[int, int] = {}
        for gram in grams:
            for body_index in index.get(gram, ()):
                counts[body_index] = counts.get(body_index, 0) + 1
        needed = max(1, len(grams) // 3)
        for body_index, shared in counts.items():
            if shared >= needed:
                score = similarity(item, body[body_index])
                if score >= MATCH:
                    candidates.append((outline_index, body_index, score))
    # heaviest chain increasing in both indices; equal outline indices must not chain
    candidates.sort(key=lambda c: (c[0], -c[1]))
    tree = _MaxTree(len(body))
    best: list[tuple[float, int]] = []
    for slot, (outline_index, body_index, score) in enumerate(candidates):
        previous_total, previous_slot = tree.query(body_index)
        best.append((previous_total + score, previous_slot))
        tree.update(body_index, (previous_total + score, slot))
    result = Alignment(outline, body)
    if best:
        slot = max(range(len(best)), key=lambda s: best[s][0])
        while slot != -1:
            outline_index, body_index, score = candidates[slot]
            result.pairs[outline_index] = body_index
            result.scores[outline_index] = score
            slot = best[slot][1]
    return result
