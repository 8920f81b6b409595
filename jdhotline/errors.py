"""The errors the command line turns into messages and exit codes.

Kept apart, and tiny, so that the CLI can catch them without importing the
modules that raise them (start-up time is part of the product).
"""

from __future__ import annotations


class Coded(Exception):
    """An error with a code and its arguments, and no words: messages.refusal words it,
    in the language the error boundary picks (``str()`` is the code, for logs)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return f"{self.code} {self.params}"


class CatalogueError(Coded):
    """A catalogue that cannot be used: the file, the entry and a problem code with its
    parameters, and no words (messages.catalogue_message words it).

    ``entry`` is the entry path as the file names it (``hotlines[2].hours.open``: YAML
    keys, so code, shown as is), or "" for the file as a whole; a YAML syntax error
    has its ``line`` and ``column`` among the parameters instead. The loader raises
    checks.Refused, a CatalogueError too.
    """

    def __init__(self, file: str, entry: str, code: str, **params: object) -> None:
        super().__init__(code, **params)
        self.file = file
        self.entry = entry
        self.source = "catalogue"  # or "cues": a user's cues file (--cues)

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.code} {self.params}"


class Problem(Coded, ValueError):
    """A refusal of what the user gave (exit 2)."""


class BadMoment(Problem):
    """A moment that is not one, or one outside the range jdhotline answers for."""


class CaseStoreError(Coded):
    """The case database cannot be used; worded with why and what to do. Not a
    ValueError, so no option check swallows it; it ends with EXIT_STORE."""


class NoSuchCase(LookupError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"no case {case_id}")
        self.case_id = case_id


class CaseStateError(Problem):
    """A change the case's state refuses: a closed case takes no call, close or follow-up
    until it is reopened; an open case cannot be reopened. The message says what to do."""

    def __init__(self, case_id: int, code: str, **params: object) -> None:
        super().__init__(code, id=case_id, **params)
        self.case_id = case_id


def os_reason(exc: OSError) -> str:
    """Why an OSError happened, as the code words.py names (error.store.why.*); its
    own text (strerror) stays as the detail, which English shows instead."""
    import errno

    return {
        errno.EACCES: "denied",
        errno.EPERM: "denied",
        errno.EROFS: "read_only",
        errno.ENOSPC: "full",
    }.get(exc.errno or 0, "other")


# Exit codes (also in the README).
EXIT_OK = 0
EXIT_CLOSED = 1  # `open LINE`: the line is closed now
EXIT_USAGE = 2  # unknown scenario or line, bad --at, nothing to answer
EXIT_CATALOGUE = 3  # the catalogue cannot be used (file, entry, field and the fix are named)
EXIT_STORE = 4  # the case record cannot be used
EXIT_SAFETY = 5  # `which`: the text reads as the fake-customer-service scam; the safety answer
EXIT_NOT_A_LINE = 1  # `check`: a number that is not one of the catalogue's lines
EXIT_INTERRUPTED = 130  # Ctrl-C


class Stop(Exception):
    """End the command with one message on stderr and an exit code."""

    def __init__(self, code: int, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


class Interrupted(BaseException):
    """Ctrl-C, raised by jdhotline's own SIGINT handler (cli.main).

    Not a KeyboardInterrupt: Typer turns that into a silent exit 130, and the user is
    owed a word, "interrupted", and whether the case was saved.
    """


# Ctrl-Cs Python could not raise (below): the signal handler's state is the process's,
# so it lives here, not in the Run.
_swallowed: list[Interrupted] = []


def catch_interrupts() -> None:
    """From now on Ctrl-C raises Interrupted (called first thing by the console script).

    A Ctrl-C that lands while Python runs a callback it cannot raise from (a weak
    reference's, as the import system drops a module lock) is "ignored" by Python, which
    prints its traceback and goes on. That one is kept instead, silently: the command
    goes on to its end, and the ending answers it (`interrupted_late`).
    """
    import signal
    import sys

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted

    before = sys.unraisablehook

    def unraisable(info: sys.UnraisableHookArgs) -> None:
        if isinstance(info.exc_value, Interrupted):
            _swallowed.append(info.exc_value)
        else:
            before(info)

    if getattr(before, "__qualname__", "") != unraisable.__qualname__:  # once a process
        sys.unraisablehook = unraisable
    signal.signal(signal.SIGINT, interrupt)


def interrupted_late() -> bool:
    """Whether a Ctrl-C came where Python could not raise it (see catch_interrupts)."""
    return bool(_swallowed)
