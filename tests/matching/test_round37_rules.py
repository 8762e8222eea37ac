"""Round 37's readings: emoji sent alone, gatherings still to come, and small talk a tester's
messages showed missing, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.asks import asks_about_the_future


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("👋", ("smalltalk", "greeting")),
        ("👍", ("smalltalk", "thanks")),
        ("👍🏽", ("smalltalk", "thanks")),  # a skin tone changes nothing
        ("🙏🙏", ("smalltalk", "thanks")),
        # other emoji alone say nothing the bot answers; with words, the words are read
        ("😂", ("decline", None)),
        ("👍 where is alphaess headquartered", ("answer", "alphaess-headquarters")),
    ],
)
def test_emoji_sent_alone(rules_only: FaqEngine, message: str, expected: tuple[str, str]) -> None:
    assert outcome(rules_only, message) == expected


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def test_a_gathering_still_to_come_is_beyond_the_sources() -> None:
    assert asks_about_the_future(_words("when is the next event for overseas doctoral talent"))
    assert asks_about_the_future(_words("any upcoming talent fairs"))
    # a day of the event that was held, a step after a policy
    assert not asks_about_the_future(_words("what happened on the next day of the event"))
    assert not asks_about_the_future(_words("what is the next step after policy 3.0"))
    assert not asks_about_the_future(_words("when was the doctoral event"))
    assert not asks_about_the_future(_words("is alphaess next to the event venue"))
    assert not asks_about_the_future(_words("what was the next event tongzhou held after march"))
    # ... but the past elsewhere in the question does not make the next one past
    assert asks_about_the_future(_words("when will the next event be held"))
    assert asks_about_the_future(_words("the last event was great when is the next event"))


@pytest.mark.parametrize(
    "question",
    ["when is the next event for overseas doctoral talent", "any upcoming talent fairs"],
)
def test_the_next_gathering_is_not_answered_with_the_last(
    shipped: FaqEngine, question: str
) -> None:
    # The examples answered the first with the date of the event held in March 2024.
    assert outcome(shipped, question)[0] != "answer"


@pytest.mark.parametrize(
    ("message", "smalltalk_id"),
    [
        ("nihao", "greeting"),
        ("zaijian", "goodbye"),
        ("ganxie", "thanks"),
        ("你會說中文嗎", "what-can-you-do"),
        ("are you chatgpt?", "who-are-you"),
        ("你的目的是什么", "who-are-you"),  # was the doctoral event's purpose
        ("how old are you", "who-are-you"),  # was the source's date
        ("你真笨", "who-are-you"),  # was "you're welcome", read from 你真棒
        ("nice", "thanks"),  # was "goodbye", read from "have a nice day"
        ("你好，机器人", "greeting"),
        # words that are small talk only as the whole message
        ("great!", "thanks"),
        ("okay", "thanks"),
        ("test", "greeting"),
        ("testing 123", "greeting"),
        ("ＯＫＡＹ", "thanks"),  # full width
        ("sounds great", "thanks"),
        ("nice to meet you", "greeting"),
        ("你的作用是什么", "who-are-you"),
        ("那你的目的是什么", "who-are-you"),
        ("小助手你的目的是什么", "who-are-you"),
        ("你的作用有哪些", "who-are-you"),
        ("test 1,2,3", "greeting"),
        ("test123", "greeting"),
        ("nice1", "thanks"),
        ("你的目的是什么？谢谢", "who-are-you"),
        ("what is this all about", "who-are-you"),
        # "what is this" and 你是啥 alone, with fillers
        ("what is this about", "who-are-you"),
        ("hmm what is this thing?", "who-are-you"),
        ("你是啥东西", "who-are-you"),
    ],
)
def test_small_talk_a_tester_found_missing(
    shipped: FaqEngine, message: str, smalltalk_id: str
) -> None:
    assert outcome(shipped, message) == ("smalltalk", smalltalk_id)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # those words in a question are no small talk
        ("is there a language test", ("decline", None)),
        ("not great", ("decline", None)),
        ("great britain", ("decline", None)),
        ("okay so where is the headquarters", ("answer", "alphaess-headquarters")),
        ("okay 3.0", ("suggest", None)),  # the policy named, not a count after a test
        # a purpose asked of someone else is the event's, not the bot's
        ("他们的目的是什么", ("answer", "doctoral-event-purpose")),
        ("目的是什么", ("answer", "doctoral-event-purpose")),
        # the bot's purpose named in a question about something else
        ("请问你的目的是介绍博士活动吗", ("answer", "doctoral-event-purpose")),
        ("政策3.0对你的作用大吗", ("answer", "policy-3-0")),
        ("政策3.0对你的作用是什么", ("answer", "policy-3-0")),  # what it does for the asker
        ("参加博士活动，你的目的是什么", ("answer", "doctoral-event-purpose")),
        ("你的作用是什么？AlphaESS总部在哪", ("answer", "alphaess-headquarters")),
    ],
)
def test_small_talk_words_inside_questions(
    shipped: FaqEngine, question: str, expected: tuple[str, str | None]
) -> None:
    assert outcome(shipped, question) == expected
