"""The pre-commit hooks, for real: ``pre-commit try-repo`` installs this checkout into a fresh
environment and runs the hook on a temporary git repository of drafts.

try-repo is pointed at the checkout's HEAD commit: that is what a user of the hook gets, and it is
complete (try-repo's copy of uncommitted changes leaves out new untracked files). So commit before
expecting this test to see a change. Each run builds a virtualenv and pip-installs the package, about
ten seconds with a warm pip cache; deselect with ``-m "not precommit"``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pre_commit = pytest.importorskip("pre_commit")
from identify.identify import tags_from_filename  # noqa: E402  (installed with pre-commit)
from pre_commit.clientlib import load_manifest  # noqa: E402

pytestmark = pytest.mark.precommit

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / ".pre-commit-hooks.yaml"
SEED = REPO / "tests" / "fixtures" / "seed.txt"

GOOD_DRAFT = """\
2025年度镇党委书记履行推进法治建设第一责任人职责情况的报告
本年度，我认真履行推进法治建设第一责任人职责，现将有关情况报告如下。
一、工作情况
（一）强化政治引领。一是坚持学法制度，全年组织党委理论学习中心组专题学法6次。二是严格落实述法要求，将法治建设纳入年度综合绩效考核，权重占比提升至8%。
（二）推进依法行政。一是规范重大决策程序，全年12项重大决策全部经过合法性审查。二是加强行政执法监督，开展执法案卷评查2次。
二、存在问题
（一）基层干部法治思维与实际能力存在差距。
（二）法治人才保障和资源投入存在短板。
三、整改措施
（一）持续深化理论武装，每季度至少组织1次专题学法。
（二）加强法治队伍建设，年内新增法律明白人20名。
"""


def _git(*arguments: str, cwd: Path, env: dict) -> str:
    return subprocess.run(["git", *arguments], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def isolated_env(tmp_path):
    """The environment without the caller's git and pre-commit state (a test may run inside a hook)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


@pytest.fixture
def drafts(tmp_path, isolated_env):
    """A git repository with a damaged draft (the seed) and a clean one."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(SEED, folder / "镇党委述法报告-初稿.txt")
    (folder / "镇党委述法报告-终稿.md").write_text(GOOD_DRAFT, encoding="utf-8")
    _git("init", "-q", ".", cwd=folder, env=isolated_env)
    _git("add", ".", cwd=folder, env=isolated_env)
    return folder


def try_repo(drafts: Path, env: dict, *files: str) -> subprocess.CompletedProcess:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: try-repo needs one")
    head = _git("rev-parse", "HEAD", cwd=REPO, env=env).strip()
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "shufa-lint", "--ref", head,
               "--color", "never", "--files", *files]
    return subprocess.run(command, cwd=drafts, env=env, capture_output=True, text=True, timeout=600)


def test_hook_fails_on_a_damaged_draft(drafts, isolated_env):
    result = try_repo(drafts, isolated_env, "镇党委述法报告-初稿.txt")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Failed" in output and "Traceback" not in output
    # concise findings (not a terminal), e.g. the words removed by a content filter
    assert "镇党委述法报告-初稿.txt:3:9: SF401 " in output
    assert "发现 " in output  # the summary line


def test_hook_passes_on_a_clean_draft(drafts, isolated_env):
    result = try_repo(drafts, isolated_env, "镇党委述法报告-终稿.md")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output


def test_manifest_hooks_select_drafts_by_type_and_docx_by_name():
    hooks = {hook["id"]: hook for hook in load_manifest(str(MANIFEST))}  # validates the schema
    assert set(hooks) == {"shufa-lint", "shufa-lint-docx"}
    text_hook, docx_hook = hooks["shufa-lint"], hooks["shufa-lint-docx"]
    for name in ("述法报告.txt", "述法报告.md"):
        assert set(text_hook["types_or"]) & tags_from_filename(name)
    documents = ("述法报告.docx", "述法报告.doc", "述法报告.wps", "述法报告.odt", "述法报告.rtf", "述法报告.PDF")
    for name in documents:
        assert not set(text_hook["types_or"]) & tags_from_filename(name)  # never linted as text
        assert re.search(docx_hook["files"], f"报告/2025年{name}")
    assert text_hook["entry"] == docx_hook["entry"] == "shufa-lint"
    assert not re.search(docx_hook["files"], "报告/2025年述法报告.docx.txt")
