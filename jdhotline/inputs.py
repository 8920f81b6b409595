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


# Not text: control characters (but tab and line ends) and undecodable bytes.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\udc80-\udcff]")
JUDGED = 5_000  # characters judged, and read by the matcher (evidence.READ)


def looks_binary(text: str) -> bool:
    """Whether a problem is bytes rather than words (a file's contents, /dev/urandom),
    judged on its first JUDGED characters: three in ten or more undecodable or control
    characters (random bytes: about six; words with a terminal's escapes pasted in:
    one). Matched anyway, the letters among such bytes found cues (`tv`) and gave a
    confident answer."""
    text = text[:JUDGED]
    if text.isascii() and text.isprintable():
        return False
    odd = sum(1 for _ in _NOT_TEXT.finditer(text))
    return odd >= 3 and odd * 10 >= len(text) * 3


# The encodings a console or editor other than UTF-8 writes a language in (Windows' code
# pages 936 and 950), tried in order on bytes that are not UTF-8. A language without
# any is not guessed at: these read almost any pair of high bytes as Han characters,
# Korean and Japanese ones too.
LEGACY_ENCODINGS = {"zh": ("gb18030",), "zh-Hant": ("cp950", "gb18030")}


def in_legacy_encoding(text: str, lang: str) -> str:
    """The text, its bytes that were not UTF-8 (surrogateescape) read in the answer's
    language's legacy encoding when they read as Chinese there (as_chinese)."""
    encodings = LEGACY_ENCODINGS.get(lang, ())
    if not encodings or text.isascii() or _UNDECODABLE.search(text) is None:
        return text
    return as_chinese(text, encodings) or text


def as_chinese(text: str, encodings: tuple[str, ...] = ("gb18030",)) -> str | None:
    """Text whose bytes are not UTF-8 but GBK (GB 18030), or Big5 for Traditional Chinese,
    as a Chinese Windows console or editor writes it, decoded by the first of
    ``encodings`` it reads as Chinese in (beyond ASCII, Han characters and Chinese
    punctuation); else None (see LEGACY_ENCODINGS)."""
    raw = text.encode("utf-8", "surrogateescape")
    for encoding in encodings:
        try:
            decoded = raw.decode(encoding)
        except UnicodeError:
            continue
        wide = [char for char in decoded if not char.isascii()]
        han = sum("\u4e00" <= char <= "\u9fff" for char in wide)
        marks = sum("\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" for c in wide)
        if han >= 2 and (han + marks) * 10 >= len(wide) * 9:
            return decoded
    return None


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
