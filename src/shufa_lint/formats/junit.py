"""``--format junit``: JUnit XML, the test report GitLab (``artifacts:reports:junit``) and Jenkins read.

One ``testsuite`` per file and one failed ``testcase`` per finding; a clean file is one passing test
case, so the report lists every draft that was checked. A file that could not be read is an ``error``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import SEVERITY_WORDS, XML_ILLEGAL, control_picture

SUGGESTION_LABEL = {"zh": "建议：", "en": "Suggestion: "}


def _failure_text(report, d, lang: str) -> str:
    lines = [f"{report.path}:{d.line}:{d.column}: {d.code} {d.message.get(lang)}"]
    lines += [SUGGESTION_LABEL[lang] + s.get(lang) for s in d.suggestions]
    return "\n".join(lines)


def _suite(report, lang: str) -> ET.Element:
    suite = ET.Element("testsuite", name=report.path)
    for d in report.diagnostics:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=report.path,
            name=f"{d.code} {d.name} ({d.line}:{d.column})",
            file=report.path,
            line=str(d.line),
        )
        failure = ET.SubElement(
            case, "failure", type=SEVERITY_WORDS["en"][d.severity], message=d.message.get(lang)
        )
        failure.text = _failure_text(report, d, lang)
    if report.error:
        case = ET.SubElement(suite, "testcase", classname=report.path, name="shufa-lint", file=report.path)
        ET.SubElement(case, "error", message=report.error.get(lang))
    elif not report.diagnostics:
        ET.SubElement(suite, "testcase", classname=report.path, name="shufa-lint", file=report.path)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(len(report.diagnostics)))
    suite.set("errors", "1" if report.error else "0")
    return suite


def _xml_safe(element: ET.Element) -> None:
    """Every attribute and text of ``element`` and below without characters XML 1.0 forbids (a control
    character in a file name or a draft), each shown as a visible symbol."""
    for node in element.iter():
        node.attrib.update({key: XML_ILLEGAL.sub(control_picture, value) for key, value in node.attrib.items()})
        if node.text:
            node.text = XML_ILLEGAL.sub(control_picture, node.text)


def render(files, options) -> str:
    root = ET.Element("testsuites", name="shufa-lint")
    for report in files:
        root.append(_suite(report, options.lang))
    for total in ("tests", "failures", "errors"):
        root.set(total, str(sum(int(suite.get(total)) for suite in root)))
    _xml_safe(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
