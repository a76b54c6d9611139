"""The command line's front door: a well-formed lint command runs without importing click, with exactly
the parameters click would have parsed; everything else goes to click, which parses and explains it."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from shufa_lint.cli import LINT_OPTIONS, click_main, plain_command_line

SEED = Path(__file__).parent / "fixtures" / "seed.txt"

READ_BY_THE_FRONT_DOOR = [
    ["draft.txt"],
    ["a.txt", "b.md", "-"],
    ["--ignore", "SF303,SF801", "seed.txt"],
    ["--ignore=SF303", "--ignore", "SF8", "--select", "SF3", "x.txt"],
    ["-q", "--format", "json", "x.txt"],
    ["--format=sarif", "-o", "out.sarif", "x.txt"],
    ["x.txt", "--fail-on", "error", "--exit-zero", "y.txt"],
    ["--jobs", "0", "reports"],
    ["-j", "3", "--jobs=2", "x.txt"],
    ["--lang", "en", "--pack", "fazhi-zhengfu", "x.txt"],
    ["--outline", "outline.yaml", "-c", "cfg.yaml", "x.txt"],
    ["--explain", "SF301"],
    ["--list-rules", "--lang=en"],
    ["--print-config", "x.txt"],
    ["--fix", "--unsafe-fixes", "--fix-through-symlinks", "x.txt"],
    ["--diff", "--show-all", "--statistics", "x.txt"],
    ["--baseline", "baseline.json", "--write-baseline", "x.txt"],
    ["--ignore", "-q", "x.txt"],  # an option's value may start with a dash, for click too
    ["--encoding", "gb18030", "--allow-outside-paths", "x.txt"],
    [],
]

LEFT_TO_CLICK = [
    ["--help"],
    ["-h"],
    ["--version"],
    ["--", "-draft.txt"],
    ["-qo", "out.txt", "x.txt"],
    ["-oout.txt", "x.txt"],
    ["--format", "yaml", "x.txt"],
    ["--format"],
    ["--jobs", "-1", "x.txt"],
    ["--jobs", "many", "x.txt"],
    ["--quiet=yes", "x.txt"],
    ["--bogus", "x.txt"],
    ["--form", "json", "x.txt"],
    ["-x"],
]


def parsed_by_click(arguments: list[str]) -> dict:
    return click_main().make_context("shufa-lint", list(arguments)).params


@pytest.mark.parametrize("arguments", READ_BY_THE_FRONT_DOOR, ids=" ".join)
def test_the_front_door_reads_a_command_line_as_click_does(arguments, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    read = plain_command_line(arguments)
    assert read is not None
    assert read == parsed_by_click(arguments)


@pytest.mark.parametrize("arguments", LEFT_TO_CLICK, ids=" ".join)
def test_anything_else_is_left_to_click(arguments):
    assert plain_command_line(arguments) is None


def test_a_folder_given_as_a_file_option_is_left_to_click_which_refuses_it(tmp_path):
    arguments = ["--outline", str(tmp_path), "x.txt"]
    assert plain_command_line(arguments) is None
    result = subprocess.run([sys.executable, "-m", "shufa_lint", *arguments], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.startswith("用法：shufa-lint") and "不能是文件夹" in result.stderr


def test_random_command_lines_the_front_door_reads_are_parsed_the_same_by_click(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    words = [flag for option in LINT_OPTIONS for flag in option.flags]
    words += ["--format=json", "--ignore=SF3", "--fail-on=info", "--jobs=1", "-", "--", "draft.txt", "folder",
              "json", "concise", "zh", "en", "2", "-1", "SF301", "=", "-q=1", "--quiet=", ""]
    generator = random.Random(2025)
    read = 0
    for _ in range(3000):
        arguments = [generator.choice(words) for _ in range(generator.randint(0, 6))]
        params = plain_command_line(arguments)
        if params is not None:
            read += 1
            assert params == parsed_by_click(arguments), arguments
    assert read > 300  # the comparison was made often, not only on trivial lines


PROBE = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(sys.modules))))
from shufa_lint.cli import entry
sys.argv = ["shufa-lint", *sys.argv[1:]]
entry()
"""


def run_entry(*arguments: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    result = subprocess.run([sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, timeout=60)
    *output, modules = result.stdout.splitlines()
    result.stdout = "\n".join(output) + "\n" if output else ""
    return result, set(json.loads(modules))


def test_a_plain_run_does_not_import_click_and_says_what_click_would(tmp_path):
    arguments = ["--format", "json", "--ignore", "SF8", str(SEED)]
    plain, modules = run_entry(*arguments)
    assert "click" not in modules and "shufa_lint.engine" in modules
    through_click = subprocess.run(
        [sys.executable, "-c", "import sys; from shufa_lint.cli import main; main(sys.argv[1:])", *arguments],
        capture_output=True, text=True, timeout=60,
    )
    assert plain.returncode == through_click.returncode == 1
    assert plain.stdout == through_click.stdout and plain.stderr == through_click.stderr
    assert json.loads(plain.stdout)["diagnostics"]


def test_a_usage_problem_the_front_door_meets_is_said_by_click_with_the_usage_line(tmp_path):
    result, modules = run_entry("--format", "docx", str(SEED))
    assert result.returncode == 2
    assert result.stderr.startswith("用法：shufa-lint") and "-o FILE.docx" in result.stderr
    assert result.stdout == ""


def test_explain_and_list_rules_run_through_the_front_door():
    explained, modules = run_entry("--explain", "SF301")
    assert explained.returncode == 0 and explained.stdout.startswith("SF301 ") and "click" not in modules
    unknown, _ = run_entry("--explain", "SF999")
    assert unknown.returncode == 2 and "错误：没有规则“SF999”" in unknown.stderr and "用法：" in unknown.stderr


def test_a_reader_that_goes_away_ends_the_run_without_a_traceback():
    process = subprocess.Popen(
        [sys.executable, "-m", "shufa_lint", "--show-all", str(SEED)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()  # as `| head` does, before the findings are written
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 1
    assert b"Traceback" not in errors and b"Error" not in errors


def test_a_stream_that_claims_ascii_gets_the_chinese_findings_in_utf8():
    result = subprocess.run(
        [sys.executable, "-m", "shufa_lint", str(SEED)],
        capture_output=True, timeout=60, env={"PYTHONIOENCODING": "ascii", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "数字未填写" in result.stdout.decode("utf-8") and b"Traceback" not in result.stderr


def test_the_front_door_writes_to_whatever_streams_the_caller_gave(monkeypatch):
    import gc
    import io

    from shufa_lint.cli import entry

    findings, summary = io.StringIO(), io.StringIO()  # no encoding, no reconfigure: left as they are
    monkeypatch.setattr(sys, "stdout", findings)
    monkeypatch.setattr(sys, "stderr", summary)
    monkeypatch.setattr(sys, "argv", ["shufa-lint", "--lang", "en", str(SEED)])
    with pytest.raises(SystemExit) as ended:
        entry()
    gc.unfreeze()  # entry() sets the run's objects aside for an exit that, here, does not come
    assert ended.value.code == 1
    assert "SF301" in findings.getvalue() and summary.getvalue().startswith("Found 61 problem")


@pytest.mark.parametrize(
    "arguments, said",
    [
        (["--frobnicate", "x.txt"], "错误：没有选项“--frobnicate”（是否应为“--format”？）"),
        (["--format", "jsn", "x.txt"], "错误：选项“--format”只能取以下值之一：full、concise、text、json"),
        (["--explain"], "错误：选项“--explain”需要一个值"),
        (["--quiet=yes", "x.txt"], "错误：选项“--quiet”不带值"),
        (["--jobs", "-1", "x.txt"], "错误：选项“--jobs/-j”应为不小于 0 的整数"),
        (["--lang", "en", "--frobnicate", "x.txt"], "Error: No such option '--frobnicate'. Did you mean '--format'?"),
    ],
)
def test_what_click_refuses_is_said_in_the_language_asked(arguments, said):
    result = subprocess.run([sys.executable, "-m", "shufa_lint", *arguments], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and said in result.stderr
    assert result.stderr.startswith("Usage: shufa-lint" if "--lang" in arguments else "用法：shufa-lint")
