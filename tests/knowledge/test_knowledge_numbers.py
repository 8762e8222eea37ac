"""Number extraction: English and Chinese forms, read by value."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge import numbers
from bot.knowledge.numbers import format_value, numbers_in, parse_chinese_number, values_in


def read(text: str) -> list[tuple[str, set[Decimal]]]:
    return [(m.text, set(m.values)) for m in numbers_in(text)]


def values(*numbers: int | str) -> set[Decimal]:
    return {Decimal(str(n)) for n in numbers}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("supported 372 projects", [("372", values(372))]),
        ("over 1,000 people", [("1,000", values(1000))]),
        ("$55.27 million", [("55.27 million", values(55_270_000))]),
        ("nearly 400 million yuan", [("400 million", values(400_000_000))]),
        ("policy 3.0", [("3.0", values(3))]),
        (
            "1.5bn and 10k and 5m",
            [("1.5bn", values(1_500_000_000)), ("10k", values(10_000)), ("5m", values(5_000_000))],
        ),
        ("eight have become, five are seeking", [("eight", values(8)), ("five", values(5))]),
        ("thirty-two and ninety", [("thirty-two", values(32)), ("ninety", values(90))]),
        ("one hundred and five", [("one hundred and five", values(105))]),
        ("two million", [("two million", values(2_000_000))]),
        ("a 400-million-yuan fund", [("400-million", values(400_000_000))]),
        ("5 m tall", [("5", values(5))]),
        ("ten key chains", [("ten", values(10))]),
        ("one of the talent projects", [("one", values(1))]),
        ("held from March 26-27", [("March", values(3)), ("26", values(26)), ("27", values(27))]),
        ("Updated: 2024-04-12", [("2024", values(2024)), ("04", values(4)), ("12", values(12))]),
        ("the 10th and 3rd", [("10", values(10)), ("3", values(3))]),
    ],
)
def test_english_forms(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no one knows",
        "the one you want",
        "help one another",
        "a one-stop service",
        "May I ask something?",
        "hundreds of projects",
        "see http://en.nantong.gov.cn/2024-04/12/c_979217.htm for more",
        "often, tenfold, someone, anyone",
    ],
)
def test_english_words_that_state_no_number(text):
    assert numbers_in(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("八家", 8),
        ("两位", 2),
        ("十大产业链", 10),
        ("三十多位专家", 30),
        ("三百七十二个项目", 372),
        ("一百零五", 105),
        ("二〇二四年", 2024),
        ("4亿元", 400_000_000),
        ("4亿5千万", 450_000_000),
        ("5527万美元", 55_270_000),
        ("55.27百万", 55_270_000),
        ("1万亿", 10**12),
        ("十五", 15),
        ("九十多个国家", 90),
        ("３７２个", 372),
    ],
)
def test_chinese_forms(text, value):
    assert values_in(text) == values(value)


def test_chinese_text_splits_at_its_punctuation():
    text = "在获支持的372个项目中，72家实现量产，42家，8家，5家正在谋求上市。"

    assert [m.text for m in numbers_in(text)] == ["372", "72", "42", "8", "5"]


def test_a_chinese_date():
    assert [m.text for m in numbers_in("2024年3月26日至27日")] == ["2024", "3", "26", "27"]


@pytest.mark.parametrize(
    "text",
    [
        "艾罗能源是一家领先的储能系统提供商",
        "是2012年引进的人才项目之一",
        "通州十分重视人才",
        "万一",
        "百姓",
        "千方百计引进人才",
        "来自五湖四海的人才",
        "几十个项目",
        "一起探讨合作",
        "进一步扩大服务",
    ],
)
def test_chinese_words_that_state_no_number(text):
    assert {m.text for m in numbers_in(text)} <= {"2012"}


def test_a_quote_backs_an_answer_by_value_not_by_spelling():
    quoted = values_in("nearly 400 million yuan ($55.27 million)")

    assert values_in("近4亿元") <= quoted
    assert values_in("400 million") <= quoted
    assert values_in("5527万美元") <= quoted
    assert not values_in("4亿5千万") & quoted
    assert not values_in("450 million") & quoted


def test_describe_shows_the_value_when_it_reads_differently():
    (yi,) = numbers_in("4.5亿")
    (plain,) = numbers_in("373")

    assert yi.describe() == "4.5亿 (450000000)"
    assert plain.describe() == "373"


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("55270000.00"), "55270000"), (Decimal("55.270"), "55.27"), (Decimal("3.0"), "3")],
)
def test_format_value(value, text):
    assert format_value(value) == text


# --- properties ---------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """Standard Chinese numeral for 0 <= number < 10**12, written independently of the parser."""
    if number == 0:
        return "零"

    def below_10000(n: int) -> str:
        out = ""
        zero = False
        for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = n // unit_value % 10
            if digit:
                if zero and out:
                    out += "零"
                out += _DIGITS[digit] + unit
                zero = False
            else:
                zero = True
        return out

    parts = [(number // 10**8, "亿"), (number // 10**4 % 10**4, "万"), (number % 10**4, "")]
    out = ""
    for part, unit in parts:
        if part:
            if out and part < 1000:
                out += "零"
            out += below_10000(part) + unit
    return out.removeprefix("零")


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_every_chinese_numeral_reads_back_as_its_value(number):
    assert parse_chinese_number(chinese_numeral(number)) == number


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_separators_read_back(number):
    assert values_in(f"about {number:,} yuan") == {Decimal(number)}


@given(st.integers(min_value=2, max_value=9999), st.sampled_from(["万", "亿"]))
def test_digits_with_a_chinese_scale(number, scale):
    multiplier = 10**4 if scale == "万" else 10**8

    assert values_in(f"共{number}{scale}元") == {Decimal(number * multiplier)}


@given(st.text())
def test_any_text_is_read_without_raising(text):
    for mention in numbers_in(text):
        assert mention.values
        assert 0 <= mention.start < mention.end <= len(text)


# --- the quick paths read what a full reading reads -------------------------------------

# Pieces that start, end, hide or only look like numbers, in both scripts, mixed at random.
_PIECES = [
    *["one", "ONE", "oNe", "twenty", "seventeen", "hundred", "and", "million", "no", "the"],
    *["someone", "often", "tenfold", "_one", "ſix", "\u212aone", "é", "x", " ", "-", "\n", "\t"],
    *["3", "12", "1,000", "4.5", ".", ",", "٣", "３", "．", "5 m", "10k", "1.5bn", "$"],
    *["March", "Mar", "May", "Sept", "Dec.", "年", "月", "日"],
    *["一", "二", "两", "十", "百", "万", "亿", "〇", "几", "十分", "五湖四海", "一五一十", "区"],
    *["www.", ".cn", ".COM", "http://", "https://a.b/", "/"],
]
_MIXED = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)
# The expression _DIGITS replaced: the same, tested at every character instead of at digits.
_DIGITS_AT_EVERY_CHARACTER = re.compile(
    r"(?<!\d)(?<!\d\.)(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)"
    r"(?:[\s-]?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|[km])\b)?",
    re.IGNORECASE,
)


@settings(max_examples=2000)
@given(_MIXED)
def test_a_text_passed_over_states_no_number(text):
    assert numbers_in(text) == numbers._read(text)


@settings(max_examples=2000)
@given(_MIXED)
def test_what_each_reader_looks_for_first_is_in_everything_it_reads(text):
    if numbers._URL.search(text):
        assert numbers._URL_HINT.search(text)
    if numbers._MONTH.search(text):
        assert numbers._MONTH_HINT.search(text)
    if any(idiom in text for idiom in numbers._CHINESE_IDIOMS):
        assert numbers._IDIOM_START.search(text)
    starts = [w.group(0).lower() in numbers._STARTING_WORDS for w in numbers._WORD.finditer(text)]
    assert bool(numbers._NUMBER_WORD.search(text)) == any(starts)


@settings(max_examples=2000)
@given(_MIXED)
def test_digits_are_found_as_when_every_character_was_tested(text):
    def found(expression: re.Pattern[str]) -> list[tuple[object, ...]]:
        return [
            (m.span(), m.span("number"), m.span("scale"), m.group("scale"))
            for m in expression.finditer(text)
        ]

    assert found(numbers._DIGITS) == found(_DIGITS_AT_EVERY_CHARACTER)
