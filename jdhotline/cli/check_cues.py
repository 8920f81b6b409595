"""Score your own cues against the shipped corpus, from an installed jdhotline:

    python -m jdhotline.cli.check_cues my-cues.yaml [--catalog my-hotlines.yaml]

The corpus is bench/corpus.yaml (shipped in the wheel as jdhotline/data/corpus.yaml):
labelled problems, a train split the shipped cues were tuned on and a heldout split
they never saw. Each problem is answered as `which --at 2026-11-27T10:00` answers it,
with the shipped cues and with yours added (`--cues`), and the figures are printed side
by side, then the problems whose answer your cues changed. bench/accuracy.py gives the
full report (per scenario, the confusions) from a checkout. A script, not a command:
it prints English only, for whoever tunes cues (docs/matching.md).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from jdhotline.errors import CatalogueError

AT = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
SPLITS = ("train", "heldout")
SHOWN = 20  # changed answers listed at most


def corpus_path() -> Path:
    """The corpus inside the installed package, or the repository's bench/."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "data" / "corpus.yaml"
    return packaged if packaged.is_file() else here.parent / "bench" / "corpus.yaml"


def answers(catalogue: Any, items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(scenario id, line id) each problem gets; ("-", "-") when refused."""
    from jdhotline.rules import advise, calendar_of

    calendar = calendar_of(catalogue)
    found = []
    for item in items:
        rec = advise(catalogue, item["user"], item["text"], AT, calendar=calendar)
        found.append((rec.scenario.id, rec.primary.line.id) if rec else ("-", "-"))
    return found


def figures(items: list[dict[str, Any]], got: list[tuple[str, str]]) -> str:
    """Scenario right, line right, and answerable problems refused, in one row."""
    n = len(items)
    scenario = sum((i["scenario"] or "-") == g[0] for i, g in zip(items, got, strict=True))
    line = sum((i["line"] or "-") == g[1] for i, g in zip(items, got, strict=True))
    answerable = [g for i, g in zip(items, got, strict=True) if i["scenario"]]
    refused = sum(g[0] == "-" for g in answerable)
    return (
        f"{100 * scenario / n:5.1f} % {100 * line / n:5.1f} % "
        f"{100 * refused / max(1, len(answerable)):5.1f} %"
    )


def usage() -> str:
    """The usage line of this docstring."""
    return __doc__.split("\n\n")[1].strip() + "\n"


def refused(message: str) -> int:
    """A usage error: the usage, what is wrong, exit 2."""
    sys.stderr.write(f"usage: {usage().strip()}\ncheck_cues: {message}\n")
    return 2


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if {"-h", "--help"} & set(args):
        sys.stdout.write(f"usage: {usage().strip()}\n")
        return 0
    catalog = None
    if "--catalog" in args:
        at = args.index("--catalog")
        catalog = args[at + 1] if at + 1 < len(args) else ""
        del args[at : at + 2]
    if catalog == "":
        return refused("--catalog needs a file")
    options = [a for a in args if a.startswith("-") and a != "-"]
    if options:
        return refused(f"no such option: {options[0]}")
    if len(args) != 1:
        return refused("give one cues file" if not args else "give one cues file, not several")
    import yaml

    from jdhotline.load import load

    try:
        shipped, yours = load(catalog), load(catalog, args[0])
    except CatalogueError as exc:
        from jdhotline.i18n.messages import catalogue_message

        sys.stderr.write(f"check_cues: {catalogue_message(exc, 'en')}\n")
        return 3
    corpus = yaml.safe_load(corpus_path().read_text(encoding="utf-8"))
    items = [i for i in corpus if "safety" not in i and i.get("split") in SPLITS]
    before, after = answers(shipped, items), answers(yours, items)
    print(f"{len(items)} labelled problems; scenario right, line right, answerable refused")
    for split in (*SPLITS, "all"):
        chosen = [k for k, i in enumerate(items) if split in ("all", i["split"])]
        rows = [items[k] for k in chosen]
        old, new = [before[k] for k in chosen], [after[k] for k in chosen]
        print(f"{split:<8} shipped {figures(rows, old)}   yours {figures(rows, new)}")
    changed = [k for k in range(len(items)) if before[k] != after[k]]
    print(f"{len(changed)} answers changed" + (":" if changed else ""))
    for k in changed[:SHOWN]:
        want = items[k]["scenario"] or "-"
        mark = "right" if after[k][0] == want else "wrong"
        print(f"  {items[k]['id']:<8} {before[k][0]} -> {after[k][0]} ({mark}; want {want})")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # piped to `head`: the reader has what it wanted
        sys.stderr.close()
        raise SystemExit(0) from None
