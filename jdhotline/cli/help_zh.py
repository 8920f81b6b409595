"""--help in Chinese: each command's words from words_help.py, laid out by Chinese rules.

Click's formatter counts characters and breaks lines at spaces; Chinese needs cells
(a character is two columns wide) and clreq's line breaking, which writers.wrap
does. Only the words and the layout change: the sections, their order and what Typer
puts in them (defaults, environment variables, the command list) are Typer's.

Imported only when a Chinese help page or usage line is written (base.Context).
"""

from __future__ import annotations

import re
import shutil
from typing import Any

from jdhotline.i18n.punctuation import zh_punctuation
from jdhotline.i18n.words import word, words_of
from jdhotline.i18n.words_help import tables
from jdhotline.output.writers import wrap

from .typer_adapter import HelpFormatter

_EXTRA = re.compile(r"(.*?)  \[(.+)\]", re.DOTALL)  # Typer's "help  [default: text]"


def formatter_for(ctx: Any) -> Any:
    """A Chinese formatter for ctx's help page or usage line, its command worded in Chinese."""
    lang = ctx.obj.lang
    word_command(ctx, lang)
    # Click's width rule without its floor of 50 columns, so that Chinese fits the
    # terminal, and without its test hook (FORCED_WIDTH, 80 under CliRunner), so that
    # the tests see the widths they set.
    columns = ctx.terminal_width or shutil.get_terminal_size().columns
    formatter = Formatter(width=max(min(columns, ctx.max_content_width or 80) - 2, 30))
    formatter.words = tables(lang)
    return formatter


def word_command(ctx: Any, lang: str) -> None:
    """Put the Chinese in place: the description, the command list, each parameter's help
    and the placeholders that are words (the command exits after its help anyway)."""
    COMMANDS, PARAMS = tables(lang)["commands"], tables(lang)["params"]

    def metavar(name: str) -> str:
        return word(lang, f"metavar.{name}")

    path = command_path(ctx)
    command: Any = ctx.command
    command.help = zh_punctuation(COMMANDS[path][1])
    command.options_metavar = f"[{metavar('OPTIONS')}]"
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = f"{metavar('COMMAND')} [{metavar('ARGS')}]..."
    for name, sub in getattr(command, "commands", {}).items():
        sub.short_help = zh_punctuation(COMMANDS[f"{path} {name}".strip()][0])
    for param in command.get_params(ctx):
        # -h/--help by its names: Clicks from 8.4 call it "_click_default_help", not "help".
        name = "help" if set(param.opts) & set(ctx.help_option_names) else param.name
        param.help = zh_punctuation(PARAMS.get(f"{path}:{name}") or PARAMS[name])
        if param.metavar and f"metavar.{param.metavar}" in words_of(lang):
            param.metavar = metavar(param.metavar)


def command_path(ctx: Any) -> str:
    """The command as words_help.py names it: "" for the root, "which", "case add"."""
    names: list[str] = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


def cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


class Formatter(HelpFormatter):
    """Click's help layout, measured in cells and wrapped by writers.wrap (clreq)."""

    words: dict[str, Any]  # the language's help tables (words_help.tables)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        usage = self.words["headings"]["Usage"]
        head = zh_punctuation(f"{' ' * self.current_indent}{usage}:{prog} ")
        room = self.width - cells(head)
        if room < min(20, cells(args)):  # as Click does: the arguments on lines of their own
            self.write(head.rstrip() + "\n")
            head, room = " " * (self.current_indent + 4), self.width - self.current_indent - 4
        lines = wrap(args, room)
        self.write(head + lines[0] + "\n")
        for line in lines[1:]:
            self.write(" " * cells(head) + line + "\n")

    def write_heading(self, heading: str) -> None:
        title = zh_punctuation(f"{self.words['headings'].get(heading, heading)}:")
        self.write(f"{'':>{self.current_indent}}{title}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [p.replace("\n", " ") for p in text.split("\n\n")]
        blocks = [
            "\n".join(indent + line for line in wrap(p, self.width - len(indent)))
            for p in paragraphs
        ]
        self.write("\n\n".join(blocks) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(name, _extras(text, self.words["extras"])) for name, text in rows]
        indent = self.current_indent
        col_max = min(col_max, (self.width - indent) // 3)  # leave the help room
        first = min(max(cells(name) for name, _ in rows), col_max) + col_spacing
        room = self.width - indent - first
        for name, text in rows:
            lines = wrap(text, room) if text else []
            head = " " * indent + name
            if lines and cells(name) <= first - col_spacing:
                head += " " * (first - cells(name)) + lines.pop(0)
            self.write(head + "\n")
            for line in lines:
                self.write(" " * (indent + first) + line + "\n")


def _extras(text: str, EXTRAS: dict[str, str]) -> str:
    """Typer's "help  [default: text; required]" as "help（默认：text；必填）。"."""
    found = _EXTRA.fullmatch(text)
    if not found:
        return text
    help_text, extras = found.groups()
    worded = []
    for extra in extras.split("; "):
        key, _, value = extra.partition(": ")
        worded.append(EXTRAS[key].format(value=value))
    added = zh_punctuation(f"({'; '.join(worded)})")
    if help_text.endswith("\u3002"):  # 。 after the brackets, not before
        return help_text[:-1] + added + "\u3002"
    return help_text + added
