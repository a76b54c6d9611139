"""Build PDFs in code: Chinese text set line by line the way a word processor prints it.

The text uses the standard CJK font STSong-Light with the UniGB-UCS2-H encoding (every reader knows it
without an embedded font), each character one em wide. ``typeset`` wraps paragraphs into lines of a
fixed width with a two-character first-line indent and a page number ``— N —`` in the footer, as
official documents are printed; ``pdf_bytes`` writes any list of placed lines. Used by the reader
tests, scripts/fuzz.py and bench/run.py (the 100-page PDF).
"""

from __future__ import annotations

import zlib

PAGE_WIDTH, PAGE_HEIGHT = 595, 842
LEFT, TOP, SIZE, LEADING = 80, 760, 16, 26
CHARS_PER_LINE, LINES_PER_PAGE = 28, 24

# (x, y, text) per line, per page
Page = list[tuple[float, float, str]]


def typeset(paragraphs: list[str], footer: str | None = "— {page} —", header: str | None = None) -> list[Page]:
    """Paragraphs wrapped at ``CHARS_PER_LINE`` characters, first lines indented two characters."""
    lines: list[tuple[float, str]] = []
    for paragraph in paragraphs:
        rest, indent = paragraph, 2
        while True:
            room = CHARS_PER_LINE - indent
            while 0 < room < len(rest) and rest[room - 1 : room + 1].isascii() and rest[room - 1 : room + 1].isalnum():
                room -= 1  # a number or a Latin word is never split: it moves to the next line whole
            lines.append((LEFT + indent * SIZE, rest[:room]))
            rest, indent = rest[room:], 0
            if not rest:
                break
    pages: list[Page] = []
    for start in range(0, len(lines), LINES_PER_PAGE):
        number = len(pages) + 1
        page = [(x, TOP - LEADING * row, text) for row, (x, text) in enumerate(lines[start : start + LINES_PER_PAGE])]
        if footer:
            label = footer.format(page=number)
            page.append((PAGE_WIDTH / 2 - len(label) * SIZE / 4, 50, label))
        if header:
            page.append((LEFT, PAGE_HEIGHT - 50, header))
        pages.append(page)
    return pages


def _hex(text: str) -> str:
    return "".join(f"{ord(char):04X}" for char in text if ord(char) <= 0xFFFF)


def content_stream(page: Page) -> bytes:
    operations = [f"BT /F1 {SIZE} Tf {x:.1f} {y:.1f} Td <{_hex(text)}> Tj ET" for x, y, text in page]
    return "\n".join(operations).encode("ascii")


def pdf_bytes(pages: list[Page], compress: bool = True, contents: list[bytes] | None = None) -> bytes:
    """A PDF of ``pages`` (or of raw ``contents`` streams, one per page)."""
    streams = contents if contents is not None else [content_stream(page) for page in pages]
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    kids = []
    for stream in streams:
        body = zlib.compress(stream) if compress else stream
        flate = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(body), flate) + body + b"\nendstream")
        content_number = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, content_number)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return assemble(objects)


def assemble(objects: list[bytes]) -> bytes:
    """Numbered objects (1, 2, …) with a correct cross-reference table; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
