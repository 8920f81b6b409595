"""The command line: parse, read the clock once, ask the core, hand the answer to a writer.

Data flows one way: cli -> interview -> core -> render (one view) -> writers. Every
error ends at one boundary (``boundary``) as one message and an exit code
(errors.py lists them).
"""

# No `from __future__ import annotations`: Typer reads the commands' annotations at
# every start, and would compile and evaluate each one as a string (about 1 ms a run).
# Names imported only for type checkers are quoted instead.

import datetime as dt
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
)
from jdhotline.i18n.messages import args_language, interrupted_message, output_note
from jdhotline.i18n.words import word
from jdhotline.inputs import utf8_args

from .asking import NoProblem, problem_text, recommendation
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
    boundary,
    calendar_for,
    catalogue_at,
    complete_lines,
    completing,
    emit,
    language_of,
    line_named,
    moment_at,
    one_of,
    out,
    overdue_cases,
    saved,
    scenario_named,
    typer_app,
)
from .prep import prep
from .safety import answer_scam, check, scam_alarm
from .serve import serve
from .usage import install as _word_usage_errors

_word_usage_errors()

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
    out.reset()  # each command reads the terminal afresh


# --------------------------------------------------------------------------- which


@app.command()
def which(
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
    language = language_of(lang)
    with boundary(language):
        if qr and fmt != "text":
            raise Stop(EXIT_USAGE, word(language, "error.qr_format"))
        moment = moment_at(at, language)
        catalogue = catalogue_at(catalog, cues)
        if problem:  # the fake-customer-service scam is answered first (issue 19)
            text = problem_text(problem, Interview(out, language), language)
            problem = [text] if text else None
            alarm = scam_alarm(catalogue, text)
            if alarm is not None and not (plus and merchant):  # that refusal comes first
                user = "plus" if plus else "merchant" if merchant else "regular"
                chosen = scenario_named(catalogue, scenario, language) if scenario else None
                answer_scam(catalogue, alarm, user, chosen, moment, fmt, language, full)
        try:
            rec = recommendation(
                catalogue, problem, plus, merchant, scenario, moment, language, "which"
            )
        except NoProblem:
            if fmt == "json":
                raise
            out.note(word(language, "note.calling"))
            _table(catalogue, moment, fmt, language)
            return
        overdue = overdue_cases(moment, order=None, lang=language)

    from jdhotline.output import documents, render, render_case

    why = _explained(catalogue, rec) if explain else None
    emit(
        fmt,
        lambda: documents.which_json(rec, catalogue, language) | _explain_member(explain, why),
        lambda: render.which_view(rec, catalogue, language, full=full or fmt == "markdown"),
        language,
    )
    if explain and fmt != "json":
        from jdhotline.output.render_explain import explain_lines

        out.plain("\n".join(explain_lines(why, catalogue, language, out.width)))
    if qr:
        from jdhotline.output.qr import tel_link, terminal

        out.plain(terminal(tel_link(rec.primary.line.number), ascii_only=out.ascii_only))
    if overdue:
        out.note(render_case.overdue_note(overdue, moment, language, catalogue))
    # A PLUS member who forgot --plus would get a buyer's answer without knowing it.
    forgot_plus = not (plus or merchant) and fmt == "text"
    if forgot_plus and any(n.code == "plus-members-only" for n in rec.warnings):
        out.note(word(language, "hint.plus"))


def _explained(catalogue: "Catalogue", rec: "Recommendation") -> "Explanation | None":
    """The matcher's trace of the words the answer was matched from (None: chosen by id)."""
    from jdhotline.match import explain

    return explain(catalogue, rec.problem, rec.user) if rec.problem and rec.matched else None


def _explain_member(asked: bool, why: "Explanation | None") -> dict[str, object]:
    from jdhotline.output.render_explain import explain_json

    return {"explain": explain_json(why)} if asked else {}


# --------------------------------------------------------------------------- table, open, scenarios


@app.command()
def table(
    at: AtOpt = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """All hotlines: number, who it is for, scenarios, hours, off-peak, online entry, open now."""
    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        catalogue = catalogue_at(catalog)
    _table(catalogue, moment, fmt, language)


def _table(catalogue: "Catalogue", moment: dt.datetime, fmt: str, language: str) -> None:
    from jdhotline.output import documents, render_lines
    from jdhotline.rules import line_statuses

    emit(
        fmt,
        lambda: documents.table_json(catalogue, language),  # lines only: no clock needed
        lambda: render_lines.table_view(
            catalogue, line_statuses(catalogue, moment, calendar_for(catalogue)), language
        ),
        language,
    )


@app.command(name="open")
def open_(
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
    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        catalogue = catalogue_at(catalog)
        lines = list(catalogue.lines)
        if line is not None:
            lines = [line_named(catalogue, line, language)]
    from jdhotline.output import documents, render_lines
    from jdhotline.schedule import status

    calendar = calendar_for(catalogue)
    statuses = [status(x, moment, calendar) for x in lines]
    emit(
        fmt,
        lambda: documents.open_json(statuses),
        lambda: render_lines.open_view(statuses, language),
        language,
    )
    if line is not None and not statuses[0].open_now:
        raise typer.Exit(EXIT_CLOSED)


app.command(name="check")(check)


@app.command()
def scenarios(
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """The scenario ids, their names and example keywords."""
    language = language_of(lang)
    with boundary(language):
        catalogue = catalogue_at(catalog)
    from jdhotline.output import documents, render_lines

    emit(
        fmt,
        lambda: documents.scenarios_json(catalogue, language),
        lambda: render_lines.scenarios_view(catalogue, language),
        language,
    )


@app.command(name="calendar")
def calendar_(
    fmt: FormatOpt = "text",
    at: AtOpt = None,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Which years' working days are verified, statutory only or guessed, and from where."""
    language = language_of(lang)
    with boundary(language):
        moment = moment_at(at, language)
        catalogue = catalogue_at(catalog)
    from jdhotline.output import documents, render_lines
    from jdhotline.workdays import chinesecalendar_version, statutory_runs_out

    calendar = calendar_for(catalogue)
    rows, upgrade = calendar.coverage(), calendar.upgrade_year()
    patches = len(catalogue.extra_holidays | catalogue.extra_workdays)
    runs_out = statutory_runs_out(rows, moment.year)
    emit(
        fmt,
        lambda: documents.calendar_json(rows, upgrade),
        lambda: render_lines.calendar_view(
            rows,
            upgrade,
            patches,
            catalogue.path,
            chinesecalendar_version(),
            language,
            runs_out,
        ),
        language,
    )


# --------------------------------------------------------------------------- prep


app.command()(prep)  # prep_cli.py: the call sheet


# --------------------------------------------------------------------------- serve


app.command()(serve)  # serve_cli.py: the web wing's front door


# --------------------------------------------------------------------------- case


@app.command()
def completion(
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
    # Typer's own script writer (in a private module, so tests/test_cli.py runs it).
    from typer._completion_shared import get_completion_script

    script = get_completion_script(
        prog_name="jdhotline", complete_var="_JDHOTLINE_COMPLETE", shell=shell
    )
    out.plain(script)


# --------------------------------------------------------------------------- entry point


def main() -> None:
    """The console script: Typer, plus a clean exit on Ctrl-C and on a closed pipe.

    Ctrl-C may come at any moment, also while the answer ends and Python shuts down
    (bench/interrupts.py): until the end it is answered with the one line and 130;
    from the end on (`_ending`) it is held, so that no handler runs, and no default
    one kills the process, while Python shuts down.
    """
    code: int | str | None
    try:
        catch_interrupts()
        sys.argv[1:] = utf8_args(sys.argv[1:])  # inputs.py
        out.fit_streams()
        code = _run(sys.argv[1:])
    except Interrupted:
        code = EXIT_INTERRUPTED
    while True:
        try:
            code = _ending(code, sys.argv[1:])
            break
        except Interrupted:  # before the mask took hold
            code = EXIT_INTERRUPTED
    sys.exit(code)


def _run(args: list[str]) -> int | str | None:
    """The command, to its exit code (Typer ends every run with SystemExit)."""
    try:
        _app_for(args)()
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
        from jdhotline.errors import os_reason

        lang = args_language(args)
        why = exc.strerror if lang == "en" and exc.strerror else None
        why = why or word(lang, f"error.store.why.{os_reason(exc)}")
        where = exc.filename or os.path.expanduser("~")
        out.error(word(lang, "error.completion", path=where, why=why))
        return EXIT_USAGE
    return 0


def _ending(code: int | str | None, args: list[str]) -> int | str | None:
    """Hold Ctrl-C from here to the exit; one that has come by the last flush is
    answered (the line, and 130); one during Python's shutdown is dropped."""
    import signal

    held = hasattr(signal, "pthread_sigmask")  # not on Windows
    if held:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    finish_output(args)
    _spare_the_final_collections()
    if held and signal.SIGINT in signal.sigpending():
        code = EXIT_INTERRUPTED
    if code == EXIT_INTERRUPTED:
        out.say("\n" + interrupted_message(args, saved) + "\n")
    out.flush()
    return code


def finish_output(args: list[str]) -> None:
    """The note owed about the output, if any, in the command line's language."""
    shown_in = getattr(sys.stderr, "encoding", "") or ""
    out.finish(lambda closed, encoding: output_note(args, saved, closed, encoding, shown_in))


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
