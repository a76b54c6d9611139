"""Word documents: body text in order, Word's automatic numbering put back, what is not body text left out."""

from __future__ import annotations

import io
import zipfile

import pytest

from docx_fixtures import DocxBuilder, level_xml, report_builder
from shufa_lint.diagnostics import InputError
from shufa_lint.source.docx import read_docx
from shufa_lint.source.numbering import format_number
from shufa_lint.source.reader import read_bytes

TRACKED = 'w:id="{id}" w:author="法制办" w:date="2025-03-01T00:00:00Z"'


def lines_of(builder: DocxBuilder) -> tuple[str, ...]:
    return read_docx("report.docx", builder.to_bytes()).lines


def test_multilevel_numbering_shows_the_labels_word_displays():
    builder = report_builder()
    builder.add("2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告")
    builder.add("工作情况", level=0)
    builder.add("强化政治引领，压实法治建设主体责任", level=1)
    builder.add("坚持学习法治思想", level=2)
    builder.add("每季度专题学习一次", level=3)
    builder.add("每年述法一次", level=3)
    builder.add("健全工作机制", level=2)
    builder.add("聚焦依法行政，提升基层治理法治效能", level=1)
    builder.add("规范重大决策程序", level=2)
    builder.add("存在的问题", level=0)
    builder.add("基层执法规范化程度不高", level=1)
    assert lines_of(builder) == (
        "2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告",
        "一、工作情况",
        "（一）强化政治引领，压实法治建设主体责任",
        "1.坚持学习法治思想",
        "（1）每季度专题学习一次",
        "（2）每年述法一次",
        "2.健全工作机制",
        "（二）聚焦依法行政，提升基层治理法治效能",  # a new （二） restarts 1. below it
        "1.规范重大决策程序",
        "二、存在的问题",
        "（一）基层执法规范化程度不高",
    )


def test_label_columns_map_to_the_paragraph_text_not_shifted_by_the_label():
    builder = report_builder()
    builder.add("工作情况", level=0)
    source = read_docx("report.docx", builder.to_bytes())
    origin = source.origins[0]
    assert source.lines[0] == "一、工作情况" and origin.generated == 2
    # 工 is column 3 of the line as shown, and the first character of the paragraph in Word
    assert source.locate(1, 3) == (1, 1)
    assert source.locate(1, 6) == (1, 4)
    # the label itself has no place in the paragraph: it maps to the paragraph's start
    assert source.locate(1, 1) == (1, 1)
    assert source.position_unit == "paragraph" and source.kind == "docx"


def test_counting_goes_on_across_plain_paragraphs_and_past_ten():
    builder = report_builder()
    for number in range(1, 13):
        builder.add(f"第{number}项工作", level=0)
        builder.add("正文段落。")
    numbered = [line for line in lines_of(builder) if "项工作" in line]
    assert [line.split("、")[0] for line in numbered] == "一 二 三 四 五 六 七 八 九 十 十一 十二".split()


def test_list_instances_of_one_abstract_list_share_the_count_unless_restarted():
    builder = report_builder()
    builder.define_list([], num_id=2, abstract_id=0)  # continues list 1
    builder.define_list(
        [], num_id=3, abstract_id=0, overrides='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    )
    builder.add("工作情况", level=0, num_id=1)
    builder.add("存在问题", level=0, num_id=2)
    builder.add("附件说明", level=0, num_id=3)
    assert lines_of(builder) == ("一、工作情况", "二、存在问题", "一、附件说明")


def test_level_that_never_restarts_and_legal_numbering():
    builder = DocxBuilder()
    builder.define_list(
        [
            level_xml(0, "chineseCounting", "第%1部分"),
            level_xml(1, "decimal", "%1.%2", extra='<w:lvlRestart w:val="0"/><w:isLgl/>'),
        ],
        num_id=1,
    )
    builder.add("总体情况", level=0)
    builder.add("学习", level=1)
    builder.add("具体工作", level=0)
    builder.add("执法", level=1)
    assert lines_of(builder) == ("第一部分总体情况", "1.1学习", "第二部分具体工作", "2.2执法")


def test_numbering_that_comes_from_the_paragraph_style():
    builder = report_builder()
    styles = builder.document.styles
    heading = styles["Heading 1"]
    properties = heading.element.get_or_add_pPr()
    from docx.oxml import parse_xml

    properties.append(
        parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        )
    )
    builder.add("工作情况", style="Heading 1")
    builder.add("本年度工作扎实推进。")
    builder.add("存在问题", style="Heading 1")
    assert lines_of(builder) == ("一、工作情况", "本年度工作扎实推进。", "二、存在问题")


def test_bullets_add_no_label():
    builder = DocxBuilder()
    builder.define_list([level_xml(0, "bullet", "●")], num_id=1)
    builder.add("完善制度", level=0)
    assert lines_of(builder) == ("完善制度",)


def test_paragraph_numbered_with_an_undefined_list_reads_as_its_text():
    builder = report_builder()
    builder.add("工作情况", level=0, num_id=42)
    assert lines_of(builder) == ("工作情况",)


@pytest.mark.parametrize(
    "number, number_format, shown",
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (21, "chineseCounting", "二十一"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "decimalEnclosedParen", "⑵"),
        (3, "ideographTraditional", "丙"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimalZero", "07"),
        (5, "decimalFullWidth", "５"),
        (5, "someFutureFormat", "5"),
        (10**9, "lowerLetter", "1000000000"),  # a hostile start value spells no billion letters
    ],
)
def test_number_formats(number, number_format, shown):
    assert format_number(number, number_format) == shown


def test_tracked_changes_keep_insertions_and_drop_deletions():
    builder = report_builder()
    builder.add_xml(
        f'<w:r><w:t>组织专题学习研讨</w:t></w:r>'
        f'<w:del {TRACKED.format(id=1)}><w:r><w:delText>8</w:delText></w:r></w:del>'
        f'<w:ins {TRACKED.format(id=2)}><w:r><w:t>12</w:t></w:r></w:ins>'
        f"<w:r><w:t>次。</w:t></w:r>"
    )
    assert lines_of(builder) == ("组织专题学习研讨12次。",)


def test_a_paragraph_deleted_with_tracked_changes_takes_no_number():
    builder = report_builder()
    builder.add("工作情况", level=0)
    builder.add("强化领导", level=1)
    builder.add_xml(  # a whole numbered paragraph deleted: Word's final view skips it and its number
        f'<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'
        f'<w:rPr><w:del {TRACKED.format(id=3)}/></w:rPr></w:pPr>'
        f'<w:del {TRACKED.format(id=4)}><w:r><w:delText>删去的小节</w:delText></w:r></w:del>'
    )
    builder.add("推进依法行政", level=1)
    assert lines_of(builder) == ("一、工作情况", "（一）强化领导", "（二）推进依法行政")


def test_headers_footers_comments_footnotes_fields_and_hidden_text_are_not_body_text():
    builder = report_builder()
    section = builder.document.sections[0]
    section.header.paragraphs[0].text = "内部资料 注意保密"
    section.footer.paragraphs[0].text = "第 1 页"
    paragraph = builder.add("本年度共办理行政复议案件")
    builder.document.add_comment(paragraph.runs, text="数字待核实", author="审核人")
    builder.add_xml(
        '<w:r><w:t xml:space="preserve">详见</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF 附件1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>附件1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的批注文字</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r>'
    )
    assert lines_of(builder) == ("本年度共办理行政复议案件", "详见附件1。")


def test_tables_read_row_by_row_in_document_order():
    builder = report_builder()
    builder.add("主要数据如下：")
    table = builder.document.add_table(rows=2, cols=3)
    for column, text in enumerate(["项目", "2024年", "2025年"]):
        table.cell(0, column).text = text
    for column, text in enumerate(["行政复议案件", "8", "12"]):
        table.cell(1, column).text = text
    builder.add("以上数据截至年底。")
    source = read_docx("report.docx", builder.to_bytes())
    assert source.lines == (
        "主要数据如下：",
        "| 项目 | 2024年 | 2025年 |",
        "| 行政复议案件 | 8 | 12 |",
        "以上数据截至年底。",
    )
    assert [origin.line for origin in source.origins] == [1, 2, 3, 4]


def test_soft_line_breaks_and_tabs_stay_inside_the_paragraph():
    builder = report_builder()
    builder.add_xml('<w:r><w:t>一是加强学习</w:t><w:br/><w:t>二是</w:t><w:tab/><w:t>规范执法</w:t></w:r>')
    assert lines_of(builder) == ("一是加强学习 二是\t规范执法",)


def test_empty_paragraphs_keep_paragraph_numbers():
    builder = report_builder()
    builder.add("标题")
    builder.add("")
    builder.add("正文。")
    source = read_docx("report.docx", builder.to_bytes())
    assert source.lines == ("标题", "", "正文。")


def test_docx_from_standard_input_is_recognised_by_content():
    builder = report_builder()
    builder.add("工作情况", level=0)
    assert read_bytes("-", builder.to_bytes()).lines == ("一、工作情况",)


def test_docx_renamed_to_txt_gets_a_hint():
    builder = report_builder()
    with pytest.raises(InputError, match="rename it to .docx"):
        read_bytes("report.txt", builder.to_bytes())


def test_zip_that_is_not_a_word_document_is_refused_with_one_line():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("notes.txt", "一、工作情况")
    with pytest.raises(InputError) as refused:
        read_docx("notes.docx", archive.getvalue())
    assert "not a readable .docx" in str(refused.value) and "\n" not in str(refused.value)


def test_a_restarted_instance_does_not_change_where_the_base_list_restarts():
    builder = report_builder()
    builder.define_list(
        [], num_id=2, abstract_id=0, overrides='<w:lvlOverride w:ilvl="1"><w:startOverride w:val="4"/></w:lvlOverride>'
    )
    builder.add("工作情况", level=0)
    builder.add("强化政治引领", level=1)
    builder.add("保障法治建设", level=1, num_id=2)  # the draft jumps to （四）
    builder.add("存在问题", level=0)
    builder.add("基层执法不规范", level=1)
    assert lines_of(builder) == ("一、工作情况", "（一）强化政治引领", "（四）保障法治建设", "二、存在问题", "（一）基层执法不规范")


def test_a_malformed_label_from_word_numbering_is_reported_without_a_text_fix():
    from shufa_lint.engine import lint_source
    from shufa_lint.settings import Settings

    builder = DocxBuilder()
    builder.define_list([level_xml(0, "chineseCounting", "%1.")], num_id=1)
    builder.add("工作情况", level=0)
    builder.add("存在问题", level=0)
    source = read_bytes("report.docx", builder.to_bytes())
    found = lint_source(source, Settings(select=("SF204",)))
    assert [d.line for d in found] == [1, 2]
    assert all(d.fix is None and "编号格式" in d.message.zh for d in found)


def test_full_output_puts_the_caret_under_the_text_after_a_numbering_label(tmp_path):
    """Columns count from after Word's label (（一） is not in the file); the excerpt shows the label."""
    from click.testing import CliRunner

    from shufa_lint.cli import main
    from shufa_lint.formats.full import cell_width

    builder = report_builder()
    builder.add("2025年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告")
    builder.add("工作情况", level=0)
    builder.add("强化_法治思想学习", level=1)
    draft = tmp_path / "report.docx"
    draft.write_bytes(builder.to_bytes())
    output = CliRunner().invoke(main, ["--format", "full", "--select", "SF401", str(draft)]).output.splitlines()
    shown = next(index for index, line in enumerate(output) if "（一）强化_法治思想学习" in line)
    text, caret = output[shown], output[shown + 1]
    assert "3:3" in output[shown - 2]  # the position in the file: the paragraph's third character
    assert cell_width(caret[: caret.index("^")]) == cell_width(text[: text.index("_")])


def test_messages_about_a_document_count_paragraphs_not_lines():
    from shufa_lint.engine import lint_source
    from shufa_lint.settings import Settings

    builder = DocxBuilder()
    for text in ("某县司法局2024年度述法报告", "一、履职情况", "（一）强化学习。全年组织集中学法8次。", "（一）规范执法。审查合同12份。"):
        builder.add(text)
    source = read_bytes("draft.docx", builder.to_bytes())
    (repeat,) = lint_source(source, Settings(select=("SF202",)))
    assert "（前一个在第 3 段）" in repeat.message.zh and "(the previous one is on paragraph 3)" in repeat.message.en
