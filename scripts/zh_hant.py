"""Write jdhotline/i18n/languages/zh-Hant.json, the Traditional Chinese words (--lang zh-Hant).

    python scripts/zh_hant.py

Every Simplified word (i18n WORDS["zh"], the web page's PAGE["zh"]) and every Chinese
text of the shipped catalogue, converted by jdhotline/i18n/convert.py: OpenCC's s2tw
(Taiwan's standard characters, no phrase changes: the words a buyer says to a JD agent
and hears in the voice menu are the mainland's, only the script changes), then the
FIXES a Traditional Chinese reader asked for. Run it after changing a Chinese word or
catalogue text; tests/test_zh_hant.py fails until you do. The program never imports
OpenCC for these: only for Chinese text this file lacks (a user's own --catalog).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "jdhotline" / "i18n" / "languages" / "zh-Hant.json"


# Not converted: the page's language tag (HTML lang, Content-Language), and the
# language's own name in the page's switch (s2tw would write 簡體).
PAGE_AS_IS = {"html.lang": "zh-Hant", "switch": "繁體中文", "switch.label": "切換到繁體中文"}


def convert_all(texts: dict[str, str]) -> dict[str, str]:
    """The same conversion as the run time's for a user's catalogue (i18n/convert.py):
    OpenCC's s2tw, then a reader's FIXES."""
    from jdhotline.i18n.convert import traditional

    return {key: traditional(text) for key, text in texts.items()}


def help_words(simplified: dict[str, dict]) -> dict[str, dict]:
    """The --help tables (i18n/words_help.py), converted: help_zh.py lays them out."""
    from jdhotline.i18n.convert import traditional

    commands = {
        path: [traditional(line), traditional(description)]
        for path, (line, description) in simplified["commands"].items()
    }
    rest = {name: convert_all(table) for name, table in simplified.items() if name != "commands"}
    return {"commands": commands, **rest}


def catalogue_texts() -> list[str]:
    """Every Chinese text the shipped catalogue loads, by the loader's objects, the
    example cues `scenarios` shows and the safety notices' publishers."""
    from jdhotline import load
    from jdhotline.catalogue import chinese_texts

    shipped = load.load()
    found = set(chinese_texts(shipped))
    # The cues `jdhotline scenarios` shows as examples (render_lines.scenarios_view).
    from jdhotline.output.render_lines import clearest

    for scenario in shipped.scenarios:
        chinese = [
            w for w in scenario.keywords.zh if not any(c.isascii() and c.isalpha() for c in w)
        ]
        found.update(clearest(chinese, 4))
    # The safety notices' publishers (render_safety names them; titles stay as published).
    if shipped.safety is not None:
        found.update(source.publisher for source in shipped.safety.sources)
    return sorted(found)


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from jdhotline.i18n.words import WORDS
    from jdhotline.i18n.words_help import tables
    from jdhotline.web.words_web import PAGE

    texts = catalogue_texts()
    document = {
        "about": "Traditional Chinese (--lang zh-Hant), written by scripts/zh_hant.py from "
        "the Simplified words: do not edit, change those (or i18n/convert.py's FIXES) and "
        "run it; tests/test_zh_hant.py regenerates and compares.",
        "base": "zh",  # the catalogue text this language reads, converted (catalogue.DERIVED)
        "words": convert_all(WORDS["zh"]),
        "page": {**convert_all(PAGE["zh"]), **PAGE_AS_IS},
        "help": help_words(tables("zh")),
        "catalogue": convert_all(dict(zip(texts, texts, strict=True))),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
