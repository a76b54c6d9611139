"""The effective settings of a run: what ``config.py`` reads from files and the CLI, handed to the engine."""

from typing import Any, NamedTuple


class TextIgnore(NamedTuple):
    """A config entry that suppresses findings of ``selectors`` whose line has ``text`` around the span."""

    selectors: tuple[str, ...]
    text: str


class Settings(NamedTuple):
    # The default dicts are shared by every Settings made without them: nothing writes to a run's settings.
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str = "zh"
    pack: str | None = None  # None: recognised from each document (document/report_type.py)
    outline: str | None = None  # a YAML or 【提纲】-style text file that overrides the embedded outline
    severity: dict[str, str] = {}  # rule code or name -> error|warning|info
    rule_options: dict[str, dict[str, Any]] = {}  # rule code -> options
    report_year: int | None = None  # overrides the year the title states
    ignore_text: tuple[TextIgnore, ...] = ()  # text-anchored suppressions (drafts without comments)
