"""Find the numbers a text states, in English or Chinese, and read each one by value.

The numbers rule compares an answer's numbers with its quotes' numbers by value, so "400
million", "4亿" and "400,000,000" are the same number, while "4亿5千万" is not. Recognised:

- digits with thousands separators and decimals ("372", "1,000", "55.27", "3.0"), optionally
  followed by a scale word ("400 million", "$55.27 million", "1.5bn");
- English number words ("eight", "thirty-two", "one hundred and five", "two million");
- month names next to a day or a year ("March 26-27" states 3, 26 and 27);
- Chinese numerals, alone or mixed with digits (八, 两, 十, 三十, 三百七十二, 二〇二四, 4亿,
  4亿5千万, 5527万).

Dates and ranges split into their parts: "2024-04-12" states 2024, 4 and 12.

Some words contain numerals without stating a number, and are deliberately skipped: web
addresses; a lone 一 (it mostly translates "a"/"an": 一家公司, 之一, 一起, 一流); bare 百, 千, 万
and 亿 (百姓, 千万, 万一); idioms such as 十分 and 五湖四海; "one" used as a pronoun ("no one",
"the one", "one another").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_URL = re.compile(
    r"(?i)\bhttps?://\S+|\bwww\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|org|net|gov|edu)\b\S*"
)
# What every address _URL finds contains; a text without it is not searched word by word.
_URL_HINT = re.compile(r"(?i)://|www\.|\.(?:cn|com|org|net|gov|edu)")

# Chinese words whose numerals state no number. Masked before anything is read.
_CHINESE_IDIOMS = (
    "十分",
    "万一",
    "一一",
    "千万不",
    "千万别",
    "千方百计",
    "五湖四海",
    "四面八方",
    "成千上万",
    "千家万户",
    "万众一心",
    "百分之百",
    "三思",
    "两岸",
    "两会",
    "五险一金",
    "十四五",
    "七上八下",
    "乱七八糟",
    "一五一十",
    "九州",
)

# Full-width digits read as digits. Only these: the text keeps its length, so offsets hold, and
# a full-width comma stays a Chinese comma instead of becoming a thousands separator.
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")

_CHINESE_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CHINESE_SMALL_UNITS: dict[str, int] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
}
_CHINESE_BIG_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8}
_CHINESE_CHARS = "".join([*_CHINESE_DIGITS, *_CHINESE_SMALL_UNITS, *_CHINESE_BIG_UNITS])
_CHINESE_RUN = re.compile(rf"(?:\d+(?:\.\d+)?|[{_CHINESE_CHARS}])+")
_CHINESE_TOKEN = re.compile(rf"\d+(?:\.\d+)?|[{_CHINESE_CHARS}]")
# "几十", "数百", "上千": an approximate count, not a number.
_VAGUE_BEFORE = "几数上成"

_SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
}
# A number starts at a digit that follows neither a digit nor "<digit>.". The first digit is
# matched before those two tests (as "not two digits", "not digit, dot, digit"), so that the
# search skips ahead to the next digit instead of testing every position of the text.
_DIGITS = re.compile(
    r"(?P<number>\d(?<!\d\d)(?<!\d\.\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))(?!\d)"
    r"(?:[\s-]?(?P<scale>(?i:hundred|thousand|million|billion|trillion|bn|mn|[km]))\b)?"
)

_UNIT_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS_WORDS: dict[str, int] = {
    word: 10 * (index + 2)
    for index, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_WORD_SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_NUMBER_WORDS = {**_UNIT_WORDS, **_TENS_WORDS, **_WORD_SCALES}
_WORD = re.compile(r"[A-Za-z]+")
# "one" is a pronoun after these words, and in these compounds.
_PRONOUN_ONE_BEFORE = frozenset(
    [
        "no",
        "any",
        "every",
        "some",
        "each",
        "the",
        "this",
        "that",
        "which",
        "a",
        "an",
        "little",
        "only",
        "such",
        "another",
    ]
)
_PRONOUN_ONE_AFTER = frozenset({"another", "stop", "off", "on", "size"})

_MONTHS: dict[str, int] = {
    name: index + 1
    for index, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    )
}
_MONTHS.update({name[:3]: value for name, value in list(_MONTHS.items())})
# Every month name starts with its three-letter form.
_MONTH_HINT = re.compile("|".join(name[:3] for name in _MONTHS))
_MONTH = re.compile(
    r"\b(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
    r"(?=\s+\d)|(?<=\d\s)(?P<after>" + "|".join(_MONTHS) + r")\b"
)

# Every number the readers below find starts at a digit (a month is read only next to one), at
# a Chinese numeral, or at a run of ASCII letters that is a unit or tens word ("hundred" alone
# starts none). A text holding none of them states no number, so it is not masked and read.
# _NUMBER_WORD finds such a run as _WORD reads words; its lookahead on the first letter only
# spares the search testing the other conditions at every character.
_STARTING_WORDS = sorted(_UNIT_WORDS.keys() | _TENS_WORDS.keys(), key=len, reverse=True)
_NUMBER_WORD = re.compile(
    "(?ai:(?=[" + "".join(sorted({word[0] for word in _STARTING_WORDS})) + "])(?<![a-z])"
    "(?:" + "|".join(_STARTING_WORDS) + ")(?![a-z]))"
)
_DIGIT = re.compile(r"\d")
_CHINESE_NUMERAL = re.compile(f"[{_CHINESE_CHARS}]")
_DIGIT_OR_NUMERAL = re.compile(rf"\d|[{_CHINESE_CHARS}]")
# An idiom can only be in a text that holds its first character.
_IDIOM_START = re.compile("[" + "".join(sorted({idiom[0] for idiom in _CHINESE_IDIOMS})) + "]")


@dataclass(frozen=True)
class NumberMention:
    """One number as a text writes it, with every value it can reasonably be read as."""

    text: str
    values: frozenset[Decimal]
    start: int
    end: int

    def describe(self) -> str:
        """The text as written, with its value when that reads differently: 4亿 (400000000)."""
        readings = " or ".join(format_value(v) for v in sorted(self.values))
        return self.text if readings == self.text else f"{self.text} ({readings})"


def format_value(value: Decimal) -> str:
    """A value in plain digits, without exponent or trailing zeros: 55270000, 55.27, 3."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def numbers_in(text: str) -> list[NumberMention]:
    """Every number ``text`` states, in order of appearance."""
    if not _DIGIT_OR_NUMERAL.search(text) and not _NUMBER_WORD.search(text):
        return []  # most texts: no digit, numeral or number word, so nothing to read
    return _read(text)


def _read(text: str) -> list[NumberMention]:
    if not text.isascii():  # an ASCII text holds no full-width digit
        text = text.translate(_FULL_WIDTH_DIGITS)
    masked = _mask(text)
    mentions: list[NumberMention] = []
    taken = [False] * len(masked)
    for finder in (_chinese_numbers, _digit_numbers, _word_numbers, _month_numbers):
        for mention in finder(masked):
            if any(taken[mention.start : mention.end]):
                continue
            for index in range(mention.start, mention.end):
                taken[index] = True
            mentions.append(
                NumberMention(
                    text[mention.start : mention.end], mention.values, mention.start, mention.end
                )
            )
    return sorted(mentions, key=lambda m: m.start)


def values_in(text: str) -> frozenset[Decimal]:
    """Every value of every number ``text`` states."""
    return frozenset(value for mention in numbers_in(text) for value in mention.values)


def _mask(text: str) -> str:
    """``text`` with addresses and numeral-bearing idioms blanked out, at the same offsets."""

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group(0))

    if _URL_HINT.search(text):
        text = _URL.sub(blank, text)
    if _IDIOM_START.search(text):
        for idiom in _CHINESE_IDIOMS:
            text = text.replace(idiom, " " * len(idiom))
    return text


def _mention(text: str, start: int, end: int, value: Decimal) -> NumberMention:
    return NumberMention(text[start:end], frozenset({value}), start, end)


def _chinese_numbers(text: str) -> list[NumberMention]:
    if not _CHINESE_NUMERAL.search(text):
        return []  # a run of digits alone is read by _digit_numbers
    mentions = []
    for match in _CHINESE_RUN.finditer(text):
        run = match.group(0)
        if not any(char in _CHINESE_CHARS for char in run):
            continue  # plain digits are read by _digit_numbers, with their separators
        bare_unit = all(c in _CHINESE_SMALL_UNITS or c in _CHINESE_BIG_UNITS for c in run)
        if run == "一" or (bare_unit and run not in ("十", "拾")):
            continue
        if match.start() > 0 and text[match.start() - 1] in _VAGUE_BEFORE:
            continue
        value = parse_chinese_number(run)
        if value is not None:
            mentions.append(_mention(text, match.start(), match.end(), value))
    return mentions


def parse_chinese_number(run: str) -> Decimal | None:
    """The value of a Chinese numeral, maybe mixed with digits: 三百七十二, 4亿5千万, 二〇二四."""
    tokens = _CHINESE_TOKEN.findall(run)
    if not tokens:
        return None
    has_unit = any(t in _CHINESE_SMALL_UNITS or t in _CHINESE_BIG_UNITS for t in tokens)
    if not has_unit:
        if len(tokens) == 1:
            return _digit_value(tokens[0])
        if all(t in _CHINESE_DIGITS for t in tokens):  # 二〇二四: read digit by digit
            return Decimal("".join(str(_CHINESE_DIGITS[t]) for t in tokens))
        return None
    total = Decimal(0)  # everything already multiplied by 万 or 亿
    section = Decimal(0)  # below 万, e.g. 五千 in 4亿5千万
    number: Decimal | None = None  # the digit(s) waiting for a unit
    for token in tokens:
        if token in _CHINESE_SMALL_UNITS:
            section += (number if number is not None else Decimal(1)) * _CHINESE_SMALL_UNITS[token]
            number = None
        elif token in _CHINESE_BIG_UNITS:
            amount = section + (number if number is not None else Decimal(0))
            if _CHINESE_BIG_UNITS[token] > 10**4:  # 亿 multiplies everything before it
                total = (total + amount) * _CHINESE_BIG_UNITS[token]
            else:
                total += (amount if amount else Decimal(1)) * _CHINESE_BIG_UNITS[token]
            section, number = Decimal(0), None
        else:
            digit = _digit_value(token)
            if digit is None:
                return None
            number = digit if number is None else number * 10 + digit
    return total + section + (number if number is not None else Decimal(0))


def _digit_value(token: str) -> Decimal | None:
    if token in _CHINESE_DIGITS:
        return Decimal(_CHINESE_DIGITS[token])
    try:
        return Decimal(token)
    except InvalidOperation:
        return None


def _digit_numbers(text: str) -> list[NumberMention]:
    mentions = []
    for match in _DIGITS.finditer(text):
        value = Decimal(match.group("number").replace(",", ""))
        scale = match.group("scale")
        end = match.end()
        if scale:
            # A lone "m" or "k" is a unit only right after the digits ("5m", "10k").
            if len(scale) <= 2 and match.end("number") != match.start("scale"):
                end = match.end("number")
            else:
                value *= _SCALES[scale.lower()]
        mentions.append(_mention(text, match.start(), end, value))
    return mentions


def _word_numbers(text: str) -> list[NumberMention]:
    if not _NUMBER_WORD.search(text):
        return []  # no word a run of number words can start with
    words = list(_WORD.finditer(text))
    mentions = []
    index = 0
    while index < len(words):
        run, following = _number_word_run(text, words, index)
        if not run:
            index += 1
            continue
        value = _words_value([w.group(0).lower() for w in run])
        if not _pronoun_one(words, index, len(run)):
            mentions.append(_mention(text, run[0].start(), run[-1].end(), value))
        index = following
    return mentions


def _number_word_run(
    text: str, words: list[re.Match[str]], index: int
) -> tuple[list[re.Match[str]], int]:
    """The number words starting at ``index`` ("thirty-two", "one hundred and five"), and the
    index of the first word after them."""
    if words[index].group(0).lower() not in _UNIT_WORDS.keys() | _TENS_WORDS.keys():
        return [], index + 1  # "hundred" or "million" alone is not a number here
    run = [words[index]]
    position = index + 1
    while position < len(words):
        gap = text[run[-1].end() : words[position].start()]
        word = words[position].group(0).lower()
        if gap.strip(" -") or len(gap) > 2:
            break
        if word == "and" and position + 1 < len(words):
            following = words[position + 1]
            after_and = text[words[position].end() : following.start()]
            if (
                following.group(0).lower() in _NUMBER_WORDS
                and run[-1].group(0).lower() in _WORD_SCALES
                and after_and == " "
            ):
                run.append(following)  # "one hundred and five"
                position += 2
                continue
            break
        if word not in _NUMBER_WORDS:
            break
        run.append(words[position])
        position += 1
    return run, position


def _words_value(words: list[str]) -> Decimal:
    total = 0
    current = 0
    for word in words:
        if word in _UNIT_WORDS or word in _TENS_WORDS:
            current += _UNIT_WORDS.get(word, 0) + _TENS_WORDS.get(word, 0)
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _WORD_SCALES:
            total += (current or 1) * _WORD_SCALES[word]
            current = 0
    return Decimal(total + current)


def _pronoun_one(words: list[re.Match[str]], index: int, length: int) -> bool:
    if length != 1 or words[index].group(0).lower() != "one":
        return False
    before = words[index - 1].group(0).lower() if index > 0 else ""
    after = words[index + 1].group(0).lower() if index + 1 < len(words) else ""
    return before in _PRONOUN_ONE_BEFORE or after in _PRONOUN_ONE_AFTER


def _month_numbers(text: str) -> list[NumberMention]:
    if not _MONTH_HINT.search(text) or not _DIGIT.search(text):
        return []  # a month is read only next to a day or a year
    mentions = []
    for match in _MONTH.finditer(text):
        name = match.group("month") or match.group("after")
        start, end = match.span("month") if match.group("month") else match.span("after")
        mentions.append(_mention(text, start, end, Decimal(_MONTHS[name])))
    return mentions
