"""The HTML report in a real browser: headless Chromium driven by Playwright (no browser download; the
system's chromium). Skipped, with the reason shown, where no Chromium is installed; .ci/run installs it."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from review_drafts import MARKUP, SEED, write_folder
from shufa_lint.cli import main

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = playwright_api.expect

CHROMIUM = os.environ.get("SHUFA_LINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
ORIGIN = "http://review.test"  # the page is served to the browser from memory under this made-up origin

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


class Opened:
    """A page showing one HTML report, with every request it makes and every console complaint."""

    def __init__(self, browser, html: str):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("pageerror", lambda error: self.console.append(str(error)))
        self.page.route("**/*", lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8")
                        if route.request.url == f"{ORIGIN}/report.html" else route.abort())
        self.page.goto(f"{ORIGIN}/report.html")

    def close(self):
        self.page.close()


def report_html(tmp_path, *paths) -> str:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["--format", "html", "-q", "-o", str(out), *map(str, paths)])
    assert result.exit_code in (0, 1), result.output
    return out.read_text(encoding="utf-8")


def json_findings(*paths) -> list[dict]:
    result = CliRunner().invoke(main, ["--format", "json", "-q", *map(str, paths)])
    return json.loads(result.output)["diagnostics"]


def test_the_seed_report_marks_every_finding_and_loads_nothing(browser, tmp_path):
    opened = Opened(browser, report_html(tmp_path, SEED))
    page = opened.page
    findings = json_findings(SEED)
    marked = page.eval_on_selector_all(
        "mark[data-finding]", "marks => marks.map(m => [m.dataset.finding, m.dataset.code, +m.dataset.line])"
    )
    first_marks = {finding: (code, line) for finding, code, line in marked}
    assert len(first_marks) == len(findings)
    assert sorted(first_marks.values()) == sorted((f["code"], f["line"]) for f in findings)
    assert page.evaluate("document.documentElement.classList.contains('js')")  # its own script ran
    assert opened.requests == [f"{ORIGIN}/report.html"]
    assert not [text for text in opened.console if "Content Security Policy" in text or "Error" in text]
    opened.close()


def test_clicking_a_mark_shows_its_note_with_message_suggestion_and_fix(browser, tmp_path):
    opened = Opened(browser, report_html(tmp_path, SEED))
    page = opened.page
    note = page.locator("#note")
    assert note.is_hidden()
    page.locator("mark[data-code=SF401]").first.click()
    assert note.is_visible()
    text = note.inner_text()
    assert "SF401" in text and "疑有词语被过滤删除" in text and "建议" in text
    assert "修改前" in text and "修改后" in text
    page.keyboard.press("Escape")
    assert note.is_hidden()
    opened.close()


def test_filters_hide_a_family_in_the_text_and_the_panel(browser, tmp_path):
    opened = Opened(browser, report_html(tmp_path, SEED))
    page = opened.page
    entry = page.locator(".family[data-family=SF7]")
    assert entry.is_visible()
    page.locator("input[data-filter=fam][value=SF7]").uncheck()
    assert entry.is_hidden()
    background = page.eval_on_selector("mark[data-family=SF7]", "m => getComputedStyle(m).backgroundColor")
    assert background == "rgba(0, 0, 0, 0)"
    opened.close()


def test_the_dashboard_of_five_drafts_sorts_and_opens_a_document(browser, tmp_path):
    folder = write_folder(tmp_path / "drafts")
    opened = Opened(browser, report_html(tmp_path, folder))
    page = opened.page
    rows = page.locator("#dashboard tbody tr")
    assert rows.count() == 5
    assert page.locator(".doc-view").evaluate_all("views => views.filter(v => v.offsetParent).length") == 0
    # sort by the number of findings, most first: the seed leads
    header = page.locator("#dashboard th", has_text="问题").last
    header.click()
    header.click()
    assert "05-seed.txt" in rows.first.inner_text()
    page.locator("#dashboard a.open", has_text="02-南河镇.txt").click()
    view = page.locator(".doc-view.shown")
    # the link changes the address's fragment; the page routes on `hashchange`, which comes a moment later
    expect(view).to_have_count(1)
    expect(view.locator("h1")).to_contain_text("南河镇党委书记2024年度述法报告")
    expect(page.locator("#dashboard")).to_be_hidden()
    marks = view.locator("mark[data-finding]").evaluate_all("ms => new Set(ms.map(m => m.dataset.finding)).size")
    assert marks == len(json_findings(folder / "02-南河镇.txt"))
    view.locator("a.back").click()
    expect(page.locator("#dashboard")).to_be_visible()
    assert opened.requests == [f"{ORIGIN}/report.html"]
    opened.close()


def test_print_shows_every_document_and_its_findings_without_the_controls(browser, tmp_path):
    folder = write_folder(tmp_path / "drafts")
    opened = Opened(browser, report_html(tmp_path, folder))
    page = opened.page
    page.emulate_media(media="print")
    assert page.locator(".doc-view").evaluate_all("views => views.filter(v => v.offsetParent).length") == 5
    assert page.locator(".filters").first.is_hidden()
    assert page.locator(".finding").first.is_visible()
    code = page.eval_on_selector("mark[id]", "m => getComputedStyle(m, '::after').content")
    assert code.startswith('"[SF') or code.startswith('"‸[SF')
    opened.close()


def test_markup_in_a_draft_runs_nothing(browser, tmp_path):
    draft = tmp_path / "markup.txt"
    draft.write_text(MARKUP, encoding="utf-8")
    opened = Opened(browser, report_html(tmp_path, draft))
    page = opened.page
    page.locator("mark[data-finding]").first.click()
    assert page.evaluate("typeof window.pwned") == "undefined"
    text = page.locator(".text").inner_text()
    assert "<script>window.pwned = 1</script>" in text and 'onerror="window.pwned = 2"' in text
    assert page.locator(".text img, .text script, .text a[href^=javascript]").count() == 0
    assert opened.requests == [f"{ORIGIN}/report.html"]
    opened.close()
