"""Bytes to text: the encodings Chinese drafts are saved in, and refusing what is not text.

Order, fastest and surest first: a byte order mark; strict UTF-8; strict GB18030 (the superset of GBK and
GB2312 that Windows uses for Chinese); then charset-normalizer's guess, which for bytes that GB18030
reads as text may only choose Big5 over it. Detection is the same for linting and fixing. Whatever decodes must still read
as text: a file whose characters are mostly controls, unassigned code points or private-use characters is
binary, and a file that is UTF-8 on some lines and something else on others is refused, because either
reading would report a page of false findings.
"""

import codecs
import unicodedata
from typing import NamedTuple

from ..diagnostics import InputError

# Longest BOM first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Share of characters that may be controls, unassigned or private-use before the text counts as binary.
GARBAGE_SHARE = 0.01
# Share of non-ASCII characters a GB18030 reading must find in GB2312 (the common simplified characters);
# UTF-8 or binary bytes read as GB18030 land mostly on rare characters.
COMMON_HAN_SHARE = 0.6
_WHITESPACE_CONTROLS = set("\t\n\r\f\v")


class Decoded(NamedTuple):
    text: str
    encoding: str  # a BOM-less codec name: utf-8, utf-16-le, gb18030, …
    bom: bool = False


def decode(data: bytes, path: str, declared: str | None = None) -> Decoded:
    """``data`` as text; ``declared`` (from ``--encoding``) overrides detection. Raises ``InputError``."""
    decoded = _decode_declared(data, path, declared) if declared else _detect(data, path)
    if not looks_like_text(decoded.text):
        raise InputError(path, "not a text file (binary content); nothing to lint", "不是文本文件（二进制内容），未检查")
    return decoded


def _bom(data: bytes) -> tuple[bytes, str] | None:
    return next(((mark, name) for mark, name in _BOMS if data.startswith(mark)), None)


def text_codec(declared: str, path: str) -> codecs.CodecInfo:
    """The codec ``--encoding`` names, if it decodes bytes to text; else ``InputError`` blaming ``path``."""
    try:
        info = codecs.lookup(declared)
        # rot13, hex, base64 are codecs but not text encodings; "undefined" refuses every input
        usable = getattr(info, "_is_text_encoding", True) and info.incrementaldecoder(errors="strict").decode(b"", True) == ""
    except LookupError:
        raise InputError(
            path, f"unknown encoding {declared!r}", f"编码“{declared}”不存在"
        ) from None
    except (ValueError, TypeError):  # UnicodeError is a ValueError
        usable = False
    if not usable:
        raise InputError(
            path, f"{declared!r} is not a text encoding", f"“{declared}”不是文本编码"
        )
    return info


def _decode_declared(data: bytes, path: str, declared: str) -> Decoded:
    info = text_codec(declared, path)
    name = info.name
    found = _bom(data)
    # a BOM that agrees with the declared encoding is the file's, not text; "utf-16" means "either order"
    if found and (found[1] == name.replace("-sig", "") or found[1].startswith(name + "-")):
        mark, name = found
        return Decoded(_strict(data[len(mark) :], name, path), name, bom=True)
    if name in ("utf-16", "utf-32"):
        name += "-le"  # no BOM: little-endian, as Windows writes it
    return Decoded(_strict(data, name.replace("-sig", ""), path), name.replace("-sig", ""))


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
        raise InputError(
            path,
            f"cannot decode as {encoding} at line {line} (byte {error.start})",
            f"无法按 {encoding} 解码：第 {line} 行（第 {error.start} 字节）",
        ) from None


def line_of_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _detect(data: bytes, path: str) -> Decoded:
    found = _bom(data)
    if found:
        mark, name = found
        return Decoded(_strict(data[len(mark) :], name, path), name, bom=True)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        _refuse_mixed(data, path, error.start)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_common_han(text):
        return Decoded(text, "gb18030")
    # Rare characters (names, traditional forms) or Big5. charset-normalizer is unsure on a short
    # text and guesses johab, Shift-JIS or UTF-16 for GB18030 that is full of rare characters; those are
    # not what a Chinese office saves in, so it decides only between GB18030 and the Big5 family.
    guessed = _guess(data)
    if text is not None and looks_like_text(text) and (guessed is None or guessed.encoding not in _BIG5_FAMILY):
        return Decoded(text, "gb18030")
    if guessed is None:
        raise InputError(path, *_UNRECOGNISED)
    return guessed


def _refuse_mixed(data: bytes, path: str, first_bad: int) -> None:
    """Refuse a file with whole lines of Chinese in UTF-8 and other lines that are not UTF-8."""
    utf8_line = next((number for number, line in enumerate(data.split(b"\n"), 1) if _is_utf8_chinese(line)), None)
    if utf8_line is not None:
        bad_line = line_of_byte(data, first_bad)
        raise InputError(
            path,
            f"mixed encodings: line {utf8_line} is UTF-8 but line {bad_line} is not; "
            "save the file in one encoding (or pass --encoding)",
            f"编码混杂：第 {utf8_line} 行是 UTF-8，第 {bad_line} 行不是；请以同一种编码保存（或用 --encoding 指定）",
        )


def _is_utf8_chinese(line: bytes) -> bool:
    # GBK bytes are sometimes valid UTF-8 by accident (联通), but then they decode to a mix of Latin,
    # Hebrew or Cyrillic letters, not to a run of Chinese characters and Chinese punctuation only.
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if ord(char) > 0x7F]
    return len(wide) >= 4 and all(_is_chinese(char) for char in wide)


def _is_chinese(char: str) -> bool:
    code = ord(char)
    return 0x3000 <= code <= 0x303F or 0x3400 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF or char in "“”‘’…—·"


def _mostly_common_han(text: str) -> bool:
    wide = [char for char in text if ord(char) > 0x7F]
    if not wide:
        return True
    common = sum(1 for char in wide if _in_gb2312(char))
    return common >= COMMON_HAN_SHARE * len(wide)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


_UNRECOGNISED = (
    "not a text file, or in an encoding that cannot be recognised (try --encoding)",
    "不是文本文件，或编码无法识别（可用 --encoding 指定）",
)
_BIG5_FAMILY = ("big5", "big5hkscs", "cp950")


def _guess(data: bytes) -> Decoded | None:
    """charset-normalizer's best reading, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    name = codecs.lookup(best.encoding).name
    if name in ("utf-16", "utf-32"):
        name += "-le"
    try:
        return Decoded(data.decode(name), name)
    except UnicodeDecodeError:
        return None


def looks_like_text(text: str) -> bool:
    """Whether decoded text reads as text: few controls, unassigned or private-use characters."""
    if not text:
        return True
    allowed = GARBAGE_SHARE * len(text)
    # fast path, in C: ordinary text has no unprintable character once whitespace is dropped
    if text.count("\ufffd") <= allowed and "".join(text.split()).isprintable():
        return True
    garbage = 0
    for char in text:
        if char in _WHITESPACE_CONTROLS:
            continue
        if unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs") or char == "\ufffd":
            garbage += 1
            if garbage > allowed:
                return False
    return True
