"""The words of `which --explain`: why a text reached its scenario, phase by phase.

Apart from words.py only to keep each file readable; words.py merges these into its
one table, so `word()` is still the one way to a word. The Chinese is written with its
full-width marks by hand and formatted as written (words.AS_WRITTEN).
"""

from __future__ import annotations

EXPLAIN: dict[str, dict[str, str]] = {
    "en": {
        "explain.title": "How the words were read (--explain)",
        "explain.cues": "Cues found in the text (cue, scenario, weight)",
        "explain.no_cues": "No cue of the catalogue is in the text.",
        "explain.negated": "negated: counts for nothing",
        "explain.pattern": "pattern",
        "explain.phases": "Phases, and each scenario's score after it",
        "explain.phase.evidence": "evidence",
        "explain.phase.elsewhere": "elsewhere",
        "explain.phase.side": "who asks",
        "explain.phase.absorbs": "absorbs",
        "explain.phase.enough": "enough",
        "explain.phase.ranked": "ranked",
        "explain.evidence.found": "each cue once, with its weight",
        "explain.evidence.none": "nothing found",
        "explain.elsewhere.ours": "not about another platform",
        "explain.elsewhere.elsewhere": "about another platform, not JD: matches nothing",
        "explain.side.user": "read as {side}, by the user type",
        "explain.side.voice": "read as {side}: the text speaks as a merchant",
        "explain.side.buying": "read as {side}: a merchant buying this time",
        "explain.side.own_thing": "read as it says: a merchant's own thing",
        "explain.side.buyers": "a buyer",
        "explain.side.merchants": "a merchant",
        "explain.absorbs.none": "no scenario took another's evidence",
        "explain.absorbs.took": "took the evidence of: {taken}",
        "explain.enough.enough": "best evidence of its own {best}, at least {least} "
        "needed; counter-evidence {against}",
        "explain.enough.weak": "best evidence of its own {best}, less than {least}: "
        "matches nothing",
        "explain.enough.off_topic": "counter-evidence {against} outweighs the words: "
        "matches nothing",
        "explain.ranked.winner": "highest score, then strongest cue, most cues, earliest",
        "explain.ranked.none": "no scenario left",
        "explain.winner": "Winner: {scenario} ({name})",
        "explain.nothing": "Winner: none (nothing matched)",
        "explain.chosen": "The scenario was chosen with --scenario: no words to explain.",
    },
    "zh": {
        "explain.title": "问题是怎么读的（--explain）",
        "explain.cues": "文中找到的识别词（词、场景、权重）",
        "explain.no_cues": "文中没有热线数据里的识别词。",
        "explain.negated": "前面有否定词，不算",
        "explain.pattern": "正则",
        "explain.phases": "各步骤，及每一步之后各场景的得分",
        "explain.phase.evidence": "找词",
        "explain.phase.elsewhere": "别家平台",
        "explain.phase.side": "谁在问",
        "explain.phase.absorbs": "合并",
        "explain.phase.enough": "够不够",
        "explain.phase.ranked": "排序",
        "explain.evidence.found": "每个词只算一次，按它的权重",
        "explain.evidence.none": "什么也没找到",
        "explain.elsewhere.ours": "不是别的平台的问题",
        "explain.elsewhere.elsewhere": "说的是别的平台，不是京东：不匹配",
        "explain.side.user": "按用户类型，当作{side}来读",
        "explain.side.voice": "当作{side}来读：话里是商家的口吻",
        "explain.side.buying": "当作{side}来读：商家这次是在买东西",
        "explain.side.own_thing": "照字面读：说的是商家自己的东西",
        "explain.side.buyers": "买家",
        "explain.side.merchants": "商家",
        "explain.absorbs.none": "没有场景合并别的场景的词",
        "explain.absorbs.took": "合并了这些场景的词：{taken}",
        "explain.enough.enough": "自身得分最高 {best}，至少要 {least}；反证 {against}",
        "explain.enough.weak": "自身得分最高 {best}，不到 {least}：不匹配",
        "explain.enough.off_topic": "反证 {against} 比问题本身的词还重：不匹配",
        "explain.ranked.winner": "先比得分，再比最强的词、词数、谁先出现",
        "explain.ranked.none": "没有剩下的场景",
        "explain.winner": "结论：{scenario}（{name}）",
        "explain.nothing": "结论：无（没有匹配的场景）",
        "explain.chosen": "场景是用 --scenario 选的：没有要说明的词。",
    },
}
