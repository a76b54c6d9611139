"""How long an editor waits for findings: ``shufa-lint lsp`` timed from a change to its diagnostics.

    .venv/bin/python bench/lsp_latency.py [--repeat N]

Starts the server as an editor does (pygls's own client over stdio), opens the seed, then changes it
``--repeat`` times, each time waiting for the diagnostics of the new version, and prints the median and
maximum time from sending ``didChange`` to receiving ``publishDiagnostics`` (target: 100 ms; the server
waits 40 ms of it for more typing). Run by bench/run.py as its ``lsp`` row.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed.txt"


async def change_to_diagnostics(repeat: int) -> list[float]:
    client = LanguageClient("bench", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        published.put_nowait((time.perf_counter(), params.version))

    executable = shutil.which("shufa-lint", path=os.path.dirname(sys.executable)) or "shufa-lint"
    await client.start_io(executable, "lsp")
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=ROOT.as_uri()))
    client.initialized(lsp.InitializedParams())
    uri = SEED.as_uri()
    text = SEED.read_text(encoding="utf-8")
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "plaintext", 1, text)))
    await published.get()
    latencies = []
    for version in range(2, repeat + 2):
        text = text.replace("*次", f"{version}次", 1) if "*次" in text else text + "。"
        sent = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [lsp.TextDocumentContentChangeWholeDocument(text)],
            )
        )
        while True:
            arrived, seen = await published.get()
            if seen == version:
                latencies.append(arrived - sent)
                break
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies


def measure(repeat: int) -> list[float]:
    return asyncio.run(change_to_diagnostics(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    latencies = measure(parser.parse_args().repeat)
    print(
        f"seed, didChange → publishDiagnostics: median {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms over {len(latencies)} changes (target ≤ 100 ms)"
    )


if __name__ == "__main__":
    main()
