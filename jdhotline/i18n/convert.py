"""Simplified to Traditional Chinese at run time, for what was not converted at build
time (scripts/zh_hant.py): the Chinese of a user's own --catalog, in a zh-Hant answer.

OpenCC (the `opencc` package) with the build's s2tw configuration and the build's fixes,
so a user's catalogue reads like the shipped one. Imported only when such a text is met:
113–220 ms on this project's machine (docs/languages.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

CONFIG = "s2tw"
# What a Traditional Chinese reader (Taiwan, Hong Kong, Macau) found wrong in s2tw's
# output: corner quotes, and the computer words that read as the mainland's in both
# Taiwan and Hong Kong. Words that differ between Taiwan and Hong Kong (軟件/軟體,
# 網絡/網路, 短信/簡訊) stay as s2tw writes them, and so do the words a buyer says to
# a JD agent (屏幕黑屏, 短信通知). Applied longest first.
FIXES = {
    "\u201c": "\u300c",  # “ → 「
    "\u201d": "\u300d",  # ” → 」
    "周一": "週一", "周二": "週二", "周三": "週三", "周四": "週四", "周五": "週五",
    "周六": "週六", "周日": "週日",
    "數據文件": "資料檔案",
    "文件夾": "資料夾",
    "文件": "檔案",
    "默認": "預設",
    "鏈接": "連結",
    "視頻": "影片",
    "登錄": "登入",
    "賬號": "帳號",
    "賬戶": "帳戶",
    "菜單": "選單",
    "服務器": "伺服器",
    "程序": "程式",
    "你的信息": "你的資料",  # your details, not your news
    "信息": "資訊",
}  # fmt: skip


@cache
def _opencc() -> Any:
    import opencc

    return opencc.OpenCC(CONFIG)


@cache
def traditional(text: str) -> str:
    converted = _opencc().convert(text)
    for simplified in sorted(FIXES, key=len, reverse=True):
        converted = converted.replace(simplified, FIXES[simplified])
    return converted
