"""JDHOTLINE_LANG naming no language is said once, on stderr, in the language answered
in (the locale's), instead of being passed over in silence; --lang stands for it."""

import os
import subprocess
import sys

import pytest

from jdhotline.i18n.messages import unknown_env_language

_OPEN = ["-m", "jdhotline", "open", "merchant", "--at", "2026-11-27T10:00"]


def _run(*extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONIOENCODING": "utf-8", **env}
    return subprocess.run(
        [sys.executable, *_OPEN, *extra], capture_output=True, text=True, env=full, timeout=60
    )


def test_an_unknown_language_is_said_in_the_locales_language() -> None:
    en = _run(JDHOTLINE_LANG="fr", LANG="fr_FR.UTF-8", LC_ALL="")
    assert en.returncode == 0 and "Merchant line" in en.stdout
    said = "JDHOTLINE_LANG=fr is not a language jdhotline answers in (zh, en, zh-Hant), so it"
    assert " ".join(en.stderr.split()) == said + " was left aside."
    zh = _run(JDHOTLINE_LANG="fr", LANG="zh_CN.UTF-8", LC_ALL="")
    assert "商家专属热线" in zh.stdout
    assert (
        zh.stderr.strip()
        == "JDHOTLINE_LANG=fr 不是 jdhotline 能用的回答语言（zh、en、zh-Hant），已忽略。"
    )


@pytest.mark.parametrize(
    ("value", "args", "said"),
    [
        ("fr", [], "fr"),
        ("fr", ["--lang", "zh"], None),
        ("fr", ["--lang=en"], None),
        ("zh_TW", [], None),
        ("en_US.UTF-8", [], None),
        ("", [], None),
    ],
)
def test_which_values_are_said(
    monkeypatch: pytest.MonkeyPatch, value: str, args: list[str], said: str | None
) -> None:
    monkeypatch.setenv("JDHOTLINE_LANG", value)
    assert unknown_env_language(["open", *args]) == said


def test_nothing_is_said_while_completing_or_after_double_dash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JDHOTLINE_LANG", "fr")
    assert unknown_env_language(["which", "--", "--lang"]) == "fr"
    monkeypatch.setenv("_JDHOTLINE_COMPLETE", "complete_bash")
    assert unknown_env_language(["open"]) is None
