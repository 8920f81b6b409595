"""`check` on a message that says it is JD, asks what the scam asks, and leaves a number
that is not JD's: the warning leads, even where `which` would want more cues, since the
number given is not one of JD's lines (a new user's trial, after issue 19's third round).
A courier's message with his own mobile number asks nothing, and is not warned about.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.load import load
from jdhotline.safety import alarm, posing

runner = CliRunner()
AT = "2026-12-07T10:00"
HEADLINE = {"zh": "这很像冒充京东客服的诈骗", "en": "Fake JD customer-service scam?"}
POSING = (
    "Hi this is JD customer service, your refund is ready, call 021-5555-1234 ext. 12",
    "我是京东客服，您购买的商品有质量问题，可以给您办理退款，请拨打02155551234",
)
COURIER = (
    "【京东物流】我是京东快递员，您的包裹到了，请回电13800138000",
    "JD courier here, your parcel is at the door, call me 13800138000",
)


def check(text: str, lang: str, *extra: str) -> tuple[int, str]:
    result = runner.invoke(cli.app, ["check", text, "--at", AT, "--lang", lang, *extra])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("text", POSING)
def test_a_message_posing_as_jd_with_its_own_number_leads_with_the_warning(
    text: str, lang: str
) -> None:
    code, out = check(text, lang)
    assert code == 1  # the number is not one of JD's lines (docs/usage/check.md)
    assert out.splitlines()[0].startswith(HEADLINE[lang])
    assert "950618" in out  # call JD yourself, on its own number


def test_which_alone_would_not_have_warned() -> None:
    """The number not being JD's is what tips it: these words stay below `which`'s
    threshold, so `which` answers as before. (POSING[0], which says "call" before its
    number, reads as the scam to `which` too since a number to call back is half an ask:
    tests/test_scam3.py.)"""
    text = "Hi this is JD customer service, your refund is ready: 021-5555-1234 ext. 12"
    catalogue = load()
    assert alarm(catalogue, text) is None
    assert posing(catalogue, text) is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("text", COURIER)
def test_a_couriers_own_number_is_not_called_a_scam(text: str, lang: str) -> None:
    code, out = check(text, lang)
    assert code == 1
    assert HEADLINE[lang] not in out


def test_the_json_says_safety_for_a_message_posing_as_jd() -> None:
    code, out = check(POSING[0], "en", "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["safety"]["kind"] == "fake-customer-service"
    assert "compensation" in doc["safety"]["asks"]


def test_a_real_jd_number_asked_about_is_not_a_scam() -> None:
    code, out = check("京东客服电话是950618吗", "zh")
    assert code == 0
    assert HEADLINE["zh"] not in out
