"""Catalogue text → plain YAML values, safely (load.py checks what they mean).

Safe loading, with the limits a catalogue needs before anything is built from it:
no duplicate keys, no nesting deeper than MAX_DEPTH (PyYAML builds values
recursively: 999 nested mappings, libyaml's own limit being 1,000, end in a
RecursionError, and so does an alias that contains itself), no number longer than
MAX_NUMBER, no impossible date; merge keys (`<<: *base`) work. Every refusal names
the line and column.
"""

from __future__ import annotations

from typing import Any

from .checks import Refused

MAX_DEPTH = 32  # levels of nesting; the shipped catalogue needs 6
MAX_NUMBER = 40  # characters in a number as written; a phone number has 10 to 12
MERGE = "tag:yaml.org,2002:merge"


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


def yaml_load(text: str, file: str) -> Any:
    import yaml  # imported here: only commands that read the catalogue pay for it

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]  # a base chosen at run time
        """Safe loading that refuses duplicate keys."""

        def construct_document(self, node: Any) -> Any:
            deep = too_deep(node, MAX_DEPTH)  # built recursively, so measured first
            if deep is not None:
                where = _position(deep.start_mark)
                raise Refused(file, "", "yaml.too_deep", limit=MAX_DEPTH, **where)
            return super().construct_document(node)

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            seen: set[str | int] = set()
            for key_node, _ in node.value:
                if key_node.tag == MERGE:
                    continue  # `<<: *base` merges base's keys; the node's own keys win
                key = self.construct_object(key_node, deep=deep)
                if not isinstance(key, (str, int)):
                    continue  # an unhashable key is PyYAML's own error, just below
                if key in seen:
                    mark = key_node.start_mark
                    raise Refused(file, "", "yaml.duplicate_key", key=key, **_position(mark))
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

        def construct_written_int(self, node: Any) -> int:
            # No number in a catalogue is this long; Python refuses to read one of over
            # 4,300 digits, and 1:2:3:… in base 60 would take quadratic time.
            if len(node.value) > MAX_NUMBER:
                where = _position(node.start_mark)
                raise Refused(file, "", "yaml.long_number", length=len(node.value), **where)
            return _WrittenInt(self.construct_yaml_int(node), node.value)

        def construct_checked_timestamp(self, node: Any) -> Any:
            try:
                return self.construct_yaml_timestamp(node)
            except ValueError:  # 2026-02-30, 2026-13-45, 25:00:00: the shape, not a day
                where = _position(node.start_mark)
                raise Refused(file, "", "yaml.bad_date", text=node.value, **where) from None

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, Loader.construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_written_int)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_checked_timestamp)
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        # PyYAML's own English ("mapping values are not allowed here") is quoted as the
        # detail, after words of ours: it names the mistake more exactly than we could.
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context
        if not what:
            raise Refused(file, "", "yaml.invalid", **_position(mark)) from None
        code = "yaml.syntax" if mark else "yaml.unmarked"
        raise Refused(file, "", code, detail=what, **_position(mark)) from None
    except yaml.reader.ReaderError as exc:
        # PyYAML's text goes on in a second line, 'in "<unicode string>", position 10':
        # a line and a column say it in one, and in the user's language.
        start = text.rfind("\n", 0, exc.position) + 1
        line, column = text.count("\n", 0, start) + 1, exc.position - start + 1
        detail = str(exc).splitlines()[0]
        raise Refused(file, "", "yaml.syntax", detail=detail, line=line, column=column) from None
    except yaml.YAMLError as exc:
        raise Refused(file, "", "yaml.unmarked", detail=str(exc).splitlines()[0]) from None


def _position(mark: Any) -> dict[str, int]:
    """Where a YAML error is, counted from 1 as editors count; nothing if unknown."""
    return {"line": mark.line + 1, "column": mark.column + 1} if mark else {}


class _WrittenInt(int):
    """A YAML integer that remembers how it was written (0106543210, not 18531976)."""

    written: str

    def __new__(cls, value: int, written: str) -> _WrittenInt:
        number = super().__new__(cls, value)
        number.written = written
        return number
