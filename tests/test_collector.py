"""The console script runs one command with the cycle collector off (__main__.py:
its passes over Typer's, pydantic's and Rich's objects were 10-15 ms of every
command, bench/startup.py); `serve`, which runs on, turns it back on."""

import gc
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from jdhotline.cli.commands import app

_RUN = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: sys.stderr.write(f'COLLECTOR {gc.isenabled()}'))\n"
    "sys.argv = ['jdhotline', 'open', '--at', '2026-11-27T10:00', '--format', 'json']\n"
    "from jdhotline.__main__ import main\n"
    "main()\n"
)


def test_a_command_runs_with_the_collector_off() -> None:
    proc = subprocess.run([sys.executable, "-c", _RUN], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert '"open_now": true' in proc.stdout
    assert proc.stderr.endswith("COLLECTOR False")


def test_serve_turns_the_collector_back_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import jdhotline.web.run

    seen: list[bool] = []
    monkeypatch.setattr(jdhotline.web.run, "run", lambda *args: seen.append(gc.isenabled()))
    gc.disable()  # as the console script leaves it
    try:
        result = CliRunner().invoke(app, ["serve", "--port", "0", "--lang", "en"])
    finally:
        gc.enable()
    assert result.exit_code == 0, result.output
    assert seen == [True]
