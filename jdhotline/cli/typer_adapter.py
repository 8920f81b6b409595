"""The one place jdhotline reaches below Typer's documented surface.

Everything else in cli/ uses what Typer documents: `cls=` for the groups and commands,
context settings, `typer.main.get_command(app).main(standalone_mode=False)`, and the
usage errors by class and attribute. Two things have no public home:

- Click itself. Typer 0.2x vendors it as `typer._click`; earlier releases use the
  `click` package. The context, the help formatter and the usage errors come from
  whichever this Typer uses, under one name here.
- The completion script for a named shell (`jdhotline completion zsh`): Typer writes
  it in `typer._completion_shared`, a private module, in every release.

Nothing here assigns to an attribute of Typer or Click. tests/test_typer_adapter.py
runs `check()` against the oldest and the newest Typer of pyproject's range.
"""

from __future__ import annotations

from typing import Any

import typer

try:  # Typer >= 0.27 (pyproject's range): Click vendored
    from typer._click import core as click_core
    from typer._click import exceptions as click_exceptions
    from typer._click import formatting as click_formatting
except ImportError:  # Typer 0.22-0.26 on the click package (below the range; tried)
    from click import core as click_core  # type: ignore[no-redef, import-not-found, unused-ignore]
    from click import exceptions as click_exceptions  # type: ignore[no-redef, import-not-found, unused-ignore]
    from click import formatting as click_formatting  # type: ignore[no-redef, import-not-found, unused-ignore]

TYPER = typer.__version__  # importlib.metadata would add 15 ms to every start

Context: Any = click_core.Context
HelpFormatter: Any = click_formatting.HelpFormatter
UsageError: Any = click_exceptions.UsageError
BadParameter: Any = click_exceptions.BadParameter
BadOptionUsage: Any = click_exceptions.BadOptionUsage
MissingParameter: Any = click_exceptions.MissingParameter
NoSuchOption: Any = click_exceptions.NoSuchOption
# "No arguments: here is the help" (Click 8.2 on); earlier Clicks print the help and exit 0
# themselves, which base.Group.parse_args does the same way for every version.
NoArgsIsHelp: Any = getattr(click_exceptions, "NoArgsIsHelpError", None)


def completion_script(shell: str, prog_name: str, complete_var: str) -> str:
    """Typer's tab-completion script for bash, zsh or fish (what --show-completion prints)."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)


def check() -> list[str]:
    """What this Typer lacks of what jdhotline uses; empty when all is there."""
    missing = []
    for name in ("Context", "HelpFormatter", "UsageError", "BadParameter", "BadOptionUsage",
                 "MissingParameter", "NoSuchOption"):  # fmt: skip
        if not isinstance(globals()[name], type):
            missing.append(name)
    try:
        script = completion_script("bash", "jdhotline", "_JDHOTLINE_COMPLETE")
    except Exception as exc:  # any failure is what the check reports
        missing.append(f"completion_script: {exc!r}")
    else:
        if "_JDHOTLINE_COMPLETE" not in script:
            missing.append("completion_script: no complete_var in the script")
    return missing
