"""Time and memory bounds for the hostile inputs of issue 10: each must lint (or be refused) within
2 s and 300 MB.

    .venv/bin/python bench/pathological.py [--repeat N] [--seconds 2] [--megabytes 300]

Each case of ``tests/hostile_inputs.PATHOLOGICAL`` is written to a temporary folder and linted by a
fresh process (``python -m shufa_lint``), ``--repeat`` times; the table shows, for the run that used
the least CPU, its CPU time (user + system), its wall time and the peak resident memory of the process
from ``wait4``, and its exit code, which must be the case's (refused: 2, linted: 1). The time bound
applies to CPU time: the machine is shared (the load average is printed), and wall time then measures
the neighbours as much as shufa-lint. A run is stopped at 30 s and at 2 GB of address space, so a
regression fails the bound instead of stalling the machine. Exit 1 if any case is out of bounds.
Standard library only (plus python-docx, which builds the .docx cases).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import PATHOLOGICAL  # noqa: E402

STOP_AFTER_SECONDS = 30
ADDRESS_SPACE_LIMIT = 2 * 1024**3


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    exit_code: int


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))


def run_once(arguments: tuple[str, ...], folder: str) -> Run:
    """One fresh ``shufa-lint`` process in ``folder``: wall time, CPU time, peak RSS, exit code."""
    command = [sys.executable, "-m", "shufa_lint", "-q", "--format", "concise", *arguments]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=_limit_address_space)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > STOP_AFTER_SECONDS:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.005)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting again
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


def measure(repeat: int) -> list[tuple[str, int, Run]]:
    rows = []
    for name, (expected_exit, build) in PATHOLOGICAL.items():
        files, arguments = build()
        with tempfile.TemporaryDirectory(prefix="shufa-lint-pathological-") as folder:
            for file_name, content in files.items():
                data = content.encode("utf-8") if isinstance(content, str) else content
                Path(folder, file_name).write_bytes(data)
            runs = [run_once(arguments, folder) for _ in range(repeat)]
        rows.append((name, expected_exit, min(runs, key=lambda run: run.cpu_seconds)))
    return rows


def within(run: Run, expected_exit: int, seconds: float, megabytes: float) -> bool:
    return run.cpu_seconds < seconds and run.peak_mb < megabytes and run.exit_code == expected_exit


def table(rows: list[tuple[str, int, Run]], seconds: float, megabytes: float) -> str:
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{'case':<{width}}  {'cpu s':>6}  {'wall s':>7}  {'peak MB':>8}  exit  within bounds",
             "-" * (width + 44)]
    for name, expected_exit, run in rows:
        lines.append(f"{name:<{width}}  {run.cpu_seconds:6.2f}  {run.seconds:7.2f}  {run.peak_mb:8.1f}  {run.exit_code:>4}"
                     f"  {'yes' if within(run, expected_exit, seconds, megabytes) else 'NO'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the fastest counts (default 3)")
    parser.add_argument("--seconds", type=float, default=2.0, help="CPU-time bound per case (default 2)")
    parser.add_argument("--megabytes", type=float, default=300.0, help="peak-memory bound per case (default 300)")
    arguments = parser.parse_args(argv)
    load_before = os.getloadavg()
    rows = measure(arguments.repeat)
    load_after = os.getloadavg()
    print(table(rows, arguments.seconds, arguments.megabytes))
    print(f"\n{os.cpu_count()} cores; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    failed = [name for name, expected_exit, run in rows
              if not within(run, expected_exit, arguments.seconds, arguments.megabytes)]
    if failed:
        print(f"over the bounds ({arguments.seconds:g} s, {arguments.megabytes:g} MB): {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
