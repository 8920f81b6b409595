"""The two consoles: stdout for results, stderr for messages and prompts.

Width, encoding and colour are decided here; nothing here knows about hotlines.
Text from a catalogue or a user is always shown literally: control characters are
escaped (``clean``), so no file can colour, move or retitle the user's terminal.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Show control characters (ESC, BEL, CSI...) as visible escapes, never raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def can_show_chinese(stream: Any) -> bool:
    encoding = getattr(stream, "encoding", None)
    if encoding is None:  # a text buffer (io.StringIO), not bytes
        return True
    try:
        "京–●".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


class Output:
    """Results to stdout; errors, notes and prompts to stderr."""

    def __init__(self) -> None:
        self._consoles: dict[tuple[bool, str | None, int], Console] = {}

    def _console(self, *, stderr: bool) -> Console:
        """One console per stream, made again if the stream or $COLUMNS changed (tests do)."""
        stream = sys.stderr if stderr else sys.stdout
        key = (stderr, os.environ.get("COLUMNS"), id(stream))
        if key not in self._consoles:
            self._consoles[key] = _console(stderr=stderr)
        return self._consoles[key]

    @property
    def out(self) -> Console:
        return self._console(stderr=False)

    @property
    def err(self) -> Console:
        return self._console(stderr=True)

    @property
    def width(self) -> int:
        return self.out.width

    @property
    def ascii_only(self) -> bool:
        """JSON must escape what the output encoding cannot show (\\u escapes lose nothing)."""
        return not can_show_chinese(sys.stdout)

    def fit_streams(self) -> None:
        """Never crash on a terminal that cannot show Chinese (PYTHONIOENCODING=ascii).

        Text falls back to "?" for what the encoding lacks, with one note saying so.
        """
        for name in ("stdout", "stderr"):
            stream = getattr(sys, name)
            if not can_show_chinese(stream) and hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")
        if not can_show_chinese(sys.stdout):
            encoding = getattr(sys.stdout, "encoding", None) or "unknown"
            sys.stderr.write(
                f"jdhotline: the output encoding ({encoding}) cannot show Chinese; "
                "characters it lacks print as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) "
                "or --format json.\n"
            )

    def lines(self, items: Sequence[Any]) -> None:
        """Rich lines already laid out by writers.py (and any wide table), in order."""
        console = self.out
        if console.is_terminal:
            for item in items:
                console.print(item, soft_wrap=hasattr(item, "plain"))
            return
        # Piped or redirected: plain text for pasting, without the padding Rich adds.
        with console.capture() as capture:
            for item in items:
                console.print(item, soft_wrap=hasattr(item, "plain"))
        self.plain("\n".join(line.rstrip() for line in capture.get().splitlines()))

    def plain(self, text: str) -> None:
        """Text printed as it is (JSON, Markdown): no Rich, no wrapping."""
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()

    def raw(self, data: bytes) -> None:
        """A document with its own line ends (iCalendar's CRLF), written as it is."""
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            buffer.write(data)
            buffer.flush()

    def note(self, message: str) -> None:
        """A remark for people, on stderr, so that stdout stays one document."""
        sys.stderr.write(clean(message) + "\n")
        sys.stderr.flush()

    def error(self, message: str, hint: str | None = None) -> None:
        sys.stderr.write(f"jdhotline: {clean(message)}\n")
        if hint:
            sys.stderr.write(f"  {clean(hint)}\n")
        sys.stderr.flush()

    def show(self, question: str, options: Sequence[str] = ()) -> None:
        """A question and its numbered options, on stderr."""
        from rich.text import Text

        self.err.print(Text(clean(question), style="bold"))
        for number, option in enumerate(options, 1):
            self.err.print(Text(f"  {number}) {clean(option)}"))

    def read(self, prompt: str) -> str:
        """One line from stdin after a prompt on stderr; EOFError when stdin is closed."""
        self.err.file.write(prompt)
        self.err.file.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.strip()


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=False)
