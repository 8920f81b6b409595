"""Write data/hotlines.json, the shipped catalogue's data as JSON (see load._twin).

    python scripts/catalogue_json.py

Run it after editing data/hotlines.yaml; tests/test_catalogue.py fails until you do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YAML = ROOT / "data" / "hotlines.yaml"


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from jdhotline.load import proof_of, twin_key
    from jdhotline.yaml_read import yaml_load

    raw = YAML.read_bytes()
    data = yaml_load(raw.decode("utf-8-sig"), str(YAML))
    # The proof first: a reader sees what was proven before the 100 KB of data.
    doc = {"key": twin_key(raw), "proof": proof_of(raw, str(YAML)), "data": data}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    YAML.with_suffix(".json").write_text(render(), encoding="utf-8")
    print("wrote data/hotlines.json")


if __name__ == "__main__":
    main()
