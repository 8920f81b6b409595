"""The page in a real browser at a phone's size: Playwright with Debian's chromium.

The Playwright browser download cannot be reached from these machines, so .ci/run
installs `chromium` with apt-get and these tests point Playwright at it. They are in the
slow tier (the `browser` mark, tests/conftest.py), run by `pytest --slow` and .ci/run, and
never skip: without the browser they fail, and say how to install it.

The server is jdhotline's own (serve.make_server) on 127.0.0.1, a free port.

    UPDATE_WEB_SCREENSHOT=1 pytest --slow tests/test_web_browser.py -k screenshot
writes docs/web-phone.png, the README's picture.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jdhotline.web import serve
from jdhotline.web.wsgi import make_app

from .conftest import bj

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
AT = "2026-12-07T20:00"
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "web-phone.png"

# Two phones: a common Android size (the narrowest in wide use) and an iPhone.
PHONES = {
    "android": {
        "viewport": {"width": 360, "height": 800},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
        "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
    },
    "iphone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
        "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
        "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    },
}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    app = make_app(now=lambda: bj("2026-12-07 20:00"))
    server = serve.make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: apt-get update && apt-get install -y chromium fonts-noto-cjk"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def page_for(browser: Any, phone: str, locale: str, **options: Any) -> Any:
    context = browser.new_context(**{**PHONES[phone], **options}, locale=locale)
    context.set_default_timeout(15_000)
    return context.new_page()


def no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth"), width


@pytest.mark.parametrize("phone", ["android", "iphone"])
def test_a_problem_typed_in_chinese_gets_the_appliance_line(
    browser: Any, base: str, phone: str
) -> None:
    page = page_for(browser, phone, "zh-CN")
    page.goto(f"{base}/?at={AT}")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.get_by_label("遇到了什么问题？").fill("冰箱不制冷")
    page.get_by_role("button", name="查号码").click()
    button = page.locator("p.call a.tel")
    assert button.inner_text() == "400-610-1360"
    assert button.get_attribute("href") == "tel:4006101360"
    assert "可拨打" in page.locator("#answer").inner_text()
    no_sideways_scroll(page)
    page.context.close()


@pytest.mark.parametrize("phone", ["android", "iphone"])
def test_a_problem_typed_in_english_gets_the_regular_line(
    browser: Any, base: str, phone: str
) -> None:
    page = page_for(browser, phone, "en-US")
    page.goto(f"{base}/?at={AT}")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_label("What happened?").fill("my parcel has not moved for three days")
    page.get_by_label("What happened?").press("Enter")
    button = page.locator("p.call a.tel")
    assert button.inner_text() == "950618"
    assert button.get_attribute("href") == "tel:950618"
    assert "press 1 (order enquiry)" in page.locator("p.call").inner_text()
    no_sideways_scroll(page)
    page.context.close()


def test_a_plus_member_picks_the_plus_line_by_its_label(browser: Any, base: str) -> None:
    page = page_for(browser, "android", "zh-CN")
    page.goto(f"{base}/?at={AT}")
    page.get_by_label("PLUS 会员").check()
    page.get_by_label("或者直接选问题类型").select_option("dispute")
    page.get_by_role("button", name="查号码").click()
    assert page.locator("p.call a.tel").get_attribute("href") == "tel:4006560055"
    assert page.get_by_label("PLUS 会员").is_checked()  # the form keeps what was chosen
    page.context.close()


def test_the_language_switch_keeps_the_question(browser: Any, base: str) -> None:
    page = page_for(browser, "iphone", "zh-CN")
    page.goto(f"{base}/?q=冰箱不制冷&at={AT}")
    page.get_by_label("Switch to English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_label("What happened?").input_value() == "冰箱不制冷"
    assert page.locator("p.call a.tel").inner_text() == "400-610-1360"
    page.context.close()


@pytest.mark.parametrize("phone", ["android", "iphone"])
def test_a_closed_line_is_shown_closed(browser: Any, base: str, phone: str) -> None:
    page = page_for(browser, phone, "zh-CN")
    page.goto(f"{base}/?q=冰箱不制冷&at=2026-12-07T22:00")
    button = page.locator("p.call a.tel")
    assert "closed" in (button.get_attribute("class") or "")
    state = page.locator("#answer p").nth(1).inner_text()
    assert state.startswith("已下班 · 明天 09:00 开")
    assert "现在可拨 950618" in state
    # Grey, not green: a closed number does not look like the one to dial now.
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(107, 107, 107)"
    open_instead = page.locator("#answer p").nth(1).locator("a.tel")
    assert open_instead.get_attribute("href") == "tel:950618"
    page.context.close()


@pytest.mark.parametrize("lang", ["zh-CN", "en-US"])
@pytest.mark.parametrize("path", ["/", "/?q=冰箱不制冷", "/?q=zzzz"])
def test_no_sideways_scroll_at_360_px(browser: Any, base: str, lang: str, path: str) -> None:
    page = page_for(browser, "android", lang)
    page.goto(f"{base}{path}")
    for summary in page.locator("summary").all():
        summary.click()  # the four lines and the calendar open too
    no_sideways_scroll(page)
    page.context.close()


CONTROLS = "a[href], input:not([type=hidden]), select, button, summary"


def test_every_control_is_reached_by_keyboard_and_named(browser: Any, base: str) -> None:
    page = page_for(browser, "android", "zh-CN")
    page.goto(f"{base}/?q=冰箱不制冷&at={AT}")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    controls = page.evaluate(
        f"() => [...document.querySelectorAll('{CONTROLS}')]"
        ".filter(e => !e.hidden).map(e => e.outerHTML.slice(0, 60))"
    )
    reached = []
    for _ in range(len(controls) + 5):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.outerHTML.slice(0, 60)"))
    # Each control once in the tab order (radios are one stop: arrows move inside a group).
    radios = [c for c in controls if 'type="radio"' in c]
    others = [c for c in controls if c not in radios]
    assert all(c in reached for c in others), [c for c in others if c not in reached]
    assert any('type="radio"' in r for r in reached)
    # Each has a name a screen reader says: its label, its text or aria-label.
    names = page.evaluate(
        f"() => [...document.querySelectorAll('{CONTROLS}')].map(e => (e.labels && "
        "e.labels.length ? e.labels[0].innerText : e.getAttribute('aria-label') || "
        "e.innerText).trim())"
    )
    assert all(names), names
    page.context.close()


def test_the_copy_button_copies_the_sentence(browser: Any, base: str) -> None:
    page = page_for(browser, "iphone", "zh-CN", permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{base}/?q=冰箱不制冷&at={AT}")
    button = page.get_by_role("button", name="复制")
    button.click()
    assert (
        page.evaluate("navigator.clipboard.readText()")
        == "美的冰箱 BCD-500WTPZM，2023 年买的，不制冷"
    )
    assert button.inner_text() == "已复制"
    page.context.close()


def test_the_page_works_with_javascript_off(browser: Any, base: str) -> None:
    page = page_for(browser, "android", "zh-CN", java_script_enabled=False)
    page.goto(f"{base}/?at={AT}")
    page.get_by_label("遇到了什么问题？").fill("收到的东西是坏的，要退货")
    page.get_by_label("遇到了什么问题？").press("Enter")
    assert page.locator("p.call a.tel").get_attribute("href") == "tel:950618"
    assert page.locator("button.copy").first.is_hidden()  # no script, no copy: select instead
    page.locator("summary").first.click()  # <details> open without script too
    assert page.locator("#table .card").count() == 4
    page.context.close()


def test_the_page_loads_nothing_from_elsewhere(browser: Any, base: str) -> None:
    page = page_for(browser, "android", "zh-CN")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text))
    page.goto(f"{base}/?q=冰箱不制冷&at={AT}")
    page.get_by_role("button", name="复制").click()
    assert all(url.startswith(base) for url in requested), requested
    assert [u for u in requested if not u.endswith("favicon.ico")] == [
        f"{base}/?q=冰箱不制冷&at={AT}".replace(
            "冰箱不制冷", "%E5%86%B0%E7%AE%B1%E4%B8%8D%E5%88%B6%E5%86%B7"
        )
    ]
    assert not [v for v in violations if "Content Security Policy" in v], violations
    page.context.close()


def test_screenshot_for_the_readme(browser: Any, base: str, tmp_path: Path) -> None:
    """docs/web-phone.png: the answer at an iPhone's size, its first screen."""
    page = page_for(browser, "iphone", "zh-CN", device_scale_factor=2)
    page.goto(f"{base}/?q=冰箱不制冷&at={AT}")
    shot = tmp_path / "web-phone.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (390 * 2, 844 * 2)
    if os.environ.get("UPDATE_WEB_SCREENSHOT"):
        shutil.copyfile(shot, SCREENSHOT)
    assert SCREENSHOT.exists(), "UPDATE_WEB_SCREENSHOT=1 pytest -k screenshot writes it"
    page.context.close()


def test_readme_shows_the_screenshot() -> None:
    readme = (SCREENSHOT.parent.parent / "README.md").read_text(encoding="utf-8")
    first_screen = "\n".join(readme.split("\n")[:25])
    assert re.search(r"docs/web-phone\.png", first_screen)
