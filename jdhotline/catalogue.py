"""Load and validate the hotline catalogue (data/hotlines.yaml).

Every error names the file, the entry path and what was expected, so a person
editing the YAML by hand can fix it without reading this code.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .errors import CatalogueError
from .record import Record
from .workdays import DeclaredYear

LANGS = ("zh", "en")
# What `prep` can be told. "phone" is the last 4 digits of the receiving phone, which the
# guide accepts instead of an order number; "shop" is a merchant's shop ID (店铺 ID).
FACTS = ("shop", "order", "phone", "ordered", "model", "bought", "fault", "want")
USERS = ("regular", "plus", "merchant")  # who is asking
LINE_AUDIENCES = ("everyone", "plus", "merchants")
SCENARIO_AUDIENCES = ("buyers", "merchants")
DAY_RULES = ("every-day", "working-days")
MAX_BYTES = 1_000_000  # a real catalogue is ~20 KB; anything this big is a mistake
MINUTES_PER_DAY = 24 * 60


__all__ = ["Catalogue", "CatalogueError", "load", "parse"]


class L10n(Record):
    """A text in Chinese and English."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Window(Record):
    """A daily time window in minutes after midnight, Beijing time.

    ``end <= start`` means the window crosses midnight (22:00-02:00).
    """

    start: int
    end: int

    @property
    def length(self) -> int:
        return (
            self.end - self.start
            if self.end > self.start
            else self.end + MINUTES_PER_DAY - self.start
        )

    def covers(self, minute: int) -> bool:
        """Whether a minute of the day (0-1439) falls inside the window."""
        if self.end > self.start:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end

    def contains(self, other: Window) -> bool:
        """Whether ``other`` lies wholly inside this window (both taken as daily)."""
        if self.length == MINUTES_PER_DAY:
            return True
        lo, hi = self.start, self.start + self.length
        for shift in (0, MINUTES_PER_DAY, -MINUTES_PER_DAY):
            start = other.start + shift
            if lo <= start and start + other.length <= hi:
                return True
        return False

    def __str__(self) -> str:
        return f"{format_minutes(self.start)}-{format_minutes(self.end)}"


class Hours(Record):
    window: Window
    days: str  # one of DAY_RULES

    @property
    def always(self) -> bool:
        return self.days == "every-day" and self.window.length == MINUTES_PER_DAY


class Peak(Record):
    window: Window
    note: L10n


class MenuKey(Record):
    key: str
    label: L10n
    scenarios: tuple[str, ...]


class Tip(Record):
    """The guide's advice, for some scenarios and some callers, or (empty) for all."""

    text: L10n
    scenarios: tuple[str, ...] = ()
    users: tuple[str, ...] = ()  # USERS it is for; empty: every caller

    def applies_to(self, scenario: str, user: str | None = None) -> bool:
        if self.scenarios and scenario not in self.scenarios:
            return False
        return not self.users or user is None or user in self.users


class Line(Record):
    id: str
    name: L10n
    number: str
    audience: str  # one of LINE_AUDIENCES
    general: bool  # takes any question from its audience, not only its scenarios
    scenarios: tuple[str, ...]
    hours: Hours
    off_peak: tuple[Window, ...]
    online: L10n
    source: str
    verified_on: dt.date
    peak: tuple[Peak, ...] = ()
    wait_minutes: tuple[int, int] | None = None
    menu: tuple[MenuKey, ...] = ()
    dial_note: L10n | None = None
    non_member_reply: str | None = None
    why: L10n | None = None
    plus_tip: L10n | None = None
    caution: L10n | None = None
    tips: tuple[Tip, ...] = ()
    # Scenarios in `scenarios` that the guide's table does not list for this line:
    # jdhotline's own extension, said so wherever the line is shown for them.
    extends: tuple[str, ...] = ()
    # The guide's table gives the line to fewer callers than `audience` (950618: 普通买家,
    # where jdhotline shows it to PLUS members too): said so wherever the audience is shown.
    extends_audience: bool = False

    @property
    def digits(self) -> str:
        return self.number.replace("-", "")

    def menu_key_for(self, scenario: str) -> MenuKey | None:
        return next((key for key in self.menu if scenario in key.scenarios), None)


class Keywords(Record):
    """Words that are evidence for a scenario (match.py says how they are found).

    A word weighs 1 unless ``weights`` says otherwise: strong cues (掉包, 拒退) weigh
    more than common ones (退款, 售后), and weak ones (订单) less.
    """

    zh: tuple[str, ...]
    en: tuple[str, ...]
    weights: tuple[tuple[str, float], ...] = ()  # (word as written, weight) for words not 1

    def weight(self, word: str) -> float:
        return next((w for written, w in self.weights if written == word), 1.0)


class Pattern(Record):
    """A regular expression that is evidence where a word list cannot be (amounts: 两万多)."""

    regex: str
    weight: float = 1.0


class Scenario(Record):
    id: str
    name: L10n
    audience: str  # one of SCENARIO_AUDIENCES
    keywords: Keywords
    prepare: tuple[L10n, ...]
    needs: tuple[str, ...] = ()  # FACTS a call about this scenario needs
    simple: Keywords = Keywords((), ())
    example: L10n | None = None
    plus_example: L10n | None = None  # what a PLUS member says (the guide has one for high-value)
    patterns: tuple[Pattern, ...] = ()
    # The same words from the other side of the counter mean this scenario: a merchant's
    # 退款 is a malicious-refund question, a buyer's 活动优惠 an order question.
    counterpart: str | None = None
    # For a PLUS member, these scenarios' evidence counts for this one when this one has
    # evidence of its own (the guide: 高客单价售后, 如万元电视故障, goes to the PLUS line).
    plus_absorbs: tuple[str, ...] = ()
    # For anyone, these scenarios' evidence counts for this one when this one has strong
    # evidence of its own (match.ABSORB_MIN): a refund the seller refuses is a dispute.
    absorbs: tuple[str, ...] = ()


class Fact(Record):
    name: L10n
    where: L10n  # where to find it
    merchants: L10n | None = None  # where to find it, for a merchant (else `where`)

    def where_for(self, audience: str) -> L10n:
        """What a caller of this scenario audience (buyers, merchants) is told."""
        return self.merchants if audience == "merchants" and self.merchants else self.where


class Say(Record):
    shape: L10n
    example: L10n
    on_the_call: tuple[Tip, ...]  # each for the callers and scenarios it applies to


class Catalogue(Record):
    path: str
    lines: tuple[Line, ...]
    scenarios: tuple[Scenario, ...]
    say: Say
    assistant: L10n
    extra_holidays: frozenset[dt.date] = frozenset()
    extra_workdays: frozenset[dt.date] = frozenset()
    facts: tuple[tuple[str, Fact], ...] = ()  # (fact id, how it is described)
    calendar_years: tuple[DeclaredYear, ...] = ()  # official years declared in `calendar:`
    # Words by which a merchant gives themselves away (我的店铺, my store): a text with
    # one is read as a merchant's unless the user said they are a PLUS member.
    merchant_voice: Keywords = Keywords((), ())
    # Other platforms and services (淘宝, 美团): a text naming one and not JD is not ours.
    elsewhere: Keywords = Keywords((), ())
    # Counter-evidence, weighted: words of a text that is not a problem with one's own
    # order, item, account or shop (求推荐, 招聘, 用英语怎么说). See match.OFF_TOPIC_SHARE.
    off_topic: Keywords = Keywords((), ())

    def line(self, line_id: str) -> Line:
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)

    def scenario(self, scenario_id: str) -> Scenario:
        for scenario in self.scenarios:
            if scenario.id == scenario_id:
                return scenario
        raise KeyError(scenario_id)

    def fact(self, fact_id: str) -> Fact | None:
        return next((fact for key, fact in self.facts if key == fact_id), None)

    def find_line(self, key: str) -> Line | None:
        """A line by id or by number, with or without dashes or spaces."""
        wanted = key.strip().lower()
        digits = re.sub(r"[\s-]", "", wanted)
        for line in self.lines:
            if wanted == line.id or (digits and digits == line.digits):
                return line
        return None

    def find_scenario(self, key: str) -> Scenario | None:
        wanted = key.strip().lower()
        return next((s for s in self.scenarios if s.id == wanted), None)


def format_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --------------------------------------------------------------------------- loading


def default_path() -> Path:
    """The shipped catalogue: inside the installed package, or the repository's data/."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "hotlines.yaml"
    if packaged.is_file():
        return packaged
    return here.parent / "data" / "hotlines.yaml"


def load(path: str | Path | None = None, *, cache_dir: Path | None = None) -> Catalogue:
    """Read, parse and validate a catalogue file; raise CatalogueError if unusable.

    With ``cache_dir``, a parse of the very same file by the very same code is reused
    (see cache.py): no YAML import, no validation.
    """
    target = Path(path) if path is not None else default_path()
    shown = str(path) if path is not None else _display(target)
    if cache_dir is None:
        return _load(target, shown)
    import zlib

    from .cache import cached

    name = f"catalogue-{zlib.crc32(str(target.absolute()).encode()):08x}"
    code = Path(__file__)
    sources = (
        target,
        code,
        *(code.with_name(f) for f in ("validate.py", "errors.py", "workdays.py")),
    )
    catalogue = cached(name, sources, lambda: _load(target, shown), Catalogue, cache_dir)
    return catalogue._replace(path=shown)


def _load(target: Path, shown: str) -> Catalogue:
    return parse(_read(target, shown), shown)


def _read(target: Path, shown: str) -> bytes:
    """At most MAX_BYTES of a regular file, whatever it claims to be.

    Opened without blocking (a FIFO with no writer would wait forever) and checked
    once open; then read to one byte past the limit, never trusting st_size
    (/dev/zero says 0 and never ends).
    """
    import os
    import stat

    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise CatalogueError(shown, "", "no such file") from None
    except PermissionError:
        raise CatalogueError(shown, "", "cannot be read (permission denied)") from None
    except OSError as exc:
        if target.is_dir():
            raise CatalogueError(shown, "", "is a folder, not a catalogue file") from None
        raise CatalogueError(shown, "", f"cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise CatalogueError(shown, "", "is a folder, not a catalogue file")
        if not stat.S_ISREG(mode):
            raise CatalogueError(
                shown, "", "is not a regular file (a device, a pipe or a socket); give a .yaml file"
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CatalogueError(shown, "", f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise CatalogueError(
            shown, "", f"is too big: a catalogue may be at most {MAX_BYTES:,} bytes"
        )
    return raw


def parse(raw: bytes | str, file: str = "<catalogue>") -> Catalogue:
    """Parse and validate catalogue text (validate.py: imported only when a file is parsed)."""
    import gc

    from .validate import parse as validate

    # Thousands of new objects that all live on: the collector's passes over them would
    # only make loading a big catalogue slower than linear (bench/scale.py).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return validate(raw, file)
    finally:
        if enabled:
            gc.enable()


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
