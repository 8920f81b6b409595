"""Parse and validate catalogue text: every error names the file, the entry and the fix.

Imported only when a catalogue file is actually parsed (not when a cached parse is
reused), since it brings PyYAML with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from .catalogue import (
    DAY_RULES,
    FACTS,
    LANGS,
    LINE_AUDIENCES,
    MINUTES_PER_DAY,
    SCENARIO_AUDIENCES,
    USERS,
    Catalogue,
    Fact,
    Hours,
    Keywords,
    L10n,
    Line,
    MenuKey,
    Pattern,
    Peak,
    Say,
    Scenario,
    Tip,
    Window,
    format_minutes,
)
from .errors import CatalogueError
from .workdays import DeclaredYear

_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_NUMBER = re.compile(r"^[0-9][0-9-]*[0-9]$")
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


def parse(raw: bytes | str, file: str = "<catalogue>") -> Catalogue:
    """Decode, load as safe YAML and validate; raise CatalogueError naming what to fix."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CatalogueError(
                file, "", "is not UTF-8 text (GBK or another encoding?); save it as UTF-8"
            ) from None
    else:
        text = raw
    data = _yaml_load(text, file)
    if data is None:
        raise CatalogueError(file, "", "is empty; it needs 'hotlines' and 'scenarios'")
    return _Validator(file).catalogue(data)


def _yaml_load(text: str, file: str) -> Any:
    import yaml  # imported here: only commands that read the catalogue pay for it

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        """Safe loading that refuses duplicate keys."""

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            seen: set[str | int] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if not isinstance(key, (str, int)):
                    continue  # an unhashable key is PyYAML's own error, just below
                if key in seen:
                    mark = key_node.start_mark
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

        def construct_written_int(self, node: Any) -> int:
            return _WrittenInt(self.construct_yaml_int(node), node.value)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, Loader.construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_written_int)
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "not valid YAML"
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise CatalogueError(file, where, f"YAML: {what}") from None
    except yaml.YAMLError as exc:
        raise CatalogueError(file, "", f"YAML: {exc}") from None


def _year(key: Any) -> int | None:
    """A `calendar:` key that names a year (2027 or "2027"), else None."""
    text = str(key) if isinstance(key, int) and not isinstance(key, bool) else key
    if isinstance(text, str) and re.fullmatch(r"(19|20|21)[0-9][0-9]", text.strip()):
        return int(text)
    return None


class _WrittenInt(int):
    """A YAML integer that remembers how it was written (0106543210, not 18531976)."""

    written: str

    def __new__(cls, value: int, written: str) -> _WrittenInt:
        number = super().__new__(cls, value)
        number.written = written
        return number


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


class _Validator:
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
    def catalogue(self, data: Any) -> Catalogue:
        top = self.mapping(
            data,
            "",
            ("hotlines", "scenarios", "say", "assistant"),
            ("version", "calendar", "facts", "merchant_voice", "elsewhere", "off_topic"),
        )
        if "version" in top and top["version"] != 1:
            raise self.fail("version", f"{_describe(top['version'])} is not supported; expected 1")
        scenarios = self.list_of(top["scenarios"], "scenarios", self.scenario)
        lines = self.list_of(top["hotlines"], "hotlines", self.line)
        for key, entries in (("hotlines", lines), ("scenarios", scenarios)):
            if not entries:
                raise self.fail(key, f"is empty; a catalogue needs at least one of its {key}")
        self.unique([s.id for s in scenarios], "scenarios")
        self.unique([line.id for line in lines], "hotlines")
        self.unique([line.digits for line in lines], "hotlines", "number")
        known = {s.id for s in scenarios}
        facts_data = self.mapping(top.get("facts") or {}, "facts", (), FACTS)
        facts = {key: self.fact(value, f"facts.{key}") for key, value in facts_data.items()}
        served: set[str] = set()
        for i, line in enumerate(lines):
            self.known(line.scenarios, f"hotlines[{i}].scenarios", known)
            for j, tip in enumerate(line.tips):
                self.known(tip.scenarios, f"hotlines[{i}].tips[{j}].scenarios", known)
            for j, key in enumerate(line.menu):
                self.known(key.scenarios, f"hotlines[{i}].menu[{j}].scenarios", known)
            for j, extra in enumerate(line.extends):
                if extra not in line.scenarios:
                    raise self.fail(
                        f"hotlines[{i}].extends[{j}]",
                        f"{extra!r} is not in this line's scenarios; list it there first",
                    )
            served.update(line.scenarios)
        for i, scenario in enumerate(scenarios):
            for j, need in enumerate(scenario.needs):
                if facts and need not in facts:
                    raise self.fail(
                        f"scenarios[{i}].needs[{j}]", f"fact {need!r} has no entry under 'facts'"
                    )
            for key, ids in (
                ("counterpart", (scenario.counterpart,) if scenario.counterpart else ()),
                ("plus_absorbs", scenario.plus_absorbs),
                ("absorbs", scenario.absorbs),
            ):
                self.known(ids, f"scenarios[{i}].{key}", known)
                if scenario.id in ids:
                    raise self.fail(f"scenarios[{i}].{key}", "names the scenario itself")
            if scenario.id not in served:
                raise self.fail(
                    f"scenarios[{i}]",
                    f"no line serves scenario {scenario.id!r}; add it to a line's scenarios",
                )
        holidays, workdays, years = self.calendar(top.get("calendar") or {})
        say = self.mapping(top["say"], "say", ("shape", "example", "on_the_call"))
        return Catalogue(
            path=self.file,
            lines=lines,
            scenarios=scenarios,
            say=Say(
                shape=self.l10n(say["shape"], "say.shape"),
                example=self.l10n(say["example"], "say.example"),
                on_the_call=self.list_of(say["on_the_call"], "say.on_the_call", self.tip),
            ),
            assistant=self.l10n(top["assistant"], "assistant"),
            extra_holidays=frozenset(holidays),
            extra_workdays=frozenset(workdays),
            facts=tuple(facts.items()),
            calendar_years=years,
            merchant_voice=self.keywords(top.get("merchant_voice") or {}, "merchant_voice"),
            elsewhere=self.keywords(top.get("elsewhere") or {}, "elsewhere"),
            off_topic=self.keywords(top.get("off_topic") or {}, "off_topic"),
        )

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

    def line(self, value: Any, where: str) -> Line:
        data = self.mapping(
            value,
            where,
            (
                "id",
                "name",
                "number",
                "audience",
                "scenarios",
                "hours",
                "online",
                "source",
                "verified_on",
            ),
            (
                "general",
                "off_peak",
                "peak",
                "wait_minutes",
                "menu",
                "dial_note",
                "non_member_reply",
                "why",
                "plus_tip",
                "caution",
                "tips",
                "extends",
                "extends_audience",
            ),
        )
        at = lambda key: _join(where, key)  # noqa: E731
        number = self.quoted_digits(data["number"], at("number"))
        if not _NUMBER.match(number):
            raise self.fail(at("number"), f"{number!r} is not a phone number (digits and '-')")
        hours_data = self.mapping(data["hours"], at("hours"), ("open", "close", "days"))
        hours = Hours(
            window=self.span(hours_data, at("hours"), "open", "close"),
            days=self.choice(hours_data["days"], at("hours.days"), DAY_RULES),
        )
        off_peak = self.list_of(data.get("off_peak") or [], at("off_peak"), self.window)
        peak = self.list_of(data.get("peak") or [], at("peak"), self.peak)
        for key, windows in (("off_peak", off_peak), ("peak", tuple(p.window for p in peak))):
            for i, window in enumerate(windows):
                if not hours.window.contains(window):
                    problem = f"{window} lies outside the line's hours {hours.window}"
                    if window.end <= window.start and not hours.window.end <= hours.window.start:
                        problem = (
                            f"{window} ends before it starts, so it would run across midnight, "
                            f"outside the line's hours {hours.window}: are start and end swapped?"
                        )
                    raise self.fail(f"{at(key)}[{i}]", problem)
        optional = {
            key: self.l10n(data[key], at(key)) if data.get(key) is not None else None
            for key in ("dial_note", "why", "plus_tip", "caution")
        }
        reply = data.get("non_member_reply")
        return Line(
            id=self.ident(data["id"], at("id")),
            name=self.l10n(data["name"], at("name")),
            number=number,
            audience=self.choice(data["audience"], at("audience"), LINE_AUDIENCES),
            general=self.boolean(data.get("general", False), at("general")),
            scenarios=self.list_of(data["scenarios"], at("scenarios"), self.ident),
            hours=hours,
            off_peak=off_peak,
            peak=peak,
            wait_minutes=self.wait(data.get("wait_minutes"), at("wait_minutes")),
            menu=self.list_of(data.get("menu") or [], at("menu"), self.menu_key),
            online=self.l10n(data["online"], at("online")),
            tips=self.list_of(data.get("tips") or [], at("tips"), self.tip),
            extends=self.list_of(data.get("extends") or [], at("extends"), self.ident),
            extends_audience=self.boolean(
                data.get("extends_audience", False), at("extends_audience")
            ),
            non_member_reply=self.text(reply, at("non_member_reply"))
            if reply is not None
            else None,
            source=self.text(data["source"], at("source")),
            verified_on=self.date(data["verified_on"], at("verified_on")),
            **optional,
        )

    def fact(self, value: Any, where: str) -> Fact:
        data = self.mapping(value, where, ("name", "where"), ("merchants",))
        merchants = data.get("merchants")
        return Fact(
            name=self.l10n(data["name"], _join(where, "name")),
            where=self.l10n(data["where"], _join(where, "where")),
            merchants=self.l10n(merchants, _join(where, "merchants"))
            if merchants is not None
            else None,
        )

    def tip(self, value: Any, where: str) -> Tip:
        data = self.mapping(value, where, LANGS, ("scenarios", "users"))
        return Tip(
            text=self.l10n({lang: data[lang] for lang in LANGS}, where),
            scenarios=self.list_of(
                data.get("scenarios") or [], _join(where, "scenarios"), self.ident
            ),
            users=self.list_of(
                data.get("users") or [],
                _join(where, "users"),
                lambda v, w: self.choice(v, w, USERS),
            ),
        )

    def peak(self, value: Any, where: str) -> Peak:
        data = self.mapping(value, where, ("start", "end", "note"))
        return Peak(
            window=self.span(data, where, "start", "end"),
            note=self.l10n(data["note"], _join(where, "note")),
        )

    def wait(self, value: Any, where: str) -> tuple[int, int] | None:
        if value is None:
            return None
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
            and value[0] <= value[1]
        )
        if not ok:
            raise self.fail(
                where, f"expected [min, max] minutes (e.g. [3, 5]) or null, got {_describe(value)}"
            )
        return (int(value[0]), int(value[1]))

    def menu_key(self, value: Any, where: str) -> MenuKey:
        data = self.mapping(value, where, ("key", "label", "scenarios"))
        key = self.quoted_digits(data["key"], _join(where, "key"))
        if not re.fullmatch(r"[0-9*#]+", key):
            raise self.fail(_join(where, "key"), f"{_describe(key)} is not a phone key (0-9, *, #)")
        return MenuKey(
            key=key,
            label=self.l10n(data["label"], _join(where, "label")),
            scenarios=self.list_of(data["scenarios"], _join(where, "scenarios"), self.ident),
        )

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

    def scenario(self, value: Any, where: str) -> Scenario:
        data = self.mapping(
            value,
            where,
            ("id", "name", "audience", "keywords", "prepare"),
            (
                "simple",
                "example",
                "plus_example",
                "needs",
                "patterns",
                "counterpart",
                "plus_absorbs",
                "absorbs",
            ),
        )
        keywords = self.keywords(data["keywords"], _join(where, "keywords"))
        if not keywords.zh and not keywords.en:
            raise self.fail(_join(where, "keywords"), "needs at least one keyword")
        return Scenario(
            id=self.ident(data["id"], _join(where, "id")),
            name=self.l10n(data["name"], _join(where, "name")),
            audience=self.choice(data["audience"], _join(where, "audience"), SCENARIO_AUDIENCES),
            keywords=keywords,
            simple=self.keywords(data.get("simple") or {}, _join(where, "simple")),
            prepare=self.list_of(data["prepare"], _join(where, "prepare"), self.l10n),
            needs=self.list_of(
                data.get("needs") or [],
                _join(where, "needs"),
                lambda v, w: self.choice(v, w, FACTS),
            ),
            example=self.l10n(data["example"], _join(where, "example"))
            if data.get("example")
            else None,
            plus_example=self.l10n(data["plus_example"], _join(where, "plus_example"))
            if data.get("plus_example")
            else None,
            patterns=self.list_of(
                data.get("patterns") or [], _join(where, "patterns"), self.pattern
            ),
            counterpart=self.ident(data["counterpart"], _join(where, "counterpart"))
            if data.get("counterpart") is not None
            else None,
            plus_absorbs=self.list_of(
                data.get("plus_absorbs") or [], _join(where, "plus_absorbs"), self.ident
            ),
            absorbs=self.list_of(data.get("absorbs") or [], _join(where, "absorbs"), self.ident),
        )


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


# --------------------------------------------------------------------------- the way back


def to_data(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as the plain data its YAML holds: parse(dump(c)) == c."""

    def tip(value: Tip) -> dict[str, Any]:
        data: dict[str, Any] = text(value.text)
        if value.scenarios:
            data["scenarios"] = list(value.scenarios)
        if value.users:
            data["users"] = list(value.users)
        return data

    def text(value: L10n) -> dict[str, str]:
        return {"zh": value.zh, "en": value.en}

    def window(value: Window) -> dict[str, str]:
        return {"start": format_minutes(value.start), "end": format_minutes(value.end)}

    def line(value: Line) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": value.id,
            "name": text(value.name),
            "number": value.number,
            "audience": value.audience,
            "general": value.general,
            "scenarios": list(value.scenarios),
            "hours": {
                "open": format_minutes(value.hours.window.start),
                "close": format_minutes(value.hours.window.end),
                "days": value.hours.days,
            },
            "off_peak": [window(w) for w in value.off_peak],
            "peak": [{**window(p.window), "note": text(p.note)} for p in value.peak],
            "wait_minutes": list(value.wait_minutes) if value.wait_minutes else None,
            "menu": [
                {"key": k.key, "label": text(k.label), "scenarios": list(k.scenarios)}
                for k in value.menu
            ],
            "online": text(value.online),
            "tips": [tip(t) for t in value.tips],
            "source": value.source,
            "verified_on": value.verified_on.isoformat(),
        }
        for key in ("dial_note", "why", "plus_tip", "caution"):
            if getattr(value, key) is not None:
                data[key] = text(getattr(value, key))
        if value.non_member_reply is not None:
            data["non_member_reply"] = value.non_member_reply
        if value.extends:
            data["extends"] = list(value.extends)
        if value.extends_audience:
            data["extends_audience"] = True
        return data

    def words(value: Keywords) -> dict[str, list[Any]]:
        weights = dict(value.weights)

        def one(word: str) -> Any:
            return {word: weights[word]} if word in weights else word

        return {"zh": [one(w) for w in value.zh], "en": [one(w) for w in value.en]}

    def scenario(value: Scenario) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": value.id,
            "name": text(value.name),
            "audience": value.audience,
            "keywords": words(value.keywords),
            "needs": list(value.needs),
            "prepare": [text(p) for p in value.prepare],
        }
        if value.simple.zh or value.simple.en:
            data["simple"] = words(value.simple)
        if value.patterns:
            data["patterns"] = [{"regex": p.regex, "weight": p.weight} for p in value.patterns]
        if value.counterpart is not None:
            data["counterpart"] = value.counterpart
        if value.plus_absorbs:
            data["plus_absorbs"] = list(value.plus_absorbs)
        if value.absorbs:
            data["absorbs"] = list(value.absorbs)
        if value.example is not None:
            data["example"] = text(value.example)
        if value.plus_example is not None:
            data["plus_example"] = text(value.plus_example)
        return data

    data: dict[str, Any] = {
        "version": 1,
        "hotlines": [line(x) for x in catalogue.lines],
        "scenarios": [scenario(x) for x in catalogue.scenarios],
        "say": {
            "shape": text(catalogue.say.shape),
            "example": text(catalogue.say.example),
            "on_the_call": [tip(t) for t in catalogue.say.on_the_call],
        },
        "assistant": text(catalogue.assistant),
        "calendar": {
            "extra_holidays": sorted(d.isoformat() for d in catalogue.extra_holidays),
            "extra_workdays": sorted(d.isoformat() for d in catalogue.extra_workdays),
            **{
                y.year: {
                    "holidays": sorted(d.isoformat() for d in y.holidays),
                    "workdays": sorted(d.isoformat() for d in y.workdays),
                }
                for y in catalogue.calendar_years
            },
        },
    }
    if catalogue.merchant_voice.zh or catalogue.merchant_voice.en:
        data["merchant_voice"] = words(catalogue.merchant_voice)
    if catalogue.elsewhere.zh or catalogue.elsewhere.en:
        data["elsewhere"] = words(catalogue.elsewhere)
    if catalogue.off_topic.zh or catalogue.off_topic.en:
        data["off_topic"] = words(catalogue.off_topic)
    if catalogue.facts:
        data["facts"] = {
            k: {
                "name": text(f.name),
                "where": text(f.where),
                **({"merchants": text(f.merchants)} if f.merchants else {}),
            }
            for k, f in catalogue.facts
        }
    return data


def dump(catalogue: Catalogue) -> str:
    """The catalogue as YAML that parse() reads back to an equal catalogue."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(to_data(catalogue), Dumper=dumper, allow_unicode=True, sort_keys=False)
