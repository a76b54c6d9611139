"""Lint many files, serially or in worker processes, with results in the order of the paths.

Each worker receives the settings and the lexicon once, when it starts, and keeps whatever a rule loads
on first use (the segmentation dictionary) for all the files it lints, so a run pays those costs at most
once per worker. Results come back in input order, so the output is identical to a serial run.
"""

from __future__ import annotations

import gc
import os
from typing import Callable

from .diagnostics import InputError
from .engine import lint_source, review_source
from .formats import FileReport
from .lexicon import Lexicon, RuleDataError
from .settings import Settings
from .source import read_path

# Below this many files a pool costs more to start than it saves.
PARALLEL_FROM_FILES = 48
# Tasks per worker: small enough to balance uneven files, large enough to keep messaging cheap.
CHUNKS_PER_WORKER = 8


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worker_count(jobs: int | None, files: int) -> int:
    """How many processes to lint ``files`` files with: ``jobs`` if given (0 = every core), else
    one for a few files and every core for many."""
    if jobs is None:
        jobs = 1 if files < PARALLEL_FROM_FILES else 0
    if jobs <= 0:
        jobs = available_cores()
    return max(1, min(jobs, files))


def lint_file(
    path: str, settings: Settings, lexicon: Lexicon, encoding: str | None = None, structure: bool = False
) -> FileReport:
    """One file's report, with its ``structure`` (report type, sections, outline coverage) when asked for:
    the HTML view shows it, other formats do not need it. A file that cannot be read or linted becomes a
    report with ``error`` set."""
    try:
        source = read_path(path, encoding)
        if not structure:
            return FileReport(path, lint_source(source, settings, lexicon), source)
        diagnostics, summary = review_source(source, settings, lexicon)
        return FileReport(path, diagnostics, source, structure=summary)
    except (InputError, RuleDataError) as error:  # an unreadable draft, or outline file
        return FileReport(path, error=error.message)


# lint_file's arguments after the path: settings, lexicon, encoding, structure
_Job = tuple[Settings, Lexicon, "str | None", bool]
_job: _Job | None = None


def _start_worker(job: _Job, collect: bool) -> None:
    global _job
    _job = job
    if collect:
        gc.enable()  # a forked worker inherits the parent's paused collector; documents do hold cycles


def _lint_in_worker(path: str) -> FileReport:
    return lint_file(path, *_job)


def _context():
    # imported here: a serial run (the usual editor or pre-commit case) never pays for multiprocessing
    import multiprocessing

    # fork starts workers with every module already imported; elsewhere the platform default
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def lint_files(
    paths: list[str],
    settings: Settings,
    lexicon: Lexicon,
    encoding: str | None = None,
    jobs: int | None = None,
    progress: Callable[[], None] | None = None,
    structure: bool = False,
) -> list[FileReport]:
    """A report per path, in the order of ``paths``, linted by ``worker_count(jobs, …)`` processes;
    ``progress`` is called after each file; ``structure``: see ``lint_file``."""
    advance = progress or (lambda: None)
    job: _Job = (settings, lexicon, encoding, structure)
    # standard input belongs to this process: workers cannot read it
    files = [index for index, path in enumerate(paths) if path != "-"]
    workers = worker_count(jobs, len(files))
    if workers == 1:
        return [_counted(lint_file(path, *job), advance) for path in paths]
    reports: list[FileReport | None] = [None] * len(paths)
    # The first file is linted here, before the workers start, so they inherit what a first file
    # loads (derived lexicon data, compiled patterns, dictionary buckets) instead of each loading it.
    first, files = files[0], files[1:]
    reports[first] = _counted(lint_file(paths[first], *job), advance)
    chunk = max(1, len(files) // (workers * CHUNKS_PER_WORKER))
    # Frozen objects are never scanned by the collector, so forked workers share the parent's pages
    # instead of copying them; and the reports coming back hold no cycles, so collecting while they
    # arrive would only rescan the heap.
    collecting = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        with _context().Pool(workers, _start_worker, (job, collecting)) as pool:
            linted = pool.imap(_lint_in_worker, [paths[index] for index in files], chunk)
            for index, report in zip(files, linted):
                reports[index] = _counted(report, advance)
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()
    for index, path in enumerate(paths):
        if reports[index] is None:
            reports[index] = _counted(lint_file(path, *job), advance)
    return reports


def _counted(report: FileReport, advance: Callable[[], None]) -> FileReport:
    advance()
    return report
