"""A progress line on standard error for long runs over many files: ``已检查 37/300 个文件``.

Shown only when a person watches: standard error is a terminal, the output format is for people, and
not in CI. It appears after ``DELAY`` seconds (a short run never flickers), is redrawn in place at most
``REDRAWS_PER_SECOND`` times a second, and is erased when the run ends, before the findings print.
"""

from __future__ import annotations

import os
import sys
import time

DELAY = 2.0
REDRAWS_PER_SECOND = 10
HUMAN_FORMATS = (None, "full", "concise", "text")
_WORDS = {"zh": "已检查 {done}/{total} 个文件", "en": "checked {done}/{total} files"}


def wanted(output_format: str | None, quiet: bool, files: int) -> bool:
    return (
        files > 1
        and not quiet
        and output_format in HUMAN_FORMATS
        and sys.stderr.isatty()
        and not os.environ.get("CI")
    )


class Progress:
    def __init__(self, total: int, lang: str, stream=None, clock=time.monotonic):
        self.total = total
        self.words = _WORDS.get(lang, _WORDS["en"])
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.drawn_at: float | None = None

    def advance(self) -> None:
        """One more file linted."""
        self.done += 1
        now = self.clock()
        if now - self.started < DELAY:
            return
        if self.drawn_at is not None and now - self.drawn_at < 1 / REDRAWS_PER_SECOND and self.done < self.total:
            return
        self.drawn_at = now
        self.stream.write("\r" + self.words.format(done=self.done, total=self.total) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
