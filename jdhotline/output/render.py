"""One view of each answer: what it says, in which order, decided once.

A view is a tuple of blocks (writers.py); the Rich writer and the Markdown writer
lay it out, and documents.py builds the JSON from the same words. Nothing here
calls back into the core: the recommendation, the call sheet and the follow-up
arrive worked out, and this module only words them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from jdhotline.catalogue import format_minutes
from jdhotline.i18n.words import checked, duration, holiday, listing, stamp, when, word

from .console import clean
from .writers import Note, Pairs, Para, Section, Span, Spans, View, spans

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue, Line, Scenario, Window
    from jdhotline.rules import Notice, Recommendation
    from jdhotline.schedule import LineStatus


# --------------------------------------------------------------------------- phrases


def window_text(window: Window) -> str:
    return f"{format_minutes(window.start)}–{format_minutes(window.end)}"


def hours_text(line: Line, lang: str) -> str:
    if line.hours.always:
        return word(lang, "hours.always")
    return word(lang, "hours." + line.hours.days, window=window_text(line.hours.window))


def state_text(status: LineStatus, lang: str) -> str:
    if status.open_now and status.next_change is None:
        return word(lang, "open_24h") + unverified(status, lang)
    if status.next_change is None:
        return word(lang, "never_opens") + unverified(status, lang)
    name = "closes_in" if status.open_now else "opens_in"
    if not status.open_now and status.day_off is not None:  # a day off, not evening
        name = "day_off.named" if status.day_off else "day_off"
    return word(
        lang,
        name,
        when=when(status.next_change, status.at, lang),
        left=duration(status.next_change - status.at, lang),
        holiday=holiday(status.day_off or "", lang),
        # One bracket, not two side by side: （还有 8 小时；仅计法定节假日，调休尚未公布）
        tier=unverified(status, lang, inside=True),
    )


def unverified(status: LineStatus, lang: str, *, inside: bool = False) -> str:
    """How sure the working days behind this answer are, when not verified: after a
    status, or inside its last bracket."""
    if status.calendar_verified:
        return ""
    return word(lang, f"tier.{status.calendar}" + (".in" if inside else ""))


def _end(moment: dt.datetime, at: dt.datetime, lang: str) -> str:
    if moment.hour == 0 and moment.minute == 0:
        return word(lang, "midnight")
    return when(moment, at, lang)


def best_text(status: LineStatus, lang: str) -> str:
    best = status.best_time
    if best is None:
        return word(lang, "never_opens")
    if best.start <= status.at:
        if best.end is None:
            return word(lang, "call_now_open")
        return word(lang, "call_now", end=_end(best.end, status.at, lang))
    start = when(best.start, status.at, lang)
    if best.end is None:
        window = word(lang, "best_from", start=start)
    else:
        if best.end.date() == best.start.date():
            end = best.end.strftime("%H:%M")
        elif best.end.hour == 0 and best.end.minute == 0:
            end = "24:00"
        else:
            end = when(best.end, status.at, lang)
        window = word(lang, "best_window", start=start, end=end)
    # Open now: say whether calling now is fine, and name the quieter window as better.
    if status.fine_until is not None:
        until = _end(status.fine_until, status.at, lang)
        # Fine until the line closes, or until its peak (a 24-hour line: not a closing).
        closes = status.fine_until == status.next_change
        fine = "best.fine_now" if closes else "best.fine_before_peak"
        return word(lang, fine, until=until, window=window)
    if status.open_now and status.peak is not None:
        return word(lang, "best.peak_now", window=window)
    return window


def wait_text(line: Line, lang: str) -> str | None:
    if line.wait_minutes is None:
        return None  # the guide gives none: say nothing rather than "not given"
    lo, hi = line.wait_minutes
    return word(lang, "wait_value", lo=lo, hi=hi)


def key_text(line: Line, scenario: Scenario | None, lang: str) -> str | None:
    """The menu key to press for this scenario, else the whole menu; None if there is none."""
    key = line.menu_key_for(scenario.id) if scenario is not None else None
    if key is not None:
        return word(lang, "press", key=key.key, label=key.label(lang))
    if line.menu:
        keys = [f"{k.key} {k.label(lang)}" for k in line.menu]
        return word(lang, "menu", menu=listing(keys, lang))
    return None


def time_line(at: dt.datetime, lang: str) -> str:
    text = word(lang, "time.at", stamp=stamp(at, lang), beijing=word(lang, "beijing"))
    local = at.astimezone()
    if local.utcoffset() != at.utcoffset():
        text += word(
            lang, "time.local", local=word(lang, "local"), stamp=stamp(local, lang),
            zone=local.tzname(),
        )  # fmt: skip
    return text


def source_text(line: Line, lang: str) -> str:
    """Where the line's facts come from; the guide's table named in the reader's language."""
    source = line.source
    guide, sep, table = source.partition(", table ")
    if sep:
        source = word(lang, "source.table", guide=guide, table=table)
    verified = word(lang, "verified", date=checked(line.verified_on, lang))
    return clean(word(lang, "source.line", source=word(lang, "source"), text=source,
                      verified=verified))  # fmt: skip


def label(lang: str, name: str) -> str:
    """A heading followed by its text on the same line: "Time: " / "时间："."""
    return word(lang, "label", name=word(lang, name))


# --------------------------------------------------------------------------- notices


def notice_text(notice: Notice, rec: Recommendation, catalogue: Catalogue, lang: str) -> str:
    """A warning, note or reason in words; empty if the catalogue has nothing to say."""
    line, code = notice.line, notice.code
    if code == "assistant":
        return catalogue.assistant(lang)
    if code == "buyer-question":
        return word(lang, "notice.buyer-question")
    if code.startswith("calendar-"):
        return word(lang, f"notice.{code}", years=listing([str(y) for y in notice.years], lang))
    if line is None:
        return ""
    if code == "plus-members-only":
        if line.non_member_reply:
            return word(
                lang, "notice.plus-members-only", number=line.number, reply=line.non_member_reply
            )
        return word(lang, "notice.plus-members-only.plain", number=line.number)
    if code == "primary-closed":
        if notice.other is not None:
            return word(
                lang,
                "notice.primary-closed.other",
                number=line.number,
                other=notice.other.number,
                other_name=notice.other.name(lang),
            )
        if notice.not_for_this:
            return word(
                lang,
                "notice.primary-closed.not-for-this",
                number=line.number,
                others=listing([x.number for x in notice.not_for_this], lang),
                online=line.online(lang),
            )
        return word(
            lang, "notice.primary-closed.none", number=line.number, online=line.online(lang)
        )
    if code == "merchant-line":
        return word(lang, "notice.merchant-line", number=line.number)
    if code == "unsure" and notice.scenario is not None:
        name = notice.scenario.name(lang)
        return word(lang, "notice.unsure", scenario=name, number=line.number, name=line.name(lang))
    if code == "peak":
        peak = rec.primary.peak
        return peak.note(lang) if peak is not None else ""
    if code in ("caution", "plus-expedite"):
        text = line.caution if code == "caution" else line.plus_tip
        return text(lang) if text is not None else ""
    if code in ("serves", "extension"):
        return word(lang, "reason." + code, scenario=rec.scenario.name(lang))
    if code == "general-line":
        return word(lang, "reason.general-line", audience=word(lang, "audience." + line.audience))
    if code in ("specialist", "members-line"):
        if line.why is None:
            return ""
        why = line.why(lang).rstrip("。.")
        return word(lang, "reason." + code, why=why, wait=wait_text(line, lang) or "")
    return ""


def notice_items(
    notices: Iterable[Notice], rec: Recommendation, catalogue: Catalogue, lang: str
) -> tuple[Spans, ...]:
    return tuple(spans(clean(t)) for n in notices if (t := notice_text(n, rec, catalogue, lang)))


# --------------------------------------------------------------------------- which

# What the first screen leaves to --full: the primary-closed warning is the status line
# itself, and the repair caution and the PLUS tip belong to the call, not to the choice.
_GLANCE_WARNINGS = (
    "unsure", "plus-members-only", "merchant-line", "peak", "calendar-statutory",
    "calendar-guessed",
)  # fmt: skip


def call_line(rec: Recommendation, lang: str) -> Spans:
    """What to dial, in the colour of its state, with the menu key: the answer's first line."""
    p = rec.primary
    line = p.line
    parts = [
        Span(word(lang, "call") + " ", "strong"),
        Span(line.number, "open" if p.open_now else "closed"),
    ]
    parts.append(Span("  " + clean(line.name(lang))))
    key = line.menu_key_for(rec.scenario.id)
    if key is not None:
        pressed = word(lang, "press", key=key.key, label=key.label(lang))
        parts += [Span(word(lang, "sep.clause")), Span(pressed, "strong")]
    return tuple(parts)


def state_line(rec: Recommendation, lang: str) -> Spans:
    """Open or closed, in words and colour; when closed, the line that is open now beside it."""
    p = rec.primary
    parts = [Span(state_text(p, lang), "good" if p.open_now else "bad")]
    if not p.open_now:
        # A Chinese sentence goes on after a comma; English sets the other line off with a dash.
        dash = word(lang, "sep.aside")
        other = next((alt for alt in rec.alternatives if alt.open_now), None)
        if other is not None:
            parts += [
                Span(dash + word(lang, "open_instead")),
                Span(other.line.number, "open"),
                Span(word(lang, "aside.name", name=clean(other.line.name(lang)))),
            ]
        else:
            parts.append(Span(dash + word(lang, "online_instead") + clean(p.line.online(lang))))
    return tuple(parts)


def _say(rec: Recommendation, catalogue: Catalogue, lang: str, full: bool) -> Section:
    """The sentence to say; in English, the Chinese one too (the agent speaks Chinese).

    At a glance, only the scenario's own example: the guide's general one is about a
    late parcel, which would mislead a caller about a broken TV. The guide's examples
    are about one case (a Midea fridge, order 12345), so their heading says to put in
    one's own details: a washing machine is not a fridge.
    """
    example = rec.example
    if example is None:
        return Section(word(lang, "say"), (spans(clean(catalogue.say.shape(lang))),), gap=full)
    items = [spans(clean(word(lang, "quoted", text=example(lang))))]
    if word(lang, "say_zh"):  # the agent speaks Chinese: the sentence in Chinese beside it
        items.append(spans(word(lang, "say_zh"), clean(word(lang, "quoted", text=example("zh")))))
    heading = "say.example.own" if rec.example_own else "say.example"
    return Section(word(lang, heading), tuple(items), gap=full)


def short(item: str) -> str:
    """A checklist item without where to find it: what to have, at a glance."""
    for mark in (" (", "(", "\uff08", ": ", ":", "\uff1a"):
        item = item.split(mark, 1)[0]
    return item


def _matched(words: Sequence[str]) -> list[str]:
    """Matched words without those inside a longer one (制冷 is in 不制冷)."""
    return [w for w in words if not any(w != other and w in other for other in words)]


def which_view(rec: Recommendation, catalogue: Catalogue, lang: str, *, full: bool) -> View:
    p = rec.primary
    line = p.line
    simple = any(n.code == "assistant" for n in rec.notes)
    blocks: list = []
    if simple:
        blocks.append(Para(spans(Span(word(lang, "assistant_first"), "strong"))))
    blocks.append(Para(call_line(rec, lang)))
    blocks.append(Para(state_line(rec, lang)))
    facts: list[tuple[str, Spans]] = [(word(lang, "best"), spans(best_text(p, lang)))]
    if line.dial_note is not None:
        facts.append((word(lang, "dial"), spans(clean(line.dial_note(lang)))))
    if full and line.menu:
        menu = listing([f"{k.key} {k.label(lang)}" for k in line.menu], lang)
        facts.append((word(lang, "menu.label"), spans(clean(menu))))
    if full:
        wait = _wait_or_peak(p, lang)
        if wait is not None:
            facts.append((word(lang, "wait"), spans(wait)))
        facts.append((word(lang, "online"), spans(clean(line.online(lang)))))
    blocks.append(Pairs(tuple(facts)))
    ready = [clean(i(lang)) for i in rec.checklist]
    blocks.append(
        Section(word(lang, "have_ready"), tuple(spans(r if full else short(r)) for r in ready))
    )
    blocks.append(_say(rec, catalogue, lang, full))
    warnings = rec.warnings if full else [n for n in rec.warnings if n.code in _GLANCE_WARNINGS]
    if not full:
        warnings = [n for n in warnings if n.code != "primary-closed"]
    blocks.append(
        Section(word(lang, "warnings"), notice_items(warnings, rec, catalogue, lang), True, full)
    )
    notes = (
        [n for n in rec.notes if not (simple and n.code == "assistant")]
        if not full
        else list(rec.notes)
    )
    if not full:
        # The buyer-question note: the footer already says who is answered. The PLUS tip
        # (报“PLUS 会员”可加急) is the one thing a member should say on that line: kept.
        notes = [n for n in notes if n.code == "plus-expedite"]
    blocks.append(Section(word(lang, "notes"), notice_items(notes, rec, catalogue, lang), gap=full))
    title = f"{word(lang, 'user.' + rec.answered_as)} · {clean(rec.scenario.name(lang))}"
    if not full:
        blocks.append(Note(f"{title} · {word(lang, 'more')}"))
        return drop_empty(blocks)
    tips = [t(lang) for t in (*rec.steps, *rec.on_the_call)]
    if rec.example is not None:  # the sentence is under "What to say" already: say it once
        tips = [t for t in tips if rec.example(lang) not in t]
    blocks += [
        Section(word(lang, "why"), notice_items(rec.reasons, rec, catalogue, lang)),
        Section(word(lang, "on_the_call"), tuple(spans(clean(t)) for t in tips)),
        Section(
            word(lang, "alternatives"),
            tuple(_alternative(alt, rec.scenario, lang) for alt in rec.alternatives),
        ),
    ]
    footer = [title]
    if rec.matched:
        footer.append(label(lang, "matched") + clean(listing(_matched(rec.matched), lang)))
    footer += [label(lang, "time") + time_line(rec.at, lang), source_text(line, lang)]
    blocks.append(Note("\n".join(footer)))
    return drop_empty(blocks)


def _wait_or_peak(status: LineStatus, lang: str) -> str | None:
    """In the peak, the peak: the guide's everyday figure does not hold then."""
    if status.peak is not None:
        return word(lang, "wait_peak", window=window_text(status.peak.window))
    return wait_text(status.line, lang)


def _alternative(status: LineStatus, scenario: Scenario, lang: str) -> Spans:
    line = status.line
    parts = [Span(line.number, "strong"), Span(" " + clean(line.name(lang)) + " · ")]
    parts.append(Span(state_text(status, lang), "good" if status.open_now else "bad"))
    if status.peak is not None:
        parts.append(Span(" · " + word(lang, "peak_now", window=window_text(status.peak.window))))
    wait = None if status.peak is not None else wait_text(line, lang)
    if wait is not None:
        parts.append(Span(f" · {word(lang, 'wait')} {wait}"))
    key = key_text(line, scenario, lang)
    extra = key or (line.dial_note(lang) if line.dial_note else None)
    if extra:
        parts.append(Span(" · " + clean(extra)))
    return tuple(parts)


def drop_empty(blocks: list) -> View:
    return tuple(b for b in blocks if not (isinstance(b, Section) and not b.items))
