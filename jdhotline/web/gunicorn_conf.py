"""gunicorn's settings for many users, measured with bench/serve.py (docs/web.md, "Load").

    gunicorn -c python:jdhotline.web.gunicorn_conf -b 0.0.0.0:8000 jdhotline.web:app

Any setting given on the command line wins over this file's. Read by gunicorn only:
nothing in jdhotline imports it.
"""

from __future__ import annotations

from typing import Any

bind = ["127.0.0.1:8000"]  # the loopback unless told: -b 0.0.0.0:8000 for the network
workers = 2  # one a core on the 2-core machine it was measured on; more cores, more workers
worker_class = "gthread"  # keeps connections alive, and a slow client waits in its poller
threads = 4
# Each worker its own listening socket, and the kernel spreads new connections across
# them. With one shared socket, whichever worker woke first took nearly every
# connection, and kept it alive: bench/serve.py's 50 clients all went to one worker
# (3,004 answers to 0), leaving the other core idle. By the connection's address, not
# the workers' load: 50 clients split 24/26, 21/29, 22/28 in three tries.
reuse_port = True
keepalive = 5  # seconds an idle kept-alive connection stays open
timeout = 30  # a worker silent this long is restarted
# gunicorn's most (its default, 4,094 bytes, refused with its own English page a problem
# the form accepts: 500 Chinese characters are 4,500 bytes URL-encoded). Longer lines get
# gunicorn's 414 before the app; up to this, the app answers or refuses in words (docs/web.md).
limit_request_line = 8190
loglevel = "warning"  # no access log: the query is the caller's problem, in their words


def post_worker_init(worker: Any) -> None:
    """After the app is made in the worker (the catalogue, its compiled expressions, the
    modules: about 48,000 objects), collect once and freeze them, so that the collector's
    full passes no longer walk them: unfrozen, each full pass held a worker 12-110 ms
    (bench/serve.py, one or two per 3,000 answers), and every client queued behind it
    waited as long."""
    from jdhotline.web.serve import settle

    settle()
