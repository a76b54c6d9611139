"""OpenDocument text (.odt): the body of content.xml, one paragraph or heading per line.

Lists get their labels back from the list style's number format (``style:num-format`` ``一, 二, 三, ...``
with its prefix and suffix, or LibreOffice's ``loext:num-list-format`` ``%1%、``), counted per list and
continued where a list says ``text:continue-list``/``text:continue-numbering``; ``text:start-value``
restarts a level. A table row is one line ``| cell | cell |`` as in .docx. Footnotes, annotations,
tracked deletions, frames (images, text boxes) and hidden text are not body text.

The archive passes the same checks as a .docx first (declared sizes, no DTD), and lxml parses without
entities or network access.
"""

from __future__ import annotations

from .. import regexes
from ..diagnostics import InputError
from . import PASSWORD_PROTECTED, LineOrigin, SourceText, from_paragraphs
from .docx import checked_archive
from .numbering import LEVELS, format_number

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


# style:num-format values (ODF 19.500, plus LibreOffice's CJK names) as ST_NumberFormat names
_NUMBER_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
    "一, 二, 三, ...": "chineseCounting",
    "壹, 贰, 叁, ...": "chineseLegalSimplified",
    "一, 十, 一百(简), ...": "chineseCountingThousand",
    "①, ②, ③, ...": "decimalEnclosedCircle",
    "甲, 乙, 丙, ...": "ideographTraditional",
    "子, 丑, 寅, ...": "ideographZodiac",
    "１, ２, ３, ...": "decimalFullWidth",
    "": "none",
}
_LIST_FORMAT_PLACEHOLDER = regexes.compile(r"%([1-9])%")
_SKIPPED = {
    _q("text:note"),  # footnotes and endnotes: marked in the text by a citation, kept out
    _q("office:annotation"),
    _q("office:annotation-end"),
    _q("text:tracked-changes"),  # deleted text lives here
    _q("text:sequence-decls"),
    _q("text:soft-page-break"),
    _q("text:bookmark-ref"),
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}custom-shape",
    _q("text:hidden-text"),
    _q("text:hidden-paragraph"),
}


def read_odt(path: str, data: bytes) -> SourceText:
    archive = checked_archive(path, data, ".odt")
    names = set(archive.namelist())
    if "content.xml" not in names:
        raise InputError(path, "not a valid .odt (no content.xml)", "不是有效的 .odt（缺少 content.xml）")
    if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
        raise InputError(path, *PASSWORD_PROTECTED)
    try:
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        content = etree.fromstring(archive.read("content.xml"), parser)
        styles = etree.fromstring(archive.read("styles.xml"), parser) if "styles.xml" in names else None
    except Exception as error:  # noqa: BLE001 - lxml and zipfile errors on a damaged file
        detail = f"{type(error).__name__}: {' '.join(str(error).split())[:200]}"
        raise InputError(path, f"not a readable .odt ({detail})", f"无法读取的 .odt（{detail}）") from None
    body = content.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise InputError(path, "not a text document (.odt without office:text)", "不是文字文档（.odt 中没有 office:text）")
    reader = _Reader(_list_styles(content, styles))
    reader.blocks(body, depth=0, chain=None)
    return from_paragraphs(path, reader.lines, "odt", reader.origins)


class _LevelStyle:
    def __init__(self, element):
        self.numbered = element.tag == _q("text:list-level-style-number")
        self.number_format = _NUMBER_FORMATS.get(element.get(_q("style:num-format"), "1"), "decimal")
        self.prefix = element.get(_q("style:num-prefix"), "")
        self.suffix = element.get(_q("style:num-suffix"), "")
        self.template = element.get(_q("loext:num-list-format"))
        self.display_levels = _int(element.get(_q("text:display-levels")), 1)
        self.start = _int(element.get(_q("text:start-value")), 1)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _list_styles(*roots) -> dict[str, dict[int, _LevelStyle]]:
    styles: dict[str, dict[int, _LevelStyle]] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(_q("text:list-style")):
            levels = {}
            for level in style:
                index = _int(level.get(_q("text:level")), 0) - 1
                if 0 <= index < LEVELS:
                    levels[index] = _LevelStyle(level)
            styles[style.get(_q("style:name"), "")] = levels
    return styles


class _Chain:
    """The counters of one list and the lists that continue it."""

    def __init__(self, style: dict[int, _LevelStyle]):
        self.style = style
        self.counters: list[int | None] = [None] * LEVELS

    def label(self, level: int, start_value: int | None) -> str:
        shape = self.style.get(level)
        if shape is None or not shape.numbered:
            return ""  # bullets are decoration, not numbering
        current = self.counters[level]
        self.counters[level] = start_value if start_value is not None else (shape.start if current is None else current + 1)
        for deeper in range(level + 1, LEVELS):
            self.counters[deeper] = None

        def number(index: int) -> str:
            value = self.counters[index]
            referenced = self.style.get(index)
            if value is None:
                value = referenced.start if referenced else 1
            return format_number(value, referenced.number_format if referenced else "decimal")

        if shape.template is not None:
            return _LIST_FORMAT_PLACEHOLDER.sub(lambda match: number(int(match.group(1)) - 1), shape.template)
        shown = range(max(0, level - shape.display_levels + 1), level + 1)
        return shape.prefix + ".".join(number(index) for index in shown) + shape.suffix


class _Reader:
    def __init__(self, list_styles: dict[str, dict[int, _LevelStyle]]):
        self.list_styles = list_styles
        self.chains: dict[str, _Chain] = {}  # by list xml:id
        self.last_chain_of_style: dict[str, _Chain] = {}
        self.lines: list[str] = []
        self.origins: list[LineOrigin] = []

    def add(self, label: str, text: str) -> None:
        self.lines.append(label + text)
        self.origins.append(LineOrigin.of_paragraph(len(self.lines), label, text))

    def blocks(self, container, depth: int, chain: _Chain | None) -> None:
        for child in container:
            tag = child.tag
            if tag in (_q("text:p"), _q("text:h")):
                self.add(_number_text(child), _text(child))
            elif tag == _q("text:list"):
                self.list(child, depth, chain)
            elif tag == _q("table:table"):
                for row in child.iter(_q("table:table-row")):
                    cells = [" ".join(filter(None, _cell_paragraphs(cell))) for cell in row.iter(_q("table:table-cell"))]
                    self.add("", "| " + " | ".join(cells) + " |")
            elif tag in (_q("text:section"), _q("text:index-body"), _q("text:table-of-content")):
                self.blocks(child, depth, chain)

    def list(self, element, depth: int, chain: _Chain | None) -> None:
        if depth == 0:
            style_name = element.get(_q("text:style-name"), "")
            continued = element.get(_q("text:continue-list"))
            if continued in self.chains:
                chain = self.chains[continued]
            elif (continued or element.get(_q("text:continue-numbering")) == "true") and style_name in self.last_chain_of_style:
                # continuing a list this file does not hold (LibreOffice writes such ids): the style's last list
                chain = self.last_chain_of_style[style_name]
            else:
                chain = _Chain(self.list_styles.get(style_name, {}))
            self.last_chain_of_style[style_name] = chain
            list_id = element.get(_q("xml:id"))
            if list_id:
                self.chains[list_id] = chain
        for item in element:
            if item.tag not in (_q("text:list-item"), _q("text:list-header")):
                continue
            start = item.get(_q("text:start-value"))
            first = True
            for child in item:
                if child.tag in (_q("text:p"), _q("text:h")):
                    label = _number_text(child)
                    if first and item.tag == _q("text:list-item") and chain is not None and not label:
                        label = chain.label(min(depth, LEVELS - 1), _int(start, 0) if start else None)
                    self.add(label, _text(child))
                    first = False
                elif child.tag == _q("text:list"):
                    self.list(child, depth + 1, chain)
                else:
                    self.blocks([child], depth, chain)


def _number_text(paragraph) -> str:
    """The label an exported heading carries in ``text:number``, if any."""
    number = paragraph.find(_q("text:number"))
    return (number.text or "") if number is not None else ""


def _cell_paragraphs(cell):
    for child in cell.iter(_q("text:p"), _q("text:h")):
        yield _text(child)


def _text(paragraph) -> str:
    pieces: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED or tag == _q("text:number"):
                pass
            elif tag == _q("text:s"):
                pieces.append(" " * min(_int(child.get(_q("text:c")), 1), 100))
            elif tag == _q("text:tab"):
                pieces.append("\t")
            elif tag == _q("text:line-break"):
                pieces.append(" ")
            else:
                pieces.append(child.text or "")
                walk(child)
            pieces.append(child.tail or "")

    pieces.append(paragraph.text or "")
    walk(paragraph)
    return "".join(pieces).replace("\r", " ").replace("\n", " ")
