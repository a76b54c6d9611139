"""The finding a rule reports, and the error raised for input shufa-lint cannot read."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields, replace
from typing import NamedTuple


class _Compact:
    """Pickles as its class and field values: reports cross process boundaries (``--jobs``) by the
    thousand, and the default protocol for slotted dataclasses costs several times more."""

    __slots__ = ()
    _names: dict[type, tuple[str, ...]] = {}

    def __reduce__(self):
        kind = type(self)
        names = _Compact._names.get(kind)
        if names is None:
            names = _Compact._names[kind] = tuple(item.name for item in fields(kind))
        return kind, tuple([getattr(self, name) for name in names])


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (error, warning, info)") from None


@dataclass(frozen=True, slots=True)
class Message(_Compact):
    """A message in both languages; the output picks one with ``--lang``."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class Diagnostic(_Compact):
    """One finding. Positions are 1-based; columns count code points; ``end_column`` is exclusive."""

    code: str
    name: str
    severity: Severity
    line: int
    column: int
    end_line: int
    end_column: int
    message: Message
    suggestions: tuple[Message, ...] = ()
    path: str = ""
    fix: "Fix | None" = None

    def with_location(self, **changes) -> "Diagnostic":
        return replace(self, **changes)

    @property
    def sort_key(self):
        return (self.path, self.line, self.column, self.code)


class Edit(NamedTuple):
    """Replace the text between two (line, column) points (1-based, end exclusive) of the document.

    A named tuple: a punctuation fix carries one per mark, by the hundred thousand in a long draft."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix(_Compact):
    edits: tuple[Edit, ...]
    safe: bool = True
    description: Message = field(default=Message("", ""))

    @classmethod
    def replacing(cls, start: tuple[int, int], end: tuple[int, int], content: str, safe: bool) -> "Fix":
        """One edit: the span from ``start`` to ``end`` becomes ``content`` (described as writing it)."""
        return cls((Edit(*start, *end, content),), safe, Message(f"改为“{content}”", f"write {content}"))


class InputError(Exception):
    """Input that cannot be linted: the CLI prints ``path: reason`` on one line and exits 2."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
