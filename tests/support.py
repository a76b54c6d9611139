"""Helpers the rule tests share: lint a text in memory and look at what came out."""

from __future__ import annotations

from shufa_lint.document import build_document
from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import from_text


def lint(text: str, select: str | tuple[str, ...] = (), **settings):
    """Diagnostics for ``text`` (rules limited to ``select``: a code, prefix or tuple of them)."""
    if isinstance(select, str):
        select = (select,)
    return lint_source(from_text("draft.txt", text), Settings(select=tuple(select), **settings))


def codes(text: str, select: str | tuple[str, ...] = (), **settings) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in lint(text, select, **settings)]


def document(text: str):
    return build_document(from_text("draft.txt", text))
