"""SF1xx sections: the parts a report type requires, from the pack in ``rules/packs/``.

The pack is chosen by the title (述法报告, 法治政府建设年度报告, 述职述廉述法 …) or by ``--pack``.
Sections are recognised in the top-level headings by any of their names; a part that reports
often split into topical headings (履职情况) is satisfied by the top-level headings before the next
section; a part that may stand anywhere (the 第一责任人 part of an annual report) is looked for in
every heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..document import Document, PlainHeading
from ..document.markers import HAN, ITEM, Marker
from ..lexicon import Pack, Section
from ..diagnostics import Severity
from ..registry import Rule, register
from .integrity import unfinished


Heading = Union[Marker, PlainHeading]


@dataclass(frozen=True)
class SectionState:
    section: Section
    heading: Heading | None  # the heading that realises it (None: missing, or only implied)
    implied: bool = False  # a leading section realised by topical headings
    mentioned: bool = False  # a part that may stand anywhere, reported on in the text, not a heading


def _tops(document: Document) -> list[Heading]:
    """Top-level headings in reading order. Heading lines with no number are top-level only in a report
    that numbers no part (一、…); under a numbered part they are its subheadings."""
    numbered = [marker for marker in document.body.roots if marker.kind != ITEM]
    if any(marker.kind == HAN for marker in numbered):
        return numbered
    return sorted(numbered + document.body.unnumbered, key=lambda heading: (heading.line, heading.column))


def _names(document: Document, heading: Heading) -> list[str]:
    """What a heading is called: its own text and, when a cut or a typo garbled it, the outline item it
    realises (二、存在的 … ↔ 二、存在的问题)."""
    item = document.alignment.outline_match(heading) if document.alignment and heading.label else None
    return [heading.text] if item is None else [heading.text, item.text]


def survey(document: Document, pack: Pack, year: int | None) -> list[SectionState]:
    """The pack's sections and the headings that realise them (shared by SF101-SF103)."""
    return document.derived(f"sections:{pack.name}:{year}", lambda doc: _survey(doc, pack, year))


def _survey(document: Document, pack: Pack, year: int | None) -> list[SectionState]:
    tops = _tops(document)
    everything = [m for m in document.body.markers if m.kind != ITEM] + tops
    states: list[SectionState] = []
    for section in pack.sections:
        if section.since_year and year and year < section.since_year:
            continue
        pool = everything if section.anywhere else tops
        heading = next((m for m in pool if any(section.matches(text) for text in _names(document, m))), None)
        # a part that may stand anywhere is often a passage of part 一, not a heading of its own
        mentioned = heading is None and section.anywhere and any(section.matches(p.text) for p in document.paragraphs)
        states.append(SectionState(section, heading, mentioned=mentioned))
    ordered = [state for state in states if not state.section.anywhere]
    for position, state in enumerate(ordered):
        if state.heading is None and state.section.leading:
            later = [s.heading for s in ordered[position + 1 :] if s.heading is not None]
            bound = tops.index(later[0]) if later else len(tops)
            if bound > 0:
                states[states.index(state)] = SectionState(state.section, tops[0], implied=True)
    return states


@dataclass(frozen=True)
class Part:
    """The text of one section: its heading and the body paragraphs up to the next section's heading
    (for a part realised by topical headings, from the first of them)."""

    key: str
    heading: Heading
    paragraphs: tuple  # Paragraph, the heading's own paragraph first


def parts(document: Document, pack: Pack, year: int | None) -> list[Part]:
    """The sections found as headings, in reading order, with the paragraphs each spans."""
    return document.derived(f"parts:{pack.name}:{year}", lambda doc: _parts(doc, pack, year))


def _parts(document: Document, pack: Pack, year: int | None) -> list[Part]:
    tops = _tops(document)
    found = sorted(
        (state for state in survey(document, pack, year) if state.heading is not None and state.heading in tops),
        key=lambda state: tops.index(state.heading),
    )
    result = []
    for position, state in enumerate(found):
        end = found[position + 1].heading.paragraph if position + 1 < len(found) else len(document.paragraphs)
        paragraphs = tuple(document.paragraphs[state.heading.paragraph : end])
        if paragraphs:
            result.append(Part(state.section.key, state.heading, paragraphs))
    return result


def report_year(document: Document, context) -> int | None:
    """The year a report is on: ``report-year`` from the configuration, else the title's."""
    return context.options.get("report_year") or document.report_year


def _truncated(document: Document) -> bool:
    paragraphs = document.paragraphs
    return bool(paragraphs) and unfinished(document, paragraphs[-1])


def _label(section: Section) -> str:
    return section.label


@register
class SectionMissing(Rule):
    """A section the report type requires is missing.

    Why: a 述法报告 must say what was done (履职情况), what is lacking (存在问题) and how it will be
    fixed (整改措施/下一步打算); an annual 法治政府建设 report has five required parts set by the
    督察工作规定 (2019). Reviewers return reports without them.

    How: the pack (chosen by the title, or ``--pack``) lists each section with its many names in real
    reports (存在问题 / 存在的不足 / 问题和不足 …), looked for in the top-level headings, numbered or,
    in a report that numbers none, plain heading lines. A part that may stand anywhere (the
    第一责任人 part of an annual report) may also be a passage of another part. A document that is
    cut off (SF602) is not reported for sections that would come after the cut.

    Example: a 述法报告 with 一、工作情况 and 二、下一步打算 lacks 存在问题.

    Fix: add the section (shufa-lint names where it belongs).
    """

    code = "SF101"
    name = "section-missing"
    severity = Severity.ERROR

    def check(self, document, context):
        states = survey(document, context.pack, report_year(document, context))
        truncated = _truncated(document)
        for index, state in enumerate(states):
            if state.heading is not None or state.mentioned or not state.section.required:
                continue
            following = [s.heading for s in states[index + 1 :] if s.heading is not None and not s.section.anywhere]
            if truncated and not following and not state.section.anywhere:
                continue
            if truncated and state.section.anywhere:
                continue
            if following:
                line, column = following[0].line, following[0].column
            else:
                line = max(1, len(document.lines))
                column = max(1, len(document.lines[-1])) if document.lines else 1
            yield self.report(
                (line, column),
                (line, column + 1),
                f"缺少“{_label(state.section)}”部分（{context.pack.title}应包含）",
                f"missing section '{_label(state.section)}' (required in a {context.pack.name} report)",
                suggestions=[(f"补写“{_label(state.section)}”", f"add '{_label(state.section)}'")],
            )


@register
class SectionOrder(Rule):
    """Required sections stand out of order.

    Why: the order is part of the form: problems come after the work done, measures after the
    problems they answer. (The 第一责任人 part of an annual report may stand anywhere.)

    Example: 一、存在问题 / 二、工作情况 / 三、整改措施.

    Fix: reorder the sections.
    """

    code = "SF102"
    name = "section-order"

    def check(self, document, context):
        states = [s for s in survey(document, context.pack, report_year(document, context))
                  if s.heading is not None and not s.section.anywhere and not s.implied]
        for earlier, later in zip(states, states[1:]):
            if (later.heading.line, later.heading.column) < (earlier.heading.line, earlier.heading.column):
                yield self.report(
                    (later.heading.line, later.heading.column),
                    (later.heading.end_line, later.heading.end_column),
                    f"“{later.heading.label}{later.heading.text}”应在“{earlier.heading.label}{earlier.heading.text}”之后",
                    f"section '{later.heading.text}' should come after '{earlier.heading.text}'",
                )


@register
class SectionEmpty(Rule):
    """A required section has a heading and nothing under it.

    Why: a heading with no text (often 存在问题, left for later) reads as a section the author had
    nothing to say in.

    Example::

        二、存在问题
        三、整改措施

    Fix: write the section, or remove the heading if the pack does not require it.
    """

    code = "SF103"
    name = "section-empty"

    def check(self, document, context):
        tops = _tops(document)
        states = survey(document, context.pack, report_year(document, context))
        for state in states:
            heading = state.heading
            if heading is None or state.implied or heading not in tops:
                continue
            position = tops.index(heading)
            if position + 1 == len(tops) and _truncated(document):
                continue
            if self._has_content(document, heading, tops[position + 1] if position + 1 < len(tops) else None):
                continue
            yield self.report(
                (heading.line, heading.column),
                (heading.end_line, heading.end_column),
                f"“{heading.label}{heading.text}”部分没有内容",
                f"section '{heading.text}' has no content",
            )

    @staticmethod
    def _has_content(document: Document, heading: Marker, next_heading: Marker | None) -> bool:
        own = document.paragraphs[heading.paragraph]
        # what follows the heading on its own line; a heading that runs on past a line break (a cut
        # or a copy-paste break) has that text for content
        on_line = getattr(heading, "line_text", heading.text)
        if len(own.text) > heading.offset + len(heading.raw) + len(on_line) + 1:
            return True
        end = next_heading.paragraph if next_heading else len(document.paragraphs)
        return end > heading.paragraph + 1
