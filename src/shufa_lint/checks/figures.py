"""SF3xx figures: numbers left as placeholders, date/name placeholders, and figures dropped outright."""

import re
from itertools import groupby
from typing import NamedTuple

from .. import regexes
from ..diagnostics import Severity
from ..document.paragraphs import spaced_table_row
from ..document.text import CJK, CJK_RE
from ..lexicon import Lexicon, RuleDataError, compile_pattern
from ..patterns import GuardedPattern
from ..registry import Rule, register
from .redactions import redaction_data_of

_NUMERALS = "0-9０-９一二三四五六七八九十百千万亿两〇零"
_NUMERAL_BEFORE = regexes.compile(rf"[{_NUMERALS}][余多]?$")  # 二百多份
_PERCENT = regexes.compile(r"[%％]")
_DIGIT = regexes.compile(r"[0-9０-９]")
_WINDOW = 80  # characters before a unit that its clause (and the figure) can stand in
_CLAUSE_MARKS = "，,、；;：:"  # marks a rate may follow with its figure gone: ，%办结
# marks that end the clause a unit stands in
_CLAUSE_ENDS = "，。；,;：:！？"
_LAST_CLAUSE_MARK = regexes.compile(f"[{_CLAUSE_ENDS}](?=[^{_CLAUSE_ENDS}]*$)")
_SEGMENTED_BEFORE = 8  # characters before a unit that are segmented with it
_LONGEST_NOT_COUNT = 8  # characters a not_counts word may span, 法定代表人 and the like
# A noun counted right before the unit: 4个方面项任务, 65家企业个项目 (one count, then a second)
_COUNTING = "个项类大家所条件名宗"
_COUNTED = regexes.compile(rf"[0-9０-９]+[{_COUNTING}]$")
_COUNTED_WORD = regexes.compile(rf"[0-9０-９]+[{_COUNTING}][\u4e00-\u9fff]{{1,4}}$")  # the same, before the word is known
_LIST_MARK = "、"  # 部、省、市: items of a list, not a count
# A class after a measure: 亿元以上项目, 千万元级企业 (after a classifier, 打造个以上治理品牌 lost its count)
_CATEGORY = regexes.compile(r"(?:以上|以下|级)[\u4e00-\u9fff]")
_CLASSIFIERS = frozenset(_COUNTING)
# A figure with its unit earlier in the sentence: 聘请法律顾问3名，律师事务所家。
# (a point belongs to the figure only with a digit after it: the 2 of a list item 2.管好… is no figure)
_SIBLING_FIGURE = regexes.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:余|多)?[\u4e00-\u9fff%％]")
_HEADER_UNIT = regexes.compile(r"[）)]")  # 占比（%）: a column's unit, not a rate
_APPROXIMATE = regexes.compile("以上|以下|左右|以内")  # after a figure: 张以上
_WORD_NAMED = regexes.compile("”(?:字|指|是|即|意为|就是)")  # “家”指的是家庭: a word explained, not a count
_NAME_OPENS = "“《「‘\""  # what opens a name or a slogan


class FigureData(NamedTuple):
    placeholder: GuardedPattern  # placeholder mark followed by a unit
    names: GuardedPattern  # every name placeholder pattern, as one alternation
    bare_unit: GuardedPattern  # a unit with no numeral before it, where something could call for a figure
    clause_end: re.Pattern  # what may follow a unit that closes its clause
    change_to: re.Pattern  # what follows the first figure of a change (由家增至278家)
    counting_verbs: re.Pattern
    cues: frozenset[str]  # counting verbs and quantity cues: a unit right after one lost its figure
    all_cues: frozenset[str]  # cues of either kind, for a first look at the characters before a unit
    count_only_units: frozenset[str]
    weak_cues: frozenset[str]  # before a count-only unit, these show its figure went missing
    classifier_cues: frozenset[str]  # before a classifier and its noun, these show its figure went missing
    classifiers: frozenset[str]
    amount_units: frozenset[str]
    not_counts: re.Pattern  # a word that ends where the unit ends and is no count
    unit_led: re.Pattern  # a word the dictionary lacks that opens with a unit character (人社)
    unit_as_word: re.Pattern  # a unit character that is another word here (分两次: the verb; 4月起: from)
    surnames: frozenset[str]  # units that are also surnames
    merged: frozenset[str]  # words the segmenter makes of a counted noun and its unit (企业家)
    total_cues: frozenset[str]  # cues that announce a total (新增, 累计)
    determiners: str
    round_figures: str  # before 万 or 亿, these make a figure of it: 近万张
    units: frozenset[str]


def figure_data(lexicon: Lexicon) -> FigureData:
    table = lexicon.table("figures")
    where = "rules/lexicons/figures.yaml"
    try:
        # longest first, so that 人次 wins over 人; then by code point, so the pattern is the same in every run
        units = sorted(set(table["units"]), key=lambda unit: (-len(unit), unit))
        unit_group = "|".join(map(re.escape, units))
        placeholder = compile_pattern(rf"(?:{table['placeholder']})(?=[ \u3000]?(?P<unit>(?:余|多)?(?:{unit_group}|[%％])))", where)
        for pattern in table["name_placeholders"]:
            compile_pattern(pattern, where)  # report a bad entry by itself, not as part of the whole
        names = compile_pattern("|".join(f"(?:{p})" for p in table["name_placeholders"]), where)
        bare_unit = compile_pattern(_bare_unit_pattern(table, units, unit_group), where)
        return FigureData(
            placeholder=GuardedPattern(placeholder),
            names=GuardedPattern(names),
            bare_unit=GuardedPattern(bare_unit, guard=_bare_unit_guard(table, units)),
            clause_end=compile_pattern(table["unit_followers"], where),
            change_to=_alternation(table["change_to"]),
            counting_verbs=_alternation(table["counting_verbs"]),
            cues=frozenset(table["counting_verbs"]) | frozenset(table["quantity_cues"]),
            all_cues=frozenset(
                [*table["counting_verbs"], *table["quantity_cues"], *table["weak_cues"], *table["classifier_cues"]]
            ),
            count_only_units=frozenset(table["count_only_units"]),
            weak_cues=frozenset(table["weak_cues"]),
            classifier_cues=frozenset(table["classifier_cues"]),
            classifiers=frozenset(table["classifiers"]),
            amount_units=frozenset(table["amount_units"]),
            not_counts=regexes.compile("(?:" + "|".join(map(re.escape, table["not_counts"])) + ")$"),
            unit_led=_alternation(table["unit_led_words"]),
            unit_as_word=compile_pattern("|".join(f"(?:{p})" for p in table["unit_as_word"]), where),
            surnames=frozenset(table["surname_units"]),
            merged=frozenset(table["merged_counts"]),
            total_cues=frozenset(table["total_cues"]),
            determiners=table["determiners"],
            round_figures=table["round_figures"],
            units=frozenset(units),
        )
    except (KeyError, TypeError) as error:
        raise RuleDataError(f"{where}: missing or malformed entry {error}") from None


def _alternation(words) -> re.Pattern:
    return regexes.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


# what may stand right before a unit with no figure: Chinese, a space, a quote, a bracket or a clause mark
_BEFORE_BARE_UNIT = f"[{CJK}\\s“”’》）)，、；：,;:。]"


def _bare_unit_pattern(table, units: list[str], unit_group: str) -> str:
    """A unit with no numeral right before it, where something around it could call for a figure: a cue
    or a clause mark before it, a clause end or a change after it (由家增至), quotes around it (“条”), or the
    unit is an amount or keeps its figure's magnitude (万元, 余人次, 万余张).

    A first sieve, in one regular expression, for what ``_lost_figure`` decides word by word: most unit
    characters in a report (人民, 部门, 充分) never reach Python.
    """
    cues = {*table["counting_verbs"], *table["quantity_cues"], *table["weak_cues"], *table["classifier_cues"]}
    singles = re.escape("".join(sorted(cue for cue in cues if len(cue) == 1)))
    longer = sorted(cue for cue in cues if len(cue) > 1)
    last = re.escape("".join(sorted({cue[-1] for cue in longer})))
    # one look-behind per length of cue (it must have a fixed width), not one per cue: re tells the
    # cues of a length apart by their first character, so a position costs a few tries, not one per cue
    by_length = "|".join(
        "(?<=" + "|".join(map(re.escape, same)) + ")" for _, same in groupby(sorted(longer, key=len), key=len)
    )
    before = "|".join(
        [
            rf"(?<=[{singles}\s{_CLAUSE_ENDS}])",
            # the class first: most characters before a unit end no cue, and fail it at once
            rf"(?<=[{last}])(?:{by_length})",
        ]
        + [rf"(?<=[0-9０-９][{_COUNTING}][{CJK}]{{{size}}})" for size in (1, 2)]  # 4个方面项任务
    )
    # 万余人次, 万多起, 万㎡: the magnitude of a figure (or its 余) stays when its digits go
    magnitude = rf"(?:[万亿][余多]?|余)(?:{unit_group})"
    unit = rf"(?:[万亿][余多]?|余)?(?:{unit_group})"
    amounts = "|".join(map(re.escape, sorted(table["amount_units"], key=len, reverse=True)))
    change_to = "|".join(map(re.escape, table["change_to"]))
    classifiers = "".join(sorted(table["classifiers"]))
    first = "".join(sorted({u[0] for u in units} | set("万亿余")))
    return (
        rf"(?<={_BEFORE_BARE_UNIT})(?<![{_NUMERALS}])(?=[{re.escape(first)}])"
        rf"(?:(?<![余多])(?:(?:{before}){unit}|{unit}(?=(?:{table['unit_followers']}|{change_to}))|{magnitude}|(?:{amounts})"
        rf"|(?<=“){unit}(?=”)"  # 措施“条”: a quoted unit is a package of measures that lost its count
        rf"|[{classifiers}](?=[“《]))"  # 落实个“30条”: a classifier before a name counts it
        rf"|(?<=[^{_NUMERALS}][余多])[万亿][余多]?(?:{unit_group}))"  # 剩余万㎡: 余 ends a word, not a figure
    )


def _bare_unit_guard(table, units: list[str]) -> str:
    """Where ``_bare_unit_pattern`` can match, told from the characters right around a unit's first one:
    a cue's last character, a clause mark or an opening quote before it (or a counted noun two or three
    characters back), or after it what may follow a one-character unit, the second character of a
    longer unit, or a quote or a title a classifier counts. A character that only opens longer units
    (平 of 平方米, 公 of 公里) needs their second character after it. A unit character inside running
    text (人民, 部门, 国家, 公正) has none of these, and is passed over in C."""
    cues = {*table["counting_verbs"], *table["quantity_cues"], *table["weak_cues"], *table["classifier_cues"]}
    before = "".join(sorted({cue[-1] for cue in cues}))
    amounts = table["amount_units"]
    anywhere = "".join(sorted(set("万亿余") | {amount for amount in amounts if len(amount) == 1}))
    seconds = "".join(sorted({word[1] for word in [*units, *amounts] if len(word) > 1} | set("“《")))
    first = "".join(sorted({u[0] for u in units} | set("万亿余")))
    words = [*units, *amounts]
    opening = {char for char in first if char not in anywhere and all(len(w) > 1 for w in words if w[0] == char)}
    their_seconds = re.escape("".join(sorted({word[1] for word in words if word[0] in opening})))
    opening = re.escape("".join(sorted(opening)))
    change_to = "|".join(map(re.escape, table["change_to"]))
    return (
        # the pattern's own look-behinds, at the character before the unit's first one, then its surroundings
        rf"[{re.escape(first)}](?<={_BEFORE_BARE_UNIT}.)(?<![{_NUMERALS}].)"
        rf"(?:(?<=[{opening}])(?=[{their_seconds}])|(?<![{opening}])"
        rf"(?:(?<=[{re.escape(anywhere)}])|(?<=[{re.escape(before)}\s{_CLAUSE_ENDS}“].)"
        rf"|(?<=[0-9０-９][{_COUNTING}]..)|(?<=[0-9０-９][{_COUNTING}]...)"
        rf"|(?=[{re.escape(seconds)}]|(?:{table['unit_followers']})|(?:{change_to}))))"
    )


def figure_data_of(context) -> FigureData:
    """The figure data of a rule's lexicon, compiled once."""
    return context.lexicon.derived("figures", figure_data)


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \u3000":
        index += 1
    return index


@register
class FigurePlaceholder(Rule):
    """A figure left as a placeholder: ``*次``, ``＊%``, ``X场``, ``××件``, ``XX人次``, ``□□起``, ``____次``.

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
    """A date, place or name left as a placeholder: ``20XX年``, ``X月X日``, ``XX镇``, ``×××同志``, ``**县``, ``某某公司``.

    Also ``XX律师事务所``, ``××公司``; in ``2025年X月5日`` the finding points at the X, not at the year.

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
        data = figure_data_of(context)
        figures: dict[int, set[int]] = {}  # per paragraph, where SF301's placeholders start
        for paragraph, found in document.matches(data.names):
            starts = figures.setdefault(id(paragraph), {mark.start() for mark in data.placeholder.finditer(paragraph.text)})
            if found.start() in starts:
                continue  # XX人次: a figure, SF301's
            yield self.report_text(
                paragraph,
                found.start(),
                found.end(),
                f"日期、地名或人名未填写：“{found.group()}”",
                f"date, place or name not filled in: '{found.group()}'",
            )


@register
class FigureMissing(Rule):
    """A count or rate whose number was dropped altogether (``组织专题学习研讨次``, ``信访 件``, ``罚没款万元``).

    Also: ``调解成功率保持在%以上``, ``同比增长%``.

    Why: the number was deleted (or never typed) and nothing marks the gap, so it is easy to miss in
    review and the sentence states nothing.

    How: a unit or measure word (``rules/lexicons/figures.yaml``) with no numeral before it that stands
    as a word of its own — jieba segments the clause around each candidate, so 案件, 文件, 条件, 次要,
    个人 and 信访人 are words, not counts — and that

    - follows a quantity cue or a counting verb (``共次``, ``累计件``, ``下沉全镇个村``, ``聘请家律师事务所``), or
    - closes its clause, either as a unit that can only be a count there (``平均成绩分``, ``工单件``) or in
      a clause a counting verb opened (``开展…活动场``), or
    - keeps the magnitude of its figure or stands where only a figure can (``发卡万余张``, ``清拆违建万㎡``,
      ``床位由张增至410张``, ``病床张以上``, ``出台稳增长“条”措施``, ``落实个“30条”``), or
    - is a classifier after a weak cue and before the word it counts: ``的``, an enumeration's ``等``
      (``扩建工程等个项目``) or a verb a work report puts before what it counts (``推进项民生实事``, ``涵盖个项目``).

    ``这次``, ``每次``, ``多次``, ``各处``, ``件件落实``, ``张三等人``, ``考核等次`` carry no number by nature and are
    not flagged; nor are words for people by role (信访人, 当事人, 代理人), a surname (对张某某), a figure in
    words (近万张, 超亿元) or a round number in a campaign's name (“万名干部进万企”). 企业家 counts (企业 + 家)
    only where the count is plain:
    ``头部企业家以上``, ``百亿级企业家``, ``新增落户企业家``.

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
            if spaced_table_row(text) and not _DIGIT.search(text):
                continue  # a table's header row names its columns: 乡镇    执法检查次数    普法活动场次
            for found in _PERCENT.finditer(text) if "%" in text or "％" in text else ():
                # the character the percentage follows, spaces aside: a Chinese one or a clause mark means no figure
                before = text[max(0, found.start() - _WINDOW) : found.start()].rstrip()
                if before and (CJK_RE.match(before[-1]) or before[-1] in _CLAUSE_MARKS) and not _HEADER_UNIT.match(
                    text, found.end()
                ):
                    yield self._missing(paragraph, found.start(), found.end(), "%")
            placeholders: set[int] | None = None  # where SF301's marks end: their units are SF301's
            for found in data.bare_unit.finditer(text):
                if placeholders is None:
                    placeholders = (
                        {_skip_spaces(text, mark.end()) for mark in data.placeholder.finditer(text)}
                        if data.placeholder.may_match(text)
                        else set()
                    )
                if found.start() not in placeholders and _lost_figure(text, found.start(), found.end(), data):
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


def _lost_figure(text: str, start: int, end: int, data: FigureData) -> bool:
    """Whether the unit ``text[start:end]`` stands where a figure was dropped."""
    unit = text[start:end]
    gap_end = start  # where the text before the unit ends, spaces aside
    while gap_end and text[gap_end - 1] in " \u3000":
        gap_end -= 1
    if _figure_ends_at(text, gap_end) or data.unit_led.match(text, start) or data.unit_as_word.match(text, start):
        return False  # 12人; 全市人社部门 (人力资源和社会保障), not 全市[12]人; 分两次开展, not a score
    if unit[0] in "万亿" and gap_end and text[gap_end - 1] in data.round_figures + _NAME_OPENS:
        return False  # 近万张, 上万人次: a figure in words; “万名干部助企行”: a round number in a campaign's name
    for head in (1, 2):  # the tail of a longer unit after its number: 1200户次, 45趟次
        if head <= gap_end and text[gap_end - head : gap_end] + unit in data.units and _figure_ends_at(text, gap_end - head):
            return False
    # a space where a figure was cut out stands between words (信访 件); after a list marker or a table's
    # cell border the unit opens the item or the cell (1. 部分乡镇…, | 场次 |) and nothing was cut
    spaced = gap_end != start and gap_end > 0 and CJK_RE.match(text, gap_end - 1) is not None
    count_only = unit in data.count_only_units
    closes = data.clause_end.match(text, end) is not None
    changes = data.change_to.match(text, end) is not None
    if text.startswith("某", end) or (unit in data.surnames and not (closes or changes)):
        return False  # 对张某某, 约谈张卫东: a surname, not a unit
    approximate = _APPROXIMATE.match(text, end) is not None  # only a figure takes 以上: 培训学时以上 lost its 60
    # a figure's unit wherever it stands: 罚没款万元, 群众余人次, 发卡万余张, 由家增至278家, 床位张以上,
    # 措施“条”, 落实个“30条”
    amount = (
        unit in data.amount_units
        or unit[0] in "万亿余"
        or changes
        or approximate
        or (text[gap_end - 1 : gap_end] == "“" and text.startswith("”", end) and not _WORD_NAMED.match(text, end))
        or (unit in data.classifiers and text.startswith(("“", "《"), end))
    )
    # Cheap first: what the decision below needs at the least, from the characters alone; most units
    # after Chinese text end here, before any segmentation. A weak cue (的, 等) calls for a count only.
    cues = data.all_cues if count_only or unit in data.classifiers else data.cues
    cue_before = False
    for size in range(1, min(gap_end, 4) + 1):  # a loop, not any(): this line runs for most units
        if text[gap_end - size : gap_end] in cues:
            cue_before = True
            break
    opens_clause = not gap_end or text[gap_end - 1] in _CLAUSE_ENDS
    if not (spaced or cue_before or closes or amount):
        if not (count_only and (opens_clause or _COUNTED_WORD.search(text, max(0, gap_end - 8), gap_end))):
            return False
    window_start = max(0, gap_end - _WINDOW)
    last_mark = _LAST_CLAUSE_MARK.search(text, window_start, gap_end)
    clause_start = last_mark.end() if last_mark else window_start
    # closing its clause: a unit that can only count there, or one a counting verb or a sibling figure calls for
    called_at_close = closes and (count_only or data.counting_verbs.search(text, clause_start, start) is not None)
    sibling_figure = (
        closes
        and text[end : end + 1] not in _LIST_MARK
        and _SIBLING_FIGURE.search(text, _sentence_start(text, start), start) is not None
    )
    if not (spaced or cue_before or amount or count_only or called_at_close or sibling_figure):
        return False
    if (data.not_counts.search(text, max(0, end - _LONGEST_NOT_COUNT), end) and not approximate) or (
        unit not in _CLASSIFIERS and _CATEGORY.match(text, end)
    ):
        return False  # 信访人, 当事人: a person named by a role; 亿元以上项目: a class of projects
    from ..segment import loaded, words

    # the words right around the unit are all the decision reads: a few before it (the cue or the word
    # counted), two after it (the unit's word may run on: 次要, 个人)
    cut_from = max(clause_start, gap_end - _SEGMENTED_BEFORE)
    tokens = [(token, cut_from + offset) for token, offset in words(text[cut_from : end + 2]) if not token.isspace()]
    for index, (token, at) in enumerate(tokens):
        if at + len(token) <= start:
            continue
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        cue = _cue_before(text, tokens, index, gap_end, data)
        if at + len(token) == end and at < start and cue and count_only and following != "的":
            previous = cue  # a cue and the unit read as one word: 培训期, 约有名 (有名; 有名的 is famous)
        elif at + len(token) == end and token in data.merged:
            # a counted noun and its unit read as one word (企业家): a count where the count is plain
            return (
                text.startswith(("以上", "以下"), end)
                or text[at - 1 : at] == "级"
                or any(word in data.total_cues for word, _ in words(text[clause_start:at]))  # not 共同, 新增长点
            )
        elif not spaced and (at != start or at + len(token) > end):
            return False  # the unit is part of a word: 案件, 频次, 一起, 次要, 个人
        else:
            previous = cue or (tokens[index - 1][0] if index else "")  # 压缩/至 is one cue
            if not spaced and len(following) == 1 and loaded().frequency(unit + following):
                return False  # a word the segmentation split: 涉及/人/名
        if unit in (previous, following) or (len(previous) == 1 and previous in data.determiners):
            return False  # 件件落实, 这次, 每次, 各处
        if previous in data.units and _figure_ends_at(text, gap_end - len(previous)):
            return False  # the figure before belongs to a unit of its own: 50家亿元以上
        if spaced or previous in data.cues or amount:
            return True  # 共次, 累计件, 覆盖群众余人次
        counted_before = previous and _COUNTED.search(text, window_start, gap_end - len(previous))
        if count_only and (not previous or previous in data.weak_cues or counted_before):
            return True  # …，个社区第一时间…, …的项重大行政决策…, 明确4个方面项任务
        if unit in data.classifiers and previous in data.classifier_cues and len(following) > 1:
            return True  # 等个项目, 推进项民生实事 (not 推进家/校共育)
        # a sibling figure calls for one after a word for what is counted (律师事务所家), not after a
        # preposition (责任到人)
        return called_at_close or (sibling_figure and len(previous) > 1)
    return False


def _cue_before(text: str, tokens: list[tuple[str, int]], index: int, gap_end: int, data: FigureData) -> str:
    """The cue that ends right before the unit and starts where a word starts, if any: 压缩/至 is 压缩至,
    约/有名 is 约有 and 名, but 建立/案件 holds no 立案."""
    for first in (index - 2, index - 1, index):
        if first >= 0 and tokens[first][1] < gap_end and text[tokens[first][1] : gap_end] in data.cues:
            return text[tokens[first][1] : gap_end]
    return ""


def _figure_ends_at(text: str, index: int) -> bool:
    """Whether a numeral (二百多, 1200, 十余) ends right before ``index``."""
    return _NUMERAL_BEFORE.search(text, max(0, index - 2), index) is not None


def _sentence_start(text: str, index: int) -> int:
    return max(text.rfind(mark, 0, index) for mark in "。；;！？") + 1
