"""Facts apart from the model (issue 21, step 5): the catalogue's twin carries the proof
of its patterns, and a twin that does not say what its proof proved is still caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from jdhotline import bounded
from jdhotline import load as load_mod
from jdhotline.catalogue import Model
from jdhotline.cli import commands as cli
from jdhotline.cues_load import MODEL_KEYS, SAFETY_CUES, SCENARIO_CUES, VOICES
from jdhotline.errors import CatalogueError
from jdhotline.i18n.messages import catalogue_message

from .conftest import SHIPPED, build, dump_yaml, line_data, read_yaml, shipped_copy

runner = CliRunner()
AT = ["--at", "2026-11-27T10:00"]

RUNAWAY = "(a|a){0,20}b"  # 2^20 ways at each a: refused by bounded.check


CUES = SHIPPED.with_name("cues.yaml")


def _copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped YAML files and their twins, copied, and loaded as the shipped ones;
    the cues' twin is returned."""
    for path in SHIPPED.parent.glob("*.*"):
        if path.suffix in (".yaml", ".json"):
            shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(load_mod, "default_path", lambda: tmp_path / SHIPPED.name)
    monkeypatch.setattr(load_mod, "cues_path", lambda: tmp_path / CUES.name)
    return tmp_path / CUES.with_suffix(".json").name


def _twin_pattern(twin: Path, regex: str, *, in_proof: bool = False) -> None:
    """The twin's first scenario pattern made ``regex`` (its key, the YAML's, unchanged)."""
    doc = json.loads(twin.read_text(encoding="utf-8"))
    scenario = next(s for s in doc["data"]["scenarios"] if s.get("patterns"))
    scenario["patterns"][0]["regex"] = regex
    if in_proof:
        doc["proof"]["steps"][regex] = 1
    twin.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_the_twin_carries_a_proof_of_every_pattern() -> None:
    doc = json.loads(CUES.with_suffix(".json").read_text(encoding="utf-8"))
    assert doc["proof"]["by"] == bounded.PROOF
    steps = doc["proof"]["steps"]
    catalogue = load_mod.load()
    patterns = [p for s in catalogue.scenarios for p in s.patterns]
    assert catalogue.safety is not None
    patterns += [*catalogue.safety.claim, *catalogue.safety.innocent]
    patterns += [p for ask in catalogue.safety.asks for p in ask.patterns]
    regexes = [p.regex for p in patterns] + [*catalogue.plus_self, *catalogue.calling]
    regexes += [*catalogue.negation[0], *catalogue.negation[1]]
    assert regexes and all(steps[regex] == bounded.check(regex) for regex in regexes)


def test_a_tampered_twin_pattern_is_proven_again_and_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twin = _copied(tmp_path, monkeypatch)
    _twin_pattern(twin, RUNAWAY)
    with pytest.raises(CatalogueError) as caught:
        load_mod.load()
    message = catalogue_message(caught.value, "en")
    assert "could take" in message, message
    assert message.startswith(str(tmp_path / CUES.name))  # the cues file, by its path
    assert ".patterns[0].regex" in message


def test_a_twin_proven_by_another_prover_is_proven_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twin = _copied(tmp_path, monkeypatch)
    _twin_pattern(twin, RUNAWAY, in_proof=True)  # a lie in its proof...
    doc = json.loads(twin.read_text(encoding="utf-8"))
    doc["proof"]["by"] = "bounded/0"  # ...by a prover that is not this one
    twin.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError):
        load_mod.load()


def test_a_pattern_that_parses_but_would_not_compile_is_refused() -> None:
    """The loader parses a pattern once and no longer compiles it: what re.compile
    refuses after parsing (a look-behind of varying width) is refused all the same."""
    checks = load_mod._Validator("x.yaml")
    with pytest.raises(CatalogueError) as caught:
        checks.pattern({"regex": "(?<=ab|c)d"}, "scenarios[0].patterns[0]")
    assert "does not compile" in catalogue_message(caught.value, "en")


# ---------------------------------------------------------------- the split


def test_the_cues_twin_is_up_to_date() -> None:
    """data/cues.json is data/cues.yaml's data and proof: run scripts/catalogue_json.py."""
    import runpy

    render = runpy.run_path(str(SHIPPED.parent.parent / "scripts" / "catalogue_json.py"))["render"]
    written = CUES.with_suffix(".json").read_text(encoding="utf-8")
    assert written == render(CUES), "run python scripts/catalogue_json.py"


def test_the_facts_hold_no_cue_and_the_cues_no_fact() -> None:
    facts = read_yaml(SHIPPED.read_bytes())
    cues = read_yaml(CUES.read_bytes())
    assert not set(facts) & {*VOICES, *MODEL_KEYS}
    assert not any(set(s) & set(SCENARIO_CUES) for s in facts["scenarios"])
    assert not set(facts["safety"]) & set(SAFETY_CUES)
    assert set(cues) == {"version", "scenarios", *VOICES, *MODEL_KEYS, "safety"}
    assert all(set(s) <= {"id", *SCENARIO_CUES} for s in cues["scenarios"])
    assert set(cues["safety"]) == set(SAFETY_CUES)
    assert set(cues["model"]) == set(Model._fields)


def test_the_model_is_the_one_the_matcher_had_in_code() -> None:
    """The constants moved from match.py, sides.py and rules.py with their values."""
    assert load_mod.load().model == Model(2.0, 3.0, 1.0, 0.25, 0.75, 0.7, (3, 14))


def test_the_shipped_catalogue_is_the_one_file_it_was(tmp_path: Path) -> None:
    """The facts and the cues read together are the one-file catalogue they were split
    from (cues_load.merge): a user's old copy with its cues inline reads the same."""
    one = tmp_path / "one-file.yaml"
    one.write_text(dump_yaml(shipped_copy()), encoding="utf-8")
    assert load_mod.load(one)._replace(path="") == load_mod.load()._replace(path="")


# ---------------------------------------------------------------- --cues through the command


def _which(*args: str, cues: Path | None = None, lang: str = "en") -> Result:
    more = ["--cues", str(cues)] if cues else []
    return runner.invoke(cli.app, ["which", *args, *more, "--lang", lang, *AT, "-f", "json"])


def _scenario(result: Result) -> str | None:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["scenario"]


def _cues(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my-cues.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_adds_a_word_and_the_text_reaches_the_line(tmp_path: Path) -> None:
    cues = _cues(tmp_path, "scenarios:\n  - id: appliance\n    keywords:\n      zh: [扫码枪: 3]\n")
    assert _which("扫码枪坏了").exit_code != 0 or _scenario(_which("扫码枪坏了")) != "appliance"
    assert _scenario(_which("扫码枪坏了", cues=cues)) == "appliance"
    # Added, not replacing: the shipped words still count.
    assert _scenario(_which("冰箱不制冷", cues=cues)) == "appliance"


def test_a_word_already_shipped_takes_the_users_weight(tmp_path: Path) -> None:
    """冰箱 weighs 3 for appliance; at 0.1 (and 不制冷 too) 冰箱不制冷 is no longer enough."""
    text = "scenarios:\n  - id: appliance\n    keywords:\n      zh: [冰箱: 0.1, 不制冷: 0.1]\n"
    result = _which("冰箱不制冷", cues=_cues(tmp_path, text))
    assert result.exit_code != 0 or _scenario(result) != "appliance"


def test_the_model_is_changed_by_a_cues_file(tmp_path: Path) -> None:
    assert _scenario(_which("冰箱不制冷")) == "appliance"
    result = _which("冰箱不制冷", cues=_cues(tmp_path, "model:\n  min_score: 50\n"))
    assert result.exit_code == 2 and result.stdout == ""  # nothing matched


def test_a_replacing_cues_file_stands_instead_of_the_shipped_ones(tmp_path: Path) -> None:
    """`replace: true`: only the user's cues, every scenario with its own."""
    ids = [s.id for s in load_mod.load().scenarios]
    entries = "".join(
        f"  - id: {i}\n    keywords: {{zh: [{'冰箱: 3' if i == 'store-violation' else i}]}}\n"
        for i in ids
    )
    cues = _cues(tmp_path, "replace: true\nscenarios:\n" + entries)
    assert _scenario(_which("冰箱", cues=cues)) == "store-violation"
    assert _which("查物流", cues=cues).exit_code == 2  # the shipped order words are gone
    short = _cues(tmp_path, "replace: true\nscenarios:\n" + entries.split("  - id: order")[0])
    result = _which("冰箱", cues=short)
    assert result.exit_code == 3
    assert "replace: true, and no cues for the scenario 'account'" in result.stderr


def test_negations_are_data_a_user_can_add(tmp_path: Path) -> None:
    assert _scenario(_which("与冰箱不制冷", "无关")) == "appliance"
    cues = _cues(tmp_path, "negation:\n  zh: ['与']\n")
    result = _which("与冰箱不制冷无关", cues=cues)
    assert result.exit_code == 2 or _scenario(result) != "appliance"


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        (
            "scenarios:\n  - id: appliances\n    keywords: {zh: [扫码枪]}\n",
            "scenarios[0].id",
            "unknown scenario 'appliances'",
        ),
        (
            "scenarios:\n  - id: appliance\n    keywords: {zh: [扫码枪: 9]}\n",
            "scenarios[0].keywords.zh[0]",
            "weight 9 is not a number from 0.1 to 5",
        ),
        ("model:\n  min_score: 100\n", "model.min_score", "100 is not a number from 0.1 to 50"),
        ("model:\n  unsure: 1\n", "model.unsure", "unknown field"),
        (
            "negation:\n  en: ['(a|a){0,20}b']\n",
            "negation.en[0]",
            "could take 10,001 steps at each character",
        ),
        ("plus_self: ['(?P<x>plus)']\n", "plus_self[0]", "named group"),
        ("scenarios: []\nkeywords: [x]\n", "keywords", "unknown field"),
        ("scenarios: [\n", "line 2, column 1", "YAML"),
    ],
)
def test_a_broken_cues_file_is_one_line_naming_it_and_exit_3(
    tmp_path: Path, text: str, where: str, problem: str
) -> None:
    cues = _cues(tmp_path, text)
    result = _which("冰箱不制冷", cues=cues)
    assert result.exit_code == 3, result.output
    assert result.stdout == "" and "Traceback" not in result.stderr
    first, hint = result.stderr.splitlines()
    assert first.startswith(f"jdhotline: {cues}: {where}: "), first
    assert problem in first, first
    assert hint.strip() == "Fix the file, or run without --cues / JDHOTLINE_CUES."
    zh = _which("冰箱不制冷", cues=cues, lang="zh")
    assert zh.exit_code == 3 and "去掉 --cues / JDHOTLINE_CUES" in zh.stderr


def test_a_missing_cues_file_is_exit_3(tmp_path: Path) -> None:
    result = _which("冰箱不制冷", cues=tmp_path / "none.yaml")
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == f"jdhotline: {tmp_path / 'none.yaml'}: no such file"


def test_every_command_reads_the_cues_of_jdhotline_cues(tmp_path: Path) -> None:
    cues = _cues(tmp_path, "model:\n  min_score: 100\n")
    result = runner.invoke(cli.app, ["prep", "冰箱不制冷", *AT], env={"JDHOTLINE_CUES": str(cues)})
    assert result.exit_code == 3 and str(cues) in result.stderr


def test_the_models_regexes_have_a_budget_of_their_own(tmp_path: Path) -> None:
    """negation, plus_self and calling do not spend the scenarios' and the scam's budget
    (nearly spent), but have one of the same size: 60 costly negations are refused."""
    costly = ", ".join(f"'[0-9]{{0,20}}[a-z]{{0,20}}x{i}'" for i in range(60))
    result = _which("冰箱不制冷", cues=_cues(tmp_path, f"negation:\n  en: [{costly}]\n"))
    assert result.exit_code == 3
    assert "negation.en[" in result.stderr
    assert "the patterns so far could take more than 50,000 steps" in result.stderr


# ---------------------------------------------------------------- what was in code is data


def test_calling_numbers_come_from_the_lines(data: dict[str, Any]) -> None:
    """A catalogue that changes a number: its new number is a calling cue, the old one not."""
    from jdhotline.match import unmatched

    assert unmatched(load_mod.load(), "4006101360") == "calling"
    line_data(data, "appliance")["number"] = "400-610-1361"
    changed = build(data)
    assert unmatched(changed, "400-610-1361") == "calling"
    assert unmatched(changed, "4006101360") != "calling"


def test_calling_words_are_data(tmp_path: Path) -> None:
    from jdhotline.match import unmatched

    assert unmatched(load_mod.load(), "找个活人聊聊") != "calling"
    cues = _cues(tmp_path, "calling: ['活人']\n")
    assert unmatched(load_mod.load(cues=cues), "找个活人聊聊") == "calling"


def test_plus_self_is_data_read_as_the_matcher_reads_english(tmp_path: Path) -> None:
    from jdhotline.match import says_plus

    catalogue = load_mod.load()
    assert says_plus(catalogue, "我是 PLUS 会员，冰箱坏了")
    assert says_plus(catalogue, "I'm a JD Plus member, my TV broke")
    assert not says_plus(catalogue, "plus会员有什么权益")
    cues = _cues(tmp_path, "plus_self: ['plus 老会员']\n")
    assert says_plus(load_mod.load(cues=cues), "PLUS 老会员了")
    assert not says_plus(catalogue, "PLUS 老会员了")


def test_which_notes_a_plus_member_who_says_so() -> None:
    result = runner.invoke(cli.app, ["which", "我是PLUS会员", "电视黑屏", *AT])
    assert result.exit_code == 0, result.output
    assert "400-656-0055" in result.stdout


# ---------------------------------------------------------------- checking one's cues


def test_a_user_scores_their_cues_against_the_shipped_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jdhotline.cli.check_cues import main

    weaker = _cues(
        tmp_path, "scenarios:\n  - id: appliance\n    keywords:\n      zh: [冰箱: 0.1]\n"
    )
    assert main([str(weaker)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("labelled problems; scenario right, line right, answerable refused")
    rows = {line.split()[0]: line for line in out[1:4]}
    assert set(rows) == {"train", "heldout", "all"}
    shipped, yours = rows["all"].split("shipped")[1].split("yours")
    assert float(yours.split()[0]) < float(shipped.split()[0])  # 冰箱 at 0.1: fewer right
    changed = int(out[4].split()[0])
    assert changed > 0 and out[5].split()[2] == "->"


def test_checking_a_broken_cues_file_is_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jdhotline.cli.check_cues import main

    assert main([str(_cues(tmp_path, "model:\n  min_score: 100\n"))]) == 3
    assert "model.min_score: 100 is not a number" in capsys.readouterr().err
    assert main([]) == 2


def test_the_corpus_ships_in_the_wheel() -> None:
    """Where check_cues looks for it in an installed package: the wheel puts it there."""
    import tomllib

    from jdhotline.cli.check_cues import corpus_path

    pyproject = tomllib.loads((SHIPPED.parent.parent / "pyproject.toml").read_text("utf-8"))
    include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["bench/corpus.yaml"] == "jdhotline/data/corpus.yaml"
    for name in ("hotlines.yaml", "hotlines.json", "cues.yaml", "cues.json"):
        assert include[f"data/{name}"] == f"jdhotline/data/{name}"
    assert corpus_path().is_file()
