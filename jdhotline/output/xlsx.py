"""`case export --format xlsx`: the record as a workbook, for a person to open in Excel,
WPS or LibreOffice (docs/exports.md).

Why a workbook beside the CSV: a spreadsheet opening a CSV guesses each cell's type, so
agent 00123 becomes 123 and a 13-digit order number 1.23457E+12. In a workbook every
cell here is a string cell in a text-formatted ("@") column, which no spreadsheet
converts, and a value starting with "=" is text, never a formula. The CSV is unchanged:
it is the scripts' contract (documents.py); this file is for people, so its headers and
words are in the answer's language.

XlsxWriter (BSD, no dependencies of its own) is imported here only, by this export:
nothing else pays for it (54 ms to import at best on the shared build machine, against
145 ms for openpyxl; docs/exports.md has the figures, bench/xlsx_export.py measures).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from jdhotline.i18n.words import word

if TYPE_CHECKING:
    from jdhotline.case import Case

# The CSV's columns (documents.CSV_COLUMNS), each with its header word.
COLUMNS = (
    ("case", "col.case"), ("line", "col.line"), ("scenario", "col.scenario"),
    ("order", "col.order"), ("status", "col.status"), ("outcome", "col.outcome"),
    ("at", "col.when"), ("kind", "col.what"), ("agent", "col.agent"),
    ("ticket", "col.ticket"), ("due", "col.due"), ("note", "col.note"),
)  # fmt: skip
_WIDEST = 60  # characters: a long note wraps in its cell instead
TEXT = 49  # the built-in number format "@" (text), which every spreadsheet knows by number


def rows(
    cases: Sequence[Case], lang: str, lines: Mapping[str, str], scenarios: Mapping[str, str]
) -> list[list[str]]:
    """One row per entry, as the CSV, in words a person reads: the line's and the
    scenario's names (ids when the catalogue does not know them), Beijing time to the
    minute."""

    def when(moment: dt.datetime | None) -> str:
        return f"{moment:%Y-%m-%d %H:%M}" if moment else ""

    table = [[word(lang, key) for _, key in COLUMNS]]
    for case in cases:
        for e in case.entries:
            table.append(
                [
                    str(case.id),
                    lines.get(case.line, case.line),
                    scenarios.get(case.scenario, case.scenario) if case.scenario else "",
                    case.order or "",
                    word(lang, f"status.{case.status}"),
                    case.outcome or "",
                    when(e.at),
                    word(lang, f"kind.{e.kind}"),
                    e.agent or "",
                    e.ticket or "",
                    when(e.due),
                    e.note or "",
                ]
            )
    return table


def workbook(table: list[list[str]], lang: str, created: dt.datetime) -> bytes:
    """The rows as an .xlsx file: every cell a string in a text column; the header row
    bold, frozen and filterable. ``created`` is the file's own date (not the clock)."""
    import io

    import xlsxwriter
    from rich.cells import cell_len

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
         "strings_to_urls": False},
    )  # fmt: skip
    book.set_properties({"title": word(lang, "xlsx.title"), "created": created})
    text = book.add_format({"num_format": TEXT, "valign": "top"})
    wrapped = book.add_format({"num_format": TEXT, "valign": "top", "text_wrap": True})
    head = book.add_format({"num_format": TEXT, "bold": True})
    sheet = book.add_worksheet(word(lang, "xlsx.sheet"))
    formats = []
    for c in range(len(table[0])):
        widest = max(cell_len(row[c]) for row in table)
        formats.append(wrapped if widest > _WIDEST else text)
        # A text column: what a person types into it later stays text too.
        sheet.set_column(c, c, min(widest, _WIDEST) + 2, formats[c])
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            if value:
                sheet.write_string(r, c, value, head if r == 0 else formats[c])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table) - 1, len(table[0]) - 1)
    book.close()
    return buffer.getvalue()
