"""shufa-lint serve: the page and the API answer with the CLI's findings; limits, Host check, temp files."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest
from click.testing import CliRunner

from review_drafts import ANNUAL, MARKUP, NO_PROBLEMS_PART, OUTLINE_GAP, SEED
from shufa_lint.cli import main

starlette_testclient = pytest.importorskip("starlette.testclient", reason="the serve extra is not installed")


def cli_findings(path) -> list[dict]:
    result = CliRunner().invoke(main, ["--format", "json", "-q", str(path)])
    return [{k: v for k, v in d.items() if k != "path"} for d in json.loads(result.output)["diagnostics"]]


def without_paths(payload: dict) -> list[dict]:
    return [{k: v for k, v in d.items() if k != "path"} for d in payload["diagnostics"]]


@pytest.fixture
def client(tmp_path):
    from shufa_lint.serve import allowed_hosts, create_app

    folder = tmp_path / "private"
    folder.mkdir()
    with starlette_testclient.TestClient(create_app(str(folder), allowed_hosts("127.0.0.1", ())),
                                         base_url="http://127.0.0.1:8765") as test_client:
        test_client.private_folder = folder
        yield test_client


def test_the_page_offers_upload_paste_pack_outline_and_fixes(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.text
    for field in ('name="file"', 'name="text"', 'name="pack"', 'value="fazhi-zhengfu"', 'name="outline"',
                  'value="unsafe"', 'formaction="/api/fix"'):
        assert field in page
    # the upload takes every format the readers take, and says so
    assert 'accept=".txt,.md,.markdown,.docx,.doc,.wps,.odt,.rtf,.pdf"' in page
    assert "上传文件（.txt .md .markdown .docx .doc .wps .odt .rtf .pdf，" in page
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "form-action 'self'" in policy


def test_api_lint_answers_an_upload_with_the_cli_findings(client):
    response = client.post("/api/lint", files={"file": ("seed.txt", SEED.read_bytes())})
    assert response.status_code == 200
    assert without_paths(response.json()) == cli_findings(SEED)


def test_api_lint_answers_json_text(client, tmp_path):
    draft = tmp_path / "south.txt"
    draft.write_text(NO_PROBLEMS_PART, encoding="utf-8")
    response = client.post("/api/lint", json={"name": "south.txt", "text": NO_PROBLEMS_PART})
    assert without_paths(response.json()) == cli_findings(draft)
    assert {d["path"] for d in response.json()["diagnostics"]} == {"south.txt"}


def test_api_report_is_the_html_report(client):
    response = client.post("/api/report", files={"file": ("seed.txt", SEED.read_bytes())})
    assert response.headers["content-type"].startswith("text/html")
    marks = {part.split('"')[0] for part in response.text.split('data-finding="')[1:]}
    assert len({m for m in marks if m.startswith("d0-f")}) == len(cli_findings(SEED))


def test_pasted_markup_comes_back_as_text(client):
    response = client.post("/api/report", data={"text": MARKUP, "name": "markup.txt"})
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in response.text
    assert "<script>window.pwned" not in response.text


def test_the_report_type_and_an_outline_file_can_be_chosen(client):
    response = client.post("/api/lint", json={"name": "north.txt", "text": ANNUAL, "pack": "shufa"})
    assert any(d["code"] == "SF101" and "整改措施" in d["message"] for d in response.json()["diagnostics"])
    outline = "一、履职情况\n（一）抓学习\n（二）抓决策\n（三）抓化解\n二、存在问题\n三、下一步打算\n"
    body = OUTLINE_GAP.split("\n\n", 1)[1]  # the draft without its embedded outline
    response = client.post("/api/lint", files={"outline": ("outline.txt", outline.encode())},
                           data={"text": body, "name": "west.txt"})
    assert [d["message"] for d in response.json()["diagnostics"] if d["code"] == "SF501"] == [
        "提纲要求的“（二）抓决策”在正文中缺失；应补在第 3 行“（一）抓学习”之后"
    ]
    assert list(client.private_folder.iterdir()) == []  # the outline's file went with the request


def test_unknown_report_type_and_empty_input_are_refused(client):
    assert client.post("/api/lint", json={"text": "x", "pack": "nope"}).status_code == 400
    assert client.post("/api/lint", data={"name": "a.txt"}).status_code == 400
    assert client.post("/api/lint", files={"file": ("a.docx", b"not a zip")}).status_code == 400


def test_a_refusal_is_said_in_chinese_like_the_page_unless_english_is_asked(client):
    empty = client.post("/api/report", data={"name": "a.txt", "text": ""})
    assert empty.status_code == 400 and empty.json()["error"].startswith("没有文稿")
    broken = client.post("/api/lint", files={"file": ("a.pdf", b"junk")})
    assert broken.json()["error"] == "a.pdf: 不是 PDF 文件（没有 %PDF 文件头）"
    english = client.post("/api/fix", files={"file": ("a.pdf", b"junk")}, data={"lang": "en"})
    assert english.status_code == 400 and english.text == "a.pdf: not a PDF (no %PDF header)"
    unknown = client.post("/api/lint", json={"text": "一、工作情况", "pack": "nope", "lang": "en"})
    assert unknown.json()["error"].startswith("unknown report type 'nope'")


def test_a_malformed_outline_is_refused_by_its_uploaded_name_in_the_asked_language(client):
    outline = ("提纲.yaml", "- 一、工作情况\n- [二、存在问题\n".encode())
    chinese = client.post("/api/lint", files={"outline": outline}, data={"text": ANNUAL, "name": "a.txt"})
    assert chinese.status_code == 400
    assert chinese.json()["error"].startswith("提纲.yaml: 第 3 行第 1 列 YAML 格式有误：")
    english = client.post("/api/lint", files={"outline": outline}, data={"text": ANNUAL, "name": "a.txt", "lang": "en"})
    assert english.status_code == 400 and english.json()["error"].startswith("提纲.yaml: line 3, column 1: ")
    headless = client.post("/api/lint", json={"text": ANNUAL, "outline": "工作情况\n存在问题\n"})
    assert headless.json()["error"] == "outline.txt: 提纲中没有找到带编号的标题"
    assert list(client.private_folder.iterdir()) == []


def test_fixed_file_download_safe_or_unsafe(client, tmp_path):
    safe = client.post("/api/fix", files={"file": ("seed.txt", SEED.read_bytes())}, data={"fixes": "safe"})
    unsafe = client.post("/api/fix", files={"file": ("seed.txt", SEED.read_bytes())}, data={"fixes": "unsafe"})
    assert safe.status_code == unsafe.status_code == 200
    assert "attachment" in safe.headers["content-disposition"] and "seed.txt" in safe.headers["content-disposition"]
    original = SEED.read_text(encoding="utf-8")
    assert "(一)" in original and "（一）" in safe.text  # punctuation fixed (safe)
    assert "习近平法治思想" not in safe.text.split("\n")[2] and "习近平" in unsafe.text.split("\n")[2]
    assert client.post("/api/fix", files={"file": ("a.docx", b"PK")}).status_code == 400  # not a .docx at all
    draft = tmp_path / "a.docx"
    document = docx.Document()
    document.add_paragraph(NO_PROBLEMS_PART)
    document.save(draft)
    refused = client.post("/api/fix", files={"file": ("a.docx", draft.read_bytes())})
    assert refused.status_code == 422 and ".docx" in refused.text


def test_a_foreign_host_header_is_refused(client):
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_the_subcommand_never_shadows_a_file_named_serve(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "serve").write_text(NO_PROBLEMS_PART, encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "concise", "-q", "./serve"])
    assert result.exit_code == 1 and "./serve:4:1: SF101" in result.output
    help_text = subprocess.run([sys.executable, "-m", "shufa_lint", "serve", "--help"], capture_output=True,
                               text=True, timeout=120).stdout
    assert "--host" in help_text and "shufa-lint ./serve" in help_text


# --- a real server (uvicorn in its own process) ------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    temporary = tmp_path_factory.mktemp("server-tmp")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "shufa_lint", "serve", "--port", str(port)],
        env=dict(os.environ, TMPDIR=str(temporary)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(600):  # up to a minute on a loaded machine: wait until it accepts connections
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode())
            subprocess.run(["sleep", "0.1"])
    yield port, temporary, process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


def request(port: int, method: str, path: str, body: bytes = b"", headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_the_server_listens_on_loopback_only(server):
    port = server[0]
    if not os.path.exists("/proc/net/tcp"):
        pytest.skip("no /proc/net/tcp to read listening sockets from")
    listening = [line.split() for line in open("/proc/net/tcp").read().splitlines()[1:]]
    local = [fields[1] for fields in listening if fields[3] == "0A" and int(fields[1].split(":")[1], 16) == port]
    assert local == [f"0100007F:{port:04X}"]


def test_30_mb_is_refused_with_413_and_the_server_lives_on(server):
    port = server[0]
    big = b"\xe6\xb3\x95" * (10 * 1024 * 1024)  # 30 MB of 法
    status, _ = request(port, "POST", "/api/lint", big, {"Content-Type": "application/json"})
    assert status == 413
    assert request(port, "GET", "/")[0] == 200


def test_foreign_host_is_refused_by_the_real_server(server):
    assert request(server[0], "GET", "/", headers={"Host": "rebind.example:80"})[0] == 400


def test_concurrent_requests_all_get_the_cli_findings(server):
    port = server[0]
    payload = json.dumps({"name": "seed.txt", "text": SEED.read_text(encoding="utf-8")}).encode()
    expected = cli_findings(SEED)

    def lint(_):
        status, body = request(port, "POST", "/api/lint", payload, {"Content-Type": "application/json"})
        return status, without_paths(json.loads(body))

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lint, range(6)))
    assert all(status == 200 and found == expected for status, found in results)


def test_nothing_is_left_in_the_temp_folder_after_the_server_stops(server):
    port, temporary, process = server
    outline = "一、履职情况\n二、存在问题\n三、下一步打算\n"
    status, _ = request(port, "POST", "/api/lint", json.dumps({"text": NO_PROBLEMS_PART, "outline": outline}).encode(),
                        {"Content-Type": "application/json"})
    assert status == 200
    (private,) = list(temporary.iterdir())  # the server's private folder, empty between requests
    assert private.name.startswith("shufa-lint-serve-") and list(private.iterdir()) == []
    assert oct(private.stat().st_mode & 0o777) == "0o700"
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    assert list(temporary.iterdir()) == []


def test_a_body_without_a_length_is_cut_off_at_the_limit(client):
    from shufa_lint.serve import MAX_UPLOAD_BYTES

    def chunks():
        for _ in range(MAX_UPLOAD_BYTES // (1024 * 1024) + 2):
            yield b"x" * (1024 * 1024)

    response = client.post("/api/lint", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert client.get("/").status_code == 200


def test_the_folder_configuration_applies_to_every_submission(tmp_path, monkeypatch):
    """Started in a drafts repository, the page checks drafts as the CLI and the hook do there."""
    from shufa_lint.serve import _configuration, allowed_hosts, create_app

    (tmp_path / ".shufa-lint.yaml").write_text("ignore: [SF701]\nrules:\n  SF303: error\n", encoding="utf-8")
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "private"
    folder.mkdir()
    app = create_app(str(folder), allowed_hosts("127.0.0.1", ()), _configuration(None))
    with starlette_testclient.TestClient(app, base_url="http://127.0.0.1:8765") as configured:
        payload = configured.post("/api/lint", files={"file": ("seed.txt", SEED.read_bytes())}).json()
    codes = {d["code"] for d in payload["diagnostics"]}
    assert "SF701" not in codes and "SF401" in codes
    assert {d["severity"] for d in payload["diagnostics"] if d["code"] == "SF303"} <= {"error"}
    assert without_paths(payload) == cli_findings(tmp_path / "seed.txt")


def test_a_broken_folder_configuration_stops_the_server_with_one_line(tmp_path, monkeypatch):
    from shufa_lint.serve import serve_command

    (tmp_path / ".shufa-lint.yaml").write_text("selct: [SF101]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(serve_command, [])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == ["shufa-lint serve: .shufa-lint.yaml: 没有配置项“selct”（是否应为“select”？）"]


def test_a_port_in_use_is_said_in_one_line_before_any_banner():
    from shufa_lint.serve import serve_command

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(serve_command, ["--port", str(port)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"shufa-lint serve: 无法在 127.0.0.1:{port} 上监听：端口已被占用（可用 --port 换一个端口）"]
