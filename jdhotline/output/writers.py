"""A view, then writers: the blocks an answer is made of, and the Rich and Markdown writers.

render.py decides what each answer says, once, as a tuple of blocks; the two
writers here only lay the blocks out. They know nothing about hotlines.

Rich wraps CJK text by cell width but knows nothing of Chinese line breaking, so
the Rich writer wraps every line itself, by the W3C's Requirements for Chinese Text
Layout (clreq): no line starts with a closing mark (,。、;:?!)」』】》…) and none
ends with an opening one ((「『【《); a mark moves across the break with the
character it belongs to. A run of ASCII letters, digits and signs (a phone number,
a model, a flag) is never split, unless it is wider than the line.
"""

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from rich.text import Text

# Written as escapes: ,。、;:?!)」』】》〉…’” and (「『【《〈‘“, then their ASCII cousins.
CLOSING = frozenset(
    "\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\uff09\u300d\u300f\u3011\u300b\u3009"
    "\u2026\u2019\u201d,.;:?!)]}%"
)
OPENING = frozenset("\uff08\u300c\u300e\u3010\u300a\u3008\u2018\u201c([{")
WIDE_GRID = 120  # below this many columns, a grid prints one block per row
# The narrowest a table column may be made (cells); a grid whose table would squeeze a
# column below this (or below its heading) prints one block per row too. Measured on
# the four lines: at 120 columns the eight columns get 11-13 cells each, and Chinese cells
# read as fragments (京东 / APP“我的→客 / 服”，输入“人); from about 150 every column gets
# 16 or more, in Chinese and in English.
NARROWEST_COLUMN = 16

# What a line never breaks inside: a number and its unit (4 天, 23 小时, 11 h), a span of
# time (09:00–18:00, which would otherwise start a line with its dash), and a command
# to paste (jdhotline case followup 3, pip install -U chinesecalendar), which overflows a
# line narrower than itself rather than break. A command's words are ASCII; a word may
# hold a dot, but not end with one (the full stop of "see jdhotline table.").
_WORD = r"[\w\-~/<>=@.]*[\w\-/<>=@]"
COMMAND = re.compile(
    r"(?:jdhotline (?:which|prep|table|open|scenarios|calendar|case|completion)\b|pip install)"
    rf"(?: {_WORD})*",
    re.ASCII,
)
# A number is tried only where its digits start ((?<!\d)): tried at every digit, a run
# of 30,000 digits with no unit after it took seconds, each try reading to its end.
KEEP = re.compile(
    rf"{COMMAND.pattern}|(?<!\d)\d+ ?(?:小时|分钟|个月|天|年|月|日|元|h|min|d)(?![A-Za-z])"
    r"|\d\d?:\d\d\u2013\d\d?:\d\d",
    re.ASCII,
)

STYLES = {
    "": "",
    "strong": "bold",
    "open": "bold green",
    "closed": "bold red",
    "good": "green",
    "bad": "red",
    "dim": "dim",
    "label": "cyan",
    "warn": "yellow",
    "cmd": "cyan",
}


class Span(NamedTuple):
    text: str
    style: str = ""  # a key of STYLES


Spans = tuple[Span, ...]


class Title(NamedTuple):
    text: str


class Para(NamedTuple):
    spans: Spans


class Pairs(NamedTuple):
    rows: tuple[tuple[str, Spans], ...]  # label, value


class Heading(NamedTuple):
    """A heading for what follows (a command, a grid), after a blank line."""

    text: str


class Section(NamedTuple):
    heading: str
    items: tuple[Spans, ...]
    warn: bool = False
    gap: bool = True  # a blank line before it (the at-a-glance answer has none, to fit)


class Command(NamedTuple):
    """A command to copy: never wrapped."""

    text: str


class Grid(NamedTuple):
    """Rows of cells under column names; narrow, each row is its first `head` cells, then pairs."""

    columns: tuple[str, ...]
    rows: tuple[Spans, ...]  # one Span a cell
    head: int = 1


class Note(NamedTuple):
    text: str


Block = Title | Heading | Para | Pairs | Section | Command | Grid | Note
View = tuple[Block, ...]


def spans(*parts: str | Span) -> Spans:
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts)


# --------------------------------------------------------------------------- line breaking


def _units(text: str) -> list[tuple[int, int]]:
    """Unbreakable pieces of ``text`` as (start, end); a space is a piece of its own."""
    pieces: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if text[i] != " " and text[i].isascii():
            while j < n and text[j] != " " and text[j].isascii():
                j += 1
        pieces.append((i, j))
        i = j
    glued: list[tuple[int, int]] = []
    for start, end in pieces:
        before = text[glued[-1][1] - 1] if glued else " "
        closes = before != " " and _closes(text, start, end)
        if glued and (closes or (text[start] != " " and _opens(text, *glued[-1]))):
            glued[-1] = (glued[-1][0], end)
        else:
            glued.append((start, end))
    return _kept(text, glued)


def _kept(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces with each number-and-unit and each command made one piece (see KEEP)."""
    inside = [False] * (len(text) + 1)
    for found in KEEP.finditer(text):
        for i in range(found.start() + 1, found.end()):
            inside[i] = True
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        if out and inside[start]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _closes(text: str, start: int, end: int) -> bool:
    """A piece that may not start a line: a closing mark, or an ASCII quote after a word."""
    return text[start] in CLOSING or (text[start] in "\"'" and start > 0 and text[start - 1] != " ")


def _opens(text: str, start: int, end: int) -> bool:
    """A piece that may not end a line: an opening mark, or an ASCII quote after a space."""
    last = text[end - 1]
    if last in OPENING:
        return True
    return last in "\"'" and end - start == 1 and (start == 0 or text[start - 1] == " ")


def break_lines(text: str, width: int) -> list[tuple[int, int]]:
    """Where each line of ``text`` starts and ends when wrapped at ``width`` cells."""
    from rich.cells import cell_len

    width = max(width, 4)
    lines: list[tuple[int, int]] = []
    start: int | None = None
    end = used = 0
    spaces = 0  # spaces since the last piece on this line
    for a, b in _units(text):
        if text[a] == " ":
            spaces += 1 if start is not None else 0
            continue
        size = cell_len(text[a:b])
        gap = spaces
        if start is not None and used + gap + size <= width:
            end, used = b, used + gap + size
        else:
            if start is not None:
                lines.append((start, end))
            while size > width and not COMMAND.search(text, a, b):
                # wider than a line: fold it, as Rich would (a command overflows instead)
                cut, taken = a, 0
                while cell_len(text[cut]) + taken <= width:
                    taken += cell_len(text[cut])
                    cut += 1
                while cut > a + 1 and (text[cut] in CLOSING or text[cut - 1] in OPENING):
                    cut -= 1  # the rules hold inside a folded piece too
                lines.append((a, cut))
                a = cut
                size -= taken  # not measured again: a 100,000-letter word folds in one pass
            start, end, used = a, b, size
        spaces = 0
    if start is not None:
        lines.append((start, end))
    return _no_orphan(text, lines) or [(0, 0)]


def _no_orphan(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A paragraph's last line is never one Chinese character (补 / 发”): the character
    before it moves down too, when that breaks no rule (it starts a piece of its own and
    leaves no opening mark at the end of the line above)."""
    if len(lines) < 2:
        return lines
    (s1, e1), (s2, e2) = lines[-2], lines[-1]
    last = text[s2:e2].rstrip("".join(CLOSING))
    cut = e1 - 1
    if len(last) != 1 or not _cjk(last) or cut <= s1 + 1 or not _cjk(text[cut]):
        return lines
    if text[cut - 1] in OPENING or text[cut - 1] == " " or cut not in {a for a, _ in _units(text)}:
        return lines
    return [*lines[:-2], (s1, cut), (cut, e2)]


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def wrap(text: str, width: int) -> list[str]:
    """Plain text wrapped by Chinese and English line-breaking rules."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        out += [paragraph[a:b] for a, b in break_lines(paragraph, width)]
    return out


# --------------------------------------------------------------------------- Rich


def _text(parts: Spans) -> "Text":
    from rich.text import Text

    text = Text()
    for part in parts:
        text.append(part.text, style=STYLES[part.style])
    return text


def _hanging(prefix: "Text", body: Spans, width: int) -> "Iterator[Text]":
    """``prefix`` then ``body``, its wrapped lines hanging under the body, not the prefix."""
    from rich.text import Text

    text = _text(body)
    indent = prefix.cell_len
    pieces = _pieces(text, break_lines(text.plain, width - indent))
    for number, piece in enumerate(pieces):
        line = prefix.copy() if number == 0 else Text(" " * indent)
        line.append_text(piece)
        yield line


def _pieces(text: "Text", lines: list[tuple[int, int]]) -> "list[Text]":
    """``text[a:b]`` for each line, cut in one pass: each slice of a Rich Text copies
    (and cleans) all of it, which made a 100,000-letter text quadratic."""
    from rich.text import Text

    offsets = sorted({offset for line in lines for offset in line})
    parts = text.divide(offsets)
    starting = dict(zip([0, *offsets], parts, strict=False))
    return [starting[a] if b > a else Text() for a, b in lines]


def to_rich(view: View, width: int) -> list[Any]:
    """The view as Rich lines (Text), each already wrapped to ``width``; a wide grid is a Table."""
    from rich.cells import cell_len
    from rich.text import Text

    out: list[Any] = []

    def gap() -> None:
        if out and not (isinstance(out[-1], Text) and not out[-1].plain):
            out.append(Text(""))

    for block in view:
        if isinstance(block, Title):
            out += _hanging(Text(), (Span(block.text, "strong"),), width)
        elif isinstance(block, Heading):
            gap()
            out.append(Text(block.text, style="bold"))
        elif isinstance(block, Para):
            # A paragraph led by spaces is indented, its wrapped lines hanging with it
            # (line breaking would drop them: the safety answer's lines under a bullet).
            lead = block.spans[0].text if block.spans and not block.spans[0].text.strip() else ""
            out += _hanging(Text(lead), block.spans[1:] if lead else block.spans, width)
        elif isinstance(block, Note):
            gap()
            for paragraph in block.text.split("\n"):
                out += _hanging(Text(), (Span(paragraph, "dim"),), width)
        elif isinstance(block, Pairs):
            column = max((cell_len(label) for label, _ in block.rows), default=0) + 2
            for label, value in block.rows:
                prefix = Text(label + " " * (column - cell_len(label)), style="cyan")
                out += _hanging(prefix, value, width)
        elif isinstance(block, Section):
            if block.gap:
                gap()
            if block.heading:
                out.append(Text(block.heading, style="bold"))
            mark = Text("• ", style="yellow" if block.warn else "")
            for item in block.items:
                styled = (
                    tuple(Span(s.text, s.style or "warn") for s in item) if block.warn else item
                )
                out += _hanging(mark, styled, width)
        elif isinstance(block, Command):
            out.append(Text("  " + block.text, style="cyan"))
        elif isinstance(block, Grid):
            widths = _column_widths(block, width)
            if widths is not None:
                out.append(_table(block, widths))
                continue
            for row in block.rows:
                gap()
                head = tuple(Span(c.text, c.style or "strong") for c in row[: block.head])
                joined: list[Span] = []
                for cell in head:
                    joined += [cell, Span("  ")] if cell.text else []
                out += _hanging(Text(), tuple(joined[:-1]), width)
                rest = zip(block.columns[block.head :], row[block.head :], strict=True)
                rows = tuple((label, (cell,)) for label, cell in rest if cell.text)
                if rows:
                    out += to_rich((Pairs(rows),), width)
    return out


def _column_widths(grid: Grid, width: int) -> list[int] | None:
    """Each column's width in a table ``width`` cells wide, or None when it would be cramped.

    Narrow columns get what they need, and the rest share what is left evenly. A column
    is never narrower than its heading, so a heading is never wrapped (服务时间（北 / 京）).
    """
    from rich.cells import cell_len

    if width < WIDE_GRID:
        return None
    count = len(grid.columns)
    room = width - 3 * count - 1  # a border before each column and after the last, padding
    natural = [
        max(cell_len(line) for text in (name, *(row[i].text for row in grid.rows))
            for line in text.split("\n"))
        for i, name in enumerate(grid.columns)
    ]  # fmt: skip
    widths = [0] * count
    for done, i in enumerate(sorted(range(count), key=natural.__getitem__)):
        widths[i] = min(natural[i], (room - sum(widths)) // (count - done))
    least = [
        max(cell_len(name), min(n, NARROWEST_COLUMN))
        for name, n in zip(grid.columns, natural, strict=True)
    ]
    return widths if all(w >= m for w, m in zip(widths, least, strict=True)) else None


def _table(grid: Grid, widths: Sequence[int]) -> Any:
    """A Table whose cells are wrapped here, by the same rules as every other line.

    Rich would wrap a cell by its own rules (at spaces, then anywhere), which starts lines
    with 、 or ” and leaves a lone / on a line; each cell is broken into lines that fit its
    column first, so Rich has nothing left to wrap.
    """
    from rich.table import Table  # only here: a narrow grid is blocks, not a Table
    from rich.text import Text

    table = Table(show_lines=True)
    for column, size in zip(grid.columns, widths, strict=True):
        table.add_column(column, width=size, overflow="fold")
    for row in grid.rows:
        cells = []
        for cell, size in zip(row, widths, strict=True):
            text = _text((cell,))
            lines = break_lines(cell.text, size) if cell.text else [(0, 0)]
            cells.append(Text("\n").join(_pieces(text, lines)))
        table.add_row(*cells)
    return table


# --------------------------------------------------------------------------- Markdown


def _md(parts: Spans) -> str:
    """Spans as Markdown: strong ones (a run of them at once) in **bold**."""
    out: list[str] = []
    bold: list[str] = []
    for part in (*parts, Span("")):
        text = part.text.replace("|", "\\|")
        if part.style in ("strong", "open", "closed") and text:
            bold.append(text)
            continue
        if bold:
            joined = "".join(bold)
            core = joined.strip()
            lead = joined[: len(joined) - len(joined.lstrip())]
            trail = joined[len(joined.rstrip()) :]
            out.append(f"{lead}**{core}**{trail}" if core else joined)
            bold = []
        out.append(text)
    return "".join(out)


def to_markdown(view: View) -> str:
    """The view as Markdown: the same blocks, the same words."""
    out: list[str] = []
    for block in view:
        if isinstance(block, Title):
            out += [f"## {block.text}", ""]
        elif isinstance(block, Heading):
            out += [f"### {block.text}", ""]
        elif isinstance(block, Para):
            out += [_md(block.spans), ""]
        elif isinstance(block, Note):
            # A paragraph a line: Markdown joins the lines of one paragraph into one run.
            out += [x for line in block.text.split("\n") if line.strip() for x in (f"*{line}*", "")]
        elif isinstance(block, Pairs):
            out += [f"- **{label}{_colon(label)}** {_md(value)}" for label, value in block.rows]
            out.append("")
        elif isinstance(block, Section):
            out += [f"### {block.heading}", ""] if block.heading else []
            out += [f"- {_md(item)}" for item in block.items] + [""]
        elif isinstance(block, Command):
            out += ["```sh", block.text, "```", ""]
        elif isinstance(block, Grid):
            out += [_md_row(block.columns), "|" + "---|" * len(block.columns)]
            out += [_md_row(tuple(c.text for c in row)) for row in block.rows] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def _colon(label: str) -> str:
    """After a Chinese label a full-width colon, after an English one an ASCII colon."""
    return "\uff1a" if label and not label[-1].isascii() else ":"


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"
