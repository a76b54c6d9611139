"""Fuzz the readers and every rule with generated inputs; exit 1 on the first crash.

    .venv/bin/python scripts/fuzz.py --examples 2000 [--seed 1] [--hostile]

Inputs: random bytes; report text (seed lines, markers, control, zero-width and bidi characters, lone
surrogates where an encoding allows) saved in UTF-8, UTF-8 with BOM, UTF-16, GB18030; the same as
Markdown; .docx files built from that text; PDFs typeset from it (tests/pdf_fixtures.py); RTF written
from it with \\uN escapes, GBK bytes and stray control words and braces; and the committed .doc, .wps
and .odt fixtures. Any of these may then be truncated or have bytes flipped (for the .doc, also inside
its WordDocument stream, so the FIB and the piece table break while the compound file holds). Then the
hostile inputs of issue 10 (tests/hostile_inputs.py) at drawn sizes: .docx numbering bombs (long
lvlText, start values of thousands of digits), pathological lines (runs of _, nested brackets, [a](b), >),
drafts held to embedded outlines of many alike items, and drafts whose file names hold control
characters, linted through the command line in every output format. Each input is read as the file type
it claims; an ``InputError`` is a correct answer, any other exception is a crash and is printed with the
input that caused it. Hypothesis drives generation and shrinks a crashing input to a small one.

With ``--fixes``, fuzz the fixes instead: generated drafts (headings well-formed and malformed,
sentences broken mid-line, half-width punctuation, figures, placeholders, Markdown markup) saved in
every encoding and line ending are fixed as ``--fix`` would, and ``check_fixes`` asserts that a fix
never damages a draft (see there). tests/test_fix_properties.py runs the same property in CI.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the hostile input builders, shared with the tests and bench

import hostile_inputs  # noqa: E402

from shufa_lint.diagnostics import InputError  # noqa: E402
from shufa_lint.engine import lint_source  # noqa: E402
from shufa_lint.fix import (  # noqa: E402
    can_fix,
    covers,
    created_headlines,
    finding_ranges,
    fix_source,
    headline_counts,
)
from shufa_lint.lexicon import builtin  # noqa: E402
from shufa_lint.settings import Settings  # noqa: E402
from shufa_lint.source.reader import read_bytes  # noqa: E402
from pdf_fixtures import pdf_bytes, typeset  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
DOCUMENT_FIXTURES = {suffix: (FIXTURES / f"seed.{suffix}").read_bytes() for suffix in ("doc", "wps", "odt")}
RTF_WORDS = ["\\par ", "\\cell ", "\\row ", "\\intbl ", "\\pard ", "{\\*\\fldinst X}", "{\\footnote ", "}", "{",
             "\\ansicpg936 ", "\\u-1?", "\\u99999999?", "\\'", "\\'zz", "{\\listtext ", "\\bin5 "]

SEED_LINES = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8").splitlines()
PIECES = [
    "一、", "（二）", "(三)", "4.", "（5）", "一是", "_", "*", "**", "【提纲】", "2025年度", "报告", "\n", "\r\n",
    "\x00", "\x0c", "\u2028", "\u200b", "\u202e", "\ufeff", "１２", "%", "# ", "- ", "<!--", "-->", "```", "|",
]
text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(SEED_LINES).map(lambda line: line[:120]), st.text(max_size=20)),
    max_size=30,
).map("".join)


def docx_bytes(body: str) -> bytes:
    import docx

    document = docx.Document()
    for line in body.splitlines():
        # XML cannot carry most control characters: drop them as Word would refuse to save them
        document.add_paragraph("".join(char for char in line if char.isprintable() or char == "\t"))
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def rtf_bytes(body: str, words: list[str]) -> bytes:
    escaped = "".join(f"\\u{ord(char) - 65536 if ord(char) > 32767 else ord(char)}?" if ord(char) > 127 else char for char in body)
    return ("{\\rtf1\\ansi\\ansicpg936 " + "".join(words) + escaped.replace("\n", "\\par ") + "}").encode(
        "ascii", errors="replace"
    ) + body[:40].encode("gbk", errors="replace")


def broken(draw, data: bytes) -> bytes:
    """``data`` with up to 8 bytes changed, cut somewhere in its second half."""
    cut = draw(st.integers(len(data) // 2, len(data)))
    flips = draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), max_size=8))
    mutable = bytearray(data)
    for position, value in flips:
        mutable[position] = value
    return bytes(mutable[:cut])


def with_broken_word_stream(draw, data: bytes) -> bytes:
    """The .doc with bytes changed inside its WordDocument stream only: the header and piece table break,
    the compound file around them stays valid."""
    import olefile

    copy = io.BytesIO(data)
    with olefile.OleFileIO(copy, write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        for position, value in draw(st.lists(st.tuples(st.integers(0, 1023), st.integers(0, 255)), min_size=1, max_size=6)):
            stream[position] = value
        ole.write_stream("WordDocument", bytes(stream))
    return copy.getvalue()


# units whose long runs once took quadratic time or more (issue 10, item 2)
PATHOLOGICAL_UNITS = ["_", "(a", "(", "中)", "（中", "[a](b)", ">", "> ", "X", "*", "`", "[", "](", "一、", "__年"]
CONTROL_CHARACTERS = ["\n", "\r", "\t", "\x1b]0;PWNED\x07", "\x1b[2J", "\x7f", "\x85", "\u2028", "\u202e"]
FORMATS = ["concise", "full", "json", "json-lines", "sarif", "junit", "github"]


@st.composite
def hostile(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["numbering-bomb", "pathological-line", "outline"]))
    if kind == "numbering-bomb":
        start = draw(st.sampled_from(["1", "0", "-5", "99999", "9" * 30, "9" * 4_000, "x"]))
        label = draw(st.integers(0, 3_000))
        return "a.docx", hostile_inputs.numbering_bomb_docx(
            label, draw(st.integers(1, 12)), start, draw(st.integers(0, min(label // 2, 600)))
        )
    if kind == "pathological-line":
        units = draw(st.lists(st.sampled_from(PATHOLOGICAL_UNITS), min_size=1, max_size=3))
        body = "".join(units) * draw(st.integers(1, 4_000))
        name = draw(st.sampled_from(["a.txt", "a.md"]))
        return name, (hostile_inputs.TITLE + "\n" + body + "\n").encode("utf-8")
    return "a.txt", hostile_inputs.embedded_outline_draft(draw(st.integers(1, 400))).encode("utf-8")


@st.composite
def inputs(draw) -> tuple[str, bytes]:
    kinds = ["bytes", "text", "markdown", "docx", "pdf", "rtf", "doc", "wps", "odt", "word-stream", "hostile"]
    kind = draw(st.sampled_from(kinds))
    if kind == "hostile":
        return draw(hostile())
    damaged = draw(st.booleans())
    if kind == "bytes":
        names = ["a.txt", "a.md", "a.docx", "a.doc", "a.wps", "a.odt", "a.rtf", "a.pdf", "-"]
        return draw(st.sampled_from(names)), draw(st.binary(max_size=3000))
    if kind in DOCUMENT_FIXTURES:
        return f"a.{kind}", broken(draw, DOCUMENT_FIXTURES[kind])
    if kind == "word-stream":
        return "a.doc", with_broken_word_stream(draw, DOCUMENT_FIXTURES["doc"])
    body = draw(text)
    if kind in ("docx", "pdf", "rtf"):
        if kind == "docx":
            data = docx_bytes(body)
        elif kind == "pdf":
            data = pdf_bytes(typeset(body.splitlines() or [""]), compress=draw(st.booleans()))
        else:
            data = rtf_bytes(body, draw(st.lists(st.sampled_from(RTF_WORDS), max_size=6)))
        return f"a.{kind}", broken(draw, data) if damaged else data
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
    return ("a.md" if kind == "markdown" else "a.txt"), body.encode(encoding, errors="replace")


def control_character_names():
    """A draft file name with control characters, and the output format to lint it in."""
    pieces = st.lists(st.one_of(st.sampled_from(CONTROL_CHARACTERS), st.sampled_from(["述法", "a", "::error file=x::"])),
                      min_size=1, max_size=6)
    return st.tuples(pieces.map("".join), st.sampled_from(FORMATS))


def lint_through_cli(name: str, output_format: str) -> None:
    """Lint a draft named ``name`` through the CLI; any exception but the exit is a crash."""
    from click.testing import CliRunner

    from shufa_lint.cli import main

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, name.replace("/", "_").replace("\0", "_") + ".txt")
        Path(path).write_text(hostile_inputs.TITLE + "\n会议于____年召开，组织学习*次。\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["--format", output_format, path])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code in (0, 1, 2), result.exit_code


def run(examples: int, seed: int | None, hostile_only: bool = False) -> int:
    lexicon = builtin()
    tried = 0

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(hostile(), control_character_names()) if hostile_only else st.one_of(inputs(), control_character_names()))
    def lint_one(case):
        nonlocal tried
        tried += 1
        name, data = case
        if isinstance(data, str):  # a file name with control characters, and an output format
            lint_through_cli(name, data)
            return
        try:
            source = read_bytes(name, data)
        except InputError as error:
            assert "\n" not in str(error), f"multi-line input error: {error!r}"
            return
        lint_source(source, Settings(), lexicon)

    if seed is not None:
        lint_one = __import__("hypothesis").seed(seed)(lint_one)
    try:
        lint_one()
    except Exception as error:  # noqa: BLE001 - report any crash, then fail
        print(f"fuzz: crash after {tried} inputs: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"fuzz: {tried} inputs, no crash")
    return 0


# --- the fixes: generated drafts, and what a fix must never do -----------------------------------------

HEADINGS = [
    "一、工作情况", "二、存在问题", "三、下一步打算", "一.2024年推进法治政府建设的主要举措和成效", "二.存在的不足",
    "（一）强化政治引领", "(二)聚焦依法行政", "（三)加强普法", "1、规范决策程序", "2.加强执法监督", "（1）完善制度",
    "一是坚持学法", "二是严格述法,", "第一部分 工作情况", "①完善制度", "一，加强学习", "3)优化服务",
]
SENTENCES = [
    sentence + "。" for line in SEED_LINES[1:] for sentence in line.split("。") if 4 <= len(sentence) <= 60
][:80] + [
    "全年审查文件12件。", "组织学习*次，参训XX人次。", "调解成功率98.5%。", "投入资金1,000万元。", "10:30召开会议。",
    "详见http://www.gov.cn/a,b。", "深入学习_法治思想。", "全年受理案件（?）件。", "一、二季度完成任务。",
]
MARKUP = ["![图](a.png)", "`代码`", "<!-- shufa-lint disable SF301 -->", "[链接](http://a)", "**12**", "*重点*", "__x__"]
HALF_WIDTH = str.maketrans("，；：（）。！？", ",;:().!?")
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030"]


@st.composite
def drafts(draw) -> tuple[str, bytes, str]:
    """(file name, bytes, encoding): a draft of headings and paragraphs, damaged the ways drafts are."""
    markdown = draw(st.booleans())
    lines = ["2024年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告"]
    for _ in range(draw(st.integers(1, 10))):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(HEADINGS)))
            continue
        paragraph = "".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
        if draw(st.booleans()):
            paragraph = paragraph.translate(HALF_WIDTH)
        if markdown and draw(st.booleans()):
            at = draw(st.integers(0, len(paragraph)))
            paragraph = paragraph[:at] + draw(st.sampled_from(MARKUP)) + paragraph[at:]
        for cut in sorted(draw(st.lists(st.integers(1, max(1, len(paragraph) - 1)), max_size=2)), reverse=True):
            paragraph = paragraph[:cut] + "\n" + draw(st.sampled_from(["", "　　", "  "])) + paragraph[cut:]
        lines.append(draw(st.sampled_from(["", "　　"])) + paragraph)
        if draw(st.integers(0, 3)) == 0:
            lines.append("")
    text = "\n".join(lines) + draw(st.sampled_from(["", "\n"]))
    text = text.replace("\n", draw(st.sampled_from(["\n", "\r\n"])))
    encoding = draw(st.sampled_from(ENCODINGS))
    return ("draft.md" if markdown else "draft.txt"), text.encode(encoding), encoding


def check_fixes(name: str, data: bytes, lexicon=None, unsafe: bool = False) -> None:
    """Fix ``data`` as ``--fix`` would and assert that no fix damaged it.

    Read back from the bytes that would be written, the fixed file has the same encoding, BOM and
    reader; no headline finding (SF1xx–SF6xx) it did not have; no finding of a fixed rule at a fixed
    place; every byte outside the fixed regions as it was; and nothing left for a second run to change.
    """
    lexicon = lexicon or builtin()

    def lint(source):
        return lint_source(source, Settings(), lexicon)

    source = read_bytes(name, data)
    before = lint(source)
    if can_fix(source) is not None:
        return
    outcome = fix_source(source, before, lint, unsafe)
    assert outcome.converged, "fixes did not settle"
    written = source.encode(outcome.text)
    again = read_bytes(name, written)
    assert (again.encoding, again.bom, again.kind) == (source.encoding, source.bom, source.kind), "read back differently"
    assert again.raw_text == outcome.text
    after = lint(again)
    created = created_headlines(headline_counts(before), headline_counts(after))
    assert not created, f"the fixes created {dict(created)}"
    _assert_untouched_outside_the_fixes(outcome, data, written)
    offsets = _line_offsets(again.raw_text)
    for finding in after:
        for where in finding_ranges(finding, offsets):
            for start, end, code in outcome.places():
                assert code != finding.code or not covers(where, start, end), f"{code} still at {where} after its fix"
    second = fix_source(again, after, lint, unsafe)
    assert not second.changed, f"a second run still changes {[d.code for d in second.applied]}"


def _line_offsets(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]


def _assert_untouched_outside_the_fixes(outcome, before: bytes, after: bytes) -> None:
    """The bytes of every run the fixes did not touch are the same bytes, at the matching place."""
    source = outcome.source
    mark = len(source.bom_bytes())
    assert before[:mark] == after[:mark]
    original_at, fixed_at = mark, mark  # byte offsets, walking both texts run by run
    original_char = fixed_char = 0
    for original, fixed, length in outcome.edit_map.kept if outcome.edit_map else [(0, 0, len(outcome.text))]:
        original_at += len(source.raw_text[original_char:original].encode(source.encoding))
        fixed_at += len(outcome.text[fixed_char:fixed].encode(source.encoding))
        run = source.raw_text[original : original + length].encode(source.encoding)
        assert before[original_at : original_at + len(run)] == run == after[fixed_at : fixed_at + len(run)]
        original_at, fixed_at = original_at + len(run), fixed_at + len(run)
        original_char, fixed_char = original + length, fixed + length
    assert before[original_at:] == source.raw_text[original_char:].encode(source.encoding)


def run_fixes(examples: int, seed: int | None) -> int:
    lexicon = builtin()
    tried = 0

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(drafts())
    def fix_one(case):
        nonlocal tried
        tried += 1
        name, data, _encoding = case
        check_fixes(name, data, lexicon)

    if seed is not None:
        fix_one = __import__("hypothesis").seed(seed)(fix_one)
    try:
        fix_one()
    except Exception as error:  # noqa: BLE001 - report the (shrunk) breach, then fail
        print(f"fuzz: a fix damaged a draft after {tried} inputs: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"fuzz: {tried} drafts fixed, no damage")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=500, help="inputs to generate (default 500)")
    parser.add_argument("--seed", type=int, help="random seed, for a reproducible run")
    parser.add_argument("--hostile", action="store_true", help="only the hostile inputs of issue 10 and odd file names")
    parser.add_argument("--fixes", action="store_true", help="fuzz the fixes (drafts x encodings x line ends)")
    arguments = parser.parse_args(argv)
    if arguments.fixes:
        return run_fixes(arguments.examples, arguments.seed)
    return run(arguments.examples, arguments.seed, arguments.hostile)


if __name__ == "__main__":
    sys.exit(main())
