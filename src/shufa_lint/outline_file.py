"""Outlines given outside the draft: ``--outline FILE``, the ``outline`` config key, or a pack default.

Two forms are accepted. YAML: a list of headings (nested lists or mappings for children), or a mapping
with an ``outline`` key holding such a list; each heading keeps its marker (``（一）强化政治引领``).
Text: the 【提纲】 style, one heading per line or run together on one line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from .diagnostics import InputError
from .document import OUTLINE_OPENERS, Outline, parse_outline_lines
from .files import read_regular_file
from .lexicon import RuleDataError, load_yaml
from .source.encoding import decode

# An outline is a page or two; a prescribed outline with every sub-item is still far below this.
MAX_OUTLINE_BYTES = 2 * 1024 * 1024


def _flatten(items: Any, where: str) -> list[str]:
    """The headings in reading order: a mapping's key before its children. Walked with a stack, not
    recursion, because YAML nests up to a thousand levels deep."""
    headings: list[str] = []
    stack = [items]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            headings.append(item)
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            for key, children in reversed(item.items()):
                if children is not None:
                    stack.append(children)
                stack.append(str(key))
        else:
            raise RuleDataError(
                f"{where}: an outline item must be a heading, a list or a mapping", f"{where}: 提纲的每一项应是标题、列表或映射"
            )
    return headings


@lru_cache(maxsize=32)
def load_outline(path: str) -> Outline:
    """The outline in ``path``, parsed once per run however many drafts are held to it."""
    file = Path(path)
    try:  # an outline is saved like the drafts it goes with: GB18030 as often as UTF-8
        text = decode(read_regular_file(path, MAX_OUTLINE_BYTES), path).text
    except InputError as error:  # the user's file, not rule data: said in the run's language
        raise InputError(error.path, f"outline file: {error.reason}", f"提纲文件{error.zh}") from None
    if file.suffix.lower() in (".yaml", ".yml"):
        data = load_yaml(path, text)
        if isinstance(data, dict) and "outline" in data:
            data = data["outline"]
        headings = _flatten(data, path)  # load_yaml has refused aliases that expand without bound
        lines = [(number, heading) for number, heading in enumerate(headings, start=1)]
    else:
        lines = []
        for number, line in enumerate(text.splitlines(), start=1):
            for opener in OUTLINE_OPENERS:
                if line.strip().startswith(opener):
                    cut = line.index(opener) + len(opener)
                    line = " " * cut + line[cut:]
            lines.append((number, line))
    tree = parse_outline_lines(lines)
    if not tree.markers:
        raise RuleDataError(f"{path}: no numbered headings found in the outline", f"{path}: 提纲中没有找到带编号的标题")
    return Outline(tree, 1, len(lines), embedded=False, origin=path)
