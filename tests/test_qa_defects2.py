"""Whole drafts with defects put in where drafters put them, made from the clean reports of the second,
third, fourth, fifth and sixth QA passes.

- tests/fixtures/qa_defects2/ (from qa_clean2): figures left as *次 or dropped (事项件, 学法次), words a
  filter cut (_法治思想, 弱势_, 网络_带货), a line broken mid-sentence, a passage cut, numbering that
  skips or repeats (一是/二是, （一）, (1), 1., ①②④), a required part missing, 提法 out of date for the
  report's year.
- tests/fixtures/qa_defects3/ (from qa_clean3): a 二是 repeated after a 1. 2. 3. list inside the run, a
  figure dropped (学法次, 5G基站个), words a filter cut (_法治思想 in a report with a flattened table,
  弱势_ in one indented with full-width spaces), a line broken mid-sentence, a （3） skipped four levels
  deep, the 存在问题 part of a 述法 left out.
- tests/fixtures/qa_defects4/ (from qa_clean4): figures dropped (培训期, 排查次, 满意率%, 挽回损失亿元,
  名干部职工), left as *次, XX场次 or *起 (in an attachment's table), words a filter cut (_法治思想,
  习近平_思想), lines broken mid-sentence (one indented with full-width spaces), a passage cut before a
  heading, an item or a part cut out so 2. goes on with 4. and (二) with (四), （三） then （五）, 二是
  and 第三 repeated where the next belongs, the 存在问题 part of a court president's 述法 left out.
- tests/fixtures/qa_defects5/ (from qa_clean5): figures left as *轮, *卷 (in a table's cell) or XX件 or
  dropped (案件件, 学法次, 个百分点, 辖区家), words a filter cut (_法治思想 under a saved page's metadata,
  习近平_思想), lines broken mid-sentence, a passage cut before a heading in a 公文, an item cut out so
  3. goes on with 5., （1） and 二要 repeated where the next belongs, 二是 then 四是, （三） then （五）,
  the question on the problems and its answer left out of a 述法评议会 transcript.
- tests/fixtures/qa_defects6/ (from qa_clean6): figures left as XX件 or **家 or dropped (活动场次, 学法次),
  a word a filter cut (_法治思想), a line broken mid-sentence, a passage cut before a heading, （五） then
  （七）, 2. repeated where 3. belongs, 二是 then 四是.

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

FOLDERS = [
    Path(__file__).parent / "fixtures" / name
    for name in ("qa_defects2", "qa_defects3", "qa_defects4", "qa_defects5", "qa_defects6")
]
DRAFTS = sorted(path for folder in FOLDERS for path in folder.iterdir() if path.suffix != ".expected")


def expected(draft: Path) -> list[tuple[str, int]]:
    rows = draft.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    return sorted((row.split()[1], int(row.split()[0])) for row in rows if row.strip())


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_draft_has_its_sidecar_and_every_sidecar_its_draft(folder):
    drafts = [draft for draft in DRAFTS if draft.parent == folder]
    assert drafts and all(draft.with_suffix(".expected").is_file() for draft in drafts)
    assert sorted(p.stem for p in folder.glob("*.expected")) == sorted(p.stem for p in drafts)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_injected_defect_is_found_and_nothing_else_is_headline(draft):
    found = lint_source(read_path(str(draft)), Settings())
    assert sorted((d.code, d.line) for d in found if d.severity >= Severity.WARNING) == expected(draft)
