"""The per-user caches behind a fast start: compiled patterns (``regexes``) and parsed rule data.

A cached pattern must behave exactly as ``re.compile`` would; a damaged, foreign or unwritable cache
must only cost speed; and the built-in patterns must be the same strings in every run, or every run
would miss the cache and write it anew.
"""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from shufa_lint import lexicon, regexes

SEED = Path(__file__).parent / "fixtures" / "seed.txt"

PATTERNS = [
    (r"(?P<year>(?:19|20)[0-9]{2})\s*年(?:度)?(?![0-9])", 0),
    (r"(?<=[㐀-䶿一-鿿豈-﫿])[ \u3000]+(?=[㐀-䶿一-鿿豈-﫿])", 0),
    (r"^(?:一|二|三)是[，,]?", re.M),
    (r"(?:docx?|pdf)$", re.I),
    (r"""
        (?P<unit>万元|亿元)  # an amount
        (?!以上)
     """, re.X),
    (r"(?:[*＊]{1,3}|(?<![A-Za-z0-9])[xX×]{1,3}(?![A-Za-z0-9]))(?=次|件|%)", 0),
    (r"[\U0001F300-\U0001FAFF]+", 0),  # beyond the BMP
]
TEXT = (
    "2024年 组织学法*次，办理案件XX件，完成率*%。\n三是强化监督 　体系，2023年度报告.DOCX\n"
    "罚没款36.5万元，覆盖1.2亿元以上 😀🙂 法治　建设\n一是，二是，"
)


@pytest.fixture
def private_cache(monkeypatch, tmp_path):
    """A cache folder of this test's own, and a store that has read nothing yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regexes, "_store", regexes._Store())
    return tmp_path / "shufa-lint"


def behaviour(pattern: re.Pattern) -> tuple:
    return (
        pattern.pattern,
        pattern.flags,
        pattern.groups,
        dict(pattern.groupindex),
        [(m.span(), m.groupdict()) for m in pattern.finditer(TEXT)],
        pattern.sub("<>", TEXT),
    )


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_cached_pattern_behaves_as_re_compiles_it(private_cache, monkeypatch, pattern, flags):
    expected = behaviour(re.compile(pattern, flags))
    assert behaviour(regexes.compile(pattern, flags)) == expected  # compiled here, kept for the cache
    regexes._store.save()
    assert list(private_cache.glob("patterns-*.bin"))
    monkeypatch.setattr(regexes, "_store", regexes._Store())  # as a later run: read from the file
    cached = regexes.compile(pattern, flags)
    assert not regexes._store.missed
    assert behaviour(cached) == expected


def test_an_invalid_pattern_raises_as_re_does(private_cache):
    with pytest.raises(re.error):
        regexes.compile(r"(?P<a>x")
    assert not regexes._store.used


def test_a_damaged_cache_only_costs_a_compile(private_cache, monkeypatch):
    pattern, flags = PATTERNS[1]
    regexes.compile(pattern, flags)
    regexes._store.save()
    [path] = private_cache.glob("patterns-*.bin")
    entries = marshal.loads(path.read_bytes())
    flags_after, code, *rest = entries[(pattern, flags)]
    entries[(pattern, flags)] = (flags_after, b"\xff\xff\xff\x7f" * 3, *rest)  # code _sre must refuse
    path.write_bytes(marshal.dumps(entries))
    monkeypatch.setattr(regexes, "_store", regexes._Store())
    assert behaviour(regexes.compile(pattern, flags)) == behaviour(re.compile(pattern, flags))

    path.write_bytes(b"not marshal data at all")
    monkeypatch.setattr(regexes, "_store", regexes._Store())
    assert behaviour(regexes.compile(pattern, flags)) == behaviour(re.compile(pattern, flags))
    regexes._store.save()  # and the file is whole again
    assert (pattern, flags) in marshal.loads(path.read_bytes())


def test_an_unwritable_cache_folder_still_lints(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    result = subprocess.run(
        [sys.executable, "-m", "shufa_lint", "--format", "concise", str(SEED)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "XDG_CACHE_HOME": str(blocked)},
    )
    assert result.returncode == 1
    assert "SF401" in result.stdout
    assert "Traceback" not in result.stderr


def cached_keys_after_a_run(cache: Path, hash_seed: str) -> set:
    subprocess.run(
        [sys.executable, "-m", "shufa_lint", str(SEED)],
        capture_output=True, timeout=120, check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONHASHSEED": hash_seed},
    )
    [path] = (cache / "shufa-lint").glob("patterns-*.bin")
    return set(marshal.loads(path.read_bytes()))


def test_the_built_in_patterns_are_the_same_in_every_run(tmp_path):
    """Patterns joined from a set would differ with the hash seed: every run a miss, and a write."""
    first = cached_keys_after_a_run(tmp_path, "1")
    assert len(first) > 100
    assert cached_keys_after_a_run(tmp_path, "2") == first


def test_a_second_run_reads_the_rules_without_yaml(tmp_path):
    probe = "import sys, runpy\nsys.argv = ['shufa-lint', sys.argv[1]]\ntry:\n    runpy.run_module('shufa_lint', run_name='__main__')\nexcept SystemExit:\n    pass\nprint('yaml' in sys.modules, file=sys.stderr)\n"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", probe, str(SEED)], capture_output=True, text=True, timeout=120, env=env)
        for _ in range(2)
    ]
    assert [run.stderr.splitlines()[-1] for run in runs] == ["True", "False"]
    assert runs[0].stdout == runs[1].stdout


def test_an_edited_rule_file_is_parsed_again(private_cache, tmp_path):
    rule_file = tmp_path / "terms.yaml"
    rule_file.write_text("replacements:\n  - wrong: 布署\n", encoding="utf-8")
    assert lexicon.load_builtin_yaml([rule_file]) == [{"replacements": [{"wrong": "布署"}]}]
    assert list(private_cache.glob("rules-*.bin"))
    rule_file.write_text("replacements:\n  - wrong: 法制建设第一责任人\n", encoding="utf-8")
    os.utime(rule_file, ns=(1, 1))  # even with a stale clock the size tells
    assert lexicon.load_builtin_yaml([rule_file]) == [{"replacements": [{"wrong": "法制建设第一责任人"}]}]


def test_a_damaged_rule_data_cache_is_parsed_again(private_cache, tmp_path):
    rule_file = tmp_path / "figures.yaml"
    rule_file.write_text("units: [次, 件]\n", encoding="utf-8")
    assert lexicon.load_builtin_yaml([rule_file]) == [{"units": ["次", "件"]}]
    [kept] = private_cache.glob("rules-*.bin")
    kept.write_bytes(b"\x00garbage")
    assert lexicon.load_builtin_yaml([rule_file]) == [{"units": ["次", "件"]}]
    assert kept.read_bytes() != b"\x00garbage"  # parsed again, and kept again


def test_two_installations_keep_their_own_rule_data(private_cache, tmp_path):
    """A pre-commit hook's copy and an editor's copy, used in turn, must not re-parse for each other."""
    first, second = tmp_path / "a" / "terms.yaml", tmp_path / "b" / "terms.yaml"
    for path, word in ((first, "布署"), (second, "法制")):
        path.parent.mkdir()
        path.write_text(f"wrong: {word}\n", encoding="utf-8")
    assert lexicon.load_builtin_yaml([first]) == [{"wrong": "布署"}]
    assert lexicon.load_builtin_yaml([second]) == [{"wrong": "法制"}]
    assert len(list(private_cache.glob("rules-*.bin"))) == 2


DRAFT = (
    "# {year}年度某{unit}述法报告\n\n{fence}text\n一、工作情况\n{fence}\n\n一、工作情况\n\n（一）组织学法次。\n\n"
    "二、存在问题\n\n{word}宣传不够深入，弱势_的法律援助不足。\n"
)


def test_linting_other_documents_adds_no_pattern(tmp_path):
    """Patterns made from a document's text would grow the cache with every draft linted: a second
    draft of the same shape, its words, year, unit and fence changed, must add nothing."""
    cache = tmp_path / "cache"

    def lint_and_read(name: str, **fields) -> set:
        draft = tmp_path / name
        draft.write_text(DRAFT.format(**fields), encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "shufa_lint", str(draft)],
            capture_output=True, timeout=120, check=False, env={**os.environ, "XDG_CACHE_HOME": str(cache)},
        )
        [path] = (cache / "shufa-lint").glob("patterns-*.bin")
        return set(marshal.loads(path.read_bytes()))

    first = lint_and_read("a.md", year=2025, unit="镇党委书记", fence="```", word="法治")
    assert lint_and_read("b.md", year=2023, unit="局局长", fence="~~~~~", word="普法") == first
