"""The shipped catalogue's keywords are read, not checked word by word, when it comes
from its JSON twins (checks.Checks.shipped): what the checks would leave is the same,
and anything they would refuse is checked, so that the error names the entry."""

import pytest

from jdhotline import load as loader
from jdhotline.checks import Checks, Refused, _read_keywords
from jdhotline.files import read


def test_the_shipped_catalogue_is_the_one_checked_word_by_word() -> None:
    from_twins = loader.load()
    facts = loader._yaml(read(loader.default_path(), "hotlines.yaml"), "hotlines.yaml")
    checked = loader._build(facts, from_twins.path, {}, None)  # YAML: every word checked
    assert from_twins == checked
    assert sum(len(s.keywords.zh) + len(s.keywords.en) for s in checked.scenarios) > 1000


@pytest.mark.parametrize(
    "data",
    [
        {"zh": ["冰箱", "空调"], "en": [" Fridge ", {"TV": 2}, {"air con": 0.5}]},
        {"zh": [{"不制冷": 1}]},
        {"en": []},
    ],
)
def test_read_keywords_are_what_the_checks_leave(data: dict) -> None:
    assert _read_keywords(data) == Checks("f").keywords(data, "k")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"zh": ["冰箱", "冰箱"]}, "keyword.twice"),
        ({"en": ["fridge", "FRIDGE"]}, "keyword.twice"),
        ({"zh": ["冰箱", 3]}, "not_text"),
        ({"zh": ["  "]}, ""),
        ({"zh": [{"冰箱": 9}]}, "weight"),
        ({"zh": [{"冰箱": True}]}, "weight"),
        ({"zh": "冰箱"}, "not_list"),
        ({"en": ["冰箱"]}, "keyword.not_english"),
        ({"zh": ["冰" * 100]}, "keyword"),
    ],
)
def test_what_a_check_refuses_is_checked_and_named(data: dict, code: str) -> None:
    assert _read_keywords(data) is None
    with pytest.raises(Refused) as refused:
        Checks("cues.json", shipped=True).keywords(data, "scenarios[0].keywords")
    assert refused.value.code.startswith(code)
    assert refused.value.entry.startswith("scenarios[0].keywords")
