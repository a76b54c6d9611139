"""SF4xx redactions: words a content filter removed from the draft, and the likely originals."""

import re
from math import log
from typing import NamedTuple

from .. import regexes
from ..diagnostics import Fix, Severity
from ..document.text import CJK_RE
from ..lexicon import Lexicon, RuleDataError, compile_pattern
from ..patterns import GuardedPattern
from ..registry import Rule, register
from .sections import report_year

WHERE = "rules/lexicons/redactions.yaml"
_CONTEXT = 16  # characters on each side of a gap that phrases are tried against
# Dictionary guesses: a word filters are known to remove counts as if the dictionary saw it e^3 times more,
# and the best guess is clear when the runner-up is e^3 times less likely.
_KNOWN_BONUS = 3.0
_CLEAR_MARGIN = 3.0
_COMMON = 50  # a word rarer than this in jieba's dictionary is no evidence for a guess
_SURENESS = {"high": ("把握较大", "fairly sure"), "medium": ("把握一般", "less sure"), "low": ("仅供参考", "a guess")}
# What may stand beside a gap besides Chinese text: 《_法治思想, 等_,
_GAP_SIDE_MARKS = set("“”‘’《》（）()、，,。；;：:！？!?")
# An underscore inside a file name (附件：述法报告_定稿.docx) joins words; it removed nothing.
_FILE_NAME_AFTER = regexes.compile(
    r"[^\s，。；、,;：:“”《》（）()]{0,40}?\.(?:docx?|wps|pdf|txt|md|xlsx?|pptx?|zip|rar|jpe?g|png)(?![A-Za-z])",
    re.IGNORECASE,
)
# One or two underscores standing for a removed word: 以_新时代, 弱势_的, 等_, 弱势__的. More are a fill-in
# blank, two before 年月日 a date blank (SF302); underscores touching ASCII letters or digits are names
# (仿宋_GB2312, snake_case), but before a count after Chinese text (庭审_1946场: 直播 was removed).
_UNDERSCORE = regexes.compile(
    r"(?<![_＿A-Za-z0-9])[_＿]{1,2}(?![_＿A-Za-z0-9])|(?<=[\u4e00-\u9fff])[_＿](?=[0-9]+(?:\.[0-9]+)?[\u4e00-\u9fff%％])"
)


class Restoration(NamedTuple):
    word: str  # the removed word, as the message names it
    phrase: str
    fit: int  # how many characters around the gap the phrase accounts for
    # what the gap stands for: the word, or only the letters of it the filter cut (习_法治思想 lost 近平)
    fill: str
    sureness: str  # "high", "medium" or "low": how firmly the context determines the word


class CanonicalTerm(NamedTuple):
    term: str
    anchors: tuple[str, ...]  # every altered form contains one of these
    substituted: GuardedPattern | None
    deleted: GuardedPattern | None
    former: GuardedPattern | None  # the term's earlier formula, right in reports up to former_until
    former_until: int | None

    def former_altered_in(self, year: int | None) -> GuardedPattern | None:
        """The earlier formula, as an alteration in a report on ``year``: none where it was still current."""
        if year is not None and self.former_until is not None and year <= self.former_until:
            return None
        return self.former


class Cut(NamedTuple):
    """One way a filter may have cut a phrase: the gap stands for ``fill``, part or all of ``word``."""

    word: str
    phrase: str
    head: str  # what the text before the gap must end with
    tail: str  # what the text after it must start with
    fill: str
    left: int  # letters of the word left standing before the gap
    right: int  # and after it


def phrase_cuts(phrases: tuple[tuple[str, str], ...]) -> tuple[Cut, ...]:
    """Every cut of every phrase that leaves some of the phrase around the gap, in the phrases' order."""
    cuts = []
    for word, phrase in phrases:
        start = phrase.find(word)
        while start != -1:
            end = start + len(word)
            for cut_start in range(start, end):
                for cut_end in range(cut_start + 1, end + 1):
                    head, tail = phrase[:cut_start], phrase[cut_end:]
                    if head or tail:
                        fill = phrase[cut_start:cut_end]
                        cuts.append(Cut(word, phrase, head, tail, fill, cut_start - start, end - cut_end))
            start = phrase.find(word, start + 1)
    return tuple(cuts)


class RedactionData(NamedTuple):
    phrases: tuple[tuple[str, str], ...]  # (removed word, phrase containing it)
    asterisk: GuardedPattern
    terms: tuple[CanonicalTerm, ...]
    unit: re.Pattern  # a measure word or unit (figures.yaml): a gap before one is a figure, not a word
    removed: frozenset[str]  # the words filters are known to remove
    cuts: tuple[Cut, ...]
    # the cuts by the last character of their head and the first of their tail ("" when empty): a gap
    # is tried against the few whose ends match the characters beside it
    cuts_by_ends: dict[tuple[str, str], tuple[int, ...]]

    def around(self, text: str, start: int, end: int) -> list[Restoration]:
        """The restorations of the gap ``text[start:end]``."""
        return self.restorations(text[max(0, start - _CONTEXT) : start], text[end : end + _CONTEXT])

    def is_figure_gap(self, text: str, start: int, end: int) -> bool:
        """A gap no removed word fits and that a unit follows (学法_次, 达_%): a figure left blank."""
        return self.unit.match(text, end) is not None and not self.around(text, start, end)

    def restorations(self, before: str, after: str) -> list[Restoration]:
        """Removed words that make the text around a gap a known phrase, best fitting first.

        A filter may cut only part of a word and leave the rest beside the gap (习_法治思想, _近平法治思想):
        the phrase then fits with those letters on the gap's side of it, and the gap stands for the
        letters still missing.
        """
        best: dict[str, Restoration] = {}
        keys = ((before[-1:], after[:1]), (before[-1:], ""), ("", after[:1]))
        for index in sorted({index for key in keys for index in self.cuts_by_ends.get(key, ())}):
            cut = self.cuts[index]
            if not (before.endswith(cut.head) and after.startswith(cut.tail)):
                continue
            fit = len(cut.head) + len(cut.tail)
            if cut.word in best and fit <= best[cut.word].fit:
                continue
            if (cut.left or cut.right) and not _letters_left_over(before, after, cut.word, cut.left, cut.right):
                continue
            sureness = "high" if (cut.head and cut.tail) or fit >= 3 else "medium"
            best[cut.word] = Restoration(cut.word, cut.phrase, fit, cut.fill, sureness)
        return sorted(best.values(), key=lambda r: (-r.fit, r.word))

    def infer(self, before: str, after: str) -> list[Restoration]:
        """The one or two dictionary words that best fill a gap no phrase fits, cutting a word on each side.

        Both neighbours must be fragments — a lone character that no word around it takes in (深化基层行_力规范化)
        — and a candidate must join each of them into a dictionary word when put in the gap (行 + 政权 + 力 →
        行政/权力). A gap between two whole words (推进_工作) determines nothing and gets no guess. Candidates
        are ranked by how probable jieba's dictionary finds the restored text.
        """
        from ..segment import loaded, words

        left, right = words(before), words(after)
        if not (left and right and len(left[-1][0]) == 1 and len(right[0][0]) == 1):
            return []
        if not (CJK_RE.match(left[-1][0]) and CJK_RE.match(right[0][0])):
            return []
        dictionary = loaded()
        scores: dict[str, float] = {}
        for taken in (2, 1):
            head = before[-taken:]
            if len(head) < taken or not CJK_RE.fullmatch(head):
                continue
            for left_word, _ in dictionary.words_starting(head):
                # 行 + 政权(力): the word completes the one before; 依 + 法治 + 国: it joins both into one
                inner = [left_word[taken:]] + [
                    left_word[taken:-size] for size in (1, 2) if left_word.endswith(after[:size])
                ]
                for word in inner:
                    if word not in scores and 2 <= len(word) <= 3 and dictionary.frequency(word) >= _COMMON:
                        score = _joined_score(dictionary, before, word, after)
                        if score is not None:
                            scores[word] = score + (_KNOWN_BONUS if word in self.removed else 0)
        ranked = sorted(scores.items(), key=lambda item: -item[1])[:2]
        clear = len(ranked) == 1 or (len(ranked) == 2 and ranked[0][1] - ranked[1][1] > _CLEAR_MARGIN)
        return [
            # the dictionary alone is a weak witness: only a clear winner that filters are known to remove is more
            Restoration(
                word, before[-1] + word + after[0], 0, word, "medium" if clear and not index and word in self.removed else "low"
            )
            for index, (word, _) in enumerate(ranked)
        ]


def _joined_score(dictionary, before: str, word: str, after: str) -> float | None:
    """How probable the dictionary finds ``before + word + after`` (a log), if ``word`` joins both neighbours
    into dictionary words there; else None.

    One dictionary word over the whole gap (依法治国) is evidence enough; two words that each take in one
    neighbour (行政/权力) must both be common ones.
    """
    from ..segment import words

    restored = before + word + after
    sizes = {offset: len(token) for token, offset in words(restored)}
    gap_start, gap_end = len(before), len(before) + len(word)
    crossing = [at for at, size in sizes.items() if at < gap_start < at + size or at < gap_end < at + size]
    spans_both = len(crossing) == 1 and crossing[0] < gap_start and crossing[0] + sizes[crossing[0]] > gap_end
    common_pair = len(crossing) == 2 and all(
        dictionary.frequency(restored[at : at + sizes[at]]) >= _COMMON for at in crossing
    )
    if not (spans_both or common_pair):
        return None
    return sum(log(dictionary.frequency(restored[at : at + size]) or 1) - dictionary.log_total for at, size in sizes.items())


def _letters_left_over(before: str, after: str, word: str, left: int, right: int) -> bool:
    """Whether the ``left`` letters before the gap and the ``right`` ones after it are what the filter left of
    ``word``, not part of the words around it.

    With the whole word put back, such letters stand as words of their own (深入学习习|习近平 → 学习/习/习近平);
    letters that belong to a neighbouring word stay in it (学习_法治思想 → 学习/习近平: the 习 is 学习's).
    Each side is judged with the other side's letters already taken as the word's.
    """
    from ..segment import words

    def stands_alone(text: str, start: int, end: int) -> bool:
        starts = {offset for _, offset in words(text)} | {len(text)}
        return start in starts and end in starts

    if left and not stands_alone(before + word + after[right:], len(before) - left, len(before)):
        return False
    after_word = len(before) - left + len(word)
    return not right or stands_alone(before[: len(before) - left] + word + after, after_word, after_word + right)


def _guarded(pattern: str | None) -> GuardedPattern | None:
    return GuardedPattern(compile_pattern(pattern, WHERE)) if pattern else None


def redaction_data(lexicon: Lexicon) -> RedactionData:
    table = lexicon.table("redactions")
    try:
        phrases = tuple(
            (word, phrase)
            for word, entry in table["removed_words"].items()
            for phrase in entry["phrases"]
        )
        asterisk = _guarded(
            r"(?<![*＊])[*＊]{1,3}(?=" + "|".join(map(re.escape, table["asterisk_before"])) + ")"
        )
        units = sorted(lexicon.table("figures").get("units", ()), key=len, reverse=True)
        unit = regexes.compile("(?:余|多)?(?:" + "|".join(map(re.escape, units)) + "|[%％])")
        terms = tuple(
            CanonicalTerm(
                term=entry["term"],
                anchors=tuple(entry["anchors"]),
                substituted=_guarded(entry.get("substituted")),
                deleted=_guarded(entry.get("deleted")),
                former=_guarded(entry.get("former", {}).get("form")),
                former_until=entry.get("former", {}).get("valid_until"),
            )
            for entry in table["canonical_terms"]
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise RuleDataError(f"{WHERE}: missing or malformed entry {error}") from None
    cuts = phrase_cuts(phrases)
    cuts_by_ends: dict[tuple[str, str], list[int]] = {}
    for index, cut in enumerate(cuts):
        cuts_by_ends.setdefault((cut.head[-1:], cut.tail[:1]), []).append(index)
    return RedactionData(
        phrases,
        asterisk,
        terms,
        unit,
        frozenset(word for word, _ in phrases),
        cuts,
        {ends: tuple(indexes) for ends, indexes in cuts_by_ends.items()},
    )


def redaction_data_of(context) -> RedactionData:
    """The redaction data of a rule's lexicon, compiled once."""
    return context.lexicon.derived("redactions", redaction_data)


def gaps(text: str, data: RedactionData):
    """(start, end) of every mark that stands where a filter removed a word."""
    if "_" in text or "＿" in text:
        for found in _UNDERSCORE.finditer(text):
            before, after = text[found.start() - 1 : found.start()], text[found.end() : found.end() + 1]
            sides = [side for side in (before, after) if side and not side.isdigit()]  # a digit: a count follows
            if (
                any(CJK_RE.match(side) for side in sides)
                and all(CJK_RE.match(side) or side in _GAP_SIDE_MARKS or side.isspace() for side in sides)
                and not _FILE_NAME_AFTER.match(text, found.end())
                and not (found.end() - found.start() == 2 and after and after in "年月日")
            ):
                yield found.start(), found.end()
    for found in data.asterisk.finditer(text):
        yield found.start(), found.end()


@register
class RedactedTerm(Rule):
    """A word removed by a content filter, left as ``_`` (or ``*`` before 法治思想/新时代…), even mid-word.

    Why: web filters and some editors delete "sensitive" strings — often the leader's name in
    习近平法治思想, sometimes a fragment inside a word (行政权力 loses 政权 and becomes 行_力). The
    report then misstates a formula that must be exact.

    How: the characters around the gap are tried against every phrase of the lexicon
    (``rules/lexicons/redactions.yaml``); the phrases that fit name the likely original word.
    Fill-in blanks (``______``), font names (``仿宋_GB2312``), identifiers (``snake_case``) and
    pseudonyms (``张某某``) are not redactions.

    Example::

        深刻领会和实践_法治思想        → 习近平法治思想
        切实维护了弱势_的合法权益      → 弱势群体
        确保司法_改革在镇级层面落实到位 → 司法体制改革

    Fix: restore the word (``--unsafe-fixes`` does it when exactly one candidate fits).
    """

    code = "SF401"
    name = "redacted-term"
    severity = Severity.ERROR

    def check(self, document, context):
        data = redaction_data_of(context)
        for paragraph in document.prose():
            text = paragraph.text
            for start, end in gaps(text, data):
                candidates = data.around(text, start, end)
                if not candidates:
                    if data.unit.match(text, end):
                        continue  # a figure left blank: SF301's
                    candidates = data.infer(text[max(0, start - _CONTEXT) : start], text[end : end + _CONTEXT])
                mark = text[start:end]
                start_position, end_position = paragraph.position(start), paragraph.position(end)
                if not candidates:
                    yield self.report(
                        start_position,
                        end_position,
                        f"“{mark}”处疑有词语被删除（无法推断原词），请补全",
                        f"'{mark}' stands where a word seems to have been removed; restore it",
                    )
                    continue
                words = "”或“".join(c.word for c in candidates)
                best = candidates[0]
                fix = None
                if len(candidates) == 1 and best.sureness != "low":
                    fix = Fix.replacing(start_position, end_position, best.fill, safe=False)
                sure_zh, sure_en = _SURENESS[best.sureness]
                yield self.report(
                    start_position,
                    end_position,
                    f"“{mark}”处疑有词语被过滤删除，可能原为“{words}”（{best.phrase}；{sure_zh}）",
                    f"'{mark}' stands where a filter removed a word, likely "
                    f"{' or '.join(c.word for c in candidates)} ({best.phrase}; {sure_en})",
                    suggestions=[(f"补回“{c.fill}”：{c.phrase}", f"restore {c.fill}: {c.phrase}") for c in candidates],
                    fix=fix,
                )


@register
class AlteredTerm(Rule):
    """A canonical term altered without a gap mark: the name replaced by a title, or deleted outright.

    ``总书记法治思想``; ``以新时代中国特色社会主义思想为指导``; ``深入学习法治思想``.

    Why: these formulas (提法) must be written exactly; a report that says 总书记法治思想 or drops the
    name from 习近平新时代中国特色社会主义思想 is wrong however it came about. A term's earlier formula
    (习近平总书记全面依法治国新理念新思想新战略) is right in a report on a year it was still current in
    (2020 or before).

    Example::

        学习贯彻总书记法治思想          → 学习贯彻习近平法治思想
        以新时代中国特色社会主义思想为指导 → 以习近平新时代中国特色社会主义思想为指导

    Fix: write the canonical term (listed in ``rules/lexicons/redactions.yaml``); ``--unsafe-fixes``
    does it.
    """

    code = "SF402"
    name = "altered-term"
    severity = Severity.ERROR

    def check(self, document, context):
        data = redaction_data_of(context)
        year = report_year(document, context)
        for paragraph in document.prose():
            for term in data.terms:
                if not any(anchor in paragraph.text for anchor in term.anchors):
                    continue
                for pattern, how_zh, how_en in (
                    (term.substituted, "写法不规范", "is altered"),
                    (term.former_altered_in(year), "写法不规范", "is altered"),
                    (term.deleted, "疑缺人名", "lost its name"),
                ):
                    if pattern is None:
                        continue
                    for found in pattern.finditer(paragraph.text):
                        yield self.report_replacement(
                            paragraph,
                            found,
                            term.term,
                            f"提法{how_zh}：“{found.group()}”应为“{term.term}”",
                            f"the term '{found.group()}' {how_en}: write {term.term}",
                            safe=False,
                        )
