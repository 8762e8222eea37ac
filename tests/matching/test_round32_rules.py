"""Round 32's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import answers_or_not, outcome

from bot.faq import FaqEngine
from bot.matching.guesses import checks_then_goes_on
from bot.matching.normalise import normalise
from bot.matching.subjects_guessed import focus_guessed


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a focus guessed in a yes-or-no question, which the entry about the subject corrects
        # ("basically", "mostly" hedge it and name nothing)
        ("is policy 3.0 basically all cash handouts?", "policy-3-0"),
        ("is policy 3.0 mostly about cash subsidies", "policy-3-0"),
        ("is tongzhou's talent drive just about growing its population?", "talent-priority"),
        # where the guests were from, guessed: not where something is
        (
            "the doctoral event guests were mostly from the US, weren't they?",
            "doctoral-event-guests",
        ),
        # a check in a clause the asker goes on after
        ("alphaess makes solar panels, right? doing a brief for my candidate", "alphaess-business"),
        ("AlphaESS HQ is in Shanghai right? asking for a friend", "alphaess-headquarters"),
        # a figure written with a thousands separator is one number
        ("has tongzhou backed roughly 1,000 talent startups?", "talent-projects-funding"),
        # what the district has named is counted, not a request for names
        ("count of the key industrial chains tongzhou has named", "industrial-chains"),
        # a zone that houses something is where it is
        ("which development zone houses alphaess's global headquarters", "alphaess-headquarters"),
        # what someone close believes is no case of the asker's own
        ("我家人一听通州就以为是北京的 文章说的通州到底是哪的", "tongzhou-location"),
        ("我朋友以为是北京通州 其实是哪里的通州", "tongzhou-location"),
        # grandparents and grandchildren are close ones whose plans the asker tells
        ("孙子要去通州上班，通州在哪个省", "tongzhou-location"),
        # 大咖, the big names who came
        ("那次海外博士活动请来的大咖都有谁", "doctoral-event-guests"),
    ],
)
def test_round32_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # who may apply is no focus guessed
        "is the talent policy only for chinese citizens",
        "is policy 3.0 only open to chinese nationals?",
        # an option after "or" is no focus guessed either
        "does policy 3.0 cover housing?",
        # houses asked for, not a place holding something
        "does the policy give houses to phds",
        # failures counted, which the sources never give
        "of the 372 projects how many went bust",
        # the asker's own family, asking for their case
        "我家孩子去通州工作能拿多少补贴",
        # what members of a counted group make: each one's business, which the sources never give
        "what do the 42 high-tech enterprises actually make",
        "what products do the 72 mass-production startups make",
        # how to move into a talent hub
        "人才枢纽怎么入驻",
        # signing deals is no signing off
        "did the UK scholars sign any cooperation agreement with Tongzhou?",
    ],
)
def test_round32_declines(rules_only: FaqEngine, question: str) -> None:
    assert answers_or_not(rules_only, question, None)


@pytest.mark.parametrize(
    ("message", "smalltalk_id"),
    [
        ("alright signing off, catch you later", "goodbye"),
        ("ok logging off now", "goodbye"),
        ("oi bot, u awake? 👀", "greeting"),
        ("你是谁做的", "who-are-you"),
    ],
)
def test_round32_small_talk(rules_only: FaqEngine, message: str, smalltalk_id: str) -> None:
    assert outcome(rules_only, message) == ("smalltalk", smalltalk_id)


def test_what_alphaess_makes_is_still_its_business(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "what does alphaess make") == ("answer", "alphaess-business")
    assert outcome(rules_only, "人才枢纽在哪里") == ("answer", "talent-hubs")


def test_a_focus_is_guessed_after_hedges_in_a_yes_or_no_question() -> None:
    assert focus_guessed(("is", "policy", "3.0", "basically", "all", "cash")) == ("cash",)
    # ... but not as an option after "or"
    assert focus_guessed(("is", "alphaess", "global", "or", "mostly", "domestic")) == ()


def test_a_check_before_the_last_clause_is_found() -> None:
    assert checks_then_goes_on("AlphaESS HQ is in Shanghai right? candidate is asking")
    assert checks_then_goes_on("the hubs are in companies, aren't they? asking for a friend")
    assert not checks_then_goes_on("where is alphaess? is it in the right place")
    assert not checks_then_goes_on("is that right?")


def test_thousands_separators_join_a_number() -> None:
    assert normalise("around 1,000 startups") == "around 1000 startups"
    assert normalise("2012,2013") == "2012 2013"
    assert normalise("3月26，27日") == "3月26 27日"
