"""--at takes a date as a Chinese phone writes it, 2026/12/8, as it takes 2026-12-08
(--promise already did); anything else after it is still refused in one line."""

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.errors import EXIT_USAGE

runner = CliRunner()


@pytest.mark.parametrize(
    ("slashed", "dashed"),
    [
        ("2026/12/08", "2026-12-08"),
        ("2026/12/8 19:30", "2026-12-08T19:30"),
        ("2026/10/1T10:00", "2026-10-01T10:00"),
    ],
)
def test_slashes_are_the_same_moment(slashed: str, dashed: str) -> None:
    a = runner.invoke(cli.app, ["open", "merchant", "--at", slashed, "--lang", "zh"])
    b = runner.invoke(cli.app, ["open", "merchant", "--at", dashed, "--lang", "zh"])
    assert a.exit_code == b.exit_code and a.stdout == b.stdout and a.stdout


@pytest.mark.parametrize("bad", ["2026/13/01", "2026/12/08x", "12/08/2026"])
def test_other_slashes_are_refused(bad: str) -> None:
    result = runner.invoke(cli.app, ["open", "--at", bad, "--lang", "en"])
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith("jdhotline: --at: ") and "Traceback" not in result.output
