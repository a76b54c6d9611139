"""The fix property (issue 9): over generated drafts saved in every encoding (UTF-8, UTF-8 with BOM,
UTF-16, GB18030) and line ending (LF, CRLF), as text and as Markdown, applying all fixes of a run leaves
no finding of a fixed rule at the fixed place, no new headline finding, every byte outside the fixed
regions unchanged, and nothing for a second run to change. scripts/fuzz.py --fixes runs more."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from shufa_lint.lexicon import builtin

_SCRIPT = Path(__file__).parent.parent / "scripts" / "fuzz.py"
_spec = importlib.util.spec_from_file_location("fuzz", _SCRIPT)
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)
LEXICON = builtin()


@settings(max_examples=250, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(fuzz.drafts())
def test_no_fix_damages_a_generated_draft(case):
    name, data, _encoding = case
    fuzz.check_fixes(name, data, LEXICON)


@pytest.mark.parametrize("encoding", fuzz.ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("name", ["draft.txt", "draft.md"])
def test_no_fix_damages_the_seed(encoding, newline, name):
    seed = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8")
    fuzz.check_fixes(name, seed.replace("\n", newline).encode(encoding), LEXICON)


def test_the_fix_fuzzer_runs_a_fixed_number_of_drafts(capsys):
    assert fuzz.main(["--fixes", "--examples", "5", "--seed", "2"]) == 0
    assert "fuzz: 5 drafts fixed, no damage" in capsys.readouterr().out
