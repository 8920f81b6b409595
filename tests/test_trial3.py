"""A new user's trial of `serve`, the page and the API (issues 22 and 23): what broke.

Each test failed before its fix: a traceback for a port out of range, the production
server refusing a problem the form accepts, an English list in a Chinese error, the
safety answer's numbers not tap-to-dial, an English system error in a Chinese message.
"""

from __future__ import annotations

import errno
import json
import re
import socket
import subprocess
import sys
import time
from html import escape
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jdhotline.cli.commands import app as cli_app
from jdhotline.i18n.words import word
from jdhotline.web.wsgi import MAX_PROBLEM, App, make_app

from .conftest import bj
from .test_web import call, fetch, server  # noqa: F401  (server: a fixture)
from .test_web_browser import base, browser, page_for  # noqa: F401  (base, browser: fixtures)

AT = "2026-12-07T20:00"  # a Monday evening: the appliance line open until 21:00
SCAM = "有人自称京东客服让我关闭白条"


@pytest.fixture(scope="module")
def app() -> App:
    return make_app(now=lambda: bj("2026-12-07 10:00"))


# --------------------------------------------------------------------------- serve's options


@pytest.mark.parametrize(
    ("port", "lang", "message"),
    [
        (
            "99999",
            "en",
            "Error: Invalid value for '--port': '99999' is not a port: a number from 0 to 65535.\n",
        ),
        ("abc", "zh", "错误：--port 的值无效：“abc”不是端口号，端口号是 0 到 65535 之间的数\n"),
        ("-1", "zh", "错误：--port 的值无效：“-1”不是端口号，端口号是 0 到 65535 之间的数\n"),
        (
            "65536",
            "zh-Hant",
            "錯誤：--port 的值無效：「65536」不是端口號，端口號是 0 到 65535 之間的數\n",
        ),
    ],
)
def test_a_port_that_is_no_port_is_a_usage_error(port: str, lang: str, message: str) -> None:
    """`serve --port 99999` was a traceback (OverflowError from bind) and exit 1, and
    `--port abc` was refused in pydantic's English ("Input should be a valid integer")
    in zh too."""
    result = CliRunner().invoke(cli_app, ["serve", "--port", port, "--lang", lang])
    assert result.exit_code == 2, result.output
    assert result.output.endswith(message), result.output
    assert "Traceback" not in result.output


def test_a_port_in_full_width_digits_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """８０８０ typed with a Chinese input method is the port 8080 (not the default)."""
    from jdhotline.web import serve

    seen: list[int] = []

    def listen(host: str, port: int, app: object) -> FakeServer:
        seen.append(port)
        return FakeServer()

    monkeypatch.setattr(serve, "make_server", listen)
    result = CliRunner().invoke(cli_app, ["serve", "--port", "８０８０", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert seen == [8080]


@pytest.mark.parametrize(
    ("error", "lang", "reason"),
    [
        (OSError(errno.EADDRINUSE, "Address already in use"), "zh", "端口已被占用"),
        (OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address"), "zh", "本机没有这个地址"),
        (OSError(errno.EACCES, "Permission denied"), "zh", "没有权限"),
        (socket.gaierror(-2, "Name or service not known"), "zh", "找不到这个主机名"),
        (socket.gaierror(-2, "Name or service not known"), "zh-Hant", "找不到這個主機名"),
        (OSError(errno.EADDRINUSE, "Address already in use"), "en", "the port is taken"),
    ],
)
def test_why_serve_cannot_listen_is_said_in_the_language(
    monkeypatch: pytest.MonkeyPatch, error: OSError, lang: str, reason: str
) -> None:
    """In Chinese, the system's English reason ("Name or service not known") followed a
    Chinese lead: nothing English in zh mode."""
    from jdhotline.web import serve

    def refuse(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(serve, "make_server", refuse)
    result = CliRunner().invoke(cli_app, ["serve", "--port", "8618", "--lang", lang])
    assert result.exit_code == 2, result.output
    assert reason in result.output
    assert len(result.output.splitlines()) == 1
    if lang != "en":
        assert not re.search(r"[A-Za-z]{3,}", result.output.split("：", 1)[1].replace("--port", ""))


# --------------------------------------------------------------------------- the API's words


def test_an_unknown_line_lists_the_lines_with_chinese_marks(app: App) -> None:
    """`/api/v1/open?line=nope` in Chinese listed the ids with ASCII commas."""
    zh = call(app, "/api/v1/open", {"line": "nope", "lang": "zh"}).json()["error"]["message"]
    assert zh == "没有“nope”这条热线；可选：regular、plus、appliance、merchant。"
    en = call(app, "/api/v1/open", {"line": "nope", "lang": "en"}).json()["error"]["message"]
    assert en == "There is no line 'nope'; lines: regular, plus, appliance, merchant."


# --------------------------------------------------------------------------- the page


def tel_links(html: str) -> list[str]:
    return re.findall(r'<a class="tel[^"]*" href="(tel:[^"]*)"', html)


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
def test_the_safety_answer_dials_jds_own_lines(app: App, lang: str) -> None:
    """ "Call JD yourself on its official line": on a phone, the four lines under that
    sentence were bold text, not links, and 400-622-9068 broke across two lines."""
    html = call(app, "/", {"q": SCAM, "at": AT, "lang": lang}).text
    safety = html.split('<section id="safety"', 1)[1].split("<form ", 1)[0]
    assert tel_links(safety) == ["tel:950618", "tel:4006560055", "tel:4006101360", "tel:4006229068"]


def test_other_bold_figures_are_not_links(app: App) -> None:
    """Only a phone number the view shows as one (a line's number) dials: the answer's
    other strong text, a menu key or a heading, stays text."""
    html = call(app, "/", {"s": "order", "at": AT, "lang": "en"}).text
    answer = html.split('<section id="answer"', 1)[1].split("</section>", 1)[0]
    assert tel_links(answer) == ["tel:950618"]


# --------------------------------------------------------------------------- the production server


def test_gunicorn_with_the_readmes_settings_answers_the_longest_problem(tmp_path: Path) -> None:
    """The form takes 500 characters; URL-encoded, 500 Chinese ones are 4,500 bytes, and
    gunicorn's default request line (4,094 bytes) refused them with its own English page
    (414 "Request Line is too large") where `jdhotline serve` answered."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [str(gunicorn), "-c", "python:jdhotline.web.gunicorn_conf", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "jdhotline.web:app"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    from urllib.parse import quote

    problem = quote("冰箱不制冷" * (MAX_PROBLEM // 5))
    query = f"q={problem}&who=plus&s=appliance&at={AT}&lang=zh-Hant".encode()
    try:
        reply = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not reply:
            try:
                reply = fetch(("127.0.0.1", port), b"GET /?" + query + b" HTTP/1.0\r\n\r\n")
            except OSError:
                time.sleep(0.2)
        assert reply.startswith(b"HTTP/1.0 200"), reply[:300]
        assert b'href="tel:4006101360"' in reply
        api = fetch(("127.0.0.1", port), b"GET /api/v1/which?" + query + b" HTTP/1.0\r\n\r\n")
        head, _, body = api.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.0 200"), api[:300]
        assert json.loads(body)["primary"]["number"] == "400-610-1360"
    finally:
        process.terminate()
        process.communicate(timeout=30)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "zh",
            "网址里的文字不是 UTF-8 编码，请按 UTF-8 编码后再试（浏览器会自动这样做；GBK 等编码无法识别）。",
        ),
        (
            "en",
            "The address's text is not UTF-8: encode the query as UTF-8 (a browser does; GBK is not read).",
        ),
    ],
)
def test_a_query_not_in_utf8_is_named_so(app: App, lang: str, message: str) -> None:
    """冰箱 in GBK (%B1%F9%CF%E4) was read as four U+FFFD and refused as “no match for ����”."""
    language = "zh-CN" if lang == "zh" else "en"
    answer = call(app, "/api/v1/which", "q=%B1%F9%CF%E4", language=language)
    assert answer.status == 400
    assert answer.json()["error"] == {
        "status": 400,
        "exit_code": 2,
        "code": "encoding",
        "message": message,
    }
    page = call(app, "/", "q=%B1%F9%CF%E4", language=language)
    assert page.status == 400 and message.replace("'", "&#x27;") in page.text
    assert "\ufffd" not in page.text


def test_a_query_not_in_utf8_is_refused_in_the_language_it_asks_for(app: App) -> None:
    """`lang` is ASCII, so it is read even when the problem beside it is not UTF-8."""
    answer = call(app, "/api/v1/which", "q=%B1%F9&lang=zh-Hant", language="zh-CN")
    assert answer.json()["error"]["message"].startswith("網址裡的文字不是 UTF-8 編碼")
    other = call(app, "/api/v1/which", "q=%B1%F9&lang=fr", language="en")
    assert other.json()["error"]["message"].startswith("The address's text is not UTF-8")


class FakeServer:
    """Stands in for the socket server: nothing is bound, and Ctrl-C comes at once."""

    server_address = ("0.0.0.0", 8618)

    def serve_forever(self) -> None:
        raise KeyboardInterrupt

    def server_close(self) -> None:
        pass


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_serve_on_every_address_prints_one_a_phone_can_open(
    monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    """`serve --host 0.0.0.0` printed http://0.0.0.0:8618/, which no phone can open."""
    from jdhotline.web import serve

    monkeypatch.setattr(serve, "make_server", lambda *args, **kwargs: FakeServer())
    monkeypatch.setattr(serve, "lan_address", lambda: "192.168.3.14")
    result = CliRunner().invoke(cli_app, ["serve", "--host", host, "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "网页地址：http://192.168.3.14:8618/"
    here = CliRunner().invoke(cli_app, ["serve", "--host", "127.0.0.1", "--lang", "en"])
    assert here.output.splitlines()[0] == "The page is at http://127.0.0.1:8618/"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh", "没有“fridge”这个问题类型，请从列表里选一个，或者直接描述问题。"),
        (
            "en",
            "There is no scenario &#x27;fridge&#x27;: pick the kind of problem from the list, or describe it.",
        ),
    ],
)
def test_an_unknown_scenario_on_the_page_points_at_the_form(
    app: App, lang: str, message: str
) -> None:
    """A link with an old or mistyped id (`/?s=fridge`) told a phone's user to "see
    /api/v1/scenarios"; the API keeps saying so, the page points at its own list."""
    page = call(app, "/", {"s": "fridge", "lang": lang})
    assert page.status == 400
    assert f'id="error">{message}<' in page.text
    assert "/api/v1/scenarios" not in page.text
    api = call(app, "/api/v1/which", {"s": "fridge", "lang": lang}).json()["error"]
    assert "/api/v1/scenarios" in api["message"]


# --------------------------------------------------------------------------- in a browser

RED = "rgb(179, 38, 30)"  # .bad, #b3261e: as the terminal's bold red


@pytest.mark.browser
def test_the_scam_headline_is_red_as_in_the_terminal(browser: Any, base: str) -> None:  # noqa: F811
    """The safety answer's first line ("这很像冒充京东客服的诈骗：立即挂断…") is bold red
    in the terminal; on the page it was bold black, like any other sentence."""
    page = page_for(browser, "android", "zh-CN")
    page.goto(f"{base}/?q={SCAM}")
    headline = page.locator("#safety p strong").first
    assert headline.inner_text().startswith("这很像冒充京东客服的诈骗")
    assert headline.evaluate("e => getComputedStyle(e).color") == RED
    links = page.locator("#safety a.tel")
    assert links.count() == 4
    assert links.first.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    page.context.close()


# --------------------------------------------------------------------------- before the app


@pytest.mark.parametrize(
    ("request_bytes", "status", "code", "message"),
    [
        (
            b"GET /api/v1/which?q=" + b"a" * 70_000 + b" HTTP/1.0\r\n\r\n",
            414,
            "query_too_long",
            "网址太长（最多 8192 字节）。",
        ),
        (
            b"GET / HTTP/1.0\r\n" + b"X-A: b\r\n" * 101 + b"\r\n",
            431,
            "bad_request",
            "请求的格式不对，服务器读不了。",
        ),
    ],
)
def test_what_the_server_refuses_before_the_app_is_the_apis_json(
    server: tuple[str, int],  # noqa: F811  (the fixture)
    request_bytes: bytes,
    status: int,
    code: str,
    message: str,
) -> None:
    """A request line over 64 KB, or one that is no HTTP, never reaches the app: wsgiref
    answered with http.server's English HTML page ("Error response … Request-URI Too
    Long"), without the app's headers."""
    reply = fetch(server, request_bytes)
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(f"HTTP/1.0 {status} ".encode()), head
    assert b"Content-Type: application/json; charset=utf-8" in head
    assert b"X-Content-Type-Options: nosniff" in head
    assert json.loads(body) == {
        "error": {"status": status, "exit_code": 2, "code": code, "message": message}
    }


def test_a_request_that_is_no_http_gets_the_json_error_alone(
    server: tuple[str, int],  # noqa: F811  (the fixture)
) -> None:
    """No HTTP version, so no status line or headers (HTTP/0.9, as http.server answers
    it): the body alone, now the JSON error rather than an English page."""
    reply = fetch(server, b"NOT HTTP AT ALL\r\n\r\n")
    assert json.loads(reply)["error"]["code"] == "bad_request"


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
def test_the_pages_working_days_give_no_advice_for_the_server(app: App, lang: str) -> None:
    """The page's working days ended with `pip install -U chinesecalendar` and "declare
    the notice in your catalogue": advice for whoever runs the server, English code on a
    Chinese phone's page. `jdhotline calendar` keeps it."""
    html = call(app, "/", {"lang": lang}).text
    days = html.split('<details id="calendar">', 1)[1].split("</details>", 1)[0]
    assert "2004–2026" in days
    assert "pip install" not in days
    assert escape(word(lang, "cal.verify")) not in days
    cli = CliRunner().invoke(cli_app, ["calendar", "--lang", lang])
    assert "pip install -U chinesecalendar" in cli.output


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("zh", "用手机相机扫这个码，就能拨打 950618："),
        ("en", "Scan with a phone's camera to dial 950618:"),
        ("zh-Hant", "用手機相機掃這個碼，就能撥打 950618："),
    ],
)
def test_which_qr_says_what_the_code_does(lang: str, caption: str) -> None:
    """The code came under the answer unannounced: a block of characters a stranger had
    to guess was for a phone's camera, and that it dials."""
    from .test_qr import decode_terminal, qr_of

    result = CliRunner().invoke(
        cli_app, ["which", "--qr", "-s", "order", "--lang", lang, "--at", AT]
    )
    assert result.exit_code == 0, result.output
    code = qr_of(result.stdout)
    before = result.stdout[: result.stdout.rindex(code)].rstrip("\n").split("\n")[-1]
    assert before == caption
    assert decode_terminal(code) == "tel:950618"


def test_the_page_says_it_has_no_icon_so_nothing_else_is_asked_for(app: App) -> None:
    """A phone's browser asks every site for /favicon.ico unless the page names its icon:
    the page loaded "nothing else" only in headless Chromium, and each visit from a
    phone cost a second request answered with the whole 404 page (10 KB)."""
    page = call(app, "/", {"s": "order", "at": AT})
    head = page.text.split("</head>", 1)[0]
    assert '<link rel="icon" href="data:,">' in head
    assert "img-src 'self' data:" in page.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh", "at：“25:00”不是一天中的时刻（00:00–23:59）。"),
        ("en", "at: '25:00' is not a time of day (00:00-23:59)."),
        ("zh-Hant", "at：「25:00」不是一天中的時刻（00:00–23:59）。"),
    ],
)
def test_a_bad_at_is_a_whole_sentence_like_the_other_errors(
    app: App, lang: str, message: str
) -> None:
    """Every error of the API ends its sentence but `at`'s, which stopped short."""
    error = call(app, "/api/v1/which", {"s": "order", "at": "25:00", "lang": lang}).json()
    assert error["error"]["message"] == message
