"""Which kind of report a document is, recognised from the whole of it.

Each pack in ``rules/packs/`` declares how its type shows (``recognise:``): its title, its addressee and
opening lines, its part headings, its vocabulary. A title that names the type decides; without one
(a copy that lost it, a speech that never had one) the opening, the headings and the density of the
vocabulary are weighed together. A document that fits no type well enough is ``unknown``: nothing is
required of its structure. A file without Chinese prose (an English README, requirements.txt) is not a
report at all and is not linted.
"""

from typing import TYPE_CHECKING, Iterable, NamedTuple

from .. import regexes
from ..diagnostics import Message
from .markers import HAN
from .text import CJK

if TYPE_CHECKING:
    from ..lexicon import Pack
    from . import Document

UNKNOWN, NOT_A_REPORT = "unknown", "not-a-report"
OTHER_GENRE = "other-genre"  # titled as another kind of document (通知, 实施方案 …); ``label`` names it
TITLE_WEIGHT = 10  # a title that names the type decides alone
OPENING_WEIGHT = 6
HEADING_WEIGHT, HEADINGS_CAP = 2, 6
STRUCTURE_WEIGHT = 4
VOCABULARY_CAP = 6  # reached at six hits per thousand Chinese characters
VOCABULARY_MIN_HITS = 3  # one 行政复议 in a short note says nothing of its type
ENOUGH = 5  # the least score that makes a type; below it the document is ``unknown``
_OPENING_PARAGRAPHS = 4
_MIN_CHINESE_SHARE = 0.3  # of the letters and digits: below it, and without a title, not Chinese prose
_LETTER = regexes.compile(r"[A-Za-z0-9]")
_CJK_RUN = regexes.compile(f"[{CJK}][{CJK}]*")
_METADATA_ROW = regexes.compile(r"^\s*\|")
# Titles that end in another kind of official document (GB/T 9704 公文种类, and the plans and rules
# offices write): what they say of reports does not make them one.
_OTHER_GENRE = regexes.compile(
    r"(通知|通报|实施方案|工作方案|方案|实施意见|意见|办法|决定|批复|请示|复函|函|纪要|规定|细则|公告|通告|决议|章程)[\s。]*$"
)
_FORWARDING = regexes.compile(r"(?:印发|转发|下发)《(.+)》的通知[\s。]*$")
SAMPLE_CHARS = 30_000  # a report's type shows in its first pages; a 10 MB file is not read twice over


def _sample(lines: tuple[str, ...]) -> str:
    taken, size = [], 0
    for line in lines:
        taken.append(line)
        size += len(line) + 1
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(taken)


class ReportType(NamedTuple):
    """The type a document was checked as: ``name`` (a pack's name, ``unknown``, ``other-genre`` or
    ``not-a-report``), ``label`` (how people call it; the genre for ``other-genre``), ``decided_by`` (``option``: --pack or configuration; ``title``;
    ``content``: opening, headings and vocabulary; ``none``) and the ``evidence`` that decided it."""

    name: str
    label: str
    decided_by: str
    evidence: tuple[str, ...] = ()
    pack: "Pack | None" = None

    @property
    def is_report(self) -> bool:
        return self.name != NOT_A_REPORT

    @property
    def basis(self) -> Message:
        """Why the document was taken for this type, for messages."""
        if self.decided_by == "option":
            return Message("由 --pack 或配置指定", "chosen with --pack or the configuration")
        if self.decided_by == "title":
            return Message(f"依据标题“{self.evidence[0]}”", f"by the title '{self.evidence[0]}'")
        if self.decided_by == "content":
            shown = "、".join(self.evidence[:3])
            return Message(f"依据正文：{shown}", f"by the text: {shown}")
        return Message("未能识别", "not recognised")


def chosen(pack: "Pack") -> ReportType:
    """The type named with ``--pack`` or ``pack:`` in the configuration."""
    return ReportType(pack.name, pack.title, "option", (), pack)


def recognise(document: "Document", packs: Iterable["Pack"]) -> ReportType:
    """The best-fitting pack's type, ``unknown`` when none fits, ``not-a-report`` without Chinese prose."""
    packs = list(packs)
    title = document.title.text if document.title else ""
    forwarded = _FORWARDING.search(title)
    if forwarded:  # 关于印发《2025年法治政府建设工作要点》的通知: the document it issues follows
        title = forwarded.group(1)
    genre = _OTHER_GENRE.search(title)
    if genre:  # 关于开展2025年度述法工作的通知: a document about reports, not one
        return ReportType(OTHER_GENRE, genre.group(1), "title", (title,))
    # a title that names a type decides: 法治政府建设工作要点 is a plan, however much its text reads
    # like an annual report; the content only chooses among the types the title names
    named = [pack for pack in packs if _names_type(pack, title)]
    if len(named) == 1:  # most reports: nothing is left to weigh
        return ReportType(named[0].name, named[0].title, "title", (title,), named[0])
    text = _sample(document.lines)
    chinese = sum(map(len, _CJK_RUN.findall(text)))  # runs, not one string per character
    if document.title is None and chinese < _MIN_CHINESE_SHARE * (chinese + len(_LETTER.findall(text))):
        return ReportType(NOT_A_REPORT, "非报告文本", "content", ("没有中文正文",))
    opening = [p.text for p in document.paragraphs[:_OPENING_PARAGRAPHS] if not _METADATA_ROW.match(p.text)]
    headings = _part_headings(document)
    weighed = [(pack, *_weigh(pack, bool(named), title, opening, headings, text, chinese)) for pack in named or packs]
    best: tuple[float, ReportType] | None = None
    for pack, score, decided_by, evidence in weighed:  # in priority order: on a tie the more specific type stays
        if score >= ENOUGH and (best is None or score > best[0]):
            best = (score, ReportType(pack.name, pack.title, decided_by, evidence, pack))
    if best is None:
        return ReportType(UNKNOWN, "未识别的文本类型", "none")
    return best[1]


def _part_headings(document: "Document") -> list[str]:
    """The texts of the top-level headings: 一、… parts, or unnumbered heading lines."""
    parts = [m.text for m in document.body.roots if m.kind == HAN and m.offset == 0]
    return parts or [plain.text for plain in document.body.unnumbered]


def _names_type(pack: "Pack", title: str) -> bool:
    return bool(title) and any(p.search(title) for p in pack.recogniser.title)


def _weigh(pack: "Pack", named: bool, title: str, opening: list[str], headings: list[str], text: str, chinese: int):
    """The score of ``pack`` for a document, how it was decided and the evidence; ``named``: whether the
    title names the pack's type."""
    recogniser = pack.recogniser
    evidence: list[str] = []
    score = 0.0
    if named:
        score += TITLE_WEIGHT
        evidence.append(title)
    opened = next((found for p in recogniser.opening for line in opening if (found := p.search(line))), None)
    if opened:
        score += OPENING_WEIGHT
        evidence.append(f"开头“{opened.group(0)}”")
    # each distinct heading tried once: a compilation of reports repeats its parts' headings hundreds of times
    of_type = {heading: any(p.search(heading) for p in recogniser.headings) for heading in dict.fromkeys(headings)}
    parts = [heading for heading in headings if of_type[heading]]
    if parts:
        score += min(HEADINGS_CAP, HEADING_WEIGHT * len(parts))
        evidence.append(f"部分标题“{parts[0]}”")
    required = [section for section in pack.sections if section.required and not section.anywhere]
    if len(required) >= 2 and all(any(section.matches(h) for h in headings) for section in required):
        score += STRUCTURE_WEIGHT  # every part the type requires has its heading
        evidence.append("各部分标题齐全")
    hits = sum(len(p.findall(text)) for p in recogniser.vocabulary)
    if hits >= VOCABULARY_MIN_HITS:
        density = hits * 1000 / max(chinese, 1)
        score += min(VOCABULARY_CAP, density)
        if density >= 1:
            evidence.append("用语")
    return score, ("title" if named else "content"), tuple(evidence)
