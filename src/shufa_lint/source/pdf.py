"""PDF with a text layer: paragraphs rebuilt from the visual lines a PDF stores.

pdfminer.six gives each page's text lines with their boxes. A PDF breaks every line at the right edge, so
the lines are joined back into paragraphs (one paragraph per report line, as for .docx):

* a line that stops short of the right edge ends its paragraph (a heading, a paragraph's last line, or a
  break the author made, which the rules should see as in the text); short means that what the next line
  opens with would have fitted: a typesetter moves a number, a Latin word, a character with the
  punctuation that may not start a line, or a bracket that may not end one, to the next line whole;
* an indented line (a first-line indent; a centered line is not indented) opens a paragraph;
* otherwise a full line that does not end a sentence wraps: the next line continues the paragraph;
* and a full line that ends a sentence (。！？；：) continues into the next line unless that line opens
  with a heading number (一、 （二） 3.).

Running headers and footers are dropped: page numbers (``— 3 —``, ``- 3 -``, ``第3页``, ``第 3 页 共 9 页``,
``3/9``) in the top or bottom band of a page, and any line that repeats there on most pages. Characters
are taken one by one, so the gap a typesetter leaves between Chinese and Latin (``共 12 次``) does not
become a space; a space is kept only between two Latin characters.

Every paragraph remembers the page each of its characters stands on (``SourceText.pages``), so findings
carry their page. A PDF whose pages hold no text (a scan) is refused with one line: there is no OCR.

pdfminer decompresses streams in memory and follows object references as the file gives them, so a
hostile file (a decompression bomb, self-referencing object streams) could take unbounded memory or
time: where the system can fork, extraction runs in a child process with a memory and a time limit.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import re
import select
import statistics
import threading
import time
from typing import NamedTuple

from .. import regexes
from ..diagnostics import InputError
from . import PAGE_NUMBER, PASSWORD_PROTECTED, SourceText, from_paragraphs

MAX_PAGES = 3_000
EXTRACTION_SECONDS = 120
EXTRACTION_MEMORY = 1024 * 1024 * 1024  # on top of what the process already holds
# the top and bottom band of a page where running headers, footers and page numbers stand
_MARGIN_BAND = 0.1
_SENTENCE_END = regexes.compile(r"[。！？；：!?;:…][”’」』）)]*$")
_HEADING_START = regexes.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳]")
_LATIN = regexes.compile(r"[A-Za-z0-9]")
# Line breaking (UAX #14, as word processors apply it to Chinese) keeps some characters together, so
# what cannot be split moves to the next line whole when it does not fit: a number or Latin word; a
# character with the punctuation that may not start a line (，。、）》 …) after it, and the brackets that may
# not end one (（《 …) before it; the quotation marks “” ‘’, which stick to both neighbours; a number
# right after closing punctuation; a book title.
_OPENING = "（《「『〈【(["
_CLOSING = "，。、；：？！）》」』〉】,.;:?!)]…%·"
_QUOTES = "“”‘’\"'"
_LATIN_RUN = regexes.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/_:#=&?@~]*")  # numbers, words, addresses
_BOOK_TITLE = regexes.compile(r"《[^》]{1,40}》")
_LONGEST_UNIT = 24


class VisualLine(NamedTuple):
    page: int  # 1-based
    x0: float
    x1: float
    top: float  # distance from the page's top edge to the line's top
    bottom: float
    size: float  # font size (character height)
    text: str


def read_pdf(path: str, data: bytes) -> SourceText:
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF (no %PDF header)", "不是 PDF 文件（没有 %PDF 文件头）")
    outcome = _extract_bounded(data)
    if isinstance(outcome, InputErrorReason):
        raise InputError(path, outcome.reason, outcome.zh)
    pages, boxes = outcome
    if not pages:
        raise InputError(path, "not a readable PDF (no pages: its page tree is empty or broken)", "无法读取的 PDF（没有页面：页面树为空或已损坏）")
    if not any(line.text.strip() for page in pages for line in page):
        raise InputError(
            path,
            "has no text layer (a scanned document?); shufa-lint does not do OCR: lint the original document or an OCR'd copy",
            "没有文字层（扫描件？）；shufa-lint 不做文字识别：请检查原始文档或经 OCR 识别后的副本",
        )
    width = statistics.median(box[0] for box in boxes)
    lines, page_starts = rebuild_paragraphs(drop_running_lines(pages, [box[1] for box in boxes]), width)
    return from_paragraphs(path, lines, "pdf", pages=page_starts)


class InputErrorReason(NamedTuple):
    reason: str
    zh: str | None = None


# -- extraction ------------------------------------------------------------------------------------------


def _extract_bounded(data: bytes):
    """``_extract(data)``, in a forked child with limits where possible; an ``InputErrorReason`` on failure.

    Only a single-threaded process forks (the command line): a thread of a server could hold a lock the
    child would wait for forever. Elsewhere the extraction runs in process, with the page limit only."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return _extract_safely(data)
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the child: limit itself, extract, send the pickled outcome, exit without cleanup
        try:
            os.close(read_end)
            _limit_memory()
            payload = pickle.dumps(_extract_safely(data))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + EXTRACTION_SECONDS
    timed_out = False
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([pipe], [], [], remaining)[0]:
                timed_out = True
                break
            chunk = os.read(pipe.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    if timed_out:
        os.kill(child, 9)
    os.waitpid(child, 0)
    if timed_out:
        return InputErrorReason(f"refused: reading the PDF took over {EXTRACTION_SECONDS} s (a hostile or broken file)")
    if not chunks:
        return InputErrorReason("refused: reading the PDF ran out of memory (a decompression bomb or broken file)")
    return pickle.loads(b"".join(chunks))


def _limit_memory() -> None:
    try:
        import resource

        with open("/proc/self/statm") as statm:
            held = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = held + EXTRACTION_MEMORY
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimits: the time limit still holds


def _extract_safely(data: bytes):
    try:
        return _extract(data)
    except MemoryError:
        return InputErrorReason("refused: reading the PDF ran out of memory (a decompression bomb or broken file)")
    except RecursionError:
        return InputErrorReason("refused: the PDF's objects refer to themselves without end")
    except _Refused as refusal:
        return refusal.args[0]
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        name = type(error).__name__
        if "Password" in name or "Encrypt" in name:
            return InputErrorReason(*PASSWORD_PROTECTED)
        detail = f"{name}: {' '.join(str(error).split())[:200]}"
        return InputErrorReason(f"not a readable PDF ({detail})", f"无法读取的 PDF（{detail}）")


class _Refused(Exception):
    """Extraction stopped on purpose; carries the ``InputErrorReason``."""


def _extract(data: bytes) -> tuple[list[list[VisualLine]], list[tuple[float, float]]]:
    """Each page's visual lines and its (width, height)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar, LTTextBox, LTTextLine
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    # pdfminer logs every oddity of a damaged file as a warning; the one-line refusal says what matters
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(line_margin=0.3, char_margin=4.0))
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[list[VisualLine]] = []
    boxes: list[tuple[float, float]] = []
    for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data)), 1):
        if number > MAX_PAGES:
            raise _Refused(InputErrorReason(f"refused: more than {MAX_PAGES} pages"))
        interpreter.process_page(page)
        layout = device.get_result()
        top_edge = layout.y1
        boxes.append((layout.x1 - layout.x0, layout.y1 - layout.y0))
        lines: list[VisualLine] = []
        for box in layout:
            if not isinstance(box, LTTextBox):
                continue
            for line in box:
                if not isinstance(line, LTTextLine):
                    continue
                chars = [item for item in line if isinstance(item, LTChar)]
                text = _line_text(chars)
                if text.strip():
                    size = statistics.median(char.size for char in chars)
                    lines.append(VisualLine(number, line.x0, line.x1, top_edge - line.y1, top_edge - line.y0, size, text))
        pages.append(_reading_order(lines))
    return pages, boxes


def _line_text(chars) -> str:
    """The characters of one visual line; a space only where two Latin characters stand apart."""
    pieces: list[str] = []
    previous = None
    for char in chars:
        text = char.get_text()
        if text.startswith("(cid:"):
            continue  # a glyph without a Unicode mapping: nothing to read
        if previous is not None and pieces:
            gap = char.x0 - previous.x1
            if gap > 0.2 * char.size and _LATIN.match(pieces[-1][-1:]) and _LATIN.match(text[:1]):
                pieces.append(" ")
        pieces.append(text)
        previous = char
    return "".join(pieces).replace("\u00a0", " ")


def _reading_order(lines: list[VisualLine]) -> list[VisualLine]:
    """Top to bottom; pieces on the same baseline (table cells, a run set apart) as one line."""
    merged: list[VisualLine] = []
    for line in sorted(lines, key=lambda line: (round(line.bottom, 1), line.x0)):
        last = merged[-1] if merged else None
        if last is not None and abs(last.bottom - line.bottom) < 0.5 * min(last.size, line.size):
            text = last.text + (" " if line.x0 - last.x1 > 0.2 * line.size else "") + line.text
            merged[-1] = VisualLine(
                last.page, min(last.x0, line.x0), max(last.x1, line.x1), min(last.top, line.top), last.bottom,
                max(last.size, line.size), text,
            )
        else:
            merged.append(line)
    return merged


# -- layout: headers, footers and paragraphs ---------------------------------------------------------------


def drop_running_lines(pages: list[list[VisualLine]], heights: list[float]) -> list[list[VisualLine]]:
    """The pages without page numbers and without headers or footers repeated on most pages."""

    def in_band(line: VisualLine) -> bool:
        height = heights[line.page - 1] or 1
        return line.top < _MARGIN_BAND * height or line.bottom > (1 - _MARGIN_BAND) * height

    repeated: dict[str, int] = {}
    for page in pages:
        for key in {_running_key(line.text) for line in page if in_band(line)}:
            repeated[key] = repeated.get(key, 0) + 1
    threshold = max(2, (len(pages) + 1) // 2)
    return [
        [
            line
            for line in page
            if not (in_band(line) and (PAGE_NUMBER.fullmatch(line.text) or repeated[_running_key(line.text)] >= threshold))
        ]
        for page in pages
    ]


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def rebuild_paragraphs(
    pages: list[list[VisualLine]], page_width: float
) -> tuple[list[str], tuple[tuple[int, int, int], ...]]:
    """Paragraph texts and where each page starts in them: (1-based line, 1-based column, page)."""
    flow = [line for page in pages for line in page]
    if not flow:
        return [], ()
    left = _mode(round(line.x0) for line in flow)
    em = statistics.median(line.size for line in flow)
    # the right edge of the text: where most long lines end (a few stick out: hanging punctuation, a
    # wide table), and at least the left margin mirrored (short lines alone have no full line to measure)
    ends = sorted(line.x1 for line in flow)
    right = max(ends[int(0.9 * (len(ends) - 1))], page_width - left - em)
    paragraphs: list[str] = []
    page_starts: list[tuple[int, int, int]] = []
    current = ""
    previous: VisualLine | None = None
    for line in flow:
        text = line.text.strip()
        if previous is not None and _continues(previous, line, text, left, right):
            if _LATIN.match(current[-1:]) and _LATIN.match(text[:1]):
                current += " "
        elif previous is not None:
            paragraphs.append(current)
            current = ""
        if previous is None or line.page != previous.page:
            page_starts.append((len(paragraphs) + 1, len(current) + 1, line.page))
        current += text
        previous = line
    paragraphs.append(current)
    return paragraphs, tuple(page_starts)


def _continues(previous: VisualLine, line: VisualLine, text: str, left: float, right: float) -> bool:
    em = previous.size or 1
    ends_sentence = _SENTENCE_END.search(previous.text.rstrip()) is not None
    # a line is full when what the next line opens with would not have fitted in the room left
    room = right - previous.x1
    if room >= max(1.5 * em, (_width(_leading_unit(text)) + 0.5) * em):
        return False  # short of the edge: the paragraph (or the author's line) ends here
    if _indented(line, left, right):
        return False  # a first-line indent opens a paragraph, even after a heading that filled its line
    if not ends_sentence:
        return True  # a full line in mid-sentence wraps
    return not _HEADING_START.match(text)


def _indented(line: VisualLine, left: float, right: float) -> bool:
    """Whether ``line`` starts right of the left edge without being centered (a title's second line,
    set in further than a first-line indent of two characters)."""
    em = line.size or 1
    inset = line.x0 - left
    centered = inset > 2.5 * em and abs(inset - (right - line.x1)) < em
    return inset > 0.8 * em and not centered


def _leading_unit(text: str) -> str:
    """What a line beginning with ``text`` starts with that a line break could not have split."""
    title = _BOOK_TITLE.match(text)
    end = title.end() if title else _unit_end(text, 0)
    while end < min(len(text), _LONGEST_UNIT):
        char = text[end]
        if char in _CLOSING:
            end += 1
        elif char in _QUOTES:
            end = _unit_end(text, end + 1)
        elif text[end - 1] in _CLOSING and _LATIN_RUN.match(text, end):
            end = _unit_end(text, end)
        else:
            break
    return text[:end]


def _unit_end(text: str, start: int) -> int:
    """The end of the unit at ``start``: opening brackets with the character or Latin run they open."""
    while start < len(text) and text[start] in _OPENING:
        start += 1
    latin = _LATIN_RUN.match(text, start)
    return latin.end() if latin else min(start + 1, len(text))


def _width(text: str) -> float:
    """Width in ems: a Chinese character or mark is one, a Latin letter or digit about half."""
    return sum(0.5 if char.isascii() else 1 for char in text)


def _mode(values) -> float:
    counts: dict[float, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda value: (-counts[value], value))
