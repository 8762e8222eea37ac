"""Round 30's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import answers_or_not, outcome

from bot.faq import FaqEngine
from bot.matching.guesses import hubs_placed


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # formal and literary Chinese: 何处, 何日, 宗旨, 所为何来, polite openings
        ("敢问AlphaESS的全球总部设于何处？", "alphaess-headquarters"),
        ("冒昧请教：海外博士人才活动于何日举行？", "doctoral-event-date"),
        ("英国专家来通州的宗旨是什么", "doctoral-event-purpose"),
        ("通州如此重视创新人才，所为何来？", "talent-priority"),
        ("敬问通州位于何省", "tongzhou-location"),
        # a yes-or-no question putting the talent hubs somewhere offers the place to check
        ("are the talent hubs located at research institutes?", "talent-hubs"),
        ("is the talent hub based in a government office?", "talent-hubs"),
        ("人才枢纽是建在高校里吗", "talent-hubs"),
        # someone else's claim, checked: "my candidate thinks so"
        ("is alphaess a hydrogen firm? my candidate thinks so", "alphaess-business"),
        # what the asker guesses something is all about, corrected by its own entry
        ("the 3.0 policy is just about subsidies, right?", "policy-3-0"),
        # ... and a right guess still points at the entry it guesses
        ("so the doctoral event was basically about collaboration?", "doctoral-event-purpose"),
    ],
)
def test_round30_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # hubs somewhere else, asked whether they exist, or what they offer there
        "are there talent hubs in universities?",
        "is the talent hub in tongzhou open to foreigners?",
        "人才枢纽在大学有没有",
        # formal Chinese asking what the sources never say
        "敢问通州房价几何",
        "AlphaESS员工薪资何如",
        # what the policy would provide is asked, whoever's story names it
        "my wife wants a school place for our kid, does the talent policy cover that?",
        "my son wants housing, does 3.0 cover it",
        "my client needs a work visa, does policy 3.0 help with it?",
        # hubs asked something other than where they are, and hubs of transport
        "is the talent hub at alphaess open on weekends?",
        "人才枢纽在企业里能提供住房吗",
        "南通交通枢纽是设在通州吗",
        # where or how to claim a subsidy, in formal Chinese or in pinyin
        "何处可以申领人才补贴",
        "rencai butie zenme lingqu",
    ],
)
def test_round30_declines(rules_only: FaqEngine, question: str) -> None:
    assert answers_or_not(rules_only, question, None)


@pytest.mark.parametrize(
    ("message", "smalltalk_id"),
    [
        ("bye, got a train to catch", "goodbye"),
        ("拜拜 要去开会了", "goodbye"),
        ("在吗在吗 刚加你", "greeting"),
        ("你是人工还是机器人", "who-are-you"),
    ],
)
def test_round30_small_talk(rules_only: FaqEngine, message: str, smalltalk_id: str) -> None:
    assert outcome(rules_only, message) == ("smalltalk", smalltalk_id)


def test_a_greeting_that_goes_on_to_ask_is_asked(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "在吗 通州在哪") == ("answer", "tongzhou-location")
    assert outcome(rules_only, "bye, what about policy 3.0") == ("answer", "policy-3-0")


def test_only_a_yes_or_no_question_places_the_hubs() -> None:
    words = ("talent_hub", "establish", "university")
    placed = hubs_placed(
        ("are", "the", "talent", "hubs", "set", "up", "at", "universities"), "", words
    )
    assert placed == ("set", "up", "universities")
    assert not hubs_placed(("are", "there", "talent", "hubs", "in", "universities"), "", words)
    assert not hubs_placed(("where", "are", "the", "hubs"), "", ("talent_hub",))
    assert hubs_placed((), "人才枢纽设在大学吗", ("talent_hub",)) == ("大学",)
    assert hubs_placed((), "人才枢纽是设在政府还是企业里", ("talent_hub",)) == ("政府", "企业里")
    assert not hubs_placed((), "人才枢纽设在哪", ("talent_hub",))
    # a bare 在 (在招人, 在周末), a time, the asker's own plan, and other hubs place nothing
    for typed in (
        "人才枢纽在招人吗",
        "人才枢纽是建在2023年吗",
        "人才枢纽设在企业里的话我能去实习吗",
    ):
        assert not hubs_placed((), typed, ("talent_hub",))
    assert not hubs_placed((), "高铁枢纽是建在城区还是郊区", ("talent_hub",))
    # in English the place ends the question, and is no figure and no doing
    for surface in (
        ("are", "the", "talent", "hubs", "in", "tongzhou", "hiring"),
        ("are", "the", "talent", "hubs", "built", "in", "2023"),
        ("is", "the", "talent", "hub", "in", "tongzhou", "staffed", "by", "volunteers"),
    ):
        assert not hubs_placed(surface, "", ("talent_hub",))
