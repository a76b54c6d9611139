"""Encodings: the same draft read from every encoding Chinese drafts are saved in, byte-faithfully."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from shufa_lint.diagnostics import InputError
from shufa_lint.source import from_text
from shufa_lint.source.reader import read, read_bytes

SEED = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8")

ENCODINGS = [
    # (how the file is saved, the encoding recorded, whether a BOM is recorded)
    ("utf-8", "utf-8", False),
    ("utf-8-sig", "utf-8", True),
    ("utf-16", "utf-16-le", True),
    ("utf-16-be-bom", "utf-16-be", True),
    ("gb18030", "gb18030", False),
    ("gbk", "gb18030", False),
]


def saved_as(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


@pytest.mark.parametrize("saved, recorded, bom", ENCODINGS)
def test_each_encoding_reads_as_the_same_lines(saved, recorded, bom):
    data = saved_as(SEED, saved)
    source = read_bytes("seed.txt", data)
    assert source.lines == tuple(SEED.splitlines())
    assert (source.encoding, source.bom) == (recorded, bom)
    # what the fix writer needs: the text and the recorded encoding give back the very same bytes
    assert source.encode(source.raw_text) == data


def test_crlf_line_ends_are_recorded_and_kept():
    data = SEED.replace("\n", "\r\n").encode("gb18030")
    source = read_bytes("seed.txt", data)
    assert source.newline == "\r\n" and source.final_newline is False
    assert source.lines == tuple(SEED.splitlines())
    assert source.encode(source.raw_text) == data


def test_only_real_line_breaks_split_lines():
    # a form feed or U+2028 pasted into a paragraph must not shift every later line number
    source = from_text("a.txt", "一、工作情况\x0c继续\u2028同一行\n二、存在问题\n")
    assert source.lines == ("一、工作情况\x0c继续\u2028同一行", "二、存在问题")


def test_declared_encoding_overrides_detection():
    text = "二、存在問題：基層執法不夠規範。"  # a Big5 draft from Taiwan or Hong Kong
    source = read_bytes("a.txt", text.encode("big5"), encoding="big5")
    assert (source.lines, source.encoding) == ((text,), "big5")


def test_declared_utf16_takes_the_byte_order_from_the_bom():
    data = codecs.BOM_UTF16_BE + "一、工作情况\n".encode("utf-16-be")
    source = read_bytes("a.txt", data, encoding="utf-16")
    assert (source.lines, source.encoding, source.bom) == (("一、工作情况",), "utf-16-be", True)


def test_declared_encoding_that_does_not_fit_names_the_line():
    data = "一、工作情况\n二、存在问题\n".encode("utf-8") + "三、整改措施\n".encode("gbk")
    with pytest.raises(InputError, match=r"cannot decode as utf-8 at line 3"):
        read_bytes("a.txt", data, encoding="utf-8")


def test_unknown_declared_encoding():
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_bytes("a.txt", "一、工作情况".encode(), encoding="klingon")


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64"])
def test_a_codec_that_is_not_a_text_encoding_is_refused(codec):
    with pytest.raises(InputError, match="not a text encoding"):
        read_bytes("draft.txt", "述法报告".encode("utf-8"), codec)


def test_mixed_utf8_and_gbk_lines_are_refused():
    lines = SEED.splitlines(keepends=True)
    data = "".join(lines[:10]).encode("utf-8") + "".join(lines[10:]).encode("gbk")
    with pytest.raises(InputError, match=r"mixed encodings: line 1 is UTF-8 but line 11 is not"):
        read_bytes("mixed.txt", data)


def test_gbk_text_that_happens_to_look_like_utf8_in_places_is_not_called_mixed():
    # 联通 in GBK is valid UTF-8 by accident; the draft is still read as GBK
    text = "联通\n本年度，我们组织专题学习研讨十二次，开展法治宣传活动三十场。\n"
    assert read_bytes("a.txt", text.encode("gbk")).lines == tuple(text.splitlines())


def test_binary_data_is_refused():
    with pytest.raises(InputError, match="not a text file"):
        read_bytes("a.txt", bytes(range(256)) * 20)


def test_control_characters_beyond_a_trace_make_a_file_binary():
    with pytest.raises(InputError, match="not a text file"):
        read_bytes("a.txt", ("一、工作情况\x00\x01\x02\x03" * 50).encode("utf-8"))


def test_a_stray_control_character_in_a_real_draft_is_still_text():
    text = SEED.replace("本年度", "本年\x07度", 1)
    assert read_bytes("a.txt", text.encode("utf-8")).lines[2].startswith("本年\x07度")


def test_whitespace_only_file_is_empty():
    with pytest.raises(InputError, match="file is empty"):
        read_bytes("a.txt", b" \n\r\n\t")


def test_reading_a_path_records_encoding(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(codecs.BOM_UTF8 + SEED.encode("utf-8"))
    source = read(str(draft))
    assert source.path == str(draft) and source.bom and source.lines[1] == SEED.splitlines()[1]
