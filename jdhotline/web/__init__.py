"""The web wing: `jdhotline serve`, the page and the JSON API, as one WSGI callable.

`jdhotline.web:app` is the app over the shipped catalogue (or $JDHOTLINE_CATALOG), for
any WSGI server: `waitress-serve jdhotline.web:app`. It is made on first use, so that
importing the package (as `serve` does, to make its own) reads no catalogue.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "app":
        from .wsgi import make_app

        made = make_app()
        globals()["app"] = made  # made once per process: read-only, shared by every request
        return made
    raise AttributeError(name)
