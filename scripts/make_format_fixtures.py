"""Rebuild the committed fixtures in tests/fixtures/formats/ (needs LibreOffice: ``soffice`` on PATH).

The seed draft and a long report are written as .docx with python-docx (A4, 16 pt body with a
two-character first-line indent, a page-number footer ``— N —`` as government documents print it), then
LibreOffice converts them headless to .doc, .odt, .rtf and .pdf. ``seed.docx`` types its numbers as most
drafts do; ``seed_numbered`` numbers its headings with Word's automatic list (as
``tests/test_source_equivalence.py`` builds it), so the .odt and .doc readers must put the labels back.
``features`` holds a table (a cell of two paragraphs) and a hyperlink field.

There is no WPS Office for Linux to write a .wps, and LibreOffice cannot save one. WPS Office's .wps is
the Word 97 binary layout (an OLE compound file whose WordDocument stream has the same FIB and piece
table) with WPS's own additions in extra streams that a Word reader ignores; LibreOffice's developers
describe it so ("Kingsoft WPS format is using the MS binary (DOC) format as the base and then they have
their additional extensions"), and that is how LibreOffice opens it. So ``seed.wps`` is the LibreOffice
.doc stored under the .wps name: it takes the reader path a real WPS file takes, without WPS's extra
streams, which the reader does not read anyway. Microsoft Works files also end in .wps but are a
different format (no WordDocument stream); the reader names them.

Usage: python scripts/make_format_fixtures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "formats"
sys.path.insert(0, str(ROOT / "tests"))

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PAGE_FIELD = (
    f'<w:p {W_NS}><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>'
)


def styled(document: docx.Document) -> docx.Document:
    """A4 with 公文 margins, 16 pt body, first-line indent of two characters, page number in the footer."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "Noto Serif CJK SC"
    normal.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "Noto Serif CJK SC"
    )
    normal.paragraph_format.first_line_indent = Pt(32)
    normal.paragraph_format.space_after = Pt(0)
    footer = section.footer
    footer.paragraphs[0]._p.addnext(parse_xml(PAGE_FIELD))
    footer._element.remove(footer.paragraphs[0]._p)
    return document


def text_docx(lines: list[str], title_centered: bool) -> docx.Document:
    document = styled(docx.Document())
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph(line)
        if title_centered and index == 0:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.first_line_indent = Pt(0)
    return document


FIELD_PARAGRAPH = (
    f'<w:p {W_NS}><w:r><w:t>详见</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://sfj.example.gov.cn/" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>县司法局网站</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>公开的执法信息。</w:t></w:r></w:p>'
)


def features_docx() -> docx.Document:
    """A table (a cell of two paragraphs) and a field whose code must not be read as text."""
    document = docx.Document()
    document.add_paragraph("一、主要指标")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "完成情况"
    table.cell(1, 0).text = "合法性审查"
    table.cell(1, 1).text = "143件"
    table.cell(1, 1).add_paragraph("采纳率96%")
    document.element.body.sectPr.addprevious(parse_xml(FIELD_PARAGRAPH))
    document.add_paragraph("二、存在问题")
    return document


def convert(source: Path, target_format: str, workdir: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{workdir}/profile", "--convert-to", target_format,
         "--outdir", str(workdir), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return workdir / f"{source.stem}.{target_format}"


def main() -> None:
    from test_source_equivalence import seed_as_docx

    OUT.mkdir(parents=True, exist_ok=True)
    seed_lines = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8").splitlines()
    long_lines = (OUT / "long_report.txt").read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        text_docx(seed_lines, title_centered=False).save(work / "seed.docx")
        text_docx(long_lines, title_centered=True).save(work / "long_report.docx")
        (work / "seed_numbered.docx").write_bytes(seed_as_docx()[0])
        for target in ("doc", "odt", "rtf", "pdf"):
            shutil.copy(convert(work / "seed.docx", target, work), OUT / f"seed.{target}")
        shutil.copy(OUT / "seed.doc", OUT / "seed.wps")
        for target in ("doc", "odt"):
            shutil.copy(convert(work / "seed_numbered.docx", target, work), OUT / f"seed_numbered.{target}")
        features_docx().save(work / "features.docx")
        for target in ("doc", "odt", "rtf"):
            shutil.copy(convert(work / "features.docx", target, work), OUT / f"features.{target}")
        shutil.copy(convert(work / "long_report.docx", "pdf", work), OUT / "long_report.pdf")
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
