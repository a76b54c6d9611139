"""SF403 terms: standard formulations (提法) written wrong, from ``rules/lexicons/terms.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Fix, Severity
from ..lexicon import Lexicon, RuleDataError, compile_pattern
from ..patterns import GuardedPattern
from ..registry import Rule, register

WHERE = "rules/lexicons/terms.yaml"
_TITLE = re.compile(r"《[^《》]{1,120}》")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside the title of a document (《…》) without being the whole title."""
    return any(
        title.start() <= start and end <= title.end() and (start, end) != title.span()
        for title in _TITLE.finditer(text, max(0, start - 120), min(len(text), end + 120))
    )


@dataclass(frozen=True)
class Term:
    right: str
    since_year: int | None
    fixable: bool  # `fix: safe`: ``right`` is exactly the text to write (not a description of it)


@dataclass(frozen=True)
class Terms:
    entries: tuple[Term, ...]
    wrong: GuardedPattern  # every wrong form in one alternation; group t<N> names entry N


def terms(lexicon: Lexicon) -> Terms:
    try:
        table = lexicon.table("terms")["terms"]
        for entry in table:
            compile_pattern(entry["wrong"], WHERE)  # report a bad entry by itself, not as part of the whole
        entries = tuple(Term(str(entry["right"]), entry.get("since_year"), _fix_kind(entry) == "safe") for entry in table)
        wrong = "|".join(f"(?P<t{index}>{entry['wrong']})" for index, entry in enumerate(table))
    except (KeyError, TypeError) as error:
        raise RuleDataError(f"{WHERE}: missing or malformed entry {error}") from None
    return Terms(entries, GuardedPattern(compile_pattern(wrong, WHERE)))


def _fix_kind(entry: dict) -> str | None:
    kind = entry.get("fix")
    if kind not in (None, "safe"):
        raise RuleDataError(f"{WHERE}: 'fix' must be 'safe' (or left out), not {kind!r}")
    return kind


@register
class NonstandardTerm(Rule):
    """A standard formulation (提法) written wrong: 法制建设第一责任人, 《土地法》, 布署, 二○二五 …

    Why: official reports quote fixed formulas, law names and dates exactly; reviewers read a wrong
    提法 as carelessness at best. Some formulas changed over time (法制宣传教育 → 法治宣传教育 in
    2016, the 2021 法治政府 goal words): those are checked only in reports of a year they were already
    wrong, taken from the title.

    Example::

        重点学习《宪法》《民法典》《土地法》等     → 《中华人民共和国土地管理法》
        增强学法尊法守法用法意识                 → 尊法学法守法用法

    Fix: write the standard form the message names (the list is ``rules/lexicons/terms.yaml``);
    ``--fix`` does it where the entry's replacement is certain (``fix: safe``, e.g. 布署 → 部署).
    """

    code = "SF403"
    name = "nonstandard-term"
    severity = Severity.WARNING

    def check(self, document, context):
        year = context.options.get("report_year") or document.report_year
        data = context.lexicon.derived("terms", terms)
        for paragraph, found in document.matches(data.wrong):
            term = data.entries[int(found.lastgroup[1:])]
            if term.since_year and (year is None or year < term.since_year):
                continue
            if _quoted_title(paragraph.text, found.start(), found.end()):
                continue
            start, end = paragraph.position(found.start()), paragraph.position(found.end())
            yield self.report(
                start,
                end,
                f"提法不规范：“{found.group()}”应为“{term.right}”",
                f"non-standard term '{found.group()}': write {term.right}",
                suggestions=[(f"改为“{term.right}”", f"write {term.right}")],
                fix=Fix.replacing(start, end, term.right, safe=True) if term.fixable and start[0] == end[0] else None,
            )
