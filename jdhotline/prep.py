"""Before the call: the facts a scenario needs, which are missing, and checks on them.

The guide: callers with their order number and model ready spend 55 % less time
on the call. Pure functions; dates are resolved against a day passed in.
"""

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING, Any, NamedTuple

from .catalogue import Catalogue, Scenario
from .errors import Problem

if TYPE_CHECKING:
    from .case import Case
    from .rules import Recommendation


# The facts a caller gives, in the order a call sheet shows them back (已有 / You have).
GIVEN = ("model", "fault", "order", "phone", "shop", "ordered", "bought", "want")


class Facts(NamedTuple):
    """What the caller knows; None where not given."""

    problem: str | None = None  # the free text of `prep PROBLEM...`, or typed at the prompt
    shop: str | None = None  # a merchant's shop ID (店铺 ID)
    order: str | None = None
    phone: str | None = None  # the receiving phone's last 4 digits (收货手机尾号)
    ordered: dt.date | None = None
    model: str | None = None
    bought: dt.date | None = None
    fault: str | None = None
    want: str | None = None
    evidence: tuple[str, ...] = ()

    @property
    def what_is_wrong(self) -> str | None:
        return self.fault or self.problem

    def has(self, fact: str) -> bool:
        if fact == "fault":
            return bool(self.what_is_wrong)
        if fact == "order" and self.phone:
            return True  # the guide: the order number, or the receiving phone's last 4 digits
        return getattr(self, fact) not in (None, "")

    def with_(self, **changes: Any) -> "Facts":  # Any: each field has its own type
        return self._replace(**changes)


# A fact that stands in for another when the caller does not have it: asked next
# when the first is skipped at the prompt.
INSTEAD = {"order": "phone"}

# The words printed in the suggested `case add` line where the caller's own answers go.
# Written <like this>, a shell refuses to run the line as it is (`<` reads a file), and
# the words themselves are refused as values (check_not_placeholder).
PLACEHOLDERS = {"--agent": "<工号>", "--ticket": "<服务单号>", "--promise": "<时限>"}
_PLACEHOLDER_WORDS = {word.strip("<>") for word in PLACEHOLDERS.values()}


def missing(scenario: Scenario, facts: Facts) -> tuple[str, ...]:
    """The facts this scenario needs that the caller has not given, in the scenario's order."""
    return tuple(fact for fact in scenario.needs if not facts.has(fact))


def to_ask(scenario: Scenario, facts: Facts) -> tuple[str, ...]:
    """What the interview asks: the missing facts and, right after the order number, the
    order date, though the sheet never lists it as missing.

    The date is the time in the guide's sentence ("10 月 10 日下单(订单号 123)……"), so
    a buyer calling about an order is asked it even where the guide does not count it
    among the must-haves. Not where a purchase date is asked or given (the sentence
    gives that one), nor of a merchant (the buyer's order is told by its number).
    """
    asked = list(missing(scenario, facts))
    wanted = (
        scenario.audience == "buyers"
        and "order" in scenario.needs
        and not {"ordered", "bought"} & set(scenario.needs)
        and not facts.has("ordered")
        and not facts.has("bought")
    )
    if wanted:
        place = scenario.needs.index("order")  # after the order, asked or given
        asked.insert(sum(scenario.needs.index(f) <= place for f in asked), "ordered")
    return tuple(asked)


def check_not_placeholder(text: str) -> str:
    """Refuse the printed line's placeholder words (工号, <工号> ...) as a value."""
    if text.strip().strip("<>").strip() in _PLACEHOLDER_WORDS:
        raise Problem("fact.placeholder", text=text)
    return text


def check_identifier(text: str) -> str:
    """An agent's ID or a ticket: a sane length (20,000 digits took seconds to wrap)."""
    if len(text) > MAX_IDENTIFIER:
        raise Problem("fact.id_long", length=f"{len(text):,}", limit=MAX_IDENTIFIER)
    return text


MAX_IDENTIFIER = 60  # characters: 工号 00123 and 维修 12345 have a few


def parse_phone(text: str) -> str:
    """The receiving phone's last 4 digits (the guide: 收货手机号后 4 位)."""
    digits = re.sub(r"\s", "", text)
    if len(digits) != 4 or not digits.isdigit() or not digits.isascii():
        raise Problem("fact.phone", text=text)
    return digits


def parse_shop(text: str) -> str:
    """A shop ID as the merchant gives it (the guide says nothing of its form)."""
    value = text.strip()
    if not value or any(ch.isspace() for ch in value):
        raise Problem("fact.shop", text=text)
    return value


def parse_order(text: str) -> str:
    """An order number: digits only, spaces and dashes allowed in between (full-width too)."""
    digits = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", text))
    if not digits.isdigit() or not digits.isascii():
        raise Problem("fact.order", text=text)
    if len(digits) > MAX_ORDER:  # 30,000 digits took seconds to wrap in every view
        raise Problem("fact.order_long", length=f"{len(digits):,}", limit=MAX_ORDER)
    return digits


MAX_ORDER = 40  # digits: a JD order number has 12 or so

# An order number typed into the problem itself, as a helper does on a phone
# ("我的订单号是 312345678901 一直不发货", "order #312345678901"): 10 to 40 digits just
# after 订单 / order. A number with no such word before it is left alone (a phone
# number, a price), and so are two different ones (not ours to pick).
_ORDER_IN_TEXT = re.compile(
    r"(?:订单(?:编号|号码|号)?|order(?:\s*(?:no\.?|number|#))?)\s*[:#是为]?\s*#?\s*"
    rf"([0-9]{{10,{MAX_ORDER}}})(?![0-9])",  # ASCII digits, as parse_order takes
    re.IGNORECASE,
)


def order_in(text: str | None) -> str | None:
    """The one order number a problem's own words give, or None."""
    if not text:
        return None
    found = {m.group(1) for m in _ORDER_IN_TEXT.finditer(unicodedata.normalize("NFKC", text))}
    return found.pop() if len(found) == 1 else None


def parse_day(text: str, today: dt.date) -> dt.date:
    """A past date: 2026-10-10, or 10-10 for the most recent 10 October up to ``today``.

    Orders and purchases are in the past: a date after ``today`` is refused.
    """
    value = text.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        year, month, day = (int(part) for part in value.split("-"))
        try:
            found = dt.date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found > today:
            raise Problem("fact.future_day", text=text, today=today.isoformat())
        if found is not None:
            return found
    elif re.fullmatch(r"\d{1,2}-\d{1,2}", value):
        month, day = (int(part) for part in value.split("-"))
        for back in range(9):  # 29 February comes back within 8 years
            try:
                found = dt.date(today.year - back, month, day)
            except ValueError:
                continue
            if found <= today:
                return found
    raise Problem("fact.day", text=text)


class CallSheet(NamedTuple):
    """Everything `prep` prints, worked out before anything is worded."""

    rec: "Recommendation"
    facts: Facts
    missing: tuple[str, ...]  # fact ids, in the scenario's order
    opening: str | None  # the first sentence, in the answer's language
    opening_zh: str | None  # the same in Chinese: the agent speaks Chinese
    open_cases: "tuple[Case, ...]" = ()

    def to_find(self, catalogue: Catalogue, lang: str) -> "list[ToFind]":
        """Each missing fact with its name and where this caller finds it, in ``lang``:
        the one look-up behind the printed sheet and its JSON."""
        found = []
        for fact in self.missing:
            described = catalogue.fact(fact)
            if described is None:  # a fact the catalogue does not describe: its id
                found.append(ToFind(fact, fact, ""))
            else:
                where = described.where_for(self.rec.scenario.audience)
                found.append(ToFind(fact, described.name(lang), where(lang)))
        return found


class ToFind(NamedTuple):
    """A fact the call needs and the caller has not given (prep's 还缺 / Missing)."""

    fact: str  # its id
    name: str
    where: str  # where to find it; "" where the catalogue does not say
