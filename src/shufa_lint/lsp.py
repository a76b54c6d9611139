"""``shufa-lint lsp``: a language server over stdio, so editors mark findings while one types.

It sits on top of the engine like the CLI: an open document becomes a ``SourceText`` through the same
reader the CLI uses, is linted with the configuration the CLI would find for that path, and its findings
become LSP diagnostics. The lexicon and the compiled patterns stay warm between changes, so a re-lint of
the seed takes a few milliseconds; changes are debounced per document and a document is never linted
twice at once, so fast typing never queues work.

Positions: shufa-lint counts code points on lines split at CR, LF and CRLF only; the client counts in
the position encoding negotiated at ``initialize`` (UTF-16 code units unless it offers UTF-8 or UTF-32),
so every position is converted both ways here.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import NamedTuple
from urllib.parse import unquote, urlparse

import click
from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from . import __version__
from .diagnostics import Diagnostic, Edit, InputError, Severity
from .lexicon import RuleDataError
from .source import SourceText, split_lines
from .source.reader import MARKDOWN_SUFFIXES, text_source

log = logging.getLogger(__name__)

SERVER_NAME = "shufa-lint"
LINTED_LANGUAGE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
CONFIG_FILE_NAMES = (".shufa-lint.yaml", ".shufa-lint.yml", "pyproject.toml")
FIX_ALL_KIND = "source.fixAll.shufa-lint"
# Long enough to absorb a burst of keystrokes, short enough that findings follow within 100 ms.
DEBOUNCE_SECONDS = 0.04

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def uri_to_path(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


class ClientOptions(NamedTuple):
    """What the editor may set (``initializationOptions``): the same choices as the CLI's flags."""

    pack: str | None = None
    outline: str | None = None  # relative to the workspace root, as --outline is to the current folder
    lang: str | None = None

    @classmethod
    def parse(cls, raw, root: str | None) -> "ClientOptions":
        raw = raw if isinstance(raw, dict) else {}
        outline = raw.get("outline") or None
        if outline and root and not os.path.isabs(outline):
            outline = os.path.join(root, outline)
        return cls(pack=raw.get("pack") or None, outline=outline, lang=raw.get("lang") or None)


class ColumnCodec:
    """Converts code-point columns on shufa-lint's lines to the client's position units and back."""

    def __init__(self, encoding: str):
        self.encoding = encoding

    def units(self, text: str) -> int:
        if self.encoding == lsp.PositionEncodingKind.Utf32:
            return len(text)
        if self.encoding == lsp.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8"))
        return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)

    def to_client(self, lines: list[str], line: int, column: int) -> lsp.Position:
        """1-based (line, code-point column) → 0-based LSP position."""
        if line > len(lines):  # just past the last line (a finding at the end of the document)
            return lsp.Position(line=len(lines), character=0)
        text = lines[line - 1] if line >= 1 else ""
        return lsp.Position(line=max(line - 1, 0), character=self.units(text[: max(column - 1, 0)]))

    def from_client(self, lines: list[str], position: lsp.Position) -> tuple[int, int]:
        """0-based LSP position → 1-based (line, code-point column)."""
        if position.line >= len(lines):
            return len(lines) + 1, 1
        text, seen = lines[position.line], 0
        for index, char in enumerate(text):
            if seen >= position.character:
                return position.line + 1, index + 1
            seen += self.units(char)
        return position.line + 1, len(text) + 1


class ShufaLanguageServer(LanguageServer):
    def __init__(self):
        super().__init__(SERVER_NAME, __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.options = ClientOptions()
        self.root: str | None = None
        self._resolver = None
        self._findings: dict[str, tuple[SourceText, list[Diagnostic]]] = {}
        self._pending: dict[str, asyncio.Task] = {}
        self._running: set[str] = set()
        self._again: set[str] = set()

    # --- configuration ---------------------------------------------------------------------------

    @property
    def resolver(self):
        if self._resolver is None:
            from .config import ConfigResolver, Overrides

            overrides = Overrides(pack=self.options.pack, outline=self.options.outline, lang=self.options.lang)
            self._resolver = ConfigResolver(overrides)
        return self._resolver

    def reload_configuration(self) -> None:
        """Forget every loaded configuration (a config or outline file changed) and re-lint open documents."""
        self._resolver = None
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    # --- linting ---------------------------------------------------------------------------------

    def lint_text(self, path: str, text: str) -> tuple[SourceText, list[Diagnostic]]:
        """Lint one document's current text as the CLI would lint the file at ``path``."""
        from .engine import lint_source

        config = self.resolver.for_path(path)
        source = text_source(path, text, bom=False)  # the buffer as the editor holds it, U+FEFF and all
        if config.excluded:
            return source, []
        return source, lint_source(source, config.settings, config.lexicon)

    def language(self, path: str) -> str:
        return self.options.lang or self.resolver.for_path(path).settings.lang

    def said(self, error: Exception, path: str) -> str:
        """Why ``path`` could not be linted, in its language: the editor's, else its configuration's, else
        Chinese when that configuration is what failed (as the CLI says it)."""
        if not isinstance(error, (InputError, RuleDataError)):
            return str(error)
        try:
            lang = self.language(path)
        except (InputError, RuleDataError):
            lang = "zh"
        return error.message.get(lang)

    def schedule(self, uri: str) -> None:
        """Lint ``uri`` after a short quiet spell; a later change restarts the wait."""
        if not uri_to_path(uri).lower().endswith(LINTED_LANGUAGE_SUFFIXES):
            return
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri))

    async def _lint_later(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        self._pending.pop(uri, None)
        if uri in self._running:  # the running lint publishes, then lints once more with the newest text
            self._again.add(uri)
            return
        self._running.add(uri)
        try:
            await self._lint_and_publish(uri)
            while uri in self._again:
                self._again.discard(uri)
                await self._lint_and_publish(uri)
        finally:
            self._running.discard(uri)

    async def _lint_and_publish(self, uri: str) -> None:
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        text, version, path = document.source, document.version, uri_to_path(uri)
        try:
            source, found = await asyncio.get_running_loop().run_in_executor(None, self.lint_text, path, text)
        except Exception as error:  # a bad configuration or input: say it once, publish nothing
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, f"shufa-lint: {self.said(error, path)}"))
            return
        self._findings[uri] = (source, found)
        self.publish(uri, version, text, found)

    def publish(self, uri: str, version: int | None, text: str, found: list[Diagnostic]) -> None:
        lines = split_lines(text)
        lang = self.language(uri_to_path(uri))
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[self.to_lsp(d, lines, lang) for d in found]
            )
        )

    # --- conversions -----------------------------------------------------------------------------

    @property
    def codec(self) -> ColumnCodec:
        return ColumnCodec(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    def span(self, lines: list[str], line: int, column: int, end_line: int, end_column: int) -> lsp.Range:
        codec = self.codec
        return lsp.Range(codec.to_client(lines, line, column), codec.to_client(lines, end_line, end_column))

    def to_lsp(self, finding: Diagnostic, lines: list[str], lang: str) -> lsp.Diagnostic:
        message = finding.message.get(lang)
        if finding.suggestions:
            message += "\n" + "\n".join(("建议：" if lang != "en" else "Suggestion: ") + s.get(lang) for s in finding.suggestions)
        return lsp.Diagnostic(
            range=self.span(lines, finding.line, finding.column, finding.end_line, finding.end_column),
            message=message,
            severity=_SEVERITY[finding.severity],
            code=finding.code,
            code_description=lsp.CodeDescription(href=explanation_uri(finding.code, lang)),
            source=f"{SERVER_NAME} ({finding.name})",
        )

    def text_edits(self, lines: list[str], edits: tuple[Edit, ...]) -> list[lsp.TextEdit]:
        return [
            lsp.TextEdit(range=self.span(lines, e.line, e.column, e.end_line, e.end_column), new_text=e.content)
            for e in edits
        ]


def explanation_uri(code: str, lang: str) -> str:
    """A file with the rule's explanation, written once per user: the link each diagnostic carries."""
    from .files import cache_dir
    from .registry import find_rule

    folder = cache_dir() / "explain" / __version__ / lang
    target = folder / f"{code}.md"
    if not target.exists():
        rule = find_rule(code)
        if rule is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                target.write_text(explanation_markdown(rule, lang), encoding="utf-8")
            except OSError:
                pass
    return target.as_uri()


def explanation_markdown(rule, lang: str) -> str:
    return f"# {rule.code} {rule.name} ({rule.severity.label})\n\n{rule.explanation(lang)}\n"


server = ShufaLanguageServer()


@server.feature(lsp.INITIALIZE)
def initialize(ls: ShufaLanguageServer, params: lsp.InitializeParams) -> None:
    root = params.root_uri and uri_to_path(params.root_uri)
    if not root and params.workspace_folders:
        root = uri_to_path(params.workspace_folders[0].uri)
    ls.root = root or None
    ls.options = ClientOptions.parse(params.initialization_options, ls.root)
    _warm_up(ls)


def _warm_up(ls: ShufaLanguageServer) -> None:
    """Load the lexicon and compile the rules' patterns now, so the first document opens fast."""
    try:
        ls.lint_text(os.path.join(ls.root or os.getcwd(), "warm-up.txt"), "关于2025年度履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n")
    except Exception:  # a broken configuration is reported when a document is linted
        log.exception("warm-up failed")


@server.feature(lsp.INITIALIZED)
def initialized(ls: ShufaLanguageServer, params: lsp.InitializedParams) -> None:
    watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILE_NAMES]
    watchers.append(lsp.FileSystemWatcher(glob_pattern="**/*.{yaml,yml}"))
    dynamic = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if dynamic and dynamic.dynamic_registration:
        ls.client_register_capability(
            lsp.RegistrationParams(
                registrations=[
                    lsp.Registration(
                        id="shufa-lint-config",
                        method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                    )
                ]
            )
        )


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: ShufaLanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: ShufaLanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: ShufaLanguageServer, params: lsp.DidSaveTextDocumentParams) -> None:
    if _is_configuration(params.text_document.uri):
        ls.reload_configuration()
    else:
        ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ShufaLanguageServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls._findings.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(ls: ShufaLanguageServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    if params.changes:
        ls.reload_configuration()


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: ShufaLanguageServer, params: lsp.DidChangeConfigurationParams) -> None:
    settings = params.settings.get("shufa-lint") if isinstance(params.settings, dict) else None
    if settings is not None:
        ls.options = ClientOptions.parse(settings, ls.root)
    ls.reload_configuration()


def _is_configuration(uri: str) -> bool:
    name = os.path.basename(uri_to_path(uri))
    return name in CONFIG_FILE_NAMES or name.endswith((".yaml", ".yml"))


@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION,
    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND]),
)
def code_action(ls: ShufaLanguageServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    document = ls.workspace.text_documents.get(uri)
    if document is None or uri not in ls._findings:
        return []
    source, found = ls._findings[uri]
    text = document.source
    if text != source.raw_text:  # findings are from an older text; the next publish brings new ones
        return []
    lines = split_lines(text)
    lang = ls.language(uri_to_path(uri))
    codec = ls.codec
    start = codec.from_client(lines, params.range.start)
    end = codec.from_client(lines, params.range.end)
    actions = []
    only = params.context.only
    if not only or any(kind.startswith(lsp.CodeActionKind.QuickFix) for kind in only):
        for finding in found:
            if finding.fix is None or not _touches(finding, start, end):
                continue
            label = finding.fix.description.get(lang) or finding.message.get(lang)
            unsafe = not finding.fix.safe
            prefix = ("（不安全）" if lang != "en" else "(unsafe) ") if unsafe else ""
            actions.append(
                lsp.CodeAction(
                    title=f"{prefix}{finding.code}: {label}",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[ls.to_lsp(finding, lines, lang)],
                    is_preferred=not unsafe,
                    edit=lsp.WorkspaceEdit(changes={uri: ls.text_edits(lines, finding.fix.edits)}),
                )
            )
    if not only or any(FIX_ALL_KIND.startswith(kind) for kind in only):
        fixed = fix_all_safe(ls, uri_to_path(uri), source, found)
        if fixed is not None and fixed != text:
            whole = lsp.Range(lsp.Position(0, 0), codec.to_client(lines, len(lines) + 1, 1))
            actions.append(
                lsp.CodeAction(
                    title="shufa-lint：应用全部安全修复" if lang != "en" else "shufa-lint: apply all safe fixes",
                    kind=FIX_ALL_KIND,
                    edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=whole, new_text=fixed)]}),
                )
            )
    return actions


def _touches(finding: Diagnostic, start: tuple[int, int], end: tuple[int, int]) -> bool:
    return (finding.line, finding.column) <= end and start <= (finding.end_line, finding.end_column)


def fix_all_safe(ls: ShufaLanguageServer, path: str, source: SourceText, found: list[Diagnostic]) -> str | None:
    """The text with every safe fix applied, to a fixed point, as ``--fix`` would write it."""
    from .fix import can_fix, fix_source

    if can_fix(source) is not None or not any(d.fix is not None and d.fix.safe for d in found):
        return None
    outcome = fix_source(source, found, lambda current: ls.lint_text(path, current.raw_text)[1])
    return outcome.text


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: ShufaLanguageServer, params: lsp.HoverParams) -> lsp.Hover | None:
    uri = params.text_document.uri
    if uri not in ls._findings:
        return None
    source, found = ls._findings[uri]
    lines = split_lines(source.raw_text)
    at = ls.codec.from_client(lines, params.position)
    covering = [d for d in found if (d.line, d.column) <= at < (d.end_line, d.end_column) or (d.line, d.column) == at]
    if not covering:
        return None
    from .registry import find_rule

    lang = ls.language(uri_to_path(uri))
    parts = []
    for finding in covering:
        rule = find_rule(finding.code)
        parts.append(f"**{finding.code} {finding.name}**: {finding.message.get(lang)}")
        if rule is not None:
            parts.append(rule.explanation(lang))
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n".join(parts)))


@click.command("lsp", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the only way; accepted as clients pass it).")
def lsp_command(stdio: bool) -> None:
    """A language server: an editor starts it and marks findings while one types (see the README for VS
    Code, Neovim and Helix). It talks over standard input and output until the editor says exit."""
    if sys.stdin.isatty():
        click.echo("shufa-lint lsp: 语言服务器经标准输入输出与编辑器通信，请在编辑器中启动（见 README；Ctrl+D 退出）", err=True)
    logging.basicConfig(level=logging.WARNING, format="shufa-lint lsp: %(message)s")
    server.start_io()


def run() -> None:
    """``shufa-lint lsp …`` (the arguments after the word lsp are in sys.argv)."""
    lsp_command(prog_name="shufa-lint lsp")
