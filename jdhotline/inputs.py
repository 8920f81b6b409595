"""Text as it arrives from arguments and standard input.

Python hands over bytes that are not valid in the locale's encoding as lone
surrogates (U+DC80-U+DCFF, "surrogateescape"). They cannot be stored, printed or
put in JSON, so each is kept as the visible escape of its byte: ``bad \\xff byte``.
Every free-text input goes through here, from argv and from stdin alike.
"""

from __future__ import annotations

import re

_UNDECODABLE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def readable(text: str) -> str:
    """The text with every undecodable byte (and any other lone surrogate) escaped."""
    if text.isascii():
        return text
    text = _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
