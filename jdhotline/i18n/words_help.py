"""The words of --help in Chinese: one table, so a reader can check all of it at once.

The English help is the commands' own (their docstrings and `help=`, which Typer
reads); this table is its Chinese, looked up by command and parameter name when
Chinese help is shown (help_zh.py); the placeholders' words (METAVARS) are in
words_errors.py, which usage errors read too. Written like words.py, with Chinese
punctuation at the source.
"""

from __future__ import annotations

# Each command by its path: (the line in its parent's list, the description).
COMMANDS: dict[str, tuple[str, str]] = {
    "": (
        "",
        "该打京东哪条客服热线、什么时候打、要准备什么。\n\n所有时间都是北京时间，与本机的时区无关。",
    ),
    "which": (
        "该拨哪个号码、现在能否接通、什么时候打",
        "你的问题该拨哪个号码、现在能否接通、什么时候打。",
    ),
    "table": (
        "全部热线一览",
        "全部热线一览：号码、适用人群、适用场景、服务时间、避峰时段、在线入口、当前状态。",
    ),
    "open": (
        "热线现在能否接通",
        "热线现在能否接通？只查一条热线时，退出码 0 表示能接通，1 表示现在不开放。",
    ),
    "check": (
        "这个号码是不是京东的热线",
        "这个号码是不是京东的热线？给出的号码都是时，退出码 0；有不是的，退出码 1。",
    ),
    "scenarios": ("场景编号一览", "全部场景的编号、名称和关键词示例。"),
    "calendar": (
        "各年份工作日数据的来源",
        "哪些年份的工作日已核实、仅计法定节假日或只是推算，以及各自的来源。",
    ),
    "prep": (
        "通话准备单",
        "一页通话准备单：打哪条热线、什么时候打、怎么说、还缺什么。",
    ),
    "completion": (
        "输出终端的命令补全脚本",
        '输出某种终端的命令补全脚本，例如 eval "$(jdhotline completion zsh)"。\n\n'
        "--show-completion 不用写终端类型：它输出当前所用终端的脚本。",
    ),
    "serve": (
        "在手机或浏览器里打开的查询网页",
        "在手机或浏览器里打开的查询网页，另有供程序调用的数据接口。",
    ),
    "case": (
        "记下通话和客服的承诺",
        "记下每次通话和客服的承诺（保存在本机）。",
    ),
    "case add": (
        "记下一次通话",
        "记下一次通话：热线、订单号、客服工号、服务单号和承诺的时限。",
    ),
    "case log": (
        "在记录中再添一次通话",
        "在记录中再添一次通话（每次通话都记入它的通话记录）。",
    ),
    "case close": (
        "结案，写下结果",
        "结案，并写下结果（已结案的记录不能再结案，结果不会被覆盖）。",
    ),
    "case reopen": (
        "重新打开已结案的记录",
        "重新打开已结案的记录；它的通话记录和结果都保留。",
    ),
    "case list": (
        "跟进中的记录",
        "跟进中的记录（加 --all 列出全部）：热线、订单号、承诺时限、超时多久。",
    ),
    "case show": ("查看一条记录", "查看一条记录和它的全部通话记录。"),
    "case export": (
        "导出全部记录，或把承诺导出为日历",
        "导出全部记录和通话记录（投诉时用），或把承诺的时限导出为日历。",
    ),
    "case followup": (
        "催办：打哪条热线、怎么说",
        "承诺没兑现时去催办：打哪条热线、什么时候打、怎么说。",
    ),
}

_CALL_AT = (
    "这通电话是什么时候打的，例如 2026-11-27T20:00（不带时区即北京时间）、"
    "2026-11-27T12:00Z，或 20:00（今天）。默认：现在。"
)

# Each parameter by its name (Python's, as Click names it); "command:name" where the
# same name means something else in that command.
PARAMS: dict[str, str] = {
    "help": "显示本帮助并退出。",
    "version": "显示版本号。",
    "install_completion": "为当前终端安装命令补全。",
    "show_completion": "显示当前终端的命令补全脚本，可复制，或自行安装。",
    "problem": "遇到的问题，中文或英文都行，例如“冰箱不制冷”（写 - 则从标准输入读）。",
    "plus": "你是 PLUS 会员。",
    "merchant": "你是京东商家。",
    "scenario": "场景编号（见 jdhotline scenarios）。",
    "full": "完整回答：为什么是这条热线、通话时怎么做、其他热线、出处。",
    "at": "按哪个时刻回答，例如 2026-11-27T20:00（不带时区即北京时间）、"
    "2026-11-27T12:00Z，或 20:00（今天）。默认：现在。",
    "case add:at": _CALL_AT,
    "case log:at": _CALL_AT,
    "case close:at": "什么时候结案的，例如 2026-11-27T20:00（不带时区即北京时间）、"
    "2026-11-27T12:00Z，或 20:00（今天）。默认：现在。",
    "case reopen:at": "什么时候重新打开的，例如 2026-11-27T20:00（不带时区即北京时间）、"
    "2026-11-27T12:00Z，或 20:00（今天）。默认：现在。",
    "fmt": "输出格式。",
    "qr": "同时打印号码的二维码，手机相机一扫就能拨打。",
    "host": "监听的地址。",
    "port": "端口，写 0 则任选一个空闲端口。",
    "lan": "监听本机的局域网地址，并打印网页地址和它的二维码，供同一网络的手机打开。",
    "lang": "回答的语言（zh-Hant 为繁体中文）。默认按 JDHOTLINE_LANG，其次按系统语言"
    "（zh_TW、zh_HK、zh_MO 为繁体，其他 zh 开头为中文），否则英文。",
    "catalog": "用你自己的热线数据文件（YAML）代替自带的。",
    "open:line": "热线编号（regular、plus、appliance、merchant）或号码；默认：全部热线。",
    "number": "电话号码，照你手上的写法即可：400-656-0055、+86 400 656 0055，或号码所在的短信、"
    "句子。",
    "check:full": "每个出处写全：标题、日期、网址。",
    "order": "订单号。",
    "phone": "收货手机尾号（后 4 位），没有订单号时用。",
    "shop": "你的店铺 ID（商家用）。",
    "ordered": "下单日期：2026-10-10 或 10-10。",
    "model": "型号，例如 BCD-500WTPZM。",
    "bought": "购买日期。",
    "fault": "出了什么问题，用一句话说。",
    "want": "你想要的结果。",
    "evidence": "你有的证据（可以写多次）。",
    "shell": "bash、zsh 或 fish。",
    "case_id": "记录编号。",
    "case add:line": "你拨打的热线。",
    "agent": "客服工号。",
    "ticket": "服务单号。",
    "promise": "承诺的时限，照客服的原话写：24h、24小时内回电、3个工作日内、明天、1-3天、12-10、"
    "2026-12-10 或 2026-12-10T18:00。",
    "note": "通话中说了什么。",
    "outcome": "处理结果。",
    "all_": "也列出已结案的记录。",
    "case export:fmt": "json 或 csv（供脚本读取）：全部记录和通话记录；"
    "xlsx：同样的内容，供表格软件打开，表头用所选语言，工号和订单号保持原样；"
    "ics：每条跟进中的记录，在承诺时限生成一个日历事件。",
    "cues": "你自己的识别词文件（YAML）：匹配问题用的词和正则，加在自带的之上。",
    "explain": "同时说明问题是怎么读的：找到的每个识别词、它的权重、匹配的各个步骤和结论。",
}

# What Typer adds after a parameter's help ("[default: text]"), and the section titles.
EXTRAS = {"default": "默认：{value}", "env var": "环境变量：{value}", "required": "必填"}
HEADINGS = {"Usage": "用法", "Arguments": "参数", "Options": "选项", "Commands": "命令"}


def tables(lang: str) -> dict[str, dict]:
    """The help's words in ``lang``: these (Simplified), or a language file's "help"
    (zh-Hant's, converted from these by scripts/zh_hant.py)."""
    if lang in WRITTEN:
        return {"commands": COMMANDS, "params": PARAMS, "extras": EXTRAS, "headings": HEADINGS}
    from .words import language_file

    found: dict[str, dict] = language_file(lang)["help"]
    return found


WRITTEN = ("zh",)  # the language these tables are written in
