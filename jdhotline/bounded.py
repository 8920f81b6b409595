"""Which regular expressions a catalogue may hold: those whose time is proven bounded.

Python's `re` backtracks: `(a|a){0,20}b` tries 2^20 ways at each a. A deny-list of
dangerous shapes missed some (a lookahead hid a nested repeat from the width check,
an atomic group was not looked into), so this is an allow-list, and a proof:

* Only these constructs: characters and classes (``a``, ``[0-9]``, ``\\d``, ``.``),
  groups ``(...)`` and ``(?:...)``, alternatives ``|``, repeats with a bound of at
  most MAX_REPEAT (``{0,20}``, ``?``; never ``*`` or ``+``), lookarounds ``(?=...)``,
  ``(?!...)``, ``(?<=...)``, ``(?<!...)``, and anchors (``^``, ``$``, ``\\b``, ``\\B``,
  ``\\A``, ``\\Z``). Refused: back-references, conditionals, atomic groups and
  possessive repeats (none is needed for a phrase).
* ``work()`` bounds the steps the matcher can take at one position of the text,
  backtracking included: a sequence multiplies the ways its parts can end, an
  alternative adds them, a repeat sums their powers, a lookaround costs its own
  work once. A pattern may take at most MAX_WORK; a search then takes at most
  MAX_WORK steps per character of the text, whatever the text.

tests/test_hostile3_catalogue.py checks the bound against a matcher that counts its
steps, on patterns drawn from this grammar.
"""

from __future__ import annotations

from typing import Any

try:  # re's own parser, private: typeshed has no types for it (ignores below)
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as c
    import sre_parse as parser

MAX_REPEAT = 20  # the most a pattern may repeat anything: {0,20}, never * or +
MAX_WIDTH = 60  # the longest text a pattern may match
# Steps at one position of the text, by work()'s count. The shipped patterns need at most
# 5,328 (kicked ... out of the promotion); together 49,625: the scenarios' cues 23,583 and
# the safety section's 26,042 (issue 19, fourth round). `(a|a){0,20}b` would need 2 million, three
# [0-9]{0,20} in a row 19,000.
MAX_WORK = 10_000
MAX_TOTAL_WORK = 50_000  # every pattern of a catalogue together
# What a proof written down (the shipped catalogue's JSON twin) was proven by: a twin
# proven under other limits or another count is proven again. Raise the count's number
# when work() changes.
PROOF = f"bounded/1 repeat {MAX_REPEAT} width {MAX_WIDTH} work {MAX_WORK}"

_IGNORECASE = 2  # re.IGNORECASE
_CHARS = {c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT}
_ASSERTS = {c.ASSERT, c.ASSERT_NOT}


class Unbounded(Exception):
    """Why a pattern is refused: a code of words_catalogue.py and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse(regex: str) -> Any:
    """The pattern's parse tree, the one re.compile builds (raises re.error): read once,
    both for the proof and for what compiling would refuse (checks.pattern)."""
    return parser.parse(regex)


def named_groups(parsed: Any) -> bool:
    """Whether the pattern names a group: (?P<x>...)."""
    return bool(parsed.state.groupdict)


def check(regex: str, parsed: Any = None) -> int:
    """The steps a pattern can take at one position; raise Unbounded unless it is made
    of allowed constructs, matches no empty text, at most MAX_WIDTH characters, in at
    most MAX_WORK steps a position. ``parsed``: its tree, if parse() has read it."""
    if parsed is None:
        parsed = parser.parse(regex)
    low, high = parsed.getwidth()
    if low == 0:  # `\b`, `(?=a)`, `a?`: an empty match, found everywhere
        raise Unbounded("pattern.empty_match")
    # Case folded anywhere ((?i), (?i:...)): a literal is more than one character then.
    fold = bool(parsed.state.flags & _IGNORECASE) or _folds(list(parsed))
    _, steps = work(list(parsed), fold)
    if high > MAX_WIDTH:
        raise Unbounded("pattern.too_wide", limit=MAX_WIDTH)
    if steps > MAX_WORK:
        raise Unbounded("pattern.too_costly", steps=f"{steps:,}", limit=f"{MAX_WORK:,}")
    return steps


def work(items: list[tuple[Any, Any]], fold: bool = False) -> tuple[int, int]:
    """(ends, steps) of a sequence: how many ways it can end, and the steps it can take
    from one position until all of them are tried. Raises Unbounded on a construct
    outside the allow-list."""
    ends, steps = 1, 0
    for op, arg in items:
        one_ends, one_steps = _one(op, arg, fold)
        steps = _cap(steps + ends * one_steps)  # entered once for every way before it ends
        ends = _cap(ends * one_ends)
    return ends, steps


def _branch(branches: list[list[tuple[Any, Any]]], fold: bool) -> tuple[int, int]:
    """Alternatives: at one position, those whose first character is another fail at
    once (one step), so `kicked|removed|pulled|…` costs its length, not its sum."""
    found = [(work(branch, fold), None if fold else _first(branch)) for branch in branches]
    known = {char for _, first in found if first for char in first[0]}
    ends = steps = 0
    for char in (*known, None):  # None: a character no alternative starts with
        here = [w for w, first in found if first is None or char in first[0]]
        missed = sum(first[1] for _, first in found if first and char not in first[0])
        ends = max(ends, sum(e for e, _ in here))
        steps = max(steps, sum(s for _, s in here) + missed + 1)
    return _cap(ends), _cap(steps)


def _first(items: list[tuple[Any, Any]]) -> tuple[frozenset[int], int] | None:
    """The characters a sequence can start with, and the steps it takes to fail on any
    other; None when it can start with any (or it is not known)."""
    if not items:
        return None
    op, arg = items[0]
    if op == c.LITERAL:
        return frozenset((arg,)), 1
    if op == c.IN and all(kind in (c.LITERAL, c.RANGE) for kind, _ in arg):
        chars: set[int] = set()
        for kind, value in arg:
            low, high = (value, value) if kind == c.LITERAL else value
            if high - low > 64:
                return None
            chars.update(range(low, high + 1))
        return frozenset(chars), 1
    if op == c.SUBPATTERN:
        return _first(list(arg[-1]))
    if op == c.BRANCH:
        firsts = [_first(list(branch)) for branch in arg[1]]
        if any(first is None for first in firsts):
            return None
        chars = set().union(*(first[0] for first in firsts if first))
        return frozenset(chars), 1 + sum(first[1] for first in firsts if first)
    if op in _REPEATS and arg[0] >= 1:
        first = _first(list(arg[2]))
        return None if first is None else (first[0], 1 + first[1])
    return None


def _folds(items: list[tuple[Any, Any]]) -> bool:
    """Whether a group inside folds case: (?i:...)."""
    for op, arg in items:
        if op == c.SUBPATTERN and (arg[1] & _IGNORECASE or _folds(list(arg[-1]))):
            return True
        if op == c.BRANCH and any(_folds(list(branch)) for branch in arg[1]):
            return True
        if op in _REPEATS and _folds(list(arg[2])):
            return True
        if op in _ASSERTS and _folds(list(arg[1])):
            return True
    return False


def _cap(n: int) -> int:
    """Anything over the limit is refused: counting on would only build huge numbers
    (((a|a){0,20}){0,20}... has 2^8000 ways)."""
    return min(n, MAX_WORK + 1)


def _one(op: Any, arg: Any, fold: bool) -> tuple[int, int]:
    if op in _CHARS or op == c.AT:
        return 1, 1
    if op == c.SUBPATTERN:
        return work(list(arg[-1]), fold)
    if op == c.BRANCH:
        return _branch([list(branch) for branch in arg[1]], fold)
    if op in _REPEATS:
        low, high, body = arg
        if high == c.MAXREPEAT or high > MAX_REPEAT:
            raise Unbounded("pattern.unbounded", limit=MAX_REPEAT, bound=f"{{0,{MAX_REPEAT}}}")
        body_ends, body_steps = work(list(body), fold)
        # The k-th pass is entered once for each way the k-1 before it end.
        ends = entered = 0
        power = 1  # body_ends ** k
        for k in range(high + 1):
            if k >= low:
                ends = _cap(ends + power)
            if k < high:
                entered = _cap(entered + power)
            power = _cap(power * body_ends)
        return ends, _cap(entered * body_steps + 1)
    if op in _ASSERTS:
        direction, body = arg
        if direction < 0 and body.getwidth()[0] != body.getwidth()[1]:
            # What re.compile refuses after parsing (the loader no longer compiles).
            raise Unbounded(
                "pattern.not_compile", detail="look-behind requires fixed-width pattern"
            )
        _, steps = work(list(body), fold)
        return 1, steps + 1  # a lookaround stops at its first match: one way on
    if op in (c.GROUPREF, c.GROUPREF_EXISTS):
        raise Unbounded("pattern.backref")
    raise Unbounded("pattern.construct", bound=f"{{0,{MAX_REPEAT}}}")
