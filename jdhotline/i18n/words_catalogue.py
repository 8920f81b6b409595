"""The words of a catalogue that cannot be used (errors.CatalogueError, exit 3).

words.py merges these into one table per language, so `word()` is the one way to a
word. The load and
checks modules raise a code (``error.catalogue.<code>``) with its parameters;
messages.catalogue_message words it after the file and the entry path.

The Chinese is written with its full-width marks, like every word; the code it quotes
(HH:MM, (?:...), [3, 5], "09:00") and the values from the file keep theirs.
What a parser says in its own English (PyYAML's "mapping values are not allowed
here", Python's "missing ), unterminated subpattern") is quoted after a Chinese lead:
it names the mistake more exactly than any translation of ours would.
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        # where: a YAML position, the top level
        "error.catalogue.at": "line {line}, column {column}",
        "error.catalogue.top": "top level",
        # the file as a whole
        "error.catalogue.file.missing": "no such file",
        "error.catalogue.file.cannot_read": "cannot be read ({why})",
        "error.catalogue.file.folder": "is a folder, not a catalogue file",
        "error.catalogue.file.not_regular": "is not a regular file "
        "(a device, a pipe or a socket); give a .yaml file",
        "error.catalogue.file.too_big": "is too big: a catalogue may be at most {limit} bytes",
        "error.catalogue.file.not_utf8": "is not UTF-8 text (GBK or another encoding?); "
        "save it as UTF-8",
        "error.catalogue.file.empty": "is empty; it needs 'hotlines' and 'scenarios'",
        "error.catalogue.file.not_catalogue": "is not a jdhotline catalogue: its top level has "
        "none of hotlines, scenarios, say and assistant",
        "error.catalogue.yaml.syntax": "YAML: {detail}",
        "error.catalogue.yaml.unmarked": "YAML: {detail}",
        "error.catalogue.yaml.invalid": "YAML: not valid YAML",
        "error.catalogue.yaml.duplicate_key": "YAML: duplicate key {key!r}",
        "error.catalogue.yaml.bad_date": "{text} is no date or time in the calendar; "
        'write a real one, e.g. "2026-11-27" (quoted, as a text)',
        "error.catalogue.yaml.long_number": "a number {length} characters long; "
        "no number in a catalogue is that long (quote it if it is a text)",
        "error.catalogue.yaml.too_deep": "nested more than {limit} levels deep "
        "(or an alias inside itself); a catalogue needs about 6",
        # one value
        "error.catalogue.not_mapping": "expected a mapping, got {kind}",
        "error.catalogue.unknown_field": "unknown field; expected one of: {allowed}",
        "error.catalogue.missing": "missing (required)",
        "error.catalogue.not_list": "expected a list, got {kind}",
        "error.catalogue.unquoted": "unquoted {written} was read as the number {read}; "
        'quote it: "{written}"',
        "error.catalogue.unquoted.number": 'unquoted {written} is a number; quote it: "{written}"',
        "error.catalogue.not_text": "expected a non-empty text, got {value}",
        "error.catalogue.not_bool": "expected true or false, got {value}",
        "error.catalogue.not_id": "{text!r} is not an id (lower-case letters, digits, '-')",
        "error.catalogue.not_choice": "{value} is not one of: {choices}",
        "error.catalogue.not_time": '{value} is not a time (HH:MM, e.g. "09:00")',
        "error.catalogue.not_time.24": '{value} is not a time (HH:MM; "24:00" only ends a window)',
        "error.catalogue.window.empty": "{window} is empty",
        "error.catalogue.not_date": '{value} is not a date (YYYY-MM-DD, e.g. "2026-11-27")',
        "error.catalogue.not_phone": "{text!r} is not a phone number (digits and '-')",
        "error.catalogue.not_key": "{value} is not a phone key (0-9, *, #)",
        "error.catalogue.wait": "expected [min, max] minutes (e.g. [3, 5]) or null, got {value}",
        "error.catalogue.wait_order": "the least wait ({low} min) is greater than the most "
        "({high} min); write [min, max], e.g. [{high}, {low}]",
        "error.catalogue.version": "{value} is not supported; expected 1",
        # keywords and patterns
        "error.catalogue.keyword.too_long": "{value} is {length} characters; a keyword may "
        "have at most {limit} (split it into the words people type)",
        "error.catalogue.keyword.too_long.nfkc": "{value} is {length} characters as the "
        "matcher reads it (NFKC: U+FDFA alone is 18); a keyword may have at most {limit}",
        "error.catalogue.text.too_long": "is {length} characters; a catalogue text may have "
        "at most {limit} (a sentence or two)",
        "error.catalogue.keyword.not_english": "{text!r} is not English; put it under zh",
        "error.catalogue.keyword.twice": "{text!r} is listed twice",
        "error.catalogue.keyword.none": "needs at least one keyword",
        "error.catalogue.weight": "weight {value} is not a number from {low} to {high}",
        "error.catalogue.pattern.too_long": "is {length} characters; at most {limit}",
        "error.catalogue.pattern.not_compile": "does not compile: {detail}",
        "error.catalogue.pattern.named_groups": "named groups are not needed; use (?:...)",
        "error.catalogue.pattern.empty_match": "matches the empty text, "
        "so it would match everywhere",
        "error.catalogue.pattern.unbounded": "repeats without a bound up to {limit} "
        "(write {bound}, not * or +)",
        "error.catalogue.pattern.backref": "uses a back-reference",
        "error.catalogue.pattern.construct": "uses a construct a catalogue pattern may not "
        "(atomic groups, possessive repeats, conditionals); use characters, classes, "
        "(?:...), |, {bound} and lookarounds",
        "error.catalogue.pattern.too_costly": "could take {steps} steps at each character "
        "of a text, more than {limit}: fewer alternatives or repeats in a row, or split it",
        "error.catalogue.pattern.all_too_costly": "the patterns so far could take more than "
        "{limit} steps at each character of a text together; keep fewer, or simpler",
        "error.catalogue.pattern.too_wide": "can match more than {limit} characters; "
        "keep it to a phrase",
        # entries and how they fit together
        "error.catalogue.empty_list": "is empty; a catalogue needs at least one of its {key}",
        "error.catalogue.duplicate": "duplicate {what} {text!r} (also {also})",
        "error.catalogue.unknown_scenario": "unknown scenario {text!r}; known: {known}",
        "error.catalogue.not_listed": "{text!r} is not in this line's scenarios; "
        "list it there first",
        "error.catalogue.no_fact": "fact {text!r} has no entry under 'facts'",
        "error.catalogue.names_itself": "names the scenario itself",
        "error.catalogue.unserved": "no line serves scenario {text!r}; "
        "add it to a line's scenarios",
        "error.catalogue.window.outside": "{window} lies outside the line's hours {hours}",
        "error.catalogue.window.swapped": "{window} ends before it starts, so it would run "
        "across midnight, outside the line's hours {hours}: are start and end swapped?",
        # calendar:
        "error.catalogue.calendar.unknown_field": "unknown field; expected extra_holidays, "
        "extra_workdays or a year (e.g. 2027) with its holidays and workdays",
        "error.catalogue.calendar.twice": "{year} is declared twice; keep one",
        "error.catalogue.calendar.other_year": "{day} is not in {year}; "
        "list it under calendar.{day_year}, or correct the year",
        "error.catalogue.calendar.weekday": "{day} is a {weekday}, a working day anyway; "
        "list only the weekend days worked (调休上班)",
        "error.catalogue.calendar.no_holidays": "is empty; every year has holidays "
        "(1 January at least)",
        "error.catalogue.calendar.both": "{day} is listed both as a holiday and as a "
        "working day; keep it in one",
        "error.catalogue.days.backwards": "{text!r} ends before it starts; "
        "put the earlier date first",
        "error.catalogue.days.across_years": "{text!r} runs into another year; "
        "split it at 31 December",
        # a value from the file, described (messages.describe)
        "error.catalogue.nothing": "nothing",
        # the message: the file, the entry, the problem; a value quoted, cut, as Python shows it
        "catalogue.message": "{file}: {where}: {problem}",
        "catalogue.message.file": "{file}: {problem}",
        "catalogue.quoted": '"{text}"',
        "catalogue.cut": "...",
        "catalogue.value": "{python}",
        "error.catalogue.kind.mapping": "a mapping",
        "error.catalogue.kind.list": "a list",
        "error.catalogue.kind.text": "a text",
        "error.catalogue.kind.number": "a number",
        "error.catalogue.kind.bool": "true/false",
        "error.catalogue.kind.empty": "empty",
        "error.catalogue.kind.date": "date",
        "error.catalogue.kind.datetime": "datetime",
        "error.catalogue.weekday.0": "Monday",
        "error.catalogue.weekday.1": "Tuesday",
        "error.catalogue.weekday.2": "Wednesday",
        "error.catalogue.weekday.3": "Thursday",
        "error.catalogue.weekday.4": "Friday",
        "error.catalogue.model.number": "{value} is not a number from {low} to {high}",
        "error.catalogue.file.not_cues": "is not a jdhotline cues file: its top level has none "
        "of scenarios, model, merchant_voice, buyer_voice, elsewhere, off_topic, negation, "
        "plus_self, calling and safety",
        "error.catalogue.cues.scenario_missing": "replace: true, and no cues for the scenario "
        "{text!r}: a file that replaces the shipped cues gives every scenario its own",
    },
    "zh": {
        "error.catalogue.at": "第 {line} 行第 {column} 列",
        "error.catalogue.top": "最外层",
        "error.catalogue.file.missing": "不存在",
        "error.catalogue.file.cannot_read": "无法读取（{why}）",
        "error.catalogue.file.folder": "是文件夹，不是热线目录文件",
        "error.catalogue.file.not_regular": "不是普通文件（而是设备、管道或套接字）；"
        "请指定一个 .yaml 文件",
        "error.catalogue.file.too_big": "太大了：目录文件最多 {limit} 字节",
        "error.catalogue.file.not_utf8": "不是 UTF-8 编码的文本（也许是 GBK 等编码？）；"
        "请另存为 UTF-8",
        "error.catalogue.file.empty": "是空的；至少要有 hotlines 和 scenarios 两项",
        "error.catalogue.file.not_catalogue": "不是 jdhotline 的热线数据文件："
        "顶层连 hotlines、scenarios 这样的必需项都没有",
        "error.catalogue.yaml.syntax": "YAML 写法有误（解析器原文：“{detail}”）",
        "error.catalogue.yaml.unmarked": "不是有效的 YAML（解析器原文：“{detail}”）",
        "error.catalogue.yaml.invalid": "不是有效的 YAML",
        "error.catalogue.yaml.duplicate_key": "键“{key}”重复了；同一层里每个键只能写一次",
        "error.catalogue.yaml.bad_date": "{text} 不是日历上真实的日期或时刻；"
        '请写一个真实的日期，例如 "2026-11-27"（加引号，作为文本）',
        "error.catalogue.yaml.long_number": "数字长达 {length} 个字符；热线数据里不会有这么长的数字"
        "（如果是文本，请加上引号）",
        "error.catalogue.yaml.too_deep": "嵌套超过 {limit} 层（或者别名引用了它自己）；"
        "目录一般只需要 6 层左右",
        "error.catalogue.not_mapping": "应为映射，实际是{kind}",
        "error.catalogue.unknown_field": "没有这个字段；可用的字段：{allowed}",
        "error.catalogue.missing": "缺少这一项（必填）",
        "error.catalogue.not_list": "应为列表，实际是{kind}",
        "error.catalogue.unquoted": "{written} 没加引号，被读成了数字 {read}；"
        '请加上引号："{written}"',
        "error.catalogue.unquoted.number": "{written} 没加引号，被当成了数字；"
        '请加上引号："{written}"',
        "error.catalogue.not_text": "应为非空的文本，实际是{value}",
        "error.catalogue.not_bool": "应为 true 或 false，实际是{value}",
        "error.catalogue.not_id": "“{text}”不是有效的 id（只能用小写字母、数字和 -）",
        "error.catalogue.not_choice": "{value}不是可选值之一：{choices}",
        "error.catalogue.not_time": '{value}不是时刻（HH:MM，例如 "09:00"）',
        "error.catalogue.not_time.24": '{value}不是时刻（HH:MM；"24:00" 只能用作时段的结束）',
        "error.catalogue.window.empty": "{window} 是空时段（开始和结束是同一时刻）",
        "error.catalogue.not_date": '{value}不是日期（YYYY-MM-DD，例如 "2026-11-27"）',
        "error.catalogue.not_phone": "“{text}”不是电话号码（只能有数字和 -）",
        "error.catalogue.not_key": "{value}不是电话按键（0-9、*、#）",
        "error.catalogue.wait": "应为两个分钟数（最少和最多，例如 [3, 5]）或 null，实际是{value}",
        "error.catalogue.wait_order": "最少等待（{low} 分钟）比最多（{high} 分钟）还长；"
        "请先写最少、再写最多，例如 [{high}, {low}]",
        "error.catalogue.version": "不支持版本{value}；请写 1",
        "error.catalogue.keyword.too_long": "{value}有 {length} 个字符；关键词最多 {limit} 个字符"
        "（请拆成人们会输入的词）",
        "error.catalogue.keyword.too_long.nfkc": "{value}经兼容规范化（匹配时就这样读，"
        "有的字符一个就会展开成十几个）后有 {length} 个字符；关键词最多 {limit} 个字符",
        "error.catalogue.text.too_long": "有 {length} 个字符；热线数据里的文本最多 {limit} 个字符"
        "（一两句话）",
        "error.catalogue.keyword.not_english": "“{text}”不是英文；请放到 zh 下",
        "error.catalogue.keyword.twice": "“{text}”写了两次",
        "error.catalogue.keyword.none": "至少要有一个关键词",
        "error.catalogue.weight": "权重{value}不在 {low} 到 {high} 之间",
        "error.catalogue.pattern.too_long": "有 {length} 个字符；最多 {limit} 个",
        "error.catalogue.pattern.not_compile": "无法编译（原文：“{detail}”）",
        "error.catalogue.pattern.named_groups": "不需要命名分组；请改用 (?:...)",
        "error.catalogue.pattern.empty_match": "能匹配空文本，会在任何地方命中",
        "error.catalogue.pattern.unbounded": "有不设上限的重复；重复最多 {limit} 次"
        "（请写 {bound}，不要用 * 或 +）",
        "error.catalogue.pattern.backref": "用了反向引用",
        "error.catalogue.pattern.construct": "用了热线数据的正则不允许的写法（原子分组、占有量词、"
        "条件分组）；只能用字符、字符类、(?:...)、|、{bound} 和环视",
        "error.catalogue.pattern.too_costly": "在文本的每个字符处最多可能要试 {steps} 步，"
        "超过了 {limit} 步：请减少连续的分支或重复，或拆成几条",
        "error.catalogue.pattern.all_too_costly": "到这一条为止，所有正则合起来在文本的每个字符处"
        "可能要试超过 {limit} 步；请减少条数，或写得简单些",
        "error.catalogue.pattern.too_wide": "能匹配超过 {limit} 个字符；请只写一个短语",
        "error.catalogue.empty_list": "是空的；{key} 下至少要有一项",
        "error.catalogue.duplicate": "重复的 {what}：“{text}”（与 {also} 相同）",
        "error.catalogue.unknown_scenario": "没有“{text}”这个场景；已有的场景：{known}",
        "error.catalogue.not_listed": "“{text}”不在这条热线的 scenarios 里；请先加到那里",
        "error.catalogue.no_fact": "facts 下没有“{text}”这一项",
        "error.catalogue.names_itself": "写的是这个场景自己",
        "error.catalogue.unserved": "没有热线负责场景“{text}”；请把它加进某条热线的 scenarios",
        "error.catalogue.window.outside": "{window} 超出了这条热线的服务时间 {hours}",
        "error.catalogue.window.swapped": "{window} 的结束早于开始，会跨过午夜，"
        "超出这条热线的服务时间 {hours}：是不是把 start 和 end 写反了？",
        "error.catalogue.calendar.unknown_field": "没有这个字段；可用的是 extra_holidays、"
        "extra_workdays，或者一个年份（例如 2027）及其 holidays 和 workdays",
        "error.catalogue.calendar.twice": "{year} 年写了两次；只保留一处",
        "error.catalogue.calendar.other_year": "{day} 不在 {year} 年；"
        "请写在 calendar.{day_year} 下，或改正年份",
        "error.catalogue.calendar.weekday": "{day} 是{weekday}，本来就是工作日；"
        "这里只列调休上班的周末",
        "error.catalogue.calendar.no_holidays": "是空的；每年都有节假日（至少有 1 月 1 日）",
        "error.catalogue.calendar.both": "{day} 既写成了假日，又写成了工作日；只保留一处",
        "error.catalogue.days.backwards": "“{text}”的结束早于开始；请把较早的日期写在前面",
        "error.catalogue.days.across_years": "“{text}”跨到了另一年；请在 12 月 31 日处拆成两段",
        "error.catalogue.nothing": "空值",
        "catalogue.message": "{file}：{where}：{problem}",
        "catalogue.message.file": "{file} {problem}",
        "catalogue.quoted": "“{text}”",
        "catalogue.cut": "…",
        "catalogue.value": "“{yaml}”",
        "error.catalogue.kind.mapping": "映射",
        "error.catalogue.kind.list": "列表",
        "error.catalogue.kind.text": "文本",
        "error.catalogue.kind.number": "数字",
        "error.catalogue.kind.bool": "布尔值（true/false）",
        "error.catalogue.kind.empty": "空值",
        "error.catalogue.kind.date": "日期",
        "error.catalogue.kind.datetime": "日期时间",
        "error.catalogue.weekday.0": "周一",
        "error.catalogue.weekday.1": "周二",
        "error.catalogue.weekday.2": "周三",
        "error.catalogue.weekday.3": "周四",
        "error.catalogue.weekday.4": "周五",
        "error.catalogue.model.number": "{value}不在 {low} 到 {high} 之间",
        "error.catalogue.file.not_cues": "不是 jdhotline 的识别词文件："
        "顶层连 scenarios 这样的项都没有",
        "error.catalogue.cues.scenario_missing": "缺少场景“{text}”的识别词："
        "代替自带识别词的文件，要给每个场景都写上自己的",
    },
}
