"""Word segmentation, loaded only when a rule needs word boundaries.

Rules with ``needs_segmentation`` import this module inside ``check`` and call ``words`` on the few
clauses around a candidate, never on whole files, so a run without such rules never loads a dictionary.

The segmentation is jieba's precise mode without HMM (``jieba.lcut(text, HMM=False)``), token for token,
but jieba itself is never imported: importing it pulls in ``pkg_resources`` and the HMM tables, and its
prefix dictionary (about 500 000 entries) takes 0.3 to 1 s and 70 MB to load, most of which a linter
never consults. Instead, the first use builds a cache of jieba's ``dict.txt`` split by the first two
characters of each key (``$XDG_CACHE_HOME/shufa-lint``, else ``~/.cache/shufa-lint``); later runs map
that file and unmarshal only the buckets of the character pairs the text contains (see ``serialize``).
The DAG and route below are jieba's, so the tokens and their tie-breaking are identical.
"""

from __future__ import annotations

import marshal
import mmap
import struct
import zlib
from array import array
from math import log
from pathlib import Path

from . import regexes
from .files import cache_dir, replace_atomically

# jieba's block and skip patterns (jieba/__init__.py, re_han_default and re_skip_default)
_HAN = regexes.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = regexes.compile("(\r\n|\\s)")
_ASCII_ALNUM = regexes.compile("[a-zA-Z0-9]")

_CACHE_FORMAT = b"shufa-lint jieba pair buckets 2\n"
_SPAN_WORD = "Q"  # offsets and sizes of pair buckets
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


def serialize(buckets: dict[str, dict[str, int]], total: int) -> bytes:
    """The dictionary as the cache stores it, bucketed by the first TWO characters of each key.

    A segmentation looks up, at each position of a text, the words that start with the character there
    and the next one: a text of a few thousand characters meets a few thousand such pairs, whose buckets
    hold about 10 000 keys, where the buckets of its first characters alone hold about 170 000 (一, 中,
    大 start tens of thousands of keys each). Unmarshalling those was most of a segmenting run.

    Layout: the format line; the header's size; the header, marshalled ``(total, {char: (offset, size)})``
    of each first character's record; then the blobs, at offsets from the end of the header. A record is
    marshalled ``(frequency, seconds, spans)``: the character's own frequency as a word (0 when it only
    starts longer words), the string of second characters that follow it in some key, and for each of
    them (offset, size) of its pair bucket, packed as unsigned 64-bit words. A pair bucket is the
    marshalled ``{key: frequency}`` of the keys of two or more characters that start with that pair.
    """
    blobs: list[bytes] = []
    index: dict[str, tuple[int, int]] = {}
    offset = 0
    for char, bucket in buckets.items():
        pairs: dict[str, dict[str, int]] = {}
        for key, frequency in bucket.items():
            if len(key) > 1:
                pairs.setdefault(key[1], {})[key] = frequency
        spans = array(_SPAN_WORD)
        for pair in pairs.values():
            blob = marshal.dumps(pair)
            spans.extend((offset, len(blob)))
            blobs.append(blob)
            offset += len(blob)
        record = marshal.dumps((bucket.get(char, 0), "".join(pairs), spans.tobytes()))
        index[char] = (offset, len(record))
        blobs.append(record)
        offset += len(record)
    header = marshal.dumps((total, index))
    return b"".join((_CACHE_FORMAT, _HEADER_SIZE.pack(len(header)), header, *blobs))


class Dictionary:
    """jieba's prefix dictionary, read from its serialized form one pair bucket at a time."""

    def __init__(self, data) -> None:
        """``data``: what ``serialize`` wrote, as bytes or a read-only memory map of the cache file."""
        if data[: len(_CACHE_FORMAT)] != _CACHE_FORMAT:
            raise ValueError("not a shufa-lint dictionary cache")
        header_at = len(_CACHE_FORMAT) + _HEADER_SIZE.size
        (header_size,) = _HEADER_SIZE.unpack(data[len(_CACHE_FORMAT) : header_at])
        self.total, self._index = marshal.loads(data[header_at : header_at + header_size])
        self.log_total = log(self.total)
        self._data = data
        self._start = header_at + header_size
        self._records: dict[str, tuple[int, str, memoryview] | None] = {}
        self._pairs: dict[str, dict[str, int]] = {}

    @classmethod
    def open_cache(cls, path: Path) -> "Dictionary":
        with open(path, "rb") as handle:
            return cls(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))

    def _blob(self, span: tuple[int, int]):
        offset = self._start + span[0]
        return marshal.loads(self._data[offset : offset + span[1]])

    def record(self, char: str) -> tuple[int, str, memoryview] | None:
        """(its frequency, the second characters of longer keys, their buckets' spans) when some key
        starts with ``char``, else None."""
        try:
            return self._records[char]
        except KeyError:
            pass
        span = self._index.get(char)
        found = None
        if span is not None:
            frequency, seconds, spans = self._blob(span)
            found = (frequency, seconds, memoryview(spans).cast(_SPAN_WORD))
        self._records[char] = found
        return found

    def pair(self, prefix: str) -> dict[str, int]:
        """The keys of two or more characters that start with the two characters ``prefix``."""
        try:
            return self._pairs[prefix]
        except KeyError:
            pass
        found: dict[str, int] = {}
        record = self.record(prefix[0])
        if record is not None:
            at = record[1].find(prefix[1])
            if at >= 0:
                found = self._blob((record[2][2 * at], record[2][2 * at + 1]))
        self._pairs[prefix] = found
        return found

    def bucket(self, char: str) -> dict[str, int]:
        """Every key (word or word prefix) that starts with ``char``: only for a look at all of them."""
        record = self.record(char)
        if record is None:
            return {}
        found = {char: record[0]}
        for second in record[1]:
            found.update(self.pair(char + second))
        return found

    def frequency(self, word: str) -> int:
        """How often jieba's dictionary counts ``word`` (0 when it is no word)."""
        if len(word) > 1:
            return self.pair(word[:2]).get(word, 0)
        record = self.record(word) if word else None
        return record[0] if record is not None else 0

    def words_starting(self, prefix: str):
        """(word, frequency) of every dictionary word that starts with ``prefix``."""
        keys = self.pair(prefix[:2]).items() if len(prefix) > 1 else self.bucket(prefix).items()
        for word, count in keys:
            if count and word.startswith(prefix):
                yield word, count


_CACHE_NAME = regexes.compile(r"jieba-[0-9a-f]{16}-pairs\.bin")


def load_dictionary(source: Path | None = None, cache: Path | None = None) -> Dictionary:
    """The dictionary from its cache, building the cache from jieba's ``dict.txt`` when missing or stale.

    The cache is named by the dictionary's content (and the format: other versions of shufa-lint keep
    theirs), so every installation of the same jieba (a pre-commit hook's environment, the editor's,
    a project's) shares one; each installation keeps a small pointer to it under its ``dict.txt``'s
    place, size and time, so a run hashes nothing.
    """
    source = source or jieba_dictionary()
    folder = cache or cache_dir()
    stat = source.stat()
    # the pointer's name: two 32-bit checksums of the place, size and time (hashlib would cost a run more
    # than the whole dictionary lookup; it is imported only to name a newly built cache)
    place = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    pointer = folder / f"jieba-{zlib.crc32(place):08x}{zlib.adler32(place):08x}.ref"
    try:
        name = pointer.read_text(encoding="ascii").strip()
        if _CACHE_NAME.fullmatch(name):
            return Dictionary.open_cache(folder / name)
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        pass
    import hashlib

    content = source.read_bytes()
    path = folder / f"jieba-{hashlib.sha1(content).hexdigest()[:16]}-pairs.bin"
    try:
        dictionary = Dictionary.open_cache(path)  # another installation of the same jieba built it
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        data = serialize(*prefix_buckets(content.splitlines()))
        dictionary = Dictionary(data)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(path, data)  # in one step: parallel workers never read half a file
        except OSError:
            return dictionary  # a read-only home: segment from memory, build again next run
    try:
        replace_atomically(pointer, path.name.encode("ascii"))
    except OSError:
        pass
    return dictionary


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
        candidates = []
        record = dictionary.record(block[start])
        if record is not None:  # some key starts here: the character itself, then keys of two and more
            if record[0]:
                candidates.append((log(record[0]) - log_total + route[start + 1][0], start))
            if start + 1 < size:
                bucket = dictionary.pair(block[start : start + 2])
                end = start + 1
                fragment = block[start : end + 1]
                while fragment in bucket:
                    if bucket[fragment]:
                        candidates.append((log(bucket[fragment]) - log_total + route[end + 1][0], end))
                    end += 1
                    if end == size:
                        break
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


# how much of each side of a line break is segmented to see whether a word runs across it
_SPLIT_CONTEXT = 6


def splits_word(before: str, after: str) -> bool:
    """Whether a break between ``before`` and ``after`` falls inside a word, leaving one of its
    characters alone on one side: 加强党对法 | 治政府建设 (法治 runs across, 法 alone before it).

    The word must run across the break when the two sides are read together, and one side, read by
    itself, must end (or start) with that one character standing as a word of its own. A heading and the
    sentence after it can also read as one word across the break (回顾 | 过去 as 回顾过去), but then
    each side still ends in a whole word of its own: that is not a break inside a word.
    """
    left, right = before[-_SPLIT_CONTEXT:], after[:_SPLIT_CONTEXT]
    if not left or not right:
        return False
    offset = 0
    for token in cut(left + right):
        start, offset = offset, offset + len(token)
        if start < len(left) < offset:
            left_piece, right_piece = left[start:], right[: offset - len(left)]
            return (len(left_piece) == 1 and list(cut(left))[-1] == left_piece) or (
                len(right_piece) == 1 and next(cut(right)) == right_piece
            )
        if offset >= len(left):
            return False
    return False
