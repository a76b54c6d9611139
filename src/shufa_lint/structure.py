"""A report's structure as a reviewer sees it: its type and year, the sections its type requires (found or
not), and each outline item found, missing, out of order or reworded.

The front ends (the HTML report and its dashboard, the web page) show this beside the findings. It is read
from the same analyses the rules use (``sections.survey``, ``Document.alignment``), once per document, so a
picture never disagrees with the findings. Lines are in file coordinates, like diagnostics.
"""

from __future__ import annotations

from typing import NamedTuple

from .checks.sections import survey
from .diagnostics import Message
from .document import Document
from .lexicon import Pack

FOUND, MISSING, MOVED, REWORDED = "found", "missing", "moved", "reworded"
IMPLIED, MENTIONED = "implied", "mentioned"  # a section realised by topical headings / by a passage


class SectionStatus(NamedTuple):
    label: str  # how the pack names it (存在问题)
    required: bool
    status: str  # found | implied | mentioned | missing
    line: int | None  # file line of the heading that realises it

    @property
    def present(self) -> bool:
        return self.status != MISSING


class OutlineItemStatus(NamedTuple):
    label: str  # the item's marker as written (（二）)
    text: str
    level: int  # 1 for 一、 … 5 for 一是
    status: str  # found | missing | moved | reworded
    outline_line: int | None  # file line of the item in an embedded outline (None: outline from a file)
    line: int | None  # file line of the body heading (found, moved, reworded) or where the item belongs (missing)
    heading: str = ""  # the body heading's text when it is worded otherwise or stands elsewhere


class ReportStructure(NamedTuple):
    title: str | None
    title_line: int | None
    year: int | None
    report_type: str  # the type the run checked it as: a pack's name (recognised, or chosen with --pack)
    report_type_title: str  # how people call that type
    sections: tuple[SectionStatus, ...]
    outline: tuple[OutlineItemStatus, ...] = ()
    outline_origin: str = ""  # 【提纲】, or the outline file's name
    report_type_basis: Message | None = None  # why it was taken for that type, when the model says

    @property
    def outline_found(self) -> int:
        return sum(1 for item in self.outline if item.status == FOUND)


def summarize(document: Document, pack: Pack | None, year: int | None) -> ReportStructure:
    """The structure of ``document`` read against ``pack`` (and its outline, if it has one).

    The type shown is the document model's recognised type (``document.report_type``) where the model
    has one, else the pack's; a document of no known type has no required sections."""
    source = document.source
    recognised = getattr(document, "report_type", None)
    if recognised is not None:
        type_name, type_title, basis = recognised.name, recognised.label, recognised.basis
    else:
        type_name, type_title, basis = (pack.name, pack.title, None) if pack else ("unknown", "", None)

    def file_line(line: int | None) -> int | None:
        return None if line is None else source.locate(line, 1)[0]

    sections = tuple(
        SectionStatus(
            label=state.section.label,
            required=state.section.required,
            status=IMPLIED if state.implied else FOUND if state.heading else MENTIONED if state.mentioned else MISSING,
            line=file_line(state.heading.line) if state.heading else None,
        )
        for state in (survey(document, pack, year) if pack else ())
    )
    title = document.title
    return ReportStructure(
        title=title.text if title else None,
        title_line=file_line(title.line) if title else None,
        year=year,
        report_type=type_name,
        report_type_title=type_title,
        sections=sections,
        outline=_outline_items(document, file_line),
        outline_origin=document.outline.origin if document.outline else "",
        report_type_basis=basis,
    )


def _outline_items(document: Document, file_line) -> tuple[OutlineItemStatus, ...]:
    alignment = document.alignment
    if alignment is None:
        return ()
    # what the alignment says of each item it reports on; lost children share their parent's anchor
    verdicts: dict[int, tuple[str, int | None, str]] = {}
    for gap in alignment.gaps:
        heading_text = gap.heading.text if gap.heading else ""
        verdicts[id(gap.item)] = (gap.kind, gap.anchor[0], heading_text)
        for child in gap.lost_children:
            for item in (child, *child.descendants()):
                verdicts[id(item)] = (MISSING, gap.anchor[0], "")
    embedded = document.outline.embedded
    items = []
    for index, item in enumerate(alignment.outline):
        heading = alignment.body_match(item)
        if heading is not None:
            status, line, heading_text = FOUND, heading.line, ""
        elif id(item) in verdicts:
            status, line, heading_text = verdicts[id(item)]
        else:  # moved along with its parent: the body heading that matches it best
            best = max(alignment.candidates.get(index, ()), key=lambda pair: pair[1], default=None)
            moved = alignment.body[best[0]] if best else None
            status, line, heading_text = MOVED, moved.line if moved else None, moved.text if moved else ""
        items.append(
            OutlineItemStatus(
                label=item.raw,
                text=item.text,
                level=item.level,
                status=status,
                outline_line=file_line(item.line) if embedded else None,
                line=file_line(line),
                heading=heading_text,
            )
        )
    return tuple(items)
