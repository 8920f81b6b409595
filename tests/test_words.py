"""Words: one table for both languages, Chinese punctuation, durations."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from jdhotline.words import WORDS, duration, word, zh_punctuation


def test_both_languages_have_every_word() -> None:
    assert set(WORDS["zh"]) == set(WORDS["en"])
    for name, text in WORDS["en"].items():
        assert set(re.findall(r"{(\w+)", text)) == set(re.findall(r"{(\w+)", WORDS["zh"][name])), (
            name
        )


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
    environment variables and the formats to type are not words)."""
    from .test_answers import english_words

    typed = {"JDHOTLINE", "HOME", "SQLite", "UTF", "LANG", "json", "Ctrl", "calendar"}
    for name in WORDS["zh"]:
        params = dict.fromkeys(re.findall(r"{(\w+)", WORDS["zh"][name]), "1")
        text = word("zh", name, **params)
        assert not english_words(text) - typed, (name, text)
