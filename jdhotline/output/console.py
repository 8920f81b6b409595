"""The two consoles: stdout for results, stderr for messages and prompts.

Width, encoding and colour are decided here; nothing here knows about hotlines.
Text from a catalogue or a user is always shown literally: control characters are
escaped (``clean``), so no file can colour, move or retitle the user's terminal.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

# Characters that act instead of showing: C0/C1 controls (ESC, BEL, CSI...), and the
# invisible ones: soft hyphen, bidirectional controls (U+202E turns "call \u202e0631-016-004"
# into "call 400-610-1360" on screen), zero-width spaces and joiners, word joiners, line and
# paragraph separators, BOM, Hangul fillers, interlinear annotation and tag characters,
# and lone surrogates (never valid output).
_INVISIBLE = (
    "\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f"
)
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
JSON_RAW = re.compile(f"[\\x7f-\\x9f{_INVISIBLE}]")  # what json.dumps leaves raw


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clean(text: str) -> str:
    """Show control and invisible characters as visible escapes (\\x1b, \\u202e), never raw."""
    return _CONTROL.sub(lambda m: _escape(m.group()), text)


class Output:
    """Results to stdout; errors, notes and prompts to stderr."""

    def __init__(self) -> None:
        self._consoles: dict[tuple[bool, str | None, int], Console] = {}
        self.replaced = False  # a character the output encoding lacks was printed as "?"
        self.stdout_closed = False  # started with stdout closed: the answer went nowhere

    def _console(self, *, stderr: bool) -> Console:
        """One console per stream, made again if the stream or $COLUMNS changed (tests do)."""
        stream = sys.stderr if stderr else sys.stdout
        key = (stderr, os.environ.get("COLUMNS"), id(stream))
        if key not in self._consoles:
            self._consoles[key] = _console(stderr=stderr)
        return self._consoles[key]

    def reset(self) -> None:
        """Forget the consoles: the next command builds its own.

        A console reads COLUMNS, TERM, FORCE_COLOR and NO_COLOR once, when it is
        built; a process that runs several commands (the test suite) must not give
        the second one the first one's width or colours.
        """
        self._consoles.clear()

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
        """JSON in \\u escapes unless stdout is UTF-8: then it parses in any encoding."""
        return not _is_utf8(sys.stdout)

    def fit_streams(self) -> None:
        """Make stdout, stderr and stdin safe for any text, in any encoding (cli.main)."""
        import codecs
        import os

        def replace(error: UnicodeError) -> tuple[str, int]:
            assert isinstance(error, UnicodeEncodeError)
            self.replaced = True
            return "?" * (error.end - error.start), error.end

        codecs.register_error("jdhotline.replace", replace)
        if sys.stdout is None or not _open(sys.stdout):  # started with `>&-`
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            self.stdout_closed = True
        if sys.stderr is None:
            sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="jdhotline.replace")
        if hasattr(sys.stderr, "reconfigure"):
            sys.stderr.reconfigure(errors="backslashreplace")
        if sys.stdin is not None and hasattr(sys.stdin, "reconfigure"):
            # Undecodable input bytes arrive as surrogates, which inputs.readable escapes.
            sys.stdin.reconfigure(errors="surrogateescape")

    def finish(self, note: Callable[[bool, str], str]) -> None:
        """The one note owed about the output, after it (cli.main): ``note(closed,
        encoding)`` words it, for a closed stdout or characters printed as '?'."""
        if self.stdout_closed or self.replaced:
            encoding = getattr(sys.stdout, "encoding", None) or "unknown"
            self._stderr(note(self.stdout_closed, encoding) + "\n")

    @staticmethod
    def _stderr(text: str) -> None:
        """Text on stderr; a reader that went away (`2>&1 | head -1`) changes no exit
        code: Click would turn the broken pipe into exit 1, Python's last flush into 120."""
        try:
            sys.stderr.write(text)
            sys.stderr.flush()
        except (OSError, ValueError):
            reader_gone(sys.stderr)

    def say(self, text: str) -> None:
        """A line of jdhotline's own on stderr (the interrupted line), as it is."""
        self._stderr(text)

    @staticmethod
    def flush() -> None:
        """Both streams flushed before the exit, a closed reader quietly dropped."""
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError, AttributeError):
                reader_gone(stream)

    def lines(self, items: Sequence[Any]) -> None:
        """Rich lines already laid out by writers.py (and any wide table), in order."""
        console = self.out
        if console.is_terminal:
            try:
                for item in items:
                    console.print(item, soft_wrap=hasattr(item, "plain"))
            except BrokenPipeError:
                reader_gone()
            return
        # Piped or redirected: plain text for pasting, without the padding Rich adds.
        with console.capture() as capture:
            for item in items:
                console.print(item, soft_wrap=hasattr(item, "plain"))
        self.plain("\n".join(line.rstrip() for line in capture.get().splitlines()))

    def plain(self, text: str) -> None:
        """Text printed as it is (JSON, Markdown): no Rich, no wrapping."""
        try:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            reader_gone()

    def raw(self, data: bytes) -> None:
        """A document with its own line ends (iCalendar's CRLF), written as it is."""
        buffer = getattr(sys.stdout, "buffer", None)
        try:
            if buffer is None:
                sys.stdout.write(data.decode("utf-8"))
            else:
                sys.stdout.flush()
                buffer.write(data)
                buffer.flush()
        except BrokenPipeError:
            reader_gone()

    def note(self, message: str) -> None:
        """A remark for people, on stderr, so that stdout stays one document."""
        self._stderr(clean(message) + "\n")

    def error(self, message: str, hint: str | None = None) -> None:
        self._stderr(f"jdhotline: {clean(message)}\n" + (f"  {clean(hint)}\n" if hint else ""))

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


def _open(stream: Any) -> bool:
    """False for a stream whose file descriptor was closed under it."""
    import os

    try:
        os.fstat(stream.fileno())
    except (AttributeError, ValueError):  # not a file (a buffer): io.UnsupportedOperation
        return True
    except OSError:
        return False
    return True


def _is_utf8(stream: Any) -> bool:
    import codecs

    encoding = getattr(stream, "encoding", None)
    if encoding is None:  # a text buffer (io.StringIO), not bytes
        return True
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def reader_gone(stream: Any = None) -> None:
    """The reader of stdout (or of ``stream``) went away (`| head -1`): the rest goes nowhere.

    Like `head`'s other writers, jdhotline stops printing quietly; unlike them it ends
    with the command's own exit code (`open LINE | head -1` still says open or closed).
    """
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (stream or sys.stdout).fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    class Quiet(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 (the code for "line closed"): stop printing instead."""
            self.quiet = True
            reader_gone()

    return Quiet(
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        _environ=_Environ(),
    )


class _Environ(Mapping[str, str]):
    """os.environ, read live, where a COLUMNS or LINES that is not a positive number is unset.

    Rich takes COLUMNS=0 at its word and prints nothing at all.
    """

    def __getitem__(self, name: str) -> str:
        import os

        value = os.environ[name]
        if name in ("COLUMNS", "LINES") and not (value.isdigit() and int(value) > 0):
            raise KeyError(name)
        return value

    def __iter__(self) -> Iterator[str]:
        import os

        return iter(os.environ)

    def __len__(self) -> int:
        import os

        return len(os.environ)
