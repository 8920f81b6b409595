"""One case: the calls on it and the promises made, and how a promised deadline is read.

cases.py keeps cases in SQLite; this module is what a case is, without the database.
Times are passed in (Beijing time); nothing here reads the clock.
"""

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from .errors import CaseStateError

if TYPE_CHECKING:
    from .workdays import WorkCalendar


class Entry(NamedTuple):
    id: int
    at: dt.datetime
    kind: str  # call | close | reopen
    agent: str | None
    ticket: str | None
    due: dt.datetime | None
    note: str | None
    promise: str | None = None  # the agent's words for ``due`` ("48小时内回电"), since v4


class Case(NamedTuple):
    id: int
    line: str
    scenario: str | None
    order: str | None
    status: str  # open | closed
    created_at: dt.datetime
    closed_at: dt.datetime | None
    outcome: str | None
    entries: tuple[Entry, ...]

    def check_open(self, action: str) -> None:
        """Refuse ``action`` (log, close, followup) on a closed case, naming the way back."""
        if self.status == "closed":
            raise closed_error(self.id, action, self.outcome)

    def latest(self, field: str) -> str | None:
        """The most recent agent or ticket given in any call."""
        for entry in reversed(self.entries):
            value = getattr(entry, field)
            if value:
                return str(value)
        return None

    @property
    def current(self) -> tuple[Entry, ...]:
        """The entries since the case was last reopened: a promise made before it was
        closed was settled by the close, and is no longer due."""
        for i in range(len(self.entries) - 1, -1, -1):
            if self.entries[i].kind == "reopen":
                return self.entries[i + 1 :]
        return self.entries

    @property
    def due(self) -> dt.datetime | None:
        """The deadline of the latest promise (since the last reopen)."""
        for entry in reversed(self.current):
            if entry.due is not None:
                return entry.due
        return None

    def overdue(self, at: dt.datetime) -> dt.timedelta | None:
        """How long the latest promise is overdue at ``at`` (None when not overdue)."""
        due = self.due
        if self.status != "open" or due is None:
            return None
        # Counted from the minutes shown ("promised by 00:32"), not from hidden seconds.
        due, now = _minute(due), _minute(at)
        return None if now <= due else now - due

    def due_in(self, at: dt.datetime) -> dt.timedelta | None:
        """How long until the latest promise is due at ``at``, counted as overdue() counts
        (None when it is due or past, or there is none)."""
        due = self.due
        if self.status != "open" or due is None:
            return None
        due, now = _minute(due), _minute(at)
        return due - now if now < due else None

    def missed_promises(self, at: dt.datetime) -> int:
        """Promises whose deadline passed before the next entry (a call, or the close
        that settled it) or, for the last, before ``at``. Counted over the whole
        history: a reopened problem is the same problem."""
        entries = self.entries
        missed = 0
        for i, entry in enumerate(entries):
            if entry.due is None:
                continue
            following = entries[i + 1].at if i + 1 < len(entries) else at
            if following > entry.due:
                missed += 1
        return missed


def _minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def closed_error(case_id: int, action: str, outcome: str | None) -> CaseStateError:
    if outcome:
        return CaseStateError(case_id, "case.closed_kept", action=action, outcome=outcome)
    return CaseStateError(case_id, "case.closed", action=action)


def parse_promise(
    text: str, at: dt.datetime, calendar: "WorkCalendar | None" = None
) -> dt.datetime:
    """A promised deadline as the agent said it (deadline.py): 24h, 3 小时内, 3个工作日内,
    明天, 1-3天, 24 hours, 12-10, 下周一前, 月底前, 明天下午5点前, by next Monday, or an
    ISO 8601 moment or date. Working days are counted
    on ``calendar`` (None: the shipped one).

    It must fall after the call (0h is no promise) and within a year of it. Full-width
    digits (２４h, ３小时) are read as digits.
    """
    from .deadline import read_deadline  # its patterns cost 4 ms: only a promise needs them

    return read_deadline(text, at, calendar)
