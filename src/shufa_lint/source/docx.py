"""Word documents (.docx): the body as Word shows it, one paragraph per line.

What counts as body text: body paragraphs and table rows in document order (a row is one line,
``| cell | cell |``, like a Markdown table), with Word's automatic numbering labels put back in front
(``numbering``), tracked insertions kept and tracked deletions dropped. Headers, footers, footnotes,
comments, field codes, hidden text and text boxes are not body text.

A .docx is a zip of XML, so it is checked before python-docx opens it: the sizes the zip's central
directory declares (a zip bomb declares gigabytes), and any DTD (Office XML never has one; a DTD is how
entity-expansion attacks start). zipfile never inflates a member beyond its declared size, so the
declared sizes are a sound bound.
"""

from __future__ import annotations

import io
import zipfile

from ..diagnostics import InputError
from . import LineOrigin, SourceText, from_paragraphs
from .numbering import MAX_LABEL_CHARS, ListCounter, NumberingBomb, w

MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
MAX_XML_PART_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_TEXT_CHARS = 20 * 1024 * 1024
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# Subtrees that are not displayed body text.
_SKIPPED = {
    w("del"),  # tracked deletion
    w("moveFrom"),  # the old place of a tracked move
    w("pPr"),
    w("rPr"),
    w("instrText"),  # field codes: the field's result runs are kept
    w("delText"),
    w("delInstrText"),
    w("txbxContent"),  # text boxes float outside the text flow
    w("footnoteReference"),
    w("endnoteReference"),
    f"{{{_MC}}}Fallback",  # the older rendering of the same content as mc:Choice
}
_TEXT = {w("t"): None, w("tab"): "\t", w("br"): " ", w("cr"): " ", w("noBreakHyphen"): "-"}


def read_docx(path: str, data: bytes) -> SourceText:
    checked_archive(path, data)
    try:
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        document = docx.Document(io.BytesIO(data))
        part = document.part
        numbering = _related_element(part, RT.NUMBERING)
        styles = _related_element(part, RT.STYLES)
        lines, origins = _body_lines(path, document.element.body, ListCounter(numbering, styles))
    except InputError:
        raise
    except NumberingBomb as error:
        raise InputError(path, f"refused: {error} (limit {MAX_LABEL_CHARS}); not a real document's numbering") from None
    except Exception as error:  # noqa: BLE001 - python-docx and lxml raise many kinds on a damaged file
        detail = f"{type(error).__name__}: {_one_line(error)}"
        raise InputError(path, f"not a readable .docx ({detail})", f"不是可读取的 .docx（{detail}）") from None
    return from_paragraphs(path, lines, "docx", origins)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200]


def checked_archive(path: str, data: bytes, kind: str = ".docx") -> zipfile.ZipFile:
    """The zip archive of an Office document (.docx, .odt), refused before anything is parsed if it
    declares too much (a zip bomb) or an XML part declares a DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise InputError(
            path, f"not a valid {kind} (the file is not a complete zip archive)", f"不是有效的 {kind}（不是完整的 zip 压缩包）"
        ) from None
    _check_members(path, archive, kind)
    return archive


def _check_members(path: str, archive: zipfile.ZipFile, kind: str) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"refused: {len(members)} parts in the {kind} (limit {MAX_MEMBERS})")
    declared = sum(member.file_size for member in members)
    if declared > MAX_UNCOMPRESSED_BYTES:
        raise InputError(
            path,
            f"refused: unpacks to {declared / 1024 / 1024:.0f} MB (limit {MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB); "
            "a zip bomb or not a real document",
        )
    for member in members:
        if not member.filename.endswith((".xml", ".rels")):
            continue
        if member.file_size > MAX_XML_PART_BYTES:
            raise InputError(path, f"refused: {member.filename} is {member.file_size / 1024 / 1024:.0f} MB of XML")
        try:
            content = archive.read(member)
        except Exception as error:  # noqa: BLE001 - zipfile/zlib errors on damaged or encrypted members
            raise InputError(path, f"not a valid {kind} ({member.filename}: {_one_line(error)})") from None
        if any(mark in content for mark in _DTD_MARKS):
            raise InputError(path, f"refused: {member.filename} declares a DTD or entities, which office suites never write")


def _related_element(part, relationship: str):
    try:
        return part.part_related_by(relationship).element
    except KeyError:
        return None


def _body_lines(path: str, body, counter: ListCounter) -> tuple[list[str], list[LineOrigin]]:
    """The body's lines and their origins; refused as soon as the text grows past ``MAX_TEXT_CHARS``
    (labels repeat their list's text on every paragraph, so a small file can spell out gigabytes)."""
    lines: list[str] = []
    origins: list[LineOrigin] = []
    total = 0

    def add(line: str, origin: LineOrigin) -> None:
        nonlocal total
        total += len(line)
        if total > MAX_TEXT_CHARS:
            raise InputError(path, f"more than {MAX_TEXT_CHARS // 1024 // 1024} M characters of text; not linted")
        lines.append(line)
        origins.append(origin)

    for number, (element, text) in enumerate(line_elements(body), 1):
        if text is None:
            add(_row_text(element, counter), LineOrigin(number))
            continue
        label = counter.label(element)
        add(label + text, LineOrigin.of_paragraph(number, label, text))
    return lines, origins


def line_elements(body):
    """(element, text) for each line of the body, in order: a paragraph (w:p) with its text, or a table
    row (w:tr) with None. Line N of a .docx's findings is the Nth of these."""
    for block in _blocks(body):
        if block.tag == w("tbl"):
            for row in _rows(block):
                yield row, None
            continue
        text = _paragraph_text(block)
        if not text.strip() and _mark_removed(block):
            continue  # a paragraph deleted or moved away with tracked changes: gone, number and all
        yield block, text


def text_runs(paragraph) -> list[tuple[object, str]]:
    """The runs (w:r) of a paragraph that make its text, in order, with the text each contributes: what a
    writer splits to anchor something on a span of the text."""
    found = []
    for run in paragraph.iter(w("r")):
        parent, shown = run.getparent(), True
        while parent is not None and parent is not paragraph:
            if parent.tag in _SKIPPED or parent.tag == w("r"):  # deleted, or inside a drawing's text box
                shown = False
                break
            parent = parent.getparent()
        if shown and not _hidden(run):
            found.append((run, "".join(run_piece(child) for child in run)))
    return found


def run_piece(element) -> str:
    """The text one child of a run adds to the paragraph (a w:t its text, a tab \\t, a page break nothing)."""
    if element.tag not in _TEXT:
        return ""
    if element.tag == w("br") and element.get(w("type")) in ("page", "column"):
        return ""
    piece = _TEXT[element.tag]
    return (element.text or "") if piece is None else piece


def _blocks(container):
    """Paragraphs and tables of a body or cell, in order, looking inside content controls."""
    for child in container:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag in (w("sdt"), w("customXml"), w("ins"), w("moveTo")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from _blocks(content)


def _rows(table):
    return _blocks_of(table, w("tr"))


def _blocks_of(container, tag: str):
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from _blocks_of(content, tag)


def _row_text(row, counter: ListCounter) -> str:
    cells = []
    for cell in _blocks_of(row, w("tc")):
        parts = []
        for block in _blocks(cell):
            if block.tag == w("tbl"):
                parts.extend(_row_text(inner, counter) for inner in _rows(block))
            else:
                parts.append(counter.label(block) + _paragraph_text(block))
        cells.append(" ".join(part for part in parts if part))
    return "| " + " | ".join(cells) + " |"


def _paragraph_text(paragraph) -> str:
    pieces: list[str] = []
    stack = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue  # comments and processing instructions have callable tags
        if tag == w("r") and _hidden(element):
            continue
        if tag in _TEXT:
            pieces.append(run_piece(element))
            continue
        stack.extend(reversed(element))
    # one paragraph is one line, whatever a hand-made w:t holds
    return "".join(pieces).replace("\r", " ").replace("\n", " ")


def _mark_removed(paragraph) -> bool:
    """Whether the paragraph mark itself is a tracked deletion or the source of a tracked move."""
    properties = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    return properties is not None and (
        properties.find(w("del")) is not None or properties.find(w("moveFrom")) is not None
    )


def _hidden(run) -> bool:
    vanish = run.find(f"{w('rPr')}/{w('vanish')}")
    return vanish is not None and vanish.get(w("val")) not in ("0", "false", "off")
