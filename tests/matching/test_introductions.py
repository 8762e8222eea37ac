"""A greeting followed only by who the asker is gets the greeting's reply, not an entry its
words name ("你好，我是海外博士" had been answered with the doctoral event's date)."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.introductions import introduction_opening


@pytest.mark.parametrize(
    "message",
    [
        "你好，我是海外博士",
        "你好，我在英国读博",
        "嗨，我是做储能的工程师",
        "您好，我是一名在德国做博士后的研究人员",
        "hi, i'm a phd student in the uk",
        "hello! I'm a postdoc at Manchester working on batteries",
        "Hi there, I’m Li Wei. I am a materials scientist in Leeds.",
        "hiya, I am the HR director of a battery start-up",
        # any opening the small talk reads ("在吗" asks only whether the bot is there)
        "在吗，我是海外博士",
        "你好呀 我是英国回来的博士",
    ],
)
def test_a_greeting_and_an_introduction(shipped: FaqEngine, message: str) -> None:
    assert introduction_opening(message) is not None
    assert outcome(shipped, message) == ("smalltalk", "greeting")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a question or a topic after the introduction is still answered
        ("hi, I'm a phd student in the uk, when was the doctoral event?", "doctoral-event-date"),
        ("hi, i'm from the uk, doctoral event dates", "doctoral-event-date"),
        ("hello, i'm interested in the doctoral event", "doctoral-event-date"),
        ("hi, policy 3.0", "policy-3-0"),
    ],
)
def test_what_follows_an_introduction_is_still_read(
    shipped: FaqEngine, message: str, expected: str
) -> None:
    assert outcome(shipped, message) == ("answer", expected)


@pytest.mark.parametrize(
    "message",
    [
        "hi, i'm from the uk, doctoral event dates",
        "hi, policy 3.0",
        "我是海外博士",  # no greeting: not small talk on its own
        "hello",  # nothing after the greeting
        "你好，人才新政3.0",
        "hi, the doctoral event",
    ],
)
def test_not_only_an_introduction(message: str) -> None:
    assert introduction_opening(message) is None


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # what the asker is after, said as part of who they are, is a request
        ("hi, i'm confused about the dates of the doctoral event", "doctoral-event-date"),
        ("hi, i'm keen on the doctoral event", "doctoral-event-date"),
        ("你好，我在打听艾罗能源总部", "alphaess-headquarters"),
        ("你好，我在研究通州的十大产业链", "industrial-chains"),
    ],
)
def test_a_request_inside_an_introduction_is_read(
    shipped: FaqEngine, message: str, expected: str
) -> None:
    assert introduction_opening(message) is None
    assert outcome(shipped, message) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "smalltalk_id"),
    [
        # "good night" is the shortest phrasing holding "good"; the opening itself greets
        ("good morning, i'm a phd student", "greeting"),
        ("good evening all, i'm a postdoc", "greeting"),
        ("thanks, I'm a researcher in energy storage", "thanks"),
        ("谢谢，我是海外博士", "thanks"),
        ("Hi, I'm a Ph.D. student in London", "greeting"),
    ],
)
def test_the_reply_follows_the_opening(shipped: FaqEngine, message: str, smalltalk_id: str) -> None:
    assert outcome(shipped, message) == ("smalltalk", smalltalk_id)
