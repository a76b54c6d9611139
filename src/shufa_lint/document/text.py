"""Character classes and text normalisation shared by the model and the rules."""

from __future__ import annotations

import unicodedata

from .. import regexes

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = regexes.compile(f"[{CJK}]")
# Characters that close a sentence (or a clause a line may end on) in Chinese prose.
SENTENCE_END = "。！？；：!?;:…"
CLOSING_AFTER_END = "”’」』）)》】"
# Sentence boundaries after which a run-in marker (一是, （二）…) may start.
BOUNDARY = "。；;！？!?：:"

_PUNCT_RE = regexes.compile(r"[\s\u3000_*＊“”‘’\"'《》〈〉「」『』（）()【】\[\]、，,。．.；;：:！!？?…—\-·]")


def fold_width(text: str) -> str:
    """Full-width ASCII letters, digits and punctuation to half-width (NFKC without touching CJK)."""
    return unicodedata.normalize("NFKC", text)


def comparable(text: str) -> str:
    """Text reduced to what carries meaning when headings are compared: no punctuation, no width."""
    return _PUNCT_RE.sub("", fold_width(text))


_TRAILING_NOTE = regexes.compile(r"[（(][^（()）]{1,60}[）)]$")
# a half-width full stop typed in Chinese prose ends a sentence; after a digit or a Latin letter it is a
# decimal point, an item number (1.) or an abbreviation
_HALF_WIDTH_STOP = regexes.compile(r"(?<![0-9A-Za-z.])[.．]$")


def ends_sentence(line: str) -> bool:
    """Whether a line ends where a sentence (or a clause that may close a line) ends.

    A note after the full stop (``……政策。（责任处室：民政处）``, ``（牵头单位：县司法局）``) belongs to the
    sentence it follows; so does a half-width ``.`` after Chinese text (``继续努力.``, ``达*%.``).
    """
    stripped = line.rstrip()
    note = _TRAILING_NOTE.search(stripped, max(0, len(stripped) - 62)) if stripped.endswith(("）", ")")) else None
    if note and note.start() > 0 and _closes(stripped[: note.start()]):
        return True
    return _closes(stripped)


def _closes(stripped: str) -> bool:
    if not stripped:
        return True
    while stripped and stripped[-1] in CLOSING_AFTER_END:
        stripped = stripped[:-1]
        if stripped and stripped[-1] in SENTENCE_END:
            return True
        if not stripped:
            return True
        # a closing quote or bracket after a phrase (“法治效能”) does not end a sentence
        return False
    if stripped.endswith("……"):
        return False
    return stripped[-1] in SENTENCE_END or _HALF_WIDTH_STOP.search(stripped) is not None
