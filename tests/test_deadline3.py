"""Deadlines agents say by the day and the hour (下周一前, 月底前, 明天下午5点前, by next
Monday, 5pm tomorrow), through `case add --promise` at pinned moments: around a week's
turn, on a Sunday, at the year's last month end, and over a public holiday."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jdhotline.cli import commands as cli
from jdhotline.deadline import read_deadline
from jdhotline.errors import Problem

from .conftest import bj, examples

runner = CliRunner()
MONDAY = "2026-12-07T10:00"
SATURDAY = "2026-12-12T10:00"
SUNDAY = "2026-12-13T21:00"
NEW_YEARS_EVE = "2026-12-31T16:00"  # a Thursday; 2027-01-01 (Fri) is a public holiday


def run(*args: str):
    return runner.invoke(cli.app, list(args))


def due_of(promise: str, at: str) -> str:
    added = run("case", "add", "--line", "regular", "--promise", promise, "--at", at, "-f", "json")
    assert added.exit_code == 0, (promise, added.output)
    return json.loads(added.stdout)["due"]


def refusal(promise: str, at: str, lang: str = "en") -> str:
    refused = run("case", "add", "--line", "regular", "--order", "123", "--promise", promise,
                  "--at", at, "--lang", lang)  # fmt: skip
    assert refused.exit_code == 2 and refused.stdout == "", (promise, refused.output)
    assert "Traceback" not in refused.stderr
    return refused.stderr


AS_SAID = [
    # The issue's: a named day holds until 23:59 that day, as 明天 and 12月10日 do.
    ("下周一前", MONDAY, "2026-12-14T23:59"),
    ("本周五前", MONDAY, "2026-12-11T23:59"),
    ("周五前", MONDAY, "2026-12-11T23:59"),
    ("下周三之前回复", MONDAY, "2026-12-16T23:59"),
    ("月底前", MONDAY, "2026-12-31T23:59"),
    ("明天下午5点前", MONDAY, "2026-12-08T17:00"),
    ("by next Monday", MONDAY, "2026-12-14T23:59"),
    ("end of the month", MONDAY, "2026-12-31T23:59"),
    # Weekdays in every wording; weeks run Monday to Sunday.
    ("星期五", MONDAY, "2026-12-11T23:59"),
    ("礼拜五之前回电", MONDAY, "2026-12-11T23:59"),
    ("这周五", MONDAY, "2026-12-11T23:59"),
    ("这个星期五前", MONDAY, "2026-12-11T23:59"),
    ("下个礼拜三", MONDAY, "2026-12-16T23:59"),
    ("下星期二内处理", MONDAY, "2026-12-15T23:59"),
    ("下下周一", MONDAY, "2026-12-21T23:59"),
    ("周日前", MONDAY, "2026-12-13T23:59"),
    ("星期天", MONDAY, "2026-12-13T23:59"),
    ("礼拜天前给您回复", MONDAY, "2026-12-13T23:59"),
    ("周5前", MONDAY, "2026-12-11T23:59"),
    ("by Friday", MONDAY, "2026-12-11T23:59"),
    ("by fri", MONDAY, "2026-12-11T23:59"),
    ("this Friday", MONDAY, "2026-12-11T23:59"),
    ("next Friday", MONDAY, "2026-12-18T23:59"),  # next week's, as 下周五
    # A weekday that is today: that same day, until 23:59 (下周一 for next week's).
    ("周一前", MONDAY, "2026-12-07T23:59"),
    ("by Monday", MONDAY, "2026-12-07T23:59"),
    # The week's and the month's end.
    ("本周内", MONDAY, "2026-12-13T23:59"),
    ("这周之内", MONDAY, "2026-12-13T23:59"),
    ("下周内", MONDAY, "2026-12-20T23:59"),
    ("this week", MONDAY, "2026-12-13T23:59"),
    ("本月底", MONDAY, "2026-12-31T23:59"),
    ("这个月底前", MONDAY, "2026-12-31T23:59"),
    ("月末", MONDAY, "2026-12-31T23:59"),
    ("本月内", MONDAY, "2026-12-31T23:59"),
    ("下月底", MONDAY, "2027-01-31T23:59"),
    ("下个月底前", MONDAY, "2027-01-31T23:59"),
    ("by the end of the month", MONDAY, "2026-12-31T23:59"),
    ("end of next month", MONDAY, "2027-01-31T23:59"),
    # The hour: the deadline itself.
    ("今天18点前", MONDAY, "2026-12-07T18:00"),
    ("今天十八点前", MONDAY, "2026-12-07T18:00"),
    ("十八点前回电", MONDAY, "2026-12-07T18:00"),  # no day: today
    ("今天18:00前", MONDAY, "2026-12-07T18:00"),
    ("明天下午五点前", MONDAY, "2026-12-08T17:00"),
    ("明天下午3点半前", MONDAY, "2026-12-08T15:30"),
    ("明天下午三点一刻", MONDAY, "2026-12-08T15:15"),
    ("明天下午4点30分前", MONDAY, "2026-12-08T16:30"),
    ("今晚8点前", MONDAY, "2026-12-07T20:00"),
    ("今晚八点之前回电", MONDAY, "2026-12-07T20:00"),
    ("今天晚上8点前", MONDAY, "2026-12-07T20:00"),
    ("今晚", MONDAY, "2026-12-07T23:59"),
    ("明天晚上", MONDAY, "2026-12-08T23:59"),
    ("明早9点前", MONDAY, "2026-12-08T09:00"),
    ("明天上午10点前", MONDAY, "2026-12-08T10:00"),
    ("明天中午前", MONDAY, "2026-12-08T12:00"),
    ("明天9点前", MONDAY, "2026-12-08T09:00"),  # 7-11 with no 上午: the morning
    ("今天24点前", MONDAY, "2026-12-07T23:59"),
    ("晚上12点前", MONDAY, "2026-12-07T23:59"),  # midnight: the day's end
    ("今晚11点", MONDAY, "2026-12-07T23:00"),
    ("明晚8点", MONDAY, "2026-12-08T20:00"),
    ("傍晚6点前", MONDAY, "2026-12-07T18:00"),
    ("中午1点", MONDAY, "2026-12-07T13:00"),
    ("明天凌晨2点", MONDAY, "2026-12-08T02:00"),
    ("12pm", MONDAY, "2026-12-07T12:00"),
    ("周五下午5点前", MONDAY, "2026-12-11T17:00"),
    ("下周一上午10点前", MONDAY, "2026-12-14T10:00"),
    ("by 5pm tomorrow", MONDAY, "2026-12-08T17:00"),
    ("tomorrow 3pm", MONDAY, "2026-12-08T15:00"),
    ("tomorrow at 3:30pm", MONDAY, "2026-12-08T15:30"),
    ("by 5 pm", MONDAY, "2026-12-07T17:00"),
    ("noon tomorrow", MONDAY, "2026-12-08T12:00"),
    ("tonight", MONDAY, "2026-12-07T23:59"),
    ("by Friday 5pm", MONDAY, "2026-12-11T17:00"),
    ("next Monday 10am", MONDAY, "2026-12-14T10:00"),
    ("17:00", MONDAY, "2026-12-07T17:00"),
    # A date with its hour, a day of this or next month, Chinese numerals.
    ("12月10日18点前", MONDAY, "2026-12-10T18:00"),
    ("12月10号下午3点", MONDAY, "2026-12-10T15:00"),
    ("十二月十日下午三点前", MONDAY, "2026-12-10T15:00"),
    ("十二月十日", MONDAY, "2026-12-10T23:59"),
    ("1月5日上午10点前", MONDAY, "2027-01-05T10:00"),  # no year: the next such day
    ("2027年1月5日18点", MONDAY, "2027-01-05T18:00"),
    ("本月20号", MONDAY, "2026-12-20T23:59"),
    ("下个月10号前", MONDAY, "2027-01-10T23:59"),
    ("下个月10号下午5点前", MONDAY, "2027-01-10T17:00"),
    ("on Friday", MONDAY, "2026-12-11T23:59"),
    # In a hurry: spaces, full-width digits and colon, the agent's verb after.
    ("  下 周 一 前 给您回复 ", MONDAY, "2026-12-14T23:59"),
    ("明天下午５点前给您回复", MONDAY, "2026-12-08T17:00"),
    ("今天 １８：００ 前", MONDAY, "2026-12-07T18:00"),
    ("BY NEXT MONDAY", MONDAY, "2026-12-14T23:59"),
    # On a Saturday: a bare weekday already past this week is next week's.
    ("周五前", SATURDAY, "2026-12-18T23:59"),
    ("周日前", SATURDAY, "2026-12-13T23:59"),
    ("下周一前", SATURDAY, "2026-12-14T23:59"),
    # On a Sunday, the week's last day: 下周一 is tomorrow, 本周内 is today.
    ("下周一前", SUNDAY, "2026-12-14T23:59"),
    ("周一前", SUNDAY, "2026-12-14T23:59"),
    ("周日前", SUNDAY, "2026-12-13T23:59"),
    ("本周内", SUNDAY, "2026-12-13T23:59"),
    ("下周日", SUNDAY, "2026-12-20T23:59"),
    ("by Monday", SUNDAY, "2026-12-14T23:59"),
    # The year's last day: into January 2027.
    ("月底前", NEW_YEARS_EVE, "2026-12-31T23:59"),
    ("下月底", NEW_YEARS_EVE, "2027-01-31T23:59"),
    ("下周一前", NEW_YEARS_EVE, "2027-01-04T23:59"),
    ("明天下午5点前", NEW_YEARS_EVE, "2027-01-01T17:00"),
    ("明早9点前", NEW_YEARS_EVE, "2027-01-01T09:00"),
    ("tomorrow 3pm", NEW_YEARS_EVE, "2027-01-01T15:00"),
    # A named day is that calendar day, holiday or not: Friday 2027-01-01 is New Year's
    # Day, and 周五 is still that Friday (only 工作日 are counted on the calendar).
    ("周五前", NEW_YEARS_EVE, "2027-01-01T23:59"),
    ("本周五前", NEW_YEARS_EVE, "2027-01-01T23:59"),
    ("by Friday", NEW_YEARS_EVE, "2027-01-01T23:59"),
]


@pytest.mark.parametrize(("promise", "at", "due"), AS_SAID)
def test_deadlines_by_the_day_and_the_hour(promise: str, at: str, due: str) -> None:
    assert due_of(promise, at) == due + "+08:00"


def test_the_holiday_moves_working_days_but_not_a_named_day() -> None:
    # 2026-12-31 (Thu) + 1 working day skips New Year's Day (Fri) and the weekend.
    assert due_of("1个工作日内", NEW_YEARS_EVE) == "2027-01-04T23:59+08:00"
    assert due_of("周五前", NEW_YEARS_EVE) == "2027-01-01T23:59+08:00"


def test_the_issue_line_is_saved_and_shown() -> None:
    added = run("case", "add", "--line", "regular", "--order", "123", "--promise", "下周一前",
                "--at", MONDAY, "--lang", "zh")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert (
        added.stdout == "已保存记录 1：普通用户热线 · 订单号 123 · 承诺 2026-12-14 23:59 前答复\n"
    )
    shown = run("case", "show", "1", "--at", "2026-12-15T00:00")
    assert "promised by 2026-12-14 23:59, overdue by 1 min" in " ".join(shown.stdout.split())
    assert "Promised by (Beijing)  2026-12-14 23:59" in shown.stdout


@pytest.mark.parametrize(
    ("promise", "at", "words"),
    [
        # The day has passed: said so, with the moment of the call.
        ("本周五前", SATURDAY, "is before the call (2026-12-12 10:00)"),
        ("今晚8点前", SUNDAY, "is before the call (2026-12-13 21:00)"),
        ("今天18点前", "2026-12-07T19:00", "is before the call"),
        # An hour of 1-6 with no 上午/下午 is not guessed.
        ("明天5点前", MONDAY, "does not say morning or afternoon; write 下午5点 or 17点"),
        ("明天三点", MONDAY, "does not say morning or afternoon"),
        ("五点前", MONDAY, "does not say morning or afternoon"),
        # A period with no hour (but the evening, which ends the day) says no time.
        ("明天上午", MONDAY, "names no hour"),
        ("明天下午前", MONDAY, "names no hour"),
        # No day to hold it to, or an hour the words change: the forms accepted.
        ("下月初", MONDAY, "is not a deadline; use"),
        ("月初", MONDAY, "is not a deadline; use"),
        ("下周", MONDAY, "is not a deadline; use"),
        ("next week", MONDAY, "is not a deadline; use"),
        ("周末前", MONDAY, "is not a deadline; use"),
        ("周五下班前", MONDAY, "is not a deadline; use"),
        ("星期八", MONDAY, "is not a deadline; use"),
        ("上午15点", MONDAY, "is not a deadline; use"),
        ("明天下午3点70分", MONDAY, "is not a deadline; use"),
        ("今晚上午9点", MONDAY, "is not a deadline; use"),
        ("12月5日18点", MONDAY, "is before the call"),  # a few days past: a slip
        ("2月30日10点", MONDAY, "is not a deadline; use"),
        ("晚上2点", MONDAY, "is not a deadline; use"),  # which night?
        ("夜里2点", MONDAY, "is not a deadline; use"),
        ("下午12点", MONDAY, "is not a deadline; use"),
    ],
)
def test_still_refused_in_one_line(promise: str, at: str, words: str) -> None:
    said = refusal(promise, at)
    assert words in said and said.count("\n") == 1, said


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            [
                "下周一前",
                "by next Monday",
                "月底前",
                "end of the month",
                "明天下午5点前",
                "5pm tomorrow",
            ],
        ),
        ("zh", ["下周一前", "本周五前", "月底前", "明天下午5点前", "今晚8点前"]),
    ],
)
def test_the_refusal_names_the_new_forms(lang: str, words: list[str]) -> None:
    said = refusal("下月初", MONDAY, lang)
    for word in words:
        assert word in said, said


def test_the_refusals_in_chinese_are_chinese() -> None:
    assert refusal("明天5点", MONDAY, "zh") == (
        "jdhotline: --promise: “明天5点”没说是上午还是下午；请写“下午5点”或“17点”\n"
    )
    assert refusal("明天上午", MONDAY, "zh") == (
        "jdhotline: --promise: “明天上午”没说几点；请写明时刻（明天上午10点前）或只写那一天（明天）\n"
    )


_WEEKDAY_ZH = "一二三四五六日"


@settings(max_examples=examples(60, 300), deadline=None)
@given(
    day=st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 24)),
    minute=st.integers(0, 24 * 60 - 2),
    weekday=st.integers(0, 6),
    word=st.sampled_from(["周", "星期", "礼拜"]),
    tail=st.sampled_from(["", "前", "之前", "前给您回复", "之前回电", "内处理"]),
)
def test_weekdays_land_on_that_weekday(
    day: dt.date, minute: int, weekday: int, word: str, tail: str
) -> None:
    at = bj(f"{day} 00:00") + dt.timedelta(minutes=minute)
    said = word + _WEEKDAY_ZH[weekday]
    bare = read_deadline(said + tail, at)
    next_week = read_deadline("下" + said + tail, at)
    for due in (bare, next_week):
        assert due.weekday() == weekday and due.time() == dt.time(23, 59)
    assert 0 <= (bare.date() - at.date()).days <= 6  # today's included, until 23:59
    assert 1 <= (next_week.date() - at.date()).days <= 13
    assert next_week.isocalendar()[:2] == (at + dt.timedelta(days=7)).isocalendar()[:2]


@settings(max_examples=examples(60, 300), deadline=None)
@given(day=st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)), hour=st.integers(7, 23))
def test_month_end_and_an_hour_tomorrow(day: dt.date, hour: int) -> None:
    at = bj(f"{day} 06:30")
    end = read_deadline("月底前", at)
    assert end.month == day.month and (end + dt.timedelta(days=1)).day == 1
    tomorrow = read_deadline(f"明天{hour}点前", at)
    assert tomorrow == bj(f"{day + dt.timedelta(days=1)} {hour:02}:00")


@settings(max_examples=examples(60, 300), deadline=None)
@given(
    st.text(
        alphabet="今明后天周星期礼拜一二三四五六日下本这个月底末内前上午下晚早点半0123456789:",
        max_size=10,
    )
)
def test_any_mix_of_these_words_is_a_deadline_after_the_call_or_refused(text: str) -> None:
    at = bj("2026-12-08 10:00")
    try:
        due = read_deadline(text, at)
    except Problem:
        return
    assert at < due <= at + dt.timedelta(days=366)


# ------------------------------------------------ case followup before the deadline


@pytest.mark.parametrize(
    ("lang", "row", "ask", "chase"),
    [
        ("zh", "还没到期      还有 1 天 23 小时；可以再等等，或先问问进度",
         "还没到承诺的时间，想先问一下现在的进度", "麻烦催进度"),
        ("en", "Not due yet      1 d 23 h left: you may wait, or ask how it is going",
         "it is not due yet; I would like to know how it is going", "please chase it"),
    ],
)  # fmt: skip
def test_followup_asks_about_a_promise_not_yet_due_and_chases_it_once_due(
    lang: str, row: str, ask: str, chase: str
) -> None:
    added = run("case", "add", "--line", "regular", "--order", "123", "--agent", "00123",
                "--promise", "48小时内回电", "--at", MONDAY)  # fmt: skip
    assert added.exit_code == 0, added.output
    early = run("case", "followup", "1", "--at", "2026-12-07T11:00", "--lang", lang)
    assert early.exit_code == 0, early.output
    flat = "".join(early.stdout.split())  # wherever the lines break
    assert "".join(row.split()) in flat and "".join(ask.split()) in flat, early.stdout
    assert "".join(chase.split()) not in flat
    # At the deadline's minute it is due, not yet late; a minute on, it is chased.
    for at in ("2026-12-09T10:00", "2026-12-09T10:01"):
        late = run("case", "followup", "1", "--at", at, "--lang", lang)
        flat = "".join(late.stdout.split())
        assert (
            "".join(chase.split()) in flat
            and "".join(ask.split()) not in flat
            and "".join(row.split()[:3]) not in flat
        ), late.stdout


# ------------------------------------------------ the agent's words, kept (record v4)


@pytest.mark.parametrize(
    ("promise", "zh", "en"),
    [
        ("48小时内回电", "承诺 48 小时内回电", "promised feedback within 48 hours"),
        ("两天", "承诺 2 天内反馈", "promised feedback within 2 days"),
        ("72小时内处理完", "承诺 72 小时内处理", "promised feedback within 72 hours"),
        ("3d", "承诺 3 天内反馈", "promised feedback within 3 days"),
        ("一天", "承诺 1 天内反馈", "promised feedback within a day"),
        ("1-3个工作日", "承诺 3 个工作日内反馈", "promised feedback within 3 working days"),
        ("一周", "承诺 1 周内反馈", "promised feedback within a week"),
        ("90分钟", "承诺 90 分钟内反馈", "promised feedback within 90 minutes"),
        ("下周一前给您回复", "承诺在 12 月 14 日 23:59 前反馈", "promised feedback by"),
    ],
)
def test_followup_says_the_promise_in_the_agent_s_unit(promise: str, zh: str, en: str) -> None:
    added = run("case", "add", "--line", "regular", "--order", "123", "--agent", "00123",
                "--promise", promise, "--at", MONDAY)  # fmt: skip
    assert added.exit_code == 0, added.output
    for lang, said in (("zh", zh), ("en", en)):
        follow = run("case", "followup", "1", "--at", "2027-01-04T10:00", "--lang", lang)
        assert "".join(said.split()) in "".join(follow.stdout.split()), follow.stdout


def test_a_logged_promise_keeps_its_words_and_a_later_one_without_words_does_not_borrow_them(
    tmp_path,
) -> None:
    from jdhotline.record.store import CaseStore

    with CaseStore(tmp_path / "cases.db") as store:
        case_id = store.add(line="regular", at=bj("2026-12-07 10:00"),
                            due=bj("2026-12-09 10:00"), promise="48小时内回电")  # fmt: skip
        store.log(case_id, at=bj("2026-12-07 11:00"), due=bj("2026-12-09 11:00"))
        assert [e.promise for e in store.get(case_id).entries] == ["48小时内回电", None]


def test_a_version_3_record_migrates_to_the_schema_of_a_new_one(tmp_path) -> None:
    import os
    import sqlite3
    from pathlib import Path

    from jdhotline.record.schema import APPLICATION_ID, SCHEMA_V3
    from jdhotline.record.store import CaseStore

    def schema(path: Path) -> list[tuple[str, str, str]]:
        db = sqlite3.connect(path)
        try:
            return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY 1, 2").fetchall()
        finally:
            db.close()

    CaseStore(tmp_path / "new.db").close()
    home = Path(os.environ["JDHOTLINE_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    old = sqlite3.connect(home / "cases.db")
    old.executescript(
        f"{SCHEMA_V3} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 3;"
        "INSERT INTO cases (id, line, created_at) VALUES (1, 'regular', '2026-12-07T10:00+08:00');"
        "INSERT INTO entries (case_id, at, kind, due, note) VALUES"
        " (1, '2026-12-07T10:00+08:00', 'call', '2026-12-09T10:00+08:00', 'mine');"
    )
    old.close()
    # A promise from before version 4 keeps no words: worded from its deadline, as before.
    follow = run("case", "followup", "1", "--at", "2026-12-10T10:00", "--lang", "zh")
    assert "客服承诺 2 天内反馈" in follow.stdout, follow.output
    assert schema(home / "cases.db") == schema(tmp_path / "new.db")
    with CaseStore(home / "cases.db") as store:
        (entry,) = store.get(1).entries
        assert (entry.note, entry.promise, entry.due) == ("mine", None, bj("2026-12-09 10:00"))
