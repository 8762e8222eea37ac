"""What a question asks that no entry states, whatever words it shares with one.

"Who organised the doctoral event?", "will there be another one?", "what's AlphaESS's website?",
"how do I apply?", "这台设备卖多少钱", "where did Gu Sai study?", "is policy 3.0 any good?" and
"can I get a grant?" each share words with an entry that answers something else. The matcher
counts each such ask as an unseen unit of its own (``Matcher.query_units``), so the entry's
confidence drops by what it cannot say.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from bot.matching.asks import (
    asks_about_the_future,
    asks_for_an_opinion,
    asks_how_to,
    asks_who_organised,
)
from bot.matching.people import about_the_asker, asks_about_a_person_beyond_the_article
from bot.matching.settings import MatchSettings
from bot.matching.web_address import whose_address
from bot.matching.words import (
    BENEFIT_CHINESE,
    BENEFIT_ENGLISH,
    CLOSE_ONES_BENEFITS,
    CLOSE_ONES_BENEFITS_ENGLISH,
    CLOSE_ONES_NEEDS_ENGLISH,
    FUNDING_CONTEXT_CHINESE,
    FUTURE_CHINESE,
    HOW_TO_CHINESE,
    OPINION_CHINESE,
    PERSONAL_CHINESE,
    PRICE_CHINESE,
    WHO_CHINESE,
)

# Pseudo-units, one per kind of ask no entry answers
ORGANISER = "<organiser>"
FUTURE = "<future>"
WEB_ADDRESS = "<web address>"
PROCEDURE = "<procedure>"
PRICE = "<price>"
PERSON_DETAIL = "<person detail>"
OPINION = "<opinion>"
PERSONAL = "<personal>"


class Question(NamedTuple):
    """The question as the matcher has read it."""

    tokens: tuple[str, ...]  # analysed, synonyms folded
    surface: tuple[str, ...]  # as typed, spelling mended
    typed: str  # the surface joined: Chinese runs whole
    chinese: bool  # whether it holds a non-ASCII character (the Chinese patterns need one)
    asking: tuple[str, ...]  # the raw words of its asking clauses, or the whole surface
    asks_where_tongzhou_is: bool
    names_where: bool  # "where" is among its known units


def asks_beyond_the_sources(
    question: Question,
    settings: MatchSettings,
    asks_for_another_address: Callable[[str], bool],
) -> dict[str, float]:
    """Each kind of ask no entry answers that ``question`` makes, with its weight as a share
    of an unseen word's (``MatchSettings``)."""
    surface, typed, chinese = question.surface, question.typed, question.chinese
    found: dict[str, float] = {}
    if asks_who_organised(question.tokens, surface) or (chinese and WHO_CHINESE.search(typed)):
        found[ORGANISER] = settings.list_request_weight
    if asks_about_the_future(surface) or (chinese and FUTURE_CHINESE.search(typed)):
        found[FUTURE] = settings.subject_word_weight
    named = whose_address(surface, typed)
    if named and asks_for_another_address(named):
        found[WEB_ADDRESS] = settings.subject_word_weight
    # "where is Tongzhou and how do I get there", "how can I get to tongzhou, which province
    # is it in": the way there follows from where it is.
    if (
        (asks_how_to(surface) or (chinese and HOW_TO_CHINESE.search(typed)))
        and not question.names_where
        and not question.asks_where_tongzhou_is
    ):
        found[PROCEDURE] = settings.subject_word_weight
    if chinese and PRICE_CHINESE.search(typed) and not FUNDING_CONTEXT_CHINESE.search(typed):
        found[PRICE] = settings.subject_word_weight
    if asks_about_a_person_beyond_the_article(surface, typed):
        found[PERSON_DETAIL] = settings.subject_word_weight
    if asks_for_an_opinion(surface) or (chinese and OPINION_CHINESE.search(typed)):
        found[OPINION] = settings.subject_word_weight
    if asks_about_own_case(question):
        found[PERSONAL] = settings.personal_weight
    return found


def asks_about_own_case(question: Question) -> bool:
    """Whether the question is about the asker's own case: "can I get a grant", "my startup".

    Clauses telling who the asker is ("my grandson is job hunting", "本人自海外归来") do not ask
    about the asker's own case: only what is asked can. But a close one's benefits, or what the
    asker wants for themselves or their own, are told and asked together.
    """
    surface, typed, chinese = question.surface, question.typed, question.chinese
    spaced = " ".join(surface)
    return bool(
        about_the_asker(question.asking)
        or PERSONAL_CHINESE.search("".join(question.asking))
        or (chinese and CLOSE_ONES_BENEFITS.search(typed))
        or CLOSE_ONES_BENEFITS_ENGLISH.search(spaced)
        or (
            BENEFIT_ENGLISH.search(spaced) is not None
            and (about_the_asker(surface) or bool(CLOSE_ONES_NEEDS_ENGLISH.search(spaced)))
        )
        or (chinese and BENEFIT_CHINESE.search(typed) and PERSONAL_CHINESE.search(typed))
    )
