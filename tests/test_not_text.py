"""A problem that is bytes, not words, is refused in one line (its letters used to find
cues, `tv`, and get a confident answer); Chinese written in GBK is read as GBK instead
of being refused."""

import os
import random
import subprocess
import sys

import pytest

from jdhotline.errors import EXIT_USAGE
from jdhotline.inputs import as_chinese, looks_binary

AT = ["--at", "2026-12-07T10:00"]


def _which(stdin: bytes, lang: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "jdhotline", "which", "-", *AT, "--lang", lang],
        input=stdin, capture_output=True, env=env, timeout=60,
    )  # fmt: skip


def test_random_bytes_are_refused_in_words() -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(300))
    result = _which(noise, "zh")
    assert result.returncode == EXIT_USAGE and not result.stdout
    assert result.stderr.decode().strip() == (
        "jdhotline: 问题内容不像文字（像是文件里的二进制数据）；请用几句话说说遇到了什么，例如“冰箱不制冷”。"
    )


def test_gbk_chinese_is_read_as_chinese() -> None:
    result = _which("冰箱不制冷，型号 BCD-500".encode("gbk"), "zh")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("拨打 400-610-1360")
    assert not result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "冰箱不制冷",
        "fridge not cooling\tmodel BCD-500\r\n",
        "订单号 123，还没到！",
        "a\x1bb",
        "冰箱不制冷\x1b]0;title\x07\x1b[31m红字\x1b[0m",
    ],
)
def test_words_are_words(text: str) -> None:
    assert not looks_binary(text)


def test_seeds_of_noise_are_all_bytes() -> None:
    rng = random.Random(11)
    for _ in range(200):
        raw = bytes(rng.randrange(1, 256) for _ in range(rng.randrange(40, 400)))
        text = raw.decode("utf-8", "surrogateescape")
        assert looks_binary(text), raw[:40]
        assert as_chinese(text) is None, raw[:40]


def test_gbk_needs_chinese() -> None:
    assert as_chinese("冰箱".encode("gbk").decode("utf-8", "surrogateescape")) == "冰箱"
    latin = "café crème".encode("latin-1").decode("utf-8", "surrogateescape")
    assert as_chinese(latin) is None


def test_gbk_with_ascii_in_it_is_read_as_chinese() -> None:
    """Below the bytes-not-words threshold (review, finding 1): still read as GBK."""
    result = _which("我的京东 PLUS 会员 order 3123456789 冰箱坏了".encode("gbk"), "zh")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("拨打 400-")


def test_big5_is_read_for_traditional_chinese() -> None:
    result = _which("冰箱不製冷，型號 BCD-500".encode("big5"), "zh-Hant")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("撥打 400-610-1360")


def test_korean_bytes_are_never_read_as_chinese_in_english() -> None:
    """GBK reads EUC-KR as Han characters (review, finding 2): only a Chinese run tries."""
    result = _which("냉장고가 고장났어요 환불해주세요".encode("euc-kr"), "en")
    assert result.returncode == EXIT_USAGE and not result.stdout


def test_only_the_start_is_judged_and_replacement_marks_are_words() -> None:
    assert not looks_binary("冰箱不制冷。" * 1000 + "\x00\x01\x02" * 1000)
    assert not looks_binary("订单乱码\ufffd\ufffd\ufffd")
