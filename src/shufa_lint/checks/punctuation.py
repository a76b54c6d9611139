"""SF7xx punctuation: half-width marks in Chinese text.

Chinese text takes full-width punctuation (GB/T 15834; every proofreading tool checks it). Drafts pasted
through English input methods or plain-text editors come back with ``,`` ``(`` ``)`` everywhere. The rule
is mechanical, so it carries a safe fix; it is kept at severity info so that it never buries the
findings that matter (missing sections, figures, redactions).
"""

from typing import NamedTuple

from .. import regexes
from ..diagnostics import Edit, Fix, Message, Severity
from ..document import Document
from ..document.numerals import NUMERAL_CHARS
from ..document.text import CJK_RE
from ..registry import Rule, register
from .figures import figure_data_of

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_CLAUSE_MARKS = set(",;:?!")
# Full-width and CJK punctuation: a half-width mark next to one of these is in Chinese text too.
_CHINESE_PUNCTUATION = regexes.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]")
_CLOSING_CHINESE = set("”’）》」』】〕")
_OPENING_CHINESE = set("“‘（《「『【〔")
_SPACES = " \t"
# Spans where half-width marks belong: URLs, e-mail addresses, Windows paths. A URL's trailing
# punctuation is the sentence's, not the URL's (as GitHub's autolinker decides).
_LATIN_SPANS = regexes.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*[A-Za-z0-9\-_~/#=&%+]"
    r"|www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*[A-Za-z0-9\-_~/#=&%+]"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
    r"|[A-Za-z]:\\[^\s\u3000-\u303f\uff00-\uffef]*"
)
# Every span _LATIN_SPANS matches holds one of these; lines without any skip the regex.
_LATIN_SPAN_SIGNS = ("://", "www.", "@", ":\\")
# ?? and !! are placeholders or emphasis, never a single sentence mark (figures.yaml: [?？]{2,3}).
_REPEATED = set("?!？！")
# Only these positions are visited: most lines hold few or no candidates.
_HALF_WIDTH = regexes.compile(r"[,;:?!.()]")
_BRACKETS = regexes.compile(r"[()（）]")
_HALF_BRACKETS = regexes.compile(r"[()]")


def _is_chinese(char: str) -> bool:
    if "\u4e00" <= char <= "\u9fff":  # the common case, without a regex
        return True
    return bool(char) and (CJK_RE.match(char) is not None or _CHINESE_PUNCTUATION.match(char) is not None)


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


class Replacement(NamedTuple):
    """One half-width mark (0-based ``start``, ``end`` exclusive; ``end`` covers spaces the mark swallows)."""

    start: int
    end: int
    mark: str

    @property
    def content(self) -> str:
        return FULL_WIDTH[self.mark]


def _neighbours(line: str, index: int) -> tuple[str, str]:
    """The nearest non-space characters before and after ``index`` ('' at the line's edges)."""
    before = index - 1
    while before >= 0 and line[before] in _SPACES:
        before -= 1
    after = index + 1
    while after < len(line) and line[after] in _SPACES:
        after += 1
    return (line[before] if before >= 0 else ""), (line[after] if after < len(line) else "")


def _in_chinese_text(line: str, index: int) -> bool:
    """A clause mark between two Latin letters or digits (1,000  10:30  a,b) is Latin; next to Chinese it is Chinese."""
    immediate_before = line[index - 1] if index > 0 else ""
    immediate_after = line[index + 1] if index + 1 < len(line) else ""
    if _is_latin(immediate_before) and _is_latin(immediate_after):
        return False
    before, after = _neighbours(line, index)
    return _is_chinese(before) or _is_chinese(after)


def _ends_chinese_sentence(line: str, index: int, chinese_parentheses: set[int]) -> bool:
    """A '.' closes a Chinese sentence when Chinese precedes it and nothing Latin follows (3.5, 1., 报告.docx, …)."""
    before = line[index - 1] if index > 0 else ""
    after = line[index + 1] if index + 1 < len(line) else ""
    if before == "." or after == ".":
        return False
    if not (CJK_RE.match(before) or before in _CLOSING_CHINESE or index - 1 in chinese_parentheses):
        return False
    if after and not (after in _SPACES or CJK_RE.match(after) or after in _OPENING_CHINESE):
        return False
    if before in NUMERAL_CHARS:
        # 一. at a heading's start is a malformed marker (SF204), not a full stop
        start = index - 1
        while start > 0 and line[start - 1] in NUMERAL_CHARS:
            start -= 1
        if start == 0 or line[start - 1] in _SPACES + "\u3000。；：！？;:!?（(":
            return False
    return True


def _paren_pairs(line: str, skip: set[int]) -> dict[int, int]:
    """Matching brackets of either width, opening index -> closing index."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for found in _BRACKETS.finditer(line):
        index, char = found.start(), found.group()
        if index in skip:
            continue
        if char in "(（":
            stack.append(index)
        elif char in ")）" and stack:
            pairs[stack.pop()] = index
    return pairs


def _parentheses(line: str, skip: set[int]) -> set[int]:
    """Half-width brackets that belong to Chinese text.

    A pair is converted together: when either bracket is already full-width, when it encloses Chinese,
    or when it sits in Chinese text (合作(PPP)模式). An unmatched bracket follows its neighbours.
    """
    convert: set[int] = set()
    paired: set[int] = set()
    # Is there Chinese between the brackets? The first Chinese character at or after an opening bracket
    # answers it; taken in the order of the openings, each search starts where the last one ended, so a
    # line is scanned once however deeply its brackets nest.
    next_chinese = -1
    for opening, closing in sorted(_paren_pairs(line, skip).items()):
        paired.update((opening, closing))
        if line[opening] == "（" and line[closing] == "）":
            continue
        if next_chinese < opening:
            found = CJK_RE.search(line, opening)
            next_chinese = found.start() if found else len(line)
        encloses_chinese = next_chinese < closing
        outside_before, _ = _neighbours(line, opening)
        _, outside_after = _neighbours(line, closing)
        if opening and (_is_latin(line[opening - 1]) or line[opening - 1] == "_") and not encloses_chinese:
            continue  # foo_bar(x), Windows(R): Latin text's own brackets
        chinese = (
            line[opening] == "（"
            or line[closing] == "）"
            or encloses_chinese
            or _is_chinese(outside_before)
            or _is_chinese(outside_after)
        )
        if chinese:
            convert.update(index for index in (opening, closing) if line[index] in "()")
    for found in _HALF_BRACKETS.finditer(line):
        index = found.start()
        if index not in paired and index not in skip and _in_chinese_text(line, index):
            convert.add(index)
    return convert


def _swallowed_spaces(line: str, index: int) -> int:
    """Spaces after a clause mark that a full-width mark makes redundant (``本年度, 我`` → ``本年度，我``)."""
    after = index + 1
    while after < len(line) and line[after] in _SPACES:
        after += 1
    if after > index + 1 and after < len(line) and _is_chinese(line[after]):
        return after - index - 1
    return 0


def half_width_marks(line: str, skip: set[int] = frozenset()) -> list[Replacement]:
    """Every half-width mark in ``line`` that Chinese text should write full-width, in order.

    ``skip`` holds 0-based indexes another rule owns (a malformed marker's punctuation).
    """
    if _HALF_WIDTH.search(line) is None:
        return []
    protected = set(skip)
    if any(sign in line for sign in _LATIN_SPAN_SIGNS):
        for span in _LATIN_SPANS.finditer(line):
            protected.update(range(span.start(), span.end()))
    parentheses = _parentheses(line, protected) if "(" in line or ")" in line else set()
    found = [Replacement(index, index + 1, line[index]) for index in parentheses]
    for mark in _HALF_WIDTH.finditer(line):
        index, char = mark.start(), mark.group()
        if index in protected:
            continue
        if char in _CLAUSE_MARKS:
            before, after = line[index - 1 : index] if index else "", line[index + 1 : index + 2]
            if "\u4e00" <= before <= "\u9fff" and "\u4e00" <= after <= "\u9fff":
                found.append(Replacement(index, index + 1, char))  # between two Chinese characters
                continue
            repeated = before in _REPEATED or after in _REPEATED
            if char in _REPEATED and repeated:
                continue
            if _in_chinese_text(line, index):
                found.append(Replacement(index, index + 1 + _swallowed_spaces(line, index), char))
        elif char == "." and _ends_chinese_sentence(line, index, parentheses):
            found.append(Replacement(index, index + 1, char))
    return sorted(found)  # by start


def _owned_by_marker_rule(document: Document) -> dict[int, set[int]]:
    """0-based columns, by line, of malformed markers: SF204 rewrites them whole (（一），→（一）)."""
    owned: dict[int, set[int]] = {}
    markers = list(document.body.markers)
    if document.outline is not None and document.outline.embedded:
        markers += document.outline.tree.markers
    for marker in markers:
        if marker.expected is None or marker.line != marker.end_line:
            continue
        owned.setdefault(marker.line, set()).update(range(marker.column - 1, marker.end_column - 1))
    return owned


@register
class HalfWidthPunctuation(Rule):
    """Half-width punctuation ``, ; : ? ! ( ) .`` in Chinese text.

    Why: GB/T 15834 and every official style guide write Chinese text with full-width marks
    (，；：？！（）。). Half-width marks come from English input methods and plain-text editors; they
    look careless in a report and break the spacing of the typeset page. Marks in Latin text are
    left alone: URLs, e-mail addresses, numbers (``3.5``, ``1,000``), times (``10:30``), a mark between
    Latin letters or digits, the ``1.`` heading marker, and placeholders like ``??``.

    One finding per line, covering every such mark on it, so that a draft typed with half-width
    commas throughout does not drown the other findings.

    Example::

        (一)强化政治引领,压实法治建设“主体责任”.
        → （一）强化政治引领，压实法治建设“主体责任”。

    Fix: write the marks full-width (``--fix`` does it; the fix is safe).
    """

    code = "SF701"
    name = "half-width-punctuation"
    severity = Severity.INFO

    def check(self, document, context):
        owned = _owned_by_marker_rule(document)
        placeholder = figure_data_of(context).placeholder
        unit = document.source.unit
        for number, line in enumerate(document.lines, start=1):
            skip = owned.get(number, set())
            if "?" in line:
                # a figure left blank (学法?次, 审查合同(?)份) is SF301's: its ? must stay as typed
                for mark in placeholder.finditer(line):
                    skip = skip | set(range(mark.start(), mark.end()))
            replacements = half_width_marks(line, skip)
            if replacements:
                yield self._line_report(number, replacements, unit)

    def _line_report(self, number: int, replacements: list[Replacement], unit: Message):
        marks = "".join(dict.fromkeys(r.mark for r in replacements))
        full = "".join(FULL_WIDTH[mark] for mark in marks)
        shown, shown_full = " ".join(marks), " ".join(full)
        count = len(replacements)
        edits = tuple([Edit(number, r.start + 1, number, r.end + 1, FULL_WIDTH[r.mark]) for r in replacements])
        fix = Fix(edits, safe=True, description=Message(f"改为全角 {shown_full}", f"write {shown_full}"))
        return self.report(
            (number, replacements[0].start + 1),
            (number, replacements[-1].start + 2),
            f"中文语境使用了半角标点 {shown}（本{unit.zh} {count} 处），应使用全角 {shown_full}",
            f"half-width punctuation {shown} in Chinese text ({count} {'on' if unit.en == 'line' else 'in'} this {unit.en}); use full-width {shown_full}",
            suggestions=[(f"改为全角 {shown_full}", f"write {shown_full}")],
            fix=fix,
        )
