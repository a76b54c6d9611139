"""Compiled regular expressions, kept across runs in the per-user cache.

shufa-lint's rules use a few hundred regular expressions, many with classes spanning the CJK blocks;
``re`` compiles such a class in Python, one code point at a time, and compiling them all is about a
third of a cold run. What ``re`` compiles a pattern to (its ``_sre`` code: a list of integers, the
group names and the flags) depends only on the pattern, its flags and the interpreter, so it is kept
in one file next to the dictionary buckets (``patterns-<interpreter>.bin``, marshalled) and later runs
hand it to ``_sre.compile`` as ``re`` itself does at the end of ``re.compile``.

``_sre`` validates every code it is given, so a damaged or foreign cache raises and the pattern is
compiled the ordinary way; on an interpreter whose internals differ (not CPython, or a release that
changed them) nothing is cached at all. Only patterns compiled through ``compile`` here are kept:
the rules' and the rule data's (a user's lexicon files included), the same from run to run; a pattern
made from a document's own text (a Markdown fence) uses ``re`` directly, and a test checks that
linting new documents adds nothing to the cache. New entries are written once, when the process exits.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from array import array
from pathlib import Path
from typing import Any, Callable

from .files import cache_dir, replace_atomically

try:  # CPython 3.11+
    import _sre
    from re import _compiler as _sre_compile
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10 names them sre_compile / sre_parse
    try:
        import _sre
        import sre_compile as _sre_compile  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]
    except ImportError:  # another implementation: no _sre at all
        _sre = None

_FORMAT = 1
# more entries than the rules have patterns means patterns no longer in use: the file starts again
_MOST_ENTRIES = 2000

# (flags, code, groups, groupindex, indexgroup): the arguments of _sre.compile after the pattern, but the
# code packed as bytes (an array of code words): marshal reads a few bytes objects in microseconds and
# hundreds of thousands of small integers in tens of milliseconds
Entry = tuple
_CODE_WORD = "I"


def _cache_path() -> Path:
    interpreter = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return cache_dir() / f"patterns-{interpreter}-v{_FORMAT}.bin"


class _Store:
    """The entries read from the cache file, and those compiled in this process for writing at exit."""

    def __init__(self) -> None:
        # (pattern, flags) → Entry; (pattern, what) → what ``derived`` built
        self.entries: dict[tuple[str, int | str], Any] | None = None
        self.used: dict[tuple[str, int | str], Any] = {}
        self.missed = False

    def load(self) -> dict[tuple[str, int | str], Any]:
        if self.entries is None:
            self.entries = {}
            try:
                with open(_cache_path(), "rb") as handle:
                    loaded = marshal.loads(handle.read())  # marshal.load(handle) reads in small pieces
                if isinstance(loaded, dict):
                    self.entries = loaded
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no cache yet, or an unreadable one: it is written anew at exit
        return self.entries

    def remember(self, key: tuple[str, int | str], value: Any) -> None:
        self.used[key] = value
        if not self.missed:
            self.missed = True
            atexit.register(self.save)

    def save(self) -> None:
        entries = {**self.load(), **self.used}
        if len(entries) > _MOST_ENTRIES:
            entries = dict(self.used)
        try:
            path = _cache_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(path, marshal.dumps(entries))
        except (OSError, ValueError):
            pass  # a read-only home: every run compiles, as without the cache
        self.missed = False


_store = _Store()


def _compiled_entry(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``."""
    parsed = _sre_parse.parse(pattern, flags)
    code = array(_CODE_WORD, _sre_compile._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _from_entry(pattern: str, entry: Entry) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_CODE_WORD, code).tolist(), groups, groupindex, indexgroup)


def derived(pattern: str, what: str, build: Callable[[str], Any]) -> Any:
    """``build(pattern)``, kept in the cache under ``what``: for what is slow to tell from a pattern's
    parse tree and depends on nothing else (a marshallable value: str, frozenset, None …)."""
    key = (pattern, what)
    entries = _store.load()
    if key in entries:
        value = entries[key]
        _store.used[key] = value
        return value
    value = build(pattern)
    _store.remember(key, value)
    return value


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the per-user cache when an earlier run compiled it."""
    flags = int(flags)
    if _sre is None or array(_CODE_WORD).itemsize != _sre.CODESIZE or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _store.load().get(key)
    if entry is not None:
        try:
            compiled = _from_entry(pattern, entry)
        except Exception:  # a damaged or foreign entry: _sre refused its code
            compiled = None
        if compiled is not None:
            _store.used[key] = entry
            return compiled
    try:
        entry = _compiled_entry(pattern, flags)
        compiled = _from_entry(pattern, entry)
    except re.error:
        raise
    except Exception:  # internals unlike those this module knows: compile without the cache
        return re.compile(pattern, flags)
    _store.remember(key, entry)
    return compiled
