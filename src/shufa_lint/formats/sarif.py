"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

The rule catalogue (``runs[].tool.driver.rules``) comes from the registry and the rules' docstrings, the
same text ``--explain`` prints. Regions are complete (start and end line and column) and counted in
code points (``columnKind: unicodeCodePoints``); ``partialFingerprints`` carries a fingerprint that
survives edits elsewhere in the file, so alerts keep their identity across commits.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Severity
from . import fingerprints, relative_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
DESCRIPTION_LIMIT = 1024  # GitHub rejects longer short/full descriptions
FINGERPRINT_KEY = "shufaLint/v1"
SUGGESTION_LABEL = {"zh": "建议：", "en": "Suggestion: "}


def _clip(text: str) -> str:
    return text if len(text) <= DESCRIPTION_LIMIT else text[: DESCRIPTION_LIMIT - 1] + "…"


def rule_descriptor(rule) -> dict:
    explanation = rule.explanation() or rule.name
    first_paragraph = explanation.split("\n\n")[0].replace("\n", " ")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(rule.summary() or rule.name)},
        "fullDescription": {"text": _clip(first_paragraph)},
        "help": {"text": explanation, "markdown": explanation},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.__module__.rsplit(".", 1)[-1]]},
    }


def _descriptor_without_rule(diagnostic) -> dict:
    """For a finding whose code is not in the registry (a plugin or a test): its name is all we know."""
    return {
        "id": diagnostic.code,
        "name": diagnostic.name,
        "shortDescription": {"text": diagnostic.name},
        "fullDescription": {"text": diagnostic.name},
        "help": {"text": diagnostic.name},
        "defaultConfiguration": {"level": LEVELS[diagnostic.severity]},
    }


def _rules(files) -> list[dict]:
    from ..registry import all_rules

    descriptors = {code: rule_descriptor(rule) for code, rule in all_rules().items()}
    for report in files:
        for d in report.diagnostics:
            descriptors.setdefault(d.code, _descriptor_without_rule(d))
    return [descriptors[code] for code in sorted(descriptors)]


def _location(uri: str, diagnostic) -> dict:
    region = {
        "startLine": diagnostic.line,
        "startColumn": diagnostic.column,
        "endLine": max(diagnostic.end_line, diagnostic.line),
        "endColumn": diagnostic.end_column,
    }
    if region["endLine"] == region["startLine"]:
        region["endColumn"] = max(diagnostic.end_column, diagnostic.column)
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def _result(diagnostic, uri: str, rule_index: int, fingerprint: str, lang: str) -> dict:
    text = diagnostic.message.get(lang)
    suggestions = [SUGGESTION_LABEL[lang] + s.get(lang) for s in diagnostic.suggestions]
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": "\n".join([text, *suggestions])},
        "locations": [_location(uri, diagnostic)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }


def render(files, options) -> str:
    rules = _rules(files)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    results, notifications = [], []
    for report in files:
        # the file name's own bytes, percent-encoded: exact even when they are not UTF-8
        uri = quote(relative_path(report.path, options.root).encode("utf-8", "surrogateescape"), safe="/")
        for d, fingerprint in zip(report.diagnostics, fingerprints(report)):
            results.append(_result(d, uri, index[d.code], fingerprint, options.lang))
        if report.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": report.error.get(options.lang)},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
    invocation = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "shufa-lint",
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
