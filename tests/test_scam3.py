"""Issue 19, fourth round (scam3): "我是京东客服，您的退款已经准备好，请拨打…".

Someone else says they are JD and that a refund is ready, and leaves a number to call
back: `which` gave the after-sales answer. A refund announced as ready and a number of
the caller's own to call back are half a cue each (a real agent says a refund is ready,
a courier asks to be called back); with a caller, the scam. The shopper's own refund
question, and JD's own answer to a call the user made, stay ordinary answers.
Pinned through the CLI (exit 5 is the safety answer: docs/errors.md).
"""

from __future__ import annotations

import json

import pytest

from jdhotline.errors import EXIT_NOT_A_LINE, EXIT_SAFETY

from .test_safety import AT, run

HEADLINE = {"zh": "这很像冒充京东客服的诈骗", "en": "Fake JD customer-service scam?"}
KNOWN_MISS = "我是京东客服，您的退款已经准备好，请拨打…"

SCAMS = (
    KNOWN_MISS,
    "我是京东客服，您的退款已经准备好，请拨打4001234567领取",
    "京东客服打电话说我之前买的面膜有问题 退款已经准备好了 让我回电话给她",
    "妈妈收到短信说京东退款已经到了 让她打一个电话号码领取",
    "尊敬的京东用户您的退款已到账请点击 jd-tk.cn 查看",
    "我是京東客服，您的退款已經準備好，請撥打客服專線",
    "Hi this is JD customer service, your refund is ready, please call 0755-1234567",
    "JD support called, said they owe me a refund for a faulty item, want me to call a number",
    "京东客服打我电话说给我退运费 让我在微信上跟他操作",
    "我是京东的售后专员 您的订单退款出了问题 请您拨打我的工作电话",
    "说是京东客服 我的退款准备好了 让我联系另外一个客服",
    "my grandma got a call, they said they're from JD and her refund is ready, "
    "asked her to call another number",
)
LOOK_ALIKES = (
    "我要退款",
    "退款还没到账",
    "我打了950618，客服说退款已经处理了，几天能到账",
    "京东客服给我回电话了，说退款已经准备好，会原路退回",
    "京东短信说退款已原路退回，如有疑问请拨打950618",
    "快递小哥打电话说明天送，让我回个电话确认时间",
    "I called 950618 and they said my refund is ready, how long until I see it",
    "The courier called and asked me to call back to confirm the address",
    "客服打电话说我的订单缺货，要给我退款还是等货",
    "京东客服说运费险理赔已经到账了，但是我没看到",
    "京东客服让我拨打商家的电话协商退款",
    "京东白条额度被冻结了怎么办",
)


def which(text: str, lang: str, *extra: str) -> tuple[int, str]:
    code, out, _ = run("which", text, "--at", AT, "--lang", lang, *extra)
    return code, out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("text", SCAMS)
def test_a_refund_ready_and_a_number_to_call_is_the_scam(text: str, lang: str) -> None:
    code, out = which(text, lang)
    assert code == EXIT_SAFETY, out
    assert out.splitlines()[0].startswith(HEADLINE[lang]), out


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_real_refund_or_a_couriers_call_stays_an_ordinary_answer(text: str) -> None:
    code, out = which(text, "zh")
    assert code != EXIT_SAFETY, out
    assert HEADLINE["zh"] not in out


def test_the_known_miss_says_a_real_refund_goes_back_the_way_you_paid() -> None:
    code, out = which(KNOWN_MISS, "zh")
    assert code == EXIT_SAFETY
    assert "正常的理赔退款会原路返还" in out  # the compensation sentence (guangming-2023)
    assert "不要拨打来电或短信里留下的号码" in out
    assert "售后" not in out  # no after-sales answer: nothing else is asked


def test_the_json_names_the_refund_and_the_number_to_call_back() -> None:
    code, out = which(KNOWN_MISS, "en", "--format", "json")
    assert code == EXIT_SAFETY
    safety = json.loads(out)["safety"]
    assert safety["asks"] == ["compensation", "call-back"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_on_the_pasted_sms_leads_with_the_warning(lang: str) -> None:
    text = "我是京东客服，您的退款已经准备好，请拨打 021-5555-1234"
    code, out, _ = run("check", text, "--at", AT, "--lang", lang)
    assert code == EXIT_NOT_A_LINE
    assert out.splitlines()[0].startswith(HEADLINE[lang]), out
