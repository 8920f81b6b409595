"""One command's run: built once, before Typer parses, and passed down explicitly.

httpie's `Environment` and pip's `Command` in small: the language (decided here, once,
from the command line as given, so that a usage error, a help page, the answer and an
interrupt all speak the same one), the consoles, the moment (the clock read once,
Beijing time, `--at` honoured), the catalogue (loaded when first asked for), the case
store's path, and what the run has written to it (for the line owed on Ctrl-C).
Nothing about a run lives in a module global: tests build a Run of their own.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdhotline.errors import EXIT_USAGE, Stop
from jdhotline.i18n.messages import args_language, refusal
from jdhotline.i18n.words import word
from jdhotline.output.console import Output

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue


class Consoles(Output):
    """The consoles, with notes wrapped as stdout is (writers.wrap: Chinese and English
    line breaking) at the width of standard error, not cut by the terminal mid-word.
    Here, not in console.py, which knows no layout (tests/test_structure.py)."""

    def note(self, message: str) -> None:
        from jdhotline.output.console import clean
        from jdhotline.output.writers import wrap

        lines = wrap(clean(message), self.err.width)
        super().note("\n".join(line.rstrip() for line in lines))


class Run:
    """What one command needs besides its own options."""

    def __init__(self, args: list[str], *, out: Output | None = None) -> None:
        self.args = list(args)
        self.lang = args_language(self.args)
        self.out = out if out is not None else Consoles()
        self.saved: list[tuple[str, int]] = []  # (what, case number): ("added", 3)
        self._at: str | None = None
        self._catalog: str | None = None
        self._cues: str | None = None
        self._moment: dt.datetime | None = None
        self._catalogue: Catalogue | None = None

    def word(self, name: str, /, **params: Any) -> str:
        """A sentence of the word tables in the run's language."""
        return word(self.lang, name, **params)

    def given(
        self, *, at: str | None = None, catalog: str | None = None, cues: str | None = None
    ) -> Run:
        """The shared options a command took (options.AtOpt, options.CatalogOpt, CuesOpt)."""
        self._at, self._catalog, self._cues = at, catalog, cues
        return self

    @property
    def moment(self) -> dt.datetime:
        """The moment answered for: the clock, read once, or `--at`."""
        if self._moment is None:
            self._moment = moment_at(self._at, self.lang)
        return self._moment

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue in use (`--catalog`, $JDHOTLINE_CATALOG, else the shipped one),
        with a user's cues (`--cues`, $JDHOTLINE_CUES)."""
        if self._catalogue is None:
            self._catalogue = catalogue_at(self._catalog, self._cues)
        return self._catalogue

    def catalogue_or_none(self) -> Catalogue | None:
        """Line names for case output; a case is shown by its line id if the catalogue is broken."""
        from jdhotline.errors import CatalogueError

        try:
            return self.catalogue
        except CatalogueError:
            return None

    @property
    def store_path(self) -> Path:
        """The case record's file ($JDHOTLINE_HOME, else the user's data folder)."""
        return store_path()


def moment_at(at: str | None, lang: str) -> dt.datetime:
    """The one place the clock is read."""
    from jdhotline.schedule import BEIJING, BadMoment, parse_moment

    now = dt.datetime.now(BEIJING)
    if at is None:
        return now
    try:
        return parse_moment(at, now)
    except BadMoment as exc:
        raise Stop(EXIT_USAGE, word(lang, "error.at", reason=refusal(exc, lang))) from None


def catalogue_at(path: str | None, cues: str | None = None) -> Catalogue:
    """The catalogue, with a user's cues: --cues, or JDHOTLINE_CUES for every command."""
    from jdhotline.load import load

    return load(path, cues or os.environ.get("JDHOTLINE_CUES") or None)


def store_path() -> Path:
    """$JDHOTLINE_HOME/cases.db, else cases.db in the user's data folder (platformdirs)."""
    home = os.environ.get("JDHOTLINE_HOME", "").strip()
    if home:
        return Path(os.path.expanduser(home)) / "cases.db"  # '~/x' quoted, so unexpanded
    return user_data_dir() / "cases.db"


def user_data_dir() -> Path:
    """platformdirs.user_data_dir("jdhotline"), without importing it on Linux.

    `which` looks for a case record on every run, and importing platformdirs costs
    more than the rest of that look; on Linux its answer is one line (the XDG base
    directory rule), which a test checks against platformdirs itself.
    """
    if sys.platform.startswith("linux"):
        # The XDG spec: a relative path "is invalid and should be ignored" (else the
        # record would follow the working folder).
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.local/share")
        return Path(base) / "jdhotline"
    import platformdirs

    return Path(platformdirs.user_data_dir("jdhotline", appauthor=False))
