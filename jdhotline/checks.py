"""The catalogue checker's building blocks: one value checked, with where it is and the fix.

load.py checks the catalogue entry by entry with these; each failure names the file,
the entry path (hotlines[2].hours.open) and what was expected.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from . import bounded
from .catalogue import LANGS, MINUTES_PER_DAY, Keywords, L10n, Pattern, Window, format_minutes
from .errors import CatalogueError
from .workdays import DeclaredYear

_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_TIME = re.compile(r"^([01][0-9]|2[0-4]):([0-5][0-9])$")

WEIGHTS = (0.1, 5.0)  # a keyword's or a pattern's weight; 1 is an ordinary cue
MAX_PATTERN = 300  # characters in a pattern
MAX_REPEAT = bounded.MAX_REPEAT  # the most a pattern may repeat anything: {0,20}
MAX_WIDTH = bounded.MAX_WIDTH  # the longest text a pattern may match
# A keyword longer than this is a paste, not a keyword: the matcher builds one nested
# group a character, and some hundreds of them exhaust the regular expression compiler.
MAX_KEYWORD = 60
# Any text of a catalogue: a sentence or two (the shipped catalogue's longest is 252
# characters). A 100,000-letter line name took seconds to wrap on every answer.
MAX_TEXT = 1000

T = TypeVar("T")


_ASCII_CUES = frozenset({"en"})  # cue lists written in ASCII, matched in lower case


class Refused(CatalogueError):
    """What the loader raises: a CatalogueError with its file, entry, code and parameters,
    and no words (the core imports no wing). messages.catalogue_message words it in either
    language; ``str()`` is the code form, for logs."""


class Checks:
    def __init__(
        self, file: str, proven: Mapping[str, int] | None = None, *, shipped: bool = False
    ) -> None:
        self.file = file
        # The shipped catalogue, read from its JSON twins (files.twin): its keywords were
        # checked one by one when the twins were written (load.proof_of), so here they
        # are only read (keywords). Any other file is checked word by word.
        self.shipped = shipped
        # Patterns already proven bounded, and their steps: the shipped catalogue's JSON
        # twin carries its proof (files.twin, docs/decisions.md); empty for a YAML file.
        # Every pattern proven here is added (scripts/catalogue_json.py writes them down).
        self.proven: dict[str, int] = dict(proven or {})

    def fail(self, where: str, code: str, **params: object) -> Refused:
        """The error for the entry at ``where``: a code of words_catalogue.py, and its
        parameters (``value``: the value as the file has it, described when worded)."""
        return Refused(self.file, where, code, **params)

    # ---- primitives

    def mapping(
        self, value: Any, where: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "not_mapping", value=value)
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                raise self.fail(_join(where, str(key)), "unknown_field", allowed=sorted(allowed))
        for key in required:
            if key not in value:
                raise self.fail(_join(where, key), "missing")
        return value

    def list_of(self, value: Any, where: str, item: Callable[[Any, str], T]) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise self.fail(where, "not_list", value=value)
        return tuple(item(entry, f"{where}[{i}]") for i, entry in enumerate(value))

    def quoted_digits(self, value: Any, where: str) -> str:
        """A phone number or key must be quoted text: YAML reads unquoted 0106543210 as
        the octal 18531976 and 0x950618 as 9766424, a wrong number shown without a word."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            written = getattr(value, "written", None) or repr(value)
            if written == str(value):
                raise self.fail(where, "unquoted.number", written=written)
            raise self.fail(where, "unquoted", written=written, read=value)
        return self.text(value, where)

    def keyword(self, value: Any, where: str) -> str:
        text = self.text(value, where)
        if len(text) > MAX_KEYWORD:
            raise self.fail(
                where, "keyword.too_long", value=text, length=len(text), limit=MAX_KEYWORD
            )
        normal = len(unicodedata.normalize("NFKC", text))
        if normal > MAX_KEYWORD:  # the matcher reads it so: U+FDFA is 18 letters
            raise self.fail(
                where, "keyword.too_long.nfkc", value=text, length=normal, limit=MAX_KEYWORD
            )
        return text

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "not_text", value=value)
        if len(value) > MAX_TEXT:
            raise self.fail(where, "text.too_long", length=len(value), limit=MAX_TEXT)
        return value.strip()

    def boolean(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, "not_bool", value=value)
        return value

    def ident(self, value: Any, where: str) -> str:
        text = self.text(value, where)
        if not _ID.match(text):
            raise self.fail(where, "not_id", text=text)
        return text

    def choice(self, value: Any, where: str, choices: tuple[T, ...]) -> T:
        """One of ``choices``, as the tuple holds it (so typed as a Literal of them)."""
        if value not in choices:
            raise self.fail(where, "not_choice", value=value, choices=choices)
        return choices[choices.index(value)]

    def l10n(self, value: Any, where: str) -> L10n:
        data = self.mapping(value, where, LANGS)
        return L10n(
            zh=self.text(data["zh"], f"{where}.zh"), en=self.text(data["en"], f"{where}.en")
        )

    def time(self, value: Any, where: str, *, end: bool = False) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1500:
            # YAML 1.1 reads an unquoted 14:00 as the base-60 number 840.
            raise self.fail(where, "unquoted", written=format_minutes(value), read=value)
        match = _TIME.match(value) if isinstance(value, str) else None
        if match is None:
            raise self.fail(where, "not_time", value=value)
        minutes = int(match[1]) * 60 + int(match[2])
        if minutes > MINUTES_PER_DAY or (minutes == MINUTES_PER_DAY and not end):
            raise self.fail(where, "not_time.24", value=value)
        return minutes

    def window(self, value: Any, where: str) -> Window:
        return self.span(self.mapping(value, where, ("start", "end")), where, "start", "end")

    def span(self, data: Mapping[str, Any], where: str, start_key: str, end_key: str) -> Window:
        start = self.time(data[start_key], _join(where, start_key))
        end = self.time(data[end_key], _join(where, end_key), end=True)
        if start == end or (start == 0 and end == 0):
            window = f"{format_minutes(start)}-{format_minutes(end)}"
            raise self.fail(where, "window.empty", window=window)
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
        raise self.fail(where, "not_date", value=value)

    # ---- entries

    def calendar(
        self, value: Any
    ) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...], tuple[DeclaredYear, ...]]:
        """`calendar:`: single dates patched by hand, and whole years from their notice."""
        if not isinstance(value, dict):
            raise self.fail("calendar", "not_mapping", value=value)
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
                raise self.fail(f"calendar.{key}", "calendar.unknown_field")
            if year in years:
                raise self.fail(f"calendar.{key}", "calendar.twice", year=year)
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
                        "calendar.other_year",
                        day=day,
                        year=year,
                        day_year=day.year,
                    )
                if field == "workdays" and day.weekday() < 5:
                    raise self.fail(
                        f"{where}.workdays[{i}]", "calendar.weekday", day=day, weekday=day.weekday()
                    )
        holidays = [day for _, day in days["holidays"]]
        workdays = [day for _, day in days["workdays"]]
        if not holidays:
            raise self.fail(f"{where}.holidays", "calendar.no_holidays")
        self.disjoint(holidays, workdays, where)
        return DeclaredYear(year, frozenset(holidays), frozenset(workdays))

    def days(self, value: Any, where: str) -> list[dt.date]:
        """A date, or a run of dates as the notices give them: "2026-10-01..2026-10-07"."""
        if not (isinstance(value, str) and ".." in value):
            return [self.date(value, where)]
        first, last = (self.date(part, where) for part in value.split("..", 1))
        if last < first:
            raise self.fail(where, "days.backwards", text=value)
        if last.year != first.year:
            raise self.fail(where, "days.across_years", text=value)
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]

    def disjoint(
        self, holidays: Iterable[dt.date], workdays: Iterable[dt.date], where: str
    ) -> None:
        both = set(holidays) & set(workdays)
        if both:
            raise self.fail(where, "calendar.both", day=min(both))

    def known(self, ids: Iterable[str], where: str, known: set[str]) -> None:
        for i, scenario in enumerate(ids):
            if scenario not in known:
                raise self.fail(
                    f"{where}[{i}]", "unknown_scenario", text=scenario, known=sorted(known)
                )

    def unique(self, values: list[str], where: str, what: str = "id") -> None:
        seen: dict[str, int] = {}
        for i, value in enumerate(values):
            if value in seen:
                raise self.fail(
                    f"{where}[{i}].{what}",
                    "duplicate",
                    what=what,
                    text=value,
                    also=f"{where}[{seen[value]}]",
                )
            seen[value] = i

    def keywords(self, value: Any, where: str) -> Keywords:
        """Each language's words: `word`, or `word: weight` for a cue stronger or weaker than 1."""
        data = self.mapping(value, where, (), LANGS)
        if self.shipped:
            read = _read_keywords(data)
            if read is not None:
                return read
        words: dict[str, list[str]] = {}
        weights: dict[str, float] = {}
        for lang in LANGS:
            found = words[lang] = []
            seen: set[str] = set()  # a set: thousands of keywords, a list's `in` is quadratic
            if not isinstance(data.get(lang) or [], list):
                raise self.fail(_join(where, lang), "not_list", value=data[lang])
            base = _join(where, lang)
            low, high = WEIGHTS
            # Thousands of keywords are checked on every run: the common case is tested
            # inline, and the entry's path is written out only for a message.
            for i, entry in enumerate(data.get(lang) or []):
                weight = None
                if isinstance(entry, dict) and len(entry) == 1:
                    entry, weight = next(iter(entry.items()))
                word = entry.strip() if isinstance(entry, str) else ""
                if not word or len(word) > MAX_KEYWORD or not _normal(word):
                    word = self.keyword(entry, f"{base}[{i}]")  # raises, saying why
                if lang in _ASCII_CUES:
                    word = word.lower()
                    if not word.isascii():
                        raise self.fail(f"{base}[{i}]", "keyword.not_english", text=word)
                if word in seen:
                    raise self.fail(f"{base}[{i}]", "keyword.twice", text=word)
                seen.add(word)
                found.append(word)
                if weight is not None:
                    plain = isinstance(weight, (int, float)) and not isinstance(weight, bool)
                    if plain and low <= weight <= high:
                        weights[word] = float(weight)
                    else:
                        weights[word] = self.weight(weight, f"{base}[{i}]")  # raises
        return Keywords(
            zh=tuple(words["zh"]), en=tuple(words["en"]), weights=tuple(weights.items())
        )

    def weight(self, value: Any, where: str) -> float:
        low, high = WEIGHTS
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not low <= value <= high:
            raise self.fail(where, "weight", value=value, low=f"{low:g}", high=f"{high:g}")
        return float(value)

    def pattern(self, value: Any, where: str) -> Pattern:
        """A regular expression that compiles, cannot match nothing and cannot run away."""
        data = self.mapping(value, where, ("regex",), ("weight",))
        regex = self.regex(data["regex"], _join(where, "regex"))
        weight = data.get("weight", 1.0)
        return Pattern(regex=regex, weight=self.weight(weight, _join(where, "weight")))

    def regex(self, value: Any, at: str, budget: str = "pattern_work") -> str:
        """A pattern's regular expression, proven bounded, within its budget: the
        catalogue's patterns share one (pattern_work); the model's few regular
        expressions (negation, plus_self, calling) have one of their own."""
        regex = self.text(value, at)
        if len(regex) > MAX_PATTERN:
            raise self.fail(at, "pattern.too_long", length=len(regex), limit=MAX_PATTERN)
        steps = self.proven.get(regex)
        if steps is None:
            steps = self.prove(regex, at)
        spent = getattr(self, budget, 0) + steps
        setattr(self, budget, spent)
        if spent > bounded.MAX_TOTAL_WORK:
            limit = f"{bounded.MAX_TOTAL_WORK:,}"
            raise self.fail(at, "pattern.all_too_costly", limit=limit)
        return regex

    def prove(self, regex: str, at: str) -> int:
        """A pattern's steps, or why it is refused: parsed once, for what re.compile would
        refuse and for bounded.py's proof (compiled later, by the matcher that runs it).

        Compiling and proving each parsed it apart: 231 shipped patterns took ~130 ms
        on every run, parsing once ~75 ms (bench/startup.py's regression, issue 21)."""
        try:
            parsed = bounded.parse(regex)
        except re.error as exc:
            raise self.fail(at, "pattern.not_compile", detail=str(exc)) from None
        if bounded.named_groups(parsed):
            raise self.fail(at, "pattern.named_groups")
        try:
            steps = self.proven[regex] = bounded.check(regex, parsed)
        except bounded.Unbounded as problem:
            code = problem.code
            raise self.fail(at, code, **problem.params) from None
        return steps


def _read_keywords(data: Mapping[str, Any]) -> Keywords | None:
    """Keywords already checked (Checks.shipped), read as the checks would leave them;
    None for anything a check would have refused (a twin edited by hand): the words are
    then checked one by one, and the error names the entry. Only a word's length once
    NFKC-normalised is not looked at again (the cheap test, its length as written, is).

    Checking each of the shipped cues' 4,600 words was half of loading the catalogue
    on every command, about 5 ms (bench/startup.py, issue 21)."""
    words: dict[str, list[str]] = {}
    weights: dict[str, float] = {}
    for lang in LANGS:
        entries = data.get(lang) or []
        if not isinstance(entries, list):
            return None
        found = words[lang] = []
        ascii_cues = lang in _ASCII_CUES
        for entry in entries:
            weight = None
            if type(entry) is dict and len(entry) == 1:
                ((entry, weight),) = entry.items()
                if type(weight) not in (int, float) or not WEIGHTS[0] <= weight <= WEIGHTS[1]:
                    return None
            if type(entry) is not str:
                return None
            word = entry.strip().lower() if ascii_cues else entry.strip()
            if not word or len(word) > MAX_KEYWORD or (ascii_cues and not word.isascii()):
                return None
            found.append(word)
            if weight is not None:
                weights[word] = float(weight)
    if any(len(set(found)) != len(found) for found in words.values()):
        return None
    return Keywords(zh=tuple(words["zh"]), en=tuple(words["en"]), weights=tuple(weights.items()))


def _year(key: Any) -> int | None:
    """A `calendar:` key that names a year (2027 or "2027"), else None."""
    text = str(key) if isinstance(key, int) and not isinstance(key, bool) else key
    if isinstance(text, str) and re.fullmatch(r"(19|20|21)[0-9][0-9]", text.strip()):
        return int(text)
    return None


def _normal(word: str) -> bool:
    """Whether a keyword is short enough as the matcher reads it (NFKC), cheaply."""
    return (
        word.isascii()
        or unicodedata.is_normalized("NFKC", word)
        or (len(unicodedata.normalize("NFKC", word)) <= MAX_KEYWORD)
    )


def near(key: object, names: tuple[str, ...]) -> bool:
    """One of ``names``, or a typo of one (`hotline:`): a file's key worth quoting."""
    import difflib

    return isinstance(key, str) and bool(
        difflib.get_close_matches(key[:40].lower(), names, n=1, cutoff=0.75)
    )


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
