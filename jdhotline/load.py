"""File -> YAML -> checked catalogue: every error names the file, the entry and the fix.

The one module that reads a catalogue: catalogue.py holds the types, this module
builds them, and nothing here prints. PyYAML is imported only when a file is parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .catalogue import (
    DAY_RULES,
    FACTS,
    LANGS,
    LINE_AUDIENCES,
    SCENARIO_AUDIENCES,
    USERS,
    Catalogue,
    Example,
    Fact,
    Hours,
    Line,
    MenuKey,
    Peak,
    Say,
    Scenario,
    Tip,
)
from .checks import Checks, Refused, _join, near
from .errors import os_reason
from .yaml_read import yaml_load

_NUMBER = re.compile(r"^[0-9][0-9-]*[0-9]$")

T = TypeVar("T")


MAX_BYTES = 1_000_000  # a real catalogue is ~20 KB; anything this big is a mistake


def default_path() -> Path:
    """The shipped catalogue: inside the installed package, or the repository's data/."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "hotlines.yaml"
    if packaged.is_file():
        return packaged
    return here.parent / "data" / "hotlines.yaml"


def load(path: str | Path | None = None) -> Catalogue:
    """Read, parse and validate a catalogue file; raise CatalogueError if unusable."""
    target = Path(path) if path is not None else default_path()
    shown = str(path) if path is not None else _display(target)
    raw = _read(target, shown)
    doc = _twin(target, raw) if path is None else None
    if doc is not None:
        return _checked(lambda: _Validator(shown, _proof(doc)).catalogue(doc["data"]))
    return parse(raw, shown)


def twin_key(raw: bytes) -> str:
    """What the shipped catalogue's JSON twin was written from: its size and CRC-32."""
    import zlib

    return f"{len(raw)}:{zlib.crc32(raw):08x}"


def _twin(target: Path, raw: bytes) -> Any:
    """The shipped catalogue's data from its JSON twin (hotlines.json), if it was written
    from these very bytes; else None, and the YAML is parsed.

    Measured after the matcher's keywords grew the catalogue to 76 KB: PyYAML takes
    ~10 ms to import and ~30 ms to parse it, json.loads its twin ~3 ms: the start-up
    budget (bench/startup.py) holds only with the twin. It is not a cache: it ships
    with the code, is written by scripts/catalogue_json.py, tests/test_catalogue.py
    fails when it is out of date, and the key is the YAML's content, not a timestamp.
    Every value is validated as if it came from the YAML but for its patterns' proof
    of bounded time, which the twin carries (_proof); your own --catalog is always
    parsed.
    """
    import json

    try:
        doc = json.loads(target.with_suffix(".json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("key") != twin_key(raw):
        return None
    return doc


def _proof(doc: dict[str, Any]) -> dict[str, int]:
    """The steps of each pattern the twin's writer proved bounded (bounded.check), by the
    pattern's text; {} unless proven by this very prover (bounded.PROOF).

    Proving the shipped patterns again on every run cost ~75 ms, a third of a command
    (bench/startup.py, issue 21). A pattern is trusted by its own text: one the twin's
    data holds but its proof does not (a twin edited by hand, a writer's bug) is proven
    here as a YAML's is, and refused if it could run away (tests/test_cues_split.py).
    Everything else in the twin is checked as if it came from the YAML
    (docs/decisions.md).
    """
    from . import bounded

    proof = doc.get("proof")
    if not isinstance(proof, dict) or proof.get("by") != bounded.PROOF:
        return {}
    steps = proof.get("steps")
    if not isinstance(steps, dict):
        return {}
    return {
        regex: count
        for regex, count in steps.items()
        if isinstance(count, int) and not isinstance(count, bool) and 0 < count <= bounded.MAX_WORK
    }


def proof_of(raw: bytes, file: str) -> dict[str, Any]:
    """What the twin carries of a catalogue's patterns: each one's steps, and the prover
    (scripts/catalogue_json.py writes it)."""
    from . import bounded

    validator = _Validator(file)
    _checked(lambda: _parse(raw, file, validator))
    return {"by": bounded.PROOF, "steps": dict(sorted(validator.proven.items()))}


def _read(target: Path, shown: str) -> bytes:
    """At most MAX_BYTES of a regular file, whatever it claims to be.

    Opened without blocking (a FIFO with no writer would wait forever) and checked
    once open; then read to one byte past the limit, never trusting st_size
    (/dev/zero says 0 and never ends).
    """
    import os
    import stat

    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise Refused(shown, "", "file.missing") from None
    except PermissionError:
        raise Refused(shown, "", "file.cannot_read", why="denied") from None
    except OSError as exc:
        if target.is_dir():
            raise Refused(shown, "", "file.folder") from None
        raise _unreadable(shown, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise Refused(shown, "", "file.folder")
        if not stat.S_ISREG(mode):
            raise Refused(shown, "", "file.not_regular")
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _unreadable(shown, exc) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise Refused(shown, "", "file.too_big", limit=f"{MAX_BYTES:,}")
    return raw


def _unreadable(shown: str, exc: OSError) -> Refused:
    """Worded by its errno; the system's own text stands for it in English."""
    detail = exc.strerror or str(exc)
    return Refused(shown, "", "file.cannot_read", why=os_reason(exc), detail=detail)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def parse(raw: bytes | str, file: str = "<catalogue>") -> Catalogue:
    """Decode, load as safe YAML and validate; raise CatalogueError naming what to fix."""
    return _checked(lambda: _parse(raw, file))


def _checked(build: Callable[[], Catalogue]) -> Catalogue:
    import gc

    # Thousands of new objects that all live on: the collector's passes over them would
    # only make loading a big catalogue slower than linear (bench/scale.py).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return build()
    finally:
        if enabled:
            gc.enable()


def _parse(raw: bytes | str, file: str, validator: _Validator | None = None) -> Catalogue:
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Refused(file, "", "file.not_utf8") from None
    else:
        text = raw
    data = yaml_load(text, file)
    if data is None:
        raise Refused(file, "", "file.empty")
    return (validator or _Validator(file)).catalogue(data)


_REQUIRED_TOP = ("hotlines", "scenarios", "say", "assistant")


def _safety(checks: Checks, value: Any, lines: tuple[Line, ...]) -> Any:
    if value is None:
        return None
    from .safety_load import section

    return section(checks, value, tuple(line.digits for line in lines))


class _Validator(Checks):
    """The catalogue's entries, each checked field by field (checks.py: one value)."""

    def catalogue(self, data: Any) -> Catalogue:
        if isinstance(data, dict) and not any(near(key, _REQUIRED_TOP) for key in data):
            # Some other file that YAML reads as a mapping (`/etc/shadow`: "root:*:…"):
            # quoting its first key would print a line of it.
            raise self.fail("", "file.not_catalogue")
        top = self.mapping(
            data,
            "",
            ("hotlines", "scenarios", "say", "assistant"),
            (
                "version",
                "calendar",
                "facts",
                "merchant_voice",
                "buyer_voice",
                "elsewhere",
                "off_topic",
                "safety",
            ),
        )
        version = top.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or version != 1:
            # True == 1.0 == 1 in Python; a version is the integer 1
            raise self.fail("version", "version", value=top["version"])
        scenarios = self.list_of(top["scenarios"], "scenarios", self.scenario)
        lines = self.list_of(top["hotlines"], "hotlines", self.line)
        for key, entries in (("hotlines", lines), ("scenarios", scenarios)):
            if not entries:
                raise self.fail(key, "empty_list", key=key)
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
                    raise self.fail(f"hotlines[{i}].extends[{j}]", "not_listed", text=extra)
            served.update(line.scenarios)
        for i, scenario in enumerate(scenarios):
            for j, need in enumerate(scenario.needs):
                if facts and need not in facts:
                    raise self.fail(f"scenarios[{i}].needs[{j}]", "no_fact", text=need)
            for key, ids in (
                ("counterpart", (scenario.counterpart,) if scenario.counterpart else ()),
                ("plus_absorbs", scenario.plus_absorbs),
                ("absorbs", scenario.absorbs),
            ):
                self.known(ids, f"scenarios[{i}].{key}", known)
                if scenario.id in ids:
                    raise self.fail(f"scenarios[{i}].{key}", "names_itself")
            if scenario.id not in served:
                raise self.fail(f"scenarios[{i}]", "unserved", text=scenario.id)
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
            buyer_voice=self.keywords(top.get("buyer_voice") or {}, "buyer_voice"),
            elsewhere=self.keywords(top.get("elsewhere") or {}, "elsewhere"),
            off_topic=self.keywords(top.get("off_topic") or {}, "off_topic"),
            safety=_safety(self, top.get("safety"), lines),
        )

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
            raise self.fail(at("number"), "not_phone", text=number)
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
                    swapped = window.end <= window.start and hours.window.start < hours.window.end
                    problem = "window.swapped" if swapped else "window.outside"
                    raise self.fail(
                        f"{at(key)}[{i}]", problem, window=str(window), hours=str(hours.window)
                    )
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
        )
        if not ok:
            raise self.fail(where, "wait", value=value)
        if value[0] > value[1]:  # [5, 3]: say so, not "got a list"
            raise self.fail(where, "wait_order", low=value[0], high=value[1])
        return (int(value[0]), int(value[1]))

    def menu_key(self, value: Any, where: str) -> MenuKey:
        data = self.mapping(value, where, ("key", "label", "scenarios"))
        key = self.quoted_digits(data["key"], _join(where, "key"))
        if not re.fullmatch(r"[0-9*#]+", key):
            raise self.fail(_join(where, "key"), "not_key", value=key)
        return MenuKey(
            key=key,
            label=self.l10n(data["label"], _join(where, "label")),
            scenarios=self.list_of(data["scenarios"], _join(where, "scenarios"), self.ident),
        )

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
                "examples",
                "example_own",
            ),
        )
        keywords = self.keywords(data["keywords"], _join(where, "keywords"))
        if not keywords.zh and not keywords.en:
            raise self.fail(_join(where, "keywords"), "keyword.none")
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
            examples=self.list_of(
                data.get("examples") or [], _join(where, "examples"), self.example
            ),
            example_own=self.boolean(data.get("example_own", False), _join(where, "example_own")),
        )

    def example(self, value: Any, where: str) -> Example:
        data = self.mapping(value, where, ("zh", "en"), ("cues", "own", "plus"))
        return Example(
            text=self.l10n({"zh": data["zh"], "en": data["en"]}, where),
            cues=self.list_of(data.get("cues") or [], _join(where, "cues"), self.text),
            own=self.boolean(data.get("own", False), _join(where, "own")),
            plus=self.l10n(data["plus"], _join(where, "plus")) if data.get("plus") else None,
        )
