"""Text as it arrives from arguments and standard input.

Python hands over bytes that are not valid in the locale's encoding as lone
surrogates (U+DC80-U+DCFF, "surrogateescape"). They cannot be stored, printed or
put in JSON, so each is kept as the visible escape of its byte: ``bad \\xff byte``.
Every free-text input goes through here, from argv and from stdin alike.
"""

from __future__ import annotations

import os
import re

_UNDECODABLE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def readable(text: str) -> str:
    """The text with every undecodable byte (and any other lone surrogate) escaped."""
    if text.isascii():
        return text
    text = _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def utf8_args(args: list[str]) -> list[str]:
    """Arguments as UTF-8 when their bytes are UTF-8, whatever the locale says.

    Under LC_ALL=C without UTF-8 mode Python decodes argv as ASCII, and 冰箱 arrives as
    surrogates (shown `\\xe5…`) that never match. Other bytes stay as Python gave them.
    """
    return [arg if arg.isascii() else _as_utf8(arg) for arg in args]


def _as_utf8(arg: str) -> str:
    try:
        return os.fsencode(arg).decode("utf-8")
    except UnicodeError:
        return arg
