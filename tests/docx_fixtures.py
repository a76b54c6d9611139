"""Build .docx fixtures in code: python-docx for the document, raw numbering XML for Word's lists.

``REPORT_LIST`` is the multilevel list a Chinese government template uses for its headings
(一、 → （一） → 1. → （1）), so tests can write a heading's text without its number and let Word's
numbering supply it, as real drafts do.
"""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}"'


def level_xml(ilvl: int, number_format: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


REPORT_LIST = [
    level_xml(0, "chineseCounting", "%1、"),
    level_xml(1, "chineseCounting", "（%2）"),
    level_xml(2, "decimal", "%3."),
    level_xml(3, "decimal", "（%4）"),
]


class DocxBuilder:
    """A document with a clean numbering part: ``define_list`` adds lists, ``add`` adds paragraphs."""

    def __init__(self):
        self.document = docx.Document()
        self.numbering = self.document.part.part_related_by(RT.NUMBERING).element
        for child in list(self.numbering):
            self.numbering.remove(child)
        self._abstracts = 0

    def define_list(self, levels: list[str], num_id: int, overrides: str = "", abstract_id: int | None = None) -> int:
        """Add an abstract list with ``levels`` (or reuse ``abstract_id``) and a w:num ``num_id`` for it."""
        if abstract_id is None:
            abstract_id = self._abstracts
            self._abstracts += 1
            abstract = parse_xml(
                f'<w:abstractNum {NS} w:abstractNumId="{abstract_id}">'
                f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
            )
            # abstractNum elements precede num elements in numbering.xml
            nums = self.numbering.findall(f"{{{W_NS}}}num")
            if nums:
                nums[0].addprevious(abstract)
            else:
                self.numbering.append(abstract)
        self.numbering.append(
            parse_xml(f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>')
        )
        return abstract_id

    def add(self, text: str = "", level: int | None = None, num_id: int = 1, style: str | None = None):
        paragraph = self.document.add_paragraph(text, style=style)
        if level is not None:
            properties = paragraph._p.get_or_add_pPr()
            properties.append(
                parse_xml(f'<w:numPr {NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
            )
        return paragraph

    def add_xml(self, paragraph_xml: str):
        """Append a raw ``w:p`` (inner XML given) to the body, before the section properties."""
        element = parse_xml(f"<w:p {NS}>{paragraph_xml}</w:p>")
        self.document.element.body.sectPr.addprevious(element)
        return element

    def to_bytes(self) -> bytes:
        stream = io.BytesIO()
        self.document.save(stream)
        return stream.getvalue()


def report_builder() -> DocxBuilder:
    builder = DocxBuilder()
    builder.define_list(REPORT_LIST, num_id=1)
    return builder
