"""Word segmentation, loaded only when a rule needs word boundaries.

Rules with ``needs_segmentation`` import this module inside ``check`` and call ``words`` on the few
clauses around a candidate, never on whole files, so a run without such rules never loads a dictionary.

The segmentation is jieba's precise mode without HMM (``jieba.lcut(text, HMM=False)``), token for token,
but jieba itself is never imported: importing it pulls in ``pkg_resources`` and the HMM tables, and its
prefix dictionary (about 500 000 entries) takes 0.3 to 1 s and 70 MB to load, most of which a linter
never consults. Instead, the first use builds a cache of jieba's ``dict.txt`` split by first character
(``$XDG_CACHE_HOME/shufa-lint``, else ``~/.cache/shufa-lint``); later runs map that file and unmarshal
only the buckets of the characters the text contains. The DAG and route below are jieba's, so the
tokens and their tie-breaking are identical.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import struct
from math import log
from pathlib import Path

from . import regexes
from .files import cache_dir, replace_atomically

# jieba's block and skip patterns (jieba/__init__.py, re_han_default and re_skip_default)
_HAN = regexes.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = regexes.compile("(\r\n|\\s)")
_ASCII_ALNUM = regexes.compile("[a-zA-Z0-9]")

_CACHE_FORMAT = b"shufa-lint jieba prefix buckets 1\n"
_HEADER_SIZE = struct.Struct("<Q")


def jieba_dictionary() -> Path:
    """jieba's bundled ``dict.txt``, found without importing jieba."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed; word segmentation needs it (pip install jieba)")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def prefix_buckets(lines) -> tuple[dict[str, dict[str, int]], int]:
    """jieba's prefix dictionary (``Tokenizer.gen_pfdict``), split by the first character of each key.

    Each word maps to its frequency and each proper prefix of a word to 0 unless it is a word itself;
    ``total`` sums the frequencies of every line, as jieba does.
    """
    buckets: dict[str, dict[str, int]] = {}
    total = 0
    for number, raw in enumerate(lines, 1):
        line = raw.strip().decode("utf-8")
        try:
            word, frequency = line.split(" ")[:2]
            frequency = int(frequency)
        except ValueError:
            raise ValueError(f"invalid dictionary entry at line {number}: {line}") from None
        bucket = buckets.setdefault(word[0], {})
        bucket[word] = frequency
        total += frequency
        for end in range(1, len(word)):
            bucket.setdefault(word[:end], 0)
    return buckets, total


def write_cache(path: Path, buckets: dict[str, dict[str, int]], total: int) -> None:
    """Write the buckets as: format line, header size, marshalled (total, {char: (offset, size)}), buckets."""
    blobs = {char: marshal.dumps(bucket) for char, bucket in buckets.items()}
    index, offset = {}, 0
    for char, blob in blobs.items():
        index[char] = (offset, len(blob))
        offset += len(blob)
    header = marshal.dumps((total, index))
    path.parent.mkdir(parents=True, exist_ok=True)
    # replaced in one step, so parallel workers never read half a file
    replace_atomically(path, b"".join((_CACHE_FORMAT, _HEADER_SIZE.pack(len(header)), header, *blobs.values())))


class Dictionary:
    """jieba's prefix dictionary, one first-character bucket at a time."""

    def __init__(self, total: int, index: dict[str, tuple[int, int]], data, start: int):
        self.total = total
        self.log_total = log(total)
        self._index = index
        self._data = data
        self._start = start
        self._buckets: dict[str, dict[str, int]] = {}

    @classmethod
    def in_memory(cls, buckets: dict[str, dict[str, int]], total: int) -> "Dictionary":
        dictionary = cls(total, {}, b"", 0)
        dictionary._buckets = buckets
        return dictionary

    @classmethod
    def open_cache(cls, path: Path) -> "Dictionary":
        with open(path, "rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if data[: len(_CACHE_FORMAT)] != _CACHE_FORMAT:
            raise ValueError(f"{path}: not a shufa-lint dictionary cache")
        header_at = len(_CACHE_FORMAT) + _HEADER_SIZE.size
        (header_size,) = _HEADER_SIZE.unpack(data[len(_CACHE_FORMAT) : header_at])
        total, index = marshal.loads(data[header_at : header_at + header_size])
        return cls(total, index, data, header_at + header_size)

    def bucket(self, char: str) -> dict[str, int]:
        """The words and word prefixes that start with ``char``."""
        found = self._buckets.get(char)
        if found is None:
            where = self._index.get(char)
            if where is None:
                found = {}
            else:
                offset = self._start + where[0]
                found = marshal.loads(self._data[offset : offset + where[1]])
            self._buckets[char] = found
        return found


    def frequency(self, word: str) -> int:
        """How often jieba's dictionary counts ``word`` (0 when it is no word)."""
        return self.bucket(word[0]).get(word, 0) if word else 0

    def words_starting(self, prefix: str):
        """(word, frequency) of every dictionary word that starts with ``prefix``."""
        for word, count in self.bucket(prefix[0]).items():
            if count and word.startswith(prefix):
                yield word, count


def load_dictionary(source: Path | None = None, cache: Path | None = None) -> Dictionary:
    """The dictionary from its cache, building the cache from jieba's ``dict.txt`` when missing or stale."""
    source = source or jieba_dictionary()
    stat = source.stat()
    fingerprint = hashlib.sha1(f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    path = (cache or cache_dir()) / f"jieba-{fingerprint}.bin"
    try:
        return Dictionary.open_cache(path)
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        pass
    with open(source, "rb") as handle:
        buckets, total = prefix_buckets(handle)
    try:
        write_cache(path, buckets, total)
    except OSError:
        pass  # a read-only home: segment from memory, build again next run
    return Dictionary.in_memory(buckets, total)


_dictionary: Dictionary | None = None


def loaded() -> Dictionary:
    """The dictionary of this process, loaded on first use."""
    global _dictionary
    if _dictionary is None:
        _dictionary = load_dictionary()
    return _dictionary


def _cut_block(block: str, dictionary: Dictionary):
    """jieba's ``__cut_DAG_NO_HMM``: the most probable path through the word DAG of a Han/ASCII block."""
    size = len(block)
    route: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
    log_total = dictionary.log_total
    for start in range(size - 1, -1, -1):
        bucket = dictionary.bucket(block[start])
        candidates = []
        end, fragment = start, block[start]
        while end < size and fragment in bucket:
            if bucket[fragment]:
                candidates.append((log(bucket[fragment]) - log_total + route[end + 1][0], end))
            end += 1
            fragment = block[start : end + 1]
        if not candidates:
            candidates.append((log(1) - log_total + route[start + 1][0], start))
        route[start] = max(candidates)
    position, ascii_run = 0, ""
    while position < size:
        stop = route[position][1] + 1
        word = block[position:stop]
        if len(word) == 1 and _ASCII_ALNUM.match(word):
            ascii_run += word
        else:
            if ascii_run:
                yield ascii_run
                ascii_run = ""
            yield word
        position = stop
    if ascii_run:
        yield ascii_run


def cut(text: str, dictionary: Dictionary | None = None):
    """The tokens of ``text`` exactly as ``jieba.cut(text, HMM=False)`` yields them."""
    dictionary = dictionary or loaded()
    for block in _HAN.split(text):
        if not block:
            continue
        if _HAN.match(block):
            yield from _cut_block(block, dictionary)
        else:
            for piece in _SKIP.split(block):
                if _SKIP.match(piece):
                    yield piece
                else:
                    yield from piece


def words(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` with the offset where each starts."""
    tokens, offset = [], 0
    for token in cut(text):
        tokens.append((token, offset))
        offset += len(token)
    return tokens
