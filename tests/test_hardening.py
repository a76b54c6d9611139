"""Issue 10: inputs built to exhaust time or memory, special files, planted links and configurations
that reach outside their repository. Each is refused with one line (exit 2) or linted as usual.

Time is not asserted here (bench/pathological.py does that); these tests pin what the fixes do:
bounds that refuse early, algorithms that look each thing up once, and the same findings as before.
"""

from __future__ import annotations

import os
import sys

import pytest
from click.testing import CliRunner

import hostile_inputs
from shufa_lint.cli import main
from shufa_lint.config import ConfigError, check_user_pattern
from shufa_lint.diagnostics import InputError
from shufa_lint.document import alignment, build_document
from shufa_lint.files import read_regular_file
from shufa_lint.source import from_text
from shufa_lint.source.markdown import parse_markdown
from shufa_lint.source.reader import read_bytes
from support import lint


def run(*arguments: str):
    return CliRunner().invoke(main, ["--format", "concise", "--lang", "en", *arguments])


def assert_one_line_refusal(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    complaints = [line for line in result.stderr.splitlines() if line.startswith("shufa-lint: ")]
    assert len(complaints) == 1, result.stderr
    assert all(fragment in complaints[0] for fragment in fragments), complaints[0]
    assert "Traceback" not in result.output


# --- 1. .docx numbering bombs --------------------------------------------------------------------------


def test_a_huge_list_level_text_is_refused_at_its_first_label():
    data = hostile_inputs.numbering_bomb_docx(label_chars=5_000, paragraphs=3)
    with pytest.raises(InputError, match=r"lvlText\) is 5000 characters long"):
        read_bytes("bomb.docx", data)


def test_a_start_value_of_thousands_of_digits_is_refused():
    data = hostile_inputs.numbering_bomb_docx(label_chars=2, paragraphs=3, start="9" * 4_000, placeholders=1)
    with pytest.raises(InputError, match="a list label is 4000 characters long"):
        read_bytes("start.docx", data)


def test_labels_are_bounded_while_built_so_the_text_limit_stops_early(monkeypatch):
    from shufa_lint.source import docx

    monkeypatch.setattr(docx, "MAX_TEXT_CHARS", 2_000)  # 40 paragraphs of 900-character labels
    data = hostile_inputs.numbering_bomb_docx(label_chars=900, paragraphs=40)
    with pytest.raises(InputError, match="M characters of text; not linted"):
        read_bytes("long.docx", data)


def test_a_numbering_bomb_on_the_command_line_is_one_line(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(hostile_inputs.numbering_bomb_docx(label_chars=1_000_000, paragraphs=3))
    assert_one_line_refusal(run(str(bomb)), "bomb.docx", "refused", "lvlText")


# --- 2. pathological inputs lint in one pass, with the same findings --------------------------------


def test_a_line_of_underscores_is_scanned_from_the_start_of_its_run():
    # 64 KB of _ took 25 s: each _ restarted _{2,}(?=[年月日]); the blank before 年 is still found
    assert [d.code for d in lint(hostile_inputs.underscore_line(64 * 1024), "SF302")] == []
    found = lint(hostile_inputs.TITLE + "\n会议于____年__月召开。\n", "SF302")
    assert [(d.code, d.column) for d in found] == [("SF302", 4), ("SF302", 9)]


def test_nested_half_width_brackets_around_chinese_become_full_width():
    depth = 20_000
    found = [d for d in lint(hostile_inputs.nested_brackets(depth), "SF701")]
    assert len(found) == 1 and f"本行 {2 * depth} 处" in found[0].message.zh
    # a Latin pair with no Chinese inside keeps its brackets
    assert lint(hostile_inputs.TITLE + "\n调用foo(bar)函数。\n", "SF701") == []


def test_markdown_links_on_one_line_read_as_their_text():
    source = parse_markdown("links.md", hostile_inputs.markdown_links(16_000))
    assert source.lines[2] == "a" * 16_000
    # a link inside a code span stays code, an image is dropped
    source = parse_markdown("a.md", "见`[a](b)`与![图](p.png)和[文件](f.pdf)。\n")
    assert source.lines[0] == "见与和文件。"


def test_deeply_nested_markdown_quotes_read_as_their_text():
    source = parse_markdown("quotes.md", hostile_inputs.markdown_quotes(100_000) + "> > 一、工作情况\n")
    assert source.lines[2] == "" and source.lines[3] == "一、工作情况"


def test_an_outline_of_thousands_of_alike_items_pairs_each_with_its_heading():
    items = hostile_inputs.similar_outline(2_500)
    document = build_document(from_text("embedded.txt", hostile_inputs.embedded_outline_draft(2_500)))
    found = document.alignment
    assert len(found.outline) == len(found.body) == len(items)
    assert found.pairs == {index: index for index in range(len(items))}
    # a heading text repeated thousands of times is a candidate only near the item's own place
    assert max(len(pairs) for pairs in found.candidates.values()) <= 2 * alignment._NEAR + 1
    assert not found.gaps


# --- 4. every user pattern goes through the backtracking check ----------------------------------------


@pytest.mark.parametrize("pattern", ["X+X{0,1000}Z", "X{0,1000}X{0,1000}Z", "X+,?X+Z", "(?:X+)X{2,900}Z", "(?:AX+)X{0,1000}Z"])
def test_polynomial_patterns_are_refused(pattern):
    with pytest.raises(ConfigError, match="unsafe regular expression"):
        check_user_pattern(pattern, "figure-placeholders[0]")


@pytest.mark.parametrize("pattern", [r"X+X?Z", r"[0-9]{1,3}[0-9]{0,2}年", r"X+[，,]X+", r"(?<!_)_{2,}(?=[年月日])"])
def test_splits_of_a_few_ways_are_accepted(pattern):
    assert check_user_pattern(pattern, "figure-placeholders[0]") == pattern


@pytest.mark.skipif(sys.platform == "win32", reason="the CPU timer needs setitimer")
def test_a_pattern_the_analysis_lets_through_is_refused_by_the_timed_probe():
    from shufa_lint.patterns import backtracking_risk

    pattern = "X{1,100}Y?X{1,100}Y?X{1,100}Z"  # three-way splits of a run of X: ~10^6 tries per position
    assert backtracking_risk(pattern) is None
    with pytest.raises(ConfigError, match="took over 0.5 s of CPU to search a line of 2000 'X'"):
        check_user_pattern(pattern, "figure-placeholders[0]")


@pytest.mark.parametrize(
    "lexicon, where",
    [
        ("figures: evil.yaml", "evil.yaml: placeholder"),
        ("terms: evil.yaml", "evil.yaml: terms[0].wrong"),
    ],
)
def test_patterns_in_a_configured_lexicon_file_are_checked(tmp_path, monkeypatch, lexicon, where):
    (tmp_path / ".git").mkdir()
    (tmp_path / "evil.yaml").write_text(
        "placeholder: '(X+)+$'\n" if lexicon.startswith("figures") else
        "terms:\n  - {wrong: 'X+X{0,1000}Z', right: 'X'}\n",
        encoding="utf-8",
    )
    (tmp_path / ".shufa-lint.yaml").write_text(f"lexicons: {{{lexicon}}}\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(hostile_inputs.TITLE + "\n" + "X" * 20_000 + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert_one_line_refusal(run("draft.txt"), where, "unsafe regular expression")


def test_the_builtin_lexicons_pass_the_lexicon_check():
    from shufa_lint.config import check_lexicon_patterns
    from shufa_lint.lexicon import builtin

    for name, table in builtin().tables.items():
        check_lexicon_patterns(table, name)


# --- 5. special files and endless inputs ---------------------------------------------------------------

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@needs_fifo
def test_a_named_pipe_in_a_linted_folder_is_refused_without_blocking(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # no writer: opening it for reading would wait forever
    (folder / "good.txt").write_text(hostile_inputs.TITLE + "\n一、工作情况\n", encoding="utf-8")
    result = run(str(folder))
    assert_one_line_refusal(result, "pipe.txt", "is not a regular file (a named pipe)")
    assert "good.txt" in result.stdout


@needs_fifo
def test_a_named_pipe_given_as_outline_is_refused(tmp_path):
    os.mkfifo(tmp_path / "outline.txt")
    draft = tmp_path / "draft.txt"
    draft.write_text(hostile_inputs.TITLE + "\n一、工作情况\n", encoding="utf-8")
    assert_one_line_refusal(run("--outline", str(tmp_path / "outline.txt"), str(draft)), "named pipe")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_as_draft_or_outline_is_refused(tmp_path, device):
    draft = tmp_path / "draft.txt"
    draft.write_text(hostile_inputs.TITLE + "\n一、工作情况\n", encoding="utf-8")
    assert_one_line_refusal(run("--outline", device, str(draft)), device, "character device")
    assert_one_line_refusal(run(device), device, "character device")


def test_a_billion_laughs_outline_is_refused(tmp_path):
    outline = tmp_path / "laughs.yaml"
    outline.write_text(hostile_inputs.billion_laughs_yaml(), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(hostile_inputs.TITLE + "\n一、工作情况\n", encoding="utf-8")
    assert_one_line_refusal(run("--outline", str(outline), str(draft)), "laughs.yaml", "aliases")


def test_an_outline_nested_as_deep_as_yaml_allows_is_read(tmp_path):
    outline = tmp_path / "deep.yaml"
    outline.write_text("[" * 990 + "一、工作情况, {二、存在问题: [（一）学习不够]}" + "]" * 990 + "\n", encoding="utf-8")
    from shufa_lint.outline_file import load_outline

    headings = [marker.heading for marker in load_outline(str(outline)).tree.markers]
    assert headings == ["一、工作情况", "二、存在问题", "（一）学习不够"]


def test_a_regular_file_is_read_up_to_its_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 10)
    assert read_regular_file(str(path), 10) == b"x" * 10
    with pytest.raises(InputError, match="file too large"):
        read_regular_file(str(path), 9)


# --- 6. temporary files are created exclusively ----------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_write_baseline_does_not_follow_a_planted_tmp_link(tmp_path, monkeypatch):
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "draft.txt").write_text(hostile_inputs.TITLE + "\n会议于____年召开。\n", encoding="utf-8")
    (project / "baseline.json.tmp").symlink_to(outside)
    monkeypatch.chdir(project)
    result = run("--baseline", "baseline.json", "--write-baseline", "draft.txt")
    assert result.exit_code == 0, result.output
    assert outside.read_text(encoding="utf-8") == "precious\n"
    assert not (project / "baseline.json").is_symlink() and '"findings"' in (project / "baseline.json").read_text()
    assert sorted(path.name for path in project.iterdir()) == ["baseline.json", "baseline.json.tmp", "draft.txt"]


# --- 7. a configuration names files inside its repository only -----------------------------------------


@pytest.fixture
def repository(tmp_path, monkeypatch):
    outside = tmp_path / "outside.txt"
    outside.write_text("一、DB_PASSWORD=hunter2\n二、API_KEY=abc\n", encoding="utf-8")
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "sub").mkdir()
    (root / "sub" / "draft.txt").write_text(hostile_inputs.TITLE + "\n一、工作情况\n", encoding="utf-8")
    (root / "sub" / "link.txt").symlink_to(outside)
    (root / "outline.txt").write_text("一、工作情况\n二、存在问题\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root, outside


@pytest.mark.parametrize(
    "setting, key, reason",
    [
        ("outline: {outside}", "outline", "is an absolute path"),
        ("outline: ../../outside.txt", "outline", "leads outside"),
        ("outline: link.txt", "outline", "leads outside"),
        ("extends: ~/base.yaml", "extends", "is an absolute path"),
        ("extends: ../../outside.txt", "extends", "leads outside"),
        ("lexicons: {{terms: ../../outside.txt}}", "lexicons.terms", "leads outside"),
    ],
)
def test_a_configuration_path_leaving_its_repository_is_refused(repository, setting, key, reason):
    root, outside = repository
    (root / "sub" / ".shufa-lint.yaml").write_text(setting.format(outside=outside) + "\n", encoding="utf-8")
    result = run("sub/draft.txt")
    assert_one_line_refusal(result, "sub/.shufa-lint.yaml", f"{key}:", reason, "--allow-outside-paths")
    assert "DB_PASSWORD" not in result.output


def test_a_configuration_path_inside_its_repository_is_used(repository):
    root, _ = repository
    (root / "sub" / ".shufa-lint.yaml").write_text("outline: ../outline.txt\n", encoding="utf-8")
    result = run("sub/draft.txt")
    assert "SF501" in result.stdout and "存在问题" in result.stdout


def test_allow_outside_paths_lets_the_user_name_any_file(repository):
    root, outside = repository
    (root / "sub" / ".shufa-lint.yaml").write_text(f"outline: {outside}\n", encoding="utf-8")
    result = run("--allow-outside-paths", "sub/draft.txt")
    assert result.exit_code == 1 and "DB_PASSWORD" not in result.stderr and "SF501" in result.stdout


# --- the fuzzer's hostile generators run in CI at a small size -----------------------------------------


def test_fuzz_script_runs_the_hostile_generators(capsys):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).parent.parent / "scripts" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("fuzz_hostile", script)
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    assert fuzz.main(["--examples", "30", "--seed", "10", "--hostile"]) == 0
    assert "fuzz: 30 inputs, no crash" in capsys.readouterr().out
