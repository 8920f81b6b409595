"""A Ctrl-C that lands in a callback Python cannot raise from (CI, stop 25: a weak
reference's callback as the import system dropped a module lock). Python used to print
"Exception ignored … Interrupted" and go on to exit 0; now the interrupt is kept and the
command's ending answers it: the one line and 130, with the truth about saving."""

import subprocess
import sys
import textwrap

from jdhotline.errors import EXIT_INTERRUPTED

# The callback raises exactly what jdhotline's SIGINT handler raises, where Python
# cannot let it through. The command (`table`) is then run to its end as usual.
_SCRIPT = textwrap.dedent(
    """
    import sys, weakref
    from jdhotline.errors import Interrupted, catch_interrupts
    from jdhotline.cli import commands

    catch_interrupts()

    class Lock: pass

    def callback(ref):
        raise Interrupted

    lock = Lock()
    ref = weakref.ref(lock, callback)
    del lock
    print("went on", flush=True)
    other = Lock()
    ref2 = weakref.ref(other, lambda r: 1 / 0)
    del other
    sys.argv = ["jdhotline", "--lang", "en", "table", "--format", "json"]
    commands.main()
    """
)


def test_an_interrupt_python_could_not_raise_is_answered_at_the_end() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert proc.stdout.startswith("went on\n")
    assert '"lines"' in proc.stdout or '"number"' in proc.stdout  # the command finished
    assert proc.returncode == EXIT_INTERRUPTED
    assert proc.stderr.strip().splitlines()[-1] == "jdhotline: interrupted"
    # Only the interrupt is kept: any other error in a callback is still reported.
    assert "ZeroDivisionError" in proc.stderr
    assert "Interrupted" not in proc.stderr
