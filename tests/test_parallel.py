"""--jobs: linting in worker processes gives exactly the serial run's output, in the same order."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from shufa_lint.lexicon import builtin
from shufa_lint.parallel import PARALLEL_FROM_FILES, available_cores, lint_files, worker_count
from shufa_lint.settings import Settings

SEED = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8")


def contents(report) -> tuple:
    """Everything a report holds: the source as read (compared field by field), findings, error, structure."""
    return report.path, report.diagnostics, report.source, report.error, report.structure


def _varied_drafts() -> dict[str, str]:
    """Drafts derived from the seed, each damaged differently (or repaired), so every rule family
    reports something somewhere and the files differ in size and findings."""
    lines = SEED.splitlines()
    filled = re.sub(r"\*", "12", SEED)
    return {
        "01-seed.txt": SEED,
        "02-figures-filled.txt": filled,
        "03-no-outline.txt": "\n".join(lines[1:]),
        "04-first-part-only.txt": "\n".join(lines[:9]),
        "05-full-width.txt": SEED.replace(",", "，").replace("(", "（").replace(")", "）"),
        "06-problems-missing.txt": "\n".join(line for line in lines if not line.startswith(("二、存在问题", "（一）基层"))),
        "07-crlf.txt": filled.replace("\n", "\r\n"),
        "08-empty.txt": "",
        "09-title-only.txt": lines[1] + "\n",
        "sub/10-fazhi-zhengfu.txt": "区人民政府2024年法治政府建设年度报告\n一、主要举措和成效\n（一）加强组织领导。"
        "年内组织专题学习研讨次，涉法涉诉信访 件，调解成功率保持在%以上。\n三、下一年度主要安排\n一是完善",
        "sub/11-redacted.txt": SEED.replace("习近平", "_") + "\n四、其他\n持续深化_法治思想学习。",
        "sub/12-seed-again.txt": SEED,
    }


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    for name, text in _varied_drafts().items():
        path = folder / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "13-binary.txt").write_bytes(b"\x00\x01\xff\xfe" * 64)
    return folder


def run_cli(*arguments, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "shufa_lint", *map(str, arguments)],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


@pytest.mark.parametrize("output_format", ["json", "concise"])
def test_two_jobs_print_exactly_what_one_job_prints(drafts, output_format):
    serial = run_cli("--format", output_format, "--jobs", "1", drafts)
    parallel = run_cli("--format", output_format, "--jobs", "2", drafts)
    assert serial.returncode == 2  # the empty and binary files are input errors
    assert serial.stdout.count("SF") > 50
    assert "08-empty.txt" in serial.stderr
    assert (parallel.returncode, parallel.stdout, parallel.stderr) == (serial.returncode, serial.stdout, serial.stderr)


def test_standard_input_is_linted_in_place_among_parallel_files(drafts):
    files = [drafts / "01-seed.txt", "-", drafts / "02-figures-filled.txt", drafts / "sub" / "11-redacted.txt"]
    serial = run_cli("--format", "json", "--jobs", "1", *files, stdin=SEED)
    parallel = run_cli("--format", "json", "--jobs", "2", *files, stdin=SEED)
    assert '"-"' in serial.stdout
    assert (parallel.returncode, parallel.stdout, parallel.stderr) == (serial.returncode, serial.stdout, serial.stderr)


def test_reports_come_back_in_path_order_with_errors_in_place(drafts):
    paths = sorted(str(path) for path in drafts.rglob("*.txt"))
    paths.reverse()
    settings, lexicon = Settings(), builtin()
    serial = lint_files(paths, settings, lexicon, jobs=1)
    parallel = lint_files(paths, settings, lexicon, jobs=2)
    assert [report.path for report in parallel] == paths
    assert [contents(report) for report in parallel] == [contents(report) for report in serial]
    errors = [Path(report.path).name for report in parallel if report.error]
    assert errors == ["13-binary.txt", "08-empty.txt"]
    assert all(report.diagnostics for report in parallel if not report.error)


def test_worker_count():
    cores = available_cores()
    assert worker_count(None, PARALLEL_FROM_FILES - 1) == 1  # a few files: no pool to start
    assert worker_count(None, 1000) == cores
    assert worker_count(0, 1000) == cores
    assert worker_count(2, 1000) == 2
    assert worker_count(8, 3) == 3  # never more workers than files
    assert worker_count(4, 0) == 1


def test_spawned_workers_give_the_same_reports(drafts, monkeypatch):
    """macOS and Windows start workers by spawning, not forking: settings and lexicon travel pickled."""
    import multiprocessing

    from shufa_lint import parallel

    paths = sorted(str(path) for path in drafts.rglob("*.txt"))
    settings, lexicon = Settings(ignore=("SF7",)), builtin()
    serial = lint_files(paths, settings, lexicon, jobs=1)
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    spawned = lint_files(paths, settings, lexicon, jobs=2)
    assert [contents(report) for report in spawned] == [contents(report) for report in serial]
    assert not any(d.code.startswith("SF7") for report in spawned for d in report.diagnostics)
