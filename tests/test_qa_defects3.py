"""Five whole drafts made from the clean reports of tests/fixtures/qa_clean3/ with defects put in where
drafters put them (tests/fixtures/qa_defects3/): a 二是 repeated after a 1. 2. 3. list inside the run, a
figure dropped (学法次, 5G基站个), words a filter cut (_法治思想 in a report with a flattened table, 弱势_
in one indented with full-width spaces), a line broken mid-sentence, a （3） skipped four levels deep, the
存在问题 part of a 述法 left out.

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
from test_qa_defects2 import expected  # the sidecars are read as in qa_defects2

DEFECTS3 = Path(__file__).parent / "fixtures" / "qa_defects3"
DRAFTS = sorted(path for path in DEFECTS3.iterdir() if path.suffix != ".expected")


def test_every_draft_has_its_sidecar_and_every_sidecar_its_draft():
    assert DRAFTS and all(draft.with_suffix(".expected").is_file() for draft in DRAFTS)
    assert sorted(p.stem for p in DEFECTS3.glob("*.expected")) == sorted(p.stem for p in DRAFTS)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_each_injected_defect_is_found_and_nothing_else_is_headline(draft):
    found = lint_source(read_path(str(draft)), Settings())
    assert sorted((d.code, d.line) for d in found if d.severity >= Severity.WARNING) == expected(draft)
