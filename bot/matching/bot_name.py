"""The bot called by name: "hiya talent bot", "hello tongzhou helper", 通州小助手.

Askers address the bot by what its name seems to be: the place and "talent" before "bot", the
place before "helper" or "assistant", 通州 (and 人才) before 小助手, 机器人 and the like. Those
words then name no subject: ``words_naming_the_bot`` gives them to the matcher, which sets them
aside, and ``the_bot_as_you`` reads the name as "you" for small talk, as it reads "this bot":
"what is tongzhou helper" asks what "what are you" asks, and 通州小助手是什么 what 你是什么 asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_BOT_NAMES = frozenset(("talent", "tongzhou", "faq"))
# What the bot may be called after its name: a "tongzhou helper" or "tongzhou assistant" is the
# bot only with the place in its name ("a talent assistant" may be a job), and only when
# addressed: "does alphaess have a tongzhou helper" asks about a person the sources never name.
_CALLED = frozenset(("helper", "assistant"))
_DETERMINERS = frozenset(
    str.split("a an the any which what whose this that these those my your our their some each")
)
# 通州小助手, 通州人才机器人: the place (and talent) naming the bot.
_TITLES_CHINESE = ("小助手", "小助理", "小帮手", "机器人", "助手", "助理")
_BOT_NAMED_CHINESE = re.compile(f"通州(人才)?(?:{'|'.join(_TITLES_CHINESE)})")
_TITLE_STARTS = frozenset(title[0] for title in _TITLES_CHINESE)
_ENGLISH_MARKERS = frozenset(("bot", *_CALLED))
# "this bot" and "the bot" are "you" to small talk; so is "the tongzhou talent bot".
_POINTING = ("this", "the")


def _english_names(words: Sequence[str]) -> list[tuple[int, int]]:
    """Where each English name of the bot is: (first word, the word "bot", "helper" or
    "assistant"), up to two name words before "bot" ("tongzhou bot" and "bot" alone)."""
    found: list[tuple[int, int]] = []
    for position, word in enumerate(words):
        if word != "bot" and word not in _CALLED:
            continue
        start = position
        while start > 0 and position - start < 2 and words[start - 1] in _BOT_NAMES:
            start -= 1
        if word in _CALLED and (
            "tongzhou" not in words[start:position]
            or (start > 0 and words[start - 1] in _DETERMINERS)
        ):
            continue
        found.append((start, position))
    return found


def words_naming_the_bot(surface: tuple[str, ...]) -> list[str]:
    """The words of the bot's name, not a subject: "hiya talent bot", "tongzhou bot, u awake",
    "morning tongzhou talent bot" (up to two words just before "bot"); "hello tongzhou helper"
    (the place, then "helper" or "assistant", which are words of the name too); in Chinese,
    the words read for 通州 and 人才 in 通州小助手."""
    names: list[str] = []
    for start, end in _english_names(surface):
        names += reversed(surface[start:end])
        if surface[end] in _CALLED:
            names.append(surface[end])
    typed = "".join(surface)
    if not typed.isascii():
        for found in _BOT_NAMED_CHINESE.finditer(typed):
            names += ["tongzhou", "talent"] if found.group(1) else ["tongzhou"]
    return names


def the_bot_as_you(tokens: Sequence[str], surface: tuple[str, ...]) -> list[str]:
    """``tokens`` (analysed: 通州 reads "tongzhou", 人才 "talent", a Chinese character is a
    token) with "this bot" or "the bot" as "you", and each name of the bot too (你 in Chinese)
    where ``surface``, the words as typed, names it (``words_naming_the_bot``: not "tongzhou
    helpers", which the tokens read as "helper", nor 通州区小助手). "bot" alone stays: "hey bot"
    is a greeting's own wording."""
    # Most messages hold no name: they are passed over without a look at each token.
    if _ENGLISH_MARKERS.isdisjoint(tokens) and (
        "tongzhou" not in tokens or _TITLE_STARTS.isdisjoint(tokens)
    ):
        return list(tokens)
    named = bool(words_naming_the_bot(surface))
    ends = dict(_english_names(tokens))
    plain: list[str] = []
    at = 0
    while at < len(tokens):
        end = ends.get(at)
        pointed = bool(plain) and plain[-1] in _POINTING
        if end is not None and ((named and end > at) or (pointed and end == at)):
            if pointed:
                plain.pop()
            plain.append("you")
            at = end + 1
        elif named and (end := _chinese_name_end(tokens, at)) is not None:
            plain.append("你")
            at = end
        else:
            plain.append(tokens[at])
            at += 1
    return plain


def chinese_name_as_this_bot(typed: str) -> str:
    """``typed`` with each Chinese name of the bot as 这个机器人 ("this bot"): 通州人才机器人多少钱
    asks what 这个机器人多少钱 asks."""
    return _BOT_NAMED_CHINESE.sub("这个机器人", typed)


def _chinese_name_end(tokens: Sequence[str], at: int) -> int | None:
    """Where a Chinese name of the bot starting at ``at`` ends (通州小助手, 通州人才机器人)."""
    if tokens[at] != "tongzhou":
        return None
    after = at + 2 if tuple(tokens[at + 1 : at + 2]) == ("talent",) else at + 1
    for title in _TITLES_CHINESE:
        if tuple(tokens[after : after + len(title)]) == tuple(title):
            return after + len(title)
    return None
