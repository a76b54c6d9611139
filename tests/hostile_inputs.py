"""Inputs built to exhaust time or memory (issue 10), at any size: the regression tests build them
small, ``scripts/fuzz.py`` draws their sizes, ``bench/pathological.py`` builds them full size and
asserts each lints within 2 s and 300 MB.

Each builder returns what a file would hold; ``PATHOLOGICAL`` lists the full-size cases.
"""

from __future__ import annotations

from docx_fixtures import DocxBuilder, level_xml
from shufa_lint.document.numerals import to_chinese

TITLE = "关于2024年度履行推进法治建设第一责任人职责情况的报告"


def numbering_bomb_docx(label_chars: int, paragraphs: int, start: str = "1", placeholders: int = 0) -> bytes:
    """A .docx whose one list level has a ``lvlText`` of ``label_chars`` characters (``placeholders`` of
    them %1 references) starting at ``start``, numbering ``paragraphs`` paragraphs: a few KB zipped,
    gigabytes of labels once every paragraph's label is spelt out."""
    text = "%1" * placeholders + "一" * max(0, label_chars - 2 * placeholders)
    builder = DocxBuilder()
    builder.define_list([level_xml(0, "decimal", text, start=start)], num_id=1)
    for number in range(paragraphs):
        builder.add(f"第{number}项工作", level=0)
    return builder.to_bytes()


def underscore_line(length: int) -> str:
    """One line of ``_``: the date blank pattern _{2,}(?=[年月日]) was retried at every one of them."""
    return f"{TITLE}\n{'_' * length}\n"


def nested_brackets(depth: int) -> str:
    """``(a(a(a…中…)))``: each half-width pair looked for Chinese inside by scanning to the middle."""
    return f"{TITLE}\n{'(a' * depth}中{')' * depth}\n"


def markdown_links(count: int) -> str:
    """``[a](b)`` repeated on one line: each link was checked against every span found before it."""
    return f"# {TITLE}\n\n{'[a](b)' * count}\n"


def markdown_quotes(depth: int) -> str:
    """``>>>…>`` on one line: each quote level copied the rest of the line."""
    return f"# {TITLE}\n\n{'>' * depth}\n"


def similar_outline(count: int) -> list[str]:
    """``count`` outline items worded alike (一、 → （一） → 1.), all 加强法治建设工作."""
    items: list[str] = []
    part = 0
    while len(items) < count:
        part += 1
        items.append(f"{to_chinese(part)}、加强法治建设工作")
        for section in range(1, 11):
            items.append(f"（{to_chinese(section)}）加强法治建设工作")
            items.extend(f"{item}.加强法治建设工作" for item in range(1, 10))
    return items[:count]


def draft_following(items: list[str]) -> str:
    """A draft whose body has a heading and a sentence for each outline item."""
    return TITLE + "\n" + "".join(f"{item}。我单位认真开展工作。\n" for item in items)


def embedded_outline_draft(count: int) -> str:
    """The draft of ``draft_following`` with the outline embedded before its title as 【提纲】."""
    items = similar_outline(count)
    return "【提纲】" + "。".join(items) + "。\n" + draft_following(items)


def billion_laughs_yaml(levels: int = 9, width: int = 9) -> str:
    """An outline of nine aliases to nine aliases to …: ``width ** levels`` headings once expanded."""
    lines = ["h0: &h0 [" + ", ".join(["一、工作情况"] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"h{level}: &h{level} [" + ", ".join([f"*h{level - 1}"] * width) + "]")
    lines.append(f"outline: *h{levels}")
    return "\n".join(lines) + "\n"


def _with_outline(items: list[str]) -> tuple[dict[str, str], tuple[str, ...]]:
    return {"draft.txt": draft_following(items), "outline.txt": "\n".join(items) + "\n"}, ("--outline", "outline.txt", "draft.txt")


_PLAIN_DRAFT = TITLE + "\n一、工作情况\n本年度组织专题学习12次。\n"

REFUSED, LINTED = 2, 1  # the exit code each case must end with: refused with one line, or linted with findings

# name -> (the exit code it must end with, a builder of (files to write: name -> content, CLI arguments))
PATHOLOGICAL = {
    "docx lvlText 1 000 000 x 3 000": (REFUSED, lambda: ({"bomb.docx": numbering_bomb_docx(1_000_000, 3_000)}, ("bomb.docx",))),
    "docx w:start 4 000 digits": (REFUSED, lambda: (
        {"start.docx": numbering_bomb_docx(18_000, 3_000, "9" * 4_000, 9_000)}, ("start.docx",))),
    "64 KB line of _": (LINTED, lambda: ({"underscore.txt": underscore_line(64 * 1024)}, ("underscore.txt",))),
    "200 KB nested (a(a…中…))": (LINTED, lambda: ({"nested.txt": nested_brackets(66_000)}, ("nested.txt",))),
    "96 KB of [a](b)": (LINTED, lambda: ({"links.md": markdown_links(16_000)}, ("links.md",))),
    "100 KB of >": (LINTED, lambda: ({"quotes.md": markdown_quotes(100_000)}, ("quotes.md",))),
    "outline of 2 500 similar items": (LINTED, lambda: _with_outline(similar_outline(2_500))),
    "outline of 5 000 similar items": (LINTED, lambda: _with_outline(similar_outline(5_000))),
    "embedded 【提纲】 of 2 500 items": (LINTED, lambda: ({"embedded.txt": embedded_outline_draft(2_500)}, ("embedded.txt",))),
    "YAML billion-laughs outline": (REFUSED, lambda: (
        {"draft.txt": _PLAIN_DRAFT, "laughs.yaml": billion_laughs_yaml()}, ("--outline", "laughs.yaml", "draft.txt"))),
    "--outline /dev/zero": (REFUSED, lambda: ({"draft.txt": _PLAIN_DRAFT}, ("--outline", "/dev/zero", "draft.txt"))),
}
