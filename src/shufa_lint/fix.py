"""Apply the fixes that rules attach to their diagnostics, and write the result back safely.

A fix is a set of edits in file coordinates (the engine maps them). ``--fix`` applies safe fixes,
``--unsafe-fixes`` unsafe ones too. Each pass applies the fixes whose edits do not overlap, from the end
of the file; the text is linted again and the fixes that lost a conflict are retried, until nothing is
left to fix (a second ``--fix`` then changes nothing). Edits are applied to the decoded file text, so
line endings, a missing final newline and every untouched character stay as they were; writing back
uses the file's encoding and BOM, goes through a temporary file and ``os.replace``, and is verified by
reading the file again. Office documents and PDFs are never rewritten (the fixes that would apply are
counted, and ``--diff`` shows them against the document's extracted text); standard input's fixed text
goes to standard output.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Iterable

from .diagnostics import Diagnostic, Fix, InputError, Message, os_reason
from .source import SourceText, from_text
from .source.reader import read_bytes

if TYPE_CHECKING:
    from .formats import FileReport

MAX_PASSES = 5
# No fix may add, drop or change a digit: a fix never invents or loses a figure. Nor may a safe fix touch
# a placeholder mark (*次, XX人, □□起, ??件); only an unsafe fix, which the user asks for and reviews, may
# replace one, when its rule judged it a redaction (*法治思想 → 习近平法治思想).
_DIGITS = re.compile(r"[0-9]")
_PLACEHOLDER_MARKS = re.compile(r"[*xX×□■?%]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_TRAILING_BREAK = re.compile(r"(?:\r\n|\r|\n)\Z")

Lint = Callable[[SourceText], list[Diagnostic]]


class FixError(InputError):
    """A file the fixes cannot be written to without risking its text (exit 2, file untouched)."""


@dataclass
class FixOutcome:
    """The fixes of one file: its text before and after, what was fixed and what remains."""

    source: SourceText
    text: str  # the fixed text, decoded, without BOM
    applied: list[Diagnostic] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    converged: bool = True  # False if fixes were still pending after MAX_PASSES
    fixed_source: SourceText | None = None  # the fixed text as linted last (what ``remaining`` refers to)

    @property
    def changed(self) -> bool:
        return self.text != self.source.raw_text

    def diff(self) -> str:
        """The unified diff from the file as read to the fixed text (``\\n`` line ends, git style)."""
        path = self.source.path.replace(os.sep, "/")
        before, after = _LINE.findall(self.source.raw_text), _LINE.findall(self.text)
        out = []
        for line in difflib.unified_diff(before, after, path, path):
            stripped = line.rstrip("\r\n")
            out.append(stripped + "\n")
            if stripped == line:  # only a file's last line comes without a break; headers always have one
                out.append("\\ No newline at end of file\n")
        return "".join(out)


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe)


def _strip_break(line: str) -> str:
    return _TRAILING_BREAK.sub("", line)


def _line_starts(text: str, source: SourceText) -> list[int] | None:
    """Offsets where each file line starts; None if they are not the lines the reader saw.

    Lines end at \\r\\n, \\r or \\n, as the readers split them: a text file's document lines are its
    file lines, and a Markdown file keeps one document line per file line.
    """
    lines = _LINE.findall(text)
    if len(lines) != len(source.lines):
        return None
    if source.kind == "text" and tuple(_strip_break(line) for line in lines) != source.lines:
        return None
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line)
    return starts


def _line_lengths(text: str, starts: list[int]) -> list[int]:
    """Length of each line without its line break."""
    ends = starts[1:] + [len(text)]
    return [len(_strip_break(text[start:end])) for start, end in zip(starts, ends)]


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    content: str


def _offset(line: int, column: int, starts: list[int], lengths: list[int], text_length: int) -> int | None:
    """Offset of a 1-based (line, column); the column just past a line's text is its line break."""
    if line == len(starts) + 1 and column == 1:
        return text_length
    if not 1 <= line <= len(starts) or not 1 <= column <= lengths[line - 1] + 1:
        return None
    return starts[line - 1] + column - 1


def _spans(fix: Fix, text: str, starts: list[int], lengths: list[int], newline: str) -> list[_Span] | None:
    """A fix's edits as sorted offsets in ``text``; None if an edit falls outside it or edits overlap."""
    spans = []
    for edit in fix.edits:
        start = _offset(edit.line, edit.column, starts, lengths, len(text))
        end = _offset(edit.end_line, edit.end_column, starts, lengths, len(text))
        if start is None or end is None or end < start:
            return None
        spans.append(_Span(start, end, edit.content.replace("\n", newline)))
    spans.sort(key=lambda span: (span.start, span.end))
    if any(_overlaps(a, b) for a, b in zip(spans, spans[1:])):
        return None
    return spans


def _overlaps(a: _Span, b: _Span) -> bool:
    # two insertions at one point, or an insertion at the start of a replacement, have no defined order
    if a.start == b.start:
        return True
    return a.start < b.end and b.start < a.end


def _keeps_figures(spans: list[_Span], text: str, safe: bool) -> bool:
    patterns = (_DIGITS, _PLACEHOLDER_MARKS) if safe else (_DIGITS,)

    def count(pattern, part):
        return Counter(pattern.findall(unicodedata.normalize("NFKC", part)))

    return all(
        count(pattern, text[span.start : span.end]) == count(pattern, span.content)
        for span in spans
        for pattern in patterns
    )


def apply_fixes(
    source: SourceText, diagnostics: Iterable[Diagnostic], unsafe: bool = False
) -> tuple[str, list[Diagnostic]]:
    """Apply every applicable fix that conflicts with none applied before it (in file order).

    Returns the new text and the diagnostics whose fixes were applied. A fix is all or nothing; one that
    changes nothing, falls outside the text, or would touch a figure is skipped.
    """
    text = source.raw_text
    starts = _line_starts(text, source)
    if starts is None:
        return text, []
    lengths = _line_lengths(text, starts)
    candidates = []
    for diagnostic in diagnostics:
        if not applicable(diagnostic.fix, unsafe):
            continue
        spans = _spans(diagnostic.fix, text, starts, lengths, source.newline)
        if spans is None or not _keeps_figures(spans, text, diagnostic.fix.safe):
            continue
        if all(text[span.start : span.end] == span.content for span in spans):
            continue
        candidates.append((spans, diagnostic))
    candidates.sort(key=lambda candidate: (candidate[0][0].start, candidate[0][-1].end))
    accepted: list[_Span] = []
    applied: list[Diagnostic] = []
    for spans, diagnostic in candidates:
        if any(_overlaps(span, taken) for span in spans for taken in accepted):
            continue  # retried on the next pass, against the text this pass produces
        accepted.extend(spans)
        applied.append(diagnostic)
    for span in sorted(accepted, key=lambda span: span.start, reverse=True):
        text = text[: span.start] + span.content + text[span.end :]
    return text, applied


def reparse(source: SourceText, text: str) -> SourceText:
    """The fixed text read as the file will be: same reader (text or Markdown), encoding and BOM."""
    if source.kind == EXTRACTED:
        return extracted_text(source.path, text)
    return read_bytes(source.path, _encode(source, text), source.encoding)


EXTRACTED = "extracted"


def extracted_text(path: str, text: str) -> SourceText:
    """A document's text (office document or PDF) as plain lines, one per paragraph: what its fixes are
    shown against, since the document itself is never rewritten."""
    return from_text(path, text, kind=EXTRACTED)


def can_fix(source: SourceText) -> Message | None:
    """Why the fixes cannot be applied to ``source``, or None if they can."""
    if source.position_unit != "line":
        suffix = os.path.splitext(source.path)[1].lower() or f".{source.kind}"
        return Message(f"不对 {suffix} 文件应用修复", f"fixes are not applied to {suffix} files")
    if not source.raw_text or _line_starts(source.raw_text, source) is None:
        return Message("无法定位原文，未应用修复", "the file text cannot be mapped; no fix applied")
    return None


def fix_source(
    source: SourceText,
    diagnostics: list[Diagnostic],
    lint: Lint,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
) -> FixOutcome:
    """Lint → fix → lint again until no applicable fix is left (or ``max_passes`` passes)."""
    outcome = FixOutcome(source, source.raw_text, remaining=list(diagnostics))
    current = source
    for _ in range(max_passes):
        text, applied = apply_fixes(current, outcome.remaining, unsafe)
        if not applied:
            break
        outcome.applied.extend(applied)
        outcome.text = text
        current = reparse(current, text)
        outcome.remaining = lint(current)
    else:
        outcome.converged = not apply_fixes(current, outcome.remaining, unsafe)[1]
    outcome.fixed_source = current
    return outcome


# --- writing back -----------------------------------------------------------------------------------


def _encode(source: SourceText, text: str) -> bytes:
    try:
        return source.encode(text)
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        raise FixError(
            source.path,
            f"the fixed text has {bad!r}, which {source.encoding} cannot encode; file not written",
            f"修复后的文字含有 {source.encoding} 无法编码的“{bad}”，未写入",
        ) from None


def write_back(outcome: FixOutcome) -> None:
    """Write the fixed text over the file, atomically, keeping its encoding, BOM, line ends and mode.

    Before writing, the text as read must encode back to exactly the bytes on disk: otherwise the file
    changed since it was read, or the encoding cannot reproduce it, and writing could lose text.
    After writing, the file is read again and compared byte for byte.
    """
    source = outcome.source
    target = os.path.realpath(source.path)
    try:
        with open(target, "rb") as handle:
            on_disk = handle.read()
    except OSError as error:
        reason = os_reason(error)
        raise FixError(source.path, f"cannot read back: {reason.en}", f"无法重新读取：{reason.zh}") from None
    if _encode(source, source.raw_text) != on_disk:
        raise FixError(
            source.path,
            "changed since it was read, or does not round-trip its encoding; file not written",
            "读取后已被改动，或无法按原编码还原，未写入",
        )
    data = _encode(source, outcome.text)
    if data[len(source.bom_bytes()) :].decode(source.encoding) != outcome.text:
        raise FixError(
            source.path,
            f"the fixed text does not survive {source.encoding}; file not written",
            f"修复后的文字按 {source.encoding} 编码后不能原样读回，未写入",
        )
    folder = os.path.dirname(target) or "."
    status = os.stat(target)
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise FixError(source.path, "is read-only; not written", "文件只读，未写入")
    if status.st_uid != os.geteuid() and os.geteuid() != 0:
        # replacing the file would hand it to this user: leave another user's file as it is
        raise FixError(source.path, "belongs to another user; not written", "文件属于其他用户，未写入")
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, status.st_mode & 0o7777)
        if os.geteuid() == 0:
            os.chown(temporary, status.st_uid, status.st_gid)
        os.replace(temporary, target)
    except OSError as error:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        reason = os_reason(error)
        raise FixError(source.path, f"cannot write: {reason.en}", f"无法写入：{reason.zh}") from None
    with open(target, "rb") as written:
        if written.read() != data:
            raise FixError(source.path, "the file read back differs from what was written", "读回的文件与写入的内容不同")


# --- summary ----------------------------------------------------------------------------------------


def _detail(diagnostics: Iterable[Diagnostic]) -> tuple[int, str]:
    """How many findings, and `` (SF601 ×3, SF701 ×20)``."""
    counts = Counter(d.code for d in diagnostics)
    return sum(counts.values()), " (" + ", ".join(f"{code} ×{count}" for code, count in sorted(counts.items())) + ")"


def summary(outcomes: list[FixOutcome], would: bool = False) -> Message:
    """``fixed 23 findings in 1 file (SF701 ×20, SF601 ×3)``, or what ``--diff`` would fix."""
    total, detail = _detail(d for outcome in outcomes for d in outcome.applied)
    if not total:
        return Message("没有可修复的问题", "nothing to fix")
    files = sum(1 for outcome in outcomes if outcome.applied)
    verb_zh, verb_en = ("可修复", "would fix") if would else ("已修复", "fixed")
    return Message(
        f"{verb_zh} {files} 个文件中的 {total} 处问题{detail}",
        f"{verb_en} {total} finding{'s' * (total != 1)} in {files} file{'s' * (files != 1)}{detail}",
    )


class FixSession:
    """The fixes of one CLI run: ``--fix`` writes them, ``--diff`` only shows them.

    ``run`` takes a file's source and diagnostics and returns what to report for it: after ``--fix``,
    the findings left in the fixed text (their positions refer to it); after ``--diff``, nothing.
    """

    def __init__(self, unsafe: bool, write: bool):
        self.unsafe = unsafe
        self.write = write
        self.outcomes: list[FixOutcome] = []
        self.notes: list[tuple[str, Message]] = []  # files with fixes left unapplied, and why
        self.left_alone = 0  # fixable findings in those files
        self.previews: list[FixOutcome] = []  # --diff: the fixes on documents' extracted text (never written)

    def run(self, source: SourceText, diagnostics: list[Diagnostic], lint: Lint) -> tuple[SourceText, list[Diagnostic]]:
        reason = can_fix(source)
        if reason is not None:
            fixable = [d for d in diagnostics if applicable(d.fix, self.unsafe)]
            if fixable:
                count, detail = _detail(fixable)
                self.left_alone += count
                self.notes.append(
                    (source.path, Message(f"{count} 处问题可修复{detail}，但{reason.zh}", f"{count} fixable{detail}, but {reason.en}"))
                )
                if not self.write and source.position_unit != "line":  # a document: shown on its text
                    text = extracted_text(source.path, "".join(line + "\n" for line in source.lines))
                    self.previews.append(fix_source(text, lint(text), lint, self.unsafe))
            return source, diagnostics
        outcome = fix_source(source, diagnostics, lint, self.unsafe)
        if outcome.changed and self.write and source.path != "-":  # standard input's goes to standard output
            write_back(outcome)
        self.outcomes.append(outcome)
        if not self.write:
            return source, []
        return outcome.fixed_source, outcome.remaining

    @property
    def changed(self) -> bool:
        return any(outcome.changed for outcome in self.outcomes)

    @property
    def unfinished(self) -> bool:
        """Fixes that could not all be applied: conflicts still pending after the last pass."""
        return not all(outcome.converged for outcome in self.outcomes)

    @property
    def pending(self) -> bool:
        """Fixes that apply, whether written or not: ``--diff`` exits 1 on them."""
        return self.changed or self.left_alone > 0

    def diff(self) -> str:
        return "".join(outcome.diff() for outcome in self.outcomes + self.previews if outcome.changed)

    def summary(self) -> Message | None:
        """What was (or would be) fixed; None when the notes on files left alone already said it all."""
        if self.left_alone and not any(outcome.applied for outcome in self.outcomes):
            return None
        return summary(self.outcomes, would=not self.write)


def fix_reports(
    reports: list["FileReport"], lint: Lint, unsafe: bool, write: bool
) -> tuple[list["FileReport"], FixSession]:
    """Fix every linted file of a run; a file that cannot be written becomes an input error (exit 2)."""
    session = FixSession(unsafe, write)
    fixed = []
    for report in reports:
        if report.error or report.source is None:
            fixed.append(report)
            continue
        try:
            source, diagnostics = session.run(report.source, report.diagnostics, lint)
            # the structure (sections, outline lines) described the text before the fixes
            structure = report.structure if source is report.source else None
            fixed.append(replace(report, source=source, diagnostics=diagnostics, structure=structure))
        except InputError as error:
            fixed.append(replace(report, diagnostics=[], error=error.message))
    return fixed, session
