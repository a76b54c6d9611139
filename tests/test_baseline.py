"""--baseline FILE: record today's findings with --write-baseline; later runs report only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import SHORT_DRAFT as DRAFT
from support import run_concise as run


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    Path("reports").mkdir()
    Path("reports/draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def record(baseline: str = "baseline.json", *paths: str):
    result = run("--baseline", baseline, "--write-baseline", *(paths or ("reports/draft.txt",)))
    assert result.exit_code == 0, result.stderr
    return result


def test_a_recorded_baseline_silences_todays_findings(workspace):
    assert run("reports/draft.txt").exit_code == 1
    result = record()
    assert "已将 4 个问题记入 baseline.json" in result.stderr
    result = run("--baseline", "baseline.json", "reports/draft.txt")
    assert result.exit_code == 0 and result.stdout == ""


def test_only_new_findings_are_reported(workspace):
    record()
    Path("reports/draft.txt").write_text(DRAFT.replace("法治宣传的针对性还不够强，", "法治宣传的针对性还不够强，_群体的法律援助不足，"), encoding="utf-8")
    result = run("--baseline", "baseline.json", "reports/draft.txt")
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == ["reports/draft.txt:5:14"]


def test_the_baseline_survives_lines_moving(workspace):
    record()
    moved = DRAFT.replace("一、履职情况\n", "一、履职情况\n全年办理行政复议案件12件，组织法治培训3场。\n\n")
    Path("reports/draft.txt").write_text(moved, encoding="utf-8")
    assert run("--baseline", "baseline.json", "reports/draft.txt").stdout == ""


def test_each_recorded_finding_absorbs_one_identical_finding(workspace):
    record()
    twice = DRAFT.replace("持续推进XX镇法治建设。", "持续推进XX镇法治建设。\n持续推进XX镇法治建设。")
    Path("reports/draft.txt").write_text(twice, encoding="utf-8")
    result = run("--baseline", "baseline.json", "reports/draft.txt")
    assert [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()] == ["SF302"]


def test_the_baseline_file_holds_fingerprints_not_line_numbers(workspace):
    Path("ci").mkdir()
    record("ci/baseline.json")
    data = json.loads(Path("ci/baseline.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    entries = data["findings"]
    assert {entry["code"] for entry in entries} == {"SF302", "SF303", "SF401"}
    assert {entry["path"] for entry in entries} == {"../reports/draft.txt"}
    assert all("line" not in entry and len(entry["fingerprint"]) == 32 for entry in entries)
    assert any("涉法涉诉信访 件" in entry["context"] for entry in entries)


def test_the_baseline_matches_from_another_working_folder(workspace, monkeypatch):
    record()
    monkeypatch.chdir(workspace / "reports")
    assert run("--baseline", "../baseline.json", "draft.txt").stdout == ""


def test_a_finding_in_another_file_is_new(workspace):
    record()
    Path("reports/copy.txt").write_text(DRAFT, encoding="utf-8")
    result = run("--baseline", "baseline.json", "reports/draft.txt", "reports/copy.txt")
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {"reports/copy.txt"}


def test_write_baseline_needs_a_file(workspace):
    result = run("--write-baseline", "reports/draft.txt")
    assert result.exit_code == 2 and "--write-baseline 需要 --baseline FILE" in result.stderr


@pytest.mark.parametrize("content", [None, "not json", '{"findings": 3}'])
def test_missing_or_malformed_baseline_exits_2(workspace, content):
    if content is not None:
        Path("baseline.json").write_text(content, encoding="utf-8")
    result = run("--baseline", "baseline.json", "reports/draft.txt")
    assert result.exit_code == 2 and "baseline.json" in result.stderr and result.stdout == ""
