"""Run the selected rules over one document and return its diagnostics in file coordinates."""

from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple

from . import suppress
from .diagnostics import Diagnostic, Edit, Severity
from .document import Document, build_document
from .document.report_type import chosen, recognise
from .lexicon import Lexicon, Pack, builtin
from .registry import Context, Rule, selected
from .settings import Settings
from .source import SourceText

if TYPE_CHECKING:
    from .structure import ReportStructure


def selected_rules(settings: Settings) -> tuple[type[Rule], ...]:
    return selected(tuple(settings.select), tuple(settings.ignore))


def prepare(source: SourceText, settings: Settings, lexicon: Lexicon | None = None) -> Document:
    """The document model of ``source`` with its outline and the report type it is checked as
    (``document.report_type``, which front ends show)."""
    document = build_document(source)
    if settings.outline:
        # imported here, as below: most drafts carry their outline or have none
        from .outline_file import load_outline

        document = document.with_outline(load_outline(settings.outline))
    return with_report_type(document, settings, lexicon or builtin())


def resolve(document: Document, settings: Settings, lexicon: Lexicon) -> tuple[Document, Pack | None]:
    """The document with its report type, held to its type's outline, and that type's pack (None: a
    document of no known type, whose structure is not checked)."""
    document = with_report_type(document, settings, lexicon)
    pack = document.report_type.pack
    if document.outline is None and pack is not None and pack.outline:
        from .outline_file import load_outline

        document = document.with_outline(load_outline(pack.outline))
    return document, pack


def lint_document(document: Document, settings: Settings, lexicon: Lexicon | None = None) -> list[Diagnostic]:
    lexicon = lexicon or builtin()
    return _lint_resolved(*resolve(document, settings, lexicon), settings, lexicon)


def review_source(
    source: SourceText, settings: Settings, lexicon: Lexicon | None = None
) -> "tuple[list[Diagnostic], ReportStructure]":
    """The findings and the structure (report type, sections, outline coverage) of one input."""
    # imported here: only the HTML view and the local page show the structure
    from .structure import summarize

    lexicon = lexicon or builtin()
    document, pack = resolve(prepare(source, settings, lexicon), settings, lexicon)
    diagnostics = _lint_resolved(document, pack, settings, lexicon)
    return diagnostics, summarize(document, pack, settings.report_year or document.report_year)


class _Plan(NamedTuple):
    """A selected rule with its options and severity override under one run's settings."""

    rule_class: type[Rule]
    options: Mapping[str, Any]  # read-only: every file of the run shares it
    severity: Severity | None


_last_plan: tuple[Settings, tuple[_Plan, ...]] | None = None


def _plan(settings: Settings) -> tuple[_Plan, ...]:
    """The selected rules with their options and severities, worked out once for the settings a run
    checks every file with (not once per file; the options are read-only, as rules only read them)."""
    global _last_plan
    last = _last_plan
    if last is not None and last[0] is settings:
        return last[1]
    overrides = {key: Severity.parse(value) for key, value in settings.severity.items()}
    plan = []
    for rule_class in selected_rules(settings):
        options = {**rule_class.defaults, **settings.rule_options.get(rule_class.code, {})}
        if settings.report_year is not None:
            options.setdefault("report_year", settings.report_year)
        severity = overrides.get(rule_class.code, overrides.get(rule_class.name))
        plan.append(_Plan(rule_class, MappingProxyType(options), severity))
    _last_plan = (settings, tuple(plan))
    return _last_plan[1]


def _lint_resolved(document: Document, pack: Pack | None, settings: Settings, lexicon: Lexicon) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule_class, options, severity in _plan(settings):
        if not document.report_type.is_report and rule_class.reads_prose:
            continue  # an English README or requirements.txt in a drafts folder is not a draft
        rule = rule_class(document.source.path)
        for diagnostic in rule.check(document, Context(lexicon=lexicon, pack=pack, options=options)):
            if severity is not None:
                diagnostic = diagnostic.with_location(severity=severity)
            found.append(diagnostic)
    found = suppress.apply(found, document.source, settings)
    if document.source.origins:  # lines that do not map one-to-one onto the file (Markdown, .docx)
        found = [_to_file_coordinates(d, document.source) for d in found]
    unique = {(d.code, d.line, d.column, d.end_line, d.end_column, d.message): d for d in found}
    return sorted(unique.values(), key=lambda d: d.sort_key)


def with_report_type(document: Document, settings: Settings, lexicon: Lexicon) -> Document:
    """The document with the type it is checked as: the configured pack, else the one it reads as."""
    if document.report_type is not None:
        return document
    if settings.pack:
        return document.with_report_type(chosen(lexicon.packs[settings.pack]))
    return document.with_report_type(recognise(document, lexicon.packs.values()))


def lint_source(source: SourceText, settings: Settings, lexicon: Lexicon | None = None) -> list[Diagnostic]:
    return lint_document(prepare(source, settings, lexicon), settings, lexicon)


def _to_file_coordinates(diagnostic: Diagnostic, source: SourceText) -> Diagnostic:
    line, column = source.locate(diagnostic.line, diagnostic.column)
    end_line, end_column = source.locate(diagnostic.end_line, diagnostic.end_column)
    fix = diagnostic.fix
    if fix is not None:
        located = [source.locate_edit(*edit[:4]) for edit in fix.edits]
        # a fix that would also cover markup in the file (an image, a link's brackets) is not offered
        fix = None if None in located else fix._replace(
            edits=tuple(Edit(*where, edit.content) for where, edit in zip(located, fix.edits))
        )
    return diagnostic.with_location(line=line, column=column, end_line=end_line, end_column=end_column, fix=fix)
