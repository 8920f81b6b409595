"""The questions asked in a terminal: who you are, what went wrong, which scenario, missing facts.

Questions and prompts go to stderr, answers come from stdin; a list is shown once,
and a wrong answer gets one line saying what is expected. Nothing here decides a
route: the answers go back to cli.py, which asks the core.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from jdhotline.errors import EXIT_INTERRUPTED, EXIT_USAGE, Problem, Stop
from jdhotline.i18n.messages import refusal
from jdhotline.i18n.words import word, zh_punctuation


def zh(text: str, lang: str) -> str:
    return zh_punctuation(text) if lang == "zh" else text


if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue, Scenario
    from jdhotline.output.console import Output
    from jdhotline.prep import Facts
    from jdhotline.rules import Recommendation

TRIES = 3


def interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def scenarios_for(catalogue: Catalogue, user: str) -> list[Scenario]:
    """The scenarios to offer: a buyer sees buyers' ones; a merchant sees merchants' first."""
    buyers = [s for s in catalogue.scenarios if s.audience == "buyers"]
    if user != "merchant":
        return buyers or list(catalogue.scenarios)
    return [s for s in catalogue.scenarios if s.audience != "buyers"] + buyers


class EndOfAnswers(Stop):
    """Ctrl-D (end of input) at a prompt: before the problem is known, a refusal that
    says what to pass instead; at a later question, the end of the questions."""


class Interview:
    def __init__(self, out: Output, lang: str, command: str = "which") -> None:
        self.out = out
        self.lang = lang
        self.command = command

    def _read(self, prompt: str, ended: str = "error.no_answer", **words: str) -> str:
        from jdhotline.errors import Interrupted
        from jdhotline.inputs import readable

        try:
            return readable(self.out.read(word(self.lang, prompt)))
        except (KeyboardInterrupt, Interrupted):
            sys.stderr.write("\n")  # the prompt's line is still open
            raise Stop(EXIT_INTERRUPTED, word(self.lang, "error.interrupted")) from None
        except EOFError:
            sys.stderr.write("\n")  # the prompt's line is still open
            raise EndOfAnswers(EXIT_USAGE, word(self.lang, ended, **words)) from None

    def _flag(self, user: str) -> str:
        """The option that says who the caller chose to be, for a command to run again."""
        return {"plus": " --plus", "merchant": " --merchant"}.get(user, "")

    def user(self) -> str:
        from jdhotline.catalogue import USERS

        self.out.show(word(self.lang, "ask.user"), word(self.lang, "ask.user.options").split("|"))
        for _ in range(TRIES):
            answer = self._read("ask.user.prompt").lower()
            if answer in ("", "1", "2", "3"):
                return USERS[int(answer or "1") - 1]
            if answer in USERS:
                return answer
            self.out.error(word(self.lang, "ask.user.again"))
        raise Stop(EXIT_USAGE, word(self.lang, "error.no_user"))

    def problem(self, catalogue: Catalogue, user: str) -> tuple[Scenario | None, str]:
        """A scenario picked by number, or the problem in the user's words."""
        offered = scenarios_for(catalogue, user)
        question = "ask.problem.merchant" if user == "merchant" else "ask.problem"
        self.out.show(
            word(self.lang, question), [zh(s.name(self.lang), self.lang) for s in offered]
        )
        for _ in range(TRIES):
            answer = self._read(
                "ask.problem.prompt",
                "error.no_answer.problem",
                command=f"jdhotline {self.command}{self._flag(user)}",
            )
            if answer.isdigit() and 1 <= int(answer) <= len(offered):
                return offered[int(answer) - 1], ""
            if answer and not answer.isdigit():
                return None, answer
            self.out.error(word(self.lang, "ask.problem.again"))
        raise Stop(EXIT_USAGE, word(self.lang, "error.no_problem"))

    def pick(self, catalogue: Catalogue, user: str, text: str) -> Scenario:
        """Nothing matched the words given: choose from the list."""
        offered = scenarios_for(catalogue, user)
        question = word(self.lang, "ask.pick", text=text)
        self.out.show(question, [zh(s.name(self.lang), self.lang) for s in offered])
        for _ in range(TRIES):
            answer = self._read(
                "ask.pick.prompt",
                "error.no_answer.scenario",
                command=f"jdhotline {self.command}{self._flag(user)}",
            )
            if answer.isdigit() and 1 <= int(answer) <= len(offered):
                return offered[int(answer) - 1]
            found = catalogue.find_scenario(answer)
            if found is not None:
                return found
            self.out.error(word(self.lang, "ask.pick.again"))
        raise Stop(EXIT_USAGE, word(self.lang, "error.no_scenario"))

    def unsure(self, rec: Recommendation) -> Scenario:
        """The evidence does not separate the best two: ask which one it is (Enter: the first)."""
        shown = rec.candidates[:2]
        sep = ": " if self.lang != "zh" else ":"
        names = [
            f"{c.scenario.name(self.lang)}{sep}{c.line.name(self.lang)} {c.line.number}"
            for c in shown
        ]
        self.out.show(word(self.lang, "ask.unsure"), [zh(n, self.lang) for n in names])
        for _ in range(TRIES):
            answer = self._read(  # says that Enter picks 1
                "ask.unsure.prompt",
                "error.no_answer.scenario",
                command=f"jdhotline {self.command}{self._flag(rec.user)}",
            )
            if answer in ("", "1"):
                return shown[0].scenario
            if answer == "2":
                return shown[1].scenario
            self.out.error(word(self.lang, "ask.unsure.again"))
        raise Stop(EXIT_USAGE, word(self.lang, "error.no_scenario"))

    def announce_stdin(self) -> None:
        """`which -` in a terminal: say what the silence is waiting for."""
        if interactive():
            self.out.show(word(self.lang, "ask.stdin"))

    def facts(
        self,
        catalogue: Catalogue,
        scenario: Scenario,
        asked: tuple[str, ...],
        facts: Facts,
        parsers: dict[str, Callable[[str], object]],
    ) -> Facts:
        """Ask for each fact in turn (prep.to_ask); Enter skips (and asks for its stand-in,
        if it has one)."""
        from jdhotline.prep import INSTEAD

        buyer = scenario.audience == "buyers"
        queue = list(asked)
        while queue:
            fact = queue.pop(0)
            described = catalogue.fact(fact)
            name = described.name(self.lang) if described else fact
            where = described.where_for(scenario.audience) if described else None
            hint = where(self.lang) if where else None
            if fact in INSTEAD and buyer:
                hint = word(self.lang, "ask.instead", where=hint or "")
            sep = ":" if self.lang == "zh" else ": "
            question = zh(name + (sep + hint if hint else ""), self.lang)
            for _ in range(TRIES):
                # Each try, the question: after a refusal, not a bare "Enter skips".
                self.out.show(question)
                try:
                    answer = self._read("ask.fact")
                except EndOfAnswers:  # Ctrl-D: no more questions; the sheet has what is known
                    return facts
                if not answer:
                    if fact in INSTEAD and buyer:
                        queue.insert(0, INSTEAD[fact])
                    break
                try:
                    value = parsers.get(fact, str)(answer)
                except ValueError as exc:
                    self.out.error(
                        refusal(exc, self.lang) if isinstance(exc, Problem) else str(exc)
                    )
                    continue
                facts = facts.with_(**{fact: value})
                break
        return facts


def today_parsers(today: dt.date) -> dict[str, Callable[[str], object]]:
    """How each fact typed at a prompt is read."""
    from jdhotline.prep import (
        check_not_placeholder,
        parse_day,
        parse_order,
        parse_phone,
        parse_shop,
    )

    return {
        "shop": lambda v: parse_shop(check_not_placeholder(v)),
        "order": parse_order,
        "phone": parse_phone,
        "ordered": lambda v: parse_day(v, today),
        "bought": lambda v: parse_day(v, today),
    }
