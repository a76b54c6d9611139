"""The benchmark corpus, built deterministically from the seed draft.

Everything is derived from ``tests/fixtures/seed.txt`` with a fixed random seed, so two runs (and two
machines) lint the same bytes:

- ``seed.txt``: the real damaged draft, as is;
- ``report-100k.txt``, ``report-1m.txt``, ``report-10m.txt``: whole reports one after another, each with
  its own organisation, year, headings, figures and wording, recombined from the seed's outline and
  sentences;
- ``drafts/NNNN.txt``: 1 000 short drafts, each with its own mix of the defects the rules look for
  (dropped or starred figures, filtered words, lines broken mid-sentence, numbering gaps, missing
  sections, cut passages, half-width punctuation) or none at all.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

RANDOM_SEED = 20250601
LARGE_SIZES = {"report-100k.txt": 100_000, "report-1m.txt": 1_000_000, "report-10m.txt": 10_000_000}
DRAFT_COUNT = 1000

ORDINALS = "一二三四五六七八九十"
ORGANISATIONS = [
    # (who reports, "our …", "the whole …")
    ("镇党委", "我镇", "全镇"),
    ("县委", "我县", "全县"),
    ("区人民政府", "我区", "全区"),
    ("市司法局", "我局", "全局"),
    ("街道党工委", "我街道", "全街道"),
    ("县市场监督管理局", "我局", "全系统"),
]
# What the seed's content filter removed, so the generated text reads as the original did.
RESTORED = {
    "_新时代": "习近平新时代",
    "_法治思想": "习近平法治思想",
    "行_力": "行政执法能力",
    "重点_": "重点人群",
    "弱势_": "弱势群体",
    "等_": "等群体",
    "司法_改革": "司法体制改革",
}
SYNONYMS = [
    ("强化", "加强", "深化"),
    ("推进", "推动", "促进"),
    ("本年度", "今年以来", "年内"),
    ("切实", "有效", "扎实"),
    ("完善", "健全", "优化"),
    ("群众", "人民群众", "居民"),
]
UNITS = ["次", "场", "场次", "人次", "件", "起", "个", "处", "项", "家"]
PROBLEM_HEADINGS = {
    "shufa": ("工作情况", "存在问题", "整改措施"),
    "fazhi-zhengfu": ("主要举措和成效", "存在的不足和原因", "下一年度主要安排"),
}
TITLES = {
    "shufa": "{year}年度{org}主要负责人履行推进法治建设第一责任人职责情况的报告",
    "fazhi-zhengfu": "{org}{year}年法治政府建设年度报告",
}
SENSITIVE = ["习近平", "群体", "体制"]


@dataclass
class SeedParts:
    """What the generator recombines: the outline's sub-headings per part and the body's sentences."""

    subheadings: list[list[tuple[str, list[str]]]]  # per part: (sub-heading, its 一是… leads)
    sentences: list[str]


def restore(text: str) -> str:
    for damaged, original in RESTORED.items():
        text = text.replace(damaged, original)
    return text


def parse_seed(seed: str) -> SeedParts:
    lines = seed.splitlines()
    outline = restore(lines[0].removeprefix("【提纲】"))
    parts: list[list[tuple[str, list[str]]]] = []
    for part in re.split(r"[一二三四五]、[^。]*。", outline)[1:]:
        items = []
        for block in re.split(r"(?=（[一二三四五六七八九十]）|\([一二三四五六七八九十]\))", part):
            block = re.sub(r"^[（(][一二三四五六七八九十][)）]", "", block).strip()
            if not block:
                continue
            heading, _, rest = block.partition("。")
            leads = [re.sub(r"^[一二三四五六七八九十]是", "", lead) for lead in re.findall(r"[一二三四五六七八九十]是[^。]*", rest)]
            items.append((heading, leads))
        parts.append(items)
    # the seed breaks lines mid-sentence: join them, keep headings apart
    body = restore(re.sub(r"\n(?![一二三四五]、|[（(][一二三四五六七八九十][)）]|[一二三四五]是)", "", "\n".join(lines[2:])))
    sentences = [
        re.sub(r"^[一二三四五]是", "", sentence) + "。"
        for sentence in re.split(r"[。\n]", body)
        if len(sentence) > 12 and not re.match(r"[一二三四五六七八九十]、|[（(]", sentence) and "……" not in sentence
    ]
    return SeedParts(parts, sentences)


class Writer:
    """Varied report text: every placeholder figure filled, wording and organisation varied."""

    def __init__(self, parts: SeedParts, rng: random.Random):
        self.parts = parts
        self.rng = rng

    def figure(self, unit: str) -> str:
        if unit == "%":
            return f"{self.rng.randint(1, 99)}{self.rng.choice(['', '.5', '.2'])}%"
        return f"{self.rng.randint(2, 480)}{unit}"

    def vary(self, text: str, organisation: tuple[str, str, str]) -> str:
        text = re.sub(r"\*(%|[^\s，。、；])", lambda m: self.figure(m.group(1)), text)
        text = text.replace("镇党委", organisation[0]).replace("我镇", organisation[1]).replace("全镇", organisation[2])
        for group in SYNONYMS:
            if self.rng.random() < 0.5:
                word = self.rng.choice(group)
                text = re.sub("|".join(group), word, text, count=1)
        return text

    def report(self, pack: str, items_per_heading: int, sentences_per_item: int, max_headings: int = 4) -> list[str]:
        rng = self.rng
        organisation = rng.choice(ORGANISATIONS)
        year = rng.randint(2019, 2025)
        lines = [TITLES[pack].format(year=year, org=organisation[0])]
        lines.append(self.vary("".join(rng.sample(self.parts.sentences, 2)), organisation))
        for number, (name, subheadings) in enumerate(zip(PROBLEM_HEADINGS[pack], self.parts.subheadings)):
            lines.append(f"{ORDINALS[number]}、{name}")
            chosen = rng.sample(subheadings, rng.randint(min(2, len(subheadings)), min(max_headings, len(subheadings))))
            for sub_number, (heading, leads) in enumerate(chosen):
                items = []
                for item_number, lead in enumerate(leads[:items_per_heading] or [""]):
                    body = self.vary("".join(rng.sample(self.parts.sentences, sentences_per_item)), organisation)
                    items.append(f"{ORDINALS[item_number]}是{lead}。{body}" if lead else body)
                lines.append(f"（{ORDINALS[sub_number]}）{heading}。{items[0] if items else ''}")
                lines.extend(items[1:])
        return lines


# Each defect turns a clean draft (a list of lines) into a damaged one, as the seed was damaged.


def drop_figure(lines, rng):
    return _edit_one(lines, rng, r"\d+(?:\.\d+)?(?=%|次|场|件|起|个|处|项|人次)", lambda m: "")


def star_figure(lines, rng):
    return _edit_one(lines, rng, r"\d+(?:\.\d+)?(?=%|次|场|件|起|个|处|项|人次)", lambda m: rng.choice("*×X"))


def filter_word(lines, rng):
    return _edit_one(lines, rng, "|".join(SENSITIVE), lambda m: rng.choice(["_", "*", "□"]))


def space_figure(lines, rng):
    return _edit_one(lines, rng, r"\d+(?=件|起|次)", lambda m: " ")


def break_line(lines, rng):
    index = rng.randrange(2, len(lines))
    line = lines[index]
    if len(line) < 20:
        return lines
    cut = rng.randrange(8, len(line) - 8)
    return lines[:index] + [line[:cut], line[cut:]] + lines[index + 1 :]


def skip_number(lines, rng):
    return _edit_one(lines, rng, r"二是|（二）|二、", lambda m: m.group().replace("二", "三"))


def drop_section(lines, rng):
    starts = [i for i, line in enumerate(lines) if re.match(r"[二三]、", line)]
    if not starts:
        return lines
    start = rng.choice(starts)
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"[一二三四五]、", lines[i])), len(lines))
    return lines[:start] + lines[end:]


def cut_passage(lines, rng):
    index = rng.randrange(2, len(lines))
    line = lines[index]
    return lines[:index] + [line[: max(6, len(line) // 2)] + rng.choice(["……", "", "（略）"])] + lines[index + 1 :]


def half_width(lines, rng):
    index = rng.randrange(1, len(lines))
    return lines[:index] + [lines[index].replace("，", ",").replace("（", "(").replace("）", ")")] + lines[index + 1 :]


def add_outline(lines, rng):
    headings = [line.split("。")[0] for line in lines[1:] if re.match(r"[一二三四五]、|（[一二三四五六七八九十]）", line)]
    if rng.random() < 0.5 and len(headings) > 2:
        headings.pop(rng.randrange(1, len(headings)))
    return ["【提纲】" + "。".join(headings) + "。"] + lines


DEFECTS = [
    drop_figure,
    star_figure,
    filter_word,
    space_figure,
    break_line,
    skip_number,
    drop_section,
    cut_passage,
    half_width,
    add_outline,
]


def _edit_one(lines, rng, pattern, replacement):
    candidates = [i for i, line in enumerate(lines) if i > 0 and re.search(pattern, line)]
    if not candidates:
        return lines
    index = rng.choice(candidates)
    found = list(re.finditer(pattern, lines[index]))
    match = rng.choice(found)
    line = lines[index]
    return lines[:index] + [line[: match.start()] + replacement(match) + line[match.end() :]] + lines[index + 1 :]


def draft(writer: Writer, rng: random.Random) -> str:
    pack = rng.choice(list(TITLES))
    lines = writer.report(pack, items_per_heading=1, sentences_per_item=1, max_headings=2)
    for defect in rng.sample(DEFECTS, rng.choice([0, 1, 2, 2, 3, 4])):
        lines = defect(lines, rng)
    return "\n".join(lines) + "\n"


def large_text(writer: Writer, rng: random.Random, size: int) -> str:
    chunks, length = [], 0
    while length < size:
        lines = writer.report(rng.choice(list(TITLES)), items_per_heading=4, sentences_per_item=rng.randint(2, 3))
        for defect in rng.sample(DEFECTS, 2):
            lines = defect(lines, rng)
        chunk = "\n".join(lines) + "\n\n"
        chunks.append(chunk)
        length += len(chunk.encode("utf-8"))
    text = "".join(chunks)
    # cut at a line end near the exact size, so the three files are 100 KB, 1 MB and 10 MB
    data = text.encode("utf-8")[:size]
    return data[: data.rfind(b"\n") + 1].decode("utf-8")


def build(seed_path: Path, corpus: Path) -> dict[str, Path]:
    """Write the corpus under ``corpus`` (skipping files already built from the same seed) and return the
    benchmark inputs by name."""
    seed = seed_path.read_text(encoding="utf-8")
    stamp = corpus / ".built-from"
    fingerprint = f"{RANDOM_SEED} {len(seed)} {hash_text(seed)} {hash_text(Path(__file__).read_text(encoding='utf-8'))}"
    inputs = {"seed": corpus / "seed.txt", "drafts": corpus / "drafts"}
    inputs.update({name: corpus / name for name in LARGE_SIZES})
    if stamp.is_file() and stamp.read_text() == fingerprint:
        return inputs
    corpus.mkdir(parents=True, exist_ok=True)
    inputs["seed"].write_text(seed, encoding="utf-8")
    parts = parse_seed(seed)
    rng = random.Random(RANDOM_SEED)
    writer = Writer(parts, rng)
    for name, size in LARGE_SIZES.items():
        (corpus / name).write_text(large_text(writer, rng, size), encoding="utf-8")
    drafts = inputs["drafts"]
    drafts.mkdir(exist_ok=True)
    for old in drafts.glob("*.txt"):
        old.unlink()
    for number in range(DRAFT_COUNT):
        (drafts / f"{number:04d}.txt").write_text(draft(writer, rng), encoding="utf-8")
    stamp.write_text(fingerprint)
    return inputs


def hash_text(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
