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
    Model,
    Peak,
    Say,
    Scenario,
    Tip,
)
from .checks import Checks, Refused, _join, near
from .errors import CatalogueError
from .files import MAX_BYTES, twin_key
from .files import display as _display
from .files import proof as _proof
from .files import read as _read
from .files import twin as _twin
from .yaml_read import yaml_load

__all__ = ["MAX_BYTES", "load", "parse", "proof_of", "twin_key"]

_NUMBER = re.compile(r"^[0-9][0-9-]*[0-9]$")

T = TypeVar("T")


def default_path() -> Path:
    """The shipped catalogue: inside the installed package, or the repository's data/."""
    return _shipped("hotlines.yaml")


def cues_path() -> Path:
    """The shipped cues (data/cues.yaml), which every catalogue is read with."""
    return _shipped("cues.yaml")


def _shipped(name: str) -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "data" / name
    if packaged.is_file():
        return packaged
    return here.parent / "data" / name


def load(path: str | Path | None = None, cues: str | Path | None = None) -> Catalogue:
    """Read, parse and validate a catalogue file with the matcher's cues (the shipped
    data/cues.yaml, and a user's ``cues`` file added to it); raise CatalogueError if
    either is unusable."""
    target = Path(path) if path is not None else default_path()
    shown = str(path) if path is not None else _display(target)
    raw = _read(target, shown)
    doc = _twin(target, raw) if path is None else None
    if doc is not None:
        return _build(doc["data"], shown, _proof(doc), cues, twin=True)
    return _build(_yaml(raw, shown), shown, {}, cues)


def _build(
    facts: Any, shown: str, proven: dict[str, int], cues: str | Path | None, *, twin: bool = False
) -> Catalogue:
    """The facts, the shipped cues and a user's cues, validated as one catalogue (the
    shipped one's keywords only read: both files from their twins, and no user's cues)."""
    from . import cues_load

    def build() -> Catalogue:
        target = cues_path()
        base_shown = _display(target)
        raw = _read(target, base_shown)
        doc = _twin(target, raw)
        base = doc["data"] if doc is not None else _yaml(raw, base_shown)
        known = {**proven, **(_proof(doc) if doc is not None else {})}
        extra = None
        if cues is not None:
            checks = Checks(str(cues), known)
            try:
                extra = _yaml(_read(Path(cues), str(cues)), str(cues))
                cues_load.check_file(checks, extra, _scenario_ids(facts))
            except CatalogueError as exc:
                exc.source = "cues"  # the user's cues file: the hint names --cues
                raise
            known = checks.proven
        data, moved = cues_load.merge(facts, base, base_shown, extra, str(cues))
        shipped = twin and doc is not None and extra is None
        return _Validator(shown, known, moved, shipped=shipped).catalogue(data)

    return _checked(build)


def _scenario_ids(facts: Any) -> set[str]:
    """The scenario ids a catalogue (not yet checked) names: what a cues file may name."""
    scenarios = facts.get("scenarios") if isinstance(facts, dict) else None
    if not isinstance(scenarios, list):
        return set()
    return {s["id"] for s in scenarios if isinstance(s, dict) and isinstance(s.get("id"), str)}


def proof_of(catalogue: Path, cues: Path) -> dict[str, Any]:
    """What the cues' twin carries of the patterns: each one's steps, and the prover
    (scripts/catalogue_json.py writes it from the YAML files)."""
    from . import bounded, cues_load

    shown = _display(cues)
    facts = _yaml(_read(catalogue, str(catalogue)), str(catalogue))
    data, moved = cues_load.merge(facts, _yaml(_read(cues, shown), shown), shown)
    validator = _Validator(str(catalogue), None, moved)
    _checked(lambda: validator.catalogue(data))
    return {"by": bounded.PROOF, "steps": dict(sorted(validator.proven.items()))}


def parse(raw: bytes | str, file: str = "<catalogue>", cues: str | Path | None = None) -> Catalogue:
    """Decode, load as safe YAML and validate with the cues (load); raise
    CatalogueError naming what to fix."""
    return _build(_yaml(raw, file), file, {}, cues)


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


def _yaml(raw: bytes | str, file: str) -> Any:
    """A file's text read as YAML: its data, never None."""
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
    return data


_REQUIRED_TOP = ("hotlines", "scenarios", "say", "assistant")


def _safety(checks: Checks, value: Any, lines: tuple[Line, ...]) -> Any:
    if value is None:
        return None
    from .safety_load import section

    return section(checks, value, tuple(line.digits for line in lines))


class _Validator(Checks):
    """The catalogue's entries, each checked field by field (checks.py: one value)."""

    def __init__(
        self,
        file: str,
        proven: dict[str, int] | None = None,
        moved: Any = None,
        *,
        shipped: bool = False,
    ) -> None:
        super().__init__(file, proven, shipped=shipped)
        self.moved = moved  # cues_load.Moved: where the cues came from

    def fail(self, where: str, code: str, **params: object) -> Refused:
        """An error in a cue is said in the cues file, at its own entry path."""
        found = self.moved.find(where) if self.moved is not None else None
        if found is not None:
            return Refused(found[0], found[1], code, **params)
        return super().fail(where, code, **params)

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
                "model",
                "negation",
                "plus_self",
                "calling",
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
            for j, menu_key in enumerate(line.menu):
                self.known(menu_key.scenarios, f"hotlines[{i}].menu[{j}].scenarios", known)
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
        from . import cues_load

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
            model=cues_load.model(self, top["model"]) if "model" in top else Model(),
            negation=cues_load.negation(self, top.get("negation")),
            plus_self=cues_load.regexes(self, top.get("plus_self"), "plus_self"),
            calling=cues_load.regexes(self, top.get("calling"), "calling"),
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
        data = self.mapping(value, where, ("zh", "en"), ("cues", "own", "plus", "prepare"))
        return Example(
            text=self.l10n({"zh": data["zh"], "en": data["en"]}, where),
            cues=self.list_of(data.get("cues") or [], _join(where, "cues"), self.text),
            own=self.boolean(data.get("own", False), _join(where, "own")),
            plus=self.l10n(data["plus"], _join(where, "plus")) if data.get("plus") else None,
            prepare=self.list_of(data.get("prepare") or [], _join(where, "prepare"), self.l10n),
        )
