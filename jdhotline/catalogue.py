"""The catalogue's immutable types and look-ups (load.py reads them from YAML).

Nothing here reads a file or prints: the types are plain data that every other
module can import without PyYAML.
"""

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal, NamedTuple, TypeGuard, get_args

from .workdays import DeclaredYear

# The immutable types here and across the package are typing.NamedTuple. A hand-made
# tuple record was measured 3.0 ms quicker to import for the package's 25 classes
# (median of 41 paired runs, this project's machine); that no longer pays for 131 lines
# of metaclass and their tests now that the start-up budget holds without them
# (bench/startup.py).

LANGS = ("zh", "en")
# What `prep` can be told. "phone" is the last 4 digits of the receiving phone, which the
# guide accepts instead of an order number; "shop" is a merchant's shop ID (店铺 ID).
FACTS = ("shop", "order", "phone", "ordered", "model", "bought", "fault", "want")
# Who is asking, who may call a line, and who a scenario's question comes from: each
# defined here once, as a Literal (the values are the strings of the YAML, the JSON and
# the options, so no Enum to unwrap at every border), with the tuple of its values.
User = Literal["regular", "plus", "merchant"]
LineAudience = Literal["everyone", "plus", "merchants"]
ScenarioAudience = Literal["buyers", "merchants"]
USERS: tuple[User, ...] = get_args(User)
LINE_AUDIENCES: tuple[LineAudience, ...] = get_args(LineAudience)
SCENARIO_AUDIENCES: tuple[ScenarioAudience, ...] = get_args(ScenarioAudience)


def is_user(value: object) -> TypeGuard[User]:
    """Whether a value from outside (an option, a query, a test) is a user type."""
    return value in USERS


DAY_RULES = ("every-day", "working-days")
MINUTES_PER_DAY = 24 * 60


# Languages whose catalogue text is converted from another's: {"zh-Hant": ("zh", convert)}.
# Filled by i18n.languages when such a language is chosen (the core imports no words).
DERIVED: dict[str, tuple[str, Callable[[str], str]]] = {}


class L10n(NamedTuple):
    """A text in Chinese and English."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        """The text in ``lang``; a language written from another's text (zh-Hant from
        zh) reads it through the converter its words register (i18n.languages)."""
        derived = DERIVED.get(lang)
        if derived is not None:
            return derived[1](getattr(self, derived[0]))
        return getattr(self, lang) if lang in self._fields else self.en


class Window(NamedTuple):
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

    def contains(self, other: "Window") -> bool:
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


class Hours(NamedTuple):
    window: Window
    days: str  # one of DAY_RULES

    @property
    def always(self) -> bool:
        return self.days == "every-day" and self.window.length == MINUTES_PER_DAY


class Peak(NamedTuple):
    window: Window
    note: L10n


class MenuKey(NamedTuple):
    key: str
    label: L10n
    scenarios: tuple[str, ...]


class Tip(NamedTuple):
    """The guide's advice, for some scenarios and some callers, or (empty) for all."""

    text: L10n
    scenarios: tuple[str, ...] = ()
    users: tuple[User, ...] = ()  # who it is for; empty: every caller

    def applies_to(self, scenario: str, user: str | None = None) -> bool:
        if self.scenarios and scenario not in self.scenarios:
            return False
        return not self.users or user is None or user in self.users


class Line(NamedTuple):
    id: str
    name: L10n
    number: str
    audience: LineAudience
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


class Keywords(NamedTuple):
    """Words that are evidence for a scenario (match.py says how they are found).

    A word weighs 1 unless ``weights`` says otherwise: strong cues (掉包, 拒退) weigh
    more than common ones (退款, 售后), and weak ones (订单) less.
    """

    zh: tuple[str, ...]
    en: tuple[str, ...]
    weights: tuple[tuple[str, float], ...] = ()  # (word as written, weight) for words not 1

    def weight(self, word: str) -> float:
        return next((w for written, w in self.weights if written == word), 1.0)


class Pattern(NamedTuple):
    """A regular expression that is evidence where a word list cannot be (amounts: 两万多)."""

    regex: str
    weight: float = 1.0


class Example(NamedTuple):
    """A sentence to say for one object or problem of a scenario, chosen by the words that
    matched (``cues``; none: for a problem no cue names). ``own``: jdhotline's, written in
    the guide's pattern (time + problem + demand) where the guide gives none."""

    text: L10n
    cues: tuple[str, ...] = ()
    own: bool = False
    plus: L10n | None = None  # what a PLUS member says instead (优先安排)
    prepare: tuple[L10n, ...] = ()  # what to have ready for it, instead of the scenario's


class Scenario(NamedTuple):
    id: str
    name: L10n
    audience: ScenarioAudience
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
    # evidence of its own (the model's absorb_min): a refund the seller refuses is a dispute.
    absorbs: tuple[str, ...] = ()
    # Sentences for the objects and problems of this scenario; ``example`` stays the one
    # for a scenario chosen by its id, with no words to choose by.
    examples: tuple[Example, ...] = ()
    example_own: bool = False  # ``example`` is jdhotline's own, not the guide's


class Fact(NamedTuple):
    name: L10n
    where: L10n  # where to find it
    merchants: L10n | None = None  # where to find it, for a merchant (else `where`)

    def where_for(self, audience: ScenarioAudience) -> L10n:
        """What a caller of this scenario audience (buyers, merchants) is told."""
        return self.merchants if audience == "merchants" and self.merchants else self.where


class Say(NamedTuple):
    shape: L10n
    example: L10n
    on_the_call: tuple[Tip, ...]  # each for the callers and scenarios it applies to


class Source(NamedTuple):
    """A public notice a safety sentence comes from: police, the anti-fraud centre or JD.

    ``title`` and ``published`` are None only where the stored copy shows none; ``note``
    then says so. Nothing here is guessed (safety_load.py refuses what is missing).
    """

    id: str
    title: str | None
    publisher: str
    published: dt.date | None
    url: str
    note: str | None = None


class SafetySentence(NamedTuple):
    """One sentence of the safety answer, with the notices that say it."""

    id: str
    text: L10n
    sources: tuple[str, ...]  # Source ids
    verified_on: dt.date
    kinds: tuple[str, ...] = ()  # the scam's kinds it is said for; empty: for every one
    lines: bool = False  # the catalogue's lines are listed after it (call back yourself)


class Ask(NamedTuple):
    """What the scam asks for (close 白条, share the screen, a code...), as patterns."""

    kind: str
    patterns: tuple[Pattern, ...]


class OfficialNumber(NamedTuple):
    """A JD number beyond the guide's four lines, listed only with its source."""

    number: str
    name: L10n
    sources: tuple[str, ...]
    verified_on: dt.date

    @property
    def digits(self) -> str:
        return self.number.replace("-", "")


class Safety(NamedTuple):
    """The fake-customer-service scam: its cues, and what to say, each with a source.

    A text is read as the scam when its score reaches ``threshold``: the strongest
    `claim` cue (someone says they are JD, JD Finance, a courier) plus, for each kind
    of ask, its strongest cue; `innocent` cues (我想自己关闭白条) subtract.
    """

    sources: tuple[Source, ...]
    sentences: tuple[SafetySentence, ...]
    claim: tuple[Pattern, ...]
    asks: tuple[Ask, ...]
    innocent: tuple[Pattern, ...] = ()
    threshold: float = 2.0
    official: tuple[OfficialNumber, ...] = ()
    check: tuple[str, ...] = ()  # the sentences `check` says for a number it does not know

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


class Model(NamedTuple):
    """What gives the cues' weights their meaning (data/cues.yaml, `model:`); the
    defaults are the shipped values, for a Catalogue built in code."""

    min_score: float = 2.0  # a text whose best scenario has less of its own matches nothing
    absorb_min: float = 3.0  # the evidence of its own a scenario needs to take another's
    off_topic_share: float = 1.0  # counter-evidence at this share of the best's words refuses
    other_side: float = 0.25  # what a scenario for the other side of the counter keeps
    counterpart: float = 0.75  # what its counterpart gets of it
    unsure_ratio: float = 0.7  # a runner-up above this share of the best leaves it unsure
    negation_reach: tuple[int, int] = (3, 14)  # characters from a negation to a cue (zh, en)


class Catalogue(NamedTuple):
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
    # one is read as a merchant's, a PLUS member's too (one who also sells).
    merchant_voice: Keywords = Keywords((), ())
    # Words by which a merchant shows they are buying this time, as a customer (我们公司在
    # 京东采购了, "I bought ... on JD"): their text is read as a buyer's.
    buyer_voice: Keywords = Keywords((), ())
    # Other platforms and services (淘宝, 美团): a text naming one and not JD is not ours.
    elsewhere: Keywords = Keywords((), ())
    # Counter-evidence, weighted: words of a text that is not a problem with one's own
    # order, item, account or shop (求推荐, 招聘, 用英语怎么说). See Model.off_topic_share.
    off_topic: Keywords = Keywords((), ())
    # The fake-customer-service scam (safety.py): cues and sourced sentences, or None.
    safety: Safety | None = None
    model: Model = Model()
    # Negations that take the evidence of a keyword just after them (不是家电问题), as
    # regular expressions (zh, en), each language's joined as alternatives.
    negation: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    # A PLUS member saying so in the first person (我是 PLUS 会员), read on the text as the
    # matcher reads its English (match.normalise_en).
    plus_self: tuple[str, ...] = ()
    # A question about reaching customer service itself (人工, 打不通); the lines' own
    # numbers are added to these by the matcher (match.unmatched).
    calling: tuple[str, ...] = ()

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
        """A line by id or by number, with or without dashes or spaces; else by the name
        an answer prints (家电维修专线, Merchant line), or by a piece of Chinese that only
        one line's name holds (家电, 商家): what a shopper types after reading one."""
        wanted = key.strip().lower()
        digits = re.sub(r"[\s-]", "", wanted)
        for line in self.lines:
            if wanted == line.id or (digits and digits == line.digits):
                return line
        bare = re.sub(r"\s", "", wanted)
        named = [
            (line, [re.sub(r"\s", "", line.name(lang)).lower() for lang in ("zh", "en", *DERIVED)])
            for line in self.lines
        ]
        exact = [line for line, names in named if bare in names]
        if exact:
            return exact[0]
        if len(bare) < 2 or bare.isascii():  # "ap", "line": too loose to guess from
            return None
        pieces = [line for line, names in named if any(bare in name for name in names)]
        return pieces[0] if len(pieces) == 1 else None

    def find_scenario(self, key: str) -> Scenario | None:
        wanted = key.strip().lower()
        return next((s for s in self.scenarios if s.id == wanted), None)


def without_aside(name: str) -> str:
    """A name without its bracketed aside, so that brackets never nest in a sentence:
    订单咨询（查物流 / 改地址） → 订单咨询, 山西晚报(太原市反诈中心…) → 山西晚报."""
    return name.split("\uff08", 1)[0].split("(", 1)[0].strip()


def format_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def chinese_texts(value: object) -> list[str]:
    """Every Chinese text (an L10n's zh) held by a catalogue or any part of it, found
    through its objects, whatever the files' layout: what tests/test_words_home.py
    checks for punctuation and scripts/zh_hant.py converts."""
    found: list[str] = []
    seen: set[int] = set()

    def walk(item: object) -> None:
        if isinstance(item, L10n):
            found.append(item.zh)
        elif isinstance(item, str) or id(item) in seen:
            return
        elif isinstance(item, (tuple, list, frozenset, set)):
            seen.add(id(item))
            for part in item:
                walk(part)
        elif isinstance(item, dict):
            seen.add(id(item))
            for part in item.values():
                walk(part)

    walk(value)
    return found
