"""Traditional Chinese, round 2: the help and usage errors, the catalogue's names, the
web's language list and switch, and check_cues' own usage (a new user's findings)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

AT = ["--at", "2026-12-07T10:00"]
SIMPLIFIED_ONLY = set("该时么码号问题选项数读话专线维这调门")  # each differs in Traditional


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", **(env or {})}
    full.pop("JDHOTLINE_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "jdhotline", *args], capture_output=True, text=True,
        env=full, check=False, timeout=120,
    )  # fmt: skip


def simplified(text: str) -> set[str]:
    return SIMPLIFIED_ONLY & set(text)


@pytest.mark.parametrize("args", [["--help"], ["which", "--help"], ["check", "-h"]])
def test_help_is_traditional_chinese(args: list[str]) -> None:
    out = run(*args, "--lang", "zh-Hant")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("用法：") and "jdhotline" in out.stdout.splitlines()[0]
    assert "Usage" not in out.stdout and "Options" not in out.stdout
    assert "選項：" in out.stdout and not simplified(out.stdout), simplified(out.stdout)


def test_which_help_words() -> None:
    out = run("which", "--help", "--lang", "zh-Hant").stdout
    assert "[選項] [問題]..." in out and "你的問題該撥哪個號碼" in out


def test_the_zh_help_is_unchanged() -> None:
    out = run("which", "--help", "--lang", "zh").stdout
    assert out.startswith("用法：") and out.splitlines()[0].endswith("which [选项] [问题]...")
    assert "你的问题该拨哪个号码" in out


@pytest.mark.parametrize("env", [{}, {"LANG": "zh_TW.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}])
def test_a_usage_error_is_chinese_from_its_first_line(env: dict[str, str]) -> None:
    lang = [] if env else ["--lang", "zh-Hant"]
    out = run("which", "冰箱", "--pluss", *lang, *AT, env=env)
    assert out.returncode == 2
    lines = out.stderr.splitlines()
    assert lines[0].startswith("用法：") and lines[0].endswith("jdhotline which [選項] [問題]...")
    assert lines[1].startswith("試試") and "Usage" not in out.stderr


def test_a_missing_argument_names_it_alike_in_the_usage_line() -> None:
    out = run("check", "--lang", "zh-Hant", *AT)
    assert out.returncode == 2
    assert "jdhotline check [選項] 號碼" in out.stderr.splitlines()[0]
    assert "號碼" in out.stderr.splitlines()[-1] and "NUMBER" not in out.stderr


def test_unknown_scenario_lists_traditional_short_names() -> None:
    out = run("which", "冰箱", "-s", "fridge", "--lang", "zh-Hant", *AT)
    assert out.returncode == 2
    listed = out.stderr.splitlines()[-1]
    assert "appliance（家電安裝 / 維修 / 延保）" in listed and "dispute（維權糾紛）、" in listed
    assert not simplified(listed), simplified(listed)


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_unknown_scenario_brackets_balance(lang: str) -> None:
    listed = run("which", "冰箱", "-s", "fridge", "--lang", lang, *AT).stderr.splitlines()[-1]
    for item in listed.split("：", 1)[1].split("、"):
        assert item.count("（") == item.count("）") == 1, item


def test_unknown_scenario_in_english_is_ids() -> None:
    listed = run("which", "冰箱", "-s", "fridge", "--lang", "en", *AT).stderr.splitlines()[-1]
    assert listed.strip().startswith("Known scenarios: appliance, high-value, dispute,")


def test_unknown_line_names_are_traditional() -> None:
    out = run("open", "nope", "--lang", "zh-Hant", *AT)
    assert "appliance（家電維修專線 400-610-1360）" in out.stderr


SCAM = "有人打电话说是京东客服，让我关闭白条，不然影响征信"


def test_the_safety_sources_are_traditional() -> None:
    out = run("which", SCAM, "--lang", "zh-Hant", *AT)
    assert out.returncode == 5
    assert "來源：京東、瑞安日報、常州市公安局、光明網、環球網" in out.stdout
    full = run("which", SCAM, "--lang", "zh-Hant", "--full", *AT).stdout
    assert "常州市公安局，「警惕快递退款新骗局」" in full  # the title as published
    assert "環球網(" in full and "环球网" not in full
    assert "来源：京东、瑞安日报" in run("which", SCAM, "--lang", "zh", *AT).stdout


def get(path: str, query: dict[str, str], accept: str = "zh-CN") -> tuple[str, str]:
    from urllib.parse import urlencode
    from wsgiref.util import setup_testing_defaults

    from jdhotline.web.wsgi import make_app

    from .conftest import bj

    app = make_app(now=lambda: bj("2026-12-07 10:00"))
    env: dict[str, object] = {}
    setup_testing_defaults(env)
    env.update(PATH_INFO=path, QUERY_STRING=urlencode(query), HTTP_ACCEPT_LANGUAGE=accept)
    seen: list[object] = []
    body = b"".join(app(env, lambda status, headers: seen.extend([status, headers])))
    return str(seen[0]), body.decode("utf-8")


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "“lang”只能是 zh、en、zh-Hant 之一"), ("en", "“lang” must be one of zh, en, zh-Hant")],
)
def test_a_bad_lang_names_every_language(lang: str, said: str) -> None:
    status, body = get("/api/v1/which", {"q": "冰箱", "lang": "fr"}, accept=lang)
    assert status.startswith("400") and said in body


def switches(page: str) -> dict[str, str]:
    import re

    found = re.findall(r'<a class="switch" href="[^"]*lang=([^"&]+)"[^>]*>([^<]+)</a>', page)
    return dict(found)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", {"en": "English", "zh-Hant": "繁體中文"}),
        ("zh-Hant", {"zh": "简体中文", "en": "English"}),
        ("en", {"zh": "简体中文", "zh-Hant": "繁體中文"}),
    ],
)
def test_the_page_switches_to_each_other_language(lang: str, expected: dict[str, str]) -> None:
    status, page = get("/", {"q": "冰箱不制冷", "at": "2026-12-07T20:00", "lang": lang})
    assert status == "200 OK" and switches(page) == expected
    assert "q=%E5%86%B0%E7%AE%B1" in page  # the question kept


def check_cues(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jdhotline.cli.check_cues", *args], capture_output=True,
        text=True, check=False, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_check_cues_help_is_its_usage(flag: str) -> None:
    out = check_cues(flag)
    assert out.returncode == 0 and out.stderr == ""
    assert out.stdout.startswith("usage: python -m jdhotline.cli.check_cues my-cues.yaml")


@pytest.mark.parametrize(
    ("args", "said"),
    [((), "give one cues file"), (("--bogus",), "no such option: --bogus"),
     (("a.yaml", "--catalog"), "--catalog needs a file")],
)  # fmt: skip
def test_check_cues_without_a_file_says_so(args: tuple[str, ...], said: str) -> None:
    out = check_cues(*args)
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.splitlines()
    assert lines[0].startswith("usage: ") and lines[1] == f"check_cues: {said}"
