"""Chinese punctuation for Chinese text: the catalogue's ASCII marks shown full-width.

The catalogue, like the guide it comes from, writes Chinese with ASCII , : ; ? ! ( ).
Chinese text is shown with full-width marks; ASCII stays where it belongs to ASCII
(09:00, 1,000, 9:30-11:00, a command, a URL).
"""

from __future__ import annotations

import re

FULL = {
    ",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "?": "\uff1f", "!": "\uff01",
    "(": "\uff08", ")": "\uff09", ".": "\u3002",
}  # fmt: skip


def _cjk(char: str) -> bool:
    return (
        "\u2e80" <= char <= "\u9fff"
        or "\uf900" <= char <= "\ufaff"
        or "\uff00" <= char <= "\uffef"
        or char in "\u201c\u201d"
    )


# The same characters as _cjk, and the marks FULL knows, as expressions: a Chinese page
# sends about 45 texts through here, most with no ASCII mark to change. Two searches in
# C answer those, and the loop in Python visits the marks alone, not every character
# (85 -> 22 us a request, bench/serve.py's mix of pages and JSON).
_ANY_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d]")
_ANY_MARK = re.compile(r"[,:;?!().]")


def zh_punctuation(text: str) -> str:
    """ASCII punctuation in Chinese text as full-width marks, by what stands around it."""
    if not _ANY_MARK.search(text) or not _ANY_CJK.search(text):
        return text
    chars = list(text)
    n = len(chars)
    opened: list[tuple[int, bool]] = []
    for mark in _ANY_MARK.finditer(text):  # only the marks change; the loop visits them alone
        i = mark.start()
        c = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if c == "(":
            close = text.find(")", i)
            inside = text[i + 1 : close] if close > 0 else ""
            full = _cjk(before) or _ANY_CJK.search(inside) is not None
            opened.append((i, full))
            if full:
                chars[i] = FULL[c]
        elif c == ")":
            full = opened.pop()[1] if opened else _cjk(before) or _cjk(after)
            if full:
                chars[i] = FULL[c]
        elif c in ",:":
            if before.isdigit() and after.isdigit():
                continue  # 09:00, 1,000
            if c == ":" and text[i + 1 : i + 3] == "//":
                continue  # a URL
            if after in " \n" and not _cjk(before) and not before.isdigit():
                continue  # English inside Chinese: "e.g. 1, 2"
            chars[i] = FULL[c]
            if i + 1 < n and text[i + 1] == " ":
                chars[i + 1] = ""  # a full-width mark carries its own space
        elif c in ";?!":
            chars[i] = FULL[c]
            if i + 1 < n and text[i + 1] == " ":
                chars[i + 1] = ""
        elif c == "." and _cjk(before) and (after in " \n\u201d" or i + 1 == n):
            chars[i] = FULL[c]
    return "".join(chars)
