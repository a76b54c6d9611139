"""``--format docx -o OUT``: a reviewed copy of each input with its findings as Word comments (批注).

Every finding at warning level or above becomes a comment by "shufa-lint" anchored on its span, with the
message and the suggestions as its text. The text itself is not changed: a run is split where a span
starts or ends (both halves keep its formatting), and the copy is read back and compared with the input
before it is kept. A .docx keeps its own formatting; any other input becomes a plain .docx of its lines.
One input writes the file OUT (or into OUT when it is a folder); several write one copy each into the
folder OUT.
"""

from __future__ import annotations

import copy
import io
import os

from ..diagnostics import Diagnostic, InputError, Message, Severity, os_reason
from ..source.docx import line_elements, read_docx, run_piece, text_runs
from ..source.numbering import w
from . import XML_ILLEGAL, FileReport

COMMENT_AUTHOR = "shufa-lint"
COMMENT_INITIALS = "SL"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def write_reviewed(files: list[FileReport], out: str, lang: str) -> list[str]:
    """Write a reviewed copy of each linted file; return one line per file that could not be written."""
    linted = [report for report in files if report.source is not None and not report.error]
    # -o reviewed/ names a folder even for one file, before it exists (as README's example writes it)
    into_folder = len(files) > 1 or os.path.isdir(out) or out.endswith(("/", os.sep))
    problems: list[str] = []
    if into_folder:
        try:
            os.makedirs(out, exist_ok=True)
        except OSError as error:
            reason = os_reason(error)
            return [f"{out}: " + Message(f"无法创建文件夹：{reason.zh}", f"cannot create the folder: {reason.en}").get(lang)]
    taken: set[str] = set()
    inputs = [report.path for report in files if report.path != "-" and os.path.exists(report.path)]
    for report in linted:
        target = _target(report.path, out, taken) if into_folder else out
        if os.path.exists(target) and any(os.path.samefile(target, path) for path in inputs):
            problems.append(
                f"{target}: "
                + Message("是要检查的文件之一，未写入批注副本", "is one of the inputs; its reviewed copy was not written").get(lang)
            )
            continue
        try:
            data = reviewed_copy(report, lang)
            with open(target, "wb") as handle:
                handle.write(data)
        except InputError as error:
            problems.append(error.message.get(lang))
        except OSError as error:
            reason = os_reason(error)
            problems.append(f"{target}: " + Message(f"无法写入：{reason.zh}", f"cannot write: {reason.en}").get(lang))
    return problems


def _target(path: str, folder: str, taken: set[str]) -> str:
    stem = os.path.splitext(os.path.basename(path))[0] if path != "-" else "stdin"
    name, number = f"{stem}.docx", 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}.docx"
    taken.add(name)
    return os.path.join(folder, name)


def reviewed_copy(report: FileReport, lang: str) -> bytes:
    """The .docx bytes of ``report``'s input with its findings (warning and above) as comments."""
    import docx

    source = report.source
    if source.kind == "docx":
        try:
            with open(source.path, "rb") as handle:
                original = handle.read()
        except OSError as error:
            raise InputError(source.path, f"cannot read again for the reviewed copy: {error.strerror or error}") from None
        if read_docx(source.path, original).lines != source.lines:
            raise InputError(source.path, "changed since it was linted; no reviewed copy written")
        document = docx.Document(io.BytesIO(original))
        expected = source.lines
        placed = report.diagnostics  # Word keeps the numbering: the paragraphs' runs hold the text alone
    else:
        document = docx.Document()
        for line in report.file_lines:
            document.add_paragraph(XML_ILLEGAL.sub("\ufffd", line))  # a plain-text draft's controls: U+FFFD
        expected = tuple(XML_ILLEGAL.sub("\ufffd", line) for line in report.file_lines)
        # the copy writes a .doc's or .odt's numbering labels as text: the findings move past them
        placed = [report.as_shown(diagnostic) for diagnostic in report.diagnostics]
    elements = [element for element, _ in line_elements(document.element.body)]
    for diagnostic in placed:
        if diagnostic.severity >= Severity.WARNING and elements:
            _comment(document, elements, diagnostic, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if read_docx(source.path, data).lines != expected:
        raise InputError(source.path, "adding comments would change the text; no reviewed copy written")
    return data


def _comment(document, elements: list, diagnostic: Diagnostic, lang: str) -> None:
    from docx.text.run import Run

    first_line = min(diagnostic.line, len(elements))
    last_line = min(max(diagnostic.end_line, first_line), len(elements))
    start = diagnostic.column - 1 if diagnostic.line <= len(elements) else None
    end = diagnostic.end_column - 1 if diagnostic.end_line == last_line else None
    if last_line > first_line and end == 0:  # the span ends where a line starts: it ends with the line before
        last_line, end = last_line - 1, None
    first_run = _boundary_run(elements[first_line - 1], start, at_start=True)
    if last_line == first_line and start is not None and end is not None and end <= start:
        end = start + 1  # a finding at a place, not on text: anchor it on the character there
    last_run = _boundary_run(elements[last_line - 1], end, at_start=False)
    if first_run is None or last_run is None:
        return
    text = diagnostic.message.get(lang)
    comment = document.add_comment([Run(first_run, document), Run(last_run, document)], text=text,
                                   author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
    prefix = "Suggestion: " if lang == "en" else "建议："
    for suggestion in diagnostic.suggestions:
        comment.add_paragraph(prefix + suggestion.get(lang))


def _boundary_run(element, offset: int | None, at_start: bool):
    """The run that starts (``at_start``) or ends at ``offset`` of the line's text, splitting one if
    needed; None for the whole line (its first or last run). A line with no run gets an empty one."""
    if element.tag == w("tr"):  # a table row: the comment covers the row
        runs, offset = [run for paragraph in element.iter(w("p")) for run in text_runs(paragraph)], None
    else:
        runs = text_runs(element)
    runs = [(run, text) for run, text in runs if text]
    if not runs:
        paragraph = element if element.tag == w("p") else next(element.iter(w("p")), None)
        if paragraph is None:
            return None
        run = paragraph.makeelement(w("r"), {})
        paragraph.append(run)
        return run
    if offset is None:
        return runs[0][0] if at_start else runs[-1][0]
    length = sum(len(text) for _, text in runs)
    offset = max(0, min(offset, length))
    if at_start and offset == length:
        offset = length - 1
    if not at_start and offset == 0:
        offset = 1
    position = 0
    for run, text in runs:
        end = position + len(text)
        if at_start and position <= offset < end:
            return run if offset == position else _split_run(run, offset - position)
        if not at_start and position < offset <= end:
            if offset == end:
                return run
            _split_run(run, offset - position)
            return run
        position = end
    return runs[-1][0]


def _split_run(run, at: int):
    """Split ``run`` after ``at`` characters of its text; both halves keep its properties. Returns the
    second half."""
    twin = copy.deepcopy(run)
    _keep(run, 0, at)
    _keep(twin, at, None)
    run.addnext(twin)
    return twin


def _keep(run, start: int, stop: int | None) -> None:
    """Keep only the part of ``run`` from character ``start`` to ``stop`` (None: the end)."""
    position = 0
    for child in list(run):
        if child.tag == w("rPr"):
            continue
        piece = run_piece(child)
        begin, end = position, position + len(piece)
        position = end
        if not piece:
            inside = begin >= start and (stop is None or begin < stop)
        elif begin < start < end or (stop is not None and begin < stop < end):  # only a w:t is that long
            cut_from, cut_to = max(start, begin) - begin, (min(stop, end) if stop is not None else end) - begin
            child.text = piece[cut_from:cut_to]
            child.set(_XML_SPACE, "preserve")
            continue
        else:
            inside = begin >= start and (stop is None or end <= stop)
        if not inside:
            run.remove(child)
