"""Configuration: discovery, pyproject, -c, extends, per-file settings, errors, --print-config, regex safety."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from shufa_lint import registry
from shufa_lint.cli import main
from shufa_lint.config import ConfigError, ConfigResolver, Overrides, check_user_pattern
from shufa_lint.lexicon import builtin
from shufa_lint.registry import Rule
from support import SHORT_DRAFT as DRAFT
from support import refusals
from support import run_concise as run

# Three parts that satisfy a 述法 report but lack the 第一责任人 part a 法治政府建设 report requires.
UNTITLED = """一、工作情况
全年办理行政复议案件12件，组织法治培训3场。
二、存在问题
执法人员法治素养有待提高。行政复议案件纠错率偏高。
三、下一步打算
持续深化法治宣传教育。
"""


def found(result) -> set[str]:
    return {line.split(": ")[1].split()[0] for line in result.stdout.splitlines() if ": SF" in line}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git work tree (a folder with .git) as the current folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def test_without_configuration_every_rule_runs(repo):
    write(repo / "draft.txt", DRAFT)
    assert {"SF302", "SF303", "SF401"} <= found(run("draft.txt"))


def test_configuration_is_found_upward_from_the_file(repo):
    write(repo / ".shufa-lint.yaml", "ignore: [SF303]\n")
    write(repo / "reports" / "2024" / "draft.txt", DRAFT)
    codes = found(run("reports/2024/draft.txt"))
    assert "SF303" not in codes and "SF401" in codes


def test_discovery_stops_at_the_repository_root(repo):
    write(repo.parent / ".shufa-lint.yaml", "ignore: [SF4]\n")
    write(repo / "draft.txt", DRAFT)
    assert "SF401" in found(run("draft.txt"))


def test_yml_spelling_is_accepted(repo):
    write(repo / ".shufa-lint.yml", "ignore: [redacted-term]\n")
    write(repo / "draft.txt", DRAFT)
    assert "SF401" not in found(run("draft.txt"))


def test_each_file_gets_its_nearest_configuration_in_one_run(repo):
    write(repo / ".shufa-lint.yaml", "ignore: [SF303]\n")
    write(repo / "county" / ".shufa-lint.yaml", "ignore: [SF401]\n")
    write(repo / "city.txt", DRAFT)
    write(repo / "county" / "town.txt", DRAFT)
    lines = run("city.txt", "county/town.txt").stdout.splitlines()
    city = {line.split(": ")[1].split()[0] for line in lines if line.startswith("city.txt")}
    town = {line.split(": ")[1].split()[0] for line in lines if line.startswith("county/town.txt")}
    assert "SF303" not in city and "SF401" in city
    assert "SF401" not in town and "SF303" in town


def test_pyproject_table(repo):
    write(repo / "pyproject.toml", '[project]\nname = "reports"\n\n[tool.shufa-lint]\nignore = ["figure-missing"]\n')
    write(repo / "draft.txt", DRAFT)
    codes = found(run("draft.txt"))
    assert "SF303" not in codes and "SF401" in codes


def test_pyproject_without_the_table_does_not_stop_discovery(repo):
    write(repo / ".shufa-lint.yaml", "ignore: [SF303]\n")
    write(repo / "sub" / "pyproject.toml", '[project]\nname = "sub"\n')
    write(repo / "sub" / "draft.txt", DRAFT)
    assert "SF303" not in found(run("sub/draft.txt"))


def test_config_option_replaces_discovery(repo):
    write(repo / ".shufa-lint.yaml", "ignore: [SF303]\n")
    write(repo / "ci" / "strict.yaml", "ignore: [SF4]\n")
    write(repo / "draft.txt", DRAFT)
    codes = found(run("-c", "ci/strict.yaml", "draft.txt"))
    assert "SF303" in codes and "SF401" not in codes


def test_extends_a_builtin_pack_sets_the_report_type(repo):
    write(repo / "draft.txt", UNTITLED)
    assert "SF101" not in found(run("draft.txt"))
    write(repo / ".shufa-lint.yaml", "extends: fazhi-zhengfu\n")
    result = run("draft.txt", "--lang", "en")
    assert found(result) == {"SF101"} and "第一责任人" in result.stdout and "fazhi-zhengfu report" in result.stdout


def test_extends_a_path_merges_rules_and_lets_the_child_override(repo):
    write(
        repo / "org" / "base.yaml",
        """\
        ignore: [SF302]
        rules:
          SF401: {severity: info}
          SF303: warning
        """,
    )
    write(
        repo / "county" / ".shufa-lint.yaml",
        """\
        extends: ../org/base.yaml
        rules:
          SF303: error
        """,
    )
    write(repo / "county" / "draft.txt", DRAFT)
    config = ConfigResolver().for_path("county/draft.txt")
    assert config.settings.ignore == ("SF302",)
    assert config.settings.severity == {"SF401": "info", "SF303": "error"}
    assert [Path(source).name for source in config.sources] == ["base.yaml", ".shufa-lint.yaml"]


def test_per_file_ignores_apply_to_matching_files_only(repo):
    write(repo / ".shufa-lint.yaml", "per-file-ignores:\n  'archive/**': [SF3]\n  '*-notes.txt': [SF4]\n")
    write(repo / "archive" / "2022" / "draft.txt", DRAFT)
    write(repo / "current" / "draft.txt", DRAFT)
    write(repo / "current" / "meeting-notes.txt", DRAFT)
    assert not {"SF302", "SF303"} & found(run("archive/2022/draft.txt"))
    assert {"SF302", "SF303", "SF401"} <= found(run("current/draft.txt"))
    assert "SF401" not in found(run("current/meeting-notes.txt"))


def test_severity_override_by_code_and_by_name(repo):
    write(repo / ".shufa-lint.yaml", "rules:\n  SF401: {severity: info}\n  name-placeholder: warning\n")
    write(repo / "draft.txt", DRAFT)
    result = CliRunner().invoke(main, ["--format", "json", "draft.txt"])
    severities = {d["code"]: d["severity"] for d in yaml.safe_load(result.stdout)["diagnostics"]}
    assert severities["SF401"] == "info" and severities["SF302"] == "warning"


def test_info_override_lets_the_run_pass(repo):
    write(repo / "draft.txt", "某县司法局2024年度述法报告\n一、履职情况\n深入学习_法治思想。\n二、存在问题\n宣传不够。\n三、下一步打算\n持续推进。\n")
    assert run("draft.txt", "--select", "SF401").exit_code == 1
    write(repo / ".shufa-lint.yaml", "rules: {redacted-term: info}\n")
    assert run("draft.txt", "--select", "SF401").exit_code == 0


@pytest.fixture
def optioned_rule(monkeypatch):
    """A rule with options, registered for one test: the built-in rules take none yet."""
    seen = []

    class MinimumLength(Rule):
        """Test rule: records the options it ran with."""

        code = "SF099"
        name = "minimum-length"
        defaults = {"min_chars": 20, "sections": ["存在问题"]}

        def check(self, document, context):
            seen.append(dict(context.options))
            return ()

    registry.all_rules()
    monkeypatch.setitem(registry._RULES, MinimumLength.code, MinimumLength)
    monkeypatch.setattr(registry, "_ALL_RULES", None)  # the rule set is cached: make it see this rule
    registry.selected.cache_clear()
    yield seen
    registry.selected.cache_clear()


def test_rule_options_reach_the_rule(repo, optioned_rule):
    write(repo / ".shufa-lint.yaml", "report-year: 2023\nrules:\n  minimum-length: {min-chars: 50, severity: info}\n")
    write(repo / "draft.txt", DRAFT)
    run("draft.txt", "--select", "SF099")
    assert optioned_rule == [{"min_chars": 50, "sections": ["存在问题"], "report_year": 2023}]


@pytest.mark.parametrize(
    "options, chinese, english",
    [
        ("{min-chars: many}", "rules.SF099.min-chars: 应是整数（默认值为 20）", "must be of type int, like its default 20"),
        (
            "{min-char: 5}",
            "rules.SF099: 没有选项“min-char”（是否应为“min-chars”？）；SF099 的选项：severity、min-chars、sections",
            "unknown option 'min-char' (did you mean 'min-chars'?) (SF099 takes: severity, min-chars, sections)",
        ),
        (
            "{severity: fatal}",
            "rules.SF099.severity: 没有严重级别“fatal”（可选：error、warning、info）",
            "rules.SF099.severity: unknown severity 'fatal' (error, warning, info)",
        ),
    ],
)
def test_rule_option_mistakes_are_errors(repo, optioned_rule, options, chinese, english):
    write(repo / ".shufa-lint.yaml", f"rules:\n  SF099: {options}\n")
    write(repo / "draft.txt", DRAFT)
    said = refusals("draft.txt")
    assert said["zh"] == f".shufa-lint.yaml: {chinese}"
    assert said["en"].startswith(".shufa-lint.yaml: ") and said["en"].endswith(english)


def test_report_year_decides_which_sections_are_required(repo):
    write(repo / "draft.txt", UNTITLED)
    write(repo / ".shufa-lint.yaml", "pack: fazhi-zhengfu\nreport-year: 2018\n")
    assert "SF101" not in found(run("draft.txt", "--select", "SF101"))
    write(repo / ".shufa-lint.yaml", "pack: fazhi-zhengfu\nreport-year: 2023\n")
    assert "SF101" in found(run("draft.txt", "--select", "SF101"))


def test_lang_from_config_and_the_flag_beats_it(repo):
    write(repo / ".shufa-lint.yaml", "lang: en\n")
    write(repo / "draft.txt", DRAFT)
    assert "filter removed a word" in run("draft.txt", "--select", "SF401").stdout
    assert "过滤删除" in run("draft.txt", "--select", "SF401", "--lang", "zh").stdout


def test_select_flag_replaces_and_ignore_flag_adds(repo):
    write(repo / ".shufa-lint.yaml", "select: [SF3]\nignore: [SF302]\n")
    write(repo / "draft.txt", DRAFT)
    assert found(run("draft.txt")) == {"SF303"}
    assert found(run("draft.txt", "--select", "SF4")) == {"SF401"}
    assert found(run("draft.txt", "--ignore", "SF303")) == set()


def test_exclude_is_honoured_for_files_named_explicitly(repo):
    write(repo / ".shufa-lint.yaml", "exclude: ['archive/', '*.bak.txt']\n")
    write(repo / "archive" / "2019" / "draft.txt", DRAFT)
    write(repo / "draft.bak.txt", DRAFT)
    write(repo / "draft.txt", DRAFT)
    result = run("archive/2019/draft.txt", "draft.bak.txt")
    assert result.exit_code == 0 and result.stdout == ""
    result = run("archive/2019/draft.txt", "draft.txt")
    assert result.exit_code == 1 and "archive" not in result.stdout and "draft.txt:3:" in result.stdout


def test_extra_lexicon_teaches_a_new_removed_word(repo):
    text = "某县司法局2024年度述法报告\n一、履职情况\n深入推进扫黑_专项斗争常态化。\n"
    write(repo / "draft.txt", text)
    assert "扫黑除恶" not in run("draft.txt", "--select", "SF401").stdout
    write(repo / "terms" / "local.yaml", "removed_words:\n  除恶:\n    phrases: [扫黑除恶]\n")
    write(repo / ".shufa-lint.yaml", "lexicons:\n  redactions: terms/local.yaml\n")
    assert "扫黑除恶" in run("draft.txt", "--select", "SF401").stdout


def test_extra_placeholder_patterns(repo):
    text = "某县司法局2024年度述法报告\n一、履职情况\n全年办理行政复议案件▲▲件，由【姓名】同志牵头负责。\n"
    write(repo / "draft.txt", text)
    assert not {"SF301", "SF302"} & found(run("draft.txt"))
    write(repo / ".shufa-lint.yaml", "figure-placeholders: ['▲{1,3}']\nname-placeholders: ['【姓名】']\n")
    assert {"SF301", "SF302"} <= found(run("draft.txt"))


# Each mistake: the line a default run prints (Chinese) and the one of --lang en (unchanged English),
# both after "shufa-lint: .shufa-lint.yaml: ". Paths that depend on the test's folder are cut at "…".
CONFIGURATION_MISTAKES = [
    ("selct: [SF3]\n", "没有配置项“selct”（是否应为“select”？）", "unknown key 'selct' (did you mean 'select'?)"),
    ("ignore: [SF3O3]\n", "ignore: 没有规则“SF3O3”（是否应为“SF303”？）", "ignore: unknown rule 'SF3O3' (did you mean 'SF303'?)"),
    (
        "rules:\n  figure-mising: info\n",
        "rules: 没有规则“figure-mising”（是否应为“figure-missing”？）",
        "rules: unknown rule 'figure-mising' (did you mean 'figure-missing'?)",
    ),
    (
        "rules:\n  SF303: fatal\n",
        "rules.SF303.severity: 没有严重级别“fatal”（可选：error、warning、info）",
        "rules.SF303.severity: unknown severity 'fatal' (error, warning, info)",
    ),
    ("report-year: '2024'\n", "report-year: 应是年份，如 2024", "report-year: must be a year like 2024"),
    ("select: 3\n", "select: 应是规则代码、前缀或名称的列表", "select: must be a list of rule codes, prefixes or names"),
    ("lang: cn\n", "lang: 应是 zh、en 之一", "lang: must be one of zh, en"),
    (
        "extends: fazhi-zhengfo\n",
        "extends: “fazhi-zhengfo”既不是内置报告类型，也不是文件（是否应为“fazhi-zhengfu”？）",
        "extends: 'fazhi-zhengfo' is neither a built-in pack nor a file (did you mean 'fazhi-zhengfu'?)",
    ),
    (
        "extends: ./missing.yaml\n",
        "extends: “./missing.yaml”既不是内置报告类型，也不是文件",
        "extends: './missing.yaml' is neither a built-in pack nor a file",
    ),
    (
        "lexicons:\n  redaction: x.yaml\n",
        "lexicons: 没有词表“redaction”（是否应为“redactions”？）；可选：figures、redactions、review、terms",
        "lexicons: unknown lexicon table 'redaction' (did you mean 'redactions'?) (known: figures, redactions, review, terms)",
    ),
    ("lexicons:\n  redactions: terms/local.yaml\n", "lexicons.redactions: 找不到文件：…", "lexicons.redactions: file not found: …"),
    ("outline: nowhere.yaml\n", "outline: 找不到文件：…", "outline: file not found: …"),
    ("outline: ../outside.txt\n", "outline: “../outside.txt”指向 …", "outline: '../outside.txt' leads outside …"),
    (
        'exclude: ["[z-a]"]\n',
        "exclude: 通配符“[z-a]”无效：bad character range z-a at position 1",
        "exclude: invalid glob '[z-a]': bad character range z-a at position 1",
    ),
    (
        "ignore-text:\n  - {code: SF303, txt: 信访 件}\n",
        "ignore-text[0]: 没有配置项“txt”（是否应为“text”？）",
        "ignore-text[0]: unknown key 'txt' (did you mean 'text'?)",
    ),
    ("ignore: [SF3]\n  bad: [\n", "第 2 行第 3 列 YAML 格式有误：did not find expected key", "line 2, column 3: did not find expected key"),
    ("- select\n", "配置应是由配置项组成的映射（extends、pack、outline、…", "the configuration must be a mapping of keys (extends, pack, outline, …"),
]


@pytest.mark.parametrize("config, chinese, english", CONFIGURATION_MISTAKES)
def test_configuration_mistakes_are_one_line_naming_file_and_key_in_the_runs_language(repo, config, chinese, english):
    write(repo / ".shufa-lint.yaml", config)
    write(repo / "draft.txt", DRAFT)
    write(repo.parent / "outside.txt", "一、工作情况\n")
    said = refusals("draft.txt")
    for line, expected in ((said["zh"], chinese), (said["en"], english)):
        assert line.startswith(".shufa-lint.yaml: ")
        expected, cut, _ = expected.partition("…")
        assert line.startswith(f".shufa-lint.yaml: {expected}") if cut else line == f".shufa-lint.yaml: {expected}"


def test_a_configuration_that_says_lang_en_is_still_refused_in_chinese_by_default(repo):
    # its lang is not known until it has been read; only --lang en makes the refusal English
    write(repo / ".shufa-lint.yaml", "lang: en\nselct: [SF3]\n")
    write(repo / "draft.txt", DRAFT)
    said = refusals("draft.txt")
    assert "没有配置项“selct”" in said["zh"] and "unknown key 'selct'" in said["en"]


def test_pyproject_mistakes_name_the_table(repo):
    write(repo / "pyproject.toml", '[tool.shufa-lint]\nignroe = ["SF3"]\n')
    write(repo / "draft.txt", DRAFT)
    said = refusals("draft.txt")
    assert said["zh"] == "pyproject.toml [tool.shufa-lint]: 没有配置项“ignroe”（是否应为“ignore”？）"
    assert said["en"] == "pyproject.toml [tool.shufa-lint]: unknown key 'ignroe' (did you mean 'ignore'?)"


def test_a_pyproject_without_the_table_given_with_c_is_an_error(repo):
    write(repo / "pyproject.toml", "[tool.black]\nline-length = 100\n# shufa-lint settings live elsewhere\n")
    write(repo / "draft.txt", DRAFT)
    said = refusals("-c", "pyproject.toml", "draft.txt")
    assert said["zh"] == f"{repo / 'pyproject.toml'}: 没有 [tool.shufa-lint] 表"
    assert said["en"] == f"{repo / 'pyproject.toml'}: no [tool.shufa-lint] table"


def test_missing_config_option_file_is_an_error(repo):
    write(repo / "draft.txt", DRAFT)
    said = refusals("-c", "ci/missing.yaml", "draft.txt")
    assert said["zh"].endswith("ci/missing.yaml: 找不到配置文件")
    assert said["en"].endswith("ci/missing.yaml: configuration file not found")


def test_extends_cycle_is_an_error(repo):
    write(repo / "a.yaml", "extends: b.yaml\n")
    write(repo / "b.yaml", "extends: a.yaml\n")
    write(repo / "draft.txt", DRAFT)
    said = refusals("-c", "a.yaml", "draft.txt")
    cycle = f"{repo / 'a.yaml'} -> {repo / 'b.yaml'}"
    assert said["zh"] == f"{repo / 'a.yaml'}: 经 {cycle} 循环继承（extends）了自身"
    assert said["en"] == f"{repo / 'a.yaml'}: extends itself through {cycle}"


def test_a_lexicon_file_that_is_not_yaml_is_named_in_the_runs_language(repo):
    write(repo / "terms" / "local.yaml", "removed_words:\n  除恶: [扫黑除恶\n")
    write(repo / ".shufa-lint.yaml", "lexicons:\n  redactions: terms/local.yaml\n")
    write(repo / "draft.txt", DRAFT)
    said = refusals("draft.txt")
    assert said["zh"].startswith(f"{repo / 'terms' / 'local.yaml'}: 第 3 行第 1 列 YAML 格式有误：")
    assert said["en"].startswith(f"{repo / 'terms' / 'local.yaml'}: line 3, column 1: ")


@pytest.mark.parametrize(
    "name, text, chinese, english",
    [
        ("outline.yaml", "- 一、工作情况\n- [二、存在问题\n", "YAML 格式有误：", "line 3, column 1: "),
        ("outline.yaml", "- 一、工作情况\n- 3\n", "提纲的每一项应是标题、列表或映射", "an outline item must be a heading, a list or a mapping"),
        ("outline.txt", "工作情况\n存在问题\n", "提纲中没有找到带编号的标题", "no numbered headings found in the outline"),
    ],
)
def test_a_bad_outline_file_is_one_line_in_the_runs_language(repo, name, text, chinese, english):
    write(repo / name, text)
    write(repo / "draft.txt", DRAFT)
    said = refusals("--outline", name, "draft.txt")
    assert said["zh"].startswith(f"{name}: ") and chinese in said["zh"]
    assert said["en"].startswith(f"{name}: ") and english in said["en"]


def test_unknown_selector_on_the_command_line_is_an_error(repo):
    write(repo / "draft.txt", DRAFT)
    said = refusals("--select", "SF3O1", "draft.txt")
    assert said["zh"] == "--select/--ignore: 没有规则“SF3O1”（是否应为“SF301”？）"
    assert said["en"] == "--select/--ignore: unknown rule 'SF3O1' (did you mean 'SF301'?)"


def test_an_unknown_pack_on_the_command_line_is_named_in_the_runs_language(repo):
    write(repo / "draft.txt", DRAFT)
    chinese = run("--pack", "fazhi", "draft.txt")
    assert chinese.exit_code == 2 and "--pack：没有报告类型“fazhi”（可选：" in chinese.stderr
    assert "fazhi-zhengfu" in chinese.stderr and "unknown" not in chinese.stderr
    english = run("--lang", "en", "--pack", "fazhi-zhenfu", "draft.txt")
    assert english.exit_code == 2 and "unknown pack 'fazhi-zhenfu' (did you mean 'fazhi-zhengfu'?)" in english.stderr


def test_print_config_shows_the_effective_configuration(repo):
    write(repo / "org.yaml", "extends: fazhi-zhengfu\nrules: {SF303: info}\nexclude: [old/]\n")
    write(
        repo / ".shufa-lint.yaml",
        "extends: org.yaml\nreport-year: 2024\nper-file-ignores: {'county/*': [SF302]}\n"
        "ignore-text: [{code: SF303, text: 涉法涉诉信访 件}]\n",
    )
    write(repo / "county" / "draft.txt", DRAFT)
    result = run("--print-config", "--ignore", "SF7", "county/draft.txt")
    assert result.exit_code == 0
    shown = yaml.safe_load(result.stdout)
    assert shown["pack"] == "fazhi-zhengfu"
    assert shown["ignore"] == ["SF302", "SF7"]
    assert shown["rules"] == {"SF303": {"severity": "info"}}
    assert shown["report-year"] == 2024 and shown["exclude"] == ["old"] and shown["excluded"] is False
    assert shown["ignore-text"] == [{"code": ["SF303"], "text": "涉法涉诉信访 件"}]
    assert [Path(p).name for p in shown["config-files"]] == ["builtin:fazhi-zhengfu", "org.yaml", ".shufa-lint.yaml"]


def test_print_config_without_a_path_describes_the_current_folder(repo):
    write(repo / ".shufa-lint.yaml", "lang: en\n")
    shown = yaml.safe_load(run("--print-config").stdout)
    assert shown["lang"] == "en"


# --- user regular expressions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(a*)*b", r"(a|a)*c", r"(a|ab)+$", r"(\d+\s?)+件", r"(x+x+)+y", r"(.*号){12}", r"([某XＸ]+同志)*",
     r"\S*\S*\S*待填", r"X*X*X*X*Z", r"[X]*[X]*Z", r"(X+)(X+)(X+)Z"],
)
def test_catastrophic_patterns_are_refused(pattern):
    with pytest.raises(ConfigError, match="unsafe regular expression"):
        check_user_pattern(pattern, "figure-placeholders[0]")


@pytest.mark.parametrize(
    "pattern",
    [r"某某", r"[xXｘＸ×]{1,3}", r"(?:20|２０)[xX×]{2}\s*年", r"_{2,}(?=[年月日])", r"(某|XX)+", r"\d+(\.\d+)?%", r"【[^】]{1,6}】",
     r"\d+\s*次", r"X+Y+"],
)
def test_ordinary_patterns_are_accepted(pattern):
    assert check_user_pattern(pattern, "name-placeholders[0]") == pattern


def test_the_builtin_placeholder_patterns_pass_the_check():
    table = builtin().table("figures")
    for pattern in [table["placeholder"], *table["name_placeholders"]]:
        check_user_pattern(pattern, "rules/lexicons/figures.yaml")


def test_a_pathological_pattern_in_config_stops_the_run_before_linting(repo):
    # (X+)+$ against a long run of X with no end would backtrack for hours if it ever ran
    write(repo / "draft.txt", "某县司法局2024年度述法报告\n" + "X" * 40 + "件。\n")
    write(repo / ".shufa-lint.yaml", "figure-placeholders: ['(X+)+$']\n")
    said = refusals("draft.txt")
    assert said["zh"].startswith(".shufa-lint.yaml: figure-placeholders[0]: 正则表达式“(X+)+$”不安全：它在重复的分组里又用了量词")
    assert said["en"].startswith(".shufa-lint.yaml: figure-placeholders[0]: unsafe regular expression '(X+)+$'")


def test_invalid_regular_expression_is_reported():
    with pytest.raises(ConfigError, match="invalid regular expression"):
        check_user_pattern("(某某", "name-placeholders[0]")


def test_overrides_validate_the_pack():
    with pytest.raises(ConfigError, match="did you mean 'shufa'"):
        ConfigResolver(Overrides(pack="shufaa"))
