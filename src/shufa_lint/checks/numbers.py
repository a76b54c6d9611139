"""SF71x numbers: figures written against GB/T 15835-2011 (出版物上数字用法) and the ranges of
GB/T 15834-2011 (标点符号用法), rates that cannot be, and dates after the report was signed.

A fix is safe only where it changes no figure: the hyphen of a range becomes ～ (3-5个 → 3～5个). A fix
that writes a figure's characters (5～8% → 5%～8%) is offered as unsafe, and 3千 → 3000 as a
suggestion only: ``fix.py`` refuses any fix that changes the digits of a text.
"""

from __future__ import annotations

from .. import regexes
from ..diagnostics import Severity
from ..document.numerals import parse_chinese
from ..patterns import GuardedPattern
from ..registry import Rule, register
from .review import part_in_role, review_data_of
from .years import PLAN, document_kind

# 3千余份, 5百人, 2.5千: an Arabic number with 千/百 as its multiplier (千米, 千克, 千伏 … are units; 百分 is 百分之/百分点).
# The patterns below open with their first digit and look behind it after (``(?<!X.)`` after a digit is
# ``(?<!X)`` before it): a pattern that opens with a class is searched for in C, one that opens with a
# look-behind is tried at every character.
_MIXED = regexes.compile(r"([0-9](?<![0-9.０-９].)[0-9]*(?:\.[0-9]+)?)([千百])(?![米克瓦伏帕焦卡赫分字兆])")
# 3-5个工作日, 5-8%, 5～8%, 5-10万人: a range of two numbers (not a date, a code or a phone number)
_RANGE = regexes.compile(
    r"(?P<low>[0-9](?<![0-9A-Za-z.\-－/／〔\[（(].)[0-9]{0,3}(?:\.[0-9]+)?)(?P<low_unit>[%％万亿]?)"
    r"(?P<dash>[-－~～])(?P<high>[0-9]{1,4}(?:\.[0-9]+)?)"
    r"(?:(?P<high_unit>[%％万亿])|(?![0-9.\-－/])(?=[\u4e00-\u9fff])(?![年月日号时点分秒期届季学]))"
)
# Two years (2023-2024学年) are a span of time, written with the 一字线 (GB/T 15834 4.13.3.2), not a range of values.
_YEARS = regexes.compile(r"(?:19|20)[0-9]{2}")
# Counts of one kind (events, cases, copies): written with Arabic digits in one sentence and
# Chinese numerals in another of the same paragraph (GB/T 15835-2011 4.3: 同类别形式一致).
_ASCII_DIGIT = regexes.compile("[0-9]")
_COUNT_UNITS = "次|场次|场|件|人次|起|篇|期"
_ARABIC_COUNT = regexes.compile(rf"[0-9][0-9]*(?:\.[0-9]+)?(?:余|多)?({_COUNT_UNITS})")
_CHINESE_COUNT = regexes.compile(
    rf"([三四五六七八九十](?<![第前后每这那近数几某一二三四五六七八九十百千万“「].)[一二三四五六七八九十百]*)(?:余|多)?({_COUNT_UNITS})"
    r"(?![制规机会全大”」])"
)
# A rate or share that cannot pass 100% (办结率, 出庭应诉率, 参考率 …); 增长率, 完成率 can.
_SHARE = GuardedPattern(regexes.compile(
    r"(?P<name>(?:办结|出庭应诉|应诉|参考|参训|参学|合格|通过|审查|审核|覆盖|知晓|满意|调解成功|化解|结案|"
    r"公开|及时|到位|录入|上线|备案|纠错|签约|达标|持证|考试合格)率|占比|比例|满意度)"
    r"(?P<between>[^，。；;,0-9%％]{0,6}?)(?P<value>[0-9]+(?:\.[0-9]+)?)[%％]"
))
# Between a share and its figure, these make the figure a change of the share, which may pass 100%
# (占比同比增长120%) — unless the share is said to reach it (办结率提高到106%).
_CHANGE = regexes.compile(r"增长|增加|提高|提升|上升|下降|减少|降低|同比|环比|较|比上年")
_REACHED = regexes.compile(r"(?:到|至|为|达)$")
_DATE = regexes.compile(r"(?<![0-9])(20[0-9]{2})\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?")
_PLANNED_BEFORE = regexes.compile(r"将|计划|拟|力争|到|至")
_FUTURE_WORDS = regexes.compile(r"^(?:\s*(?:[0-9]{1,2}\s*日)?\s*)?(?:前|底前|以前|之前|起|开始|将|计划|拟)")


def _figures(text: str) -> str:
    """The characters of a text that make its figures (what a safe fix must leave as they are)."""
    return "".join(char for char in text if char.isdigit() or char in "%％")


def _plain_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


@register
class MixedNumeral(Rule):
    """An Arabic number with 千 or 百 as its multiplier: 3千余份, 5百人.

    Why: GB/T 15835-2011 (出版物上数字用法) 5.3: “4000可以写作四千，但不能写作4千” — a count is
    written all in digits or all in Chinese numerals. 万 and 亿 may follow digits (3万人); 千米, 千克
    are units and are left alone.

    Example::

        审查合同3千余份            → 3000余份（或三千余份）

    A note (info): the number cannot be misread, GB/T 15835 is a standard for publications that
    公文 “也可参照” (ch. 1), and published reports write 6千余辆次 without a reviewer counting it a defect.

    Fix: write the number in digits (the message gives it; no automatic fix, which would change
    the digits of the text).
    """

    code = "SF711"
    name = "mixed-numeral"
    severity = Severity.INFO

    def check(self, document, context):
        for paragraph, found in document.matches(_MIXED, needs="千百"):
            written = _plain_number(float(found.group(1)) * (1000 if found.group(2) == "千" else 100))
            yield self.report_replacement(
                paragraph,
                found,
                written,
                f"数字写法不规范：“{found.group()}”应为“{written}”（或全部用汉字）",
                f"'{found.group()}' mixes digits and a Chinese multiplier: write {written}",
            )


@register
class RangeForm(Rule):
    """A range of numbers written with a hyphen (3-5个工作日), or without the unit of its first
    number where that is ambiguous (5～8%, 5-10万人).

    Why: GB/T 15834-2011 4.13 (连接号): a range of values takes the wave dash ～ (or 一字线), not the
    hyphen; GB/T 15835-2011 (数值范围): “15%～30%（不写为15～30%）”, “9亿～16亿（不写为9～16亿）”.
    Dates, codes and phone numbers (2021-2025年, 0591-123, 〔2023〕5-1号) are not ranges of values here.

    Example::

        3-5个工作日内办结          → 3～5个工作日
        行政复议纠错率5～8%        → 5%～8%

    A range that only takes the wrong dash (3-5个项目) cannot be misread and published reports write it
    so: it is a note (info). A range without its first unit can be (5～8% reads as 5 to 8%, or as
    5 and 8%): a warning.

    Fix: write the range as the message shows (``--fix`` replaces a hyphen; writing the missing %
    takes ``--unsafe-fixes``, as every fix that adds a figure's characters does).
    """

    code = "SF712"
    name = "range-form"
    severity = Severity.WARNING

    def check(self, document, context):
        for paragraph, found in document.matches(_RANGE, needs="-－~～"):
            if _YEARS.fullmatch(found.group("low")) and _YEARS.fullmatch(found.group("high")):
                continue
            if float(found.group("low")) >= float(found.group("high")):
                continue  # 图3-1, 5-2栋: the number of a figure or a building, not a range
            low_unit, high_unit = found.group("low_unit"), found.group("high_unit") or ""
            if low_unit and high_unit and low_unit != high_unit:
                continue
            unit = high_unit or low_unit
            written = f"{found.group('low')}{unit if high_unit else low_unit}～{found.group('high')}{high_unit}"
            if written == found.group():
                continue
            finding = self.report_replacement(
                paragraph,
                found,
                written,
                f"数值范围写法不规范：“{found.group()}”应为“{written}”",
                f"range '{found.group()}': write {written}",
                safe=_figures(written) == _figures(found.group()),
            )
            first_unit_missing = bool(high_unit) and not low_unit  # 5～8%, 5-10万人: can be misread
            yield finding if first_unit_missing else finding._replace(severity=Severity.INFO)


@register
class MixedCountStyle(Rule):
    """Counts of one kind written in digits and in Chinese numerals in one paragraph: 学法6次 … 培训三次.

    Why: GB/T 15835-2011 4.3: where either form would do, one kind of figure takes one form in one
    place; statistics take digits (4.1.1). Fixed terms keep their Chinese numerals (“三项制度”,
    第三次, 三四次) and are not counted.

    Example::

        组织专题学法6次，举办法治讲座三场，开展普法活动12场。      → 3场

    Fix: write the count in digits.
    """

    code = "SF713"
    name = "mixed-count-style"
    severity = Severity.INFO

    def check(self, document, context):
        for paragraph in document.paragraphs:
            text = paragraph.text
            if _ASCII_DIGIT.search(text) is None:
                continue
            arabic_units = None  # read only when the paragraph has a count in Chinese numerals
            for found in _CHINESE_COUNT.finditer(text):
                if arabic_units is None:
                    arabic_units = {found.group(1) for found in _ARABIC_COUNT.finditer(text)}
                if found.group(2) not in arabic_units or parse_chinese(found.group(1)) is None:
                    continue  # 三四次 is an approximate count, written in Chinese numerals (GB/T 15835 4.2.2)
                yield self.report_text(
                    paragraph,
                    found.start(),
                    found.end(),
                    f"同类计数写法不一致：“{found.group()}”与本段其他“{found.group(2)}”数用阿拉伯数字",
                    f"'{found.group()}' is written in Chinese numerals while other counts of {found.group(2)} here use digits",
                    suggestions=[("统一用阿拉伯数字", "write it in digits")],
                )


@register
class ShareOverHundred(Rule):
    """A rate or share over 100%: 办结率106%, 出庭应诉率120%, 参考率101%.

    Why: a share of a whole (cases closed of cases received, hearings attended of hearings held)
    cannot pass 100%; a reviewer takes it as a wrong figure or a wrong base (GB/T 15835 does not
    cover it; it is the first thing a 述法评议会 checks in a table of rates). Rates that may pass 100%
    (增长率, 完成率) are not read, nor a change of a share (占比同比增长120%), unless the share is
    said to reach the figure (办结率提高到106%).

    Example::

        行政机关负责人出庭应诉率106%        ← check the figure or the base

    Fix: check the figure and its base.
    """

    code = "SF714"
    name = "share-over-100"
    severity = Severity.WARNING

    def check(self, document, context):
        for paragraph, found in document.matches(_SHARE, needs="%％"):
            between = found.group("between")
            if float(found.group("value")) <= 100 or (_CHANGE.search(between) and not _REACHED.search(between)):
                continue
            yield self.report_text(
                paragraph,
                found.start("value"),
                found.end(),
                f"“{found.group('name')}”为{found.group('value')}%，比率不应超过100%，请核对数据或基数",
                f"'{found.group('name')}' of {found.group('value')}% cannot pass 100%: check the figure or its base",
            )


@register
class DateAfterSigning(Rule):
    """A date in the report after the date it is signed (成文日期).

    Why: a report tells what was done by the day it is signed (GB/T 9704-2012 7.3.5.3: 成文日期 is
    the day the document is signed); a later date is a typo (2025 for 2024) or a line kept from a
    later draft. Deadlines of plans (2026年3月底前, 将于2026年4月), the plans part (下一步打算) and
    plan documents (工作要点) are not read.

    Example::

        2025年11月20日召开专题会 … 落款 2025年10月30日

    Fix: correct the date, or the date of signing.
    """

    code = "SF715"
    name = "date-after-signing"
    severity = Severity.WARNING

    def check(self, document, context):
        signed = document.signing_date
        if signed is None or document_kind(document, context) == PLAN:
            return
        plans = part_in_role(document, context, review_data_of(context).measures)
        planned = {paragraph.index for paragraph in plans.paragraphs} if plans else set()
        for paragraph in document.paragraphs:
            if paragraph is signed.paragraph or paragraph.index in planned:
                continue
            for found in _DATE.finditer(paragraph.text):
                year, month = int(found.group(1)), int(found.group(2))
                if (year, month) <= (signed.year, signed.month) or not 1 <= month <= 12:
                    continue
                before = paragraph.text[max(0, found.start() - 4) : found.start()]
                if _FUTURE_WORDS.match(paragraph.text[found.end() :]) or _PLANNED_BEFORE.search(before):
                    continue
                yield self.report_text(
                    paragraph,
                    found.start(),
                    found.end(),
                    f"日期“{found.group()}”晚于成文日期（{signed.year}年{signed.month}月）",
                    f"the date {found.group()} is after the date of signing ({signed.year}-{signed.month:02d})",
                )
