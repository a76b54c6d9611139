"""SF6xx text integrity: lines broken mid-sentence, and text cut off or cut out."""

from __future__ import annotations

from .. import regexes
from ..diagnostics import Edit, Fix, Message, Severity
from ..document import Document, Tree
from ..document.markers import starts_numbered
from ..document.paragraphs import INDENT, Paragraph, stands_alone
from ..document.text import comparable, ends_sentence
from ..registry import Rule, register


def _line_end(document: Document, line: int) -> tuple[tuple[int, int], tuple[int, int]]:
    text = document.lines[line - 1].rstrip()
    return (line, max(1, len(text))), (line, len(text) + 1)


def jumps(document: Document) -> set[int]:
    """Lines where a heading stops mid-way and the next line goes on with something else.

    A heading the outline knows (三是健全党领导法治建设的工作机制) that breaks off at a line end
    (三是健全党领导法治建设的) and is not completed by the next line marks a passage cut out, not a
    line broken by copy-paste. Shared by SF601 and SF602.
    """
    return document.derived("integrity-jumps", _jumps)


def _jumps(document: Document) -> set[int]:
    alignment = document.alignment
    found: set[int] = set()
    if alignment is None:
        return found
    for heading in document.body.markers:
        item = alignment.outline_match(heading)
        if item is None or heading.line_text == heading.text:
            continue
        expected, written = comparable(item.text), comparable(heading.line_text)
        if not expected.startswith(written) or len(expected) <= len(written):
            continue
        paragraph = document.paragraphs[heading.paragraph]
        start, end = paragraph.line_span(heading.line)
        following = comparable(paragraph.text[end : end + len(expected)])
        remainder = expected[len(written) :]
        # the next line goes on with the heading when it starts with words the heading still had to say
        # (协调监督 → 监督: reworded in the body, broken by copy-paste all the same)
        if following[:2] not in remainder:
            found.add(heading.line)
    return found


# the signing date, or the 版记 line that ends in the date of issue (…办公室  2025年1月21日印发)
_CLOSING_DATE = regexes.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:印发|发布)?$")


def unfinished(document: Document, paragraph: Paragraph, tree: Tree | None = None) -> bool:
    """Whether ``paragraph`` (of ``tree``, the body by default) stops where text was cut: mid-sentence,
    in ……, or (in the body) on a heading."""
    in_outline = tree is not None and tree is not document.body
    tree = tree or document.body
    text = paragraph.text.rstrip()
    if text.endswith("……"):
        return True
    if ends_sentence(text) or _CLOSING_DATE.search(text) or _in_appendix(document, tree, paragraph):
        return False
    if not stands_alone(document.lines[paragraph.last_line - 1]):
        return True
    if in_outline:
        return False  # an outline written one heading a line ends on a heading
    if any(marker.paragraph == paragraph.index and marker.offset == 0 for marker in tree.markers):
        return True  # a report does not end on a numbered heading
    # a short closing line is a signature or a date, unless it is all a heading got
    return paragraph.index > 0 and any(
        marker.paragraph == paragraph.index - 1 and marker.standalone for marker in tree.markers
    )


# Longest start of a marker a line break can cut off from the rest of it: （  （一  一
_MARKER_HEAD = 2


def _numbered_next(document: Document, line: int) -> bool:
    """Whether the line after ``line`` begins with a numbering marker, of any form, or with the head of
    one that the next line completes (（ then 一）…): a join must leave it at the start of its line,
    even where the model did not read it as a heading."""
    following = document.lines[line].strip(INDENT)
    if starts_numbered(following):
        return True
    if len(following) <= _MARKER_HEAD and line + 1 < len(document.lines):
        return starts_numbered(following + document.lines[line + 1].lstrip(INDENT))
    return False


# what may follow the body: 附件 lists, a glossary (有关名词解释), notes (注：); their entries are names
# and definitions, not sentences, and a report may end on one
_APPENDIX = regexes.compile(r"附件|(?:有关)?名词解释|注释|注[：:]|备注|说明[：:]?$")
_LIST_ENTRY = regexes.compile(r"\d{1,2}[.．、]")
# the heading of an attachment printed after the signature (附件1, 附件二): a table or a checklist follows,
# whose rows (立案查处：97起, 4.应急预案修订14件：已完成) are not sentences
_ATTACHMENT_HEADING = regexes.compile(r"附件\s*[0-9０-９一二三四五六七八九十]*[：:]?")


def _in_appendix(document: Document, tree: Tree, paragraph: Paragraph) -> bool:
    """Whether the paragraph opens an appendix block, is an entry of one, or stands in an attachment."""
    key = ("integrity-appendix", "body" if tree is document.body else "outline")
    return paragraph.index in document.derived(key, lambda _document: _appendix_paragraphs(tree))


def _appendix_paragraphs(tree: Tree) -> frozenset[int]:
    """The indexes of a tree's paragraphs in an appendix, in one pass: an opener (附件, 名词解释 …) and the
    list entries right after it, and everything from an attachment's heading on."""
    found = set()
    in_block = in_attachment = False
    for paragraph in tree.paragraphs:
        text = paragraph.text
        in_block = bool(_APPENDIX.match(text)) or (in_block and bool(_LIST_ENTRY.match(text)))
        in_attachment = in_attachment or bool(_ATTACHMENT_HEADING.fullmatch(text.strip()))
        if in_block or in_attachment:
            found.add(paragraph.index)
    return frozenset(found)


@register
class BrokenLine(Rule):
    """A line broken in the middle of a sentence.

    Why: text pasted from PDFs, web pages or chat tools arrives with hard line breaks inside
    sentences; in the submitted document each becomes a new paragraph that starts mid-sentence.

    How: a line that ends without closing punctuation (。！？；：…) and is followed by a line that
    opens no heading. Headings, titles, signatures, dates and table rows stand alone and are not
    flagged. Reported on the line that stops.

    Example::

        二是严格落实年度述法要求。我带头向上级党委
        述职述法，并将……

    Fix: join the two lines (``--fix`` does it).
    """

    code = "SF601"
    name = "broken-line"
    needs_segmentation = True  # a short line that stops inside a word is found with the dictionary

    def check(self, document, context):
        cut = jumps(document)
        for paragraph in document.paragraphs:
            for line in paragraph.joints:
                if line not in cut:
                    yield self._broken(document, line, safe=True)
        for line in _breaks_inside_words(document):
            # read as a line of its own until the words said otherwise: joining is likely, not certain
            yield self._broken(document, line, safe=False)

    def _broken(self, document, line: int, safe: bool):
        start, end = _line_end(document, line)
        fix = None
        unit = document.source.unit
        join = Message(f"与下一{unit.zh}合并", f"join with the next {unit.en}")  # what the fix does
        if document.source.can_join(line) and not _numbered_next(document, line):
            following = document.lines[line]
            next_indent = len(following) - len(following.lstrip(INDENT))
            fix = Fix(
                (Edit(line, len(document.lines[line - 1]) + 1, line + 1, next_indent + 1, ""),), safe=safe, description=join
            )
        return self.report(
            start,
            end,
            f"第 {line} {unit.zh}在句子中间{'断行' if unit.zh == '行' else '分段'}，下一{unit.zh}是同一句的继续",
            f"{unit.en} {line} breaks in the middle of a sentence that goes on in the next {unit.en}",
            suggestions=[(join.zh, f"join it with the next {unit.en}")],
            fix=fix,
        )


def _items_cut_short(document: Document) -> dict[int, set[int]]:
    """Last lines of a numbered item that stops mid-sentence on a line of its own while every sibling
    runs on into a sentence of its text on the same line: （一）强化学习。组织…… / （二）规范执法 /
    （三）化解纠纷。全年…… — each with the paragraphs of its own sub-items, which may follow it.

    Its siblings show how this report writes an item. Before a heading of another item, such an item
    lost its end and its text to a cut (SF602). Before a line, it may be no more than a heading written
    another way.
    """
    found = {}
    for _kind, siblings in document.body.groups():
        if len(siblings) < 3 or any(marker.offset != 0 for marker in siblings):
            continue
        texts = [document.paragraphs[marker.paragraph].text for marker in siblings]
        without_sentence = [index for index, text in enumerate(texts) if not _SENTENCE_END.search(text)]
        if len(without_sentence) == 1:
            item = siblings[without_sentence[0]]
            found[document.paragraphs[item.paragraph].last_line] = {child.paragraph for child in item.children}
    return found


_SENTENCE_END = regexes.compile("[。！？；!?;]")


def _cut_short_before(items_cut_short: dict[int, set[int]], paragraph: Paragraph, following: Paragraph) -> bool:
    """Whether ``paragraph`` is an item cut short and ``following`` is none of its own sub-items."""
    children = items_cut_short.get(paragraph.last_line)
    return children is not None and following.index not in children


def _breaks_inside_words(document: Document) -> list[int]:
    """Lines that read as a line of their own (a short line without closing punctuation: a heading, a
    signature) but stop inside a word the next line finishes: 一是加强党对法 / 治政府建设的领导……

    The title is not asked, nor a line before a heading or a blank line, nor one before another line
    that stands alone (a signature, then its date).
    """
    found = []
    headings = {marker.paragraph for marker in document.markers if marker.offset == 0}
    paragraphs = document.paragraphs
    for paragraph, following in zip(paragraphs[1:], paragraphs[2:]):
        line = paragraph.last_line
        if following.first_line != line + 1 or following.index in headings:
            continue
        text, next_text = document.lines[line - 1].strip(INDENT), document.lines[line].strip(INDENT)
        if not (_HAN_CHARACTER.match(text[-1:]) and _HAN_CHARACTER.match(next_text[:1])):
            continue
        if ends_sentence(text) or not stands_alone(text) or stands_alone(next_text):
            continue
        from ..segment import splits_word  # here: only such a line needs word boundaries

        if splits_word(text, next_text):
            found.append(line)
    return found


_HAN_CHARACTER = regexes.compile("[\u4e00-\u9fff]")


@register
class CutOff(Rule):
    """Text cut off or cut out: an unfinished end, or a heading that breaks off into unrelated text.

    The document, the outline or a paragraph ends mid-sentence or in ``……``; or a heading stops
    mid-way and the next line goes on with something else.

    Why: a truncated download, a copy that stopped short or a passage deleted by mistake loses
    content silently; the report then ends (or skips) mid-thought.

    Example::

        ……重点培训运用法律手段处理邻里纠纷、农地流转、环 ……     ← the document ends here

        三是健全党领导法治建设的
        充分利用新媒体平台……     ← the rest of 三是 and what followed it are gone

    Fix: restore the missing text from the original.
    """

    code = "SF602"
    name = "cut-off"
    severity = Severity.ERROR

    def check(self, document, context):
        unit = document.source.unit
        for line in sorted(jumps(document)):
            start, end = _line_end(document, line)
            yield self.report(
                start,
                end,
                f"第 {line} {unit.zh}的标题在句中中断，下一{unit.zh}转入无关内容：中间的文字疑被删去",
                f"the heading on {unit.en} {line} breaks off and the next {unit.en} goes on with other content: "
                "text seems to have been cut out",
            )
        paragraphs = document.paragraphs
        heading_paragraphs = {marker.paragraph for marker in document.markers if marker.offset == 0}
        items_cut_short = _items_cut_short(document)
        for paragraph, following in zip(paragraphs, paragraphs[1:]):
            if paragraph.text.rstrip().endswith("……"):
                yield self._cut(document, paragraph, "段落以“……”结束，疑有内容被删节", "the paragraph ends in …… ")
            elif (
                following.index in heading_paragraphs
                and not ends_sentence(paragraph.text)
                and (
                    not stands_alone(document.lines[paragraph.last_line - 1])
                    or _cut_short_before(items_cut_short, paragraph, following)
                )
                and not _in_appendix(document, document.body, paragraph)
            ):
                # a sentence cannot run on into a heading: what finished it was cut out
                yield self._cut(
                    document,
                    paragraph,
                    f"段落在句子中间结束，下一{unit.zh}已是标题：中间的文字疑被删去",
                    "the paragraph stops mid-sentence and a heading follows: text seems to have been cut out",
                )
        # the report's text ends before the page it was saved with (【打印本页】 after a cut-off sentence)
        last = next((paragraph for paragraph in reversed(paragraphs) if not document.frames(paragraph)), None)
        if last is not None and unfinished(document, last):
            yield self._cut(document, last, "文档在句子中间结束，后文疑已丢失",
                            "the document ends mid-sentence; the rest seems lost")
        if document.outline and document.outline.embedded and document.outline.tree.paragraphs:
            last = document.outline.tree.paragraphs[-1]
            if unfinished(document, last, document.outline.tree):
                yield self._cut(document, last, "提纲在句子中间结束，后面的提纲条目疑已丢失",
                                "the outline ends mid-sentence; its remaining items seem lost")

    def _cut(self, document, paragraph, zh, en):
        start, end = _line_end(document, paragraph.last_line)
        return self.report(start, end, zh, en)
