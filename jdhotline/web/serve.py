"""`jdhotline serve`: the app on the standard library's server, for one person.

wsgiref, a thread a connection, no dependency. Two guards make it safe to leave
running on a home network: every connection has a deadline for the whole exchange (a
client that sends a byte a second is cut off, not waited for: a per-read timeout
alone would wait for ever), and nothing is logged per request (a problem may hold an
order number or a phone's last digits). For many users, the same app runs under
waitress: see docs/web.md.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from jdhotline.errors import EXIT_USAGE

DEADLINE = 10.0  # seconds for a whole request and its answer; an answer takes milliseconds
PORT = 8618


class Handler(WSGIRequestHandler):
    deadline = DEADLINE

    def setup(self) -> None:
        # Each read, too: socketserver sets self.timeout on the socket. Per instance, as
        # `deadline` may be; typeshed declares it a class variable only.
        self.timeout = self.deadline  # type: ignore[misc]
        super().setup()
        self._cut = threading.Timer(self.deadline, self._close)
        self._cut.daemon = True
        self._cut.start()

    def _close(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def finish(self) -> None:
        self._cut.cancel()
        with contextlib.suppress(OSError):  # the client went away, or was cut off
            super().finish()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Refused before the app (a request line over 64 KB, a line or headers that cannot
        be read): the API's JSON error, in the page's default language (no header was
        read), not http.server's English page."""
        from .words_web import say
        from .wsgi import MAX_QUERY, csp, json_reply

        words = (
            say("zh", "error.query", limit=MAX_QUERY) if code == 414 else say("zh", "error.request")
        )
        kind = "query_too_long" if code == 414 else "bad_request"
        error = {"status": code, "exit_code": EXIT_USAGE, "code": kind, "message": words}
        body = json_reply(code, {"error": error}, "zh").body
        self.send_response(code)
        for name, value in (
            ("Connection", "close"),
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Content-Security-Policy", csp("")),
            ("X-Content-Type-Options", "nosniff"),
        ):
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """No access log: the query is the user's problem, in their words."""

    def get_stderr(self) -> Any:
        return _Quiet()


class _Quiet:
    """wsgiref's error stream: nothing reaches the terminal (the app logs one line itself)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


class Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 64

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A broken or cut-off connection: no traceback on the terminal."""


class Server6(Server):
    address_family = socket.AF_INET6


def settle() -> None:
    """The app made (the catalogue, its compiled expressions, the modules): collect once
    and freeze what lives on, so that the collector's full passes never walk it, then
    keep the collector on for the requests (the console script turns it off for a
    one-off command). Unfrozen, each full pass held a gunicorn worker 12-110 ms
    (bench/serve.py); `jdhotline serve` and gunicorn_conf.post_worker_init both call this."""
    import gc

    gc.collect()
    gc.freeze()
    gc.enable()


def make_server(host: str, port: int, app: Any, deadline: float = DEADLINE) -> Server:
    handler = type("BoundHandler", (Handler,), {"deadline": deadline})
    kind = Server6 if ":" in host else Server
    server = kind((host, port), handler)
    server.set_app(app)
    return server


def lan_address() -> str:
    """This machine's address on its local network, for a phone on the same Wi-Fi.

    A UDP socket "connected" to a documentation address (TEST-NET-1, never routed)
    sends nothing: the system only picks the interface it would route through. The
    answer must be a private address; else the loopback, with a note from the caller.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        found = [probe.getsockname()[0]]
    except OSError:
        found = []
    finally:
        probe.close()
    with contextlib.suppress(OSError):
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    return choose(found)


def choose(addresses: list[str]) -> str:
    """The first private (LAN) IPv4 address, else 127.0.0.1: never a public one, which
    would put the page on the internet, and never a link-local one (169.254.x.x)."""
    for text in addresses:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            continue
        if (
            address.version == 4
            and address.is_private
            and not (address.is_loopback or address.is_link_local)
        ):
            return text
    return "127.0.0.1"


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
