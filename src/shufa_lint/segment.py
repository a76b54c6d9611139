"""Word segmentation, loaded only when a rule needs word boundaries.

jieba's dictionary takes most of a second to load, so nothing imports jieba at start-up: the first call
to ``words`` does, and only rules with ``needs_segmentation`` call it, on the few sentences around a
candidate, never on whole files.
"""

from __future__ import annotations

from functools import cache


@cache
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def words(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` with the offset where each starts."""
    tokens, offset = [], 0
    for token in _tokenizer().lcut(text, HMM=False):
        tokens.append((token, offset))
        offset += len(token)
    return tokens
