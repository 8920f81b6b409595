"""`jdhotline serve`: the page and the JSON API, the web wing's front door.

The web code is imported only when the command runs, so no other command pays for it.
"""

from typing import Annotated

import typer

from .options import CatalogOpt, LangOpt, opened, whole_number


def _port(value: str | int) -> int:
    """Digits from 0 to 65535, full-width ones too (８６１８): `abc` was refused in
    pydantic's English ("Input should be a valid integer"), and 99999 reached bind()
    and its OverflowError."""
    if isinstance(value, int):  # the default
        return value
    return whole_number(value, 65535, "error.not_port", full_width=True)


def serve(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option("--host", metavar="HOST", help="The address to listen on."),
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            "--port", metavar="PORT", help="The port; 0 picks any free one.", parser=_port
        ),
    ] = 8618,
    lan: Annotated[
        bool,
        typer.Option(
            "--lan",
            metavar="",
            help="Listen on this machine's LAN address, and print the page's address and "
            "its QR code for a phone on the same network.",
        ),
    ] = False,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """A page for a phone or a browser, and a JSON API."""
    run = opened(ctx, catalog=catalog)
    from jdhotline.web.run import run as serve_web  # the web wing: this command only

    # A catalogue that cannot be used stops here, in words; the page serves this one.
    serve_web(host, port, lan, run.catalogue, run.lang, run.out)
