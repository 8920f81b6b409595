"""The words of errors and notes: refusals raised with a code (errors.Coded), a problem
no scenario matched (and why), the notes after an answer, and Click's usage errors.

words.py merges these into one table per language, so `word()` is the one way to a word.
"""

from __future__ import annotations

# Placeholders that are words (in help and in usage errors); ID and the values to type
# (text|json|markdown) stay as they are. English help has ASCII placeholders: a wide
# Chinese one (工号) pushed its help text out of Click's column.
METAVARS = {
    "OPTIONS": "选项",
    "COMMAND": "命令",
    "ARGS": "参数",
    "PROBLEM": "问题",
    "LINE": "热线",
    "NUMBER": "号码",
    "SHELL": "终端类型",
    "ITEM": "证据",
    "WHEN": "时间",
    "PATH": "路径",
    "TEXT": "文字",
    "DATE": "日期",
    "NO": "订单号",
    "DIGITS": "尾号",
    "MODEL": "型号",
    "N": "编号",
    "AGENT_ID": "工号",
    "TICKET": "服务单号",
    "HOST": "地址",
    "PORT": "端口",
}

_FORMS_EN = (  # as deadline.py reads them
    "a number of minutes, hours, days, weeks or working days (24h, 1.5h, 24 hours, "
    "24 小时内回电, 3 days, 两天, 1-3天, 3个工作日内, 半小时), a day (今天内, 明天, tomorrow, "
    "下周一前, by next Monday, by Friday, 月底前, end of the month, 12-10, 2026-12-10, "
    "2026/12/10) or a moment (明天下午5点前, 今晚8点前, 5pm tomorrow, 2026-12-10T18:00)"
)
_FORMS_ZH = (
    "分钟、小时、天、周或工作日数（24h、1.5h、24小时内回电、两天、1-3天、3个工作日内、"
    "半小时），某一天（今天内、明天、下周一前、本周五前、月底前、12-10、12月10日、"
    "2026-12-10、2026/12/10）或某一时刻（明天下午5点前、今晚8点前、今天18点前、"
    "2026-12-10T18:00）"
)

_HOME_EN = "set JDHOTLINE_HOME to a folder you can write"
_HOME_ZH = "请把 JDHOTLINE_HOME 设为你能写入的文件夹"

ERRORS: dict[str, dict[str, str]] = {
    "en": {
        "error.interrupted": "interrupted",
        "error.plus_and_merchant": "--plus and --merchant exclude each other: "
        "pick the one you are.",
        "error.nothing": "say what went wrong, e.g. `jdhotline {command} 冰箱不制冷`, "
        "or pass --scenario ID (list: `jdhotline scenarios`).",
        "error.stdin": "cannot read the problem from standard input ({reason})",
        "error.no_answer": "no answer on standard input; "
        "pass --plus/--merchant and --scenario ID or a problem.",
        "error.xlsx_terminal": "an .xlsx file is not for the screen; write it to a file: "
        "jdhotline case export --format xlsx > cases.xlsx",
        "error.no_answer.problem": "no problem given; say it on the command line, "
        "e.g. {command} 冰箱不制冷, or pass --scenario ID.",
        "error.no_answer.scenario": "no scenario chosen; run again with --scenario ID, "
        "e.g. {command} --scenario appliance (jdhotline scenarios lists them).",
        "error.unknown_scenario": "unknown scenario {key!r}",
        "error.unknown_line": "unknown line {key!r}",
        "error.did_you_mean": "; did you mean {guess!r}?",
        "error.known_scenarios": "Known scenarios: {ids}",
        "error.known_lines": "Known lines: {lines}",
        "error.no_match": "no scenario matched {text!r}; "
        "describe it differently or pass --scenario ID.",
        "error.no_user": "no valid answer; pass --plus or --merchant instead.",
        "error.no_problem": "no problem given; pass --scenario ID or describe the problem.",
        "error.no_scenario": "no scenario chosen; pass --scenario ID.",
        "error.at": "--at: {reason}",
        "error.flag": "{flag}: {reason}",
        "error.qr_format": "--qr draws the code in the terminal, after the text answer: "
        "leave out --format.",
        "error.no_case": "no case {id}",
        "error.no_case.hint": "See `jdhotline case list --all`.",
        "error.catalogue.hint": "Fix the file, or run without --catalog / JDHOTLINE_CATALOG.",
        "error.case_line_gone": "case {id} was on line {line!r}, which the catalogue no longer has",
        "error.case_record": "(case record not read: {reason})",
        "error.no_line": "no line in the catalogue serves {scenario!r} ({user})",
        "error.stdin.reason": "a read error",
        "error.stdin.too_long": "the problem on standard input is longer than {limit} "
        "characters; give its first lines (only the first 5,000 characters are read anyway)",
        "error.stdin.closed": "it is closed; give the problem as words instead of -",
        "error.not_text": "the problem does not read as words (it looks like a file's "
        "bytes); say in a few words what went wrong, e.g. “fridge not cooling”.",
        "error.no_match.elsewhere": "{text!r} is about another platform or service; "
        "jdhotline knows JD.com's customer-service lines only.",
        "error.no_match.calling": "{text!r} names no problem.",
        "error.no_match.off_topic": "{text!r} is not a problem with an order, an item, an "
        "account or a shop; jdhotline tells which JD.com customer-service line to call.",
        "hint.calling": "All four lines: jdhotline table. Say what went wrong "
        "(e.g. “fridge not cooling”) to learn which one to dial.",
        "note.env_lang": "JDHOTLINE_LANG={value} is not a language jdhotline answers in "
        "({langs}), so it was left aside.",
        "note.calling": "No problem given, so here are JD's four customer-service lines. "
        "Say what went wrong (e.g. “fridge not cooling”) to learn which one to dial, "
        "and when it answers fastest.",
        "error.store.mkdir": "cannot create the folder {folder} ({why}); " + _HOME_EN,
        "error.store.newer": "{path} was written by a newer jdhotline (schema {version}, "
        "this one knows {known}); upgrade jdhotline. The file was not changed.",
        "error.store.foreign": "{path} is a SQLite database, but not jdhotline's; "
        "it was left untouched. Set JDHOTLINE_HOME to another folder.",
        "error.store.unreadable_case": "case {id} in {path} cannot be read (a damaged or "
        "out-of-range value); the other cases can, and nothing was changed",
        "error.store.left_out": "case {ids} in {path} cannot be read (a damaged or "
        "out-of-range value) and is left out; the other cases are shown",
        "error.store.is_folder": "{path} is a folder, not a case database",
        "error.store.not_file": "{path} is not a regular file (a FIFO, a device or a socket) "
        "and was not opened; move it away, or set JDHOTLINE_HOME to another folder",
        "error.store.link": "{path} is a link to {target}, which is missing or empty, so it "
        "is not a jdhotline record; nothing was written. Remove the link, or set "
        "JDHOTLINE_HOME to another folder",
        "error.store.v1_status": "case {id} in {path} has the status {status}, neither "
        "open nor closed, so the record cannot be upgraded; nothing was changed. Repair it: "
        "{repair_open} (or {repair_closed} for a case that is done), then run jdhotline again",
        "error.store.not_folder": "{folder} is not a folder; " + _HOME_EN,
        "error.store.cannot_read": "cannot read {path} ({why}); " + _HOME_EN,
        "error.store.not_sqlite": "{path} is not a jdhotline case database (not SQLite); "
        "it was left untouched. Move it away, or set JDHOTLINE_HOME to another folder.",
        "error.store.locked": "{path} is locked by another program (waited {seconds} s); "
        "nothing was written, try again",
        "error.store.read_only": "cannot write {path}; " + _HOME_EN,
        "error.store.read_only_folder": "cannot write {path} ({folder} is not writable); "
        + _HOME_EN,
        "error.store.unusable": "{path} cannot be used ({why}); nothing was written",
        "error.store.why.denied": "permission denied",
        # the system's own (English) words stand for the reason in English
        "error.store.why.system": "{detail}",
        "error.store.why.read_only": "read-only file system",
        "error.store.why.full": "no space left",
        "error.store.why.damaged": "the file is damaged",
        "error.store.why.io": "disk I/O error",
        "error.store.why.other": "system error",
        "error.saved.added": "case {id} was saved",
        "error.saved.logged": "the call on case {id} was saved",
        "error.saved.closed": "case {id} was closed",
        "error.saved.reopened": "case {id} was reopened",
        "error.not_case_number": "{value!r} is not a case number (see `jdhotline case list`).",
        "error.not_port": "{value!r} is not a port: a number from 0 to 65535.",
        "note.stdout_closed": "standard output is closed, so the answer was not printed",
        "error.completion": "cannot install completion: {path} cannot be written ({why}); "
        "see `jdhotline completion --help` to add it yourself",
        "note.stdout_closed.saved": "standard output is closed, so the answer was not printed "
        "({saved})",
        "note.encoding": "the output encoding ({encoding}) cannot show some characters; "
        "they print as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) or --format json.",
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
        "error.promise.which_half": "{text!r} does not say morning or afternoon; "
        "write 下午5点 or 17点 (5pm or 17:00)",
        "error.promise.which_time": "{text!r} names no hour; write one (明天上午10点前, "
        "10am tomorrow) or the day alone (明天)",
        "error.case.closed": "case {id} is closed; `case {action}` is refused: "
        "run `jdhotline case reopen {id}` first",
        "error.case.closed_kept": "case {id} is closed (its outcome is kept: {outcome}); "
        "`case {action}` is refused: run `jdhotline case reopen {id}` first",
        "error.case.not_closed": "case {id} is open; there is nothing to reopen",
        "error.case.before_last": "case {id}: {at} is before its last entry ({last}); "
        "give the time the call or the close happened, after that",
        "error.fact.placeholder": "{text!r} is the placeholder from the printed line; "
        "give what the agent told you, or leave the option out",
        "error.fact.phone": "{text!r} is not the last 4 digits of a phone number (e.g. 5678)",
        "error.fact.shop": "{text!r} is not a shop ID (one word, no spaces)",
        "error.fact.id_long": "{length} characters; an agent's ID or a ticket has at most {limit}",
        "error.fact.order_long": "an order number of {length} digits; "
        "an order number has at most {limit}",
        "error.fact.order": "{text!r} is not an order number "
        "(digits only; copy it from 我的订单 in the JD app)",
        "error.fact.future_day": "{text!r} is after today ({today}); give a past date",
        "error.fact.day": "{text!r} is not a date; use 2026-10-10, "
        "or 10-10 for the latest 10 October",
        "error.interrupted.saved": "interrupted; {saved}",
        "error.interrupted.unsaved": "interrupted; nothing was saved",
        "usage.try": "Try '{command} {option}' for help.",
        "usage.error": "Error: {message}",
        "usage.no_such_option": "No such option: {name}",
        "usage.no_such_option.guess": "No such option: {name} Did you mean {guess}?",
        "usage.missing_value": "Option '{name}' requires an argument.",
        "usage.missing_argument": "Missing argument '{name}'.",
        "usage.extra": "Got unexpected extra argument ({args})",
        "usage.missing_command": "Missing command.",
        "usage.no_such_command": "No such command '{name}'.",
        "usage.no_such_command.guess": "No such command '{name}'. Did you mean '{guess}'?",
        "usage.invalid": "Invalid value for '{name}': {message}",
        "usage.invalid.worded": "Invalid value for '{name}': {message}",
        "usage.names.sep": "' / '",
        "usage.guess.sep": "', '",
        **{f"metavar.{name}": name for name in METAVARS},
        "usage.other": "{message}",
        "usage.not_one_of": "{value!r} is not one of: {choices}.",
        "usage.no_value": "Option '{name}' does not take a value.",
        "error.stdin.failed": "cannot read the problem from standard input ({why})",
        # An id, and in Chinese its Chinese name beside it ({name:.0} writes nothing).
        "error.known_scenarios.item": "{id}{name:.0}",
        "error.known_lines.item": "{id} ({number}){name:.0}",
        "ask.option": "{text}",
        "ask.named": "{name}: {detail}",
        "ask.unsure.option": "{scenario}: {line} {number}",
        "error.cues.hint": "Fix the file, or run without --cues / JDHOTLINE_CUES.",
    },
    "zh": {
        "error.interrupted": "已中断",
        "error.plus_and_merchant": "--plus 和 --merchant 只能选一个。",
        "error.nothing": "请说明遇到的问题，例如 jdhotline {command} 冰箱不制冷，"
        "或用 --scenario 指定场景（场景列表：jdhotline scenarios）。",
        "error.stdin": "无法从标准输入读取问题（{reason}）",
        "error.no_answer": "标准输入没有回答；请用 --plus 或 --merchant 说明身份，"
        "并用 --scenario 或一句话说明问题。",
        "error.xlsx_terminal": ".xlsx 文件不能直接显示在屏幕上；请写入文件："
        "jdhotline case export --format xlsx --lang zh > 通话记录.xlsx",
        "error.no_answer.problem": "没有说明问题；请在命令里写上问题，例如 {command} 冰箱不制冷，"
        "或用 --scenario 指定场景。",
        "error.no_answer.scenario": "没有选择场景；请加上 --scenario 再运行一次，"
        "例如 {command} --scenario appliance（场景列表见 jdhotline scenarios）。",
        "error.unknown_scenario": "没有“{key}”这个场景",
        "error.unknown_line": "没有“{key}”这条热线",
        "error.did_you_mean": "，是不是“{guess}”？",
        "error.known_scenarios": "可用的场景：{ids}",
        "error.known_lines": "可用的热线：{lines}",
        "error.no_match": "没能从“{text}”判断出场景；换个说法，或用 --scenario 指定。",
        "error.no_user": "没有得到有效回答；请改用 --plus 或 --merchant。",
        "error.no_problem": "没有说明问题；请用 --scenario 指定场景，或描述问题。",
        "error.no_scenario": "没有选择场景；请用 --scenario 指定。",
        "error.at": "--at: {reason}",
        "error.flag": "{flag}: {reason}",
        "error.qr_format": "--qr 在终端里文字回答的后面画出二维码，请去掉 --format。",
        "error.no_case": "没有记录 {id}",
        "error.no_case.hint": "查看全部记录：jdhotline case list --all",
        "error.catalogue.hint": "请修改这个文件，"
        "或去掉 --catalog / JDHOTLINE_CATALOG 改用自带的热线数据文件。",
        "error.case_line_gone": "记录 {id} 用的热线“{line}”已不在热线数据文件中",
        "error.case_record": "（未能读取通话记录：{reason}）",
        "error.no_line": "热线数据文件里没有为{user}处理“{scenario}”的热线",
        "error.stdin.reason": "读取出错",
        "error.stdin.too_long": "标准输入的问题超过了 {limit} 个字符；请只给开头几段"
        "（反正只读前 5,000 个字符）",
        "error.stdin.closed": "标准输入已关闭；请直接写出问题，不要用 -",
        "error.not_text": "问题内容不像文字（像是文件里的二进制数据）；"
        "请用几句话说说遇到了什么，例如“冰箱不制冷”。",
        "error.no_match.elsewhere": "“{text}”说的是别的平台或服务；"
        "jdhotline 只回答京东客服的热线。",
        "error.no_match.calling": "“{text}”没有说具体问题。",
        "error.no_match.off_topic": "“{text}”不是订单、商品、账号或店铺出的问题；"
        "jdhotline 只回答该打京东哪条客服热线。",
        "hint.calling": "四条热线见 jdhotline table；说说遇到了什么（例如“冰箱不制冷”），"
        "就能知道该拨哪条。",
        "note.env_lang": "JDHOTLINE_LANG={value} 不是 jdhotline 能用的回答语言（{langs}），"
        "已忽略。",
        "note.calling": "没有说具体问题，先列出京东的四条客服热线。"
        "说说遇到了什么（例如“冰箱不制冷”），"
        "就能知道该拨哪条、几点打最快接通。",
        "error.store.mkdir": "无法创建文件夹 {folder}（{why}）；" + _HOME_ZH,
        "error.store.newer": "{path} 由更新版本的 jdhotline 写入（格式第 {version} 版，"
        "本版本只认得第 {known} 版）；请升级 jdhotline。文件没有改动。",
        "error.store.foreign": "{path} 是别的程序的 SQLite 数据库，不是 jdhotline 的通话记录，"
        "已原样保留；请把 JDHOTLINE_HOME 设为另一个文件夹。",
        "error.store.unreadable_case": "{path} 里的记录 {id} 读不出来（数据损坏或超出范围）；"
        "其他记录都能读，没有改动任何内容",
        "error.store.left_out": "{path} 里的记录 {ids} 读不出来（数据损坏或超出范围），"
        "没有列出；其他记录照常显示",
        "error.store.is_folder": "{path} 是文件夹，不是通话记录文件",
        "error.store.not_file": "{path} 不是普通文件（而是管道、设备或套接字），没有打开；"
        "请把它移走，或把 JDHOTLINE_HOME 设为另一个文件夹",
        "error.store.link": "{path} 是指向 {target} 的链接，那个文件不存在或是空的，"
        "不是 jdhotline 的通话记录；没有写入任何内容。请删掉这个链接，"
        "或把 JDHOTLINE_HOME 设为另一个文件夹",
        "error.store.v1_status": "{path} 里的记录 {id} 的状态 {status} 无效"
        "（只能是进行中或已结束），"
        "通话记录因此无法升级；文件没有改动。修复方法：运行 {repair_open}"
        "（这条记录已办完的话，改运行 {repair_closed}），再运行 jdhotline",
        "error.store.not_folder": "{folder} 不是文件夹；" + _HOME_ZH,
        "error.store.cannot_read": "无法读取 {path}（{why}）；" + _HOME_ZH,
        "error.store.not_sqlite": "{path} 不是 jdhotline 的通话记录文件，已原样保留；"
        "请把它移走，或把 JDHOTLINE_HOME 设为另一个文件夹。",
        "error.store.locked": "{path} 正被另一个程序占用（已等 {seconds} 秒）；"
        "没有写入任何内容，请稍后再试",
        "error.store.read_only": "无法写入 {path}；" + _HOME_ZH,
        "error.store.read_only_folder": "无法写入 {path}（文件夹 {folder} 不可写）；" + _HOME_ZH,
        "error.store.unusable": "{path} 无法使用（{why}）；没有写入任何内容",
        "error.store.why.system": "{reason}",
        "error.store.why.denied": "没有权限",
        "error.store.why.read_only": "只读的磁盘",
        "error.store.why.full": "磁盘已满",
        "error.store.why.damaged": "文件已损坏",
        "error.store.why.io": "读写出错",
        "error.store.why.other": "系统报错",
        "error.saved.added": "记录 {id} 已保存",
        "error.saved.logged": "记录 {id} 的这次通话已保存",
        "error.saved.closed": "记录 {id} 已结案",
        "error.saved.reopened": "记录 {id} 已重新打开",
        "error.not_case_number": "“{value}”不是记录编号（可运行 jdhotline case list 查看）",
        "error.not_port": "“{value}”不是端口号，端口号是 0 到 65535 之间的数",
        "note.stdout_closed": "标准输出已关闭，答案没有打印出来",
        "error.completion": "无法安装命令补全：{path} 写不进去（{why}）；"
        "可以看 jdhotline completion --help，自己加上",
        "note.stdout_closed.saved": "标准输出已关闭，答案没有打印出来（{saved}）",
        "note.encoding": "输出编码（{encoding}）显示不了部分字符，已换成问号；"
        "请改用 UTF-8 环境（例如 LANG=C.UTF-8），或加 --format json",
        "error.moment.outside": "{moment} 超出了 jdhotline 能回答的时间范围"
        "（北京时间 {first} 至 {last}）",
        "error.moment.not_time": "“{text}”不是一天中的时刻（00:00–23:59）",
        "error.moment.not_moment": "“{text}”不是日期和时间；正确写法如 "
        "2026-11-27T20:00（北京时间）、2026-11-27T12:00Z，或用 20:00 表示今天",
        "error.promise.not_deadline": "“{text}”不是期限；可以写" + _FORMS_ZH,
        "error.promise.too_far": "“{text}”在一年以后",
        "error.promise.at_call": "“{text}”就是打电话的时刻；承诺的期限应在通话之后",
        "error.promise.before_call": "“{text}”早于通话（{call}）；承诺的期限应在通话之后",
        "error.promise.year_after": "“{text}”比通话晚了一年以上",
        "error.promise.which_half": "“{text}”没说是上午还是下午；请写“下午5点”或“17点”",
        "error.promise.which_time": "“{text}”没说几点；请写明时刻（明天上午10点前）"
        "或只写那一天（明天）",
        "error.case.closed": "记录 {id} 已结案，不能再用 jdhotline case {action}；"
        "请先运行 jdhotline case reopen {id}",
        "error.case.closed_kept": "记录 {id} 已结案（结果保留：{outcome}），"
        "不能再用 jdhotline case {action}；"
        "请先运行 jdhotline case reopen {id}",
        "error.case.not_closed": "记录 {id} 没有结案，无需重新打开",
        "error.case.before_last": "记录 {id} 的上一条时间是 {last}，这次的 {at} 比它还早；"
        "请填这次通话或结案的实际时间",
        "error.fact.placeholder": "“{text}”是打印出来的占位词；请填客服告诉你的内容，"
        "或者不填这一项",
        "error.fact.phone": "“{text}”不是手机号后 4 位（例如 5678）",
        "error.fact.shop": "“{text}”不是店铺 ID（一个词，不含空格）",
        "error.fact.order_long": "订单号有 {length} 位；订单号最多 {limit} 位",
        "error.fact.id_long": "有 {length} 个字符；工号或服务单号最多 {limit} 个字符",
        "error.fact.order": "“{text}”不是订单号（只有数字；可在京东 APP 的“我的订单”里复制）",
        "error.fact.future_day": "“{text}”晚于今天（{today}）；请填过去的日期",
        "error.fact.day": "“{text}”不是日期；请写 2026-10-10，或用 10-10 表示最近的 10 月 10 日",
        "error.interrupted.saved": "已中断；{saved}",
        "error.interrupted.unsaved": "已中断；没有保存任何内容",
        "usage.try": "试试 {command} {option} 查看帮助。",
        "usage.error": "错误：{message}",
        "usage.no_such_option": "没有 {name} 这个选项",
        "usage.no_such_option.guess": "没有 {name} 这个选项，是不是 {guess}？",
        "usage.missing_value": "{name} 需要一个值",
        "usage.missing_argument": "缺少参数 {name}",
        "usage.extra": "多了参数 {args}",
        "usage.missing_command": "缺少命令",
        "usage.no_such_command": "没有 {name} 这个命令",
        "usage.no_such_command.guess": "没有 {name} 这个命令，是不是 {guess}？",
        "usage.invalid": "{name} 的值无效：{message}",
        "usage.invalid.worded": "{name}的值无效：{message}",
        "usage.names.sep": "/",
        "usage.guess.sep": "、",
        **{f"metavar.{name}": word for name, word in METAVARS.items()},
        "usage.other": "用法不对：{message}",
        "usage.not_one_of": "“{value}”不是可选值之一：{choices}",
        "usage.no_value": "{name} 后面不能带值",
        "error.stdin.failed": "无法从标准输入读取问题（{why}）",
        "error.known_scenarios.item": "{id}（{name}）",
        "error.known_lines.item": "{id}（{name} {number}）",
        "ask.option": "{text}",
        "ask.named": "{name}：{detail}",
        "ask.unsure.option": "{scenario}：{line} {number}",
        "error.cues.hint": "请修改这个文件，或去掉 --cues / JDHOTLINE_CUES 只用自带的识别词。",
    },
}
