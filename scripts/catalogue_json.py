"""Write data/hotlines.json and data/cues.json, the shipped catalogue's and cues' data
as JSON (see load._twin); the cues' twin also carries its patterns' proof (load._proof).

    python scripts/catalogue_json.py

Run it after editing data/hotlines.yaml or data/cues.yaml; tests/test_catalogue.py
fails until you do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YAML = ROOT / "data" / "hotlines.yaml"
CUES = ROOT / "data" / "cues.yaml"


def render(path: Path = YAML) -> str:
    """The twin of data/hotlines.yaml, or of data/cues.yaml with its proof."""
    sys.path.insert(0, str(ROOT))
    from jdhotline.load import proof_of, twin_key
    from jdhotline.yaml_read import yaml_load

    raw = path.read_bytes()
    data = yaml_load(raw.decode("utf-8-sig"), str(path))
    doc = {"key": twin_key(raw)}
    if path == CUES:
        # The proof first: a reader sees what was proven before the 100 KB of data.
        doc["proof"] = proof_of(YAML, CUES)
    doc["data"] = data
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    for path in (YAML, CUES):
        path.with_suffix(".json").write_text(render(path), encoding="utf-8")
        print(f"wrote data/{path.with_suffix('.json').name}")


if __name__ == "__main__":
    main()
