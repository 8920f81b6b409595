"""What `jdhotline serve` does: make the app and the server, say where, serve until Ctrl-C."""

from __future__ import annotations

import errno
import socket
from typing import TYPE_CHECKING, Any

from jdhotline.errors import EXIT_USAGE, Interrupted, Stop

from .words_web import say

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue


def run(host: str, port: int, lan: bool, catalogue: Catalogue, lang: str, out: Any) -> None:
    """Serve ``catalogue`` (the run's: --catalog and the user's cues) until Ctrl-C."""
    from . import serve
    from .wsgi import App

    if lan and host != "127.0.0.1":
        raise Stop(EXIT_USAGE, say(lang, "serve.lan_and_host"))
    if lan:
        host = serve.lan_address()
    try:
        server = serve.make_server(host, port, App(catalogue))
    except OSError as exc:
        reason = _why(exc, lang)  # in words: the system's is English
        raise Stop(
            EXIT_USAGE, say(lang, "serve.cannot", host=host, port=port, reason=reason)
        ) from None
    # Listening on every address (0.0.0.0, ::), the URL names one a phone can open.
    shown = serve.lan_address() if host in ("0.0.0.0", "::") else host
    address = serve.url(shown, server.server_address[1])
    out.plain(say(lang, "serve.running", url=address))
    if lan:
        if host == "127.0.0.1":
            out.note(say(lang, "serve.no_lan"))
        else:
            from jdhotline.output.qr import terminal

            out.plain(say(lang, "serve.scan"))
            out.plain(terminal(address, ascii_only=out.ascii_only))
    out.plain(say(lang, "serve.stop"))
    serve.settle()
    try:
        server.serve_forever()
    except (Interrupted, KeyboardInterrupt):
        out.plain(say(lang, "serve.stopped"))
    finally:
        server.server_close()


# The reasons a user meets, in words; the system's own (English) text for the rest.
REASONS = {
    errno.EADDRINUSE: "serve.in_use",
    errno.EADDRNOTAVAIL: "serve.no_address",
    errno.EACCES: "serve.denied",
}


def _why(exc: OSError, lang: str) -> str:
    if isinstance(exc, socket.gaierror):  # before errno: its numbers are getaddrinfo's own
        return say(lang, "serve.no_host")
    name = REASONS.get(exc.errno or 0)
    return say(lang, name) if name else str(exc.strerror or exc)
