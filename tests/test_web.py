"""`jdhotline serve`: the WSGI app (page and JSON API), its server, and hostile requests.

The app is called in-process (a WSGI environ) for what it answers, and through the real
server on the loopback (127.0.0.1) for what a connection does: a slow client, a request
line too long. Nothing here connects to any other address.
"""

from __future__ import annotations

import functools
import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jdhotline.cli.commands import app as cli_app
from jdhotline.schedule import BEIJING
from jdhotline.web import serve
from jdhotline.web.wsgi import MAX_PROBLEM, MAX_QUERY, App, make_app, negotiate

from .conftest import bj

AT = "2026-12-07T20:00"  # a Monday evening: the appliance line open until 21:00
LATE = "2026-12-07T22:00"  # the appliance line closed, 950618 open


@pytest.fixture(scope="module")
def app() -> App:
    return make_app(now=lambda: bj("2026-12-07 10:00"))


class Answer:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status = int(status.split()[0])
        self.headers = dict(headers)
        self.body = body
        self.text = body.decode("utf-8")

    def json(self) -> Any:
        assert self.headers["Content-Type"] == "application/json; charset=utf-8"
        return json.loads(self.text)


def call(
    app: App,
    path: str = "/",
    query: dict[str, str] | str = "",
    *,
    method: str = "GET",
    language: str = "zh-CN,zh;q=0.9",
    environ: dict[str, str] | None = None,
) -> Answer:
    env: dict[str, Any] = {}
    setup_testing_defaults(env)
    env.update(
        PATH_INFO=path,
        QUERY_STRING=query if isinstance(query, str) else urlencode(query),
        REQUEST_METHOD=method,
        HTTP_ACCEPT_LANGUAGE=language,
        **(environ or {}),
    )
    seen: list[Any] = []
    body = b"".join(app(env, lambda status, headers: seen.extend([status, headers])))
    return Answer(seen[0], seen[1], body)


def cli_json(*args: str, exit_code: int = 0) -> Any:
    result = CliRunner().invoke(cli_app, [*args, "--format", "json"])
    assert result.exit_code == exit_code, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- the JSON API


@pytest.mark.parametrize(
    ("query", "args"),
    [
        ({"q": "冰箱不制冷", "lang": "zh"}, ["which", "冰箱不制冷", "--lang", "zh"]),
        ({"q": "my parcel is late", "lang": "en"}, ["which", "my parcel is late", "--lang", "en"]),
        (
            {"s": "appliance", "who": "plus", "lang": "en"},
            ["which", "-s", "appliance", "--plus", "--lang", "en"],
        ),
        (
            {"q": "买家恶意退款", "who": "merchant", "lang": "zh"},
            ["which", "买家恶意退款", "--merchant", "--lang", "zh"],
        ),
    ],
)
def test_which_is_the_cli_json(app: App, query: dict[str, str], args: list[str]) -> None:
    for at in (AT, LATE):
        answer = call(app, "/api/v1/which", {**query, "at": at})
        assert answer.status == 200
        assert answer.json() == cli_json(*args, "--at", at)


@pytest.mark.parametrize(
    ("name", "query", "args"),
    [
        ("open", {"at": LATE}, ["open", "--at", LATE]),
        ("open", {"at": LATE, "line": "merchant"}, ["open", "merchant", "--at", LATE]),
        ("table", {"lang": "zh"}, ["table", "--lang", "zh"]),
        ("table", {"lang": "en"}, ["table", "--lang", "en"]),
        ("scenarios", {"lang": "en"}, ["scenarios", "--lang", "en"]),
        ("calendar", {}, ["calendar"]),
    ],
)
def test_the_other_documents_are_the_cli_json(
    app: App, name: str, query: dict[str, str], args: list[str]
) -> None:
    answer = call(app, f"/api/v1/{name}", query)
    assert answer.status == 200
    # `open LINE` exits 1 for a closed line; here that is an answer (200, "open_now": false).
    closed = name == "open" and "line" in query
    assert answer.json() == cli_json(*args, exit_code=1 if closed else 0)
    if closed:
        assert answer.json()[0]["open_now"] is False


def test_the_api_speaks_the_browsers_language_unless_told(app: App) -> None:
    english = call(app, "/api/v1/which", {"s": "order", "at": AT}, language="en-US,en;q=0.9")
    assert english.json()["primary"]["name"] == "Regular customer line"
    assert english.headers["Content-Language"] == "en"
    chinese = call(app, "/api/v1/which", {"s": "order", "at": AT, "lang": "zh"}, language="en")
    assert chinese.json()["primary"]["name"] == "普通用户热线"


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("", "zh"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en-US,en;q=0.9", "en"),
        ("en-GB,en;q=0.9,zh-CN;q=0.8", "en"),
        ("fr-FR,fr;q=0.9", "zh"),
        ("en;q=0.5,zh;q=0.6", "zh"),
        ("en;q=bad", "zh"),
        ("*", "zh"),
    ],
)
def test_chinese_unless_the_browser_prefers_english(header: str, lang: str) -> None:
    assert negotiate(header) == lang


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ({"at": "yesterday-ish", "s": "order"}, 400, "at"),
        ({"at": "2026-13-45T10:00", "s": "order"}, 400, "at"),
        ({"at": "9999-01-01T00:00", "s": "order"}, 400, "at"),
        ({"s": "nope"}, 400, "unknown_scenario"),
        ({"q": "qwertyuiop zzz"}, 400, "no_match"),
        ({"q": "拼多多的订单怎么退款"}, 400, "no_match.elsewhere"),
        ({"q": "客服电话多少"}, 400, "no_match.calling"),
        ({}, 400, "nothing"),
        ({"s": "order", "who": "admin"}, 400, "who"),
        ({"s": "order", "lang": "fr"}, 400, "lang"),
        ({"q": "冰" * (MAX_PROBLEM + 1)}, 413, "too_long"),
    ],
)
def test_bad_input_is_a_json_error_with_a_status(
    app: App, query: dict[str, str], status: int, code: str
) -> None:
    answer = call(app, "/api/v1/which", query)
    assert answer.status == status
    error = answer.json()["error"]
    assert (error["status"], error["code"], error["exit_code"]) == (status, code, 2)
    assert error["message"] and "Traceback" not in answer.text


def test_an_unknown_line_is_refused_and_named(app: App) -> None:
    error = call(app, "/api/v1/open", {"line": "vip"}, language="en").json()["error"]
    assert error["code"] == "unknown_line"
    assert "regular, plus, appliance, merchant" in error["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/cases",
        "/api/v2/which",
        "/api/v1/",
        "/cases.db",
        "/../data/hotlines.yaml",
        "/favicon.ico",
        "/api/v1/which/../open",
    ],
)
def test_unknown_paths_are_404(app: App, path: str) -> None:
    answer = call(app, path, {"s": "order"})
    assert answer.status == 404
    if path.startswith("/api/"):
        assert answer.json()["error"]["code"] == "not_found"
    else:
        assert answer.headers["Content-Type"].startswith("text/html")
        assert "这个网址没有页面" in answer.text


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"])
@pytest.mark.parametrize("path", ["/", "/api/v1/which"])
def test_only_get_and_head_are_answered(app: App, method: str, path: str) -> None:
    answer = call(app, path, {"s": "order"}, method=method, environ={"CONTENT_LENGTH": "9999999"})
    assert answer.status == 405
    assert answer.headers["Allow"] == "GET, HEAD"


def test_head_is_get_without_the_body(app: App) -> None:
    query = {"s": "order", "at": AT}
    head, get = call(app, "/", query, method="HEAD"), call(app, "/", query)
    assert head.status == get.status == 200
    assert head.body == b""
    assert head.headers["Content-Length"] == get.headers["Content-Length"] == str(len(get.body))


def test_too_long_a_query_or_a_body_is_refused(app: App) -> None:
    long = call(app, "/", "q=" + "a" * (MAX_QUERY + 1))
    assert long.status == 414 and "网址太长" in long.text
    body = call(app, "/api/v1/which", {"s": "order"}, environ={"CONTENT_LENGTH": "5000000"})
    assert body.status == 413 and body.json()["error"]["code"] == "body_too_large"
    fields = call(app, "/api/v1/which", "&".join(f"f{i}=1" for i in range(100)))
    assert fields.status == 414
    odd = call(app, "/api/v1/which", {"s": "order"}, environ={"CONTENT_LENGTH": "-1"})
    assert odd.status == 413


def test_a_too_long_problem_keeps_the_form_on_the_page(app: App) -> None:
    answer = call(app, "/", {"q": "冰箱不制冷" * 101})
    assert answer.status == 413
    assert "描述太长了：最多 500 个字" in answer.text
    assert 'role="alert"' in answer.text


def test_an_error_inside_is_a_500_without_a_traceback(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdhotline.output import documents

    def broken(*args: object) -> None:
        raise RuntimeError("secret detail /etc/passwd")

    monkeypatch.setattr(documents, "table_json", broken)
    errors: list[str] = []

    class Log:
        def write(self, text: str) -> None:
            errors.append(text)

    answer = call(app, "/api/v1/table", environ={"wsgi.errors": Log()})  # type: ignore[dict-item]
    assert answer.status == 500
    assert answer.json()["error"]["code"] == "internal"
    assert "secret" not in answer.text and "Traceback" not in answer.text
    assert errors == ["jdhotline.web: RuntimeError on '/api/v1/table'\n"]


# --------------------------------------------------------------------------- the page


def tel_links(html: str) -> list[str]:
    return re.findall(r'href="(tel:[^"]*)"', html)


def test_the_page_answers_on_the_server_with_a_tel_link(app: App) -> None:
    answer = call(app, "/", {"q": "冰箱不制冷", "at": AT})
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    html = answer.text
    call_line = re.search(r'<p class="call">(.*?)</p>', html)
    assert call_line is not None
    assert '<a class="tel open" href="tel:4006101360">400-610-1360</a>' in call_line.group(1)
    assert "可拨打 · 今天 21:00 下班（还有 1 小时）" in html
    assert "最佳拨打时间" in html and "明天 09:00–11:00" in html
    assert "需准备" in html and "商品型号" in html
    assert "“美的冰箱 BCD-500WTPZM，2023 年买的，不制冷”" in html
    assert '<button type="button" class="copy" data-done="已复制" hidden>复制</button>' in html
    assert "时间：北京时间 12 月 7 日周一 20:00" in html
    # Every tel: link is digits only: no pause, no * or # (iOS refuses them).
    assert tel_links(html) and all(re.fullmatch(r"tel:\d{6,11}", t) for t in tel_links(html))
    assert "tel:950618" in tel_links(html)  # the four lines, each tap-to-dial


def test_the_menu_key_is_in_words_not_in_the_link(app: App) -> None:
    html = call(app, "/", {"s": "order", "at": AT}).text
    assert '<a class="tel open" href="tel:950618">950618</a>' in html
    assert '<strong class="strong">按 1“订单咨询”</strong>' in html


def test_a_closed_line_is_shown_closed_with_the_open_one_beside_it(app: App) -> None:
    html = call(app, "/", {"q": "冰箱不制冷", "at": LATE}).text
    assert '<a class="tel closed" href="tel:4006101360">400-610-1360</a>' in html
    assert "已下班" in html
    state = re.search(r'<p><span class="bad">已下班 · 明天 09:00 开.*?</p>', html)
    assert state is not None and 'href="tel:950618"' in state.group(0)


def test_english_by_the_browser_and_a_switch_back(app: App) -> None:
    html = call(app, "/", {"q": "fridge not cooling", "at": AT}, language="en-US").text
    assert '<html lang="en">' in html
    assert "Call" in html and "tel:4006101360" in html
    switch = re.search(r'<a class="switch" href="([^"]+)"', html)
    assert switch is not None
    assert switch.group(1) == "/?q=fridge+not+cooling&amp;at=2026-12-07T20%3A00&amp;lang=zh"


def test_the_chinese_page_has_no_english_in_its_own_words(app: App) -> None:
    html = call(app, "/", {"q": "冰箱不制冷", "at": AT}).text
    visible = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    visible = re.sub(r"<[^>]+>", " ", visible)
    english = set(re.findall(r"[A-Za-z]{3,}", visible))
    # Names and codes a Chinese user sees in Chinese apps too, and the model in the example.
    allowed = {"PLUS", "APP", "English", "BCD", "WTPZM", "pip", "install", "chinesecalendar"}
    assert english <= allowed, english - allowed


def test_user_text_is_escaped_everywhere(app: App) -> None:
    hostile = (
        '冰箱不制冷"><script>alert(1)</script>[bold red]x[/] \x1b[31m <img src=x onerror=alert(2)>'
    )
    escape = call(app, "/", {"q": "\x1b[31mzz"}).text
    assert "\x1b" not in escape and "“\\x1b[31mzz”" in escape  # shown, never obeyed
    for query in ({"q": hostile, "at": AT}, {"q": "zz" + hostile[5:]}):
        html = call(app, "/", query).text
        assert "<script>alert" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "\x1b" not in html
        scripts = re.findall(r"<script[^>]*>", html)
        assert len(scripts) == 1  # ours, with its nonce
    api = call(app, "/api/v1/which", {"q": "\x1b[31mzz" + hostile[5:]})
    # JSON is data, never sniffed as a page; control characters arrive as visible escapes.
    assert api.headers["X-Content-Type-Options"] == "nosniff"
    assert "\\\\x1b[31m" in api.text and "\x1b" not in api.text


def test_the_content_security_policy_names_the_nonce_and_nothing_else(app: App) -> None:
    answer = call(app, "/", {"s": "order", "at": AT})
    policy = answer.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([A-Za-z0-9_-]+)'", policy)
    assert nonce is not None
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert re.findall(r"<(?:script|style)[^>]*>", answer.text) == [
        f'<style nonce="{nonce.group(1)}">',
        f'<script nonce="{nonce.group(1)}">',
    ]
    assert not re.search(r"<[^>]+\son[a-z]+=", answer.text)  # no inline event handler
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Cache-Control"] == "no-store"
    other = call(app, "/", {"s": "order", "at": AT}).headers["Content-Security-Policy"]
    assert other != policy  # a new nonce each time


def test_nothing_is_loaded_from_elsewhere_and_the_first_load_is_small(app: App) -> None:
    html = call(app, "/", {"q": "冰箱不制冷", "at": AT}).text
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", html)
    no_icon = '<link rel="icon" href="data:,">'  # in the page itself: no /favicon.ico
    assert "@import" not in html and "url(" not in html
    assert "<link" not in html.replace(no_icon, "")
    assert len(html.encode()) < 16_000  # the whole first load: one document, no other request


def test_case_records_are_never_served(tmp_path: Path) -> None:
    """The app never opens the case record: not for a page, not for the API."""
    code = """
import sys
from wsgiref.util import setup_testing_defaults
from jdhotline.web.wsgi import make_app
app = make_app()
for path, query in [("/", "s=order&at=2026-12-07T20:00"), ("/api/v1/which", "s=order"),
                    ("/api/v1/cases", ""), ("/cases.db", "")]:
    env = {}
    setup_testing_defaults(env)
    env.update(PATH_INFO=path, QUERY_STRING=query)
    b"".join(app(env, lambda s, h: None))
print(sorted(m for m in sys.modules if m in ("sqlite3", "jdhotline.record.store", "jdhotline.case")))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_app_is_importable_by_name_and_made_once() -> None:
    import jdhotline.web

    first = jdhotline.web.app
    assert isinstance(first, App)
    assert jdhotline.web.app is first


# --------------------------------------------------------------------------- the server


@pytest.fixture
def server(app: App) -> Iterator[tuple[str, int]]:
    running = serve.make_server("127.0.0.1", 0, app, deadline=2.0)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running.server_address[:2]
    running.shutdown()
    running.server_close()


def fetch(address: tuple[str, int], request: bytes) -> bytes:
    with socket.create_connection(address, timeout=10) as connection:
        connection.sendall(request)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_the_server_answers_on_the_loopback(server: tuple[str, int]) -> None:
    reply = fetch(server, b"GET /api/v1/which?s=order&at=2026-12-07T20:00 HTTP/1.0\r\n\r\n")
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 200 OK")
    assert json.loads(body)["primary"]["number"] == "950618"


def test_a_request_line_too_long_is_refused(server: tuple[str, int]) -> None:
    reply = fetch(server, b"GET /?q=" + b"a" * 70_000 + b" HTTP/1.0\r\n\r\n")
    assert reply.startswith(b"HTTP/1.0 414")


def test_a_client_sending_a_byte_a_second_is_cut_off(server: tuple[str, int]) -> None:
    """The deadline (2 s here) holds for the whole request, not each read: a client that
    keeps sending, a byte a second, is disconnected while still sending (a timeout per
    read alone would never fire), and others are answered meanwhile."""
    import select

    request = b"GET /api/v1/which?s=order HTTP/1.0\r\n\r\n"
    slow = socket.create_connection(server, timeout=10)
    cut_at = None
    try:
        for sent, byte in enumerate(request[:8], start=1):
            slow.sendall(bytes([byte]))
            if sent == 2:  # meanwhile, another client is answered at once
                reply = fetch(server, b"GET /api/v1/open HTTP/1.0\r\n\r\n")
                assert reply.startswith(b"HTTP/1.0 200")
            time.sleep(1.0)
            readable, _, _ = select.select([slow], [], [], 0)
            if readable and slow.recv(1024) == b"":  # closed by the server, no answer
                cut_at = sent
                break
    except OSError:  # the write after the close was refused: cut off all the same
        cut_at = -1
    finally:
        slow.close()
    assert cut_at is not None, "the slow client was never cut off while it kept sending"


def test_serve_runs_the_page_until_stopped(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "jdhotline", "serve", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.fullmatch(r"The page is at http://127\.0\.0\.1:(\d+)/\n", first)
        assert found, first
        reply = fetch(("127.0.0.1", int(found.group(1))), b"GET /?s=order HTTP/1.0\r\n\r\n")
        assert reply.startswith(b"HTTP/1.0 200") and b"tel:950618" in reply
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "Traceback" not in err


def test_serve_refuses_lan_with_host_and_a_busy_port() -> None:
    runner = CliRunner()
    both = runner.invoke(cli_app, ["serve", "--lan", "--host", "0.0.0.0", "--lang", "en"])
    assert both.exit_code == 2 and "--lan chooses the address itself" in both.output
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = runner.invoke(cli_app, ["serve", "--port", str(port), "--lang", "zh"])
    assert busy.exit_code == 2
    assert f"无法在 127.0.0.1 的 {port} 端口上启动" in busy.output
    assert "Traceback" not in busy.output


@pytest.mark.parametrize(
    ("found", "chosen"),
    [
        (["192.168.1.20"], "192.168.1.20"),
        (["10.0.0.7", "192.168.1.20"], "10.0.0.7"),
        (["8.8.8.8", "172.16.4.2"], "172.16.4.2"),  # never a public address
        (["127.0.1.1"], "127.0.0.1"),  # Debian's hostname entry is no LAN
        (["169.254.3.3"], "127.0.0.1"),  # link-local: no network
        (["fe80::1", "not an address"], "127.0.0.1"),
        ([], "127.0.0.1"),
    ],
)
def test_lan_chooses_a_private_address(found: list[str], chosen: str) -> None:
    assert serve.choose(found) == chosen


def test_lan_address_asks_the_system_and_sends_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The route probe: a UDP socket's connect() picks an interface and sends no packet."""
    calls: list[tuple[str, Any]] = []

    class Probe:
        def __init__(self, family: int, kind: int) -> None:
            assert kind == socket.SOCK_DGRAM

        def connect(self, address: tuple[str, int]) -> None:
            calls.append(("connect", address))

        def getsockname(self) -> tuple[str, int]:
            return ("192.168.3.14", 40000)

        def sendto(self, *args: object) -> None:
            raise AssertionError("nothing is sent")

        def close(self) -> None:
            calls.append(("close", None))

    monkeypatch.setattr(serve.socket, "socket", Probe)
    monkeypatch.setattr(serve.socket, "gethostbyname_ex", lambda name: (name, [], ["127.0.1.1"]))
    assert serve.lan_address() == "192.168.3.14"
    assert calls == [("connect", ("192.0.2.1", 9)), ("close", None)]


LAN = """
import sys
from jdhotline.web import serve
serve.lan_address = lambda: "127.0.0.2"  # a loopback address stands in for the LAN one
sys.argv = ["jdhotline", "serve", "--lan", "--port", "0", "--lang", sys.argv[1]]
from jdhotline.cli.commands import main
main()
"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_serve_lan_prints_the_address_and_its_qr_code(lang: str) -> None:
    from .test_qr import decode_terminal

    process = subprocess.Popen(
        [sys.executable, "-c", LAN, lang], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        url = re.search(r"http://127\.0\.0\.2:\d+/", lines[0])
        assert url, lines
        scan = (
            "连着同一个网络的手机扫这个码就能打开："
            if lang == "zh"
            else "On a phone on the same network, scan this code to open it:"
        )
        assert lines[1] == scan + "\n"
        code = [lines[2]]
        while not (line := process.stdout.readline()).startswith(("按", "Ctrl")):
            code.append(line)
        assert decode_terminal("".join(code)) == url.group(0)
        port = int(url.group(0).rsplit(":", 1)[1].strip("/"))
        reply = fetch(("127.0.0.2", port), b"GET / HTTP/1.0\r\n\r\n")
        assert reply.startswith(b"HTTP/1.0 200")
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "Traceback" not in err


# --------------------------------------------------------------------------- the production server


def test_gunicorn_serves_the_app_by_its_name(tmp_path: Path) -> None:
    """The README's command for many users: `gunicorn -w 2 jdhotline.web:app`."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [str(gunicorn), "--workers", "2", "--bind", f"127.0.0.1:{port}", "jdhotline.web:app"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        reply = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not reply:
            try:
                reply = fetch(("127.0.0.1", port), b"GET /api/v1/which?q=fridge HTTP/1.0\r\n\r\n")
            except OSError:
                time.sleep(0.2)
        head, _, body = reply.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.0 200"), reply[:200]
        assert json.loads(body)["primary"]["number"] == "400-610-1360"
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_the_clock_is_read_once_per_request_in_beijing_time() -> None:
    seen: list[int] = []

    def now() -> Any:
        seen.append(1)
        return bj("2026-12-07 22:00")

    app = make_app(now=now)
    html = call(app, "/", {"q": "冰箱不制冷"}).text
    assert len(seen) == 1
    assert "已下班" in html
    assert bj("2026-12-07 22:00").tzinfo is BEIJING


@functools.cache
def any_app() -> App:
    """One app for every example (hypothesis runs a test many times per fixture)."""
    return make_app(now=lambda: bj("2026-12-07 20:00"))


@given(text=st.text(max_size=80), who=st.sampled_from(["", "regular", "plus", "merchant"]))
@settings(max_examples=120, deadline=None)
def test_any_text_gets_an_answer_or_a_clear_refusal(text: str, who: str) -> None:
    page = call(any_app(), "/", {"q": text, "who": who})
    assert page.status in (200, 400)
    assert len(re.findall(r"<script", page.text)) == 1  # ours only, whatever was typed
    assert page.text.count("<a ") == len(re.findall(r'<a (?:class|href)="', page.text))
    api = call(any_app(), "/api/v1/which", {"q": text, "who": who})
    assert api.status in (200, 400)
    document = api.json()
    assert ("error" in document) is (api.status == 400)
