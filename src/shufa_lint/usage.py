"""Usage errors of the command line in the run's language.

click parses what the front door leaves to it and says what is wrong in English. A run in Chinese, the
default, says it in Chinese, with the options and values as typed: 没有选项“--frobnicate”（是否应为“--format”？）.
Messages the linter raised itself (a ``UsageProblem``) arrive already in the run's language.
"""

import click

USAGE = {
    "zh": "用法：{prog} [选项] [路径]...\n用 {prog} --help 查看帮助。\n\n错误：{message}\n",
    "en": "Usage: {prog} [OPTIONS] [PATHS]...\nTry '{prog} --help' for help.\n\nError: {message}\n",
}


def language_asked(arguments: list[str]) -> str:
    """The language a command line asks for (--lang en, --lang=en), before click has read it."""
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            return "en" if arguments[index + 1] == "en" else "zh"
        if argument == "--lang=en":
            return "en"
    return "zh"


def explained(error: click.UsageError, lang: str, command: click.Command) -> str:
    """The usage line, the help hint and what is wrong, as click prints them, in ``lang``."""
    message = error.format_message() if lang == "en" else _in_chinese(error, command)
    return USAGE[lang].format(prog=command.name, message=message)


def _in_chinese(error: click.UsageError, command: click.Command) -> str:
    if isinstance(error, click.NoSuchOption):
        guesses = "、".join(f"“{option}”" for option in error.possibilities or ())
        return f"没有选项“{error.option_name}”" + (f"（是否应为{guesses}？）" if guesses else "")
    if isinstance(error, click.BadOptionUsage):
        # click raises it for an option given without its value and for a flag given one
        flags = {opt for param in command.params if getattr(param, "is_flag", False) for opt in param.opts}
        return f"选项“{error.option_name}”" + ("不带值" if error.option_name in flags else "需要一个值")
    if isinstance(error, click.BadParameter) and error.param is not None:
        name = "/".join(error.param.opts)
        kind = error.param.type
        if isinstance(kind, click.Choice):
            return f"选项“{name}”只能取以下值之一：{'、'.join(map(str, kind.choices))}"
        if isinstance(kind, click.IntRange):
            return f"选项“{name}”应为不小于 {kind.min} 的整数"
        if isinstance(kind, click.Path):
            return f"选项“{name}”应为文件，不能是文件夹"
        return f"选项“{name}”的值无效：{error.message}"
    return error.format_message()
