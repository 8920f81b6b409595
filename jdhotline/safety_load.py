"""The catalogue's `safety:` section, checked: every sentence has a source, every source
its publisher and address, every number beyond the guide's four its source.

Apart from load.py (which calls ``section``) so the loader stays one concern a file;
the way back, for the tests, is tests/dump.py. Nothing here prints.
"""

from __future__ import annotations

from typing import Any

from .catalogue import Ask, OfficialNumber, Safety, SafetySentence, Source
from .checks import Checks, _join

# The kinds of ask a cue or a sentence may name (safety.py reads them, render_safety.py
# words them): each is one thing the police and JD notices describe the scam asking.
KINDS = (
    "close-credit",  # close or cancel 白条 / 金条 / 校园贷, or the credit record suffers
    "compensation",  # a refund or compensation paid by the caller, not through the order
    "screen",  # a screen-sharing or meeting app
    "code",  # a verification code
    "transfer",  # money to a "safe account"
    "loan",  # borrowing to "clear" a limit
    "link",  # a link or QR code to "customer service"
    "frozen",  # the account will be frozen, a fee charged, unless...
    "call-back",  # a number of the caller's own to call back (no sentence names it alone)
)


def section(checks: Checks, value: Any, lines: tuple[str, ...]) -> Safety:
    """The `safety:` mapping; ``lines`` are the catalogue's line numbers (digits), which
    an `official` number may not repeat. Its patterns count against the catalogue's one
    budget of steps (bounded.MAX_TOTAL_WORK)."""
    where = "safety"
    data = checks.mapping(
        value,
        where,
        ("sources", "sentences", "claim", "asks"),
        ("innocent", "threshold", "official", "check"),
    )
    sources = checks.list_of(
        data["sources"], _join(where, "sources"), lambda v, w: _source(checks, v, w)
    )
    checks.unique([s.id for s in sources], _join(where, "sources"))
    known = {s.id for s in sources}
    sentences = checks.list_of(
        data["sentences"], _join(where, "sentences"), lambda v, w: _sentence(checks, v, w, known)
    )
    checks.unique([s.id for s in sentences], _join(where, "sentences"))
    asks = checks.list_of(data["asks"], _join(where, "asks"), lambda v, w: _ask(checks, v, w))
    checks.unique([a.kind for a in asks], _join(where, "asks"), "kind")
    official = checks.list_of(
        data.get("official") or [],
        _join(where, "official"),
        lambda v, w: _official(checks, v, w, known),
    )
    for i, number in enumerate(official):
        if number.digits in lines:
            raise checks.fail(
                f"{where}.official[{i}].number", "safety.repeats_line", text=number.number
            )
    check = checks.list_of(data.get("check") or [], _join(where, "check"), checks.ident)
    checks.known(check, _join(where, "check"), {s.id for s in sentences})
    threshold = data.get("threshold", 2.0)
    return Safety(
        sources=sources,
        sentences=sentences,
        claim=checks.list_of(data["claim"], _join(where, "claim"), checks.pattern),
        asks=asks,
        innocent=checks.list_of(
            data.get("innocent") or [], _join(where, "innocent"), checks.pattern
        ),
        threshold=checks.weight(threshold, _join(where, "threshold")),
        official=official,
        check=check,
    )


def _source(checks: Checks, value: Any, where: str) -> Source:
    data = checks.mapping(value, where, ("id", "title", "publisher", "date", "url"), ("note",))
    at = lambda key: _join(where, key)  # noqa: E731
    title, published = data["title"], data["date"]
    note = checks.text(data["note"], at("note")) if data.get("note") is not None else None
    # A title or a date the stored copy does not show is written null, and said why:
    # never guessed.
    for key, given in (("title", title), ("date", published)):
        if given is None and note is None:
            raise checks.fail(at(key), "safety.unexplained_null")
    url = checks.text(data["url"], at("url"))
    if not url.startswith(("https://", "http://")):
        raise checks.fail(at("url"), "safety.not_url", text=url)
    return Source(
        id=checks.ident(data["id"], at("id")),
        title=checks.text(title, at("title")) if title is not None else None,
        publisher=checks.text(data["publisher"], at("publisher")),
        published=checks.date(published, at("date")) if published is not None else None,
        url=url,
        note=note,
    )


def _source_ids(checks: Checks, value: Any, where: str, known: set[str]) -> tuple[str, ...]:
    """`source: id` or `source: [id, ...]`: at least one, each a source listed above."""
    ids = [value] if isinstance(value, str) else value
    if not isinstance(ids, list) or not ids:
        raise checks.fail(where, "safety.no_source")
    found = checks.list_of(ids, where, checks.ident)
    checks.known(found, where, known)
    return found


def _sentence(checks: Checks, value: Any, where: str, known: set[str]) -> SafetySentence:
    if isinstance(value, dict) and "source" not in value:
        raise checks.fail(_join(where, "source"), "safety.no_source")
    data = checks.mapping(
        value, where, ("id", "zh", "en", "source", "verified_on"), ("kinds", "lines")
    )
    return SafetySentence(
        id=checks.ident(data["id"], _join(where, "id")),
        text=checks.l10n({"zh": data["zh"], "en": data["en"]}, where),
        sources=_source_ids(checks, data["source"], _join(where, "source"), known),
        verified_on=checks.date(data["verified_on"], _join(where, "verified_on")),
        kinds=checks.list_of(
            data.get("kinds") or [], _join(where, "kinds"), lambda v, w: checks.choice(v, w, KINDS)
        ),
        lines=checks.boolean(data.get("lines", False), _join(where, "lines")),
    )


def _ask(checks: Checks, value: Any, where: str) -> Ask:
    data = checks.mapping(value, where, ("kind", "patterns"))
    patterns = checks.list_of(data["patterns"], _join(where, "patterns"), checks.pattern)
    if not patterns:
        raise checks.fail(_join(where, "patterns"), "empty_list", key="patterns")
    return Ask(kind=checks.choice(data["kind"], _join(where, "kind"), KINDS), patterns=patterns)


def _official(checks: Checks, value: Any, where: str, known: set[str]) -> OfficialNumber:
    if isinstance(value, dict) and "source" not in value:
        raise checks.fail(_join(where, "source"), "safety.no_source")
    data = checks.mapping(value, where, ("number", "name", "source", "verified_on"))
    number = checks.quoted_digits(data["number"], _join(where, "number"))
    return OfficialNumber(
        number=number,
        name=checks.l10n(data["name"], _join(where, "name")),
        sources=_source_ids(checks, data["source"], _join(where, "source"), known),
        verified_on=checks.date(data["verified_on"], _join(where, "verified_on")),
    )
