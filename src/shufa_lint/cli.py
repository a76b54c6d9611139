"""Command line: ``shufa-lint [OPTIONS] PATH...``.

Exit codes: 0 no finding of severity warning or error, 1 such findings, 2 usage or input errors
(a one-line message naming the file; the other files are still linted).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .diagnostics import InputError, Severity
from .lexicon import RuleDataError

LINTED_SUFFIXES = (".txt", ".md", ".markdown")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def expand_paths(paths: tuple[str, ...]) -> list[str]:
    """Files as given, and for a directory every linted file below it, in a stable order."""
    found: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                stat = os.stat(root)
                if (stat.st_dev, stat.st_ino) in seen:
                    dirs[:] = []  # a symlink loop
                    continue
                seen.add((stat.st_dev, stat.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, name) for name in sorted(files) if name.lower().endswith(LINTED_SUFFIXES)
                )
        else:
            found.append(path)
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


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Rule codes, prefixes (SF3) or names to run; comma-separated.")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to skip; comma-separated.")
@click.option("--outline", type=click.Path(dir_okay=False), help="Outline file (YAML or 【提纲】 text).")
@click.option("--pack", help="Report type pack (shufa, fazhi-zhengfu, shuzhi-shulian-shufa); default: by title.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Message language.")
@click.option("--encoding", help="Read input in this encoding instead of detecting it.")
@click.option("--explain", "explain", metavar="CODE", help="Explain a rule and exit.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.version_option(__version__, prog_name="shufa-lint")
def main(paths, output_format, select, ignore, outline, pack, lang, encoding, explain, list_rules):
    """Lint 述法 report drafts: sections, numbering, figures, redactions, outline, integrity."""
    if explain:
        click.echo(_explain(explain), nl=False)
        return
    if list_rules:
        click.echo(_list_rules(), nl=False)
        return
    if not paths:
        raise click.UsageError("no input: give files, directories, or - for standard input")

    from .engine import lint_source
    from .formats import FileReport, RenderOptions, render
    from .lexicon import builtin
    from .settings import Settings
    from .source import read_path

    settings = Settings(select=_split(select), ignore=_split(ignore), lang=lang, pack=pack, outline=outline)
    try:
        lexicon = builtin()
        if pack and pack not in lexicon.packs:
            raise click.UsageError(f"unknown pack {pack!r} (known: {', '.join(lexicon.packs)})")
    except RuleDataError as error:
        click.echo(f"shufa-lint: {error}", err=True)
        sys.exit(2)

    reports: list[FileReport] = []
    input_error = False
    for path in expand_paths(paths):
        try:
            source = read_path(path, encoding)
            reports.append(FileReport(path, lint_source(source, settings, lexicon), source))
        except (InputError, RuleDataError) as error:
            input_error = True
            click.echo(f"shufa-lint: {error}", err=True)
            reports.append(FileReport(path, error=str(error)))
    click.echo(render(output_format, reports, RenderOptions(lang=lang)), nl=False)
    if input_error:
        sys.exit(2)
    failing = any(d.severity >= Severity.WARNING for report in reports for d in report.diagnostics)
    sys.exit(1 if failing else 0)
