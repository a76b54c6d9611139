"""The finding a rule reports, and the error raised for input shufa-lint cannot read."""

import enum
import errno
from typing import NamedTuple


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


class Message(NamedTuple):
    """A message in both languages; the output picks one with ``--lang``."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Diagnostic(NamedTuple):
    """One finding. Positions are 1-based; columns count code points; ``end_column`` is exclusive.

    A named tuple, as Message, Edit and Fix: findings are made by the hundred thousand in a long draft
    and cross process boundaries (``--jobs``), where a tuple is the cheapest to build and to pickle."""

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
        return self._replace(**changes)

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


class Fix(NamedTuple):
    edits: tuple[Edit, ...]
    safe: bool = True
    description: Message = Message("", "")

    @classmethod
    def replacing(cls, start: tuple[int, int], end: tuple[int, int], content: str, safe: bool) -> "Fix":
        """One edit: the span from ``start`` to ``end`` becomes ``content`` (described as writing it)."""
        return cls((Edit(*start, *end, content),), safe, Message(f"改为“{content}”", f"write {content}"))


class InputError(Exception):
    """Input that cannot be linted: the CLI prints ``path: reason`` on one line, in the run's language,
    and exits 2. ``reason`` is English; ``zh`` the same in Chinese (English stands in when there is none)."""

    def __init__(self, path: str, reason: str, zh: str | None = None):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.zh = zh or reason

    @property
    def message(self) -> Message:
        return Message(f"{self.path}: {self.zh}", str(self))


# What the operating system says when a file cannot be opened, in Chinese (the rest stays as it says it).
_OS_REASONS_ZH = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ELOOP: "符号链接层数过多",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.EADDRINUSE: "端口已被占用",
    errno.EADDRNOTAVAIL: "本机没有这个地址",
}


def os_reason(error: OSError) -> Message:
    """Why an operating-system call failed, in both languages (``No such file or directory`` / 文件不存在)."""
    english = error.strerror or str(error)
    return Message(_OS_REASONS_ZH.get(error.errno, english), english)
