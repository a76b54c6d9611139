"""scripts/injection_recall.py: each kind of damage really damages a whole clean report where it says,
and the damage the rules are sure of is caught there."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))

import injection_recall  # noqa: E402  (scripts/ is not a package)

from shufa_lint.engine import lint_source  # noqa: E402
from shufa_lint.settings import Settings  # noqa: E402
from shufa_lint.source import from_text  # noqa: E402

REPORT = Path(__file__).parent / "fixtures" / "qa_clean4" / "m04_district_government_fzzf_2024_six_parts.txt"


@pytest.mark.parametrize("kind", sorted(injection_recall.KINDS))
def test_each_kind_changes_the_report(kind):
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    inject, _codes = injection_recall.KINDS[kind]
    injected = inject(lines, random.Random(7))
    assert injected is not None, "the report offers a place for this damage"
    damaged, line, _word = injected
    assert damaged != lines
    if line is not None:
        assert damaged[line] != lines[line] or len(damaged) != len(lines)


@pytest.mark.parametrize("kind", ["placeholder", "filtered-word", "skipped-heading", "repeated-heading"])
def test_damage_the_rules_are_sure_of_is_caught_on_its_line(kind):
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    inject, codes = injection_recall.KINDS[kind]
    generator = random.Random(11)
    for _ in range(5):
        damaged, line, _word = inject(lines, generator)
        findings = lint_source(from_text("report.txt", "\n".join(damaged) + "\n"), Settings())
        assert injection_recall.caught(findings, codes, line), damaged[line]
