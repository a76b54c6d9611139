"""SF3xx figures: numbers left as placeholders, date/name placeholders, and figures dropped outright."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.text import CJK, CJK_RE
from ..lexicon import Lexicon, RuleDataError, compile_pattern
from ..patterns import GuardedPattern
from .redactions import redaction_data_of
from ..diagnostics import Severity
from ..registry import Rule, register

_NUMERAL_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两〇零]$")
_PERCENT = re.compile(r"[%％]")
_WINDOW = 80  # characters before a unit that its clause (and the figure) can stand in


@dataclass(frozen=True)
class FigureData:
    placeholder: GuardedPattern  # placeholder mark followed by a unit
    names: GuardedPattern  # every name placeholder pattern, as one alternation
    bare_unit: GuardedPattern  # a unit closing a clause
    counting_verbs: re.Pattern
    determiners: str
    units: frozenset[str]


def figure_data(lexicon: Lexicon) -> FigureData:
    table = lexicon.table("figures")
    where = "rules/lexicons/figures.yaml"
    try:
        units = sorted(set(table["units"]), key=len, reverse=True)
        unit_group = "|".join(map(re.escape, units))
        placeholder = compile_pattern(rf"(?:{table['placeholder']})(?=[ \u3000]?(?P<unit>(?:余|多)?(?:{unit_group}|[%％])))", where)
        for pattern in table["name_placeholders"]:
            compile_pattern(pattern, where)  # report a bad entry by itself, not as part of the whole
        names = compile_pattern("|".join(f"(?:{p})" for p in table["name_placeholders"]), where)
        bare_unit = compile_pattern(
            rf"(?<=[{CJK}\s”’》）)])(?:{unit_group})(?=(?:{table['unit_followers']}))", where
        )
        return FigureData(
            placeholder=GuardedPattern(placeholder),
            names=GuardedPattern(names),
            bare_unit=GuardedPattern(bare_unit),
            counting_verbs=re.compile("|".join(map(re.escape, table["counting_verbs"]))),
            determiners=table["determiners"],
            units=frozenset(units),
        )
    except (KeyError, TypeError) as error:
        raise RuleDataError(f"{where}: missing or malformed entry {error}") from None


def figure_data_of(context) -> FigureData:
    """The figure data of a rule's lexicon, compiled once."""
    return context.lexicon.derived("figures", figure_data)


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \u3000":
        index += 1
    return index


@register
class FigurePlaceholder(Rule):
    """A figure left as a placeholder: ``*次``, ``＊%``, ``X场``, ``××件``, ``XX人次``, ``□□起``.

    Why: templates and drafts mark figures still to be filled in; a report submitted with them
    states nothing and shows it was never finished. Also caught: ``学法_次`` (a blank no removed
    word fits; one that fits is SF401's), ``【待补】次`` and ``（数字）起``.

    Example::

        年内组织专题学习研讨*次      ← the number of sessions is missing

    Fix: fill in the real figure (shufa-lint never invents one).
    """

    code = "SF301"
    name = "figure-placeholder"
    severity = Severity.ERROR

    def check(self, document, context):
        redactions = redaction_data_of(context)
        for paragraph, found in document.matches(figure_data_of(context).placeholder):
            if found.group() in "_＿" and not redactions.is_figure_gap(paragraph.text, found.start(), found.end()):
                continue  # a removed word fits the gap: SF401's
            yield self.report_text(
                paragraph,
                found.start(),
                found.end(),
                f"数字未填写：“{found.group()}{found.group('unit')}”处应为具体数字",
                f"figure not filled in: '{found.group()}' stands where a number belongs",
            )


@register
class NamePlaceholder(Rule):
    """A date, place or name left as a placeholder: ``20XX年``, ``X月X日``, ``XX镇``, ``×××同志``, ``**县``.

    Why: a template's blanks that survive into a submitted report misstate when, where or who.
    Pseudonyms in case descriptions (``张某某``) are not placeholders and are not flagged.

    Example::

        20XX年X月X日，XX镇召开……

    Fix: write the real date, place or name.
    """

    code = "SF302"
    name = "name-placeholder"
    severity = Severity.ERROR

    def check(self, document, context):
        for paragraph, found in document.matches(figure_data_of(context).names):
            yield self.report_text(
                paragraph,
                found.start(),
                found.end(),
                f"日期、地名或人名未填写：“{found.group()}”",
                f"date, place or name not filled in: '{found.group()}'",
            )


@register
class FigureMissing(Rule):
    """A count or rate whose number was dropped altogether (``组织专题学习研讨次``, ``信访 件``).

    Also: ``调解成功率保持在%以上``.

    Why: the number was deleted (or never typed) and nothing marks the gap, so it is easy to miss in
    review and the sentence states nothing.

    How: a unit that closes a clause opened by a counting verb (开展, 组织, 调解 …), with no numeral
    before it. Word boundaries decide whether the unit is a word of its own (研讨/次) or part of one
    (案件, 频次, 一起): jieba segments only the clause around each candidate. ``这次``, ``每次``,
    ``多次``, ``各处`` carry no number by nature and are not flagged.

    Example::

        2024年全镇未发生领导干部干预案件情况，涉法涉诉信访 件。

    Fix: write the figure before the unit (or 0 / 无 if there were none).
    """

    code = "SF303"
    name = "figure-missing"
    needs_segmentation = True

    def check(self, document, context):
        data = figure_data_of(context)
        for paragraph in document.prose():
            text = paragraph.text
            for found in _PERCENT.finditer(text):
                # the character the percentage follows, spaces aside: a Chinese one means no figure
                before = text[max(0, found.start() - _WINDOW) : found.start()].rstrip()
                if before and CJK_RE.match(before[-1]):
                    yield self._missing(paragraph, found.start(), found.end(), "%")
            placeholders: set[int] | None = None  # where SF301's marks end: their units are SF301's
            for found in data.bare_unit.finditer(text):
                if placeholders is None:
                    placeholders = {_skip_spaces(text, mark.end()) for mark in data.placeholder.finditer(text)}
                if found.start() not in placeholders and self._lost_figure(text, found.start(), found.end(), data):
                    yield self._missing(paragraph, found.start(), found.end(), found.group())

    def _missing(self, paragraph, start, end, unit):
        return self.report_text(
            paragraph,
            start,
            end,
            f"数字缺失：“{unit}”前没有数字",
            f"figure missing: no number before '{unit}'",
            suggestions=[(f"在“{unit}”前补上具体数字", f"write the figure before '{unit}'")],
        )

    @staticmethod
    def _lost_figure(text: str, start: int, end: int, data: FigureData) -> bool:
        window_start = max(0, start - _WINDOW)
        before = text[window_start:start]
        gap = before.rstrip()
        if not gap or _NUMERAL_BEFORE.search(gap) or gap[-1] in data.determiners:
            return False
        for head in (1, 2):  # the tail of a longer unit after its number: 1200户次, 45趟次
            if head <= len(gap) and gap[-head:] + text[start:end] in data.units:
                if _NUMERAL_BEFORE.search(gap[:-head].rstrip()):
                    return False
        clause_start = window_start + max(gap.rfind(mark) for mark in "，。；、,;：:！？") + 1
        clause = text[clause_start:end]
        spaced = len(before) != len(gap)
        if not spaced and not data.counting_verbs.search(clause, 0, start - clause_start):
            return False
        from ..segment import words

        for token, offset in words(clause):
            if clause_start + offset <= start < clause_start + offset + len(token):
                # the unit starts a word (研讨/次, 提高/个/百分点), it is not the tail of one (案件, 频次, 一起)
                return clause_start + offset == start or spaced
        return False
