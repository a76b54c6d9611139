"""Rule data from ``rules/`` (packs, outlines, term lexicons), loaded once and validated on load.

Every YAML file is read with the safe (C when available) loader. A malformed file or a wrong shape is a
``RuleDataError`` naming the file, the line where YAML knows it, and the key: the CLI reports it and
exits 2 instead of linting with half a rule set.
"""

import marshal
import re
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from . import regexes
from .diagnostics import InputError, Message
from .files import cache_dir, read_regular_file, replace_atomically


class RuleDataError(Exception):
    """A rule, pack, lexicon, outline or config file that cannot be used: ``str()`` is the English,
    ``zh`` the same in Chinese. What reaches a user (their configuration, outline or lexicon file) is
    said in both; the built-in packs' own mistakes are for their maintainers, and English stands in."""

    def __init__(self, en: str, zh: str | None = None):
        super().__init__(en)
        self.zh = zh or en

    @property
    def message(self) -> Message:
        """The error in the run's language: ``error.message.get(lang)``, as ``InputError.message``."""
        return Message(self.zh, str(self))


# Rule data, outlines and configurations are small: a bound on the file and on what its aliases expand to.
MAX_YAML_BYTES = 20 * 1024 * 1024
MAX_YAML_NODES = 250_000


def _expanded_size(data: Any, limit: int) -> int:
    """How many values ``data`` holds with every alias expanded, counting stops past ``limit``.

    YAML aliases share one object, so a "billion laughs" file loads small; whoever walks it later
    (flattening an outline, merging a lexicon) would meet every copy.
    """
    count, stack = 0, [data]
    while stack and count <= limit:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def load_yaml(path: str | Path, text: str | bytes | None = None) -> Any:
    """The data of the YAML file ``path`` (or of ``text``, read from it already), checked for size."""
    import yaml  # here: a run with the built-in rules from the cache and no configuration never needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # SafeLoader: pyyaml built without libyaml
    try:
        if text is None:
            text = read_regular_file(str(path), MAX_YAML_BYTES)
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark, problem = error.problem_mark, error.problem or error
        if mark is None:
            raise RuleDataError(f"{path}: {problem}", f"{path}: YAML 格式有误：{problem}") from None
        line, column = mark.line + 1, mark.column + 1
        raise RuleDataError(
            f"{path}: line {line}, column {column}: {problem}", f"{path}: 第 {line} 行第 {column} 列 YAML 格式有误：{problem}"
        ) from None
    except yaml.YAMLError as error:
        raise RuleDataError(f"{path}: invalid YAML: {error}", f"{path}: YAML 格式有误：{error}") from None
    except UnicodeDecodeError as error:
        raise RuleDataError(f"{path}: cannot read: {error}", f"{path}: 无法读取：不是 UTF-8 文本（{error}）") from None
    except InputError as error:
        raise RuleDataError(str(error), error.message.zh) from None
    if _expanded_size(data, MAX_YAML_NODES) > MAX_YAML_NODES:
        raise RuleDataError(
            f"{path}: refused: its aliases refer to themselves or expand to more than {MAX_YAML_NODES} values",
            f"{path}: 拒绝读取：其中的别名（alias）引用自身，或展开后超过 {MAX_YAML_NODES} 个值",
        )
    return data


def rules_dir() -> Path:
    """The folder of the built-in rule data (``rules/``, installed as the package ``shufa_lint.rules``).

    Its module's own path, not ``importlib.resources``: importing that is a noticeable part of a start,
    and the data is always installed as plain files."""
    from . import rules

    return Path(rules.__file__).parent


def _require(mapping: Any, key: str, kind: type | tuple, where: str) -> Any:
    if not isinstance(mapping, dict) or key not in mapping:
        raise RuleDataError(f"{where}: missing key '{key}'")
    value = mapping[key]
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise RuleDataError(f"{where}: '{key}' must be a {names}")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuleDataError(f"{where}: expected a list of strings")
    return tuple(value)


def compile_pattern(pattern: str, where: str) -> re.Pattern:
    try:
        return regexes.compile(pattern)
    except (re.error, OverflowError, RecursionError) as error:  # a{99999999999}: a count too large
        raise RuleDataError(
            f"{where}: invalid regular expression {pattern!r}: {error}", f"{where}: 正则表达式“{pattern}”无效：{error}"
        ) from None


class Section(NamedTuple):
    """A part a report type requires, recognised by any of its names in a heading."""

    key: str
    label: str  # how messages name it, e.g. 二、存在问题
    names: tuple[re.Pattern, ...]
    required: bool = True
    anywhere: bool = False  # may stand at any position and heading level (e.g. the 第一责任人 part)
    # reports often split this part into topical headings: any top-level heading before the next
    # section counts as it
    leading: bool = False
    since_year: int | None = None

    def matches(self, heading: str) -> bool:
        return any_of(self.names).search(heading) is not None


# a name with a back reference (\1, (?P=x)) or a global flag cannot be joined to the others unchanged
_UNJOINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)")


@cache
def any_of(patterns: tuple[re.Pattern, ...]) -> "re.Pattern | _AnyOf":
    """One pattern that matches where any of ``patterns`` does (one search over a heading, not one per
    name), or, where they cannot be joined, the list tried in turn."""
    if len(patterns) == 1:
        return patterns[0]
    if not patterns or any(p.flags != patterns[0].flags or _UNJOINABLE.search(p.pattern) for p in patterns):
        return _AnyOf(patterns)
    return regexes.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)


class _AnyOf(NamedTuple):
    patterns: tuple[re.Pattern, ...]

    def search(self, text: str):
        return next((found for pattern in self.patterns if (found := pattern.search(text))), None)


class Recogniser(NamedTuple):
    """How a pack's report type shows in a document (``recognise:`` in the pack's YAML): its title,
    the addressee and opening lines, its part headings and its vocabulary. ``document.report_type``
    weighs them (see ``document/report_type.py``)."""

    title: tuple[re.Pattern, ...] = ()
    opening: tuple[re.Pattern, ...] = ()
    headings: tuple[re.Pattern, ...] = ()
    vocabulary: tuple[re.Pattern, ...] = ()


class Pack(NamedTuple):
    name: str
    title: str
    recogniser: Recogniser
    sections: tuple[Section, ...]
    priority: int = 100  # packs with more specific titles are tried first
    source: str = ""
    # an outline file (YAML or 【提纲】 text) the body is held to when the draft embeds none and the
    # configuration names none: a province's or county's prescribed outline for this report type
    outline: str | None = None


def parse_pack(data: Any, where: str) -> Pack:
    if not isinstance(data, dict):
        raise RuleDataError(f"{where}: a pack must be a mapping")
    listed = data.get("sections") or []  # a type without a required structure lists none
    if not isinstance(listed, list):
        raise RuleDataError(f"{where}: 'sections' must be a list")
    sections = []
    for index, item in enumerate(listed):
        here = f"{where}: sections[{index}]"
        key = _require(item, "key", str, here)
        names = tuple(compile_pattern(p, here) for p in _strings(_require(item, "names", list, here), here))
        since = item.get("since_year")
        if since is not None and not isinstance(since, int):
            raise RuleDataError(f"{here}: 'since_year' must be a year")
        sections.append(
            Section(
                key=key,
                label=str(item.get("label", key)),
                names=names,
                required=bool(item.get("required", True)),
                leading=bool(item.get("leading", False)),
                anywhere=bool(item.get("anywhere", False)),
                since_year=since,
            )
        )
    return Pack(
        name=_require(data, "name", str, where),
        title=str(data.get("title", data["name"])),
        recogniser=_recogniser(data.get("recognise"), f"{where}: recognise"),
        sections=tuple(sections),
        priority=int(data.get("priority", 100)),
        source=where,
        outline=_pack_outline(data.get("outline"), where),
    )


def _recogniser(data: Any, where: str) -> Recogniser:
    if data is None:
        return Recogniser()
    if not isinstance(data, dict):
        raise RuleDataError(f"{where}: must be a mapping of title/opening/headings/vocabulary patterns")
    unknown = set(data) - {"title", "opening", "headings", "vocabulary"}
    if unknown:
        raise RuleDataError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    return Recogniser(
        **{key: tuple(compile_pattern(p, f"{where}.{key}") for p in _strings(data.get(key), f"{where}.{key}"))
           for key in ("title", "opening", "headings", "vocabulary")}
    )


def _pack_outline(value: Any, where: str) -> str | None:
    """A pack's default outline: a path relative to the pack file, or a name in ``rules/outlines/``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise RuleDataError(f"{where}: 'outline' must be a file name")
    for candidate in (Path(where).parent / value, rules_dir() / "outlines" / value):
        if candidate.is_file():
            return str(candidate)
    raise RuleDataError(f"{where}: outline file {value!r} not found")


class Lexicon:
    """All rule data: packs by name, plus each lexicon file's content by its stem (``redactions`` …)."""

    __slots__ = ("packs", "tables", "_derived")

    def __init__(self, packs: dict[str, Pack] | None = None, tables: dict[str, Any] | None = None) -> None:
        self.packs = {} if packs is None else packs
        self.tables = {} if tables is None else tables
        self._derived: dict[str, Any] = {}

    def table(self, name: str) -> Any:
        return self.tables.get(name, {})

    def derived(self, key: str, build):
        """What a rule compiles from the tables (regexes, indexes), built once per lexicon."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]


def load_builtin_yaml(paths: list[Path]) -> list[Any]:
    """The data of the built-in rule files, parsed once per version of them.

    Parsing them is most of loading the rules, and importing yaml a good part of a start: their data is
    kept, marshalled, in the per-user cache under the files' names, sizes and modification times (as
    Python keeps bytecode), so an edited or upgraded rule file is parsed anew; each installation keeps
    its own file, so two of them used in turn (a pre-commit hook's and the editor's) do not parse for
    each other. Data that marshal cannot hold is simply not kept.
    """
    from binascii import crc32

    stamp = []
    for path in paths:
        status = path.stat()
        stamp.append((str(path), status.st_size, status.st_mtime_ns))
    cached = cache_dir() / f"rules-{crc32(repr(stamp).encode()):08x}.bin"
    try:
        kept_stamp, kept_data = marshal.loads(cached.read_bytes())
        if kept_stamp == stamp:
            return list(kept_data)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not parsed before, or an unreadable cache: parse, and keep the result
    data = [load_yaml(path) for path in paths]
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(cached, marshal.dumps((stamp, data)))
        _forget_unused(cached)
    except (OSError, ValueError):  # a read-only home, or data marshal cannot write
        pass
    return data


_UNUSED_FOR = 30 * 24 * 3600  # a rules cache not read for this long belongs to an installation long gone


def _forget_unused(kept: Path) -> None:
    """Remove the rules caches of other installations that no run has read for a month."""
    import time

    for other in kept.parent.glob("rules-*.bin"):
        if other != kept and time.time() - other.stat().st_atime > _UNUSED_FOR:
            other.unlink(missing_ok=True)


@cache
def builtin() -> Lexicon:
    root = rules_dir()
    lexicon = Lexicon()
    pack_paths = sorted((root / "packs").glob("*.yaml"))
    table_paths = sorted((root / "lexicons").glob("*.yaml"))
    data = load_builtin_yaml(pack_paths + table_paths)
    packs = [parse_pack(pack, str(path)) for path, pack in zip(pack_paths, data)]
    for pack in sorted(packs, key=lambda pack: pack.priority):
        lexicon.packs[pack.name] = pack
    for path, table in zip(table_paths, data[len(pack_paths) :]):
        lexicon.tables[path.stem] = table
    return lexicon
