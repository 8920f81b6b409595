"""Issue 20, round three of bad input: the catalogue, its patterns, and long texts.

Each point through the command line: one line and exit 3 for a catalogue that crashed
the loader, patterns that could run away refused, a cap on the problem text, and
only its start matched. The property test at the end checks bounded.py's count of the
steps against a matcher that counts its own, on patterns drawn from the grammar the
validator accepts: deterministic, no clock. Speed is measured in bench/hostile.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jdhotline import bounded
from jdhotline.cli import commands as cli
from jdhotline.cli.asking import MAX_STDIN
from jdhotline.match import READ

from .conftest import SHIPPED, examples

runner = CliRunner()
AT = ["--at", "2026-11-27T10:00"]


CUES = SHIPPED.with_name("cues.yaml")


def shipped(path: Path = SHIPPED) -> str:
    return path.read_text(encoding="utf-8")


def changed(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped catalogue with its first ``old`` replaced; or the shipped cues, given
    as the user's own (--cues), when ``old`` is one of the matcher's cues."""
    source = SHIPPED if old in shipped() else CUES
    text = shipped(source)
    assert old in text, old
    path = tmp_path / ("mine.yaml" if source == SHIPPED else "mine-cues.yaml")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def refused(path: Path, *args: str, lang: str = "en") -> str:
    """The one line a broken catalogue or cues file gives (exit 3, nothing on stdout)."""
    option = "--cues" if path.name.endswith("-cues.yaml") else "--catalog"
    result = runner.invoke(
        cli.app, [*(args or ("which", "查物流")), option, str(path), "--lang", lang, *AT]
    )
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines  # the problem, and what to do
    return lines[0]


VERIFIED = 'verified_on: "2026-11-27"'


# ---------------------------------------------------------------- 1. loader crashes


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (VERIFIED, "verified_on: 2026-02-30", "2026-02-30"),
        (VERIFIED, "verified_on: 2026-13-45", "2026-13-45"),
        (VERIFIED, "verified_on: 2026-01-01 25:00:00", "2026-01-01 25:00:00"),
        ("extra_holidays: []", "extra_holidays: [2026-02-29]", "2026-02-29"),
    ],
)
def test_an_impossible_date_is_exit_3_naming_it(
    tmp_path: Path, old: str, new: str, shown: str
) -> None:
    path = changed(tmp_path, old, new)
    line = refused(path)
    assert f"{shown} is no date or time in the calendar" in line
    assert re.search(r": line \d+, column \d+: ", line), line
    assert "不是日历上真实的日期" in refused(path, lang="zh")


def test_shell_completion_with_a_broken_catalogue_offers_nothing_and_no_traceback(
    tmp_path: Path,
) -> None:
    path = changed(tmp_path, VERIFIED, "verified_on: 2026-02-30")
    env = dict(
        os.environ, _JDHOTLINE_COMPLETE="complete_bash", COMP_WORDS="jdhotline which -s ",
        COMP_CWORD="3", JDHOTLINE_CATALOG=str(path),
    )  # fmt: skip
    installed = Path(sys.executable).with_name("jdhotline")  # the console script bash completes
    result = subprocess.run(
        [installed], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.split() == []


def test_an_integer_of_5000_digits_is_exit_3(tmp_path: Path) -> None:
    line = refused(changed(tmp_path, "version: 1", "version: " + "9" * 5000))
    assert "a number 5000 characters long" in line


@pytest.mark.parametrize(
    "tail",
    [
        "x: " + "{a: " * 999 + "1" + "}" * 999,
        "x: " + "{? " * 600 + "a" + " : 1}" * 600,
        "x: &x [*x]",
    ],
    ids=["999 nested mappings", "600 nested complex keys", "an alias inside itself"],
)
def test_deep_nesting_is_exit_3(tmp_path: Path, tail: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(shipped() + "\n" + tail + "\n", encoding="utf-8")
    assert "nested more than 32 levels deep" in refused(path)


@pytest.mark.parametrize("where", ["merchant_voice", "off_topic", "keywords"])
def test_a_keyword_that_nfkc_makes_too_long_is_exit_3(tmp_path: Path, where: str) -> None:
    """U+FDFA is one character that NFKC, as the matcher reads text, makes 18."""
    text = shipped(CUES)
    start = text.index(f"{where}:\n") if where != "keywords" else text.index("keywords:")
    head = text.index("zh: [", start) + len("zh: [")
    path = tmp_path / "mine-cues.yaml"
    path.write_text(text[:head] + "\ufdfa" * 60 + ", " + text[head:], encoding="utf-8")
    line = refused(path)
    assert "is 1080 characters as the matcher reads it" in line
    assert "a keyword may have at most 60" in line


# ---------------------------------------------------------------- 4. the problem on stdin


def test_a_problem_on_stdin_past_the_cap_is_refused_in_one_line() -> None:
    result = runner.invoke(cli.app, ["which", "-", *AT], input="\0" * (MAX_STDIN + 10))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "jdhotline: the problem on standard input is longer than 2,000,000 characters; "
        "give its first lines (only the first 5,000 characters are read anyway)"
    ]


def test_dev_zero_on_stdin_is_refused_not_read_forever() -> None:
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "jdhotline", "which", "-", *AT], stdin=zero,
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode == 2
    assert "longer than 2,000,000 characters" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- 9. patterns that run away


def pattern_line(tmp_path: Path, regex: str) -> str:
    old = "{regex: '[一二两三四五六七八九十几]万', weight: 2}"
    return refused(changed(tmp_path, old, "{regex: '" + regex + "', weight: 2}"))


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        ("(?=(?:(?:a{0,20}){0,20}){0,20}c)x", "could take 10,001 steps at each character"),
        ("(a|a){0,20}b", "could take 10,001 steps at each character"),
        ("(?=(?>a*)b)c", "uses a construct a catalogue pattern may not"),
        ("(?=(?:a*)b)c", "repeats without a bound"),
        ("(?=(?>a{0,3})b)c", "uses a construct a catalogue pattern may not"),
        ("a{0,3}+b", "uses a construct a catalogue pattern may not"),
        ("[0-9]{0,20}[0-9]{0,20}[0-9]{0,15}x", "could take 10,001 steps"),
        (r"\b", "matches the empty text"),
        ("(?=a)", "matches the empty text"),
        ("(?<=a)b?", "matches the empty text"),
    ],
)
def test_a_pattern_that_could_run_away_is_exit_3(tmp_path: Path, regex: str, expected: str) -> None:
    assert expected in pattern_line(tmp_path, regex)


def test_many_patterns_together_are_bounded_too(tmp_path: Path) -> None:
    many = "\n      - ".join(
        f"{{regex: '[0-9]{{0,20}}[a-z]{{0,20}}x{i}', weight: 2}}" for i in range(60)
    )
    old = "{regex: '[一二两三四五六七八九十几]万', weight: 2}"
    line = refused(changed(tmp_path, old, many))
    assert "the patterns so far could take more than 50,000 steps" in line


def test_the_shipped_patterns_are_within_the_bound() -> None:
    from jdhotline.load import load

    catalogue = load()
    steps = [bounded.check(p.regex) for s in catalogue.scenarios for p in s.patterns]
    assert steps and max(steps) <= bounded.MAX_WORK
    assert sum(steps) <= bounded.MAX_TOTAL_WORK


# ---------------------------------------------------------------- 10. order numbers


@pytest.mark.parametrize("command", [["case", "add", "--line", "regular"], ["prep", "查物流"]])
def test_an_order_number_of_30000_digits_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    result = runner.invoke(cli.app, [*command, *AT, "--order", "1" * 30_000])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == (
        "jdhotline: --order: an order number of 30,000 digits; an order number has at most 40"
    )


def test_a_20000_digit_note_is_shown_whole_and_wrapped_in_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted, not timed: every character Rich cleans, per character of the note. Each
    line once cut a copy of the whole text (20,000 digits: 4,000 times the note)."""
    import rich.text

    monkeypatch.setenv("JDHOTLINE_HOME", str(tmp_path))
    note = "1" * 20_000
    added = runner.invoke(cli.app, ["case", "add", "--line", "regular", *AT, "--note", note])
    assert added.exit_code == 0, added.output
    cleaned = 0
    clean = rich.text.strip_control_codes

    def counting(text: str) -> str:
        nonlocal cleaned
        cleaned += len(text)
        return clean(text)

    monkeypatch.setattr(rich.text, "strip_control_codes", counting)
    shown = runner.invoke(cli.app, ["case", "show", "1", *AT])
    assert shown.exit_code == 0, shown.output
    assert note in "".join(shown.stdout.split())
    assert cleaned < 10 * len(note), cleaned


# ---------------------------------------------------------------- 11. long catalogue texts


def test_a_100000_letter_line_name_is_exit_3(tmp_path: Path) -> None:
    path = changed(tmp_path, "en: Regular customer line", "en: " + "a" * 100_000)
    line = refused(path, "open", "regular")
    assert "hotlines[0].name.en: is 100000 characters; a catalogue text may have at most 1000" in (
        line
    )


# ---------------------------------------------------------------- 12. only the start is read


def test_a_long_problem_is_read_to_its_first_5000_characters_and_says_so() -> None:
    filler = "等了好几天还是没人联系我。" * 1000
    result = runner.invoke(
        cli.app, ["which", "-", *AT, "--format", "json"], input="我买的冰箱不制冷了，" + filler
    )
    assert result.exit_code == 0, result.output
    assert '"scenario": "appliance"' in result.stdout
    assert " ".join(result.stderr.split()) == (  # one note, wrapped as stdout is
        "Only the first 5,000 characters of the problem were read (it has 13,010): "
        "put what went wrong first."
    )
    late = runner.invoke(cli.app, ["which", "-", *AT], input="zq " * 2000 + "冰箱不制冷")
    assert late.exit_code == 2  # the fridge comes after the 5,000 characters read
    zh = runner.invoke(cli.app, ["which", "-", *AT, "--lang", "zh"], input="冰箱不制冷" + filler)
    assert "".join(zh.stderr.splitlines()) == (
        "问题太长，只读了前 5,000 个字符（共 13,005 个）：请把出了什么问题写在最前面。"
    )
    assert READ == 5_000


# ---------------------------------------------------------------- 16, 17, 18


@pytest.mark.parametrize("version", ["true", "1.0", '"1"'])
def test_version_must_be_the_integer_1(tmp_path: Path, version: str) -> None:
    line = refused(changed(tmp_path, "version: 1", f"version: {version}"))
    assert "version: " in line and "is not supported; expected 1" in line


def test_yaml_merge_keys_are_supported(tmp_path: Path) -> None:
    """`<<: {...}` merges a mapping; the entry's own keys win over the merged ones."""
    old = 'hours: {open: "09:00", close: "21:00", days: every-day}'
    new = '{<<: {open: "08:00", close: "21:00", days: every-day}, open: "09:00"}'
    path = changed(tmp_path, old, "hours: " + new)
    result = runner.invoke(cli.app, ["open", "appliance", "--catalog", str(path), *AT])
    assert result.exit_code == 0, result.output
    assert "closes 21:00" in result.stdout
    early = runner.invoke(
        cli.app, ["open", "appliance", "--catalog", str(path), "--at", "2026-11-27T08:30"]
    )
    assert early.exit_code == 1, early.output  # 09:00 is its own, not the merged 08:00


def test_an_unknown_scenario_is_quoted_to_a_short_head() -> None:
    result = runner.invoke(cli.app, ["which", "-s", "x" * 96_000, *AT])
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first == f"jdhotline: unknown scenario '{'x' * 39}…'"


# ---------------------------------------------------------------- the bound, checked


def steps_to_fail(regex: str, text: str, start: int) -> int:
    """The steps a backtracking matcher takes at ``start`` trying every way the pattern
    can match there (as when what follows always fails), counted as bounded.work
    counts them: one for each character, anchor, alternative, repeat and lookaround
    entered."""
    from re import _parser as parser  # type: ignore[attr-defined]

    count = 0
    c = parser  # the constants are re-exported by the parser module

    def seq(items: list[Any], pos: int) -> Iterator[int]:
        if not items:
            yield pos
            return
        for end in one(items[0], pos):
            yield from seq(items[1:], end)

    def char(op: Any, arg: Any, pos: int) -> bool:
        if pos >= len(text):
            return False
        ch = ord(text[pos])
        if op == c.LITERAL:
            return ch == arg
        if op == c.NOT_LITERAL:
            return ch != arg
        if op == c.ANY:
            return ch != 10
        negate, found = False, False
        for kind, value in arg:
            if kind == c.NEGATE:
                negate = True
            elif kind == c.LITERAL:
                found |= ch == value
            elif kind == c.RANGE:
                found |= value[0] <= ch <= value[1]
            elif kind == c.CATEGORY:
                found |= bool(re.match(r"[\d\w\s]", chr(ch)))
        return found != negate

    def one(item: Any, pos: int) -> Iterator[int]:
        nonlocal count
        op, arg = item
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            count += 1
            if char(op, arg, pos):
                yield pos + 1
        elif op == c.AT:
            count += 1
            yield pos  # an anchor holds or not; assuming it holds is the dearer case
        elif op == c.SUBPATTERN:
            yield from seq(list(arg[-1]), pos)
        elif op == c.BRANCH:
            count += 1
            for branch in arg[1]:
                yield from seq(list(branch), pos)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            count += 1
            low, high, body = arg

            def passes(k: int, at: int) -> Iterator[int]:
                if k >= low:
                    yield at
                if k < high:
                    for end in seq(list(body), at):
                        yield from passes(k + 1, end)

            yield from passes(0, pos)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            count += 1
            direction, body = arg
            at = pos if direction == 1 else pos - body.getwidth()[0]
            found = at >= 0 and next(iter(seq(list(body), at)), None) is not None
            if found == (op == c.ASSERT):
                yield pos
        else:
            raise AssertionError(op)

    for _ in seq(list(parser.parse(regex)), start):
        pass
    return count


# The patterns' own characters, so that repeats and alternatives find theirs and
# backtrack, and x, which none starts with, so that alternatives fail.
ALPHABET = "ab1 x"


def _atoms() -> st.SearchStrategy[str]:
    return st.sampled_from(["a", "b", "1", " ", "[ab]", "[^a]", r"\d", r"\w", ".", "[a-c1]"])


def _grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    repeat = st.tuples(inner, st.integers(0, 5), st.integers(0, 20)).map(
        lambda t: f"(?:{t[0]}){{{min(t[1], t[2])},{max(t[1], t[2])}}}"
    )
    fixed = st.text(alphabet="ab1 ", min_size=1, max_size=3)
    return st.one_of(
        st.lists(inner, min_size=2, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=4).map(lambda xs: "(?:" + "|".join(xs) + ")"),
        repeat,
        inner.map(lambda x: f"(?:{x})?"),
        inner.map(lambda x: f"(?={x})"),
        inner.map(lambda x: f"(?!{x})"),
        fixed.map(lambda x: f"(?<={re.escape(x)})"),
        fixed.map(lambda x: f"(?<!{re.escape(x)})"),
        st.sampled_from([r"\b", r"\B", "^", "$"]),
        inner.map(lambda x: f"({x})"),
    )


PATTERNS = st.recursive(_atoms(), _grow, max_leaves=12)


# 300 examples are 8 s of CPU: 60 in the everyday run, 300 in the slow tier (.ci/run).
@settings(
    max_examples=examples(60, 300),
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much],
)
@given(regex=PATTERNS, text=st.text(alphabet=ALPHABET, max_size=30))
def test_every_pattern_the_validator_accepts_takes_at_most_its_bound_at_each_character(
    regex: str, text: str
) -> None:
    """Deterministic: steps counted, not seconds. Adversarial text: the pattern's own
    alphabet, so repeats and alternatives find their characters and backtrack."""
    try:
        re.compile(regex)
        bound = bounded.check(regex)
    except (re.error, bounded.Unbounded):
        assume(False)
        return
    text = text or "a"
    for start in range(len(text) + 1):
        assert steps_to_fail(regex, text, start) <= bound, (regex, text, start)


def test_the_bound_is_close_to_what_a_runaway_pattern_takes() -> None:
    """The count is no formality: a refused pattern takes what it says on real text."""
    from re import _parser as parser  # type: ignore[attr-defined]

    steps = steps_to_fail("(a|a){0,8}b", "a" * 12, 0)
    _, work = bounded.work(list(parser.parse("(a|a){0,8}b")))
    assert work / 2 < steps <= work
    assert steps_to_fail("(a|a){0,14}b", "a" * 20, 0) > bounded.MAX_WORK
    with pytest.raises(bounded.Unbounded):
        bounded.check("(a|a){0,14}b")


def test_alternatives_that_fail_deep_inside_are_counted_in_full() -> None:
    """An alternative that is itself a list of alternatives fails on a foreign character
    only after trying each of them: found by hand, missed by an earlier count (9 < 13)."""
    regex = "(?:(?:ab|bb|cb|db|eb)|(?:fb|gb|hb|ib|jb))"
    assert steps_to_fail(regex, "x", 0) == 13
    assert bounded.check(regex) >= 13
