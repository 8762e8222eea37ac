from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bot.matching.analysis import SynonymMap, analyse, raw_tokens
from bot.matching.normalise import RAW_INPUT_LIMIT, detect_language, normalise
from bot.matching.words import stem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What is Talent New Policy 3.0?", "what is talent new policy 3.0"),
        ("ＷＨＥＲＥ　ｉｓ　Ｔｏｎｇｚｈｏｕ？", "where is tongzhou"),  # full-width forms
        ("通州區人才新政資助是什麼？", "通州区人才新政资助是什么"),  # Traditional -> Simplified
        ("tal\u200bent\u200d hub\ufeff", "talent hub"),  # zero-width characters vanish
        ("bell\x07 and\x00 tab\tnew\nline", "bell and tab new line"),  # control characters
        ("<b>talent</b> <a href='x'>hubs</a>", "talent hubs"),  # HTML tags
        ("tongzhou&nbsp;talent &amp; R&D", "tongzhou talent r d"),  # HTML character references
        ("通州&#20154;&#x624D;", "通州人才"),  # ... numeric ones too
        ("&lt;b&gt;hubs&lt;/b&gt;", "hubs"),  # an escaped tag is still a tag
        ("policies&regulations, R&D&not", "policies regulations r d not"),  # no ";": as typed
        ("😀🎉 funding!!! 💰", "funding"),  # emoji
        ("Tongzhou's policy, don’t", "tongzhou policy dont"),  # possessives, apostrophes
        ("$55.27 million, 3..0, 26-27", "55.27 million 3 0 26 27"),  # only digit dots stay
        ("  many    spaces  ", "many spaces"),
        ("", ""),
        ("?", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalise_bounds_the_work_on_huge_input() -> None:
    assert len(normalise("talent " * 10_000)) <= RAW_INPUT_LIMIT


@given(st.text())
@example("薴")  # converted to Simplified twice: 薴 to 苧 to 苎
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_normalise_output_has_only_letters_digits_single_spaces_and_digit_dots(text: str) -> None:
    result = normalise(text)
    assert result == result.strip()
    assert "  " not in result
    for position, char in enumerate(result):
        if char == ".":
            assert result[position - 1].isdigit()
            assert result[position + 1].isdigit()
        elif char != " ":
            assert unicodedata.category(char)[0] in "LN", repr(char)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("where is tongzhou", "en"),
        ("通州在哪里", "zh"),
        ("tongzhou是南通的吗", "zh"),  # Chinese grammar with one English word
        ("what is the 人才新政 and when was it launched exactly", "en"),  # a Chinese term
        ("policy 3.0是什么", "zh"),
        ("", "en"),
        ("12345 !!!", "en"),
    ],
)
def test_detect_language_from_the_script(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_detect_language_uses_the_default_without_letters() -> None:
    assert detect_language("2024?", default="zh") == "zh"


def test_tokens_split_chinese_by_character_and_numbers_from_words() -> None:
    assert raw_tokens("policy3.0是什么") == ["policy", "3.0", "是", "什", "么"]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("operate", "operations"),
        ("enterprise", "enterprises"),
        ("subsidiary", "subsidiaries"),
        ("launch", "launched"),
        ("host", "hosting"),
    ],
)
def test_stem_conflates_inflections(left: str, right: str) -> None:
    assert stem(left) == stem(right)


def test_stem_leaves_numbers_and_chinese_alone() -> None:
    assert [stem(w) for w in ("3.0", "2012", "人才", "basis")] == ["3.0", "2012", "人才", "basis"]


SYNONYMS = SynonymMap(
    [
        ("phd", "doctoral", "博士"),
        ("startup", "start up", "start-ups", "初创企业"),
        ("go public", "ipo", "上市"),
    ]
)


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("doctoral talent", "phd"),
        ("海外博士", "phd"),
        ("how many start ups", "startup"),
        ("Start-ups?", "startup"),
        ("初创企业有多少", "startup"),
        ("will they go public", "go_public"),
        ("准备上市", "go_public"),
    ],
)
def test_synonyms_map_both_languages_to_one_canonical_token(text: str, token: str) -> None:
    assert token in analyse(text, SYNONYMS).tokens


def test_synonyms_take_the_longest_phrase_and_respect_word_boundaries() -> None:
    tokens = analyse("start up a startups gopublic", SYNONYMS).tokens
    assert tokens.count("startup") == 2
    assert "go_public" not in tokens  # "gopublic" is one unknown word, not the phrase


def test_units_are_content_words_and_chinese_bigrams() -> None:
    analysed = analyse("What is the 人才新政?", SynonymMap([]))
    assert analysed.units() == {"人才", "才新", "新政"}
    assert analysed.text == "what is the 人才新政"
