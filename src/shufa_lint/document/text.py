"""Character classes and text normalisation shared by the model and the rules."""

from __future__ import annotations

import re
import unicodedata

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
# Characters that close a sentence (or a clause a line may end on) in Chinese prose.
SENTENCE_END = "。！？；：!?;:…"
CLOSING_AFTER_END = "”’」』）)》】"
# Sentence boundaries after which a run-in marker (一是, （二）…) may start.
BOUNDARY = "。；;！？!?：:"

_PUNCT_RE = re.compile(r"[\s\u3000_*＊“”‘’\"'《》〈〉「」『』（）()【】\[\]、，,。．.；;：:！!？?…—\-·]")


def fold_width(text: str) -> str:
    """Full-width ASCII letters, digits and punctuation to half-width (NFKC without touching CJK)."""
    return unicodedata.normalize("NFKC", text)


def comparable(text: str) -> str:
    """Text reduced to what carries meaning when headings are compared: no punctuation, no width."""
    return _PUNCT_RE.sub("", fold_width(text))


def ends_sentence(line: str) -> bool:
    """Whether a line ends where a sentence (or a clause that may close a line) ends."""
    stripped = line.rstrip()
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
    return stripped[-1] in SENTENCE_END
