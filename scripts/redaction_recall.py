"""How often SF401 restores a word a filter removed, and how often it guesses wrong.

Every occurrence of a word filters remove is replaced by ``_`` in turn, the line is linted, and the
first restoration offered is compared with the word. Texts: the sentences below (written for this
script, in the style of published reports) and any files given on the command line, read in memory only.

    .venv/bin/python scripts/redaction_recall.py [FILE ...] [--show]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import from_text

WORDS = ["习近平", "群体", "体制", "政权", "民主", "人权", "直播", "民族", "宗教", "维权", "上访"]
_WORD = re.compile("|".join(WORDS))
_OFFERED = re.compile(r"可能原为“([^”]+)”")

SENTENCES = """\
坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。
把学习贯彻习近平法治思想作为党委理论学习中心组的重要内容。
切实维护农村留守老人、残疾人等弱势群体的合法权益。
针对不同群体的法律需求开展精准普法。
加强对重点群体的法治宣传教育。
深化司法体制综合配套改革，推进行政执法体制改革。
完善体制机制，健全领导体制。
深化基层政权建设，规范行政权力运行。
创建省级民主法治示范村2个，落实民主决策、民主管理、民主监督。
加强人权司法保障，尊重和保障人权。
加强对网络直播带货等新业态的法治监管。
开展庭审直播活动，组织干部群众在线旁听。
铸牢中华民族共同体意识，深入开展民族团结进步创建。
依法管理宗教事务，加强宗教活动场所安全管理。
贯彻落实《宗教事务条例》，保障宗教信仰自由。
引导群众依法维权、理性表达诉求。
全年未发生越级上访和集体上访事件，重复上访明显下降。
开展少数民族聚居村普法宣传。
""".splitlines()


def _offered(text: str) -> str | None:
    for diagnostic in lint_source(from_text("line.txt", text), Settings(select=("SF401",))):
        found = _OFFERED.search(diagnostic.message.zh)
        return found.group(1) if found else ""
    return None


def measure(lines: list[str]):
    restored = total = wrong = silent = 0
    shown = []
    for line in lines:
        for found in _WORD.finditer(line):
            damaged = line[: found.start()] + "_" + line[found.end() :]
            total += 1
            offered = _offered(damaged)
            if offered == found.group():
                restored += 1
            elif offered:
                wrong += 1
                shown.append(f"wrong ({offered}): {damaged[max(0, found.start() - 10): found.start() + 10]}")
            else:
                silent += 1
                shown.append(f"none: {damaged[max(0, found.start() - 10): found.start() + 10]}")
    return restored, total, wrong, silent, shown


def main(arguments: list[str]) -> int:
    sets = {"sentences": SENTENCES} | {
        path: Path(path).read_text(encoding="utf-8").splitlines() for path in arguments if not path.startswith("--")
    }
    totals = [0, 0, 0, 0]
    for name, lines in sets.items():
        restored, total, wrong, silent, shown = measure(lines)
        totals = [a + b for a, b in zip(totals, (restored, total, wrong, silent))]
        print(f"{name}: restored {restored}/{total}, wrong first guess {wrong}, no guess {silent}")
        if "--show" in arguments:
            for row in shown:
                print("   ", row)
    restored, total, wrong, silent = totals
    print(f"ALL: restored {restored}/{total} = {restored / max(total, 1):.2f}, wrong first guess {wrong}, no guess {silent}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
