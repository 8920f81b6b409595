"""Property tests and a bounded fuzz run of the catalogue loader.

JDHOTLINE_FUZZ_EXAMPLES raises the number of fuzz cases (.ci/run sets it). The property
runs are short in the everyday `pytest` and long with `pytest --slow` (.ci/run):
conftest.examples().
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdhotline.catalogue import USERS as USER_TYPES
from jdhotline.errors import CatalogueError
from jdhotline.load import load, parse
from jdhotline.rules import NoLineError, calendar_of, recommend
from jdhotline.schedule import status, to_beijing

from .conftest import SHIPPED, bj, dump_yaml, examples, shipped_copy
from .dump import dump

FUZZ_EXAMPLES = int(os.environ.get("JDHOTLINE_FUZZ_EXAMPLES", "150"))
SHIPPED_TEXT = SHIPPED.read_text(encoding="utf-8")
SHIPPED_DATA = shipped_copy()
SHIPPED_CATALOGUE = load(SHIPPED)  # immutable, each example reads it; conftest loaded it once

# Pieces of catalogues, broken or not, for the fuzzer to splice together.
FRAGMENTS = st.sampled_from(
    [
        "version: 1\n", "hotlines:\n", "scenarios:\n", "  - id: x\n", "    hours: {open: \"09:00\"}\n",
        "&a [1, 2]\n", "*a\n", "!!python/object:os.system {}\n", "- [\n", "]\n", "{", "}", ": ", "\t",
        "\"25:00\"", "'", "\"", "\\", "\ufeff", "null\n", "~\n", "&x\n", "? ", "--- \n", "...\n", "%YAML 1.1\n",
        "number: 950618\n", "days: working-days\n", "off_peak: [{start: '23:00', end: '01:00'}]\n",
    ]
)  # fmt: skip


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(FRAGMENTS | st.text(max_size=12), max_size=25),
    cut=st.integers(0, len(SHIPPED_TEXT)),
    tail=st.binary(max_size=40),
)
def test_the_loader_only_ever_raises_catalogue_error(
    pieces: list[str], cut: int, tail: bytes
) -> None:
    for raw in (
        "".join(pieces).encode("utf-8", errors="surrogatepass"),
        SHIPPED_TEXT[:cut].encode() + tail,  # a file cut short, then garbage
        SHIPPED_TEXT[:cut].encode() + "".join(pieces).encode("utf-8", errors="surrogatepass"),
    ):
        try:
            parse(raw, "fuzz.yaml")
        except CatalogueError as exc:
            assert str(exc).startswith("fuzz.yaml: ")


TIMES = st.integers(0, 23).map(lambda h: f"{h:02d}") .flatmap(
    lambda h: st.sampled_from(["00", "15", "30", "45"]).map(lambda m: f"{h}:{m}")
)  # fmt: skip
TEXT = st.text(min_size=1, max_size=20).filter(lambda s: s.strip())


EDITS = {
    "start": TIMES,
    "end": TIMES,
    "name": TEXT,
    "keyword": TEXT,
    "days": st.sampled_from(["every-day", "working-days"]),
    "holidays": st.lists(
        st.dates(dt.date(2027, 1, 1), dt.date(2027, 12, 31)), max_size=3, unique=True
    ),
}


def _parse_dump_parse(
    start: str, end: str, name: str, keyword: str, days: str, holidays: list[dt.date]
) -> None:
    data = shipped_copy()
    line = data["hotlines"][0]  # 24 hours: any off-peak window fits
    line["off_peak"] = [] if start == end else [{"start": start, "end": end}]
    line["name"]["en"] = name
    line["hours"]["days"] = days
    data["scenarios"][0]["keywords"]["zh"].append(keyword)
    data["calendar"]["extra_holidays"] = [d.isoformat() for d in holidays]
    first = parse(dump_yaml(data, sort_keys=True), "a.yaml")
    assert parse(dump(first), "a.yaml") == first


# Each example parses the 104 KB catalogue twice (0.4 s): 8 in the everyday run, 60 with
# --slow (.ci/run).
test_parse_dump_parse_is_stable = settings(max_examples=examples(8, 60), deadline=None)(
    given(**EDITS)(_parse_dump_parse)
)


@settings(max_examples=40, deadline=None)
@given(
    user=st.sampled_from(USER_TYPES),
    index=st.integers(0, len(SHIPPED_DATA["scenarios"]) - 1),
    moment=st.datetimes(min_value=bj("2026-01-01 00:00").replace(tzinfo=None),
                        max_value=bj("2027-12-31 23:59").replace(tzinfo=None)),
)  # fmt: skip
def test_every_user_and_scenario_gets_an_answer(user: str, index: int, moment: Any) -> None:
    catalogue = SHIPPED_CATALOGUE
    scenario = catalogue.scenarios[index]
    try:
        rec = recommend(catalogue, user, scenario, moment)
    except NoLineError:  # the documented refusal; the shipped catalogue never needs it
        raise AssertionError(f"no line for {user} / {scenario.id}") from None
    # The answer agrees with itself and with the catalogue, at any moment.
    calendar = calendar_of(catalogue)
    lines = [rec.primary, *rec.alternatives]
    assert len({s.line.id for s in lines}) == len(lines)  # each line once
    for line_status in lines:
        assert line_status.line in catalogue.lines
        assert line_status == status(line_status.line, moment, calendar)  # this moment's
    assert rec.at == to_beijing(moment)
    assert rec.checklist == scenario.prepare and rec.checklist
    assert rec.menu_key == rec.primary.line.menu_key_for(scenario.id)
    closed = [n for n in rec.warnings if n.code == "primary-closed"]
    assert len(closed) == (not rec.primary.open_now)
    if closed:  # and it names the first alternative open now, if any
        open_now = [s.line for s in rec.alternatives if s.open_now]
        assert closed[0].other == (open_now[0] if open_now else None)
    years = sorted({year for s in lines for year in s.unverified_years})
    told = {n.code: n.years for n in rec.warnings if n.code.startswith("calendar-")}
    said = sorted({*told.get("calendar-statutory", ()), *told.get("calendar-guessed", ())})
    assert said == years  # each year the official calendar lacks is said once
    # Who to call does not depend on the moment; only whether it is open does.
    other = recommend(catalogue, user, scenario, bj("2026-11-27 12:00"))
    assert [s.line.id for s in lines] == [other.primary.line.id] + [
        s.line.id for s in other.alternatives
    ]
