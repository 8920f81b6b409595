"""The frame every command runs in: Typer's documented hooks, one Run, one error boundary.

pip's `base_command` in small. The root group (`cls=Group`) builds the Run before
Click parses a word, passes it down as the context's `obj`, calls Typer with
`standalone_mode=False`, and turns what comes back into an exit code in one place:
usage errors (by class, worded by usage.py), and the core's and the record's errors
(one message, the documented code: docs/errors.md). Help pages are written by the
context's formatter (`Context.make_formatter`): Click's for English, help_zh.py's for
Chinese. Nothing here patches Typer or Click; what Typer keeps private is reached only
through typer_adapter.py.
"""

from __future__ import annotations

import difflib
import sys
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from jdhotline.errors import (
    EXIT_CATALOGUE,
    EXIT_STORE,
    EXIT_USAGE,
    CaseStoreError,
    CatalogueError,
    NoSuchCase,
    Problem,
    Stop,
)
from jdhotline.i18n.messages import catalogue_message, refusal

from . import typer_adapter as adapter
from .run import Run
from .usage import ExtraArguments, FlagGivenValue, MissingCommand, NoArguments, NoSuchCommand

FAILURES = (CatalogueError, Stop, CaseStoreError, NoSuchCase, Problem)


# The help layout of each language Click's own (English words, counted in characters)
# does not fit; imported only to write such a help page.
LAYOUTS = {"zh": "jdhotline.cli.help_zh", "zh-Hant": "jdhotline.cli.help_zh"}


class Context(adapter.Context):
    """A context whose help page and usage line are in the run's language."""

    def make_formatter(self) -> Any:
        layout = LAYOUTS.get(self.obj.lang) if isinstance(self.obj, Run) else None
        if layout is None:
            return super().make_formatter()
        from importlib import import_module

        return import_module(layout).formatter_for(self)


# ----------------------------------------------------------------- commands and groups


def _argument(param: Any) -> str:
    """An argument as people write it: `N`, `PROBLEM` (not Typer's `N <int>`)."""
    return param.metavar or (param.name or "").upper()


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    """The usage line's pieces, arguments as `N` and `[PROBLEM]...` (not `{N}`)."""
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name != "argument":
            pieces.extend(param.get_usage_pieces(ctx))
            continue
        name = _argument(param) if param.required else f"[{_argument(param)}]"
        pieces.append(name + ("..." if param.nargs != 1 else ""))
    return pieces


def _format_params(command: Any, ctx: Any, formatter: Any) -> None:
    """Arguments, then options, as Typer lays them out; arguments by their plain name."""
    arguments, options = [], []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        if param.param_type_name == "argument":
            arguments.append((_argument(param), record[1]))
        else:
            options.append(record)
    for heading, rows in (("Arguments", arguments), ("Options", options)):
        if rows:
            with formatter.section(heading):
                formatter.write_dl(rows)


def _is_flag(command: Any, ctx: Any, name: str) -> bool:
    """Whether the option called ``name`` takes no value (`--plus`)."""
    for param in command.get_params(ctx):
        if name in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())):
            return bool(getattr(param, "is_flag", False) or getattr(param, "count", False))
    return False


class Command(TyperCommand):
    context_class = Context

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _usage_pieces(self, ctx)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _format_params(self, ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parse, with extra arguments refused by ExtraArguments (words by attribute)."""
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest: list[str] = super().parse_args(ctx, args)
        except adapter.BadOptionUsage as error:
            if _is_flag(self, ctx, error.option_name):
                raise FlagGivenValue(error.option_name, error.message, error.ctx) from None
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ExtraArguments(list(rest), ctx)
        return rest


class Group(TyperGroup):
    context_class = Context

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*_usage_pieces(self, ctx), self.subcommand_metavar]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _format_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            raise NoArguments(ctx)
        rest: list[str] = super().parse_args(ctx, args)
        return rest

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except adapter.UsageError as error:
            # The one usage error a group raises about itself before naming a command.
            plain = type(error) is adapter.UsageError and error.ctx is ctx
            if plain and ctx.invoked_subcommand is None:
                raise MissingCommand(ctx) from None
            raise

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        command = self.get_command(ctx, name)
        if command is None and not ctx.resilient_parsing:
            if name.startswith("-"):  # an option where a command belongs: that error
                self.parse_args(ctx, args)
            raise NoSuchCommand(name, difflib.get_close_matches(name, list(self.commands)), ctx)
        return (name if command else None), command, args[1:]

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """The front door (the console script, `app()`, CliRunner): one Run, one boundary."""
        given = list(sys.argv[1:] if args is None else args)
        run = extra.pop("obj", None)
        if not isinstance(run, Run):
            run = Run(given)
        code = answer(self, run, given, prog_name, complete_var, extra)
        if standalone_mode:
            sys.exit(code)
        return code


def typer_app() -> typer.Typer:
    return typer.Typer(
        cls=Group,
        name="jdhotline",
        help="Which JD.com (京东) customer-service hotline to call, when, and what to have "
        "ready.\n\nAll hours are Beijing time (Asia/Shanghai), whatever your machine's zone.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def answer(
    group: Group, run: Run, args: list[str], prog_name: str | None, complete_var: str | None,
    extra: dict[str, Any],
) -> int:  # fmt: skip
    """The command's exit code: every error ends here, as one message and its code."""
    try:
        code = TyperGroup.main(
            group, args, prog_name, complete_var, standalone_mode=False, obj=run, **extra
        )
    except adapter.UsageError as error:
        from .usage import show

        show(error, run)
        return int(error.exit_code)
    except typer.Abort:  # end of input at a prompt of Typer's own
        run.out.say("Aborted!\n")
        return 1
    except FAILURES as failure:
        return fail(failure, run)
    return code if isinstance(code, int) else 0


def fail(failure: Exception, run: Run) -> int:
    """A library error as one message (and a hint), and its exit code (docs/errors.md)."""
    out, lang = run.out, run.lang
    if isinstance(failure, CatalogueError):
        out.error(catalogue_message(failure, lang), run.word(f"error.{failure.source}.hint"))
        return EXIT_CATALOGUE
    if isinstance(failure, Stop):
        out.error(failure.message, failure.hint)
        return failure.code
    if isinstance(failure, CaseStoreError):
        out.error(refusal(failure, lang))
        return EXIT_STORE
    if isinstance(failure, NoSuchCase):
        out.error(run.word("error.no_case", id=failure.case_id), run.word("error.no_case.hint"))
        return EXIT_USAGE
    assert isinstance(failure, Problem)  # a closed case; the record's own check of a moment
    out.error(refusal(failure, lang))
    return EXIT_USAGE
