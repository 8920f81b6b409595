"""The scam's safety answer on the page and in the API (issue 19 on issue 23's page):
the same answer as `jdhotline which`, first."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jdhotline.cli.commands import app as cli_app

from .test_web import AT, App, app, call  # noqa: F401  (app is a fixture)

SCAM_ZH = "有人打电话说是京东客服，让我关闭白条，不然影响征信"
SCAM_EN = "someone from JD called me, said my account will be frozen unless I share screen"
BOTH = "有人说是京东客服让我共享屏幕，另外我的订单三天没发货"


@pytest.mark.parametrize("text", [SCAM_ZH, SCAM_EN])
def test_the_api_gives_the_safety_object_first_as_the_cli_does(app: App, text: str) -> None:  # noqa: F811
    got = call(app, "/api/v1/which", {"q": text, "at": AT})
    assert got.status == 200
    document = got.json()
    assert next(iter(document)) == "safety"
    cli = CliRunner().invoke(cli_app, ["which", text, "--at", AT, "-f", "json", "--lang", "zh"])
    assert cli.exit_code == 5
    assert document["safety"] == json.loads(cli.stdout)["safety"]


def test_a_real_question_beside_the_scam_is_answered_after_it(app: App) -> None:  # noqa: F811
    document = call(app, "/api/v1/which", {"q": BOTH, "at": AT}).json()
    assert list(document)[:2] == ["safety", "user"] and document["scenario"] == "order"


def test_the_page_shows_the_safety_answer_before_the_number(app: App) -> None:  # noqa: F811
    page = call(app, "/", {"q": SCAM_ZH, "at": AT}).text
    assert page.index('id="safety"') < page.index("<form")
    assert "这很像冒充京东客服的诈骗" in page and "96110" in page
    english = call(app, "/", {"q": SCAM_EN, "at": AT}, language="en").text
    assert 'id="safety"' in english and "96110" in english


def test_no_safety_answer_for_a_genuine_problem(app: App) -> None:  # noqa: F811
    for text in ("冰箱不制冷", "白条还款日是几号", "收不到验证码"):
        got = call(app, "/", {"q": text, "at": AT})
        assert 'id="safety"' not in got.text, text
        assert "safety" not in call(app, "/api/v1/which", {"q": text, "at": AT}).text[:20]
