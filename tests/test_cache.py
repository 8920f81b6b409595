"""The on-disk cache may never be wrong: any change, damage or doubt means a rebuild."""

import datetime as dt
import marshal
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdhotline import cache
from jdhotline.cache import cached, decode, encode
from jdhotline.catalogue import Catalogue, L10n, Window, default_path, load
from jdhotline.workdays import OfficialCalendar, _read_chinesecalendar


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


VALUE = (Window(540, 1260), L10n("你好", "hello"), frozenset({dt.date(2026, 10, 1)}), None)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.yaml"
    path.write_text("one\n", encoding="utf-8")
    return path


def run(source: Path, folder: Path | None, build: Callable[[], object]) -> object:
    return cached("entry", [source], build, tuple, folder)


def test_a_second_run_reads_the_entry_instead_of_building(source: Path, tmp_path: Path) -> None:
    build = Builds(VALUE)
    first = run(source, tmp_path / "c", build)
    second = run(source, tmp_path / "c", build)
    assert first == second == VALUE
    assert type(second[0]) is Window and type(second[1]) is L10n
    assert build.calls == 1
    assert (tmp_path / "c" / "entry.marshal").is_file()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: p.write_text("two\n", encoding="utf-8"), id="same-size-new-mtime"),
        pytest.param(lambda p: p.write_text("longer\n", encoding="utf-8"), id="new-size"),
    ],
)
def test_a_changed_source_is_rebuilt(
    source: Path, tmp_path: Path, change: Callable[[Path], None]
) -> None:
    build = Builds(VALUE)
    run(source, tmp_path, build)
    before = source.stat().st_mtime_ns
    change(source)
    os.utime(source, ns=(before + 1_000, before + 1_000))  # even on a coarse clock
    run(source, tmp_path, build)
    assert build.calls == 2
    run(source, tmp_path, build)
    assert build.calls == 2  # ... and the new entry is used from then on


def test_a_symlink_pointed_at_another_file_is_rebuilt(tmp_path: Path) -> None:
    one, two, link = tmp_path / "one.yaml", tmp_path / "two.yaml", tmp_path / "link.yaml"
    one.write_text("one\n", encoding="utf-8")
    two.write_text("two\n", encoding="utf-8")  # same size...
    stat = one.stat()
    os.utime(two, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # ... and the same mtime
    link.symlink_to(one)
    build = Builds(VALUE)
    run(link, tmp_path / "c", build)
    link.unlink()
    link.symlink_to(two)
    run(link, tmp_path / "c", build)
    assert build.calls == 2


def test_another_jdhotline_version_is_rebuilt(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = Builds(VALUE)
    run(source, tmp_path, build)
    monkeypatch.setattr(cache, "__version__", "99.0.0")
    run(source, tmp_path, build)
    assert build.calls == 2


def valid_entry(source: Path, stored: object) -> bytes:
    return marshal.dumps((cache.fingerprint([source]), stored))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda s: b"", id="empty"),
        pytest.param(lambda s: b"\x00garbage\xff" * 10, id="garbage"),
        pytest.param(lambda s: valid_entry(s, encode(VALUE))[:-7], id="truncated"),
        pytest.param(lambda s: marshal.dumps(5), id="not-a-pair"),
        pytest.param(lambda s: valid_entry(s, ["os.system", "true"]), id="not-a-record-class"),
        pytest.param(lambda s: valid_entry(s, ["nowhere.Line", "x"]), id="unknown-module"),
        pytest.param(lambda s: valid_entry(s, ["jdhotline.catalogue.Window", 1]), id="too-few"),
        pytest.param(lambda s: valid_entry(s, {"a": 1}), id="foreign-kind"),
        pytest.param(lambda s: valid_entry(s, "a string"), id="wrong-type"),
    ],
)
def test_a_damaged_entry_is_rebuilt_and_replaced(
    source: Path, tmp_path: Path, damage: Callable[[Path], bytes]
) -> None:
    (tmp_path / "entry.marshal").write_bytes(damage(source))
    build = Builds(VALUE)
    assert run(source, tmp_path, build) == VALUE
    assert build.calls == 1
    assert run(source, tmp_path, build) == VALUE
    assert build.calls == 1  # the damaged entry was replaced by a good one


def test_an_old_pickle_entry_is_removed_when_its_successor_is_written(
    source: Path, tmp_path: Path
) -> None:
    old = tmp_path / "entry.pickle"
    old.write_bytes(b"\x80\x05N.")  # pickle of None, as a previous jdhotline wrote entries
    run(source, tmp_path, Builds(VALUE))
    assert not old.exists() and (tmp_path / "entry.marshal").is_file()


def test_no_folder_or_an_unwritable_one_only_costs_time(source: Path, tmp_path: Path) -> None:
    build = Builds(VALUE)
    assert run(source, None, build) == VALUE
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    assert run(source, blocked / "cache", build) == VALUE
    assert run(source, blocked / "cache", build) == VALUE
    assert build.calls == 3
    assert sorted(tmp_path.iterdir()) == sorted([source, blocked])
    assert blocked.read_text(encoding="utf-8") == ""


def test_a_missing_source_builds_without_caching(tmp_path: Path) -> None:
    build = Builds(VALUE)
    assert run(tmp_path / "gone.yaml", tmp_path / "c", build) == VALUE
    assert not (tmp_path / "c").exists()


def test_a_value_the_format_cannot_store_is_returned_but_not_cached(
    source: Path, tmp_path: Path
) -> None:
    build = Builds((Path("/x"),))
    assert run(source, tmp_path / "c", build) == (Path("/x"),)
    assert not (tmp_path / "c").exists()  # refused before anything was written


@pytest.mark.parametrize("unknown", [[1], {"a": 1}, Path("/x"), dt.datetime(2026, 1, 1), {1}])
def test_encode_refuses_what_decode_would_not_give_back(unknown: object) -> None:
    with pytest.raises(TypeError, match="cannot store"):
        encode(unknown)


def test_the_catalogue_and_the_calendar_round_trip() -> None:
    catalogue = load(default_path())
    again = decode(marshal.loads(marshal.dumps(encode(catalogue))))
    assert again == catalogue and type(again) is Catalogue
    assert type(again.lines[0].hours.window) is Window
    calendar = _read_chinesecalendar()
    again = decode(marshal.loads(marshal.dumps(encode(calendar))))
    assert again == calendar and type(again) is OfficialCalendar
    assert all(type(day) is dt.date for day in again.holidays)


def test_an_edited_catalogue_is_seen_at_once(tmp_path: Path) -> None:
    path = tmp_path / "hotlines.yaml"
    text = default_path().read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    folder = tmp_path / "cache"
    before = load(path, cache_dir=folder)
    assert len(list(folder.glob("catalogue-*.marshal"))) == 1
    assert load(path, cache_dir=folder) == before  # from the cache
    assert "950618" in text
    path.write_text(text.replace("950618", "950619"), encoding="utf-8")  # same size
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000))
    after = load(path, cache_dir=folder)
    assert after.lines[0].number == "950619"


plain = st.none() | st.booleans() | st.integers() | st.text() | st.binary()
plain |= st.floats(allow_nan=False) | st.dates()
values = st.recursive(
    plain,
    lambda inner: (
        st.tuples(inner, inner)
        | st.lists(inner, max_size=4).map(tuple)
        | st.frozensets(st.integers() | st.text() | st.dates(), max_size=5)
        | st.builds(L10n, st.text(), st.text())
        | st.builds(Window, st.integers(0, 1439), st.integers(0, 1439))
        | st.tuples(inner).map(lambda one: L10n(str(one), ""))
    ),
    max_leaves=20,
)


def shape(value: object) -> object:
    """The value's types all the way down (== alone would take a tuple for a Window)."""
    if isinstance(value, tuple):
        return (type(value), *map(shape, value))
    if isinstance(value, frozenset):
        return (frozenset, frozenset(map(shape, value)))
    return type(value)


@given(values)
def test_decode_gives_back_what_encode_was_given(value: object) -> None:
    again = decode(marshal.loads(marshal.dumps(encode(value))))
    assert again == value
    assert shape(again) == shape(value)
