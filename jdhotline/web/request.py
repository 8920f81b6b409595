"""A request as the app reads it, and a refusal of one: the types the app and the page
share (the page writes a refusal; the app raises it)."""

from typing import NamedTuple

from jdhotline.errors import EXIT_USAGE


class Refusal(Exception):
    """A request refused: an HTTP status, the CLI's exit code, a code and the words."""

    def __init__(self, status: int, code: str, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.exit_code = exit_code


class Request(NamedTuple):
    path: str
    params: dict[str, str]
    lang: str
    api: bool
    nonce: str
