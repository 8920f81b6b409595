"""The words of the web page and the API's errors, per language.

Kept beside the page rather than in words.py: only `serve` needs them. The Chinese is
written with its full-width marks, like every word; the user's own text reaches the page
as typed.
"""

from __future__ import annotations

from typing import Any

PAGE: dict[str, dict[str, str]] = {
    "en": {
        "title": "Which JD hotline to call",
        "lead": "Say who you are and what happened: the number, whether it is open now "
        "(Beijing time) and what to say.",
        "switch": "English",  # this language by its own name, in the others' switch
        "html.lang": "en",
        "switch.label": "Switch to English",
        "who": "You are",
        "who.regular": "A buyer",
        "who.plus": "A PLUS member",
        "who.merchant": "A merchant",
        "problem": "What happened?",
        "problem.hint": "In Chinese or English, e.g. my fridge stopped cooling",
        "scenario": "Or pick the kind of problem",
        "scenario.auto": "Work it out from my words",
        "ask": "Find the number",
        "answer": "Your answer",
        "copy": "Copy",
        "copied": "Copied",
        "table": "All four lines",
        "calendar": "Working days",
        "safety": "Stay safe",
        "beyond": "jdhotline is not JD: its numbers and hours come from a published guide "
        "(named under each answer). If the JD app says otherwise, trust the app.",
        "error": "Something is wrong",
        "error.too_long": "Your description is too long: at most {limit} characters, "
        "please shorten it.",
        "error.query": "The address is too long (at most {limit} bytes).",
        "error.request": "The request could not be read.",
        "error.encoding": "The address's text is not UTF-8: encode the query as UTF-8 "
        "(a browser does; GBK is not read).",
        "error.body": "This page takes no upload (at most {limit} bytes).",
        "error.at": "at: {reason}.",
        "error.who": "“who” must be regular, plus or merchant, not {value!r}.",
        "error.lang": "“lang” must be one of {langs}, not {value!r}.",
        "error.unknown_scenario": "There is no scenario {key!r}; see /api/v1/scenarios.",
        "error.unknown_scenario.page": "There is no scenario {key!r}: pick the kind of "
        "problem from the list, or describe it.",
        "error.unknown_line": "There is no line {key!r}; lines: {lines}.",
        "error.nothing": "Describe the problem (q) or pick a scenario (s).",
        "error.no_match": "No scenario matched {text!r}: describe it differently, "
        "or pick the kind of problem.",
        "error.no_match.calling": "{text!r} names no problem: here are all four lines.",
        "error.no_match.elsewhere": "{text!r} is about another platform or service; "
        "this page only answers for JD's hotlines.",
        "error.no_match.off_topic": "{text!r} is not a problem with an order, an item, an "
        "account or a shop.",
        "error.no_line": "No line in the catalogue serves this.",
        "error.not_found": "There is no page at this address.",
        "error.method": "Only GET and HEAD are answered here.",
        "error.internal": "The server could not answer this; please try again.",
        "home": "Back to the start",
        "serve.running": "The page is at {url}",
        "serve.scan": "On a phone on the same network, scan this code to open it:",
        "serve.no_lan": "no LAN address found: the page is on this machine only.",
        "serve.stop": "Ctrl-C stops it.",
        "serve.stopped": "Stopped.",
        "serve.lan_and_host": "--lan chooses the address itself: leave out --host.",
        "serve.cannot": "cannot listen on {host} port {port}: {reason}",
        "serve.in_use": "the port is taken by another program; choose another with --port "
        "(0 picks a free one)",
        "serve.no_address": "this machine has no such address",
        "serve.denied": "permission denied (a port below 1024 needs an administrator)",
        "serve.no_host": "no such host name",
    },
    "zh": {
        "title": "京东客服该打哪个电话",
        "lead": "选好身份，说说遇到了什么问题：马上告诉你打哪个号码、现在（北京时间）"
        "能不能打通、该怎么说。",
        "switch": "简体中文",
        "html.lang": "zh-CN",
        "switch.label": "切换到简体中文",
        "who": "你是",
        "who.regular": "买家",
        "who.plus": "PLUS 会员",
        "who.merchant": "商家",
        "problem": "遇到了什么问题？",
        "problem.hint": "中文、英文都行，例如：冰箱不制冷",
        "scenario": "或者直接选问题类型",
        "scenario.auto": "按我的描述判断",
        "ask": "查号码",
        "answer": "查询结果",
        "copy": "复制",
        "copied": "已复制",
        "table": "四条热线一览",
        "calendar": "工作日说明",
        "safety": "防骗提醒",
        "beyond": "本工具并非京东官方，号码和时间整理自公开攻略（出处见每条结果下方）；"
        "如与京东 APP 内信息不符，以 APP 为准。",
        "error": "出了点问题",
        "error.too_long": "描述太长了：最多 {limit} 个字，请精简一下。",
        "error.query": "网址太长（最多 {limit} 字节）。",
        "error.request": "请求的格式不对，服务器读不了。",
        "error.encoding": "网址里的文字不是 UTF-8 编码，请按 UTF-8 编码后再试"
        "（浏览器会自动这样做；GBK 等编码无法识别）。",
        "error.body": "本页不接收上传内容（最多 {limit} 字节）。",
        "error.at": "at：{reason}。",
        "error.who": "“who”只能是 regular、plus 或 merchant，不能是“{value}”。",
        "error.lang": "“lang”只能是 {langs} 之一，不能是“{value}”。",
        "error.unknown_scenario": "没有“{key}”这个场景，请查看 /api/v1/scenarios。",
        "error.unknown_scenario.page": "没有“{key}”这个问题类型，请从列表里选一个，"
        "或者直接描述问题。",
        "error.unknown_line": "没有“{key}”这条热线；可选：{lines}。",
        "error.nothing": "请描述问题（q），或选择问题类型（s）。",
        "error.no_match": "没能从“{text}”判断出问题类型：换个说法，或直接选问题类型。",
        "error.no_match.calling": "“{text}”没有说具体问题，下面是四条热线。",
        "error.no_match.elsewhere": "“{text}”说的是别的平台或服务，本页只回答京东客服热线。",
        "error.no_match.off_topic": "“{text}”不是订单、商品、账号或店铺出的问题。",
        "error.no_line": "热线数据里没有负责这件事的热线。",
        "error.not_found": "这个网址没有页面。",
        "error.method": "这里只响应 GET 和 HEAD 请求。",
        "error.internal": "服务器暂时答不了，请稍后再试。",
        "home": "返回首页",
        "serve.running": "网页地址：{url}",
        "serve.scan": "连着同一个网络的手机扫这个码就能打开：",
        "serve.no_lan": "没有找到局域网地址，只有本机能打开。",
        "serve.stop": "按 Ctrl-C 停止。",
        "serve.stopped": "已停止。",
        "serve.lan_and_host": "--lan 会自动选择地址，不要同时写 --host。",
        "serve.cannot": "无法在 {host} 的 {port} 端口上启动：{reason}",
        "serve.in_use": "端口已被占用，请用 --port 换一个（写 0 则任选一个空闲端口）",
        "serve.no_address": "本机没有这个地址",
        "serve.denied": "没有权限（1024 以下的端口需要管理员权限）",
        "serve.no_host": "找不到这个主机名",
    },
}


def say(lang: str, name: str, /, **params: Any) -> str:
    text = _page(lang)[name]
    return text.format(**params) if params else text


def _page(lang: str) -> dict[str, str]:
    """The page's words in ``lang``: here for en and zh, else in its languages/<tag>.json."""
    table = PAGE.get(lang)
    if table is None:
        table = PAGE[lang] = _extra_page(lang)
    return table


def _extra_page(lang: str) -> dict[str, str]:
    from jdhotline.i18n.words import language_file, languages

    return language_file(lang)["page"] if lang in languages() else PAGE["en"]
