"""SF72x the report's own year: the year the title states (or ``report-year``) held against the years the
report's parts name and the date it is signed.

A draft made from last year's report keeps last year's years: a heading of the achievements part
about 2024 in a 2025 report, plans dated to the year just reported, a signing date a year off.
Reviewers check these first (reviewers' checklist: “year consistency: title year vs 2024年共签批…
in a 2025 report; next-year plan year = title year + 1”).
"""

from __future__ import annotations

from .. import regexes
from ..diagnostics import Severity
from ..document import Document
from ..document.markers import ITEM, Marker
from ..registry import Rule, register
from .review import part_in_role, review_data_of
from .sections import Part, report_year

# A year named as the period a heading or a paragraph is about: not a span (2021—2025年), not a
# starting point (2024年以来), not an end (截至2024年底, 到2027年) and not a target (力争2027年).
_YEAR = regexes.compile(r"(?<![0-9至到截争—–\-～~])((?:19|20)[0-9]{2})\s*年(?:度)?(?![0-9]|以来|来|至|起|[—–\-～~]|前|底前|[0-9]{1,2}月)")
_OPENING_YEAR = regexes.compile(r"^\s*((?:19|20)[0-9]{2})\s*年(?:度)?(?:[，,]|全年|以来|我|全)")
# A paragraph on the result of an assessment of an earlier year (2024年度全省法治政府建设考核中，我县获评
# 优秀): the result comes in the year reported, the year named is the one assessed.
_ASSESSED = regexes.compile(r"考核|考评|评估|评议|评选|测评|督察|验收|表彰")
_FIRST_CLAUSE = regexes.compile(r"[^，。；;,]*")
# Headings that are about another year on purpose: last year's problems and their rectification.
_ABOUT_ANOTHER_YEAR = regexes.compile(r"问题|整改|反馈|对比|回顾|以来|历年")
# Kinds of document whose title year is not a year reported on at its end (packs in rules/packs/): a
# 政府工作报告 named for the year of its session reviews the year before and plans the title's year
# (光明新区2016年政府工作报告 reviews 2015); a 工作要点 or 计划 plans its title's year; a half-year or
# quarter summary (no pack of its own) is signed inside its year and plans the rest of it.
WORK_REPORT, PLAN = "zhengfu-gongzuo-baogao", "gongzuo-yaodian"
_PART_OF_YEAR_TITLE = regexes.compile(r"半年|季度")


def document_kind(document: Document, context) -> str:
    """The kind the document's years are read by: the work report or plan pack its title names (a
    title that names its type decides: 法治政府建设工作要点 is a plan), else the type recognised."""
    title = document.title.text if document.title else ""
    for name in (WORK_REPORT, PLAN):
        pack = context.lexicon.packs.get(name)
        if pack is not None and title and any(pattern.search(title) for pattern in pack.recogniser.title):
            return name
    return document.report_type.name if document.report_type else ""


_TITLE_YEARS = regexes.compile(r"((?:19|20)[0-9]{2})\s*年")


def reviewed_years(document: Document, context, year: int) -> tuple[int, int | None, bool]:
    """For a document titled with ``year``: the year its achievements are about, the year its plans
    are for (None: not judged) and whether its signing date is judged against the year's end (worked
    out once for SF721-SF723)."""
    return document.derived(("reviewed-years", year), lambda doc: _reviewed_years(doc, context, year))


def _reviewed_years(document: Document, context, year: int) -> tuple[int, int | None, bool]:
    named = sorted({int(found) for found in _TITLE_YEARS.findall(document.title.text)}) if document.title else []
    if len(named) == 2 and named[1] == named[0] + 1 and year in named:
        # 2025年重点任务分工及2024年度推进情况报告: the work of one year and the plans for the next
        return named[0], named[1], True
    kind = document_kind(document, context)
    if kind == WORK_REPORT:
        return year - 1, year, False
    if kind == PLAN:
        return year, year, False
    if document.title and _PART_OF_YEAR_TITLE.search(document.title.text):
        return year, None, False
    return year, year + 1, True


def _headings(document: Document, part: Part) -> list:
    """The part's heading and every numbered heading inside it."""
    inside = {paragraph.index for paragraph in part.paragraphs}
    found = [part.heading]
    if isinstance(part.heading, Marker):
        found += [m for m in document.body.markers if m.paragraph in inside and m is not part.heading and m.kind != ITEM]
    return found


def _heading_years(document: Document, part: Part):
    """(heading, match) for each year a heading of the part names."""
    for heading in _headings(document, part):
        if _ABOUT_ANOTHER_YEAR.search(heading.text) or _ASSESSED.search(heading.text):
            continue
        for found in _YEAR.finditer(heading.text):
            yield heading, found


class _PartYears(Rule):
    """A rule holding the years one part of the report names (its headings, and the years its
    paragraphs open with) to the year that part must be about."""

    role: str  # which part: a role of rules/lexicons/review.yaml (achievements, measures)
    plans: bool  # the part is the plans (else the achievements)
    comparison_ok: bool  # a paragraph that also names the expected year compares, and is left alone

    def message(self, named: str, expected: int) -> tuple[str, str]:
        raise NotImplementedError

    def check(self, document, context):
        year = report_year(document, context)
        if year is None:
            return
        part = part_in_role(document, context, getattr(review_data_of(context), self.role))
        if part is None:
            return
        achieved, planned, _signed = reviewed_years(document, context, year)
        expected = planned if self.plans else achieved
        if expected is None:
            return
        for heading, found in _heading_years(document, part):
            if int(found.group(1)) != expected:
                # the heading's text starts after its marker (a plain heading: at its column)
                line = heading.end_line if isinstance(heading, Marker) else heading.line
                column = (heading.end_column if isinstance(heading, Marker) else heading.column) + found.start()
                yield self.report((line, column), (line, column + len(found.group(1)) + 1), *self.message(found.group(1), expected))
        for paragraph in part.paragraphs[1:]:
            found = _OPENING_YEAR.match(paragraph.text)
            if found is None or int(found.group(1)) == expected or "以来" in found.group():
                continue
            if _ASSESSED.search(_FIRST_CLAUSE.match(paragraph.text).group()):
                continue
            if self.comparison_ok and f"{expected}年" in paragraph.text:
                continue
            yield self.report_text(paragraph, found.start(1), found.end(1) + 1, *self.message(found.group(1), expected))


@register
class OtherYearReported(_PartYears):
    """The achievements part names another year as the year reported: ``（五）2024年矛盾纠纷化解情况``
    or a paragraph opening ``2024年，全镇…`` in a 2025 report.

    Why: a report covers its own year (the title's, or ``report-year``); a heading or an opening
    dated to another year is almost always kept from last year's report (reviewers' checklist,
    year consistency). Headings about another year on purpose (上年度问题整改情况, 2021年以来) and a
    paragraph that names the report year too (a comparison), and the result of an assessment of an
    earlier year (2024年度全省法治政府建设考核中，我县获评优秀) are not flagged.

    Example (a 2025 report)::

        （五）2024年矛盾纠纷化解情况       → 2025年

    Fix: write the report's year, or move the passage where it belongs.
    """

    code = "SF721"
    name = "other-year-reported"
    severity = Severity.WARNING
    role, plans, comparison_ok = "achievements", False, True

    def message(self, named, expected):
        return f"工作情况部分写的是{named}年，本报告为{expected}年度", f"the achievements part names {named}; the report is for {expected}"


@register
class PlanYear(_PartYears):
    """The plans part (下一步打算, 下一年度主要安排) dated to a year other than the next one.

    Why: the plans of a report on one year are for the year after (reviewers' checklist: “next-year
    plan year = title year + 1”; the 法治政府建设年度报告 part is literally 下一年度…的主要安排). A plan
    dated to the year just reported, or two years on, was kept from another year's report. The kind
    of document sets the year: a 政府工作报告 named for the year of its session reviews the year before
    and plans its title's year; a 工作要点 plans its title's year; a half-year summary is not judged;
    a title naming two years (2025年重点任务分工及2024年度推进情况) reports the first and plans the second.

    Example (a 2025 report)::

        三、2025年工作打算          → 2026年

    Fix: write the year after the report's.
    """

    code = "SF722"
    name = "plan-year"
    severity = Severity.WARNING
    role, plans, comparison_ok = "measures", True, False

    def message(self, named, expected):
        return (
            f"工作打算写的是{named}年，本报告的打算应为{expected}年",
            f"the plans are dated {named}; this report plans for {expected}",
        )


@register
class SigningDateImplausible(Rule):
    """A signing date (成文日期) that cannot belong to a report on its year: before the year's last
    two months, or two years or more after it.

    Why: a report on a year is written at its end or early in the next (年终述法 in December; the
    法治政府建设年度报告 by 1 April of the next year, 督察工作规定 2019). A date outside that is a
    date kept from another year's report, or a typo. Documents not written at a year's end are not
    judged: a 政府工作报告 (given early in its title's year), a 工作要点, a half-year summary.

    Example::

        某镇2025年度述法报告 … 落款 2024年12月20日        → 2025年12月

    Fix: correct the date (or the year in the title).
    """

    code = "SF723"
    name = "signing-date-implausible"
    severity = Severity.WARNING

    def check(self, document, context):
        year, signed = report_year(document, context), document.signing_date
        if year is None or signed is None:
            return
        year, _planned, judged = reviewed_years(document, context, year)
        if not judged:
            return
        if (signed.year == year and signed.month >= 11) or year < signed.year <= year + 1:
            return
        yield self.report_text(
            signed.paragraph,
            signed.start,
            signed.end,
            f"成文日期{signed.year}年{signed.month}月与{year}年度报告不符（应在{year}年末或{year + 1}年初）",
            f"signed {signed.year}-{signed.month:02d}, which cannot belong to a report for {year}",
        )
