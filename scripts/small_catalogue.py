"""Write tests/data/small_catalogue.yaml: the shipped catalogue cut to what the validator
and the bad-input tests need (every entry and field in its place, so a message names the
same entry path; two keywords a scenario, one tip, one menu key, texts shortened).

    python scripts/small_catalogue.py

It parses in about a seventh of the shipped file's time (9 KB, not 104 KB), and the tests
build about two hundred broken copies of it. Run it again when the catalogue's fields
change; tests/test_catalogue.py checks that it still loads and keeps the shipped order.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "hotlines.yaml"
SMALL = ROOT / "tests" / "data" / "small_catalogue.yaml"
HEADER = """\
# A small copy of data/hotlines.yaml for the validator and bad-input tests, written by
# scripts/small_catalogue.py: every entry and field in its place, few words. Not a
# catalogue to use: its texts are cut short.
"""


def _shorten(node: Any, keywords: bool = False) -> None:
    """Texts of more than 24 characters cut to 12 (not keywords, not templates)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("zh", "en") and isinstance(value, str) and not keywords:
                if len(value) > 24 and "{" not in value:
                    node[key] = value[:12].rstrip() + "…"
            else:
                _shorten(value, keywords or key == "keywords")
    elif isinstance(node, list):
        for value in node:
            _shorten(value, keywords)


def small(data: dict[str, Any]) -> dict[str, Any]:
    for scenario in data["scenarios"]:
        for lang in ("zh", "en"):
            scenario["keywords"][lang] = scenario["keywords"][lang][:2]
        for key in ("patterns", "prepare"):
            if key in scenario:
                scenario[key] = scenario[key][:1]
    for key in ("merchant_voice", "buyer_voice", "elsewhere", "off_topic", "assistant"):
        for lang, words in data[key].items():
            data[key][lang] = words[:2] if isinstance(words, list) else words
    safety = data.get("safety")
    if safety:  # its validator needs one of each: a claim, an ask, a sentence and its source
        safety["claim"] = safety["claim"][:1]
        safety["innocent"] = safety.get("innocent", [])[:1]
        for ask in safety["asks"]:
            ask["patterns"] = ask["patterns"][:1]
    for line in data["hotlines"]:
        for key in ("tips", "peak", "menu"):
            if isinstance(line.get(key), list):
                line[key] = line[key][:1]
    _shorten(data)
    return data


def shipped() -> dict[str, Any]:
    """The shipped catalogue and its cues (data/cues.yaml) in the one-file form the
    loader still reads (cues_load.merge), in the shipped order of each scenario's fields;
    the model's constants are left to the shipped cues."""
    import sys

    sys.path.insert(0, str(ROOT))
    from jdhotline.cues_load import MODEL_KEYS, SCENARIO_CUES

    facts = yaml.load(SHIPPED.read_bytes(), Loader=yaml.CSafeLoader)
    cues = yaml.load(SHIPPED.with_name("cues.yaml").read_bytes(), Loader=yaml.CSafeLoader)
    by_id = {entry["id"]: entry for entry in cues["scenarios"]}
    for i, scenario in enumerate(facts["scenarios"]):
        own = {k: v for k, v in by_id[scenario["id"]].items() if k in SCENARIO_CUES}
        head = {k: v for k, v in scenario.items() if k in ("id", "name", "audience")}
        facts["scenarios"][i] = {**head, **own, **scenario}
    voices = ("merchant_voice", "buyer_voice", "elsewhere", "off_topic")
    order = ("version", "hotlines", "scenarios", *voices)
    data = {k: facts[k] for k in order if k in facts} | {k: cues[k] for k in voices}
    data |= {k: v for k, v in facts.items() if k not in data and k not in MODEL_KEYS}
    safety = {**facts["safety"], **cues["safety"]}
    first = ("threshold", "check", "sources", "sentences", "claim", "asks", "innocent")
    data["safety"] = {k: safety[k] for k in first} | safety
    return data


def main() -> None:
    data = small(shipped())
    text = yaml.dump(
        data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False,
        default_flow_style=None, width=100,
    )  # fmt: skip
    # Quoted as the shipped file quotes: "09:00", "950618", key: "1" (tests edit the text).
    text = re.sub(r"(?<=[\s:\[,{])'([^'\"\\\n]*)'(?=[\s,\]}]|$)", r'"\1"', text, flags=re.M)
    SMALL.write_text(HEADER + text, encoding="utf-8")
    print(f"{SMALL.relative_to(ROOT)}: {len(text.splitlines())} lines, {len(text):,} bytes")


if __name__ == "__main__":
    main()
