"""One case: the calls on it and the promises made, and how a promised deadline is read.

cases.py keeps cases in SQLite; this module is what a case is, without the database.
Times are passed in (Beijing time); nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import NamedTuple

from .errors import CaseStateError, Problem
from .schedule import in_range, to_beijing


class Entry(NamedTuple):
    id: int
    at: dt.datetime
    kind: str  # call | close | reopen
    agent: str | None
    ticket: str | None
    due: dt.datetime | None
    note: str | None


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
        if self.status != "open" or due is None or at <= due:
            return None
        return at - due

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


PROMISE_DAYS = 366  # a promise further away than this is a typo, not a promise


def closed_error(case_id: int, action: str, outcome: str | None) -> CaseStateError:
    if outcome:
        return CaseStateError(case_id, "case.closed_kept", action=action, outcome=outcome)
    return CaseStateError(case_id, "case.closed", action=action)


# Minutes per unit, as agents and the guide say them ("3 小时内", "24 小时", "2天",
# "30分钟") and as typed in English (24h, 3d, 90m).
_PROMISE_UNITS = {
    "m": 1, "min": 1, "分": 1, "分钟": 1,
    "h": 60, "小时": 60, "钟头": 60,
    "d": 24 * 60, "天": 24 * 60, "日": 24 * 60,
}  # fmt: skip
_RELATIVE = re.compile(
    r"(?P<n>[0-9]+|半)\s*个?\s*(?P<unit>min|m|h|d|分钟|分|小时|钟头|天|日)\s*(?:以?内)?"
)


def parse_promise(text: str, at: dt.datetime) -> dt.datetime:
    """A promised deadline: 24h, 3d, 90m, 3 小时内, 2天, 半小时, 30分钟 (from ``at``), or an
    ISO 8601 moment or date.

    It must fall after the call (0h is no promise) and within a year of it. Full-width
    digits (２４h, ３小时) are read as digits.
    """
    value = unicodedata.normalize("NFKC", text).strip().lower()
    relative = _RELATIVE.fullmatch(value)
    if relative:
        number, unit = relative["n"], _PROMISE_UNITS[relative["unit"]]
        if number == "半":  # 半小时: half of an hour; 半天 says no time, so it is refused
            if unit != 60:
                raise Problem("promise.not_deadline", text=text)
            minutes = 30
        else:
            digits = number.lstrip("0") or "0"
            if len(digits) > 10:
                raise Problem("promise.too_far", text=text)
            minutes = unit * int(digits)
        if minutes == 0:
            raise Problem("promise.at_call", text=text)
        if minutes > PROMISE_DAYS * 24 * 60:
            raise Problem("promise.too_far", text=text)
        return in_range(to_beijing(at) + dt.timedelta(minutes=minutes))
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII):
            # A day: the promise holds until that day's end.
            day = dt.date.fromisoformat(value)
            moment = dt.datetime.combine(day, dt.time(23, 59))
        else:
            moment = dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        raise Problem("promise.not_deadline", text=text) from None
    due = in_range(moment)
    call = to_beijing(at)
    if due == call:
        raise Problem("promise.at_call", text=text)
    if due < call:
        raise Problem("promise.before_call", text=text, call=f"{call:%Y-%m-%d %H:%M}")
    if due - call > dt.timedelta(days=PROMISE_DAYS):
        raise Problem("promise.year_after", text=text)
    return due
