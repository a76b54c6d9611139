"""--format html without a browser: marks against findings, text kept, markup inert, structure shown."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

from click.testing import CliRunner

from review_drafts import ANNUAL, MARKUP, MOVED_AND_REWORDED, NO_PROBLEMS_PART, OUTLINE_GAP, SEED, write_folder
from shufa_lint.cli import main
from shufa_lint.formats import FileReport, RenderOptions
from shufa_lint.formats.html import Finding, _tokens, render
from shufa_lint.engine import review_source
from shufa_lint.settings import Settings
from shufa_lint.source import from_text


class Page(HTMLParser):
    """What a browser would build, as far as the tests need: marks, lines' text, scripts, links."""

    def __init__(self):
        super().__init__()
        self.marks: list[dict] = []
        self.lines: dict[str, list[str]] = {}
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self._line = None
        self._in_text = 0
        self._depth = 0
        self._raw = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "mark":
            self.marks.append(attributes)
        if tag == "div" and "ln" in attributes.get("class", ""):
            self._line = attributes["id"]
            self.lines[self._line] = []
        if tag == "span" and attributes.get("class") == "tx":
            self._in_text = 1
        elif self._in_text and tag not in ("br",):
            self._in_text += 1
        if tag in ("script", "style"):
            self._raw = (tag, [])

    def handle_endtag(self, tag):
        if self._raw and tag == self._raw[0]:
            (self.scripts if tag == "script" else self.styles).append("".join(self._raw[1]))
            self._raw = None
        if self._in_text:
            self._in_text -= 1

    def handle_data(self, data):
        if self._raw:
            self._raw[1].append(data)
        elif self._in_text and self._line:
            self.lines[self._line].append(data)


def page_of(*texts: tuple[str, str], lang: str = "zh") -> tuple[str, list[FileReport]]:
    reports = []
    for name, text in texts:
        source = from_text(name, text)
        diagnostics, structure = review_source(source, Settings())
        reports.append(FileReport(name, diagnostics, source, structure=structure))
    return render(reports, RenderOptions(lang=lang)), reports


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def test_every_finding_of_the_seed_is_marked_with_its_code_and_line():
    html, (report,) = page_of(("seed.txt", SEED.read_text(encoding="utf-8")))
    page = parse(html)
    findings = {f"d0-f{index}": d for index, d in enumerate(report.diagnostics)}
    assert len(report.diagnostics) > 50
    assert {mark["data-finding"] for mark in page.marks} == set(findings)
    for mark in page.marks:
        diagnostic = findings[mark["data-finding"]]
        assert (mark["data-code"], int(mark["data-line"])) == (diagnostic.code, diagnostic.line)


def test_the_draft_text_is_shown_unchanged_line_by_line():
    text = SEED.read_text(encoding="utf-8")
    page = parse(page_of(("seed.txt", text))[0])
    shown = ["".join(page.lines[f"d0-L{number}"]) for number in range(1, len(page.lines) + 1)]
    assert shown == text.splitlines()


def test_markup_in_a_draft_is_text_not_markup():
    html, _ = page_of(("markup.txt", MARKUP))
    page = parse(html)
    shown = "\n".join("".join(page.lines[key]) for key in page.lines)
    assert "<script>window.pwned = 1</script>" in shown
    assert '<img src=x onerror="window.pwned = 2">' in shown
    assert all("pwned" not in script for script in page.scripts)
    assert not any(tag == "img" or "onerror" in attributes for tag, attributes in page.elements)
    assert not any(attributes.get("href", "").startswith("javascript:") for _, attributes in page.elements)


def test_the_policy_allows_exactly_the_inline_style_and_script():
    html, _ = page_of(("seed.txt", SEED.read_text(encoding="utf-8")))
    page = parse(html)
    policy = next(a["content"] for tag, a in page.elements if a.get("http-equiv") == "Content-Security-Policy")

    def digest(text):
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"script-src '{digest(page.scripts[0])}'" in policy
    assert f"style-src '{digest(page.styles[0])}'" in policy
    assert "default-src 'none'" in policy
    assert len(page.scripts) == 1 and len(page.styles) == 1


def test_nothing_is_loaded_from_elsewhere():
    html, _ = page_of(("seed.txt", SEED.read_text(encoding="utf-8")))
    page = parse(html)
    for tag, attributes in page.elements:
        assert "src" not in attributes, tag
        assert not attributes.get("href", "#").startswith(("http:", "https:", "//")), attributes
    assert "@import" not in page.styles[0] and "url(" not in page.styles[0]


def test_outline_coverage_and_required_sections_link_to_their_lines():
    html, (report,) = page_of(("west.txt", OUTLINE_GAP))
    items = report.structure.outline
    assert [(item.label + item.text, item.status) for item in items] == [
        ("一、履职情况", "found"), ("（一）抓学习", "found"), ("（二）抓决策", "missing"),
        ("（三）抓化解", "found"), ("二、存在问题", "found"), ("三、下一步打算", "found"),
    ]
    # the missing item links to where it belongs, the found ones to their heading, and back
    assert re.search(r'id="d0-o2" class="lvl-2 st-missing">.*?✗.*?href="#d0-L12">应在第 12 行附近', html, re.S)
    assert re.search(r'id="d0-o3" class="lvl-2 st-found">.*?href="#d0-L13">第 13 行', html, re.S)
    assert 'href="#d0-o3"' in html
    assert [(s.label, s.status) for s in report.structure.sections] == [
        ("一、工作情况（履职情况）", "found"), ("二、存在问题", "found"), ("三、整改措施（下一步打算）", "found"),
    ]


def test_moved_and_reworded_items_show_where_they_stand():
    html, (report,) = page_of(("west.txt", MOVED_AND_REWORDED))
    assert [(item.text, item.status, item.line) for item in report.structure.outline] == [
        ("履职情况", "found", 10), ("抓学习", "moved", 15), ("抓决策", "reworded", 13), ("抓化解", "found", 11),
        ("存在问题", "found", 17), ("下一步打算", "found", 19),
    ]
    assert re.search(r'st-moved">.*?↕.*?href="#d0-L15">在第 15 行，次序不对', html, re.S)
    assert re.search(r'st-reworded">.*?≈.*?href="#d0-L13">第 13 行写作“狠抓依法决策落实见效”', html, re.S)


def test_filtered_words_are_listed_with_their_candidates():
    html, _ = page_of(("seed.txt", SEED.read_text(encoding="utf-8")))
    section = html[html.index('<section class="filtered">') : html.index('<section class="findings">')]
    assert "<q>_</q> → 可能原为: 补回“习近平”" in section


def test_a_dashboard_row_per_document_with_sections_outline_and_worst_severity(tmp_path):
    folder = write_folder(tmp_path / "drafts")
    result = CliRunner().invoke(main, ["--format", "html", "-o", str(tmp_path / "review.html"), str(folder)])
    assert result.exit_code == 1, result.output
    html = (tmp_path / "review.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-view="(d\d)".*?</tr>', html, re.S)
    assert rows == ["d0", "d1", "d2", "d3", "d4"]
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    south = re.search(r'<tr data-view="d1".*?</tr>', body, re.S).group(0)
    assert "南河镇党委书记2024年度述法报告" in south
    # 述法 sections: 工作情况 ✓, 存在问题 ✗, 整改措施 ✓; the annual report's columns do not apply
    assert re.findall(r'class="st-(found|missing)"', south) == ["found", "missing", "found"]
    assert '<span class="sev sev-error">错误</span>' in south
    north = re.search(r'<tr data-view="d2".*?</tr>', body, re.S).group(0)
    assert "fazhi-zhengfu" in north and re.findall(r'class="st-(found|missing)"', north) == ["found"] * 4
    # the type column names the type as a reviewer says it, in short (the column stays narrow); the full
    # name and the pack's id are in the tooltip
    assert '<td data-sort="fazhi-zhengfu" title="法治政府建设年度报告 (fazhi-zhengfu)">法治政府建设年度报告</td>' in north
    assert 'title="述法报告（履行推进法治建设第一责任人职责情况的报告） (shufa)">述法报告</td>' in south
    west = re.search(r'<tr data-view="d3".*?</tr>', body, re.S).group(0)
    assert ">5/6<" in west
    for view in ("d0", "d1", "d2", "d3", "d4"):
        assert f'<a class="open" href="#{view}">' in body and f'<article class="doc-view" id="{view}"' in html


def test_english_labels_and_messages():
    html, _ = page_of(("south.txt", NO_PROBLEMS_PART), lang="en")
    assert "missing section" in html and "Required sections" in html and 'lang="en"' in html


def test_an_unreadable_file_is_a_dashboard_row_not_a_crash(tmp_path):
    (tmp_path / "ok.txt").write_text(ANNUAL, encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really")
    result = CliRunner().invoke(main, ["--format", "html", "-o", str(tmp_path / "r.html"), str(tmp_path)])
    assert result.exit_code == 2
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'class="unreadable"' in html and "无法读取" in html


def _finding(name: str) -> Finding:
    return Finding(name, "SF701", "x", "SF7", "info", 1, 1, name, [], None)


def test_crossing_spans_nest_properly_and_keep_every_character():
    a, b, c = _finding("a"), _finding("b"), _finding("c")
    tokens = _tokens("一二三四五六", [(0, 4, a), (2, 6, b), (3, 3, c)])
    depth, text, pieces = 0, "", []
    for token in tokens:
        if token.kind == "open":
            depth += 1
            pieces.append(token.finding.id)
        elif token.kind == "close":
            depth -= 1
        elif token.kind == "text":
            text += token.text
        assert depth >= 0
    assert depth == 0 and text == "一二三四五六"
    assert pieces.count("a") == 1 and pieces.count("b") == 2  # b is split around a's end
    assert [t.kind for t in tokens].count("point") == 1


def test_json_and_html_agree_on_the_number_of_findings(tmp_path):
    out = tmp_path / "seed.html"
    CliRunner().invoke(main, ["--format", "html", "-o", str(out), str(SEED)])
    result = CliRunner().invoke(main, ["--format", "json", "-q", str(SEED)])
    count = len(json.loads(result.output)["diagnostics"])
    assert len({m["data-finding"] for m in parse(out.read_text(encoding="utf-8")).marks}) == count


def test_a_docx_finding_is_marked_on_its_text_after_words_numbering_label(tmp_path):
    from docx_fixtures import report_builder

    builder = report_builder()
    builder.add("某县司法局2024年度述法报告")
    builder.add("履职情况", level=0)
    builder.add("加强_学习", level=1)  # Word shows （一）加强_学习; the file holds 加强_学习
    builder.add("全年组织集中学法8次。")
    draft = tmp_path / "numbered.docx"
    draft.write_bytes(builder.to_bytes())
    out = tmp_path / "numbered.html"
    CliRunner().invoke(main, ["--format", "html", "-q", "-o", str(out), str(draft)])
    html = out.read_text(encoding="utf-8")
    line = re.search(r'<div class="ln" id="d0-L3".*?</div>', html).group(0)
    assert re.search(r'<span class="tx">（一）加强<mark [^>]*data-code="SF401"[^>]*>_</mark>学习</span>', line)


def test_every_family_of_findings_has_its_group_in_the_panel():
    html, (report,) = page_of(("seed.txt", SEED.read_text(encoding="utf-8")))
    families = {d.code[:3] for d in report.diagnostics}
    assert "SF8" in families  # the seed has problems without a measure (SF801)
    for family in families:
        assert f'<details open class="family fam-{family}" data-family="{family}">' in html


def test_a_finding_of_several_places_marks_the_places_not_the_line_between():
    text = "某镇2024年度述法报告\n一、工作情况\n全年组织学法6次,审查合同12份;调处纠纷8件。\n"
    html, (report,) = page_of(("draft.txt", text))
    (punctuation,) = [d for d in report.diagnostics if d.code == "SF701"]
    assert len(punctuation.fix.edits) == 2
    marked = re.findall(r'<mark[^>]*data-code="SF701"[^>]*>(.*?)</mark>', html)
    assert marked == [",", ";"]  # not the text from the first mark to the last
