"""Configuration: ``.shufa-lint.yaml``, ``[tool.shufa-lint]`` or ``-c FILE``, resolved into per-file ``Settings``.

One precedence path: command-line flags > the configuration file > built-in defaults. A file's
configuration is the nearest ``.shufa-lint.yaml`` (or ``.shufa-lint.yml``, or a ``pyproject.toml`` with a
``[tool.shufa-lint]`` table) found from the file's folder upward; the search stops at the repository root
(a folder holding ``.git``) or the filesystem root. ``-c FILE`` replaces discovery. ``extends`` layers a
built-in pack or another configuration file underneath: a key in the extending file replaces the base's
value, except the mappings ``rules``, ``per-file-ignores`` and ``lexicons``, which merge entry by entry.

Every key is validated on load: a mistake raises ``ConfigError`` (the CLI exits 2) naming the file, the
key and the closest valid spelling, in English and in Chinese (the run's language is printed). Paths and
globs are relative to the file that states them.
"""

import copy
import difflib
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from . import regexes
from .diagnostics import InputError, Message, Severity
from .files import read_regular_file
from .lexicon import (
    MAX_YAML_BYTES,
    Lexicon,
    RuleDataError,
    builtin,
    compile_pattern,
    load_yaml,
)
from .patterns import PROBE_CPU_SECONDS, backtracking_risk, too_slow_on_probes
from .settings import Settings, TextIgnore

CONFIG_NAMES = (".shufa-lint.yaml", ".shufa-lint.yml")
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = "shufa-lint"
LANGS = ("zh", "en")
BUILTIN_PREFIX = "builtin:"
KEYS = (
    "extends",
    "pack",
    "outline",
    "select",
    "ignore",
    "per-file-ignores",
    "rules",
    "report-year",
    "lang",
    "exclude",
    "lexicons",
    "figure-placeholders",
    "name-placeholders",
    "ignore-text",
    "review",
)
REVIEW_FAMILY = "SF8"  # the reviewers' criteria (checks/review.py), switched off by ``review: false``
_MERGED_PER_ENTRY = ("rules", "per-file-ignores", "lexicons")
# Where user placeholder patterns go: the figures lexicon table the SF301/SF302 rules compile.
_PLACEHOLDER_TABLE = "figures"
_MAX_PATTERN_LENGTH = 500


class ConfigError(RuleDataError):
    """A configuration that cannot be used: unknown key, wrong type, bad path or unsafe pattern. Said in
    English and in Chinese, both required: its reader is whoever keeps the configuration, in either."""

    def __init__(self, en: str, zh: str):
        super().__init__(en, zh)

    @classmethod
    def of(cls, error: InputError | RuleDataError) -> "ConfigError":
        """A file the configuration names (or is) that could not be read, said as its reader said it."""
        return cls(error.message.en, error.message.zh)


def did_you_mean(word: str, choices: Iterable[str]) -> Message:
    """The closest valid spelling, as a message's ending in both languages (empty when none is close)."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return Message(f"（是否应为“{close[0]}”？）", f" (did you mean {close[0]!r}?)") if close else Message("", "")


# --- globs -----------------------------------------------------------------------------------------


def _glob_regex(pattern: str) -> re.Pattern:
    """gitignore-like globs: ``*`` and ``?`` stay within a folder, ``**`` crosses folders."""
    out, index = [], 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:[^/]*/)*")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        elif pattern[index] == "[" and "]" in pattern[index + 2 :]:
            close = pattern.index("]", index + 2)
            body = pattern[index + 1 : close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            index = close + 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out))


class Glob(NamedTuple):
    """A pattern relative to the folder of the config that states it.

    A pattern without ``/`` matches a file or folder name at any depth (``*.md``, ``old``); one with
    ``/`` matches the path from that folder (``drafts/2023/**``). A folder match covers its files.
    """

    root: Path
    pattern: str

    def matches(self, path: Path) -> bool:
        relative = os.path.relpath(path, self.root).replace(os.sep, "/")
        if relative == ".." or relative.startswith("../"):
            return False
        parts = relative.split("/")
        regex = _glob_regex(self.pattern)
        if "/" not in self.pattern:
            return any(regex.fullmatch(part) for part in parts)
        return any(regex.fullmatch("/".join(parts[:count])) for count in range(1, len(parts) + 1))


def _glob(folder: Path, pattern: str, where: str) -> Glob:
    """A glob of the config in ``folder``, checked now: a bad one is the config's error, not the run's."""
    glob = Glob(folder, pattern.strip("/").removeprefix("./"))
    try:
        _glob_regex(glob.pattern)
    except (re.error, OverflowError) as error:
        raise ConfigError(f"{where}: invalid glob {pattern!r}: {error}", f"{where}: 通配符“{pattern}”无效：{error}") from None
    return glob


# --- regular expressions from users ------------------------------------------------------------------

def check_user_pattern(pattern: Any, where: str) -> str:
    """A user's regular expression, or ``ConfigError`` if it is invalid or may backtrack catastrophically."""
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(f"{where}: a pattern must be a non-empty string", f"{where}: 正则表达式应是非空的文字")
    if len(pattern) > _MAX_PATTERN_LENGTH:
        raise ConfigError(
            f"{where}: pattern longer than {_MAX_PATTERN_LENGTH} characters",
            f"{where}: 正则表达式超过 {_MAX_PATTERN_LENGTH} 个字符",
        )
    wrapped = f"(?:{pattern})"
    try:
        # as the rules will use it: one alternative among others, where a global flag such as (?i) fails
        compile_pattern(wrapped, where)
    except RuleDataError as error:
        said = error.message
        raise ConfigError(said.en.replace(wrapped, pattern), said.zh.replace(wrapped, pattern)) from None
    _refuse_backtracking(pattern, where)
    return pattern


def _refuse_backtracking(pattern: str, where: str) -> None:
    """The one safety check of every user pattern: the analysis of its shape, then a timed probe."""
    risk = backtracking_risk(pattern)
    if risk is None and (slow_on := too_slow_on_probes(pattern)):
        risk = Message(
            f"搜索{slow_on.zh}用了超过 {PROBE_CPU_SECONDS:g} 秒 CPU 时间",
            f"took over {PROBE_CPU_SECONDS:g} s of CPU to search {slow_on.en}",
        )
    if risk:
        raise ConfigError(
            f"{where}: unsafe regular expression {pattern!r}: it {risk.en}, which can take hours "
            f"on a long line; write the repeated part so that each character can match only one way",
            f"{where}: 正则表达式“{pattern}”不安全：它{risk.zh}，遇到长行可能运行几个小时；"
            f"请改写其中重复的部分，使每个字符只有一种匹配方式",
        )


def check_lexicon_patterns(data: Any, where: str) -> None:
    """The same check for a user's lexicon file (``lexicons:``): its regular expressions (a term's
    ``wrong``, a ``placeholder``) sit among plain words, so every string that parses as one is checked
    (a plain word never backtracks); one that does not parse is left to the rule that compiles it."""
    stack = [(data, "")]
    while stack:
        item, key_path = stack.pop()
        if isinstance(item, dict):
            stack.extend((value, f"{key_path}.{key}" if key_path else str(key)) for key, value in item.items())
        elif isinstance(item, list):
            stack.extend((value, f"{key_path}[{index}]") for index, value in enumerate(item))
        elif isinstance(item, str):
            try:
                re.compile(item)
            except (re.error, OverflowError, RecursionError):
                continue
            _refuse_backtracking(item, f"{where}: {key_path}")


# --- reading and validating one file ---------------------------------------------------------------


# Where a pyproject.toml can hold [tool.shufa-lint]: the table's header, a [tool] table (which may hold it
# as a key), or a dotted key tool.shufa-lint… at the top. The name alone (a dependency, a script entry)
# is not enough to parse the file for.
_MAY_HOLD_OUR_TABLE = regexes.compile(
    rb"""(?m)^[ \t]*(?:\[[ \t]*tool[ \t]*(?:\]|\.[ \t]*["']?shufa-lint)|tool[ \t]*\.[ \t]*["']?shufa-lint)"""
)


def _read_pyproject(path: Path) -> dict | None:
    try:
        raw = read_regular_file(str(path), MAX_YAML_BYTES)
    except InputError as error:
        raise ConfigError.of(error) from None
    if _MAY_HOLD_OUR_TABLE.search(raw) is None:
        return None  # a project's file with no table of ours: nothing to parse, no TOML reader to import
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: {error}", f"{path}: TOML 格式有误：{error}") from None
    return data.get("tool", {}).get(PYPROJECT_TABLE)


def _display(path: Path) -> str:
    """``path`` as messages show it: relative to the current folder when it lies below it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else relative


def _read_raw(path: Path) -> tuple[dict, str]:
    """The raw mapping a config file holds, and how messages name it."""
    if path.name == PYPROJECT:
        where = f"{_display(path)} [tool.{PYPROJECT_TABLE}]"
        raw = _read_pyproject(path)
        if raw is None:
            table = f"[tool.{PYPROJECT_TABLE}]"
            raise ConfigError(f"{path}: no {table} table", f"{path}: 没有 {table} 表")
    else:
        where = _display(path)
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found", f"{path}: 找不到配置文件")
        try:
            raw = load_yaml(where)
        except RuleDataError as error:
            raise ConfigError.of(error) from None
        raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{where}: the configuration must be a mapping of keys ({', '.join(KEYS)})",
            f"{where}: 配置应是由配置项组成的映射（{'、'.join(KEYS)}）",
        )
    return raw, where


def _string_list(value: Any, where: str, what: Message) -> tuple[str, ...]:
    """A list of strings; a single string may be comma-separated. ``what``: what the strings are."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value)
    raise ConfigError(f"{where}: must be a list of {what.en}", f"{where}: 应是{what.zh}的列表")


def _rules_by_key():
    from .registry import all_rules

    return all_rules()


def check_selector(selector: str, where: str) -> str:
    """A rule code (SF303), prefix (SF3), kebab name (figure-missing) or ALL that selects at least one rule."""
    rules = _rules_by_key()
    if selector.upper() == "ALL":
        return selector.upper()
    if re.fullmatch(r"SF\d{0,3}", selector.upper()) and any(code.startswith(selector.upper()) for code in rules):
        return selector.upper()
    if any(rule.name == selector.lower() for rule in rules.values()):
        return selector.lower()
    raise _unknown_rule(selector, where)


def _unknown_rule(key: Any, where: str) -> ConfigError:
    rules = _rules_by_key()
    hint = did_you_mean(str(key), [*rules, *(rule.name for rule in rules.values())])
    return ConfigError(f"{where}: unknown rule {key!r}{hint.en}", f"{where}: 没有规则“{key}”{hint.zh}")


_SELECTORS = Message("规则代码、前缀或名称", "rule codes, prefixes or names")


def _selectors(value: Any, where: str) -> tuple[str, ...]:
    selectors = _string_list(value, where, _SELECTORS)
    return tuple(check_selector(selector, where) for selector in selectors)


def _option_fits(default: Any, value: Any) -> bool:
    if default is None:
        return True
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, list)
    return isinstance(value, type(default))


# A rule option's type as a drafter says it (the option defaults are plain YAML values).
_KINDS_ZH = {"bool": "true 或 false", "int": "整数", "float": "数", "str": "文字", "list": "列表", "tuple": "列表", "dict": "映射"}


def _rule_config(key: Any, value: Any, where: str) -> tuple[str, dict[str, Any]]:
    from .registry import find_rule

    rule = find_rule(key) if isinstance(key, str) else None
    if rule is None:
        raise _unknown_rule(key, where)
    here = f"{where}.{key}"
    if isinstance(value, str):
        value = {"severity": value}
    if not isinstance(value, dict):
        raise ConfigError(
            f"{here}: must be a severity (error, warning, info) or a mapping of options",
            f"{here}: 应是严重级别（error、warning、info）或选项的映射",
        )
    settings: dict[str, Any] = {}
    for option, option_value in value.items():
        name = str(option).replace("-", "_")
        if name == "severity":
            try:
                settings["severity"] = Severity.parse(str(option_value)).label
            except ValueError as error:
                raise ConfigError(
                    f"{here}.severity: {error}", f"{here}.severity: 没有严重级别“{option_value}”（可选：error、warning、info）"
                ) from None
        elif name in rule.defaults:
            default = rule.defaults[name]
            if not _option_fits(default, option_value):
                kind = type(default).__name__
                raise ConfigError(
                    f"{here}.{option}: must be of type {kind}, like its default {default!r}",
                    f"{here}.{option}: 应是{_KINDS_ZH.get(kind, kind)}（默认值为 {default!r}）",
                )
            settings[name] = option_value
        else:
            known = ["severity", *(key.replace("_", "-") for key in rule.defaults)]
            hint = did_you_mean(str(option).replace("_", "-"), known)
            raise ConfigError(
                f"{here}: unknown option {option!r}{hint.en} ({rule.code} takes: {', '.join(known)})",
                f"{here}: 没有选项“{option}”{hint.zh}；{rule.code} 的选项：{'、'.join(known)}",
            )
    return rule.code, settings


def _text_ignores(value: Any, where: str) -> tuple[TextIgnore, ...]:
    if not isinstance(value, list):
        raise ConfigError(
            f"{where}: must be a list of {{code: …, text: …}} entries", f"{where}: 应是 {{code: …, text: …}} 条目的列表"
        )
    entries = []
    for index, item in enumerate(value):
        here = f"{where}[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{here}: must be a mapping with 'code' and 'text'", f"{here}: 应是含 code 和 text 的映射")
        for key in item:
            if key not in ("code", "text"):
                raise _unknown_key(key, ("code", "text"), here)
        if "code" not in item or "text" not in item:
            raise ConfigError(
                f"{here}: needs both 'code' (the rules to silence) and 'text' (the words it is about)",
                f"{here}: 须同时有 code（要关闭的规则）和 text（所针对的文字）",
            )
        text = item["text"]
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(f"{here}.text: must be non-empty text", f"{here}.text: 应是非空的文字")
        entries.append(TextIgnore(_selectors(item["code"], f"{here}.code"), text))
    return tuple(entries)


def _tree_of(config: Path) -> Path:
    """The folder a configuration file's paths must stay in: its repository (the nearest folder above
    it holding ``.git``), else its own folder."""
    folder = config.parent
    return next((candidate for candidate in (folder, *folder.parents) if (candidate / ".git").exists()), folder)


def _inside(value: str, folder: Path, tree: Path | None, where: str) -> Path:
    """``value`` resolved against ``folder``; unless ``tree`` is None (``--allow-outside-paths``), it must be
    relative and lead, symlinks followed, to a place inside ``tree``.

    A configuration file travels with the repository that holds it (a submitted branch in CI): were it
    free to name /etc/… or ~/…, its outline findings would print another file's lines."""
    expanded = os.path.expanduser(value)
    if tree is not None and (os.path.isabs(expanded) or expanded != value):
        raise ConfigError(
            f"{where}: {value!r} is an absolute path; a configuration file names files relative to itself "
            f"(--allow-outside-paths permits it)",
            f"{where}: “{value}”是绝对路径；配置文件只能用相对于自身的路径指明文件（--allow-outside-paths 可允许）",
        )
    path = (folder / expanded).resolve()
    if tree is not None and not path.is_relative_to(tree):
        raise ConfigError(
            f"{where}: {value!r} leads outside {tree} (--allow-outside-paths permits it)",
            f"{where}: “{value}”指向 {tree} 之外（--allow-outside-paths 可允许）",
        )
    return path


def _path(value: Any, folder: Path, tree: Path | None, where: str) -> Path:
    if not isinstance(value, str) or not value or "\0" in value:
        nul = "\0" in str(value)
        raise ConfigError(
            f"{where}: must be a path" + (" (without a NUL character)" if nul else ""),
            f"{where}: 应是路径" + ("（不能含 NUL 字符）" if nul else ""),
        )
    path = _inside(value, folder, tree, where)
    if not path.is_file():
        raise ConfigError(f"{where}: file not found: {path}", f"{where}: 找不到文件：{path}")
    return path


def _lexicon_paths(value: Any, folder: Path, tree: Path | None, where: str) -> dict[str, tuple[Path, ...]]:
    known = builtin().tables
    if not isinstance(value, dict):
        raise ConfigError(
            f"{where}: must map a lexicon table ({', '.join(known)}) to YAML files",
            f"{where}: 应是词表（{'、'.join(known)}）到 YAML 文件的映射",
        )
    tables = {}
    for table, paths in value.items():
        if table not in known:
            hint = did_you_mean(str(table), known)
            raise ConfigError(
                f"{where}: unknown lexicon table {table!r}{hint.en} (known: {', '.join(known)})",
                f"{where}: 没有词表“{table}”{hint.zh}；可选：{'、'.join(known)}",
            )
        files = _string_list([paths] if isinstance(paths, str) else paths, f"{where}.{table}", _YAML_PATHS)
        tables[table] = tuple(_path(path, folder, tree, f"{where}.{table}") for path in files)
    return tables


def _unknown_key(key: Any, keys: Iterable[str], where: str) -> ConfigError:
    hint = did_you_mean(str(key), keys)
    return ConfigError(f"{where}: unknown key {key!r}{hint.en}", f"{where}: 没有配置项“{key}”{hint.zh}")


def _unknown_pack(pack: str, where: str) -> ConfigError:
    hint = did_you_mean(pack, builtin().packs)
    return ConfigError(f"{where}: unknown pack {pack!r}{hint.en}", f"{where}: 没有报告类型“{pack}”{hint.zh}")


_EXTENDS = Message("报告类型或配置文件路径", "packs or config paths")
_GLOBS = Message("通配符", "globs")
_YAML_PATHS = Message("YAML 文件路径", "YAML file paths")


def _parse(raw: dict, where: str, folder: Path, tree: Path | None) -> dict[str, Any]:
    """Validate one file's keys into normalised values: absolute paths (inside ``tree`` unless it is
    None), anchored globs, rule codes."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        here = f"{where}: {key}"
        if key not in KEYS:
            raise _unknown_key(key, KEYS, where)
        if key == "extends":
            values[key] = _string_list([value] if isinstance(value, str) else value, here, _EXTENDS)
            if any("\0" in name for name in values[key]):
                raise ConfigError(f"{here}: a path cannot contain a NUL character", f"{here}: 路径不能含 NUL 字符")
        elif key == "pack":
            if not isinstance(value, str):
                packs = builtin().packs
                raise ConfigError(
                    f"{here}: must be one pack name ({', '.join(packs)})", f"{here}: 应是一个报告类型名（{'、'.join(packs)}）"
                )
            if value not in builtin().packs:
                raise _unknown_pack(value, here)
            values[key] = value
        elif key == "outline":
            values[key] = str(_path(value, folder, tree, here))
        elif key in ("select", "ignore"):
            values[key] = _selectors(value, here)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{here}: must map globs to {_SELECTORS.en}", f"{here}: 应是通配符到{_SELECTORS.zh}的映射")
            values[key] = {
                str(pattern): (_glob(folder, str(pattern), here), _selectors(codes, f"{here}.{pattern}"))
                for pattern, codes in value.items()
            }
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(
                    f"{here}: must map rule codes or names to a severity or options",
                    f"{here}: 应是规则代码或名称到严重级别或选项的映射",
                )
            values[key] = dict(_rule_config(rule, options, here) for rule, options in value.items())
        elif key == "report-year":
            if not isinstance(value, int) or isinstance(value, bool) or not 1949 <= value <= 2100:
                raise ConfigError(f"{here}: must be a year like 2024", f"{here}: 应是年份，如 2024")
            values[key] = value
        elif key == "lang":
            if value not in LANGS:
                hint = did_you_mean(str(value), LANGS)
                raise ConfigError(
                    f"{here}: must be one of {', '.join(LANGS)}{hint.en}", f"{here}: 应是 {'、'.join(LANGS)} 之一{hint.zh}"
                )
            values[key] = value
        elif key == "exclude":
            patterns = _string_list([value] if isinstance(value, str) else value, here, _GLOBS)
            values[key] = tuple(_glob(folder, pattern, here) for pattern in patterns)
        elif key == "lexicons":
            values[key] = _lexicon_paths(value, folder, tree, here)
        elif key in ("figure-placeholders", "name-placeholders"):
            if not isinstance(value, list):
                raise ConfigError(f"{here}: must be a list of regular expressions", f"{here}: 应是正则表达式的列表")
            values[key] = tuple(check_user_pattern(p, f"{here}[{i}]") for i, p in enumerate(value))
        elif key == "ignore-text":
            values[key] = _text_ignores(value, here)
        elif key == "review":
            if not isinstance(value, bool):
                raise ConfigError(
                    f"{here}: must be true or false (false turns the reviewers' rules SF8xx off)",
                    f"{here}: 应是 true 或 false（false 关闭审阅规则 SF8xx）",
                )
            values[key] = value
    return values


# --- layering --------------------------------------------------------------------------------------


class Config(NamedTuple):
    """The merged values of a configuration file and everything it extends (base first)."""

    values: dict[str, Any]
    sources: tuple[str, ...] = ()

    def over(self, base: "Config") -> "Config":
        merged = dict(base.values)
        for key, value in self.values.items():
            if key in _MERGED_PER_ENTRY and key in merged:
                entries = dict(merged[key])
                for entry, setting in value.items():
                    if key == "rules":
                        setting = {**entries.get(entry, {}), **setting}
                    entries[entry] = setting
                merged[key] = entries
            else:
                merged[key] = value
        return Config(merged, base.sources + self.sources)


EMPTY = Config({})


class Overrides(NamedTuple):
    """What the command line states; each set field beats the configuration files."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()  # added to the configured ignores
    pack: str | None = None
    outline: str | None = None
    lang: str | None = None


class FileConfig(NamedTuple):
    """The effective configuration of one input file."""

    path: str
    settings: Settings
    lexicon: Lexicon
    excluded: bool
    sources: tuple[str, ...]
    config: Config

    def describe(self) -> str:
        """The effective configuration as YAML (``--print-config``)."""
        settings, values = self.settings, self.config.values
        rules = {
            code: {**({"severity": settings.severity[code]} if code in settings.severity else {}),
                   **{key.replace("_", "-"): value for key, value in settings.rule_options.get(code, {}).items()}}
            for code in sorted({*settings.severity, *settings.rule_options})
        }
        data = {
            "file": self.path,
            "config-files": list(self.sources),
            "excluded": self.excluded,
            "pack": settings.pack or "(recognised from each document)",
            "outline": settings.outline,
            "select": list(settings.select or ("ALL",)),
            "ignore": list(settings.ignore),
            "rules": rules,
            "report-year": settings.report_year,
            "review": values.get("review", True),
            "lang": settings.lang,
            "exclude": [glob.pattern for glob in values.get("exclude", ())],
            "lexicons": {table: [str(p) for p in paths] for table, paths in values.get("lexicons", {}).items()},
            "figure-placeholders": list(values.get("figure-placeholders", ())),
            "name-placeholders": list(values.get("name-placeholders", ())),
            "ignore-text": [{"code": list(entry.selectors), "text": entry.text} for entry in settings.ignore_text],
        }
        import yaml  # here: only --show-config writes YAML

        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def _merge_table(base: Any, extra: Any, where: str) -> Any:
    """A user lexicon over a built-in table: mappings merge by key, lists extend, scalars replace."""
    if base is None:
        return extra
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge_table(base.get(key), value, f"{where}: {key}")
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    if isinstance(base, (dict, list)) or isinstance(extra, (dict, list)):
        kind = (
            Message("映射", "mapping") if isinstance(base, dict)
            else Message("列表", "list") if isinstance(base, list)
            else Message("单个值", "single value")
        )
        raise ConfigError(f"{where}: must be a {kind.en}, as in the built-in lexicon", f"{where}: 应与内置词表一样是{kind.zh}")
    return extra


def _build_lexicon(values: dict[str, Any]) -> Lexicon:
    base = builtin()
    figure, names = values.get("figure-placeholders", ()), values.get("name-placeholders", ())
    if not values.get("lexicons") and not figure and not names:
        return base
    tables = copy.deepcopy(base.tables)
    for table, paths in values.get("lexicons", {}).items():
        for path in paths:
            try:
                data = load_yaml(path)
            except RuleDataError as error:
                raise ConfigError.of(error) from None
            check_lexicon_patterns(data, _display(path))
            tables[table] = _merge_table(tables.get(table), data, str(path))
    placeholders = tables.setdefault(_PLACEHOLDER_TABLE, {})
    if figure:
        placeholders["placeholder"] = "|".join(f"(?:{p})" for p in (placeholders.get("placeholder"), *figure) if p)
    if names:
        placeholders["name_placeholders"] = [*placeholders.get("name_placeholders", []), *names]
    return Lexicon(packs=base.packs, tables=tables)


def _resolve_folder(folder: str) -> Path:
    try:
        return Path(folder).resolve()
    except (OSError, RuntimeError):  # a symlink loop among the folders: globs still see the plain path
        return Path(folder)


class ConfigResolver:
    """Finds, loads and caches configurations; ``for_path`` gives a file its effective ``FileConfig``."""

    def __init__(
        self, overrides: Overrides = Overrides(), config_file: str | None = None, allow_outside_paths: bool = False
    ):
        self.overrides = overrides
        self.allow_outside_paths = allow_outside_paths
        self._files: dict[Path, Config] = {}
        self._folders: dict[Path, Config] = {}
        self._lexicons: dict[int, Lexicon] = {}
        self._resolved: dict[str, Path] = {}  # folder as given -> resolved (a walk meets each folder often)
        if overrides.pack and overrides.pack not in builtin().packs:
            packs = builtin().packs
            raise ConfigError(
                f"--pack: unknown pack {overrides.pack!r}{did_you_mean(overrides.pack, packs).en}",
                f"--pack：没有报告类型“{overrides.pack}”（可选：{'、'.join(packs)}）",
            )
        for selector in (*overrides.select, *overrides.ignore):
            check_selector(selector, "--select/--ignore")
        self._explicit = self._load(Path(config_file).resolve()) if config_file else None

    def _absolute(self, path: str) -> Path:
        """``path`` made absolute through a resolved folder; the file itself may be a broken or looping link."""
        folder, name = os.path.split(os.path.abspath(path))
        if folder not in self._resolved:
            self._resolved[folder] = _resolve_folder(folder)
        return self._resolved[folder] / name

    def for_path(self, path: str) -> FileConfig:
        file = self._absolute("-" if path == "-" else path)
        config = self._explicit or self._discover(file if file.is_dir() else file.parent)
        excluded = path != "-" and any(glob.matches(file) for glob in config.values.get("exclude", ()))
        lexicon = self._lexicons.get(id(config))
        if lexicon is None:
            lexicon = self._lexicons[id(config)] = _build_lexicon(config.values)
        return FileConfig(path, self._settings(config, file), lexicon, excluded, config.sources, config)

    def _settings(self, config: Config, file: Path) -> Settings:
        values, cli = config.values, self.overrides
        per_file = tuple(
            selector
            for glob, selectors in values.get("per-file-ignores", {}).values()
            if glob.matches(file)
            for selector in selectors
        )
        rules = values.get("rules", {})
        return Settings(
            select=cli.select or values.get("select", ()),
            ignore=(*values.get("ignore", ()), *per_file, *cli.ignore, *(() if values.get("review", True) else (REVIEW_FAMILY,))),
            lang=cli.lang or values.get("lang", "zh"),
            pack=cli.pack or values.get("pack"),
            outline=cli.outline or values.get("outline"),
            severity={code: rule["severity"] for code, rule in rules.items() if "severity" in rule},
            rule_options={
                code: options
                for code, rule in rules.items()
                if (options := {key: value for key, value in rule.items() if key != "severity"})
            },
            report_year=values.get("report-year"),
            ignore_text=values.get("ignore-text", ()),
        )

    def _discover(self, folder: Path) -> Config:
        if folder in self._folders:
            return self._folders[folder]
        found = next((self._load(folder / name) for name in CONFIG_NAMES if (folder / name).is_file()), None)
        if found is None and (folder / PYPROJECT).is_file() and _read_pyproject(folder / PYPROJECT) is not None:
            found = self._load(folder / PYPROJECT)
        if found is None:
            at_root = (folder / ".git").exists() or folder.parent == folder
            found = EMPTY if at_root else self._discover(folder.parent)
        self._folders[folder] = found
        return found

    def _load(self, path: Path, chain: tuple[Path, ...] = ()) -> Config:
        if path in chain:
            through = " -> ".join(map(str, chain))
            raise ConfigError(f"{path}: extends itself through {through}", f"{path}: 经 {through} 循环继承（extends）了自身")
        if path in self._files:
            return self._files[path]
        raw, where = _read_raw(path)
        tree = None if self.allow_outside_paths else _tree_of(path)
        values = _parse(raw, where, path.parent, tree)
        config = EMPTY
        for base in values.pop("extends", ()):
            config = self._base(base, path, tree, chain, where).over(config)
        config = Config(values, (str(path),)).over(config)
        self._files[path] = config
        return config

    def _base(self, name: str, path: Path, tree: Path | None, chain: tuple[Path, ...], where: str) -> Config:
        packs = builtin().packs
        pack = name.removeprefix(BUILTIN_PREFIX)
        if name.startswith(BUILTIN_PREFIX) or (pack in packs and not (path.parent / name).exists()):
            if pack not in packs:
                raise _unknown_pack(pack, f"{where}: extends")
            return Config({"pack": pack}, (f"{BUILTIN_PREFIX}{pack}",))
        candidate = _inside(name, path.parent, tree, f"{where}: extends")
        if not candidate.is_file():
            hint = did_you_mean(name, packs)
            raise ConfigError(
                f"{where}: extends: {name!r} is neither a built-in pack nor a file{hint.en}",
                f"{where}: extends: “{name}”既不是内置报告类型，也不是文件{hint.zh}",
            )
        return self._load(candidate, chain + (path,))
