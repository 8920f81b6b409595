"""Usage errors (no such option, missing value, ...) in the run's language.

Typer's convention stays (usage line, hint, "Error:" line, exit 2). The error is
read by its class and attributes (param, option_name, possibilities, ...), never by
its English text: Click's own English (`format_message`) for English runs, the word
tables for Chinese ones. The usage line is the context's (a Chinese one for a Chinese
run: Context). Called from answer, the one boundary.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from jdhotline.i18n.words import listing, words_of

from . import typer_adapter as click

if TYPE_CHECKING:
    from .run import Run

# ----------------------------------------------------------------- usage errors of our own
# Click words these in English inside its parser; raised here instead, they carry what
# the words need as attributes (usage.py), the same in every Typer of the range.


class NoSuchCommand(click.UsageError):
    def __init__(self, name: str, guesses: list[str], ctx: Any) -> None:
        self.name, self.guesses = name, guesses
        message = f"No such command {name!r}."
        if guesses:
            message = f"{message[:-1]}. Did you mean {', '.join(map(repr, guesses))}?"
        super().__init__(message, ctx=ctx)


class MissingCommand(click.UsageError):
    def __init__(self, ctx: Any) -> None:
        super().__init__("Missing command.", ctx=ctx)


class ExtraArguments(click.UsageError):
    def __init__(self, extra: list[str], ctx: Any) -> None:
        self.extra = extra
        super().__init__(f"Got unexpected extra argument(s) ({' '.join(extra)})", ctx=ctx)


class FlagGivenValue(click.BadOptionUsage):
    """`--plus=x`: a value for an option that takes none (Click says so without a context)."""


class NoArguments(click.UsageError):
    """No arguments at all: the help page, on stderr, and exit 2 (Click 8.2's rule)."""

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx.get_help(), ctx=ctx)


class NotOneOf(click.BadParameter):
    """A value that is not one of the choices (options.one_of)."""

    def __init__(self, value: str, choices: tuple[str, ...]) -> None:
        self.value, self.choices = value, choices
        super().__init__(f"{value!r} is not one of: {', '.join(choices)}.")


class Worded(click.BadParameter):
    """A bad value whose words are in the tables: `name` with `params`."""

    def __init__(self, name: str, **params: Any) -> None:
        from jdhotline.i18n.words import word

        self.name, self.params = name, params
        super().__init__(word("en", name, **params))


def show(error: Any, run: Run) -> None:
    """The usage error on stderr; a reader that went away leaves the exit code at 2."""
    file = sys.stderr
    try:
        file.write(_text(error, run))
        file.flush()
    except (OSError, ValueError):
        from jdhotline.output.console import reader_gone

        reader_gone(file)


def _text(error: Any, run: Run) -> str:
    from jdhotline.output.console import clean

    if isinstance(error, NoArguments) or (
        click.NoArgsIsHelp is not None and isinstance(error, click.NoArgsIsHelp)
    ):
        return error.format_message() + "\n"
    head = ""
    if error.ctx is not None:
        head = error.ctx.get_usage() + "\n"
        if error.ctx.command.get_help_option(error.ctx) is not None:
            command, option = error.ctx.command_path, error.ctx.help_option_names[0]
            head += run.word("usage.try", command=command, option=option) + "\n"
        head += "\n"
    # The user's argument shown literally, as Click's English repr() shows it (\x1b).
    return head + clean(run.word("usage.error", message=message(error, run))) + "\n"


def message(error: Any, run: Run) -> str:
    """What is wrong, by the error's class and attributes."""
    word = run.word
    if isinstance(error, click.NoSuchOption):
        guesses = list(error.possibilities or ())
        if guesses:
            return word("usage.no_such_option.guess", name=error.option_name, guess=guesses[0])
        return word("usage.no_such_option", name=error.option_name)
    if isinstance(error, FlagGivenValue):
        return word("usage.no_value", name=error.option_name)
    if isinstance(error, click.BadOptionUsage):
        return word("usage.missing_value", name=error.option_name)
    if isinstance(error, click.MissingParameter):
        return word("usage.missing_argument", name=hint(error, run))
    if isinstance(error, Worded):
        return _invalid(error, word(error.name, **error.params), run)
    if isinstance(error, NotOneOf):
        choices = listing(list(error.choices), run.lang)
        return _invalid(error, word("usage.not_one_of", value=error.value, choices=choices), run)
    if isinstance(error, click.BadParameter):
        return _invalid(error, error.message, run)
    if isinstance(error, ExtraArguments):
        return word("usage.extra", args=" ".join(error.extra))
    if isinstance(error, MissingCommand):
        return word("usage.missing_command")
    if isinstance(error, NoSuchCommand):
        if error.guesses:
            guessed = run.word("usage.guess.sep").join(error.guesses)
            return word("usage.no_such_command.guess", name=error.name, guess=guessed)
        return word("usage.no_such_command", name=error.name)
    return word("usage.other", message=error.format_message())


def _invalid(error: Any, said: str, run: Run) -> str:
    name = hint(error, run)
    if name and not name.isascii():  # a worded metavar: 编号的值无效, not 编号 的值无效
        return run.word("usage.invalid.worded", name=name, message=said)
    return run.word("usage.invalid", name=name, message=said)


def hint(error: Any, run: Run) -> str:
    """The option or argument's name as the user typed it (--format, PROBLEM), its
    placeholder in the run's words (编号 for N in Chinese)."""
    param = getattr(error, "param", None)
    if param is None:
        return ""
    names = [name for name in getattr(param, "opts", []) if name.startswith("-")]
    if names:
        return run.word("usage.names.sep").join(names)
    name = getattr(param, "metavar", None) or (param.name or "").upper()
    return words_of(run.lang).get(f"metavar.{name}", name)
