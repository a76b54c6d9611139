"""Dispatch a path to the reader for its format."""

from __future__ import annotations

import sys

from ..diagnostics import InputError
from . import SourceText, from_text


def read(path: str, encoding: str | None = None) -> SourceText:
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if not data.strip():
        raise InputError(path, "file is empty")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except (UnicodeDecodeError, LookupError) as error:
        raise InputError(path, f"cannot decode as {encoding or 'UTF-8'}: {error}") from None
    return from_text(path, text, encoding=encoding or "utf-8", bom=data.startswith(b"\xef\xbb\xbf"))
