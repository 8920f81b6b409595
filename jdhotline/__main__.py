"""The console script and `python -m jdhotline`.

Kept tiny: Ctrl-C is caught from here on, even while the rest is being imported
(about 60 ms), and answered with one line instead of a traceback.
"""

import gc
import sys


def main() -> None:
    # One command, then the process ends: no pass of the cycle collector. Importing
    # Typer, pydantic and Rich sets off dozens of them, each over every object made
    # so far: 10-15 ms of every command (bench/startup.py, "collector off"). What a
    # command leaves is freed by reference counting as usual, or with the process;
    # `serve`, which runs on, turns the collector back on (cli/serve.py).
    try:
        gc.disable()
        from .errors import Interrupted, catch_interrupts
    except KeyboardInterrupt:  # Python's own handler, in the first millisecond
        sys.exit(_interrupted())
    try:
        catch_interrupts()
        from .cli.commands import main as run

        run()  # answers Ctrl-C itself from its first line on
    except (KeyboardInterrupt, Interrupted):
        sys.exit(_interrupted())


def _interrupted() -> int:
    from .i18n.messages import interrupted_message

    sys.stderr.write("\n" + interrupted_message(sys.argv[1:], []) + "\n")
    return 130


if __name__ == "__main__":
    main()
