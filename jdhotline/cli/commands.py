"""The command line: parse, read the clock once, ask the core, hand the answer to a writer.

Data flows one way: cli -> interview -> core -> render (one view) -> writers. Each
command gets the run (run.py: language, consoles, moment, catalogue) from its context;
every error ends at one boundary (base.answer) as one message and an exit code
(errors.py lists them).
"""

# No `from __future__ import annotations`: Typer reads the commands' annotations at
# every start, and would compile and evaluate each one as a string (about 1 ms a run).
# Names imported only for type checkers are quoted instead.

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from jdhotline import __version__
from jdhotline.errors import (
    EXIT_CLOSED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Interrupted,
    Stop,
    catch_interrupts,
    interrupted_late,
)
from jdhotline.i18n.messages import interrupted_message, output_note, unknown_env_language
from jdhotline.i18n.words import LANGS, listing
from jdhotline.inputs import utf8_args

from .asking import NoProblem, Unmatched, problem_text, recommendation
from .base import Command, typer_app
from .case import case_app
from .interview import Interview
from .options import (
    AtOpt,
    CatalogOpt,
    CuesOpt,
    FormatOpt,
    HiddenLangOpt,
    LangOpt,
    MerchantOpt,
    PlusOpt,
    ProblemArg,
    ScenarioOpt,
    calendar_for,
    complete_lines,
    completing,
    emit,
    line_named,
    one_of,
    opened,
    overdue_cases,
    scenario_named,
    shorten,
)
from .prep import prep
from .run import Run
from .safety import answer_scam, check, scam_alarm
from .serve import serve

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue
    from jdhotline.match import Explanation
    from jdhotline.rules import Recommendation


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"jdhotline {__version__}\n")
        raise typer.Exit()


app = typer_app()
app.add_typer(case_app, name="case")


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version.", metavar=""
        ),
    ] = False,
    lang: HiddenLangOpt = None,
) -> None:
    """Which JD.com (京东) customer-service hotline to call, when, and what to have ready."""


# --------------------------------------------------------------------------- which


@app.command(cls=Command)
def which(
    ctx: typer.Context,
    problem: ProblemArg = None,
    plus: PlusOpt = False,
    merchant: MerchantOpt = False,
    scenario: ScenarioOpt = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            metavar="",
            help="Everything: why this line, what to do on the call, the other lines, the source.",
        ),
    ] = False,
    qr: Annotated[
        bool,
        typer.Option(
            "--qr",
            metavar="",
            help="Also a QR code of the number (tel: link) for a phone's camera.",
        ),
    ] = False,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
    cues: CuesOpt = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            metavar="",
            help="Also how the words were read: each cue found, its weight, "
            "the matcher's phases and the winner (JSON: an explain member).",
        ),
    ] = False,
) -> None:
    """Which number to dial for your problem, whether it is open, and when to call."""
    run = opened(ctx, at, catalog, cues)
    if qr and fmt != "text":
        raise Stop(EXIT_USAGE, run.word("error.qr_format"))
    moment, catalogue, language, out = run.moment, run.catalogue, run.lang, run.out
    user = "plus" if plus else "merchant" if merchant else "regular"
    if problem:  # the fake-customer-service scam is answered first (issue 19)
        text = problem_text(problem, Interview(out, language), language)
        problem = [text] if text else None
        alarm = scam_alarm(catalogue, text)
        if alarm is not None and not (plus and merchant):  # that refusal comes first
            chosen = scenario_named(catalogue, scenario, language) if scenario else None
            answer_scam(run, alarm, user, chosen, fmt, full)
    try:
        rec = recommendation(run, problem, plus, merchant, scenario, "which")
    except NoProblem:
        if fmt == "json":
            raise
        out.note(run.word("note.calling"))
        _table(run, fmt)
        return
    except Unmatched:
        if explain and problem and fmt != "json":
            # No scenario matched: the trace says why (no cue, too weak, another platform).
            from jdhotline.match import explain as trace

            _show_trace(run, trace(catalogue, problem[0], user))
        raise
    overdue = overdue_cases(run, order=None)

    from jdhotline.output import documents, render, render_case

    why = _explained(catalogue, rec) if explain else None
    emit(
        run,
        fmt,
        lambda: documents.which_json(rec, catalogue, language) | _explain_member(explain, why),
        lambda: render.which_view(rec, catalogue, language, full=full or fmt == "markdown"),
    )
    if explain and fmt != "json":
        _show_trace(run, why)
    if qr:
        from jdhotline.output.qr import tel_link, terminal

        number = rec.primary.line.number
        out.plain(run.word("qr.scan", number=number))  # what the code is, and what it does
        out.plain(terminal(tel_link(number), ascii_only=out.ascii_only))
    if overdue:
        out.note(render_case.overdue_note(overdue, moment, language, catalogue))
    # A PLUS member who forgot --plus would get a buyer's answer without knowing it.
    forgot_plus = not (plus or merchant) and fmt == "text"
    if forgot_plus and any(n.code == "plus-members-only" for n in rec.warnings):
        out.note(run.word("hint.plus"))


def _explained(catalogue: "Catalogue", rec: "Recommendation") -> "Explanation | None":
    """The matcher's trace of the words the answer was matched from (None: chosen by id)."""
    from jdhotline.match import explain

    return explain(catalogue, rec.problem, rec.user) if rec.problem and rec.matched else None


def _show_trace(run: Run, why: "Explanation | None") -> None:
    """`--explain` in text: how the words were read, after the answer or the refusal."""
    from jdhotline.output.render_explain import explain_lines

    run.out.plain("\n".join(explain_lines(why, run.catalogue, run.lang, run.out.width)))


def _explain_member(asked: bool, why: "Explanation | None") -> dict[str, object]:
    from jdhotline.output.render_explain import explain_json

    return {"explain": explain_json(why)} if asked else {}


# --------------------------------------------------------------------------- table, open, scenarios


@app.command(cls=Command)
def table(
    ctx: typer.Context,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """All hotlines: number, who it is for, scenarios, hours, off-peak, online entry, open now."""
    run = opened(ctx, at, catalog)
    run.moment  # noqa: B018  (a bad --at is refused before a bad catalogue, as everywhere)
    _table(run, fmt)


def _table(run: Run, fmt: str) -> None:
    from jdhotline.output import documents, render_lines
    from jdhotline.rules import line_statuses

    catalogue, language = run.catalogue, run.lang
    emit(
        run,
        fmt,
        lambda: documents.table_json(catalogue, language),  # lines only: no clock needed
        lambda: render_lines.table_view(
            catalogue, line_statuses(catalogue, run.moment, calendar_for(catalogue)), language
        ),
    )


@app.command(name="open", cls=Command)
def open_(
    ctx: typer.Context,
    line: Annotated[
        str | None,
        typer.Argument(
            metavar="LINE",
            help="A line id (regular, plus, appliance, merchant) or number; default: all lines.",
            show_default=False,
            autocompletion=complete_lines,
        ),
    ] = None,
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Is a line open now? With one line: exit 0 when open, 1 when closed."""
    run = opened(ctx, at, catalog)
    moment, catalogue = run.moment, run.catalogue
    lines = list(catalogue.lines)
    if line is not None:
        lines = [line_named(catalogue, line, run.lang)]
    from jdhotline.output import documents, render_lines
    from jdhotline.schedule import status

    calendar = calendar_for(catalogue)
    statuses = [status(x, moment, calendar) for x in lines]
    emit(
        run,
        fmt,
        lambda: documents.open_json(statuses),
        lambda: render_lines.open_view(statuses, run.lang),
    )
    if line is not None and not statuses[0].open_now:
        raise typer.Exit(EXIT_CLOSED)


app.command(name="check", cls=Command)(check)


@app.command(cls=Command)
def scenarios(
    ctx: typer.Context,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """The scenario ids, their names and example keywords."""
    run = opened(ctx, catalog=catalog)
    catalogue = run.catalogue
    from jdhotline.output import documents, render_lines

    emit(
        run,
        fmt,
        lambda: documents.scenarios_json(catalogue, run.lang),
        lambda: render_lines.scenarios_view(catalogue, run.lang),
    )


@app.command(name="calendar", cls=Command)
def calendar_(
    ctx: typer.Context,
    fmt: FormatOpt = "text",
    at: AtOpt = None,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Which years' working days are verified, statutory only or guessed, and from where."""
    run = opened(ctx, at, catalog)
    moment, catalogue = run.moment, run.catalogue
    from jdhotline.output import documents, render_lines
    from jdhotline.workdays import chinesecalendar_version, statutory_runs_out

    calendar = calendar_for(catalogue)
    rows, upgrade = calendar.coverage(), calendar.upgrade_year()
    patches = len(catalogue.extra_holidays | catalogue.extra_workdays)
    runs_out = statutory_runs_out(rows, moment.year)
    emit(
        run,
        fmt,
        lambda: documents.calendar_json(rows, upgrade),
        lambda: render_lines.calendar_view(
            rows,
            upgrade,
            patches,
            catalogue.path,
            chinesecalendar_version(),
            run.lang,
            runs_out,
        ),
    )


# --------------------------------------------------------------------------- prep


app.command(cls=Command)(prep)  # prep.py: the call sheet


# --------------------------------------------------------------------------- serve


app.command(cls=Command)(serve)  # serve.py: the web wing's front door


# --------------------------------------------------------------------------- case


@app.command(cls=Command)
def completion(
    ctx: typer.Context,
    shell: Annotated[
        str,
        typer.Argument(
            metavar="SHELL",
            help="bash, zsh or fish.",
            callback=one_of(("bash", "zsh", "fish")),
            autocompletion=completing(("bash", "zsh", "fish")),
        ),
    ],
    lang: HiddenLangOpt = None,
) -> None:
    """Print the tab-completion script for a shell.

    For example, in ~/.zshrc: eval "$(jdhotline completion zsh)".

    `--show-completion` takes no shell: it prints the script for the shell it runs in.
    """
    # Typer's own script writer (in a private module: typer_adapter.py, tested there).
    from .typer_adapter import completion_script

    ctx.obj.out.plain(completion_script(shell, "jdhotline", "_JDHOTLINE_COMPLETE"))


# --------------------------------------------------------------------------- entry point


def main() -> None:
    """The console script: the app through Typer's front door, plus a clean exit on
    Ctrl-C and on a closed pipe.

    Ctrl-C may come at any moment, also while the answer ends and Python shuts down
    (bench/interrupts.py): until the end it is answered with the one line and 130;
    from the end on (`_ending`) it is held, so that no handler runs, and no default
    one kills the process, while Python shuts down.
    """
    code: int | str | None
    run: Run | None = None
    try:
        catch_interrupts()
        sys.argv[1:] = utf8_args(sys.argv[1:])  # inputs.py
        run = Run(sys.argv[1:])
        run.out.fit_streams()
        unknown = unknown_env_language(run.args)
        if unknown is not None:
            langs = listing(list(LANGS), run.lang)
            run.out.note(run.word("note.env_lang", value=shorten(unknown, 20), langs=langs))
        code = _run(run)
    except Interrupted:
        code = EXIT_INTERRUPTED
    while True:
        try:
            code = _ending(code, run or Run(sys.argv[1:]))
            break
        except Interrupted:  # before the mask took hold
            code = EXIT_INTERRUPTED
    sys.exit(code)


def _run(run: Run) -> int | str | None:
    """The command, to its exit code (base.Group.main: one boundary, no SystemExit)."""
    args = run.args
    try:
        return typer.main.get_command(_app_for(args)).main(args, obj=run, standalone_mode=False)
    except SystemExit as exit:
        if exit.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            # Click's answer to a closed pipe in what it writes itself (help, --version)
            # is exit 1, the code for "line closed": jdhotline's writers stop quietly.
            return 0
        return exit.code
    except BrokenPipeError:
        # A write the output layer did not cover (a prompt, a note): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError as exc:
        if "--install-completion" not in args:
            raise
        # Typer writes the shell's start-up file; a read-only HOME, a folder in its place.
        from jdhotline.errors import Coded, os_reason
        from jdhotline.i18n.messages import refusal

        where = exc.filename or os.path.expanduser("~")
        failed = Coded("completion", path=where, why=os_reason(exc), detail=exc.strerror)
        run.out.error(refusal(failed, run.lang))
        return EXIT_USAGE
    return 0


def _ending(code: int | str | None, run: Run) -> int | str | None:
    """Hold Ctrl-C from here to the exit; one that has come by the last flush is
    answered (the line, and 130); one during Python's shutdown is dropped."""
    import signal

    held = hasattr(signal, "pthread_sigmask")  # not on Windows
    if held:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    finish_output(run)
    _spare_the_final_collections()
    if (held and signal.SIGINT in signal.sigpending()) or interrupted_late():
        code = EXIT_INTERRUPTED
    if code == EXIT_INTERRUPTED:
        run.out.say("\n" + interrupted_message(run.args, run.saved) + "\n")
    run.out.flush()
    return code


def finish_output(run: Run) -> None:
    """The note owed about the output, if any, in the run's language."""
    shown_in = getattr(sys.stderr, "encoding", "") or ""
    run.out.finish(
        lambda closed, encoding: output_note(run.args, run.saved, closed, encoding, shown_in)
    )


def _spare_the_final_collections() -> None:
    """The process ends now: keep Python's shutdown from garbage-collecting it.

    Typer, pydantic and Rich leave some 30,000 objects tracked by the garbage collector,
    and the interpreter's shutdown runs full collections over all of them: 20-30 ms of
    every command on this project's machine (bench/startup.py), about as much as
    jdhotline's own work. Frozen objects are left out of those collections. Nothing is
    lost: the memory goes back with the process, output is flushed as usual, atexit
    handlers run, and jdhotline closes its files and its case database itself.
    """
    import gc

    gc.freeze()


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run (the full one for anything else).

    Typer turns every command's parameters into Click and pydantic objects at start-up,
    about 2 ms a command: building the one command that runs keeps `jdhotline open` as
    quick as Typer's own hello-world (bench/startup.py). Its behaviour, help and errors
    are those of the full app, which `jdhotline --help` and the tests use.
    """
    name = next((arg for arg in args if not arg.startswith("-")), None)
    if name is None:
        return app
    slim = typer_app()
    slim.callback()(_root)
    if name == "case":
        slim.add_typer(case_app, name="case")
        return slim
    for info in app.registered_commands:
        command_name = info.name or (info.callback.__name__ if info.callback else "")
        if command_name == name:
            slim.registered_commands.append(info)
            return slim
    return app
