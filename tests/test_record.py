"""Record: the cheap immutable record behind the catalogue and every answer."""

import copy
import pickle

import pytest

from jdhotline.catalogue import L10n, Window
from jdhotline.record import Record


class Point(Record):
    x: int
    y: int
    label: str = "p"

    def moved(self, dx: int) -> "Point":
        return self._replace(x=self.x + dx)


def test_fields_come_from_the_annotations_in_order() -> None:
    assert Point._fields == ("x", "y", "label")
    assert Point._field_defaults == {"label": "p"}
    assert Point.__match_args__ == ("x", "y", "label")


def test_positional_keyword_and_default_arguments() -> None:
    point = Point(1, 2)
    assert (point.x, point.y, point.label) == (1, 2, "p")
    assert Point(1, y=2, label="q") == Point(1, 2, "q") == (1, 2, "q")
    assert Point(y=2, x=1) == point


def test_records_are_tuples_so_immutable_hashable_and_ordered() -> None:
    point = Point(1, 2)
    assert isinstance(point, tuple)
    assert hash(point) == hash((1, 2, "p"))
    assert Point(1, 2) < Point(1, 3)
    assert list(point) == [1, 2, "p"]
    with pytest.raises(AttributeError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        point.z = 5  # type: ignore[attr-defined]  # no __dict__


def test_methods_replace_make_asdict_and_repr() -> None:
    point = Point(1, 2)
    assert point.moved(3) == Point(4, 2)
    assert type(point.moved(3)) is Point
    assert Point._make([5, 6, "r"]) == Point(5, 6, "r")
    assert point._asdict() == {"x": 1, "y": 2, "label": "p"}
    assert repr(point) == "Point(x=1, y=2, label='p')"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Point(1), "missing argument 'y'"),
        (lambda: Point(1, 2, "q", 4), "takes 3 arguments but 4 were given"),
        (lambda: Point(1, 2, x=3), "multiple values for argument 'x'"),
        (lambda: Point(1, 2, z=3), "unexpected argument 'z'"),
        (lambda: Point(1, 2)._replace(z=3), "no field 'z'"),
        (lambda: Point._make([1, 2]), "expected 3 values, got 2"),
    ],
)
def test_wrong_arguments_are_type_errors(make: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()  # type: ignore[operator]


def test_pickle_and_copy_keep_the_class() -> None:
    window = Window(22 * 60, 2 * 60)
    for copied in (
        pickle.loads(pickle.dumps(window, protocol=pickle.HIGHEST_PROTOCOL)),
        copy.copy(window),
        copy.deepcopy(window),
    ):
        assert copied == window
        assert type(copied) is Window
        assert copied.length == 4 * 60


def test_match_statement_by_position() -> None:
    match L10n("中文", "English"):
        case L10n(zh, en):
            assert (zh, en) == ("中文", "English")
        case _:  # pragma: no cover
            pytest.fail("did not match")


def test_the_same_rules_as_namedtuple_for_definitions() -> None:
    with pytest.raises(TypeError, match="without a default follows"):

        class Bad(Record):
            a: int = 0
            b: int

    with pytest.raises(TypeError, match="cannot start with '_'"):

        class Private(Record):
            _a: int

    with pytest.raises(TypeError, match="only derive from Record"):

        class Sub(Point):
            z: int = 0
