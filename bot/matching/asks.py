"""What a question asks for, read from its words as typed: how many, when, which ones by name,
one item's share, what is still to come, or the asker's own case.

The matcher checks each against what an entry's answer states (bot/matching/index.py): only an
entry stating a number can say how many, and no entry can say what is still to come.
"""

from __future__ import annotations

import itertools

from bot.matching.words import (
    LIST_REQUEST_LEADS,
    LIST_REQUEST_PLURALS,
    LIST_REQUEST_WORDS,
    NUMBER_WORDS,
    PER_ITEM_WORDS,
    PERSONA_WORDS,
    PERSONAL_WORDS,
    WHEN_WORDS,
)

_PERSONAS = frozenset((word,) for word in PERSONA_WORDS)
_WHEN_AUXILIARIES = frozenset(str.split("was were is are did does do will would has have had"))


def asks_how_many(surface: tuple[str, ...]) -> bool:
    """ "how many ...", "number of ...", "headcount", "tally" """
    return (
        "headcount" in surface
        or "tally" in surface
        or any(pair in (("how", "many"), ("number", "of")) for pair in itertools.pairwise(surface))
    )


_LISTING = (("on",), ("in",), ("at",), ("publicly",))
_LINKING = frozenset(("are", "were", "is", "the", "these", "those"))


def asks_for_a_list(surface: tuple[str, ...]) -> bool:
    """ "list the ...", "names of ...", "which five ...", "what 10 ..." """
    for position, word in enumerate(surface):
        # "list on the stock market" is going public, not a request for names.
        if word in LIST_REQUEST_WORDS and surface[position + 1 : position + 2] not in _LISTING:
            return True
    for position, word in enumerate(surface):
        if word not in LIST_REQUEST_LEADS:
            continue
        # "which five ...", and "which are the 10 ...".
        following = [w for w in surface[position + 1 : position + 4] if w not in _LINKING]
        if following and (following[0].isdigit() or following[0] in NUMBER_WORDS):
            return True
        # "which companies", and "which leading enterprises": one describing word between.
        if LIST_REQUEST_PLURALS.intersection(surface[position + 1 : position + 3]):
            return True
    return False


def asks_for_one_share(surface: tuple[str, ...]) -> bool:
    """ "each project", "the maximum", "a single project", "at most" """
    return bool(PER_ITEM_WORDS.intersection(surface)) or any(
        pair in (("a", "single"), ("at", "most")) for pair in itertools.pairwise(surface)
    )


def asks_about_the_future(surface: tuple[str, ...]) -> bool:
    """ "will there be ...", "is there going to be ..." """
    return any(
        pair in (("will", "there"), ("will", "be"), ("going", "to"))
        for pair in itertools.pairwise(surface)
    )


def about_the_asker(surface: tuple[str, ...]) -> bool:
    """ "my startup", "my kids": not "my friend says" """
    return any(
        word in PERSONAL_WORDS and surface[position + 1 : position + 2] not in _PERSONAS
        for position, word in enumerate(surface)
    )


def asks_when(surface: tuple[str, ...]) -> bool:
    """ "when was ...", "event when": not "what did they discuss when they met" """
    for position, word in enumerate(surface):
        if word not in WHEN_WORDS:
            continue
        following = surface[position + 1 : position + 2]
        if position == 0 or not following or following[0] in _WHEN_AUXILIARIES:
            return True
    return False
