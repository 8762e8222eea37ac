"""Round 39's readings, from the misses of holdout95-98: the bot's source asked in new words,
and what the storage systems are made of (which the article does not say), each next to a
neighbour the change must leave alone (a review found three more readings taking too much)."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # where the bot's answers come from ("basing" had been read as what it can do)
        ("what are you basing these answers on", ("answer", "about-source")),
        ("what are you reading all this from", ("answer", "about-source")),
        # ... not a company basing itself somewhere
        ("basing our headquarters in tongzhou, any support?", ("suggest", None)),
        # the article names no battery chemistry
        ("what battery chemistry do alphaess storage systems use", ("decline", None)),
        ("what kind of storage systems does alphaess provide", ("answer", "alphaess-business")),
        # Taken back after a review: "journalist" as a subject the article does not speak of
        # declined reporters' own questions, 用意 as a purpose answered 你的用意是什么 with the
        # event's, and phrasings with "learn" and "behind" drew questions using them otherwise.
        (
            "as a reporter, I'd like to know when the doctoral event was",
            ("answer", "doctoral-event-date"),
        ),
        ("where can I learn Chinese in Tongzhou", ("decline", None)),
    ],
)
def test_round39_readings(
    rules_only: FaqEngine, question: str, expected: tuple[str, str | None]
) -> None:
    assert outcome(rules_only, question) == expected


@pytest.mark.parametrize("question", ["你的用意是什么", "我没有别的用意，就是想问问"])
def test_yongyi_is_no_question_about_the_event(shipped: FaqEngine, question: str) -> None:
    assert outcome(shipped, question)[1] != "doctoral-event-purpose"
