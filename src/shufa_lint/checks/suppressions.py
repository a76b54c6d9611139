"""SF0xx suppressions: directives that cannot do what they say."""

from __future__ import annotations

import difflib

from ..diagnostics import Severity
from ..registry import Rule, all_rules, register
from ..source import SourceText, split_lines
from ..suppress import ACTIONS, directives, unknown_selectors


def _document_position(source: SourceText, line: int, column: int) -> tuple[int, int]:
    """The (line, column) of ``source.lines`` that maps to a file position: the inverse of ``locate``."""
    if not source.origins:
        return line, column
    for index, origin in enumerate(source.origins):
        if origin.line < line:
            continue
        if origin.line > line:  # the comment's line was dropped from the text: report at the next one
            return index + 1, 1
        if origin.columns:
            position = next((i for i, c in enumerate(origin.columns) if c >= column - 1), len(origin.columns))
        else:
            position = max(column - 1 - origin.offset, 0)
        return index + 1, position + 1
    return max(len(source.lines), 1), 1


def _closest_rule(selector: str) -> str | None:
    """The rule code or name a mistyped selector most likely meant (SF3O1 → SF301), if any is close."""
    rules = all_rules()
    if selector[:2].upper() == "SF":
        close = difflib.get_close_matches(selector.upper(), list(rules), n=1, cutoff=0.6)
    else:
        close = difflib.get_close_matches(selector.lower(), [rule.name for rule in rules.values()], n=1, cutoff=0.6)
    return close[0] if close else None


@register
class UnknownSuppression(Rule):
    """A suppression directive names a rule that does not exist, or an action that does not exist.

    Why: ``<!-- shufa-lint disable SF3O3 -->`` (a letter O for a zero) silences nothing, and a directive
    that silently did nothing, or silently silenced everything, would hide the findings it was meant to
    scope. The directive is kept but the unknown code is ignored.

    Example: ``<!-- shufa-lint disable-next-line figure-mising -->``, ``<!-- shufa-lint disabel SF401 -->``.

    Fix: use a code, a prefix (``SF3``) or a name from ``shufa-lint --list-rules``, or remove the directive.
    """

    code = "SF001"
    name = "unknown-suppression"
    severity = Severity.WARNING

    def check(self, document, context):
        source = document.source
        raw_lines: list[str] | None = None  # split only for a directive to report (most sources have none)
        for directive in directives(source):
            if directive.action not in ACTIONS:
                close = difflib.get_close_matches(directive.action, ACTIONS, n=1)
                zh = f"未知的抑制指令“{directive.action}”" + (f"（是否应为“{close[0]}”？）" if close else "")
                en = f"unknown suppression directive {directive.action!r}" + (
                    f" (did you mean {close[0]!r}?)" if close else ""
                )
                zh, en = f"{zh}，可用：{'、'.join(ACTIONS)}", f"{en}; use one of {', '.join(ACTIONS)}"
            elif unknown_selectors(directive):
                unknown = unknown_selectors(directive)
                guesses = [guess for guess in map(_closest_rule, unknown) if guess]
                zh = f"抑制指令中的规则“{'、'.join(unknown)}”不存在，该指令对其不起作用" + (
                    f"（是否应为“{'、'.join(guesses)}”？）" if guesses else ""
                )
                en = f"suppression names unknown rule(s) {', '.join(unknown)}; they are ignored" + (
                    f" (did you mean {', '.join(guesses)}?)" if guesses else ""
                )
            else:
                continue
            if raw_lines is None:
                raw_lines = split_lines(source.raw_text)
            first = raw_lines[directive.line - 1] if directive.line <= len(raw_lines) else ""
            last = raw_lines[directive.end_line - 1] if directive.end_line <= len(raw_lines) else ""
            start_column = max(first.find("<!--"), 0) + 1
            end_column = last.find("-->") + 4 if "-->" in last else len(last) + 1
            yield self.report(
                _document_position(source, directive.line, start_column),
                _document_position(source, directive.end_line, end_column),
                zh,
                en,
                suggestions=[("使用 shufa-lint --list-rules 列出的代码或名称", "use a code or name from --list-rules")],
            )

