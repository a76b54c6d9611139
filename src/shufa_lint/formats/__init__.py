"""Output formats. Each module has ``render(report, options) -> str``; none reads files or decides
the exit code."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..source import SourceText

# format name -> module in this package
FORMATS = {
    "text": "text",
    "json": "json",
}


@dataclass
class FileReport:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: SourceText | None = None  # the text as read, for formats that quote the source line
    error: str | None = None  # an input error: the file could not be linted


@dataclass
class RenderOptions:
    lang: str = "zh"
    color: bool = False


def render(name: str, files: list[FileReport], options: RenderOptions) -> str:
    module = importlib.import_module(f"{__package__}.{FORMATS[name]}")
    return module.render(files, options)
