"""The matcher's model apart from the facts: data/cues.yaml, and a user's `--cues` file.

data/hotlines.yaml holds what a user edits with `--catalog` (lines, hours, menus,
advice, sentences, the calendar); data/cues.yaml holds what the matcher weighs (each
scenario's keywords and patterns, the voices, the scam's cues) and the `model:`
constants that give those weights their meaning. load.py reads both and hands the
validator one document (``merge``); an error in a cue names the cues file and its own
entry path (``Moved``). Nothing here prints.

A user's cues file adds to the shipped cues (``replace: true`` at its top: it stands
instead of them); docs/catalogue.md says what adding means for each section.
"""

from __future__ import annotations

import copy
from typing import Any

from .catalogue import LANGS, Model
from .checks import Checks, _join, near

# A scenario's cues, the document's cue sections, and the scam's cues (`safety:`).
SCENARIO_CUES = ("keywords", "simple", "patterns", "counterpart", "absorbs", "plus_absorbs")
VOICES = ("merchant_voice", "buyer_voice", "elsewhere", "off_topic")
MODEL_KEYS = ("model", "negation", "plus_self", "calling")
SAFETY_CUES = ("threshold", "claim", "asks", "innocent")
TOP = ("version", "replace", "scenarios", *VOICES, *MODEL_KEYS, "safety")

# Each constant of `model:` and the numbers it may be.
_MODEL_RANGES = {
    "min_score": (0.1, 50.0),
    "absorb_min": (0.1, 50.0),
    "off_topic_share": (0.1, 10.0),
    "other_side": (0.0, 1.0),
    "counterpart": (0.0, 1.0),
    "unsure_ratio": (0.0, 1.0),
}
_REACH = (0, 40)  # characters from a negation to the keyword it takes


# ---- checking a cues file's own entries (the user's, before they join the shipped ones)


def check_file(checks: Checks, data: Any, scenarios: set[str]) -> None:
    """Every entry of a cues file, checked where it stands (its own file, its own path),
    so that an error in a user's file names that file; ``scenarios``: the catalogue's ids."""
    if isinstance(data, dict) and not any(near(key, TOP) for key in data):
        # Some other file (`/etc/shadow`): quoting its first key would print a line of it.
        raise checks.fail("", "file.not_cues")
    checks.mapping(data, "", (), TOP)
    if data.get("replace") is not None and checks.boolean(data["replace"], "replace"):
        # Instead of the shipped cues: every scenario needs its own.
        listed = {e.get("id") for e in data.get("scenarios") or [] if isinstance(e, dict)}
        for scenario in sorted(scenarios - listed):
            raise checks.fail("scenarios", "cues.scenario_missing", text=scenario)
    for i, entry in enumerate(_list(checks, data.get("scenarios"), "scenarios")):
        where = f"scenarios[{i}]"
        cues = checks.mapping(entry, where, ("id",), SCENARIO_CUES)
        _known(checks, cues["id"], _join(where, "id"), scenarios)
        for key in ("keywords", "simple"):
            if key in cues:
                checks.keywords(cues[key], _join(where, key))
        checks.list_of(cues.get("patterns") or [], _join(where, "patterns"), checks.pattern)
        for key in ("absorbs", "plus_absorbs"):
            ids = checks.list_of(cues.get(key) or [], _join(where, key), checks.ident)
            checks.known(ids, _join(where, key), scenarios)
        if cues.get("counterpart") is not None:
            _known(checks, cues["counterpart"], _join(where, "counterpart"), scenarios)
    for key in VOICES:
        if data.get(key) is not None:
            checks.keywords(data[key], key)
    if data.get("model") is not None:
        model(checks, data["model"], partial=True)
    negation(checks, data.get("negation"))
    for key in ("plus_self", "calling"):
        regexes(checks, data.get(key), key)
    safety = data.get("safety")
    if safety is not None:
        checks.mapping(safety, "safety", (), SAFETY_CUES)
        if safety.get("threshold") is not None:
            checks.weight(safety["threshold"], "safety.threshold")
        for key in ("claim", "innocent"):
            checks.list_of(safety.get(key) or [], f"safety.{key}", checks.pattern)
        for i, ask in enumerate(_list(checks, safety.get("asks"), "safety.asks")):
            where = f"safety.asks[{i}]"
            found = checks.mapping(ask, where, ("kind", "patterns"))
            checks.text(found["kind"], _join(where, "kind"))
            checks.list_of(found["patterns"], _join(where, "patterns"), checks.pattern)


def _known(checks: Checks, value: Any, where: str, scenarios: set[str]) -> None:
    """One scenario id, of the catalogue's."""
    scenario = checks.ident(value, where)
    if scenario not in scenarios:
        raise checks.fail(where, "unknown_scenario", text=scenario, known=sorted(scenarios))


def _list(checks: Checks, value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise checks.fail(where, "not_list", value=value)
    return value


def model(checks: Checks, value: Any, *, partial: bool = False) -> Model:
    """`model:`: each constant a number in its range; all of them, unless ``partial``
    (a user's cues file may change one)."""
    keys = (*_MODEL_RANGES, "negation_reach")
    data = checks.mapping(value, "model", () if partial else keys, keys)
    found: dict[str, Any] = {}
    for key, (low, high) in _MODEL_RANGES.items():
        if key in data:
            found[key] = _number(checks, data[key], f"model.{key}", low, high)
    if "negation_reach" in data:
        reach = checks.mapping(data["negation_reach"], "model.negation_reach", LANGS)
        low, high = _REACH
        found["negation_reach"] = tuple(
            int(_number(checks, reach[lang], f"model.negation_reach.{lang}", low, high, whole=True))
            for lang in LANGS
        )
    return Model()._replace(**found)


def _number(
    checks: Checks, value: Any, where: str, low: float, high: float, *, whole: bool = False
) -> float:
    plain = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not plain or not low <= value <= high or (whole and not isinstance(value, int)):
        raise checks.fail(where, "model.number", value=value, low=f"{low:g}", high=f"{high:g}")
    return float(value)


def negation(checks: Checks, value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`negation:`: each language's regular expressions."""
    data = checks.mapping(value or {}, "negation", (), LANGS)
    zh, en = (regexes(checks, data.get(lang), f"negation.{lang}") for lang in LANGS)
    return zh, en


def regexes(checks: Checks, value: Any, where: str) -> tuple[str, ...]:
    """A list of regular expressions, each proven bounded as a pattern is. Apart from the
    budget of the scenarios' and the scam's patterns (bounded.MAX_TOTAL_WORK, nearly
    spent by them: 49,625 of 50,000), with a budget of the same size of their own."""
    return checks.list_of(value or [], where, lambda v, w: checks.regex(v, w, "model_work"))


# ---- one document for the validator


class Moved:
    """Where each cue of the merged document came from: an error at a merged entry path
    (scenarios[3].keywords.zh[5]) is said at the cues file's (scenarios[0].keywords.zh[5])."""

    def __init__(self) -> None:
        self.paths: dict[str, tuple[str, str]] = {}

    def add(self, merged: str, file: str, path: str) -> None:
        self.paths[merged] = (file, path)

    def find(self, where: str) -> tuple[str, str] | None:
        """The file and its own path for a merged entry path, if the entry was moved."""
        for merged, (file, path) in self.paths.items():
            if where == merged or where.startswith((merged + ".", merged + "[")):
                return file, path + where[len(merged) :]
        return None


def merge(
    facts: Any, base: Any, base_file: str, extra: Any = None, extra_file: str = ""
) -> tuple[Any, Moved]:
    """The catalogue's facts with the cues: the document load.py validates.

    A catalogue whose scenarios hold their own keywords is in the one-file form (before
    the split, and the tests' small catalogues): its cues are its own, and only what it
    lacks of ``model``, ``negation``, ``plus_self`` and ``calling`` comes from the cues.
    ``extra``, a user's cues file already checked (check_file), is then added; with
    ``replace: true`` each section it holds stands instead of the shipped one.
    """
    moved = Moved()
    if not isinstance(facts, dict) or not isinstance(base, dict):
        return facts, moved
    data = dict(facts)
    scenarios = data.get("scenarios")
    one_file = isinstance(scenarios, list) and any(
        isinstance(s, dict) and "keywords" in s for s in scenarios
    )
    origin = dict.fromkeys(base, base_file)  # each section's file
    if isinstance(extra, dict) and extra.get("replace"):
        mine = {k: v for k, v in extra.items() if k not in ("version", "replace")}
        base = {**base, **mine}
        origin.update(dict.fromkeys(mine, extra_file))
        extra = None
    for key in MODEL_KEYS:
        if key not in data and key in base:
            data[key] = base[key]
            moved.add(key, origin[key], key)
    if not one_file:
        _add_scenario_cues(data, base, origin.get("scenarios", base_file), moved)
        for key in VOICES:
            if key not in data and key in base:
                data[key] = base[key]
                moved.add(key, origin[key], key)
        safety, cues = data.get("safety"), base.get("safety")
        if isinstance(safety, dict) and isinstance(cues, dict):
            data["safety"] = safety = dict(safety)
            for key in SAFETY_CUES:
                if key not in safety and key in cues:
                    safety[key] = cues[key]
                    moved.add(f"safety.{key}", origin["safety"], f"safety.{key}")
    if isinstance(extra, dict):
        _add(data, extra)
    return data, moved


def _add_scenario_cues(data: dict[str, Any], base: dict[str, Any], file: str, moved: Moved) -> None:
    entries = base.get("scenarios")
    if not isinstance(entries, list) or not isinstance(data.get("scenarios"), list):
        return
    cues = {e.get("id"): (j, e) for j, e in enumerate(entries) if isinstance(e, dict)}
    merged = []
    for i, scenario in enumerate(data["scenarios"]):
        found = cues.get(scenario.get("id")) if isinstance(scenario, dict) else None
        if found is not None:
            j, entry = found
            scenario = dict(scenario)
            for key in SCENARIO_CUES:
                if key in entry and key not in scenario:
                    scenario[key] = entry[key]
                    moved.add(f"scenarios[{i}].{key}", file, f"scenarios[{j}].{key}")
        merged.append(scenario)
    data["scenarios"] = merged


def _add(data: dict[str, Any], extra: dict[str, Any]) -> None:
    """A user's cues added to the document: words and patterns join the lists (a word
    already there takes the user's weight), each `model:` constant given replaces the
    shipped one, a counterpart replaces, absorbed scenarios join."""
    if isinstance(extra.get("model"), dict):
        data["model"] = {**(data.get("model") or {}), **extra["model"]}
    by_id = {s.get("id"): s for s in data.get("scenarios") or [] if isinstance(s, dict)}
    for entry in extra.get("scenarios") or []:
        scenario = by_id[entry["id"]]  # check_file: a known id
        for key in ("keywords", "simple"):
            if key in entry:
                scenario[key] = _words(scenario.get(key), entry[key])
        if entry.get("patterns"):
            scenario["patterns"] = _patterns(scenario.get("patterns"), entry["patterns"])
        if entry.get("counterpart") is not None:
            scenario["counterpart"] = entry["counterpart"]
        for key in ("absorbs", "plus_absorbs"):
            if entry.get(key):
                scenario[key] = list(dict.fromkeys([*(scenario.get(key) or []), *entry[key]]))
    for key in VOICES:
        if extra.get(key) is not None:
            data[key] = _words(data.get(key), extra[key])
    if isinstance(extra.get("negation"), dict):
        known = dict(data.get("negation") or {})
        for lang in LANGS:
            known[lang] = [*(known.get(lang) or []), *(extra["negation"].get(lang) or [])]
        data["negation"] = known
    for key in ("plus_self", "calling"):
        if extra.get(key):
            data[key] = [*(data.get(key) or []), *extra[key]]
    if isinstance(extra.get("safety"), dict) and isinstance(data.get("safety"), dict):
        safety = data["safety"] = copy.copy(data["safety"])
        more = extra["safety"]
        if more.get("threshold") is not None:
            safety["threshold"] = more["threshold"]
        for key in ("claim", "innocent"):
            if more.get(key):
                safety[key] = _patterns(safety.get(key), more[key])
        asks = [dict(a) for a in safety.get("asks") or []]
        for ask in more.get("asks") or []:
            same = next((a for a in asks if a.get("kind") == ask["kind"]), None)
            if same is None:
                asks.append(dict(ask))
            else:
                same["patterns"] = _patterns(same.get("patterns"), ask["patterns"])
        safety["asks"] = asks


def _words(base: Any, more: dict[str, Any]) -> dict[str, Any]:
    """Each language's words, the user's added; a word already listed takes its weight."""
    found = dict(base or {})
    for lang in LANGS:
        words = list(found.get(lang) or [])
        index = {_word(w, lang): i for i, w in enumerate(words)}
        for entry in more.get(lang) or []:
            i = index.get(_word(entry, lang))
            if i is None:
                index[_word(entry, lang)] = len(words)
                words.append(entry)
            else:
                words[i] = entry
        found[lang] = words
    return found


def _word(entry: Any, listing: str) -> str:
    """A cue as the list compares it: the English list (`en:`) without regard to case."""
    word = next(iter(entry)) if isinstance(entry, dict) and len(entry) == 1 else entry
    text = str(word).strip()
    return text.lower() if listing == "en" else text


def _patterns(base: Any, more: list[Any]) -> list[Any]:
    """Patterns added; one already listed (the same regex) takes the user's weight."""
    patterns = [dict(p) if isinstance(p, dict) else p for p in base or []]
    index = {p.get("regex"): i for i, p in enumerate(patterns) if isinstance(p, dict)}
    for pattern in more:
        i = index.get(pattern.get("regex"))
        if i is None:
            patterns.append(pattern)
        else:
            patterns[i] = pattern
    return patterns
