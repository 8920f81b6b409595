"""The writers: Chinese line breaking (clreq) and the two formats of one view."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from jdhotline.output.writers import (
    CLOSING,
    OPENING,
    Note,
    Pairs,
    Para,
    Section,
    Span,
    to_markdown,
    to_rich,
    wrap,
)

COMMA, STOP, QMARK, LPAREN, RPAREN = "\uff0c", "\u3002", "\uff1f", "\uff08", "\uff09"


@pytest.mark.parametrize("width", [40, 80, 120])
def test_the_issues_lines_break_by_the_rules(width: int) -> None:
    text = (
        f"电话选上午 9:30-11:00{LPAREN}咨询量少{RPAREN}{COMMA}在线需登录主账号{COMMA}提供店铺 ID{STOP}"
        f"客服说“我再反馈”时{COMMA}追问“具体多久有结果{QMARK}怎么通知我{QMARK}”{STOP}"
    ) * 3
    for w in (width, 13, 17, 21):
        lines = wrap(text, w)
        assert all(cell_len(line) <= w for line in lines)
        assert all(line[0] not in CLOSING for line in lines if line)
        assert all(line[-1] not in OPENING for line in lines if line)
        assert "".join(lines) == text.replace(" ", "") or " ".join(lines).replace(
            " ", ""
        ) == text.replace(" ", "")


def test_a_phone_number_is_never_split() -> None:
    for width in range(14, 40):
        lines = wrap("不是 PLUS 会员就别打 400-656-0055" + COMMA + "系统会提示", width)
        assert any("400-656-0055" in line for line in lines), (width, lines)


HAN = st.sampled_from(list("京东热线家电维修专线商家买家订单号"))
# Text as it is written: a mark follows a character, an opening mark precedes one.
TOKEN = st.one_of(
    HAN,
    st.tuples(HAN, st.sampled_from([COMMA, STOP, QMARK, RPAREN, "”"])).map("".join),
    st.tuples(st.sampled_from([LPAREN, "“"]), HAN).map("".join),
    st.sampled_from([" ", "9", "A", "400-656-0055"]),
)


@given(st.lists(TOKEN, min_size=1, max_size=80).map("".join), st.integers(14, 60))
def test_wrapping_keeps_every_character_and_the_rules(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert cell_len(line) <= width
    for before, after in itertools.pairwise(lines):
        # A closing mark may start a line only if the line before could give it nothing.
        if after and after[0] in CLOSING:
            assert not before.strip(), (before, after)


def test_one_view_two_formats() -> None:
    view = (
        Para((Span("Call ", "strong"), Span("950618", "open"), Span("  Regular line"))),
        Pairs((("Best time", (Span("now"),)),)),
        Section("Have ready", ((Span("The order number"),),)),
        Note("source"),
    )
    md = to_markdown(view)
    assert md == (
        "**Call 950618**  Regular line\n\n- **Best time:** now\n\n"
        "### Have ready\n\n- The order number\n\n*source*\n"
    )
    text = "\n".join(line.plain for line in to_rich(view, 80))
    assert (
        text
        == "Call 950618  Regular line\nBest time  now\n\nHave ready\n• The order number\n\nsource"
    )


def test_a_number_keeps_its_unit_and_a_command_overflows_whole() -> None:
    text = f"已下班 · 10 月 8 日周四 09:00 开{LPAREN}还有 4 天 23 小时{RPAREN}"
    for width in range(12, 60):
        lines = wrap(text, width)
        assert not any(a.endswith(("4", "23", "8", "10")) for a in lines[:-1]), (width, lines)
        assert "09:00–18:00" in wrap("工作日 09:00–18:00", width)[-1]
    lines = wrap("upgrading verifies it: pip install -U chinesecalendar", 20)
    assert "pip install -U chinesecalendar" in lines  # wider than the line: it overflows
