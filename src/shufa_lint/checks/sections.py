"""SF1xx sections: the parts a report type requires, from the pack in ``rules/packs/``.

The pack is the type the document reads as (``document.report_type``: its title, opening, headings and
vocabulary against each pack's ``recognise:``) or the one ``--pack`` names. A type with no required
structure (政府工作报告) or a document of no recognised type has no section finding; SF002 says so.
Sections are recognised in the top-level headings by any of their names; a part that reports
often split into topical headings (履职情况) is satisfied by the top-level headings before the next
section; a part that may stand anywhere (the 第一责任人 part of an annual report) is looked for in
every heading.
"""

from typing import NamedTuple, Union

from ..diagnostics import Severity
from .. import regexes
from ..document import PART_HEADING, Document, PlainHeading
from ..document.markers import HAN, ITEM, Marker
from ..document.report_type import OTHER_GENRE
from ..lexicon import Pack, Section
from ..registry import Rule, register
from .integrity import unfinished

Heading = Union[Marker, PlainHeading]


class SectionState(NamedTuple):
    section: Section
    heading: Heading | None  # the heading that realises it (None: missing, or only implied)
    implied: bool = False  # a leading section realised by topical headings
    mentioned: bool = False  # a part that may stand anywhere, reported on in the text, not a heading


def _tops(document: Document) -> list[Heading]:
    """Top-level headings in reading order. Heading lines with no number are top-level only in a report
    that numbers no part (一、…); under a numbered part they are its subheadings. A report divided into
    第一部分, 第二部分 … has those lines on top, whatever is numbered 一、 二、 inside them."""
    divided = [plain for plain in document.body.unnumbered if PART_HEADING.match(plain.text)]
    if divided:
        return divided
    numbered = [marker for marker in document.body.roots if marker.kind != ITEM]
    if any(marker.kind == HAN for marker in numbered):
        return numbered
    return sorted(numbered + document.body.unnumbered, key=lambda heading: (heading.line, heading.column))


def _names(document: Document, heading: Heading) -> list[str]:
    """What a heading is called: its own text and, when a cut or a typo garbled it, the outline item it
    realises (二、存在的 … ↔ 二、存在的问题)."""
    item = document.alignment.outline_match(heading) if document.alignment and heading.label else None
    return [heading.text] if item is None else [heading.text, item.text]


def survey(document: Document, pack: Pack | None, year: int | None) -> list[SectionState]:
    """The pack's sections and the headings that realise them (shared by SF101-SF103); none without a pack."""
    if pack is None:
        return []
    return document.derived(f"sections:{pack.name}:{year}", lambda doc: _survey(doc, pack, year))


# the sentence that announces what the report covers: 现将本人2024年度履职、廉洁自律和学法用法情况报告如下
_ANNOUNCEMENT = regexes.compile(r"[^。；！？!?]*现将[^。；！？!?]*(?:报告|汇报|述职|述法)如下[^。；！？!?]*")


def _survey(document: Document, pack: Pack, year: int | None) -> list[SectionState]:
    tops = _tops(document)
    everything = [m for m in document.body.markers if m.kind != ITEM] + tops
    states: list[SectionState] = []
    for section in pack.sections:
        if section.since_year and year and year < section.since_year:
            continue
        pool = everything if section.anywhere else tops
        heading = next((m for m in pool if any(section.matches(text) for text in _names(document, m))), None)
        # a part that may stand anywhere is often a passage of part 一, not a heading of its own; the
        # sentence that announces the report (现将本人履职、廉洁自律…情况报告如下) only names it
        mentioned = heading is None and section.anywhere and any(
            # (the pattern backtracks over every sentence: it is run only where 现将 stands)
            section.matches(_ANNOUNCEMENT.sub("", p.text) if "现将" in p.text else p.text) for p in document.paragraphs
        )
        states.append(SectionState(section, heading, mentioned=mentioned))
    ordered = [state for state in states if not state.section.anywhere]
    for position, state in enumerate(ordered):
        if state.heading is None and state.section.leading:
            later = [s.heading for s in ordered[position + 1 :] if s.heading is not None]
            bound = tops.index(later[0]) if later else len(tops)
            if bound > 0:
                states[states.index(state)] = SectionState(state.section, tops[0], implied=True)
    return states


class Part(NamedTuple):
    """The text of one section: its heading and the body paragraphs up to the next section's heading
    (for a part realised by topical headings, from the first of them)."""

    key: str
    heading: Heading
    paragraphs: tuple  # Paragraph, the heading's own paragraph first


def parts(document: Document, pack: Pack | None, year: int | None) -> list[Part]:
    """The sections found as headings, in reading order, with the paragraphs each spans; none without a pack."""
    if pack is None:
        return []
    return document.derived(f"parts:{pack.name}:{year}", lambda doc: _parts(doc, pack, year))


def _parts(document: Document, pack: Pack, year: int | None) -> list[Part]:
    # a top-level heading's place, by identity: comparing markers field by field walks their subtrees
    place = {id(heading): position for position, heading in enumerate(_tops(document))}
    found = sorted(
        (state for state in survey(document, pack, year) if state.heading is not None and id(state.heading) in place),
        key=lambda state: place[id(state.heading)],
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
    cut off (SF602) is not reported for sections that may have stood after the cut; a section the pack
    puts before one the document still has (the 第一责任人 part before 四、其他) is reported. In the
    transcript of a 述法评议会, a reviewer's question that asks for the part (问：还存在哪些问题？) heads
    the answer that is the part.

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
            if truncated and not any(s.heading is not None for s in states[index + 1 :]):
                continue  # it may have stood after the cut; a part the report has after it must stand before
            basis = document.report_type.basis
            label = _label(state.section)
            unheaded = None if state.section.anywhere else _unheaded_part(document, state.section)
            if unheaded is not None and _introduced_list(document, unheaded, state.section):
                continue  # 下一步，我将重点做好以下三个方面工作：一是…；二是…: a speech's part, run in
            if not state.section.anywhere and _asked(document, state.section):
                continue  # 问：还存在哪些问题？ 答：…: a 述法评议会 transcript, the part answered
            if unheaded is not None:
                line, column = unheaded.first_line, unheaded.starts[0][2] + 1
                unit = document.source.unit
                zh = f"缺少“{label}”部分的标题：第 {line} {unit.zh}起的内容写的是这一部分（按{context.pack.title}检查，{basis.zh}）"
                en = (f"section '{label}' has no heading: the text from {unit.en} {line} reads as it "
                      f"(checked as a {context.pack.name} report, {basis.en})")
                add = (f"在第 {line} {unit.zh}前加上部分标题“{label}”", f"put the heading '{label}' before {unit.en} {line}")
            else:
                if following:
                    line, column = following[0].line, following[0].column
                else:
                    line = max(1, len(document.lines))
                    column = max(1, len(document.lines[-1])) if document.lines else 1
                zh = f"缺少“{label}”部分（按{context.pack.title}检查，{basis.zh}）"
                en = f"missing section '{label}' (checked as a {context.pack.name} report, {basis.en})"
                add = (f"补写“{label}”", f"add '{label}'")
            yield self.report(
                (line, column),
                (line, column + 1),
                zh,
                en,
                suggestions=[
                    add,
                    ("如报告类型不对，用 --pack 或配置中的 pack: 指定", "if the type is wrong, choose it with --pack or pack: in the configuration"),
                ],
            )


def _unheaded_part(document: Document, section: Section):
    """A paragraph without a heading that does a part's work: it opens a new list (a problems paragraph,
    then next year's measures as （一）（二）…) or closes the report (下一步，…将…). None if there is none."""
    opened = {marker.paragraph for marker in document.markers if marker.offset == 0}
    if not opened:
        return None
    first_list = {marker.paragraph for marker in document.markers if marker.offset == 0 and marker.ordinal == 1}
    last_heading = max(opened)
    for paragraph in document.paragraphs[min(opened) + 1 :]:
        if paragraph.index in opened:
            continue
        starts_list = paragraph.index + 1 in first_list
        if (starts_list or paragraph.index > last_heading) and section.matches(paragraph.text):
            return paragraph
    return None


def _introduced_list(document: Document, paragraph, section: Section) -> bool:
    """Whether, in a speech or a report that numbers no part (no 一、), a paragraph opens with a lead-in
    that names the part and ends in a colon, then lists the part's items run in (…存在的问题和不足：一是…；
    二是…): the part written as prose, not a part whose heading is missing. (Under numbered parts, the
    same paragraph stands where a heading was left out.)"""
    if any(marker.kind == HAN for marker in document.body.roots):
        return False
    colon = min((at for at in (paragraph.text.find("："), paragraph.text.find(":")) if at > 0), default=-1)
    if colon < 0 or not section.matches(paragraph.text[:colon]):
        return False
    return any(
        marker.kind == ITEM and marker.paragraph == paragraph.index and marker.offset > colon
        for marker in document.markers
    )


# a reviewer's question in the transcript of a 述法评议会 (问：… / 提问：… / 评议人提问：…), up to its question mark
_QUESTION = regexes.compile(r"^\s*(?:[^。，：:]{0,6}提问|问)[：:](?P<question>[^？?]*)")
_ANSWER = regexes.compile(r"^\s*(?:[^。，：:]{0,6}回答|答)[：:]|[？?]\s*答[：:]")


def _asked(document: Document, section: Section) -> bool:
    """Whether the report is a 述法评议会's questions and answers and one question asks for the part
    (问：你认为还存在哪些问题？ 答：…): the answer is the part, its question its heading."""
    paragraphs = document.paragraphs
    for position, paragraph in enumerate(paragraphs):
        question = _QUESTION.match(paragraph.text)
        if question is None or not section.matches(question.group("question")):
            continue
        following = paragraphs[position + 1].text if position + 1 < len(paragraphs) else ""
        if _ANSWER.search(paragraph.text) or _ANSWER.match(following):
            return True
    return False


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
        place = {id(heading): position for position, heading in enumerate(tops)}  # (by identity, as in _parts)
        states = survey(document, context.pack, report_year(document, context))
        for state in states:
            heading = state.heading
            if heading is None or state.implied or id(heading) not in place:
                continue
            position = place[id(heading)]
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


@register
class ReportTypeUnknown(Rule):
    """The document's report type was not recognised, so its structure was not checked.

    Why: each report type requires different parts (a 述法报告 its 存在问题 and 整改措施, an annual
    法治政府建设 report its five parts, a 政府工作报告 none). Holding a document to the wrong type's
    outline raises errors on a correct report, so when no type fits, the section rules stay silent
    and this note says so. A file without Chinese prose (an English README, requirements.txt) is not
    linted at all.

    How: the title, the addressee and opening lines, the part headings and the vocabulary are weighed
    against each pack's ``recognise:`` patterns in ``rules/packs/``.

    Example: a draft with neither title nor preface whose headings are all topical.

    Fix: name the type with ``--pack shufa`` (or ``fazhi-zhengfu``, ``shuzhi-shulian-shufa`` …) or
    ``pack:`` in ``.shufa-lint.yaml``; or give the draft its title.
    """

    code = "SF002"
    name = "report-type-unknown"
    severity = Severity.INFO
    reads_prose = False

    def check(self, document, context):
        report_type = document.report_type
        if report_type is None or report_type.pack is not None:
            return
        packs = "、".join(context.lexicon.packs)
        if report_type.name == OTHER_GENRE:
            genre = report_type.label
            zh = f"标题表明这是{genre}，不是报告，未检查必备部分；如是报告，请用 --pack 或配置中的 pack: 指定类型（{packs}）"
            en = f"the title makes this a {genre} (not a report): sections not checked; if it is one, choose its type with --pack or pack: ({packs})"
        elif report_type.is_report:
            zh = f"未能识别报告类型，未检查必备部分；如需检查，请用 --pack 或配置中的 pack: 指定类型（{packs}）"
            en = f"report type not recognised, sections not checked; choose one with --pack or pack: ({packs})"
        else:
            zh = "没有中文正文，不是报告文本，未检查"
            en = "no Chinese prose: not a report, not checked"
        yield self.report((1, 1), (1, 1), zh, en)
