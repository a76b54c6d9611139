"""Start-up stays light: what a run imports depends on what it does.

Each check runs the CLI in a fresh interpreter and reports which modules got imported, because a
module imported once stays in ``sys.modules`` for the rest of a test session.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "seed.txt"

PROBE = """
import json, sys
from shufa_lint.cli import main
from shufa_lint.registry import all_rules

arguments = sys.argv[1:]
if arguments[0] == "--ignore-segmentation":
    codes = [code for code, rule in all_rules().items() if rule.needs_segmentation]
    arguments = ["--ignore", ",".join(codes), *arguments[1:]]
for name in [name for name in sys.modules if name.startswith("shufa_lint.checks") or name == "shufa_lint.registry"]:
    del sys.modules[name]  # the probe looked at the registry; the run must import what it needs itself
try:
    main(arguments)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def imported_by(*arguments: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, timeout=60, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_a_run_without_word_boundary_rules_loads_no_segmentation(tmp_path):
    modules = imported_by("--ignore-segmentation", str(SEED))
    assert "shufa_lint.engine" in modules  # the seed was linted
    assert "jieba" not in modules
    assert "shufa_lint.segment" not in modules


def test_a_run_with_them_segments_without_importing_jieba(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "2024年度县委主要负责人履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n"
        "（一）强化政治引领。年内组织专题学习研讨次，带领全体班子成员系统研习。\n",
        encoding="utf-8",
    )
    modules = imported_by("--format", "json", str(draft))
    assert "shufa_lint.segment" in modules  # the figure rule needed word boundaries here
    assert "jieba" not in modules  # segment.py reads jieba's dictionary, never its code


def test_help_imports_no_rule_machinery():
    modules = imported_by("--help")
    assert not modules & {"yaml", "jieba", "shufa_lint.engine", "shufa_lint.registry", "shufa_lint.lexicon", "docx"}


def test_a_text_file_loads_no_word_document_reader():
    modules = imported_by("--ignore-segmentation", str(SEED))
    assert not {"docx", "lxml", "multiprocessing"} & modules


def test_a_pyproject_that_only_names_shufa_lint_is_not_parsed(tmp_path):
    """A project that depends on shufa-lint or installs its script holds no configuration for it."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "drafts"\ndependencies = ["shufa-lint>=0.1"]\n'
        '[project.scripts]\nshufa-lint = "shufa_lint.cli:entry"\n',
        encoding="utf-8",
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert "tomllib" not in imported_by("--ignore-segmentation", str(draft))


def test_a_tool_table_holding_the_configuration_as_a_key_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool]\nshufa-lint = { ignore = ["SF401"] }\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "shufa_lint", "--format", "concise", str(draft)], capture_output=True, text=True,
        timeout=120, cwd=tmp_path,
    )
    assert "SF401" not in result.stdout and "SF301" in result.stdout
