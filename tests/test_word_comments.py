"""--format docx: reviewed copies with the findings as Word comments (批注), the text untouched."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile

import docx
import pytest
from click.testing import CliRunner

from review_drafts import NO_PROBLEMS_PART, SEED
from shufa_lint.cli import main
from shufa_lint.source.docx import read_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def seed_docx(path) -> None:
    """The seed as Word would hold it: each paragraph in three runs, the middle one bold."""
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        paragraph = document.add_paragraph()
        third = max(1, len(line) // 3)
        paragraph.add_run(line[:third])
        paragraph.add_run(line[third : 2 * third]).bold = True
        paragraph.add_run(line[2 * third :])
    document.save(path)


def findings(path) -> list[dict]:
    result = CliRunner().invoke(main, ["--format", "json", "-q", str(path)])
    return json.loads(result.output)["diagnostics"]


def anchored_texts(data: bytes) -> dict[str, str]:
    """Comment id -> the text between its range start and end, in document order."""
    body = docx.Document(io.BytesIO(data)).element.body
    open_ranges: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ranges[element.get(f"{W}id")] = []
        elif element.tag == f"{W}commentRangeEnd":
            texts[element.get(f"{W}id")] = "".join(open_ranges.pop(element.get(f"{W}id")))
        elif element.tag == f"{W}t":
            for pieces in open_ranges.values():
                pieces.append(element.text or "")
    return texts


def bold_text(data: bytes) -> str:
    return "".join(run.text for p in docx.Document(io.BytesIO(data)).paragraphs for run in p.runs if run.bold)


def test_the_seed_docx_comes_back_with_one_comment_per_finding_at_warning_or_above(tmp_path):
    draft, out = tmp_path / "seed.docx", tmp_path / "seed-reviewed.docx"
    seed_docx(draft)
    result = CliRunner().invoke(main, ["--format", "docx", "-q", "-o", str(out), str(draft)])
    assert result.exit_code == 1, result.output
    expected = [f for f in findings(draft) if f["severity"] in ("error", "warning")]
    reviewed = docx.Document(str(out))
    comments = list(reviewed.comments)
    assert len(expected) == len(comments) >= 30  # the seed has dozens: figures, filtered words, numbering, outline
    assert {comment.author for comment in comments} == {"shufa-lint"}
    assert [c.paragraphs[0].text for c in comments] == [f["message"] for f in expected]
    assert comments[[f["code"] for f in expected].index("SF401")].paragraphs[1].text.startswith("建议：")
    original, copy = draft.read_bytes(), out.read_bytes()
    assert read_docx("copy", copy).lines == read_docx("draft", original).lines
    assert bold_text(copy) == bold_text(original)  # split runs keep their formatting
    assert findings(out) == [dict(f, path=str(out)) for f in findings(draft)]
    lines = SEED.read_text(encoding="utf-8").splitlines()
    spans = anchored_texts(copy)
    for comment, finding in zip(comments, expected):
        if finding["line"] == finding["end_line"] and finding["end_column"] <= len(lines[finding["line"] - 1]) + 1:
            line = lines[finding["line"] - 1]
            assert spans[str(comment.comment_id)] == line[finding["column"] - 1 : finding["end_column"] - 1]


def test_a_text_draft_becomes_a_plain_docx_with_its_lines(tmp_path):
    draft, out = tmp_path / "south.txt", tmp_path / "south.docx"
    draft.write_text(NO_PROBLEMS_PART, encoding="utf-8")
    CliRunner().invoke(main, ["--format", "docx", "-q", "-o", str(out), str(draft)])
    assert read_docx("copy", out.read_bytes()).lines == tuple(NO_PROBLEMS_PART.splitlines())
    lines = NO_PROBLEMS_PART.splitlines()
    spans = {(f["code"], lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]) for f in findings(draft)}
    assert spans == {("SF301", "*"), ("SF101", "二")}  # the blank figure; where 存在问题 belongs
    assert sorted(anchored_texts(out.read_bytes()).values()) == ["*", "二"]


def test_several_inputs_write_one_copy_each_into_the_folder(tmp_path):
    (tmp_path / "a.txt").write_text(NO_PROBLEMS_PART, encoding="utf-8")
    seed_docx(tmp_path / "a.docx")
    result = CliRunner().invoke(main, ["--format", "docx", "-q", "-o", str(tmp_path / "out"),
                                       str(tmp_path / "a.txt"), str(tmp_path / "a.docx")])
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a-2.docx", "a.docx"]


def test_one_input_and_a_folder_not_yet_made_written_with_a_slash(tmp_path):
    (tmp_path / "a.txt").write_text(NO_PROBLEMS_PART, encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "docx", "-q", "-o", str(tmp_path / "reviewed") + "/",
                                       str(tmp_path / "a.txt")])
    assert result.exit_code == 1, result.output
    assert [p.name for p in (tmp_path / "reviewed").iterdir()] == ["a.docx"]


def test_a_copy_never_overwrites_an_input(tmp_path):
    seed_docx(tmp_path / "seed.docx")
    before = (tmp_path / "seed.docx").read_bytes()
    (tmp_path / "other.txt").write_text(NO_PROBLEMS_PART, encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "docx", "-q", "-o", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2 and "是要检查的文件之一，未写入批注副本" in result.output
    assert (tmp_path / "seed.docx").read_bytes() == before


def test_docx_output_needs_a_destination():
    result = CliRunner().invoke(main, ["--format", "docx", str(SEED)])
    assert result.exit_code == 2 and "-o" in result.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_reviewed_copy_with_its_comments(tmp_path):
    draft, out = tmp_path / "seed.docx", tmp_path / "reviewed.docx"
    seed_docx(draft)
    CliRunner().invoke(main, ["--format", "docx", "-q", "-o", str(out), str(draft)])
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"  # its own profile: runs may overlap
    for target in ("pdf", "odt"):
        subprocess.run(["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(out)],
                       check=True, capture_output=True, timeout=300)
    assert (tmp_path / "reviewed.pdf").read_bytes().startswith(b"%PDF")
    content = zipfile.ZipFile(tmp_path / "reviewed.odt").read("content.xml").decode("utf-8")
    written = len(list(docx.Document(str(out)).comments))
    assert written >= 30
    assert content.count("<office:annotation ") + content.count("<office:annotation>") == written
    assert content.count("<dc:creator>shufa-lint</dc:creator>") == written


def test_a_comment_on_a_numbered_paragraph_sits_on_its_span_not_the_label(tmp_path):
    from docx_fixtures import report_builder

    builder = report_builder()
    builder.add("某县司法局2024年度述法报告")
    builder.add("履职情况", level=0)
    builder.add("加强_学习", level=1)
    draft, out = tmp_path / "numbered.docx", tmp_path / "reviewed.docx"
    draft.write_bytes(builder.to_bytes())
    CliRunner().invoke(main, ["--format", "docx", "-q", "-o", str(out), str(draft)])
    assert "_" in anchored_texts(out.read_bytes()).values()
    assert read_docx("copy", out.read_bytes()).lines == read_docx("draft", draft.read_bytes()).lines


def test_a_numbered_odt_copy_writes_the_labels_and_anchors_comments_past_them(tmp_path):
    """A .doc or .odt becomes a new .docx with its numbering labels as text: the comments move past them."""
    from pathlib import Path

    draft = Path(__file__).parent / "fixtures" / "formats" / "seed_numbered.odt"
    out = tmp_path / "reviewed.docx"
    CliRunner().invoke(main, ["--format", "docx", "-q", "-o", str(out), str(draft)])
    texts = list(anchored_texts(out.read_bytes()).values())
    blanks = [d for d in findings(draft) if d["code"] in ("SF301", "SF401") and d["severity"] != "info"]
    # each figure blank and each filtered word, exactly: none shifted onto a neighbour by a label
    assert texts.count("*") + texts.count("_") == len(blanks) == 25
    assert any(text.startswith("(二)基层行政执法") for text in texts)  # SF801 takes the item with its label
