"""Words: one table for both languages, Chinese punctuation, durations."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from jdhotline.i18n.punctuation import zh_punctuation
from jdhotline.i18n.words import WORDS, duration, word


def test_both_languages_have_every_word() -> None:
    assert set(WORDS["zh"]) == set(WORDS["en"])
    # The placeholders may differ (word order, a time zone left out, a date by its
    # month's name or as ISO): tests/test_words_home.py checks every language's.


def test_chinese_words_read_with_full_width_marks() -> None:
    for name in WORDS["zh"]:
        params = dict.fromkeys(re.findall(r"{(\w+)", WORDS["zh"][name]), "1")
        text = word("zh", name, **params)
        assert not re.search("[\u4e00-\u9fff][,;:?!()]|[,;:?!(][\u4e00-\u9fff]", text), (name, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("商家拒绝退款.", "商家拒绝退款\u3002"),
        (
            "美的冰箱 BCD-500WTPZM,2023 年买的,不制冷",
            "美的冰箱 BCD-500WTPZM\uff0c2023 年买的\uff0c不制冷",
        ),
        ("电话选上午 9:30-11:00,咨询量少", "电话选上午 9:30-11:00\uff0c咨询量少"),
        ("时间: 北京", "时间\uff1a北京"),
        ("(如 BCD-XXXX)", "\uff08如 BCD-XXXX\uff09"),
        ("no Chinese here: 1, 2", "no Chinese here: 1, 2"),
    ],
)
def test_zh_punctuation(text: str, expected: str) -> None:
    assert zh_punctuation(text) == expected


@pytest.mark.parametrize(
    ("minutes", "en", "zh"),
    [(5, "5 min", "5 分钟"), (120, "2 h", "2 小时"), (130, "2 h 10 min", "2 小时 10 分钟"),
     (2820, "1 d 23 h", "1 天 23 小时"), (2880, "2 d", "2 天")],
)  # fmt: skip
def test_durations(minutes: int, en: str, zh: str) -> None:
    delta = dt.timedelta(minutes=minutes)
    assert duration(delta, "en") == en and duration(delta, "zh") == zh


def test_chinese_words_have_no_english() -> None:
    """Every zh word, errors and notes included, reads as Chinese (names, commands,
    environment variables and the formats to type are not words; a catalogue error
    quotes the file's keys)."""
    from .test_answers import english_words

    typed = {"JDHOTLINE", "HOME", "SQLite", "UTF", "LANG", "json", "Ctrl", "calendar", "xlsx"}
    for name in WORDS["zh"]:
        params = dict.fromkeys(re.findall(r"{(\w+)", WORDS["zh"][name]), "1")
        text = word("zh", name, **params)
        quoted = CATALOGUE_TYPED if name.startswith("error.catalogue.") else set()
        assert not english_words(text) - typed - quoted, (name, text)


# What a catalogue error quotes besides words: the file's keys (extra_holidays reads
# as "extra", "holidays") and values, and the formats the file takes.
CATALOGUE_TYPED = {"yaml", "YAML", "UTF", "GBK", "HH", "MM", "YYYY", "DD", "null", "true",
                   "false", "id", "zh", "hotlines", "scenarios", "facts", "start", "end",
                   "extra", "holidays", "workdays", "calendar",
                   "safety", "source", "sources", "note", "http", "https"}  # fmt: skip


def raised_catalogue_codes() -> set[str]:
    """The problem codes load.py, checks.py and safety_load.py raise: self.fail(where,
    CODE, ...) and Refused(file, where, CODE, ...), CODE a string or a name bound to one
    of two strings, and the codes bounded.Unbounded carries."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "jdhotline"

    def strings(node: ast.AST) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return strings(node.body) | strings(node.orelse)
        return set()

    codes: set[str] = set()
    for module in (
        *("load.py", "yaml_read.py", "checks.py", "bounded.py", "safety_load.py"),
        *("files.py", "cues_load.py"),
    ):
        tree = ast.parse((package / module).read_text(encoding="utf-8"))
        bound: dict[str, set[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                bound.setdefault(node.targets[0].id, set()).update(strings(node.value))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                index = {"fail": 1, "Refused": 2, "Unbounded": 0}.get(name)
                if index is None or len(node.args) <= index:
                    continue
                code = node.args[index]
                if isinstance(code, ast.Name):  # a code passed on (fail, _steps's) or chosen
                    codes |= bound.get(code.id, set())
                else:
                    assert strings(code), (module, ast.unparse(node))
                    codes |= strings(code)
            elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
                codes |= strings(node.elts[0]) if isinstance(node.elts[1], ast.Dict) else set()
    return codes


def test_every_catalogue_problem_has_words_in_both_languages() -> None:
    codes = raised_catalogue_codes()
    assert len(codes) >= 50, sorted(codes)
    for code in codes:
        assert f"error.catalogue.{code}" in WORDS["en"], code
        assert f"error.catalogue.{code}" in WORDS["zh"], code
    helpers = {"at", "top", "nothing"}
    for name in WORDS["en"]:
        if name.startswith("error.catalogue.") and name != "error.catalogue.hint":
            code = name.removeprefix("error.catalogue.")
            used = code in codes or code in helpers or code.startswith(("kind.", "weekday."))
            assert used, f"{name} is worded but never raised"
