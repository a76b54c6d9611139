"""Benchmark shufa-lint against the performance targets (issue 5) and print a table.

    .venv/bin/python bench/run.py [--repeat N] [--rows seed,10m,...]

The ``formats`` rows lint the seed saved as .doc, .wps, .odt, .rtf and PDF (tests/fixtures/formats/), cold,
each against the seed.txt row, and a 100-page PDF built from the long report (target: under 5 s).

Builds the corpus into bench/corpus/ (see corpus.py), then runs every case ``--repeat`` times after one
warm-up run, each as a fresh process (``python -m shufa_lint``) timed from spawn to exit, with its peak
resident memory from ``wait4``. shufa-lint runs as installed by ``pip install .`` (see
``installed_python``; not the checkout's editable install, whose import hook slows every start).
Baselines are measured in the same run, side by side: ``python -c pass`` with that same interpreter
and environment for start-up, and a plain in-process ``re`` scan of the same file for ~200
terms for throughput. The table shows medians and min–max, each case's ratio to its baseline, and the
target. Results are also written to bench/results/latest.json. Standard library only, but for the
lsp row (bench/lsp_latency.py), which talks to the server with pygls's client.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402  (bench/ is not a package)

ROOT = BENCH.parent
MB = 1_000_000


@dataclass
class Sample:
    seconds: float
    peak_mb: float | None
    cpu_seconds: float | None = None  # user + system, the process and the workers it waited for


@dataclass
class Row:
    case: str
    samples: list[Sample]
    ratio: float | None = None
    ratio_label: str = ""
    target: str = ""
    met: bool | None = None
    extra: dict = field(default_factory=dict)

    @property
    def seconds(self) -> list[float]:
        return [sample.seconds for sample in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float | None:
        peaks = [sample.peak_mb for sample in self.samples if sample.peak_mb is not None]
        return statistics.median(peaks) if peaks else None


# GNU time runs the command as its own child, so the peak RSS it reports is the command's alone. A child
# of this (Python) process would count this process's memory too: Linux keeps the high-water mark of
# the copy it was before exec.
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


# An installed linter runs from cached bytecode (pip compiles it on install); a checkout gets the cache
# from the warm-up run, unless the environment forbids writing it, which would time the compiler instead.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: list[str], env: dict[str, str] | None = None) -> Sample:
    """Wall time from spawn to exit, peak RSS (the process or the largest of the workers it waited for)
    and CPU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as usage_file:
        if GNU_TIME:
            command = [GNU_TIME, "-f", "%M %U %S", "-o", usage_file.name, *command]
        start = time.perf_counter()
        process = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or CHILD_ENV)
        seconds = time.perf_counter() - start
        usage = usage_file.read().split()
    if process.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command)} exited {process.returncode}:\n{process.stderr.decode(errors='replace')}")
    if len(usage) < 3:  # no GNU time: wall time only
        return Sample(seconds, None)
    peak_kib, user, system = usage[-3:]
    return Sample(seconds, int(peak_kib) * 1024 / MB, float(user) + float(system))


def measure(command: list[str], repeat: int, env: dict[str, str] | None = None) -> list[Sample]:
    run_once(command, env)  # warm-up: page cache, .pyc files, the dictionary cache
    return [run_once(command, env) for _ in range(repeat)]


def measure_side_by_side(commands: list[list[str]], repeat: int) -> list[list[Sample]]:
    """Samples of each command, taken in turns, so a change in machine load hits a case and its
    baseline alike."""
    for command in commands:
        run_once(command)
    samples: list[list[Sample]] = [[] for _ in commands]
    for _ in range(repeat):
        for command, taken in zip(commands, samples):
            taken.append(run_once(command))
    return samples


def scan_terms(seed: str, count: int = 200) -> re.Pattern:
    """The regex baseline: an alternation of the seed's ``count`` most frequent two- and three-character
    Han n-grams, a stand-in for a term lexicon."""
    grams = Counter()
    for run in re.findall(r"[\u4e00-\u9fff]+", seed):
        for size in (2, 3):
            grams.update(run[i : i + size] for i in range(len(run) - size + 1))
    terms = sorted(term for term, _ in grams.most_common(count))
    return re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))))


def regex_scan(path: Path, pattern: re.Pattern, repeat: int) -> list[Sample]:
    def once() -> Sample:
        start = time.perf_counter()
        text = path.read_bytes().decode("utf-8")
        sum(1 for _ in pattern.finditer(text))
        return Sample(time.perf_counter() - start, None)

    once()
    return [once() for _ in range(repeat)]


def segmentation_rules() -> list[str]:
    from shufa_lint.registry import all_rules

    return [code for code, rule in all_rules().items() if rule.needs_segmentation]


def installed_python() -> str:
    """An interpreter that sees shufa-lint as ``pip install .`` leaves it, built once into bench/installed/.

    A checkout's editable install costs every start of its interpreter ~20 ms (the editable finder
    imports pathlib and urllib at start-up), the bare ``python -c pass`` too: timing it would flatter
    every ratio. So the package is copied here as a regular install would copy it (``pip install
    --target``), and a bare virtual environment sees it and the checkout's dependencies through one
    ``.pth`` line each (paths listed there are added without running their own ``.pth`` hooks).
    """
    folder = BENCH / "installed"
    python = folder / "venv" / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--upgrade",
         "--target", str(folder / "package"), str(ROOT)],
        check=True,
    )
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder / "venv")], check=True)
    site = subprocess.run([str(python), "-c", "import site; print(site.getsitepackages()[0])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    dependencies = [path for path in sys.path if path.endswith("site-packages")]
    Path(site, "shufa_lint_bench.pth").write_text("\n".join([str(folder / "package"), *dependencies]) + "\n")
    subprocess.run([str(python), "-m", "compileall", "-q", str(folder / "package" / "shufa_lint")], check=True)
    return str(python)


PYTHON = sys.executable  # replaced by installed_python() in run()


def lint(*arguments: str) -> list[str]:
    return [PYTHON, "-m", "shufa_lint", *map(str, arguments)]


def throughput(size: int, seconds: float) -> float:
    return size / MB / seconds


def run(repeat: int, wanted: set[str] | None) -> list[Row]:
    global PYTHON
    PYTHON = installed_python()
    inputs = corpus.build(ROOT / "tests" / "fixtures" / "seed.txt", BENCH / "corpus")
    pattern = scan_terms(inputs["seed"].read_text(encoding="utf-8"))
    rows: list[Row] = []

    def want(name: str) -> bool:
        return wanted is None or name in wanted

    ignore = ",".join(segmentation_rules())
    bare_python = [PYTHON, "-c", "pass"]
    if want("seed"):
        timed = measure_side_by_side([bare_python, lint(inputs["seed"]), lint("--ignore", ignore, inputs["seed"])], repeat)
    else:
        timed = [measure(bare_python, repeat)]
    startup = Row(f"baseline: {Path(sys.executable).name} -c pass", timed[0])
    rows.append(startup)

    if want("seed"):
        seed = Row("seed, cold, all rules", timed[1])
        seed.ratio, seed.ratio_label = seed.median / startup.median, "× start-up"
        seed.target, seed.met = "≤ 8×", seed.ratio <= 8
        rows.append(seed)
        plain = Row(f"seed, cold, no word boundaries (--ignore {ignore})", timed[2])
        plain.ratio, plain.ratio_label = plain.median / startup.median, "× start-up"
        plain.target, plain.met = "≤ 6×", plain.ratio <= 6
        rows.append(plain)
        with tempfile.TemporaryDirectory() as empty_cache:
            env = {**CHILD_ENV, "XDG_CACHE_HOME": empty_cache}
            first = Row("seed, first run ever (builds the dictionary cache)", [run_once(lint(inputs["seed"]), env)])
        first.ratio, first.ratio_label = first.median / startup.median, "× start-up"
        rows.append(first)
        memory = Row("peak memory, seed", seed.samples, target="≤ 100 MB")
        memory.met = seed.peak_mb is not None and seed.peak_mb <= 100
        rows.append(memory)

    for name, key in (("100k", "report-100k.txt"), ("1m", "report-1m.txt"), ("10m", "report-10m.txt")):
        if not want(name):
            continue
        path = inputs[key]
        size = path.stat().st_size
        scan = Row(f"baseline: re scan of {key}, in process", regex_scan(path, pattern, repeat))
        scan.extra["mb_per_s"] = throughput(size, scan.median)
        lint_row = Row(f"{key}, one process, all rules", measure(lint(path), repeat if name != "10m" else max(3, repeat // 2)))
        lint_row.extra["mb_per_s"] = throughput(size, lint_row.median)
        lint_row.ratio = lint_row.extra["mb_per_s"] / scan.extra["mb_per_s"]
        lint_row.ratio_label = "× re scan"
        rows.extend([scan, lint_row])
        if name == "10m":
            lint_row.target = "≥ 5 MB/s, ≥ 0.3×"
            lint_row.met = lint_row.extra["mb_per_s"] >= 5 and lint_row.ratio >= 0.3
            memory = Row("peak memory, 10 MB file", lint_row.samples, target="≤ 200 MB")
            memory.met = lint_row.peak_mb is not None and lint_row.peak_mb <= 200
            rows.append(memory)

    if want("formats"):
        seed_row = next((row for row in rows if row.case == "seed, cold, all rules"), None)
        for suffix in ("doc", "wps", "odt", "rtf", "pdf"):
            document = ROOT / "tests" / "fixtures" / "formats" / f"seed.{suffix}"
            row = Row(f"seed.{suffix}, cold, all rules", measure(lint(document), repeat))
            if seed_row is not None:
                row.ratio, row.ratio_label = row.median / seed_row.median, "× seed.txt"
            rows.append(row)
        pages = hundred_page_pdf(BENCH / "corpus" / "report-100-pages.pdf")
        long_pdf = Row("100-page PDF, cold, all rules", measure(lint(pages), repeat), target="≤ 5 s")
        long_pdf.met = long_pdf.median <= 5
        rows.append(long_pdf)

    if want("lsp"):
        import lsp_latency

        latencies = lsp_latency.measure(max(repeat * 4, 10))
        editor = Row("lsp: seed, didChange → publishDiagnostics", [Sample(seconds, None) for seconds in latencies])
        editor.target, editor.met = "≤ 100 ms", editor.median <= 0.1
        rows.append(editor)

    if want("drafts"):
        drafts = inputs["drafts"]
        one, two = measure_side_by_side([lint("--jobs", "1", drafts), lint("--jobs", "2", drafts)], repeat)
        serial = Row("1 000 drafts, --jobs 1", one, target="≤ 1.5 s")
        serial.met = serial.median <= 1.5
        parallel = Row("1 000 drafts, --jobs 2", two, target="≥ 1.6× faster")
        parallel.ratio, parallel.ratio_label = serial.median / parallel.median, "× faster than --jobs 1"
        parallel.met = parallel.ratio >= 1.6
        rows.extend([serial, parallel])
    return rows


def hundred_page_pdf(path: Path) -> Path:
    """A 100-page report typeset as a PDF (tests/pdf_fixtures.py), page numbers in the footer."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pdf_fixtures import LINES_PER_PAGE, pdf_bytes, typeset

    paragraphs = (ROOT / "tests" / "fixtures" / "formats" / "long_report.txt").read_text(encoding="utf-8").splitlines()
    lines_per_copy = sum(len(typeset([paragraph], footer=None)[0]) for paragraph in paragraphs)
    copies = -(-100 * LINES_PER_PAGE // lines_per_copy)
    pages = typeset(paragraphs * copies)[:100]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes(pages))
    return path


def format_seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def table(rows: list[Row]) -> str:
    header = ["case", "wall median", "min–max", "CPU", "peak RSS", "MB/s", "ratio", "target", ""]
    lines = [header]
    for row in rows:
        memory_row = row.case.startswith("peak memory")
        wall = "" if memory_row else format_seconds(row.median)
        spread = "" if memory_row else f"{format_seconds(min(row.seconds))}–{format_seconds(max(row.seconds))}"
        cpu_times = [sample.cpu_seconds for sample in row.samples if sample.cpu_seconds is not None]
        cpu = format_seconds(statistics.median(cpu_times)) if cpu_times and not memory_row else ""
        peaks = [sample.peak_mb for sample in row.samples if sample.peak_mb is not None]
        peak = f"{row.peak_mb:.0f} MB" if peaks else ""
        if memory_row and peaks:
            peak += f" ({min(peaks):.0f}–{max(peaks):.0f})"
        rate = f"{row.extra['mb_per_s']:.1f}" if "mb_per_s" in row.extra else ""
        ratio = f"{row.ratio:.2f}{row.ratio_label}" if row.ratio is not None else ""
        verdict = "" if row.met is None else ("ok" if row.met else "MISSED")
        lines.append([row.case, wall, spread, cpu, peak, rate, ratio, row.target, verdict])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    rendered = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(rendered)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case, after one warm-up (default 5)")
    parser.add_argument("--rows", help="comma-separated subset of: seed, 100k, 1m, 10m, drafts, lsp, formats")
    options = parser.parse_args()
    try:
        import shufa_lint  # noqa: F401
    except ImportError:
        raise SystemExit("bench: shufa_lint is not importable; run with the project's environment (.venv/bin/python)")
    wanted = set(options.rows.split(",")) if options.rows else None
    rows = run(options.repeat, wanted)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    machine = f"{platform.python_implementation()} {platform.python_version()}, {platform.system()}, {cores} cores"
    load = "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    # other work on the machine slows every case: a load near the core count makes ratios unreliable
    print(f"shufa-lint benchmark: {machine}; medians of {options.repeat} runs after a warm-up; {load} at the end\n")
    print(table(rows))
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(
        json.dumps(
            {
                "machine": machine,
                "load": load,
                "repeat": options.repeat,
                "rows": [
                    {
                        "case": row.case,
                        "seconds": row.seconds,
                        "peak_mb": [sample.peak_mb for sample in row.samples],
                        "cpu_seconds": [sample.cpu_seconds for sample in row.samples],
                        "ratio": row.ratio,
                        "target": row.target,
                        "met": row.met,
                        **row.extra,
                    }
                    for row in rows
                ],
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    if any(row.met is False for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
