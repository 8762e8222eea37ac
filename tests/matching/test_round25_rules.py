"""Round 25's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest

from bot.faq import FaqEngine
from bot.matching.asks import about_the_asker, asks_when


def outcome(engine: FaqEngine, question: str) -> tuple[str, str | None]:
    match = engine.matcher.match(question)
    return match.kind, match.entry_id


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a purpose asked of the talent drive, not of the event
        ("what's the goal of tongzhou's talent push", "talent-priority"),
        ("通州引进人才的意义是什么", "talent-priority"),
        ("tongzhou talent drive, end goal?", "talent-priority"),
        # neighbours: the event's purpose stays the event's, a policy's aim is its focus, and
        # "at what point" asks when
        ("what was the goal of the uk scholars' visit", "doctoral-event-purpose"),
        ("what is the aim of the new talent policy", "policy-3-0"),
        ("at what point did tongzhou launch policy 3.0", "policy-3-0"),
        # "if I may ask" is politeness; a writer's piece says who asks
        ("which article are you citing, if I may ask", "about-source"),
        ("before I quote you in my column, which site is this from?", "about-source"),
        # facts are information; a WeChat account credits the photo
        ("where do you get your facts from", "about-source"),
        ("照片是哪个公众号拍的", "about-source"),
        # everyday words: a line of business, who went, a count, "please tell"
        ("艾罗是干哪个行当的", "alphaess-business"),
        ("海外博士活动去了哪些人", "doctoral-event-guests"),
        ("产业链个数 求告知", "industrial-chains"),
    ],
)
def test_round_25_answers(shipped: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(shipped, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "if I move to tongzhou, is there housing?",  # still the asker's own case
        "if I may ask, what salary does a postdoc get?",
    ],
)
def test_round_25_declines(shipped: FaqEngine, question: str) -> None:
    assert outcome(shipped, question)[0] != "answer"


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def test_politeness_is_not_the_askers_case() -> None:
    assert not about_the_asker(words("which article is it if i may ask"))
    assert about_the_asker(words("if i move there is there housing"))


def test_when_followed_by_exactly_asks_when() -> None:
    assert asks_when(("since", "when", "exactly"))
    assert not asks_when(("what", "did", "they", "discuss", "when", "they", "met"))
