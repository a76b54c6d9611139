"""The same draft, however it is saved, gives the same findings.

The seed draft is saved as UTF-8, UTF-8 with BOM, UTF-16, GB18030, as Markdown with ``#`` headings, and
as a .docx whose headings get their 一、/(一) from Word's automatic numbering. Text encodings must give
identical findings; Markdown the same findings with heading columns moved past the ``# ``; the .docx
the same findings per paragraph, with columns counted in the paragraph's own text (Word's label is not
part of it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docx_fixtures import DocxBuilder, level_xml
from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source.reader import read_bytes

SEED = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8")
SEED_LINES = SEED.splitlines()
# A heading's number as Word would generate it: the label, its level and its numeral.
HEADING = re.compile(r"^(?:(?P<han>[一二三四五六七八九十]+)、|(?P<open>[（(])(?P<sub>[一二三四五六七八九十]+)(?P<close>[）)]))")
NUMERALS = "一二三四五六七八九十"


def findings(source) -> list[tuple]:
    return [(d.code, d.line, d.column, d.end_line, d.end_column) for d in lint_source(source, Settings())]


@pytest.fixture(scope="module")
def text_findings():
    return findings(read_bytes("seed.txt", SEED.encode("utf-8")))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "gb18030"])
def test_every_encoding_gives_the_same_findings(text_findings, encoding):
    assert findings(read_bytes("seed.txt", SEED.encode(encoding))) == text_findings


def test_markdown_headings_give_the_same_findings_behind_their_hashes(text_findings):
    marks = {index: "# " if match.group("han") else "## " for index, line in enumerate(SEED_LINES)
             if (match := HEADING.match(line))}
    markdown = "".join(marks.get(index, "") + line + "\n" for index, line in enumerate(SEED_LINES))
    expected = [
        (code, line, column + len(marks.get(line - 1, "")), end_line, end_column + len(marks.get(end_line - 1, "")))
        for code, line, column, end_line, end_column in text_findings
    ]
    assert findings(read_bytes("seed.md", markdown.encode("utf-8"))) == expected


def seed_as_docx() -> tuple[bytes, dict[int, int]]:
    """The seed as a .docx: headings numbered by one Word multilevel list, other lines plain paragraphs.

    Returns the file and, per 1-based paragraph, the length of the label Word generates. The damaged
    draft skips numbers ((一) then (四)); Word shows that with a list instance that restarts the level
    (lvlOverride/startOverride), as a user who set "start at 4" would have made.
    """
    builder = DocxBuilder()
    builder.define_list([level_xml(0, "chineseCounting", "%1、"), level_xml(1, "chineseCounting", "(%2)")], num_id=1)
    counters = [0, 0]
    labels: dict[int, int] = {}
    for number, line in enumerate(SEED_LINES, 1):
        match = HEADING.match(line)
        if not match:
            builder.add(line)
            continue
        assert match.group("han") or match.group("open") + match.group("close") == "()", "one list style"
        level = 0 if match.group("han") else 1
        ordinal = NUMERALS.index((match.group("han") or match.group("sub"))[-1]) + 1
        num_id = 1
        if ordinal != counters[level] + 1:
            num_id = len(labels) + 2  # a fresh instance that restarts this level at the draft's number
            override = f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{ordinal}"/></w:lvlOverride>'
            builder.define_list([], num_id=num_id, overrides=override, abstract_id=0)
        counters[level] = ordinal
        if level == 0:
            counters[1] = 0
        builder.add(line[match.end() :], level=level, num_id=num_id)
        labels[number] = match.end()
    return builder.to_bytes(), labels


def test_docx_with_word_numbering_reads_as_the_same_lines():
    data, labels = seed_as_docx()
    assert labels  # the seed's headings really are numbered by Word here
    assert read_bytes("seed.docx", data).lines == tuple(SEED_LINES)


def test_docx_with_word_numbering_gives_the_same_findings_per_paragraph(text_findings):
    data, labels = seed_as_docx()

    def in_paragraph_text(line: int, column: int) -> int:
        return max(1, column - labels.get(line, 0))

    expected = [
        (code, line, in_paragraph_text(line, column), end_line, in_paragraph_text(end_line, end_column))
        for code, line, column, end_line, end_column in text_findings
    ]
    assert findings(read_bytes("seed.docx", data)) == expected
