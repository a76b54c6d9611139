"""Rules and their registry.

A rule is a class with a code (SF101), a kebab-case name, a default severity and a docstring that says
what it catches, why, an example and the fix (``shufa-lint --explain CODE --lang en`` prints it; the
same in Chinese, printed by default, is ``rules/docs/zh.yaml``). ``check`` reads the ``Document`` and
yields diagnostics built with ``report``; rules never read files or parse text.
"""

import importlib
import re
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Mapping, NamedTuple

from . import regexes
from .diagnostics import Diagnostic, Fix, Message, Severity

if TYPE_CHECKING:
    from .document import Document
    from .document.paragraphs import Paragraph
    from .lexicon import Lexicon, Pack

CHECK_MODULES = ("suppressions", "sections", "numbering", "figures", "redactions", "terms", "outline", "integrity", "punctuation", "numbers", "years", "review")


class Context(NamedTuple):
    """What a rule may consult besides the document: its options, the report pack and the lexicon."""

    lexicon: "Lexicon"
    pack: "Pack | None"  # None: the document's type is not recognised, no structure is required
    options: Mapping[str, Any]  # the rule's options: its defaults, then the configuration's


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    # Option names and defaults; configuration may override them per rule.
    defaults: ClassVar[dict[str, Any]] = {}
    # Whether the rule needs word segmentation (jieba); lets a run skip loading it.
    needs_segmentation: ClassVar[bool] = False
    # Whether the rule reads a draft's prose; those are skipped for a file that is not a report
    reads_prose: ClassVar[bool] = True

    def __init__(self, path: str = ""):
        self.path = path  # the file findings are reported against

    def check(self, document: "Document", context: Context) -> Iterable[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def explanation(cls, lang: str = "en") -> str:
        """What the rule catches, why, an example and the fix: the docstring, or its Chinese in
        ``rules/docs/zh.yaml`` (reST-style, as written)."""
        if lang == "zh" and cls.code in chinese_docs():
            return chinese_docs()[cls.code].strip()
        import inspect  # here: a lint run never reads the docs, and inspect imports ast, dis, tokenize …

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls, lang: str = "en") -> str:
        explanation = cls.explanation(lang)
        return explanation.splitlines()[0] if explanation else cls.name

    def report(
        self,
        start: tuple[int, int],
        end: tuple[int, int],
        zh: str,
        en: str,
        suggestions: Iterable[tuple[str, str]] = (),
        fix: Fix | None = None,
    ) -> Diagnostic:
        """A diagnostic of this rule from ``start`` to ``end`` (1-based (line, column), end exclusive)."""
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=self.severity,
            line=start[0],
            column=start[1],
            end_line=end[0],
            end_column=end[1],
            message=Message(zh, en),
            suggestions=tuple([Message(s_zh, s_en) for s_zh, s_en in suggestions]),
            path=self.path,
            fix=fix,
        )

    def report_text(self, paragraph: "Paragraph", start: int, end: int, zh: str, en: str, **details) -> Diagnostic:
        """``report`` for the characters ``start``–``end`` (offsets, end exclusive) of a paragraph's text."""
        return self.report(paragraph.position(start), paragraph.position(end), zh, en, **details)

    def report_replacement(
        self, paragraph: "Paragraph", found: re.Match, written: str, zh: str, en: str, safe: bool | None = None
    ) -> Diagnostic:
        """``report_text`` for a match that should read ``written``: the suggestion to write it and, unless
        ``safe`` is None, a fix that writes it. A match broken over two lines gets no fix: the line join
        (SF601) comes first, and a replacement across the break would remove it."""
        start, end = paragraph.position(found.start()), paragraph.position(found.end())
        fix = Fix.replacing(start, end, written, safe) if safe is not None and start[0] == end[0] else None
        return self.report(start, end, zh, en, suggestions=[(f"改为“{written}”", f"write {written}")], fix=fix)


@cache
def chinese_docs() -> dict[str, str]:
    """Each rule's documentation in Chinese, by code."""
    from .lexicon import RuleDataError, load_yaml, rules_dir

    path = rules_dir() / "docs" / "zh.yaml"
    docs = load_yaml(path)
    if not isinstance(docs, dict) or not all(isinstance(text, str) for text in docs.values()):
        raise RuleDataError(f"{path}: expected a mapping of rule codes to text")
    return docs


_LITERAL = regexes.compile(r"``(.+?)``")
_LITERAL_BLOCK = regexes.compile(r"::$", re.M)


def for_terminal(doc: str) -> str:
    """reST-style documentation as plain text: ````x```` is x and ``Example::`` is ``Example:``."""
    return _LITERAL_BLOCK.sub(":", _LITERAL.sub(r"\1", doc))


_RULES: dict[str, type[Rule]] = {}


_ALL_RULES: dict[str, type[Rule]] | None = None  # all_rules() once every check module is imported


def register(rule: type[Rule]) -> type[Rule]:
    global _ALL_RULES
    if rule.code in _RULES:
        raise ValueError(f"rule code {rule.code} registered twice")
    _RULES[rule.code] = rule
    _ALL_RULES = None
    selected.cache_clear()
    return rule


def all_rules() -> dict[str, type[Rule]]:
    """Every rule, by code, in code order (importing the check modules on first use). Shared: do not
    change the dictionary returned."""
    global _ALL_RULES
    if _ALL_RULES is None:
        # importing a check module on its own (a test, a plugin) must not hide the others. import_module,
        # not a look in sys.modules: a module another thread is still importing is listed there before its
        # rules are registered, and import_module waits for it (the web server lints in several threads).
        for module in CHECK_MODULES:
            importlib.import_module(f"{__package__}.checks.{module}")
        _ALL_RULES = dict(sorted(_RULES.items()))
    return _ALL_RULES


def find_rule(key: str) -> type[Rule] | None:
    """A rule by code (SF401) or name (redacted-term), case-insensitively."""
    key = key.strip()
    for code, rule in all_rules().items():
        if key.upper() == code or key.lower() == rule.name:
            return rule
    return None


def matches_selector(rule: type[Rule], selector: str) -> bool:
    """``SF4``, ``SF401``, ``redacted-term`` or ``ALL``."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    return rule.code.startswith(selector.upper()) or rule.name == selector.lower()


def iter_selected(select: Iterable[str], ignore: Iterable[str]) -> Iterator[type[Rule]]:
    select, ignore = list(select) or ["ALL"], list(ignore)
    for rule in all_rules().values():
        if any(matches_selector(rule, s) for s in select) and not any(matches_selector(rule, i) for i in ignore):
            yield rule


@cache
def selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[type[Rule], ...]:
    """The rules a selection names, worked out once per selection (a folder run asks for every file)."""
    return tuple(iter_selected(select, ignore))
