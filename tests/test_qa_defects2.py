"""Six whole drafts in the new styles of tests/fixtures/qa_clean2/ with defects put in where drafters put
them (tests/fixtures/qa_defects2/): figures left as *次 or dropped (事项件, 学法次), words a filter cut
(_法治思想, 弱势_, 网络_带货), a line broken mid-sentence, a passage cut, numbering that skips or repeats
(一是/二是, （一）, (1), 1., ①②④), a required part missing, 提法 out of date for the report's year.

Each draft has a sidecar ``<name>.expected``: one ``line code  note`` row per defect. Every defect must
be found at its line by its rule (recall), and nothing else may be a headline finding (warning or
error)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shufa_lint.diagnostics import Severity
from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import read_path

DEFECTS2 = Path(__file__).parent / "fixtures" / "qa_defects2"
DRAFTS = sorted(path for path in DEFECTS2.iterdir() if path.suffix != ".expected")


def expected(draft: Path) -> list[tuple[str, int]]:
    rows = draft.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    return sorted((row.split()[1], int(row.split()[0])) for row in rows if row.strip())


def test_every_draft_has_its_sidecar_and_every_sidecar_its_draft():
    assert DRAFTS and all(draft.with_suffix(".expected").is_file() for draft in DRAFTS)
    assert sorted(p.stem for p in DEFECTS2.glob("*.expected")) == sorted(p.stem for p in DRAFTS)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_each_injected_defect_is_found_and_nothing_else_is_headline(draft):
    found = lint_source(read_path(str(draft)), Settings())
    assert sorted((d.code, d.line) for d in found if d.severity >= Severity.WARNING) == expected(draft)
