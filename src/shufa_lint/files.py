"""Reading and writing files safely: only regular files, within a size, replaced in one step.

Every file shufa-lint reads (drafts, outlines, baselines, rule data) goes through ``read_regular_file``:
opened without blocking and checked on the open descriptor, because a FIFO waits for a writer forever
and a device (/dev/zero) or a /proc file has no size to check before reading. Every file it writes
besides a fixed draft goes through ``replace_atomically``: the temporary file is created exclusively
(``mkstemp``: ``O_CREAT | O_EXCL``, a random name, mode 0600) in the target's own folder, so a planted
``<target>.tmp`` symlink is never followed and the rename never crosses file systems; readers see the
old file or the new one, never half of either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .diagnostics import InputError, os_reason


def read_regular_file(path: str, limit: int) -> bytes:
    """The bytes of the regular file ``path``; refuse anything else, and anything larger than ``limit``."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        reason = os_reason(error)
        raise InputError(path, f"cannot read: {reason.en}", f"无法读取：{reason.zh}") from None
    except ValueError as error:  # a NUL in the name
        raise InputError(path, f"cannot read: {error}", "无法读取：文件名中有空字符（NUL）") from None
    with open(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise InputError(path, "is a directory", "是一个文件夹")
        if not stat.S_ISREG(status.st_mode):
            kind = _file_kind(status.st_mode)
            raise InputError(path, f"is not a regular file ({kind[0]}); not read", f"不是普通文件（{kind[1]}），未读取")
        if status.st_size > limit:
            raise InputError(path, *too_large(status.st_size, limit))
        try:
            data = handle.read(limit + 1)  # a file that grows while it is read still stops here
        except OSError as error:
            reason = os_reason(error)
            raise InputError(path, f"cannot read: {reason.en}", f"无法读取：{reason.zh}") from None
    if len(data) > limit:
        raise InputError(path, *too_large(len(data), limit, at_least=True))
    return data


def _file_kind(mode: int) -> tuple[str, str]:
    """What a special file is, in English and Chinese."""
    kinds = ((stat.S_ISFIFO, ("a named pipe", "命名管道")), (stat.S_ISCHR, ("a character device", "字符设备")),
             (stat.S_ISBLK, ("a block device", "块设备")), (stat.S_ISSOCK, ("a socket", "套接字")))
    return next((names for test, names in kinds if test(mode)), ("a special file", "特殊文件"))


def too_large(size: int, limit: int, at_least: bool = False) -> tuple[str, str]:
    """Why a file is refused for its size, in English and Chinese (``InputError(path, *too_large(…))``)."""
    megabytes = f"{size / 1024 / 1024:.1f} MB"
    return (
        f"file too large ({'over ' if at_least else ''}{megabytes}; the limit is {limit // 1024 // 1024} MB); not linted",
        f"文件过大（{'超过 ' if at_least else ''}{megabytes}，上限 {limit // 1024 // 1024} MB），未检查",
    )


def cache_dir() -> Path:
    """The per-user cache folder (dictionary buckets, compiled patterns, explanations):
    ``$XDG_CACHE_HOME/shufa-lint``, else ``~/.cache/shufa-lint``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "shufa-lint"


def replace_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` as the new content of ``path`` (a symlink at ``path`` is replaced, not followed)."""
    import tempfile  # here: a run that writes nothing does not pay for importing it

    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
