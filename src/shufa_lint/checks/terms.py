"""SF4xx words: standard formulations (提法) written wrong or out of date (``rules/lexicons/terms.yaml``),
traditional characters in a simplified report, and text garbled by a wrong encoding."""

import re
from typing import NamedTuple

from .. import regexes
from ..diagnostics import Severity
from ..lexicon import Lexicon, RuleDataError, compile_pattern
from ..patterns import GuardedPattern
from ..registry import Rule, register
from .sections import report_year

WHERE = "rules/lexicons/terms.yaml"
_TITLE = regexes.compile(r"《[^《》]{1,120}》")
_CLAUSE_END = regexes.compile(r"[。；;！？!?，,\n]")
# Words that put a formula into history: the report tells what was, not what is (回顾“七五”普法,
# 原《合同法》, 时称…, 《合同法》同时废止, 荣获“七五”普法先进县).
_HISTORY = regexes.compile(r"回顾|时称|曾经|前身|更名|改称|改设|划入|废止|失效|顺利完成|圆满完成|验收|表彰|被评为|荣获|获评|总结评估|全面总结|评估总结|期间|的基础上")
# 收官 tells a plan as finished (“八五”普法顺利收官) unless the clause still aims at it (确保…圆满收官).
_CLOSED = regexes.compile(r"收官(?!之年)")
_AIMED = regexes.compile(r"确保|力争|迎接|做好|推动|努力|全力|将")
# 原 before the name it is part of: 原县依法治县领导小组, 原《合同法》 (not the 原 of 太原市, 草原…: it
# follows a clause's start or a word that leads a noun in)
_FORMER = regexes.compile(r"(?:^|[，,。；;：:、（(“将由把从对与和及是即])原[\u4e00-\u9fff]{0,4}$")
_YEAR_NAMED = regexes.compile(r"((?:19|20)\d\d)\s*年")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside the title of a document (《…》) without being the whole title."""
    return any(
        title.start() <= start and end <= title.end() and (start, end) != title.span()
        for title in _TITLE.finditer(text, max(0, start - 120), min(len(text), end + 120))
    )


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the previous clause mark (，。；) to the next."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    after = _CLAUSE_END.search(text, end)
    return before, after.start() if after else len(text)


class Term(NamedTuple):
    """One entry: the form to write instead, and the report years in which the wrong form was itself
    current (``valid_from``–``valid_until``; None: no limit on that side, both None: always wrong)."""

    right: str
    valid_from: int | None = None
    valid_until: int | None = None
    fixable: bool = False  # `fix: safe`: ``right`` is exactly the text to write (not a description of it)

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_until is not None

    def current_in(self, year: int) -> bool:
        return (self.valid_from is None or year >= self.valid_from) and (
            self.valid_until is None or year <= self.valid_until
        )

    def historical(self, text: str, start: int, end: int) -> bool:
        """A formula of another period told as history: 原《…》, a history word in its clause, or a
        year of the formula's own period named there (“七五”普法期间（2016—2020年）)."""
        if text[max(0, start - 1) : start] == "原" or _FORMER.search(text, max(0, start - 6), start):
            return True
        first, last = _clause(text, start, end)
        clause = text[first:start] + "，" + text[end:last]  # the years the formula itself names do not count
        if _HISTORY.search(clause) or (_CLOSED.search(clause) and not _AIMED.search(clause)):
            return True
        return any(self.current_in(int(year)) for year in _YEAR_NAMED.findall(clause))

    def spec_year(self) -> int:
        """A report year in which the wrong form is wrong: what the entry's specs are judged in."""
        if self.valid_until is not None:
            return self.valid_until + 1
        if self.valid_from is not None:
            return self.valid_from - 1
        return 2025


class Terms(NamedTuple):
    entries: tuple[Term, ...]
    wrong: GuardedPattern  # every wrong form in one alternation; group t<N> names entry N


def wrong_terms(data: Terms, text: str, year: int | None):
    """(match, entry) for each 提法 in ``text`` that is wrong in a report of ``year`` (None: unknown,
    so formulas that depend on the year are not judged)."""
    for found in data.wrong.finditer(text):
        term = data.entries[int(found.lastgroup[1:])]
        if _quoted_title(text, found.start(), found.end()):
            continue
        if term.dated and (year is None or term.current_in(year) or term.historical(text, found.start(), found.end())):
            continue
        yield found, term


def _year_of(entry: dict, key: str) -> int | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise RuleDataError(f"{WHERE}: entry {entry.get('wrong')!r}: '{key}' must be a year")
    return value


def _self_test(data: Terms, table: list[dict]) -> None:
    """Each entry's ``hit`` examples must be flagged by that entry and its ``miss`` examples by none,
    in a report of a year the entry is wrong in: a failing spec stops the load, naming the entry."""
    for entry, term in zip(table, data.entries):
        year = term.spec_year()
        for text in entry.get("hit", ()):
            if not any(found_term is term for _found, found_term in wrong_terms(data, text, year)):
                raise RuleDataError(f"{WHERE}: entry {entry['wrong']!r} does not flag its hit example {text!r} ({year})")
        for text in entry.get("miss", ()):
            flagged = [found.group() for found, _term in wrong_terms(data, text, year)]
            if flagged:
                raise RuleDataError(f"{WHERE}: entry {entry['wrong']!r}: its miss example {text!r} is flagged ({flagged[0]!r}, {year})")


def terms(lexicon: Lexicon) -> Terms:
    try:
        table = lexicon.table("terms")["terms"]
        for entry in table:
            compile_pattern(entry["wrong"], WHERE)  # report a bad entry by itself, not as part of the whole
        entries = tuple(
            Term(str(entry["right"]), _year_of(entry, "valid_from"), _year_of(entry, "valid_until"), _safe_fix(entry))
            for entry in table
        )
        branches = [f"(?P<t{index}>{entry['wrong']})" for index, entry in enumerate(table)]
    except (KeyError, TypeError) as error:
        raise RuleDataError(f"{WHERE}: missing or malformed entry {error}") from None
    data = Terms(entries, GuardedPattern(compile_pattern("|".join(branches), WHERE), branches))
    _self_test(data, table)
    return data


def _safe_fix(entry: dict) -> bool:
    kind = entry.get("fix")
    if kind not in (None, "safe"):
        raise RuleDataError(f"{WHERE}: 'fix' must be 'safe' (or left out), not {kind!r}")
    return kind == "safe"


@register
class NonstandardTerm(Rule):
    """A standard formulation (提法) written wrong or out of date: 法制建设第一责任人, 《土地法》, 布署 …

    Why: official reports quote fixed formulas, law names and dates exactly; reviewers read a wrong
    提法 as carelessness at best. Many formulas belong to a period: the 普法 plan (“七五” 2016—2020, “八五”
    2021—2025), the five-year plan (“十四五” 2021—2025), the 法治政府建设实施纲要 of the period, the Party
    congress whose spirit is current guidance (十九大 until the 二十大 of October 2022), the laws folded
    into the 民法典 on 1 January 2021 (合同法, 物权法, 婚姻法, 继承法 …). (The forms of 习近平法治思想 are SF402's.) Each
    entry carries the years its wrong form was itself current (``valid_from``/``valid_until``),
    judged against the report's year (the title, or ``report-year``); without a year those entries
    are not judged.

    Left alone: the title of a document quoted (《关于…法制宣传教育的…规划》), history (原《合同法》, 原县依法治县领导小组,
    时称…, 回顾“七五”普法期间（2016—2020年）, 在“八五”普法顺利收官的基础上, a year of the formula's
    own period in the sentence; 确保…圆满收官 still aims at it and is judged),
    and fixed terms that keep 法制 (法制审核, 法制机构, 国家法制统一). Each entry's ``hit`` and
    ``miss`` examples are checked when the lexicon loads: an entry that fails them stops the run.

    Example (a 2024 report)::

        深入开展“七五”普法                    → “八五”普法
        依据《中华人民共和国合同法》          → 《中华人民共和国民法典》
        增强学法尊法守法用法意识              → 尊法学法守法用法

    Fix: write the standard form the message names (the list is ``rules/lexicons/terms.yaml``);
    ``--fix`` does it where the entry's replacement is certain (``fix: safe``, e.g. 布署 → 部署).
    """

    code = "SF403"
    name = "nonstandard-term"
    severity = Severity.WARNING

    def check(self, document, context):
        year = report_year(document, context)
        data = context.lexicon.derived("terms", terms)
        for paragraph in document.prose():
            for found, term in wrong_terms(data, paragraph.text, year):
                when = f"（{year}年的报告）" if term.dated else ""
                yield self.report_replacement(
                    paragraph,
                    found,
                    term.right,
                    f"提法不规范{when}：“{found.group()}”应为“{term.right}”",
                    f"non-standard term '{found.group()}': write {term.right}",
                    safe=True if term.fixable else None,
                )


class Scripts(NamedTuple):
    simplified_of: dict[str, str]  # traditional character -> its simplified form
    traditional: re.Pattern  # a run of listed traditional characters
    simplified: re.Pattern  # any of their simplified forms
    mojibake: GuardedPattern


def scripts(lexicon: Lexicon) -> Scripts:
    table = lexicon.table("terms")
    try:
        pairs = str(table["traditional"]).split()
        if any(len(pair) != 2 for pair in pairs):
            raise RuleDataError(f"{WHERE}: traditional: each entry is two characters (繁简), got {pairs!r}")
        simplified_of = {pair[0]: pair[1] for pair in pairs}
        for pattern in table["mojibake"]:
            compile_pattern(pattern, WHERE)
        mojibake = compile_pattern("|".join(f"(?:{pattern})" for pattern in table["mojibake"]), WHERE)
    except (KeyError, TypeError) as error:
        raise RuleDataError(f"{WHERE}: missing or malformed entry {error}") from None
    return Scripts(
        simplified_of,
        # [X][X]*, not [X]+: a pattern that opens with a class is searched for in C, a repeat is tried everywhere
        regexes.compile("[" + "".join(simplified_of) + "][" + "".join(simplified_of) + "]*"),
        regexes.compile("[" + "".join(sorted(set(simplified_of.values()))) + "]"),
        GuardedPattern(mojibake),
    )


_TRADITIONAL_SHARE = 0.5  # more traditional than this (of the listed pairs) and the report is written in them


@register
class TraditionalCharacter(Rule):
    """A traditional character in a report written in simplified characters: 法治建設, 會議, 黨委.

    Why: the 国家通用语言文字法 (2001) and 《党政机关公文格式》GB/T 9704-2012 make 规范汉字 — the
    simplified forms of the 通用规范汉字表 (2013) — the script of official documents; a few
    traditional characters come from text pasted from a traditional-script page or typed with the
    wrong input method. A report written throughout in traditional characters (a page converted by
    its website) is not judged: only a few traditional characters among simplified text are.

    Example::

        全面推进法治建設        → 法治建设

    Fix: write the simplified characters (``--fix`` does it; only characters that map one-to-one
    are listed, in ``rules/lexicons/terms.yaml``).
    """

    code = "SF404"
    name = "traditional-character"
    severity = Severity.WARNING

    def check(self, document, context):
        data = context.lexicon.derived("scripts", scripts)
        if not document.holds(data.traditional):
            return  # most reports: not one traditional character
        runs = list(document.matches(data.traditional))
        if not runs:
            return
        traditional = sum(len(found.group()) for _paragraph, found in runs)
        simplified = sum(len(data.simplified.findall(paragraph.text)) for paragraph in document.prose())
        if traditional > _TRADITIONAL_SHARE * (traditional + simplified):
            return
        for paragraph, found in runs:
            written = "".join(data.simplified_of[char] for char in found.group())
            yield self.report_replacement(
                paragraph,
                found,
                written,
                f"简体文稿中出现繁体字“{found.group()}”，应为“{written}”",
                f"traditional character '{found.group()}' in a simplified report: write {written}",
                safe=True,
            )


@register
class Mojibake(Rule):
    """Text garbled by a wrong encoding: 锟斤拷, �, 鈥滄硶娌�, â€œ …

    Why: a report converted between GBK and UTF-8 the wrong way, or pasted from a page read in the
    wrong encoding, carries sequences no one writes (GB 18030-2022 and UTF-8 decode each other's bytes
    into exactly these). The passage they replace is lost and must be typed again from the original.

    Example::

        全年办理鈥滆瘔璇夆€濇渚�12件        ← a passage misread as GBK

    Fix: take the passage again from the original document (shufa-lint cannot recover it).
    """

    code = "SF405"
    name = "mojibake"
    severity = Severity.WARNING

    def check(self, document, context):
        data = context.lexicon.derived("scripts", scripts)
        for paragraph in document.prose():
            if not data.mojibake.may_match(paragraph.text):
                continue  # most paragraphs: one search in C, no matches to collect
            for start, end in _runs(data.mojibake.finditer(paragraph.text)):
                garbled = paragraph.text[start:end]
                yield self.report_text(
                    paragraph,
                    start,
                    end,
                    f"疑似乱码“{garbled}”（编码错误），请从原文重新录入",
                    f"garbled text '{garbled}' (wrong encoding): take it again from the original",
                )


_RUN_GAP = 6  # garbled fragments this close are one misread passage


def _runs(matches) -> list[tuple[int, int]]:
    """Spans of matches, those within a few characters of each other joined into one."""
    spans: list[tuple[int, int]] = []
    for found in matches:
        if spans and found.start() - spans[-1][1] <= _RUN_GAP:
            spans[-1] = (spans[-1][0], found.end())
        else:
            spans.append(found.span())
    return spans
