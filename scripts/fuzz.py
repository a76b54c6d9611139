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
"""

from __future__ import annotations

import argparse
import io
import os
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=500, help="inputs to generate (default 500)")
    parser.add_argument("--seed", type=int, help="random seed, for a reproducible run")
    parser.add_argument("--hostile", action="store_true", help="only the hostile inputs of issue 10 and odd file names")
    arguments = parser.parse_args(argv)
    return run(arguments.examples, arguments.seed, arguments.hostile)


if __name__ == "__main__":
    sys.exit(main())
