"""Command line: ``shufa-lint [OPTIONS] PATH...``.

Exit codes: 0 no finding of severity warning or error, 1 such findings, 2 usage or input errors
(a one-line message naming the file; the other files are still linted).
"""

import errno
import gc
import os
import sys
from functools import cache
from pathlib import Path
from typing import NamedTuple

# A run allocates its long-lived data (modules, patterns, lexicon, dictionary buckets) in one burst and
# makes few reference cycles: collecting the youngest generation every 700 allocations, as by default,
# scans that data again and again for nothing (mypy sets the same for the same reason). Set before the
# imports below, which are most of those allocations.
gc.set_threshold(200_000, 30, 30)

from . import __version__  # noqa: E402
from .diagnostics import Message, Severity, os_reason  # noqa: E402
from .formats import FORMATS as OUTPUT_FORMATS  # noqa: E402
from .formats import printable, well_formed  # noqa: E402

# what a folder run picks up: text, Markdown, and the documents drafters and reviewers exchange
LINTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".doc", ".wps", ".odt", ".rtf", ".pdf")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def expand_paths(paths: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """Each path with the files it stands for: a file itself, a directory every linted file below it
    (in a stable order)."""
    return [(path, _walk(path) if path != "-" and os.path.isdir(path) else [path]) for path in paths]


def nothing_to_lint(folder: str) -> Message:
    """The input error of a folder with no draft in it: a CI job pointed at the wrong folder must fail."""
    return Message(
        f"{folder}: 未找到可检查的文稿（{'、'.join(LINTED_SUFFIXES)}）",
        f"{folder}: no draft to lint found ({', '.join(LINTED_SUFFIXES)})",
    )


def _walk(top: str) -> list[str]:
    """The linted files below ``top``. A directory the walk must not or cannot enter (a symlink back to
    an ancestor, no permission) is listed itself, so that reading it reports why; a directory reached
    twice through links is walked once."""
    found: list[str] = []
    visited: set[str] = set()
    for root, dirs, files in os.walk(top, followlinks=True, onerror=lambda error: found.append(error.filename)):
        real_root = os.path.realpath(root)
        visited.add(real_root)
        entered = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            real = os.path.realpath(os.path.join(root, name))
            if real == real_root or real_root.startswith(real.rstrip(os.sep) + os.sep):
                found.append(os.path.join(root, name))
            elif real not in visited:
                entered.append(name)
        dirs[:] = entered
        found.extend(os.path.join(root, name) for name in sorted(files) if name.lower().endswith(LINTED_SUFFIXES))
    return found


def _explain(key: str, lang: str) -> str:
    from .formats import SEVERITY_WORDS
    from .registry import find_rule, for_terminal

    rule = find_rule(key)
    if rule is None:
        raise UsageProblem(Said(lang)(f"没有规则“{key}”；见 --list-rules", f"unknown rule {key!r}; see --list-rules"))
    severity = SEVERITY_WORDS[lang][rule.severity]
    return f"{rule.code} {rule.name} ({severity})\n\n{for_terminal(rule.explanation(lang))}\n"


def _list_rules(lang: str) -> str:
    from .formats import SEVERITY_WORDS
    from .formats.full import cell_width
    from .registry import all_rules, for_terminal

    def severity(rule) -> str:  # padded in terminal cells: 警告 takes four
        word = SEVERITY_WORDS[lang][rule.severity]
        return word + " " * (8 - cell_width(word))

    return "".join(
        f"{code}  {rule.name:<28} {severity(rule)} {for_terminal(rule.summary(lang))}\n" for code, rule in all_rules().items()
    )


class Said(NamedTuple):
    """A message of the command line in the run's language: ``said(zh, en)``."""

    lang: str

    def __call__(self, zh: str, en: str) -> str:
        return Message(zh, en).get(self.lang)


class OutputChoices(NamedTuple):
    """Where the findings go and what the exit code means: the output options, in one place.

    The exit code depends only on the findings, ``fail_on`` and ``exit_zero``, never on the format or
    the output file.
    """

    output_format: str | None = None  # None: full on a terminal, concise otherwise
    output_file: str | None = None
    statistics: bool = False
    quiet: bool = False
    exit_zero: bool = False
    fail_on: str = "warning"
    show_all: bool = False


def exit_code(reports, fail_on: Severity, exit_zero: bool) -> int:
    """2 if an input could not be linted, else 1 for a finding at or above ``fail_on`` (unless
    ``exit_zero``), else 0."""
    if any(report.error for report in reports):
        return 2
    failing = any(d.severity >= fail_on for report in reports for d in report.diagnostics)
    return 1 if failing and not exit_zero else 0


def repository_root(start: str | None = None) -> str:
    """The folder CI paths are relative to: $GITHUB_WORKSPACE, else the enclosing git work tree, else
    the current folder."""
    if os.environ.get("GITHUB_WORKSPACE"):
        return os.environ["GITHUB_WORKSPACE"]
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return str(folder)
    return str(here)


def warn(message: str) -> None:
    """``shufa-lint: message`` on stderr, printable: a file name cannot forge a CI command or reach the
    terminal as an escape sequence."""
    echo(f"shufa-lint: {printable(message)}\n", err=True)


def _wants_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _append_step_summary(path: str, reports, options) -> None:
    """Every finding as a table on the job's summary page; a failure here only warns."""
    from .formats import step_summary

    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(step_summary.render(reports, options))
    except OSError as error:
        reason = os_reason(error)
        said = Said(options.lang)
        warn(f"{path}: " + said(f"无法写入步骤摘要：{reason.zh}", f"cannot write the step summary: {reason.en}"))


def _echo_fixed_stdin(report, fixes) -> None:
    """Standard input's text, fixed, on standard output, in its own encoding: what ``--fix -`` is for.
    Text the fixes cannot apply to is passed through unchanged, so a pipe never loses a draft."""
    if report.source is None:
        return
    outcome = next((outcome for outcome in fixes.outcomes if outcome.source.path == "-"), None)
    source = outcome.source if outcome is not None else report.source
    text = outcome.text if outcome is not None else source.raw_text
    if text:
        echo(source.encode(text))


def report_results(reports, choices: OutputChoices, lang: str, err: bool = False) -> int:
    """Print (or write) the findings and the stderr summary; return the exit code. ``err``: the findings
    go to stderr (standard output carries something else)."""
    from .formats import FORMATS, RenderOptions, is_minor, render
    from .formats.summary import render_statistics, summary_line

    to_terminal = choices.output_file is None and sys.stdout.isatty()
    output_format = choices.output_format or ("full" if to_terminal else "concise")
    options = RenderOptions(
        lang=lang,
        color=output_format == "full" and choices.output_file is None and _wants_color(),
        # minor findings decide the exit code with --fail-on info: then they are listed
        show_all=choices.show_all or Severity.parse(choices.fail_on) == Severity.INFO,
        root=repository_root(),
    )
    if output_format == "docx":
        from .formats.word_comments import write_reviewed

        problems = write_reviewed(reports, choices.output_file, lang)
        for problem in problems:
            warn(problem)
        if not choices.quiet:
            echo(summary_line(reports, lang) + "\n", err=True)
        return 2 if problems else exit_code(reports, Severity.parse(choices.fail_on), choices.exit_zero)
    hides_minor = FORMATS[output_format] in ("full", "concise") and not options.show_all and not choices.statistics
    hidden = sum(is_minor(d) for report in reports for d in report.diagnostics) if hides_minor else 0
    if choices.statistics:
        output = render_statistics(reports, as_json=output_format in ("json", "json-lines"))
    else:
        output = render(output_format, reports, options)
    if output_format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], reports, options)
    if choices.output_file is None:
        echo(output, err=err)
    else:
        try:
            with open(choices.output_file, "w", encoding="utf-8", newline="") as handle:
                handle.write(output)
        except OSError as error:
            # writing, "no such file" means the folder to write in is missing
            reason = Message("所在文件夹不存在", "its folder does not exist") if error.errno == errno.ENOENT else os_reason(error)
            warn(f"{choices.output_file}: " + Said(lang)(f"无法写入：{reason.zh}", f"cannot write: {reason.en}"))
            return 2
    if not choices.quiet:
        echo(summary_line(reports, lang, hidden) + "\n", err=True)
    return exit_code(reports, Severity.parse(choices.fail_on), choices.exit_zero)


def lint_configured(
    paths: list[str], configs: dict, encoding: str | None, jobs: int | None, progress=None, structure: bool = False
) -> list:
    """A report per path, in order, each linted with its own configuration (files sharing one together);
    ``progress`` is called after each file; ``structure``: each report's structure too (the HTML view)."""
    from .parallel import lint_files

    groups: dict[tuple, list[int]] = {}
    for index, path in enumerate(paths):
        config = configs[path]
        groups.setdefault((id(config.config), config.settings.ignore), []).append(index)
    reports: list = [None] * len(paths)
    for indices in groups.values():
        config = configs[paths[indices[0]]]
        linted = lint_files(
            [paths[i] for i in indices], config.settings, config.lexicon, encoding, jobs, progress, structure
        )
        for index, report in zip(indices, linted):
            reports[index] = report
    return reports


class Option(NamedTuple):
    """One option of the linter's command line, declared once. click builds the command from these
    (``main``: help, errors, every corner of the syntax); the front door (``plain_command_line``) reads
    the well-formed command lines a hook or a person types with them, without importing click."""

    flags: tuple[str, ...]
    dest: str
    help: str
    takes: str = "text"  # flag, text, texts (repeatable), choice, path, file (not a folder) or count (an int >= 0)
    choices: tuple[str, ...] = ()
    default: str | None = None
    metavar: str | None = None

    def initial(self):
        """The value when the option is not given, as click gives it."""
        return False if self.takes == "flag" else () if self.takes == "texts" else self.default

    def click_settings(self, click) -> dict:
        types = {
            "choice": lambda: click.Choice(self.choices),
            "path": click.Path,
            "file": lambda: click.Path(dir_okay=False),
            "count": lambda: click.IntRange(min=0),
        }
        settings = {"help": self.help, "metavar": self.metavar}
        if self.takes == "flag":
            settings["is_flag"] = True
        elif self.takes == "texts":
            settings["multiple"] = True
        elif self.takes in types:
            settings["type"] = types[self.takes]()
        if self.default is not None:
            settings.update(default=self.default, show_default=True)
        return settings


LINT_OPTIONS = (
    Option(
        ("--format",), "output_format",
        "Output format. Default: full on a terminal, concise otherwise (text is concise). "
        "html: a page to review in a browser; docx: reviewed copies with comments, into -o.",
        takes="choice", choices=(*OUTPUT_FORMATS, "docx"),
    ),
    Option(
        ("--output-file", "-o"), "output_file",
        "Write the findings to FILE, not stdout (docx: a folder for several inputs).", takes="path",
    ),
    Option(("--statistics",), "statistics", "Print the number of findings per rule instead of the findings.", takes="flag"),
    Option(("--quiet", "-q"), "quiet", "No summary line on stderr.", takes="flag"),
    Option(("--exit-zero",), "exit_zero", "Exit 0 even with findings (input errors still exit 2).", takes="flag"),
    Option(
        ("--fail-on",), "fail_on", "Lowest severity that makes the exit code 1.",
        takes="choice", choices=("error", "warning", "info"), default="warning",
    ),
    Option(("--show-all",), "show_all", "full and concise: list minor (info punctuation) findings too.", takes="flag"),
    Option(
        ("--fix",), "fix",
        "Apply safe fixes to the files (not .docx) and report what remains; with -, print the fixed text.", takes="flag",
    ),
    Option(
        ("--unsafe-fixes",), "unsafe_fixes",
        "With --fix or --diff, also apply unsafe fixes (restored redactions).", takes="flag",
    ),
    Option(
        ("--fix-through-symlinks",), "fix_through_symlinks",
        "With --fix, also rewrite files reached through a symlink that leads outside the linted folders.", takes="flag",
    ),
    Option(("--diff",), "diff", "Print the unified diff of the fixes; write nothing (exit 1 if any).", takes="flag"),
    Option(("--select",), "select", "Rule codes, prefixes (SF3) or names to run; comma-separated.", takes="texts"),
    Option(("--ignore",), "ignore", "Rule codes, prefixes or names to skip; comma-separated.", takes="texts"),
    Option(("--outline",), "outline", "Outline file (YAML or 【提纲】 text).", takes="file"),
    Option(
        ("--pack",), "pack",
        "Report type pack (shufa, fazhi-zhengfu, shuzhi-shulian-shufa, zhengfu-gongzuo-baogao …); "
        "default: recognised from each document.",
    ),
    Option(
        ("--lang",), "lang", "Message language (default: from the configuration, else zh).",
        takes="choice", choices=("zh", "en"),
    ),
    Option(("--encoding",), "encoding", "Read input in this encoding instead of detecting it."),
    Option(("--explain",), "explain", "Explain a rule and exit.", metavar="CODE"),
    Option(("--list-rules",), "list_rules", "List the rules and exit.", takes="flag"),
    Option(
        ("--jobs", "-j"), "jobs",
        "Worker processes (0: every core). Default: one for a few files, every core for many.", takes="count",
    ),
    Option(
        ("--config", "-c"), "config_file",
        "Configuration file to use instead of discovering .shufa-lint.yaml or pyproject.toml.", takes="file",
    ),
    Option(
        ("--allow-outside-paths",), "allow_outside_paths",
        "Let configuration files name files (outline, extends, lexicons) outside their repository, or by absolute path.",
        takes="flag",
    ),
    Option(("--print-config",), "print_config", "Print the effective configuration for each PATH and exit.", takes="flag"),
    Option(("--baseline",), "baseline", "Report only findings not recorded in this file.", takes="file"),
    Option(("--write-baseline",), "write_baseline", "Record the current findings in the --baseline file and exit.", takes="flag"),
)


class UsageProblem(Exception):
    """A command line that cannot run as given: click shows it with the usage line, exit 2."""


def lint_command(
    paths,
    output_format,
    select,
    ignore,
    outline,
    pack,
    lang,
    encoding,
    explain,
    list_rules,
    jobs,
    fix,
    unsafe_fixes,
    fix_through_symlinks,
    diff,
    config_file,
    allow_outside_paths,
    print_config,
    baseline,
    write_baseline,
    **output_flags,
):
    """Lint 述法 report drafts: sections, numbering, figures, redactions, outline, integrity.

    PATH is a file, a folder (every .txt .md .docx .doc .wps .odt .rtf .pdf below it) or - for
    standard input. Office documents and PDFs are read, never rewritten: --fix and --diff show what
    would change in their text.
    """
    said = Said(lang or "zh")
    if explain:
        echo(_explain(explain, said.lang))
        return
    if list_rules:
        echo(_list_rules(said.lang))
        return
    if not paths and not print_config:
        raise UsageProblem(said("没有输入：请给出文件、文件夹，或用 - 表示标准输入", "no input: give files, directories, or - for standard input"))
    if output_format == "docx" and not output_flags.get("output_file"):
        raise UsageProblem(
            said(
                "--format docx 写出加了批注的副本：请用 -o FILE.docx 指定（多个文件时指定文件夹）",
                "--format docx writes reviewed copies: give -o FILE.docx (or a folder for several)",
            )
        )
    if fix and "-" in paths and len(paths) > 1:
        raise UsageProblem(said("--fix - 只能单独用于标准输入", "--fix - takes standard input alone"))
    if write_baseline and not baseline:
        raise UsageProblem(said("--write-baseline 需要 --baseline FILE", "--write-baseline needs --baseline FILE"))
    if unsafe_fixes and not (fix or diff):
        warn(said("--unsafe-fixes 只在与 --fix 或 --diff 同用时生效", "--unsafe-fixes takes effect only with --fix or --diff"))

    expanded = expand_paths(paths)
    files = [file for _, found in expanded for file in found]
    output_file = output_flags.get("output_file")
    if output_file and os.path.exists(output_file) and any(
        path != "-" and os.path.exists(path) and os.path.samefile(path, output_file) for path in files
    ):
        raise UsageProblem(
            said(
                f"--output-file {output_file} 是要检查的文件之一，会被覆盖",
                f"--output-file {output_file} is one of the files to lint; it would be overwritten",
            )
        )

    from .config import ConfigResolver, Overrides
    from .diagnostics import InputError
    from .formats import FileReport
    from .lexicon import RuleDataError
    from .suppress import Baseline

    overrides = Overrides(select=_split(select), ignore=_split(ignore), pack=pack, outline=outline, lang=lang)
    try:
        if encoding:
            from .source.encoding import text_codec

            text_codec(encoding, "--encoding")  # the option is wrong, not each file: said once
        resolver = ConfigResolver(overrides, config_file, allow_outside_paths)
        if print_config:
            described = "---\n".join(resolver.for_path(path).describe() for path in paths or ("-",))
            echo(well_formed(described))
            return
        configs = {path: resolver.for_path(path) for path in files}
        accepted = Baseline.load(baseline) if baseline and not write_baseline else None
    except (InputError, RuleDataError) as error:
        # before any configuration is read its ``lang`` is unknown: --lang, else Chinese, as every default
        warn(error.message.get(said.lang))
        sys.exit(2)
    lang = lang or next((config.settings.lang for config in configs.values()), "zh")
    said = Said(lang)

    linted = [path for path, config in configs.items() if not config.excluded]
    from .progress import Progress, wanted

    progress = Progress(len(linted), lang) if wanted(output_format, output_flags["quiet"], len(linted)) else None
    reports = lint_configured(
        linted, configs, encoding, jobs, progress and progress.advance, structure=output_format == "html"
    )
    if progress is not None:
        progress.close()
    reports += [
        FileReport(path, error=nothing_to_lint(path))
        for path, found in expanded
        if os.path.isdir(path) and all(configs[file].excluded for file in found)
    ]
    fixes = None
    if fix or diff:
        from .engine import lint_source
        from .fix import fix_reports

        def lint(source):
            config = resolver.for_path(source.path)
            return lint_source(source, config.settings, config.lexicon)

        trees = [path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path)) for path in paths]
        reports, fixes = fix_reports(
            reports, lint, unsafe=unsafe_fixes, write=not diff, trees=trees, through_symlinks=fix_through_symlinks
        )
    for report in reports:
        if report.error:
            warn(report.error.get(lang))
    if fixes is not None:
        for path, reason in fixes.notes:
            warn(f"{path}: {reason.get(lang)}")
        said_fixed = fixes.summary()
        if not output_flags["quiet"] and said_fixed is not None:
            warn(said_fixed.get(lang))
    if diff:
        echo(well_formed(fixes.diff()))
        sys.exit(2 if any(report.error for report in reports) else int(fixes.pending and not output_flags["exit_zero"]))
    fixing_stdin = fix and files == ["-"]
    if fixing_stdin:
        _echo_fixed_stdin(reports[0], fixes)
    if write_baseline:
        try:
            recorded = Baseline(baseline).write((r.diagnostics, r.source) for r in reports if r.source is not None)
        except InputError as error:
            warn(error.message.get(lang))
            sys.exit(2)
        warn(said(f"已将 {recorded} 个问题记入 {baseline}", f"recorded {recorded} findings in {baseline}"))
        sys.exit(2 if any(report.error for report in reports) else 0)
    if accepted is not None:
        for report in reports:
            if report.source is not None:
                report.diagnostics = accepted.new_findings(report.diagnostics, report.source)
    # with --fix -, standard output carries the fixed text and the findings go to standard error (as ruff does)
    status = report_results(reports, OutputChoices(output_format=output_format, **output_flags), lang, err=fixing_stdin)
    sys.exit(1 if status == 0 and fixes is not None and fixes.unfinished else status)


def plain_command_line(arguments: list[str]) -> dict | None:
    """The parameters of a well-formed lint command line, exactly as click would parse them, or None for
    anything else (help, version, ``--``, grouped or attached short options, a value click would
    reject …), which click then parses and explains.

    This front door is what keeps click out of a plain run: importing it (and the standard library it
    needs) costs more than linting the seed. The tests hold it to click's parse on many command lines.
    """
    by_flag = {flag: option for option in LINT_OPTIONS for flag in option.flags}
    values = {option.dest: option.initial() for option in LINT_OPTIONS}
    paths = []
    tokens = iter(arguments)
    for token in tokens:
        if token == "-" or not token.startswith("-"):
            paths.append(token)
            continue
        flag, equals, attached = token.partition("=") if token.startswith("--") else (token, "", "")
        option = by_flag.get(flag)
        if option is None or (equals and option.takes == "flag"):
            return None
        if option.takes == "flag":
            values[option.dest] = True
            continue
        value = attached if equals else next(tokens, None)
        if value is None or (option.takes == "choice" and value not in option.choices):
            return None
        if option.takes == "file" and os.path.isdir(value):
            return None
        if option.takes == "count":
            try:
                value = int(value)
            except ValueError:
                return None
            if value < 0:
                return None
        values[option.dest] = (*values[option.dest], value) if option.takes == "texts" else value
    return {"paths": tuple(paths), **values}


@cache
def click_main():
    """``main``: the lint command as click defines it, built from ``LINT_OPTIONS`` on first use."""
    import click

    def lint_or_usage_error(**params):
        try:
            lint_command(**params)
        except UsageProblem as problem:
            raise click.UsageError(str(problem)) from None

    command = click.version_option(__version__, prog_name="shufa-lint")(lint_or_usage_error)
    for option in reversed(LINT_OPTIONS):  # click lists the options in the order they are declared
        command = click.option(*option.flags, option.dest, **option.click_settings(click))(command)
    command = click.argument("paths", nargs=-1)(command)
    return click.command(
        "shufa-lint",
        help=lint_command.__doc__,
        context_settings={"help_option_names": ["-h", "--help"]},
        epilog="Subcommands: shufa-lint serve (a local web page and API), shufa-lint lsp (a language server). "
        "A file named serve or lsp is linted as ./serve or ./lsp.",
    )(command)


def __getattr__(name: str):
    """``main`` is built on first use, so that a plain run never imports click (PEP 562)."""
    if name == "main":
        return click_main()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def echo(message: str | bytes, err: bool = False) -> None:
    """Write text (or, for standard input fixed, its bytes) to stdout or stderr, now."""
    stream = sys.stderr if err else sys.stdout
    if isinstance(message, bytes):
        stream.flush()
        stream.buffer.write(message)
        stream.buffer.flush()
    else:
        stream.write(message)
        stream.flush()


def _run_plain(params: dict) -> None:
    """Run a command line the front door read, ending as click's standalone mode ends a command."""
    try:
        lint_command(**params)
    except KeyboardInterrupt:
        echo("\nAborted!\n", err=True)
        sys.exit(1)
    except BrokenPipeError:
        # the reader went away (``| head``): say nothing more, and keep Python from failing on the final flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    finally:
        # At exit the interpreter collects garbage over every object the run made (a tenth of a short
        # run); the process is about to end and holds nothing that needs it, so they are set aside.
        gc.freeze()
    sys.exit(0)


def _run_click() -> None:
    """Run the command line through click, which reads it all; its usage errors are said in the language
    the command line asks for (Chinese unless --lang en), and the run ends as in click's standalone mode."""
    import click

    from . import usage

    command = click_main()
    try:
        code = command.main(prog_name="shufa-lint", standalone_mode=False)
    except click.UsageError as error:
        echo(usage.explained(error, usage.language_asked(sys.argv[1:]), command), err=True)
        sys.exit(2)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.Abort:
        echo("Aborted!\n", err=True)
        sys.exit(1)
    sys.exit(code or 0)


# Subcommands come first on the command line; a file that has a subcommand's name is linted as ./NAME.
SUBCOMMANDS = {"lsp": "shufa_lint.lsp:run", "serve": "shufa_lint.serve:run"}


def entry() -> None:
    """The ``shufa-lint`` executable: a subcommand (``shufa-lint lsp``), else the linter itself."""
    command = SUBCOMMANDS.get(sys.argv[1]) if len(sys.argv) > 1 else None
    if command is None:
        _speak_utf8_to_ascii_streams()
        # on Windows click also expands the wildcards the shell left in the arguments: it reads them all
        params = plain_command_line(sys.argv[1:]) if os.name != "nt" else None
        if params is not None:
            try:
                _run_plain(params)
            except UsageProblem:
                pass  # said by click, with the usage line: nothing has run yet
        _run_click()
        return
    import importlib

    module, function = command.split(":")
    del sys.argv[1]
    getattr(importlib.import_module(module), function)()


def _speak_utf8_to_ascii_streams() -> None:
    """A stream that claims ASCII (PYTHONIOENCODING=ascii, an old C locale) gets UTF-8 with replacement,
    as click gives it: a message in Chinese must not end the run with an encoding error."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)  # None: a stream of our caller's, which we leave alone
        if encoding and hasattr(stream, "reconfigure") and codecs.lookup(encoding).name == "ascii":
            stream.reconfigure(encoding="utf-8", errors="replace")
