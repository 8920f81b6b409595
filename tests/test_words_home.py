"""One home for every word (issue 21, step 3): no language branch in code, every key in
every language, Chinese written with its own punctuation in the words and the catalogue."""

from __future__ import annotations

import re
import string
import subprocess
from pathlib import Path

import pytest

from jdhotline import load
from jdhotline.catalogue import chinese_texts
from jdhotline.i18n.words import languages, word, words_of
from jdhotline.web.words_web import _page

ROOT = Path(__file__).resolve().parent.parent
HAN = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u300c\u300d"
# An ASCII , : ; ? ! touching Chinese (before it, or after it past one space):
# "BCD-500,2025", "09:00", "HH:MM" and "--at: …" are not Chinese text.
ASCII_IN_CHINESE = re.compile(f"[{HAN}][,:;?!]|[,:;?!] ?[{HAN}]")


def ascii_in_chinese(text: str) -> str | None:
    found = ASCII_IN_CHINESE.search(text)
    return found.group() if found else None


@pytest.mark.parametrize(
    ("text", "refused"),
    [("订单号 12345,需要介入", True), ("时间线:哪天", True), ("好吗?", True),
     ("是的; 不是", True), ("{x}, 中文", True), ("型号 BCD-500,2025", False),
     ("每天 09:00–21:00", False), ("订单号 12345，需要介入", False), ("no Chinese, here", False)],
)  # fmt: skip
def test_the_check_refuses_an_ascii_comma_in_chinese(text: str, refused: bool) -> None:
    assert bool(ascii_in_chinese(text)) is refused


def _chinese_languages() -> list[str]:
    return [lang for lang in languages() if lang.startswith("zh")]


@pytest.mark.parametrize("lang", _chinese_languages())
def test_chinese_words_are_written_with_full_width_marks(lang: str) -> None:
    for name, text in {**words_of(lang), **_page(lang)}.items():
        assert not ascii_in_chinese(text), (lang, name, text)


def test_the_catalogue_writes_chinese_with_full_width_marks() -> None:
    texts = chinese_texts(load.load())  # through the loader's objects, not the files
    assert len(texts) > 100  # the walk reaches the lines, scenarios, facts and safety
    bad = [t for t in texts if ascii_in_chinese(t)]
    assert not bad, f"write these with ，：；？！ (data/hotlines.yaml): {bad}"


def test_every_language_has_every_word() -> None:
    """zh, en and every lang_<tag>.py: the same keys, the same placeholders."""
    english = words_of("en")
    page = _page("en")
    for lang in languages():
        assert set(words_of(lang)) == set(english), lang
        assert set(_page(lang)) == set(page), lang
        for name in english:
            # A language may leave a parameter out (zh shows no time zone), never invent one.
            given = set().union(*(_fields(words_of(x)[name]) for x in ("en", "zh")))
            assert _fields(words_of(lang)[name]) <= given, (lang, name)


def _fields(text: str) -> set[str]:
    return {f[1].split(".")[0] for f in string.Formatter().parse(text) if f[1]}


def test_no_language_branch_is_left_in_code() -> None:
    """Grammar lives in the words: no `lang == "zh"` or `if zh else` anywhere in the
    package, the command line included (issue 21)."""
    found = subprocess.run(
        ["grep", "-rnE", "--include=*.py", r'lang *[!=]= *"(zh|en)"|if zh\b|zh else', "jdhotline"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    ).stdout.splitlines()  # fmt: skip
    assert found == []


def test_a_template_says_the_grammar() -> None:
    assert word("en", "reason.serves", scenario="Appliance repair") == (
        "It handles appliance repair."
    )
    assert word("en", "reason.serves", scenario="PLUS perks") == "It handles PLUS perks."
    assert word("en", "script.sentence", text="order 1; please chase it") == (
        "Order 1; please chase it."
    )
    assert word("zh", "script.sentence", text="订单号 1，麻烦催进度") == "订单号 1，麻烦催进度"
    assert word("en", "escalate.days.one") == "1 day"
    assert word("en", "escalate.days.other", n=3) == "3 days"
    # "closed" the status and "closed" the entry are two words.
    assert word("zh", "status.closed") != word("zh", "kind.close")
