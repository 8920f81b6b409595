"""A QR code for the terminal: `which --qr` (the number's `tel:` link) and `serve --lan`
(the page's address), for a phone's camera to open.

segno draws the code (pure Python, no dependencies; imported only here, about 15 ms).
Two rows of modules go in one line of text with half blocks, light modules drawn and
dark ones left blank, so the code reads on the usual dark terminal; a quiet zone of
light modules surrounds it, as readers need.
"""

from __future__ import annotations

QUIET = 2  # modules of light border; readers cope with 2 on a terminal's own margin


def tel_link(number: str) -> str:
    """The `tel:` link of a number: digits only (`tel:4006101360`).

    The menu key stays out of the link: it follows a recorded greeting of unknown
    length, so a fixed pause (`,`) would press it too early, and iOS refuses `*` and
    `#` in a link. The answer says the key in words instead.
    """
    digits = number.replace("-", "").replace(" ", "")
    if not (digits.isascii() and digits.isdigit()):  # not ２ nor ²: a dialler's digits
        raise ValueError(f"not a phone number: {number!r}")
    return "tel:" + digits


def matrix(text: str) -> list[list[bool]]:
    """The code's modules, True for dark, with the quiet zone around them."""
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=QUIET)]


def terminal(text: str, *, ascii_only: bool = False) -> str:
    """The code as lines of text; in ASCII, two characters a module and a line a row."""
    rows = matrix(text)
    if ascii_only:
        return "\n".join("".join("  " if dark else "##" for dark in row) for row in rows)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))  # a light row below: the quiet zone grows by one
    chars = {(False, False): "█", (False, True): "▀", (True, False): "▄", (True, True): " "}
    return "\n".join(
        "".join(chars[(top[i], bottom[i])] for i in range(len(top)))
        for top, bottom in zip(rows[::2], rows[1::2], strict=True)
    )
