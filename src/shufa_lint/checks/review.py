"""SF8xx review: what the reviewers of a report (依法治县办 审核, 述法评议会) send it back for, beyond its
form: problems no measure answers, a problems part too thin to be honest, problems too vague to check,
claims of result without a figure, and residue of a web page copied into it.

These are a reader's judgements made mechanical, so they are warnings or notes, never errors; the
configuration key ``review: false`` turns the whole family off for users who want only the headline
checks. Sections come from the document model's parts (``sections.parts``); the words the rules read
are in ``rules/lexicons/review.yaml`` (source: reviewers' published criteria).
"""

import re
from typing import NamedTuple

from .. import regexes
from ..diagnostics import Severity
from ..document import Document
from ..document.markers import Marker
from ..document.text import CJK
from ..lexicon import Lexicon, RuleDataError, compile_pattern
from ..patterns import GuardedPattern
from ..registry import Rule, register
from .integrity import unfinished
from .sections import Part, parts, report_year

WHERE = "rules/lexicons/review.yaml"
# a sentence: up to its end mark, a half-width full stop after Chinese text included (…不够.二是…)
_SENTENCE = regexes.compile(rf"(?:[^。；;！？!?.．]|(?<![{CJK}])[.．])+[。；;！？!?.．]?")
_HAN_WORD = regexes.compile(r"[\u4e00-\u9fff]{2,}")


class ReviewData(NamedTuple):
    achievements: frozenset[str]
    problems: frozenset[str]
    measures: frozenset[str]
    generic_words: frozenset[str]
    stock_phrases: re.Pattern
    fields: re.Pattern
    claims: re.Pattern
    evidence: re.Pattern
    web_residue: GuardedPattern  # tried only where one of its first characters stands


def review_data(lexicon: Lexicon) -> ReviewData:
    table = lexicon.table("review")
    try:
        for pattern in table["web_residue"]:
            compile_pattern(pattern, WHERE)
        return ReviewData(
            achievements=frozenset(table["achievements"]),
            problems=frozenset(table["problems"]),
            measures=frozenset(table["measures"]),
            generic_words=frozenset(table["generic_words"]),
            stock_phrases=compile_pattern(table["stock_phrases"], WHERE),
            fields=compile_pattern(table["fields"], WHERE),
            claims=compile_pattern(table["claims"], WHERE),
            evidence=compile_pattern(table["evidence"], WHERE),
            web_residue=GuardedPattern(compile_pattern("|".join(f"(?:{p})" for p in table["web_residue"]), WHERE)),
        )
    except (KeyError, TypeError) as error:
        raise RuleDataError(f"{WHERE}: missing or malformed entry {error}") from None


def review_data_of(context) -> ReviewData:
    """The review data of a rule's lexicon, compiled once (also the section roles other rules read)."""
    return context.lexicon.derived("review", review_data)


def part_in_role(document: Document, context, keys: frozenset[str]) -> Part | None:
    """The first part whose section plays one of the roles ``keys`` (achievements, problems, measures),
    up to the next heading of its rank: a part runs to the next part the pack knows, and a heading the
    pack does not know (五、整改措施 in a 述职述廉述法 report) begins other text all the same. Found once
    per document for each role: most rules of the family read the same part."""
    pack, year = context.pack, report_year(document, context)
    if pack is None:
        return None
    return document.derived(("part-in-role", pack.name, year, keys), lambda doc: _part_in_role(doc, pack, year, keys))


def _part_in_role(document: Document, pack, year: int | None, keys: frozenset[str]) -> Part | None:
    part = next((part for part in parts(document, pack, year) if part.key in keys), None)
    if part is None or not isinstance(part.heading, Marker):
        return part
    heading = part.heading
    end = next(
        (
            marker.paragraph
            for marker in document.body.roots
            if marker.kind == heading.kind and heading.paragraph < marker.paragraph <= part.paragraphs[-1].index
        ),
        None,
    )
    if end is None:
        return part
    return Part(part.key, heading, tuple(p for p in part.paragraphs if p.index < end))


class Item(NamedTuple):
    """One item of a part: a numbered subheading with its text, or an unnumbered paragraph."""

    paragraph: object  # the Paragraph it starts in
    start: int  # offset of its first character in that paragraph
    text: str
    lead: str  # its heading, or its first sentence

    @property
    def key(self) -> str:
        """The lead as quoted in a message; a cut one says so (…), lest the quote read as the whole item."""
        return self.lead if len(self.lead) <= _KEY_CHARS else self.lead[: _KEY_CHARS - 1] + "…"


_KEY_CHARS = 24


def _items_in_role(document: Document, context, keys: frozenset[str]) -> list[Item]:
    """The items of the part in one of the roles ``keys`` (none without that part), found once per
    document: SF801-SF803 all read the problems part's."""
    part = part_in_role(document, context, keys)
    if part is None:
        return []
    return document.derived(("items-in-role", context.pack.name, report_year(document, context), keys), lambda doc: _items(doc, part))


def _items(document: Document, part: Part) -> list[Item]:
    """The items of a part: its heading's children of the first child's kind (（一）… or 一是…) when it
    has any, else the paragraphs under its heading (items written as bold-lead paragraphs)."""
    heading = part.heading
    children = list(heading.children) if isinstance(heading, Marker) else []
    if not children:
        rows = part.paragraphs[1:]
        # a Markdown table's delimiter row and the header row above it name the columns, not items
        headers = {p.index for p, below in zip(rows, rows[1:]) if _TABLE_DELIMITER.fullmatch(below.text.strip())}
        return [
            Item(p, 0, p.text, _lead(p.text))
            for p in rows
            if _lead(p.text) and p.index not in headers and not _TABLE_DELIMITER.fullmatch(p.text.strip())
        ]
    children = [child for child in children if child.kind == children[0].kind]
    last = part.paragraphs[-1]
    items = []
    for slot, child in enumerate(children):
        following = children[slot + 1] if slot + 1 < len(children) else None
        end_paragraph, end_offset = (following.paragraph, following.offset) if following else (last.index, len(last.text))
        text = "".join(
            p.text[child.offset + len(child.raw) if p.index == child.paragraph else 0 : end_offset if p.index == end_paragraph else len(p.text)]
            for p in part.paragraphs
            if child.paragraph <= p.index <= end_paragraph
        )
        items.append(Item(document.paragraphs[child.paragraph], child.offset, text, child.text or _lead(text)))
    return items


_TABLE_DELIMITER = regexes.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")


def _body_text(part: Part) -> str:
    """What a part says below its heading: the rest of the heading's paragraph, then the paragraphs after it."""
    heading, first = part.heading, part.paragraphs[0]
    run_in = first.text[heading.offset + len(heading.raw) + len(heading.text) :] if isinstance(heading, Marker) else ""
    return run_in + "".join(p.text for p in part.paragraphs[1:])


def _lead(text: str) -> str:
    text = text.strip()
    if text.startswith("|"):  # a table row: its first cell leads
        text = text.strip("|").split("|")[0].strip()
    found = _SENTENCE.match(text)
    return found.group().rstrip("。；;！？!?，,") if found else ""


def _key_words(text: str, generic: frozenset[str]) -> set[str]:
    from .. import segment

    return {
        word
        for word, _offset in segment.words(text)
        if len(word) >= 2 and _HAN_WORD.fullmatch(word) and word not in generic
    }


# from this many measures, one measure fewer than problems is read as one measure answering two
MANY_MEASURES = 3


@register
class ProblemUnanswered(Rule):
    """A problem the report names that no measure answers.

    Why: reviewers read the 整改措施/下一步 part against the 存在问题 part item by item: a problem left
    without a measure says the report does not mean to fix it (“常见坑：问题与打算不对应” in reviewers'
    published criteria; a 2025 镇 report has 3 问题 ↔ 3 整改措施). A problem counts as answered when some
    measure shares a key word with it (words every item uses — 法治, 建设, 加强 … — do not count).
    Only a part with fewer measures than problems is read: with as many, reports pair them in order
    and a match of words would miss measures worded otherwise (measured on published reports and
    realistic drafts). When every problem shares a word with some measure, nothing is said: one
    measure often answers two problems (增配审查人员和执法人员); and a report with three measures or
    more that is one short of its problems is taken to answer two with one.

    Example::

        二、存在问题 （一）学法不够系统 （二）合同审查力量薄弱
        三、整改措施 （一）完善中心组学法计划              ← nothing about 合同审查

    Fix: add a measure for the problem, or fold the problem into one a measure answers.
    """

    code = "SF801"
    name = "problem-unanswered"
    severity = Severity.WARNING
    needs_segmentation = True

    def check(self, document, context):
        data = review_data_of(context)
        problems_part = part_in_role(document, context, data.problems)
        measures_part = part_in_role(document, context, data.measures)
        if problems_part is None or measures_part is None:
            return
        problems, measures = _items_in_role(document, context, data.problems), _items_in_role(document, context, data.measures)
        if len(problems) < 2 or not measures or len(measures) >= len(problems):
            return
        if len(measures) >= MANY_MEASURES and len(problems) - len(measures) < 2:
            return  # four measures for five problems: one of them answers two (a published 2021 report)
        answers = [_key_words(item.text, data.generic_words) for item in measures]
        unanswered = []
        for problem in problems:
            words = _key_words(problem.text, data.generic_words)
            if words and not any(words & answer for answer in answers):
                unanswered.append(problem)
        for problem in unanswered:
            yield self.report_text(
                problem.paragraph,
                problem.start,
                problem.start + min(len(problem.lead), 40) + 1,
                f"问题“{problem.key}”在“{measures_part.heading.text}”中没有对应的整改措施"
                f"（存在问题{len(problems)}条，整改措施{len(measures)}条）",
                f"the problem '{problem.key}' has no measure answering it in '{measures_part.heading.text}'"
                f" ({len(problems)} problems, {len(measures)} measures)",
                suggestions=[("补写针对该问题的整改措施", "add a measure for this problem")],
            )


@register
class ProblemsTooThin(Rule):
    """The problems part is a single sentence, or far shorter than the achievements part.

    Why: “成绩多、问题少”, problems written as disguised praise, is the reviewers' first complaint
    (reviewers' published criteria: outline templates give the problems part about 15% of a report and
    2–3 real problems; the proxy there flags less than about 8% of the achievements part). The floor
    is the option ``min_share``, default 0.05: published annual reports that passed review run at 6–7%,
    so the default flags only what is clearly thin (set 0.08 for the reviewers' stricter reading). A
    draft cut off before its end is not judged.

    Example: 3 000 characters of achievements, then 二、存在问题 with “工作中还存在一些不足。”

    Fix: name the real problems, each with where it lies and what it costs.
    """

    code = "SF802"
    name = "problems-too-thin"
    severity = Severity.WARNING
    defaults = {"min_share": 0.05}

    def check(self, document, context):
        data = review_data_of(context)
        problems = part_in_role(document, context, data.problems)
        achievements = part_in_role(document, context, data.achievements)
        if problems is None or achievements is None or (document.paragraphs and unfinished(document, document.paragraphs[-1])):
            return
        written = _body_text(problems)
        size = len(written.strip())
        achieved = sum(len(p.text) for p in achievements.paragraphs)
        share = size / achieved if achieved else 1.0
        floor = float(context.options["min_share"])
        items = len(_items_in_role(document, context, data.problems))
        if items > 1 and share >= floor:
            return  # (before its sentences are counted: most problems parts have items)
        # 一是…，二是…。 is one sentence naming two problems
        sentences = max(len([s for s in _SENTENCE.findall(written) if s.strip()]), items)
        if sentences > 1 and share >= floor:
            return
        heading = problems.heading
        why_zh = "只有一句话" if sentences <= 1 else f"仅{size}字，约为工作情况部分（{achieved}字）的{share:.0%}，低于{floor:.0%}"
        why_en = "a single sentence" if sentences <= 1 else f"{size} characters, {share:.0%} of the achievements part ({achieved}), below {floor:.0%}"
        yield self.report(
            (heading.line, heading.column),
            (heading.end_line, heading.end_column),
            f"“{heading.text}”部分过于单薄：{why_zh}",
            f"the problems part '{heading.text}' is too thin: {why_en}",
            suggestions=[("写明2～3个具体问题及其表现", "name 2-3 concrete problems and how they show")],
        )


@register
class VagueProblem(Rule):
    """A problem made only of stock phrases: no field, no unit, no figure (“法治意识有待提高”).

    Why: reviewers return problems “表面化、泛泛而谈” (reviewers' published criteria): a problem that names
    no field (执法, 合同审查, 复议应诉 …), no unit and no figure cannot be checked or fixed. The stock
    phrases and field words are in ``rules/lexicons/review.yaml``.

    Example::

        （二）法治意识还不够强，学法用法仍需加强。

    Fix: say where the problem lies and how large it is (which units, how many cases, which field).
    """

    code = "SF803"
    name = "vague-problem"
    severity = Severity.INFO

    def check(self, document, context):
        data = review_data_of(context)
        problems = part_in_role(document, context, data.problems)
        if problems is None:
            return
        for item in _items_in_role(document, context, data.problems):
            text = item.text
            if not data.stock_phrases.search(text) or data.fields.search(text) or data.evidence.search(text):
                continue
            yield self.report_text(
                item.paragraph,
                item.start,
                item.start + min(len(item.lead), 40) + 1,
                f"问题表述空泛：“{item.key}”未写明具体领域、单位或数据",
                f"vague problem '{item.key}': name the field, the units or a figure",
                suggestions=[("写明问题所在领域、单位及具体表现或数据", "say where it lies and how large it is")],
            )


_AIM_VERB = "全面提升"


def _aim(claim: re.Match) -> bool:
    """Whether a claim is an aim, not a result: 全面提升 with its object after it (全面提升依法行政能力)
    states what a measure is for; a result puts the thing first (城市功能全面提升)."""
    following = claim.string[claim.end() : claim.end() + 1]
    return claim.group() == _AIM_VERB and "\u4e00" <= following <= "\u9fff" and following != "了"


@register
class ClaimWithoutFigure(Rule):
    """A claim of result (显著, 大幅, 明显提升, 全面提升 …) with no figure or comparison in the sentence
    or the next.

    Why: “数据不翔实、强评价无证据” is a standing criticism of these reports (reviewers' published criteria;
    dyz lint rules EVD-001~003: a strong evaluation with no number or comparison in the same or the
    adjacent sentence). Only the achievements part and the opening are read: in the problems and plans
    parts the same words state a gap or a goal. An aim is not a claim (全面提升依法行政能力: the
    object follows), and the sentence after a heading is the first of the next paragraph, where the
    figures of a claiming heading (行政执法质效明显提高) stand.

    Example::

        群众法治意识显著增强。                  ← by what measure?

    Fix: give the figure or the comparison (同比, 较上年, 由…提升至…).
    """

    code = "SF804"
    name = "claim-without-figure"
    severity = Severity.INFO

    def check(self, document, context):
        data = review_data_of(context)
        skipped = {
            p.index
            for part in parts(document, context.pack, report_year(document, context))
            if part.key in data.problems | data.measures
            for p in part.paragraphs
        }
        paragraphs = document.paragraphs
        for slot, paragraph in enumerate(paragraphs):
            # (the claims are plain words: a paragraph without one has no sentence with one)
            if paragraph.index in skipped or not data.claims.search(paragraph.text):
                continue
            sentences = list(_SENTENCE.finditer(paragraph.text))
            # the sentence after a paragraph's last is the next paragraph's first: a heading that
            # claims (行政执法质效明显提高) is followed by the figures that support it
            following = _SENTENCE.match(paragraphs[slot + 1].text.strip()) if slot + 1 < len(paragraphs) else None
            for position, sentence in enumerate(sentences):
                claim = next((found for found in data.claims.finditer(sentence.group()) if not _aim(found)), None)
                if claim is None:
                    continue
                after = sentences[position + 1] if position + 1 < len(sentences) else following
                nearby = sentence.group() + (after.group() if after else "")
                if data.evidence.search(nearby):
                    continue
                start = sentence.start() + claim.start()
                yield self.report_text(
                    paragraph,
                    start,
                    start + len(claim.group()),
                    f"“{claim.group()}”缺少数据或对比支撑（本句及下句均无数字、同比等）",
                    f"'{claim.group()}' has no figure or comparison in this sentence or the next",
                    suggestions=[("补充具体数据或同比、较上年等对比", "give a figure or a comparison")],
                )


@register
class WebResidue(Rule):
    """Residue of a web page copied with the text: （来源：…）, 阅读次数, 打印本页, 关闭窗口, 【我要纠错】,
    责任编辑, 分享到, （略）, 仅展示部分内容 …

    Why: a report put together from pages of other authorities (“照搬照抄、套模板”, a standing criticism
    of reviewers) carries their chrome; a reviewer reads it as copied and unfinished. GB/T 9704-2012 gives a
    document none of these elements.

    Example::

        （来源：某县司法局）  阅读次数：1024  【打印本页】【关闭窗口】

    The page around a published report saved whole (lines before the title, the metadata lines such
    as 来源：… 发布时间：… and the button lines such as 【打印本页】 【关闭窗口】 that open or close the body,
    the footer's 主办单位：…, 网站标识码…, ICP备案号, what follows the signing date) is the page, not
    residue in the report's text: it is reported as a note (info) only. The same lines between paragraphs of the report were pasted into it: a warning.

    Fix: delete it; where it stands for omitted text (（略）, 仅展示部分内容), write the text.
    """

    code = "SF805"
    name = "web-residue"
    severity = Severity.WARNING

    def check(self, document, context):
        for paragraph, found in document.matches(review_data_of(context).web_residue):
            residue = found.group().strip()
            frame = document.frames(paragraph)
            if frame:  # the page the report was saved with: a note
                zh = f"网页元素“{residue}”：本文件是保存下来的网页，报送前删去正文以外的网页内容"
                en = f"web page element '{residue}': the file is a saved web page; keep only the report's text"
            else:
                zh, en = f"网页残留“{residue}”：复制网页时带入，应删除", f"web page residue '{residue}': delete it"
            finding = self.report_text(paragraph, found.start(), max(found.end(), found.start() + 1), zh, en)
            yield finding._replace(severity=Severity.INFO) if frame else finding
