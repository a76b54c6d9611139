"""Rich Text Format (.rtf): the text a word processor shows, one paragraph per line, never the markup.

striprtf interprets the control words: ``\\uN`` escapes, ``\\'xx`` bytes in the document's code page
(``\\ansicpg936`` is GBK) or the font's charset, fields by their result (``\\fldrslt``), and drops the
destinations that are not body text (footnotes, headers, pictures, the font and style tables). A table
row becomes one line ``| cell | cell |`` as in .docx. Word and LibreOffice write each automatic list
label a second time as plain text (``{\\listtext 一、\\tab}``) for readers that do not know lists: that
text is the label, kept without its tab.

Some writers put raw GBK bytes in the file instead of ``\\'xx`` escapes; they are escaped first, so the
code page decodes them like the escaped ones.
"""

from __future__ import annotations

from .. import regexes
from ..diagnostics import InputError
from . import SourceText, from_paragraphs, split_lines

_RAW_HIGH_BYTE = regexes.compile(rb"[\x80-\xff]")
_LIST_TEXT = regexes.compile(r"\{\\listtext([^{}]*)\}")
# formatting control words inside a list label; \uN (a character) and \'xx (a byte) are kept
_FORMATTING_WORD = regexes.compile(r"\\(?!u-?\d)(?!')[a-zA-Z]+-?\d* ?")
_ROW = regexes.compile(r"^(.*)\|$")
_PARAGRAPH_WORD = regexes.compile(r"(?<!\\)\\(pard|intbl|par)(?![a-zA-Z])-?\d* ?")


def read_rtf(path: str, data: bytes) -> SourceText:
    if not data.lstrip().startswith(b"{\\rtf"):
        raise InputError(path, "not an RTF document (it does not start with {\\rtf)", "不是 RTF 文档（开头不是 {\\rtf）")
    markup = _RAW_HIGH_BYTE.sub(lambda byte: b"\\'%02x" % byte[0][0], data).decode("ascii", errors="replace")
    markup = _LIST_TEXT.sub(lambda group: "{" + _FORMATTING_WORD.sub("", group[1]).strip() + "}", markup)
    markup = _cell_paragraphs_joined(markup)
    try:
        from striprtf.striprtf import rtf_to_text

        text = rtf_to_text(markup, errors="replace")
    except Exception as error:  # noqa: BLE001 - striprtf raises plain errors on malformed control words
        detail = f"{type(error).__name__}: {' '.join(str(error).split())[:200]}"
        raise InputError(path, f"not a readable .rtf ({detail})", f"无法读取的 .rtf（{detail}）") from None
    return from_paragraphs(path, (_row_or_paragraph(line) for line in split_lines(text)), "rtf")


def _cell_paragraphs_joined(markup: str) -> str:
    """A ``\\par`` inside a table cell (a paragraph marked ``\\intbl``, until ``\\pard`` resets it) becomes a
    space: the cell's paragraphs stay on the row's line."""
    pieces: list[str] = []
    in_table = False
    last = 0
    for word in _PARAGRAPH_WORD.finditer(markup):
        name = word[1]
        if name == "pard":
            in_table = False
        elif name == "intbl":
            in_table = True
        elif name == "par" and in_table:
            pieces.append(markup[last : word.start()] + " ")
            last = word.end()
    pieces.append(markup[last:])
    return "".join(pieces)


def _row_or_paragraph(line: str) -> str:
    """striprtf ends each cell with ``|``: a row reads as ``| a | b |``, a paragraph stays as it is."""
    row = _ROW.match(line)
    if row is None:
        return line
    return "| " + " | ".join(cell.strip() for cell in row[1].split("|")) + " |"
