"""The production server's settings are the ones measured (issue 23's load bar), and the
shortcuts taken for speed change nothing a user sees."""

from __future__ import annotations

import gc
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

from typer.testing import CliRunner

from jdhotline.cli.commands import app as cli_app
from jdhotline.i18n import punctuation
from jdhotline.web import gunicorn_conf
from jdhotline.web.wsgi import make_app

from .test_web import fetch

ROOT = Path(__file__).resolve().parent.parent
CONF = "python:jdhotline.web.gunicorn_conf"


def test_the_settings_are_the_measured_ones() -> None:
    """docs/web.md's figures were measured with these: two gthread workers, each with its
    own listening socket (else one worker took every kept-alive connection)."""
    assert gunicorn_conf.workers == 2
    assert gunicorn_conf.worker_class == "gthread"
    assert gunicorn_conf.threads == 4
    assert gunicorn_conf.reuse_port is True
    assert gunicorn_conf.bind == ["127.0.0.1:8000"]  # the network only when told
    assert gunicorn_conf.loglevel == "warning"  # no access log of people's problems


def test_a_worker_freezes_the_collector_once_the_app_is_made() -> None:
    gc.unfreeze()
    try:
        gunicorn_conf.post_worker_init(object())
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_docs_and_the_bench_run_gunicorn_with_these_settings() -> None:
    """The command for many users in the READMEs and docs/web.md, and the bench's."""
    for name in ("README.md", "README.zh-CN.md", "docs/web.md", "docs/usage/serve.md"):
        commands = re.findall(r"^.*\bgunicorn\s.*jdhotline\.web:app.*$", _read(name), re.M)
        assert commands, name
        for command in commands:
            assert f"-c {CONF}" in command, (name, command)
    bench = _read("bench/serve.py")
    assert f'"-c", "{CONF}"' in bench


def test_gunicorn_answers_with_these_settings() -> None:
    """Started as the docs say, on the loopback: every connection of a burst is answered
    (each worker listens on its own socket, so neither may be left without its app)."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [str(gunicorn), "-c", CONF, "-b", f"127.0.0.1:{port}", "jdhotline.web:app"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        request = b"GET /api/v1/which?q=fridge HTTP/1.0\r\n\r\n"
        reply = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not reply:
            try:
                reply = fetch(("127.0.0.1", port), request)
            except OSError:
                time.sleep(0.2)
        replies = [reply] + [fetch(("127.0.0.1", port), request) for _ in range(15)]
        if Path("/proc/net/tcp").exists():  # Linux: each worker listens on its own socket
            assert _listening(port) == gunicorn_conf.workers
        for each in replies:
            head, _, body = each.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.0 200"), each[:200]
            assert json.loads(body)["primary"]["number"] == "400-610-1360"
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert "Traceback" not in err


def test_the_api_writes_compact_json_with_the_same_document() -> None:
    """One line and a newline: the keys and values of `which --format json` all the same."""
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ["PATH_INFO"] = "/api/v1/which"
    environ["QUERY_STRING"] = urlencode({"q": "冰箱不制冷", "lang": "zh", "at": "2026-12-07T20:00"})
    seen: list[str] = []
    body = b"".join(make_app()(environ, lambda status, headers: seen.append(status)))
    assert seen == ["200 OK"]
    text = body.decode("utf-8")
    assert text.endswith("}\n") and text.count("\n") == 1
    args = ["which", "冰箱不制冷", "--lang", "zh", "--at", "2026-12-07T20:00", "--format", "json"]
    cli = CliRunner().invoke(cli_app, args)
    assert cli.exit_code == 0, cli.output
    assert json.loads(text) == json.loads(cli.stdout)


def test_the_quick_checks_see_the_characters_the_loop_sees() -> None:
    """zh_punctuation answers a text early when it holds no mark to change or no Chinese:
    its two expressions must name exactly _cjk's characters and FULL's marks."""
    for code in range(0x10000):
        char = chr(code)
        assert bool(punctuation._ANY_CJK.match(char)) == punctuation._cjk(char), hex(code)
        assert bool(punctuation._ANY_MARK.match(char)) == (char in punctuation.FULL), hex(code)


def _listening(port: int) -> int:
    """How many sockets listen on 127.0.0.1:``port`` (state 0A in /proc/net/tcp)."""
    rows = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    return sum(row[1] == f"0100007F:{port:04X}" and row[3] == "0A" for row in rows)


def _read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")
