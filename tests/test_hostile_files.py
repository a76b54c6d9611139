"""Hostile files on the command line: each is refused with exit 2 and one line naming it, and the run
goes on to lint the good file given with it."""

from __future__ import annotations

import errno
import io
import os
import zipfile

import pytest
from click.testing import CliRunner

from docx_fixtures import report_builder
from shufa_lint.cli import main
from shufa_lint.source import reader

GOOD_REPORT = "2025年度述法报告\n一、工作情况\n本年度，我们组织专题学习研讨12次。\n"


def run_with_good_file(tmp_path, bad_path) -> tuple[object, list[str], str]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_REPORT, encoding="utf-8")
    result = CliRunner().invoke(main, [str(bad_path), str(good), "--format", "concise", "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    complaints = [line for line in result.stderr.splitlines() if line.startswith(f"shufa-lint: {bad_path}")]
    return result, complaints, str(good)


def assert_refused(tmp_path, bad_path, reason_fragment: str) -> None:
    result, complaints, good = run_with_good_file(tmp_path, bad_path)
    assert result.exit_code == 2
    assert len(complaints) == 1, result.stderr
    assert reason_fragment in complaints[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert good in result.stdout  # the good file was still linted


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_refused(tmp_path, empty, "empty")


def test_binary_file(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert_refused(tmp_path, binary, "not a text file")


def test_file_of_nul_bytes(tmp_path):
    zeros = tmp_path / "zeros.txt"
    zeros.write_bytes(b"\x00" * 4096)
    assert_refused(tmp_path, zeros, "not a text file")


def test_directory_symlink_loop(tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "2025").mkdir(parents=True)
    (drafts / "2025" / "report.txt").write_text(GOOD_REPORT, encoding="utf-8")
    (drafts / "2025" / "back").symlink_to(drafts, target_is_directory=True)
    result = CliRunner().invoke(main, [str(drafts), "--format", "concise", "--lang", "en"])
    loop = str(drafts / "2025" / "back")
    complaints = [line for line in result.stderr.splitlines() if line.startswith(f"shufa-lint: {loop}")]
    assert result.exit_code == 2
    assert len(complaints) == 1 and "symlink loop" in complaints[0]
    # the report is linted once, not once per trip round the loop
    linted = {line.split(":")[0] for line in result.stdout.splitlines() if line.strip()}
    assert linted == {str(drafts / "2025" / "report.txt")}


def test_file_symlinked_to_itself(tmp_path):
    knot = tmp_path / "knot.txt"
    knot.symlink_to(knot)
    assert_refused(tmp_path, knot, "cannot read")


def test_file_without_read_permission(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD_REPORT, encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        # running as root, which reads anything: make os.open() answer as the kernel would for a user
        real_open = os.open

        def open_as_user(file, *args, **kwargs):
            if os.fspath(file) == str(locked):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(locked))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(os, "open", open_as_user)
    try:
        assert_refused(tmp_path, locked, "Permission denied")
    finally:
        locked.chmod(0o644)


def test_text_above_the_size_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    line = ("本年度，我们组织专题学习研讨12次，开展法治宣传活动30场。" * 20 + "\n").encode("utf-8")
    with open(huge, "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert huge.stat().st_size > 50 * 1024 * 1024
    assert_refused(tmp_path, huge, f"the limit is {reader.MAX_TEXT_BYTES // 1024 // 1024} MB")


def test_docx_that_is_a_broken_zip(tmp_path):
    whole = report_builder()
    whole.add("工作情况", level=0)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(whole.to_bytes()[:-200])  # cut through the central directory
    assert_refused(tmp_path, broken, "not a valid .docx")


def test_docx_that_is_not_a_zip_at_all(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("这不是Word文档", encoding="utf-8")
    assert_refused(tmp_path, fake, "not a valid .docx")


def test_zip_bomb(tmp_path):
    bomb = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 2 * 1024 * 1024  # 300 MB packed into about one
    assert_refused(tmp_path, bomb, "zip bomb")


def _with_document_xml(tmp_path, name: str, rewrite) -> str:
    source = report_builder()
    source.add("工作情况", level=0)
    packed = io.BytesIO(source.to_bytes())
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(packed) as original, zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in original.infolist():
            content = original.read(member)
            copy.writestr(member, rewrite(content) if member.filename == "word/document.xml" else content)
    path = tmp_path / name
    path.write_bytes(rebuilt.getvalue())
    return path


def test_xml_entity_expansion(tmp_path):
    laughs = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE w:document ['
        b'<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
    )

    def inject(content: bytes) -> bytes:
        body = content.split(b"?>", 1)[1].replace(b"\xe5\xb7\xa5\xe4\xbd\x9c", b"&lol4;", 1)  # 工作
        return laughs + body

    expansion = _with_document_xml(tmp_path, "laughs.docx", inject)
    assert_refused(tmp_path, expansion, "DTD")


def test_docx_with_malformed_xml(tmp_path):
    damaged = _with_document_xml(tmp_path, "damaged.docx", lambda content: content[: len(content) // 2])
    assert_refused(tmp_path, damaged, "not a readable .docx")


@pytest.mark.parametrize("name", ["report.doc", "report.wps", "renamed.docx"])
def test_ole_header_without_a_compound_file_behind_it_is_refused(tmp_path, name):
    broken = tmp_path / name
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    assert_refused(tmp_path, broken, "damaged compound file")


def test_missing_file(tmp_path):
    assert_refused(tmp_path, tmp_path / "missing.txt", "No such file")


def test_every_complaint_is_one_line_for_many_bad_files_at_once(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.md").write_bytes(b"")
    (tmp_path / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "bad" / "broken.docx").write_bytes(b"PK\x03\x04broken")
    result = CliRunner().invoke(main, [str(tmp_path / "bad"), "--format", "concise", "--lang", "en"])
    complaints = [line for line in result.stderr.splitlines() if line.startswith("shufa-lint: ")]
    named = {line.split(": ")[1] for line in complaints if line.count(": ") >= 2}
    assert result.exit_code == 2
    assert {str(tmp_path / "bad" / name) for name in ("empty.md", "binary.txt", "broken.docx")} <= named
