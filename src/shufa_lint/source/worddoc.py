"""Word 97–2003 (.doc) and WPS Office (.wps) documents: the main text through the piece table.

Both are OLE compound files (read with olefile) whose ``WordDocument`` stream starts with the FIB
([MS-DOC] 2.5). WPS Office writes the same layout for its text and keeps its own additions in extra
streams, which are not read. The main document is the first ``ccpText`` characters of the text the
piece table (the Clx in the table stream) assembles; footnotes, headers, comments and text boxes follow
it and are left out.

Paragraphs end at U+000D. A table cell ends at U+0007, and a row ends at a U+0007 paragraph whose
properties say "row end" (sprmPFTtp): a row becomes one line ``| cell | cell |`` as in .docx. Fields are
``U+0013 code U+0014 result U+0015``: the result is kept, the code dropped. Automatic list numbering is
read from the list tables (PlfLst, PlfLfo) and written back as labels, counted as ``numbering`` counts
Word's .docx lists, from the paragraph's own properties or its style's. A numbered paragraph whose
list cannot be read gets no label, and the source says so (``unlabelled_lists``) so that the numbering
rules do not take the labels that are missing for skipped numbers.

Every offset and count in the file is checked against the stream it points into, so a broken or
hostile file fails with one line instead of reading out of bounds or looping.
"""

from __future__ import annotations

import io
import struct
from bisect import bisect_right

from ..diagnostics import InputError
from . import (
    MAX_DOCUMENT_CHARS,
    PASSWORD_PROTECTED,
    LineOrigin,
    SourceText,
    from_paragraphs,
)
from .numbering import LEVELS, Level, ListCounter, ListInstance

MAX_PIECES = 1_000_000
_WORD_IDENT = 0xA5EC
_FIB_ENCRYPTED = 0x0100
_FIB_WHICH_TABLE = 0x0200
_FIB_OBFUSCATED = 0x8000
# indices into the FIB's fc/lcb pairs (FibRgFcLcb97)
_FC_STSHF, _FC_PLCF_BTE_PAPX, _FC_CLX, _FC_PLF_LST, _FC_PLF_LFO = 1, 13, 33, 73, 74
_NO_BASE_STYLE = 0x0FFF
_PARAGRAPH_STYLE = 1
_NOT_NUMBERED = {0, 0xF801 - 0x10000}  # ilfo 0: no list; 0xF801: numbering switched off
# paragraph properties (sprms) that matter here
_SPRM_IN_TABLE, _SPRM_ROW_END, _SPRM_INNER_ROW_END = 0x2416, 0x2417, 0x244C
_SPRM_ILVL, _SPRM_ILFO = 0x260A, 0x460B
_OPERAND_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
_SPRM_TABLE_DEFINITION, _SPRM_CHANGE_TABS = 0xD608, 0xC615
# [MS-DOC] 2.9.158 nfc values for the number formats Chinese reports use, as ST_NumberFormat names
_NUMBER_FORMATS = {
    0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 10: "ideographDigital",
    14: "decimalFullWidth", 18: "decimalEnclosedCircle", 19: "decimalFullWidth2", 22: "decimalZero",
    23: "bullet", 26: "decimalEnclosedFullstop", 27: "decimalEnclosedParen", 28: "decimalEnclosedCircleChinese",
    29: "ideographEnclosedCircle", 30: "ideographTraditional", 31: "ideographZodiac", 33: "taiwaneseCounting",
    35: "taiwaneseCountingThousand", 36: "taiwaneseDigital", 37: "chineseCounting", 38: "chineseLegalSimplified",
    39: "chineseCountingThousand", 255: "none",
}
_FIELD_BEGIN, _FIELD_SEPARATE, _FIELD_END = "\x13", "\x14", "\x15"
_CELL_MARK, _PARAGRAPH_MARK = "\x07", "\x0d"
# characters Word stores in the text that are not text: picture and object anchors, footnote marks,
# breaks (page/section \x0c, column \x0e, line \x0b → a space, as .docx line breaks)
_DROPPED = {ord(c): None for c in "\x01\x02\x03\x04\x05\x08\x0c\x0e"} | {0x0B: " ", 0x1E: "-", 0x1F: None}


class _Broken(Exception):
    """The file's structures do not hold together."""


def read_word_binary(path: str, data: bytes) -> SourceText:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - olefile raises several kinds on damaged compound files
        raise InputError(
            path,
            f"not a readable .doc/.wps (damaged compound file: {_one_line(error)})",
            f"无法读取的 .doc/.wps（复合文件已损坏：{_one_line(error)}）",
        ) from None
    try:
        if not ole.exists("WordDocument"):
            if ole.exists("EncryptedPackage"):
                raise InputError(path, *PASSWORD_PROTECTED)
            if ole.exists("CONTENTS") or ole.exists("MatOST"):
                raise InputError(
                    path,
                    "is a Microsoft Works document, not WPS Office or Word; save it as .docx and lint that",
                    "是 Microsoft Works 文档，不是 WPS 或 Word 文档；请另存为 .docx 再检查",
                )
            raise InputError(
                path,
                "is an OLE compound file without a WordDocument stream (not a Word or WPS document)",
                "是不含 WordDocument 流的 OLE 复合文件（不是 Word 或 WPS 文档）",
            )
        document = _Document(path, ole, _stream(ole, "WordDocument", len(data)), len(data))
        lines, origins = document.lines()
    except InputError:
        raise
    except (_Broken, struct.error, IndexError, ValueError, OSError, EOFError) as error:
        detail = _one_line(error)
        raise InputError(path, f"not a readable .doc/.wps ({detail or 'broken structure'})", f"无法读取的 .doc/.wps（{detail or '结构已损坏'}）") from None
    except Exception as error:  # noqa: BLE001 - olefile's own errors on broken sector chains
        detail = f"{type(error).__name__}: {_one_line(error)}"
        raise InputError(path, f"not a readable .doc/.wps ({detail})", f"无法读取的 .doc/.wps（{detail}）") from None
    finally:
        ole.close()
    return from_paragraphs(path, lines, "doc", origins, unlabelled_lists=document.unlabelled_lists)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200]


def _stream(ole, name: str, file_size: int) -> bytes:
    # a stream can never be longer than the file that holds it; a larger declared size is a forged header
    if ole.get_size(name) > file_size:
        raise _Broken(f"stream {name} declares {ole.get_size(name)} bytes in a {file_size}-byte file")
    return ole.openstream(name).read()


class _Document:
    def __init__(self, path: str, ole, word: bytes, file_size: int):
        self.path = path
        self.word = word
        self.unlabelled_lists = False  # a paragraph is numbered by a list that could not be read
        if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != _WORD_IDENT:
            raise _Broken("the WordDocument stream does not start with a Word 97 header")
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & (_FIB_ENCRYPTED | _FIB_OBFUSCATED):
            raise InputError(path, *PASSWORD_PROTECTED)
        table_name = "1Table" if flags & _FIB_WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            raise _Broken(f"the {table_name} stream is missing")
        self.table = _stream(ole, table_name, file_size)
        self._read_fib()

    def _read_fib(self) -> None:
        word = self.word
        at = 32
        (words,) = struct.unpack_from("<H", word, at)
        at += 2 + 2 * words
        (longs,) = struct.unpack_from("<H", word, at)
        if longs < 4:
            raise _Broken("the header has no text length")
        self.main_length = struct.unpack_from("<i", word, at + 2 + 3 * 4)[0]  # ccpText
        at += 2 + 4 * longs
        (pairs,) = struct.unpack_from("<H", word, at)
        self.fc_lcb = [struct.unpack_from("<II", word, at + 2 + 8 * i) for i in range(pairs)]
        if len(self.fc_lcb) <= _FC_CLX:
            raise _Broken("the header has no piece table")
        if not 0 <= self.main_length <= MAX_DOCUMENT_CHARS:
            raise InputError(self.path, f"refused: declares {self.main_length} characters of text")

    def _table_slice(self, index: int) -> bytes:
        if index >= len(self.fc_lcb):
            return b""
        fc, lcb = self.fc_lcb[index]
        if lcb == 0:
            return b""
        if fc + lcb > len(self.table):
            raise _Broken("a table points past the end of its stream")
        return self.table[fc : fc + lcb]

    # -- text through the piece table

    def _pieces(self) -> list[tuple[int, int, int, bool]]:
        """(first cp, last cp, byte offset in WordDocument, 8-bit) per piece, in cp order."""
        clx = self._table_slice(_FC_CLX)
        at = 0
        while at < len(clx) and clx[at] == 0x01:  # Prc: formatting the pieces share; skipped
            (size,) = struct.unpack_from("<h", clx, at + 1)
            if size < 0:
                raise _Broken("negative property block in the piece table")
            at += 3 + size
        if at >= len(clx) or clx[at] != 0x02:
            raise _Broken("no piece table")
        (size,) = struct.unpack_from("<I", clx, at + 1)
        plc = clx[at + 5 : at + 5 + size]
        if len(plc) != size or size < 4 or (size - 4) % 12:
            raise _Broken("the piece table has the wrong length")
        count = (size - 4) // 12
        if count > MAX_PIECES:
            raise _Broken(f"{count} pieces")
        cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
        pieces = []
        for index in range(count):
            (raw_fc,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)
            compressed = bool(raw_fc & 0x40000000)
            fc = raw_fc & 0x3FFFFFFF
            start, end = cps[index], cps[index + 1]
            if end < start:
                raise _Broken("the piece table goes backwards")
            pieces.append((start, end, fc // 2 if compressed else fc, compressed))
        return pieces

    def _text(self) -> tuple[str, list[int]]:
        """The main document's characters and, per character, its byte offset (for paragraph properties)."""
        chars: list[str] = []
        offsets: list[int] = []
        for start, end, fc, compressed in self._pieces():
            if start >= self.main_length:
                break
            count = min(end, self.main_length) - start
            width = 1 if compressed else 2
            raw = self.word[fc : fc + count * width]
            if len(raw) != count * width:
                raise _Broken("a piece of text lies past the end of the WordDocument stream")
            text = raw.decode("cp1252", errors="replace") if compressed else raw.decode("utf-16-le", errors="replace")
            chars.append(text)
            offsets.extend(range(fc, fc + count * width, width))
        return "".join(chars), offsets

    # -- paragraph properties (PAPX in formatted disk pages)

    def _paragraph_runs(self) -> tuple[list[int], list[dict[int, bytes]]]:
        """Run boundaries (byte offsets) and each run's paragraph sprms (its style's, then its own), in
        offset order."""
        try:
            styles = style_paragraph_sprms(self._table_slice(_FC_STSHF))
        except (struct.error, IndexError):
            styles = {}  # an unreadable style sheet: paragraphs keep their own properties
        plc = self._table_slice(_FC_PLCF_BTE_PAPX)
        if len(plc) < 4:
            return [], []
        count = (len(plc) - 4) // 8
        pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))
        bounds: list[int] = []
        properties: list[dict[int, bytes]] = []
        for page_number in pages:
            page_at = (page_number & 0x3FFFFF) * 512
            page = self.word[page_at : page_at + 512]
            if len(page) != 512:
                raise _Broken("a paragraph property page lies past the end of the stream")
            runs = page[511]
            if 4 * (runs + 1) + 13 * runs > 511:
                raise _Broken("a paragraph property page claims too many runs")
            fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
            for index in range(runs):
                offset = page[4 * (runs + 1) + 13 * index] * 2
                if offset:
                    style, grpprl = _papx(page, offset)
                    properties.append(styles.get(style, {}) | _sprms(grpprl))
                else:
                    properties.append(styles.get(0, {}))
                bounds.append(fcs[index + 1])
        order = sorted(range(len(bounds)), key=bounds.__getitem__)
        return [bounds[i] for i in order], [properties[i] for i in order]

    # -- lists

    def _list_counter(self) -> ListCounter:
        """A counter over the document's lists, its instances keyed by ilfo (1-based, as paragraphs name them)."""
        counter = ListCounter(None)
        lists = self._table_slice(_FC_PLF_LST)
        overrides = self._table_slice(_FC_PLF_LFO)
        if len(lists) < 2 or len(overrides) < 4:
            return counter
        (list_count,) = struct.unpack_from("<h", lists, 0)
        headers = []
        for index in range(max(list_count, 0)):
            lsid = struct.unpack_from("<i", lists, 2 + 28 * index)[0]
            simple = bool(lists[2 + 28 * index + 26] & 0x01)
            headers.append((lsid, 1 if simple else LEVELS))
        at = sum(self.fc_lcb[_FC_PLF_LST])  # the levels follow the list headers
        for lsid, level_count in headers:
            levels: dict[int, Level] = {}
            for level_index in range(level_count):
                level, at = _level(self.table, at)
                levels[level_index] = level
            counter.abstracts[str(lsid)] = levels
        (instance_count,) = struct.unpack_from("<i", overrides, 0)
        if not 0 <= instance_count <= (len(overrides) - 4) // 16:
            raise _Broken("the list override table has the wrong length")
        at = self.fc_lcb[_FC_PLF_LFO][0] + 4 + 16 * instance_count
        for index in range(instance_count):
            lsid, _, _, level_overrides = struct.unpack_from("<iiiB", overrides, 4 + 16 * index)
            instance = ListInstance(str(lsid))
            at += 4  # cp
            for _ in range(level_overrides):
                start, flags = struct.unpack_from("<iI", self.table, at)
                at += 8
                if flags & 0x10:
                    instance.start_overrides[flags & 0x0F] = start
                if flags & 0x20:  # a whole level replaced
                    instance.level_overrides[flags & 0x0F], at = _level(self.table, at)
            counter.instances[str(index + 1)] = instance
        return counter

    # -- lines

    def lines(self) -> tuple[list[str], list[LineOrigin]]:
        text, offsets = self._text()
        bounds, properties = self._paragraph_runs()
        try:
            counter = self._list_counter()
        except (_Broken, struct.error, IndexError):
            counter = ListCounter(None)  # unreadable lists: the text still reads, unnumbered

        def paragraph_properties(mark_index: int) -> dict[int, bytes]:
            run = bisect_right(bounds, offsets[mark_index]) if offsets else len(bounds)
            return properties[run] if run < len(properties) else {}

        lines: list[str] = []
        origins: list[LineOrigin] = []
        cells: list[str] = []
        cell_parts: list[str] = []
        start = 0
        for index, char in enumerate(text):
            if char not in (_PARAGRAPH_MARK, _CELL_MARK):
                continue
            content = _visible(text[start:index])
            start = index + 1
            sprms = paragraph_properties(index)
            if char == _CELL_MARK:
                if _SPRM_ROW_END in sprms or _SPRM_INNER_ROW_END in sprms:
                    lines.append("| " + " | ".join(cells) + " |")
                    origins.append(LineOrigin(len(lines)))
                    cells = []
                else:
                    cells.append(" ".join(part for part in (*cell_parts, content) if part))
                cell_parts = []
                continue
            if (sprms.get(_SPRM_IN_TABLE) or b"\x00")[0]:  # one of several paragraphs in a cell
                cell_parts.append(content)
                continue
            label = _label(counter, sprms)
            if label is None:
                self.unlabelled_lists, label = True, ""
            lines.append(label + content)
            origins.append(LineOrigin.of_paragraph(len(lines), label, content))
        if cells:
            lines.append("| " + " | ".join(cells) + " |")
            origins.append(LineOrigin(len(lines)))
        return lines, origins


def _list_of(sprms: dict[int, bytes]) -> int | None:
    """The list instance (ilfo) a paragraph is numbered by, or None."""
    if _SPRM_ILFO not in sprms:
        return None
    (ilfo,) = struct.unpack("<h", sprms[_SPRM_ILFO][:2].ljust(2, b"\x00"))
    return None if ilfo in _NOT_NUMBERED else ilfo


def _label(counter: ListCounter, sprms: dict[int, bytes]) -> str | None:
    """The paragraph's list label: "" if it is not numbered, None if it is but the list cannot be read."""
    ilfo = _list_of(sprms)
    if ilfo is None:
        return ""
    if str(ilfo) not in counter.instances:
        return None
    level = (sprms.get(_SPRM_ILVL) or b"\x00")[0]
    return counter.count(str(ilfo), min(level, LEVELS - 1))


def _level(table: bytes, at: int) -> tuple[Level, int]:
    """One LVL at ``at``: its start, number format and text (``%1、`` form); and where the next begins."""
    start, number_format = struct.unpack_from("<iB", table, at)
    chpx_size, papx_size = table[at + 24], table[at + 25]
    at += 28 + papx_size + chpx_size
    (length,) = struct.unpack_from("<H", table, at)
    raw = table[at + 2 : at + 2 + 2 * length]
    if len(raw) != 2 * length:
        raise _Broken("a list level's text runs past the end of the table")
    # in the level text a character below 9 stands for that level's number
    text = "".join(f"%{ord(c) + 1}" if ord(c) < LEVELS else c for c in raw.decode("utf-16-le", errors="replace"))
    return Level(start=start, number_format=_NUMBER_FORMATS.get(number_format, "decimal"), text=text), at + 2 + 2 * length


def _papx(page: bytes, offset: int) -> tuple[int, bytes]:
    """The style index and the sprms of the PapxInFkp at ``offset``."""
    size = page[offset]
    if size == 0:
        size, start = 2 * page[offset + 1], offset + 2
    else:
        size, start = 2 * size - 1, offset + 1
    (style,) = struct.unpack_from("<H", page, start)
    return style, page[start + 2 : start + size]


def style_paragraph_sprms(stsh: bytes) -> dict[int, dict[int, bytes]]:
    """Per paragraph style (istd), its paragraph sprms over those of the styles it is based on.

    Word numbers headings through their style ("标题 1" linked to a multilevel list): the list sprms
    are then in the style sheet (STSH, [MS-DOC] 2.9.271), not in the paragraph.
    """
    if len(stsh) < 6:
        return {}
    header_size, count, base_size = struct.unpack_from("<HHH", stsh, 0)
    at = 2 + header_size
    own: dict[int, tuple[int, dict[int, bytes]]] = {}
    for istd in range(count):
        (size,) = struct.unpack_from("<H", stsh, at)
        std = stsh[at + 2 : at + 2 + size]
        at += 2 + size
        if size < base_size or size < 10:
            continue  # an empty slot
        (kind_and_base,) = struct.unpack_from("<H", std, 2)
        if kind_and_base & 0x0F != _PARAGRAPH_STYLE:
            continue
        (name_length,) = struct.unpack_from("<H", std, base_size)
        upx = base_size + 2 + 2 * name_length + 2  # the name, then its terminating NUL
        (upx_size,) = struct.unpack_from("<H", std, upx)
        own[istd] = (kind_and_base >> 4, _sprms(std[upx + 4 : upx + 2 + upx_size]))  # after cbUpx and istd

    def merged(istd: int, depth: int = 0) -> dict[int, bytes]:
        if istd not in own or depth > 10:  # a chain of bases longer than Word allows is a loop
            return {}
        base, sprms = own[istd]
        return (merged(base, depth + 1) if base != _NO_BASE_STYLE else {}) | sprms

    return {istd: merged(istd) for istd in own}


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        size = _OPERAND_SIZES.get(sprm >> 13)
        if size is None:  # variable length: a size byte (two for the table definition) leads the operand
            if sprm == _SPRM_TABLE_DEFINITION and at + 2 <= len(grpprl):
                size = struct.unpack_from("<H", grpprl, at)[0] + 1
            elif at < len(grpprl):
                size = grpprl[at] + 1
            else:
                break
        found[sprm] = grpprl[at : at + size]
        at += size
    return found


def _visible(text: str) -> str:
    """A paragraph's displayed text: field results without their codes, no anchors or control marks."""
    if _FIELD_BEGIN in text:
        pieces: list[str] = []
        depth_states: list[bool] = []  # per open field: whether its result part has begun
        for char in text:
            if char == _FIELD_BEGIN:
                depth_states.append(False)
            elif char == _FIELD_SEPARATE and depth_states:
                depth_states[-1] = True
            elif char == _FIELD_END and depth_states:
                depth_states.pop()
            elif all(depth_states):
                pieces.append(char)
        text = "".join(pieces)
    return text.translate(_DROPPED)
