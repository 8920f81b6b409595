from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdhotline.catalogue import Catalogue, Line
from jdhotline.schedule import BEIJING, BadMoment, Interval, parse_moment, status, to_beijing
from jdhotline.workdays import WorkCalendar

from .calendars import pin_official
from .conftest import bj, build, line_data

CAL = WorkCalendar()


def at(catalogue: Catalogue, line_id: str, moment: str):
    return status(catalogue.line(line_id), bj(moment), CAL)


def window(s: Any) -> tuple[str, str | None]:
    assert isinstance(s, Interval)
    return (s.start.strftime("%m-%d %H:%M"), s.end.strftime("%m-%d %H:%M") if s.end else None)


# The examples for best_time.
@pytest.mark.parametrize(
    ("line_id", "moment", "best"),
    [
        ("regular", "2026-11-27 12:00", ("11-27 14:00", "11-27 16:00")),
        ("regular", "2026-11-27 16:30", ("11-27 23:00", "11-28 09:00")),
        ("regular", "2026-11-27 14:30", ("11-27 14:30", "11-27 16:00")),  # inside: call now
        ("appliance", "2026-11-27 21:30", ("11-28 09:00", "11-28 11:00")),
        ("appliance", "2026-11-27 10:15", ("11-27 10:15", "11-27 11:00")),
        ("merchant", "2026-11-28 10:00", ("11-30 09:30", "11-30 11:00")),
        ("merchant", "2026-10-09 17:00", ("10-10 09:30", "10-10 11:00")),  # adjusted Saturday
        ("merchant", "2026-10-01 10:00", ("10-08 09:30", "10-08 11:00")),  # National Day
        ("plus", "2026-11-27 03:00", ("11-27 03:00", None)),  # no off-peak: open now, no end
    ],
)
def test_best_time_examples(catalogue: Catalogue, line_id: str, moment: str, best: tuple) -> None:
    assert window(at(catalogue, line_id, moment).best_time) == best


@pytest.mark.calendar
def test_open_now_and_next_change(catalogue: Catalogue) -> None:
    s = at(catalogue, "regular", "2026-11-27 20:00")
    assert (s.open_now, s.next_change) == (True, None)
    s = at(catalogue, "appliance", "2026-11-27 20:59")
    assert (s.open_now, s.next_change) == (True, bj("2026-11-27 21:00"))
    s = at(catalogue, "appliance", "2026-11-27 21:00")
    assert (s.open_now, s.next_change) == (False, bj("2026-11-28 09:00"))
    s = at(catalogue, "merchant", "2026-11-28 10:00")  # Saturday
    assert (s.open_now, s.next_change) == (False, bj("2026-11-30 09:00"))
    s = at(catalogue, "merchant", "2026-10-10 10:00")  # adjusted working Saturday
    assert (s.open_now, s.next_change, s.calendar_verified) == (True, bj("2026-10-10 18:00"), True)
    s = at(catalogue, "merchant", "2026-10-01 10:00")  # National Day
    assert (s.open_now, s.next_change) == (False, bj("2026-10-08 09:00"))


@pytest.mark.calendar
def test_2027_counts_statutory_holidays_and_says_so(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_official(monkeypatch)  # 2027 not announced, whatever chinesecalendar is installed
    s = at(catalogue, "merchant", "2027-01-01 10:00")  # Friday, New Year's Day: closed
    assert (s.open_now, s.calendar_verified, s.calendar) == (False, False, "statutory")
    assert s.unverified_years == (2027,) and s.guessed_years == ()
    s = at(catalogue, "merchant", "2026-12-31 19:00")  # the next opening is in 2027
    assert s.next_change == bj("2027-01-04 09:00") and s.calendar == "statutory"
    assert at(catalogue, "regular", "2027-01-01 10:00").calendar == "verified"  # every-day line
    s = at(catalogue, "merchant", "2036-01-02 10:00")  # past the statutory data: Wednesday
    assert (s.open_now, s.calendar, s.guessed_years) == (True, "guessed", (2036,))


@pytest.mark.calendar
def test_catalogue_calendar_patch_verifies_2027(data: dict[str, Any]) -> None:
    data["calendar"] = {"extra_holidays": ["2027-01-01"], "extra_workdays": []}
    catalogue = build(data)
    calendar = WorkCalendar(catalogue.extra_holidays, catalogue.extra_workdays)
    s = status(catalogue.line("merchant"), bj("2027-01-01 10:00"), calendar)
    assert not s.open_now and s.next_change == bj("2027-01-04 09:00")


def test_off_peak_windows_that_touch_are_one_best_time(data: dict[str, Any]) -> None:
    line = line_data(data, "regular")  # open around the clock
    line["off_peak"] = [
        {"start": "09:00", "end": "11:00"}, {"start": "11:00", "end": "12:00"},
        {"start": "22:00", "end": "24:00"}, {"start": "00:00", "end": "02:00"},
        {"start": "02:01", "end": "03:00"},  # a minute apart: not joined
    ]  # fmt: skip
    regular = build(data).line("regular")
    assert window(status(regular, bj("2026-11-27 08:00"), CAL).best_time) == (
        "11-27 09:00", "11-27 12:00"
    )  # fmt: skip
    assert window(status(regular, bj("2026-11-27 10:30"), CAL).best_time) == (
        "11-27 10:30", "11-27 12:00"
    )  # fmt: skip
    assert window(status(regular, bj("2026-11-27 21:00"), CAL).best_time) == (
        "11-27 22:00", "11-28 02:00"
    )  # across midnight  # fmt: skip


def test_window_across_midnight(data: dict[str, Any]) -> None:
    line = line_data(data, "appliance")
    line["hours"] = {"open": "22:00", "close": "02:00", "days": "working-days"}
    line["off_peak"] = [{"start": "23:30", "end": "01:00"}]
    night = build(data).line("appliance")
    # Friday 2026-11-27 22:00 opens; it runs into Saturday 02:00.
    s = status(night, bj("2026-11-28 01:00"), CAL)
    assert (s.open_now, s.next_change) == (True, bj("2026-11-28 02:00"))
    assert window(s.best_time) == ("11-30 23:30", "12-01 01:00")  # off-peak ended at 01:00
    s = status(night, bj("2026-11-28 00:15"), CAL)
    assert window(s.best_time) == ("11-28 00:15", "11-28 01:00")
    s = status(night, bj("2026-11-28 03:00"), CAL)  # Saturday night is not a working day
    assert (s.open_now, s.next_change) == (False, bj("2026-11-30 22:00"))
    assert window(s.best_time) == ("11-30 23:30", "12-01 01:00")


def test_machine_time_zone_does_not_matter(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = at(catalogue, "merchant", "2026-11-27 17:30")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    moment = dt.datetime(2026, 11, 27, 4, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    after = status(catalogue.line("merchant"), moment, CAL)
    assert after.at == bj("2026-11-27 17:30") and after.at.utcoffset() == dt.timedelta(hours=8)
    assert (after.open_now, after.next_change, after.best_time) == (
        before.open_now, before.next_change, before.best_time,
    )  # fmt: skip
    naive = parse_moment("2026-11-27T17:30", now=bj("2026-11-27 00:00"))
    assert naive == bj("2026-11-27 17:30")  # no offset: Beijing, not New York


def test_peak(catalogue: Catalogue) -> None:
    assert at(catalogue, "regular", "2026-11-27 20:00").peak is not None
    assert at(catalogue, "regular", "2026-11-27 22:59").peak is not None
    assert at(catalogue, "regular", "2026-11-27 23:00").peak is None
    assert at(catalogue, "plus", "2026-11-27 20:00").peak is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-27T20:00", "2026-11-27 20:00"),
        ("2026-11-27 20:00", "2026-11-27 20:00"),
        ("2026-11-27T12:00Z", "2026-11-27 20:00"),
        ("2026-11-27T07:00-05:00", "2026-11-27 20:00"),
        ("2026-11-28", "2026-11-28 00:00"),
        ("20:00", "2026-11-27 20:00"),
        ("9:05", "2026-11-27 09:05"),
    ],
)
def test_parse_moment(text: str, expected: str) -> None:
    assert parse_moment(text, now=bj("2026-11-27 08:00")) == bj(expected)


@pytest.mark.parametrize(
    "text", ["garbage", "2026-02-30", "25:00", "", "2026-11-27T24:30", "24:00", "12:60", "9:99"]
)
def test_parse_moment_rejects(text: str) -> None:
    with pytest.raises(BadMoment):
        parse_moment(text, now=bj("2026-11-27 08:00"))


def test_the_last_minute_of_the_day_is_a_time_of_day() -> None:
    assert parse_moment("23:59", now=bj("2026-11-27 08:00")) == bj("2026-11-27 23:59")
    assert parse_moment("00:00", now=bj("2026-11-27 08:00")) == bj("2026-11-27 00:00")


# ---------------------------------------------------------------- properties

MOMENTS = st.datetimes(
    min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 12, 31, 23, 59)
).map(lambda m: m.replace(second=0, microsecond=0, tzinfo=BEIJING))
MINUTE = dt.timedelta(minutes=1)


def _in_off_peak(line: Line, moment: dt.datetime) -> bool:
    minute = moment.hour * 60 + moment.minute
    return not line.off_peak or any(w.covers(minute) for w in line.off_peak)


@settings(max_examples=150, deadline=None)
@given(moment=MOMENTS, index=st.integers(0, 3), fraction=st.floats(0, 1))
def test_next_change_flips_the_state(
    catalogue: Catalogue, moment: dt.datetime, index: int, fraction: float
) -> None:
    line = catalogue.lines[index]
    s = status(line, moment, CAL)
    if s.next_change is None:
        assert s.open_now and line.hours.always
        return
    assert s.next_change > moment
    inside = moment + (s.next_change - moment) * fraction
    inside = inside.replace(second=0, microsecond=0)
    if inside >= s.next_change:
        inside = s.next_change - MINUTE
    assert status(line, inside, CAL).open_now == s.open_now
    assert status(line, s.next_change - MINUTE, CAL).open_now == s.open_now
    assert status(line, s.next_change, CAL).open_now != s.open_now


@settings(max_examples=150, deadline=None)
@given(moment=MOMENTS, index=st.integers(0, 3))
def test_best_time_is_open_off_peak_and_earliest(
    catalogue: Catalogue, moment: dt.datetime, index: int
) -> None:
    line = catalogue.lines[index]
    best = status(line, moment, CAL).best_time
    assert best is not None and best.start >= moment
    assert status(line, best.start, CAL).open_now and _in_off_peak(line, best.start)
    if best.end is not None:
        last = best.end - MINUTE
        assert best.end > best.start
        assert status(line, last, CAL).open_now and _in_off_peak(line, last)
    # No earlier good moment: a good stretch starts at the moment itself, at an
    # opening, or at the start of an off-peak window; check all of those before best.start.
    candidates = [moment]
    day = moment.date()
    while dt.datetime.combine(day, dt.time(), tzinfo=BEIJING) < best.start:
        midnight = dt.datetime.combine(day, dt.time(), tzinfo=BEIJING)
        for w in (*line.off_peak, line.hours.window):
            candidates.append(midnight + dt.timedelta(minutes=w.start))
        day += dt.timedelta(days=1)
    for c in candidates:
        if moment <= c < best.start:
            assert not (status(line, c, CAL).open_now and _in_off_peak(line, c)), c


def test_to_beijing_keeps_the_instant() -> None:
    utc = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.timezone.utc)
    assert to_beijing(utc) == utc and to_beijing(utc).hour == 20
