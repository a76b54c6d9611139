"""Five whole drafts (tests/fixtures/qa_defects/, written for these tests) with content defects put in
where drafters put them: each defect is found at its line by the rule meant for it, and the traps
beside them (correct formulas, 原《…》, dated history, 法制审核, a comparison) stay silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import codes

DEFECTS = Path(__file__).parent / "fixtures" / "qa_defects"
CONTENT_RULES = ("SF4", "SF71", "SF72", "SF8")


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "d1_town_shufa_2024.txt",
            [
                ("SF711", 7),  # 审查合同3千余份
                ("SF712", 8),  # 3-5个工作日
                ("SF714", 8),  # 按期办结率106%
                ("SF721", 8),  # （三）2023年矛盾纠纷化解情况, in a 2024 report
                ("SF403", 9),  # “七五”普法 in 2024
                ("SF805", 9),  # （来源：县司法局）
                ("SF801", 13),  # 留守老人 problem, no measure
            ],
        ),
        (
            "d2_county_fzzf_2025.txt",
            [
                ("SF403", 4),  # 2025年是“十四五”规划开局之年
                ("SF403", 4),  # 党的十九大和十九届历次全会精神 in 2025
                ("SF404", 4),  # 法治建設
                ("SF403", 6),  # 二○二五年
                ("SF403", 9),  # 《信访条例》 in 2025
                ("SF805", 9),  # 阅读次数：1024
                ("SF722", 14),  # 四、2025年工作安排
                ("SF723", 19),  # signed 2024年12月20日
            ],
        ),
        (
            "d3_shuzhi_2023.txt",
            [
                ("SF403", 8),  # 《中华人民共和国合同法》 in 2023
                ("SF403", 8),  # 法制副校长
                ("SF712", 9),  # 5～8%
                ("SF714", 9),  # 出庭应诉率120%
                ("SF721", 10),  # （四）2022年普法工作情况
                ("SF405", 10),  # 鈥滆瘔璇夆€濇渚�
                ("SF803", 17),  # 法治意识还不够强，学法用法仍需加强
                # not found: 群众法治意识显著增强 closes a sentence whose other clauses hold figures (26份,
                # 8名), which SF804 takes as its support
            ],
        ),
        (
            "d4_county_fzzf_2026.txt",
            [
                ("SF403", 4),  # 2026年是“十四五”收官之年
                ("SF403", 8),  # “八五”普法 in 2026
                ("SF711", 8),  # 5百人次
                ("SF714", 8),  # 参考率101%
                ("SF715", 9),  # 2027年3月, signed 2026年12月
                ("SF805", 9),  # （略）
                ("SF802", 11),  # 工作中还存在一些不足。
            ],
        ),
        (
            "d5_town_fzzf_2022.txt",
            [
                ("SF403", 3),  # 法制建设第一责任人
                ("SF403", 5),  # 县政府法制办 in 2022
                ("SF712", 6),  # 1-2次
                ("SF721", 6),  # （二）2021年行政执法情况
                ("SF403", 7),  # “九五”普法 in 2022
                ("SF805", 7),  # 打印本页
                ("SF805", 7),  # 关闭窗口
                ("SF801", 10),  # 执法记录仪 problem, no measure
                ("SF723", 15),  # signed 2024年1月 for 2022
            ],
        ),
    ],
)
def test_each_injected_defect_is_found_and_nothing_else(name, expected):
    text = (DEFECTS / name).read_text(encoding="utf-8")
    assert sorted((code, line) for code, line, _column in codes(text, CONTENT_RULES)) == sorted(expected)
