"""The words of the safety answer and of `check`, and of a `safety:` section that cannot
be used. The safety sentences themselves are catalogue data, each with its source.

words.py merges these into one table per language, so `word()` is the one way to a word.
"""

from __future__ import annotations

SAFETY: dict[str, dict[str, str]] = {
    "en": {
        "safety.sources": "Sources",
        "safety.undated": "date not shown",
        "safety.untitled": "headline not shown",
        "safety.then": "If the problem itself is real, as usual:",
        "check.known": "{number} is JD's {name}, one of the lines jdhotline knows "
        "(from the guide).",
        "check.official": "{number} is JD's {name}, a number jdhotline lists with its source.",
        "check.extension": "Extension {extension} is yours to dial; "
        "jdhotline checks the number itself.",
        "check.for": "For",
        "check.now": "Now",
        "check.unknown": "{number} is not one of the JD lines jdhotline knows.",
        "check.not_proof": "That alone does not prove it fake or real: jdhotline knows only "
        "the lines in its catalogue.",
        "error.no_number": "no phone number in {text!r}; give one, e.g. "
        "`jdhotline check 400-656-0055`.",
        "error.no_number.empty": "no phone number given; give one, e.g. "
        "`jdhotline check 400-656-0055`.",
        "error.catalogue.safety.no_source": "a safety sentence or number needs a `source`: "
        "the id of a public notice listed under safety.sources",
        "error.catalogue.safety.unexplained_null": "is null: write it as the notice shows it, "
        "or add a `note` saying the stored copy does not show it",
        "error.catalogue.safety.not_url": "{text!r} is not a web address (http:// or https://)",
        "error.catalogue.safety.repeats_line": "{text} is already one of the hotlines",
    },
    "zh": {
        "safety.sources": "来源",
        "safety.undated": "未注明日期",
        "safety.untitled": "未显示标题",
        "safety.then": "如果问题本身确实存在，照常处理：",
        "check.known": "{number} 是京东{name}，本工具所知的京东热线之一（出自攻略）。",
        "check.official": "{number} 是京东{name}，本工具列出的号码，附有出处。",
        "check.extension": "分机 {extension} 由你自己拨；本工具只核对号码本身。",
        "check.for": "适用人群",
        "check.now": "当前状态",
        "check.unknown": "{number} 不在本工具所知的京东热线之列。",
        "check.not_proof": "仅凭这一点，不能断定它是真是假：本工具只认得热线数据里的这几条热线。",
        "error.no_number": "“{text}”里没有电话号码；"
        "请给一个号码，例如 jdhotline check 400-656-0055。",
        "error.no_number.empty": "没有给出电话号码；"
        "请给一个号码，例如 jdhotline check 400-656-0055。",
        "error.catalogue.safety.no_source": "安全提示的每句话、每个号码都要有 `source`："
        "safety.sources 里列出的公开通告的编号",
        "error.catalogue.safety.unexplained_null": "为空：请照通告原样填写，"
        "或加上 `note` 说明存档里没有显示",
        "error.catalogue.safety.not_url": "“{text}”不是网址（应以 http:// 或 https:// 开头）",
        "error.catalogue.safety.repeats_line": "{text} 已经是热线之一",
    },
}
