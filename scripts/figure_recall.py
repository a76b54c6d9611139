"""Recall of dropped figures (SF303, with SF301 for blanks) and false alarms on the clean text.

Every figure before a unit is deleted in turn (``组织学法6次`` → ``组织学法次``), the line is linted, and the
deletion counts as caught when a finding covers the unit it left bare. The clean lines are linted too:
every SF303 on them is a false alarm. Texts: the sentences below (written for this script, in the
style of published reports) and any files given on the command line, read in memory only.

    .venv/bin/python scripts/figure_recall.py [FILE ...] [--show-misses] [--show-alarms]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from shufa_lint.engine import lint_source
from shufa_lint.settings import Settings
from shufa_lint.source import from_text

# Units and measure words as reports write them after a figure; kept apart from the lexicon the rule
# reads so that the measurement does not grade the lexicon by itself.
_UNITS = (
    "万人次|人次|场次|批次|户次|家次|余人|余次|余件|余场|万元|亿元|元|个百分点|百分点|%|％|次|场|件|起|处|项|个|名|篇|期|轮|户|家|"
    "所|条|份|部|人|分|倍|小时|课时|学时|天|宗|本|册|套|支|座|间|栋|辆|台|张|组|批|类|种|村|镇|单|例|卷|万|余"
)
_FIGURE = re.compile(rf"(?<![0-9.０-９A-Za-z\-—~～/])([0-9０-９]+(?:\.[0-9]+)?)(?=(?:余|多)?(?:{_UNITS}))")

SENTENCES = """\
2024年共办理行政复议案件12件，行政应诉案件7件。
全年学法12次,其中专题学法4次,旁听庭审1次。
罚没款36.5万元,同比下降12%。
参加年度法律知识考试,平均成绩92分,合格率100%。
全年累计开展普法宣传活动86场,发放宣传资料1.2万份,覆盖群众3800余人次。
受理信访事项215件,按期办结率达98.6%。
办理案件41件,挽回经济损失230万元。
约有1500名群众参与线上答题。
同比增长15.3%,行政诉讼败诉率下降2个百分点。
全镇共排查矛盾纠纷141次，化解各类矛盾纠纷975件，调解成功率97%。
组织领导干部旁听庭审2次,撰写心得体会36篇。
审查合同协议8份,提出法律意见10余条。
出具法律意见书32份，参与处置信访案件5件。
累计培训行政执法人员460人次,考试合格率96%。
聘请法律顾问3名,律师事务所2家。
清理规范性文件57件,废止4件,修改9件。
全年召开常务会议24次，其中会前学法21次。
开展“法律明白人”培训3期，培育法律明白人126名。
下沉全镇9个村开展靶向宣讲9次。
设立公共法律服务工作站18个，村（社区）法律顾问覆盖率100%。
查处违法案件52起，罚款金额18.6万元。
办理行政许可事项1.3万件，即办件占比62%。
组织执法人员参加培训4轮，每轮2天。
新增人民调解员35人，调解组织达到46个。
全年接待来访群众620人次，办结率达100%。
政务公开发布信息1860条，依申请公开办理45件。
开展执法检查28次，出动执法人员300余人次。
全县共建成法治文化阵地23处，法治长廊6条。
年内召开党委会研究法治建设议题5次。
党政主要负责人年度述法3人，考核评议优秀2人。
新增规上工业企业42家，总量达到968家。
全年实施重点项目138个，完成投资312亿元。
清拆违法建筑38.2万平方米，新增绿地面积12.6万㎡。
建成5G基站1260个，新投放新能源公交车86台。
区人民医院床位由560张增至820张。
幸福路、科创大道等6条道路建成通车。
集中推进10项民生实事，新增中小学学位4800个。
新建改扩建幼儿园9所，新增公办学位3600座。
帮扶城镇失业人员再就业2100人，发放创业担保贷款1.3亿元。
排查自建房1.6万栋，整治安全隐患2300处。
政务服务事项网上可办率达98.5%，平均办理时限压缩至3.2个工作日。
办理人大代表建议86件、政协提案103件，办结率100%。
""".splitlines()


def _findings(text: str):
    settings = Settings(select=("SF301", "SF303"))
    return [(d.line, d.column, d.end_column, d.code) for d in lint_source(from_text("line.txt", text), settings)]


def measure(lines: list[str]):
    caught, total, misses, alarms = 0, 0, [], []
    for line in lines:
        if not line.strip():
            continue
        alarms += [(line, finding) for finding in _findings(line) if finding[3] == "SF303"]
        for figure in _FIGURE.finditer(line):
            damaged = line[: figure.start()] + line[figure.end() :]
            column = figure.start() + 1  # the bare unit now stands where the figure began
            total += 1
            if any(start <= column + 1 and end >= column for _, start, end, _ in _findings(damaged)):
                caught += 1
            else:
                misses.append(damaged[max(0, figure.start() - 12) : figure.start() + 6])
    return caught, total, misses, alarms


def main(arguments: list[str]) -> int:
    files = [a for a in arguments if not a.startswith("--")]
    sets = {"sentences": SENTENCES} | {
        path: Path(path).read_text(encoding="utf-8").splitlines() for path in files
    }
    grand_caught = grand_total = grand_alarms = 0
    for name, lines in sets.items():
        caught, total, misses, alarms = measure(lines)
        grand_caught, grand_total, grand_alarms = grand_caught + caught, grand_total + total, grand_alarms + len(alarms)
        print(f"{name}: recall {caught}/{total} = {caught / max(total, 1):.2f}, false alarms {len(alarms)}")
        if "--show-misses" in arguments:
            for miss in misses:
                print("   miss:", miss)
        if "--show-alarms" in arguments:
            for line, (_, column, _, _) in alarms:
                print("   alarm:", line[max(0, column - 12) : column + 6])
    print(f"ALL: recall {grand_caught}/{grand_total} = {grand_caught / max(grand_total, 1):.2f}, false alarms {grand_alarms}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
