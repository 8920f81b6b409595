"""The evidence a text holds for each scenario: every cue of the catalogue found in it.

The lower half of the matcher (match.py weighs what is found here): the text read
twice (a Chinese and an English reading), each language's keywords compiled into one
trie-shaped regular expression (trie.py) or walked as a trie, the bounded patterns,
negations, the voices, other platforms and counter-evidence. The compiled index of
the last catalogue is kept (the CLI loads one). Pure: no clock, no printing.
"""

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from typing import NamedTuple

from .catalogue import Catalogue, Keywords
from .inputs import JUDGED
from .memo import last_one
from .trie import SCAN_ABOVE, Compiled, compile_keywords

# Only the start of a problem is read: a problem is told in its first lines, and the cost
# of matching grows with the text (a 10^5-keyword catalogue took a minute on 1 MB).
READ = JUDGED  # characters: as many as inputs.looks_binary judges

_SPACE = re.compile(r"\s+")
# Traditional characters of the words people use here, read as simplified (買→买, 貨→货),
# so that a Hong Kong or Taiwan shopper's 尺碼不對 想換貨 finds 尺码 and 换货.
_TRADITIONAL = str.maketrans(
    "買賣碼換貨話電腦機視門號帳戶會員費運遞發單說沒訂紅營銷違規罰處壞錯寶東軟體動點這裡們麼為種開關還過時間裝維調熱鍋爐燈應該現樣與權積頁顯簽務認證驗螢筆記鏡頭錶鑽項鏈黃網絡線經歡讓給請問題謝幫聯繫係無質價優滿減詢後臺專屬報額廣產標鋪舖進遲達貼補濕爛髒圖盜鎖凍結氣櫃燒聽聲響異蓋殼劃傷損飾貴萬塊錢幣騙詐偽賠償訴糾紛譜檢測試條紙壓買陸續車輛殺團購擊鮮漲擔憂賬從團竊",
    "买卖码换货话电脑机视门号账户会员费运递发单说没订红营销违规罚处坏错宝东软体动点这里们么为种开关还过时间装维调热锅炉灯应该现样与权积页显签务认证验萤笔记镜头表钻项链黄网络线经欢让给请问题谢帮联系系无质价优满减询后台专属报额广产标铺铺进迟达贴补湿烂脏图盗锁冻结气柜烧听声响异盖壳划伤损饰贵万块钱币骗诈伪赔偿诉纠纷谱检测试条纸压买陆续车辆杀团购击鲜涨担忧账从团窃",
)
_CLAUSE_END = re.compile(r"[,.;:!?,。;:!?、]")
_EN_END = re.compile(r"(?:s|es|'s)?(?![a-z])")
_WORD_START = re.compile(r"(?<![a-z])[^\s]")
# JD named in the text, in each reading of it (the Chinese one, the English one).
_JD = (re.compile(r"京东|京麦"), re.compile(r"(?<![a-z])(?:jd|jingdong)(?![a-z])"))


class _Hit(NamedTuple):
    space: int  # 0: the Chinese reading of the text, 1: the English one (and patterns)
    start: int
    end: int
    scenario: int
    word: str  # as written in the catalogue, or the text a pattern matched
    weight: float
    keyword: bool  # False for a pattern's match


class _Index(NamedTuple):
    # Each language's keywords (normalised) -> their owners, compiled on demand (see _language_for)
    zh: dict[str, list[tuple[int, int, str, float]]]
    en: dict[str, list[tuple[int, int, str, float]]]
    zh_chars: tuple[tuple[str, frozenset[str]], ...]  # each Chinese keyword and its characters
    compiled: dict[tuple[int, tuple[str, ...] | None], Compiled]  # the few compiled lately
    patterns: tuple[tuple[int, re.Pattern[str], float], ...]  # (scenario index, regex, weight)
    voice: tuple[Compiled, Compiled]  # merchant_voice (zh, en)
    buyer_voice: tuple[Compiled, Compiled]  # buyer_voice (zh, en)
    elsewhere: tuple[Compiled, Compiled]  # elsewhere (zh, en)
    off_topic: tuple[Compiled, Compiled]  # off_topic (zh, en), with their weights
    # The catalogue's negations (zh, en), `calling` with the lines' numbers, `plus_self`
    negations: tuple[re.Pattern[str] | None, re.Pattern[str] | None]
    calling: re.Pattern[str] | None
    plus_self: re.Pattern[str] | None


def normalise_zh(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).casefold().translate(_TRADITIONAL)


def normalise_en(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    return _SPACE.sub(" ", text).casefold()


def _evidence(index: _Index, zh_text: str, en_text: str) -> list[_Hit]:
    """Every keyword and pattern found in the text, the longest at each place."""
    hits = _hits(_language_for(index, 0, zh_text), zh_text, 0, word_end=False)
    hits += _hits(_language_for(index, 1, en_text), en_text, 1, word_end=True)
    for scenario, regex, weight in index.patterns:
        for found in regex.finditer(en_text):
            start, end = found.span()
            if end > start and not _inside_a_number(en_text, start, end):
                hits.append(_Hit(1, start, end, scenario, found.group(), weight, False))
    return _unshadowed(hits)


def _off_topic(index: _Index, zh_text: str, en_text: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for hit in _unshadowed(_words(index.off_topic, zh_text, en_text)):
        found[hit.word] = max(found.get(hit.word, 0.0), hit.weight)
    return found


def _off_topic_score(index: _Index, zh_text: str, en_text: str) -> float:
    return sum(_off_topic(index, zh_text, en_text).values())


def _hits(language: Compiled, text: str, space: int, *, word_end: bool) -> list[_Hit]:
    if language.pattern is None:
        return []
    found_hits: list[_Hit] = []
    starts = language.starts
    for found in language.pattern.finditer(text):
        start = found.start()
        for scenario, _, written, length, weight in starts[found.group(1)]:
            end = start + length
            if _inside_a_number(text, start, end):
                continue
            if word_end:
                tail = _EN_END.match(text, end)
                if tail is None:
                    continue
            found_hits.append(_Hit(space, start, end, scenario, written, weight, True))
    return found_hits


def _inside_a_number(text: str, start: int, end: int) -> bool:
    """A cue that begins (ends) with a digit, found just after (before) another digit:
    618 inside 950618 or an order number 2618000011 is no 618."""
    return (start > 0 and _digit(text[start]) and _digit(text[start - 1])) or (
        end < len(text) and _digit(text[end - 1]) and _digit(text[end])
    )


def _digit(char: str) -> bool:
    return "0" <= char <= "9"


def _words(languages: tuple[Compiled, Compiled], zh_text: str, en_text: str) -> list[_Hit]:
    """Where a list of words (merchant_voice, elsewhere) is found in the text."""
    zh, en = languages
    return _hits(zh, zh_text, 0, word_end=False) + _hits(en, en_text, 1, word_end=True)


def _elsewhere(index: _Index, zh_text: str, en_text: str, hits: list[_Hit]) -> bool:
    """The text is about another platform or service (淘宝, Meituan) and not about JD.

    A mention of JD outside the catalogue's ``elsewhere`` words (which hold 不是京东买的
    and the like) keeps the text ours. So does a platform named inside a longer keyword
    of a scenario (支付宝付款失败, "pay with Alipay"): that is how one pays on JD.
    """
    found = [
        h
        for h in _words(index.elsewhere, zh_text, en_text)
        if not any(
            k.space == h.space
            and k.start <= h.start
            and h.end <= k.end
            and k.end - k.start > h.end - h.start
            for k in hits
        )
    ]
    if not found:
        return False
    for space, text in enumerate((zh_text, en_text)):
        spans = [(h.start, h.end) for h in found if h.space == space]
        for mention in _JD[space].finditer(text):
            if not any(start <= mention.start() < end for start, end in spans):
                return False
    return True


def _unshadowed(hits: list[_Hit]) -> list[_Hit]:
    """The hits not inside a longer hit of the same reading of the text."""
    kept: list[_Hit] = []
    for space in (0, 1):
        spans: dict[tuple[int, int], list[_Hit]] = defaultdict(list)
        for hit in hits:
            if hit.space == space:
                spans[(hit.start, hit.end)].append(hit)
        reach = -1
        for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
            if end > reach:
                kept += spans[(start, end)]
                reach = end
    return kept


def _negations(pattern: re.Pattern[str] | None, text: str) -> list[int]:
    """Where each negation in the text ends, in order."""
    return [found.end() for found in pattern.finditer(text)] if pattern else []


def _is_negated(hit: _Hit, ends: list[int], text: str, reach: int) -> bool:
    if not ends or not hit.keyword:
        return False
    i = bisect_right(ends, hit.start) - 1
    if i < 0 or hit.start - ends[i] > reach:
        return False
    return _CLAUSE_END.search(text, ends[i], hit.start) is None


@last_one
def _index(catalogue: Catalogue) -> _Index:
    """The compiled keywords of a catalogue (the last one is kept: the CLI loads one)."""
    zh: dict[str, list[tuple[int, int, str, float]]] = defaultdict(list)
    en: dict[str, list[tuple[int, int, str, float]]] = defaultdict(list)
    patterns: list[tuple[int, re.Pattern[str], float]] = []
    for i, scenario in enumerate(catalogue.scenarios):
        keywords = scenario.keywords
        weights = dict(keywords.weights)
        for position, keyword in enumerate(keywords.zh):
            normal = normalise_zh(keyword)
            # A Chinese list's Latin word (iPhone, TCL, app) is a whole word, as in English.
            table = en if normal.isascii() else zh
            if normal:
                table[normal].append((i, position, keyword, weights.get(keyword, 1.0)))
        for position, keyword in enumerate(keywords.en):
            if normal := normalise_en(keyword).strip():
                en[normal].append((i, position, keyword, weights.get(keyword, 1.0)))
        for pattern in scenario.patterns:
            patterns.append((i, re.compile(pattern.regex), pattern.weight))

    def words(keywords: Keywords) -> tuple[Compiled, Compiled]:
        weight = dict(keywords.weights)
        zh_words = {
            normalise_zh(w): [(0, 0, w, weight.get(w, 1.0))] for w in keywords.zh if normalise_zh(w)
        }
        en_words = {
            n: [(0, 0, w, weight.get(w, 1.0))]
            for w in keywords.en
            if (n := normalise_en(w).strip())
        }
        return compile_keywords(zh_words, word_start=False), compile_keywords(
            en_words, word_start=True
        )

    index = _Index(
        zh=dict(zh),
        en=dict(en),
        # Only a catalogue whose keywords are compiled picks them by the text (_language_for).
        zh_chars=tuple((k, frozenset(k)) for k in zh) if len(zh) <= SCAN_ABOVE else (),
        compiled={},
        patterns=tuple(patterns),
        voice=words(catalogue.merchant_voice),
        buyer_voice=words(catalogue.buyer_voice),
        elsewhere=words(catalogue.elsewhere),
        off_topic=words(catalogue.off_topic),
        negations=(_either(catalogue.negation[0]), _either(catalogue.negation[1])),
        # A hotline's number in the text is a `calling` cue (950618打不通): the lines' own.
        calling=_either((*catalogue.calling, *(re.escape(x.digits) for x in catalogue.lines))),
        plus_self=_either(catalogue.plus_self),
    )
    return index


def _either(regexes: tuple[str, ...]) -> re.Pattern[str] | None:
    """Regular expressions as alternatives, compiled; None for none."""
    return re.compile("|".join(f"(?:{r})" for r in regexes)) if regexes else None


def compile_all(catalogue: Catalogue) -> None:
    """For a process that answers many texts (the web app): compile every keyword once.

    Each text is then matched by the whole expression: 0.9 ms a `which` JSON answer in
    the app against 14 ms when each new text compiles its own few dozen keywords
    (bench/serve.py, shipped catalogue, 300 problems of bench/corpus.yaml). The matches
    are the same: a keyword a text cannot hold matches nowhere in it.
    """
    index = _index(catalogue)
    _language_for(index, 0, "x" * (SHORT_TEXT + 1))
    _language_for(index, 1, "x" * (SHORT_TEXT + 1))


SHORT_TEXT = 2000  # characters: a text up to this long compiles only the keywords it could hold


def _language_for(index: _Index, space: int, text: str) -> Compiled:
    """The keywords of one language that could occur in the text, compiled.

    Compiling all ~3,000 shipped keywords into one expression takes tens of milliseconds,
    more than the rest of a `which`; a short text can hold only the keywords made of its
    own characters (Chinese) or starting as one of its words does (English), a few dozen,
    which compile in well under a millisecond. A long text walks them all as a trie.
    """
    whole = index.compiled.get((space, None))
    if whole is not None:  # every keyword compiled already (compile_all, or a long text)
        return whole
    owners = index.zh if space == 0 else index.en
    key: tuple[str, ...] | None = None
    if len(text) <= SHORT_TEXT and len(owners) <= SCAN_ABOVE:  # else walked, not compiled
        if space == 0:
            present = frozenset(text)
            key = tuple(k for k, chars in index.zh_chars if chars <= present)
        else:
            starts = {m.start() for m in _WORD_START.finditer(text)}
            heads = {text[i : i + n] for i in starts for n in (1, 2, 3)}
            key = tuple(k for k in owners if k[:3] in heads)
    found = index.compiled.get((space, key))
    if found is None:
        chosen = owners if key is None else {k: owners[k] for k in key}
        # A long text's keywords are all of them: walked, not compiled (trie.SCAN_ABOVE).
        found = compile_keywords(chosen, word_start=space == 1, scan=key is None)
        if len(index.compiled) >= 64:
            index.compiled.clear()
        index.compiled[(space, key)] = found
    return found
