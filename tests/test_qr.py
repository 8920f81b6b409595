"""`which --qr`: the QR code printed in the terminal decodes to the answer's tel: link.

Decoded by a real QR reader (zxing-cpp, in the test extra) from an image drawn from
the printed characters, so what is tested is what a phone's camera would see.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from jdhotline.cli.commands import app
from jdhotline.output.qr import matrix, tel_link, terminal

# Each character of the printed code: (top module, bottom module), True for dark.
HALVES = {"█": (False, False), "▀": (False, True), "▄": (True, False), " ": (True, True)}


def modules(text: str) -> list[list[bool]]:
    """The printed code back to its modules (half blocks, or ASCII "##" pairs)."""
    lines = [line for line in text.split("\n") if line]
    if all(set(line) <= {"#", " "} for line in lines):
        return [[line[i : i + 2] == "  " for i in range(0, len(line), 2)] for line in lines]
    rows: list[list[bool]] = []
    for line in lines:
        rows.append([HALVES[c][0] for c in line])
        rows.append([HALVES[c][1] for c in line])
    return rows


def decode(rows: list[list[bool]], scale: int = 4) -> str:
    """What a QR reader finds in the modules, drawn black on white at ``scale`` pixels."""
    import zxingcpp

    height, width = len(rows) * scale, len(rows[0]) * scale
    pixels = bytes(
        0 if dark else 255
        for row in rows
        for _ in range(scale)
        for dark in row
        for _ in range(scale)
    )

    class Image:
        __array_interface__ = {  # noqa: RUF012
            "shape": (height, width),
            "typestr": "|u1",
            "data": pixels,
            "version": 3,
        }

    found = zxingcpp.read_barcodes(Image())
    assert len(found) == 1, found
    return found[0].text


def decode_terminal(text: str) -> str:
    return decode(modules(text))


def qr_of(output: str) -> str:
    """The code at the end of a command's output: its lines of block characters."""
    lines = output.rstrip("\n").split("\n")
    code = []
    for line in reversed(lines):
        if not line or not set(line) <= set(HALVES):
            break
        code.append(line)
    return "\n".join(reversed(code))


def test_which_qr_order_decodes_to_the_regular_line() -> None:
    result = CliRunner().invoke(app, ["which", "--qr", "-s", "order", "--at", "2026-12-07T10:00"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Call 950618")
    assert decode_terminal(qr_of(result.stdout)) == "tel:950618"


@pytest.mark.parametrize(
    ("args", "link"),
    [
        (["冰箱不制冷", "--lang", "zh"], "tel:4006101360"),
        (["-s", "appliance", "--plus"], "tel:4006101360"),
        (["-s", "dispute", "--plus"], "tel:4006560055"),
        (["买家恶意退款", "--merchant"], "tel:4006229068"),
    ],
)
def test_which_qr_decodes_to_the_primary_number_digits_only(args: list[str], link: str) -> None:
    result = CliRunner().invoke(app, ["which", "--qr", *args, "--at", "2026-12-07T22:00"])
    assert result.exit_code == 0, result.output
    assert decode_terminal(qr_of(result.stdout)) == link


def test_the_code_keeps_a_light_border_on_every_side() -> None:
    rows = modules(terminal("tel:950618"))
    assert not any(rows[0]) and not any(rows[-1])
    assert not any(row[0] or row[-1] for row in rows)
    assert rows[: len(matrix("tel:950618"))] == matrix("tel:950618")


def test_ascii_terminals_get_a_code_that_decodes_too() -> None:
    text = terminal("tel:950618", ascii_only=True)
    assert text.isascii()
    assert decode_terminal(text) == "tel:950618"


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_qr_is_for_the_terminal_answer_only(fmt: str) -> None:
    result = CliRunner().invoke(app, ["which", "--qr", "-s", "order", "-f", fmt, "--lang", "zh"])
    assert result.exit_code == 2
    assert "--qr 在终端里文字回答的后面画出二维码，请去掉 --format。" in result.output
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("number", "link"),
    [
        ("950618", "tel:950618"),
        ("400-610-1360", "tel:4006101360"),
        ("400 622 9068", "tel:4006229068"),
    ],
)
def test_tel_link_is_digits_only(number: str, link: str) -> None:
    assert tel_link(number) == link


@pytest.mark.parametrize(
    "number", ["950618,1", "*86#", "950618;ext=2", "", "javascript:alert(1)", "９５０６１８", "95²"]
)
def test_tel_link_refuses_anything_but_a_number(number: str) -> None:
    with pytest.raises(ValueError):
        tel_link(number)
