"""Recall per kind of damage injected into whole clean reports, as the held-out judgement measures it.

Each clean report given on the command line (files, or folders of .txt) is damaged in one place at a
time, drawn with a fixed random seed, in each way drafts arrive broken; the damaged report is linted
whole, and the damage counts as caught when a finding of the kind's codes stands on the damaged line
(or next to it). The reports are read in memory only; nothing is written.

    .venv/bin/python scripts/injection_recall.py FILE_OR_FOLDER ... [--trials 3] [--seed 1] [--show-misses]

Kinds: a figure left as ``*`` (SF301), a figure dropped (SF303 or SF301), a filtered word left as
``_`` (SF401, and whether the first word offered is the one removed), a line broken mid-sentence
(SF601), a passage cut from mid-sentence to mid-sentence (SF602), a heading number skipped (SF201) or
repeated (SF202), a parallel item 一是/二是 skipped (SF201/SF203), the problems part removed (SF101).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import from_text

CJK = "\u4e00-\u9fff"
_UNIT = "(?:万人次|人次|场次|批次|户次|万元|亿元|个百分点|次|场|件|起|处|项|个|名|篇|期|户|家|所|条|份|人|%|％)"
_FIGURE = re.compile(rf"(?<![0-9.０-９A-Za-z\-—~～/年月])[0-9]+(?:\.[0-9]+)?(?=(?:余|多)?{_UNIT})")
_FILTERED = ("习近平", "群体", "体制", "政权", "民族", "宗教", "维权", "上访", "直播", "党中央")
_NUMERALS = "一二三四五六七八九十"
_SUBHEADING = re.compile(rf"^\s*（([{_NUMERALS}]{{1,2}})）")
_PARALLEL = re.compile(rf"([{_NUMERALS}])是")
_PART = re.compile(rf"^\s*([{_NUMERALS}]{{1,2}})、")
_PROBLEMS = re.compile(r"问题|不足|短板|差距|薄弱")
_PUNCTUATION = set("，。；：！？、（）“”‘’《》,.;:!?()")


def _quiet_span(line: str, start: int, end: int) -> bool:
    """No punctuation within four characters of [start, end): a place inside a clause."""
    return not any(char in _PUNCTUATION for char in line[max(0, start - 4) : end + 4])


def _positions_inside_clauses(line: str) -> list[int]:
    return [
        index for index in range(6, len(line) - 6)
        if re.match(f"[{CJK}]", line[index - 1]) and re.match(f"[{CJK}]", line[index]) and _quiet_span(line, index, index)
    ]


def _body_lines(lines: list[str]) -> list[int]:
    """Indexes of prose lines: long, Chinese, not headings, not the title."""
    return [
        number for number, line in enumerate(lines)
        if number > 0 and len(line) >= 30 and len(re.findall(f"[{CJK}]", line)) > 20
        and not _PART.match(line) and "【提纲】" not in line
    ]


def _figure_replaced(lines, rng, replacement: str):
    """A figure before a unit, drawn from the prose lines, replaced (by ``*``, or by nothing)."""
    sites = [(n, m) for n in _body_lines(lines) for m in _FIGURE.finditer(lines[n])]
    if not sites:
        return None
    number, figure = rng.choice(sites)
    line = lines[number]
    return lines[:number] + [line[: figure.start()] + replacement + line[figure.end() :]] + lines[number + 1 :], number, None


def placeholder(lines, rng):
    return _figure_replaced(lines, rng, "*")


def dropped_figure(lines, rng):
    return _figure_replaced(lines, rng, "")


def filtered_word(lines, rng):
    sites = [(n, m, word) for n in _body_lines(lines) for word in _FILTERED for m in re.finditer(word, lines[n])]
    if not sites:
        return None
    number, found, word = rng.choice(sites)
    line = lines[number]
    return lines[:number] + [line[: found.start()] + "_" + line[found.end() :]] + lines[number + 1 :], number, word


def broken_line(lines, rng):
    sites = [(n, i) for n in _body_lines(lines) for i in _positions_inside_clauses(lines[n])]
    if not sites:
        return None
    number, index = rng.choice(sites)
    line = lines[number]
    return lines[:number] + [line[:index], line[index:]] + lines[number + 1 :], number, None


def _line_and_a_later_one(lines, rng):
    """A prose line and one of the three prose lines after it, or None."""
    body = _body_lines(lines)
    sites = [(n, k) for n in body for k in (n + 1, n + 2, n + 3) if k in body]
    return rng.choice(sites) if sites else None


def cut_passage(lines, rng):
    """From inside a clause to the start of a later line: the line ends mid-sentence, the next is elsewhere."""
    site = _line_and_a_later_one(lines, rng)
    starts = _positions_inside_clauses(lines[site[0]]) if site else None
    if not starts:
        return None
    first, last = site
    return lines[:first] + [lines[first][: rng.choice(starts)]] + lines[last:], first, None


def spliced_passage(lines, rng):
    """From inside a clause to inside a clause of a later line, joined into one line."""
    site = _line_and_a_later_one(lines, rng)
    if site is None:
        return None
    first, last = site
    starts, ends = _positions_inside_clauses(lines[first]), _positions_inside_clauses(lines[last])
    if not starts or not ends:
        return None
    joined = lines[first][: rng.choice(starts)] + lines[last][rng.choice(ends) :]
    return lines[:first] + [joined] + lines[last + 1 :], first, None


def _heading_runs(lines):
    """Runs of consecutive （一）（二）… headings: lists of (line index, ordinal)."""
    runs, current = [], []
    for number, line in enumerate(lines):
        if _PART.match(line):
            runs.append(current)
            current = []
        heading = _SUBHEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            ordinal = _NUMERALS.index(heading.group(1)) + 1
            if current and ordinal != current[-1][1] + 1:
                runs.append(current)
                current = []
            current.append((number, ordinal))
    return [run for run in runs + [current] if len(run) >= 3]


def _renumbered(line: str, ordinal: int) -> str:
    return _SUBHEADING.sub(lambda m: m.group(0).replace(m.group(1), _NUMERALS[ordinal - 1]), line, count=1)


def _headings_shifted(lines, rng, shift: int):
    """From a drawn heading of a run of （一）（二）… on, every number moved by ``shift``."""
    runs = [run for run in _heading_runs(lines) if run[-1][1] + shift < 10]
    if not runs:
        return None
    run = rng.choice(runs)
    start = rng.randrange(1, len(run))
    damaged = list(lines)
    for number, ordinal in run[start:]:
        damaged[number] = _renumbered(lines[number], ordinal + shift)
    return damaged, run[start][0], None


def skipped_heading(lines, rng):
    return _headings_shifted(lines, rng, 1)


def repeated_heading(lines, rng):
    return _headings_shifted(lines, rng, -1)


def skipped_parallel(lines, rng):
    sites = []
    for number in _body_lines(lines):
        items = list(_PARALLEL.finditer(lines[number]))
        ordinals = [_NUMERALS.index(item.group(1)) + 1 for item in items]
        if len(items) >= 3 and ordinals[:3] == [1, 2, 3]:
            sites.append((number, items))
    if not sites:
        return None
    number, items = rng.choice(sites)
    line = lines[number]
    position = rng.randrange(1, len(items))
    rewritten, last = [], 0
    for index, item in enumerate(items):
        ordinal = _NUMERALS.index(item.group(1)) + (2 if index >= position else 1)
        rewritten.append(line[last : item.start(1)] + _NUMERALS[min(ordinal, 10) - 1])
        last = item.end(1)
    return lines[:number] + ["".join(rewritten) + line[last:]] + lines[number + 1 :], number, None


def removed_problems_part(lines, rng):
    parts = [number for number, line in enumerate(lines) if _PART.match(line)]
    for index, number in enumerate(parts):
        if _PROBLEMS.search(lines[number][:20]) and index + 1 < len(parts):
            return lines[:number] + lines[parts[index + 1] :], None, None
    return None


KINDS = {
    "placeholder": (placeholder, {"SF301"}),
    "dropped-figure": (dropped_figure, {"SF303", "SF301"}),
    "filtered-word": (filtered_word, {"SF401"}),
    "broken-line": (broken_line, {"SF601"}),
    "cut-passage": (cut_passage, {"SF602", "SF601"}),
    "spliced-passage": (spliced_passage, {"SF602", "SF601"}),
    "skipped-heading": (skipped_heading, {"SF201"}),
    "repeated-heading": (repeated_heading, {"SF202"}),
    "skipped-parallel": (skipped_parallel, {"SF201", "SF203"}),
    "removed-problems": (removed_problems_part, {"SF101"}),
}


def caught(findings, codes: set[str], line: int | None) -> list:
    return [d for d in findings if d.code in codes and (line is None or abs(d.line - (line + 1)) <= 1)]


def reports(paths: list[str]) -> dict[str, str]:
    found = {}
    for path in map(Path, paths):
        for file in sorted(path.rglob("*.txt")) if path.is_dir() else [path]:
            found[str(file)] = file.read_text(encoding="utf-8")
    return found


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show-misses", action="store_true")
    options = parser.parse_args(arguments)
    generator = random.Random(options.seed)
    settings = Settings()
    tried, hit, restored = Counter(), Counter(), Counter()
    for path, text in reports(options.paths).items():
        lines = text.splitlines()
        for kind, (inject, codes) in KINDS.items():
            for _ in range(options.trials if kind != "removed-problems" else 1):
                injected = inject(lines, generator)
                if injected is None:
                    break
                damaged, line, word = injected
                findings = lint_source(from_text(path, "\n".join(damaged) + "\n"), settings)
                matching = caught(findings, codes, line)
                tried[kind] += 1
                hit[kind] += bool(matching)
                if word is not None and matching and f"“{word}”" in matching[0].message.zh:
                    restored[kind] += 1
                if not matching and options.show_misses:
                    shown = damaged[line] if line is not None else "(part removed)"
                    print(f"miss {kind}: {path}:{(line or 0) + 1}: {shown[:90]}")
    for kind in KINDS:
        if tried[kind]:
            extra = f", first word right {restored[kind]}/{hit[kind]}" if kind == "filtered-word" else ""
            print(f"{kind:18} {hit[kind]:4}/{tried[kind]:<4} = {hit[kind] / tried[kind]:.2f}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
