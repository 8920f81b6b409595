from __future__ import annotations

import pytest

from jdhotline.catalogue import Catalogue
from jdhotline.rules import USER_TYPES, NoLineError, Recommendation, recommend

from .conftest import bj, build, line_data

BUYER = ["order", "after-sales", "dispute", "account", "membership", "high-value"]
MERCHANT = ["store-violation", "campaign", "malicious-refund"]
NOON = "2026-11-27 12:00"  # a Friday: every line open

# (user, scenario) -> (primary, alternatives, menu key): the guide's routing.
EXPECTED: dict[tuple[str, str], tuple[str, list[str], str | None]] = {}
for s in BUYER:
    key = {"order": "1", "after-sales": "2", "dispute": "2"}.get(s)
    EXPECTED["regular", s] = ("regular", [], key)
    EXPECTED["merchant", s] = ("regular", [], key)
    EXPECTED["plus", s] = ("plus", ["regular"], None)
for user in USER_TYPES:
    for s in MERCHANT:
        EXPECTED[user, s] = ("merchant", [], None)
EXPECTED["regular", "appliance"] = ("appliance", ["regular"], None)
EXPECTED["merchant", "appliance"] = ("appliance", ["regular"], None)
EXPECTED["plus", "appliance"] = ("appliance", ["plus", "regular"], None)


def rec(catalogue: Catalogue, user: str, scenario: str, moment: str = NOON, **kw) -> Recommendation:
    return recommend(catalogue, user, catalogue.scenario(scenario), bj(moment), **kw)


def codes(notices) -> list[str]:
    return [n.code for n in notices]


def test_every_user_and_scenario_is_covered(catalogue: Catalogue) -> None:
    assert set(EXPECTED) == {(u, s.id) for u in USER_TYPES for s in catalogue.scenarios}


@pytest.mark.parametrize(("user", "scenario"), sorted(EXPECTED))
def test_routing(catalogue: Catalogue, user: str, scenario: str) -> None:
    primary, alternatives, key = EXPECTED[user, scenario]
    r = rec(catalogue, user, scenario)
    assert r.primary.line.id == primary
    assert [a.line.id for a in r.alternatives] == alternatives
    assert (r.menu_key.key if r.menu_key else None) == key
    assert r.checklist == catalogue.scenario(scenario).prepare
    buyer_question = user == "merchant" and scenario not in MERCHANT
    assert ("buyer-question" in codes(r.notes)) == buyer_question
    assert ("merchant-line" in codes(r.warnings)) == (user != "merchant" and scenario in MERCHANT)


def test_plus_member_with_appliance(catalogue: Catalogue) -> None:
    r = rec(catalogue, "plus", "appliance")
    assert codes(r.reasons) == ["serves", "specialist"]
    assert "plus-expedite" in codes(r.notes)
    assert "caution" in codes(r.warnings)  # never an unofficial repairer
    assert "plus-members-only" not in codes(r.warnings)


def test_plus_line_warning_for_non_members(catalogue: Catalogue) -> None:
    for scenario in ("dispute", "high-value", "membership"):
        assert "plus-members-only" in codes(rec(catalogue, "regular", scenario).warnings)
    for scenario in ("order", "after-sales", "account"):
        assert "plus-members-only" not in codes(rec(catalogue, "regular", scenario).warnings)
    assert "plus-members-only" not in codes(rec(catalogue, "plus", "dispute").warnings)


def test_plus_member_reasons(catalogue: Catalogue) -> None:
    assert codes(rec(catalogue, "plus", "dispute").reasons) == ["serves", "members-line"]
    assert codes(rec(catalogue, "plus", "order").reasons) == ["general-line", "members-line"]


def test_evening_peak(catalogue: Catalogue) -> None:
    assert "peak" in codes(rec(catalogue, "regular", "order", "2026-11-27 20:00").warnings)
    assert "peak" not in codes(rec(catalogue, "regular", "order", "2026-11-27 23:00").warnings)
    assert "peak" not in codes(rec(catalogue, "plus", "order", "2026-11-27 20:00").warnings)


def test_closed_primary_names_the_open_alternative(catalogue: Catalogue) -> None:
    r = rec(catalogue, "regular", "appliance", "2026-11-27 22:00")
    closed = [n for n in r.warnings if n.code == "primary-closed"]
    assert len(closed) == 1 and closed[0].other is not None and closed[0].other.id == "regular"
    r = rec(catalogue, "plus", "appliance", "2026-11-27 22:00")
    assert next(n for n in r.warnings if n.code == "primary-closed").other.id == "plus"  # type: ignore[union-attr]
    r = rec(catalogue, "merchant", "campaign", "2026-11-28 10:00")
    closed = [n for n in r.warnings if n.code == "primary-closed"]
    assert len(closed) == 1 and closed[0].other is None
    assert "primary-closed" not in codes(rec(catalogue, "regular", "appliance").warnings)


@pytest.mark.calendar
def test_unverified_calendar_is_a_warning(catalogue: Catalogue, calendar_ends_2026: None) -> None:
    r = rec(catalogue, "merchant", "campaign", "2027-03-01 10:00")
    notice = next(n for n in r.warnings if n.code == "calendar-unverified")
    assert notice.years == (2027,)
    assert "calendar-unverified" not in codes(rec(catalogue, "merchant", "campaign").warnings)


def test_simple_question_note(catalogue: Catalogue) -> None:
    assert "assistant" in codes(rec(catalogue, "regular", "order", simple=True).notes)
    assert "assistant" not in codes(rec(catalogue, "regular", "order").notes)


def test_no_line_is_a_documented_refusal(data) -> None:
    # A catalogue whose only line for "membership" is for PLUS members.
    line_data(data, "regular")["scenarios"].remove("membership")
    line_data(data, "regular")["general"] = False
    catalogue = build(data)
    with pytest.raises(NoLineError):
        recommend(catalogue, "regular", catalogue.scenario("membership"), bj(NOON))
    assert (
        recommend(catalogue, "plus", catalogue.scenario("membership"), bj(NOON)).primary.line.id
        == "plus"
    )
