"""The words of refusals raised with a code (errors.Problem) and of Click's usage errors.

Apart from words.py only to keep each file readable (about 500 lines); words.py merges
these into its one table, so `word()` is still the one way to a word.
"""

from __future__ import annotations

_FORMS_EN = "24h, 3d, 90m, 3 小时内, 2天, 半小时, 30分钟, 2026-11-28 or 2026-11-28T18:00"
_FORMS_ZH = "24h、3d、90m、3 小时内、2天、半小时、30分钟、2026-11-28 或 2026-11-28T18:00"

ERRORS: dict[str, dict[str, str]] = {
    "en": {
        "error.moment.outside": "{moment} is outside the moments jdhotline handles "
        "({first} to {last}, Beijing time)",
        "error.moment.not_time": "{text!r} is not a time of day (00:00-23:59)",
        "error.moment.not_moment": "{text!r} is not a date and time; use ISO 8601, e.g. "
        "2026-11-27T20:00 (Beijing time), 2026-11-27T12:00Z, or 20:00 for today",
        "error.promise.not_deadline": "{text!r} is not a deadline; use " + _FORMS_EN,
        "error.promise.too_far": "{text!r} is more than a year away",
        "error.promise.at_call": "{text!r} is due at the moment of the call; a promise is later",
        "error.promise.before_call": "{text!r} is before the call ({call}); a promise is later",
        "error.promise.year_after": "{text!r} is more than a year after the call",
        "error.case.closed": "case {id} is closed; `case {action}` is refused: "
        "run `jdhotline case reopen {id}` first",
        "error.case.closed_kept": "case {id} is closed (its outcome is kept: {outcome}); "
        "`case {action}` is refused: run `jdhotline case reopen {id}` first",
        "error.case.not_closed": "case {id} is open; there is nothing to reopen",
        "error.fact.placeholder": "{text!r} is the placeholder from the printed line; "
        "give what the agent told you, or leave the option out",
        "error.fact.phone": "{text!r} is not the last 4 digits of a phone number (e.g. 5678)",
        "error.fact.shop": "{text!r} is not a shop ID (one word, no spaces)",
        "error.fact.order": "{text!r} is not an order number "
        "(digits only; copy it from 我的订单 in the JD app)",
        "error.fact.future_day": "{text!r} is after today ({today}); give a past date",
        "error.fact.day": "{text!r} is not a date; use 2026-10-10, "
        "or 10-10 for the latest 10 October",
        "error.interrupted.saved": "interrupted; {saved}",
        "error.interrupted.unsaved": "interrupted; nothing was saved",
        "usage.usage": "Usage:",
        "usage.try": "Try '{command} {option}' for help.",
        "usage.error": "Error: {message}",
        "usage.no_such_option": "No such option: {name}",
        "usage.no_such_option.guess": "No such option: {name} Did you mean {guess}?",
        "usage.missing_value": "Option '{name}' requires an argument.",
        "usage.missing_argument": "Missing argument '{name}'.",
        "usage.extra": "Got unexpected extra argument ({args})",
        "usage.missing_command": "Missing command.",
        "usage.no_such_command": "No such command '{name}'.",
        "usage.invalid": "Invalid value for {name}: {message}",
        "usage.other": "{message}",
        "usage.not_one_of": "{value!r} is not one of: {choices}.",
    },
    "zh": {
        "error.moment.outside": "{moment} 超出了 jdhotline 能回答的时间范围"
        "(北京时间 {first} 至 {last})",
        "error.moment.not_time": "“{text}”不是一天中的时刻(00:00–23:59)",
        "error.moment.not_moment": "“{text}”不是日期和时间;请按这样写,例如 "
        "2026-11-27T20:00(北京时间)、2026-11-27T12:00Z,或用 20:00 表示今天",
        "error.promise.not_deadline": "“{text}”不是期限;可以写 " + _FORMS_ZH,
        "error.promise.too_far": "“{text}”在一年以后",
        "error.promise.at_call": "“{text}”就是打电话的时刻;承诺的期限应在通话之后",
        "error.promise.before_call": "“{text}”早于通话({call});承诺的期限应在通话之后",
        "error.promise.year_after": "“{text}”比通话晚了一年以上",
        "error.case.closed": "记录 {id} 已结案,不能再用 jdhotline case {action};"
        "请先运行 jdhotline case reopen {id}",
        "error.case.closed_kept": "记录 {id} 已结案(结果保留:{outcome}),"
        "不能再用 jdhotline case {action};"
        "请先运行 jdhotline case reopen {id}",
        "error.case.not_closed": "记录 {id} 没有结案,无需重新打开",
        "error.fact.placeholder": "“{text}”是打印出来的占位词;请填客服告诉你的内容,或者不填这一项",
        "error.fact.phone": "“{text}”不是手机号后 4 位(例如 5678)",
        "error.fact.shop": "“{text}”不是店铺 ID(一个词,不含空格)",
        "error.fact.order": "“{text}”不是订单号(只有数字;可在京东 APP 的“我的订单”里复制)",
        "error.fact.future_day": "“{text}”晚于今天({today});请填过去的日期",
        "error.fact.day": "“{text}”不是日期;请写 2026-10-10,或用 10-10 表示最近的 10 月 10 日",
        "error.interrupted.saved": "已中断;{saved}",
        "error.interrupted.unsaved": "已中断;没有保存任何内容",
        "usage.usage": "用法:",
        "usage.try": "试试 {command} {option} 查看帮助。",
        "usage.error": "错误:{message}",
        "usage.no_such_option": "没有 {name} 这个选项",
        "usage.no_such_option.guess": "没有 {name} 这个选项,是不是 {guess}?",
        "usage.missing_value": "{name} 需要一个值",
        "usage.missing_argument": "缺少参数 {name}",
        "usage.extra": "多了参数 {args}",
        "usage.missing_command": "缺少命令",
        "usage.no_such_command": "没有 {name} 这个命令",
        "usage.invalid": "{name} 的值无效:{message}",
        "usage.other": "用法不对:{message}",
        "usage.not_one_of": "“{value}”不是可选值之一:{choices}",
    },
}
