"""Dispatch a path to the reader for its format, within the size limits.

Every failure becomes an ``InputError`` with a one-line reason; the CLI prints it, exits 2 and goes on
with the other files.
"""

from __future__ import annotations

import importlib
import os
import sys

from ..diagnostics import InputError
from ..files import read_regular_file, too_large
from . import SourceText, from_text
from .encoding import decode

# A report is a few hundred kilobytes; 20 MB of text is far beyond any draft and still lints in seconds.
MAX_TEXT_BYTES = 20 * 1024 * 1024
# Office documents and PDFs carry their pictures and fonts; only their text is read, within each reader's limits.
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
DOCX_SUFFIXES = (".docx",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
# Word 97–2003 and WPS Office documents and templates (OLE compound files)
WORD_BINARY_SUFFIXES = (".doc", ".dot", ".wps", ".wpt")
ODT_SUFFIXES = (".odt", ".ott")
RTF_SUFFIXES = (".rtf",)
PDF_SUFFIXES = (".pdf",)
DOCUMENT_SUFFIXES = DOCX_SUFFIXES + WORD_BINARY_SUFFIXES + ODT_SUFFIXES + RTF_SUFFIXES + PDF_SUFFIXES
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"
# the reader of each document format: (module in this package, function), imported only when used
_READERS = {
    "docx": ("docx", "read_docx"),
    "word": ("worddoc", "read_word_binary"),
    "odt": ("odt", "read_odt"),
    "rtf": ("rtf", "read_rtf"),
    "pdf": ("pdf", "read_pdf"),
}
_FORMAT_OF_SUFFIX = {
    **dict.fromkeys(DOCX_SUFFIXES, "docx"),
    **dict.fromkeys(WORD_BINARY_SUFFIXES, "word"),
    **dict.fromkeys(ODT_SUFFIXES, "odt"),
    **dict.fromkeys(RTF_SUFFIXES, "rtf"),
    **dict.fromkeys(PDF_SUFFIXES, "pdf"),
}


def read(path: str, encoding: str | None = None) -> SourceText:
    suffix = os.path.splitext(path)[1].lower()
    limit = MAX_DOCUMENT_BYTES if suffix in DOCUMENT_SUFFIXES or path == "-" else MAX_TEXT_BYTES
    if path == "-":
        return read_bytes(path, _read_stdin(limit), encoding)
    if os.path.isdir(path):
        raise InputError(path, *_why_directory(path))
    return read_bytes(path, read_regular_file(path, limit), encoding)


def read_bytes(path: str, data: bytes, encoding: str | None = None) -> SourceText:
    """A ``SourceText`` from bytes already read; the format follows the name, then the content."""
    suffix = os.path.splitext(path)[1].lower()
    document_reader = _document_reader(suffix, data, from_stdin=path == "-")
    if document_reader is not None:
        return document_reader(path, data)
    if data.startswith(_ZIP_MAGIC):
        raise InputError(
            path,
            "is a zip archive (a .docx saved under another name?); rename it to .docx",
            "是 zip 压缩包（可能是改了扩展名的 .docx），请改名为 .docx",
        )
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(path, *too_large(len(data), MAX_TEXT_BYTES))
    if not data.strip():
        raise InputError(path, "file is empty", "文件为空")
    decoded = decode(data, path, encoding)
    return text_source(path, decoded.text, encoding=decoded.encoding, bom=decoded.bom)


def text_source(path: str, text: str, **attributes) -> SourceText:
    """A ``SourceText`` from decoded text (a file's, or an editor's buffer): Markdown by its name, else
    plain text."""
    if os.path.splitext(path)[1].lower() in MARKDOWN_SUFFIXES:
        from .markdown import parse_markdown

        return parse_markdown(path, text, **attributes)
    return from_text(path, text, **attributes)


def _document_reader(suffix: str, data: bytes, from_stdin: bool):
    """The reader for an office document or PDF, or None for text: by content where the format has a
    signature (a .doc saved as .txt is still a .doc, an .rtf is never linted as markup), else by name."""
    if data.startswith(_OLE_MAGIC):
        found = "word"
    elif data.startswith(_ZIP_MAGIC):
        if _ODT_MIMETYPE in data[:100] or suffix in ODT_SUFFIXES:
            found = "odt"
        else:
            found = "docx" if suffix in DOCX_SUFFIXES or from_stdin else None
    elif data.startswith(b"%PDF"):
        found = "pdf"
    elif data.lstrip().startswith(b"{\\rtf"):
        found = "rtf"
    else:
        found = _FORMAT_OF_SUFFIX.get(suffix)
    if found is None:
        return None
    module, function = _READERS[found]
    return getattr(importlib.import_module(f".{module}", __package__), function)


def _read_stdin(limit: int) -> bytes:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError("-", *too_large(len(data), limit, at_least=True))
    return data


def _why_directory(path: str) -> tuple[str, str]:
    """A directory reaches the reader only when the walk refused to enter it: say why (English, Chinese)."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        parent = os.path.realpath(os.path.dirname(os.path.abspath(path)))
        if parent == target or parent.startswith(target.rstrip(os.sep) + os.sep):
            return f"symlink loop: links back to {target}; not followed", f"符号链接循环：指回 {target}，未进入"
    if not os.access(path, os.R_OK | os.X_OK):
        return "cannot read directory: permission denied", "无法读取文件夹：没有权限"
    return "is a directory", "是一个文件夹"
