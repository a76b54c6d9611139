"""Drafts for the HTML report, the dashboard and the web page: a township's folder of submissions, each
with a different lack, plus a draft carrying markup that must stay text."""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "seed.txt"

# Complete: all three parts, an embedded outline it follows.
COMPLETE = """【提纲】
一、履职情况
二、存在问题
三、下一步打算

东岭镇党委书记2024年度履行推进法治建设第一责任人职责情况的报告
一、履职情况
全年召开党委会专题研究法治建设工作4次，组织领导干部集中学法6次，开展“送法下乡”活动12场。
二、存在问题
基层法治队伍力量仍显薄弱，普法宣传的针对性有待增强。
三、下一步打算
持续深化习近平法治思想学习，全年开展专题学习不少于4次。
"""

# Lacks 存在问题 (SF101), and a figure left blank (SF301).
NO_PROBLEMS_PART = """南河镇党委书记2024年度述法报告
一、履职情况
全年组织领导干部集中学法*次，开展法治宣传活动20场，化解矛盾纠纷56起。
二、下一步打算
加强法治队伍建设，组织执法人员培训2期。
"""

# An annual 法治政府建设 report (the other report type) with every part.
ANNUAL = """北山县2024年法治政府建设情况报告
一、主要举措和成效
全面落实重大行政决策程序，法律顾问出具法律意见32条。
二、存在的不足和原因
行政执法规范化水平仍需提高，执法人员专业素养有待加强。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人全年专题听取法治政府建设工作汇报4次。
四、下一年度推进法治政府建设的主要安排
深入推进严格规范公正文明执法，加快建设法治政府。
"""

# An embedded outline of three parts, the first with three items.
WEST_OUTLINE = """【提纲】
一、履职情况
（一）抓学习
（二）抓决策
（三）抓化解
二、存在问题
三、下一步打算

"""

# Follows its outline except for one item left out.
OUTLINE_GAP = WEST_OUTLINE + """西坡镇党委书记2024年度履行推进法治建设第一责任人职责情况的报告
一、履职情况
（一）抓学习
全年组织集中学法8次，覆盖领导干部300余人次。
（三）抓化解
排查化解矛盾纠纷141次，调解成功率达98%以上。
二、存在问题
普法宣传的针对性有待增强。
三、下一步打算
组织执法人员培训2期，开展“送法下乡”活动10场。
"""

# Markup in a draft (pasted from a web page, or hostile) that the report must show as text.
MARKUP = """<script>window.pwned = 1</script>中山镇党委书记2024年度述法报告
一、履职情况
全年学法<img src=x onerror="window.pwned = 2">12次，开展普法活动*场。
二、存在问题
<a href="javascript:window.pwned=3">链接</a>普法宣传的针对性有待增强。
三、下一步打算
加强法治队伍建设。
"""

FOLDER = {
    "01-东岭镇.txt": COMPLETE,
    "02-南河镇.txt": NO_PROBLEMS_PART,
    "03-北山县.txt": ANNUAL,
    "04-西坡镇.txt": OUTLINE_GAP,
}


def write_folder(folder: Path) -> Path:
    """Five drafts in ``folder``: the four above and the damaged seed."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FOLDER.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "05-seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return folder

# An item moved (（一）抓学习 comes last) and one reworded past recognition (（二）).
MOVED_AND_REWORDED = WEST_OUTLINE + """西坡镇党委书记2024年度履行推进法治建设第一责任人职责情况的报告
一、履职情况
（一）抓化解
排查化解矛盾纠纷141次，调解成功率达98%以上。
（二）狠抓依法决策落实见效
重大行政决策全部经过合法性审查。
（三）抓学习
全年组织集中学法8次，覆盖领导干部300余人次。
二、存在问题
普法宣传的针对性有待增强。
三、下一步打算
组织执法人员培训2期，开展“送法下乡”活动10场。
"""
