"""The words of the calendar file (output/ics.py): an event's title and description."""

from __future__ import annotations

CALENDAR: dict[str, dict[str, str]] = {
    "en": {
        "ics.name": "jdhotline call-backs",
        "ics.summary": "Chase {number} {what}",
        "ics.ticket": "ticket {ticket}",
        "ics.order": "order {order}",
        "ics.case": "case {id}",
        "ics.opens": "Promised by {due}; the line opens {opens} (Beijing time)",
        "ics.say": "Say: “{words}”",
        "ics.agent": "Agent ID (工号): {agent}",
        "ics.reopened": "Reopened on {when} after closing",
        "ics.before": "Before calling: {command}",
    },
    "zh": {
        "ics.name": "jdhotline 催办",
        "ics.summary": "催办 {number} {what}",
        "ics.ticket": "服务单 {ticket}",
        "ics.order": "订单 {order}",
        "ics.case": "记录 {id}",
        "ics.opens": "承诺期限 {due}；热线 {opens} 开始接听（北京时间）",
        "ics.say": "这样说：“{words}”",
        "ics.agent": "工号：{agent}",
        "ics.reopened": "结案后于 {when} 重新打开",
        "ics.before": "回拨前：{command}",
    },
}
