"""Round 39's readings, from the misses of holdout95-98: the bot's source asked in new words,
who wrote the article and what the storage systems are made of (which the article does not
say), and 用意 as a purpose, each next to a neighbour the change must leave alone."""

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
        # the article names no journalist and no battery chemistry
        ("the journalist behind that tongzhou talent story, whats their name", ("decline", None)),
        ("what battery chemistry do alphaess storage systems use", ("decline", None)),
        ("what kind of storage systems does alphaess provide", ("answer", "alphaess-business")),
        # 用意 asks the purpose
        ("那场海外博士人才活动的用意是啥", ("answer", "doctoral-event-purpose")),
    ],
)
def test_round39_readings(
    rules_only: FaqEngine, question: str, expected: tuple[str, str | None]
) -> None:
    assert outcome(rules_only, question) == expected
