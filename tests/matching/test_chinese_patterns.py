"""The Chinese patterns the matcher skips on English text each need a Chinese character.

``Matcher.query_units`` tries these only when the question holds a non-ASCII character; a
pattern that could match ASCII text alone would then be skipped wrongly. The check walks each
pattern's parse tree: every way through it must consume at least one non-ASCII character.
"""

from __future__ import annotations

import re
import re._constants as constants  # the standard library's own regex parser
import re._parser as parser
from typing import Any

import pytest

from bot.matching import matcher, words

SKIPPED_ON_ENGLISH = (
    words.LOCATION_CHINESE,
    words.LIST_REQUEST_CHINESE,
    words.WHO_CHINESE,
    words.FUTURE_CHINESE,
    words.HOW_TO_CHINESE,
    words.PRICE_CHINESE,
    words.OPINION_CHINESE,
    words.CLOSE_ONES_BENEFITS,
    words.BENEFIT_CHINESE,
    words.COUNT_CHINESE,
    words.WHEN_CHINESE,
    words.PER_ITEM_CHINESE,
    matcher._CAME_TO_THE_PLACE,
)


def _set_is_non_ascii(members: list[tuple[Any, Any]]) -> bool:
    for op, value in members:
        if op is constants.LITERAL and value <= 127:
            return False
        if op is constants.RANGE and value[0] <= 127:
            return False
        if op in (constants.CATEGORY, constants.NEGATE):
            return False
    return True


def _needs_non_ascii(items: list[tuple[Any, Any]]) -> bool:
    """Whether every match of this sequence consumes a non-ASCII character."""
    for op, value in items:
        if op is constants.LITERAL and value > 127:
            return True
        if op is constants.IN and _set_is_non_ascii(value):
            return True
        if op is constants.SUBPATTERN and _needs_non_ascii(list(value[-1])):
            return True
        if op is constants.BRANCH and all(_needs_non_ascii(list(b)) for b in value[1]):
            return True
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            least, _, sub = value
            if least >= 1 and _needs_non_ascii(list(sub)):
                return True
    return False


@pytest.mark.parametrize("pattern", SKIPPED_ON_ENGLISH, ids=lambda p: p.pattern[:30])
def test_pattern_needs_a_chinese_character(pattern: re.Pattern[str]) -> None:
    assert _needs_non_ascii(list(parser.parse(pattern.pattern, pattern.flags)))


def test_the_check_finds_a_pattern_english_can_match() -> None:
    mixed = re.compile("哪里|where")
    assert not _needs_non_ascii(list(parser.parse(mixed.pattern, mixed.flags)))
