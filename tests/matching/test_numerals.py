"""Chinese numerals that count something are read as digits; other uses of the characters stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.faq import FaqEngine
from bot.matching.numerals import numerals_as_digits


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("超过三十家对吧", "超过30家对吧"),
        ("三百七十二个项目", "372个项目"),
        ("近四亿元", "近4亿元"),
        ("十条产业链", "10条产业链"),
        ("二十条", "20条"),
        ("三月二十六日", "3月26日"),
        ("十一月", "11月"),
        ("一百个", "100个"),
        ("办了两天", "办了2天"),
    ],
)
def test_counting_numerals_become_digits(typed: str, read: str) -> None:
    assert numerals_as_digits(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "一个问题",  # a lone 一 is mostly "a"
        "几十条",  # "some tens", not 10
        "第三届",  # an ordinal
        "哪两天",  # "which two days" asks when
        "十分重要",  # "very", not a count
        "三三个",  # not a numeral
        "三亚",  # a place
        "这两天",  # "these days"
        "第二十届",  # an ordinal, however long
    ],
)
def test_other_uses_of_the_characters_are_left_alone(text: str) -> None:
    assert numerals_as_digits(text) == text


@given(st.text(alphabet="零一二两三四五六七八九十百千家个几第哪分", max_size=12))
def test_any_mix_of_numeral_characters_reads_without_error(text: str) -> None:
    read = numerals_as_digits(text)
    assert numerals_as_digits(read) == read


def test_a_count_in_chinese_numerals_meets_the_answers_digits(shipped: FaqEngine) -> None:
    assert shipped.matcher.match("AlphaESS子公司超过三十家对吧").entry_id == "alphaess-global-reach"
