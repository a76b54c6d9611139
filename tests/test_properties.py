"""Property-based tests: any Unicode text goes through the readers, the document model and every rule
without raising, and the readers keep their line and column promises."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shufa_lint.diagnostics import InputError
from shufa_lint.document import build_document
from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import from_text, split_lines
from shufa_lint.source.markdown import parse_markdown
from shufa_lint.source.reader import read_bytes

SEED_LINES = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8").splitlines()
ALL_CATEGORIES = (
    "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
    "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn",
)  # every general category, lone surrogates (Cs) included
TRICKY = [
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\x0c", "\x0b", "\r", "\n", "\r\n", "\u2028", "\u2029",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\ud800", "\udfff", "\ufffd", "\U0001f600",
    "１２３", "ＡＢＣ", "（一）", "(二)", "一、", "1.", "（1）", "一是", "_", "*", "**", "×", "……", "。", "，",
    "【提纲】", "# ", "- ", "> ", "```", "<!--", "-->", "    ", "\t", "\u3000", "|", "第一条", "2025年",
]
fragments = st.one_of(
    st.text(st.characters(categories=ALL_CATEGORIES), max_size=30),
    st.sampled_from(TRICKY),
    st.sampled_from(SEED_LINES).map(lambda line: line[:200]),
)
hostile_text = st.lists(fragments, max_size=40).map("".join)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(hostile_text)
def test_plain_text_reader_keeps_line_numbers(text):
    source = from_text("a.txt", text)
    assert all("\n" not in line and "\r" not in line for line in source.lines)
    body = text[1:] if text.startswith("\ufeff") else text
    assert "\n".join(source.lines) == body.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n")


@FAST
@given(hostile_text)
def test_markdown_reader_keeps_lines_and_maps_every_character_back(text):
    source = parse_markdown("a.md", text)
    body = text[1:] if text.startswith("\ufeff") else text
    file_lines = split_lines(body)
    assert len(source.lines) == len(file_lines)
    for number, line in enumerate(source.lines, 1):
        for column, char in enumerate(line, 1):
            file_line, file_column = source.locate(number, column)
            assert file_lines[file_line - 1][file_column - 1] == char


@FAST
@given(hostile_text)
def test_document_model_and_every_rule_accept_any_text(text):
    for source in (from_text("a.txt", text), parse_markdown("a.md", text)):
        build_document(source)
        diagnostics = lint_source(source, Settings())
        if source.lines:  # the readers refuse empty files; an empty document has no line to point at
            assert all(d.line >= 1 and d.column >= 1 for d in diagnostics)


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_an_input_error(data):
    for name in ("a.txt", "a.md", "a.docx", "-"):
        try:
            read_bytes(name, data)
        except InputError as error:
            assert "\n" not in str(error)


@FAST
@given(hostile_text.filter(lambda text: text.strip()), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_text_saved_in_a_supported_encoding_reads_back_exactly_or_is_refused(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # lone surrogates cannot be saved in any encoding
    try:
        source = read_bytes("a.txt", data)
    except InputError:
        return  # mostly control characters: refused as binary
    if encoding != "gb18030" or source.encoding == "gb18030":
        assert source.encode(source.raw_text) == data


@pytest.mark.parametrize(
    "text",
    [
        "一、工作情况" + "本年度组织专题学习研讨12次，" * 80_000,  # about 1 MB on one line
        "一、工作情况\n" + "正文。\n" * 100_000,  # 100 000 short lines
        "（一）" * 10_000,
        "[" * 200_000 + "\n# 一、工作情况" + " #" * 100_000,  # markdown patterns must stay linear
        "\u202e\u200b\x00" * 30_000,
    ],
    ids=["one-megabyte-line", "hundred-thousand-lines", "markers-only", "markdown-brackets", "bidi-and-nul"],
)
def test_large_and_degenerate_inputs_lint_without_raising(text):
    for source in (from_text("a.txt", text), parse_markdown("a.md", text)):
        lint_source(source, Settings())


def test_fuzz_script_runs_a_fixed_number_of_inputs(capsys):
    import importlib.util

    script = Path(__file__).parent.parent / "scripts" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("fuzz", script)
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    assert fuzz.main(["--examples", "25", "--seed", "4"]) == 0
    assert "fuzz: 25 inputs, no crash" in capsys.readouterr().out
