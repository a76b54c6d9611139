"""``shufa-lint lsp`` spoken to as an editor does: JSON-RPC over the server's standard input and output.

Each test starts the installed executable, so the framing, the negotiation and the subcommand dispatch
are exercised exactly as VS Code, Neovim or Helix would exercise them.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from shufa_lint.config import ConfigResolver
from shufa_lint.engine import lint_source
from shufa_lint.source import from_text

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tests" / "fixtures" / "seed.txt"
EXECUTABLE = shutil.which("shufa-lint", path=os.path.dirname(sys.executable)) or "shufa-lint"
REPLY_SECONDS = 30


class Client:
    """A minimal language client: framed JSON-RPC messages, replies matched by id, notifications queued."""

    def __init__(self, cwd: Path):
        self.process = subprocess.Popen(
            [EXECUTABLE, "lsp"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def wait(self, accept, seconds: float = REPLY_SECONDS) -> dict:
        deadline = time.monotonic() + seconds
        while True:
            try:
                message = self.messages.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                raise AssertionError("no such message from the server in time") from None
            if message.get("method") in ("client/registerCapability", "workspace/configuration") and "id" in message:
                self.send({"id": message["id"], "result": None})
                continue
            if accept(message):
                return message

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        def published(message):
            params = message.get("params", {})
            return (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("uri") == uri
                and (version is None or params.get("version") == version)
            )

        return self.wait(published)["params"]["diagnostics"]

    def start(self, root: Path, encodings=None, options=None) -> dict:
        capabilities = {"general": {"positionEncodings": encodings}} if encodings else {}
        result = self.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": capabilities,
             "initializationOptions": options or {}},
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, version: int = 1) -> str:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}},
        )
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def close(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout=REPLY_SECONDS)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()
            self.process.stdin.close()


@pytest.fixture
def client(tmp_path):
    (tmp_path / ".git").mkdir()  # the workspace is a repository: configuration discovery stops here
    started = Client(tmp_path)
    yield started
    if started.process.poll() is None:
        started.process.kill()
        started.process.wait()


def cli_findings(path: Path, text: str) -> list[tuple]:
    config = ConfigResolver().for_path(str(path))
    return [
        (d.code, d.line - 1, d.column - 1, d.end_line - 1, d.end_column - 1)
        for d in lint_source(from_text(str(path), text), config.settings, config.lexicon)
    ]


def as_tuples(diagnostics: list[dict]) -> list[tuple]:
    return [
        (
            d["code"],
            d["range"]["start"]["line"],
            d["range"]["start"]["character"],
            d["range"]["end"]["line"],
            d["range"]["end"]["character"],
        )
        for d in diagnostics
    ]


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text`` the way an editor does."""
    lines = text.split("\n")

    def offset(position):
        before = sum(len(line) + 1 for line in lines[: position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units, index = 0, 0
        while units < position["character"] and index < len(line):
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return before + index

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def test_seed_diagnostics_equal_the_cli_findings_then_follow_a_change(client, tmp_path):
    result = client.start(tmp_path)
    assert result["serverInfo"]["name"] == "shufa-lint"
    assert result["capabilities"]["positionEncoding"] == "utf-16"
    seed = SEED.read_text(encoding="utf-8")
    path = tmp_path / "seed.txt"
    uri = client.open(path, seed)
    published = client.diagnostics(uri, version=1)
    assert sorted(as_tuples(published)) == sorted(cli_findings(path, seed))
    first = next(d for d in published if d["code"] == "SF401")
    assert first["severity"] == 1 and first["source"].startswith("shufa-lint")
    assert "可能原为" in first["message"]
    assert first["codeDescription"]["href"].startswith("file://")

    filled = seed.replace("*次", "12次")
    client.change(uri, filled, version=2)
    updated = client.diagnostics(uri, version=2)
    assert sorted(as_tuples(updated)) == sorted(cli_findings(path, filled))
    assert sum(d["code"] == "SF301" for d in updated) < sum(d["code"] == "SF301" for d in published)
    assert client.close() == 0


def test_quick_fix_and_fix_all_give_the_fixed_text(client, tmp_path):
    client.start(tmp_path)
    text = "关于2025年度履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n深入学习_法治思想,全年组织学法12次.\n"
    path = tmp_path / "draft.txt"
    uri = client.open(path, text)
    published = client.diagnostics(uri)
    redaction = next(d for d in published if d["code"] == "SF401")

    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": redaction["range"], "context": {"diagnostics": [redaction]}},
    )
    restore = next(a for a in actions if a["title"].startswith("（不安全）SF401"))
    assert apply_edits(text, restore["edit"]["changes"][uri]) == text.replace("_法治思想", "习近平法治思想")

    everything = {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": everything, "context": {"diagnostics": [], "only": ["source.fixAll"]}},
    )
    [fix_all] = actions
    fixed = apply_edits(text, fix_all["edit"]["changes"][uri])
    assert "全年组织学法12次。" in fixed and "，全年" in fixed
    assert "_法治思想" in fixed  # restoring a filtered word is unsafe: never part of "fix all safe"
    assert client.close() == 0


@pytest.mark.parametrize(
    "offered, negotiated, column",
    [
        # two characters outside the BMP count two UTF-16 units each: 4 + len("深入学习") = 8
        (None, "utf-16", 8),
        (["utf-32", "utf-16"], "utf-32", 6),
        (["utf-8"], "utf-8", 20),  # four bytes each, then three for each of 深入学习
    ],
)
def test_columns_in_the_negotiated_encoding_after_characters_outside_the_bmp(client, tmp_path, offered, negotiated, column):
    result = client.start(tmp_path, encodings=offered)
    assert result["capabilities"]["positionEncoding"] == negotiated
    text = "关于2025年度履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n𠀀𠀀深入学习_法治思想。\n"
    uri = client.open(tmp_path / "draft.txt", text)
    redaction = next(d for d in client.diagnostics(uri) if d["code"] == "SF401")
    assert redaction["range"]["start"] == {"line": 2, "character": column}
    assert client.close() == 0


def test_hover_shows_the_rule_explanation(client, tmp_path):
    client.start(tmp_path)
    text = "关于2025年度履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n全年开展普法活动*场。\n"
    uri = client.open(tmp_path / "draft.txt", text)
    placeholder = next(d for d in client.diagnostics(uri) if d["code"] == "SF301")
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": placeholder["range"]["start"]})
    assert hover["contents"]["kind"] == "markdown"
    assert "SF301" in hover["contents"]["value"] and "*场" in hover["contents"]["value"]
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}})
    assert nothing is None
    assert client.close() == 0


def test_workspace_configuration_applies_and_reloads_when_it_changes(client, tmp_path):
    config = tmp_path / ".shufa-lint.yaml"
    config.write_text("ignore: [SF301]\n", encoding="utf-8")
    client.start(tmp_path)
    text = "关于2025年度履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n全年开展普法活动*场。\n"
    uri = client.open(tmp_path / "draft.txt", text)
    assert not any(d["code"] == "SF301" for d in client.diagnostics(uri))

    config.write_text("ignore: []\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    assert any(d["code"] == "SF301" for d in client.diagnostics(uri))
    assert client.close() == 0


def shown_message(client) -> str:
    return client.wait(lambda m: m.get("method") == "window/showMessage")["params"]["message"]


@pytest.mark.parametrize(
    "options, expected",
    [
        ({}, "shufa-lint: .shufa-lint.yaml: 没有配置项“selct”（是否应为“select”？）"),
        ({"lang": "en"}, "shufa-lint: .shufa-lint.yaml: unknown key 'selct' (did you mean 'select'?)"),
    ],
)
def test_a_configuration_mistake_is_shown_in_the_editors_language_else_chinese(client, tmp_path, options, expected):
    (tmp_path / ".shufa-lint.yaml").write_text("selct: [SF3]\n", encoding="utf-8")
    client.start(tmp_path, options=options)
    client.open(tmp_path / "draft.txt", "关于2025年度履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n")
    assert shown_message(client) == expected  # the server runs in the workspace: the file is named relative to it
    assert client.close() == 0


def test_an_outline_mistake_is_shown_in_the_language_the_configuration_sets(client, tmp_path):
    (tmp_path / ".shufa-lint.yaml").write_text("lang: en\noutline: outline.txt\n", encoding="utf-8")
    (tmp_path / "outline.txt").write_text("工作情况\n存在问题\n", encoding="utf-8")
    client.start(tmp_path)
    client.open(tmp_path / "draft.txt", "关于2025年度履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n")
    assert shown_message(client) == f"shufa-lint: {tmp_path / 'outline.txt'}: no numbered headings found in the outline"
    assert client.close() == 0


def test_typing_fast_never_queues_stale_work(client, tmp_path):
    client.start(tmp_path)
    base = "关于2025年度履行推进法治建设第一责任人职责情况的报告\n一、工作情况\n全年开展普法活动"
    uri = client.open(tmp_path / "draft.txt", base + "*场。\n")
    client.diagnostics(uri, version=1)
    for version in range(2, 12):
        client.change(uri, base + "1" * (version - 1) + "场。\n", version)
    versions = []
    while not versions or versions[-1] != 11:
        message = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        versions.append(message["params"]["version"])
        diagnostics = message["params"]["diagnostics"]
    assert not any(d["code"] == "SF301" for d in diagnostics)
    time.sleep(0.3)
    later = [m for m in iter(lambda: None if client.messages.empty() else client.messages.get(), None)]
    # each publish is for a newer text than the one before, and nothing is linted after the last change
    assert versions == sorted(set(versions)) and len(versions) < 10
    assert not any(m.get("method") == "textDocument/publishDiagnostics" for m in later)
    assert client.close() == 0


def test_a_file_named_lsp_is_linted_as_a_path(tmp_path):
    draft = tmp_path / "lsp"
    draft.write_text("全年开展普法活动*场。\n", encoding="utf-8")
    result = subprocess.run([EXECUTABLE, "./lsp"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "SF301" in result.stdout


def test_the_command_line_of_the_server_says_what_it_is_and_refuses_unknown_options():
    helped = subprocess.run([sys.executable, "-m", "shufa_lint", "lsp", "--help"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "language server" in helped.stdout and "--stdio" in helped.stdout
    wrong = subprocess.run([sys.executable, "-m", "shufa_lint", "lsp", "--bogus"], capture_output=True, text=True, timeout=60)
    assert wrong.returncode == 2 and "No such option '--bogus'" in wrong.stderr
