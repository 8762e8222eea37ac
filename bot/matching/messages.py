"""A whole message rather than one question: a story told before the question, and several
questions asked in one message.

"I'm comparing cities for my postdoc and Suzhou lists dozens of sectors. How many key
industrial chains does Tongzhou focus on?" asks about the chains: the sentence before only
tells why. "How many projects has Tongzhou supported, and what is the application deadline?"
asks two things, one of which the sources answer. The matcher decides what to do with each
(bot/matching/matcher.py); this module only finds the parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.matching.analysis import raw_tokens
from bot.matching.clauses import (
    CHECKED,
    CLAUSE_BREAK,
    QUESTION_MARKS,
    asks_in_words,
    offers_a_claim,
)
from bot.matching.normalise import normalise
from bot.matching.people import about_the_asker
from bot.matching.words import (
    BENEFIT_ENGLISH,
    CHINESE_PLACES,
    CLOSE_ONES_NEEDS_ENGLISH,
    PLACE_STEMS,
    is_year,
)

WordsOf = Callable[[str], tuple[str, ...]]

_WORD = re.compile(r"[a-z']+")
_SENTENCE_ENDS = re.compile(r"[.!?。！？\n]")
# A quotation mark, and a single quote that is no apostrophe ("I've", "I’m")
_QUOTE = re.compile("[\"“”「」『』]|(?<![a-z])['‘’]|['‘’](?![a-z])", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# "... Do my numbers match?": the closing question checks what was told
_MATCHING = re.compile(r"\b(?:match|matches|add up|adds up|check out|checks out)\b")
_REFERRING = frozenset(str.split("it its they them their theirs he she his her"))
_IT = frozenset(("it", "its"))
# "is that covered", "does this apply", "what about those": a demonstrative standing alone,
# not before what it names ("is this district in jiangsu")
_DEMONSTRATIVES = frozenset(str.split("this that these those"))
_AFTER_A_PRONOUN = frozenset(
    str.split("true right correct available possible so apply applies cover covers count counts")
)
# "is that about right", "was this in 2012": after a verb, before a function word
_BEFORE_A_PRONOUN = frozenset(str.split("is was are were does do did"))
_FUNCTION_WORDS = frozenset(
    str.split(
        "about really actually still all also just even the a an in on at to from with by for of"
        " because what how why when where"
    )
)


def _first_reference(words: list[str]) -> int | None:
    """Where the first word standing for something named elsewhere is, if any."""
    for at, word in enumerate(words):
        if word in _REFERRING:
            return at
        if word not in _DEMONSTRATIVES:
            continue
        following = words[at + 1] if at + 1 < len(words) else ""
        before = words[at - 1] if at else ""
        if (
            not following
            or before == "about"
            or following.endswith("ed")
            or following in _AFTER_A_PRONOUN
            or (before in _BEFORE_A_PRONOUN and following in _FUNCTION_WORDS)
        ):
            return at
    return None


def without_a_story(question: str, words_of: WordsOf, vocabulary: frozenset[str]) -> str:
    """The message with a story told before its closing question cut away, when that is safe
    (``question_after_a_story``), else the message as it is.

    The story stays when it sets the scope the question is asked in: a place or a year the
    sources do not speak of, where neither part names the district ("Context: Kunshan. What
    are the talent hubs?"), or the asker's own case told before a question about benefits or
    help ("my startup is moving to tongzhou. what subsidies are there?", "I need a grant for
    my lab. Does policy 3.0 help?"; not "I missed the trip because of my visa. When was the
    event?").
    """

    def names_a_subject(text: str) -> bool:
        return any(word in vocabulary and word[0] != "?" for word in words_of(text))

    closing = question_after_a_story(question, names_a_subject)
    if closing is None:
        return question
    story = question[: max(0, question.casefold().rfind(closing))]
    story_home, story_foreign = _places_and_years(story, words_of, vocabulary)
    closing_home, closing_foreign = _places_and_years(closing, words_of, vocabulary)
    if story_foreign and not (story_home or closing_home or closing_foreign):
        return question
    spaced = " ".join(raw_tokens(normalise(question)))
    asks_for_help = BENEFIT_ENGLISH.search(closing) or _HELP_ASKED.search(closing)
    if asks_for_help and (
        about_the_asker(tuple(spaced.split())) or CLOSE_ONES_NEEDS_ENGLISH.search(spaced)
    ):
        return question
    return closing


# The district, its city and its province, as the synonyms name them
HOME_PLACES = frozenset(("tongzhou", "nantong", "jiangsu"))
_HELP_ASKED = re.compile(
    r"\b(?:help|helps|support|supports|offer|offers|available|cover|covers|provide|provides"
    r"|qualify|eligible|apply)\b"
)


def _places_and_years(
    text: str, words_of: WordsOf, vocabulary: frozenset[str]
) -> tuple[bool, bool]:
    """Whether ``text`` names the district (or its city or province), and whether it names a
    place or a year the sources do not speak of."""
    words = frozenset(words_of(text))
    home = not HOME_PLACES.isdisjoint(words)
    foreign = (
        not PLACE_STEMS.isdisjoint(words)
        or any(place in text for place in CHINESE_PLACES)
        or any(is_year(word) and word not in vocabulary for word in words)
    )
    return home, foreign


def question_after_a_story(question: str, names_a_subject: Callable[[str], bool]) -> str | None:
    """The closing question alone, when sentences telling a story come before it and it names
    its own subject (``names_a_subject``).

    None when the question points back ("... What were they trying to do?", "Is that
    covered?", "Which part of Nantong is their head office in?"; but "Where does AlphaESS keep
    its head office?" names what "its" stands for), when an earlier sentence asks, offers a
    claim or quotes a passage, when a figure told is checked ("AlphaESS has 60 subsidiaries. Do
    my numbers match?"), and in Chinese, whose sentences run on unpunctuated.
    """
    text = question.casefold()
    stripped = text.rstrip()
    # Most questions end otherwise or are one sentence: no need to break them into clauses.
    if not stripped.endswith(("?", "？")) or not _SENTENCE_ENDS.search(stripped[:-1]):
        return None
    pieces = CLAUSE_BREAK.split(text)
    # (clause, the break after it, where it starts among the pieces)
    ended = [
        (piece.strip(), pieces[at + 1] if at + 1 < len(pieces) else "", at)
        for at, piece in enumerate(pieces)
        if at % 2 == 0 and piece and piece.strip()
    ]
    if len(ended) < 2 or not ended[-1][0].isascii() or QUESTION_MARKS.isdisjoint(ended[-1][1]):
        return None
    # Where the closing sentence starts: after the last clause ending a sentence before it.
    start = max(
        (at + 1 for at, (_, end, _) in enumerate(ended[:-1]) if _SENTENCE_ENDS.search(end)),
        default=0,
    )
    told, asked = ended[:start], ended[start:]
    if not told or any(not QUESTION_MARKS.isdisjoint(end) for _, end, _ in told):
        return None
    if any(offers_a_claim(_WORD.findall(clause), clause) for clause, _, _ in told):
        return None
    story = "".join(pieces[: asked[0][2]])
    if _QUOTE.search(story):
        return None
    if not any(asks_in_words(_WORD.findall(clause), clause) for clause, _, _ in asked):
        return None
    closing = "".join(pieces[asked[0][2] :]).strip()
    words = _WORD.findall(closing)
    pointing = _first_reference(words)
    if pointing is not None and not (
        words[pointing] in _IT and names_a_subject(" ".join(words[:pointing]))
    ):
        return None
    # A short closing question checks what was told ("Accurate?"), and any closing question
    # checking a figure told does ("Is that right for the 372 projects?" names its own); a
    # longer one may tell its own claim ("I wrote '20 experts attended' - is that right?").
    checks = bool(CHECKED.search(closing) or _MATCHING.search(closing))
    if checks and (len(words) < 6 or (_DIGIT.search(story) and not _DIGIT.search(closing))):
        return None
    return closing if names_a_subject(closing) else None


# Where a message asking two things breaks: before "and" opening a second question ("when was it
# held, and was the weather nice"), or 还有 after a comma. Not after a question mark: what
# follows one mostly leans on it ("next event? dates?", "do I need a phd").
_SECOND_QUESTION = re.compile(
    r"[,，;；]\s*(?:and|also|plus)\s+(?=(?:what|whats|when|where|which|who|how|why|is|are|was"
    r"|were|do|does|did|can|could|will|would|has|have)\b)"
    # ... and in Chinese after a comma: 还有 ("and also"), 另外, 顺便问一下 ("by the way")
    r"|[,，;；]\s*(?:还有|另外|顺便问一下|顺便问下|顺便)(?=\S)"
)
# More parts than this is no message of a few questions but a list, or noise: not worth matching
# part by part.
_MOST_PARTS = 3


def question_parts(question: str) -> list[str]:
    """The questions a message asks one after another, when it asks two or three, each asking
    something of its own ("除了AlphaESS，还有哪些储能企业" sets one thing aside and asks once)."""
    parts = [part.strip() for part in _SECOND_QUESTION.split(question.casefold())]
    parts = [part for part in parts if part and any(character.isalnum() for character in part)]
    if not 1 < len(parts) <= _MOST_PARTS:
        return []
    if not all(map(_asks, parts)):
        return []
    return parts


def _asks(part: str) -> bool:
    """Whether any clause of ``part`` asks something ("investor dd: did it arrive ...")."""
    return any(
        asks_in_words(_WORD.findall(clause), clause)
        for clause in CLAUSE_BREAK.split(part)[::2]
        if clause.strip()
    )


def sets_its_own_scope(part: str, words_of: WordsOf, vocabulary: frozenset[str]) -> bool:
    """Whether a part of a message names a place or a year the sources do not speak of: "How
    many projects has Suzhou supported, and what is the total funding?" asks about Suzhou's
    funding too, so the other part is not answered for Tongzhou."""
    return _places_and_years(part, words_of, vocabulary)[1]
