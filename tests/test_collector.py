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
    """...once the app exists, with what start-up made frozen, and serves the run's
    catalogue (loaded once: the user's cues and all)."""
    import jdhotline.web.serve

    seen: list[tuple[bool, bool, object]] = []

    class Server:
        server_address = ("127.0.0.1", 8618)

        def __init__(self, app: object) -> None:
            self.app = app

        def serve_forever(self) -> None:
            seen.append((gc.isenabled(), gc.get_freeze_count() > 0, self.app))

        def server_close(self) -> None:
            pass

    monkeypatch.setattr(jdhotline.web.serve, "make_server", lambda h, p, app: Server(app))
    gc.disable()  # as the console script leaves it
    try:
        result = CliRunner().invoke(app, ["serve", "--port", "0", "--lang", "en"])
    finally:
        gc.unfreeze()
        gc.enable()
    assert result.exit_code == 0, result.output
    [(enabled, frozen, served)] = seen
    assert enabled and frozen
    assert served.catalogue.lines[0].number == "950618"  # type: ignore[attr-defined]
