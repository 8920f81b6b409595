"""Before the call: the facts a scenario needs, which are missing, and checks on them.

The guide: callers with their order number and model ready spend 55 % less time
on the call. Pure functions; dates are resolved against a day passed in.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .catalogue import Scenario
from .record import Record


class Facts(Record):
    """What the caller knows; None where not given."""

    problem: str | None = None  # the free text of `prep PROBLEM...`
    order: str | None = None
    ordered: dt.date | None = None
    model: str | None = None
    bought: dt.date | None = None
    fault: str | None = None
    want: str | None = None
    evidence: tuple[str, ...] = ()

    @property
    def what_is_wrong(self) -> str | None:
        return self.fault or self.problem

    def has(self, fact: str) -> bool:
        if fact == "fault":
            return bool(self.what_is_wrong)
        return getattr(self, fact) not in (None, "")

    def with_(self, **changes: object) -> Facts:
        return self._replace(**changes)


def missing(scenario: Scenario, facts: Facts) -> tuple[str, ...]:
    """The facts this scenario needs that the caller has not given, in the scenario's order."""
    return tuple(fact for fact in scenario.needs if not facts.has(fact))


def parse_order(text: str) -> str:
    """An order number: digits only, spaces and dashes allowed in between (full-width too)."""
    digits = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", text))
    if not digits.isdigit() or not digits.isascii():
        raise ValueError(
            f"{text!r} is not an order number (digits only; copy it from 我的订单 in the JD app)"
        )
    return digits


def parse_day(text: str, today: dt.date) -> dt.date:
    """A date: 2026-10-10, or 10-10 for this year."""
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
            year, month, day = (int(part) for part in value.split("-"))
            return dt.date(year, month, day)
        if re.fullmatch(r"\d{1,2}-\d{1,2}", value):
            month, day = (int(part) for part in value.split("-"))
            return dt.date(today.year, month, day)
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date; use 2026-10-10, or 10-10 for this year")
