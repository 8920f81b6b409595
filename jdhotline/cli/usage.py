"""Typer's usage errors (no such option, missing value, ...) and help in the user's language.

Typer's convention stays (usage line, hint, "Error:" line, exit 2); only the words
change, in zh. Click decides these errors, and shows help, before any option is read,
so the language comes from the command line as given (messages.args_language).
A Chinese command line's commands make Chinese help pages and usage lines
(ChineseHelp, help_zh.py); English runs are left exactly as Typer makes them.
"""

from __future__ import annotations

import re
from typing import IO, Any

from typer._click import core as click_core
from typer._click import exceptions as click_errors

from jdhotline.i18n.messages import args_language
from jdhotline.i18n.words import word

_ARGS: list[str] = []  # the command line Typer is parsing (set by the patched _main)
_english_show = click_errors.UsageError.show


def install() -> None:
    """Word Typer's usage errors through words.py (once, when the CLI is imported)."""
    import typer.core

    if getattr(typer.core._main, "jdhotline", False):
        return
    parse = typer.core._main

    def main(self: Any, *, args: Any = None, **extra: Any) -> Any:
        import sys

        _ARGS[:] = list(sys.argv[1:] if args is None else args)
        if args_language(_ARGS) == "zh":
            _in_chinese(self)
        return parse(self, args=args, **extra)

    main.jdhotline = True  # type: ignore[attr-defined]
    typer.core._main = main
    click_errors.UsageError.show = _show  # type: ignore[method-assign]


class ChineseHelp(click_core.Context):
    """A context whose help page and usage line are Chinese: help_zh.py, imported only
    when one is written (--help, no command given, a usage error)."""

    def make_formatter(self) -> click_core.HelpFormatter:
        from .help_zh import formatter_for

        return formatter_for(self)


def _in_chinese(command: click_core.Command) -> None:
    """Every command of the tree about to run makes ChineseHelp contexts (a few µs)."""
    command.context_class = ChineseHelp
    for sub in getattr(command, "commands", {}).values():
        _in_chinese(sub)


def _show(self: click_errors.UsageError, file: IO[Any] | None = None) -> None:
    """The usage error on stderr; a reader that went away leaves the exit code at 2."""
    try:
        _show_words(self, file)
        (file or click_errors.get_text_stderr()).flush()
    except (OSError, ValueError):
        from jdhotline.output.console import reader_gone

        reader_gone(file or click_errors.get_text_stderr())


def _show_words(self: click_errors.UsageError, file: IO[Any] | None = None) -> None:
    lang = args_language(_ARGS)
    if lang != "zh":
        _english_show(self, file)
        return
    if file is None:
        file = click_errors.get_text_stderr()
    if self.ctx is not None:
        file.write(self.ctx.get_usage() + "\n")  # Chinese: a ChineseHelp context
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = word(
                lang,
                "usage.try",
                command=self.ctx.command_path,
                option=self.ctx.help_option_names[0],
            )
            file.write(hint + "\n")
        file.write("\n")
    # The user's argument shown literally, as Click's English repr() shows it (\x1b).
    from jdhotline.output.console import clean

    file.write(clean(word(lang, "usage.error", message=_message(self, lang))) + "\n")


def _message(error: click_errors.UsageError, lang: str) -> str:
    text = error.message
    if isinstance(error, click_errors.NoSuchOption):
        guesses = list(error.possibilities or ())
        if guesses:
            return word(
                lang, "usage.no_such_option.guess", name=error.option_name, guess=guesses[0]
            )
        return word(lang, "usage.no_such_option", name=error.option_name)
    if isinstance(error, click_errors.BadOptionUsage) and "requires an argument" in text:
        return word(lang, "usage.missing_value", name=error.option_name)
    if isinstance(error, click_errors.MissingParameter):
        return word(lang, "usage.missing_argument", name=_hint(error))
    if isinstance(error, click_errors.BadParameter):
        choices = getattr(error, "choices", None)
        worded = getattr(error, "worded", None)  # (word name, its parameters)
        if worded:
            message = word(lang, worded[0], **worded[1])
        elif choices:
            message = word(
                lang,
                "usage.not_one_of",
                value=getattr(error, "value", None),
                choices="、".join(choices),
            )
        else:
            message = text
        name = _hint(error)
        if name and not name.isascii():  # a worded metavar: 编号的值无效, not 编号 的值无效
            return word(lang, "usage.invalid.worded", name=name, message=message)
        return word(lang, "usage.invalid", name=name, message=message)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", text)
    if extra:
        return word(lang, "usage.extra", args=extra[1])
    if text.startswith("Missing command"):
        return word(lang, "usage.missing_command")
    # Typer: "No such command 'whch'. Did you mean 'which'?" (its guesses quoted, ", ")
    command = re.match(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?$", text, re.S)
    if command:
        if command[2]:
            guessed = "、".join(re.findall(r"'(.*?)'", command[2]))
            return word(lang, "usage.no_such_command.guess", name=command[1], guess=guessed)
        return word(lang, "usage.no_such_command", name=command[1])
    return word(lang, "usage.other", message=text)


def _hint(error: click_errors.UsageError) -> str:
    """The option or argument's name as the user typed it (--format, PROBLEM)."""
    param = getattr(error, "param", None)
    if param is None:
        return ""
    names = [name for name in getattr(param, "opts", []) if name.startswith("-")]
    if names:
        return "/".join(names)
    from jdhotline.i18n.words_help import METAVARS

    name = getattr(param, "metavar", None) or (param.name or "").upper()
    return METAVARS.get(name, name)
