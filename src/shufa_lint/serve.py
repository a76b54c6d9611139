"""``shufa-lint serve``: a local web page and HTTP API over the same engine and the same HTML report.

The page (``GET /``) takes an upload in any format the readers support, or pasted text, a report type and
an outline file, and shows the report of ``--format html`` or returns the fixed file. The API:

- ``POST /api/lint``: multipart (field ``file``, or ``text`` and ``name``) or JSON ``{"name", "text"}``
  → the JSON contract of ``--format json``;
- ``POST /api/report``: the same input → the HTML report;
- ``POST /api/fix``: the same input and ``fixes=safe|unsafe`` → the fixed file, as a download.

Optional fields everywhere: ``pack`` (a report type), ``outline`` (an outline file upload, or its text in
JSON), ``lang`` (zh|en). It listens on 127.0.0.1 unless told otherwise and refuses requests whose Host
header names another machine (DNS rebinding). A request body over 20 MB gets 413. Uploads are kept in
memory; an outline is written to a private temporary folder (mode 0700) for the engine's outline loader
and removed with the request; the folder goes when the server stops.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote

import click

from .diagnostics import InputError, Message, os_reason
from .lexicon import RuleDataError, builtin

if TYPE_CHECKING:
    from .config import FileConfig

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
DEFAULT_PORT = 8765


class TooLarge(Exception):
    """A request body past MAX_UPLOAD_BYTES."""


class Refused(ValueError):
    """A submission that cannot be linted (no draft, an unknown type): 400, said in both languages."""

    def __init__(self, message: Message):
        super().__init__(message.en)
        self.message = message


class CannotFix(Exception):
    """An input fixes are not applied to (a .docx): 422, the request was understood."""


class UploadLimit:
    """Refuse a body over ``limit`` bytes with 413: at once when Content-Length says so, else as soon as
    the streamed body passes it (raised into the handler reading it, answered by the 413 handler)."""

    def __init__(self, app, limit: int = MAX_UPLOAD_BYTES):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.limit:
            from starlette.responses import PlainTextResponse

            await _too_large(PlainTextResponse)(scope, receive, send)
            return
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise TooLarge()
            return message

        await self.app(scope, limited_receive, send)


def _too_large(response_class):
    return response_class(f"request body over {MAX_UPLOAD_BYTES // 1024 // 1024} MB", status_code=413)


@dataclass
class Submission:
    """One request's input: the draft as read, and the report type and outline to hold it to."""

    source: object  # SourceText
    pack: str | None
    outline_text: bytes | None
    outline_name: str
    lang: str
    fixes: str  # safe | unsafe


def create_app(temporary_folder: str, allowed_hosts: list[str], configuration: FileConfig | None = None):
    """The Starlette application; ``temporary_folder`` holds outline files during a request;
    ``configuration``: the settings and lexicon of the folder the server was started in (the built-in
    ones without), which every request starts from."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.formparsers import MultiPartParser
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.responses import (
        HTMLResponse,
        JSONResponse,
        PlainTextResponse,
        Response,
    )
    from starlette.routing import Route

    # an upload stays in memory (the limit bounds it) instead of spilling to the system's temp folder
    MultiPartParser.spool_max_size = MAX_UPLOAD_BYTES + 1

    async def index(request):
        return HTMLResponse(_index_page(), headers={"Content-Security-Policy": _index_policy()})

    async def api_lint(request):
        return await _answer(request, lambda report, s: (_render("json", report, s.lang), "application/json"))

    async def api_report(request):
        return await _answer(request, lambda report, s: (_render("html", report, s.lang), "text/html"))

    async def api_fix(request):
        try:
            submission = await _submission(request)
            fixed, name = await run_in_threadpool(_fixed_file, submission, temporary_folder, configuration)
        except CannotFix as error:
            return PlainTextResponse(str(error), status_code=422)
        except (InputError, RuleDataError, ValueError) as error:
            return PlainTextResponse(await _refusal(request, error), status_code=400)
        disposition = f"attachment; filename=\"{_ascii_name(name)}\"; filename*=UTF-8''{quote(name)}"
        return Response(fixed, media_type="application/octet-stream", headers={"Content-Disposition": disposition})

    async def _answer(request, render):
        try:
            submission = await _submission(request)
            report = await run_in_threadpool(_lint, submission, temporary_folder, configuration)
        except (InputError, RuleDataError, ValueError) as error:
            return JSONResponse({"error": await _refusal(request, error)}, status_code=400)
        body, media_type = render(report, submission)
        return Response(body, media_type=f"{media_type}; charset=utf-8")

    async def too_large(request, error):
        return _too_large(PlainTextResponse)

    @asynccontextmanager
    async def lifespan(app):
        yield
        shutil.rmtree(temporary_folder, ignore_errors=True)

    return Starlette(
        routes=[
            Route("/", index),
            Route("/api/lint", api_lint, methods=["POST"]),
            Route("/api/report", api_report, methods=["POST"]),
            Route("/api/fix", api_fix, methods=["POST"]),
        ],
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts),
            Middleware(UploadLimit),
        ],
        exception_handlers={TooLarge: too_large},
        lifespan=lifespan,
    )


async def _refusal(request, error: Exception) -> str:
    """Why a submission was refused, in the language it asked for: Chinese unless ``lang`` is en, as the page."""
    if not isinstance(error, (InputError, RuleDataError, Refused)):
        return str(error)
    try:  # the body was read (and kept) by the submission that failed
        is_json = request.headers.get("content-type", "").startswith("application/json")
        fields = await request.json() if is_json else await request.form()
        lang = fields.get("lang") if hasattr(fields, "get") else None  # JSON may be a list
    except Exception:  # noqa: BLE001 - a body that could not even be parsed: the default language
        lang = None
    return error.message.get("en" if lang == "en" else "zh")


async def _submission(request) -> Submission:
    from starlette.datastructures import UploadFile

    from .source import from_text
    from .source.reader import read_bytes

    if request.headers.get("content-type", "").startswith("application/json"):
        payload = await request.json()
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise ValueError('JSON input needs {"name": ..., "text": ...}')
        fields = {key: value for key, value in payload.items() if isinstance(value, str)}
        name = _safe_name(fields.get("name") or "draft.txt")
        source = from_text(name, payload["text"])
        outline = fields["outline"].encode("utf-8") if fields.get("outline") else None
        outline_name = "outline.txt"
    else:
        form = await request.form(max_files=2, max_fields=20, max_part_size=MAX_UPLOAD_BYTES)
        upload = form.get("file")
        if isinstance(upload, UploadFile) and upload.filename:
            name = _safe_name(upload.filename)
            source = read_bytes(name, await upload.read(), None)
        elif isinstance(form.get("text"), str) and form["text"].strip():
            name = _safe_name(str(form.get("name") or "draft.txt"))
            source = from_text(name, form["text"])
        else:
            raise Refused(
                Message(
                    "没有文稿：请上传文件（file 字段）或粘贴正文（text 字段）",
                    "no draft: upload a file (field 'file') or paste its text (field 'text')",
                )
            )
        outline_upload = form.get("outline")
        outline, outline_name = None, "outline.txt"
        if isinstance(outline_upload, UploadFile) and outline_upload.filename:
            outline, outline_name = await outline_upload.read(), _safe_name(outline_upload.filename)
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
    pack = fields.get("pack") or None
    if pack is not None and pack not in builtin().packs:
        known = ", ".join(builtin().packs)
        raise Refused(Message(f"没有报告类型“{pack}”（可选：{known}）", f"unknown report type {pack!r} (one of: {known})"))
    lang = fields.get("lang") if fields.get("lang") in ("zh", "en") else "zh"
    fixes = "unsafe" if fields.get("fixes") == "unsafe" else "safe"
    return Submission(source, pack, outline, outline_name, lang, fixes)


def _safe_name(name: str) -> str:
    """The file name of an upload, without any folder (it only chooses the reader and labels the report)."""
    base = os.path.basename(name.replace("\\", "/")).strip() or "draft.txt"
    return base[-120:]


def _ascii_name(name: str) -> str:
    return "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)


def _lint(submission: Submission, temporary_folder: str, configuration: FileConfig | None = None):
    """The submission's FileReport, linted by the engine like the CLI lints a file."""
    from .engine import review_source
    from .formats import FileReport

    with _run_settings(submission, temporary_folder, configuration) as settings:
        diagnostics, structure = review_source(submission.source, settings, _lexicon(configuration))
    return FileReport(submission.source.path, diagnostics, submission.source, structure=structure)


def _fixed_file(
    submission: Submission, temporary_folder: str, configuration: FileConfig | None = None
) -> tuple[bytes, str]:
    from .engine import lint_source
    from .fix import can_fix, fix_source

    source = submission.source
    reason = can_fix(source)
    if reason is not None:
        raise CannotFix(reason.get(submission.lang))
    with _run_settings(submission, temporary_folder, configuration) as settings:
        lexicon = _lexicon(configuration)
        diagnostics = lint_source(source, settings, lexicon)
        outcome = fix_source(source, diagnostics, lambda fixed: lint_source(fixed, settings, lexicon),
                             unsafe=submission.fixes == "unsafe")
    return source.encode(outcome.text), source.path


def _lexicon(configuration: FileConfig | None):
    return configuration.lexicon if configuration is not None else builtin()


@contextmanager
def _run_settings(submission: Submission, folder: str, configuration: FileConfig | None = None):
    """The run's Settings: the folder's configuration, with the report type, outline and language the
    request chose. A submitted outline is kept in a file of the private folder for the time of the run:
    the engine loads outlines from files, like ``--outline``."""
    from .settings import Settings

    path = None
    if submission.outline_text is not None:
        suffix = os.path.splitext(submission.outline_name)[1].lower()
        path = os.path.join(folder, uuid.uuid4().hex + (suffix if suffix in (".yaml", ".yml") else ".txt"))
        with open(path, "wb") as handle:
            handle.write(submission.outline_text)
    try:
        base = configuration.settings if configuration is not None else Settings()
        yield base._replace(pack=submission.pack or base.pack, outline=path or base.outline, lang=submission.lang)
    except RuleDataError as error:
        if path is None:
            raise
        # a malformed outline, named as it was uploaded rather than by its private copy
        said, name = error.message, submission.outline_name
        raise RuleDataError(said.en.replace(path, name), said.zh.replace(path, name)) from None
    finally:
        if path is not None and os.path.exists(path):
            os.unlink(path)


def _render(name: str, report, lang: str) -> str:
    from .formats import RenderOptions, render

    return render(name, [report], RenderOptions(lang=lang))


@cache
def _index_page() -> str:
    from .cli import (
        LINTED_SUFFIXES,  # the formats the readers take, as the command line lists them
    )
    from .formats.html import environment

    style = _index_style()
    packs = [(pack.name, pack.title) for pack in builtin().packs.values()]
    return environment().get_template("serve.html.j2").render(
        style=style, packs=packs, suffixes=LINTED_SUFFIXES, limit=MAX_UPLOAD_BYTES // 1024 // 1024
    )


@cache
def _index_style() -> str:
    from .formats.html import asset

    return asset("serve.css")


def _index_policy() -> str:
    from .formats.html import inline_hash

    return (
        f"default-src 'none'; style-src '{inline_hash(_index_style())}'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    )


def allowed_hosts(host: str, extra: tuple[str, ...]) -> list[str]:
    """Host header values accepted: loopback names, the address served on (unless a wildcard), and any
    names given with --allow-host."""
    hosts = list(LOOPBACK_NAMES)
    if host not in ("0.0.0.0", "::", "") and host not in hosts:
        hosts.append(host)
    hosts.extend(name for name in extra if name not in hosts)
    return hosts


@click.command("serve", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--allow-host",
    multiple=True,
    help="Also accept requests whose Host header is NAME (when serving other machines with --host 0.0.0.0).",
)
@click.option(
    "--config",
    "-c",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Configuration for every draft (default: the .shufa-lint.yaml or pyproject.toml found from this folder up).",
)
def serve_command(host: str, port: int, allow_host: tuple[str, ...], config_file: str | None):
    """A local web page to lint a draft and see its report; an HTTP API for integrations.

    A file named serve is linted with: shufa-lint ./serve
    """
    from importlib.util import find_spec

    # python-multipart (which Starlette needs for uploads) is python_multipart from 0.0.13, multipart before
    uploads = find_spec("python_multipart") or find_spec("multipart")
    if not (uploads and find_spec("starlette") and find_spec("uvicorn")):
        raise click.UsageError("serve needs the web stack: pip install 'shufa-lint[serve]'")
    import uvicorn
    configuration = _configuration(config_file)
    listening = _listen(host, port)  # before saying anything: a port in use is said in one line
    folder = tempfile.mkdtemp(prefix="shufa-lint-serve-")
    try:
        app = create_app(folder, allowed_hosts(host, allow_host), configuration)
        bound = listening.getsockname()[1]  # --port 0: the port the system chose
        click.echo(f"shufa-lint: serving on http://{_url_host(host)}:{bound}/ (Ctrl+C to stop)", err=True)
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listening])
    finally:
        listening.close()
        shutil.rmtree(folder, ignore_errors=True)


def _listen(host: str, port: int):
    """A socket listening on ``host``:``port``; one line and exit 2 when it cannot be had."""
    import socket

    try:
        return socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as error:
        where = f"{_url_host(host)}:{port}"
        click.echo(f"shufa-lint serve: 无法在 {where} 上监听：{os_reason(error).zh}（可用 --port 换一个端口）", err=True)
        sys.exit(2)


def _configuration(config_file: str | None) -> FileConfig:
    """The configuration drafts are checked with, as the CLI would read it for a file in this folder;
    one line and exit 2 when it cannot be used."""
    from .config import ConfigResolver

    try:
        return ConfigResolver(config_file=config_file).for_path(os.path.join(os.getcwd(), "submission.txt"))
    except (InputError, RuleDataError) as error:
        click.echo(f"shufa-lint serve: {error.message.zh}", err=True)
        sys.exit(2)


def run() -> None:
    """``shufa-lint serve …`` (the arguments after the word serve are in sys.argv)."""
    serve_command(prog_name="shufa-lint serve")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
