"""Apply the fixes that rules attach to their diagnostics, and write the result back safely.

A fix is a set of edits in file coordinates (the engine maps them). ``--fix`` applies safe fixes,
``--unsafe-fixes`` unsafe ones too. Each pass applies the fixes whose edits do not overlap, in one walk
over the text; the text is linted again, a fix that created a headline finding or did not fix its own is
withheld, and what is left is fixed in the next pass, until nothing is (a second ``--fix`` then changes
nothing) — or, past a bound, nothing is applied at all. Edits are applied to the decoded file text, so
line endings, a missing final newline and every untouched character stay as they were (``EditMap``
records which); writing back uses the file's encoding and BOM, goes through a temporary file and
``os.replace``, and is verified by reading the file again. Office documents, PDFs and files reached
through a symlink out of the linted folders are never rewritten (the fixes that would apply are
counted, and ``--diff`` shows a document's against its extracted text); standard input's fixed text
goes to standard output.
"""

import bisect
import difflib
import os
import tempfile
import unicodedata
from collections import Counter
from typing import Callable, Iterable, NamedTuple

from . import regexes
from .diagnostics import Diagnostic, Fix, InputError, Message, os_reason
from .formats import FileReport
from .source import SourceText, from_text
from .source.reader import text_source

# Passes are needed when a fix changes what the model sees (joining two lines can make the joined line
# run on into the next); a draft settles in two or three. One that has not settled after this many is
# left untouched rather than written half-fixed.
MAX_PASSES = 16
# No fix may add, drop or change a digit: a fix never invents or loses a figure. Nor may a safe fix touch
# a placeholder mark (*次, XX人, □□起, ??件); only an unsafe fix, which the user asks for and reviews, may
# replace one, when its rule judged it a redaction (*法治思想 → 习近平法治思想).
_DIGITS = regexes.compile(r"[0-9]")
_PLACEHOLDER_MARKS = regexes.compile(r"[*xX×□■?%]")
_LINE = regexes.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_TRAILING_BREAK = regexes.compile(r"(?:\r\n|\r|\n)\Z")
# A fix must never create one of these findings: structure, numbering, figures, redactions, outline,
# integrity. Minor punctuation findings (SF7xx) may move.
_HEADLINE = regexes.compile(r"SF[1-6]\d\d")
# Characters either side of a fix that identify it again in the next pass, once withheld.
_CONTEXT = 16

Lint = Callable[[SourceText], list[Diagnostic]]


class FixError(InputError):
    """A file the fixes cannot be written to without risking its text (exit 2, file untouched)."""


class _Span(NamedTuple):
    start: int
    end: int
    content: str
    code: str = ""  # the rule whose fix this edit belongs to


def _placed(spans: list[_Span]) -> list[tuple[int, int, str]]:
    """Where each of a pass's sorted spans puts its new text: (start, end, rule code) after the pass."""
    placed, shift = [], 0
    for span in spans:
        start = span.start + shift
        placed.append((start, start + len(span.content), span.code))
        shift += len(span.content) - (span.end - span.start)
    return placed


class EditMap:
    """Which characters of the fixed text are the original's, untouched: the runs between fixed spans.

    ``kept`` holds (start in the original, start in the current text, length), in order. A pass of edits
    cuts the runs it touches in one walk over both lists, so fixing stays linear in the file's size.
    """

    def __init__(self, length: int):
        self.kept: list[tuple[int, int, int]] = [(0, 0, length)] if length else []
        # where each fix's new text stands in the current text: (start, end, rule code)
        self.places: list[tuple[int, int, str]] = []

    def apply(self, spans: list[_Span]) -> None:
        """Record a pass of non-overlapping ``spans`` (sorted, in current coordinates)."""
        runs, kept, shift, index = list(self.kept), [], 0, 0
        for span in spans:
            while index < len(runs):
                original, current, length = runs[index]
                end = current + length
                if end <= span.start:
                    kept.append((original, current + shift, length))
                    index += 1
                    continue
                if current >= span.end:
                    break
                if current < span.start:  # the span cuts into (or is inserted inside) this run
                    kept.append((original, current + shift, span.start - current))
                if end > span.end:
                    runs[index] = (original + span.end - current, span.end, end - span.end)
                    break
                index += 1
            shift += len(span.content) - (span.end - span.start)
        kept.extend((original, current + shift, length) for original, current, length in runs[index:])
        self.kept = kept
        self._move_places(spans)

    def _move_places(self, spans: list[_Span]) -> None:
        """Carry the earlier fixes' places through this pass and add its own."""
        starts = [span.start for span in spans]
        placed = _placed(spans)
        moved_starts = [start for start, _end, _code in placed]

        def moved(position: int, side: int) -> int:
            slot = bisect.bisect_right(starts, position) - 1
            if slot < 0:
                return position
            span = spans[slot]
            if position < span.end or (position == span.end == span.start and side == 0):
                # inside what the span replaced: the start or end of its new text
                return moved_starts[slot] + (len(span.content) if side else 0)
            return position + moved_starts[slot] + len(span.content) - span.end

        self.places = sorted([(moved(start, 0), moved(end, 1), code) for start, end, code in self.places] + placed)


class FixOutcome:
    """The fixes of one file: its text before and after, what was fixed and what remains."""

    __slots__ = ("source", "text", "applied", "remaining", "converged", "fixed_source", "edit_map")

    def __init__(
        self,
        source: SourceText,
        text: str,  # the fixed text, decoded, without BOM
        applied: list[Diagnostic] | None = None,
        remaining: list[Diagnostic] | None = None,
        converged: bool = True,  # False if fixes had not settled after MAX_PASSES: then nothing is applied
        fixed_source: SourceText | None = None,  # the fixed text as linted last (what ``remaining`` refers to)
        edit_map: EditMap | None = None,  # where the original text survives in ``text``, once fixes apply
    ) -> None:
        self.source = source
        self.text = text
        self.applied = [] if applied is None else applied
        self.remaining = [] if remaining is None else remaining
        self.converged = converged
        self.fixed_source = fixed_source
        self.edit_map = edit_map

    @property
    def changed(self) -> bool:
        return self.text != self.source.raw_text

    def places(self) -> list[tuple[int, int, str]]:
        """Where each applied fix's new text stands in the fixed text: (start, end, rule code)."""
        return [] if self.edit_map is None else list(self.edit_map.places)

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


def _offset(line: int, column: int, starts: list[int], lengths: list[int], text_length: int) -> int | None:
    """Offset of a 1-based (line, column); the column just past a line's text is its line break."""
    if line == len(starts) + 1 and column == 1:
        return text_length
    if not 1 <= line <= len(starts) or not 1 <= column <= lengths[line - 1] + 1:
        return None
    return starts[line - 1] + column - 1


def _spans(fix: Fix, text: str, starts: list[int], lengths: list[int], newline: str, code: str) -> list[_Span] | None:
    """A fix's edits as sorted offsets in ``text``; None if an edit falls outside it or edits overlap."""
    spans = []
    for edit in fix.edits:
        start = _offset(edit.line, edit.column, starts, lengths, len(text))
        end = _offset(edit.end_line, edit.end_column, starts, lengths, len(text))
        if start is None or end is None or end < start:
            return None
        spans.append(_Span(start, end, edit.content.replace("\n", newline), code))
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


class _Candidate(NamedTuple):
    spans: list[_Span]
    diagnostic: Diagnostic
    key: tuple  # the fix's code and surroundings: how a withheld fix is recognised in a later pass


def _candidates(source: SourceText, diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[_Candidate]:
    """The applicable fixes that change something, keep every figure and fall inside the text, in file
    order; then, of fixes that overlap, the first one (the others wait for the next pass)."""
    text = source.raw_text
    starts = _line_starts(text, source)
    if starts is None:
        return []
    lengths = _line_lengths(text, starts)
    found = []
    for diagnostic in diagnostics:
        if not applicable(diagnostic.fix, unsafe):
            continue
        spans = _spans(diagnostic.fix, text, starts, lengths, source.newline, diagnostic.code)
        if spans is None or not _keeps_figures(spans, text, diagnostic.fix.safe):
            continue
        if all(text[span.start : span.end] == span.content for span in spans):
            continue
        key = (diagnostic.code, *(text[max(0, s.start - _CONTEXT) : s.end + _CONTEXT] + "\0" + s.content for s in spans))
        found.append(_Candidate(spans, diagnostic, key))
    found.sort(key=lambda candidate: (candidate.spans[0].start, candidate.spans[-1].end))
    return _without_conflicts(found)


def _without_conflicts(candidates: list[_Candidate]) -> list[_Candidate]:
    """Each candidate that overlaps none taken before it. Taken spans stay sorted and disjoint, so a new
    span is checked against its two neighbours only."""
    taken_starts: list[int] = []
    taken: list[_Span] = []
    chosen = []
    for candidate in candidates:
        slots = [bisect.bisect_left(taken_starts, span.start) for span in candidate.spans]
        if any(
            _overlaps(span, taken[neighbour])
            for span, slot in zip(candidate.spans, slots)
            for neighbour in (slot - 1, slot)
            if 0 <= neighbour < len(taken)
        ):
            continue  # retried on the next pass, against the text this pass produces
        for span in candidate.spans:
            slot = bisect.bisect_left(taken_starts, span.start)
            taken_starts.insert(slot, span.start)
            taken.insert(slot, span)
        chosen.append(candidate)
    return chosen


def _apply_spans(text: str, spans: list[_Span]) -> str:
    """``text`` with sorted, disjoint ``spans`` replaced, built in one pass."""
    pieces, position = [], 0
    for span in spans:
        pieces.append(text[position : span.start])
        pieces.append(span.content)
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


def _sorted_spans(candidates: list[_Candidate]) -> list[_Span]:
    return sorted((span for candidate in candidates for span in candidate.spans), key=lambda span: span.start)


def apply_fixes(
    source: SourceText, diagnostics: Iterable[Diagnostic], unsafe: bool = False
) -> tuple[str, list[Diagnostic]]:
    """Apply every applicable fix that conflicts with none applied before it (in file order).

    Returns the new text and the diagnostics whose fixes were applied. A fix is all or nothing; one that
    changes nothing, falls outside the text, or would touch a figure is skipped.
    """
    chosen = _candidates(source, diagnostics, unsafe)
    return _apply_spans(source.raw_text, _sorted_spans(chosen)), [candidate.diagnostic for candidate in chosen]


def reparse(source: SourceText, text: str) -> SourceText:
    """The fixed text read as the file will be: same reader (text or Markdown), encoding and BOM. Not
    decoded again: whether it is text was judged once, on the file (a fix that removes characters
    must not turn a draft into binary)."""
    if source.kind == EXTRACTED:
        return extracted_text(source.path, text)
    _encode(source, text)  # a fixed text the file's encoding cannot hold is refused here
    return text_source(source.path, text, encoding=source.encoding, bom=source.bom)


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


def headline_counts(diagnostics: Iterable[Diagnostic]) -> Counter:
    """How many findings of each headline rule (SF1xx–SF6xx): what a fix must not increase."""
    return Counter(d.code for d in diagnostics if _HEADLINE.fullmatch(d.code))


def created_headlines(before: Counter, after: Counter) -> Counter:
    """The headline findings a fix created. Sections missing from a draft that stops mid-sentence are
    not reported (the rest may be lost); a fix that ends the cut-off (继续努力. → 继续努力。) reveals
    them rather than creating them."""
    created = after - before
    if after["SF602"] < before["SF602"]:
        created.pop("SF101", None)
    return created


class _Pass:
    """One pass: apply the chosen fixes, and if together they create a headline finding, find the ones
    that do by halving (a few extra lints, only then) and withhold them for the rest of the run.

    Not ``strict``, a new finding that carries a fix of its own is allowed: the next pass fixes it (a
    full stop written full-width can make the line run on into the next, which SF601 then joins).
    """

    def __init__(self, current: SourceText, before: list[Diagnostic], lint: Lint, withheld: set, strict: bool):
        self.current, self.lint, self.withheld, self.strict = current, lint, withheld, strict
        self.allowed = headline_counts(before)

    def run(self, chosen: list[_Candidate]) -> tuple[list[_Candidate], SourceText, list[Diagnostic]] | None:
        """The fixes accepted, the fixed text and its findings; None if every fix was withheld."""
        tried = self._try(chosen)
        if tried is not None:
            return (chosen, *tried)
        if len(chosen) == 1:
            self.withheld.add(chosen[0].key)
            return None
        half = len(chosen) // 2
        # the first half that settles is this pass's work; the rest is proposed again by the next lint
        return self.run(chosen[:half]) or self.run(chosen[half:])

    def _try(self, chosen: list[_Candidate]) -> tuple[SourceText, list[Diagnostic]] | None:
        spans = _sorted_spans(chosen)
        fixed = reparse(self.current, _apply_spans(self.current.raw_text, spans))
        found = self.lint(fixed)
        counted = found if self.strict else [d for d in found if not applicable(d.fix, unsafe=True)]
        if created_headlines(self.allowed, headline_counts(counted)) or _found_again(spans, fixed, found):
            return None
        return fixed, found


def _found_again(spans: list[_Span], fixed: SourceText, found: list[Diagnostic]) -> bool:
    """Whether a rule still reports at a place its own fix just wrote: then the fix did not fix it."""
    starts = _line_starts(fixed.raw_text, fixed)
    if starts is None:
        return False
    by_code: dict[str, list[tuple[int, int, str]]] = {}
    for place in _placed(spans):  # sorted and disjoint, per code too
        by_code.setdefault(place[2], []).append(place)
    firsts = {code: [start for start, _end, _code in places] for code, places in by_code.items()}
    for finding in found:
        places = by_code.get(finding.code)
        if places is None:
            continue
        for where in finding_ranges(finding, starts):
            slot = bisect.bisect_left(firsts[finding.code], max(where[1], where[0] + 1))
            # walk back over the places that start before the range ends, while they reach into it
            while slot > 0 and places[slot - 1][1] > where[0] - 1:
                slot -= 1
                if covers(where, places[slot][0], places[slot][1]):
                    return True
    return False


def finding_ranges(finding: Diagnostic, starts: list[int]) -> list[tuple[int, int]]:
    """The offsets a finding is about: what its fix would change, else its own range. (One SF701 finding
    spans a line's marks; a mark fixed between two others is not found again.)"""
    ranges = [(e.line, e.column, e.end_line, e.end_column) for e in finding.fix.edits] if finding.fix else []
    ranges = ranges or [(finding.line, finding.column, finding.end_line, finding.end_column)]
    return [
        (starts[line - 1] + column - 1, starts[end_line - 1] + end_column - 1)
        for line, column, end_line, end_column in ranges
        if end_line <= len(starts)
    ]


def covers(finding: tuple[int, int], start: int, end: int) -> bool:
    """Whether a finding's [start, end) offsets cover what a fix wrote at [``start``, ``end``): overlap
    with the new text, or, for a deletion (a joined line break), a range across the point."""
    if start == end:
        return finding[0] < start < finding[1]
    return finding[0] < end and start < max(finding[1], finding[0] + 1)


def fix_source(
    source: SourceText,
    diagnostics: list[Diagnostic],
    lint: Lint,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
) -> FixOutcome:
    """Lint → fix → lint again until no applicable fix is left: a fixed point, so that a second run
    changes nothing. No fix may leave a headline finding the draft did not have; if the run as a whole
    did (a fix allowed for the next pass to finish, whose own fix was then withheld), it is redone
    allowing no new headline finding at any step. If the fixes have not settled after ``max_passes``
    passes, nothing is applied (``converged`` is False)."""
    outcome = _fix_passes(source, diagnostics, lint, unsafe, max_passes, strict=False)
    if outcome.applied and created_headlines(headline_counts(diagnostics), headline_counts(outcome.remaining)):
        outcome = _fix_passes(source, diagnostics, lint, unsafe, max_passes, strict=True)
    return outcome


def _fix_passes(source, diagnostics, lint, unsafe, max_passes, strict) -> FixOutcome:
    current, remaining = source, list(diagnostics)
    edit_map = EditMap(len(source.raw_text))
    withheld: set = set()
    applied: list[Diagnostic] = []
    passes = 0
    changed_since_withheld = False
    while True:
        chosen = [c for c in _candidates(current, remaining, unsafe) if c.key not in withheld]
        if not chosen and withheld and changed_since_withheld:
            # a fix withheld earlier may be harmless in the text as it is now; a second run would try it
            # again, so this one does, to end where a second run changes nothing
            withheld.clear()
            changed_since_withheld = False
            continue
        if not chosen:
            break
        if passes == max_passes:
            return FixOutcome(source, source.raw_text, remaining=list(diagnostics), converged=False, fixed_source=source)
        passes += 1
        result = _Pass(current, remaining, lint, withheld, strict).run(chosen)
        if result is not None:
            accepted, current, remaining = result
            edit_map.apply(_sorted_spans(accepted))
            applied.extend(candidate.diagnostic for candidate in accepted)
            changed_since_withheld = bool(withheld)
    return FixOutcome(
        source,
        current.raw_text,
        applied=applied,
        remaining=remaining,
        fixed_source=current,
        edit_map=edit_map if applied else None,
    )


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
    """Write the fixed text over the file, atomically, keeping its encoding, BOM, line ends, mode (with
    setuid/setgid bits), group and extended attributes where the platform allows.

    Before writing, the text as read must encode back to exactly the bytes on disk (otherwise the file
    changed since it was read, or the encoding cannot reproduce it), and the bytes to write must decode
    to the fixed text with every character outside the fixed regions as it was. After writing, the file
    is read again and compared byte for byte.
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
    if data[len(source.bom_bytes()) :].decode(source.encoding) != outcome.text or not _keeps_the_rest(outcome):
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
        _copy_metadata(target, temporary, status)
        os.replace(temporary, target)
    except OSError as error:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        reason = os_reason(error)
        raise FixError(source.path, f"cannot write: {reason.en}", f"无法写入：{reason.zh}") from None
    with open(target, "rb") as written:
        if written.read() != data:
            raise FixError(source.path, "the file read back differs from what was written", "读回的文件与写入的内容不同")


def _keeps_the_rest(outcome: FixOutcome) -> bool:
    """Whether every character outside the fixed regions is in the fixed text, unchanged."""
    before, after = outcome.source.raw_text, outcome.text
    if outcome.edit_map is None:  # no record of where fixes went (an outcome built by hand)
        return True
    return all(
        before[original : original + length] == after[current : current + length]
        for original, current, length in outcome.edit_map.kept
    )


def _copy_metadata(original: str, replacement: str, status: os.stat_result) -> None:
    """Group (the owner too, as root), extended attributes, then the mode: changing the owner or group
    clears setuid and setgid, so the mode goes last. What the platform refuses is left as it is."""
    try:
        os.chown(replacement, status.st_uid if os.geteuid() == 0 else -1, status.st_gid)
    except OSError:
        pass  # a group this user is not in
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(original)
        except OSError:
            names = []
        for name in names:
            try:
                os.setxattr(replacement, name, os.getxattr(original, name))
            except OSError:
                pass  # security.* and trusted.* need privileges
    os.chmod(replacement, status.st_mode & 0o7777)


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

    def __init__(self, unsafe: bool, write: bool, trees: Iterable[str] | None = None, through_symlinks: bool = False):
        self.unsafe = unsafe
        self.write = write
        # the real paths of the linted folders; a file whose real path leaves them is not rewritten
        self.trees = None if trees is None or through_symlinks else [os.path.realpath(tree) for tree in trees]
        self.outcomes: list[FixOutcome] = []
        self.notes: list[tuple[str, Message]] = []  # files with fixes left unapplied, and why
        self.left_alone = 0  # fixable findings in those files
        self.previews: list[FixOutcome] = []  # --diff: the fixes on documents' extracted text (never written)

    def run(self, source: SourceText, diagnostics: list[Diagnostic], lint: Lint) -> tuple[SourceText, list[Diagnostic]]:
        reason = can_fix(source) or (self._outside_trees(source.path) if self.write else None)
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
        if not outcome.converged:
            self.notes.append((source.path, Message(
                f"修复经 {MAX_PASSES} 轮仍未稳定，文件未改写", f"fixes did not settle after {MAX_PASSES} passes; file not written"
            )))
        if outcome.changed and self.write and source.path != "-":  # standard input's goes to standard output
            if os.stat(source.path).st_nlink > 1:
                self.notes.append((source.path, Message(
                    "该文件有多个硬链接：改写后其他链接仍是原文", "has other hard links; they keep the text as it was"
                )))
            write_back(outcome)
        self.outcomes.append(outcome)
        if not self.write:
            return source, []
        return outcome.fixed_source, outcome.remaining

    def _outside_trees(self, path: str) -> Message | None:
        if self.trees is None or path == "-":
            return None
        real = os.path.realpath(path)
        if any(real == tree or real.startswith(tree.rstrip(os.sep) + os.sep) for tree in self.trees):
            return None
        return Message(
            f"经符号链接指向受检目录之外（{real}），未改写；确需改写请加 --fix-through-symlinks",
            f"a symlink leads outside the linted folders (to {real}); not rewritten (--fix-through-symlinks allows it)",
        )

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
    reports: list[FileReport],
    lint: Lint,
    unsafe: bool,
    write: bool,
    trees: Iterable[str] | None = None,
    through_symlinks: bool = False,
) -> tuple[list[FileReport], FixSession]:
    """Fix every linted file of a run; a file that cannot be written becomes an input error (exit 2).
    ``trees`` are the folders linted (for a file named directly, its folder)."""
    session = FixSession(unsafe, write, trees, through_symlinks)
    fixed = []
    for report in reports:
        if report.error or report.source is None:
            fixed.append(report)
            continue
        try:
            source, diagnostics = session.run(report.source, report.diagnostics, lint)
            # the structure (sections, outline lines) described the text before the fixes
            structure = report.structure if source is report.source else None
            fixed.append(FileReport(report.path, diagnostics, source, report.error, structure))
        except InputError as error:
            fixed.append(FileReport(report.path, [], report.source, error.message, report.structure))
    return fixed, session
