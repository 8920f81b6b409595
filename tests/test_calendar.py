"""Working days end to end: the catalogue's `calendar:` block, `open` in 2027, `calendar`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
import yaml
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.errors import CatalogueError
from jdhotline.load import parse
from jdhotline.workdays import VERIFIED, WorkCalendar, Workday

from .calendars import official_until, pin_official
from .conftest import build, dump_yaml
from .dump import dump
from .refused import english

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def readme_2026_block() -> dict[str, Any]:
    """The example in docs/time.md: the 2026 notice as a catalogue declares it."""
    page = (ROOT / "docs" / "time.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(calendar:\n  2026:\n.*?)```", page, re.S)
    assert len(blocks) == 1, "docs/time.md: the 2026 `calendar:` example is missing"
    return yaml.safe_load(blocks[0])["calendar"]


def write(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "my.yaml"
    path.write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    return path


def days_of(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(n) for n in range((dt.date(year + 1, 1, 1) - first).days)]


# --------------------------------------------------------------------------- the block


def test_the_documented_2026_example_is_the_official_2026_day_by_day(data: dict[str, Any]) -> None:
    data["calendar"] = readme_2026_block()
    catalogue = build(data)
    (declared,) = catalogue.calendar_years
    assert declared.year == 2026
    # Nothing official behind it: the block alone must give every day of 2026.
    calendar = WorkCalendar(declared=catalogue.calendar_years, official=official_until(2025))
    for day in days_of(2026):
        assert calendar.check(day) == Workday(chinese_calendar.is_workday(day), VERIFIED), day


def test_a_declared_year_verifies_2027(
    data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_official(monkeypatch)
    data["calendar"] = {
        2027: {"holidays": ["2027-02-05..2027-02-11"], "workdays": ["2027-01-31"]},
        "extra_holidays": ["2028-01-03"],
    }
    catalogue = build(data)
    calendar = WorkCalendar(
        catalogue.extra_holidays, catalogue.extra_workdays, catalogue.calendar_years
    )
    assert calendar.check(dt.date(2027, 2, 10)) == Workday(False, VERIFIED)  # 补假, as declared
    assert calendar.check(dt.date(2027, 1, 31)) == Workday(True, VERIFIED)  # a Sunday worked
    assert calendar.check(dt.date(2028, 1, 3)) == Workday(False, VERIFIED)
    assert calendar.upgrade_year() is None
    assert parse(dump(catalogue), catalogue.path) == catalogue  # the way back keeps it


@pytest.mark.parametrize(
    ("block", "where", "problem"),
    [
        (
            {2027: {"holidays": ["2027-01-01", "2026-12-31"], "workdays": []}},
            "calendar.2027.holidays[1]",
            "2026-12-31 is not in 2027; list it under calendar.2026, or correct the year",
        ),
        (
            {"2027": {"holidays": ["2027-01-01..2027-01-03"], "workdays": ["2027-01-02"]}},
            "calendar.2027",
            "2027-01-02 is listed both as a holiday and as a working day; keep it in one",
        ),
        (
            {2027: {"holidays": ["2027-01-01"], "workdays": ["2027-01-04"]}},
            "calendar.2027.workdays[0]",
            "2027-01-04 is a Monday, a working day anyway; list only the weekend days worked (调休上班)",
        ),
        (
            {2027: {"holidays": [], "workdays": []}},
            "calendar.2027.holidays",
            "is empty; every year has holidays (1 January at least)",
        ),
        (
            {2027: {"holidays": ["2027-01-01"]}},
            "calendar.2027.workdays",
            "missing (required)",
        ),
        (
            {2027: {"holidays": ["2027-10-07..2027-10-01"], "workdays": []}},
            "calendar.2027.holidays[0]",
            "'2027-10-07..2027-10-01' ends before it starts; put the earlier date first",
        ),
        (
            {2027: {"holidays": ["2027-12-31..2028-01-01"], "workdays": []}},
            "calendar.2027.holidays[0]",
            "'2027-12-31..2028-01-01' runs into another year; split it at 31 December",
        ),
        (
            {
                2027: {"holidays": ["2027-01-01"], "workdays": []},
                "2027": {"holidays": ["2027-01-01"], "workdays": []},
            },
            "calendar.2027",
            "2027 is declared twice; keep one",
        ),
        (
            {"next_year": {"holidays": ["2027-01-01"], "workdays": []}},
            "calendar.next_year",
            "unknown field; expected extra_holidays, extra_workdays or a year (e.g. 2027) with its holidays and workdays",
        ),
        (
            {"extra_holidays": ["2027-01-01"], "extra_workdays": ["2027-01-01"]},
            "calendar",
            "2027-01-01 is listed both as a holiday and as a working day; keep it in one",
        ),
    ],
)
def test_a_wrong_block_is_refused_naming_the_entry_and_the_fix(
    data: dict[str, Any], block: dict[Any, Any], where: str, problem: str
) -> None:
    data["calendar"] = block
    with pytest.raises(CatalogueError) as info:
        build(data, "my.yaml")
    assert english(info.value) == f"my.yaml: {where}: {problem}"


def test_a_wrong_block_exits_3(tmp_path: Path, data: dict[str, Any]) -> None:
    data["calendar"] = {2027: {"holidays": ["2026-12-31"], "workdays": []}}
    path = write(tmp_path, data)
    result = runner.invoke(
        cli.app, ["open", "merchant", "--catalog", str(path), "--at", "2027-01-04T10:00"]
    )
    assert result.exit_code == 3
    assert "calendar.2027.holidays[0]: 2026-12-31 is not in 2027" in result.stderr


# --------------------------------------------------------------------------- 2027 answers


def open_merchant(at: str, *extra: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(cli.app, ["open", "merchant", "--format", "json", "--at", at, *extra])
    (line,) = json.loads(result.stdout)
    return result.exit_code, line


@pytest.mark.parametrize(
    "day",
    [
        "2027-01-01",  # New Year's Day, a Friday
        "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",  # Spring Festival
        "2027-05-01",  # Labour Day
        "2027-10-01", "2027-10-02", "2027-10-03",  # National Day
        "2027-04-05", "2027-06-09", "2027-09-15",  # Qingming, Dragon Boat, Mid-Autumn
    ],
)  # fmt: skip
def test_2027_statutory_holidays_answer_closed(day: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pin_official(monkeypatch)  # 2027 not announced, whatever chinesecalendar is installed
    code, line = open_merchant(f"{day}T10:00")
    assert (code, line["open_now"], line["calendar"], line["calendar_verified"]) == (
        1, False, "statutory", False,
    )  # fmt: skip


def test_an_ordinary_2027_wednesday_answers_open(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_official(monkeypatch)
    code, line = open_merchant("2027-01-06T10:00")
    assert (code, line["open_now"], line["next_change"], line["calendar"]) == (
        0, True, "2027-01-06T18:00+08:00", "statutory",
    )  # fmt: skip


def test_a_declared_2027_answers_verified(
    tmp_path: Path, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_official(monkeypatch)
    data["calendar"] = {2027: {"holidays": ["2027-02-05..2027-02-11"], "workdays": []}}
    path = write(tmp_path, data)
    code, line = open_merchant("2027-02-10T10:00", "--catalog", str(path))
    assert (code, line["calendar"], line["calendar_verified"]) == (1, "verified", True)


@pytest.mark.parametrize("month", range(1, 13))
def test_every_2026_day_answers_verified_as_the_notice(month: int) -> None:
    for day in (d for d in days_of(2026) if d.month == month):
        code, line = open_merchant(f"{day}T10:00")
        is_workday = chinese_calendar.is_workday(day)
        assert (code, line["open_now"], line["calendar"]) == (
            0 if is_workday else 1, is_workday, "verified",
        ), day  # fmt: skip


# --------------------------------------------------------------------------- jdhotline calendar


def test_calendar_lists_each_tier_and_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_official(monkeypatch)
    result = runner.invoke(cli.app, ["calendar", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "years": [
            {"first": None, "last": 2003, "calendar": "guessed", "source": "weekdays"},
            {"first": 2004, "last": 2026, "calendar": "verified", "source": "chinesecalendar"},
            {"first": 2027, "last": 2035, "calendar": "statutory", "source": "statutory"},
            {"first": 2036, "last": None, "calendar": "guessed", "source": "weekdays"},
        ],
        "upgrade_could_verify": 2027,
    }
    text = runner.invoke(cli.app, ["calendar", "--format", "markdown"]).stdout
    assert "- 2027–2035: statutory · statutory holidays by law, via python-holidays" in text
    assert "pip install -U chinesecalendar" in text
    text = runner.invoke(cli.app, ["calendar", "--format", "markdown", "--lang", "zh"]).stdout
    assert "- 2004–2026：已核实 · 国务院放假通知（日历数据 " in text
    assert "- 2036 年起：推算 · 周一至周五" in text


def test_calendar_names_a_declared_year_and_drops_the_upgrade_hint(
    tmp_path: Path, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_official(monkeypatch)
    data["calendar"] = {2027: {"holidays": ["2027-01-01"], "workdays": []}}
    path = write(tmp_path, data)
    result = runner.invoke(cli.app, ["calendar", "--catalog", str(path), "--format", "markdown"])
    assert f"- 2027: verified · your catalogue ({path}, calendar.2027)" in result.stdout
    assert "pip install" not in result.stdout
