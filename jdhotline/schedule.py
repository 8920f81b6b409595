"""When a line is open, when that changes, and the best time to call.

Everything here is Beijing time (Asia/Shanghai, UTC+8 all year) and takes the
moment as an argument: nothing reads the clock.
"""

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .catalogue import MINUTES_PER_DAY, Line, Peak, Window
from .errors import BadMoment
from .workdays import STATUTORY, VERIFIED, WorkCalendar

BEIJING = ZoneInfo("Asia/Shanghai")
HORIZON_DAYS = 400  # past this a line is taken as closed for good (a broken catalogue)
_FULL_DAY = Window(0, MINUTES_PER_DAY)
# The moments jdhotline answers for and records. Far outside them Beijing time is not
# UTC+8 (before 1901 it was local mean time, +08:05:43), a year or more is added to
# look ahead, and nobody's call happens there: refuse them instead of guessing.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=BEIJING)
LATEST = dt.datetime(2099, 12, 31, 23, 59, 59, tzinfo=BEIJING)
RANGE = "2000-01-01 to 2099-12-31, Beijing time"


class Interval(NamedTuple):
    start: dt.datetime
    end: dt.datetime | None  # None: no end in sight (a 24-hour line)


class LineStatus(NamedTuple):
    line: Line
    at: dt.datetime
    open_now: bool
    next_change: dt.datetime | None  # None: open around the clock (or never opens)
    best_time: Interval | None  # None: the line never opens within the horizon
    peak: Peak | None  # the peak the moment falls in, if the line is open then
    unverified_years: tuple[int, ...]  # years of this answer the official calendar lacks
    guessed_years: tuple[int, ...] = ()  # those of them without statutory data either
    # Closed because today is not a working day (a working-days line): the holiday's
    # name when the official calendar gives one ("National Day"), else "".
    day_off: str | None = None
    # Open, outside the peak and before the best window: calling now is fine until this
    # moment (the next peak, or the closing), though the best window is quieter.
    fine_until: dt.datetime | None = None

    @property
    def calendar_verified(self) -> bool:
        return not self.unverified_years

    @property
    def calendar(self) -> str:
        """The least sure tier among the days this answer consulted (workdays.TIERS)."""
        return (
            "guessed"
            if self.guessed_years
            else "statutory"
            if self.unverified_years
            else "verified"
        )


def to_beijing(moment: dt.datetime) -> dt.datetime:
    """An aware moment in Beijing time; a naive one is taken to be Beijing time already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=BEIJING)
    return moment.astimezone(BEIJING)


def in_range(moment: dt.datetime) -> dt.datetime:
    """The moment in Beijing time, if jdhotline answers for it; BadMoment if not."""
    try:
        beijing = to_beijing(moment)
        inside = EARLIEST <= beijing <= LATEST
    except (OverflowError, ValueError):
        inside = False
    if not inside:
        raise BadMoment(
            "moment.outside",
            moment=moment.isoformat(),
            first=f"{EARLIEST:%Y-%m-%d}",
            last=f"{LATEST:%Y-%m-%d}",
        )
    return beijing


def parse_moment(text: str, now: dt.datetime) -> dt.datetime:
    """Parse a --at value: ISO 8601 (its date also as 2026/12/8), or HH:MM for today; no
    offset means Beijing time."""
    value = text.strip()
    if re.fullmatch(r"\d{1,2}:\d{2}", value):
        hour, minute = (int(part) for part in value.split(":"))
        if hour > 23 or minute > 59:
            raise BadMoment("moment.not_time", text=text)
        return to_beijing(now).replace(hour=hour, minute=minute, second=0, microsecond=0)
    if value.endswith(("z", "Z")):
        value = value[:-1] + "+00:00"
    # 2026/12/8 as well as 2026-12-08: the way dates are written on a Chinese phone.
    value = re.sub(
        r"^(\d{4})/(\d{1,2})/(\d{1,2})(?=$|[T ])",
        lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}",
        value,
    )
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise BadMoment("moment.not_moment", text=text) from None
    return in_range(moment)


def status(line: Line, moment: dt.datetime, calendar: WorkCalendar) -> LineStatus:
    """Open now, next change, best time and peak for one line at one moment."""
    at = to_beijing(moment)
    hours = _OpenHours(line, calendar)
    open_now, next_change = hours.state(at)
    best = hours.best(at)
    minute = at.hour * 60 + at.minute
    peak = next((p for p in line.peak if p.window.covers(minute)), None) if open_now else None
    day_off = None
    if not open_now and line.hours.days != "every-day" and not hours.opens_on(at.date()):
        day_off = calendar.holiday(at.date()) or ""
    fine_until = None
    if open_now and peak is None and best is not None and best.start > at:
        ends = [_next_peak(line, at), next_change]
        fine_until = min((end for end in ends if end is not None), default=None)
    return LineStatus(
        line=line,
        at=at,
        open_now=open_now,
        next_change=next_change,
        best_time=best,
        peak=peak,
        unverified_years=hours.years_not(VERIFIED),
        guessed_years=hours.years_not(VERIFIED, STATUTORY),
        day_off=day_off,
        fine_until=fine_until,
    )


def _next_peak(line: Line, at: dt.datetime) -> dt.datetime | None:
    """When the line's next peak starts, after ``at`` (None for a line without one)."""
    starts = []
    for peak in line.peak:
        start = _at_minute(at.date(), peak.window.start)
        starts.append(start if start > at else start + dt.timedelta(days=1))
    return min(starts, default=None)


class _OpenHours:
    """The open intervals of one line, remembering which calendar days it consulted."""

    def __init__(self, line: Line, calendar: WorkCalendar) -> None:
        self.line = line
        self.calendar = calendar
        self.tiers: dict[int, set[str]] = {}  # year -> the tiers of the days consulted

    def years_not(self, *tiers: str) -> tuple[int, ...]:
        """The years in which some day consulted was answered by a tier not in ``tiers``."""
        return tuple(sorted(y for y, seen in self.tiers.items() if not seen <= set(tiers)))

    def opens_on(self, day: dt.date) -> bool:
        if self.line.hours.days == "every-day":
            return True
        answer = self.calendar.check(day)
        self.tiers.setdefault(day.year, set()).add(answer.tier)
        return answer.is_workday

    def intervals(self, at: dt.datetime) -> Iterator[Interval]:
        """Merged open intervals that end after ``at``, in order."""
        if self.line.hours.always:
            yield Interval(at, None)
            return
        window = self.line.hours.window
        first = at.date() - dt.timedelta(days=1)  # yesterday's window may cross midnight
        current: tuple[dt.datetime, dt.datetime] | None = None  # (start, end) being merged
        for offset in range(HORIZON_DAYS + 1):
            day = first + dt.timedelta(days=offset)
            start = _at_minute(day, window.start)
            end = start + dt.timedelta(minutes=window.length)
            if current is not None and start > current[1]:
                # This day cannot extend the stretch: give it before asking the calendar
                # about the day, so an answer only counts the days it depends on.
                if current[1] > at:
                    yield Interval(*current)
                current = None
            if not self.opens_on(day):
                continue
            if current is not None:
                current = (current[0], max(end, current[1]))
                continue
            current = (start, end)
        if current is not None and current[1] > at:
            # Still open at the horizon: no end in sight.
            yield Interval(current[0], None)

    def state(self, at: dt.datetime) -> tuple[bool, dt.datetime | None]:
        for interval in self.intervals(at):
            if interval.start <= at:
                return True, interval.end
            return False, interval.start
        return False, None

    def best(self, at: dt.datetime) -> Interval | None:
        """The first stretch at or after ``at`` that is open and inside an off-peak window."""
        windows = self.line.off_peak or (_FULL_DAY,)
        for interval in self.intervals(at):
            start = max(interval.start, at)
            last_day = (interval.end or start + dt.timedelta(days=2)).date()
            pieces: list[tuple[dt.datetime, dt.datetime]] = []
            day = start.date() - dt.timedelta(days=1)
            while day <= last_day:
                for window in windows:
                    w_start = _at_minute(day, window.start)
                    w_end = w_start + dt.timedelta(minutes=window.length)
                    lo = max(w_start, start)
                    hi = w_end if interval.end is None else min(w_end, interval.end)
                    if lo < hi:
                        pieces.append((lo, hi))
                day += dt.timedelta(days=1)
            if pieces:
                pieces.sort()
                first, end = pieces[0]
                if not self.line.off_peak:  # no off-peak: the whole open stretch
                    return Interval(first, interval.end)
                for piece_start, piece_end in pieces[1:]:  # join windows that touch
                    if piece_start > end:
                        break
                    end = max(end, piece_end)
                return Interval(first, end)
        return None


def _at_minute(day: dt.date, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=BEIJING) + dt.timedelta(minutes=minute)
