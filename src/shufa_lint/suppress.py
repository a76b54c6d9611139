"""Suppressions, applied after the rules run: Markdown directives, text-anchored ignores and baselines.

Official .txt and .docx drafts are printed, submitted and archived, so they cannot carry tool comments.
Markdown drafts may: ``<!-- shufa-lint disable SF303 -->`` … ``<!-- shufa-lint enable SF303 -->``,
``<!-- shufa-lint disable-next-line SF401 -->`` and ``<!-- shufa-lint disable-line -->`` (no codes: every
rule). Every format may use ``ignore-text`` entries in the configuration (a finding is silenced when its
line holds the given words where the finding is) and a baseline file of fingerprints; both survive lines
moving. A directive naming no known rule suppresses nothing: SF001 reports it.
"""

import os
import re
import unicodedata
from collections import Counter
from typing import Iterable, NamedTuple

from . import regexes
from .diagnostics import Diagnostic, InputError, os_reason
from .files import read_regular_file, replace_atomically
from .registry import all_rules, matches_selector
from .settings import Settings, TextIgnore
from .source import SourceText, split_lines

_DIRECTIVE = regexes.compile(r"shufa-lint(?:\s+(?P<action>[\w-]+)(?P<codes>.*))?\Z", re.S)
ACTIONS = ("disable", "enable", "disable-next-line", "disable-line")
# Characters of context on each side of a finding that its baseline fingerprint covers.
_CONTEXT = 8
BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 64 * 1024 * 1024  # a fingerprint line per finding: far more than any project records


class Directive(NamedTuple):
    """One ``<!-- shufa-lint … -->`` comment: its action, the rules it names, its lines in the file."""

    action: str  # one of ACTIONS, or the misspelt word SF001 reports
    selectors: tuple[str, ...]  # empty: every rule
    line: int
    end_line: int
    target_line: int | None = None  # the line a disable-next-line / disable-line silences

    def covers(self, code: str) -> bool:
        if self.action not in ACTIONS:
            return False
        if not self.selectors:
            return True
        rules = all_rules()
        return code in rules and any(matches_selector(rules[code], selector) for selector in self.selectors)


def directives(source: SourceText) -> list[Directive]:
    """The suppression directives among a Markdown source's HTML comments, in file order."""
    if source.kind != "markdown":
        return []
    raw_lines = split_lines(source.raw_text)
    found = []
    for line, inner in source.comments:
        match = _DIRECTIVE.match(inner.strip())
        if not match:
            continue
        action = match["action"] or ""
        end_line = line + inner.count("\n")
        target = None
        if action == "disable-line":
            target = line
        elif action == "disable-next-line":
            # the next line with text: a blank line between the comment and its paragraph is usual
            target = next((n for n in range(end_line + 1, len(raw_lines) + 1) if raw_lines[n - 1].strip()), None)
        selectors = tuple(part for part in re.split(r"[\s,]+", match["codes"] or "") if part)
        found.append(Directive(action, selectors, line, end_line, target))
    return found


def unknown_selectors(directive: Directive) -> list[str]:
    rules = all_rules().values()
    return [s for s in directive.selectors if not any(matches_selector(rule, s) for rule in rules)]


def _silenced_by_directives(diagnostic: Diagnostic, where: tuple[int, int], found: list[Directive]) -> bool:
    silenced = False
    for directive in found:
        if not directive.covers(diagnostic.code):
            continue
        if directive.target_line is not None:
            silenced |= directive.target_line == where[0]
        elif directive.line <= where[0]:
            silenced = directive.action == "disable"
    return silenced


def _silenced_by_text(diagnostic: Diagnostic, line_text: str, entries: Iterable[TextIgnore]) -> bool:
    rules = all_rules()
    rule = rules.get(diagnostic.code)
    start = diagnostic.column - 1
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line_text)
    for entry in entries:
        if rule is None or not any(matches_selector(rule, selector) for selector in entry.selectors):
            continue
        for match in re.finditer(re.escape(entry.text), line_text):
            if match.start() < end and start < match.end() or (start == end and match.start() <= start <= match.end()):
                return True
    return False


def apply(diagnostics: list[Diagnostic], source: SourceText, settings: Settings) -> list[Diagnostic]:
    """Drop the findings that directives or ``ignore-text`` silence.

    ``diagnostics`` are in document coordinates (lines of ``source.lines``): text anchors match the text
    the rules saw; directive positions are mapped through ``source.locate``.
    """
    found = directives(source)
    if not found and not settings.ignore_text:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        line_text = source.lines[diagnostic.line - 1] if 1 <= diagnostic.line <= len(source.lines) else ""
        if _silenced_by_text(diagnostic, line_text, settings.ignore_text):
            continue
        if _silenced_by_directives(diagnostic, source.locate(diagnostic.line, diagnostic.column), found):
            continue
        kept.append(diagnostic)
    return kept


# --- baseline --------------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def finding_context(diagnostic: Diagnostic, lines: tuple[str, ...]) -> str:
    """The finding's span with a few characters either side, whitespace-normalised."""
    text = lines[diagnostic.line - 1] if 1 <= diagnostic.line <= len(lines) else ""
    start = max(diagnostic.column - 1 - _CONTEXT, 0)
    end = diagnostic.end_column - 1 + _CONTEXT if diagnostic.end_line == diagnostic.line else len(text)
    return _normalise(text[start:end])


def fingerprint(diagnostic: Diagnostic, lines: tuple[str, ...], path: str) -> str:
    """A hash of the code, the path and the text around the finding: stable when lines move.

    ``diagnostic`` is in file coordinates, as the engine returns it; ``lines`` are ``file_lines``.
    """
    import hashlib  # here, as json below: only runs with a baseline pay for importing them

    key = "\0".join((diagnostic.code, path, finding_context(diagnostic, lines)))
    # a file name that is not UTF-8 hashes as its own bytes
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


class Baseline:
    """Fingerprints of accepted findings (``--baseline FILE``); paths are relative to FILE's folder."""

    def __init__(self, path: str, counts: Counter | None = None):
        self.path = path
        self.counts: Counter = counts if counts is not None else Counter()

    def relative(self, path: str) -> str:
        if path == "-":
            return path
        folder = os.path.dirname(os.path.abspath(self.path))
        return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")

    @classmethod
    def load(cls, path: str) -> "Baseline":
        import json

        try:
            data = json.loads(read_regular_file(path, MAX_BASELINE_BYTES).decode("utf-8"))
            counts = Counter(entry["fingerprint"] for entry in data["findings"])
        except InputError as error:
            raise InputError(path, f"baseline: {error.reason}", f"基线文件：{error.zh}") from None
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(path, f"not a shufa-lint baseline: {error}", f"不是 shufa-lint 基线文件：{error}") from None
        return cls(path, counts)

    def new_findings(self, diagnostics: list[Diagnostic], source: SourceText) -> list[Diagnostic]:
        """The findings the baseline does not record; each recorded fingerprint absorbs one finding."""
        remaining = self.counts
        lines = source.file_lines
        fresh = []
        for diagnostic in diagnostics:
            key = fingerprint(diagnostic, lines, self.relative(diagnostic.path or source.path))
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                fresh.append(diagnostic)
        return fresh

    def write(self, reports: Iterable[tuple[list[Diagnostic], SourceText]]) -> int:
        """Record every finding of ``reports`` (pairs of diagnostics and their source); return how many."""
        entries = []
        for diagnostics, source in reports:
            lines = source.file_lines
            for diagnostic in diagnostics:
                path = self.relative(diagnostic.path or source.path)
                entries.append(
                    {
                        "fingerprint": fingerprint(diagnostic, lines, path),
                        # shown, not matched: a name that is not UTF-8 shows its bad bytes as \\xNN
                        "path": path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"),
                        "code": diagnostic.code,
                        "context": finding_context(diagnostic, lines),
                    }
                )
        entries.sort(key=lambda entry: (entry["path"], entry["code"], entry["context"], entry["fingerprint"]))
        data = {"schema_version": BASELINE_VERSION, "tool": "shufa-lint", "findings": entries}
        import json

        try:
            replace_atomically(self.path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        except OSError as error:
            reason = os_reason(error)
            raise InputError(self.path, f"cannot write baseline: {reason.en}", f"无法写入基线文件：{reason.zh}") from None
        return len(entries)
