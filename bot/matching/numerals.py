"""Chinese numerals read as digits, so "三十多家子公司" meets the knowledge base's "30多家子公司".

The knowledge base writes counts and dates in digits (372个, 4亿, 3月26日), as the article does;
people type them either way. Only a numeral that counts something, just before a measure word
or a unit (家, 个, 条, 亿, 月 ...), is rewritten, and never a lone 一, which is mostly "a"
(一个问题, 一家公司), nor one after 几 ("几十家" is "some tens", not 10).
"""

from __future__ import annotations

import re

_DIGITS = dict(zip("零一二三四五六七八九", range(10), strict=True)) | {"两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = re.compile(
    "(?<![几数好上第哪这那零一二两三四五六七八九十百千])[零一二两三四五六七八九十百千]+(?=[家个条位项名所座亿万多余年月日号次届天人])"
)


def _value(numeral: str) -> int:
    """三百七十二 -> 372, 十 -> 10, 二十 -> 20."""
    total = digit = 0
    for character in numeral:
        if character in _DIGITS:
            digit = _DIGITS[character]
        else:
            total += (digit or 1) * _UNITS[character]
            digit = 0
    return total + digit


def _as_digits(found: re.Match[str]) -> str:
    numeral = found.group()
    if numeral == "一" or not _well_formed(numeral):
        return numeral
    return str(_value(numeral))


def _well_formed(numeral: str) -> bool:
    """A numeral with its units in falling order and one digit before each ("三三" is not one)."""
    last_unit = 10_000
    after_digit = False
    for character in numeral:
        if character in _UNITS:
            if _UNITS[character] >= last_unit:
                return False
            last_unit, after_digit = _UNITS[character], False
        elif after_digit:
            return False
        else:
            after_digit = True
    return True


def numerals_as_digits(text: str) -> str:
    """``text`` with each Chinese numeral that counts something written in digits."""
    return _NUMERAL.sub(_as_digits, text)
