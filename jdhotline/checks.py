"""The catalogue checker's building blocks: one value checked, with where it is and the fix.

load.py checks the catalogue entry by entry with these; each failure names the file,
the entry path (hotlines[2].hours.open) and what was expected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from .catalogue import LANGS, MINUTES_PER_DAY, Keywords, L10n, Pattern, Window, format_minutes
from .errors import CatalogueError
from .workdays import DeclaredYear

_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_TIME = re.compile(r"^([01][0-9]|2[0-4]):([0-5][0-9])$")

WEIGHTS = (0.1, 5.0)  # a keyword's or a pattern's weight; 1 is an ordinary cue
MAX_PATTERN = 300  # characters in a pattern
MAX_REPEAT = 20  # the most a pattern may repeat anything: {0,20}, never * or +
MAX_WIDTH = 60  # the longest text a pattern may match
# A keyword longer than this is a paste, not a keyword: the matcher builds one nested
# group a character, and some hundreds of them exhaust the regular expression compiler.
MAX_KEYWORD = 60

T = TypeVar("T")


class Checks:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, where: str, problem: str) -> CatalogueError:
        return CatalogueError(self.file, where, problem)

    # ---- primitives

    def mapping(
        self, value: Any, where: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where or "top level", f"expected a mapping, got {_type_name(value)}")
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                raise self.fail(
                    _join(where, str(key)),
                    f"unknown field; expected one of: {', '.join(sorted(allowed))}",
                )
        for key in required:
            if key not in value:
                raise self.fail(_join(where, key), "missing (required)")
        return value

    def list_of(self, value: Any, where: str, item: Callable[[Any, str], T]) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {_type_name(value)}")
        return tuple(item(entry, f"{where}[{i}]") for i, entry in enumerate(value))

    def quoted_digits(self, value: Any, where: str) -> str:
        """A phone number or key must be quoted text: YAML reads unquoted 0106543210 as
        the octal 18531976 and 0x950618 as 9766424, a wrong number shown without a word."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            written = getattr(value, "written", None) or repr(value)
            read = f" was read as the number {value}" if written != str(value) else " is a number"
            raise self.fail(where, f'unquoted {written}{read}; quote it: "{written}"')
        return self.text(value, where)

    def keyword(self, value: Any, where: str) -> str:
        text = self.text(value, where)
        if len(text) > MAX_KEYWORD:
            raise self.fail(
                where,
                f"{_describe(text)} is {len(text)} characters; a keyword may have at most "
                f"{MAX_KEYWORD} (split it into the words people type)",
            )
        return text

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"expected a non-empty text, got {_describe(value)}")
        return value.strip()

    def boolean(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, f"expected true or false, got {_describe(value)}")
        return value

    def ident(self, value: Any, where: str) -> str:
        text = self.text(value, where)
        if not _ID.match(text):
            raise self.fail(where, f"{text!r} is not an id (lower-case letters, digits, '-')")
        return text

    def choice(self, value: Any, where: str, choices: tuple[str, ...]) -> str:
        if value not in choices:
            raise self.fail(where, f"{_describe(value)} is not one of: {', '.join(choices)}")
        return str(value)

    def l10n(self, value: Any, where: str) -> L10n:
        data = self.mapping(value, where, LANGS)
        return L10n(
            zh=self.text(data["zh"], f"{where}.zh"), en=self.text(data["en"], f"{where}.en")
        )

    def time(self, value: Any, where: str, *, end: bool = False) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1500:
            # YAML 1.1 reads an unquoted 14:00 as the base-60 number 840.
            hint = format_minutes(value)
            raise self.fail(
                where, f'unquoted {hint} was read as the number {value}; quote it: "{hint}"'
            )
        match = _TIME.match(value) if isinstance(value, str) else None
        if match is None:
            raise self.fail(where, f'{_describe(value)} is not a time (HH:MM, e.g. "09:00")')
        minutes = int(match[1]) * 60 + int(match[2])
        if minutes > MINUTES_PER_DAY or (minutes == MINUTES_PER_DAY and not end):
            raise self.fail(
                where, f'{_describe(value)} is not a time (HH:MM; "24:00" only ends a window)'
            )
        return minutes

    def window(self, value: Any, where: str) -> Window:
        return self.span(self.mapping(value, where, ("start", "end")), where, "start", "end")

    def span(self, data: Mapping[str, Any], where: str, start_key: str, end_key: str) -> Window:
        start = self.time(data[start_key], _join(where, start_key))
        end = self.time(data[end_key], _join(where, end_key), end=True)
        if start == end or (start == 0 and end == 0):
            raise self.fail(where, f"{format_minutes(start)}-{format_minutes(end)} is empty")
        return Window(start, end)

    def date(self, value: Any, where: str) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(where, f'{_describe(value)} is not a date (YYYY-MM-DD, e.g. "2026-11-27")')

    # ---- entries

    def calendar(
        self, value: Any
    ) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...], tuple[DeclaredYear, ...]]:
        """`calendar:`: single dates patched by hand, and whole years from their notice."""
        if not isinstance(value, dict):
            raise self.fail("calendar", f"expected a mapping, got {_type_name(value)}")
        patches = {k: v for k, v in value.items() if k in ("extra_holidays", "extra_workdays")}
        holidays = self.list_of(
            patches.get("extra_holidays") or [], "calendar.extra_holidays", self.date
        )
        workdays = self.list_of(
            patches.get("extra_workdays") or [], "calendar.extra_workdays", self.date
        )
        self.disjoint(holidays, workdays, "calendar")
        years: dict[int, DeclaredYear] = {}
        for key, entry in value.items():
            if key in patches:
                continue
            year = _year(key)
            if year is None:
                raise self.fail(
                    f"calendar.{key}",
                    "unknown field; expected extra_holidays, extra_workdays or a year "
                    "(e.g. 2027) with its holidays and workdays",
                )
            if year in years:
                raise self.fail(f"calendar.{key}", f"{year} is declared twice; keep one")
            years[year] = self.calendar_year(year, entry, f"calendar.{key}")
        return holidays, workdays, tuple(years[y] for y in sorted(years))

    def calendar_year(self, year: int, value: Any, where: str) -> DeclaredYear:
        """One year of the State Council's notice: days off, and the weekends worked."""
        data = self.mapping(value, where, ("holidays", "workdays"))
        days: dict[str, list[tuple[int, dt.date]]] = {}  # field -> (item index, day)
        for field in ("holidays", "workdays"):
            items = self.list_of(data[field] or [], f"{where}.{field}", self.days)
            days[field] = [(i, day) for i, span in enumerate(items) for day in span]
            for i, day in days[field]:
                if day.year != year:
                    raise self.fail(
                        f"{where}.{field}[{i}]",
                        f"{day} is not in {year}; list it under calendar.{day.year}, "
                        "or correct the year",
                    )
                if field == "workdays" and day.weekday() < 5:
                    raise self.fail(
                        f"{where}.workdays[{i}]",
                        f"{day} is a {_WEEKDAYS[day.weekday()]}, a working day anyway; "
                        "list only the weekend days worked (调休上班)",
                    )
        holidays = [day for _, day in days["holidays"]]
        workdays = [day for _, day in days["workdays"]]
        if not holidays:
            raise self.fail(
                f"{where}.holidays", "is empty; every year has holidays (1 January at least)"
            )
        self.disjoint(holidays, workdays, where)
        return DeclaredYear(year, frozenset(holidays), frozenset(workdays))

    def days(self, value: Any, where: str) -> list[dt.date]:
        """A date, or a run of dates as the notices give them: "2026-10-01..2026-10-07"."""
        if not (isinstance(value, str) and ".." in value):
            return [self.date(value, where)]
        first, last = (self.date(part, where) for part in value.split("..", 1))
        if last < first:
            raise self.fail(where, f"{value!r} ends before it starts; put the earlier date first")
        if last.year != first.year:
            raise self.fail(where, f"{value!r} runs into another year; split it at 31 December")
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]

    def disjoint(
        self, holidays: Iterable[dt.date], workdays: Iterable[dt.date], where: str
    ) -> None:
        both = set(holidays) & set(workdays)
        if both:
            day = min(both).isoformat()
            raise self.fail(
                where, f"{day} is listed both as a holiday and as a working day; keep it in one"
            )

    def known(self, ids: Iterable[str], where: str, known: set[str]) -> None:
        for i, scenario in enumerate(ids):
            if scenario not in known:
                raise self.fail(
                    f"{where}[{i}]",
                    f"unknown scenario {scenario!r}; known: {', '.join(sorted(known))}",
                )

    def unique(self, values: list[str], where: str, what: str = "id") -> None:
        seen: dict[str, int] = {}
        for i, value in enumerate(values):
            if value in seen:
                raise self.fail(
                    f"{where}[{i}].{what}",
                    f"duplicate {what} {value!r} (also {where}[{seen[value]}])",
                )
            seen[value] = i

    def keywords(self, value: Any, where: str) -> Keywords:
        """Each language's words: `word`, or `word: weight` for a cue stronger or weaker than 1."""
        data = self.mapping(value, where, (), LANGS)
        words: dict[str, list[str]] = {}
        weights: dict[str, float] = {}
        for lang in LANGS:
            found = words[lang] = []
            if not isinstance(data.get(lang) or [], list):
                raise self.fail(
                    _join(where, lang), f"expected a list, got {_type_name(data[lang])}"
                )
            for i, entry in enumerate(data.get(lang) or []):
                at = f"{_join(where, lang)}[{i}]"
                weight = None
                if isinstance(entry, dict) and len(entry) == 1:
                    entry, weight = next(iter(entry.items()))
                word = self.keyword(entry, at)
                if lang == "en":
                    word = word.lower()
                    if not word.isascii():
                        raise self.fail(at, f"{word!r} is not English; put it under zh")
                if word in found:
                    raise self.fail(at, f"{word!r} is listed twice")
                found.append(word)
                if weight is not None:
                    weights[word] = self.weight(weight, at)
        return Keywords(
            zh=tuple(words["zh"]), en=tuple(words["en"]), weights=tuple(weights.items())
        )

    def weight(self, value: Any, where: str) -> float:
        low, high = WEIGHTS
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not low <= value <= high:
            raise self.fail(
                where, f"weight {_describe(value)} is not a number from {low:g} to {high:g}"
            )
        return float(value)

    def pattern(self, value: Any, where: str) -> Pattern:
        """A regular expression that compiles, cannot match nothing and cannot run away."""
        data = self.mapping(value, where, ("regex",), ("weight",))
        at = _join(where, "regex")
        regex = self.text(data["regex"], at)
        if len(regex) > MAX_PATTERN:
            raise self.fail(at, f"is {len(regex)} characters; at most {MAX_PATTERN}")
        try:
            compiled = re.compile(regex)
        except re.error as exc:
            raise self.fail(at, f"does not compile: {exc}") from None
        if compiled.groups and compiled.groupindex:
            raise self.fail(at, "named groups are not needed; use (?:...)")
        if compiled.match(""):
            raise self.fail(at, "matches the empty text, so it would match everywhere")
        problem = _unbounded(regex)
        if problem:
            raise self.fail(at, problem)
        weight = data.get("weight", 1.0)
        return Pattern(regex=regex, weight=self.weight(weight, _join(where, "weight")))


def _year(key: Any) -> int | None:
    """A `calendar:` key that names a year (2027 or "2027"), else None."""
    text = str(key) if isinstance(key, int) and not isinstance(key, bool) else key
    if isinstance(text, str) and re.fullmatch(r"(19|20|21)[0-9][0-9]", text.strip()):
        return int(text)
    return None


def _type_name(value: Any) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "a text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        type(None): "empty",
    }.get(type(value), type(value).__name__)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list)):
        return _type_name(value)
    return repr(value)


def _unbounded(regex: str) -> str:
    """Why a pattern could take more than linear time, or "" if it cannot.

    Repeats must be bounded ({0,20}, never * or +), a match at most MAX_WIDTH
    characters long, and back-references are refused: each attempt then looks at a
    bounded number of characters, so a pattern's time grows with the text alone.
    """
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as constants  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]

    repeats = {constants.MAX_REPEAT, constants.MIN_REPEAT}
    repeats |= {getattr(constants, "POSSESSIVE_REPEAT", constants.MAX_REPEAT)}

    def walk(items: Any) -> str:
        for op, arg in items:
            found = ""
            if op in repeats:
                if arg[1] == constants.MAXREPEAT or arg[1] > MAX_REPEAT:
                    bound = f"{{0,{MAX_REPEAT}}}"
                    return f"repeats without a bound up to {MAX_REPEAT} (write {bound}, not * or +)"
                found = walk(arg[2])
            elif op in (constants.GROUPREF, constants.GROUPREF_EXISTS):
                return "uses a back-reference"
            elif op == constants.SUBPATTERN:
                found = walk(arg[-1])
            elif op == constants.BRANCH:
                found = next((f for b in arg[1] if (f := walk(b))), "")
            elif op in (constants.ASSERT, constants.ASSERT_NOT):
                found = walk(arg[1])
            if found:
                return found
        return ""

    parsed = parser.parse(regex)
    problem = walk(parsed)
    if not problem and parsed.getwidth()[1] > MAX_WIDTH:
        problem = f"can match more than {MAX_WIDTH} characters; keep it to a phrase"
    return problem
