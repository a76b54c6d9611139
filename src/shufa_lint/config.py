"""Configuration: ``.shufa-lint.yaml``, ``[tool.shufa-lint]`` or ``-c FILE``, resolved into per-file ``Settings``.

One precedence path: command-line flags > the configuration file > built-in defaults. A file's
configuration is the nearest ``.shufa-lint.yaml`` (or ``.shufa-lint.yml``, or a ``pyproject.toml`` with a
``[tool.shufa-lint]`` table) found from the file's folder upward; the search stops at the repository root
(a folder holding ``.git``) or the filesystem root. ``-c FILE`` replaces discovery. ``extends`` layers a
built-in pack or another configuration file underneath: a key in the extending file replaces the base's
value, except the mappings ``rules``, ``per-file-ignores`` and ``lexicons``, which merge entry by entry.

Every key is validated on load: a mistake raises ``ConfigError`` (the CLI exits 2) naming the file, the
key and the closest valid spelling. Paths and globs are relative to the file that states them.
"""

from __future__ import annotations

import copy
import difflib
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from .diagnostics import InputError, Severity
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
    """A configuration file that cannot be used: unknown key, wrong type, bad path or unsafe pattern.
    ``zh``: the same in Chinese, for what a user types on the command line (files' errors stay English)."""

    def __init__(self, message: str, zh: str | None = None):
        super().__init__(message)
        self.zh = zh


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


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
        raise ConfigError(f"{where}: invalid glob {pattern!r}: {error}") from None
    return glob


# --- regular expressions from users ------------------------------------------------------------------

def check_user_pattern(pattern: Any, where: str) -> str:
    """A user's regular expression, or ``ConfigError`` if it is invalid or may backtrack catastrophically."""
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(f"{where}: a pattern must be a non-empty string")
    if len(pattern) > _MAX_PATTERN_LENGTH:
        raise ConfigError(f"{where}: pattern longer than {_MAX_PATTERN_LENGTH} characters")
    try:
        # as the rules will use it: one alternative among others, where a global flag such as (?i) fails
        compile_pattern(f"(?:{pattern})", where)
    except RuleDataError as error:
        raise ConfigError(str(error).replace(f"(?:{pattern})", pattern)) from None
    _refuse_backtracking(pattern, where)
    return pattern


def _refuse_backtracking(pattern: str, where: str) -> None:
    """The one safety check of every user pattern: the analysis of its shape, then a timed probe."""
    risk = backtracking_risk(pattern)
    if risk is None and (slow_on := too_slow_on_probes(pattern)):
        risk = f"took over {PROBE_CPU_SECONDS:g} s of CPU to search {slow_on}"
    if risk:
        raise ConfigError(
            f"{where}: unsafe regular expression {pattern!r}: it {risk}, which can take hours "
            f"on a long line; write the repeated part so that each character can match only one way"
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


def _read_pyproject(path: Path) -> dict | None:
    try:
        raw = read_regular_file(str(path), MAX_YAML_BYTES)
    except InputError as error:
        raise ConfigError(str(error)) from None
    if PYPROJECT_TABLE.encode() not in raw:
        return None  # a project's file with no table of ours: nothing to parse, no TOML reader to import
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
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
            raise ConfigError(f"{path}: no [tool.{PYPROJECT_TABLE}] table")
    else:
        where = _display(path)
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        try:
            raw = load_yaml(where)
        except RuleDataError as error:
            raise ConfigError(str(error)) from None
        raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: the configuration must be a mapping of keys ({', '.join(KEYS)})")
    return raw, where


def _string_list(value: Any, where: str, what: str) -> tuple[str, ...]:
    """A list of strings; a single string may be comma-separated."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value)
    raise ConfigError(f"{where}: must be a list of {what}")


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
    choices = [*rules, *(rule.name for rule in rules.values())]
    raise ConfigError(f"{where}: unknown rule {selector!r}{did_you_mean(selector, choices)}")


def _selectors(value: Any, where: str) -> tuple[str, ...]:
    selectors = _string_list(value, where, "rule codes, prefixes or names")
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


def _rule_config(key: Any, value: Any, where: str) -> tuple[str, dict[str, Any]]:
    from .registry import find_rule

    rules = _rules_by_key()
    rule = find_rule(key) if isinstance(key, str) else None
    if rule is None:
        choices = [*rules, *(r.name for r in rules.values())]
        raise ConfigError(f"{where}: unknown rule {key!r}{did_you_mean(str(key), choices)}")
    here = f"{where}.{key}"
    if isinstance(value, str):
        value = {"severity": value}
    if not isinstance(value, dict):
        raise ConfigError(f"{here}: must be a severity (error, warning, info) or a mapping of options")
    settings: dict[str, Any] = {}
    for option, option_value in value.items():
        name = str(option).replace("-", "_")
        if name == "severity":
            try:
                settings["severity"] = Severity.parse(str(option_value)).label
            except ValueError as error:
                raise ConfigError(f"{here}.severity: {error}") from None
        elif name in rule.defaults:
            if not _option_fits(rule.defaults[name], option_value):
                kind = type(rule.defaults[name]).__name__
                raise ConfigError(f"{here}.{option}: must be of type {kind}, like its default {rule.defaults[name]!r}")
            settings[name] = option_value
        else:
            known = ["severity", *(key.replace("_", "-") for key in rule.defaults)]
            raise ConfigError(
                f"{here}: unknown option {option!r}{did_you_mean(str(option).replace('_', '-'), known)}"
                f" ({rule.code} takes: {', '.join(known)})"
            )
    return rule.code, settings


def _text_ignores(value: Any, where: str) -> tuple[TextIgnore, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: must be a list of {{code: …, text: …}} entries")
    entries = []
    for index, item in enumerate(value):
        here = f"{where}[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{here}: must be a mapping with 'code' and 'text'")
        for key in item:
            if key not in ("code", "text"):
                raise ConfigError(f"{here}: unknown key {key!r}{did_you_mean(str(key), ('code', 'text'))}")
        if "code" not in item or "text" not in item:
            raise ConfigError(f"{here}: needs both 'code' (the rules to silence) and 'text' (the words it is about)")
        text = item["text"]
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(f"{here}.text: must be non-empty text")
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
            f"(--allow-outside-paths permits it)"
        )
    path = (folder / expanded).resolve()
    if tree is not None and not path.is_relative_to(tree):
        raise ConfigError(f"{where}: {value!r} leads outside {tree} (--allow-outside-paths permits it)")
    return path


def _path(value: Any, folder: Path, tree: Path | None, where: str) -> Path:
    if not isinstance(value, str) or not value or "\0" in value:
        raise ConfigError(f"{where}: must be a path" + (" (without a NUL character)" if "\0" in str(value) else ""))
    path = _inside(value, folder, tree, where)
    if not path.is_file():
        raise ConfigError(f"{where}: file not found: {path}")
    return path


def _lexicon_paths(value: Any, folder: Path, tree: Path | None, where: str) -> dict[str, tuple[Path, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must map a lexicon table ({', '.join(builtin().tables)}) to YAML files")
    tables = {}
    for table, paths in value.items():
        if table not in builtin().tables:
            raise ConfigError(
                f"{where}: unknown lexicon table {table!r}{did_you_mean(str(table), builtin().tables)}"
                f" (known: {', '.join(builtin().tables)})"
            )
        files = _string_list([paths] if isinstance(paths, str) else paths, f"{where}.{table}", "YAML file paths")
        tables[table] = tuple(_path(path, folder, tree, f"{where}.{table}") for path in files)
    return tables


def _parse(raw: dict, where: str, folder: Path, tree: Path | None) -> dict[str, Any]:
    """Validate one file's keys into normalised values: absolute paths (inside ``tree`` unless it is
    None), anchored globs, rule codes."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        here = f"{where}: {key}"
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{did_you_mean(str(key), KEYS)}")
        if key == "extends":
            values[key] = _string_list([value] if isinstance(value, str) else value, here, "packs or config paths")
            if any("\0" in name for name in values[key]):
                raise ConfigError(f"{here}: a path cannot contain a NUL character")
        elif key == "pack":
            if not isinstance(value, str):
                raise ConfigError(f"{here}: must be one pack name ({', '.join(builtin().packs)})")
            if value not in builtin().packs:
                raise ConfigError(f"{here}: unknown pack {value!r}{did_you_mean(str(value), builtin().packs)}")
            values[key] = value
        elif key == "outline":
            values[key] = str(_path(value, folder, tree, here))
        elif key in ("select", "ignore"):
            values[key] = _selectors(value, here)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{here}: must map globs to rule codes, prefixes or names")
            values[key] = {
                str(pattern): (_glob(folder, str(pattern), here), _selectors(codes, f"{here}.{pattern}"))
                for pattern, codes in value.items()
            }
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{here}: must map rule codes or names to a severity or options")
            values[key] = dict(_rule_config(rule, options, here) for rule, options in value.items())
        elif key == "report-year":
            if not isinstance(value, int) or isinstance(value, bool) or not 1949 <= value <= 2100:
                raise ConfigError(f"{here}: must be a year like 2024")
            values[key] = value
        elif key == "lang":
            if value not in LANGS:
                raise ConfigError(f"{here}: must be one of {', '.join(LANGS)}{did_you_mean(str(value), LANGS)}")
            values[key] = value
        elif key == "exclude":
            patterns = _string_list([value] if isinstance(value, str) else value, here, "globs")
            values[key] = tuple(_glob(folder, pattern, here) for pattern in patterns)
        elif key == "lexicons":
            values[key] = _lexicon_paths(value, folder, tree, here)
        elif key in ("figure-placeholders", "name-placeholders"):
            if not isinstance(value, list):
                raise ConfigError(f"{here}: must be a list of regular expressions")
            values[key] = tuple(check_user_pattern(p, f"{here}[{i}]") for i, p in enumerate(value))
        elif key == "ignore-text":
            values[key] = _text_ignores(value, here)
        elif key == "review":
            if not isinstance(value, bool):
                raise ConfigError(f"{here}: must be true or false (false turns the reviewers' rules SF8xx off)")
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
        kind = "mapping" if isinstance(base, dict) else "list" if isinstance(base, list) else "single value"
        raise ConfigError(f"{where}: must be a {kind}, as in the built-in lexicon")
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
                raise ConfigError(str(error)) from None
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
                f"--pack: unknown pack {overrides.pack!r}{did_you_mean(overrides.pack, packs)}",
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
            raise ConfigError(f"{path}: extends itself through {' -> '.join(map(str, chain))}")
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
                raise ConfigError(f"{where}: extends: unknown pack {pack!r}{did_you_mean(pack, packs)}")
            return Config({"pack": pack}, (f"{BUILTIN_PREFIX}{pack}",))
        candidate = _inside(name, path.parent, tree, f"{where}: extends")
        if not candidate.is_file():
            raise ConfigError(
                f"{where}: extends: {name!r} is neither a built-in pack nor a file{did_you_mean(name, packs)}"
            )
        return self._load(candidate, chain + (path,))
