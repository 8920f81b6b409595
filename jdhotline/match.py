"""Free text to ranked scenarios, with the cues that decided.

Evidence, in the catalogue's terms (data/hotlines.yaml, each scenario's
``keywords`` and ``patterns``):

* Chinese keywords match anywhere (spaces ignored, full-width folded to half-width,
  common traditional characters read as simplified);
  one written in Latin letters alone (iPhone, TCL) matches as an English word.
* English keywords match whole words, case-insensitively, plus the plural and
  possessive endings (s, es, 's): "refund" finds "refunds" but "install" does not
  find "installments", nor "event" "eventually", nor "store" "stored". Other forms
  are listed as words of their own (refuse, refused, refusing).
* Patterns are regular expressions for what a word list cannot hold: amounts such
  as 两万多, 一万八, 1.2万, 30k, 12000元.
* A keyword inside a longer one that matched at the same place counts only as the
  longer one: 送货上门 is delivery, not 上门 (a technician's visit); 恶意退款 is not 退款.
* A keyword just after a negation (不是家电问题, "not an appliance problem") counts
  for nothing.
* Each keyword counts once, however often the text repeats it, with its weight
  (1 unless the catalogue says otherwise); a scenario's score is the sum.
* Who is asking is evidence too: a scenario meant for the other side of the counter
  (a buyer's words about a merchant scenario, or the reverse) gives its evidence to
  its ``counterpart`` (three quarters of it) and keeps a quarter for itself: a merchant's 退款 is a
  malicious-refund question, a buyer's 商家不退款 a dispute. A merchant who did not
  say so (or said --plus) is recognised by the catalogue's ``merchant_voice`` words
  (我的店铺, 我表哥的京东店); a merchant buying as a customer, by its ``buyer_voice``
  words (我们公司在京东采购了, "I bought ... on JD"), and is then read as a buyer.
* A text about another platform or service (the catalogue's ``elsewhere`` words:
  淘宝, 美团) that does not mention JD matches nothing, unless the name is part of a
  longer keyword of a scenario (支付宝付款失败: how one paid on JD).
* Counter-evidence: the catalogue's ``off_topic`` words, weighted like keywords, mark
  a text that is not a problem with one's own order, item, account or shop: asking
  for a recommendation or a shopping list (求推荐, 买哪个, 购物清单), a job at JD (招聘,
  工资), a service (美工, 代运营), a word or a fact (用英语怎么说, 哪一年成立), chit-chat
  (讲个笑话). When they weigh at least ``off_topic_share`` of the best scenario's own
  evidence in words (amounts aside: a budget is no problem), the text matches
  nothing; a real problem that uses one in passing
  (手机黑屏开不了机,客服推荐一下怎么办) keeps its answer by the weight of its own words.
* A scenario's ``absorbs`` takes those scenarios' evidence (they keep a quarter) when
  it has ``absorb_min`` of its own: the refund words of a text whose seller refuses the
  refund (商家说东西坏了不给退钱) count for the dispute, not for after-sales. Another
  line's evidence is taken only by as much evidence of one's own as any scenario has:
  冰箱还没送到 is a delivery (order), 冰箱送货上门后安装师傅没来 an installation.
* A merchant's own thing is a buyer's question: when the best merchant scenario has only
  borrowed words (冰箱坏了: 坏了) and a buyers' scenario without a counterpart has more
  of its own (冰箱), the text is scored as it reads, without the side's transfer.
* For a PLUS member, a scenario's ``plus_absorbs`` takes those scenarios' evidence
  (they keep a quarter) when it has a cue no other scenario found (those it absorbs
  aside): a PLUS member's 电视黑屏 or 万元电视故障 is high-value after-sales, 冰箱坏了 is
  not (坏了 is after-sales evidence too: a fault, no sign of high value).
* A cue that begins (ends) with a digit is none just after (before) another digit: 618
  inside 950618 or an order number.

Ties go to the scenario with the strongest single cue, then the most cues, then the
earliest in the text, and only then to catalogue order. A text in which no scenario
has ``min_score`` (the catalogue's ``model``, data/cues.yaml) of its own matches nothing.

Every keyword of a language is compiled into one regular expression shaped like a
trie (trie.py) and run over the text once (in C), finding at every position the longest
keyword that starts there; the shorter keywords that start there too are its
prefixes, known in advance; a long text (or more than 10,000 keywords) walks them as a
trie in Python instead, which costs less than compiling them. Patterns are bounded
(bounded.py proves a bound on their steps at each character), so each runs in time
linear in the text. Only the first READ characters of a text are read.
"""

from collections import defaultdict
from typing import NamedTuple

from .catalogue import Catalogue, Scenario
from .evidence import (
    _TRADITIONAL,
    READ,
    SHORT_TEXT,
    _elsewhere,
    _evidence,
    _hits,
    _index,
    _is_negated,
    _language_for,
    _negations,
    _off_topic,
    _off_topic_score,
    _words,
    compile_all,
    normalise_en,
    normalise_zh,
)
from .sides import own_thing, same_line, sided

# What the rest of jdhotline (and the tests) read from the matcher, found in evidence.py.
__all__ = [
    "READ",
    "SHORT_TEXT",
    "_TRADITIONAL",
    "Match",
    "_hits",
    "_index",
    "_language_for",
    "best",
    "compile_all",
    "normalise_en",
    "normalise_zh",
    "off_topic",
    "rank",
    "says_plus",
    "unmatched",
]  # fmt: skip


class Match(NamedTuple):
    scenario: Scenario
    words: tuple[str, ...]  # the cues that counted for it, each once, as written
    score: float
    simple: bool  # every cue marks a simple question (the in-app assistant can answer)
    negated: tuple[str, ...] = ()  # keywords found but negated (不是家电问题)
    absorbed: tuple[str, ...] = ()  # scenario ids whose evidence a PLUS member's text gave it


class Cue(NamedTuple):
    """A row of the evidence table: a cue of the catalogue found in the text."""

    scenario: str  # the scenario's id
    cue: str  # as written in the catalogue, or the text a pattern matched
    weight: float
    pattern: bool  # a pattern's match, not a keyword
    negated: bool  # found just after a negation (不是家电问题): it counts for nothing


class Step(NamedTuple):
    """What one phase of the ranking decided, and each scenario's score after it."""

    phase: str  # evidence, elsewhere, side, absorbs, enough, ranked (PHASES)
    said: str  # what it decided: a code, worded by the explanation's writer
    scores: tuple[tuple[str, float], ...]  # (scenario id, score), best first
    values: tuple[tuple[str, str], ...] = ()  # what the words of ``said`` name


class Explanation(NamedTuple):
    """Why a text reached its scenario (`which --explain`): the evidence and the phases."""

    user: str
    cues: tuple[Cue, ...]
    steps: tuple[Step, ...]
    winner: str | None  # the scenario id, or None: the text matches nothing


PHASES = ("evidence", "elsewhere", "side", "absorbs", "enough", "ranked")


def rank(catalogue: Catalogue, text: str, user: str = "regular") -> list[Match]:
    """Every scenario with evidence in the text, best first; none if no scenario has
    the model's min_score of its own. Six phases (_Ranking), in order."""
    return _Ranking(catalogue, text, user, None).run()


def explain(catalogue: Catalogue, text: str, user: str = "regular") -> Explanation:
    """The ranking of the text, phase by phase, with every cue found."""
    trace: list[Step] = []
    ranking = _Ranking(catalogue, text, user, trace)
    ranked = ranking.run()
    table: dict[tuple[str, str, bool], Cue] = {}  # each cue once, in the text's order
    for cue in ranking.cues:
        key = (cue.scenario, cue.cue, cue.negated)
        if key not in table or table[key].weight < cue.weight:
            table[key] = table.get(key, cue)._replace(weight=cue.weight)
    winner = ranked[0].scenario.id if ranked else None
    return Explanation(user, tuple(table.values()), tuple(trace), winner)


class _Ranking:
    """One text ranked: the evidence table, then a phase a method, each passing its
    scores on (and, when explained, saying what it decided)."""

    def __init__(
        self, catalogue: Catalogue, text: str, user: str, trace: list[Step] | None
    ) -> None:
        self.catalogue, self.user, self.trace = catalogue, user, trace
        self.model = catalogue.model
        self.index = _index(catalogue)
        self.zh, self.en = normalise_zh(text[:READ]), normalise_en(text[:READ])
        self.hits = _evidence(self.index, self.zh, self.en)
        self.by_id = {s.id: i for i, s in enumerate(catalogue.scenarios)}
        self.cues: list[Cue] = []
        self.scores: dict[int, dict[str, float]] = defaultdict(dict)  # each one's own
        self.negated: dict[int, dict[str, None]] = defaultdict(dict)
        self.first: dict[int, int] = {}  # the order in which scenarios were first found
        self.side = "buyers"

    def run(self) -> list[Match]:
        self.evidence()
        if self.elsewhere():
            return []
        final = self.sided()
        absorbed = self.absorbs(final)
        if not self.enough():
            return []
        return self.ranked(final, absorbed)

    def step(
        self, phase: str, said: str, scores: dict[int, dict[str, float]], **values: object
    ) -> None:
        if self.trace is None:
            return
        totals = [
            (self.catalogue.scenarios[i].id, round(sum(c.values()), 3)) for i, c in scores.items()
        ]
        totals = sorted((t for t in totals if t[1]), key=lambda t: -t[1])
        named = tuple((key, str(value)) for key, value in values.items())
        self.trace.append(Step(phase, said, tuple(totals), named))

    def evidence(self) -> None:
        """1. Each keyword and pattern found counts once, with its weight, for its scenario;
        a keyword just after a negation (不是家电问题), in the same clause, for nothing."""
        negations = (
            _negations(self.index.negations[0], self.zh),
            _negations(self.index.negations[1], self.en),
        )
        texts = (self.zh, self.en)
        for hit in sorted(self.hits, key=lambda h: (h.space, h.start)):
            reach = self.model.negation_reach[hit.space]
            negated = _is_negated(hit, negations[hit.space], texts[hit.space], reach)
            if self.trace is not None:
                scenario = self.catalogue.scenarios[hit.scenario].id
                self.cues.append(Cue(scenario, hit.word, hit.weight, not hit.keyword, negated))
            if negated:
                self.negated[hit.scenario][hit.word] = None
                continue
            cues = self.scores[hit.scenario]
            cues[hit.word] = max(cues.get(hit.word, 0.0), hit.weight)
            self.first.setdefault(hit.scenario, len(self.first))
        self.step("evidence", "found" if self.scores else "none", self.scores)

    def elsewhere(self) -> bool:
        """2. A text about another platform or service (淘宝) and not JD matches nothing."""
        other = _elsewhere(self.index, self.zh, self.en, self.hits)
        self.step("elsewhere", "elsewhere" if other else "ours", {} if other else self.scores)
        return other

    def sided(self) -> dict[int, dict[str, float]]:
        """3. Who is asking: the user type, unless the text says otherwise (a buyer who runs
        a shop speaks as a merchant, a merchant buying this time as a buyer). Evidence for
        the other side of the counter goes to the counterpart: a merchant's 退款 is a
        malicious-refund question. But a merchant who names a thing of their own (冰箱坏了)
        asks a buyer's question, and the text is read for what it says."""
        said = "user"
        merchant = self.user == "merchant"
        if not merchant and _words(self.index.voice, self.zh, self.en):
            merchant, said = True, "voice"
        if merchant and _words(self.index.buyer_voice, self.zh, self.en):
            merchant, said = False, "buying"
        self.side = "merchants" if merchant else "buyers"
        final = sided(self.catalogue, self.scores, self.first, self.side, self.by_id)
        if merchant and own_thing(self.catalogue, self.scores, final):
            final, said = {i: dict(cues) for i, cues in self.scores.items()}, "own_thing"
        self.step("side", said, final, side=self.side)
        return final

    def absorbs(self, final: dict[int, dict[str, float]]) -> dict[int, list[str]]:
        """4. A scenario's ``absorbs`` takes those scenarios' evidence (they keep the
        model's other_side) when it has absorb_min of its own, and another line's only by
        as much evidence of its own as any scenario has; a PLUS member's ``plus_absorbs``
        when it has a cue no other scenario found."""
        catalogue, scores, model = self.catalogue, self.scores, self.model
        absorbed: dict[int, list[str]] = defaultdict(list)
        for i in list(final):
            scenario = catalogue.scenarios[i]
            own = sum(scores.get(i, {}).values())
            takes = (
                scenario.absorbs
                if own >= model.absorb_min and scenario.audience == self.side
                else ()
            )
            takes = tuple(
                t
                for t in takes
                if same_line(catalogue, scenario.id, t)
                or all(own >= sum(cues.values()) for j, cues in scores.items() if j != i)
            )
            if self.user == "plus" and _distinct(catalogue, scores, i, self.by_id):
                takes = (*takes, *scenario.plus_absorbs)
            for taken in takes:
                j = self.by_id.get(taken)
                if j is None or j == i or j not in final:
                    continue
                for word, weight in final[j].items():
                    final[i][word] = max(final[i].get(word, 0.0), weight)
                    final[j][word] = weight * model.other_side  # its evidence now counts here
                absorbed[i].append(taken)
        pairs = ", ".join(
            f"{catalogue.scenarios[i].id} < {', '.join(t)}" for i, t in absorbed.items()
        )
        self.step("absorbs", "took", final, taken=pairs) if absorbed else self.step(
            "absorbs", "none", final
        )
        return absorbed

    def enough(self) -> bool:
        """5. Refused when no scenario has min_score of its own (before the user type was
        weighed: a merchant asking a buyer's question still gets an answer), or when the
        ``off_topic`` counter-evidence weighs off_topic_share of the best's words (an
        amount, a pattern's cue, is left out: a shopping question names a budget too)."""
        own_best = max((sum(cues.values()) for cues in self.scores.values()), default=0.0)
        amounts = {hit.word for hit in self.hits if not hit.keyword}
        said = max(
            (
                sum(w for word, w in cues.items() if word not in amounts)
                for cues in self.scores.values()
            ),
            default=0.0,
        )
        against = _off_topic_score(self.index, self.zh, self.en)
        weak = own_best < self.model.min_score
        off = bool(against and against >= self.model.off_topic_share * said)
        verdict = "weak" if weak else "off_topic" if off else "enough"
        values = {"best": f"{own_best:g}", "least": f"{self.model.min_score:g}"}
        self.step(
            "enough", verdict, {} if weak or off else self.scores, **values, against=f"{against:g}"
        )
        return not (weak or off)

    def ranked(
        self, final: dict[int, dict[str, float]], absorbed: dict[int, list[str]]
    ) -> list[Match]:
        """6. The highest score wins; a tie goes to the strongest single cue, then the most
        cues, then the earliest in the text, and only then to catalogue order."""
        ranked: list[tuple[tuple[float, float, int, int, int], Match]] = []
        for i, cues in final.items():
            score = round(sum(cues.values()), 3)
            if not score:
                continue
            scenario = self.catalogue.scenarios[i]
            simple_words = set(scenario.simple.zh) | set(scenario.simple.en)
            words = tuple(cues)
            match = Match(
                scenario,
                words,
                score,
                all(word in simple_words for word in words),
                tuple(self.negated.get(i, ())),
                tuple(absorbed.get(i, ())),
            )
            key = (-score, -max(cues.values()), -len(cues), self.first.get(i, 0), i)
            ranked.append((key, match))
        ranked.sort(key=lambda item: item[0])
        result = [match for _, match in ranked]
        winner = result[0].scenario.id if result else ""
        self.step("ranked", "winner" if result else "none", final, winner=winner)
        return result


def _distinct(
    catalogue: Catalogue, scores: dict[int, dict[str, float]], i: int, by_id: dict[str, int]
) -> bool:
    """Whether scenario i has a cue no other scenario found in the text, those it absorbs
    for a PLUS member aside: a generic fault (坏了, broken, stopped working), which
    after-sales finds too, shows no high value, so 冰箱坏了 stays on the appliance line
    while 电视黑屏 and 万元电视 go to the PLUS line."""
    absorbed = {by_id.get(s) for s in catalogue.scenarios[i].plus_absorbs}
    others = {w for j, cues in scores.items() if j != i and j not in absorbed for w in cues}
    return any(word not in others for word in scores.get(i, {}))


def off_topic(catalogue: Catalogue, text: str) -> dict[str, float]:
    """The catalogue's ``off_topic`` words found in the text, each once, with its weight:
    the counter-evidence that a refusal can name."""
    return _off_topic(_index(catalogue), normalise_zh(text[:READ]), normalise_en(text[:READ]))


def unmatched(catalogue: Catalogue, text: str) -> str:
    """Why a text that matches no scenario does not: it is about another platform or
    service ("elsewhere"), it asks how to reach JD's customer service ("calling"), it
    asks for something else (advice, a job: "off_topic"), or none of these ("")."""
    text = text[:READ]
    index, zh_text, en_text = _index(catalogue), normalise_zh(text), normalise_en(text)
    if _elsewhere(index, zh_text, en_text, _evidence(index, zh_text, en_text)):
        return "elsewhere"
    calling = index.calling
    if calling and (calling.search(en_text) or calling.search(zh_text.replace("-", ""))):
        return "calling"
    return "off_topic" if _off_topic(index, zh_text, en_text) else ""


def best(catalogue: Catalogue, text: str, user: str = "regular") -> Match | None:
    ranked = rank(catalogue, text, user)
    return ranked[0] if ranked else None


def says_plus(catalogue: Catalogue, text: str) -> bool:
    """Whether the text says its writer is a PLUS member (the catalogue's `plus_self`):
    我是 PLUS 会员, "I'm a PLUS member"; a question about PLUS is not."""
    pattern = _index(catalogue).plus_self
    return bool(pattern and pattern.search(normalise_en(text[:READ])))
