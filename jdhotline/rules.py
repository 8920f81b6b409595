"""Who should call which line: (user type, scenario, moment) -> recommendation.

The guide's routing, expressed over the catalogue's data rather than line ids:

* a line's ``audience`` says who may call it (everyone, PLUS members, merchants);
* a line lists the ``scenarios`` it serves; a ``general`` line also takes any
  other question from its audience;
* a specialist line (serves the scenario, not general) comes first for every
  buyer, PLUS members included: the appliance line sends authorised
  technicians;
* a PLUS member's line comes next for a member, before the everyone-lines;
* a buyer asking a merchant question gets the merchant line, with a note; a
  merchant asking a buyer question gets a buyer's answer, with a note;
* each piece of the guide's advice (a line's tips, what to do on the call) is
  given only to the callers and for the scenarios it is written for (the
  catalogue says which, as ``users`` and ``scenarios``).
* a PLUS member's high-value appliance fault (the guide: 高客单价售后, 如万元电视故障)
  is high-value after-sales on the PLUS line, with the appliance line as the first
  alternative: the matcher gives a PLUS member's appliance evidence to high-value
  when the text also shows high value (the scenario's ``plus_absorbs``), and the
  absorbed scenario's own line is put first among the alternatives;
* from free text (``advise``), the matcher's candidates each lead to a line; when
  the best two lead to different lines and their scores are close (the runner-up
  has more than the model's ``unsure_ratio`` of the best score), the answer is not
  confident.

Pure functions: the moment is an argument and nothing is printed. What the
user reads is worded in render.py from the notice codes below (NOTICE_CODES).
"""

import datetime as dt
from typing import TYPE_CHECKING, Literal, NamedTuple, get_args

from .catalogue import Catalogue, Example, L10n, Line, MenuKey, Scenario, User, is_user
from .schedule import LineStatus, status
from .workdays import WorkCalendar

if TYPE_CHECKING:
    from .match import Match

# Every notice code, defined once: the type checker holds each Notice to them, and
# render.py's words are checked against them (tests/test_render.py).
WarningCode = Literal[
    "plus-members-only", "caution", "peak", "primary-closed", "calendar-statutory",
    "calendar-guessed", "calendar-upgrade", "merchant-line", "unsure",
]  # fmt: skip
NoteCode = Literal["buyer-question", "assistant", "plus-expedite"]
ReasonCode = Literal["serves", "extension", "specialist", "members-line", "general-line"]
NoticeCode = Literal[WarningCode, NoteCode, ReasonCode]
WARNING_CODES: tuple[WarningCode, ...] = get_args(WarningCode)
NOTE_CODES: tuple[NoteCode, ...] = get_args(NoteCode)
REASON_CODES: tuple[ReasonCode, ...] = get_args(ReasonCode)
NOTICE_CODES: tuple[NoticeCode, ...] = WARNING_CODES + NOTE_CODES + REASON_CODES


class NoLineError(LookupError):
    """The catalogue has no line this user may call for this scenario."""

    def __init__(self, user: str, scenario: str) -> None:
        self.user = user
        self.scenario = scenario
        super().__init__(f"no line in the catalogue serves {scenario!r} for a {user} user")


class Notice(NamedTuple):
    """Something to tell the user, worded by render.py: a warning, a note or a reason
    (WARNING_CODES, NOTE_CODES, REASON_CODES)."""

    code: NoticeCode
    line: Line | None = None
    other: Line | None = None  # primary-closed: the alternative open now, if any
    years: tuple[int, ...] = ()
    # primary-closed with no open alternative: the lines open now that do not take
    # this question (a merchant's, at night: the buyers' lines), to say they are not it.
    not_for_this: tuple[Line, ...] = ()
    scenario: Scenario | None = None  # unsure: the runner-up


class Candidate(NamedTuple):
    """A scenario the text may be about, the line it leads to and its evidence score."""

    scenario: Scenario
    line: Line
    score: float


class Recommendation(NamedTuple):
    user: User
    scenario: Scenario
    at: dt.datetime
    primary: LineStatus
    alternatives: tuple[LineStatus, ...]
    menu_key: MenuKey | None
    checklist: tuple[L10n, ...]
    matched: tuple[str, ...] = ()
    steps: tuple[L10n, ...] = ()  # the guide's steps for this line and scenario
    on_the_call: tuple[L10n, ...] = ()  # the guide's advice for the call, for this caller
    problem: str = ""  # the caller's own words the scenario was matched from
    warnings: tuple[Notice, ...] = ()
    notes: tuple[Notice, ...] = ()
    reasons: tuple[Notice, ...] = ()
    example: L10n | None = None  # the sentence to say for this user, scenario and object
    example_own: bool = False  # the sentence is jdhotline's own, in the guide's pattern
    candidates: tuple[Candidate, ...] = ()  # from free text, best first
    confident: bool = True

    @property
    def answered_as(self) -> User:
        """Whom the answer is for: a merchant's scenario is a merchant's answer, even when
        the words, not --merchant, said so (Notice "merchant-line"); a buyer's scenario
        asked with --merchant is a buyer's (Notice "buyer-question"), not a merchant's."""
        if self.scenario.audience == "merchants":
            return "merchant"
        return "regular" if self.user == "merchant" else self.user


def calendar_of(catalogue: Catalogue) -> WorkCalendar:
    return WorkCalendar(
        catalogue.extra_holidays, catalogue.extra_workdays, catalogue.calendar_years
    )


def calendar_notices(statuses: list[LineStatus], calendar: WorkCalendar) -> list[Notice]:
    """How sure the working days behind these answers are: a notice a tier, and whether
    upgrading chinesecalendar could make them sure."""
    guessed = sorted({year for s in statuses for year in s.guessed_years})
    statutory = sorted({year for s in statuses for year in s.unverified_years} - set(guessed))
    notices = []
    if statutory:
        notices.append(Notice("calendar-statutory", years=tuple(statutory)))
    if guessed:
        notices.append(Notice("calendar-guessed", years=tuple(guessed)))
    upgrade = tuple(y for y in sorted({*statutory, *guessed}) if calendar.upgrade_could_help(y))
    if upgrade:
        notices.append(Notice("calendar-upgrade", years=upgrade))
    return notices


def ranked_lines(catalogue: Catalogue, user: str, scenario: Scenario) -> list[tuple[int, Line]]:
    """The lines this user may call for this scenario, best first, with their tier."""
    who = _checked(user)
    tiers: list[tuple[int, int, Line]] = []
    for index, line in enumerate(catalogue.lines):
        tier = _tier(line, who, scenario)
        if tier is not None:
            tiers.append((tier, index, line))
    tiers.sort(key=lambda item: item[:2])
    return [(tier, line) for tier, _, line in tiers]


def _checked(user: str) -> User:
    """The user type, from a caller who may pass any text (the option, the web query)."""
    if not is_user(user):
        raise ValueError(f"unknown user type {user!r}")
    return user


def _tier(line: Line, user: User, scenario: Scenario) -> int | None:
    serves = scenario.id in line.scenarios
    if scenario.audience == "merchants":
        # Whoever asks, a merchant question goes to the merchants' lines first.
        if line.audience == "merchants":
            return 0 if serves else (1 if line.general else None)
        return 2 if serves and line.audience == "everyone" else None
    buyer = "plus" if user == "plus" else "regular"
    if line.audience == "plus":
        return 1 if buyer == "plus" and (serves or line.general) else None
    if line.audience == "everyone":
        if serves and not line.general:
            return 0  # a specialist line
        if serves:
            return 2 if buyer == "plus" else 1
        return 3 if line.general else None
    return None


def recommend(
    catalogue: Catalogue,
    user: str,
    scenario: Scenario,
    at: dt.datetime,
    *,
    matched: tuple[str, ...] = (),
    simple: bool = False,
    calendar: WorkCalendar | None = None,
    problem: str = "",
    absorbed: tuple[str, ...] = (),
    candidates: tuple[Candidate, ...] = (),
    confident: bool = True,
) -> Recommendation:
    ranked = ranked_lines(catalogue, user, scenario)
    if not ranked:
        raise NoLineError(user, scenario.id)
    # The lines of scenarios whose evidence this one absorbed come right after the first.
    for taken in reversed(absorbed):
        found = ranked_lines(catalogue, user, catalogue.scenario(taken))
        if found and found[0][1] != ranked[0][1]:
            first = found[0][1]
            rest = [item for item in ranked[1:] if item[1] != first]
            ranked = [ranked[0], (found[0][0], first), *rest]
    calendar = calendar or calendar_of(catalogue)
    statuses = [status(line, at, calendar) for _, line in ranked]
    primary, alternatives = statuses[0], statuses[1:]
    first_tier, line = ranked[0]

    reasons = [Notice("serves" if scenario.id in line.scenarios else "general-line", line)]
    if scenario.id in line.extends:
        reasons.append(Notice("extension", line))
    if first_tier == 0 and user == "plus" and scenario.audience == "buyers":
        reasons.append(Notice("specialist", line))
    if line.audience == "plus":
        reasons.append(Notice("members-line", line))

    warnings: list[Notice] = []
    notes: list[Notice] = []
    if not confident and len(candidates) > 1:
        other = candidates[1]
        warnings.append(Notice("unsure", other.line, scenario=other.scenario))
    if user == "merchant" and scenario.audience == "buyers":
        notes.append(Notice("buyer-question"))
    if user != "merchant" and scenario.audience == "merchants":
        warnings.append(Notice("merchant-line", line))
    if user == "regular" and scenario.audience == "buyers":
        for plus_line in catalogue.lines:
            if plus_line.audience == "plus" and scenario.id in plus_line.scenarios:
                warnings.append(Notice("plus-members-only", plus_line))
    if line.caution is not None:
        warnings.append(Notice("caution", line))
    if primary.peak is not None:
        warnings.append(Notice("peak", line))
    if not primary.open_now:
        open_now = next((alt.line for alt in alternatives if alt.open_now), None)
        others: tuple[Line, ...] = ()
        if open_now is None:
            ranked_ids = {ranked_line.id for _, ranked_line in ranked}
            others = tuple(
                s.line
                for s in line_statuses(catalogue, at, calendar)
                if s.open_now and s.line.id not in ranked_ids
            )
        warnings.append(Notice("primary-closed", line, other=open_now, not_for_this=others))
    warnings += calendar_notices(statuses, calendar)
    if user == "plus" and line.plus_tip is not None:
        notes.append(Notice("plus-expedite", line))
    if simple:
        notes.append(Notice("assistant"))

    example, example_own = choose_example(scenario, user, matched)
    chosen = _example_for(scenario, matched)
    return Recommendation(
        user=_checked(user),
        scenario=scenario,
        at=primary.at,
        primary=primary,
        alternatives=tuple(alternatives),
        menu_key=line.menu_key_for(scenario.id),
        checklist=(chosen.prepare if chosen is not None else ()) or scenario.prepare,
        matched=matched,
        steps=tuple(tip.text for tip in line.tips if tip.applies_to(scenario.id, user)),
        on_the_call=tuple(
            tip.text for tip in catalogue.say.on_the_call if tip.applies_to(scenario.id, user)
        ),
        problem=problem,
        warnings=tuple(warnings),
        notes=tuple(notes),
        reasons=tuple(reasons),
        example=example,
        example_own=example_own,
        candidates=candidates,
        confident=confident,
    )


def choose_example(
    scenario: Scenario, user: str, matched: tuple[str, ...]
) -> tuple[L10n | None, bool]:
    """The sentence to say, and whether it is jdhotline's own: the scenario's example for
    the object or problem the words named (电视黑屏: a TV's, not the guide's fridge), else
    the one for a problem no cue names; with no words (a scenario chosen by id), the
    scenario's ``example``. The guide's general late-shipping sentence is no scenario's:
    a scenario without one gets the shape alone, in the short answer and in --full."""
    found = _example_for(scenario, matched)
    if found is not None:
        if user == "plus" and found.plus is not None:
            return found.plus, found.own
        return found.text, found.own
    if user == "plus" and scenario.plus_example is not None:
        return scenario.plus_example, False
    return scenario.example, scenario.example_own


def _example_for(scenario: Scenario, matched: tuple[str, ...]) -> Example | None:
    """The scenario's example for the object or problem the words named, else the one for
    a problem no cue names; none with no words or no such example. Its ``prepare``, if
    any, is what to have ready instead of the scenario's (a refund not arrived needs no
    photo of damage)."""
    said = {word.casefold() for word in matched}
    if not said:
        return None
    found = next((e for e in scenario.examples if said & {c.casefold() for c in e.cues}), None)
    return found or next((e for e in scenario.examples if not e.cues), None)


def candidates(
    catalogue: Catalogue, user: str, ranked: "list[Match]"
) -> tuple[tuple[Candidate, ...], bool]:
    """Each matched scenario with the line it leads to, best first, and whether the best
    is clear: it is not when the runner-up leads elsewhere with a close score."""
    found: list[Candidate] = []
    for match in ranked:
        lines = ranked_lines(catalogue, user, match.scenario)
        if lines:
            found.append(Candidate(match.scenario, lines[0][1], match.score))
    if not found:
        return (), True
    best = found[0]
    taken = set(ranked[0].absorbed) if ranked else set()
    rivals = [c for c in found[1:] if c.scenario.id not in taken]
    # The runner-up shown is the best rival on another line, absorbed ones aside.
    rival = next((c for c in rivals if c.line != best.line), None)
    confident = rival is None or rival.score <= catalogue.model.unsure_ratio * best.score
    ordered = [best, *([rival] if rival else []), *(c for c in found[1:] if c is not rival)]
    return tuple(ordered), confident


def advise(
    catalogue: Catalogue,
    user: str,
    text: str,
    at: dt.datetime,
    *,
    scenario: Scenario | None = None,
    calendar: WorkCalendar | None = None,
) -> Recommendation | None:
    """Free text (and perhaps a chosen scenario) to a recommendation; None if nothing
    matched and no scenario was chosen. The CLI's `which` and bench/accuracy.py both
    come this way."""
    ranked: list[Match] = []
    if text:
        from .match import rank  # only free text needs the matcher

        ranked = rank(catalogue, text, user)
    hit = next((m for m in ranked if scenario is None or m.scenario.id == scenario.id), None)
    if hit is None:
        if scenario is None:
            return None
        return recommend(catalogue, user, scenario, at, calendar=calendar, problem=text)
    found, confident = candidates(catalogue, user, ranked) if scenario is None else ((), True)
    return recommend(
        catalogue,
        user,
        hit.scenario,
        at,
        matched=hit.words,
        simple=hit.simple,
        calendar=calendar,
        absorbed=hit.absorbed,
        candidates=found,
        confident=confident,
        problem=text,
    )


def line_statuses(
    catalogue: Catalogue, at: dt.datetime, calendar: WorkCalendar | None = None
) -> list[LineStatus]:
    """Every line's status at one moment (for `open` and `table`)."""
    calendar = calendar or calendar_of(catalogue)
    return [status(line, at, calendar) for line in catalogue.lines]
