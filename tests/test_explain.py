"""`which --explain` (issue 21, step 5): each cue, its weight, the phases and the winner,
in English and Chinese within 80 columns, and in JSON; the ranking it explains is rank()'s."""

from __future__ import annotations

import json
import unicodedata

import pytest
import yaml
from typer.testing import CliRunner

from jdhotline.catalogue import Catalogue
from jdhotline.cli import commands as cli
from jdhotline.match import PHASES, explain, rank

from .conftest import SHIPPED

runner = CliRunner()
AT = ["--at", "2026-11-27T10:00"]
CORPUS = SHIPPED.parent.parent / "bench" / "corpus.yaml"


def cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def explained(*args: str, lang: str = "en") -> list[str]:
    result = runner.invoke(cli.app, ["which", "--explain", *args, "--lang", lang, *AT])
    assert result.exit_code == 0, result.output
    marker = "--explain"
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if marker in line)
    return lines[start:]


def test_the_fridge_explained_in_english() -> None:
    lines = explained("冰箱不制冷")
    assert lines == [
        "How the words were read (--explain)",
        "Cues found in the text (cue, scenario, weight)",
        "  冰箱    appliance        3",
        "  不制冷  appliance        3",
        "Phases, and each scenario's score after it",
        "  1 evidence   each cue once, with its weight",
        "               appliance 6",
        "  2 elsewhere  not about another platform",
        "               appliance 6",
        "  3 who asks   read as a buyer, by the user type",
        "               appliance 6",
        "  4 absorbs    no scenario took another's evidence",
        "               appliance 6",
        "  5 enough     best evidence of its own 6, at least 2 needed; counter-evidence 0",
        "               appliance 6",
        "  6 ranked     highest score, then strongest cue, most cues, earliest",
        "               appliance 6",
        "Winner: appliance (Appliance installation, repair, extended warranty)",
    ]


def test_the_fridge_explained_in_chinese() -> None:
    lines = explained("冰箱不制冷", lang="zh")
    assert lines[0] == "问题是怎么读的（--explain）"
    assert "  冰箱    家电安装         3" in lines  # a scenario by its Chinese name, not its id
    assert [line.split()[1] for line in lines if line[:3] in {f"  {n}" for n in range(1, 7)}] == [
        "找词", "别家平台", "谁在问", "合并", "够不够", "排序",
    ]  # fmt: skip
    assert lines[-1] == "结论：家电安装 / 维修 / 延保（appliance）"  # the id, to type after -s
    assert not any("appliance" in line for line in lines[:-1])  # nothing else in English
    assert not any(ch in "".join(lines) for ch in ",;?!")  # full-width marks in Chinese


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "text",
    [
        "我的店铺 买家恶意退款 不是家电问题",
        "买了一台两万多的电视 黑屏了 商家不给退",
        "our store was penalized for late shipping and a buyer claims the parcel never came",
    ],
)
def test_every_line_fits_80_columns(text: str, lang: str) -> None:
    lines = explained("--plus", text, lang=lang)
    assert all(cells(line) <= 80 for line in lines), [line for line in lines if cells(line) > 80]


def test_a_negated_cue_is_shown_counting_for_nothing() -> None:
    lines = explained("我的店铺 买家恶意退款 不是家电问题")
    assert "  家电          appliance        3  negated: counts for nothing" in lines
    assert "  3 who asks   read as a merchant: the text speaks as a merchant" in lines


def test_a_plus_members_absorbed_evidence_is_a_phase() -> None:
    lines = explained("--plus", "买了一台两万多的电视 黑屏了")
    assert any(
        line.startswith("  4 absorbs    took the evidence of: high-value <") for line in lines
    )


def test_json_has_an_explain_member_only_when_asked() -> None:
    args = ["which", "冰箱不制冷", *AT, "--format", "json"]
    plain = json.loads(runner.invoke(cli.app, args).stdout)
    assert "explain" not in plain
    doc = json.loads(runner.invoke(cli.app, [*args, "--explain"]).stdout)
    why = doc["explain"]
    assert why["winner"] == "appliance" == doc["scenario"]
    assert why["cues"] == [
        {"cue": "冰箱", "scenario": "appliance", "weight": 3.0, "pattern": False, "negated": False},
        {
            "cue": "不制冷",
            "scenario": "appliance",
            "weight": 3.0,
            "pattern": False,
            "negated": False,
        },
    ]
    assert [p["phase"] for p in why["phases"]] == list(PHASES)
    assert why["phases"][-1]["scores"] == {"appliance": 6.0}
    chosen = runner.invoke(cli.app, ["which", "-s", "order", *AT, "-f", "json", "--explain"])
    assert json.loads(chosen.stdout)["explain"] is None


def test_a_scenario_chosen_by_id_has_no_words_to_explain() -> None:
    assert explained("-s", "order")[-1] == (
        "The scenario was chosen with --scenario: no words to explain."
    )


def test_the_explanation_is_the_ranking(catalogue: Catalogue) -> None:
    """On the corpus: explain()'s winner and last scores are rank()'s, for every user."""
    items = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))[:200]
    for item in items:
        for user in ("regular", "plus", "merchant"):
            ranked = rank(catalogue, item["text"], user)
            why = explain(catalogue, item["text"], user)
            assert why.winner == (ranked[0].scenario.id if ranked else None), item["text"]
            if ranked:
                assert dict(why.steps[-1].scores) == {m.scenario.id: m.score for m in ranked}
