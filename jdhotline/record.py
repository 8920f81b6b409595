"""Immutable records that cost almost nothing to define.

jdhotline's data (the catalogue, a line's status, a recommendation, a case) are
small immutable records. ``typing.NamedTuple`` would do, but it builds every class
by compiling generated source code: about 0.25 ms a class, and the 27 classes cost
a command 4-5 ms of its start-up (bench/startup.py), while someone holds the phone.
A ``Record`` is the same thing for about 0.04 ms a class: a tuple subclass with
one property per field, so it is immutable, hashable, comparable and picklable::

    class Window(Record):
        start: int
        end: int = 0

    Window(540, 1260) == Window(start=540, end=1260)   # True
    Window(540)._replace(end=600)                      # Window(start=540, end=600)

As with NamedTuple: fields are the class's annotations in order, a field with a
default may not come before one without, and a record class cannot be subclassed.
"""

import sys
from collections.abc import Iterable
from operator import itemgetter
from typing import Any, ClassVar, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10

    def dataclass_transform(**_: Any) -> Any:
        return lambda cls: cls


R = TypeVar("R", bound="Record")

__all__ = ["Record"]


@dataclass_transform(frozen_default=True)  # type checkers: fields, __init__, immutability
class RecordMeta(type):
    """Turns a class body's annotations into fields (see the module's docstring)."""

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> "RecordMeta":
        if not any(isinstance(base, RecordMeta) for base in bases):
            return super().__new__(mcs, name, bases, namespace, **kwargs)  # Record itself
        if bases != (Record,):
            raise TypeError(f"{name}: a record class can only derive from Record")
        fields = tuple(namespace.get("__annotations__", {}))
        defaults: dict[str, Any] = {}
        for index, field in enumerate(fields):
            if field.startswith("_"):
                raise TypeError(f"{name}: field names cannot start with '_': {field!r}")
            if field in namespace:
                defaults[field] = namespace[field]
            elif defaults:
                raise TypeError(
                    f"{name}: field {field!r} without a default follows a field with one"
                )
            namespace[field] = property(itemgetter(index), doc=f"Field {index}: {field}")
        namespace["__slots__"] = ()
        namespace["_fields"] = fields
        namespace["_field_defaults"] = defaults
        namespace["__match_args__"] = fields
        return super().__new__(mcs, name, bases, namespace, **kwargs)


class Record(tuple, metaclass=RecordMeta):  # type: ignore[type-arg]
    """Base of the immutable records (see the module's docstring)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _field_defaults: ClassVar[dict[str, Any]] = {}

    def __new__(cls: type[R], *args: Any, **kwargs: Any) -> R:
        fields = cls._fields
        if kwargs or len(args) != len(fields):
            args = cls._bind(args, kwargs)
        return tuple.__new__(cls, args)

    @classmethod
    def _bind(cls, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(
                f"{cls.__name__}() takes {len(fields)} arguments but {len(args)} were given"
            )
        values = list(args)
        for field in fields[len(args) :]:
            if field in kwargs:
                values.append(kwargs.pop(field))
            elif field in cls._field_defaults:
                values.append(cls._field_defaults[field])
            else:
                raise TypeError(f"{cls.__name__}() missing argument {field!r}")
        if kwargs:
            extra = next(iter(kwargs))
            twice = extra in fields
            raise TypeError(
                f"{cls.__name__}() got {'multiple values for' if twice else 'an unexpected'} "
                f"argument {extra!r}"
            )
        return tuple(values)

    @classmethod
    def _make(cls: type[R], values: Iterable[Any]) -> R:
        """A record from its field values in order (as NamedTuple._make)."""
        made = tuple.__new__(cls, values)
        if len(made) != len(cls._fields):
            raise TypeError(f"{cls.__name__}: expected {len(cls._fields)} values, got {len(made)}")
        return made

    def _replace(self: R, **changes: Any) -> R:
        """A copy with some fields changed (as NamedTuple._replace)."""
        pairs = zip(self._fields, self, strict=True)
        values = [changes.pop(field, value) for field, value in pairs]
        if changes:
            raise TypeError(f"{type(self).__name__} has no field {next(iter(changes))!r}")
        return tuple.__new__(type(self), values)

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self, strict=True))

    def __repr__(self) -> str:
        pairs = zip(self._fields, self, strict=True)
        shown = ", ".join(f"{field}={value!r}" for field, value in pairs)
        return f"{type(self).__name__}({shown})"

    def __getnewargs__(self) -> tuple[Any, ...]:  # pickle and copy
        return tuple(self)
