"""Is this the fake-customer-service scam? Free text -> an alarm, from the catalogue's cues.

The scam is a pattern, not a word: someone presenting themselves as JD, JD Finance or
a courier (a `claim`) who asks for something the notices name (an `ask`: close 白条,
share the screen, a code, a transfer to a "safe account"...). 白条 or 验证码 alone is
a real question (a repayment, a code that does not arrive) and is no cue. The cues,
their weights and the threshold are catalogue data (data/hotlines.yaml, `safety:`).

Pure: no clock, no printing; the catalogue and the text come in as arguments.
"""

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .match import _TRADITIONAL as _MATCHER_TRADITIONAL
from .match import READ

if TYPE_CHECKING:
    from .catalogue import Catalogue, Pattern, Safety, SafetySentence


class Alarm(NamedTuple):
    """A text read as the scam: which kinds of ask, the cues found, and what is left."""

    kinds: tuple[str, ...]  # the kinds of ask found, strongest first
    cues: tuple[str, ...]  # the text each cue matched, as the user wrote it (normalised)
    score: float
    rest: str  # the text without the scam's cues: a genuine question may remain in it


# Traditional characters read as simplified: the matcher's (match.py) and those of the
# scam's own words (註銷, 徵信, 轉賬, 貸款, 會議, 掃碼...), in one table, so that a Hong
# Kong or Taiwan reader's text meets the same cues.
_TRADITIONAL = {
    **str.maketrans(
        "註徵轉貸議閉掃險撥審訊遠協頻統帶載稱錄個對辦則媽來簡連銀臉債嗎資態將傳讀輸實獎參絕",
        "注征转贷议闭扫险拨审讯远协频统带载称录个对办则妈来简连银脸债吗资态将传读输实奖参绝",
    ),
    **_MATCHER_TRADITIONAL,
}

# Words, once the characters are simplified: Taiwan and Hong Kong words for the scam's
# things (螢幕 is 屏幕, 簡訊 短信), and the slips of a hurried pinyin or voice input
# (可服 for 客服, 金调 for 金条, 注消 for 注销) or of English spelling (servise), read as
# the words the cues know. Only slips that are no other word.
_WORDS = {
    "萤幕": "屏幕",
    "软体": "软件",
    "连结": "链接",
    "简讯": "短信",
    "视讯": "视频",
    "可服": "客服",
    "客腹": "客服",
    "京冬": "京东",
    "晶东": "京东",
    "金调": "金条",
    "白跳": "白条",
    "注消": "注销",
    "理培": "理赔",
    "理陪": "理赔",
    "征性": "征信",
    "正信": "征信",
    "验正码": "验证码",
    "严证码": "验证码",
    "校园代": "校园贷",
    "代款": "贷款",
    "带款": "贷款",
    "屏目": "屏幕",
    "共想": "共享",
    "安全帐": "安全账",
    "servise": "service",
    "sevice": "service",
    "verfication": "verification",
    "varification": "verification",
    "screan": "screen",
    "acount": "account",
    "refound": "refund",
    "compansation": "compensation",
    "trasfer": "transfer",
    "tranfer": "transfer",
}
_WORD = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))
# "jd" next to Chinese (jd客服, 京东 written jd by a hurried hand) is 京东 to the
# Chinese cues; an English text keeps its "jd", and so does an address (jd-sec.cn).
# Its neighbours are looked at in code: a Han class in a look-around cost 2.3 ms to
# compile on every `which` (2.2 ms a copy).
_JD = re.compile("jd")
_ADDRESS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")  # jd-sec.cn, jd.com


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _jd(found: re.Match[str]) -> str:
    """京东 for a "jd" with Chinese beside it (one space between at most), not part of a
    word or an address; else the "jd" as it was."""
    text, start, end = found.string, found.start(), found.end()
    before, after = text[start - 1 : start], text[end : end + 1]
    chinese_after = _han(after) or (after == " " and _han(text[end + 1 : end + 2]))
    chinese_before = _han(before) or (before == " " and _han(text[start - 2 : start - 1]))
    if before not in _ADDRESS and chinese_after:
        return "京东"
    if chinese_before and after not in _ADDRESS:
        return "京东"
    return "jd"


def normalise(text: str) -> str:
    """Lower case, full-width made ASCII (，→ ,), traditional characters and words
    simplified, slips of the keyboard mended, every run of spaces one space."""
    folded = unicodedata.normalize("NFKC", text).lower().translate(_TRADITIONAL)
    folded = _WORD.sub(lambda m: _WORDS[m.group(0)], folded)
    return " ".join(_JD.sub(_jd, folded).split())


@lru_cache(maxsize=512)
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def _found(patterns: "tuple[Pattern, ...]", spaced: str, joined: str) -> list[tuple[float, str]]:
    """(weight, matched text) for each pattern found in the text; a pattern with Chinese
    in it also without the spaces (voice input writes 京东 客服 as often as 京东客服),
    an English one never (that my → atm)."""
    hits = []
    for pattern in patterns:
        compiled = _compiled(pattern.regex)
        match = compiled.search(spaced)
        if match is None and not pattern.regex.isascii():
            match = compiled.search(joined)
        if match:
            hits.append((pattern.weight, match.group(0)))
    return hits


class _Reading(NamedTuple):
    """What the scam's cues found in a text: the claim's weight, each kind of ask found
    with its weight (strongest first), every cue's words, and the text as read."""

    claim: float
    kinds: list[tuple[float, str]]
    cues: list[str]
    spaced: str
    joined: str


def _read(safety: "Safety", text: str) -> _Reading:
    # Read as the matcher reads (match.READ): a scam is told in the first lines, and the
    # patterns' cost grows with the text.
    spaced = normalise(text[:READ])
    joined = spaced.replace(" ", "")
    claim = _found(safety.claim, spaced, joined)
    kinds: list[tuple[float, str]] = []
    cues = [m for _, m in claim]
    for ask in safety.asks:
        hits = _found(ask.patterns, spaced, joined)
        if hits:
            kinds.append((max(w for w, _ in hits) + _more(hits), ask.kind))
            cues.extend(m for _, m in hits)
    kinds.sort(key=lambda pair: -pair[0])  # stable: the catalogue's order among equals
    return _Reading(max((w for w, _ in claim), default=0.0), kinds, cues, spaced, joined)


def _alarm(found: _Reading, score: float) -> Alarm:
    return Alarm(
        kinds=tuple(kind for _, kind in found.kinds),
        cues=tuple(dict.fromkeys(found.cues)),
        score=score,
        rest=_without(found.spaced, found.cues),
    )


def alarm(catalogue: "Catalogue", text: str) -> Alarm | None:
    """The alarm for this text, or None when it does not read as the scam."""
    safety = catalogue.safety
    if safety is None or not text.strip():
        return None
    found = _read(safety, text)
    score = found.claim + sum(weight for weight, _ in found.kinds)
    if not found.kinds and score < safety.threshold:
        return None  # someone saying they are JD, and asking nothing: a real call
    innocent = _found(safety.innocent, found.spaced, found.joined)
    score -= max((w for w, _ in innocent), default=0.0)
    return _alarm(found, score) if score >= safety.threshold else None


def posing(catalogue: "Catalogue", text: str) -> Alarm | None:
    """For `check`, a message that holds a number not one of JD's: the alarm when it
    says it is JD (the claim's cues) and asks for anything the scam asks (a refund, a
    code, a link...), even below the threshold `which` needs, since the number it leaves
    is not JD's. A courier's "包裹到了，请回电" asks nothing: None. Being asked to call
    the number back (CALL_BACK) is not counted here: the number is the question."""
    safety = catalogue.safety
    if safety is None or not text.strip():
        return None
    found = _read(safety, text)
    kinds = [pair for pair in found.kinds if pair[1] != CALL_BACK]
    if found.claim < 1 or not kinds:
        return None
    return _alarm(found, found.claim + kinds[0][0])


# The kind of ask that is a number of the caller's own to call back (data/cues.yaml).
CALL_BACK = "call-back"


# A second cue of the same kind, in other words (要关掉 and 征信有问题: close it, or the
# credit record suffers), adds this much: the script told at length, not one word.
MORE = 0.5


def _more(hits: list[tuple[float, str]]) -> float:
    """MORE when two of a kind's cues found different words (neither inside the other)."""
    words = sorted({m.strip() for _, m in hits}, key=len, reverse=True)
    apart = [w for i, w in enumerate(words) if not any(w in longer for longer in words[:i])]
    return MORE if len(apart) > 1 else 0.0


def _without(text: str, cues: list[str]) -> str:
    for cue in sorted(set(cues), key=len, reverse=True):
        text = text.replace(cue, " ")
    return " ".join(text.split())


def sentences(safety: "Safety", kinds: tuple[str, ...], *, most: int = 2) -> "list[SafetySentence]":
    """What to say, in the catalogue's order: every sentence for all kinds, and the
    `most` sentences for the kinds found (the strongest kind's first), so the answer
    stays at a glance."""
    chosen: list[SafetySentence] = []
    for kind in kinds:
        for sentence in safety.sentences:
            if kind in sentence.kinds and sentence not in chosen and len(chosen) < most:
                chosen.append(sentence)
    return [s for s in safety.sentences if not s.kinds or s in chosen]
