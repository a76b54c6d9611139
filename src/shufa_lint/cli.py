"""Command line: ``shufa-lint [OPTIONS] PATH...``.

Exit codes: 0 no finding of severity warning or error, 1 such findings, 2 usage or input errors
(a one-line message naming the file; the other files are still linted).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__
from .diagnostics import Severity
from .formats import FORMATS as OUTPUT_FORMATS

# what a folder run picks up: text, Markdown, and the documents drafters and reviewers exchange
LINTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".doc", ".wps", ".odt", ".rtf", ".pdf")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def expand_paths(paths: tuple[str, ...]) -> list[str]:
    """Files as given, and for a directory every linted file below it, in a stable order."""
    found: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found.extend(_walk(path))
        else:
            found.append(path)
    return found


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


def _explain(key: str) -> str:
    from .registry import find_rule

    rule = find_rule(key)
    if rule is None:
        raise click.UsageError(f"unknown rule {key!r}; see --list-rules")
    return f"{rule.code} {rule.name} ({rule.severity.label})\n\n{rule.explanation()}\n"


def _list_rules() -> str:
    from .registry import all_rules

    return "".join(
        f"{code}  {rule.name:<28} {rule.severity.label:<8} {rule.summary()}\n" for code, rule in all_rules().items()
    )


@dataclass(frozen=True)
class OutputChoices:
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


def _wants_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _append_step_summary(path: str, reports, options) -> None:
    """Every finding as a table on the job's summary page; a failure here only warns."""
    from .formats import step_summary

    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(step_summary.render(reports, options))
    except OSError as error:
        click.echo(f"shufa-lint: {path}: cannot write the step summary: {error.strerror or error}", err=True)


def report_results(reports, choices: OutputChoices, lang: str) -> int:
    """Print (or write) the findings and the stderr summary; return the exit code."""
    from .formats import RenderOptions, render
    from .formats.summary import render_statistics, summary_line

    to_terminal = choices.output_file is None and sys.stdout.isatty()
    output_format = choices.output_format or ("full" if to_terminal else "concise")
    options = RenderOptions(
        lang=lang,
        color=output_format == "full" and choices.output_file is None and _wants_color(),
        show_all=choices.show_all,
        root=repository_root(),
    )
    if output_format == "docx":
        from .formats.word_comments import write_reviewed

        problems = write_reviewed(reports, choices.output_file, lang)
        for problem in problems:
            click.echo(f"shufa-lint: {problem}", err=True)
        if not choices.quiet:
            click.echo(summary_line(reports, lang), err=True)
        return 2 if problems else exit_code(reports, Severity.parse(choices.fail_on), choices.exit_zero)
    if choices.statistics:
        output = render_statistics(reports, as_json=output_format in ("json", "json-lines"))
    else:
        output = render(output_format, reports, options)
    if output_format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], reports, options)
    if choices.output_file is None:
        click.echo(output, nl=False)
    else:
        try:
            with open(choices.output_file, "w", encoding="utf-8", newline="") as handle:
                handle.write(output)
        except OSError as error:
            click.echo(f"shufa-lint: {choices.output_file}: cannot write: {error.strerror or error}", err=True)
            return 2
    if not choices.quiet:
        click.echo(summary_line(reports, lang), err=True)
    return exit_code(reports, Severity.parse(choices.fail_on), choices.exit_zero)


def lint_configured(paths: list[str], configs: dict, encoding: str | None, jobs: int | None, progress=None) -> list:
    """A report per path, in order, each linted with its own configuration (files sharing one together);
    ``progress`` is called after each file."""
    from .parallel import lint_files

    groups: dict[tuple, list[int]] = {}
    for index, path in enumerate(paths):
        config = configs[path]
        groups.setdefault((id(config.config), config.settings.ignore), []).append(index)
    reports: list = [None] * len(paths)
    for indices in groups.values():
        config = configs[paths[indices[0]]]
        linted = lint_files([paths[i] for i in indices], config.settings, config.lexicon, encoding, jobs, progress)
        for index, report in zip(indices, linted):
            reports[index] = report
    return reports


@click.command(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Subcommands: shufa-lint serve (a local web page and API), shufa-lint lsp (a language server). "
    "A file named serve or lsp is linted as ./serve or ./lsp.",
)
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "output_format",
    type=click.Choice([*OUTPUT_FORMATS, "docx"]),
    help="Output format. Default: full on a terminal, concise otherwise (text is concise). "
    "html: a page to review in a browser; docx: reviewed copies with comments, into -o.",
)
@click.option(
    "--output-file", "-o", type=click.Path(), help="Write the findings to FILE, not stdout (docx: a folder for several inputs)."
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--quiet", "-q", is_flag=True, help="No summary line on stderr.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (input errors still exit 2).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option("--show-all", is_flag=True, help="full format: list minor (info punctuation) findings too.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (not .docx) and report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes (restored redactions).")
@click.option("--diff", is_flag=True, help="Print the unified diff of the fixes; write nothing (exit 1 if any).")
@click.option("--select", multiple=True, help="Rule codes, prefixes (SF3) or names to run; comma-separated.")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to skip; comma-separated.")
@click.option("--outline", type=click.Path(dir_okay=False), help="Outline file (YAML or 【提纲】 text).")
@click.option("--pack", help="Report type pack (shufa, fazhi-zhengfu, shuzhi-shulian-shufa, zhengfu-gongzuo-baogao …); default: recognised from each document.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Message language (default: from the configuration, else zh).")
@click.option("--encoding", help="Read input in this encoding instead of detecting it.")
@click.option("--explain", "explain", metavar="CODE", help="Explain a rule and exit.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    help="Worker processes (0: every core). Default: one for a few files, every core for many.",
)
@click.option(
    "--config",
    "-c",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Configuration file to use instead of discovering .shufa-lint.yaml or pyproject.toml.",
)
@click.option(
    "--allow-outside-paths",
    is_flag=True,
    help="Let configuration files name files (outline, extends, lexicons) outside their repository, or by absolute path.",
)
@click.option("--print-config", is_flag=True, help="Print the effective configuration for each PATH and exit.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not recorded in this file.")
@click.option("--write-baseline", is_flag=True, help="Record the current findings in the --baseline file and exit.")
@click.version_option(__version__, prog_name="shufa-lint")
def main(
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
    if explain:
        click.echo(_explain(explain), nl=False)
        return
    if list_rules:
        click.echo(_list_rules(), nl=False)
        return
    if not paths and not print_config:
        raise click.UsageError("no input: give files, directories, or - for standard input")
    if output_format == "docx" and not output_flags.get("output_file"):
        raise click.UsageError("--format docx writes reviewed copies: give -o FILE.docx (or a folder for several)")
    if write_baseline and not baseline:
        raise click.UsageError("--write-baseline needs --baseline FILE")

    files = expand_paths(paths)
    output_file = output_flags.get("output_file")
    if output_file and os.path.exists(output_file) and any(
        path != "-" and os.path.exists(path) and os.path.samefile(path, output_file) for path in files
    ):
        raise click.UsageError(f"--output-file {output_file} is one of the files to lint; it would be overwritten")

    from .config import ConfigResolver, Overrides
    from .diagnostics import InputError
    from .lexicon import RuleDataError
    from .suppress import Baseline

    overrides = Overrides(select=_split(select), ignore=_split(ignore), pack=pack, outline=outline, lang=lang)
    try:
        resolver = ConfigResolver(overrides, config_file, allow_outside_paths)
        if print_config:
            click.echo("---\n".join(resolver.for_path(path).describe() for path in paths or ("-",)), nl=False)
            return
        configs = {path: resolver.for_path(path) for path in files}
        accepted = Baseline.load(baseline) if baseline and not write_baseline else None
    except (RuleDataError, InputError) as error:
        click.echo(f"shufa-lint: {error}", err=True)
        sys.exit(2)
    lang = lang or next((config.settings.lang for config in configs.values()), "zh")

    linted = [path for path, config in configs.items() if not config.excluded]
    from .progress import Progress, wanted

    progress = Progress(len(linted), lang) if wanted(output_format, output_flags["quiet"], len(linted)) else None
    reports = lint_configured(linted, configs, encoding, jobs, progress and progress.advance)
    if progress is not None:
        progress.close()
    fixes = None
    if fix or diff:
        from .engine import lint_source
        from .fix import fix_reports

        def lint(source):
            config = resolver.for_path(source.path)
            return lint_source(source, config.settings, config.lexicon)

        reports, fixes = fix_reports(reports, lint, unsafe=unsafe_fixes, write=not diff)
    for report in reports:
        if report.error:
            click.echo(f"shufa-lint: {report.error}", err=True)
    if fixes is not None:
        for path, reason in fixes.notes:
            click.echo(f"shufa-lint: {path}: {reason.get(lang)}", err=True)
        if not output_flags["quiet"]:
            click.echo(f"shufa-lint: {fixes.summary().get(lang)}", err=True)
    if diff:
        click.echo(fixes.diff(), nl=False)
        sys.exit(2 if any(report.error for report in reports) else int(fixes.changed and not output_flags["exit_zero"]))
    if write_baseline:
        try:
            recorded = Baseline(baseline).write((r.diagnostics, r.source) for r in reports if r.source is not None)
        except InputError as error:
            click.echo(f"shufa-lint: {error}", err=True)
            sys.exit(2)
        click.echo(f"shufa-lint: recorded {recorded} findings in {baseline}", err=True)
        sys.exit(2 if any(report.error for report in reports) else 0)
    if accepted is not None:
        for report in reports:
            if report.source is not None:
                report.diagnostics = accepted.new_findings(report.diagnostics, report.source)
    status = report_results(reports, OutputChoices(output_format=output_format, **output_flags), lang)
    sys.exit(1 if status == 0 and fixes is not None and fixes.unfinished else status)


# Subcommands come first on the command line; a file that has a subcommand's name is linted as ./NAME.
SUBCOMMANDS = {"lsp": "shufa_lint.lsp:run", "serve": "shufa_lint.serve:run"}


def entry() -> None:
    """The ``shufa-lint`` executable: a subcommand (``shufa-lint lsp``), else the linter itself."""
    command = SUBCOMMANDS.get(sys.argv[1]) if len(sys.argv) > 1 else None
    if command is None:
        main()
        return
    import importlib

    module, function = command.split(":")
    del sys.argv[1]
    getattr(importlib.import_module(module), function)()
