"""A catalogue that cannot be used, told in Chinese: with --lang zh every kind of
catalogue error (exit 3) reads as Chinese, but for what it quotes from the file.

The English of the same errors is pinned where each is checked (test_catalogue.py,
test_calendar.py, test_match.py, test_hostile.py); the words, both languages and their
placeholders, in test_words.py.
"""

from __future__ import annotations

import ast
import errno
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jdhotline.cli import commands as cli

from .conftest import line_data, read_yaml
from .test_answers import NAMES, english_words
from .test_hostile import AT, CASES, KINDS, _from_data, _from_text, base_text, shipped_text
from .test_words import CATALOGUE_TYPED

runner = CliRunner()
PACKAGE = Path(__file__).resolve().parent.parent / "jdhotline"
CLOSING = "\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\uff09"  # ，。、；：？！）


def _known_names() -> set[str]:
    """The words a message may quote from what the file holds or may hold: the keys and
    choices jdhotline knows (the strings load.py, checks.py and catalogue.py spell),
    and the shipped ids."""
    names: set[str] = set()
    for module in ("load.py", "checks.py", "catalogue.py"):
        tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            value = node.value if isinstance(node, ast.Constant) else None
            if isinstance(value, str) and re.fullmatch(r"[a-z][a-z_-]*", value):
                names.update(re.findall(r"[A-Za-z]{2,}", value))
    data = read_yaml(shipped_text())  # libyaml: pure-Python safe_load took 1 s a worker
    for entries in (data["hotlines"], data["scenarios"]):
        for entry in entries:
            names.update(re.findall(r"[A-Za-z]{2,}", entry["id"]))
    return names


KNOWN = _known_names() | CATALOGUE_TYPED | NAMES


def _calendar(block: dict[Any, Any]) -> Callable[[Path], Path]:
    return _from_data(lambda data: data.update(calendar=block))


def _scenario(key: str, value: Any) -> Callable[[Path], Path]:
    return _from_data(lambda data: data["scenarios"][1].update({key: value}))


def _pattern(regex: str) -> Callable[[Path], Path]:
    return _scenario("patterns", [{"regex": regex}])


def _keywords(zh: list[Any], en: list[Any]) -> Callable[[Path], Path]:
    return _scenario("keywords", {"zh": zh, "en": en})


def _line(line: str, key: str, value: Any) -> Callable[[Path], Path]:
    return _from_data(lambda data: line_data(data, line).update({key: value}))


def _unreadable(folder: Path) -> Path:
    path = folder / "locked.yaml"
    path.write_text(base_text(), encoding="utf-8")
    path.chmod(0)
    return path


# What English looks like for each (it is pinned in the other tests), then how it reads.
MORE: list[tuple[str, Callable[[Path], Path], str]] = [
    ("year: date elsewhere", _calendar({2027: {"holidays": ["2026-12-31"], "workdays": []}}),
     "不在 2027 年"),
    ("year: weekday worked", _calendar({2027: {"holidays": ["2027-01-01"],
                                               "workdays": ["2027-01-04"]}}), "是周一"),
    ("year: no holidays", _calendar({2027: {"holidays": [], "workdays": []}}), "每年都有节假日"),
    ("year: run backwards", _calendar({2027: {"holidays": ["2027-10-07..2027-10-01"],
                                              "workdays": []}}), "结束早于开始"),
    ("year: run across years", _calendar({2027: {"holidays": ["2027-12-31..2028-01-01"],
                                                 "workdays": []}}), "跨到了另一年"),
    ("year: twice", _calendar({2027: {"holidays": ["2027-01-01"], "workdays": []},
                               "2027": {"holidays": ["2027-01-01"], "workdays": []}}), "写了两次"),
    ("year: unknown key", _calendar({"next_year": {}}), "extra_holidays、extra_workdays"),
    ("year: both", _calendar({2027: {"holidays": ["2027-01-01..2027-01-03"],
                                     "workdays": ["2027-01-02"]}}),
     "既写成了假日"),
    ("pattern: does not compile", _pattern("(退款"), "无法编译"),
    ("pattern: unbounded", _pattern("退.*款"), "{0,20}"),
    ("pattern: named group", _pattern("(?P<x>退款)"), "命名分组"),
    ("pattern: empty match", _pattern("(?:退款)?"), "空文本"),
    ("pattern: back-reference", _pattern("(退)\\1"), "反向引用"),
    ("pattern: too wide", _pattern("退款.{0,20}退款.{0,20}退款.{0,20}退款"), "超过 60 个字符"),
    ("pattern: too long", _pattern("退" * 301), "最多 300 个"),
    ("keyword: not English", _keywords(["退款"], ["冰箱"]), "不是英文"),
    ("keyword: twice", _keywords(["退款", "退款"], []), "写了两次"),
    ("keyword: weight", _keywords([{"退款": 9}], []), "不在 0.1 到 5 之间"),
    ("keyword: not a list", _keywords("退款", []), "应为列表，实际是文本"),  # type: ignore[arg-type]
    ("not true or false", _line("regular", "general", "maybe"), "应为 true 或 false"),
    ("empty text", _line("regular", "source", " "), "应为非空的文本"),
    ("nothing", _line("regular", "source", None), "实际是空值"),
    ("extends not served", _line("plus", "extends", ["order"]), "请先加到那里"),
    ("a scenario absorbs itself", _scenario("absorbs", ["high-value"]), "这个场景自己"),
    ("need not a fact", _scenario("needs", ["receipt"]), "可选值之一"),
    ("need without its fact", _from_data(lambda d: d["facts"].pop("model")), "facts 下没有"),
    ("top level a list", _from_text("- a\n"), "最外层"),
    ("unquoted 14:00", _from_text(base_text().replace('"09:00"', "14:00", 1)), "读成了数字 840"),
    ("unclosed quote", _from_text('version: 1\nhotlines: "x\n'), "第 3 行"),
    ("control character", _from_text("version: 1\nhotlines: a\x07\n"), "第 2 行第 12 列"),
]  # fmt: skip
if os.geteuid() != 0:  # root reads any file; test_os_errors_are_worded_by_errno does not care
    MORE.append(("permission denied", _unreadable, "无法读取（没有权限）"))

ALL = [(name, write, None) for name, write, _ in CASES] + MORE


def _quoted_from_file(message: str, path: Path) -> str:
    """The message without what it quotes: the file, the entry path, values in quotes."""
    rest = message.removeprefix("jdhotline: ").replace(str(path), "", 1)
    if rest.startswith("\uff1a"):  # ：entry path：
        rest = rest[1:].split("\uff1a", 1)[-1]
    return re.sub(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"|'[^']*'", " ", rest)


@pytest.mark.parametrize(("name", "write", "expected"), ALL, ids=[c[0] for c in ALL])
def test_a_broken_catalogue_is_told_in_chinese(
    tmp_path: Path,
    worded: list[Any],
    name: str,
    write: Callable[[Path], Path],
    expected: str | None,
) -> None:
    path = write(tmp_path)
    seen = set()
    for columns in (40, 80, 120):
        result = runner.invoke(
            cli.app, ["open", "--catalog", str(path), "--lang", "zh", *AT],
            env={"COLUMNS": str(columns)},
        )  # fmt: skip
        assert result.exit_code == 3, result.output
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 2 and lines[0].startswith(f"jdhotline: {path}"), lines
        assert re.search("[\u4e00-\u9fff]", lines[0]), lines[0]
        if expected:
            assert expected in lines[0]
        for line in lines:
            assert line.strip()[0] not in CLOSING, line
            words = english_words(_quoted_from_file(line, path)) - KNOWN
            assert not words, (words, line)
        seen.add(result.stderr)
    assert len(seen) == 1  # one line each, whatever the width: the terminal wraps it
    assert [error.code for error in worded] == [KINDS[name]] * 3


def test_at_least_15_kinds_are_told() -> None:
    """The cases above are many kinds of error, not one kind many times (each case's kind
    is checked where it runs, above)."""
    assert {name for name, _, _ in ALL} <= KINDS.keys()
    codes = {KINDS[name] for name, _, _ in ALL}
    assert len(codes) >= 45, sorted(codes)


def test_the_readme_example_in_chinese(tmp_path: Path) -> None:
    """The example of docs/catalogue.md (your own catalogue), and a file-level one."""
    text = base_text().replace('open: "09:00"', 'open: "25:00"', 1)
    path = tmp_path / "my.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(cli.app, ["open", "--catalog", str(path), "--lang", "zh", *AT])
    assert result.stderr.splitlines()[0] == (
        f"jdhotline: {path}\uff1ahotlines[2].hours.open\uff1a"
        '\u201c25:00\u201d不是时刻（HH:MM，例如 "09:00"）'
    )
    result = runner.invoke(
        cli.app, ["open", "--catalog", str(tmp_path / "no.yaml"), "--lang", "zh"]
    )
    assert result.stderr.splitlines()[0] == f"jdhotline: {tmp_path / 'no.yaml'} 不存在"


def test_language_is_the_command_line_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """JDHOTLINE_LANG=zh words it in Chinese as --lang zh does; --lang en in English."""
    path = tmp_path / "nope.yaml"
    monkeypatch.setenv("JDHOTLINE_LANG", "zh")
    zh = runner.invoke(cli.app, ["table", "--catalog", str(path)])
    en = runner.invoke(cli.app, ["table", "--catalog", str(path), "--lang", "en"])
    assert (zh.exit_code, en.exit_code) == (3, 3)
    assert zh.stderr.startswith(f"jdhotline: {path} 不存在\n  请修改这个文件")
    assert en.stderr.startswith(f"jdhotline: {path}: no such file\n  Fix the file")


def test_described_values_in_chinese() -> None:
    """A value from the file as a sentence shows it: quoted, true as YAML writes it."""
    import datetime as dt

    from jdhotline.i18n.messages import describe

    assert describe("25:00", "zh") == "\u201c25:00\u201d"
    assert describe("冰" * 50, "zh") == "\u201c" + "冰" * 37 + "\u2026\u201d"
    assert describe(True, "zh") == "\u201ctrue\u201d" and describe(True, "en") == "True"
    assert describe(dt.date(2027, 1, 1), "zh") == "\u201c2027-01-01\u201d"
    assert describe(None, "zh") == "空值" and describe([1], "zh") == "列表"


@pytest.mark.parametrize(
    ("error", "en", "zh"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "cannot be read (permission denied)",
         "无法读取（没有权限）"),
        (OSError(errno.EIO, "Input/output error"), "cannot be read (Input/output error)",
         "无法读取（系统报错）"),
    ],
)  # fmt: skip
def test_os_errors_are_worded_by_errno(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, en: str, zh: str
) -> None:
    """The reason by its errno, as for the case record; in English the system's words."""
    from jdhotline.errors import CatalogueError
    from jdhotline.i18n.messages import catalogue_message
    from jdhotline.load import load

    def refuse(*_: object) -> int:
        raise error

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(CatalogueError) as refused:
        load(tmp_path / "mine.yaml")
    assert catalogue_message(refused.value, "en") == f"{tmp_path / 'mine.yaml'}: {en}"
    assert catalogue_message(refused.value, "zh") == f"{tmp_path / 'mine.yaml'} {zh}"


def test_a_control_character_is_placed_in_one_line(tmp_path: Path) -> None:
    """PyYAML says where in a second line ("in <unicode string>, position 10")."""
    path = tmp_path / "mine.yaml"
    path.write_bytes(b"version: 1\x07\n")
    result = runner.invoke(cli.app, ["open", "--catalog", str(path), "--lang", "en"])
    assert result.stderr.splitlines()[0] == (
        f"jdhotline: {path}: line 1, column 11: YAML: "
        "unacceptable character #x0007: control characters are not allowed"
    )
