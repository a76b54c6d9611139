"""The progress line of long folder runs: only for a person at a terminal, never in machine output."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from shufa_lint import progress
from shufa_lint.cli import main
from shufa_lint.progress import Progress, wanted


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_in_the_first_seconds_and_the_line_is_erased_at_the_end():
    clock, stream = Clock(), io.StringIO()
    line = Progress(300, "zh", stream, clock)
    for _ in range(10):
        line.advance()
    line.close()
    assert stream.getvalue() == ""  # a quick run leaves no trace

    clock.now += progress.DELAY
    line = Progress(300, "zh", stream, clock)
    clock.now += progress.DELAY
    line.advance()
    line.advance()  # within the same tenth of a second: not redrawn
    clock.now += 1
    line.advance()
    line.close()
    assert stream.getvalue() == "\r已检查 1/300 个文件\x1b[K\r已检查 3/300 个文件\x1b[K\r\x1b[K"


def test_english_wording():
    clock, stream = Clock(), io.StringIO()
    line = Progress(2, "en", stream, clock)
    clock.now += progress.DELAY
    line.advance()
    assert "checked 1/2 files" in stream.getvalue()


@pytest.mark.parametrize(
    ("output_format", "tty", "ci", "files", "shown"),
    [
        (None, True, "", 300, True),
        ("full", True, "", 300, True),
        ("concise", True, "", 300, True),
        ("json", True, "", 300, False),
        ("sarif", True, "", 300, False),
        ("github", True, "", 300, False),
        (None, False, "", 300, False),  # piped or redirected
        (None, True, "true", 300, False),  # CI logs
        (None, True, "", 1, False),
    ],
)
def test_shown_only_to_a_person_at_a_terminal(monkeypatch, output_format, tty, ci, files, shown):
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: tty, raising=False)
    monkeypatch.setenv("CI", ci)
    assert wanted(output_format, quiet=False, files=files) is shown
    assert not wanted(output_format, quiet=True, files=files)


def test_a_folder_run_into_a_pipe_has_no_progress_line(tmp_path):
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text("2025年度述法报告\n一、工作情况\n本年度组织学习12次。\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(tmp_path)])
    assert "\r" not in result.stderr and "已检查" not in result.stderr
