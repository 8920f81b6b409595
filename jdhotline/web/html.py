"""The HTML writer: the same view blocks as the Rich and Markdown writers, as HTML.

It decides nothing about hotlines: render.py's view says what the answer is, and this
module only lays it out, escaping every piece of text it is given (the user's problem,
the catalogue's words, ours alike). A phone number in an open, closed or bold span
becomes a tap-to-dial `tel:` link; a grid becomes one card per row, so a 360 px screen
never scrolls sideways. The link is the number's digits only (qr.tel_link says why).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from jdhotline.output.qr import tel_link
from jdhotline.output.writers import (
    Command,
    Grid,
    Heading,
    Note,
    Pairs,
    Para,
    Section,
    Span,
    Spans,
    Title,
    View,
)

# A phone number as the catalogue writes it: digits, perhaps with dashes (400-610-1360).
NUMBER = re.compile(r"[0-9]{3,}(?:-[0-9]+)*")


def _span(part: Span, *, dial: bool = False) -> str:
    text = escape(part.text)
    # A number in bold is a line to call (the safety answer's "call JD yourself" lines).
    if (dial or part.style in ("open", "closed", "strong")) and NUMBER.fullmatch(part.text):
        kind = part.style if part.style in ("open", "closed") else "plain"
        bold = " strong" if part.style == "strong" else ""
        return f'<a class="tel {kind}{bold}" href="{tel_link(part.text)}">{text}</a>'
    if not part.style:
        return text
    tag = "strong" if part.style in ("strong", "open", "closed") else "span"
    return f'<{tag} class="{part.style}">{text}</{tag}>'


def spans_html(parts: Spans) -> str:
    return "".join(_span(p) for p in parts)


def to_html(view: View, *, copy: Iterable[str] = (), copy_words: tuple[str, str] = ("", "")) -> str:
    """The view as HTML; the items of a section whose heading is in ``copy`` get a copy
    button (hidden until the page's script shows it: without JavaScript, one selects),
    worded by ``copy_words``: the button's word, and the word once copied."""
    copyable = set(copy)
    out: list[str] = []
    first = True
    for block in view:
        if isinstance(block, Title):
            out.append(f"<h2>{escape(block.text)}</h2>")
        elif isinstance(block, Heading):
            out.append(f"<h3>{escape(block.text)}</h3>")
        elif isinstance(block, Para):
            kind = ' class="call"' if first and _dials(block.spans) else ""
            out.append(f"<p{kind}>{spans_html(block.spans)}</p>")
            first = False
        elif isinstance(block, Note):
            lines = "<br>".join(escape(line) for line in block.text.split("\n"))
            out.append(f'<p class="note">{lines}</p>')
        elif isinstance(block, Pairs):
            rows = "".join(
                f"<div><dt>{escape(label)}</dt><dd>{spans_html(value)}</dd></div>"
                for label, value in block.rows
            )
            out.append(f'<dl class="pairs">{rows}</dl>')
        elif isinstance(block, Section):
            out.append(_section(block, copy_words if block.heading in copyable else None))
        elif isinstance(block, Command):
            out.append(f"<pre><code>{escape(block.text)}</code></pre>")
        elif isinstance(block, Grid):
            out.append(_cards(block))
    return "\n".join(out)


def _dials(parts: Spans) -> bool:
    return any(p.style in ("open", "closed") and NUMBER.fullmatch(p.text) for p in parts)


def _section(block: Section, copy: tuple[str, str] | None) -> str:
    kind = ' class="warn"' if block.warn else ""
    head = f"<h2>{escape(block.heading)}</h2>" if block.heading else ""
    items = []
    for item in block.items:
        text = spans_html(item)
        if copy is not None:
            button = (
                f'<button type="button" class="copy" data-done="{escape(copy[1])}" hidden>'
                f"{escape(copy[0])}</button>"
            )
            text = f'<span class="said">{text}</span> {button}'
        items.append(f"<li>{text}</li>")
    return f"<section{kind}>{head}<ul>{''.join(items)}</ul></section>"


def _cards(grid: Grid) -> str:
    """A grid as one card per row: its first cells as the card's title, the rest as pairs."""
    cards = []
    for row in grid.rows:
        head = " ".join(_span(c, dial=True) for c in row[: grid.head] if c.text)
        rest = zip(grid.columns[grid.head :], row[grid.head :], strict=True)
        pairs = "".join(
            f"<div><dt>{escape(name)}</dt><dd>{_span(cell)}</dd></div>"
            for name, cell in rest
            if cell.text
        )
        cards.append(
            f'<article class="card"><h3>{head}</h3><dl class="pairs">{pairs}</dl></article>'
        )
    return "".join(cards)
