"""The seed draft and a long report saved as .doc, .wps, .odt, .rtf and PDF read as the same report.

The fixtures in tests/fixtures/formats/ were made from .docx files by LibreOffice (scripts/
make_format_fixtures.py): ``seed.*`` types its numbers, ``seed_numbered.*`` numbers its headings with
Word's automatic list, so the readers must put the labels back. A format may add nothing and lose
nothing: the same findings, line for line, as the text.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pdf_fixtures import LEFT, SIZE, TOP, assemble, pdf_bytes, typeset
from shufa_lint.cli import main
from shufa_lint.diagnostics import InputError
from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import pdf as pdf_reader
from shufa_lint.source.reader import read, read_bytes

FIXTURES = Path(__file__).parent / "fixtures"
FORMATS = FIXTURES / "formats"
SEED_LINES = tuple((FIXTURES / "seed.txt").read_text(encoding="utf-8").splitlines())
LONG_REPORT = tuple((FORMATS / "long_report.txt").read_text(encoding="utf-8").splitlines())


def findings(source) -> list[tuple]:
    return [(d.code, d.line, d.column, d.end_line, d.end_column) for d in lint_source(source, Settings())]


@pytest.fixture(scope="module")
def text_findings():
    return findings(read(str(FIXTURES / "seed.txt")))


@pytest.mark.parametrize("suffix", ["doc", "wps", "odt", "rtf", "pdf"])
def test_the_seed_in_every_format_reads_as_its_text_and_gives_the_same_findings(suffix, text_findings):
    source = read(str(FORMATS / f"seed.{suffix}"))
    assert source.lines == SEED_LINES
    assert source.position_unit == "paragraph"
    assert findings(source) == text_findings


@pytest.mark.parametrize("suffix", ["doc", "odt"])
def test_word_list_numbering_comes_back_as_labels(suffix, text_findings):
    source = read(str(FORMATS / f"seed_numbered.{suffix}"))
    assert source.lines == SEED_LINES
    labels = {number: origin.generated for number, origin in enumerate(source.origins, 1) if origin.generated}
    assert labels[4] == len("一、") and labels[5] == len("(一)")
    assert source.generated(4, 1) and not source.generated(4, 3)

    def in_paragraph_text(line: int, column: int) -> int:
        return max(1, column - labels.get(line, 0))

    # the same findings, with columns counted in the paragraph's own text as for .docx
    assert findings(source) == [
        (code, line, in_paragraph_text(line, column), end_line, in_paragraph_text(end_line, end_column))
        for code, line, column, end_line, end_column in text_findings
    ]


@pytest.mark.parametrize("suffix", ["doc", "odt", "rtf"])
def test_table_rows_are_lines_and_fields_show_their_result(suffix):
    assert read(str(FORMATS / f"features.{suffix}")).lines == (
        "一、主要指标",
        "| 指标 | 完成情况 |",
        "| 合法性审查 | 143件 采纳率96% |",  # a cell of two paragraphs stays on its row
        "详见县司法局网站公开的执法信息。",  # not the HYPERLINK field code
        "二、存在问题",
    )


def test_a_multi_page_pdf_of_a_clean_report_gives_no_findings():
    source = read(str(FORMATS / "long_report.pdf"))
    assert source.lines == LONG_REPORT  # every wrapped line joined back, the page numbers gone
    assert source.page_of(len(source.lines), 1) >= 3
    assert findings(source) == []


def test_pdf_findings_carry_their_page(tmp_path):
    path = str(FORMATS / "seed.pdf")
    result = CliRunner().invoke(main, ["--format", "json", path])
    diagnostics = json.loads(result.stdout)["diagnostics"]
    pages = {d["page"] for d in diagnostics}
    assert pages == {1, 2, 3, 4, 5}
    source = read(path)
    for d in diagnostics:
        assert d["page"] == source.page_of(d["line"], d["column"])
    full = CliRunner().invoke(main, ["--format", "full", "--lang", "en", path]).stdout
    assert "(line numbers count paragraphs)" in full and "(page 5)" in full
    text = CliRunner().invoke(main, ["--format", "json", str(FIXTURES / "seed.txt")]).stdout
    assert all("page" not in d for d in json.loads(text)["diagnostics"])


# --- PDF layout ----------------------------------------------------------------------------------------


def test_running_headers_and_chinese_page_numbers_are_dropped():
    pages = typeset(list(LONG_REPORT), footer="第{page}页", header="县司法局2025年度述法报告")
    assert len(pages) >= 3
    assert read_bytes("report.pdf", pdf_bytes(pages)).lines == LONG_REPORT


def test_a_full_line_ending_a_sentence_does_not_swallow_an_unindented_heading():
    sentence = "全年组织专题学习研讨十二次，班子成员撰写心得体会三十篇。"
    assert len(sentence) == 28 and sentence.endswith("。")
    page = [(LEFT, TOP, sentence), (LEFT, TOP - 26, "二、存在的问题"), (LEFT, TOP - 52, "对照上级要求，仍有不足。")]
    assert read_bytes("r.pdf", pdf_bytes([page])).lines == (sentence, "二、存在的问题", "对照上级要求，仍有不足。")


def test_a_line_the_author_broke_short_stays_broken_as_in_the_text():
    page = [(LEFT + 2 * SIZE, TOP, "二是严格落实年度述法要求。我带头向上级党委"), (LEFT, TOP - 26, "述职述法，接受评议。")]
    source = read_bytes("r.pdf", pdf_bytes([page]))
    assert source.lines == ("二是严格落实年度述法要求。我带头向上级党委", "述职述法，接受评议。")


def test_a_number_or_book_title_pushed_to_the_next_line_is_joined_back():
    first = "重点宣讲"
    page = [(LEFT, TOP, "充分利用新媒体平台开展线上普法，组织送法下乡活动，" + first), (LEFT, TOP - 26, "《中华人民共和国民法典》等法律。")]
    assert read_bytes("r.pdf", pdf_bytes([page])).lines == (
        "充分利用新媒体平台开展线上普法，组织送法下乡活动，重点宣讲《中华人民共和国民法典》等法律。",
    )


# --- refusals: one line, exit 2 --------------------------------------------------------------------------


def refused(name: str, data: bytes) -> str:
    with pytest.raises(InputError) as error:
        read_bytes(name, data)
    message = str(error.value)
    assert "\n" not in message and message.startswith(name)
    return message


def test_a_scanned_pdf_without_text_is_refused_in_one_line(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf_bytes(typeset(["一、工作情况"]), contents=[b"0 0 595 842 re f"]))
    result = CliRunner().invoke(main, ["--lang", "en", str(scan)])
    assert result.exit_code == 2
    assert "has no text layer" in result.stderr and "OCR" in result.stderr


def test_a_password_protected_pdf_is_refused():
    good = pdf_bytes(typeset(["一、工作情况"]))
    encrypted = good.replace(
        b"trailer\n<< ",
        b"trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + b"00" * 32 + b"> /U <" + b"11" * 32
        + b"> /P -4 >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ",
    )
    assert "password-protected" in refused("locked.pdf", encrypted)


def test_a_pdf_page_tree_that_contains_itself_is_refused():
    looping = assemble([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])
    assert "no pages" in refused("loop.pdf", looping)


def test_a_pdf_decompression_bomb_is_stopped_by_the_memory_limit(monkeypatch):
    import zlib

    monkeypatch.setattr(pdf_reader, "EXTRACTION_MEMORY", 64 * 1024 * 1024)
    bomb = zlib.compress(b"0" * (256 * 1024 * 1024), 9)  # 256 KB that inflate to 256 MB
    data = pdf_bytes([[]], compress=False, contents=[b""]).replace(
        b"<< /Length 0 >>\nstream\n\nendstream",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream",
    )
    assert "ran out of memory" in refused("bomb.pdf", data)


def test_pdf_extraction_has_a_time_limit(monkeypatch):
    monkeypatch.setattr(pdf_reader, "EXTRACTION_SECONDS", 0)
    assert "took over 0 s" in refused("slow.pdf", (FORMATS / "seed.pdf").read_bytes())


def test_truncated_and_garbage_pdfs_are_refused():
    good = (FORMATS / "seed.pdf").read_bytes()
    assert "not a readable PDF" in refused("cut.pdf", good[: len(good) // 3])
    assert "not a readable PDF" in refused("noise.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8)


def _with_word_stream(path: Path, change) -> bytes:
    """A copy of a .doc whose WordDocument stream ``change`` rewrote (same length)."""
    import olefile

    copy = io.BytesIO(path.read_bytes())
    with olefile.OleFileIO(copy, write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        change(stream)
        ole.write_stream("WordDocument", bytes(stream))
    return copy.getvalue()


@pytest.mark.parametrize("name", ["locked.doc", "locked.wps"])
def test_a_password_protected_doc_or_wps_is_refused(name):
    def encrypt(stream: bytearray) -> None:
        stream[0x0A] |= 0x00  # low byte of the flags
        stream[0x0B] |= 0x01  # fEncrypted

    assert "password-protected" in refused(name, _with_word_stream(FORMATS / "seed.doc", encrypt))


def test_a_doc_whose_piece_table_points_outside_the_file_is_refused():
    def break_piece_table(stream: bytearray) -> None:
        # fcClx: the piece table's offset in the table stream, moved past its end
        offset = 154 + 8 * 33
        struct.pack_into("<I", stream, offset, 0x7FFFFF00)

    assert "not a readable .doc/.wps" in refused("broken.doc", _with_word_stream(FORMATS / "seed.doc", break_piece_table))


def test_a_doc_declaring_a_huge_text_is_refused():
    def inflate(stream: bytearray) -> None:
        struct.pack_into("<i", stream, 32 + 2 + 2 * struct.unpack_from("<H", stream, 32)[0] + 2 + 12, 0x7FFFFFFF)

    assert "refused" in refused("huge.doc", _with_word_stream(FORMATS / "seed.doc", inflate))


def test_damaged_doc_bytes_never_escape_as_a_traceback():
    data = (FORMATS / "seed.doc").read_bytes()
    for cut in (600, 5000, len(data) // 2, len(data) - 700):
        try:
            read_bytes("cut.doc", data[:cut])
        except InputError:
            pass
    flipped = bytearray(data)
    for position in range(512, len(flipped), 997):
        flipped[position] ^= 0xFF
    try:
        read_bytes("flipped.doc", bytes(flipped))
    except InputError:
        pass


def _odt_with(member: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(FORMATS / "seed.odt")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == member else source.read(info))
    return out.getvalue()


def test_an_odt_declaring_entities_is_refused_before_parsing():
    content = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    assert "declares a DTD" in refused("bomb.odt", _odt_with("content.xml", content))


def test_a_password_protected_odt_is_refused():
    manifest = zipfile.ZipFile(FORMATS / "seed.odt").read("META-INF/manifest.xml")
    entry = b'<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry>'
    locked = manifest.replace(b"</manifest:manifest>", entry + b"</manifest:manifest>")
    assert locked != manifest
    assert "password-protected" in refused("locked.odt", _odt_with("META-INF/manifest.xml", locked))


# --- RTF --------------------------------------------------------------------------------------------------


def test_rtf_unicode_escapes_gbk_code_page_and_raw_gbk_bytes():
    rtf = (
        b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
        b"\\pard \\'b9\\'a4\\'d7\\'f7\\'c7\\'e9\\'bf\\'f6\\par "  # 工作情况 as escaped GBK bytes
        b"\\pard \\u20108?\\u20307?\\par "  # 二体 as \\uN with a fallback character
        + "组织学习*次".encode("gbk")  # raw GBK bytes, as some writers leave them
        + b"\\par}"
    )
    assert read_bytes("r.rtf", rtf).lines == ("工作情况", "二体", "组织学习*次")


def test_rtf_footnotes_and_field_codes_are_not_text_and_markup_is_never_linted():
    rtf = (
        b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\pard \\u19968?\\u12289?Work"
        b"{\\footnote \\pard footnote text\\par}\\par "
        b"\\pard {\\field{\\*\\fldinst HYPERLINK \"http://x\"}{\\fldrslt link}}\\par}"
    )
    source = read_bytes("r.rtf", rtf)
    assert source.lines == ("一、Work", "link")
    # an .rtf saved under another name is still read as RTF
    assert read_bytes("r.txt", rtf).lines == source.lines


# --- folders and the command line ----------------------------------------------------------------------------


def test_a_folder_run_picks_up_every_document_format(tmp_path):
    for suffix in ("doc", "wps", "odt", "rtf", "pdf"):
        shutil.copy(FORMATS / f"seed.{suffix}", tmp_path / f"seed.{suffix}")
    result = CliRunner().invoke(main, ["--format", "json", "--select", "SF401", str(tmp_path)])
    paths = {Path(d["path"]).name for d in json.loads(result.stdout)["diagnostics"]}
    assert paths == {"seed.doc", "seed.wps", "seed.odt", "seed.rtf", "seed.pdf"}


@pytest.mark.parametrize("suffix", ["doc", "pdf"])
def test_fix_writes_nothing_to_a_document_and_diff_shows_the_fixes_on_its_text(tmp_path, suffix):
    path = tmp_path / f"seed.{suffix}"
    shutil.copy(FORMATS / f"seed.{suffix}", path)
    before = path.read_bytes()
    fixed = CliRunner().invoke(main, ["--fix", "--lang", "en", str(path)])
    assert path.read_bytes() == before
    assert f"{path}: " in fixed.stderr and "SF701 ×18), but fixes are not applied to" in fixed.stderr
    assert f"not applied to .{suffix} files" in fixed.stderr
    diff = CliRunner().invoke(main, ["--diff", str(path)])
    assert diff.exit_code == 1 and path.read_bytes() == before
    assert diff.stdout.startswith(f"--- {path}\n+++ {path}\n")
    assert "+本年度，我始终以_新时代" in diff.stdout  # half-width commas made full-width in the extracted text


# --- .doc lists through styles, and lists that cannot be read ----------------------------------------------


def _style(kind_and_base: int, name: str, sprms: bytes) -> bytes:
    """One STD: a 10-byte STDBase, the name, and one UPX of paragraph sprms (after its istd)."""
    base = struct.pack("<HHHHH", 0, kind_and_base, 0, 0, 0)
    encoded = name.encode("utf-16-le")
    upx = struct.pack("<HH", 2 + len(sprms), 0) + sprms + b"\x00" * (len(sprms) % 2)
    std = base + struct.pack("<H", len(name)) + encoded + b"\x00\x00" + upx
    return struct.pack("<H", len(std)) + std


def test_doc_heading_styles_carry_their_list_to_the_paragraphs_that_use_them():
    from shufa_lint.source.worddoc import style_paragraph_sprms

    header = struct.pack("<HHH", 6, 3, 10) + b"\x00\x00"  # cbStshi, then cstd, cbSTDBaseInFile, …
    numbered = struct.pack("<HhHB", 0x460B, 1, 0x260A, 0)  # sprmPIlfo 1, sprmPIlvl 0
    stsh = (
        header
        + _style(0x0FFF << 4 | 1, "Normal", b"")
        + _style(0 << 4 | 1, "heading 1", numbered)
        + _style(1 << 4 | 1, "heading 2", struct.pack("<HB", 0x260A, 1))  # based on heading 1, level 2
    )
    styles = style_paragraph_sprms(stsh)
    assert styles[0] == {}
    assert styles[1] == {0x460B: b"\x01\x00", 0x260A: b"\x00"}
    assert styles[2] == {0x460B: b"\x01\x00", 0x260A: b"\x01"}  # the list from its base, its own level


def test_doc_numbering_that_cannot_be_read_is_not_taken_for_skipped_numbers():
    def drop_list_overrides(stream: bytearray) -> None:
        struct.pack_into("<I", stream, 154 + 8 * 74 + 4, 0)  # lcbPlfLfo = 0: the list instances are gone

    data = _with_word_stream(FORMATS / "seed_numbered.doc", drop_list_overrides)
    source = read_bytes("seed.doc", data)
    assert source.unlabelled_lists
    assert source.lines[3] == "工作情况"  # the heading's number (一、) is not in the text
    body_slips = [d for d in lint_source(source, Settings()) if d.code in ("SF201", "SF202", "SF203") and d.line > 1]
    assert body_slips == []
    assert not read(str(FORMATS / "seed_numbered.doc")).unlabelled_lists


FULL_LINE = "坚持把学习贯彻习近平法治思想作为首要政治任务，组织专题学"  # 28 characters: the whole measure


def _paragraph_then(lines: list[tuple[float, str]]) -> bytes:
    """A page that opens with a paragraph of three full lines (so the right edge is known), then
    ``lines`` at (x, text)."""
    placed = [(LEFT + 2 * SIZE, TOP, FULL_LINE[2:])] + [(LEFT, TOP - 26 * row, FULL_LINE) for row in (1, 2)]
    placed.append((LEFT, TOP - 26 * 3, "研讨十二次。"))
    placed += [(x, TOP - 26 * (row + 4), text) for row, (x, text) in enumerate(lines)]
    return pdf_bytes([placed])


FILLER = "持续深化法治领域改革推进严格规范公正文明执法加强基层法治建设工作机制"


@pytest.mark.parametrize(
    ("first_ends", "second", "room"),
    [
        ("服务品", "牌，2021年获评全省优秀案例。", 3),  # 牌，2021 stays together: 4 characters wide
        ("清单，构", "建“1+5”行政执法制度体系。", 4),  # quotation marks stick to both neighbours
        ("（http://gov.cn/", "zwgk_23/）集中公开。", 4),  # an address breaks only at its slashes
    ],
)
def test_what_a_line_break_cannot_split_is_joined_back(first_ends, second, room):
    first = FILLER[: 28 - room - len(first_ends)] + first_ends  # stops ``room`` characters short of the edge
    assert room >= 2  # more than the slack a full line may leave
    lines = read_bytes("r.pdf", _paragraph_then([(LEFT, first), (LEFT, second)])).lines
    assert lines[-1] == first + second


def test_an_indented_line_after_a_heading_that_filled_its_line_opens_a_paragraph():
    heading = "三、" + FILLER[:23]  # with its two-character indent, one character short of the edge
    lines = read_bytes("r.pdf", _paragraph_then([(LEFT + 2 * SIZE, heading), (LEFT + 2 * SIZE, "一是公共服务不断完善。")])).lines
    assert lines[-2:] == (heading, "一是公共服务不断完善。")



def _zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("report.pdf", "一、工作情况".encode("utf-8"), "不是 PDF 文件"),
        ("report.doc", b"plain bytes, not an OLE compound file", "无法读取的 .doc/.wps"),
        ("report.wps", b"plain bytes, not an OLE compound file", "无法读取的 .doc/.wps"),
        ("report.rtf", "一、工作情况".encode("utf-8"), "不是 RTF 文档"),
        ("report.odt", _zip_of({"mimetype": b"application/vnd.oasis.opendocument.text"}), "不是有效的 .odt"),
    ],
)
def test_a_broken_file_of_the_newer_formats_is_refused_in_chinese_by_default(name, data, words):
    """The default run speaks Chinese: a damaged .pdf/.doc/.wps/.rtf/.odt must not get an English reason."""
    with pytest.raises(InputError) as error:
        read_bytes(name, data)
    assert words in error.value.message.zh and error.value.reason.isascii()


def test_a_password_protected_odt_is_refused_in_chinese_by_default():
    locked = b'<manifest><file-entry><encryption-data/></file-entry></manifest>'
    with pytest.raises(InputError) as error:
        read_bytes("locked.odt", _odt_with("META-INF/manifest.xml", locked))
    assert "有密码保护" in error.value.message.zh and "password-protected" in error.value.reason
