"""What every test shares, and the rules that keep the README's `pytest` fast.

The everyday run (`pytest`, both cores through pytest-xdist) must stay within 180 s of CPU
(user + sys) on this project's 2-core machine; `pytest --slow` (.ci/run) adds the slow
tier. docs/performance-tests.md has the figures and how to measure them. A new test:

- calls the command line in this process (typer.testing.CliRunner, ~30-40 ms: the
  catalogue is loaded once a process, _LoadCache) unless a process of its own is the
  point (the console script's exit code, signals, closed pipes, the locale or encoding
  of a process, file modes under a umask, what start-up imports); each
  `[sys.executable, "-m", "jdhotline", ...]` costs ~0.3 s of CPU. Set up and read back
  around such a process in this process;
- never parses the shipped catalogue itself: the `catalogue` fixture (one a session),
  `data` / shipped_copy() for a copy to break, `small_data` / small_copy() for the
  validator, read_yaml() / dump_yaml() (libyaml) for YAML;
- keeps what it reads and never changes at session or module scope (a fixture, or
  functools.cache), and does little at import: every worker collects every file;
- sizes a Hypothesis run with examples(everyday, slow);
- goes to the slow tier when it is long by nature (more than ~2 s of CPU: a browser, a
  load or throughput run, a long fuzz or timing run): `@pytest.mark.slow` (a whole file:
  `pytestmark = pytest.mark.slow`) or `@pytest.mark.browser`. Slow is never skipped: CI
  runs it.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from jdhotline import catalogue as cat_mod
from jdhotline import load as load_mod
from jdhotline.schedule import BEIJING

# In CI the property tests and the fuzzer run a fixed, reproducible set of examples:
# a submission's fate never depends on the luck of the draw. Locally they explore.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "hotlines.yaml"


def bj(text: str) -> dt.datetime:
    """A pinned moment, Beijing time: bj("2026-11-27 12:00")."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=BEIJING)


# What the output depends on, fixed for every test (a test that needs another value sets
# its own). A developer's exported COLUMNS=60, FORCE_COLOR=1, NO_COLOR=1, TERM=dumb or
# LANG=C must not change a result.
PINNED = {
    "COLUMNS": "80",
    "LINES": "25",
    "LANG": "C.UTF-8",
    "TZ": "UTC",
}
# Read by Rich, Typer, Click or Python, and left unset.
UNSET = (
    "FORCE_COLOR", "NO_COLOR", "PY_COLORS", "CLICOLOR", "CLICOLOR_FORCE", "COLORTERM", "TERM",
    "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "TERMINAL_WIDTH",
    "GITHUB_ACTIONS", "_TYPER_FORCE_DISABLE_TERMINAL", "LANGUAGE", "PYTHONIOENCODING", "PYTHONUTF8",
)  # fmt: skip


XDG = {
    "XDG_CACHE_HOME": ".cache",
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_STATE_HOME": ".local/state",
}


@pytest.fixture(autouse=True)
def _pinned_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one place the environment is pinned, for every test.

    Nothing the developer exported leaks in (width, colour, terminal, language,
    catalogue, time zone), and every folder jdhotline or a library may write to (the
    home, the XDG folders, JDHOTLINE_HOME) is a temporary one, also for the
    subprocesses a test starts. Returns the test's home.
    """
    for name in list(os.environ):
        if name in UNSET or name.startswith(("JDHOTLINE_", "_JDHOTLINE_", "LC_", "XDG_")):
            monkeypatch.delenv(name)
    for name, value in PINNED.items():
        monkeypatch.setenv(name, value)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name, folder in XDG.items():
        monkeypatch.setenv(name, str(home / folder))
    monkeypatch.setenv("JDHOTLINE_HOME", str(home / "jdhotline"))
    time.tzset()
    return home


def bare_env(**extra: str) -> dict[str, str]:
    """A minimal environment for a subprocess: PATH, and the pinned folders and zone.

    Without HOME a program finds the real home folder through the password database.
    """
    keep = ("PATH", "HOME", "TZ", "JDHOTLINE_HOME", *XDG)
    return {**{name: os.environ[name] for name in keep if name in os.environ}, **extra}


# libyaml's parser and emitter where PyYAML has them: the shipped catalogue (104 KB) reads
# in 0.06 s and writes in 0.1 s with them, 1.0 s and 0.3 s in pure Python, and the tests
# that break it build a hundred copies. What they read and write is the same.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_yaml(text: str | bytes) -> Any:
    return yaml.load(text, Loader=LOADER)


def dump_yaml(data: Any, *, sort_keys: bool = False) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=sort_keys)


@functools.cache
def _shipped() -> dict[str, Any]:
    """The shipped catalogue with its cues (data/cues.yaml) as one document, the one-file
    form the loader still reads (cues_load.merge), for the tests to break and extend."""
    from jdhotline.cues_load import merge

    cues = read_yaml(SHIPPED.with_name("cues.yaml").read_bytes())
    merged, _ = merge(read_yaml(SHIPPED.read_bytes()), cues, "cues.yaml")
    return merged


def shipped_copy() -> dict[str, Any]:
    """The shipped catalogue as plain data, parsed once per process, a fresh copy each call."""
    return copy.deepcopy(_shipped())


# The shipped catalogue cut small (scripts/small_catalogue.py): every entry and field in
# its place, so a broken copy is refused with the same entry path, at a seventh of the cost.
SMALL = Path(__file__).resolve().parent / "data" / "small_catalogue.yaml"


@functools.cache
def small_text() -> str:
    return SMALL.read_text(encoding="utf-8")


@functools.cache
def _small() -> dict[str, Any]:
    return read_yaml(small_text())


def small_copy() -> dict[str, Any]:
    """The small catalogue as plain data, a fresh copy each call."""
    return copy.deepcopy(_small())


@pytest.fixture(scope="session")
def shipped_data() -> dict[str, Any]:
    return shipped_copy()


@pytest.fixture
def small_data() -> dict[str, Any]:
    """A copy of the small catalogue, to break (the validator's tests)."""
    return small_copy()


@pytest.fixture
def data(shipped_data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of the shipped catalogue as plain data, to break or extend."""
    return copy.deepcopy(shipped_data)


@pytest.fixture(scope="session")
def catalogue() -> cat_mod.Catalogue:
    return load_mod.load(SHIPPED)


def build(data: dict[str, Any], file: str = "test.yaml") -> cat_mod.Catalogue:
    return load_mod.parse(dump_yaml(data), file)


@pytest.fixture
def worded(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The catalogue errors the command line words, as it words them: a spy, so a test
    learns the kind of refusal without loading the catalogue a second time."""
    from jdhotline.cli import base

    seen: list[Any] = []
    real = base.catalogue_message

    def spy(error: Any, lang: str) -> str:
        seen.append(error)
        return real(error, lang)

    monkeypatch.setattr(base, "catalogue_message", spy)
    return seen


def line_data(data: dict[str, Any], line_id: str) -> dict[str, Any]:
    return next(line for line in data["hotlines"] if line["id"] == line_id)


# ---------------------------------------------------------------- the catalogue, read once


class _LoadCache:
    """``jdhotline.load.load`` for the tests: a catalogue file whose bytes this process
    has already loaded and validated gives the same Catalogue again.

    Every in-process command (CliRunner) loads the catalogue, as a real run does, and
    validating the shipped one costs about 150 ms (the patterns' bounds, the safety
    section): most of each call. The loader is a pure function of the name it shows and
    the bytes of the file and of its JSON twin, so those are the key. A new content is
    loaded for real (every broken catalogue a test writes), a refusal is never kept, and
    what is not a small regular file (a FIFO, /dev/zero, a folder, a missing path) goes
    straight to the loader. A test about the loader's own work (its time, its memory)
    takes ``@pytest.mark.uncached_catalogue``.
    """

    def __init__(self, real: Any) -> None:
        self.real = real
        self.kept: dict[tuple[Any, ...], cat_mod.Catalogue] = {}
        self.off = False
        functools.update_wrapper(self, real)

    def __call__(
        self, path: str | Path | None = None, cues: str | Path | None = None
    ) -> cat_mod.Catalogue:
        key = None if self.off else self._key(path, cues)
        if key is None:
            return self.real(path, cues)
        if key not in self.kept:
            if len(self.kept) >= 32:  # a property test's valid catalogues: keep the newest
                self.kept.pop(next(iter(self.kept)))
            self.kept[key] = self.real(path, cues)
        return self.kept[key]

    @staticmethod
    def _bytes(target: Path) -> bytes | None:
        import stat

        try:
            info = target.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > load_mod.MAX_BYTES:
                return None
            return target.read_bytes()
        except OSError:
            return None

    def _key(self, path: str | Path | None, cues: str | Path | None) -> tuple[Any, ...] | None:
        """The catalogue's bytes, and the cues' (the shipped ones and the user's --cues)."""
        target = Path(path) if path is not None else load_mod.default_path()
        raw = self._bytes(target)
        shipped = load_mod.cues_path()
        base = (str(shipped), self._bytes(shipped), self._bytes(shipped.with_suffix(".json")))
        mine = self._bytes(Path(cues)) if cues is not None else b""
        if raw is None or mine is None:
            return None
        if path is not None:
            return (str(path), raw, base, str(cues), mine)
        twin = self._bytes(target.with_suffix(".json"))
        return (None, str(target), str(Path.cwd()), raw, twin, base, str(cues), mine)


def pytest_configure(config: pytest.Config) -> None:
    global _run_slow
    _run_slow = bool(config.getoption("--slow"))
    config.addinivalue_line(
        "markers",
        "uncached_catalogue: every load of the catalogue is a real one (tests/conftest.py)",
    )
    if not isinstance(load_mod.load, _LoadCache):
        load_mod.load = _LoadCache(load_mod.load)  # type: ignore[assignment]


def pytest_unconfigure(config: pytest.Config) -> None:
    if isinstance(load_mod.load, _LoadCache):
        load_mod.load = load_mod.load.real


@pytest.fixture(autouse=True)
def _catalogue_cache(request: pytest.FixtureRequest) -> Iterator[None]:
    cache = load_mod.load
    if not isinstance(cache, _LoadCache) or not request.node.get_closest_marker(
        "uncached_catalogue"
    ):
        yield
        return
    cache.off = True
    try:
        yield
    finally:
        cache.off = False


# ---------------------------------------------------------------- the two tiers

# The README's `pytest` is the everyday run; `pytest --slow` (.ci/run) adds the slow tier.
# A test is slow when it is marked `slow` (a whole file: pytestmark = pytest.mark.slow) or
# `browser` (Playwright and chromium: a browser's start-up alone is seconds), by the test,
# not by its file's name: test_phone_perf.py's guards take under a second and stay everyday.
# docs/performance-tests.md says which tests belong there.
SLOW_MARKERS = ("slow", "browser")

_run_slow = False  # set by pytest_configure, read by examples() as test modules import


def examples(everyday: int, slow: int) -> int:
    """A Hypothesis run's size: ``everyday`` examples in the README's `pytest`, ``slow``
    with --slow (.ci/run), where CI=1 also fixes them (derandomised).

        @settings(max_examples=examples(60, 300), deadline=None)
    """
    return slow if _run_slow else everyday


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the slow tier (browser, long property and fuzz runs); .ci/run does",
    )


def pytest_report_header(config: pytest.Config) -> str:
    if config.getoption("--slow"):
        return "slow tier: included (--slow)"
    return "slow tier: deselected (browser, long runs); pytest --slow runs it too"


def _is_slow(item: pytest.Item) -> bool:
    return any(item.get_closest_marker(name) for name in SLOW_MARKERS)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test of the slow tier carries the `slow` mark (so `-m slow` finds them all);
    without --slow they are deselected (not skipped: nothing is wrong)."""
    slow = [item for item in items if _is_slow(item)]
    for item in slow:
        if not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)
    if slow and not config.getoption("--slow"):
        items[:] = [item for item in items if not item.get_closest_marker("slow")]
        config.hook.pytest_deselected(items=slow)


# ---------------------------------------------------------------- child processes


@contextlib.contextmanager
def reaped(*procs: subprocess.Popen[Any]) -> Iterator[tuple[subprocess.Popen[Any], ...]]:
    """Child processes killed and waited for however the test leaves (a timeout, a failed
    assertion): a hung child would run on, and its pipes, closed by the collector, would
    warn (an error here) in some unrelated test."""
    try:
        yield procs
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            for pipe in (proc.stdin, proc.stdout, proc.stderr):
                if pipe is not None:
                    pipe.close()


def communicate_all(procs: list[subprocess.Popen[Any]], timeout: float) -> list[tuple[Any, Any]]:
    """Each child's (stdout, stderr); all of them killed if one is not done in time."""
    with reaped(*procs):
        deadline = time.monotonic() + timeout
        return [p.communicate(timeout=max(deadline - time.monotonic(), 0.1)) for p in procs]
