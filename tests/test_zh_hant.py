"""Traditional Chinese (--lang zh-Hant): the generated words are current, every command
answers in Traditional characters, and the language is chosen by --lang and the locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AT = ["--at", "2026-12-07T10:00"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "jdhotline", *args], capture_output=True, text=True,
        env=full, check=False, timeout=120,
    )  # fmt: skip


def test_the_word_file_is_what_the_script_writes() -> None:
    """scripts/zh_hant.py regenerates jdhotline/i18n/languages/zh-Hant.json identically: run it
    after changing a Simplified word or the catalogue's Chinese."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import zh_hant

    assert zh_hant.render() == zh_hant.TARGET.read_text(encoding="utf-8")


def test_the_run_time_needs_no_converter_for_the_shipped_words() -> None:
    code = (
        "import sys; from jdhotline.__main__ import main; sys.argv = ['jdhotline', 'which', "
        "'--plus', '-s', 'appliance', '--lang', 'zh-Hant', '--at', '2026-12-07T10:00'];\n"
        "try: main()\nexcept SystemExit: pass\nprint('opencc' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout.strip().endswith("False"), out.stderr


@pytest.mark.parametrize("value", ["zh-Hant", "zh-hant", "zh-TW", "zh-HK", "zh-MO"])
def test_lang_takes_zh_hant_and_its_regions(value: str) -> None:
    out = run("which", "--plus", "-s", "appliance", "--lang", value, *AT)
    assert out.returncode == 0, out.stderr
    assert "撥打 400-610-1360  家電維修專線" in out.stdout
    assert "拨打" not in out.stdout


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_TW.UTF-8", "撥打"), ("zh_HK.UTF-8", "撥打"), ("zh_CN.UTF-8", "拨打"), ("C", "Call")],
)
def test_the_locale_chooses_the_language(locale: str, expected: str) -> None:
    env = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": locale, "JDHOTLINE_LANG": ""}
    out = run("which", "--plus", "-s", "appliance", *AT, env=env)
    assert out.stdout.startswith(expected), out.stdout + out.stderr


@pytest.mark.parametrize(
    "args",
    [["which", "冰箱不制冷", "--full"], ["table"], ["prep", "-s", "order", "--order", "123",
     "--fault", "没发货", "--want", "今天发货"], ["check", "950618"]],
)  # fmt: skip
def test_every_answer_reads_traditional(args: list[str]) -> None:
    out = run(*args, "--lang", "zh-Hant", *AT, env={"JDHOTLINE_HOME": "/nonexistent-home"})
    assert out.returncode == 0, out.stderr
    # Simplified forms that Traditional writes otherwise, outside what the user typed
    # and the guide's title quoted as published.
    text = out.stdout.replace("冰箱不制冷", "").replace("没发货", "").replace("今天发货", "")
    text = text.replace("《京东热线全攻略》", "").replace("京东核心热线分类与适用场景", "")
    for simplified in "拨热线时间话号码订单务买会员":
        assert simplified not in text, (args, simplified, out.stdout)


def test_a_users_own_catalogue_is_converted_too(tmp_path: Path) -> None:
    """Chinese the build did not convert (a user's --catalog) is converted when shown."""
    from jdhotline.i18n.convert import traditional

    assert traditional("家电维修专线，请拨打“950618”") == "家電維修專線，請撥打「950618」"
    mine = tmp_path / "mine.yaml"
    shipped = (ROOT / "data" / "hotlines.yaml").read_text(encoding="utf-8")
    mine.write_text(shipped.replace("zh: 家电维修专线", "zh: 家电修理专线"), encoding="utf-8")
    out = run("which", "--plus", "-s", "appliance", "--catalog", str(mine), "--lang", "zh-Hant",
              *AT)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "撥打 400-610-1360  家電修理專線" in out.stdout


@pytest.mark.parametrize(
    ("header", "lang"),
    [("zh-TW,zh;q=0.9,en;q=0.8", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-Hant", "zh-Hant"),
     ("zh-CN,zh;q=0.9", "zh"), ("en-US,en;q=0.9,zh-TW;q=0.8", "en")],
)  # fmt: skip
def test_the_page_speaks_traditional_to_a_traditional_browser(header: str, lang: str) -> None:
    from jdhotline.web.wsgi import negotiate

    assert negotiate(header) == lang


def test_the_page_in_traditional_chinese() -> None:
    from urllib.parse import urlencode
    from wsgiref.util import setup_testing_defaults

    from jdhotline.web.wsgi import make_app

    from .conftest import bj

    app = make_app(now=lambda: bj("2026-12-07 10:00"))
    env: dict[str, object] = {}
    setup_testing_defaults(env)
    query = urlencode({"q": "冰箱不制冷", "at": "2026-12-07T20:00"})
    env.update(PATH_INFO="/", QUERY_STRING=query, HTTP_ACCEPT_LANGUAGE="zh-TW")
    seen: list[object] = []
    body = b"".join(app(env, lambda status, headers: seen.extend([status, headers])))
    page = body.decode("utf-8")
    assert seen[0] == "200 OK" and ("Content-Language", "zh-Hant") in seen[1]
    assert '<html lang="zh-Hant">' in page
    assert "家電維修專線" in page and "家电维修专线" not in page
