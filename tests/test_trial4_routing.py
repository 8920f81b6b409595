"""Two routing misses a new user's trial found (trial4): an order shown as 待发货, and a
PLUS member who says so by having or leaving PLUS rather than by 我是 PLUS 会员."""

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

runner = CliRunner()
AT = ["--at", "2026-12-07T10:00"]


def _first(text: str, lang: str) -> str:
    result = runner.invoke(cli.app, ["which", text, *AT, "--lang", lang])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_order_waiting_to_ship_is_an_order_enquiry(lang: str) -> None:
    text = "喂 那个我的订单号是3123456789 东西一直显示待发货 商家也不回消息"
    first = _first(text, lang)
    assert "950618" in first and ("按 1" in first or "press 1" in first)


@pytest.mark.parametrize(
    "text",
    [
        "我开了plus 想退掉 怎么退会员费",
        "plus会员怎么退",
        "我开通了PLUS会员，能不能退费",
        "I bought PLUS last month, can I get a refund",
        "cancel my plus membership",
    ],
)
def test_having_or_leaving_plus_is_a_members_matter(text: str) -> None:
    assert _first(text, "zh").startswith("拨打 400-656-0055")


@pytest.mark.parametrize("text", ["plus会员有什么权益", "plus会员怎么开", "plus会员怎么退货"])
def test_asking_about_plus_is_not_being_a_member(text: str) -> None:
    assert _first(text, "zh").startswith("拨打 950618")
