"""How deep a YAML document nests, measured before anything is built from it (load.py).

PyYAML builds values recursively: 999 nested mappings (libyaml's own limit is 1,000)
end in a RecursionError, and so does an alias that contains itself.
"""

from __future__ import annotations

from typing import Any


def too_deep(root: Any, limit: int) -> Any | None:
    """The first node found deeper than ``limit`` levels, or None.

    Walked without recursion; a node reached again only counts when reached deeper, so
    aliases shared a billion times over (the alias bomb) are walked at most ``limit``
    times each, and an alias inside itself is too deep.
    """
    deepest: dict[int, int] = {}
    stack = [(root, 1)] if isinstance(root.value, list) else []
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return node
        if deepest.get(id(node), 0) >= depth:
            continue
        deepest[id(node)] = depth
        for item in node.value:  # a scalar's value is its text: nothing below it
            for child in item if isinstance(item, tuple) else (item,):
                if isinstance(child.value, list):  # a collection: it may nest further
                    stack.append((child, depth + 1))
    return None
