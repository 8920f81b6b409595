"""Issue 18, points 9-20: the case record, exports, prompts and the calendar, through the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.deadline import chinese_number, read_deadline
from jdhotline.errors import Problem

from .calendars import pin_official
from .conftest import bj

runner = CliRunner()
TUESDAY = "2026-12-08T10:00"


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, list(args), input=input)


def due_of(promise: str, at: str = TUESDAY) -> str:
    added = run("case", "add", "--line", "regular", "--promise", promise, "--at", at, "-f", "json")
    assert added.exit_code == 0, (promise, added.output)
    return json.loads(added.stdout)["due"]


# ------------------------------------------------ 9. deadlines as agents say them

AS_SAID = [
    ("24 小时内回电", "2026-12-09T10:00+08:00"),
    ("24小时内给您回复", "2026-12-09T10:00+08:00"),
    ("3个工作日内", "2026-12-11T23:59+08:00"),  # Wed, Thu, Fri: the call's day does not count
    ("3个工作日", "2026-12-11T23:59+08:00"),
    ("明天", "2026-12-09T23:59+08:00"),  # the end of that day
    ("今天内", "2026-12-08T23:59+08:00"),
    ("一天", "2026-12-09T10:00+08:00"),
    ("两天", "2026-12-10T10:00+08:00"),
    ("24小时之内", "2026-12-09T10:00+08:00"),
    ("72小时内处理完", "2026-12-11T10:00+08:00"),
    ("1-3天", "2026-12-11T10:00+08:00"),  # a range: its far end
    ("24 hours", "2026-12-09T10:00+08:00"),
    ("3 days", "2026-12-11T10:00+08:00"),
    ("24hours", "2026-12-09T10:00+08:00"),
    ("1.5h", "2026-12-08T11:30+08:00"),
    ("12-10", "2026-12-10T23:59+08:00"),
    ("2026/12/10", "2026-12-10T23:59+08:00"),
    # and generalised
    ("二十四小时以内", "2026-12-09T10:00+08:00"),
    ("一个半小时", "2026-12-08T11:30+08:00"),
    ("两周", "2026-12-22T10:00+08:00"),
    ("1 week", "2026-12-15T10:00+08:00"),
    ("一个星期内", "2026-12-15T10:00+08:00"),
    ("3 working days", "2026-12-11T23:59+08:00"),
    ("1到5个工作日", "2026-12-15T23:59+08:00"),  # Wed..Fri, Mon, Tue
    ("12月10日前", "2026-12-10T23:59+08:00"),
    ("tomorrow", "2026-12-09T23:59+08:00"),
    ("后天", "2026-12-10T23:59+08:00"),
    ("2 hrs", "2026-12-08T12:00+08:00"),
    ("2026-12-10 18:00", "2026-12-10T18:00+08:00"),
    ("01-05", "2027-01-05T23:59+08:00"),  # no year: the next such day
]


@pytest.mark.parametrize(("promise", "due"), AS_SAID)
def test_deadlines_as_agents_say_them(promise: str, due: str) -> None:
    assert due_of(promise) == due


def test_working_days_skip_the_holiday_on_the_shipped_calendar() -> None:
    # 2026-09-30 (Wed) + 3 working days: Thu 10-08, Fri 10-09 and the adjusted working
    # Saturday 10-10, after the National Day holiday (10-01 to 10-07): from the calendar,
    # not Monday to Friday (which would say Mon 10-05).
    assert due_of("3个工作日内", "2026-09-30T10:00") == "2026-10-10T23:59+08:00"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["“下周吧”不是期限；可以写分钟、小时、天、周或工作日数", "3个工作日内", "明天"]),
        ("en", ["'下周吧' is not a deadline; use a number of minutes, hours", "3 days", "12-10"]),
    ],
)
def test_a_refused_deadline_says_what_is_accepted(lang: str, words: list[str]) -> None:
    refused = run("case", "add", "--line", "regular", "--promise", "下周吧", "--at", TUESDAY,
                  "--lang", lang)  # fmt: skip
    assert refused.exit_code == 2 and refused.stdout == ""
    for word in words:
        assert word in refused.stderr, refused.stderr


@pytest.mark.parametrize(
    "text", ["12-07", "1小时半", "明天三点", "半天", "1.5个工作日", "三三小时"]
)
def test_deadlines_still_refused(text: str) -> None:
    refused = run("case", "add", "--line", "regular", "--promise", text, "--at", TUESDAY)
    assert refused.exit_code == 2 and "--promise" in refused.stderr, (text, refused.output)


_UNITS = {"小时": 60, "h": 60, "hours": 60, "分钟": 1, "min": 1, "天": 1440, "days": 1440,
          "周": 10080, "weeks": 10080}  # fmt: skip
_CN = "零一二三四五六七八九"


def _numeral(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens < 2 else _CN[tens]) + ("十" if tens else "") + (_CN[ones] if ones else "")


@given(
    n=st.integers(1, 50),
    unit=st.sampled_from(sorted(_UNITS)),
    chinese=st.booleans(),
    measure=st.sampled_from(["", "个"]),
    within=st.sampled_from(["", "内", "以内", "之内"]),
    verb=st.sampled_from(["", "回电", "给您回复"]),
    low=st.integers(0, 50),
)
def test_relative_deadlines_read_the_same_in_every_form(
    n: int, unit: str, chinese: bool, measure: str, within: str, verb: str, low: int
) -> None:
    at = bj("2026-12-08 10:00")
    expected = at + dt.timedelta(minutes=n * _UNITS[unit])
    number = _numeral(n) if chinese else str(n)
    tail = (within + verb) if within else ""
    assert read_deadline(f"{number}{measure}{unit}{tail}", at) == expected
    # A range means its far end, whatever its near end.
    if low < n:
        assert read_deadline(f"{low}-{n}{unit}", at) == expected
        assert read_deadline(f"{low}到{n}{unit}", at) == expected


@given(st.integers(1, 999))
def test_chinese_numerals(n: int) -> None:
    hundreds, rest = divmod(n, 100)
    text = (_CN[hundreds] + "百" if hundreds else "") + (
        ("零" if hundreds and 0 < rest < 10 else "")
        + ("一十" if hundreds and 10 <= rest < 20 else "")
        + (_numeral(rest) if not (hundreds and 10 <= rest < 20) else _numeral(rest)[1:])
    )
    assert chinese_number(text) == n, text


@given(st.text(max_size=12))
def test_any_text_is_a_deadline_after_the_call_or_refused(text: str) -> None:
    at = bj("2026-12-08 10:00")
    try:
        due = read_deadline(text, at)
    except Problem:
        return
    assert at < due <= at + dt.timedelta(days=366)


# ------------------------------------------------ 10. the agent who promised


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("zh", "客服承诺 2 小时内反馈，工号没记下，之前对接的是工号 01", "工号 01 承诺"),
        (
            "en",
            "An agent promised feedback within 2 hours; I did not get their ID; earlier "
            "I spoke to agent 01",
            "agent 01 promised",
        ),
    ],
)
def test_a_promise_is_credited_to_its_agent_only(lang: str, said: str, not_said: str) -> None:
    run("case", "add", "--line", "merchant", "--agent", "01", "--promise", "24h",
        "--at", "2026-12-01T10:00")  # fmt: skip
    run("case", "log", "1", "--promise", "2h", "--at", "2026-12-02T12:00")
    shown = run("case", "followup", "1", "--at", "2026-12-02T13:00", "--lang", lang,
                "--format", "json")  # fmt: skip
    words = json.loads(shown.stdout)["say"]
    assert said in words and not_said not in words, words
    # The agent who did promise is quoted.
    run("case", "log", "1", "--agent", "02", "--promise", "3h", "--at", "2026-12-02T14:00")
    words = json.loads(
        run(
            "case", "followup", "1", "--at", "2026-12-02T15:00", "--lang", lang, "--format", "json"
        ).stdout
    )["say"]
    assert ("工号 02 承诺 3 小时内反馈" if lang == "zh" else "Agent 02 promised") in words, words


# ------------------------------------------------ 11. overdue from the minutes shown


@pytest.mark.parametrize(("lang", "late"), [("en", "overdue by 6 h"), ("zh", "已超时 6 小时")])
def test_overdue_counts_from_the_minutes_shown(lang: str, late: str) -> None:
    run("case", "add", "--line", "regular", "--promise", "24h", "--at", "2026-12-08T00:32:40")
    shown = run("case", "show", "1", "--at", "2026-12-09T06:32", "--lang", lang).stdout
    assert "2026-12-09 00:32" in shown
    assert late in shown and "59" not in shown, shown


# ------------------------------------------------ 14. the record line runs as printed


@pytest.mark.parametrize(
    ("lang", "later"),
    [
        ("en", "Add what the agent gives you to the end of that line: --agent and their ID"),
        ("zh", "客服报了工号、服务单号和时限后，接在这行命令末尾：--agent 工号"),
    ],
)
def test_the_record_line_runs_as_printed(lang: str, later: str) -> None:
    import shlex

    sheet = run("prep", "-s", "appliance", "--order", "1234567890123", "--at", TUESDAY,
                "--lang", lang).stdout  # fmt: skip
    lines = sheet.splitlines()
    command = next(line.strip() for line in lines if line.strip().startswith("jdhotline case add"))
    assert "<" not in command and ">" not in command
    assert later in " ".join(sheet.split()).replace("： ", "：")
    # Run as printed, then with the agent's answers added as the sheet says.
    added = run(*shlex.split(command)[1:], "--at", TUESDAY)
    assert added.exit_code == 0, added.output
    more = run(*shlex.split(command)[1:], "--agent", "00123", "--ticket", "12345",
               "--promise", "24小时内", "--at", TUESDAY, "-f", "json")  # fmt: skip
    assert json.loads(more.stdout)["due"] == "2026-12-09T10:00+08:00"


# ------------------------------------------------ 16. --at of close and reopen


@pytest.mark.parametrize(
    ("command", "lang", "said"),
    [
        ("close", "en", "When the case was closed"),
        ("reopen", "en", "When the case was reopened"),
        ("close", "zh", "什么时候结案的"),
        ("reopen", "zh", "什么时候重新打开的"),
    ],
)
def test_close_and_reopen_say_what_at_means(command: str, lang: str, said: str) -> None:
    shown = runner.invoke(cli.app, ["case", command, "-h"], env={"JDHOTLINE_LANG": lang,
                                                                 "COLUMNS": "200"})  # fmt: skip
    assert said in shown.stdout
    assert "The moment to answer for" not in shown.stdout and "按哪个时刻回答" not in shown.stdout


# ------------------------------------------------ 17. wait_minutes min > max


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "wait_minutes: the least wait (5 min) is greater than the most (3 min); "
               "write [min, max], e.g. [3, 5]"),
        ("zh", "wait_minutes：最少等待（5 分钟）比最多（3 分钟）还长；请先写最少、再写最多，"
               "例如 [3, 5]"),
    ],
)  # fmt: skip
def test_wait_minutes_min_greater_than_max(tmp_path, lang: str, said: str) -> None:
    from .conftest import SHIPPED

    text = SHIPPED.read_text(encoding="utf-8").replace(
        "wait_minutes: [3, 5]", "wait_minutes: [5, 3]", 1
    )
    catalogue = tmp_path / "h.yaml"
    catalogue.write_text(text, encoding="utf-8")
    shown = runner.invoke(cli.app, ["which", "冰箱不制冷", "--catalog", str(catalogue),
                                    "--lang", lang], env={"COLUMNS": "300"})  # fmt: skip
    assert shown.exit_code == 3
    assert said in shown.stderr and "list" not in shown.stderr, shown.stderr


# ------------------------------------------------ 19. have ready, evidence, example words


@pytest.mark.parametrize(
    ("problem", "lang", "ready"),
    [
        ("登不上京东账号", "zh", "账号绑定的手机号或账号名（攻略未列出，本工具补充）"),
        ("I can't log in to my account", "en", "The phone number or username of your JD account"),
    ],
)
def test_a_login_problem_has_the_account_ready_not_the_receiving_phone(
    problem: str, lang: str, ready: str
) -> None:
    for command in ("prep", "which"):
        shown = runner.invoke(cli.app, [command, problem, "--at", TUESDAY, "--lang", lang],
                              env={"COLUMNS": "200"})  # fmt: skip
        # The short answer of `which` drops the parenthesis; --full and prep keep it.
        assert (ready if command == "prep" else ready.split("（")[0].split(" (")[0]) in shown.stdout
        assert "收货手机" not in shown.stdout and "receiving phone" not in shown.stdout


@pytest.mark.parametrize(
    ("lang", "given", "lower"),
    [
        ("en", "Evidence: photos, chat screenshots", "you have: photos"),
        ("zh", "证据：照片、聊天截图", "已有：照片"),
    ],
)
def test_evidence_is_shown_once(lang: str, given: str, lower: str) -> None:
    one, two = ("photos", "chat screenshots") if lang == "en" else ("照片", "聊天截图")
    shown = runner.invoke(cli.app, ["prep", "-s", "after-sales", "--evidence", one, "--evidence", two,
                                    "--at", TUESDAY, "--lang", lang], env={"COLUMNS": "200"})  # fmt: skip
    assert shown.stdout.count(f"• {given}") == 1, shown.stdout  # and in the record's note
    assert lower not in shown.stdout and f"• {one}\n" not in shown.stdout


@pytest.mark.parametrize(
    ("lang", "shown", "hidden"),
    [
        ("en", ["login", "refuse"], ["refuses", "refused", "登陆", "log in", "where is my"]),
        ("zh", ["登录异常", "7天无理由"], ["登陆", "七天无理由"]),
    ],
)
def test_scenarios_show_their_clearest_words(
    lang: str, shown: list[str], hidden: list[str]
) -> None:
    listed = run("scenarios", "--lang", lang).stdout
    rows = [
        line for line in listed.splitlines() if "Example keywords" in line or "关键词示例" in line
    ]
    words = {w.strip() for row in rows for w in row.split("  ")[-1].replace("、", ",").split(",")}
    for w in shown:
        assert w in words, (w, words)
    for w in hidden:
        assert w not in words, (w, words)


# ------------------------------------------------ 18. tab completion of option values


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("jdhotline which --format ", 3, ["text", "json", "markdown"]),
        ("jdhotline which --format m", 3, ["markdown"]),
        ("jdhotline which --lang ", 3, ["zh", "en", "zh-Hant"]),
        ("jdhotline case export --format ", 4, ["json", "csv", "xlsx", "ics"]),
        ("jdhotline case add --format ", 4, ["text", "json"]),
        ("jdhotline completion ", 2, ["bash", "zsh", "fish"]),
        ("jdhotline completion z", 2, ["zsh"]),
    ],
)
def test_tab_completes_option_values_not_files(
    tmp_path, words: str, cword: int, expected: list[str]
) -> None:
    import subprocess
    import sys
    from pathlib import Path

    from .conftest import bare_env

    (tmp_path / "a-file.txt").write_text("", encoding="utf-8")  # what bash offered before
    env = bare_env(
        PATH="/usr/bin:/bin", _JDHOTLINE_COMPLETE="complete_bash",
        COMP_WORDS=words, COMP_CWORD=str(cword),
    )  # fmt: skip
    installed = Path(sys.executable).with_name("jdhotline")
    result = subprocess.run(
        [installed], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert result.stdout.split() == expected, result.stderr


# ------------------------------------------------ 20. statutory holidays on a weekend


@pytest.mark.parametrize(
    ("at", "lang", "said"),
    [
        # Spring Festival 2027: 02-06 and 02-07 fall on a weekend; 02-09 and 02-10 are
        # their make-up days (补假), so the merchant line opens on Thursday.
        ("2027-02-06T10:00", "en", "closed today (Spring Festival) · opens Thu 02-11 09:00"),
        ("2027-02-06T10:00", "zh", "今天休息（春节） · 2 月 11 日周四 09:00 开"),
        ("2027-02-09T10:00", "en", "closed today (Spring Festival) · opens Thu 02-11 09:00"),
        # A statutory day is named, as a verified one is.
        ("2027-01-01T10:00", "en", "closed today (New Year's Day)"),
        ("2027-01-01T10:00", "zh", "今天休息（元旦）"),
        ("2027-09-15T10:00", "zh", "今天休息（中秋节）"),
        # Beyond the statutory data, the law's fixed dates are still holidays.
        ("2036-01-01T10:00", "en", "closed today (New Year's Day) · opens tomorrow 09:00"),
        ("2036-10-02T10:00", "zh", "今天休息（国庆节） · 10 月 6 日周一 09:00 开"),
    ],
)
@pytest.mark.calendar
def test_statutory_days_make_up_days_and_fixed_holidays(
    monkeypatch: pytest.MonkeyPatch, at: str, lang: str, said: str
) -> None:
    pin_official(monkeypatch)  # 2027 stays unannounced whatever chinesecalendar is installed
    shown = runner.invoke(cli.app, ["open", "merchant", "--at", at, "--lang", lang],
                          env={"COLUMNS": "300"})  # fmt: skip
    assert said in shown.stdout, shown.stdout


@pytest.mark.calendar
def test_the_make_up_rule_agrees_with_the_verified_notices() -> None:
    """补假 by the law's rule, against the State Council's notices of 2008-2026 as
    chinesecalendar has them: every make-up day the rule gives is a day off, but in two
    years, where the notice chose otherwise."""
    import chinese_calendar
    import holidays
    from holidays.constants import PUBLIC

    from jdhotline.workdays import make_up_days

    known_exceptions = {
        dt.date(2012, 6, 25),  # Dragon Boat on Sat 06-23: the notice gave Fri 06-22
        dt.date(2015, 9, 28),  # Mid-Autumn on Sun 09-27: folded into National Day's week
    }
    checked = 0
    for year in range(2008, 2027):
        found = holidays.China(years=year, observed=False, categories=(PUBLIC,))
        law = {day for day, name in found.items() if "Extended" not in name}  # not 2020's
        for instead in make_up_days(law):
            checked += 1
            if instead not in known_exceptions:
                assert not chinese_calendar.is_workday(instead), instead
            else:
                assert chinese_calendar.is_workday(instead), instead  # still an exception
    assert checked >= 50  # the rule was tried, not skipped


@pytest.mark.parametrize(
    ("at", "lang", "said"),
    [
        ("2034-01-01", "en", "The statutory holiday data ends with 2035: from 2036 only"),
        ("2036-05-01", "zh", "法定节假日数据只到 2035 年：2036 年起只知道固定日期的元旦"),
    ],
)
def test_calendar_warns_when_the_statutory_data_runs_out(at: str, lang: str, said: str) -> None:
    shown = runner.invoke(cli.app, ["calendar", "--at", at, "--lang", lang], env={"COLUMNS": "300"})
    assert said in shown.stdout, shown.stdout
    early = run("calendar", "--at", "2026-12-08", "--lang", lang).stdout
    assert "2035" in early and "ends with" not in early and "只到" not in early


# ------------------------------------------------ 15. notes on stderr wrapped as stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [40, 80, 120])
def test_notes_on_stderr_are_wrapped_by_the_same_rules(lang: str, width: int) -> None:
    from rich.cells import cell_len

    run("case", "add", "--line", "appliance", "--promise", "2h", "--at", "2026-12-07T01:33")
    shown = runner.invoke(cli.app, ["which", "冰箱不制冷", "--at", TUESDAY, "--lang", lang],
                          env={"COLUMNS": str(width)})  # fmt: skip
    lines = shown.stderr.splitlines()
    assert len(lines) > 1 or width == 120, shown.stderr
    assert all(cell_len(line) <= width for line in lines), shown.stderr
    assert any("2026-12-07 03:33" in line for line in lines), shown.stderr  # not 2026-12-0 / 7
    assert any(line.endswith("jdhotline case followup 1") for line in lines), shown.stderr
    assert not any(line.startswith((":", "：", "，", "。", "）")) for line in lines)
    if lang == "en":
        assert "Appliance repair line" in " ".join(lines) and not any(
            line.endswith("Appli") for line in lines
        )


# ------------------------------------------------ 13. Ctrl-D keeps what was given


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from jdhotline.cli import interview

    monkeypatch.setattr(interview, "interactive", lambda: True)


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(
    ("lang", "sheet", "missing"),
    [("en", "Call 400-610-1360", "• Model:"), ("zh", "拨打 400-610-1360", "• 商品型号：")],
)
def test_ctrl_d_at_a_later_question_prints_the_sheet(lang: str, sheet: str, missing: str) -> None:
    # End of input at the first question (the model): what was given is kept.
    ended = run("prep", "冰箱不制冷", "--at", TUESDAY, "--lang", lang, input="")
    assert ended.exit_code == 0, ended.output
    assert sheet in ended.stdout and missing in ended.stdout
    assert "no answer" not in ended.stderr and "没有回答" not in ended.stderr
    # After one answer, the next Ctrl-D keeps it too.
    one = run("prep", "冰箱不制冷", "--at", TUESDAY, "--lang", lang, "-f", "json",
              input="BCD-500WTPZM\n")  # fmt: skip
    assert one.exit_code == 0 and json.loads(one.stdout)["facts"]["model"] == "BCD-500WTPZM"


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("en", "no problem given; say it on the command line, e.g. jdhotline which --plus 冰箱不制冷",
         "pass --plus/--merchant"),
        ("zh", "没有说明问题；请在命令里写上问题，例如 jdhotline which --plus 冰箱不制冷",
         "请用 --plus 或 --merchant 说明身份"),
    ],
)  # fmt: skip
def test_ctrl_d_after_choosing_plus_does_not_ask_who_you_are(
    lang: str, said: str, not_said: str
) -> None:
    ended = runner.invoke(cli.app, ["which", "--at", TUESDAY, "--lang", lang], input="2\n",
                          env={"COLUMNS": "300"})  # fmt: skip
    assert ended.exit_code == 2
    assert said in ended.stderr and not_said not in ended.stderr, ended.stderr
    # The message starts a line of its own, not the prompt's.
    assert any(line.startswith("jdhotline: ") for line in ended.stderr.splitlines())


# ------------------------------------------------ 12. a spreadsheet that keeps IDs


def _workbook_cells(data: bytes) -> tuple[list[list[str]], str, str]:
    """The cells of the first sheet, as the file stores them, with the sheet's XML and
    the styles' XML: read with the standard library, as a spreadsheet would."""
    import io
    import re
    import zipfile
    from xml.etree import ElementTree

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        shared = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
        strings = ["".join(si.itertext()) for si in shared.findall("m:si", ns)]
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        styles = book.read("xl/styles.xml").decode("utf-8")
    sheet = ElementTree.fromstring(sheet_xml)
    table = []
    for row in sheet.iter(f"{{{ns['m']}}}row"):
        cells = []
        for cell in row.findall("m:c", ns):
            # Every cell is a shared string: t="s", never a number or a formula.
            assert cell.get("t") == "s" and cell.find("m:f", ns) is None, cell.attrib
            column = re.match(r"[A-Z]+", cell.get("r")).group()
            index = ord(column) - ord("A")
            cells += [""] * (index - len(cells)) + [strings[int(cell.find("m:v", ns).text)]]
        table.append(cells)
    return table, sheet_xml, styles


def _record_for_the_spreadsheet() -> None:
    run("case", "add", "--line", "appliance", "--scenario", "appliance", "--order",
        "1234567890123", "--agent", "00123", "--ticket", "012345", "--promise", "24h",
        "--note", "=1+1 冰箱不制冷", "--at", "2026-12-08T10:00")  # fmt: skip
    run("case", "close", "1", "--outcome", "已修好", "--at", "2026-12-09T10:00")


@pytest.mark.parametrize(
    ("lang", "headers", "row"),
    [
        ("zh", ["记录", "热线", "场景", "订单号", "状态", "结果", "时间（北京）", "事项", "工号",
                "服务单号", "承诺时限（北京）", "备注"],
         ["1", "家电维修专线", "家电安装 / 维修 / 延保", "1234567890123", "已结案", "已修好",
          "2026-12-08 10:00", "通话", "00123", "012345", "2026-12-09 10:00", "=1+1 冰箱不制冷"]),
        ("en", ["Case", "Line", "Scenario", "Order", "Status", "Outcome", "When (Beijing)",
                "What", "Agent", "Ticket", "Promised by (Beijing)", "Note"],
         ["1", "Appliance repair line", "Appliance installation, repair, extended warranty",
          "1234567890123", "closed", "已修好", "2026-12-08 10:00", "call", "00123", "012345",
          "2026-12-09 10:00", "=1+1 冰箱不制冷"]),
    ],
)  # fmt: skip
def test_xlsx_export_keeps_ids_as_text(lang: str, headers: list[str], row: list[str]) -> None:
    _record_for_the_spreadsheet()
    exported = runner.invoke(cli.app, ["case", "export", "--format", "xlsx", "--lang", lang,
                                       "--at", "2026-12-09T11:00"])  # fmt: skip
    assert exported.exit_code == 0, exported.output
    data = exported.stdout_bytes
    assert data[:2] == b"PK"  # a zip: the .xlsx container
    table, sheet_xml, styles = _workbook_cells(data)
    assert table[0] == headers
    assert table[1] == row
    assert table[2][7] in ("结案", "closed") and len(table) == 3
    # The columns are formatted as text ("@", built-in format 49), so what a person
    # types in later stays text too; the header row is frozen.
    assert 'numFmtId="49"' in styles and '<pane ySplit="1"' in sheet_xml
    # The same record exported again is the same file (its date is --at, not the clock).
    again = runner.invoke(cli.app, ["case", "export", "--format", "xlsx", "--lang", lang,
                                    "--at", "2026-12-09T11:00"])  # fmt: skip
    assert again.stdout_bytes == data


def test_the_csv_stays_the_scripts_contract() -> None:
    _record_for_the_spreadsheet()
    for lang in ("en", "zh"):
        csv_text = run("case", "export", "--format", "csv", "--lang", lang).stdout
        assert csv_text.splitlines()[0] == (
            "\ufeffcase,line,scenario,order,status,outcome,at,kind,agent,ticket,due,note"
        )
        assert ",1234567890123,closed," in csv_text and ",00123,012345," in csv_text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "an .xlsx file is not for the screen; write it to a file: "
               "jdhotline case export --format xlsx > cases.xlsx"),
        ("zh", ".xlsx 文件不能直接显示在屏幕上；请写入文件："),
    ],
)  # fmt: skip
def test_xlsx_is_not_written_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    from jdhotline.cli.run import Consoles

    monkeypatch.setattr(Consoles, "out", property(lambda self: _Terminal()))
    refused = runner.invoke(cli.app, ["case", "export", "--format", "xlsx", "--lang", lang],
                            env={"COLUMNS": "300"})  # fmt: skip
    assert refused.exit_code == 2 and said in refused.stderr, refused.output
    assert refused.stdout_bytes == b""


class _Terminal:
    is_terminal = True


def test_only_the_xlsx_export_imports_xlsxwriter(tmp_path) -> None:
    import os
    import subprocess
    import sys

    probe = (
        "import sys\nsys.argv = ['jdhotline', *sys.argv[1:]]\nfrom jdhotline.cli.commands import main\n"
        "try:\n    main()\nfinally:\n    sys.stderr.write('\\nXLSX ' + str('xlsxwriter' in sys.modules))\n"
    )
    env = dict(os.environ, JDHOTLINE_HOME=str(tmp_path))

    def imports(fmt: str) -> bool:
        done = subprocess.run([sys.executable, "-c", probe, "case", "export", "--format", fmt],
                              capture_output=True, env=env, check=False)  # fmt: skip
        return done.stderr.decode().rsplit("XLSX ", 1)[1].strip() == "True"

    assert not imports("csv") and not imports("json")
    assert imports("xlsx")
